# The progress line: on a terminal only (script(1) gives one), never with
# --quiet. SCOREWHEEL_PROGRESS_DELAY=0 shows it from the start, so no test
# waits a second; the rates vary and read as N.
if ! command -v script >/dev/null 2>&1; then
    echo "skip: progress checks need script(1) (util-linux)"
else
    mkdir -p "$TMP/progress"
    "$B/tools/gencards" --rubric tests/fixtures/rubrics/mini.xml --count 40 \
        --out "$TMP/progress/cards" --seed 3 --evidence 20-40 >/dev/null
    # on_tty OUT COMMAND - runs COMMAND with a terminal for stdin, stdout and
    # stderr; OUT gets what the terminal showed, one line per \r or \n.
    on_tty() {
        _out=$1
        shift
        script -qec "$*" /dev/null </dev/null | sed 's/\r$//' | tr '\r' '\n' \
            | sed -E 's/\([0-9]+\/s\)/(N\/s)/; /^$/d' >"$_out"
    }
    cd "$TMP/progress"
    on_tty shown.txt "SCOREWHEEL_PROGRESS_DELAY=0 $SW --rubric $OLDPWD/tests/fixtures/rubrics/mini.xml export -o w.xlsx cards"
    on_tty quiet.txt "SCOREWHEEL_PROGRESS_DELAY=0 $SW --rubric $OLDPWD/tests/fixtures/rubrics/mini.xml -q export -o q.xlsx cards"
    on_tty report.txt "SCOREWHEEL_PROGRESS_DELAY=0 $SW --rubric $OLDPWD/tests/fixtures/rubrics/mini.xml report --format json cards >/dev/null"
    on_tty piped.txt "SCOREWHEEL_PROGRESS_DELAY=0 $SW --rubric $OLDPWD/tests/fixtures/rubrics/mini.xml export -o p.xlsx cards 2>err.txt; cat err.txt"
    cd "$OLDPWD"
    check progress-export 0 cat "$TMP/progress/shown.txt"
    check progress-quiet 0 cat "$TMP/progress/quiet.txt"
    check progress-report 0 cat "$TMP/progress/report.txt"
    check progress-not-a-terminal 0 cat "$TMP/progress/piped.txt"
fi
