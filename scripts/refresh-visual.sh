#!/bin/sh
# refresh-visual.sh - after an intended change of the look, rewrite the
# reference renderings that the tests compare against (30 dpi, small enough
# to keep in git): tests/visual/pNN.png (national deck, test_deck) and
# tests/visual/prefecture-PP/pNN.png (three prefecture reports of different
# size, test_prefecture: 13 東京都, 31 鳥取県, 01 北海道).
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
PREFECTURES="13 31 01"
SOURCE_DATE_EPOCH=1777000000 "$build/src/aireport" build -q --only "$(echo $PREFECTURES | tr ' ' ,)" \
    --out "$tmp/pref"
for code in $PREFECTURES; do
    pdftoppm -png -r 30 "$tmp/pref/prefectures/${code}_"*.pdf "$tmp/t$code"
    mkdir -p "tests/visual/prefecture-$code"
    rm -f "tests/visual/prefecture-$code"/p*.png
    for f in "$tmp/t$code"-*.png; do
        n=$(basename "$f" .png | sed "s/^t$code-//")
        cp "$f" "tests/visual/prefecture-$code/p$n.png"
    done
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
echo "refreshed $(ls tests/visual/p*.png | wc -l) pages in tests/visual;" \
    $(for code in $PREFECTURES; do echo "$(ls tests/visual/prefecture-$code/p*.png | wc -l) in prefecture-$code"; done)
