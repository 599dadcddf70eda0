#!/bin/sh
# check_sample.sh GENSAMPLE DATA_DIR - regenerates the synthetic sample into a
# temporary directory and compares every generated file byte for byte with
# the committed DATA_DIR, so that data/ is always what tools/gensample makes.
set -u
gensample=$1
data=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$gensample" "$tmp/out" 2>"$tmp/stderr" || { cat "$tmp/stderr"; echo "gensample failed"; exit 1; }

# Exactly one summary line on stderr, nothing on stdout.
lines=$(wc -l <"$tmp/stderr")
if [ "$lines" -ne 1 ]; then
    cat "$tmp/stderr"; echo "expected one summary line on stderr, got $lines"; exit 1
fi

status=0
count=0
for f in bodies.csv R5/answers.csv R5/services.csv R6/answers.csv R6/services.csv \
         R7/answers.csv R7/services.csv R7/cases.csv; do
    count=$((count + 1))
    if [ ! -f "$tmp/out/$f" ]; then
        echo "gensample did not write $f"; status=1
    elif ! cmp -s "$tmp/out/$f" "$data/$f"; then
        echo "$data/$f differs from what gensample writes (regenerate: gensample data):"
        diff "$tmp/out/$f" "$data/$f" | head -5
        status=1
    fi
done
# Nothing else is generated that the list above forgets.
made=$(cd "$tmp/out" && find . -type f | wc -l)
if [ "$made" -ne "$count" ]; then
    echo "gensample wrote $made files, the check compares $count"; status=1
fi
[ $status -eq 0 ] && echo "sample reproducible: $count files identical"
exit $status
