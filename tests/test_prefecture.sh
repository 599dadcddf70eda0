#!/bin/sh
# test_prefecture.sh - the per-prefecture report, the national appendix, the
# body sheets and `build --only`, through the aireport binary.
#   test_prefecture.sh AIREPORT SOURCE_DIR VISUAL_DIFF
# Checks: 13 東京都 renders with a 全国 bar beside its own, every one of its
# municipalities in the table, and the table breaking over pages with the
# header repeated (its numbers, rank and table cells are recomputed from
# data/ for all 47 reports, and a page for every question of the national
# deck is found by its title, by tests/checks/check_prefs.py); a prefecture
# override (title, cover line, a page left out); a broken override fails
# only its prefecture and keeps the last good PDF; the appendix lists the 47
# prefectures in rank order and can be switched off; --only and --bodies;
# the look of three reports of different size (13 東京都, 31 鳥取県, 01 北海道),
# page by page, against tests/visual/prefecture-PP/ (scripts/refresh-visual.sh).
set -u
bin=$1 src=$2 vdiff=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
diffs=$PWD/visual-diff # pictures of changed pages, in the test's working folder
cd "$src" || exit 1
export SOURCE_DATE_EPOCH=1777000000

# 1. --only 13: just the Tokyo report (no exports, no national deck).
"$bin" build -q --only 13 --out "$tmp/a" || fail "build --only 13 exited $?"
pdf="$tmp/a/prefectures/13_東京都.pdf"
[ -s "$pdf" ] || { echo "FAIL: no $pdf"; exit 1; }
[ -e "$tmp/a/national.pdf" ] && fail "--only 13 also built national.pdf"
[ -e "$tmp/a/figures.csv" ] && fail "--only 13 also wrote figures.csv"
ls "$tmp/a/prefectures" | grep -qv '^13_' && fail "--only 13 built other prefectures"

# Pages: 21 fixed pages (the cover, the summary, one per question page of
# the national deck, two rankings) + the municipality table over 3 pages.
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 24 ] || fail "13_東京都.pdf: $pages pages, expected 24"
pdfinfo "$pdf" | grep -q "^Title: *東京都における生成AI導入状況" || fail "PDF title is not the prefecture's"

# Its own numbers beside the national ones, its rank and share, and every
# table cell: tests/checks/check_prefs.py recomputes them from data/ for all
# 47 reports (ctest check_prefs); here only that page 3 compares with 全国
# and names both bases (each bar reads as one run: its label, then its values).
pdftotext -f 3 -l 3 "$pdf" - | grep -q "^全国（n=1,788） [0-9.]*%" || fail "page 3 chart has no 全国 bar with its n"
pdftotext -f 3 -l 3 "$pdf" - | grep -q "^東京都（n=63） [0-9.]*%" || fail "page 3 chart has no 東京都 bar with its n"

# Every municipality of Tokyo in the table (its last 3 pages), and nothing else.
t1=$((pages - 2)) t2=$((pages - 1)) t3=$pages
awk -F, '$2 == "13" && $5 != "都道府県" {print $4}' data/bodies.csv >"$tmp/munis.txt"
n_munis=$(wc -l <"$tmp/munis.txt")
[ "$n_munis" = 62 ] || fail "data has $n_munis municipalities in 13, expected 62"
pdftotext -f $t1 -l $t3 -layout "$pdf" "$tmp/table.txt"
while read -r name; do
    grep -q "$name" "$tmp/table.txt" || fail "municipality $name missing from the table"
done <"$tmp/munis.txt"
# The page break: each table page repeats the header; the later pages are 続き.
for p in $t1 $t2 $t3; do
    pdftotext -f $p -l $p -layout "$pdf" - >"$tmp/page$p.txt"
    grep -q "団体名" "$tmp/page$p.txt" && grep -q "利用しているサービス" "$tmp/page$p.txt" ||
        fail "page $p does not repeat the table header"
done
grep -q "内の市区町村別の導入状況" "$tmp/page$t1.txt" || fail "page $t1 is not the table's first page"
grep -q "（続き）" "$tmp/page$t2.txt" || fail "page $t2 is not titled （続き）"
grep -q "（続き）" "$tmp/page$t1.txt" && fail "page $t1 is titled （続き）"
first=$(head -n 1 "$tmp/munis.txt") last=$(tail -n 1 "$tmp/munis.txt")
grep -q "$first" "$tmp/page$t1.txt" || fail "first municipality $first not on page $t1"
grep -q "$last" "$tmp/page$t3.txt" || fail "last municipality $last not on page $t3"
rows=0
for p in $t1 $t2 $t3; do
    c=$(grep -c -f "$tmp/munis.txt" "$tmp/page$p.txt")
    [ "$c" -gt 0 ] || fail "table page $p has no rows"
    rows=$((rows + c))
done
[ "$rows" -ge 62 ] || fail "table pages hold $rows rows, expected 62"
pdftotext -f $t3 -l $t3 "$pdf" - | grep -q "^$t3$" || fail "page number $t3 not printed on the last page"

# 2. The prefecture's own override: title, cover line, note, a page left out.
cp -r layouts "$tmp/layouts"
mkdir -p "$tmp/layouts/prefectures"
cp tests/prefecture/13_override.ini "$tmp/layouts/prefectures/13.ini"
"$bin" build -q --only 13,27 --layouts "$tmp/layouts" --out "$tmp/o" || fail "override build exited $?"
opdf="$tmp/o/prefectures/13_東京都.pdf"
opages=$(pdfinfo "$opdf" | awk '/^Pages:/ {print $2}')
[ "$opages" = $((pages - 1)) ] || fail "override: $opages pages, expected $((pages - 1)) (one page left out)"
pdfinfo "$opdf" | grep -q "^Title: *東京都の区市町村における生成AIの活用状況" || fail "override: title not changed"
pdftotext "$opdf" - | tr -d '\n ' >"$tmp/o.txt"
grep -q "東京都デジタルサービス局との共同作成" "$tmp/o.txt" || fail "override: cover line missing"
grep -q "区市町村の回答は東京都が取りまとめた" "$tmp/o.txt" || fail "override: extra note missing"
grep -q "人材確保の取組（全国との比較）" "$tmp/o.txt" && fail "override: the omitted page is still there"
p27=$(pdfinfo "$tmp/o/prefectures/27_大阪府.pdf" | awk '/^Pages:/ {print $2}')
pdftotext "$tmp/o/prefectures/27_大阪府.pdf" - | grep -q "人材確保の取組（全国との比較）" ||
    fail "the override of 13 changed 27 ($p27 pages)"

# 3. A broken override fails only its prefecture: exit 4, file:line named,
#    the last good PDF kept, the other prefecture written, no temporary files.
cp "$opdf" "$tmp/keep.pdf"
cp tests/prefecture/13_bad.ini "$tmp/layouts/prefectures/13.ini"
rm -f "$tmp/o/prefectures/27_大阪府.pdf"
"$bin" build -q --only 13,27 --layouts "$tmp/layouts" --out "$tmp/o" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 4 ] || fail "broken override: exit $rc, expected 4"
grep -q "13_東京都: .*prefectures/13.ini:5: unknown key" "$tmp/err" || fail "broken override: message: $(cat "$tmp/err")"
cmp -s "$tmp/keep.pdf" "$opdf" || fail "broken override: the last good 13_東京都.pdf was not kept"
[ -s "$tmp/o/prefectures/27_大阪府.pdf" ] || fail "broken override of 13 stopped 27"
find "$tmp/o" -name '*.tmp*' | grep -q . && fail "temporary files left behind"

# 4. The national appendix: the 47 prefectures in rank order; switched off.
"$bin" build -q --only national --out "$tmp/n" || fail "build --only national exited $?"
npages=$(pdfinfo "$tmp/n/national.pdf" | awk '/^Pages:/ {print $2}')
[ "$npages" = 20 ] || fail "national: $npages pages, expected 20 with the appendix"
# (its order, ranks and shares: check_prefs.py, from data/)
pdftotext -raw -f "$npages" -l "$npages" "$tmp/n/national.pdf" - | grep -q "^1 " ||
    fail "appendix: the last page has no ranking"
sed -i 's/^appendix *=.*/appendix = false/' "$tmp/layouts/deck.ini"
"$bin" build -q --only national --layouts "$tmp/layouts" --out "$tmp/n2" || fail "appendix off: exit $?"
npages=$(pdfinfo "$tmp/n2/national.pdf" | awk '/^Pages:/ {print $2}')
[ "$npages" = 19 ] || fail "appendix = false: $npages pages, expected 19"

# 5. Body sheets of two bodies: one page each, the body named.
"$bin" build -q --bodies --only 131016,472018 --out "$tmp/b" || fail "--bodies --only exited $?"
nb=$(ls "$tmp/b/bodies"/*.pdf | wc -l)
[ "$nb" = 2 ] || fail "--only of two bodies wrote $nb sheets"
ns=$(ls "$tmp/b/bodies"/*.numbers.csv | wc -l)
[ "$ns" = 2 ] || fail "--only of two bodies wrote $ns provenance sidecars"
for f in "$tmp"/b/bodies/*.pdf; do
    [ "$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')" = 1 ] || fail "$(basename "$f") is not one page"
    name=$(basename "$f" .pdf | sed 's/^[0-9]*_//')
    pdftotext "$f" - | grep -q "$name" || fail "$(basename "$f") does not name $name"
done

# 6. --only with a name that is nothing: usage error.
"$bin" build -q --only national,99 --out "$tmp/x" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] || fail "--only 99: exit $rc, expected 2"
grep -q '"99"' "$tmp/err" || fail "--only 99: message does not quote the token"

# Appearance of three reports of different size (東京都 62 municipalities
# and 3 designated-city-free table pages, 鳥取県 19 and the smallest bases,
# 北海道 179 and a designated city): every page against its 30 dpi
# reference, tile by tile with tolerance 0 as in test_deck.sh.
"$bin" build -q --only 31,01 --out "$tmp/a" || fail "build --only 31,01 exited $?"
mkdir -p "$diffs"
for code in 13 31 01; do
    doc=$(ls "$tmp/a/prefectures/${code}_"*.pdf)
    n=$(pdfinfo "$doc" | awk '/^Pages:/ {print $2}')
    pdftoppm -png -r 30 "$doc" "$tmp/v$code" || fail "pdftoppm failed"
    nref=0
    for ref in "$src"/tests/visual/prefecture-$code/p*.png; do
        [ -e "$ref" ] || { fail "no references in tests/visual/prefecture-$code (scripts/refresh-visual.sh)"; break; }
        nref=$((nref + 1))
        page=$(basename "$ref" .png | sed 's/^p//')
        "$vdiff" --label "$code page $page" --tol "${AIREPORT_VISUAL_TOL:-0}" \
            --diff "$diffs/pref$code-p$page.png" "$ref" "$tmp/v$code-$page.png" >"$tmp/vd.txt" ||
            { cat "$tmp/vd.txt"; fail "report $code page $page looks different from $ref (see $diffs/pref$code-p$page.png)"; }
    done
    [ "$nref" -eq "$n" ] || fail "$nref reference pages of $code, the report has $n"
done
rmdir "$diffs" 2>/dev/null # kept only when it holds a picture of a change

if [ "$fails" -eq 0 ]; then echo "test_prefecture: all checks passed"; else echo "test_prefecture: $fails failed"; exit 1; fi
