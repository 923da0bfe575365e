# new --assessment and assess: the blank assessment, the conversation on a
# pipe, resuming, and SIGKILL between answers leaving the draft intact.
MINI="--rubric $PWD/tests/fixtures/rubrics/mini.xml"
AS=$TMP/assess
mkdir -p "$AS"
in_as() { (cd "$AS" && "$@"); }   # COMMAND... run in $AS: paths in messages stay short

check new-assessment-stdout 0 "$SW" $MINI new --assessment --person p-ann --assessor p-max \
    --relation manager --cycle 2026-h1 --level mid --name 'Ann Lee' -o -
check new-assessment-help 0 "$SW" new --assessment --help
check new-assessment-no-cycle 2 "$SW" $MINI new --assessment --person p-ann
check new-assessment-no-relation 2 "$SW" $MINI new --assessment --person p-ann --assessor p-max --cycle y1
check new-assessment-self-mismatch 2 "$SW" $MINI new --assessment --person p-ann --assessor p-max \
    --relation self --cycle y1
check new-assessment-bad-relation 2 "$SW" $MINI new --assessment --person p-ann --relation boss --cycle y1
check new-assessment-bad-cycle 2 "$SW" $MINI new --assessment --person p-ann --cycle ../y1
# The default path, a valid draft, never replaced without --force.
(cd "$AS" && "$SW" $MINI new --assessment --person p-ann --cycle 2026-h1) >"$TMP/out" 2>&1
assert new-assessment-path grep -qx '2026-h1/p-ann--p-ann.xml' "$TMP/out"
check new-assessment-valid 0 "$SW" $MINI validate -q "$AS/2026-h1/p-ann--p-ann.xml"
(cd "$AS" && "$SW" $MINI new --assessment --person p-ann --cycle 2026-h1) >"$TMP/out" 2>&1
assert new-assessment-exists-rc test $? = 1
(cd "$AS" && "$SW" $MINI new --assessment --person p-ann --cycle 2026-h1 --force) >/dev/null 2>&1
assert new-assessment-force test $? = 0

check assess-help 0 "$SW" assess --help

# The whole way: ratings with evidence, a skip, back, notes, the wheel, submit.
printf '%s\n' 4 'Led the design review.' '' 3.5 '' skip back 'on track' '' '' \
    '2' 'Rarely speaks up.' '' 'A strong half.' '' submit >"$AS/input"
rm -rf "$AS/y"
check_input assess-session 0 "$AS/input" in_as "$SW" $MINI assess --person p-ann \
    --assessor p-bob --relation peer --cycle 2026-h2 -o y/peer.xml
check assess-session-valid 0 "$SW" $MINI validate -q "$AS/y/peer.xml"
"$SW" $MINI growth --format csv "$AS/y" >"$TMP/out" 2>&1
assert assess-session-values grep -q '^p-ann,,,2026-h2,1,false,3.125,people,mentoring,1,3,' "$TMP/out"
assert assess-session-submitted grep -q 'status="submitted" submitted="' "$AS/y/peer.xml"
assert assess-session-evidence grep -q '<evidence>Rarely speaks up.</evidence>' "$AS/y/peer.xml"

# End of input keeps the draft (exit 1); the same command goes on from there.
rm -rf "$AS/c1"
printf '%s\n' 4 '' 3 '' >"$AS/half"
check_input assess-eof 1 "$AS/half" in_as "$SW" $MINI assess --person p-ann --cycle c1
printf '%s\n' 2.5 '' 5 '' '' draft >"$AS/rest"
check_input assess-resume 0 "$AS/rest" in_as "$SW" $MINI assess --person p-ann --cycle c1
assert assess-resume-kept grep -q 'competency="coding" value="3"' "$AS/c1/p-ann--p-ann.xml"
# created: written with the draft ($SOURCE_DATE_EPOCH in these tests), never changed.
assert assess-created grep -q 'created="2026-09-21T14:13:20Z"' "$AS/c1/p-ann--p-ann.xml"
assert assess-resume-draft grep -q 'status="draft"' "$AS/c1/p-ann--p-ann.xml"
check assess-wrong-person 1 in_as "$SW" $MINI assess --person p-bob -o c1/p-ann--p-ann.xml

# SIGKILL between answers: each answer is on disk before the next prompt, so
# killing the process leaves a valid draft holding every answer given.
as_wait() {   # FILE PATTERN: up to 5 s for the pattern to appear in the file
    n=0
    while ! grep -q "$2" "$1" 2>/dev/null && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
}
rm -rf "$AS/k"
mkdir -p "$AS/k"
mkfifo "$AS/k/in"
"$SW" $MINI assess --person p-ann --assessor p-max --relation manager --cycle c9 \
    -o "$AS/k/a.xml" <"$AS/k/in" >/dev/null 2>&1 &
pid=$!
exec 3>"$AS/k/in"
printf '4.5\nShipped the migration.\n\n' >&3
as_wait "$AS/k/a.xml" 'Shipped the migration'
printf '3\n' >&3
as_wait "$AS/k/a.xml" 'competency="coding" value="3"'
kill -KILL $pid
wait $pid 2>/dev/null
exec 3>&-
check assess-killed-valid 0 "$SW" $MINI validate -q "$AS/k/a.xml"
assert assess-killed-first grep -q 'competency="design" value="4.5"' "$AS/k/a.xml"
assert assess-killed-second grep -q 'competency="coding" value="3"' "$AS/k/a.xml"
assert assess-killed-draft grep -q 'status="draft"' "$AS/k/a.xml"
assert assess-killed-no-temp test "$(ls -A "$AS/k" | grep -v '^in$' | grep -v '^a.xml$' | grep -vc '^\.a\.xml\.tmp-')" = 0
# Resumed after the kill: it goes on at mentoring with both answers kept.
printf '%s\n' 2 '' 2.5 '' '' submit >"$AS/k/more"
"$SW" $MINI assess --person p-ann --assessor p-max --cycle c9 -o "$AS/k/a.xml" \
    <"$AS/k/more" >"$TMP/out" 2>&1
assert assess-killed-resume-rc test $? = 0
assert assess-killed-resume-where grep -q '^Resuming the draft .*a.xml: 2 of 4 competencies answered.' "$TMP/out"
"$SW" $MINI growth --format csv "$AS/k" >"$TMP/out" 2>&1
assert assess-killed-all-values grep -q '^p-ann,,,c9,1,false,3,craft,design,1,4.5,' "$TMP/out"

# assess takes unique prefixes like score: 'ou' is Outperform, 'n' Needs
# Focus, 's' skip, 'b' back, 'on' On Track; 'o' could be two anchors and is
# asked again; at the end 'd' keeps the draft.
rm -rf "$AS/px"
printf '%s\n' o ou '' n '' s b on '' s '' d >"$AS/prefix"
check_input assess-prefix 0 "$AS/prefix" in_as "$SW" $MINI assess --person p-ann --cycle px
assert assess-prefix-outperform grep -q 'competency="design" value="5"' "$AS/px/p-ann--p-ann.xml"
assert assess-prefix-needs-focus grep -q 'competency="coding" value="1"' "$AS/px/p-ann--p-ann.xml"
assert assess-prefix-on-track grep -q 'competency="mentoring" value="3"' "$AS/px/p-ann--p-ann.xml"
assert assess-prefix-draft grep -q 'status="draft"' "$AS/px/p-ann--p-ann.xml"

# The submit rule: an assessment with no rating is refused with the rule's
# words; the session goes on and 'd' keeps the draft.
rm -rf "$AS/nr"
printf '%s\n' s s s s '' s d >"$AS/none"
check_input assess-refuse-no-rating 0 "$AS/none" in_as "$SW" $MINI assess --person p-ann --cycle nr
assert assess-refuse-draft grep -q 'status="draft"' "$AS/nr/p-ann--p-ann.xml"

# The first save failing is an I/O error (exit 3), not invalid input.
: >"$AS/plain.txt"
check assess-first-save-io 3 in_as "$SW" $MINI assess --person p-ann --cycle io -o plain.txt/a.xml
