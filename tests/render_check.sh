#!/bin/sh
# render_check.sh SCOREWHEEL GENCARDS OUTDIR - opens the committee workbooks
# with LibreOffice headless (converting them to PDF) as a committee would:
# the example requisition (TPM wheel), awkward candidate names, a
# requisition large enough to be streamed (constant memory: charts without
# cached values), and the people workbook of the example review cycles. Fails when a conversion fails, or when the PDF lacks the
# candidates or the wheel charts' titles. Leaves the PDFs, and PNGs of their
# first pages (with pdftoppm), in OUTDIR for people to look at.
# Needs: libreoffice-calc, poppler-utils (pdftotext, pdftoppm).
set -u
sw=$1 gencards=$2 out=$3
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    echo "render: soffice or pdftotext missing (apt-get install libreoffice-calc poppler-utils)"
    exit 1
fi
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/sw-render.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1790000000
mini="--rubric tests/fixtures/rubrics/mini.xml"
failed=0
passed=0

fail() {
    failed=$((failed + 1))
    echo "FAIL: $*"
}

# render NAME EXPECTED-TEXT... - NAME.xlsx in $out to PDF; the PDF's text must
# hold every EXPECTED-TEXT.
render() {
    name=$1
    shift
    # A profile of its own: no clash with a running LibreOffice, no first-run state.
    if ! soffice -env:UserInstallation="file://$work/profile" --headless \
            --convert-to pdf --outdir "$out" "$out/$name.xlsx" >"$work/log" 2>&1 \
            || [ ! -s "$out/$name.pdf" ]; then
        fail "$name.xlsx: LibreOffice could not convert it"
        sed 's/^/    /' "$work/log"
        return
    fi
    pdftotext "$out/$name.pdf" "$work/$name.txt"
    for text in "$@"; do
        if ! grep -qF "$text" "$work/$name.txt"; then
            fail "$name.pdf: no '$text'"
            return
        fi
    done
    if command -v pdftoppm >/dev/null 2>&1; then
        pdftoppm -png -r 60 -f 1 -l 3 "$out/$name.pdf" "$out/$name"
    fi
    passed=$((passed + 1))
    pages=$(pdfinfo "$out/$name.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    echo "render: $out/$name.pdf (${pages:-?} pages)"
}

"$sw" export -q -o "$out/demo.xlsx" docs/examples/staff-tpm-2026 || fail "export demo"
render demo "Committee workbook: staff-tpm-2026" "Margaret Okafor" "Ben Carter" \
    "Competency wheel: means against the target" "Competency means: candidates 1 to 8" \
    "Reliability per competency" "Recommendation"

"$sw" $mini export -q -o "$out/names.xlsx" tests/fixtures/export/names || fail "export names"
render names '=HYPERLINK("http://x")' "Alexandra Konstantinopoulou-Papadopoulos" "(c101)" \
    "Competency wheel: means against the target"

"$sw" $mini export -q --anonymize -o "$out/anonymous.xlsx" tests/fixtures/export/anon \
    || fail "export anonymous"
render anonymous "Candidate A explained the queue" "Competency wheel"

"$gencards" --rubric tests/fixtures/rubrics/mini.xml --count 1050 --out "$work/big" --seed 3 \
    --evidence 20-40 >/dev/null
"$sw" $mini export -q -o "$out/streamed.xlsx" "$work/big" || fail "export streamed"
render streamed "Competency wheel: means against the target" "Competency means: candidates 1 to 8"

# The people workbook of the example review cycles (export --people).
"$sw" export --people -q -o "$out/people.xlsx" docs/examples/reviews || fail "export people"
render people "People workbook: rubric tpm" "Chloé Martin (p-chloe)" \
    "Latest cycle: others, self and the next level's target" \
    "Overall and pillar scores across cycles" "readiness for Staff TPM: ready"

echo "render: $passed passed, $failed failed (PDFs and PNGs in $out)"
[ "$failed" -eq 0 ]
