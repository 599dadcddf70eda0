#!/bin/sh
# test_next_edition.sh AIREPORT SOURCE_DIR - the rehearsal of the next
# edition (issue 17): the steps of README.md's "A new survey year", taken
# as a user takes them, in a temporary folder that links the checkout's
# layouts/ and fonts/ (so nothing under layouts/ is touched) and data/ (the
# previous edition). The new year's files, which the ministry would bring,
# are made by tests/edition/next_year.py from the latest year (bodies move
# forward, counts drift, a service added to the questionnaire is named).
# tests/edition/check_edition.py then checks the edition against its own
# reading of the files: the cover date, the years on every page, P2's
# notes, the added option, P17's lead, and the diff per page.
set -eu
bin=$1
src=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
ln -s "$src/layouts" layouts
ln -s "$src/fonts" fonts
ln -s "$src/data" data
aireport() { "$bin" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }

# --- README.md, "A new survey year" -----------------------------------------
# 1. The new edition's data folder: a copy of the previous one.
cp -r data/ data-r8
# 2. survey.ini: the year's section, its key appended to `years`.
cat >>data-r8/survey.ini <<'INI'

[R8]
label       = 令和8年度
as_of       = 2026-10-30
period_from = 2026-10-30
period_to   = 2026-11-27
published   = 2027-04-23
answers     = R8/answers.csv
services    = R8/services.csv
cases       = R8/cases.csv
INI
sed -i 's/^years *=.*/years    = R5, R6, R7, R8/' data-r8/survey.ini
# 3. An option the questionnaire added this year: its label and `N.since`.
sed -i -e '/^\[Q5\]/,/^\[Q6\]/s/^options *= *10$/options = 11/' \
       -e '/^\[Q5\]/,/^\[Q6\]/s/^10 *= *その他$/&\n11 = 生成AIエージェントサービス\n11.since = R8/' \
       data-r8/codebook.ini
# 4. The year's files: answers.csv, services.csv, cases.csv.
mkdir data-r8/R8
python3 "$src/tests/edition/next_year.py" data-r8 R7 R8 # in real life: the ministry's files
# 5. Check, build, compare with the previous edition.
aireport --data data-r8 check || fail "check of the new edition (exit $?)"
aireport --data data-r8 --out out-r8 build || fail "build of the new edition (exit $?)"
status=0
aireport diff --latest data data-r8 >diff.txt || status=$?
# ---------------------------------------------------------------------------
[ "$status" -eq 1 ] || fail "diff --latest: exit $status, expected 1 (numbers changed)"

# The previous edition is untouched: nothing under the checkout changed.
[ ! -e "$src/data/R8" ] || fail "the rehearsal wrote into the checkout's data/"
python3 "$src/tests/edition/check_edition.py" "$src" data data-r8 out-r8 diff.txt
