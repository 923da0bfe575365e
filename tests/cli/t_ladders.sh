# Three public career ladders written as rubrics (tests/fixtures/ladders/,
# each file names the ladder it follows), tried as a new user would: every
# command and both wheels on each (docs/design.md "Any rubric, any
# language"). Scorecards from tools/gencards, assessments from
# tests/cli/ladder_people.py.
L=tests/fixtures/ladders
for lad in ja-two-ladders sixteen-tracks emoji-tpm; do
    R="--rubric $L/$lad.xml"
    D="$TMP/ladder-$lad"
    "$B/tools/gencards" --rubric "$L/$lad.xml" --count 6 --out "$D/cards" --seed 7 >/dev/null
    python3 tests/cli/ladder_people.py "$L/$lad.xml" "$D/people"
    check_rc "ladder-$lad-validate" 0 "$SW" $R validate "$L/$lad.xml" "$D"
    first=$(ls "$D/cards" | head -1)
    last=$("$SW" $R rubric --ids levels | tail -1)
    "$SW" $R report "$D/cards" >"$TMP/t-$lad-report.txt"
    "$SW" $R compare "$D/cards" >"$TMP/t-$lad-compare.txt"
    "$SW" $R calibrate "$D/cards" >"$TMP/t-$lad-calibrate.txt"
    "$SW" $R status --now 2026-11-29T12:00:00Z "$D/cards" >"$TMP/t-$lad-status.txt"
    "$SW" $R team --members "$D/cards/$first" "$D/cards" >"$TMP/t-$lad-team.txt"
    "$SW" $R rubric >"$TMP/t-$lad-rubric.txt"
    "$SW" $R growth "$D/people" >"$TMP/t-$lad-growth.txt"
    "$SW" $R promote --to "$last" "$D/people" >"$TMP/t-$lad-promote.txt"
    "$SW" $R promote --to "$last" --cycles 2 "$D/people" >"$TMP/t-$lad-promote2.txt"
    for f in "$TMP"/t-$lad-*.txt; do
        assert "ladder-$(basename "$f" .txt)-not-empty" test -s "$f"
        assert "ladder-$(basename "$f" .txt)-80-columns" python3 tests/cli/width_check.py 80 "$f"
    done
    # The kit of every interview, text and Markdown, wraps at 78 (but a
    # Markdown table's rows, which cannot wrap).
    for i in $("$SW" $R rubric --ids interviews); do
        "$SW" $R kit --interview "$i" >"$TMP/k-$lad-$i.txt"
        "$SW" $R kit --interview "$i" --format md | grep -v '^|' >"$TMP/k-$lad-$i.md"
        assert "ladder-kit-$lad-$i-78" python3 tests/cli/width_check.py 78 \
            "$TMP/k-$lad-$i.txt" "$TMP/k-$lad-$i.md"
    done
    # rubric shows every level, by name.
    for lv in $("$SW" $R rubric --ids levels); do
        lname=$(sed -n "s/.*<level id=\"$lv\" name=\"\([^\"]*\)\".*/\1/p" "$L/$lad.xml")
        assert "ladder-rubric-$lad-shows-$lv" grep -qF "$lname" "$TMP/t-$lad-rubric.txt"
    done
    assert "ladder-$lad-no-hidden-levels" sh -c "! grep -q 'more levels' '$TMP/t-$lad-rubric.txt'"
    # Both wheels: valid SVG, rendered, every text inside the picture.
    "$SW" $R wheel --candidate "$first" -o "$TMP/w-$lad-cand.svg" "$D/cards"
    "$SW" $R wheel --person p-1 -o "$TMP/w-$lad-person.svg" "$D/people"
    "$SW" $R wheel --person p-2 --to "$last" -o "$TMP/w-$lad-person2.svg" "$D/people"
    for k in cand person person2; do
        assert "ladder-wheel-$lad-$k-xmllint" xmllint --noout "$TMP/w-$lad-$k.svg"
        assert "ladder-wheel-$lad-$k-renders" rsvg-convert -o "$TMP/w-$lad-$k.png" \
            "$TMP/w-$lad-$k.svg"
        assert "ladder-wheel-$lad-$k-texts-inside" python3 tests/cli/wheel_check.py \
            "$TMP/w-$lad-$k.svg"
    done
    check_rc "ladder-$lad-export" 0 "$SW" $R export -o "$TMP/x-$lad.xlsx" "$D/cards"
    check_rc "ladder-$lad-export-people" 0 "$SW" $R export --people -o "$TMP/p-$lad.xlsx" \
        "$D/people"
done

# The individual half is drawn on top whatever the rubric's order: in the
# emoji rubric the leadership pillars come first, yet the first individual
# competency (architecture) starts half its 7-wedge block (of 15) before 12 o'clock:
# -7 * 24 / 2 = -84 degrees, its inner corner at the hub (radius 40).
python3 - "$TMP/w-emoji-tpm-cand.svg" <<'PY'
import math, re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'data-competency="8"[^>]* d="M ([-\d.]+) ([-\d.]+)', svg)
a = math.radians(-84)
x, y = 450 + 40 * math.sin(a), 480 - 40 * math.cos(a)
sys.exit(0 if m and abs(float(m.group(1)) - x) < 1e-6 and abs(float(m.group(2)) - y) < 1e-6 else 1)
PY
assert ladder-emoji-individual-on-top test $? = 0

# Two ladders in one rubric: the next level stays on the person's track.
# p-1 is a D2 developer: next D3 (not TPM1, listed between D3 and D4).
JA="--rubric $L/ja-two-ladders.xml"
"$SW" $JA wheel --person p-1 -o "$TMP/ja-p1.svg" "$TMP/ladder-ja-two-ladders/people"
assert ladder-next-level-same-track grep -q '>target: 開発者 Developer D3</text>' "$TMP/ja-p1.svg"
# p-2 is TPM4, the last of its track though developers follow it: no next.
"$SW" $JA wheel --person p-2 -o "$TMP/ja-p2.svg" "$TMP/ladder-ja-two-ladders/people"
assert ladder-no-next-level-at-track-end grep -q 'no level: no target' "$TMP/ja-p2.svg"

# One id rule everywhere: an id may not start with '.' or '-'.
sed 's/<competency id="gijutsu"/<competency id="-gijutsu"/; s/competency="gijutsu"/competency="-gijutsu"/g' \
    "$L/ja-two-ladders.xml" >"$TMP/dash-id.xml"
check_rc ladder-id-leading-hyphen 1 "$SW" validate "$TMP/dash-id.xml"
sed 's/<level id="d1"/<level id=".d1"/' "$L/ja-two-ladders.xml" >"$TMP/dot-id.xml"
check_rc ladder-id-leading-dot 1 "$SW" validate "$TMP/dot-id.xml"

# The people workbook: the radar's target line has a colour (libxlsxwriter
# reads 0x000000 as "no colour", and LibreOffice then drew neither the line
# nor its legend sample), and the "Across cycles" header row is as tall as
# its longest wrapped pillar name (it ran into the numbers below).
python3 - "$TMP/p-emoji-tpm.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
ser = [m for c in charts for m in re.findall(r"<c:ser>.*?</c:ser>", c, re.S)
       if "Next level's target" in m or "Next level&apos;s target" in m]
ok = bool(ser) and all(re.search(r'<a:ln w="\d+"><a:solidFill><a:srgbClr val="000000"/>', s)
                       for s in ser)
strings = re.findall(r"<t[^>]*>([^<]*)</t>", z.read("xl/sharedStrings.xml").decode())
idx = strings.index("Across cycles")
sheet = z.read("xl/worksheets/sheet2.xml").decode()
m = re.search(r'<row r="(\d+)"[^>]*>(?:(?!</row>).)*<c r="A\d+"[^>]*t="s"[^>]*><v>%d</v>' % idx, sheet, re.S)
head = re.search(r'<row r="%d"[^>]*>' % (int(m.group(1)) + 1), sheet).group(0)
ok = ok and 'customHeight="1"' in head
sys.exit(0 if ok else 1)
PY
assert ladder-people-workbook-target-and-header test $? = 0
