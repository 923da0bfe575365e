#!/bin/sh
# seeds.sh - (re)make the seed corpora in tests/fuzz/corpus/ from the fixtures,
# the shipped rubrics and the example requisition. Run from the top of the tree.
# The report seeds are whole folders joined with the harness's separator line
# "---" (fuzz_report.c). Duplicates are dropped, and the scorecards are cut
# down to those that add coverage (libFuzzer's -merge) when `make fuzz-build`
# has built the harness.
set -eu
c=tests/fuzz/corpus
rm -rf "$c"
mkdir -p "$c/rubric" "$c/scorecard" "$c/report" "$c/assessment" "$c/demographics"

copy() {    # copy FILE DIR: under a name made of its path, once per content
    name=$(echo "$1" | sed -e 's|^tests/fixtures/||' -e 's|/|_|g')
    sum=$(sha1sum <"$1" | cut -c1-40)
    grep -qx "$sum" "$2/.sums" 2>/dev/null && return 0
    echo "$sum" >>"$2/.sums"
    cp "$1" "$2/$name"
}

for f in rubrics/*.xml tests/fixtures/rubrics/*.xml tests/fixtures/published/rubric.xml \
         tests/fixtures/bad/duplicate-id-rubric.xml; do
    copy "$f" "$c/rubric"
done
# Malformed and hostile XML: for both loaders.
for f in billion-laughs binary empty internal-dtd invalid-utf8 truncated wrong-namespace xxe; do
    copy "tests/fixtures/bad/$f.xml" "$c/rubric"
    copy "tests/fixtures/bad/$f.xml" "$c/scorecard"
done
for f in $(find tests/fixtures docs/examples -name '*.xml' | sort); do
    grep -q '<scorecard' "$f" && copy "$f" "$c/scorecard"
done
for f in $(find tests/fixtures -name '*.xml' | sort); do
    grep -q '<assessment' "$f" && copy "$f" "$c/assessment"
done
for f in $(find tests/fixtures -name '*.xml' | sort); do
    grep -q '<demographics' "$f" && copy "$f" "$c/demographics"
done

join() {    # join NAME FILE...: one report seed
    out=$c/report/$1
    shift
    first=1
    for f in "$@"; do
        [ $first = 1 ] || printf '\n---\n' >>"$out"
        cat "$f" >>"$out"
        first=0
    done
}
for d in tests/fixtures/report tests/fixtures/team tests/fixtures/leniency \
         tests/fixtures/export/anon tests/fixtures/published/k2011 \
         tests/fixtures/published/sf1979 tests/fixtures/good docs/examples/team; do
    join "$(echo "$d" | sed -e 's|^tests/fixtures/||' -e 's|/|_|g')" \
        $(find "$d" -name '*.xml' | sort | xargs grep -l '<scorecard')
done
# A rubric first: the harness reads the rest against it.
join rubric+report tests/fixtures/report/rubric.xml \
    $(find tests/fixtures/report -name '*.xml' | sort | xargs grep -l '<scorecard')
join rubric+published_sf1979 tests/fixtures/published/rubric.xml \
    $(find tests/fixtures/published/sf1979/t1 tests/fixtures/published/sf1979/t2 -name '*.xml' | sort)
join rubric+team tests/fixtures/rubrics/mini.xml \
    $(find tests/fixtures/team -name '*.xml' | sort)
for d in docs/examples/staff-tpm-2026/c-10[1-4]; do
    join "staff-tpm-2026_$(basename "$d")" $(find "$d" -name '*.xml' | sort)
done
join staff-tpm-2026_c-105-108 $(find docs/examples/staff-tpm-2026/c-10[5-8] -name '*.xml' | sort)
# Assessment folders, joined: a person's cycles, duplicates, drafts.
joina() {   # joina NAME FILE...: one assessment seed
    out=$c/assessment/$1
    shift
    first=1
    for f in "$@"; do
        [ $first = 1 ] || printf '\n---\n' >>"$out"
        cat "$f" >>"$out"
        first=0
    done
}
joina growth $(find tests/fixtures/growth -name '*.xml' | sort | xargs grep -l '<assessment')
joina dup tests/fixtures/bad/assessment-dup/*.xml
for p in p-ana p-ben p-chloe p-dev p-eli p-fay; do
    joina "reviews_$p" $(find docs/examples/reviews -name "$p--*.xml" | sort)
done
# Inputs written by hand for what no fixture has (see tests/fuzz/handmade/).
for f in tests/fuzz/handmade/*/*; do
    h=$(basename "$(dirname "$f")")
    cp "$f" "$c/$h/"
done
rm -f "$c"/*/.sums
if [ -x build-fuzz/fuzz_scorecard ]; then
    m=$(mktemp -d)
    build-fuzz/fuzz_scorecard -merge=1 "$m" "$c/scorecard" >/dev/null 2>&1
    for f in "$c"/scorecard/*; do
        [ -e "$m/$(sha1sum <"$f" | cut -c1-40)" ] || rm "$f"
    done
    rm -rf "$m"
fi
