# CSV for spreadsheets (OWASP "CSV injection"): every CSV writer guards text
# that starts with = + - @ tab or CR with a leading ', never a number;
# --format csv-raw keeps the text exact for programs.
MINI="--rubric tests/fixtures/rubrics/mini.xml"
F=tests/fixtures/formula
TEAM="--members tests/fixtures/team/members"
check csv-guard-report 0 "$SW" $MINI report --format csv $F
check csv-guard-compare 0 "$SW" $MINI compare --format csv $F
check csv-guard-calibrate 0 "$SW" $MINI calibrate --format csv $F
check csv-guard-team 0 "$SW" $MINI team $TEAM --format csv $F
check csv-guard-status 0 "$SW" $MINI status --now 2026-11-29T12:00:00Z --format csv $F
check csv-raw-report 0 "$SW" $MINI report --format csv-raw $F
check csv-raw-compare 0 "$SW" $MINI compare --format csv-raw $F
check csv-raw-calibrate 0 "$SW" $MINI calibrate --format csv-raw $F
check csv-raw-team 0 "$SW" $MINI team $TEAM --format csv-raw $F
check csv-raw-status 0 "$SW" $MINI status --now 2026-11-29T12:00:00Z --format csv-raw $F
check csv-team-bad-format 2 "$SW" $MINI team $TEAM --format xml $F

# Read back as a spreadsheet would: no guarded file has a text cell starting
# with a formula character, every number is still a number, and csv-raw
# gives back the names exactly.
python3 - "$EXPECT" <<'PY'
import csv, io, sys
d = sys.argv[1]
def rows(name):
    return list(csv.reader(io.open(f"{d}/{name}.out", newline="", encoding="utf-8")))
def number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False
for cmd in ("report", "compare", "calibrate", "team", "status"):
    guarded, raw = rows(f"csv-guard-{cmd}"), rows(f"csv-raw-{cmd}")
    assert len(guarded) == len(raw) > 1, cmd
    for g_row, r_row in zip(guarded, raw):
        assert len(g_row) == len(r_row), (cmd, g_row)
        for g, r in zip(g_row, r_row):
            if g[:1] in ("=", "+", "-", "@", "\t", "\r"):
                assert number(g), (cmd, g)
            assert g == r or g == "'" + r, (cmd, g, r)
            assert g != r or not r[:1] in ("=", "+", "@") and (r[:1] != "-" or number(r)), (cmd, r)
names = {r[1] for r in rows("csv-raw-report")[1:]}
assert names == {'=HYPERLINK("http://example.invalid","open")', "@SUM(1+1)",
                 "+44 20 7946 0000, ext. 12", "Ada = Lovelace"}, names
# Ids cannot start with '-' (docs/design.md "File formats"), so none needs
# the guard; names still do.
assert ["f1", "'=HYPERLINK(\"http://example.invalid\",\"open\")"] in [r[:2] for r in rows("csv-guard-report")]
assert rows("csv-guard-calibrate")[1][0] == "ann"
PY
assert csv-guard-read-back test $? = 0
