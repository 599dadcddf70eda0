#!/bin/sh
# refresh-visual.sh - after an intended change of the look, rewrite the
# reference renderings that the tests compare against (30 dpi, small enough
# to keep in git): tests/visual/pNN.png (national deck, test_deck) and
# tests/visual/prefecture-13/pNN.png (the Tokyo report, test_prefecture).
# Review them before committing:  git diff --stat tests/visual
#
#   scripts/refresh-visual.sh [BUILD_DIR]     (default: build)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j2 --target deck_driver aireport visual_diff >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1777000000 "$build/tests/deck_driver" data fonts/fonts.ini layouts "$tmp/deck.pdf"
pdftoppm -png -r 30 "$tmp/deck.pdf" "$tmp/p"
mkdir -p tests/visual
rm -f tests/visual/p*.png
for f in "$tmp"/p-*.png; do
    n=$(basename "$f" .png | sed 's/^p-//')
    cp "$f" "tests/visual/p$n.png"
done
SOURCE_DATE_EPOCH=1777000000 "$build/src/aireport" build -q --only 13 --out "$tmp/pref"
pdftoppm -png -r 30 "$tmp/pref/prefectures/13_東京都.pdf" "$tmp/t"
mkdir -p tests/visual/prefecture-13
rm -f tests/visual/prefecture-13/p*.png
for f in "$tmp"/t-*.png; do
    n=$(basename "$f" .png | sed 's/^t-//')
    cp "$f" "tests/visual/prefecture-13/p$n.png"
done
# The tests compare with tolerance 0 (AIREPORT_VISUAL_TOL): measure that a
# second render of the same tree still scores 0 in every tile.
SOURCE_DATE_EPOCH=1777000000 "$build/tests/deck_driver" data fonts/fonts.ini layouts "$tmp/again.pdf" >/dev/null
pdftoppm -png -r 30 "$tmp/again.pdf" "$tmp/again"
for f in "$tmp"/again-*.png; do
    n=$(basename "$f" .png | sed 's/^again-//')
    "$build/tests/visual_diff" --label "re-render of page $n" "tests/visual/p$n.png" "$f" >/dev/null ||
        echo "refresh-visual: a second render of page $n differs: rendering is not deterministic," \
            "tolerance 0 will not hold" >&2
done
echo "refreshed $(ls tests/visual/p*.png | wc -l) pages in tests/visual," \
    "$(ls tests/visual/prefecture-13/p*.png | wc -l) in tests/visual/prefecture-13"
