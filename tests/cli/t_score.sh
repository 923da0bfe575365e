# score: the interactive session driven through a pipe. Transcripts are
# golden files; the scorecard on disk is checked after every step.
MINI="--rubric $PWD/tests/fixtures/rubrics/mini.xml"
W="$TMP/score"
mkdir -p "$W"
card="$W/c-1/tech--amy.xml"
in="$TMP/score-input"
score_in() {   # score_in NAME RC ARGS... with the input in $in, run in $W
    _n=$1 _r=$2
    shift 2
    check_input "$_n" "$_r" "$in" sh -c "cd '$W' && exec '$SW' $MINI score $*"
}
evidence_of() {   # the text of rating N's evidence, exactly (xmllint adds a newline)
    xmllint --xpath "string(//*[local-name()='rating'][$2]/*[local-name()='evidence'])" "$1"
}

# The whole way in one go: a rating, evidence with markup, CDATA's end,
# quotes, emoji and right-to-left text; two bad ratings asked again; an
# anchor's name; the recommendation, notes, the wheel, submit.
before=$(date -u +%Y-%m-%dT%H:%M:%SZ)
printf '%s\n' 4 'Designed a <ring> & "queue" ]]> fast '"'"'ok'"'"' 🚀 שלום עולם' \
    '  indented second line' '' foo 7 'ON track' 'Wrote it.' '' 'Hire' \
    'Strong design.' '' submit >"$in"
score_in score-happy 0 -i tech -c c-1 -r amy -l mid --name "'Ada L.'"
after=$(date -u +%Y-%m-%dT%H:%M:%SZ)
check score-happy-validates 0 "$SW" $MINI validate "$card"
assert score-happy-submitted grep -q 'status="submitted" submitted="20[0-9-]*T[0-9:]*Z"' "$card"
stamp=$(sed -n 's/.*submitted="\([^"]*\)".*/\1/p' "$card")
assert score-happy-stamp-in-range sh -c "[ '$before' '<' '$stamp' ] || [ '$before' = '$stamp' ]; \
    [ '$stamp' '<' '$after' ] || [ '$stamp' = '$after' ]"
printf 'Designed a <ring> & "queue" ]]> fast '"'"'ok'"'"' 🚀 שלום עולם\n  indented second line\n' \
    >"$TMP/evidence-expected"
evidence_of "$card" 1 >"$TMP/evidence-actual"
assert score-evidence-byte-for-byte cmp "$TMP/evidence-expected" "$TMP/evidence-actual"
assert score-happy-values grep -q '<rating question="t2" value="3">' "$card"
assert score-happy-recommendation grep -q '<recommendation value="hire"/>' "$card"
check score-happy-report 0 "$SW" $MINI report --format csv "$W/c-1"
assert score-no-temp-left sh -c "! ls -a '$W/c-1' | grep -q tmp"

# A submitted scorecard is not reopened without --force.
: >"$in"
check_rc score-submitted-refused 1 sh -c "cd '$W' && exec '$SW' $MINI score -i tech -c c-1 -r amy"
assert score-submitted-refused-says grep -q \
    "^c-1/tech--amy.xml: error: already submitted on 20.*; use --force to reopen it$" "$TMP/err"
score_in score-reopen-force 1 -i tech -c c-1 -r amy --force
assert score-reopened-as-draft grep -q 'status="draft"$' "$card"
evidence_of "$card" 1 >"$TMP/evidence-actual"
assert score-reopened-keeps-evidence cmp "$TMP/evidence-expected" "$TMP/evidence-actual"
rm -rf "$W/c-1"

# Skip, back, then the input ends in the middle of the evidence: the draft
# holds every answer given, the evidence typed so far included.
printf '%s\n' skip back 3 'first words' >"$in"
score_in score-eof-midway 1 -i tech -c c-2 -r amy
card2="$W/c-2/tech--amy.xml"
check score-eof-draft-validates 0 "$SW" $MINI validate "$card2"
assert score-eof-draft-value grep -q '<rating question="t1" value="3">' "$card2"
assert score-eof-draft-evidence grep -q '<evidence>first words</evidence>' "$card2"
assert score-eof-draft-status grep -q 'status="draft"$' "$card2"

# Resume: what was entered is shown, the session goes on at question 2;
# Enter keeps a rating, 'back' returns, the draft is kept on request.
printf '%s\n' 2.5 '' back '' '' 'strong no hire' '' draft >"$in"
assert score-created-written grep -q 'created="2026-09-21T14:13:20Z">' "$card2"
SOURCE_DATE_EPOCH=1800000000 score_in score-resume 0 -o c-2/tech--amy.xml
assert score-resume-created-kept grep -q 'created="2026-09-21T14:13:20Z">' "$card2"
assert score-resume-value grep -q '<rating question="t2" value="2.5">' "$card2"
assert score-resume-kept-evidence grep -q '<evidence>first words</evidence>' "$card2"
assert score-resume-recommendation grep -q '<recommendation value="strong-no-hire"/>' "$card2"
assert score-resume-still-draft grep -q 'status="draft"$' "$card2"

# On resume --level and --name replace the file's (said, saved before the
# first question); an unknown level is a usage error that changes nothing.
printf '%s\n' '' draft >"$in"
score_in score-resume-new-level 0 -o c-2/tech--amy.xml -l senior --name "'Ada  Lovelace'"
assert score-resume-level-saved grep -q 'level="senior"' "$card2"
assert score-resume-name-saved grep -q '<candidate-name>Ada  Lovelace</candidate-name>' "$card2"
check score-resume-new-level-validates 0 "$SW" $MINI validate "$card2"
score_in score-resume-same-level 0 -o c-2/tech--amy.xml -l senior --name "'Ada  Lovelace'"
cp "$card2" "$TMP/card2-before"
score_in score-resume-unknown-level 2 -o c-2/tech--amy.xml -l vp
assert score-resume-unknown-level-unchanged cmp "$card2" "$TMP/card2-before"

# Every answer word may be cut to a start no other answer of the prompt
# shares: the anchors 'On Track' and 'Outperform' make 'o' ambiguous and
# 'ou' Outperform; 'sk' is skip; at the recommendation 's' could be three
# words, 'strong n' is strong-no-hire; 'd' keeps a draft, then 's' submits.
printf '%s\n' o ou '' sk s 'strong n' '' x d >"$in"
score_in score-prefix 0 -i tech -c c-7 -r amy
card7="$W/c-7/tech--amy.xml"
assert score-prefix-anchor grep -q '<rating question="t1" value="5"' "$card7"
assert score-prefix-skipped grep -q '<rating question="t2">' "$card7"
assert score-prefix-recommendation grep -q '<recommendation value="strong-no-hire"/>' "$card7"
assert score-prefix-draft grep -q 'status="draft"' "$card7"
printf '%s\n' s '' '' s >"$in"
score_in score-prefix-submit 0 -o c-7/tech--amy.xml
assert score-prefix-submitted grep -q 'status="submitted"' "$card7"
rm -rf "$W/c-7"

# The submit rule (entry.h "submitting"): the summary lists the questions
# left unrated; a card with no rating, then one with no recommendation, is
# refused with the rule's words and the session goes on: 'd' keeps the draft.
printf '%s\n' skip skip skip '' s d >"$in"
score_in score-refuse-no-rating 0 -i tech -c c-8 -r amy
card8="$W/c-8/tech--amy.xml"
assert score-refuse-no-rating-draft grep -q 'status="draft"' "$card8"
printf '%s\n' 4 'seen' '' s sk '' s d >"$in"
score_in score-refuse-no-recommendation 0 -o c-8/tech--amy.xml
assert score-refuse-no-recommendation-draft grep -q 'status="draft"' "$card8"
printf '%s\n' s h '' s >"$in"
score_in score-refuse-then-submit 0 -o c-8/tech--amy.xml
assert score-refuse-kept grep -q '<rating question="t1" value="4">' "$card8"
assert score-refuse-then-submitted grep -q 'status="submitted"' "$card8"
rm -rf "$W/c-8"

# The first save failing is an I/O error (exit 3), not invalid input.
: >"$W/plain.txt"
: >"$in"
score_in score-first-save-io 3 -i tech -c c-9 -r amy -o plain.txt/x.xml

# The file's ids win; conflicting options are an error. -o - is refused.
: >"$in"
score_in score-other-candidate 1 -o c-2/tech--amy.xml -c c-3
score_in score-stdout-refused 2 -i tech -c c-2 -r amy -o -
score_in score-missing-ids 2 -i tech -c c-4
score_in score-unknown-interview 2 -i nope -c c-4 -r amy
check score-help 0 "$SW" score --help
assert score-help-usage grep -q '^usage: scorewheel \[--rubric FILE\] score --interview ID' \
    "$EXPECT/score-help.out"

# SIGKILL between answers: the draft on disk is valid and holds every
# answer given before the kill; no temporary file is left behind.
rm -rf "$W/c-5"
fifo="$TMP/score-fifo"
mkfifo "$fifo"
(cd "$W" && exec "$SW" $MINI score -i tech -c c-5 -r amy <"$fifo" >/dev/null 2>&1) &
pid=$!
exec 3>"$fifo"
printf '4.5\nkept before the kill\n\nskip\n' >&3
card5="$W/c-5/tech--amy.xml"
i=0
while [ $i -lt 100 ] && ! grep -q 'Recommendation' "$card5" 2>/dev/null &&
      ! grep -q '<rating question="t2">' "$card5" 2>/dev/null; do
    sleep 0.05; i=$((i + 1))
done
sleep 0.2
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
exec 3>&-
check score-killed-validates 0 "$SW" $MINI validate "$card5"
assert score-killed-value grep -q '<rating question="t1" value="4.5">' "$card5"
assert score-killed-evidence grep -q '<evidence>kept before the kill</evidence>' "$card5"
assert score-killed-no-temp sh -c "! ls -a '$W/c-5' | grep -q tmp"

# Two sessions on one scorecard: a save never overwrites what another wrote
# meanwhile; the answers that could not be saved are printed instead.
rm -rf "$W/c-6"
fifo6="$TMP/score-fifo6"
mkfifo "$fifo6"
(cd "$W" && "$SW" $MINI score -i tech -c c-6 -r amy <"$fifo6" >"$TMP/s6.out" 2>"$TMP/s6.err"
 echo $? >"$TMP/s6.rc") &
exec 4>"$fifo6"
printf '4\nmine\n\n' >&4
card6="$W/c-6/tech--amy.xml"
i=0
while [ $i -lt 100 ] && ! grep -q '<evidence>mine</evidence>' "$card6" 2>/dev/null; do
    sleep 0.05; i=$((i + 1))
done
sed 's|<notes></notes>|<notes>written by the other session</notes>|' "$card6" >"$TMP/other.xml"
cp "$TMP/other.xml" "$card6"
printf '3\n' >&4
exec 4>&-
wait
assert score-conflict-exit sh -c "[ \"\$(cat '$TMP/s6.rc')\" = 1 ]"
assert score-conflict-says grep -q \
    '^c-6/tech--amy.xml: error: changed on disk by someone else since this session read it: not overwritten$' \
    "$TMP/s6.err"
assert score-conflict-other-kept cmp "$TMP/other.xml" "$card6"
assert score-conflict-rescued grep -q '<rating question="t2" value="3">' "$TMP/s6.out"
