#!/usr/bin/env bash
# Fault checks in under a minute (issue 9, items 1-3), each against a server it starts on 127.0.0.1
# (ports OPS_PORT_BASE.. +4 and +10, default 18150): file descriptors run out (ulimit -n 128, 200 connections),
# slowloris (50 connections trickling a header byte a second), the drain of an NDJSON export at SIGTERM,
# and wrk under SIGTERM. Prints one line of figures per check; exits 1 if any fails.
# NEWSDESK_BIN picks the binary (default: the debug build, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || scripts/apt-install.sh ops-check wrk
bin=${NEWSDESK_BIN:-.build/debug/newsdesk}
[ -x "$bin" ] || swift build
exec python3 scripts/ops_check.py "$bin" --port-base "${OPS_PORT_BASE:-18150}"
