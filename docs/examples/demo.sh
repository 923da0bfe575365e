#!/bin/sh
# demo.sh SCOREWHEEL - the main job on the bundled example requisition: check
# every scorecard, print the committee's packets and the ranking, calibrate the
# panel, rank the candidates for the example team, and write the workbook and
# the wheels into demo-out/.
set -e
sw=$1
here=$(dirname "$0")
req=$here/staff-tpm-2026
team=$here/team
out=demo-out
mkdir -p "$out"
has() { "$sw" --help | grep -q "^  $1 "; }
step() { printf "\n$ %s\n" "$*"; }

step scorewheel validate "$req"
"$sw" validate "$req"
step scorewheel report "$req"
"$sw" report "$req"
step scorewheel compare "$req"
"$sw" compare "$req"
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
