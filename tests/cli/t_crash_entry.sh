# crash-entry: `new` and `score` killed with SIGKILL at random moments, 50
# times each. After every kill the scorecard in place is complete: for `new`
# the previous file or the new one, byte for byte; for `score` a valid draft
# or submitted scorecard holding the answers of some moment. The folder holds
# nothing else once the next run has cleaned up after a dead process.
CE=$TMP/crash-entry
CE_RUNS=${CRASH_RUNS:-50}
CE_MINI="--rubric $PWD/tests/fixtures/rubrics/mini.xml"
mkdir -p "$CE/new"
ce_ms() { date +%s%3N; }
ce_delay() {   # RUN MS: a moment in [0, 1.2 MS] from a fixed seed
    awk -v s="$1" -v t="$2" 'BEGIN { srand(2000 + s); printf "%.4f", rand() * t * 1.2 / 1000 }'
}
ce_strays() {   # FOLDER FILE: names other than FILE and a dead writer's temporary file
    for f in "$1"/.* "$1"/*; do
        case ${f##*/} in
        . | .. | "$2" | '.*' | '*') ;;
        ".$2.tmp-"*) ;;
        *) echo "${f##*/}" ;;
        esac
    done
}

# new --force over a file: the old one or the new one, never a mix.
"$SW" $CE_MINI new -i tech -c c-1 -r amy -l mid -o "$CE/mid.xml" >/dev/null
"$SW" $CE_MINI new -i tech -c c-1 -r amy -l senior -o "$CE/senior.xml" >/dev/null
cp "$CE/mid.xml" "$CE/new/card.xml"
start=$(ce_ms)
"$SW" $CE_MINI new -i tech -c c-1 -r amy -l senior -o "$CE/new/card.xml" --force >/dev/null
took=$(($(ce_ms) - start))
kept=0 replaced=0 broken=0 strays=0 i=0
while [ $i -lt "$CE_RUNS" ]; do
    if cmp -s "$CE/new/card.xml" "$CE/mid.xml"; then level=senior; else level=mid; fi
    cp "$CE/new/card.xml" "$CE/before.xml"
    "$SW" $CE_MINI new -i tech -c c-1 -r amy -l $level -o "$CE/new/card.xml" --force \
        >/dev/null 2>&1 &
    pid=$!
    sleep "$(ce_delay $i "$took")"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    if cmp -s "$CE/new/card.xml" "$CE/before.xml"; then
        kept=$((kept + 1))
    elif cmp -s "$CE/new/card.xml" "$CE/$level.xml"; then
        replaced=$((replaced + 1))
    else
        broken=$((broken + 1))
        cp "$CE/mid.xml" "$CE/new/card.xml"
    fi
    strays=$((strays + $(ce_strays "$CE/new" card.xml | wc -l)))
    i=$((i + 1))
done
echo "crash-new: $CE_RUNS kills over ${took} ms runs: $kept kept, $replaced replaced, $broken broken"
assert crash-new-never-broken test $broken = 0
assert crash-new-no-stray-files test $strays = 0
assert crash-new-some-replaced test $replaced -gt 0
"$SW" $CE_MINI new -i tech -c c-1 -r amy -o "$CE/new/card.xml" --force >/dev/null
assert crash-new-folder-clean-after-a-run test "$(ls -A "$CE/new")" = card.xml

# score through a pipe, the whole way to submit, killed at random moments.
mkdir -p "$CE/score"
printf '%s\n' 4 'first answer' '' 3.5 'second answer' '' hire 'notes' '' submit >"$CE/input"
ce_score() {
    "$SW" $CE_MINI score -i tech -c c-1 -r amy -o "$CE/score/card.xml" --force <"$CE/input"
}
took=100000
for k in 1 2 3; do   # the fastest of three runs: the first one is cold
    rm -f "$CE/score/card.xml"
    start=$(ce_ms)
    ce_score >/dev/null 2>&1
    t=$(($(ce_ms) - start))
    [ $t -lt $took ] && took=$t
done
invalid=0 strays=0 submitted=0 drafts=0 i=0
while [ $i -lt "$CE_RUNS" ]; do
    rm -f "$CE/score/card.xml"
    [ $((i % 2)) = 1 ] && ce_score >/dev/null 2>&1   # half the runs resume a submitted one
    "$SW" $CE_MINI score -i tech -c c-1 -r amy -o "$CE/score/card.xml" --force \
        <"$CE/input" >/dev/null 2>&1 &
    pid=$!
    sleep "$(ce_delay $((i + 500)) "$took")"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    if [ -e "$CE/score/card.xml" ]; then
        "$SW" $CE_MINI validate -q "$CE/score/card.xml" >/dev/null 2>&1 || invalid=$((invalid + 1))
        if grep -q 'status="submitted" submitted=' "$CE/score/card.xml"; then
            submitted=$((submitted + 1))
        else
            drafts=$((drafts + 1))
        fi
    fi
    strays=$((strays + $(ce_strays "$CE/score" card.xml | wc -l)))
    i=$((i + 1))
done
echo "crash-score: $CE_RUNS kills over ${took} ms runs: $invalid invalid, $drafts drafts," \
    "$submitted submitted"
assert crash-score-always-valid test $invalid = 0
assert crash-score-some-killed-midway test $drafts -gt 0
assert crash-score-no-stray-files test $strays = 0
ce_score >/dev/null 2>&1
assert crash-score-folder-clean-after-a-run test "$(ls -A "$CE/score")" = card.xml
