# report and compare on a small fixture (mini rubric), every format.
MINI="--rubric tests/fixtures/rubrics/mini.xml"
REQ=tests/fixtures/report

check report-table 0 "$SW" $MINI report $REQ
check report-json 0 "$SW" $MINI report --format json $REQ
check report-csv 0 "$SW" $MINI report --format csv $REQ
check report-level-senior 0 "$SW" $MINI report --level senior --format csv $REQ/c-1
check report-unknown-level 2 "$SW" $MINI report --level vp $REQ
check report-bad-format 2 "$SW" $MINI report --format xml $REQ
check report-no-path 2 "$SW" $MINI report
check report-missing-path 3 "$SW" $MINI report tests/fixtures/no-such-dir
check compare-table 0 "$SW" $MINI compare $REQ
check compare-json-shortfall 0 "$SW" $MINI compare --sort shortfall --format json $REQ
check compare-csv-name 0 "$SW" $MINI compare --sort name --format csv $REQ
check compare-bad-sort 2 "$SW" $MINI compare --sort height $REQ
check compare-no-path 2 "$SW" $MINI compare --sort name
check report-help 0 "$SW" report --help
check compare-help 0 "$SW" compare --help

# Options may follow the PATHs (GNU style); after "--", a PATH may start with '-'.
"$SW" $MINI report $REQ --format csv >"$TMP/mixed.csv" 2>&1
assert report-options-after-paths cmp "$EXPECT/report-csv.out" "$TMP/mixed.csv"
mkdir -p "$TMP/dash"
cp -r $REQ/c-2 "$TMP/dash/-c-2"
check report-double-dash 0 sh -c "cd '$TMP/dash' && '$SW' --rubric '$PWD/tests/fixtures/rubrics/mini.xml' report --format csv -- -c-2"
check report-dash-path-is-an-option 2 sh -c "cd '$TMP/dash' && '$SW' --rubric '$PWD/tests/fixtures/rubrics/mini.xml' report -c-2"

# The JSON parses, and CSV quoting survives a name with a comma, quotes and a newline.
python3 - "$EXPECT/report-json.out" "$EXPECT/report-csv.out" <<'PY'
import csv, io, json, sys
d = json.load(open(sys.argv[1]))
assert [c["id"] for c in d["candidates"]] == ["c-1", "c-2", "c-3"], d
rows = list(csv.reader(io.open(sys.argv[2], newline="", encoding="utf-8")))
assert rows[1][1] == 'Smith, "Ada"\nJr.', rows[1]
assert len(rows) == 1 + 3 * 4
PY
assert report-json-and-csv-parse test $? = 0

# Invalid files: without --keep-going nothing is reported; with it, the rest is.
mkdir -p "$TMP/kg"
cp -r $REQ/c-2 "$TMP/kg/"
cp tests/fixtures/bad/off-step.xml "$TMP/kg/bad.xml"
"$SW" $MINI report --format csv "$TMP/kg" >"$TMP/out" 2>"$TMP/err"
assert report-invalid-fails test $? = 1
assert report-invalid-no-output test ! -s "$TMP/out"
assert report-invalid-message grep -qx "$TMP/kg/bad.xml:3: error: value '3.25' is off the scale's step 0.5" "$TMP/err"
"$SW" $MINI report --keep-going --format csv "$TMP/kg" >"$TMP/out" 2>"$TMP/err"
assert report-keep-going-exit test $? = 1
assert report-keep-going-output grep -q '^c-2,' "$TMP/out"

# A rubric file among the scorecards is skipped, even an invalid one.
mkdir -p "$TMP/withrubric"
cp -r $REQ/c-2 "$TMP/withrubric/"
cp tests/fixtures/bad/duplicate-id-rubric.xml "$TMP/withrubric/rubric.xml"
check_rc report-skips-rubric-files 0 "$SW" $MINI report --format json "$TMP/withrubric"

# A duplicate scorecard names both files.
mkdir -p "$TMP/dup"
cp $REQ/c-2/tech--ann.xml "$TMP/dup/one.xml"
cp $REQ/c-2/tech--ann.xml "$TMP/dup/two.xml"
"$SW" $MINI report "$TMP/dup" >"$TMP/out" 2>"$TMP/err"
assert report-duplicate-exit test $? = 1
assert report-duplicate-message grep -qx "$TMP/dup/two.xml:2: error: a second submitted scorecard for candidate 'c-2', interview 'tech', interviewer 'ann': the other is $TMP/dup/one.xml" "$TMP/err"

# A second, independent computation of every number on 320 generated
# scorecards of two rubrics that are not the TPM wheel.
for rubric in tests/fixtures/rubrics/mini.xml tests/fixtures/rubrics/eng.xml; do
    [ -f "$rubric" ] || continue
    rname=$(basename "$rubric" .xml)
    rm -rf "$TMP/gen-$rname"
    "$B/tools/gencards" --rubric "$rubric" --count 320 --out "$TMP/gen-$rname" --seed 7 --evidence 20-80
    "$SW" --rubric "$rubric" report --format json "$TMP/gen-$rname" >"$TMP/gen.json"
    check_rc "recompute-report-$rname" 0 python3 tests/recompute.py "$rubric" "$TMP/gen.json" "$TMP/gen-$rname"
    "$SW" --rubric "$rubric" calibrate --format json "$TMP/gen-$rname" >"$TMP/cal.json"
    check_rc "recompute-calibrate-$rname" 0 python3 tests/recompute.py --calibrate "$rubric" "$TMP/cal.json" "$TMP/gen-$rname"
done

# Results are the same whatever the number of threads (400 generated scorecards,
# about 80 candidates of the TPM rubric, read and written by 1 and by 2 threads).
"$B/tools/gencards" --rubric rubrics/tpm.xml --count 400 --out "$TMP/threads" --seed 5 --evidence 50-200
"$SW" -j 1 report --format json "$TMP/threads" >"$TMP/j1.json"
"$SW" -j 2 report --format json "$TMP/threads" >"$TMP/j2.json"
assert report-threads-identical cmp "$TMP/j1.json" "$TMP/j2.json"
"$SW" -j 1 calibrate --format json "$TMP/threads" >"$TMP/c1.json"
"$SW" -j 2 calibrate --format json "$TMP/threads" >"$TMP/c2.json"
assert calibrate-threads-identical cmp "$TMP/c1.json" "$TMP/c2.json"
"$SW" -j 1 compare --format json "$TMP/threads" >"$TMP/s1.json"
"$SW" -j 2 compare --format json "$TMP/threads" >"$TMP/s2.json"
assert compare-threads-identical cmp "$TMP/s1.json" "$TMP/s2.json"
# validate prints every file's problems in path order whatever the threads.
cp -r tests/fixtures/bad "$TMP/threads/zz-bad"
"$SW" -j 1 validate "$TMP/threads" >"$TMP/v1.out" 2>"$TMP/v1.err"
"$SW" -j 2 validate "$TMP/threads" >"$TMP/v2.out" 2>"$TMP/v2.err"
assert validate-threads-identical-out cmp "$TMP/v1.out" "$TMP/v2.out"
assert validate-threads-identical-err cmp "$TMP/v1.err" "$TMP/v2.err"
assert validate-threads-found-bad test -s "$TMP/v1.err"
rm -rf "$TMP/threads/zz-bad"
check main-bad-jobs 2 "$SW" -j 0 report "$TMP/threads"
