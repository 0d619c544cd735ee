#!/usr/bin/env bash
# The README's test command: set up, then run the unit, router and live tests (swift test), the
# schemathesis run against /openapi.json of a live server, the dashboard test in headless Chromium,
# and the fault checks (scripts/ops-check.sh: fd exhaustion, slowloris, drain, wrk under SIGTERM).
# SKIP_BROWSER=1 skips the browser test, SKIP_SCHEMATHESIS=1 the schemathesis run, SKIP_OPS=1 the fault checks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build
if [ "${SKIP_SCHEMATHESIS:-0}" != 1 ] && [ -x scripts/schemathesis.sh ]; then
    scripts/schemathesis.sh corpus/sample
fi
if [ "${SKIP_OPS:-0}" != 1 ]; then
    scripts/ops-check.sh
fi
if [ "${SKIP_BROWSER:-0}" != 1 ] && [ -x examples/dashboard/run-test.sh ]; then
    examples/dashboard/run-test.sh
fi
