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
