# growth and promote: rules 13 and 14 on tests/fixtures/growth (see the
# hand-worked numbers in tests/unit/test_growth.c), every format.
MINI="--rubric tests/fixtures/rubrics/mini.xml"
G=tests/fixtures/growth

check growth-table 0 "$SW" $MINI growth $G
check growth-json 0 "$SW" $MINI growth --format json $G
check growth-csv 0 "$SW" $MINI growth --format csv $G
check growth-person 0 "$SW" $MINI growth --person p-cy $G
check growth-unknown-person 1 "$SW" $MINI growth --person p-zed $G
check growth-no-path 2 "$SW" $MINI growth
check growth-bad-format 2 "$SW" $MINI growth --format xml $G
check growth-help 0 "$SW" growth --help
# Two assessments of one person by one assessor in one cycle: both named.
check growth-duplicate 1 "$SW" $MINI growth tests/fixtures/bad/assessment-dup
check growth-keep-going 1 "$SW" $MINI growth -k --format csv tests/fixtures/bad/assessment-dup
check growth-invalid-file 1 "$SW" $MINI growth tests/fixtures/bad/assessment-off-step.xml $G

check promote-table 0 "$SW" $MINI promote --to senior $G
check promote-json 0 "$SW" $MINI promote --to senior --format json $G
check promote-csv 0 "$SW" $MINI promote --to senior --format csv $G
check promote-cycle 0 "$SW" $MINI promote --to senior --cycle 2026-h1 --format json $G
check promote-cycles 0 "$SW" $MINI promote --to senior --cycles 2 --format json $G
check promote-no-to 2 "$SW" $MINI promote $G
check promote-unknown-level 2 "$SW" $MINI promote --to staff $G
check promote-bad-cycles 2 "$SW" $MINI promote --to senior --cycles 0 $G
check promote-help 0 "$SW" promote --help

# Tables fit 80 columns (characters, not bytes: the tables hold '·').
fits80() {
    python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$1"
}
"$SW" $MINI growth $G >"$TMP/g" && "$SW" $MINI promote --to senior $G >>"$TMP/g"
assert growth-80-columns fits80 "$TMP/g"

# A second, independent computation (tests/recompute.py, from the text of
# rules 13 and 14) of every number on generated teams of two rubrics, with
# scorecards mixed in (growth and promote must skip them).
for rubric in tests/fixtures/rubrics/mini.xml rubrics/tpm.xml; do
    rname=$(basename "$rubric" .xml)
    rm -rf "$TMP/team-$rname"
    "$B/tools/genassess" --rubric "$rubric" --people 40 --cycles 4 --out "$TMP/team-$rname" --seed 11
    "$B/tools/gencards" --rubric "$rubric" --count 20 --out "$TMP/team-$rname/cards" --seed 2
    "$SW" --rubric "$rubric" growth --format json "$TMP/team-$rname" >"$TMP/growth.json"
    check_rc "recompute-growth-$rname" 0 python3 tests/recompute.py --growth "$rubric" \
        "$TMP/growth.json" "$TMP/team-$rname"
    levels=$("$SW" --rubric "$rubric" rubric --ids levels)
    for level in $levels; do
        for spec in "$level" "$level,c2" "$level,,2" "$level,c4,3"; do
            set -- $(echo "$spec" | awk -F, '{ if ($2 != "") printf "--cycle %s ", $2;
                                              if ($3 != "") printf "--cycles %s", $3 }')
            "$SW" --rubric "$rubric" promote --to "$level" "$@" --format json \
                "$TMP/team-$rname" >"$TMP/promote.json"
            check_rc "recompute-promote-$rname-$spec" 0 python3 tests/recompute.py --promote \
                "$spec" "$rubric" "$TMP/promote.json" "$TMP/team-$rname"
        done
    done
done

# export --people: the people workbook, read back with openpyxl and checked
# against growth's and promote's JSON (tests/people_check.py).
PY=/usr/bin/python3
people_check() {   # RUBRIC FOLDER: export, then check against the JSON
    "$SW" --rubric "$1" export --people -q -o "$TMP/people.xlsx" "$2" &&
    "$SW" --rubric "$1" growth --format json "$2" >"$TMP/pg.json" &&
    levels=$("$SW" --rubric "$1" rubric --ids levels | tr '\n' ',' | sed 's/,$//') &&
    for level in $(echo "$levels" | tr ',' ' '); do
        "$SW" --rubric "$1" promote --to "$level" --format json "$2" >"$TMP/pp-$level.json"
    done &&
    $PY tests/people_check.py "$TMP/people.xlsx" "$TMP/pg.json" "$levels" "$TMP"/pp-*.json
}
if $PY -c 'import openpyxl' 2>/dev/null; then
    check_rc export-people-fixtures 0 people_check tests/fixtures/rubrics/mini.xml $G
    rm -f "$TMP"/pp-*.json
    check_rc export-people-tpm-team 0 people_check rubrics/tpm.xml "$TMP/team-tpm"
    # A name that looks like a formula stays text.
    rm -rf "$TMP/formula" && cp -r $G "$TMP/formula"
    sed -i 's|<person-name>Ann</person-name>|<person-name>=HYPERLINK("x")</person-name>|' \
        "$TMP/formula/2026-h1/p-ann--p-ann.xml"
    rm -f "$TMP"/pp-*.json
    check_rc export-people-formula-text 0 people_check tests/fixtures/rubrics/mini.xml \
        "$TMP/formula"
    "$SW" $MINI export --people -q -o "$TMP/f.xlsx" "$TMP/formula"
    $PY tests/xlsx_check.py sheets "$TMP/f.xlsx" >"$TMP/f.sheets"
    assert export-people-formula-sheet grep -qx '=HYPERLINK("x")' "$TMP/f.sheets"
fi
in_tmp() { (cd "$TMP" && "$@"); }
check export-people-message 0 in_tmp "$SW" --rubric "$PWD/tests/fixtures/rubrics/mini.xml" \
    export --people -o p.xlsx "$PWD/$G"
"$SW" $MINI export --people -q -o "$TMP/p2.xlsx" $G
assert export-people-byte-stable cmp "$TMP/p.xlsx" "$TMP/p2.xlsx"
check export-people-with-level 2 "$SW" $MINI export --people --level mid -o "$TMP/x.xlsx" $G
# A failed run leaves the previous workbook as it was, and no temporary file.
cp "$TMP/p.xlsx" "$TMP/keep.xlsx"
check export-people-invalid 1 "$SW" $MINI export --people -o "$TMP/keep.xlsx" \
    tests/fixtures/bad/assessment-off-step.xml
assert export-people-untouched cmp "$TMP/p.xlsx" "$TMP/keep.xlsx"
assert export-people-no-temp sh -c "! ls -a '$TMP' | grep -q 'tmp-'"

# The example team (docs/examples/reviews, used by `make demo`): the stories
# its README tells, pinned; TPM names and pillars still fit 80 columns.
R=docs/examples/reviews
check growth-example-ben 0 "$SW" growth --person p-ben $R
check promote-example-staff 0 "$SW" promote --to staff --cycles 2 --format csv $R
"$SW" growth $R >"$TMP/ex" && "$SW" promote --to staff $R >>"$TMP/ex" &&
    "$SW" promote --to principal --cycles 3 $R >>"$TMP/ex"
assert growth-example-80-columns fits80 "$TMP/ex"
check validate-example-reviews 0 "$SW" validate $R
