#!/usr/bin/env bash
# Memory after reloads (issue 9 item 5): serves a corpus (release build), reads the resident size once
# loaded, sends SIGHUP three times (each after the previous reload finished, with a few requests between),
# and reads it again. Usage: scripts/reload-rss.sh [CORPUS_DIR] (default ../shared/corpus/scale).
# Prints: reload fresh_rss_mb=F after3_rss_mb=A ratio=R reloads=3; exits 1 when R > 1.3.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/scale}
bin=${NEWSDESK_BIN:-.build/release/newsdesk}
if [ -z "${NEWSDESK_BIN:-}" ]; then scripts/setup.sh >/dev/null; swift build -c release --product newsdesk >/dev/null; fi
log=$(mktemp)
"$bin" serve --port 0 --data "$corpus" --log-level info >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
port=
for _ in $(seq 6000); do
    port=$(grep -o 'server.port=[0-9]*' "$log" | cut -d= -f2 || true)
    [ -n "$port" ] && break
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
traffic() {
    for path in /stats '/articles?limit=100' '/quotes?limit=200' '/entities?limit=200' /casualties/summary; do
        curl -fsS -o /dev/null "http://127.0.0.1:$port$path"
    done
}
traffic
sleep 1
fresh=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
for n in 1 2 3; do
    kill -HUP $pid
    for _ in $(seq 6000); do
        [ "$(grep -c 'reloaded' "$log" || true)" -ge $n ] && break
        sleep 0.1
    done
    traffic
done
sleep 1
after=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
reloads=$(grep -c 'reloaded' "$log" || true)
python3 - "$fresh" "$after" "$reloads" <<'PY'
import sys
fresh, after, reloads = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
ratio = after / fresh
print(f"reload fresh_rss_mb={fresh // 1024} after3_rss_mb={after // 1024} ratio={ratio:.2f} reloads={reloads}")
sys.exit(0 if ratio <= 1.3 and reloads == 3 else 1)
PY
