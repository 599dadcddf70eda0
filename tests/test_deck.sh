#!/bin/sh
# test_deck.sh - the national deck end to end: render it from data/ twice
# with SOURCE_DATE_EPOCH and check what a reader and the CI job see.
#
#   test_deck.sh DECK_DRIVER VISUAL_DIFF SOURCE_DIR
#
# Checks: 20 pages (19 + the appendix ranking, deck.ini appendix = true); every
# page title and the published numbers
# (sample-targets.md) in the text; fonts embedded and subset; no images;
# qpdf --check clean; under 300 KB; byte-identical output of two runs; each
# page, tile by tile, the same as tests/visual/pNN.png (refresh those with
# scripts/refresh-visual.sh after an intended change of the look).
set -u
driver=$1
vdiff=$2
src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

export SOURCE_DATE_EPOCH=1777000000
"$driver" "$src/data" "$src/fonts/fonts.ini" "$src/layouts" "$tmp/a.pdf" || { echo "FAIL: render"; exit 1; }
"$driver" "$src/data" "$src/fonts/fonts.ini" "$src/layouts" "$tmp/b.pdf" || { echo "FAIL: second render"; exit 1; }
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" || bad "two runs with SOURCE_DATE_EPOCH differ"

pages=$(pdfinfo "$tmp/a.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 20 ] || bad "pdfinfo: $pages pages, expected 20"

size=$(wc -c <"$tmp/a.pdf")
[ "$size" -lt 307200 ] || bad "PDF is $size bytes, expected under 300 KB"

pdftotext "$tmp/a.pdf" "$tmp/a.txt" || bad "pdftotext failed"
# pdftotext may put a line break inside a wrapped sentence: search the text
# with line breaks removed too.
tr -d '\n' <"$tmp/a.txt" >"$tmp/flat.txt"
has() { grep -qF -- "$1" "$tmp/a.txt" || grep -qF -- "$1" "$tmp/flat.txt"; }

for title in 自治体における生成AI導入状況 調査の概要 生成AIの導入状況 団体区分別の導入状況 \
    生成AIの活用事例 自治体における生成AIの導入効果 導入効果の活用方法 生成AIの導入における課題 \
    導入している生成AIのサービス ガイドラインの策定状況 導入状況別のガイドライン策定状況 \
    生成AIに入力可能な情報の機密性分類 契約方法 カスタマイズ状況 カスタマイズ方法 \
    カスタマイズ対象の業務知識 人材確保の取組 生成AIの活用パターン 導入コスト・ランニングコスト; do
    has "$title" || bad "title not in the text: $title"
done

# The published numbers of the R7 edition, as the lead sentences print them.
for n in 1,788団体 1,323団体 1,244団体 94.0% 95.5% 45.6% 853団体 81% 38% 654件 49件 741件 \
    616件 390件 1,353件 329件 1,359件 705件 468件 637件 622件 5.1万人 5.8万人 18.6万人 \
    9.4万人 17.5万人 月51時間（73%） 令和7年10月31日 令和8年4月24日版; do
    has "$n" || bad "published number not in the text: $n"
done
for s in 「あいさつ文案の作成」、「議事録の要約」、「議会の想定問答の文案の作成」、「メール文案の作成」、「企画書案の作成」 \
    「AI生成物の正確性への懸念がある」、「取り組むための人材がない又は不足している」、「要機密情報流出の懸念がある」 \
    「マニュアル」、「議会会議録」、「法令」、「FAQ集」、「計画」 \
    「QommonsAI」、「LoGoAIアシスタント」、「自治体AI zevo」、「exaBase生成AI for 自治体」 \
    サンプルデータ（合成）による再現; do
    has "$s" || bad "ranking or label not in the text: $s"
done

pdffonts "$tmp/a.pdf" >"$tmp/fonts.txt" || bad "pdffonts failed"
nfonts=$(awk 'NR > 2' "$tmp/fonts.txt" | wc -l)
[ "$nfonts" -ge 1 ] || bad "no fonts in the PDF"
# columns: name type encoding emb sub uni object ID (two fields)
awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") {print; bad=1} END {exit bad}' \
    "$tmp/fonts.txt" || bad "a font is not embedded, not subset or has no ToUnicode"

nimages=$(pdfimages -list "$tmp/a.pdf" | awk 'NR > 2' | wc -l)
[ "$nimages" = 0 ] || bad "$nimages images in the PDF; charts must be vector"

qpdf --check "$tmp/a.pdf" >"$tmp/qpdf.txt" 2>&1 || { cat "$tmp/qpdf.txt"; bad "qpdf --check"; }
grep -q "No syntax or stream encoding errors" "$tmp/qpdf.txt" || bad "qpdf reports problems"

# Appearance: every page against its reference at 30 dpi, tile by tile
# (visual_diff.c). Rendering is deterministic: an unchanged build scores 0 in
# every tile, so the tolerance is 0 (AIREPORT_VISUAL_TOL raises it, e.g. for
# another poppler's anti-aliasing; measure before raising). A changed page
# prints its changed regions (x, y, w, h in px of the 30 dpi image) and leaves
# a picture of them in visual-diff/ of the test's working folder.
tol=${AIREPORT_VISUAL_TOL:-0}
pdftoppm -png -r 30 "$tmp/a.pdf" "$tmp/p" || bad "pdftoppm failed"
mkdir -p visual-diff
for ref in "$src"/tests/visual/p*.png; do
    [ -e "$ref" ] || { bad "no reference images in tests/visual (scripts/refresh-visual.sh)"; break; }
    page=$(basename "$ref" .png | sed 's/^p//')
    "$vdiff" --label "national page $page" --tol "$tol" --diff "visual-diff/national-p$page.png" \
        "$ref" "$tmp/p-$page.png" >"$tmp/vd.txt"
    rc=$?
    [ $rc = 0 ] || { cat "$tmp/vd.txt"; bad "page $page looks different from $ref (see $PWD/visual-diff/national-p$page.png)"; }
done
rmdir visual-diff 2>/dev/null # kept only when it holds a picture of a change
nref=$(ls "$src"/tests/visual/p*.png 2>/dev/null | wc -l)
[ "$nref" = 20 ] || bad "$nref reference pages in tests/visual, expected 20"

[ $fail = 0 ] && echo "test_deck: all checks passed"
exit $fail
