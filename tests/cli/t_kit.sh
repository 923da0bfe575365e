# kit: the interviewer's kit, text and Markdown; usage errors.
MINI="--rubric tests/fixtures/rubrics/mini.xml"
check kit-tpm-text 0 "$SW" kit --interview technical-deep-dive
check kit-tpm-md 0 "$SW" kit --interview program-execution --format md
check kit-mini-text 0 "$SW" $MINI kit -i lead
check kit-mini-md 0 "$SW" $MINI kit -i tech -f md
check kit-unknown-interview 2 "$SW" $MINI kit --interview nope
check kit-no-interview 2 "$SW" kit
check kit-bad-format 2 "$SW" kit --interview technical-deep-dive --format pdf
check kit-extra-argument 2 "$SW" kit --interview technical-deep-dive extra
check kit-extra-argument-first 2 "$SW" kit extra --interview technical-deep-dive
check kit-help 0 "$SW" kit --help
assert kit-help-usage grep -q '^usage: scorewheel \[--rubric FILE\] kit --interview ID' \
    "$EXPECT/kit-help.out"
# Every line of the text kit fits 78 columns.
"$SW" kit --interview technical-deep-dive >"$TMP/kit.txt"
assert kit-text-78-columns sh -c "! LC_ALL=C.UTF-8 awk 'length > 78' '$TMP/kit.txt' | grep -q ."
