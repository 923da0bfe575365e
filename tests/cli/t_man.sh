# The manual holds each command's options as its table does: for the global
# options (GLOBAL OPTIONS) and for every command (its .SS section), the
# options listed by --list-options (long name, letter, value name) are those
# the section's .TP tags name, no more and no fewer. --help is everyone's and
# needs no entry. Every --help fits 80 columns and ends with the exit status.
MAN=docs/scorewheel.1

# man_options SECTION_START: "--long -L ARG" per .TP tag of the section that
# starts at the line matching SECTION_START (an awk regex), "-" for none.
man_options() {
    awk -v start="$1" '
        found && /^\.S[SH] / { exit }
        $0 ~ start { found = 1; next }
        !found { next }
        /^\.TP/ { tag = 1; next }
        tag {
            tag = 0
            if ($0 !~ /^\.(B|BI|BR) +\\-/) next
            line = $0
            sub(/^\.[A-Z]+ +/, "", line)
            gsub(/\\-/, "-", line); gsub(/\\f[BIR]/, "", line); gsub(/[",]/, " ", line)
            long = "-"; letter = "-"; arg = "-"
            n = split(line, w, " ")
            for (i = 1; i <= n; i++)
                if (w[i] ~ /^--[a-z][a-z-]*$/) long = w[i]
                else if (w[i] ~ /^-[A-Za-z]$/) letter = w[i]
                else arg = w[i]
            if (long != "--help") print long, letter, arg
        }' "$MAN" | sort
}

# table_options COMMAND...: the same from --list-options, without --help.
table_options() {
    "$SW" "$@" --list-options | awk -F '\t' '/^--/ && $1 != "--help" { print $1, $2, $3 }' | sort
}

# man_matches NAME SECTION_START COMMAND...
man_matches() {
    _what=$1
    man_options "$2" >"$TMP/man-options"
    shift 2
    table_options "$@" >"$TMP/table-options"
    if [ -s "$TMP/table-options" ] && cmp -s "$TMP/man-options" "$TMP/table-options"; then
        pass
    else
        fail "$_what: the man page's options (-) differ from the table's (+):"
        diff -u "$TMP/man-options" "$TMP/table-options" | sed -n '3,$p'
    fi
}

man_matches man-global-options '^\.SH GLOBAL OPTIONS'
for command in $("$SW" --list-commands | cut -f1); do
    man_matches "man-$command-options" "^\\.SS $command( |\$)" "$command"
    "$SW" "$command" --help >"$TMP/help"
    assert "help-$command-80-columns" sh -c "! awk 'length > 80' '$TMP/help' | grep -q ."
    assert "help-$command-exit-status" sh -c "tail -2 '$TMP/help' | head -1 | grep -q '^Exit status: '"
done
# A command without a section fails: the check itself can fail.
man_options '^\.SS frobnicate( |$)' >"$TMP/man-none"
assert man-missing-section-is-empty test ! -s "$TMP/man-none"
