#!/bin/sh
# demo.sh SCOREWHEEL - the main job on the bundled example requisition: an
# interview kit and one scorecard entered through `score` (into demo-out/),
# then check every scorecard, print the committee's packets and the ranking,
# calibrate the panel, rank the candidates for the example team, and write the
# workbook and the wheels into demo-out/. Then the team's review cycles
# (reviews/): growth, readiness for Staff, a person's wheel and the people
# workbook.
set -e
sw=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(dirname "$0")
req=$here/staff-tpm-2026
team=$here/team
reviews=$here/reviews
out=demo-out
mkdir -p "$out"
has() { "$sw" --help | grep -q "^  $1 "; }
step() { printf "\n$ %s\n" "$*"; }

if has kit; then
    step scorewheel kit --interview technical-deep-dive --format md
    "$sw" kit --interview technical-deep-dive --format md >"$out/kit-technical-deep-dive.md"
    echo "wrote $out/kit-technical-deep-dive.md"
fi
if has score; then
    step scorewheel score -i technical-deep-dive -c c-109 -r demo -l staff "< answers"
    rm -rf "$out/entered"
    mkdir -p "$out/entered"
    printf '%s\n' 4 'Walked through the payment ledger: queue, idempotency keys, replay.' '' \
        3.5 'Chose eventual consistency; named the reconciliation cost.' '' \
        'on track' 'Knows card-network rules; one concrete decision.' '' \
        skip hire 'Solid technical depth; probe risk handling again.' '' submit |
        (cd "$out/entered" && "$sw" score -i technical-deep-dive -c c-109 -r demo -l staff \
            >transcript.txt)
    echo "wrote $out/entered/c-109/technical-deep-dive--demo.xml" \
        "(the session: $out/entered/transcript.txt)"
fi
step scorewheel validate "$req"
"$sw" validate "$req"
step scorewheel report "$req"
"$sw" report "$req"
step scorewheel compare "$req"
"$sw" compare "$req"
if has status; then
    step scorewheel status --now 2026-03-26T12:00:00Z "$req"
    "$sw" status --now 2026-03-26T12:00:00Z "$req"
fi
if has calibrate; then
    step scorewheel calibrate "$req"
    "$sw" calibrate "$req"
fi
if has team && [ -d "$team" ]; then
    step scorewheel team --members "$team" "$req"
    "$sw" team --members "$team" "$req"
fi
if has export; then
    step scorewheel export -o "$out/staff-tpm-2026.xlsx" "$req"
    "$sw" export -o "$out/staff-tpm-2026.xlsx" "$req"
fi
if has wheel; then
    for dir in "$req"/*/; do
        id=$(basename "$dir")
        "$sw" wheel --candidate "$id" -o "$out/$id.svg" "$req"
    done
    echo "wrote one wheel per candidate: $out/*.svg"
fi
if has growth && [ -d "$reviews" ]; then
    step scorewheel growth --person p-ben "$reviews"
    "$sw" growth --person p-ben "$reviews"
    step scorewheel promote --to staff --cycles 2 "$reviews"
    "$sw" promote --to staff --cycles 2 "$reviews"
    step scorewheel wheel --person p-chloe --to staff -o "$out/p-chloe.svg" "$reviews"
    "$sw" wheel --person p-chloe --to staff -o "$out/p-chloe.svg" "$reviews"
    echo "wrote $out/p-chloe.svg"
    step scorewheel export --people -o "$out/people.xlsx" "$reviews"
    "$sw" export --people -o "$out/people.xlsx" "$reviews"
fi
if has audit && command -v python3 >/dev/null 2>&1; then
    # A generated requisition with a planted selection gap, and its
    # demographics file kept outside the folder (docs/design.md rule 16).
    python3 tools/gendemo.py --out "$out/audit-req" --demographics "$out/demographics.xml" \
        --count 300 >/dev/null
    step scorewheel audit --demographics "$out/demographics.xml" "$out/audit-req"
    "$sw" audit --demographics "$out/demographics.xml" "$out/audit-req"
fi
if has serve; then
    # A copy, so that what is typed in the browser stays out of the example.
    rm -rf "$out/staff-tpm-2026" && cp -R "$req" "$out/staff-tpm-2026"
    printf '\nTo open the requisition in a browser (single-person mode, this machine only):\n'
    printf '    %s serve %s\n' "$1" "$out/staff-tpm-2026"
fi
