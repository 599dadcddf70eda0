#!/bin/sh
# `aireport init DIR [YEAR]`: a new survey edition in the documented format,
# refused over a folder that is not empty, checkable (clear errors while
# empty, clean once filled); and the hint where there is no data at all.
# Usage: test_init.sh AIREPORT SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# run NAME WANT_STATUS COMMAND...: stdout in $tmp/out, stderr in $tmp/err
run() {
    name=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ] || { fail "$name: exit $got, expected $want"; cat "$tmp/err"; }
}
# has FILE TEXT NAME
has() { grep -qF -- "$2" "$tmp/$1" || { fail "$3: $1 lacks \"$2\""; cat "$tmp/$1"; }; }
mkdir "$tmp/work" && cd "$tmp/work" || exit 1

# 1. init writes every file; the CSV header lines are those of the sample
#    data (docs/data-format.md), the codebook the repository's.
run init 0 "$bin" init ed R8
for f in survey.ini codebook.ini bodies.csv R8/answers.csv R8/services.csv R8/cases.csv; do
    [ -f "ed/$f" ] || fail "init did not write $f"
    has out "$f" "init names $f in what to fill in"
done
cmp -s ed/codebook.ini "$src/data/codebook.ini" || fail "codebook.ini is not the installed codebook"
[ "$(cat ed/bodies.csv)" = "$(head -n 1 "$src/data/bodies.csv")" ] ||
    fail "bodies.csv is not the header line of the format: $(cat ed/bodies.csv)"
for f in answers services cases; do
    [ "$(cat "ed/R8/$f.csv")" = "$(head -n 1 "$src/data/R7/$f.csv")" ] ||
        fail "R8/$f.csv is not the header line of the format: $(cat "ed/R8/$f.csv")"
done
grep -qx 'years *= *R8' ed/survey.ini || fail "survey.ini: years is not R8"
grep -qx '\[R8\]' ed/survey.ini || fail "survey.ini: no [R8] section"
grep -qx 'label *= *令和8年度' ed/survey.ini || fail "survey.ini: label is not 令和8年度"
grep -q '@[A-Z]*@' ed/survey.ini && fail "survey.ini: a placeholder of the skeleton is left"

# 2. A second init over it is refused, exit 2, and changes nothing; so is a
#    plain file, a bad year and a missing DIR. An empty folder is fine.
find ed -type f -exec cksum {} + | sort >"$tmp/before"
run init-again 2 "$bin" init ed R8
has err "not empty" init-again
find ed -type f -exec cksum {} + | sort >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" || fail "a refused init changed the folder"
: >plainfile
run init-file 2 "$bin" init plainfile
run init-year 2 "$bin" init ed2 2026
has err "R8" init-year
[ -e ed2 ] && fail "init with a bad year created the folder"
run init-nodir 2 "$bin" init
mkdir empty
run init-empty 0 "$bin" init empty R9
[ -f empty/R9/answers.csv ] || fail "init into an empty folder wrote no R9/answers.csv"
run init-default-year 0 "$bin" init dflt
ls dflt | grep -qx 'R[0-9][0-9]*' || fail "init without YEAR made no year folder: $(ls dflt)"

# 3. A write that fails half way leaves nothing behind, exit 5 (a full
#    disk, simulated by a file size limit; SIGXFSZ ignored so write fails).
(trap '' XFSZ; ulimit -f 1; exec "$bin" init full R8) >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 5 ] || fail "init on a full disk: exit $rc, expected 5"
[ -e full ] && fail "init on a full disk left $(find full)"

# 4. check on the fresh edition: clear errors naming what to fill in, exit 3.
run check-empty 3 "$bin" check --data ed
has err "ed/survey.ini:" check-empty
has err "as_of: missing" check-empty
has err "ed/bodies.csv:1: only a header row" check-empty

# 5. Filled with the sample's R7 rows under its headers, the edition loads
#    and gives the sample's R7 figures.
run init-r7 0 "$bin" init r7 R7
tail -n +2 "$src/data/bodies.csv" >>r7/bodies.csv
for f in answers services cases; do tail -n +2 "$src/data/R7/$f.csv" >>"r7/R7/$f.csv"; done
sed 's/^as_of *=.*/as_of = 2025-10-31/' r7/survey.ini >r7/s && mv r7/s r7/survey.ini
run check-filled 0 "$bin" check --data r7
"$bin" figures --data r7 | awk -F, '$3 == "R7"' | sort >"$tmp/r7.csv"
"$bin" figures --data "$src/data" | awk -F, '$3 == "R7"' | sort >"$tmp/sample.csv"
[ -s "$tmp/sample.csv" ] || fail "no R7 figures from the sample"
cmp -s "$tmp/r7.csv" "$tmp/sample.csv" || fail "the filled edition's R7 figures differ from the sample's"

# 6. No data here: `aireport` and `aireport build` say where they looked and
#    what to do.
mkdir nodata && cd nodata || exit 1
run bare 2 "$bin"
has err "no survey data" bare
has err "$tmp/work/nodata" bare
has err "--data DIR" bare
has err "aireport init DIR" bare
run build-nodata 5 "$bin" build --out out
has err "no survey data" build-nodata
has err "aireport init DIR" build-nodata
run check-missing 5 "$bin" check --data elsewhere
has err "there is no folder elsewhere" check-missing

if [ "$fails" -eq 0 ]; then echo "test_init: all checks passed"; else echo "test_init: $fails failed"; exit 1; fi
