#!/bin/sh
# probe.sh BUILD_DIR PROBE:EXPECT... - builds each probe target of
# tests/structure/CMakeLists.txt in BUILD_DIR. EXPECT `builds`: the build
# must succeed; EXPECT a header name: the build must fail because the
# compiler cannot find that header (any other failure fails the test too).
set -u
build=$1
shift
status=0
for probe in "$@"; do
    target=${probe%%:*}
    expect=${probe#*:}
    out=$(cmake --build "$build" --target "$target" 2>&1)
    rc=$?
    if [ "$expect" = builds ]; then
        if [ $rc -eq 0 ]; then
            echo "ok: $target builds"
        else
            echo "FAIL: $target should build (it includes only what its stage builds on):"
            echo "$out" | grep -E 'error|Error' | head -5
            status=1
        fi
    elif [ $rc -eq 0 ]; then
        echo "FAIL: $target built, but $expect is outside its stage's reach"
        status=1
    elif echo "$out" | grep -Eq "$expect: No such file or directory|'$expect' file not found"; then
        echo "ok: $target does not build: $expect not found"
    else
        echo "FAIL: $target failed for another reason than $expect not being found:"
        echo "$out" | grep -E 'error|Error' | head -5
        status=1
    fi
done
exit $status
