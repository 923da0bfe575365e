# The program itself: help, version, usage errors, rubric resolution.
check main-version 0 "$SW" --version
check main-no-command 2 "$SW"
check main-unknown-command 2 "$SW" frobnicate
check main-unknown-option 2 "$SW" --frobnicate
check main-rubric-needs-file 2 "$SW" --rubric
check main-help 0 "$SW" --help
assert main-help-lists-validate grep -q '^  validate ' "$EXPECT/main-help.out"
"$SW" -h >"$TMP/help-short" 2>&1
assert main-help-short cmp -s "$EXPECT/main-help.out" "$TMP/help-short"
# For completion: the commands with their summaries, the global options.
check main-list-commands 0 "$SW" --list-commands
check main-list-options 0 "$SW" --list-options
check main-jobs-zero 2 "$SW" -j 0 rubric
check main-jobs-word 2 "$SW" --jobs=many rubric
check main-jobs-needs-value 2 "$SW" -j
check main-unknown-letter 2 "$SW" -x rubric
# Global options end at the command: what follows is the command's.
check main-options-end-at-command 2 "$SW" rubric --jobs 2
check main-jobs-attached 0 "$SW" -j2 --rubric=tests/fixtures/rubrics/mini.xml rubric --ids levels
check main-double-dash 0 "$SW" -q --rubric tests/fixtures/rubrics/mini.xml -- rubric --ids levels
check main-missing-rubric 3 "$SW" --rubric tests/fixtures/no-such-rubric.xml rubric
SCOREWHEEL_RUBRIC=tests/fixtures/rubrics/mini.xml "$SW" rubric --format json >"$TMP/env.json" 2>&1
assert main-rubric-from-env grep -q '"id": "mini"' "$TMP/env.json"
