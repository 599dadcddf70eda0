#!/bin/sh
# run.sh DIR COMMAND... - runs the browser test (COMMAND) unless browser_setup
# could not install its npm packages into DIR (DIR/SKIPPED says why): then
# exits 77, which ctest reports as skipped, never as passed.
dir=$1
shift
if [ -f "$dir/SKIPPED" ]; then
    echo "test_browser: SKIPPED: $(cat "$dir/SKIPPED")"
    exit 77
fi
exec "$@"
