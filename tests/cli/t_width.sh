# Every table the CLI prints (report, compare, calibrate, team, rubric,
# status) fits 80 columns for any rubric: a generated one
# (tests/cli/gen_wide.py) with 40-column names and ids, CJK names (two
# columns a character), names with combining accents (none), pillars whose
# initials clash, level ids alike in their first 11 characters, and every
# flag on. tests/cli/width_check.py counts columns as a terminal does,
# independently of scorewheel's own tables.
WIDE="$TMP/wide"
python3 tests/cli/gen_wide.py "$WIDE"
R="--rubric $WIDE/rubric.xml"
check_rc width-validate 0 "$SW" $R validate "$WIDE/cards" "$WIDE/team"
"$SW" $R report "$WIDE/cards" >"$TMP/w-report.txt"
"$SW" $R report --level level-staff-technical-program-manager-02 "$WIDE/cards" \
    >"$TMP/w-report-level.txt"
for sort in overall shortfall name; do
    "$SW" $R compare --sort $sort "$WIDE/cards" >"$TMP/w-compare-$sort.txt"
done
"$SW" $R calibrate "$WIDE/cards" >"$TMP/w-calibrate.txt"
"$SW" $R team --members "$WIDE/team" "$WIDE/cards" >"$TMP/w-team.txt"
"$SW" $R rubric >"$TMP/w-rubric.txt"
"$SW" $R status --now 2026-11-29T12:00:00Z "$WIDE/cards" >"$TMP/w-status.txt"
"$SW" status --now 2026-11-29T12:00:00Z docs/examples/staff-tpm-2026 >"$TMP/w-status-tpm.txt"
"$SW" rubric >"$TMP/w-rubric-tpm.txt"
"$SW" report docs/examples/staff-tpm-2026 >"$TMP/w-report-tpm.txt"
"$SW" compare docs/examples/staff-tpm-2026 >"$TMP/w-compare-tpm.txt"
"$SW" calibrate docs/examples/staff-tpm-2026 >"$TMP/w-calibrate-tpm.txt"
"$SW" team --members docs/examples/team docs/examples/staff-tpm-2026 >"$TMP/w-team-tpm.txt"
for f in "$TMP"/w-*.txt; do
    assert "width-$(basename "$f" .txt)-not-empty" test -s "$f"
    assert "width-$(basename "$f" .txt)-80-columns" python3 tests/cli/width_check.py 80 "$f"
done

# The layouts themselves, so a change is seen: compare is cut into blocks,
# the rubric's level columns are numbered.
check width-compare 0 "$SW" $R compare "$WIDE/cards"
check width-rubric 0 "$SW" $R rubric

# No two columns share a header: the header lines of compare's blocks and of
# the rubric's level columns hold distinct words.
python3 - "$TMP/w-compare-overall.txt" "$TMP/w-rubric.txt" <<'PY'
import sys
compare = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
headers = [block.split("\n")[0].split() for block in compare if block.startswith("id")]
assert len(headers) >= 2, headers
for h in headers:
    assert len(h) == len(set(h)), h
pillars = [w for h in headers for w in h if w[:1] == "P" and w[1:].isdigit()]
assert pillars == ["P1", "P2", "P3", "P4"], headers
rubric = open(sys.argv[2], encoding="utf-8").read().split("\n")
levels = rubric[rubric.index("Competencies and targets by level") + 1].split()
assert levels == ["L1", "L2"], levels
PY
assert width-headers-distinct test $? = 0

# The width tables come from tools/gen_utf8_tables.py: a fresh run on the
# same Unicode version gives the same header.
python3 tools/gen_utf8_tables.py "$TMP/utf8_tables.h"
if grep -q "\"$(python3 -c 'import unicodedata; print(unicodedata.unidata_version)')\"" \
        core/util/utf8_tables.h; then
    assert width-utf8-tables-fresh cmp core/util/utf8_tables.h "$TMP/utf8_tables.h"
fi
