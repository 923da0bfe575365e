#!/bin/sh
# browser.sh SCOREWHEEL BUILDDIR - the browser tests (browser_test.py,
# browser_trust_test.py, then browser_pages_test.py on cards from BUILDDIR/tools/gencards) with
# axe-core installed by npm into BUILDDIR/node (git-ignored) when missing.
# Screenshots land in BUILDDIR/web-shots: look at them.
set -eu
sw=$1 b=$2
axe=$b/node/node_modules/axe-core/axe.min.js
if [ ! -f "$axe" ]; then
    mkdir -p "$b/node"
    (cd "$b/node" && npm install --no-audit --no-fund --silent axe-core >/dev/null) || {
        echo "check-browser: cannot install axe-core with npm" >&2
        exit 1
    }
fi
/usr/bin/python3 tests/web/browser_test.py "$sw" "$axe" "$b/web-shots"
/usr/bin/python3 tests/web/browser_trust_test.py "$sw" "$axe" "$b/web-shots"
exec /usr/bin/python3 tests/web/browser_pages_test.py "$sw" "$axe" "$b/web-shots" \
    "$b/tools/gencards"
