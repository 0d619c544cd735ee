#!/usr/bin/env bash
# Instructions per uncached request of each dashboard query, counted by valgrind's callgrind on a release build
# (stable on a loaded machine, where wall clock is not), with the response bytes of each.
#
#   scripts/callgrind-queries.sh [N] [PATH...]     (defaults: 20 requests each, the queries of bench-scale.sh)
#
# Environment: NEWSDESK_BIN (default .build/release/newsdesk), DATA (default corpus/sample; any corpus folder),
# KEEP (a folder to copy each query's callgrind dump to, for callgrind_annotate --inclusive=yes).
#
# One server runs under callgrind with the response cache off and one event-loop thread; the load runs with
# instrumentation off. For each path: one warm-up request, counters zeroed, N requests on one keep-alive
# connection, counters dumped; prints the path, the body bytes and the dump's instructions divided by N.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-20}"
shift || true
paths=("$@")
if [ ${#paths[@]} -eq 0 ]; then
    paths=("/entities/united-states" "/casualties/summary" "/casualties/summary?kind=killed&from=2015-01-01&to=2015-12-31"
           "/entities?type=location&limit=20" "/casualties?kind=killed&limit=50" "/articles/1987-03-02"
           "/quotes?speaker=reagan" "/entities?q=ba" "/articles?q=oil" "/quotes?q=oil" "/speakers" "/events")
fi
bin="${NEWSDESK_BIN:-.build/release/newsdesk}"
data="${DATA:-corpus/sample}"
source scripts/lib/callgrind.sh
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"' EXIT

callgrind_binary "$bin" "$work/newsdesk" callgrind-queries
NEWSDESK_RESPONSE_CACHE_ENTRIES=0 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/callgrind.out" \
    "$work/newsdesk" serve --port 0 --data "$data" --threads 1 --log-level info >"$work/log" 2>&1 &
pid=$!
port="$(callgrind_port "$work/log" "$pid" 12000 callgrind-queries)"
callgrind_control -i on "$pid" >/dev/null 2>&1
printf '%-64s %10s %14s\n' "path" "bytes" "instructions"
k=0
for path in "${paths[@]}"; do
    k=$((k + 1))
    bytes="$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$path")"
    callgrind_control -z "$pid" >/dev/null 2>&1
    python3 scripts/lib/get_repeat.py "$port" "$path" "$n" 600
    callgrind_control -d "q$k" "$pid" >/dev/null 2>&1
    dump="$(ls -t "$work"/callgrind.out* | grep -v '^$' | head -n 1)"
    total="$(sed -n 's/^totals: \([0-9]*\).*/\1/p' "$dump" | head -n 1)"
    [ -n "${KEEP:-}" ] && cp "$dump" "$KEEP/callgrind.q$k"
    printf '%-64s %10s %14s\n' "$path" "$bytes" "$(( total / n ))"
done
