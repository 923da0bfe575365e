# audit (docs/design.md rule 16): bad demographics files, a generated
# requisition with planted effects checked against tests/recompute.py --audit,
# and privacy: no candidate id in any output.
LEN="--rubric tests/fixtures/rubrics/mini.xml"
DEMO=tests/fixtures/demographics

check audit-help 0 "$SW" audit --help
check audit-no-demographics 2 "$SW" $LEN audit tests/fixtures/leniency
check audit-missing-file 3 "$SW" $LEN audit --demographics "$DEMO/none.xml" tests/fixtures/leniency
for bad in malformed root value undeclared duplicate twice declared-twice no-dimensions \
           doctype no-id; do
    check "audit-bad-$bad" 1 "$SW" $LEN audit --demographics "$DEMO/bad-$bad.xml" \
        tests/fixtures/leniency
done

# Several hundred candidates, two dimensions, rare groups, unknowns, 5 people not
# in the requisition; planted: iv-07 rates women 0.6 lower, black candidates'
# ability is 0.6 lower (tools/gendemo.py).
python3 tools/gendemo.py --out "$TMP/req" --demographics "$TMP/demo.xml" --count 400 --seed 16
check audit-planted-table 0 "$SW" audit --demographics "$TMP/demo.xml" "$TMP/req"
"$SW" audit --demographics "$TMP/demo.xml" --format json "$TMP/req" >"$TMP/audit.json"
"$SW" calibrate --format json "$TMP/req" >"$TMP/cal.json"
check_rc audit-recompute 0 python3 tests/recompute.py --audit "$TMP/demo.xml" "$TMP/cal.json" \
    rubrics/tpm.xml "$TMP/audit.json" "$TMP/req"
# The check can fail: one rate moved by 2e-9 is a difference.
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); g = d["dimensions"][0]["groups"][0]
g["selection_rate"] += 2e-9; json.dump(d, open(sys.argv[2], "w"))' "$TMP/audit.json" "$TMP/audit-off.json"
check_rc audit-recompute-can-fail 1 python3 tests/recompute.py --audit "$TMP/demo.xml" \
    "$TMP/cal.json" rubrics/tpm.xml "$TMP/audit-off.json" "$TMP/req"
python3 - "$TMP/audit.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
race = {g["value"]: g for g in d["dimensions"][1]["groups"]}
assert race["black"]["selection_impact"] < 0.8 and race["black"]["flag"], race["black"]
assert race["pacific"]["suppressed"] and race["pacific"]["n"] is None, race["pacific"]
assert d["unmatched"] == 5 and d["population"] == 400, d["unmatched"]
gap = [g for g in d["interviewers"] if g["id"] == "iv-07" and g["value"] == "female"]
assert gap and gap[0]["gap"] < 0 and gap[0]["flag"], gap
others = [g for g in d["interviewers"] if g["flag"] and g["id"] != "iv-07"]
assert len(others) <= 3, others
PY
assert audit-planted-flagged test $? = 0

# Privacy: no candidate id (c-0001...) in any format, the workbook included.
"$SW" audit --demographics "$TMP/demo.xml" --format csv "$TMP/req" >"$TMP/audit.csv"
"$SW" audit --demographics "$TMP/demo.xml" "$TMP/req" >"$TMP/audit.txt"
for f in audit.json audit.csv audit.txt; do
    assert "audit-no-candidate-id-$f" test -z "$(grep -o 'c-[0-9][0-9]*' "$TMP/$f")"
done
check audit-planted-csv-head 0 sh -c "head -c 400 '$TMP/audit.csv'"

# export --demographics: the Audit sheet holds the audit's figures (read back
# with openpyxl), lists no candidate id, and hidden groups show no numbers.
check_rc audit-export 0 "$SW" export -q --sheets 0 --demographics "$TMP/demo.xml" \
    -o "$TMP/audit.xlsx" "$TMP/req"
/usr/bin/python3 - "$TMP/audit.xlsx" "$TMP/audit.json" <<'PY'
import json, re, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Summary", "Compare", "Interviewers", "Audit", "Data"], wb.sheetnames
ws = wb["Audit"]
cells = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
assert not [v for v in cells if isinstance(v, str) and re.search(r"\bc-\d+", v)], "candidate id"
d = json.load(open(sys.argv[2]))
rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows() if isinstance(r[0].value, str)}
black = rows["black"]
g = {x["value"]: x for x in d["dimensions"][1]["groups"]}["black"]
assert black[1:4] == [g["n"], g["decided"], g["selected"]], black
assert abs(black[5] - g["selection_impact"]) < 1e-12 and black[11].startswith("FLAG"), black
assert rows["pacific"][1:11] == [None] * 10 and rows["pacific"][11] == "hidden", rows["pacific"]
PY
assert audit-export-sheet test $? = 0
check audit-export-people 2 "$SW" export --people --demographics "$TMP/demo.xml" \
    -o "$TMP/p.xlsx" "$TMP/req"

# The demographics file stays apart from the requisition: refused under a PATH,
# and nothing of serve (web/, cmd_serve.c) ever loads one.
mkdir -p "$TMP/inside"
cp "$DEMO/bad-value.xml" "$TMP/inside/demo.xml"
"$SW" $LEN audit --demographics "$TMP/inside/demo.xml" "$TMP/inside" 2>"$TMP/inside.err"
assert audit-demographics-inside-rc test $? = 1
assert audit-demographics-inside-message grep -q "is inside $TMP/inside, which audit reads" \
    "$TMP/inside.err"
"$SW" $LEN export --demographics "$TMP/inside/demo.xml" -o "$TMP/in.xlsx" "$TMP/inside" 2>/dev/null
assert audit-export-demographics-inside-rc test $? = 1
assert audit-serve-never-reads-demographics test -z "$(grep -l 'sw_demographics\|sw_audit' \
    web/*.c cli/cmd_serve.c)"

# A second requisition, another seed, min-cell 12 (more groups and
# intersections hidden, complementary suppression at work), no planted effect.
sed 's/<policy /<policy min-cell="12" /' rubrics/tpm.xml >"$TMP/tpm-cell12.xml"
python3 tools/gendemo.py --out "$TMP/req2" --demographics "$TMP/demo2.xml" --count 300 --seed 7 \
    --bias 0 --selection-gap 0
"$SW" --rubric "$TMP/tpm-cell12.xml" audit --demographics "$TMP/demo2.xml" --format json \
    "$TMP/req2" >"$TMP/audit2.json"
"$SW" --rubric "$TMP/tpm-cell12.xml" calibrate --format json "$TMP/req2" >"$TMP/cal2.json"
check_rc audit-recompute-min-cell-12 0 python3 tests/recompute.py --audit "$TMP/demo2.xml" \
    "$TMP/cal2.json" "$TMP/tpm-cell12.xml" "$TMP/audit2.json" "$TMP/req2"
python3 - "$TMP/audit2.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["min_cell"] == 12, d["min_cell"]
hidden = [g for x in d["dimensions"] for g in x["groups"] if g["suppressed"]]
assert hidden and all(g["n"] is None and g["fisher_p"] is None for g in hidden), hidden
assert all(x["withheld"] is None or x["withheld"] >= 12 for x in d["dimensions"])
PY
assert audit-min-cell-12-hidden test $? = 0
