#!/bin/sh
# ci-hardening.sh - the extra CI steps, called from .ci/run after the test
# suite. About 4 minutes on a 2-core machine from a clean clone (budget 8):
#   1. the whole ctest suite on an ASan+UBSan build (-DAIREPORT_SANITIZE=ON);
#   2. the main job (`aireport check`, `aireport build`; the chart files of
#      the national deck and one prefecture report only) on a Release build
#      under valgrind --leak-check=full --error-exitcode=1, then the
#      bad-data cases of tests/badinput under valgrind;
#   3. every libFuzzer harness for a bounded time (scripts/fuzz.sh).
#
#   sh scripts/ci-hardening.sh [--no-fuzz]
# HARDENING_FUZZ_SECONDS  seconds per fuzz harness (default 30)
# HARDENING_JOBS          parallel build/test jobs (default 2)
# Build folders: build-hostile-asan, build-hostile-release, build-hostile-fuzz.
# Exit status: 0 when every step passed; the first failing step stops it.
set -eu
cd "$(dirname "$0")/.."

jobs=${HARDENING_JOBS:-2}
fuzz_seconds=${HARDENING_FUZZ_SECONDS:-30}
fuzz=yes
[ "${1:-}" = --no-fuzz ] && fuzz=no
t0=$(date +%s)
step() { printf '\n=== [%ss] %s\n' "$(($(date +%s) - t0))" "$*"; }

for tool in valgrind clang; do
    command -v "$tool" >/dev/null || { echo "ci-hardening: $tool is missing (sh scripts/install-deps.sh --test)" >&2; exit 2; }
done

step "1/3 ASan+UBSan build, whole test suite"
cmake -S . -B build-hostile-asan -DCMAKE_BUILD_TYPE=Debug -DAIREPORT_SANITIZE=ON \
    -DAIREPORT_WERROR=ON >/dev/null
cmake --build build-hostile-asan -j "$jobs" >/dev/null
# Leaks fail too (only third-party caches are suppressed, tests/fuzz/lsan.supp);
# UBSan reports abort (-fno-sanitize-recover=all in the build).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-hostile-asan --output-on-failure -j "$jobs"

step "2/3 Release build, the main job under valgrind"
cmake -S . -B build-hostile-release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-hostile-release -j "$jobs" --target aireport >/dev/null
out=build-hostile-release/valgrind-out
vg_supp=$PWD/tests/fuzz/valgrind.supp # third-party caches only (fontconfig)
rm -rf "$out"
# The whole build without the HTML pages' ~300 chart files (under valgrind
# they cost minutes: 300 pictures of 6 million pixels), then the national
# deck and one prefecture report with every output (workbook, page, charts).
vg_layouts=build-hostile-release/valgrind-layouts
rm -rf "$vg_layouts"
cp -R layouts "$vg_layouts"
sed -i 's/^\[deck\]$/[deck]\nweb = false/' "$vg_layouts/deck.ini" "$vg_layouts/prefecture.ini"
for run in "check" "build --layouts $vg_layouts" "build --only national,13"; do
    echo "--- valgrind aireport $run"
    # shellcheck disable=SC2086
    valgrind -q --leak-check=full --error-exitcode=1 --suppressions="$vg_supp" \
        build-hostile-release/src/aireport $run --data data --out "$out" -q
done
ls -l "$out"
# The input error paths too: every bad-data case under valgrind (a leak or
# an uninitialised read on a failure path fails the case). The output cases
# (whole builds) ran under ASan+LSan in step 1.
echo "--- valgrind: the bad-input catalogue, data cases"
AIREPORT_WRAPPER="valgrind -q --leak-check=full --error-exitcode=99 --suppressions=$vg_supp" \
    ctest --test-dir build-hostile-release -L badinput-data --output-on-failure -j "$jobs"

if [ "$fuzz" = yes ]; then
    step "3/3 fuzzers, ${fuzz_seconds}s each"
    FUZZ_BUILD=build-hostile-fuzz FUZZ_SEED=${HARDENING_FUZZ_SEED:-1} \
        sh scripts/fuzz.sh "$fuzz_seconds"
fi
step "hardening passed"
