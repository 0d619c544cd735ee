#!/usr/bin/env bash
# Extraction cost: instructions per byte of article text for the whole parse pipeline (reading, tokenizer,
# entities, quotes, casualties, JSON), counted by valgrind's callgrind on a release build.
#
#   scripts/bench-extract.sh [FILE...]     (default: ../shared/corpus/dev/*.txt and every 20th .txt file of
#                                           ../shared/corpus/scale in sorted path order, 1,068 files)
#
# Environment: NEWSDESK_BIN (default .build/release/newsdesk; build it with `swift build -c release`),
# KEEP (a folder to copy the callgrind outputs into, for `callgrind_annotate --inclusive=yes`).
#
# Runs `newsdesk parse --answers` twice under callgrind: once over the sample, once over one short article
# (startup: configuration, lexicon and gazetteer loading), and prints the difference divided by the bytes of the
# sample's files, so that startup cancels out; then the same per byte for each stage (inclusive costs from
# callgrind_annotate): reading the files, index.tsv, extraction (`ArticleBuilder.build`: the tokenizer's `Document`,
# entities, quotes, and the rest: casualties, word count) and writing the JSON answers. Instruction counts are
# stable on a noisy machine; wall clock is not. index.tsv is read whole whatever the sample, so a sample of every
# 20th file weighs it 20 times over: read `extraction` for the extraction's cost.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${NEWSDESK_BIN:-.build/release/newsdesk}"
command -v valgrind >/dev/null || { echo "bench-extract: valgrind is not installed" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench-extract: no binary at $bin (swift build -c release)" >&2; exit 2; }
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] && cp "$work"/callgrind.* "$KEEP"/ ; rm -rf "$work"' EXIT

if [ "$#" -gt 0 ]; then
    printf '%s\n' "$@" >"$work/files"
else
    { ls ../shared/corpus/dev/*.txt; find ../shared/corpus/scale -name '*.txt' | LC_ALL=C sort | awk 'NR % 20 == 1'; } >"$work/files"
fi
printf 'date 2020-01-01 Startup only.\n' >"$work/startup.txt"

# valgrind 3.19 cannot read the DWARF 5 of Swift 6 release builds: count instructions on a copy without it.
strip --strip-debug -o "$work/newsdesk" "$bin"

# Total instructions (Ir) of one `parse --answers` run over the files listed in $2.
run() {
    local name="$1" list="$2"
    xargs -d '\n' -a "$list" valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$name" \
        "$work/newsdesk" parse --answers >"$work/out.$name" 2>"$work/log.$name" \
        || { cat "$work/log.$name" >&2; exit 1; }
    sed -n 's/^totals: \([0-9]*\).*/\1/p' "$work/callgrind.$name" | head -n 1 >"$work/total.$name"
}
echo "$work/startup.txt" >"$work/startup.list"
# Not in $(...): a subshell would run the EXIT trap and remove the scratch folder.
run startup "$work/startup.list"
run sample "$work/files"
startup="$(cat "$work/total.startup")"
total="$(cat "$work/total.sample")"
files="$(wc -l <"$work/files")"
bytes="$(xargs -d '\n' -a "$work/files" cat | wc -c)"
echo "bench-extract files=$files bytes=$bytes startup_instructions=$startup total_instructions=$total"
echo "bench-extract instructions_per_byte=$(python3 -c "print(f'{($total - $startup) / $bytes:.1f}')")"
callgrind_annotate --inclusive=yes "$work/callgrind.sample" >"$work/annotate.sample" 2>/dev/null
callgrind_annotate --inclusive=yes "$work/callgrind.startup" >"$work/annotate.startup" 2>/dev/null
python3 - "$work/annotate.sample" "$work/annotate.startup" "$bytes" <<'PY'
import re, sys
# Stage: mangled-name prefix of the function whose inclusive cost it is (the largest line that matches).
stages = [("read_files", "$s5Model12CorpusLoaderV4read4file"), ("index_tsv", "$s5Model13IndexMetadataV4base5files"),
          ("extraction", "$s5Model14ArticleBuilderV5build_2id5title"),
          ("document", "$s5Model8DocumentV2id4date10paragraphs7english"),
          ("entities", "$s5Model15EntityExtractorV7extract"), ("quotes", "$s5Model14QuoteExtractorV7extract_8entities"),
          ("json", "$s5Model7ArticleV9writeJSON2to")]
def costs(path):
    found = {}
    for line in open(path, errors="replace"):
        m = re.match(r"\s*([\d,]+) .*\?\?\?:(\S+)", line)
        if not m:
            continue
        value = int(m.group(1).replace(",", ""))
        for name, prefix in stages:
            if m.group(2).startswith(prefix):
                found[name] = max(found.get(name, 0), value)
    return found
sample, startup, size = costs(sys.argv[1]), costs(sys.argv[2]), int(sys.argv[3])
per = {name: (sample.get(name, 0) - startup.get(name, 0)) / size for name, _ in stages}
per["casualties_and_rest"] = per["extraction"] - per["document"] - per["entities"] - per["quotes"]
print("bench-extract per_byte " + " ".join(f"{name}={value:.1f}" for name, value in per.items()))
PY
