# concurrency: 8 processes create scorecards in one folder at once, with
# `new` and with `score` through pipes: nothing is lost, nothing clobbered.
CC=$TMP/concurrency
CC_MINI="--rubric $PWD/tests/fixtures/rubrics/mini.xml"
mkdir -p "$CC/new" "$CC/same" "$CC/score" "$CC/race"
cc_all_valid() {   # FOLDER: every scorecard in it validates
    "$SW" $CC_MINI validate -q "$1" >/dev/null 2>&1
}

# 8 interviewers, one candidate folder: 8 files, each its own.
for n in 1 2 3 4 5 6 7 8; do
    (cd "$CC/new" && "$SW" $CC_MINI new -i tech -c c-1 -r "r$n" --name "N$n" >/dev/null 2>&1;
     echo $? >"$CC/new-$n.rc") &
done
wait
assert concurrency-new-8-files test "$(ls "$CC/new/c-1" | wc -l)" = 8
assert concurrency-new-all-valid cc_all_valid "$CC/new/c-1"
assert concurrency-new-own-files sh -c "for n in 1 2 3 4 5 6 7 8; do \
    grep -q \"interviewer=\\\"r\$n\\\"\" '$CC/new/c-1/tech--r'\$n.xml || exit 1; done"
assert concurrency-new-all-exit-0 sh -c "[ \"\$(cat '$CC'/new-*.rc | sort -u)\" = 0 ]"

# 8 at once on the same file: exactly one writes it, 7 are told it exists.
for n in 1 2 3 4 5 6 7 8; do
    (cd "$CC/same" && "$SW" $CC_MINI new -i tech -c c-1 -r amy --name "N$n" >/dev/null \
        2>"$CC/same-$n.err"; echo $? >"$CC/same-$n.rc") &
done
wait
assert concurrency-same-one-won test "$(cat "$CC"/same-*.rc | grep -c '^0$')" = 1
assert concurrency-same-seven-refused test "$(cat "$CC"/same-*.rc | grep -c '^1$')" = 7
assert concurrency-same-refusals-say-so test "$(cat "$CC"/same-*.err | grep -c \
    '^c-1/tech--amy.xml: error: already exists: not overwritten (use --force to replace it)$')" = 7
assert concurrency-same-valid cc_all_valid "$CC/same/c-1"
assert concurrency-same-no-temp sh -c "[ \"\$(ls -A '$CC/same/c-1')\" = tech--amy.xml ]"

# 8 interviewers scoring through pipes at once: 8 submitted scorecards, each
# holding its own answers.
for n in 1 2 3 4 5 6 7 8; do
    printf '%s\n' 4 "from r$n" '' 3 "again r$n" '' hire '' submit >"$CC/in-$n"
    (cd "$CC/score" && "$SW" $CC_MINI score -i tech -c c-1 -r "r$n" <"$CC/in-$n" >/dev/null \
        2>&1; echo $? >"$CC/score-$n.rc") &
done
wait
assert concurrency-score-all-exit-0 sh -c "[ \"\$(cat '$CC'/score-*.rc | sort -u)\" = 0 ]"
assert concurrency-score-8-submitted test "$(grep -l 'status="submitted" submitted=' \
    "$CC"/score/c-1/*.xml | wc -l)" = 8
assert concurrency-score-own-answers sh -c "for n in 1 2 3 4 5 6 7 8; do \
    grep -q \"<evidence>from r\$n</evidence>\" '$CC/score/c-1/tech--r'\$n.xml || exit 1; \
    grep -q \"<evidence>again r\$n</evidence>\" '$CC/score/c-1/tech--r'\$n.xml || exit 1; done"
assert concurrency-score-valid cc_all_valid "$CC/score/c-1"

# 8 sessions on the same scorecard at once. Each save must find the file as
# the session last saw it, so sessions cannot overwrite each other: at most
# one carries on to the end (and its scorecard is the file, submitted); every
# other one was turned away before it asked anything (the file was taken, or
# already submitted), or stopped at a refused save and printed its whole
# scorecard, which validates, or ran out of input after its last save. A session that resumed another's finished draft
# meets its lines at other prompts (refused there, and said so): that is the
# conversation working, not a loss.
for n in 1 2 3 4 5 6 7 8; do
    printf '%s\n' 4 "race r$n" '' 3 "race again r$n" '' hire '' submit >"$CC/race-in-$n"
    (cd "$CC/race" && "$SW" $CC_MINI score -i tech -c c-1 -r amy <"$CC/race-in-$n" \
        >"$CC/race-$n.out" 2>"$CC/race-$n.err"; echo $? >"$CC/race-$n.rc") &
done
wait
unaccounted=0 finished=0
for n in 1 2 3 4 5 6 7 8; do
    if [ "$(cat "$CC/race-$n.rc")" = 0 ] && grep -q '^Submitted: c-1/tech--amy.xml$' "$CC/race-$n.out"
    then
        finished=$((finished + 1))
    elif grep -q 'already exists\|already submitted\|input ended; the draft is saved' \
        "$CC/race-$n.err"; then
        :
    elif grep -q 'could not be saved; here it is' "$CC/race-$n.err" &&
         sed -n '/^<?xml/,$p' "$CC/race-$n.out" >"$CC/rescued-$n.xml" &&
         "$SW" $CC_MINI validate -q "$CC/rescued-$n.xml" >/dev/null 2>&1; then
        :
    else
        unaccounted=$((unaccounted + 1))
        echo "    session $n: rc $(cat "$CC/race-$n.rc"):"
        sed 's/^/      /' "$CC/race-$n.err"
    fi
done
assert concurrency-race-every-session-accounted test $unaccounted = 0
assert concurrency-race-at-most-one-finished test $finished -le 1
if [ $finished = 1 ]; then
    assert concurrency-race-winner-submitted grep -q 'status="submitted" submitted=' \
        "$CC/race/c-1/tech--amy.xml"
fi
assert concurrency-race-file-valid cc_all_valid "$CC/race/c-1"
assert concurrency-race-no-temp sh -c "[ \"\$(ls -A '$CC/race/c-1')\" = tech--amy.xml ]"
