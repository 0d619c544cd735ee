#!/usr/bin/env bash
# Scale benchmark: builds a ~100k-article corpus (../shared/corpus/scale five times over, hard links in a temp
# directory), serves it with the release build and the response cache off, and prints the load time, resident
# memory, memory per byte of text, uncached requests/s of each dashboard query (wrk -c64, DURATION seconds), and
# the time a SIGHUP takes to serve the corpus again after 100 articles are added.
# Usage: scripts/bench-scale.sh [SOURCE_DIR] (default ../shared/corpus/scale). COPIES (5), DURATION (3);
# SKIP_QUERIES=1 measures only the load and the SIGHUP; NEWSDESK_BIN=PATH runs that binary (say main's, to compare
# in the same minutes) instead of building the release one.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(cd "${1:-../shared/corpus/scale}" && pwd)
copies=${COPIES:-5}
duration=${DURATION:-3}
scripts/setup.sh
command -v wrk >/dev/null || scripts/apt-install.sh bench-scale wrk
bin=${NEWSDESK_BIN:-.build/release/newsdesk}
[ -n "${NEWSDESK_BIN:-}" ] || swift build -c release --product newsdesk >/dev/null
work=$(mktemp -d)
log=$work/server.log
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
# Hard links on the same file system, else copies.
for i in $(seq "$copies"); do
    cp -al "$source_dir" "$work/corpus/copy$i" 2>/dev/null || { mkdir -p "$work/corpus"; cp -al "$source_dir" "$work/corpus/copy$i" 2>/dev/null || cp -a "$source_dir" "$work/corpus/copy$i"; }
done
NEWSDESK_RESPONSE_CACHE_ENTRIES=0 "$bin" serve --port 0 --data "$work/corpus" --log-level info >"$log" 2>&1 &
pid=$!
port=""
for _ in $(seq 6000); do
    port=$(grep -o 'server.port=[0-9]*' "$log" | cut -d= -f2 || true)
    [ -n "$port" ] && break
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "bench-scale: the server did not start" >&2; cat "$log" >&2; exit 1; }
base="http://127.0.0.1:$port"
stats=$(curl -fsS "$base/stats")
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
python3 - "$stats" "$rss_kb" <<'PY'
import json, sys
s = json.loads(sys.argv[1])["data"]
rss = int(sys.argv[2]) * 1024
text = s["textBytes"]
print(f"articles={s['articles']} quotes={s['quotes']} figures={s['casualties']} entities={s['entities']} "
      f"load_seconds={s['loadSeconds']:.2f} text_mb={text / 1e6:.1f} rss_mb={rss / 1e6:.0f} rss_per_text={rss / max(text, 1):.2f}")
if "clusteringSeconds" in s:
    print(f"events={s['events']} clustering_seconds={s['clusteringSeconds']:.3f} "
          f"clustering_share={s['clusteringSeconds'] / max(s['loadSeconds'], 1e-9):.3f} (of load_seconds)")
PY
queries=(
    "/entities/united-states"
    "/casualties/summary"
    "/casualties/summary?kind=killed&from=2015-01-01&to=2015-12-31"
    "/entities?type=location&limit=20"
    "/casualties?kind=killed&limit=50"
    "/articles/1987-03-02"
    "/quotes?speaker=reagan"
    "/entities?q=ba"
    "/articles?q=oil"
    "/quotes?q=oil"
    "/speakers"
    # What examples/dashboard asks besides: top entities, the speaker list, a day's articles, one article, events.
    "/entities?limit=10"
    "/speakers?limit=200"
    "/articles/1987-03-02?limit=100"
    "/articles/1987-03-02-advance-circuits-advc-gets-loan"
    "/events?limit=100&sort=killed&minSources=2"
)
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/events" || true)
[ "$status" = 200 ] && queries+=("/events")
[ "${SKIP_QUERIES:-0}" = 1 ] && queries=()
for q in "${queries[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base$q")
    rps=$(wrk -t2 -c64 -d"${duration}s" "$base$q" 2>/dev/null | awk '/Requests\/sec/ {printf "%.0f", $2}')
    printf '%-64s %8s req/s  (status %s)\n' "$q" "$rps" "$code"
done
# SIGHUP after adding 100 articles: seconds until /stats shows the new corpus.
mkdir -p "$work/corpus/extra"
find "$source_dir" -name '*.txt' | sort | sed -n 1,100p | while read -r f; do
    ln "$f" "$work/corpus/extra/$(basename "$f")" 2>/dev/null || cp "$f" "$work/corpus/extra/"
done
before=$(curl -fsS "$base/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["articles"])')
start=$(date +%s.%N)
kill -HUP $pid
for _ in $(seq 6000); do
    now=$(curl -fsS "$base/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["articles"])')
    [ "$now" != "$before" ] && break
    sleep 0.1
done
end=$(date +%s.%N)
python3 -c "print(f'sighup_100_new_articles: articles {$before} -> {$now}, served after {$end - $start:.2f} s')"
# Where the time goes, from the log lines of the first load and the reload: reading and extraction (with the
# files read again and reused), then the index build, step by step.
for _ in $(seq 100); do [ "$(grep -c 'corpus loaded' "$log")" -ge 2 ] && break; sleep 0.1; done
grep -o 'corpus.pages_seconds=[0-9.]*' "$log" | sed 's/corpus\./sighup: /' || true
grep 'corpus loaded' "$log" | python3 <(cat <<'PY'
import re, sys
for name, line in zip(["start", "sighup"], sys.stdin):
    f = dict(re.findall(r"corpus\.(\w+)=(\S+)", line))
    keys = ["load_seconds", "extract_seconds", "files_read", "files_reused", "articles_extracted", "articles_reused",
            "load_steps", "index_seconds", "index_steps"]
    print(name + ": " + " ".join(k + "=" + f.get(k, "?") for k in keys))
PY
)
