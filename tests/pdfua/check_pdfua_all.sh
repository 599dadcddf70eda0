#!/bin/sh
# check_pdfua_all.sh PYTHON CHECKER OUT_DIR
# Every condition of the PDF/UA checker on every document of the
# `documents` build: the national deck, the 47 prefecture reports and the
# body sheets it samples (two processes).
set -u
py=$1 checker=$2 out=$3
set -- "$out"/prefectures/*.pdf
[ $# -eq 47 ] || { echo "check_pdfua_all: $# prefecture reports in $out, expected 47"; exit 1; }
set -- "$out"/bodies/*.pdf
[ -s "$1" ] || { echo "check_pdfua_all: no body sheets in $out/bodies"; exit 1; }
bodies=$#
set -- "$out/national.pdf" "$out"/prefectures/*.pdf "$out"/bodies/*.pdf
"$py" "$checker" --jobs 2 "$@" || exit 1
echo "check_pdfua_all: $# documents pass (national, 47 reports, $bodies body sheets)"
