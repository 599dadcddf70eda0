#!/bin/sh
# `aireport build` as a batch: reproducible output, atomic writes, a failing
# document that neither leaves a file nor stops the others, and the CLI's
# usage errors. Usage: test_build.sh AIREPORT SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
cd "$src" || exit 1

# 1. Two builds with the same SOURCE_DATE_EPOCH are byte-identical.
export SOURCE_DATE_EPOCH=1777000000
"$bin" build -q -j 2 --out "$tmp/a" || fail "first build exited $?"
"$bin" build -q -j 1 --out "$tmp/b" || fail "second build exited $?"
# every file, the prefecture reports and chart images in their folders too
for f in $(cd "$tmp/a" && find . -type f); do
    cmp -s "$tmp/a/$f" "$tmp/b/$f" || fail "$f differs between two builds"
done
[ -s "$tmp/a/national.pdf" ] || fail "no national.pdf"
[ -s "$tmp/a/figures.csv" ] || fail "no figures.csv"
# Atomic writes leave no temporary file anywhere below out/: every name, in
# every folder, dotfiles included (a temporary file is named like
# .national.pdf.tmp-XXXX or national.pdf.tmp), and nothing but the documents
# and the output folder's lock file (outdir.h), empty once the run ended.
lock=$tmp/a/.aireport.lock
find "$tmp/a" \( -name '.*' -o -name '*.tmp*' -o -name '*~' \) ! -path "$lock" >"$tmp/leftover"
[ -s "$tmp/leftover" ] && fail "temporary files left in out/: $(head -3 "$tmp/leftover")"
find "$tmp/a" -type f ! -name '*.pdf' ! -name '*.numbers.csv' ! -name '*.numbers.json' \
    ! -name 'figures.csv' ! -name 'figures.json' ! -name 'index.html' ! -name '*.png' \
    ! -name '*.xlsx' ! -name '*.html' ! -name '*.svg' ! -name 'figures_excel.csv' \
    ! -path "$lock" >"$tmp/other"
[ -s "$tmp/other" ] && fail "unexpected files in out/: $(head -3 "$tmp/other")"
[ -s "$lock" ] && fail "the lock file still names a run that ended: $(cat "$lock")"

# 1b. The CSV for Excel users: a UTF-8 BOM, Japanese headers, 令和 years;
#     the same numbers as figures.csv (diff reads both: no change), and a
#     changed number in it is found by diff.
x="$tmp/a/figures_excel.csv"
head -c 3 "$x" | od -An -tx1 | grep -q "ef bb bf" || fail "figures_excel.csv has no UTF-8 BOM"
head -n 1 "$x" | grep -q "ページ,図表,年度,地域,区分,選択肢コード,選択肢,団体数/件数,母数,割合（%）" ||
    fail "figures_excel.csv header: $(head -n 1 "$x")"
grep -q "^P3,status,令和7年度,全国,全体,1,導入済,852,1788,47.7" "$x" ||
    fail "figures_excel.csv lacks the published P3 row (令和7年度 導入済 852, 47.7%)"
[ "$(wc -l <"$x")" -eq "$(wc -l <"$tmp/a/figures.csv")" ] || fail "figures_excel.csv and figures.csv differ in rows"
"$bin" diff "$tmp/a/figures.csv" "$x" >"$tmp/diffout" || fail "diff figures.csv figures_excel.csv exited $? (same numbers)"
sed 's/^P3,status,令和7年度,全国,全体,1,導入済,852,/P3,status,令和7年度,全国,全体,1,導入済,853,/' "$x" >"$tmp/changed.csv"
"$bin" diff "$tmp/a/figures.csv" "$tmp/changed.csv" >"$tmp/diffout"
[ $? -eq 1 ] || fail "diff against a changed figures_excel.csv did not exit 1"
grep -q "P3.status\[R7,全体,1\] 導入済: 852 -> 853" "$tmp/diffout" ||
    fail "diff did not name the changed row: $(head -3 "$tmp/diffout")"

# 2. A broken template fails the national deck only: exit 4, the message
#    names the template file and line, the previous national.pdf is kept
#    byte for byte and the figures export is still written.
cp -r layouts "$tmp/layouts"
# (without the HTML pages and their chart files, to keep the test short)
sed -i 's/^\[deck\]$/[deck]\nweb = false/' "$tmp/layouts/deck.ini" "$tmp/layouts/prefecture.ini"
page=$(ls "$tmp"/layouts/pages/*.ini | head -n 3 | tail -n 1)
printf '\n[page]\nno_such_key = 1\n' >>"$page"
cp "$tmp/a/national.pdf" "$tmp/keep.pdf"
rm -f "$tmp/a/figures.csv"
"$bin" build -q --layouts "$tmp/layouts" --out "$tmp/a" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 4 ] || fail "broken template: exit $rc, expected 4"
grep -q "$(basename "$page"):[0-9]*:" "$tmp/err" || fail "message does not name $(basename "$page"):LINE: $(cat "$tmp/err")"
cmp -s "$tmp/keep.pdf" "$tmp/a/national.pdf" || fail "previous national.pdf was not kept"
[ -s "$tmp/a/figures.csv" ] || fail "figures.csv not written although only the deck failed"
find "$tmp/a" -name '.*' ! -path "$lock" >"$tmp/leftover"
[ -s "$tmp/leftover" ] && fail "the failed deck left temporary files: $(head -3 "$tmp/leftover")"

# 3. An output folder that cannot be created: exit 5, nothing written.
: >"$tmp/plainfile"
"$bin" build -q --out "$tmp/plainfile/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 5 ] || fail "unwritable out: exit $rc, expected 5"
grep -q "plainfile" "$tmp/err" || fail "unwritable out: message does not name the folder"

# 4. Usage errors exit 2 and say what was expected; --help exits 0.
"$bin" --help >/dev/null || fail "--help exited $?"
"$bin" frobnicate 2>"$tmp/err"; [ $? -eq 2 ] || fail "unknown command: expected exit 2"
grep -q "unknown command" "$tmp/err" || fail "unknown command: no message"
"$bin" figures --prefecture 48 2>"$tmp/err"; [ $? -eq 2 ] || fail "--prefecture 48: expected exit 2"
grep -q "01..47" "$tmp/err" || fail "--prefecture 48: message does not say 01..47"
"$bin" figures --format xml 2>/dev/null; [ $? -eq 2 ] || fail "--format xml: expected exit 2"
"$bin" build -j 0 2>/dev/null; [ $? -eq 2 ] || fail "-j 0: expected exit 2"

# 5. figures --prefecture: only that scope; "all": nation + 47.
"$bin" figures --prefecture 13 >"$tmp/p13.csv" || fail "figures --prefecture 13 exited $?"
awk -F, 'NR > 1 && $4 != "13" {bad = 1} END {exit bad}' "$tmp/p13.csv" ||
    fail "figures --prefecture 13 printed rows of another scope"
scopes=$("$bin" figures --prefecture all | awk -F, 'NR > 1 {print $4}' | sort -u | wc -l)
[ "$scopes" -eq 48 ] || fail "figures --prefecture all: $scopes scopes, expected 48"

# 6. charts --png: every chart of the national deck as a PNG, nothing else.
"$bin" charts --png -q --out "$tmp/charts" || fail "charts --png exited $?"
n_png=$(ls "$tmp/charts/charts" 2>/dev/null | grep -c '\.png$')
[ "$n_png" -ge 15 ] || fail "charts --png wrote $n_png PNGs, expected one per chart page (>= 15)"
[ -e "$tmp/charts/national.pdf" ] && fail "charts --png also wrote national.pdf"
head -c 8 "$tmp/charts/charts/p03.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" ||
    fail "charts/p03.png is not a PNG"
"$bin" charts 2>/dev/null; [ $? -eq 2 ] || fail "charts without --png: expected exit 2"

# 7. chart_png = false: the web page's charts as SVG only (the PNGs are most
#    of a whole build's time): no PNG written, the page links none, every
#    chart still has its SVG, and the deck file with PNGs still gets them.
cp -r layouts "$tmp/svgonly"
sed -i 's/^\[deck\]$/[deck]\nchart_png = false\nworkbook = false/' "$tmp/svgonly/deck.ini"
"$bin" build -q --only national --layouts "$tmp/svgonly" --out "$tmp/svgonly_out" ||
    fail "build with chart_png = false exited $?"
n_svg=$(ls "$tmp/svgonly_out/charts/national" 2>/dev/null | grep -c '\.svg$')
n_png=$(ls "$tmp/svgonly_out/charts/national" 2>/dev/null | grep -c '\.png$')
n_svg_a=$(ls "$tmp/a/charts/national" | grep -c '\.svg$')
n_png_a=$(ls "$tmp/a/charts/national" | grep -c '\.png$')
[ "$n_png" -eq 0 ] || fail "chart_png = false: $n_png PNGs written"
[ "$n_svg" -eq "$n_svg_a" ] && [ "$n_svg" -ge 15 ] ||
    fail "chart_png = false: $n_svg SVGs, a whole build has $n_svg_a"
[ "$n_png_a" -eq "$n_svg_a" ] || fail "default build: $n_png_a PNGs for $n_svg_a SVGs"
grep -q '\.png"' "$tmp/svgonly_out/national.html" &&
    fail "chart_png = false: national.html still links a PNG"
grep -q 'href="charts/national/p03.svg"' "$tmp/svgonly_out/national.html" ||
    fail "chart_png = false: national.html does not link the SVG of p03"
sed -i 's/^chart_png = false$/chart_png = maybe/' "$tmp/svgonly/deck.ini"
"$bin" build -q --only national --layouts "$tmp/svgonly" --out "$tmp/svgonly_out" 2>"$tmp/err"
[ $? -eq 4 ] || fail "chart_png = maybe: expected exit 4"
grep -q "deck.ini:[0-9]*: chart_png = .maybe.: expected false | true" "$tmp/err" || fail "chart_png = maybe: message does not name the key: $(cat "$tmp/err")"

if [ "$fails" -eq 0 ]; then echo "test_build: all checks passed"; else echo "test_build: $fails failed"; exit 1; fi
