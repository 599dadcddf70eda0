#!/bin/sh
# compare-outputs.sh - proves a refactoring: every output of two aireport
# builds, byte for byte. Each side writes, with SOURCE_DATE_EPOCH set and the
# same inputs (this checkout's data/, layouts/, fonts/fonts.ini):
#   build/      aireport build --bodies   (every PDF, sidecar, export, PNG, index.html)
#   figures.csv, figures.json             figures --format csv|json --prefecture all
#   charts/     charts --png
# Then every file of the two trees is compared; the differing ones (and the
# ones on one side only) are listed. Exit 0: identical; 1: any difference;
# 2: bad usage or a side could not be built or run.
#
#   scripts/compare-outputs.sh OLD NEW
#   scripts/compare-outputs.sh --record SIDE DIR   (only write SIDE's outputs into DIR)
#
# A SIDE is one of:
#   an aireport binary                    (e.g. build-rel/src/aireport)
#   an output tree written by --record    (kept, e.g. /tmp/baseline-out)
#   a source tree (holds CMakeLists.txt)  built Release into SIDE/build-compare/
#   a git commit of this repository       (e.g. HEAD~3) exported and built in a
#                                         temporary folder
# Example: record the baseline before a refactoring, compare after each step:
#   scripts/compare-outputs.sh --record HEAD /tmp/baseline-out
#   scripts/compare-outputs.sh /tmp/baseline-out .
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
epoch=${SOURCE_DATE_EPOCH:-1777000000}
marker=.aireport-outputs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

die() { echo "compare-outputs: $*" >&2; exit 2; }

# build_tree SRC BUILD -> prints the aireport binary built from SRC in BUILD.
build_tree() {
    cmake -S "$1" -B "$2" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >"$tmp/cmake.log" 2>&1 &&
        cmake --build "$2" -j2 --target aireport >>"$tmp/cmake.log" 2>&1 ||
        { cat "$tmp/cmake.log" >&2; die "could not build $1"; }
    [ -x "$2/src/aireport" ] || die "no $2/src/aireport after building $1"
    echo "$2/src/aireport"
}

# binary_of SIDE NAME -> prints the aireport binary of SIDE ("" for a recorded tree).
binary_of() {
    if [ -f "$1/$marker" ]; then
        echo ""
    elif [ -f "$1" ] && [ -x "$1" ]; then
        echo "$1"
    elif [ -f "$1/CMakeLists.txt" ]; then
        build_tree "$1" "$1/build-compare"
    elif git -C "$repo" rev-parse -q --verify "$1^{commit}" >/dev/null; then
        mkdir -p "$tmp/$2-src"
        git -C "$repo" archive "$1" | tar -x -C "$tmp/$2-src"
        build_tree "$tmp/$2-src" "$tmp/$2-build"
    else
        die "$1 is neither an aireport binary, a recorded output tree, a source tree nor a commit"
    fi
}

# record BINARY DIR: every output of BINARY into DIR (made empty first).
record() {
    bin=$1 dir=$2
    rm -rf "$dir"
    mkdir -p "$dir"
    set -- --data "$repo/data" --layouts "$repo/layouts" --fonts "$repo/fonts/fonts.ini"
    export SOURCE_DATE_EPOCH="$epoch"
    "$bin" "$@" --out "$dir/build" build -q -j2 --bodies ||
        die "$bin build --bodies failed (exit $?)"
    for fmt in csv json; do
        "$bin" "$@" figures --format "$fmt" --prefecture all >"$dir/figures.$fmt" ||
            die "$bin figures --format $fmt failed (exit $?)"
    done
    "$bin" "$@" --out "$dir/charts" charts -q --png >/dev/null ||
        die "$bin charts --png failed (exit $?)"
    echo "aireport outputs, SOURCE_DATE_EPOCH=$epoch" >"$dir/$marker"
}

# outputs_of SIDE NAME -> prints the output tree of SIDE.
outputs_of() {
    bin=$(binary_of "$1" "$2")
    if [ -z "$bin" ]; then
        echo "$1"
    else
        record "$bin" "$tmp/$2-out" >&2
        echo "$tmp/$2-out"
    fi
}

if [ "${1:-}" = "--record" ]; then
    [ $# -eq 3 ] || die "usage: compare-outputs.sh --record SIDE DIR"
    bin=$(binary_of "$2" side)
    [ -n "$bin" ] || die "$2 is already a recorded output tree"
    record "$bin" "$3"
    echo "compare-outputs: recorded $(find "$3" -type f | wc -l) files into $3"
    exit 0
fi
[ $# -eq 2 ] || die "usage: compare-outputs.sh OLD NEW  |  --record SIDE DIR"

old=$(outputs_of "$1" old)
new=$(outputs_of "$2" new)
# .aireport.lock is --out's lock file (README: one build per output folder),
# not an output: left out on both sides.
(cd "$old" && find . -type f ! -name "$marker" ! -name .aireport.lock | LC_ALL=C sort) >"$tmp/old.list"
(cd "$new" && find . -type f ! -name "$marker" ! -name .aireport.lock | LC_ALL=C sort) >"$tmp/new.list"
LC_ALL=C comm -23 "$tmp/old.list" "$tmp/new.list" | sed 's/^/only in OLD: /' >"$tmp/report"
LC_ALL=C comm -13 "$tmp/old.list" "$tmp/new.list" | sed 's/^/only in NEW: /' >>"$tmp/report"
LC_ALL=C comm -12 "$tmp/old.list" "$tmp/new.list" >"$tmp/both.list"
while IFS= read -r f; do
    cmp -s "$old/$f" "$new/$f" || echo "differs: $f" >>"$tmp/report"
done <"$tmp/both.list"

n=$(wc -l <"$tmp/both.list")
if [ -s "$tmp/report" ]; then
    cat "$tmp/report"
    echo "compare-outputs: $(wc -l <"$tmp/report") differences ($n files on both sides; $1 vs $2)"
    exit 1
fi
echo "compare-outputs: all $n files byte-identical ($1 vs $2)"
