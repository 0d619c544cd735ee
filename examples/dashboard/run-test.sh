#!/usr/bin/env bash
# Runs the dashboard's browser test (test_dashboard.py) in headless Chromium.
#
# Installs what it needs: Debian's chromium and chromium-driver when missing (only as root; otherwise it
# says what to install), and Python's selenium and pytest from PyPI. Selenium then uses the system
# chromedriver at /usr/bin/chromedriver and downloads nothing.
#
# Expects the server to be built (`swift build`); NEWSDESK_BIN and NEWSDESK_DATA choose the binary and the
# corpus (defaults .build/debug/newsdesk and corpus/sample, relative to the repository root).
# Extra arguments go to pytest. Exits non-zero when anything fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

if ! command -v chromium >/dev/null 2>&1 || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "run-test.sh: installing chromium and chromium-driver" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
    else
        echo "run-test.sh: needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) as root" >&2
        exit 1
    fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import selenium, pytest' >/dev/null 2>&1; then
    echo "run-test.sh: installing selenium and pytest" >&2
    "$python" -m pip install --quiet --disable-pip-version-check selenium pytest
fi

# Selenium Manager must not fetch drivers or browsers: the test names /usr/bin/chromedriver itself.
export SE_OFFLINE=true

exec "$python" -m pytest -p no:cacheprovider -rs "$here/test_dashboard.py" "$@"
