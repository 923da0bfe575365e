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
check calibrate-severity-csv 0 "$SW" --rubric $MINIR calibrate --format csv "$TMP/sev"
