# rubric: the table and the JSON for a small rubric.
check rubric-mini-table 0 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric
check rubric-mini-json 0 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric --format json
check rubric-bad-format 2 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric --format xml
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["levels"][1]["targets"]["coding"] == 4' \
    "$EXPECT/rubric-mini-json.out" 2>/dev/null
assert rubric-json-parses test $? = 0

# rubric --ids KIND: one id per line, in rubric order (shell completion reads these).
for kind in pillars competencies levels interviews questions archetypes; do
    check "rubric-ids-$kind" 0 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric --ids "$kind"
done
check rubric-ids-env 0 env SCOREWHEEL_RUBRIC=tests/fixtures/rubrics/mini.xml "$SW" rubric --ids=levels
check rubric-ids-bad-kind 2 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric --ids names
check rubric-ids-and-format 2 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric --ids levels --format json
check rubric-ids-needs-kind 2 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric --ids
check rubric-ids-missing-rubric 3 "$SW" --rubric tests/fixtures/rubrics/none.xml rubric --ids levels
check rubric-extra-argument 2 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric levels
check rubric-help 0 "$SW" rubric --help
