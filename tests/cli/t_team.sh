# team: hand-computed gains and fills (tests/fixtures/team/README).
MINI="--rubric tests/fixtures/rubrics/mini.xml"
TEAM="--members tests/fixtures/team/members"
check team-table 0 "$SW" $MINI team $TEAM tests/fixtures/team/candidates
check team-json 0 "$SW" $MINI team $TEAM --format json tests/fixtures/team/candidates
check team-csv-bar 0 "$SW" $MINI team $TEAM --bar 2.5 --format csv tests/fixtures/team/candidates
check team-no-members 2 "$SW" $MINI team tests/fixtures/team/candidates
check team-bad-bar 2 "$SW" $MINI team $TEAM --bar high tests/fixtures/team/candidates
check team-bar-off-scale 2 "$SW" $MINI team $TEAM --bar 9 tests/fixtures/team/candidates
check team-no-path 2 "$SW" $MINI team $TEAM
check team-help 0 "$SW" team --help
# --members repeats, and options may follow the PATHs: the same table.
M=tests/fixtures/team/members
"$SW" $MINI team tests/fixtures/team/candidates -m $M/m1.xml --members=$M/m2.xml -m $M/m3.xml \
    >"$TMP/team-mixed.out" 2>&1
assert team-members-repeated cmp "$EXPECT/team-table.out" "$TMP/team-mixed.out"
python3 - "$EXPECT/team-json.out" "$EXPECT/team-csv-bar.out" <<'PY'
import csv, io, json, sys
d = json.load(open(sys.argv[1]))
assert d["bar"] == 3 and d["members"] == ["m1", "m2", "m3"]
assert [(p["id"], p["score"], p["gap"]) for p in d["profile"]] == [
    ("design", 4, False), ("coding", 3.5, False), ("mentoring", 2.5, True), ("influence", None, True)]
got = [(c["id"], c["gain"], c["fills"]) for c in d["candidates"]]
assert got == [("k2", 0.75, ["influence"]), ("k3", 0.625, ["mentoring"]),
               ("k0", 0.625, ["mentoring"]), ("k1", 0.625, ["mentoring"])], got
assert abs(d["candidates"][1]["overall"] - 12.5 / 3) < 1e-9
rows = list(csv.reader(io.open(sys.argv[2], newline="")))
assert [r[1] for r in rows[1:]] == ["k2", "k3", "k0", "k1"]
assert [r[5] for r in rows[1:]] == ["influence", "", "", ""], rows
PY
assert team-hand-computed test $? = 0
