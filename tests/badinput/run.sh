#!/bin/sh
# run.sh - runs one case of the bad-input catalogue (tests/badinput/README.md).
#
#   sh run.sh CASE AIREPORT SOURCE_DIR WORK_ROOT
#
# A case is a folder tests/badinput/CASE/ holding
#   setup.sh   sourced in a fresh work folder holding copies of the committed
#              inputs ($DATA, $LAYOUTS, $FONTS); it alters one of them with a
#              small sed/awk/printf step (large inputs are generated here, never
#              committed). It may also set OUT, FSIZE_LIMIT_BLOCKS, ARGS (more
#              arguments after the usual options, e.g. --only 012017) and
#              STDOUT (where the command's standard output goes, e.g.
#              /dev/full; default: with its messages).
#   after.sh   optional: sourced after the run (set -e), for what `output`
#              cannot say (a file that must not exist outside --out, ...).
#   expected   key = value lines:
#                command = check | build | both   (default both), or one
#                          other command word (diff, charts, --help,
#                          --version)
#                          | check-layouts        (`check --layouts` without
#                                                 --data: the templates alone)
#                exit    = N                      exit status of every command
#                message = TEXT                   must appear in stderr/stdout
#                                                 (repeatable; file:line:column and
#                                                 the text, never a bare number)
#                output  = unchanged | kept | none | written | custom
#                figures = pristine               (written) figures.csv equals
#                                                 the one of the unaltered inputs
#
# output: unchanged - the --out folder is seeded with a previous output file;
#                     afterwards it holds exactly the same files, byte for byte.
#         kept      - a good build runs first (before the fault is applied);
#                     the failing build must leave its files byte for byte
#                     (except index.html, the status page of the last run).
#         none      - the --out path does not exist afterwards.
#         written   - (controls) the build wrote figures.csv.
#         custom    - after.sh checks what the run left.
# Exit status: 0 pass, 1 fail.
set -u

case_name=$1
AIREPORT=$2
SRC=$3
WORK_ROOT=$4
# The setup runs inside the work folder: make every path absolute first.
abs() { case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
AIREPORT=$(abs "$AIREPORT")
SRC=$(abs "$SRC")
WORK_ROOT=$(abs "$WORK_ROOT")
CASE=$SRC/tests/badinput/$case_name

fail() {
    echo "FAIL [$case_name]: $*" >&2
    exit 1
}

[ -f "$CASE/expected" ] || fail "no $CASE/expected"
[ -x "$AIREPORT" ] || fail "no aireport binary at $AIREPORT"

# --- expected -------------------------------------------------------------
command=both
want_exit=
output=unchanged
figures=
messages=$WORK_ROOT/$case_name.messages
mkdir -p "$WORK_ROOT" || fail "cannot create $WORK_ROOT"
: >"$messages"
while IFS= read -r line || [ -n "$line" ]; do
    case $line in '#'* | '') continue ;; esac
    key=$(printf '%s' "${line%%=*}" | tr -d ' ')
    value=$(printf '%s' "${line#*=}" | sed 's/^ *//; s/ *$//')
    case $key in
    command) command=$value ;;
    exit) want_exit=$value ;;
    message)
        # A bare number ("9", "40") is found anywhere in the output (a line
        # number, a count): a message must say where and what.
        case $value in *[!0-9.,\ ]*) ;; *) fail "expected: message '$value' is a bare number; quote the whole message (file:line: text)" ;; esac
        printf '%s\n' "$value" >>"$messages" ;;
    output) output=$value ;;
    figures) figures=$value ;;
    *) fail "expected: unknown key '$key'" ;;
    esac
done <"$CASE/expected"
[ -n "$want_exit" ] || fail "expected: no exit = N"

# --- a fresh work folder with copies of the committed inputs ---------------
W=$WORK_ROOT/$case_name
rm -rf "$W"
mkdir -p "$W" || fail "cannot create $W"
DATA=$W/data
LAYOUTS=$W/layouts
FONTS=$W/fonts.ini
OUT=$W/out
cp -R "$SRC/data" "$DATA" || fail "cannot copy data/"
cp -R "$SRC/layouts" "$LAYOUTS" || fail "cannot copy layouts/"
# The HTML pages and their ~300 chart files (each written with an fsync)
# made a whole build 5x slower; a bad input is handled the same way for
# every kind of file, so only the control case builds them.
if [ "$case_name" != control ]; then
    for deck in "$LAYOUTS/deck.ini" "$LAYOUTS/prefecture.ini"; do
        sed -i 's/^\[deck\]$/[deck]\nweb = false/' "$deck" || fail "cannot switch off web in $deck"
    done
fi
cp "$SRC/fonts/fonts.ini" "$FONTS" || fail "cannot copy fonts/fonts.ini"
FSIZE_LIMIT_BLOCKS=
ARGS=
STDOUT=
# Documents a failing run still builds (the prefecture reports when only a
# national page is broken) must come out byte for byte as before: pin the
# PDF creation date.
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

# Standard output with the messages into $W/output.txt, or to $STDOUT.
redirect_output() {
    if [ -n "$STDOUT" ]; then
        exec >"$STDOUT" 2>"$W/output.txt"
    else
        exec >"$W/output.txt" 2>&1
    fi
}
# One place spells the command line. AIREPORT_WRAPPER (e.g. "valgrind -q
# --leak-check=full --error-exitcode=99", scripts/ci-hardening.sh) runs the
# binary under a checker: its error status cannot match an expected one.
run_aireport() { # run_aireport COMMAND -> output in $W/output.txt, status in $status
    (
        redirect_output
        if [ "$1" = check-layouts ]; then
            # no --data: the definitions come from ./data, the work folder's copy
            cd "$W" || exit 70
            # shellcheck disable=SC2086
            exec ${AIREPORT_WRAPPER:-} "$AIREPORT" check --out "$OUT" --layouts "$LAYOUTS" \
                --fonts "$FONTS" $ARGS
        fi
        # shellcheck disable=SC2086
        exec ${AIREPORT_WRAPPER:-} "$AIREPORT" "$1" --data "$DATA" --out "$OUT" --layouts "$LAYOUTS" \
            --fonts "$FONTS" $ARGS
    )
    status=$?
}

if [ "$output" = kept ]; then
    # The good build is the setting, not the subject: no checker for it.
    wrapper=${AIREPORT_WRAPPER:-}
    AIREPORT_WRAPPER=
    run_aireport build
    AIREPORT_WRAPPER=$wrapper
    [ "$status" = 0 ] || { cat "$W/output.txt"; fail "the good build before the fault exited $status"; }
    cp -Rp "$OUT" "$W/out.before" || fail "cannot snapshot the good output"
fi

# Paths in the setup refer to the variables above; `cd` keeps relative helper
# files inside the work folder.
cd "$W" || fail "cannot enter $W"
# shellcheck disable=SC1090,SC1091
. "$SRC/tests/badinput/lib.sh"
# Any failing step of the setup fails the case (set -e while sourcing it).
echo "--- setup.sh of $case_name"
set -e
# shellcheck disable=SC1090,SC1091
. "$CASE/setup.sh"
set +e

if [ "$output" = unchanged ]; then
    mkdir -p "$OUT" || fail "cannot create $OUT"
    printf 'previous good output\n' >"$OUT/figures.csv"
    cp -Rp "$OUT" "$W/out.before" || fail "cannot snapshot $OUT"
fi

# --- run ---------------------------------------------------------------------
check_run() { # check_run COMMAND
    if [ -n "$FSIZE_LIMIT_BLOCKS" ]; then
        # A full disk, simulated: writes past the limit fail with EFBIG as they
        # would with ENOSPC. SIGXFSZ is ignored (inherited across exec) so the
        # program sees the error instead of being killed by the signal.
        (
            trap '' XFSZ
            ulimit -f "$FSIZE_LIMIT_BLOCKS" || exit 99
            redirect_output
            # shellcheck disable=SC2086
            exec ${AIREPORT_WRAPPER:-} "$AIREPORT" "$1" --data "$DATA" --out "$OUT" --layouts "$LAYOUTS" \
                --fonts "$FONTS" $ARGS
        )
        status=$?
    else
        run_aireport "$1"
    fi
    echo "--- aireport $1 $ARGS exited $status; output (first 40 lines):"
    head -n 40 "$W/output.txt"
    [ "$status" = "$want_exit" ] || fail "aireport $1: exit $status, expected $want_exit"
    while IFS= read -r m; do
        grep -qF -- "$m" "$W/output.txt" || fail "aireport $1: no message containing '$m'"
    done <"$messages"
    if grep -q 'AddressSanitizer\|runtime error:\|LeakSanitizer\|^==[0-9]*== ' "$W/output.txt"; then
        fail "aireport $1: sanitizer or valgrind report"
    fi
}

case $command in
both) check_run check && check_run build ;;
check | check-layouts | build | diff | charts | figures | --help | --version) check_run "$command" ;;
*) fail "expected: command = $command" ;;
esac

# --- what the failing run left behind ----------------------------------------
case $output in
unchanged | kept)
    # Same names (no new file, no leftover temporary file), same bytes.
    # The lock file of --out (README: one build per output folder) is the
    # runs', not an output.
    (cd "$W/out.before" && find . ! -name .aireport.lock -print | LC_ALL=C sort) >"$W/before.list"
    (cd "$OUT" && find . ! -name .aireport.lock -print | LC_ALL=C sort) >"$W/after.list" ||
        fail "$OUT is gone"
    if ! cmp -s "$W/before.list" "$W/after.list"; then
        diff "$W/before.list" "$W/after.list"
        fail "the output folder's files changed"
    fi
    # index.html is the status page of the last run (it marks the documents
    # that failed, whose previous files stay): it may change; nothing else may.
    diff -r -x index.html -x .aireport.lock "$W/out.before" "$OUT" || fail "an output file was replaced"
    ;;
none)
    [ ! -e "$OUT" ] || fail "$OUT was created"
    ;;
written)
    [ -s "$OUT/figures.csv" ] || fail "the build wrote no figures.csv"
    if [ "$figures" = pristine ]; then
        # The same numbers as from the committed inputs, whatever the dialect.
        mkdir -p "$W/pristine"
        cp -R "$SRC/data" "$W/pristine/data" || fail "cannot copy data/"
        "$AIREPORT" figures --format csv --data "$W/pristine/data" >"$W/pristine.csv" 2>&1 ||
            fail "figures of the unaltered data failed"
        "$AIREPORT" figures --format csv --data "$DATA" >"$W/altered.csv" 2>&1 ||
            fail "figures of the altered data failed"
        cmp -s "$W/pristine.csv" "$W/altered.csv" ||
            fail "figures differ from those of the unaltered data"
    fi
    ;;
custom)
    [ -f "$CASE/after.sh" ] || fail "output = custom needs an after.sh"
    ;;
*) fail "expected: output = $output" ;;
esac
if [ -f "$CASE/after.sh" ]; then
    echo "--- after.sh of $case_name"
    # shellcheck disable=SC1090,SC1091
    (set -e && . "$CASE/after.sh") || fail "after.sh: a check failed"
fi
echo "PASS [$case_name]"
exit 0
