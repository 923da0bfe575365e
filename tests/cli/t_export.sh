# export: the committee workbook, read back with an independent reader
# (tests/xlsx_check.py, openpyxl) and compared with compare/calibrate JSON.
MINI="--rubric tests/fixtures/rubrics/mini.xml"
REQ=tests/fixtures/report
EXPORT=tests/fixtures/export
PY=/usr/bin/python3
mkdir -p "$TMP/xlsx"

check export-no-output 2 "$SW" $MINI export $REQ
check export-to-stdout 2 "$SW" $MINI export -o - $REQ
check export-no-path 2 "$SW" $MINI export -o "$TMP/xlsx/none.xlsx"
check export-unknown-level 2 "$SW" $MINI export --level vp -o "$TMP/xlsx/none.xlsx" $REQ
check export-bad-epoch 2 env SOURCE_DATE_EPOCH=yesterday "$SW" $MINI export \
    -o "$TMP/xlsx/none.xlsx" $REQ
check export-help 0 "$SW" export --help
for bad in -1 x 1.5 "" 18446744073709551615 99999999999999999999; do
    check "export-sheets-bad-$bad" 2 "$SW" $MINI export --sheets "$bad" -o "$TMP/xlsx/none.xlsx" $REQ
done
assert export-usage-errors-write-nothing test ! -e "$TMP/xlsx/none.xlsx"

# Relative paths keep the "wrote" line free of $TMP.
check export-mini 0 sh -c 'cd "$TMP/xlsx" && "$SW" --rubric "$1/tests/fixtures/rubrics/mini.xml" \
    export -o mini.xlsx "$1/tests/fixtures/report"' sh "$PWD"
check export-mini-quiet 0 "$SW" $MINI export --quiet -o "$TMP/xlsx/quiet.xlsx" $REQ
assert export-byte-stable cmp -s "$TMP/xlsx/mini.xlsx" "$TMP/xlsx/quiet.xlsx"
assert export-no-temporary-files test -z "$(find "$TMP/xlsx" -name '.*tmp*')"

# Reads the workbook back: sheets, numbers, charts, strings (needs openpyxl).
if ! $PY -c 'import openpyxl' 2>/dev/null; then
    echo "skip: export read-back checks need python3-openpyxl ($PY -c 'import openpyxl' fails)"
else
    "$SW" $MINI compare --format json $REQ >"$TMP/xlsx/mini.json"
    "$SW" $MINI calibrate --format json $REQ >"$TMP/xlsx/mini-cal.json"
    check_rc export-mini-reads-back 0 $PY tests/xlsx_check.py full "$TMP/xlsx/mini.xlsx" \
        "$TMP/xlsx/mini.json" "$TMP/xlsx/mini-cal.json" --table
    check export-mini-sheets 0 $PY tests/xlsx_check.py sheets "$TMP/xlsx/mini.xlsx"

    # Excel's sheet-name rules: long, forbidden characters, duplicates (also
    # across case, beyond ASCII), "History", reserved names, cell references.
    "$SW" $MINI export -q -o "$TMP/xlsx/names.xlsx" $EXPORT/names
    "$SW" $MINI compare --format json $EXPORT/names >"$TMP/xlsx/names.json"
    "$SW" $MINI calibrate --format json $EXPORT/names >"$TMP/xlsx/names-cal.json"
    check export-names-sheets 0 $PY tests/xlsx_check.py sheets "$TMP/xlsx/names.xlsx"
    check_rc export-names-reads-back 0 $PY tests/xlsx_check.py full "$TMP/xlsx/names.xlsx" \
        "$TMP/xlsx/names.json" "$TMP/xlsx/names-cal.json" --table

    # The TPM wheel on the example requisition.
    DEMO=docs/examples/staff-tpm-2026
    "$SW" export -q -o "$TMP/xlsx/demo.xlsx" $DEMO
    "$SW" compare --format json $DEMO >"$TMP/xlsx/demo.json"
    "$SW" calibrate --format json $DEMO >"$TMP/xlsx/demo-cal.json"
    check_rc export-demo-reads-back 0 $PY tests/xlsx_check.py full "$TMP/xlsx/demo.xlsx" \
        "$TMP/xlsx/demo.json" "$TMP/xlsx/demo-cal.json" --table

    # Anonymized: no name in any part, labels everywhere, evidence redacted.
    "$SW" $MINI export -q --anonymize -o "$TMP/xlsx/anon.xlsx" $EXPORT/anon
    "$SW" $MINI compare --format json $EXPORT/anon >"$TMP/xlsx/anon.json"
    check_rc export-anonymous-no-names 0 $PY tests/xlsx_check.py anonymous "$TMP/xlsx/anon.xlsx" \
        "$TMP/xlsx/anon.json" "Ada Lovelace"
    check export-anonymous-sheets 0 $PY tests/xlsx_check.py sheets "$TMP/xlsx/anon.xlsx"
    $PY -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(
        "xl/sharedStrings.xml"))' "$TMP/xlsx/anon.xlsx" >"$TMP/xlsx/anon-strings.xml"
    assert export-anonymous-evidence-kept grep -q "Candidate A explained the queue; Candidate A" \
        "$TMP/xlsx/anon-strings.xml"
    # Anonymized means anonymous (turn 3): the letters stand for every id.
    assert export-anonymous-named-id grep -q "Id A ·" "$TMP/xlsx/anon-strings.xml"
    assert export-anonymous-no-plain-id sh -c "! grep -q 'c-9' '$TMP/xlsx/anon-strings.xml'"
    for f in mini demo; do
        "$SW" $([ $f = mini ] && echo $MINI) export -q --anonymize -o "$TMP/xlsx/$f-anon.xlsx" \
            $([ $f = mini ] && echo $REQ || echo $DEMO)
        check_rc "export-anonymous-$f" 0 $PY tests/xlsx_check.py anonymous \
            "$TMP/xlsx/$f-anon.xlsx" "$TMP/xlsx/$f.json"
    done

    # Evidence beyond Excel's 32,767 characters is cut, with a marker.
    mkdir -p "$TMP/long"
    $PY - "$TMP/long/card.xml" <<'PY'
import sys
text = "Long evidence. " * 3000
open(sys.argv[1], "w").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<scorecard xmlns="urn:scorewheel:scorecard:1" rubric="mini" candidate="c-9" '
    'interview="tech" interviewer="ann" level="mid" status="submitted">\n'
    '  <rating question="t1" value="3"><evidence>%s</evidence></rating>\n'
    '  <recommendation value="hire"/>\n</scorecard>\n' % text)
PY
    "$SW" $MINI export -q -o "$TMP/xlsx/long.xlsx" "$TMP/long"
    check_rc export-long-text-cut 0 $PY -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["c-9"]
cut = [c.value for row in ws.iter_rows() for c in row
       if isinstance(c.value, str) and c.value.startswith("Long evidence.")]
assert len(cut) == 1 and len(cut[0]) == 32767, [len(v) for v in cut]
assert cut[0].endswith(". Long evidence. Long e [... truncated]"), cut[0][-40:]
' "$TMP/xlsx/long.xlsx"

    # --sheets N: a sheet (and a link from Summary) for the first N candidates
    # of Summary only; every row and number stays. 0 and more than there are.
    check export-sheets-two 0 sh -c 'cd "$TMP/xlsx" && "$SW" --rubric "$1/tests/fixtures/rubrics/mini.xml" \
        export --sheets 2 -o two.xlsx "$1/tests/fixtures/export/names"' sh "$PWD"
    check export-sheets-two-links 0 $PY tests/xlsx_check.py links "$TMP/xlsx/two.xlsx"
    check_rc export-sheets-two-reads-back 0 $PY tests/xlsx_check.py full "$TMP/xlsx/two.xlsx" \
        "$TMP/xlsx/names.json" "$TMP/xlsx/names-cal.json" --table --sheets 2
    "$SW" $MINI export -q -s 0 -o "$TMP/xlsx/none.xlsx" $EXPORT/names
    check export-sheets-none 0 $PY tests/xlsx_check.py sheets "$TMP/xlsx/none.xlsx"
    check_rc export-sheets-none-reads-back 0 $PY tests/xlsx_check.py full "$TMP/xlsx/none.xlsx" \
        "$TMP/xlsx/names.json" "$TMP/xlsx/names-cal.json" --table --sheets 0
    rm -f "$TMP/xlsx/none.xlsx"
    "$SW" $MINI export -q --sheets 99 -o "$TMP/xlsx/many.xlsx" $EXPORT/names
    "$SW" $MINI export -q --sheets all -o "$TMP/xlsx/all.xlsx" $EXPORT/names
    assert export-sheets-more-than-candidates cmp -s "$TMP/xlsx/names.xlsx" "$TMP/xlsx/many.xlsx"
    assert export-sheets-all cmp -s "$TMP/xlsx/names.xlsx" "$TMP/xlsx/all.xlsx"

    # Past a sheet's rows, Data goes on in Data 2, Data 3... (SCOREWHEEL_DATA_ROWS
    # lowers the limit from 1,048,575); those names come before the candidates':
    # one called "Data 2" gets "Data 2 (2)".
    mkdir -p "$TMP/data2"
    cp $EXPORT/names/*.xml "$TMP/data2/"
    cat >"$TMP/data2/c-d2.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<scorecard xmlns="urn:scorewheel:scorecard:1" rubric="mini" candidate="c-d2" interview="tech" interviewer="bo" level="mid" status="submitted">
  <candidate-name>Data 2</candidate-name>
  <rating question="t1" value="4"/>
  <recommendation value="hire"/>
</scorecard>
XML
    check export-data-rows 0 env SCOREWHEEL_DATA_ROWS=7 "$SW" $MINI export -q \
        -o "$TMP/xlsx/data2.xlsx" "$TMP/data2"
    check export-data-rows-sheets 0 $PY tests/xlsx_check.py sheets "$TMP/xlsx/data2.xlsx"
    "$SW" $MINI compare --format json "$TMP/data2" >"$TMP/xlsx/data2.json"
    "$SW" $MINI calibrate --format json "$TMP/data2" >"$TMP/xlsx/data2-cal.json"
    check_rc export-data-rows-reads-back 0 $PY tests/xlsx_check.py full "$TMP/xlsx/data2.xlsx" \
        "$TMP/xlsx/data2.json" "$TMP/xlsx/data2-cal.json" --table
    for bad in 0 x 1048576 -3; do
        check "export-data-rows-bad-$bad" 2 env SCOREWHEEL_DATA_ROWS=$bad "$SW" $MINI export \
            -o "$TMP/xlsx/none.xlsx" $REQ
    done

    # Above SW_XLSX_NORMAL_MAX_CARDS (1000) scorecards the workbook streams
    # (constant memory): the same cells, Data a filtered range, not a table.
    "$B/tools/gencards" --rubric tests/fixtures/rubrics/mini.xml --count 1200 --out "$TMP/streamed" \
        --seed 11 --drafts 5 --evidence 20-60
    "$SW" $MINI export -q -o "$TMP/xlsx/big.xlsx" "$TMP/streamed"
    "$SW" $MINI compare --format json "$TMP/streamed" >"$TMP/xlsx/big.json"
    "$SW" $MINI calibrate --format json "$TMP/streamed" >"$TMP/xlsx/big-cal.json"
    check_rc export-streamed-reads-back 0 $PY tests/xlsx_check.py full "$TMP/xlsx/big.xlsx" \
        "$TMP/xlsx/big.json" "$TMP/xlsx/big-cal.json" --filter
    SCOREWHEEL_DATA_ROWS=1000 "$SW" $MINI export -q -o "$TMP/xlsx/big-parts.xlsx" "$TMP/streamed"
    check_rc export-streamed-data-rows-reads-back 0 $PY tests/xlsx_check.py full \
        "$TMP/xlsx/big-parts.xlsx" "$TMP/xlsx/big.json" "$TMP/xlsx/big-cal.json" --filter
fi

# Invalid input: nothing written (exit 1); with --keep-going the rest (exit 1).
mkdir -p "$TMP/xkg"
cp -r $REQ/c-2 "$TMP/xkg/"
cp tests/fixtures/bad/off-step.xml "$TMP/xkg/bad.xml"
"$SW" $MINI export -o "$TMP/xlsx/kg.xlsx" "$TMP/xkg" >"$TMP/out" 2>"$TMP/err"
assert export-invalid-fails test $? = 1
assert export-invalid-writes-nothing test ! -e "$TMP/xlsx/kg.xlsx"
assert export-invalid-message grep -qx \
    "$TMP/xkg/bad.xml:3: error: value '3.25' is off the scale's step 0.5" "$TMP/err"
"$SW" $MINI export --keep-going -o "$TMP/xlsx/kg.xlsx" "$TMP/xkg" >"$TMP/out" 2>"$TMP/err"
assert export-keep-going-exit test $? = 1
assert export-keep-going-writes test -s "$TMP/xlsx/kg.xlsx"
assert export-keep-going-says-so grep -qx "wrote $TMP/xlsx/kg.xlsx: 1 candidate, 2 scorecards" \
    "$TMP/err"

# Failures leave the previous file and no temporary file: a missing folder,
# and libxlsxwriter failing (a file size limit) with its message (exit 3).
check export-missing-folder 3 "$SW" $MINI export -o tests/fixtures/no-such-dir/x.xlsx $REQ
printf previous >"$TMP/xlsx/kept.xlsx"
sh -c 'ulimit -f 4 && trap "" XFSZ && exec "$@"' sh \
    "$SW" $MINI export -o "$TMP/xlsx/kept.xlsx" $REQ \
    >"$TMP/out" 2>"$TMP/err"
assert export-library-error-exit test $? = 3
assert export-library-error-message grep -q \
    "^$TMP/xlsx/kept.xlsx: error: cannot write the workbook: " "$TMP/err"
assert export-library-error-keeps-file test "$(cat "$TMP/xlsx/kept.xlsx")" = previous
assert export-library-error-no-temporary test -z "$(find "$TMP/xlsx" -name '.*tmp*')"

export SOURCE_DATE_EPOCH=1790000000   # as run.sh sets it for every file
