# Every citation of a section of the contract, `docs/design.md "Section"` or
# `docs/design.md, "Section"`, in core/ cli/ web/ tests/ docs/ tools/ names a heading
# of docs/design.md: the heading itself, or the heading less a trailing
# parenthesis ("Semantics" for "Semantics (rules 1 to 14)").
# design_refs_missing DESIGN DIR... : "FILE: SECTION" for each citation whose
# heading is missing, one a line (nothing when all are there).
design_refs_missing() {
    _design=$1
    shift
    _headings=$(sed -n 's/^#\{1,6\} \{1,\}//p' "$_design" |
        sed 's/[[:space:]]*$//; p; s/ (.*)$//' | sort -u)
    grep -rIoE --exclude=t_design_refs.sh 'docs/design\.md,? "[^"]+"' "$@" 2>/dev/null |
        sed 's/:docs\/design\.md,\{0,1\} "/\t/; s/"$//' |
        while IFS='	' read -r _file _section; do
            printf '%s\n' "$_headings" | grep -qxF "$_section" ||
                printf '%s: %s\n' "$_file" "$_section"
        done
}
_missing=$(design_refs_missing docs/design.md core cli web tests docs tools)
if [ -z "$_missing" ]; then pass; else
    fail "design-refs: citations of missing docs/design.md sections:"
    printf '%s\n' "$_missing" | sed 's/^/    /'
fi
# The check itself can fail: a citation of a heading that does not exist.
mkdir -p "$TMP/design-refs"
printf '# T\n## Real section\n### Rule 1: x (y)\n' >"$TMP/design-refs/design.md"
printf '/* docs/design.md "Real section" and docs/design.md, "Rule 1: x" */\n' \
    >"$TMP/design-refs/good.c"
printf '/* docs/design.md "Made up" */\n' >"$TMP/design-refs/bad.c"
_got=$(design_refs_missing "$TMP/design-refs/design.md" "$TMP/design-refs" | sed 's|.*/||')
if [ "$_got" = "bad.c: Made up" ]; then pass; else
    fail "design-refs-self-test: got '$_got', expected 'bad.c: Made up'"
fi
