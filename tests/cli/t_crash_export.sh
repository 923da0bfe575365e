# crash-export: `export` killed with SIGKILL at random moments, 50 times.
# After every kill the workbook in place is the previous one, byte for byte,
# or the complete new one (byte-identical to a reference export of the same
# time stamp; unzip -t passes), and the folder holds nothing else: the file
# being written has no name until it is complete (O_TMPFILE). Should a kill
# land between linking it under a temporary name and renaming it (two system
# calls), or where there is no O_TMPFILE, a ".out.xlsx.tmp-PID-*" of the dead
# process is left, and the next export that gets going removes it; the last
# check runs one export to the end and finds the folder clean.
CRASH=$TMP/crash
CRASH_RUNS=${CRASH_RUNS:-50}
mkdir -p "$CRASH/out"
"$B/tools/gencards" --rubric tests/fixtures/rubrics/mini.xml --count 40 --out "$CRASH/cards" \
    --seed 11 >/dev/null
crash_export() {    # EPOCH FILE
    env SOURCE_DATE_EPOCH="$1" "$SW" --rubric tests/fixtures/rubrics/mini.xml -q \
        export -o "$2" "$CRASH/cards"
}
crash_ms() { date +%s%3N; }
crash_export 1790000000 "$CRASH/a.xlsx"
crash_export 1790086400 "$CRASH/b.xlsx"
cp "$CRASH/a.xlsx" "$CRASH/out/out.xlsx"
start=$(crash_ms)
crash_export 1790000000 "$CRASH/out/out.xlsx"
took=$(($(crash_ms) - start))
assert crash-export-references-differ test -s "$CRASH/a.xlsx" -a -s "$CRASH/b.xlsx" -a \
    "$(cmp -s "$CRASH/a.xlsx" "$CRASH/b.xlsx"; echo $?)" = 1

kept=0 replaced=0 broken=0 left=0 strays=0 i=0
while [ $i -lt "$CRASH_RUNS" ]; do
    # Write the other reference's time stamp, so "kept" and "replaced" differ.
    if cmp -s "$CRASH/out/out.xlsx" "$CRASH/a.xlsx"; then
        before=a after=b epoch=1790086400
    else
        before=b after=a epoch=1790000000
    fi
    # A moment in [0, 1.2 x one run's time], from a fixed seed (reproducible).
    delay=$(awk -v s=$i -v t="$took" 'BEGIN { srand(1000 + s); printf "%.4f", rand() * t * 1.2 / 1000 }')
    # A simple command, so that $! is scorewheel itself (env execs it).
    env SOURCE_DATE_EPOCH=$epoch "$SW" --rubric tests/fixtures/rubrics/mini.xml -q \
        export -o "$CRASH/out/out.xlsx" "$CRASH/cards" 2>/dev/null &
    pid=$!
    sleep "$delay"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    if cmp -s "$CRASH/out/out.xlsx" "$CRASH/$before.xlsx"; then
        kept=$((kept + 1))
    elif cmp -s "$CRASH/out/out.xlsx" "$CRASH/$after.xlsx" && unzip -tqq "$CRASH/out/out.xlsx"; then
        replaced=$((replaced + 1))
    else
        broken=$((broken + 1))
        cp "$CRASH/a.xlsx" "$CRASH/out/out.xlsx"
    fi
    for f in "$CRASH/out"/.* "$CRASH/out"/*; do
        case ${f##*/} in
        . | .. | out.xlsx | '.*' | '*') ;;
        .out.xlsx.tmp-*)    # a dead run's: the next export that gets going removes it
            p=${f##*/.out.xlsx.tmp-}
            if kill -0 "${p%%-*}" 2>/dev/null; then
                strays=$((strays + 1)); echo "    a live process's temporary file: ${f##*/}"
            else
                left=$((left + 1))
            fi ;;
        *) strays=$((strays + 1)); echo "    stray file after a kill: ${f##*/}" ;;
        esac
    done
    i=$((i + 1))
done
echo "crash-export: $CRASH_RUNS kills over ${took} ms runs: $kept kept the previous workbook," \
    "$replaced left the new one, $broken broken, $left times a dead run's temporary file"
assert crash-export-never-broken test $broken = 0
assert crash-export-no-stray-files test $strays = 0
assert crash-export-some-kept test $kept -gt 0
assert crash-export-some-replaced test $replaced -gt 0
crash_export 1790000000 "$CRASH/out/out.xlsx"
assert crash-export-folder-clean-after-a-run \
    test "$(ls -A "$CRASH/out")" = out.xlsx
assert crash-export-last-run-complete cmp -s "$CRASH/out/out.xlsx" "$CRASH/a.xlsx"
