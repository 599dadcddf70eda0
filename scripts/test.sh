#!/bin/sh
# The whole test suite from a clean clone: install what is missing (test
# tools included), build with warnings as errors, run ctest.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh --test
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIREPORT_WERROR=ON >/dev/null
cmake --build build-test -j "$(nproc)"
ctest --test-dir build-test --output-on-failure -j "$(nproc)"
