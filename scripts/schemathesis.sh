#!/usr/bin/env bash
# Fuzzes a live Newsdesk server against its own OpenAPI contract with schemathesis, every check on.
#
#   scripts/schemathesis.sh [DATA_DIR]        (default: corpus/sample)
#
# Environment:
#   NEWSDESK_BIN      server binary (default .build/debug/newsdesk; build it first with `swift build`)
#   ST_MAX_TIME       seconds schemathesis may spend (default 60)
#   ST_MAX_EXAMPLES   test cases per operation and phase (default 50)
#   ST_SEED           fixed random seed, to replay a run
#   ST_ARGS           more arguments for `schemathesis run`
#
# Starts the server on port 0, waits for /healthz, runs schemathesis against the document the server
# serves at /openapi.json, stops the server, and exits non-zero on any failure.
# Parameter rules OpenAPI cannot state live in scripts/schemathesis_hooks.py.
set -euo pipefail

cd "$(dirname "$0")/.."
data="${1:-corpus/sample}"
bin="${NEWSDESK_BIN:-.build/debug/newsdesk}"
max_time="${ST_MAX_TIME:-60}"
max_examples="${ST_MAX_EXAMPLES:-50}"

if [ ! -x "$bin" ]; then
    echo "schemathesis.sh: no server binary at $bin (run swift build, or set NEWSDESK_BIN)" >&2
    exit 2
fi
if ! command -v schemathesis >/dev/null 2>&1; then
    echo "schemathesis.sh: installing schemathesis" >&2
    python3 -m pip install --quiet 'schemathesis>=4.0,<5'
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$bin" serve --port 0 --data "$data" >"$work/server.log" 2>&1 &
server_pid=$!

port=""
for _ in $(seq 600); do
    port="$(sed -n 's/.*server\.port=\([0-9][0-9]*\).*/\1/p' "$work/server.log" | head -n 1)"
    [ -n "$port" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "schemathesis.sh: the server exited before listening:" >&2
        cat "$work/server.log" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "schemathesis.sh: the server did not log server.port within 60 s:" >&2
    cat "$work/server.log" >&2
    exit 1
fi
base="http://127.0.0.1:$port"
healthy=""
for _ in $(seq 100); do
    if curl -fsS "$base/healthz" >/dev/null 2>&1; then healthy=yes; break; fi
    sleep 0.1
done
if [ -z "$healthy" ]; then
    echo "schemathesis.sh: $base/healthz did not answer" >&2
    exit 1
fi
# Test the document the server actually serves; from a file, /openapi.json itself is tested too.
curl -fsS "$base/openapi.json" -o "$work/openapi.json"
echo "schemathesis.sh: server on $base, data $data"

seed=()
[ -n "${ST_SEED:-}" ] && seed=(--seed "$ST_SEED")
status=0
# Run from the scratch directory so schemathesis' own cache stays out of the source tree.
(cd "$work" && PYTHONPATH="$OLDPWD/scripts${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=schemathesis_hooks \
    schemathesis run "$work/openapi.json" --url "$base" \
    --checks all --max-examples "$max_examples" --max-time "$max_time" --request-timeout 10 \
    --no-color "${seed[@]}" ${ST_ARGS:-}) || status=$?

if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "schemathesis.sh: the server died during the run:" >&2
    tail -n 50 "$work/server.log" >&2
    status=1
fi
if grep -Eq "^[^ ]+ (error|critical) " "$work/server.log"; then
    echo "schemathesis.sh: the server logged errors:" >&2
    grep -E "^[^ ]+ (error|critical) " "$work/server.log" | head -n 20 >&2
    status=1
fi
exit "$status"
