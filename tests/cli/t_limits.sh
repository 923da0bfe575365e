# limits: oversized input gets a clear error (FILE:LINE: error: ..., exit 1)
# or a correct result, in bounded time. Every input is generated here (some
# are megabytes): tests/cli/gen_limits.py writes them into $TMP/limits.
# libxml2 runs without XML_PARSE_HUGE: at most 257 nested elements, 10,000,000
# bytes in one attribute value or (assembled) text, 50,000 in a name; files
# over 16 MiB are refused before parsing (also t_validate.sh).
LIM=$TMP/limits
LIM_MINI="--rubric $PWD/tests/fixtures/rubrics/mini.xml"
mkdir -p "$LIM"
python3 tests/cli/gen_limits.py "$LIM"
# in_lim NAME RC ARGS...: runs scorewheel in $LIM, so messages name bare files.
in_lim() {
    name=$1 rc=$2
    shift 2
    check "$name" "$rc" sh -c 'cd "$1" && shift && exec "$SW" "$@"' sh "$LIM" "$@"
}
# elapsed_ok NAME MAX_SECONDS START: the time since START (date +%s) is bounded
# (generous, for sanitizer builds on a busy machine: quadratic work took minutes).
elapsed_ok() {
    assert "$1" test $(($(date +%s) - $3)) -le "$2"
}

# Depth: 257 levels parse (then the schema refuses markup in <notes>); 258 do not.
in_lim limits-depth-257 1 $LIM_MINI validate -q depth257.xml
in_lim limits-depth-258 1 $LIM_MINI validate -q depth258.xml
in_lim limits-depth-5000 1 $LIM_MINI report depth5000.xml

# Attribute values: 2 MiB is a correct (if odd) candidate id; over 10,000,000
# bytes is refused with one error, not libxml2's cascade.
start=$(date +%s)
in_lim limits-attribute-2mib 0 $LIM_MINI validate -q attr2mib.xml
"$SW" $LIM_MINI report --format csv "$LIM/attr2mib.xml" >"$LIM/attr2mib.csv"
assert limits-attribute-2mib-report test "$(awk -F, 'NR == 2 { print length($1) }' \
    "$LIM/attr2mib.csv")" = 2097154
in_lim limits-attribute-over-10mb 1 $LIM_MINI validate -q attr10mb.xml
elapsed_ok limits-attributes-bounded 60 "$start"

# Text: 2 MiB of evidence and notes is a correct result; the export cuts it to
# Excel's 32,767 characters. A text that libxml2 assembles to over 10,000,000
# bytes is refused.
in_lim limits-text-2mib 0 $LIM_MINI report --format csv text2mib.xml
check_rc limits-text-2mib-export 0 "$SW" $LIM_MINI -q export -o "$LIM/text2mib.xlsx" "$LIM/text2mib.xml"
in_lim limits-text-over-10mb 1 $LIM_MINI validate -q text10mb.xml
in_lim limits-name-over-50000 1 $LIM_MINI validate -q name.xml

# Over 16 MiB (sparse): refused by every command before parsing.
truncate -s 17M "$LIM/huge.xml"
in_lim limits-17mib-report 1 $LIM_MINI report huge.xml

# 100,000 ratings of one question: one error per repeat, in linear time.
start=$(date +%s)
"$SW" $LIM_MINI validate "$LIM/repeat100k.xml" >"$LIM/repeat.out" 2>"$LIM/repeat.err"
assert limits-repeats-rc test $? = 1
assert limits-repeats-one-error-each test "$(wc -l <"$LIM/repeat.err")" = 99999
assert limits-repeats-first grep -qx "$LIM/repeat100k.xml:4: error: 't1' is rated twice (first on line 3)" \
    "$LIM/repeat.err"
assert limits-repeats-last test "$(tail -n 1 "$LIM/repeat.err")" = \
    "$LIM/repeat100k.xml:100002: error: 't1' is rated twice (first on line 3)"
elapsed_ok limits-repeats-bounded 60 "$start"

# 100,000 different questions of a generated rubric (7 MiB), each rated once:
# the right scores (question i measures c(i mod 4) and is rated 1, 2, 3.5, 5 by
# i mod 4, so c0..c3 are 1, 2, 3.5 and 5). Loading the rubric and checking the
# ratings for repeats were quadratic; now this takes about a second.
start=$(date +%s)
in_lim limits-rubric-100k-questions 0 --rubric wide.xml rubric --ids interviews
in_lim limits-ratings-100k 0 --rubric wide.xml report --format csv ratings100k.xml
in_lim limits-ratings-100k-repeat 1 --rubric wide.xml validate -q ratings100k-repeat.xml
in_lim limits-rubric-100k-duplicate 1 --rubric wide-duplicate.xml rubric --ids levels
elapsed_ok limits-100k-bounded 90 "$start"
