#!/usr/bin/env bash
# Installs what building Newsdesk needs on Debian/Ubuntu (libevent and zlib headers, pkg-config),
# when missing. Uses sudo when not root. The Swift toolchain itself must already be on PATH.
set -euo pipefail
missing=()
for pkg in libevent-dev zlib1g-dev pkg-config; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
"$(dirname "$0")/apt-install.sh" setup ${missing[@]+"${missing[@]}"}
command -v swift >/dev/null || { echo "setup: the Swift toolchain (swift) is not on PATH" >&2; exit 1; }
