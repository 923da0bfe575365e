# calibrate: published worked examples through the real CLI, hand-computed
# leniency, every format.
PUB="--rubric tests/fixtures/published/rubric.xml"
MINI="--rubric tests/fixtures/rubrics/mini.xml"

check calibrate-leniency-table 0 "$SW" $MINI calibrate tests/fixtures/leniency
check calibrate-leniency-json 0 "$SW" $MINI calibrate --format json tests/fixtures/leniency
check calibrate-leniency-csv 0 "$SW" $MINI calibrate --format csv tests/fixtures/leniency
check calibrate-bad-format 2 "$SW" $MINI calibrate --format xml tests/fixtures/leniency
check calibrate-no-path 2 "$SW" $MINI calibrate -k
check calibrate-help 0 "$SW" calibrate --help

# Hand-computed (see tests/fixtures/leniency): plus rates 1 above the panel of
# ann and bob: leniency +1 over 2 comparisons; ann: 3 - (3 + 4) / 2 = -0.5;
# solo is alone: compared 0, leniency null. Design alpha: two units (3, 3, 4):
# D_o = 2/3, D_e = 8/15, alpha = 1 - 1.25 = -0.25.
python3 - "$EXPECT/calibrate-leniency-json.out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
who = {i["id"]: i for i in d["interviewers"]}
assert who["plus"]["leniency"] == 1 and who["plus"]["compared"] == 2, who["plus"]
assert who["ann"]["leniency"] == -0.5 and who["ann"]["hire_rate"] == 0.5, who["ann"]
assert who["solo"]["leniency"] is None and who["solo"]["compared"] == 0, who["solo"]
assert abs(d["reliability"]["competencies"][0]["alpha"] - (-0.25)) < 1e-9
assert d["reliability"]["competencies"][1]["alpha"] is None
PY
assert calibrate-leniency-values test $? = 0

# Shrout & Fleiss (1979), Psychological Bulletin 86(2), Table 2 (6 targets x 4
# judges) as 24 scorecards; Table 4 reports ICC(1,1) .17, (2,1) .29, (3,1) .71,
# (1,4) .44, (2,4) .62, (3,4) .91.
"$SW" $PUB calibrate --format json tests/fixtures/published/sf1979 >"$TMP/sf.json"
python3 - "$TMP/sf.json" <<'PY'
import json, sys
icc = json.load(open(sys.argv[1]))["reliability"]["competencies"][0]["icc"]
published = {"1,1": .17, "2,1": .29, "3,1": .71, "1,k": .44, "2,k": .62, "3,k": .91}
assert icc["n"] == 6 and icc["k"] == 4, icc
for key, value in published.items():
    assert round(icc[key], 2) == value, (key, icc[key])
PY
assert calibrate-shrout-fleiss-1979 test $? = 0
check_rc calibrate-shrout-fleiss-recompute 0 python3 tests/recompute.py --calibrate \
    tests/fixtures/published/rubric.xml "$TMP/sf.json" tests/fixtures/published/sf1979

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers x 12 units with missing values; interval alpha = 0.849.
"$SW" $PUB calibrate --format json tests/fixtures/published/k2011 >"$TMP/k.json"
python3 - "$TMP/k.json" <<'PY'
import json, sys
rel = json.load(open(sys.argv[1]))["reliability"]
c = rel["competencies"][0]
assert round(c["alpha"], 3) == 0.849 and c["units"] == 11 and c["icc"] is None, c
assert rel["alpha"] == c["alpha"]
PY
assert calibrate-krippendorff-2011 test $? = 0
check_rc calibrate-krippendorff-recompute 0 python3 tests/recompute.py --calibrate \
    tests/fixtures/published/rubric.xml "$TMP/k.json" tests/fixtures/published/k2011
