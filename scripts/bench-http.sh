#!/usr/bin/env bash
# HTTP benchmark: serves a corpus with the release build and runs ../shared/tools/bench.sh against it
# (requests/s of Newsdesk against nginx serving the same bytes). Usage: scripts/bench-http.sh [CORPUS_DIR]
# Default corpus: corpus/sample. DURATION, ROUNDS, CONNECTIONS pass through to bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-corpus/sample}
scripts/setup.sh
swift build -c release --product newsdesk >/dev/null
log=$(mktemp)
.build/release/newsdesk serve --port 0 --data "$corpus" --threads 2 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 600); do
    port=$(grep -o 'server.port=[0-9]*' "$log" | cut -d= -f2 || true)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "${port:-}" ] || { echo "bench-http: the server did not start" >&2; cat "$log" >&2; exit 1; }
../shared/tools/bench.sh "http://127.0.0.1:$port"
