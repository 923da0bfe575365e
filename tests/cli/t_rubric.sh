# rubric: the table and the JSON for a small rubric.
check rubric-mini-table 0 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric
check rubric-mini-json 0 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric --format json
check rubric-bad-format 2 "$SW" --rubric tests/fixtures/rubrics/mini.xml rubric --format xml
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["levels"][1]["targets"]["coding"] == 4' \
    "$EXPECT/rubric-mini-json.out" 2>/dev/null
assert rubric-json-parses test $? = 0
