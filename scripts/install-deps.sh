#!/bin/sh
# Installs the Debian 12 packages aireport needs to build, run and test.
# Idempotent: when everything is present it installs nothing and says so.
# Usage: scripts/install-deps.sh [--test]   (--test adds the test tools)
set -eu

RUNTIME="build-essential cmake pkg-config libcsv-dev libiniparser-dev libhpdf-dev \
libcairo2-dev libpng-dev zlib1g-dev libharfbuzz-dev libxlsxwriter-dev fonts-ipaexfont-gothic \
fonts-ipaexfont-mincho"
TEST="poppler-utils qpdf clang libclang-rt-14-dev valgrind time python3 python3-pikepdf python3-lxml \
python3-openpyxl chromium nodejs npm"

want="$RUNTIME"
[ "${1:-}" = "--test" ] && want="$RUNTIME $TEST"

missing=""
for p in $want; do
    # a node from elsewhere (e.g. nodesource's, which brings its own npm)
    # will do for the browser test; Debian's npm would conflict with it
    case $p in nodejs | npm) command -v "${p%js}" >/dev/null 2>&1 && continue ;; esac
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi

echo "install-deps: installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
