#!/bin/sh
# install-check.sh - `make install` into a temporary DESTDIR under another
# PREFIX, then, away from the source tree:
#  - the installed binary finds its rubric by the install path;
#  - exactly the public headers, the library and scorewheel.pc are there, and a
#    small C program builds with `pkg-config --static scorewheel` and runs;
#  - so do the programs of examples/, on docs/examples/staff-tpm-2026: their
#    output is checked exactly, the workbook against `scorewheel export`'s;
#  - the bash completion completes commands, options and rubric ids;
#  - `make uninstall` leaves no file behind.
# Run from the top of the tree (make check does).
set -eu
top=$(pwd)
prefix=/opt/sw-check
dest=$(mktemp -d "${TMPDIR:-/tmp}/sw-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: install: $*"; }
# same NAME EXPECTED ACTUAL
same() {
    if [ "$2" = "$3" ]; then ok; else
        fail "$1"
        printf '    expected: %s\n    actual:   %s\n' "$2" "$3"
    fi
}

make --no-print-directory install PREFIX=$prefix DESTDIR="$dest" >/dev/null
root=$dest$prefix
bin=$root/bin/scorewheel

# --- the binary, from an empty folder, with no rubric named ----------------
mkdir "$dest/empty"
cd "$dest/empty"
unset SCOREWHEEL_RUBRIC
cp -R "$top/docs/examples/staff-tpm-2026" "$dest/req"
same "installed rubric found" "tpm senior staff principal" \
    "$(env -u SCOREWHEEL_RUBRIC "$bin" rubric --ids levels | tr '\n' ' ' | sed 's/ $//')"
if "$bin" -q validate -q "$dest/req" >/dev/null 2>&1; then ok; else fail "validate the example"; fi
"$bin" report --format json "$dest/req" >installed.json 2>&1 || true
"$top/build/scorewheel" report --format json "$dest/req" >built.json 2>&1 || true
if cmp -s built.json installed.json && [ -s built.json ]; then ok; else
    fail "the installed binary's report differs from the built one's"; fi

# --- files: man pages, rubrics, completion, headers, library ---------------
for f in share/man/man1/scorewheel.1 share/man/man5/scorewheel-rubric.5 \
         share/man/man5/scorewheel-scorecard.5 share/man/man5/scorewheel-assessment.5 \
         share/scorewheel/rubrics/tpm.xml share/scorewheel/rubrics/assessment.xsd \
         share/scorewheel/rubrics/rubric.xsd share/scorewheel/rubrics/scorecard.xsd \
         share/bash-completion/completions/scorewheel lib/libscorewheel.a \
         lib/pkgconfig/scorewheel.pc include/scorewheel/scorewheel.h; do
    if [ -f "$root/$f" ]; then ok; else fail "$f not installed"; fi
done
# Exactly the public folder is installed: no internal header, none missing.
same "installed headers" "$(cd "$top/core/include/scorewheel" && ls -- *.h | tr '\n' ' ')" \
    "$(cd "$root/include/scorewheel" && ls -- *.h | tr '\n' ' ')"
for h in "$top"/core/*/*.h; do
    if [ -e "$root/include/scorewheel/${h##*/}" ]; then fail "internal header ${h##*/} installed"
    else ok; fi
done
# Every installed header is reachable from the umbrella header, and compiles alone.
for h in "$root"/include/scorewheel/*.h; do
    name=${h##*/}
    [ "$name" = scorewheel.h ] && continue
    if grep -q "#include \"$name\"" "$root/include/scorewheel/scorewheel.h"; then ok; else
        fail "$name installed but not in scorewheel.h"; fi
done

# --- pkg-config and a program linked against the installed library ---------
# The .pc names the final paths under $prefix. Staged in DESTDIR, a copy with
# only its prefix line moved there builds against the staged files (a global
# --define-variable or PKG_CONFIG_SYSROOT_DIR would move libxml2's paths too).
export PKG_CONFIG_PATH="$root/lib/pkgconfig"
same "pkg-config version" "0.1.0" "$(pkg-config --modversion scorewheel)"
same "pkg-config rubricdir" "$prefix/share/scorewheel/rubrics" \
    "$(pkg-config --variable=rubricdir scorewheel)"
same "pkg-config libs" "-L$prefix/lib -lscorewheel" "$(pkg-config --libs scorewheel | sed 's/ *$//')"
same "pkg-config static libs" "-L$prefix/lib -lscorewheel -lcurl -lpthread -lm" \
    "$(pkg-config --libs --static scorewheel | sed 's/ -lxml2.*//')"
same "pkg-config requires" "libxml-2.0 xlsxwriter lapacke openblas" \
    "$(pkg-config --print-requires-private scorewheel | tr '\n' ' ' | sed 's/ $//')"
mkdir pc
sed "s|^prefix=.*|prefix=$root|" "$root/lib/pkgconfig/scorewheel.pc" >pc/scorewheel.pc
export PKG_CONFIG_PATH="$dest/empty/pc"
same "pkg-config cflags in DESTDIR" "-I$root/include" "$(pkg-config --cflags scorewheel | \
    tr ' ' '\n' | grep -F "$root" | tr '\n' ' ' | sed 's/ $//')"
cat >prog.c <<'EOF'
#include <stdio.h>
#include <scorewheel/scorewheel.h>

int main(int argc, char **argv)
{
    struct sw_errors errs;
    sw_errors_init(&errs);
    struct sw_rubric *r = argc > 1 ? sw_rubric_load(argv[1], &errs) : NULL;
    int rc = r ? 0 : 1;
    double values[] = { 1, 4, 3 };
    if (r)
        printf("%s: %zu pillars, %zu competencies, %zu levels, median %g\n", r->id,
               r->n_pillars, r->n_competencies, r->n_levels, sw_median(values, 3));
    for (size_t i = 0; i < errs.count; i++)
        printf("%s:%d: error: %s\n", errs.items[i].file, errs.items[i].line,
               errs.items[i].message);
    sw_rubric_free(r);
    sw_errors_release(&errs);
    return rc;
}
EOF
# shellcheck disable=SC2046
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -o prog prog.c \
        $(pkg-config --cflags --libs --static scorewheel) 2>cc.err; then ok; else
    fail "a program does not build against the installed library"; cat cc.err; fi
same "the program runs" "tpm: 4 pillars, 12 competencies, 4 levels, median 3" \
    "$(./prog "$root/share/scorewheel/rubrics/tpm.xml" 2>&1 || true)"

# --- examples/, built the way their comments say, on the example requisition -
# shellcheck disable=SC2046
for ex in aggregate workbook; do
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$ex" "$top/examples/$ex.c" \
            $(pkg-config --cflags --libs --static scorewheel) 2>cc.err; then ok; else
        fail "examples/$ex.c does not build against the installed library"; cat cc.err; fi
done
tpm=$root/share/scorewheel/rubrics/tpm.xml
same "examples/aggregate.c" "c-101     4.15  hire                   Margaret Okafor
c-103     4.01  hire                   Nguyễn Thị Mai
c-105     3.81  no-hire                Claire Whitfield
c-106     3.68  insufficient-evidence  Kwame Asante
c-107     3.62  no-hire                Ana Sofía Gutiérrez
c-104     3.56  no-hire                Rahul Mehta
c-102     3.51  no-hire                Dmitri Volkov
c-108     3.50  no-hire                Ben Carter" "$(./aggregate "$tpm" "$dest/req" 2>&1 || echo "exit $?")"
same "examples/workbook.c" "wrote example.xlsx: 8 candidates, 38 scorecards, 12 sheets" \
    "$(SOURCE_DATE_EPOCH=1790000000 ./workbook "$tpm" "$dest/req/" example.xlsx 2>&1 || echo "exit $?")"
SOURCE_DATE_EPOCH=1790000000 "$bin" export -q -o export.xlsx "$dest/req" 2>&1 || true
if [ -s export.xlsx ] && cmp -s example.xlsx export.xlsx; then ok; else
    fail "examples/workbook.c does not write what 'scorewheel export' writes"; fi
unset PKG_CONFIG_PATH

# --- bash completion, with the installed binary on PATH --------------------
if command -v bash >/dev/null 2>&1; then
    # complete WORD... : COMPREPLY for the last word, space-separated, sorted.
    cat >complete.sh <<'EOF'
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_scorewheel
printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
EOF
    complete() {
        PATH="$root/bin:$PATH" bash complete.sh "$root/share/bash-completion/completions/scorewheel" \
            scorewheel "$@"
    }
    same "complete commands" \
        "assess audit calibrate compare export growth kit new people promote remind report rubric score serve status team validate wheel" \
        "$(complete "")"
    same "complete a command" "calibrate compare" "$(complete c)"
    same "complete global options" "--help --jobs --quiet --rubric --version" "$(complete --)"
    same "complete options of export" \
        "--adjusted --anonymize --demographics --help --keep-going --level --output --people --quiet --sheets" \
        "$(complete export --)"
    same "complete options of new" \
        "--candidate --force --help --interview --interviewer --level --name --output" \
        "$(complete new --)"
    same "complete promote --to" "senior staff" "$(complete promote --to s)"
    same "complete --relation" "manager" "$(complete assess --relation m)"
    same "complete interview ids" \
        "hiring-manager leadership-influence product-strategy program-design program-execution technical-deep-dive" \
        "$(complete new --interview "")"
    same "complete level ids" "senior staff" "$(complete report --level s)"
    same "complete level ids with --rubric" "mid senior" \
        "$(complete --rubric "$top/tests/fixtures/rubrics/mini.xml" report --level "")"
    same "complete level ids with \$SCOREWHEEL_RUBRIC" "lead tech" \
        "$(SCOREWHEEL_RUBRIC=$top/tests/fixtures/rubrics/mini.xml complete kit --interview "")"
    same "complete --level=" "--level=principal" "$(complete wheel --level=p)"
    same "complete formats" "csv csv-raw json table" "$(complete calibrate --format "")"
    same "complete -i of kit" "lead tech" \
        "$(complete --rubric "$top/tests/fixtures/rubrics/mini.xml" kit -i "")"
    same "complete after new -f (--force, no value)" "" "$(complete new -f "")"
    same "complete -f of kit" "md text" "$(complete kit -f "")"
    touch out.xlsx
    same "complete -o with files" "out.xlsx" "$(complete export -o ou)"
fi

# --- uninstall leaves nothing but empty folders -----------------------------
cd "$top"
make --no-print-directory uninstall PREFIX=$prefix DESTDIR="$dest" >/dev/null
left=$(find "$root" ! -type d | sed "s|^$root/||" | tr '\n' ' ')
same "uninstall removes every file" "" "$left"

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
