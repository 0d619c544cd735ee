#!/usr/bin/env bash
# Failover, proven: two replicas behind nginx (examples/deploy/nginx.conf) on loopback, wrk through nginx;
# mid-run replica A is killed with SIGKILL and restarted, then replica B gets SIGTERM (it drains and exits).
# Prints last `failover requests=N errors=E`, E counting non-2xx responses and socket errors seen by wrk;
# exits 1 when E > 0.
#
# Ports PORT_BASE (nginx), +1 (A), +2 (B), +3 (a probe of the startup time); default 18180. NEWSDESK_BIN picks the binary (default: the
# debug build, built if missing), DATA the corpus (corpus/sample), DURATION wrk's seconds (defaults to
# enough for a replica to restart). Installs nginx and wrk with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
scripts/apt-install.sh failover ${missing[@]+"${missing[@]}"}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

bin=${NEWSDESK_BIN:-.build/debug/newsdesk}
[ -x "$bin" ] || swift build
data=${DATA:-corpus/sample}
base=${PORT_BASE:-18180}
lb=$base a=$((base + 1)) b=$((base + 2))
work=$(mktemp -d /tmp/newsdesk-failover.XXXXXX)
pids=()

cleanup() {
    [ -f "$work/nginx.pid" ] && "$NGINX" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

log() { echo "failover: $(date +%T) $*" >&2; }

start_replica() {  # port; sets $started_pid (a child of this shell, so that `wait` gives its status)
    "$bin" serve --data "$data" --port "$1" --threads 1 >>"$work/replica-$1.log" 2>&1 &
    started_pid=$!
    pids+=("$started_pid")
}

wait_healthy() {  # port [seconds]
    local deadline=$((SECONDS + ${2:-120}))
    until curl -sf -o /dev/null "http://127.0.0.1:$1/healthz"; do
        [ $SECONDS -lt "$deadline" ] || { log "port $1 did not become healthy"; return 1; }
        sleep 0.1
    done
}

# A stray server left on a port would answer for a replica (or, built before the first thread took every
# connection, share the port with SO_REUSEPORT): refuse to run then.
for port in "$lb" "$a" "$b" $((base + 3)); do
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
        echo "failover: something already listens on port $port; stop it or set PORT_BASE" >&2
        exit 2
    fi
done

sed -e "s/127.0.0.1:8080/127.0.0.1:$lb/" -e "s/127.0.0.1:8081/127.0.0.1:$a/" -e "s/127.0.0.1:8082/127.0.0.1:$b/" \
    examples/deploy/nginx.conf >"$work/nginx.conf"

start_replica "$a"; pid_a=$started_pid
start_replica "$b"; pid_b=$started_pid
wait_healthy "$a"
wait_healthy "$b"
"$NGINX" -p "$work" -c "$work/nginx.conf"
wait_healthy "$lb" 10

# How long a restart takes here decides the run's length: kill at 3 s, restart, wait for health, give
# nginx's fail_timeout (2 s) time to take A back, SIGTERM B, and keep going a few seconds on A alone.
started=$SECONDS
start_replica $((base + 3)); restart_probe=$started_pid
wait_healthy $((base + 3))
startup=$((SECONDS - started + 1))
kill -KILL "$restart_probe"
wait "$restart_probe" 2>/dev/null || true
duration=${DURATION:-$((3 + startup + 4 + 6))}
log "replica startup ${startup}s; wrk for ${duration}s through nginx on :$lb"

wrk -t2 -c16 -d"${duration}s" -s scripts/wrk-count.lua "http://127.0.0.1:$lb/articles?limit=5" >"$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 3
log "SIGKILL replica A (:$a, pid $pid_a)"
killed_at=$SECONDS
kill -KILL "$pid_a"
wait "$pid_a" 2>/dev/null || true
start_replica "$a"; pid_a=$started_pid
wait_healthy "$a"
log "replica A is back (pid $pid_a) after $((SECONDS - killed_at))s"
sleep 3
log "SIGTERM replica B (:$b, pid $pid_b)"
term_at=$SECONDS
kill -TERM "$pid_b"
status=0
wait "$pid_b" || status=$?
log "replica B drained and exited with status $status after $((SECONDS - term_at))s"
wait "$wrk_pid" || true

line=$(grep '^wrk-count:' "$work/wrk.txt") || { cat "$work/wrk.txt" >&2; exit 1; }
value() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
requests=$(value requests)
errors=$(($(value non2xx) + $(value connect) + $(value read) + $(value write) + $(value timeout)))
log "$line"
# What nginx met and retried on the other replica (refused connections, resets), as its error log tells.
sed -n 's/.*\] [0-9#]*: \*[0-9]* \([^,]*\) while .*/\1/p' "$work/error.log" 2>/dev/null | sed 's/[0-9]*: //' | sort | uniq -c |
    while read -r count what; do log "nginx retried $count: $what"; done
echo "failover requests=$requests errors=$errors"
[ "$errors" -eq 0 ] && [ "$status" -eq 0 ]
