#!/bin/sh
# The main job from a clean clone: install what is missing, build, run
# `aireport build`. Outputs land in out/.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
# No tests here: configuring them needs the test tools (scripts/test.sh).
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
build/src/aireport build --data data --out out "$@"
