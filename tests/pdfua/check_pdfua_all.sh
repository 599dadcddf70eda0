#!/bin/sh
# check_pdfua_all.sh PYTHON CHECKER OUT_DIR
# Every condition of the PDF/UA checker on every document of a whole build
# (the `documents` fixture): the national deck and the 47 prefecture
# reports. The body sheets share one layout; test_pdfua checks one of them.
set -u
py=$1 checker=$2 out=$3
set -- "$out/national.pdf" "$out"/prefectures/*.pdf
[ $# -eq 48 ] || { echo "check_pdfua_all: $# PDFs in $out, expected national.pdf and 47 reports"; exit 1; }
"$py" "$checker" --jobs 2 "$@" || exit 1
echo "check_pdfua_all: $# documents pass"
