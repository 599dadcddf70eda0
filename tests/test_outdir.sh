#!/bin/sh
# test_outdir.sh AIREPORT SOURCE_DIR WORK - one build per output folder, and
# no temporary file left behind (src/core/include/outdir.h):
#   1. temporary files of a run that died are removed by the next build
#      (a user's own hidden file stays);
#   2. while a build holds --out, a second one with --no-wait fails (exit 5)
#      naming the first (its pid), and one without waits, saying so, and
#      builds once the first is gone;
#   3. SIGTERM, and SIGINT, sent while a temporary file exists (the run is
#      stopped with SIGSTOP first, so that the file is there when the
#      signal arrives) end the run by that signal and leave no temporary
#      file; the previous outputs stay.
set -u
bin=$1
src=$2
work=$3
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
rm -rf "$work"
mkdir -p "$work"
out=$work/out
export SOURCE_DATE_EPOCH=1700000000
common="--data $src/data --layouts $src/layouts --fonts $src/fonts/fonts.ini --out $out"
side_files() { find "$out" \( -name '.*.tmp-*' -o -name '.*.bak-*' \) -print; }
pids=
cleanup() { for p in $pids; do kill -CONT "$p" 2>/dev/null; kill -KILL "$p" 2>/dev/null; done; }
trap cleanup EXIT

# waits (up to 60 s) until the command "$@" succeeds
wait_for() {
    i=0
    while ! "$@"; do
        i=$((i + 1))
        [ "$i" -lt 600 ] || return 1
        sleep 0.1
    done
}

# --- 1. stale temporary files ------------------------------------------------
mkdir -p "$out/bodies" "$out/prefectures"
printf x >"$out/.national.pdf.tmp-AbC123"
printf x >"$out/bodies/.402087_サンプル市208.pdf.tmp-XyZ789"
printf x >"$out/prefectures/.13_東京都.pdf.bak-1a2b-3"
printf keep >"$out/.keepme"
# shellcheck disable=SC2086
"$bin" $common build -q --only national >"$work/stale.log" 2>&1 || fail "stale: build exited $?"
[ -z "$(side_files)" ] || fail "stale: temporary files of a dead run remain: $(side_files)"
[ -f "$out/.keepme" ] || fail "stale: a user's hidden file was removed"
[ -s "$out/national.pdf" ] || fail "stale: no national.pdf"

# --- 2. the lock -------------------------------------------------------------
# The holder: every body sheet on one thread (long enough to be caught).
# shellcheck disable=SC2086
"$bin" $common build -j 1 --bodies >"$work/holder.log" 2>&1 &
holder=$!
pids="$pids $holder"
wait_for grep -q "pid=$holder" "$out/.aireport.lock" 2>/dev/null ||
    fail "lock: the lock file does not name the holder: $(cat "$out/.aireport.lock")"

# shellcheck disable=SC2086
"$bin" $common build --no-wait --only national >"$work/nowait.log" 2>&1
st=$?
[ "$st" = 5 ] || fail "lock: --no-wait exited $st, expected 5: $(cat "$work/nowait.log")"
grep -q "another aireport run is writing into $out (pid=$holder " "$work/nowait.log" ||
    fail "lock: --no-wait does not name the other run: $(cat "$work/nowait.log")"

# shellcheck disable=SC2086
"$bin" $common build --only national >"$work/waiter.log" 2>&1 &
waiter=$!
pids="$pids $waiter"
wait_for grep -q "waiting for it to finish" "$work/waiter.log" ||
    fail "lock: the second run does not say it waits: $(cat "$work/waiter.log")"
sleep 0.5
kill -0 "$waiter" 2>/dev/null || fail "lock: the second run did not wait"

# --- 3. SIGTERM while a temporary file exists --------------------------------
# stop_on_temp PID: stops PID at a moment when one of its temporary files
# exists: stop, look (a shell glob, no process started), go on, again.
has_temp() {
    # any document's: the first ones are written long before the body sheets
    # (a slow build, e.g. under a sanitizer, would otherwise hit the timeout)
    for f in "$out"/.*.tmp-* "$out"/*/.*.tmp-* "$out"/*/*/.*.tmp-*; do
        [ -e "$f" ] && return 0
    done
    return 1
}
stop_on_temp() {
    # first, unhindered, until it writes (stopping it over and over before
    # then would only slow it down)
    wait_for has_temp || return 1
    i=0
    while [ "$i" -lt 20000 ]; do
        kill -STOP "$1" 2>/dev/null || return 1
        has_temp && return 0
        kill -CONT "$1"
        i=$((i + 1))
    done
    return 1
}
# interrupt NAME PID SIGNAL STATUS LOG: stops PID with a temporary file
# present, sends SIGNAL, and expects the run to end with STATUS and leave no
# temporary file.
interrupt() {
    if ! stop_on_temp "$2"; then
        fail "$1: never caught the build with a temporary file"
        return
    fi
    kill "-$3" "$2"
    kill -CONT "$2"
    wait "$2"
    st=$?
    [ "$st" = "$4" ] || fail "$1: the run exited $st, expected $4 (killed by $1)"
    [ -z "$(side_files)" ] || fail "$1: temporary files left: $(side_files)"
    grep -q "interrupted" "$5" || fail "$1: no message: $(tail -3 "$5")"
}
interrupt SIGTERM "$holder" TERM 143 "$work/holder.log"

# the waiting run goes on once the lock is free
wait "$waiter"
st=$?
[ "$st" = 0 ] || fail "lock: the second run exited $st: $(cat "$work/waiter.log")"
[ -z "$(side_files)" ] || fail "lock: temporary files after the second run: $(side_files)"

# --- 3b. SIGINT (a shell starts background jobs with SIGINT ignored: perl
# resets it to the default, as a terminal's Ctrl-C would find it) --------------
# shellcheck disable=SC2086
perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' "$bin" $common build -j 1 --bodies \
    >"$work/int.log" 2>&1 &
runner=$!
pids="$pids $runner"
interrupt SIGINT "$runner" INT 130 "$work/int.log"
[ -s "$out/national.pdf" ] || fail "the previous national.pdf is gone"

if [ "$fails" -gt 0 ]; then
    echo "test_outdir: $fails failure(s)"
    exit 1
fi
echo "test_outdir: ok"
