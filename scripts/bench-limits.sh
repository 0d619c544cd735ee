#!/usr/bin/env bash
# Bounded loading, measured (issue 9 item 4): serves (release build) two corpora built in a temporary folder
# and prints the load time, the peak and final resident memory and what was skipped:
#   big-text: corpus/sample plus a 200 MB text file (refused unread: over maxArticleBytes);
#   jsonl:    one JSON Lines file of 100,000 articles, about 150 MB (read a line at a time).
# Usage: scripts/bench-limits.sh [big-text|jsonl ...]   NEWSDESK_BIN overrides the binary.
# Prints e.g.: limits case=big-text file_mb=200 articles=1 skipped=1 load_seconds=0.10 peak_rss_mb=60 rss_mb=58
set -euo pipefail
cd "$(dirname "$0")/.."
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(big-text jsonl)
bin=${NEWSDESK_BIN:-.build/release/newsdesk}
if [ -z "${NEWSDESK_BIN:-}" ]; then scripts/setup.sh >/dev/null; swift build -c release --product newsdesk >/dev/null; fi
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

make_corpus() {
    local dir="$work/$1"
    mkdir -p "$dir"
    case $1 in
    big-text)
        cp -R corpus/sample/. "$dir/"
        python3 - "$dir/huge.txt" <<'PY'
import sys
line = "The council met again on Tuesday and said the road would reopen after repairs near the bridge.\n"
with open(sys.argv[1], "w") as f:
    f.write("date 2021-01-01 A very long file.\n\n")
    block = line * 10000
    while f.tell() < 200 * 1000 * 1000:
        f.write(block)
PY
        ;;
    jsonl)
        python3 - "$dir/feed.jsonl" <<'PY'
import json, random, sys
random.seed(7)
names = ["Amina Yusuf", "Pedro Alvarez", "Li Wei", "Sarah Cohen", "Ivan Petrov", "Grace Mensah"]
places = ["Lagos", "Madrid", "Shanghai", "Haifa", "Kyiv", "Accra", "Lima", "Oslo"]
words = ("the council water road market school budget storm police court trade river election vote "
         "bridge health report crowd minister plan town village harbour workers strike").split()
with open(sys.argv[1], "w") as f:
    for n in range(100000):
        place, name = random.choice(places), random.choice(names)
        paras = []
        for _ in range(6):
            body = " ".join(random.choice(words) for _ in range(30))
            paras.append(f"In {place}, {body}. \u201cWe will {random.choice(words)} the {random.choice(words)},\u201d {name} said.")
        paras.append(f"At least {random.randint(2, 90)} people were killed in {place} on Monday, officials said.")
        day = 1 + n % 28
        f.write(json.dumps({"date": f"2022-03-{day:02d}", "title": f"{place} report {n}",
                            "text": "\n\n".join(paras)}) + "\n")
PY
        ;;
    esac
    du -sm "$dir" | cut -f1
}

for c in "${cases[@]}"; do
    size=$(make_corpus "$c")
    log="$work/$c.log"
    "$bin" serve --port 0 --data "$work/$c" --log-level info >"$log" 2>&1 &
    pid=$!
    peak=0
    port=
    for _ in $(seq 6000); do
        rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0)
        port=$(grep -o 'server.port=[0-9]*' "$log" | cut -d= -f2 || true)
        [ -n "$port" ] && break
        kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    stats=$(curl -fsS "http://127.0.0.1:$port/stats")
    peak_kb=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
    rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    python3 - "$c" "$size" "$stats" "$peak_kb" "$rss_kb" <<'PY'
import json, sys
c, size, s, peak, rss = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])["data"], int(sys.argv[4]), int(sys.argv[5])
print(f"limits case={c} corpus_mb={size} articles={s['articles']} skipped={s['skippedFiles']} "
      f"load_seconds={s['loadSeconds']:.2f} peak_rss_mb={peak // 1024} rss_mb={rss // 1024} "
      f"peak_per_corpus={peak / 1024 / max(size, 1):.2f}")
for item in s.get("skipped", [])[:3]:
    print(f"  skipped {item['file']}: {item['reason']}")
PY
    kill $pid; wait $pid 2>/dev/null || true
    pid=
    rm -rf "${work:?}/$c"
done
