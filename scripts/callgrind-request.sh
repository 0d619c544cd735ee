#!/usr/bin/env bash
# Instructions per cached request, counted by valgrind's callgrind on a release build.
#
#   scripts/callgrind-request.sh [N] [PATH]     (defaults: 2000 and /quotes?speaker=Hajiyev)
#
# Environment: NEWSDESK_BIN (default .build/release/newsdesk; build it with `swift build -c release`),
# DATA (default corpus/sample), PORT (default 0: a free port).
#
# Runs the server twice under callgrind with one event-loop thread: once answering the request once (startup,
# corpus load and the first, uncached answer), once answering it 1 + N times on one keep-alive connection.
# Prints `callgrind instructions_per_request=(second - first) / N`, so startup and the cache miss cancel out.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000}"
path="${2:-/quotes?speaker=Hajiyev}"
bin="${NEWSDESK_BIN:-.build/release/newsdesk}"
data="${DATA:-corpus/sample}"
source scripts/lib/callgrind.sh
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; [ -n "${KEEP:-}" ] && cp "$work"/callgrind.* "$KEEP"/ ; rm -rf "$work"' EXIT

callgrind_binary "$bin" "$work/newsdesk" callgrind-request

# Total instructions (Ir) of one server run that answers `path` `count` times.
run() {
    local count="$1" log="$work/log.$1" out="$work/callgrind.$1"
    valgrind --tool=callgrind --callgrind-out-file="$out" "$work/newsdesk" serve --port "${PORT:-0}" --data "$data" \
        --threads 1 --log-level info >"$log" 2>&1 &
    pid=$!
    local port
    port="$(callgrind_port "$log" "$pid" 1200 callgrind-request)"
    python3 scripts/lib/get_repeat.py "$port" "$path" "$count" 60 --expect-200
    kill -INT "$pid"
    wait "$pid" || true
    pid=""
    sed -n 's/^totals: \([0-9]*\).*/\1/p' "$out" | head -n 1 >"$work/total.$count"
}

# Not in $(...): a subshell would run the EXIT trap and remove the scratch folder.
run 1
run $((n + 1))
first="$(cat "$work/total.1")"
second="$(cat "$work/total.$((n + 1))")"
echo "callgrind startup_instructions=$first total_instructions=$second requests=$n"
echo "callgrind instructions_per_request=$(( (second - first) / n ))"
