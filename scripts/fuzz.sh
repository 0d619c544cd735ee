#!/usr/bin/env bash
# Fuzzes the article parsers (plain text, JSON, JSON Lines), the query-string parser and the HTTP request-head
# parser with libFuzzer under
# AddressSanitizer (leak detection on). Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# (default 60 s each; targets plain json jsonl query head). Builds Fuzz/ apart from the package, into
# .build/fuzz, so the normal build is not slowed. Seeds: Fuzz/corpus/TARGET; what a run finds is kept in
# .build/fuzz/corpus/TARGET (run longer by hand to grow it), crashes in .build/fuzz/crashes/TARGET.
# Prints one line a target: fuzz target=T seconds=S execs=N corpus=C result=ok|crash, and exits 1 on a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(plain json jsonl query head)
out=.build/fuzz
mkdir -p "$out"
swiftc=$(command -v swiftc)
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6)
# Model as its own module (the fuzz code imports it as the server does); the query parser's files are
# compiled in with the fuzz targets, unchanged (they live in the Server executable, which cannot be imported).
if [ ! -x "$out/newsdesk-fuzz" ] || [ -n "$(find Sources/Model Sources/Server/Routing Sources/Server/EventHTTP/RequestHead.swift Fuzz -name '*.swift' -newer "$out/newsdesk-fuzz")" ]; then
    echo "fuzz: building (sanitized, optimised) ..." >&2
    "$swiftc" "${flags[@]}" -wmo -module-name Model -parse-as-library -emit-module -emit-module-path "$out/Model.swiftmodule" \
        -c -o "$out/Model.o" $(find Sources/Model -name '*.swift' | sort)
    # Linked from inside $out: swiftc leaves the module's .swiftdoc/.swiftmodule in the working directory.
    root=$PWD
    (cd "$out" && "$swiftc" "${flags[@]}" -wmo -module-name NewsdeskFuzz -I . -o newsdesk-fuzz Model.o "$root"/Fuzz/*.swift \
        "$root"/Sources/Server/Routing/Request.swift "$root"/Sources/Server/Routing/Parameters.swift \
        "$root"/Sources/Server/Routing/APIError.swift "$root"/Sources/Server/Routing/Response.swift \
        "$root"/Sources/Server/EventHTTP/RequestHead.swift)
fi
status=0
for t in "${targets[@]}"; do
    mkdir -p "$out/corpus/$t" "$out/crashes/$t"
    log="$out/$t.log"
    set +e
    NEWSDESK_FUZZ_TARGET=$t "$out/newsdesk-fuzz" "$out/corpus/$t" "Fuzz/corpus/$t" -max_total_time="$seconds" \
        -print_final_stats=1 -detect_leaks=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$out/crashes/$t/" >"$log" 2>&1
    code=$?
    set -e
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    units=$(ls "$out/corpus/$t" | wc -l)
    if [ $code -eq 0 ]; then
        echo "fuzz target=$t seconds=$seconds execs=$execs corpus=$units result=ok"
    else
        echo "fuzz target=$t seconds=$seconds execs=$execs corpus=$units result=crash (exit $code; see $log)"
        grep -E 'ERROR|fuzz property|Fatal error|SUMMARY|artifact' "$log" | head -20 >&2 || true
        status=1
    fi
done
exit $status
