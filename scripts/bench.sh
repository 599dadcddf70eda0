#!/bin/sh
# Benchmark: builds a release binary and prints wall time, CPU time and peak
# RSS of the main commands, each the best of N runs. Figures, not a test.
# Usage: scripts/bench.sh [N]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-5}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
bin=build-bench/src/aireport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure NAME TARGET_MS TARGET_MB -- COMMAND...
measure() {
    name=$1 target_ms=$2 target_mb=$3
    shift 4
    best_wall=999999 best_cpu=0 best_rss=0
    i=0
    while [ "$i" -lt "$runs" ]; do
        /usr/bin/time -v -o "$tmp/time" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || {
            echo "$name: command failed:"; cat "$tmp/stderr"; return 1; }
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%d", s*1000}' "$tmp/time")
        cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%d", (u+s)*1000}' "$tmp/time")
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time")
        if [ "$wall" -lt "$best_wall" ]; then best_wall=$wall best_cpu=$cpu best_rss=$rss; fi
        i=$((i + 1))
    done
    bytes=$(wc -c <"$tmp/stdout")
    printf '%-34s wall %5d ms  cpu %5d ms  peak RSS %6s MB  stdout %8d B  (target < %s ms, < %s MB)\n' \
        "$name" "$best_wall" "$best_cpu" "$best_rss" "$bytes" "$target_ms" "$target_mb"
}

echo "aireport benchmark, best of $runs runs, $(nproc) cores ($(date -u +%Y-%m-%d))"
measure "check (3 years)" 20 20 -- "$bin" --data data check
measure "figures csv, nation + 47 prefs" 20 20 -- "$bin" --data data figures --format csv --prefecture all
measure "figures json, nation + 47 prefs" 20 20 -- "$bin" --data data figures --format json --prefecture all
