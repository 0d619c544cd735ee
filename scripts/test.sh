#!/usr/bin/env bash
# The README's test command: set up, then run the unit, router and live tests (swift test), the
# schemathesis run against /openapi.json of a live server, and the dashboard test in headless Chromium.
# SKIP_BROWSER=1 skips the browser test, SKIP_SCHEMATHESIS=1 the schemathesis run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build
if [ "${SKIP_SCHEMATHESIS:-0}" != 1 ] && [ -x scripts/schemathesis.sh ]; then
    scripts/schemathesis.sh corpus/sample
fi
if [ "${SKIP_BROWSER:-0}" != 1 ] && [ -x examples/dashboard/run-test.sh ]; then
    examples/dashboard/run-test.sh
fi
