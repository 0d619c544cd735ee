# Shared by scripts/callgrind-request.sh and scripts/callgrind-queries.sh (sourced, not run); get_repeat.py
# beside it sends their requests.

# Checks for valgrind and the release binary `$1`, and writes a copy without debug information to `$2`:
# valgrind 3.19 cannot read the DWARF 5 of Swift 6 release builds. `$3` names the calling script in errors.
callgrind_binary() {
    local bin="$1" copy="$2" name="$3"
    command -v valgrind >/dev/null || { echo "$name: valgrind is not installed" >&2; exit 2; }
    [ -x "$bin" ] || { echo "$name: no binary at $bin (swift build -c release)" >&2; exit 2; }
    strip --strip-debug -o "$copy" "$bin"
}

# Prints the port of the server `$2` once its log `$1` names it, waiting up to `$3` quarter-seconds; exits 1
# with the log when the server dies or never says. `$4` names the calling script in errors.
callgrind_port() {
    local log="$1" pid="$2" tries="$3" name="$4" port=""
    for _ in $(seq "$tries"); do
        port="$(sed -n 's/.*server\.port=\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
        [ -n "$port" ] && break
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.25
    done
    [ -n "$port" ] || { echo "$name: the server did not start" >&2; cat "$log" >&2; exit 1; }
    echo "$port"
}
