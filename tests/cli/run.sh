#!/bin/sh
# run.sh - CLI tests: runs the real binary ($SW) on real files and compares
# stdout, stderr and the exit status with tests/cli/expect/NAME.{out,err}.
# Each tests/cli/t_*.sh file declares cases with the functions below.
# Run from the top of the tree. UPDATE=1 rewrites the expected files of the
# cases that run; CLI_TESTS="tests/cli/t_new.sh ..." runs only those files.
set -u
top=$(pwd)
: "${SW:=$top/build/scorewheel}"
: "${B:=$top/build}"
export SW B
export NO_COLOR=1 LC_ALL=C.UTF-8 TZ=UTC
# Time stamps written by new and score (created) and by export.
export SOURCE_DATE_EPOCH=1790000000
unset SCOREWHEEL_RUBRIC
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sw-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export TMP
EXPECT=$top/tests/cli/expect
passed=0
failed=0

fail() {
    failed=$((failed + 1))
    echo "FAIL: $*"
}

pass() {
    passed=$((passed + 1))
}

# check NAME RC COMMAND... - runs COMMAND, expects exit status RC and the
# stdout/stderr in $EXPECT/NAME.out and NAME.err (absent file: empty).
check() {
    _name=$1 _rc=$2
    shift 2
    check_input "$_name" "$_rc" /dev/null "$@"
}

# check_input NAME RC INPUT COMMAND... - the same with standard input from INPUT.
check_input() {
    name=$1 want_rc=$2 input=$3
    shift 3
    "$@" >"$TMP/out" 2>"$TMP/err" <"$input"
    rc=$?
    if [ "${UPDATE:-}" = 1 ]; then
        if [ -s "$TMP/out" ]; then cp "$TMP/out" "$EXPECT/$name.out"; else rm -f "$EXPECT/$name.out"; fi
        if [ -s "$TMP/err" ]; then cp "$TMP/err" "$EXPECT/$name.err"; else rm -f "$EXPECT/$name.err"; fi
    fi
    ok=1
    [ "$rc" = "$want_rc" ] || { fail "$name: exit status $rc, expected $want_rc"; ok=0; }
    for stream in out err; do
        want=$EXPECT/$name.$stream
        [ -f "$want" ] || want=/dev/null
        if ! cmp -s "$want" "$TMP/$stream"; then
            fail "$name: std$stream differs from $want:"
            diff -u "$want" "$TMP/$stream" | head -20
            ok=0
        fi
    done
    [ $ok = 1 ] && pass
    return 0
}

# check_rc NAME RC COMMAND... - only the exit status matters.
check_rc() {
    name=$1 want_rc=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    rc=$?
    if [ "$rc" = "$want_rc" ]; then pass; else
        fail "$name: exit status $rc, expected $want_rc"; sed 's/^/    /' "$TMP/err" | head -5
    fi
}

# assert NAME COMMAND... - the command (a test) must succeed.
assert() {
    name=$1
    shift
    if "$@"; then pass; else fail "$name"; fi
}

for t in ${CLI_TESTS:-tests/cli/t_*.sh}; do
    . "./$t"
done
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
