#!/bin/sh
# build_outputs.sh AIREPORT SOURCE_DIR OUT - the documents the checks of
# tests/checks/ read (ctest fixture `documents`): the national deck and the
# 47 prefecture reports with their sidecars, and a sample of body sheets
# (body_sample.py), built from the committed data/ and layouts/.
set -eu
bin=$1 src=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
cd "$src"
export SOURCE_DATE_EPOCH=1777000000
"$bin" build -q -j 2 --out "$out"
"$bin" build -q -j 2 --bodies --only "$(python3 tests/checks/body_sample.py .)" --out "$out"
echo "build_outputs: $(find "$out" -name '*.pdf' | wc -l) PDFs in $out"
