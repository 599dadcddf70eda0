#!/bin/sh
# `aireport build --watch`: builds, then rebuilds on every change, without a
# restart. Every wait polls with a timeout (no fixed sleeps).
#   1. --only national on a copy of layouts/: an edited page title (saved
#      by rename, as editors do) is in national.pdf after the rebuild line;
#      an invalid edit gives the error line and keeps national.pdf byte for
#      byte; while it runs, a build into the same --out with --no-wait
#      fails naming it (the watch holds the folder's lock for its life);
#      SIGINT ends it with exit 0, the lock file emptied, no temporary file
#      left.
#   2. --only national,13 on copies of data/ and layouts/: a prefecture's
#      override rebuilds that report only, a page the national deck only,
#      the theme, a new subfolder and the data everything.
# Usage: test_watch.sh AIREPORT SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
cd "$src" || exit 1

# wait_for N PATTERN: until the log has N lines and its N-th matches
# PATTERN (grep -E); 10 s at most. The rebuild lines are on stdout.
wait_for() {
    i=0
    while [ "$i" -lt 200 ]; do
        if [ "$(wc -l <"$tmp/log")" -ge "$1" ]; then
            sed -n "$1p" "$tmp/log" | grep -qE -- "$2" && return 0
            fail "line $1 of the watch is not /$2/: $(sed -n "$1p" "$tmp/log")"
            return 1
        fi
        kill -0 "$pid" 2>/dev/null || { fail "the watch ended early"; cat "$tmp/err"; return 1; }
        sleep 0.05
        i=$((i + 1))
    done
    fail "no line $1 /$2/ within 10 s; log: $(cat "$tmp/log")"
    return 1
}
# stop: SIGINT, then the exit status within 10 s
stop() {
    kill -INT "$pid"
    i=0
    while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    wait "$pid"
    rc=$?
    pid=
    [ "$rc" -eq 0 ] || fail "SIGINT: exit $rc, expected 0"
}
# save FILE: FILE changed by an editor that writes a new file and renames
# it over the old one (stdin is the new content)
save() { cat >"$1.new" && mv "$1.new" "$1"; }

"$bin" figures --watch >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'option of build' "$tmp/err" || fail "figures --watch: not a usage error"

# --- 1 ----------------------------------------------------------------------
cp -r layouts "$tmp/lay"
page=$tmp/lay/pages/p03_status.ini
: >"$tmp/log" # before the background job opens it: wait_for reads it at once
"$bin" build --watch --only national --layouts "$tmp/lay" --out "$tmp/out" \
    >"$tmp/log" 2>"$tmp/err" &
pid=$!
wait_for 1 'first build.*: everything selected \(--only national\): 1 document in'
[ -s "$tmp/out/national.pdf" ] || fail "no national.pdf after the first build"

sed 's/^title = 生成AIの導入状況$/title = 監視で変えた題名/' "$page" | save "$page"
grep -q 監視で変えた題名 "$page" || fail "the test's edit did not change $page"
wait_for 2 'p03_status.ini changed: national: 1 document in'
pdftotext "$tmp/out/national.pdf" - | grep -q 監視で変えた題名 ||
    fail "national.pdf lacks the new title after the rebuild"

cp "$tmp/out/national.pdf" "$tmp/good.pdf"
printf 'no_such_key = 1\n' >>"$page" # written in place: IN_CLOSE_WRITE
wait_for 3 'p03_status.ini changed: national: FAILED \(exit 4'
grep -q 'p03_status.ini:[0-9]*: unknown key `no_such_key`' "$tmp/err" ||
    fail "no message naming the file, line and key: $(cat "$tmp/err")"
cmp -s "$tmp/good.pdf" "$tmp/out/national.pdf" || fail "national.pdf changed after an invalid edit"

"$bin" build -q --no-wait --only national --layouts "$tmp/lay" --out "$tmp/out" \
    >"$tmp/other" 2>&1
rc=$?
[ "$rc" -eq 5 ] || fail "a build beside the watch: exit $rc, expected 5 (--no-wait)"
grep -q "another aireport run is writing into $tmp/out (pid=$pid " "$tmp/other" ||
    fail "a build beside the watch does not name it: $(cat "$tmp/other")"
stop
[ -s "$tmp/out/.aireport.lock" ] && fail "the lock file still names the watch after it ended"
left=$(find "$tmp/out" -name '.*' ! -name .aireport.lock)
[ -z "$left" ] || fail "the watch left temporary files: $left"

# --- 2 ----------------------------------------------------------------------
rm -rf "$tmp/lay" "$tmp/out"
cp -r layouts "$tmp/lay"
cp -r data "$tmp/data"
: >"$tmp/log"
"$bin" build --watch --only national,13 --data "$tmp/data" --layouts "$tmp/lay" \
    --out "$tmp/out" >"$tmp/log" 2>"$tmp/err" &
pid=$!
wait_for 1 'first build.*: 2 documents in'
mkdir "$tmp/lay/prefectures" # a new folder: watched from now on
wait_for 2 'prefectures changed: everything selected .*: 2 documents'
printf '[report]\nnote = 監視した注記\n' | save "$tmp/lay/prefectures/13.ini"
wait_for 3 'prefectures/13.ini changed: prefecture 13: 1 document in'
pdftotext "$tmp/out/prefectures/13_東京都.pdf" - | grep -q 監視した注記 ||
    fail "13_東京都.pdf lacks the override's note"
printf '[report]\nnote = 大阪の注記\n' | save "$tmp/lay/prefectures/27.ini"
wait_for 4 'prefectures/27.ini changed: no selected document uses it'
touch "$tmp/lay/pages/p04_status_by_group.ini"
wait_for 5 'p04_status_by_group.ini changed: national: 1 document in'
touch "$tmp/lay/theme.ini"
wait_for 6 'theme.ini changed: everything selected .*: 2 documents in'
touch "$tmp/data/R7/answers.csv"
wait_for 7 'R7/answers.csv changed: everything selected .*: 2 documents in'
stop

if [ "$fails" -eq 0 ]; then echo "test_watch: all checks passed"; else cat "$tmp/log"; echo "test_watch: $fails failed"; exit 1; fi
