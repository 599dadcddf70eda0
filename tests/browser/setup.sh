#!/bin/sh
# setup.sh SRC DIR - the browser test's npm packages (puppeteer-core, axe-core,
# as tests/browser/package-lock.json pins them) installed into DIR of the
# build tree, once: `npm ci` from the lock file; nothing is committed and no
# browser is downloaded (puppeteer-core drives Debian's chromium).
set -eu
src=$1 dir=$2
mkdir -p "$dir"
rm -f "$dir/SKIPPED"
cp "$src/tests/browser/check_html.mjs" "$dir/" # beside its node_modules
if [ -d "$dir/node_modules/puppeteer-core" ] && [ -d "$dir/node_modules/axe-core" ] &&
    cmp -s "$src/tests/browser/package-lock.json" "$dir/package-lock.json"; then
    echo "browser setup: packages present in $dir"
    exit 0
fi
cp "$src/tests/browser/package.json" "$src/tests/browser/package-lock.json" "$dir/"
cd "$dir"
# one retry, soon: an unreachable registry is not worth a minute of waiting
if ! npm ci --no-audit --no-fund --loglevel=error --fetch-retries=1 \
    --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=5000 >npm.log 2>&1; then
    cat npm.log >&2
    # The registry out of reach (no network, a proxy whose certificate this
    # machine does not trust, as in a bare build root behind one): nothing
    # to test with, which is not a failure of the pages. Exit 77 is ctest's
    # "skipped" here, and test_browser then skips too, saying why. Any other
    # npm failure (a bad lock file, a full disk) fails.
    if grep -qE 'SELF_SIGNED_CERT|UNABLE_TO_(GET|VERIFY)|CERT_[A-Z_]+|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|ENETUNREACH' npm.log; then
        why="the npm registry cannot be reached from this machine ($(grep -oE 'SELF_SIGNED_CERT[A-Z_]*|UNABLE_TO_[A-Z_]+|E[A-Z]+' npm.log | head -n 1)), so puppeteer-core and axe-core are not installed"
        echo "$why" >SKIPPED
        echo "browser setup: SKIPPED: $why" >&2
        exit 77
    fi
    exit 1
fi
echo "browser setup: installed $(ls node_modules | wc -l) packages into $dir"
