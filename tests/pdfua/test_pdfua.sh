#!/bin/sh
# test_pdfua.sh PYTHON CHECKER AIREPORT SOURCE_DIR WORKDIR
# The PDF/UA checker (check_pdfua.py) on real documents: the national deck,
# three prefecture reports (01 Hokkaido: the longest municipality table;
# 13 Tokyo: the visual references; 47 Okinawa: a small one) and the body
# sheet of 131016, built with SOURCE_DATE_EPOCH. Until the layout tags its
# content by role, the documents get the conditions every document of the
# writer meets (--checks document: language, title, metadata, fonts, marked
# content, ParentTree, structure bookkeeping); the role conditions are
# proven on the tagged test document (test_pdfua_writer). Also the byte
# budget of the tags: national.pdf at most 10 % above its untagged size
# (195,966 bytes with the sample data), i.e. <= 215,563 bytes.
set -u
py=$1 checker=$2 bin=$3 src=$4 work=$5
fail=0
rm -rf "$work" && mkdir -p "$work" || exit 1
cd "$src" || exit 1
SOURCE_DATE_EPOCH=1777000000 "$bin" build -q --only national,01,13,47,131016 --out "$work/out" ||
    { echo "test_pdfua: build failed (exit $?)"; exit 1; }
set -- "$work/out/national.pdf" "$work"/out/prefectures/01_*.pdf "$work"/out/prefectures/13_*.pdf \
    "$work"/out/prefectures/47_*.pdf "$work"/out/bodies/131016_*.pdf
for f in "$@"; do
    [ -s "$f" ] || { echo "test_pdfua: missing $f"; fail=1; }
done
"$py" "$checker" --checks document "$@" || fail=1
size=$(wc -c <"$work/out/national.pdf")
limit=215563
if [ "$size" -gt "$limit" ]; then
    echo "test_pdfua: national.pdf is $size bytes, over the tagged budget of $limit (untagged 195,966 + 10 %)"
    fail=1
fi
[ $fail -eq 0 ] && echo "test_pdfua: 5 documents pass; national.pdf $size bytes (budget $limit)"
exit $fail
