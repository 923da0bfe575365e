#!/bin/sh
# deps.sh [GROUP...] - the one list of the Debian packages scorewheel needs;
# installs those of GROUP that are missing. Groups (default: all):
#
#   build    compile the library, the CLI (and the web app) - `make demo`
#   check    build + every test of `make check` (sanitizers, valgrind,
#            static analysis, the workbook and SVG checks, and browser);
#            every external command a test of `make check` runs is here
#            (the browser tests print the packet with pdftoppm/pdftotext,
#            the crash test checks the workbook with unzip, the TLS test
#            makes its certificate with openssl): none comes from `render`
#   render   `make check-render`: LibreOffice opens the workbooks
#   browser  the web app's browser tests alone (Selenium, Chromium, npm
#            for axe-core)
#   all      all of the above - what .ci/run installs
#
# A package counts as present when dpkg lists it installed, or an installed
# package provides it (nodejs from other repositories provides npm). Nothing
# missing: prints nothing, exits 0 (one dpkg-query call, well under a second).
# Missing: installs them with apt-get, as root or else through sudo; when
# neither works, prints the apt-get line to run and exits 2. `make` alone never
# calls this; `make demo`, `make check` and .ci/run do.
set -eu

build="build-essential pkg-config libxml2-dev libxlsxwriter-dev liblapacke-dev
       libopenblas-dev libmicrohttpd-dev libsodium-dev libcurl4-openssl-dev"
browser="python3-selenium chromium chromium-driver nodejs npm"
check="$build libcmocka-dev clang libclang-rt-14-dev valgrind libxml2-utils
       python3 python3-openpyxl python3-numpy python3-aiosmtpd librsvg2-bin clang-tools cppcheck
       poppler-utils unzip openssl $browser"
render="libreoffice-calc poppler-utils"

usage() {
    echo "usage: tools/deps.sh [build|check|render|browser|all]..." >&2
    exit 2
}

wanted=""
[ $# -gt 0 ] || set -- all
for group in "$@"; do
    case $group in
    build) wanted="$wanted $build" ;;
    check) wanted="$wanted $check" ;;
    render) wanted="$wanted $render" ;;
    browser) wanted="$wanted $browser" ;;
    all) wanted="$wanted $check $render" ;;
    -h | --help) sed -n '2,18s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) usage ;;
    esac
done

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "deps.sh: not a Debian system; make sure these (or their equivalents) are" \
        "installed:" $wanted >&2
    exit 0
fi

# Every installed package's name, and the names it provides, one a line.
present=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Provides}\n' 2>/dev/null |
    awk '$1 == "ii" { for (i = 2; i <= NF; i++) { sub(/[:(,].*/, "", $i); if ($i != "") print $i } }')
missing=""
for p in $wanted; do
    case " $missing " in *" $p "*) continue ;; esac
    printf '%s\n' "$present" | grep -qxF "$p" || missing="$missing $p"
done
[ -n "$missing" ] || exit 0

missing=${missing# }
line="apt-get install -y --no-install-recommends $missing"
echo "deps.sh: installing $missing" >&2
if [ "$(id -u)" = 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1; then
    run="sudo"
else
    echo "deps.sh: not root and no sudo; as root, run:" >&2
    echo "    apt-get update && $line" >&2
    exit 2
fi
if ! { $run apt-get update -qq &&
    $run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing; }; then
    echo "deps.sh: apt-get failed; as root, run:" >&2
    echo "    apt-get update && $line" >&2
    exit 2
fi
