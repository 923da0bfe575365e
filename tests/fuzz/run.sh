#!/bin/sh
# run.sh MODE SECONDS BINDIR HARNESS... - run libFuzzer harnesses (Makefile's
# `fuzz` and `check-fuzz`). Each starts from its seeds (tests/fuzz/corpus/H)
# and its regressions (tests/fuzz/regress/H), which are always replayed first.
#   MODE fuzz:  new inputs go to BINDIR/corpus/H (kept between runs, not in
#               git), crashers to tests/fuzz/regress/H/ (fix them, keep them),
#               logs to BINDIR/log/H.log.
#   MODE check: new inputs, crashers and logs go to a scratch folder of its
#               own (so that two checks may run at once), kept on failure.
# Exit status 1 if any harness failed.
set -u
mode=$1 seconds=$2 bindir=$3
shift 3
here=$(dirname "$0")
status=0
if [ "$mode" = check ]; then
    scratch=$(mktemp -d "$bindir/check.XXXXXX") || exit 1
fi
for h in "$@"; do
    seeds=$here/corpus/$h regress=$here/regress/$h
    if [ "$mode" = fuzz ]; then
        work=$bindir/corpus/$h crash=$regress log=$bindir/log/$h.log
    else
        work=$scratch/$h crash=$scratch/crash-$h log=$scratch/$h.log
    fi
    mkdir -p "$work" "$crash" "$regress" "$(dirname "$log")"
    start=$(date +%s)
    "$bindir/fuzz_$h" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -dict="$here/xml.dict" \
        -artifact_prefix="$crash/" "$work" "$seeds" "$regress" >"$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    cov=$(grep -E '^#[0-9]+' "$log" | tail -1 |
          sed -n 's/.*cov: \([0-9]*\).*corp: \([0-9]*\).*/cov \1, corpus \2/p')
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    if [ $rc -ne 0 ]; then
        echo "fuzz_$h: FAILED after ${took}s (exit $rc); see $log:" >&2
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -5 >&2
        status=1
    else
        echo "fuzz_$h: ${took}s, ${execs:-?} runs, ${cov:-?}"
    fi
done
[ "$mode" = check ] && [ $status = 0 ] && rm -rf "$scratch"
exit $status
