#!/bin/sh
# fuzz.sh - builds the libFuzzer harnesses (tests/fuzz/) with clang and runs
# each for a bounded time.
#
#   sh scripts/fuzz.sh [SECONDS] [HARNESS...]
#
# SECONDS   per harness (default $FUZZ_SECONDS, else 60)
# HARNESS   fuzz_csv fuzz_codebook fuzz_template fuzz_linebreak fuzz_outname
#           (default all)
# FUZZ_BUILD  build folder (default build-hostile-fuzz)
# FUZZ_SEED   libFuzzer's random seed (default: a new one each run). CI fixes
#             it so that a run is reproducible: a finding there is found again
#             here with the same seed and corpus.
#
# The committed corpus (tests/fuzz/corpus/<name>/) seeds each run; inputs the
# fuzzer finds go to $FUZZ_BUILD/corpus/<name>/, never into the repository.
# A crash or violated property leaves $FUZZ_BUILD/artifacts/<name>-crash-*;
# reproduce it with `$FUZZ_BUILD/tests/fuzz/<name> FILE`, and once fixed
# commit the file into tests/fuzz/corpus/<name>/ so ctest replays it forever.
# Exit status: 0 when every harness ran its time without a finding.
set -eu
cd "$(dirname "$0")/.."

secs=${1:-${FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
harnesses=${*:-fuzz_csv fuzz_codebook fuzz_template fuzz_linebreak fuzz_outname}
build=${FUZZ_BUILD:-build-hostile-fuzz}

command -v clang >/dev/null || { echo "fuzz.sh: clang is needed" >&2; exit 2; }
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DAIREPORT_FUZZ=ON >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j 2 --target $harnesses

mkdir -p "$build/artifacts"
failed=
for h in $harnesses; do
    mkdir -p "$build/corpus/$h"
    dict=
    [ -f "tests/fuzz/$h.dict" ] && dict=-dict=tests/fuzz/$h.dict
    seed=
    [ -n "${FUZZ_SEED:-}" ] && seed=-seed=$FUZZ_SEED
    echo "=== $h: ${secs}s"
    # -timeout: one input taking over 10 s is a finding (a hang);
    # -rss_limit_mb: a memory blow-up is a finding too.
    # shellcheck disable=SC2086
    if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0 \
        "$build/tests/fuzz/$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" $dict $seed \
        "$build/corpus/$h" "tests/fuzz/corpus/$h" >"$build/$h.log" 2>&1; then
        tail -n 60 "$build/$h.log"
        echo "=== $h: FINDING, see $build/artifacts/$h-* (log: $build/$h.log)"
        failed="$failed $h"
    else
        grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
            "$build/$h.log" | tr '\n' ' '
        echo
        echo "=== $h: ok"
    fi
done
if [ -n "$failed" ]; then
    echo "fuzz.sh: findings in:$failed" >&2
    exit 1
fi
echo "fuzz.sh: no findings"
