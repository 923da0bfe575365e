# wheel: valid SVG, rendered, byte-stable, escaped, atomic.
MINI="--rubric tests/fixtures/rubrics/mini.xml"
check wheel-c1-golden 0 "$SW" $MINI wheel --candidate c-1 -o - tests/fixtures/report
check wheel-unknown-candidate 1 "$SW" $MINI wheel --candidate nobody -o "$TMP/x.svg" tests/fixtures/report
check wheel-no-output 2 "$SW" $MINI wheel --candidate c-1 tests/fixtures/report
check wheel-no-candidate 2 "$SW" $MINI wheel -o - tests/fixtures/report
check wheel-help 0 "$SW" wheel --help
"$SW" $MINI wheel --candidate c-3 -o "$TMP/c3.svg" tests/fixtures/report
assert wheel-written test -s "$TMP/c3.svg"
assert wheel-xmllint xmllint --noout "$TMP/c3.svg"
assert wheel-name-escaped grep -q '=HYPERLINK(&quot;x&quot;) (c-3)' "$TMP/c3.svg"
assert wheel-no-temp-left sh -c "! ls -a '$TMP' | grep -q tmp-"
if command -v rsvg-convert >/dev/null; then
    assert wheel-renders rsvg-convert -o "$TMP/c3.png" "$TMP/c3.svg"
fi
# Any rubric: the 3-pillar, 0-10 eng rubric draws too.
"$B/tools/gencards" --rubric tests/fixtures/rubrics/eng.xml --count 10 --out "$TMP/eng" --seed 3
"$SW" --rubric tests/fixtures/rubrics/eng.xml wheel --candidate c-000001 -o "$TMP/eng.svg" "$TMP/eng"
assert wheel-eng-rubric xmllint --noout "$TMP/eng.svg"

# wheel --person: a person's wheel from assessments (others filled, self
# outlined, the next level's target dashed, a legend saying which is which).
G=tests/fixtures/growth
check wheel-person-golden 0 "$SW" $MINI wheel --person p-ann -o - $G
check wheel-person-cycle-to 0 "$SW" $MINI wheel --person p-ann --cycle 2026-h1 --to mid -o - $G
check wheel-person-unknown 1 "$SW" $MINI wheel --person nobody -o "$TMP/x.svg" $G
check wheel-person-no-cycle 1 "$SW" $MINI wheel --person p-ann --cycle 2027-h1 -o "$TMP/x.svg" $G
check wheel-person-no-assessment 1 "$SW" $MINI wheel --person p-dee -o "$TMP/x.svg" $G
check wheel-person-and-candidate 2 "$SW" $MINI wheel --person p-ann --candidate c-1 -o - $G
check wheel-cycle-without-person 2 "$SW" $MINI wheel --candidate c-1 --cycle x -o - $G
"$SW" $MINI wheel --person p-ann -o "$TMP/ann.svg" $G
assert wheel-person-xmllint xmllint --noout "$TMP/ann.svg"
assert wheel-person-self grep -q '<path class="self"' "$TMP/ann.svg"
assert wheel-person-legend grep -q '>self-assessment</text>' "$TMP/ann.svg"
assert wheel-person-target grep -q '>target: Senior</text>' "$TMP/ann.svg"
if command -v rsvg-convert >/dev/null; then
    assert wheel-person-renders rsvg-convert -o "$TMP/ann.png" "$TMP/ann.svg"
fi
# Senior is the last level of mini: Bob has no next level, so no target.
"$SW" $MINI wheel --person p-bob -o "$TMP/bob.svg" $G
assert wheel-person-no-next-level grep -q 'no level: no target' "$TMP/bob.svg"
