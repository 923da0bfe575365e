# new: a blank draft that validates, written atomically, never over a file.
MINI="--rubric $PWD/tests/fixtures/rubrics/mini.xml"
check new-mini-stdout 0 "$SW" $MINI new --interview tech --candidate c-9 --interviewer jdoe \
    --level mid --name 'Zoë <"&"> =1+1' -o -
check new-tpm-stdout 0 "$SW" new -i technical-deep-dive -c c-101 -r akim -o -
"$SW" new -i technical-deep-dive -c c-101 -r akim -o - >"$TMP/new-tpm.xml"
assert new-tpm-xsd sh -c "xmllint --noout --schema rubrics/scorecard.xsd '$TMP/new-tpm.xml' 2>/dev/null"
check new-tpm-validates 0 "$SW" validate "$TMP/new-tpm.xml"

# The default file name, its folder created; the path is printed.
mkdir -p "$TMP/new"
check new-default-path 0 sh -c "cd '$TMP/new' && '$SW' $MINI new -i tech -c c-1 -r amy -l mid"
assert new-default-written test -s "$TMP/new/c-1/tech--amy.xml"
cp "$TMP/new/c-1/tech--amy.xml" "$TMP/new-before.xml"
check new-refuses-overwrite 1 sh -c "cd '$TMP/new' && '$SW' $MINI new -i tech -c c-1 -r amy"
assert new-kept-file cmp "$TMP/new/c-1/tech--amy.xml" "$TMP/new-before.xml"
check new-force 0 sh -c "cd '$TMP/new' && '$SW' $MINI new -i tech -c c-1 -r amy --force"
assert new-force-replaced sh -c "! grep -q 'level=' '$TMP/new/c-1/tech--amy.xml'"
assert new-no-temp-left sh -c "! ls -a '$TMP/new/c-1' | grep -q tmp"

# Filled in by an editor (here: sed), the draft validates and aggregates.
sed -e 's/<rating question="t1">/<rating question="t1" value="4">/' \
    -e 's/<rating question="t2">/<rating question="t2" value="3.5">/' \
    -e 's/status="draft"/status="submitted"/' "$TMP/new-before.xml" >"$TMP/new/c-1/filled.xml"
rm "$TMP/new/c-1/tech--amy.xml"
check new-filled-report 0 "$SW" $MINI report --format csv "$TMP/new/c-1"

# Usage errors: every id is checked before anything is written.
check new-missing-candidate 2 "$SW" $MINI new -i tech -r amy
check new-dotdot-candidate 2 "$SW" $MINI new -i tech -c .. -r amy
check new-hidden-candidate 2 "$SW" $MINI new -i tech -c .c-1 -r amy
check new-dash-interviewer 2 "$SW" $MINI new -i tech -c c-1 -r -rf
check new-slash-interviewer 2 "$SW" $MINI new -i tech -c c-1 -r ../amy
check new-unknown-interview 2 "$SW" $MINI new -i nope -c c-1 -r amy -o -
check new-unknown-level 2 "$SW" $MINI new -i tech -c c-1 -r amy -l vp -o -
check new-unknown-option 2 "$SW" $MINI new --colour
check new-extra-argument 2 "$SW" $MINI new -i tech extra -c c-1 -r amy -o -
check new-help 0 "$SW" new --help
assert new-help-usage grep -q '^usage: scorewheel \[--rubric FILE\] new --interview ID' \
    "$EXPECT/new-help.out"
