# The program itself: help, version, usage errors, rubric resolution.
check main-version 0 "$SW" --version
check main-no-command 2 "$SW"
check main-unknown-command 2 "$SW" frobnicate
check main-unknown-option 2 "$SW" --frobnicate
check main-rubric-needs-file 2 "$SW" --rubric
check_rc main-help 0 "$SW" --help
assert main-help-lists-validate grep -q '^  validate ' "$TMP/out"
check main-missing-rubric 3 "$SW" --rubric tests/fixtures/no-such-rubric.xml rubric
SCOREWHEEL_RUBRIC=tests/fixtures/rubrics/mini.xml "$SW" rubric --format json >"$TMP/env.json" 2>&1
assert main-rubric-from-env grep -q '"id": "mini"' "$TMP/env.json"
