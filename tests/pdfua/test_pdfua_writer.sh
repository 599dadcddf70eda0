#!/bin/sh
# test_pdfua_writer.sh PYTHON CHECKER TEST_PDFWRITER WORKDIR
# The PDF/UA checker on test_pdfwriter's two documents: the tagged one (a
# heading on each page, a list, a figure, a table with header row and a
# cell spanning rows, artifacts) passes every condition; the untagged one,
# tagged by the writer's fallback, passes the document-level ones. Then the
# checker's self-test on the tagged document: each of its mutations must be
# reported as exactly the condition it breaks.
set -u
py=$1 checker=$2 prog=$3 work=$4
fail=0
rm -rf "$work" && mkdir -p "$work" || exit 1
SOURCE_DATE_EPOCH=1777000000 "$prog" "$work/untagged.pdf" "$work/tagged.pdf" >"$work/prog.out" 2>&1 ||
    { cat "$work/prog.out"; echo "test_pdfua_writer: test_pdfwriter failed"; exit 1; }
"$py" "$checker" --checks all "$work/tagged.pdf" || fail=1
"$py" "$checker" --checks document "$work/untagged.pdf" || fail=1
"$py" "$checker" --self-test "$work/tagged.pdf" || fail=1
exit $fail
