#!/bin/sh
# mutate.sh - mutation testing on demand (not in CI): does the suite catch
# small, plausible bugs?
#
#   scripts/mutate.sh [-k] [tests/mutations/NN_name.mut ...]   (default: all)
#
# Copies the tracked files of this tree to a throw-away folder, builds it
# once and runs the suite there (it must pass). Then for each mutation of
# tests/mutations/ (the file's basename, the exact text to find, its
# replacement, a one-line description: tests/mutations/mutation.py) it
# applies the mutation to the copy, rebuilds, runs ctest -j2 (stopping at the
# first failure), records which tests caught it, and restores the file.
# Prints one line per mutation and the score "caught N of M"; exits 1 when a
# mutation survived. -k keeps the throw-away folder. Takes about a minute
# per surviving mutation, less for caught ones (2 cores).
set -u
cd "$(dirname "$0")/.."
src=$PWD
keep=0
[ "${1:-}" = "-k" ] && { keep=1; shift; }
if [ $# -eq 0 ]; then set -- tests/mutations/*.mut; fi
muts=""
for m in "$@"; do muts="$muts $(cd "$(dirname "$m")" && pwd)/$(basename "$m")"; done

work=$(mktemp -d "${TMPDIR:-/tmp}/aireport-mutate.XXXXXX")
[ $keep = 1 ] || trap 'rm -rf "$work"' EXIT
tree=$work/tree
mkdir -p "$tree"
git ls-files -z | xargs -0 cp --parents -t "$tree" || exit 1
python3 tests/mutations/mutation.py check "$tree" $muts || exit 1

log=$work/log
echo "mutate: building the copy in $tree"
cmake -S "$tree" -B "$tree/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$log" 2>&1 &&
    cmake --build "$tree/build" -j2 >>"$log" 2>&1 || { tail -20 "$log"; echo "mutate: the copy does not build"; exit 1; }
run_suite() { # -> 0 green; failing tests in $work/failed
    (cd "$tree/build" && ctest -j2 --stop-on-failure --timeout 300 >"$work/ctest.log" 2>&1)
    rc=$?
    sed -n 's/^[[:space:]]*[0-9]* - \([^ ]*\) (.*/\1/p' "$work/ctest.log" | tr '\n' ' ' >"$work/failed"
    return $rc
}
echo "mutate: the suite on the unchanged copy"
if ! run_suite; then
    echo "mutate: the suite fails without any mutation: $(cat "$work/failed")"
    exit 1
fi

caught=0 total=0 survived="" broken=0
for m in $muts; do
    total=$((total + 1))
    name=$(basename "$m" .mut)
    what=$(python3 tests/mutations/mutation.py describe "$m")
    file=$(python3 tests/mutations/mutation.py apply "$tree" "$m") || { echo "mutate: $name does not apply"; exit 1; }
    if ! cmake --build "$tree/build" -j2 >"$log" 2>&1; then
        broken=$((broken + 1)) caught=$((caught + 1))
        printf '%-28s CAUGHT (does not build)  %s\n' "$name" "$what"
    elif run_suite; then
        survived="$survived $name"
        printf '%-28s SURVIVED                 %s\n' "$name" "$what"
    else
        caught=$((caught + 1))
        printf '%-28s caught by %s  %s\n' "$name" "$(cat "$work/failed")" "$what"
    fi
    # restore the file from the tracked copy of this tree
    cp "$src/${file#"$tree"/}" "$file"
done
cmake --build "$tree/build" -j2 >"$log" 2>&1

note=""
[ $broken -gt 0 ] && note=" ($broken by the compiler)"
echo "mutate: caught $caught of $total mutations$note"
[ -n "$survived" ] && { echo "mutate: survived:$survived"; exit 1; }
exit 0
