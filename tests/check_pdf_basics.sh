#!/bin/sh
# check_pdf_basics.sh TEST_PDFWRITER WORKDIR
# Writes the 2-page test document twice and inspects it with poppler and
# qpdf: text extractable, fonts embedded as subsets with ToUnicode, a clean
# file structure, the document information, no images, no reader warnings,
# byte-identical output with SOURCE_DATE_EPOCH. A missing tool is a failure.
set -u
prog=$1
work=$2
fail=0
err() { echo "check_pdf_basics: $*" >&2; fail=1; }

for tool in pdftotext pdffonts pdfinfo pdfimages qpdf cmp; do
    command -v "$tool" >/dev/null 2>&1 || { echo "check_pdf_basics: required tool '$tool' not found (install poppler-utils / qpdf)" >&2; exit 1; }
done

mkdir -p "$work" || exit 1
a=$work/basics-a.pdf
b=$work/basics-b.pdf
SOURCE_DATE_EPOCH=1777000000 "$prog" "$a" >/dev/null 2>"$work/run-a.err" || err "writing $a failed: $(cat "$work/run-a.err")"
SOURCE_DATE_EPOCH=1777000000 "$prog" "$b" >/dev/null 2>"$work/run-b.err" || err "writing $b failed"
[ -s "$a" ] || { err "no PDF written"; exit 1; }
cmp -s "$a" "$b" || err "two runs with SOURCE_DATE_EPOCH differ"

# Each tool's stderr must stay empty (e.g. no "Invalid 'begincidrange' operator").
run() {
    name=$1; shift
    "$@" >"$work/$name.out" 2>"$work/$name.err" || err "$name exited with status $?"
    [ -s "$work/$name.err" ] && err "$name warned: $(cat "$work/$name.err")"
}
run pdftotext pdftotext "$a" -
run pdffonts pdffonts "$a"
run pdfinfo env TZ=UTC pdfinfo "$a"
run pdfimages pdfimages -list "$a"
run qpdf qpdf --check "$a"

for s in 自治体における生成AI導入状況 1,788 45.6% QommonsAI 総務省; do
    grep -qF "$s" "$work/pdftotext.out" || err "pdftotext lacks '$s'"
done
# every font row: embedded yes, subset yes, unicode yes
rows=$(tail -n +3 "$work/pdffonts.out" | wc -l)
good=$(tail -n +3 "$work/pdffonts.out" | grep -cE 'yes +yes +yes')
[ "$rows" -ge 1 ] && [ "$rows" -eq "$good" ] || err "fonts not all embedded subsets with ToUnicode: $(cat "$work/pdffonts.out")"
grep -q '^Title: *自治体における生成AI導入状況（令和7年度）$' "$work/pdfinfo.out" || err "pdfinfo title: $(grep Title "$work/pdfinfo.out")"
grep -q '^Author: *総務省 情報流通行政局地域通信振興課$' "$work/pdfinfo.out" || err "pdfinfo author: $(grep Author "$work/pdfinfo.out")"
grep -q '^Pages: *2$' "$work/pdfinfo.out" || err "pdfinfo pages"
grep -q '^CreationDate: *Fri Apr 24 03:06:40 2026 UTC$' "$work/pdfinfo.out" || err "creation date not from SOURCE_DATE_EPOCH: $(grep CreationDate "$work/pdfinfo.out")"
imgs=$(tail -n +3 "$work/pdfimages.out" | wc -l)
[ "$imgs" -eq 0 ] || err "the document has $imgs images; charts must be vector paths"
grep -q 'No syntax or stream encoding errors found' "$work/qpdf.out" || err "qpdf --check: $(cat "$work/qpdf.out")"

[ $fail -eq 0 ] && echo "check_pdf_basics: ok"
exit $fail
