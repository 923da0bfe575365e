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
# What could not be written is an error (exit 3), not a silent success.
if [ -w /dev/full ]; then
    "$SW" --version >/dev/full 2>"$TMP/full.err"
    assert main-version-full-disk test $? = 3
    assert main-version-full-disk-says grep -q '^scorewheel: error: cannot write output: ' "$TMP/full.err"
    "$SW" --list-commands >/dev/full 2>/dev/null
    assert main-list-commands-full-disk test $? = 3
fi
# OpenBLAS's thread pool (one thread per core, started before main) is stopped,
# whatever OPENBLAS_NUM_THREADS asks (the fit runs on one thread): a running
# serve has as many threads as with OPENBLAS_NUM_THREADS=1.
mkdir -p "$TMP/threads-req"
serve_threads() {
    python3 - "$SW" "$TMP/threads-req" "$1" <<'PY'
import os, subprocess, sys
sw, req, blas = sys.argv[1:4]
env = dict(os.environ)
env.pop("OPENBLAS_NUM_THREADS", None)
if blas != "default":
    env["OPENBLAS_NUM_THREADS"] = blas
p = subprocess.Popen([sw, "serve", "--listen", "127.0.0.1:0", req], env=env,
                     stderr=subprocess.PIPE, text=True)
try:
    line = ""
    while "listening on" not in line:
        line = p.stderr.readline()
        if not line:
            sys.exit(1)
    print(len(os.listdir(f"/proc/{p.pid}/task")))
finally:
    p.terminate()
    p.wait()
PY
}
if [ -d /proc/self/task ]; then
    t_default=$(serve_threads default) t_one=$(serve_threads 1) t_two=$(serve_threads 2)
    assert main-no-blas-pool test -n "$t_default" -a "$t_default" = "$t_one"
    assert main-no-blas-pool-when-asked test -n "$t_two" -a "$t_two" = "$t_one"
fi
