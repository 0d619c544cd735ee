#!/usr/bin/env bash
# Load benchmark: serves a corpus with the release build and prints the load time, resident memory and
# memory per byte of article text. Usage: scripts/bench-load.sh [CORPUS_DIR] (default ../shared/corpus/scale)
# Prints e.g.: articles=20549 load_seconds=2.18 text_mb=31.6 rss_mb=152 rss_per_text=4.81
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/scale}
scripts/setup.sh
swift build -c release --product newsdesk >/dev/null
log=$(mktemp)
.build/release/newsdesk serve --port 0 --data "$corpus" --log-level info >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 600); do
    port=$(grep -o 'server.port=[0-9]*' "$log" | cut -d= -f2 || true)
    [ -n "$port" ] && break
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
stats=$(curl -fsS "http://127.0.0.1:$port/stats")
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
python3 - "$stats" "$rss_kb" <<'PY'
import json, sys
s = json.loads(sys.argv[1])["data"]
rss = int(sys.argv[2]) * 1024
text = s["textBytes"]
print(f"articles={s['articles']} quotes={s['quotes']} figures={s['casualties']} entities={s['entities']} "
      f"load_seconds={s['loadSeconds']:.2f} text_mb={text / 1e6:.1f} rss_mb={rss / 1e6:.0f} rss_per_text={rss / max(text, 1):.2f}")
PY
