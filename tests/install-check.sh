#!/bin/sh
# install-check.sh - installs into a temporary DESTDIR under another PREFIX
# and runs the installed binary from an empty folder, away from the source
# tree: it must find its rubric by the install path.
set -eu
top=$(pwd)
dest=$(mktemp -d "${TMPDIR:-/tmp}/sw-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT
make --no-print-directory install PREFIX=/opt/scorewheel DESTDIR="$dest" >/dev/null
bin=$dest/opt/scorewheel/bin/scorewheel
cd "$dest"
unset SCOREWHEEL_RUBRIC
"$bin" rubric --format json | grep -q '"id": "tpm"'
"$bin" validate -q "$top/docs/examples/staff-tpm-2026"
for f in man1/scorewheel.1 man5/scorewheel-rubric.5 man5/scorewheel-scorecard.5; do
    test -f "$dest/opt/scorewheel/share/man/$f"
done
test -f "$dest/opt/scorewheel/include/scorewheel/aggregate.h"
test -f "$dest/opt/scorewheel/lib/libscorewheel.a"
make --no-print-directory -C "$top" uninstall PREFIX=/opt/scorewheel DESTDIR="$dest" >/dev/null
test ! -e "$bin"
echo "install: 1 passed, 0 failed"
