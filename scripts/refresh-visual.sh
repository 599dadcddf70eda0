#!/bin/sh
# refresh-visual.sh - after an intended change of the deck's look, rewrite
# the reference renderings tests/visual/pNN.png that test_deck compares
# against (30 dpi, small enough to keep in git). Review them before
# committing:  git diff --stat tests/visual
#
#   scripts/refresh-visual.sh [BUILD_DIR]     (default: build)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j2 --target deck_driver >/dev/null
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
echo "refreshed $(ls tests/visual/p*.png | wc -l) pages in tests/visual"
