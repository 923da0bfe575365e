# The bash completion (contrib/completion/scorewheel.bash) with the built
# program on PATH: every list comes from the program's option tables.
if command -v bash >/dev/null 2>&1; then
    # comp WORD... : COMPREPLY for the last word, sorted, on one line.
    cat >"$TMP/complete.sh" <<'SH'
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_scorewheel
printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
SH
    COMP_SCRIPT=$PWD/contrib/completion/scorewheel.bash
    comp() {
        PATH="$B:$PATH" bash "$TMP/complete.sh" "$COMP_SCRIPT" scorewheel "$@"
    }
    # same NAME EXPECTED ACTUAL
    same() {
        if [ "$2" = "$3" ]; then pass; else fail "$1: got '$3', expected '$2'"; fi
    }
    MINI_RUBRIC=$PWD/tests/fixtures/rubrics/mini.xml
    same complete-commands \
        "assess audit calibrate compare export growth kit new people promote remind report rubric score serve status team validate wheel" \
        "$(comp "")"
    same complete-a-command "calibrate compare" "$(comp c)"
    same complete-global-options "--help --jobs --quiet --rubric --version" "$(comp --)"
    same complete-global-dash "--help --jobs --quiet --rubric --version -h -j -q" "$(comp -)"
    same complete-after-global-options "remind report rubric" "$(comp -q -j 2 r)"
    same complete-after-double-dash "remind report rubric" "$(comp -q -- r)"
    same complete-jobs-free "" "$(comp -j "")"
    same complete-options-of-export \
        "--adjusted --anonymize --demographics --help --keep-going --level --output --people --quiet --sheets" \
        "$(comp export --)"
    same complete-options-of-new \
        "--candidate --force --help --interview --interviewer --level --name --output" \
        "$(comp new --)"
    same complete-dash-of-team "--adjusted --bar --format --help --keep-going --members -b -f -h -k -m" \
        "$(comp team -)"
    same complete-options-after-a-path "--level" "$(comp report tests/fixtures/report --l)"
    same complete-interview-ids \
        "hiring-manager leadership-influence product-strategy program-design program-execution technical-deep-dive" \
        "$(comp new --interview "")"
    same complete-level-ids "senior staff" "$(comp report --level s)"
    same complete-level-ids-with-rubric "mid senior" \
        "$(comp --rubric "$MINI_RUBRIC" report --level "")"
    same complete-level-ids-with-rubric= "mid senior" \
        "$(comp --rubric="$MINI_RUBRIC" compare -l "")"
    same complete-level-ids-with-env "lead tech" \
        "$(SCOREWHEEL_RUBRIC=$MINI_RUBRIC comp kit --interview "")"
    same complete-level= "--level=principal" "$(comp wheel --level=p)"
    same complete-level-split-at-= "principal" "$(comp wheel --level = p)"
    same complete-formats "csv csv-raw json table" "$(comp calibrate --format "")"
    same complete-formats-of-rubric "json table" "$(comp rubric -f "")"
    same complete-sort-keys "shortfall" "$(comp compare --sort sh)"
    same complete-id-kinds "competencies" "$(comp rubric --ids co)"
    same complete-i-of-kit "lead tech" "$(comp --rubric "$MINI_RUBRIC" kit -i "")"
    same complete-after-new-f-a-flag "" "$(comp new -f "")"
    same complete-f-of-kit "md text" "$(comp kit -f "")"
    same complete-free-text "" "$(comp team --bar "")"
    same complete-free-candidate "" "$(comp wheel --candidate "")"
    same complete-no-operands-for-kit "" "$(comp kit -i tech "")"
    same complete-unknown-command "" "$(comp frobnicate "")"
    mkdir -p "$TMP/comp/sub"
    touch "$TMP/comp/out.xlsx" "$TMP/comp/-dash.xml"
    same complete-output-files "out.xlsx" "$(cd "$TMP/comp" && comp export -o ou)"
    same complete-rubric-files "out.xlsx" "$(cd "$TMP/comp" && comp --rubric o)"
    same complete-paths "-dash.xml out.xlsx sub" "$(cd "$TMP/comp" && comp report -k "")"
    same complete-members "sub" "$(cd "$TMP/comp" && comp team --members s)"
    same complete-paths-after-double-dash "-dash.xml" "$(cd "$TMP/comp" && comp report -- -)"
    # Every COMPLETE field is one the script knows: a word list, -, @files,
    # @dirs or "@ids KIND" of a kind that `rubric --ids` takes.
    bad=$("$SW" --list-commands | cut -f1 | while read -r c; do
        "$SW" "$c" --list-options | cut -f4 | grep '^@' | grep -vx '@files\|@dirs' |
            while read -r at kind; do
                [ "$at" = @ids ] && "$SW" rubric --ids "$kind" >/dev/null 2>&1 ||
                    echo "$c: $at $kind"
            done
    done)
    same complete-hints-known "" "$bad"
fi
