# severity (rule 11): calibrate's fit checked against tests/severity_ref.py, a
# direct maximisation of the full REML likelihood with numpy (Debian
# python3-numpy, so /usr/bin/python3), on generated sparse designs: each
# candidate meets 4 to 6 of the interviewers.
MINIR=tests/fixtures/rubrics/mini.xml
REF=/usr/bin/python3

for case in "60 2" "320 7"; do
    set -- $case
    rm -rf "$TMP/sev"
    "$B/tools/gencards" --rubric $MINIR --count "$1" --out "$TMP/sev" --seed "$2" --evidence 20-40
    "$SW" --rubric $MINIR calibrate --format json "$TMP/sev" >"$TMP/sev.json"
    check_rc "severity-ref-$1-$2" 0 $REF tests/severity_ref.py $MINIR "$TMP/sev.json" "$TMP/sev"
done

# Two requisitions with no interviewer or candidate in common: 2 components.
rm -rf "$TMP/two"
"$B/tools/gencards" --rubric $MINIR --count 80 --out "$TMP/two/a" --seed 3 --evidence 20-40
"$B/tools/gencards" --rubric $MINIR --count 80 --out "$TMP/two/b" --seed 4 --evidence 20-40
find "$TMP/two/b" -name '*.xml' -exec sed -i -e 's/interviewer="iv-/interviewer="jv-/' \
    -e 's/candidate="c-/candidate="d-/' {} +
"$SW" --rubric $MINIR calibrate --format json "$TMP/two" >"$TMP/two.json"
check_rc severity-ref-disconnected 0 $REF tests/severity_ref.py $MINIR "$TMP/two.json" "$TMP/two"
$REF - "$TMP/two.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["severity"]
assert s["components"] == 2 and s["fitted"], s
PY
assert severity-disconnected-components test $? = 0

# Too few pairs (tests/fixtures/leniency: 7 pairs, 5 candidates): no fit,
# sigma2 and tau2 null, adjustments 0, standard errors null.
"$SW" --rubric $MINIR calibrate --format json tests/fixtures/leniency >"$TMP/few.json"
check_rc severity-ref-too-few 0 $REF tests/severity_ref.py $MINIR "$TMP/few.json" tests/fixtures/leniency

# The table and CSV of a fitted design.
rm -rf "$TMP/sev"
"$B/tools/gencards" --rubric $MINIR --count 320 --out "$TMP/sev" --seed 7 --evidence 20-40
check calibrate-severity-table 0 "$SW" --rubric $MINIR calibrate "$TMP/sev"
# Full-precision figures differ in the last digits from one BLAS to another:
# the CSV's columns are held to the JSON's instead of to fixed bytes.
"$SW" --rubric $MINIR calibrate --format csv "$TMP/sev" >"$TMP/sev.csv"
"$SW" --rubric $MINIR calibrate --format json "$TMP/sev" >"$TMP/sev-csv.json"
python3 - "$TMP/sev.csv" "$TMP/sev-csv.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
js = {i["id"]: i for i in json.load(open(sys.argv[2]))["interviewers"]}
assert list(rows[0])[-2:] == ["adjustment", "adjustment_se"], list(rows[0])
assert len(rows) == len(js) == 16
for r in rows:
    for key in ("adjustment", "adjustment_se"):
        assert float(r[key]) == js[r["interviewer"]][key], (r, key)
PY
assert calibrate-severity-csv test $? = 0

# --adjusted: rules 1-7 on x(s,c) - adjustment(i(s)), recomputed independently
# from calibrate's adjustments (tests/recompute.py --adjusted); the raw
# recomputation must then disagree, or the flag did nothing.
"$SW" --rubric $MINIR calibrate --format json "$TMP/sev" >"$TMP/sev-cal.json"
"$SW" --rubric $MINIR report --adjusted --format json "$TMP/sev" >"$TMP/sev-adj.json"
check_rc severity-report-adjusted-recompute 0 python3 tests/recompute.py \
    --adjusted "$TMP/sev-cal.json" $MINIR "$TMP/sev-adj.json" "$TMP/sev"
check_rc severity-report-adjusted-differs 1 python3 tests/recompute.py \
    $MINIR "$TMP/sev-adj.json" "$TMP/sev"
# gencards draws names in an order that differs between compilers: the rows
# are compared by their id and their numbers (the name between them cut away).
check severity-compare-adjusted-table 0 sh -c \
    '"$SW" --rubric tests/fixtures/rubrics/mini.xml compare --adjusted "$TMP/sev" |
     sed -E "3,\$s/^([^ ]+)  +[^0-9]*[^0-9 ]  +/\1  /"'
# No fit: the scores stay as rated and the table says why.
check severity-report-adjusted-no-fit 0 "$SW" --rubric $MINIR report --adjusted tests/fixtures/leniency
"$SW" --rubric $MINIR team --adjusted --members tests/fixtures/team/members "$TMP/sev" >"$TMP/team.out"
assert severity-team-adjusted-note grep -q "^Scores adjusted for interviewer severity (rule 11: sigma2" \
    "$TMP/team.out"
c=$(sed -n 's/.*"id": "\(c-[0-9]*\)".*/\1/p' "$TMP/sev-adj.json" | head -1)
"$SW" --rubric $MINIR wheel --adjusted --candidate "$c" -o "$TMP/w.svg" "$TMP/sev"
assert severity-wheel-adjusted-subtitle grep -q "severity-adjusted" "$TMP/w.svg"

# The workbook: Summary's adjusted overall is report --adjusted's overall
# (another code path: sw_severity_means, not the adjusted aggregate), each
# candidate sheet's adjusted means its competency means, and Interviewers'
# adjustments calibrate's.
"$SW" --rubric $MINIR export --adjusted -q -o "$TMP/sev.xlsx" "$TMP/sev"
$REF - "$TMP/sev.xlsx" "$TMP/sev-adj.json" "$TMP/sev-cal.json" <<'PY'
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
adj = {c["id"]: c for c in json.load(open(sys.argv[2]))["candidates"]}
cal = {i["id"]: i for i in json.load(open(sys.argv[3]))["interviewers"]}
close = lambda a, b: (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)
ws = wb["Summary"]
head = [c.value for c in ws[4]]
col = head.index("Adjusted overall")
assert col == len(head) - 1, head
for row in ws.iter_rows(min_row=5, values_only=True):
    assert close(adj[row[1]]["overall"], row[col]), (row[1], row[col])
ws = wb["Interviewers"]
assert [c.value for c in ws[4]][7:9] == ["Adjustment", "Adjustment SE"]
for row in ws.iter_rows(min_row=5, max_row=4 + len(cal), values_only=True):
    assert close(cal[row[0]]["adjustment"], row[7]) and close(cal[row[0]]["adjustment_se"], row[8]), row
checked = 0
for name in wb.sheetnames[1:]:
    ws = wb[name]
    cid = ws.cell(2, 1).value.split(" ")[1]
    if cid not in adj:
        continue
    for r in range(1, 40):
        if ws.cell(r, 12).value == "Adjusted mean":
            for k, comp in enumerate(adj[cid]["competencies"]):
                assert close(comp["mean"], ws.cell(r + 1 + k, 12).value), (cid, comp["id"])
            checked += 1
            break
assert checked == len(adj), (checked, len(adj))
PY
assert severity-export-adjusted test $? = 0

# The example requisition: 38 pairs of 8 interviewers, and an REML tau2 of 0
# (the boundary), which the direct maximisation confirms: no fit.
"$SW" calibrate --format json docs/examples/staff-tpm-2026 >"$TMP/demo.json"
check_rc severity-ref-boundary 0 $REF tests/severity_ref.py rubrics/tpm.xml "$TMP/demo.json" \
    docs/examples/staff-tpm-2026
