#!/bin/sh
# `aireport --version` names the program's version and the version of each
# library that makes its output; every PDF names the program's version as
# its Creator. The expected versions come from elsewhere: project(VERSION)
# of CMakeLists.txt, pkg-config, the libraries' headers and dpkg.
# Usage: test_version.sh AIREPORT PROJECT_VERSION SOURCE_DIR
set -u
bin=$1 version=$2 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$bin" --version >"$tmp/v" 2>"$tmp/err" || fail "--version exited $?: $(cat "$tmp/err")"
[ "$(head -n 1 "$tmp/v")" = "aireport $version" ] ||
    fail "first line is \"$(head -n 1 "$tmp/v")\", expected \"aireport $version\""

# has NAME VERSION: a line "NAME VERSION" (maybe followed by a remark)
has() {
    case $2 in
    [0-9]*.[0-9]*) ;;
    *) fail "$1: no version to compare with (\"$2\")"; return ;;
    esac
    grep -qxE "$1 $(printf '%s' "$2" | sed 's/[.+]/\\&/g')( .*)?" "$tmp/v" ||
        fail "--version lacks \"$1 $2\": $(grep -i "^$1" "$tmp/v")"
}
has libharu "$(sed -n 's/^#define HPDF_VERSION_TEXT "\(.*\)"/\1/p' /usr/include/hpdf_version.h)"
has cairo "$(pkg-config --modversion cairo)"
has HarfBuzz "$(pkg-config --modversion harfbuzz)"
csv=$(awk '/#define CSV_(MAJOR|MINOR|RELEASE) / {v = v (v ? "." : "") $3} END {print v}' /usr/include/csv.h)
has libcsv "$csv"
has iniparser "$(dpkg-query -W -f='${Version}' libiniparser-dev)"
has libxlsxwriter "$(sed -n 's/^#define LXW_VERSION "\(.*\)"/\1/p' /usr/include/xlsxwriter.h)"

# The PDF's Creator is the program with its version.
cd "$src" || exit 1
"$bin" build -q --only national --out "$tmp/out" || fail "build --only national exited $?"
creator=$(pdfinfo "$tmp/out/national.pdf" | sed -n 's/^Creator: *//p')
[ "$creator" = "aireport $version" ] || fail "national.pdf Creator is \"$creator\", expected \"aireport $version\""

if [ "$fails" -eq 0 ]; then echo "test_version: all checks passed"; else echo "test_version: $fails failed"; exit 1; fi
