#!/usr/bin/env bash
# Installs Debian packages for another script: with sudo when not root, after an index update, quietly.
# Usage: scripts/apt-install.sh LABEL PACKAGE...   (LABEL names the caller in the one line it prints;
# no package given: nothing to do). The caller decides what is missing.
set -euo pipefail
label=$1
shift
[ $# -gt 0 ] || exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "$label: installing $*" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
