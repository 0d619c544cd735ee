#!/usr/bin/env bash
# The README's first command: set up, build (release) and serve the bundled sample corpus on port 8080.
# Extra arguments go to `newsdesk serve` (e.g. --data ../shared/corpus/dev --port 9090).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product newsdesk
exec .build/release/newsdesk serve "$@"
