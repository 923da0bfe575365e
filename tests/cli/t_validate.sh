# validate: every kind of bad input gets its exact message and exit status.
MINI="--rubric tests/fixtures/rubrics/mini.xml"

check validate-good 0 "$SW" $MINI validate tests/fixtures/good
check validate-good-quiet 0 "$SW" $MINI validate -q tests/fixtures/good/a.xml
for f in xxe billion-laughs internal-dtd truncated invalid-utf8 empty binary wrong-namespace \
         unknown-competency duplicate-rating off-scale off-step nan missing-attribute \
         other-rubric question-elsewhere both-ids duplicate-id-rubric created-local-time \
         policy-growth-rubric; do
    check "validate-bad-$f" 1 "$SW" $MINI validate tests/fixtures/bad/$f.xml
done

# The XXE target is never read: its content cannot appear anywhere.
"$SW" $MINI validate tests/fixtures/bad/xxe.xml >"$TMP/xxe" 2>&1
assert validate-xxe-not-read sh -c "! grep -q 'root:' '$TMP/xxe'"

# A 17 MiB file is refused before parsing (sparse, so the test stays small).
mkdir -p "$TMP/big"
truncate -s 17M "$TMP/big/huge.xml"
"$SW" $MINI validate "$TMP/big/huge.xml" >"$TMP/out" 2>"$TMP/err"
assert validate-17mib-rc test $? = 1
assert validate-17mib-message grep -qx "$TMP/big/huge.xml:1: error: file is 17.0 MiB, over the 16 MiB limit for one document" "$TMP/err"

# A folder with three good files and one bad: the bad one is reported, the
# others validated, and the summary counts both.
mkdir -p "$TMP/mixed/sub"
cp tests/fixtures/good/a.xml tests/fixtures/good/b.xml "$TMP/mixed/"
cp tests/fixtures/good/c.xml "$TMP/mixed/sub/"
cp tests/fixtures/bad/off-step.xml "$TMP/mixed/sub/d.xml"
echo "not xml, not looked at" > "$TMP/mixed/notes.txt"
(cd "$TMP" && "$SW" --rubric "$OLDPWD/tests/fixtures/rubrics/mini.xml" validate mixed) >"$TMP/out" 2>"$TMP/err"
assert validate-mixed-rc test $? = 1
assert validate-mixed-summary grep -qx "4 files, 1 invalid" "$TMP/out"
assert validate-mixed-error grep -qx "mixed/sub/d.xml:3: error: value '3.25' is off the scale's step 0.5" "$TMP/err"
assert validate-mixed-one-error test "$(wc -l < "$TMP/err")" = 1

check validate-missing-path 3 "$SW" $MINI validate tests/fixtures/no-such-file.xml
check validate-no-args 2 "$SW" $MINI validate
check validate-quiet-last 1 "$SW" $MINI validate tests/fixtures/bad/off-step.xml -q
check validate-help 0 "$SW" validate --help
check validate-bad-option 2 "$SW" $MINI validate --frobnicate x
check validate-bad-rubric 1 "$SW" --rubric tests/fixtures/bad/duplicate-id-rubric.xml validate tests/fixtures/good

# Assessments (scorewheel-assessment(5)): validate accepts them, and every
# kind of bad one gets its exact message.
check validate-growth 0 "$SW" $MINI validate tests/fixtures/growth
for f in self-other peer-is-self unknown-competency off-scale off-step duplicate-rating \
         bad-cycle unknown-level bad-relation other-rubric many doctype; do
    check "validate-bad-assessment-$f" 1 "$SW" $MINI validate tests/fixtures/bad/assessment-$f.xml
done

# A schema error does not hide a scorecard's or an assessment's other errors
# (docs/design.md "File formats"): an attribute the schema does
# not allow or a missing one, a value that is no number, then every check of
# meaning on what parsed, each problem once.
for f in every-error assessment-every-error; do
    check "validate-bad-$f" 1 "$SW" $MINI validate tests/fixtures/bad/$f.xml
done
# One message per mistake (docs/design.md "File formats"): an attribute that
# breaks its schema type and our own check of it gets our message only (it
# says what to do), for times, ids and references (in rubrics too); an
# enumeration, which only the schema checks, gets the schema's message, once.
for f in time-not-time id-not-id interview-not-id rubric-not-id status-not-enum \
         assessment-id-not-id ref-not-id-rubric; do
    check "validate-bad-$f" 1 "$SW" $MINI validate tests/fixtures/bad/$f.xml
done
# report reads the scorecard among the assessments and nothing else.
check validate-report-skips-assessments 0 "$SW" $MINI report --format csv tests/fixtures/growth

# validate applies the checks across files that the aggregating commands
# apply, naming both files, and exits 1 (docs/design.md "Any rubric, any
# language"): two submitted cards for one interview, two assessments of one
# person by one assessor in one cycle, and a candidate's conflicting levels.
MINIX=$PWD/tests/fixtures/rubrics/mini.xml
mkdir -p "$TMP/vdup"
cp tests/fixtures/report/c-2/tech--ann.xml "$TMP/vdup/one.xml"
cp tests/fixtures/report/c-2/tech--ann.xml "$TMP/vdup/two.xml"
check validate-cross-duplicate 1 sh -c "cd '$TMP' && exec \"\$0\" \"\$@\"" "$SW" --rubric "$MINIX" validate vdup
cp -R tests/fixtures/bad/assessment-dup "$TMP/vassess"
check validate-cross-assessments 1 sh -c "cd '$TMP' && exec \"\$0\" \"\$@\"" "$SW" --rubric "$MINIX" validate vassess
mkdir -p "$TMP/vlevel"
sed 's/level="[a-z]*"/level="mid"/' tests/fixtures/report/c-2/tech--ann.xml >"$TMP/vlevel/a.xml"
sed 's/level="[a-z]*"/level="senior"/; s/interviewer="ann"/interviewer="zoe"/' \
    tests/fixtures/report/c-2/tech--ann.xml >"$TMP/vlevel/b.xml"
check validate-cross-levels 1 sh -c "cd '$TMP' && exec \"\$0\" \"\$@\"" "$SW" --rubric "$MINIX" validate vlevel

# A schema error does not hide the file's other errors: a rubric with an
# anchor missing its label (schema), a duplicate competency id and a
# question measuring an unknown competency (meaning) gets all of them in
# one run.
sed 's/<anchor value="1" label="Needs Focus"\/>/<anchor value="1"\/>/; s/<competency id="coding" name="Coding"\/>/<competency id="coding" name="Coding"\/><competency id="coding" name="Again"\/>/; s/<measures competency="mentoring"\/>/<measures competency="nobody"\/>/' \
    tests/fixtures/rubrics/mini.xml >"$TMP/all-errors.xml"
check validate-rubric-every-error 1 sh -c "cd '$TMP' && exec \"\$0\" \"\$@\"" "$SW" validate all-errors.xml
