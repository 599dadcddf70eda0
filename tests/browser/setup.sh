#!/bin/sh
# setup.sh SRC DIR - the browser test's npm packages (puppeteer-core, axe-core,
# as tests/browser/package-lock.json pins them) installed into DIR of the
# build tree, once: `npm ci` from the lock file; nothing is committed and no
# browser is downloaded (puppeteer-core drives Debian's chromium).
set -eu
src=$1 dir=$2
mkdir -p "$dir"
cp "$src/tests/browser/check_html.mjs" "$dir/" # beside its node_modules
if [ -d "$dir/node_modules/puppeteer-core" ] && [ -d "$dir/node_modules/axe-core" ] &&
    cmp -s "$src/tests/browser/package-lock.json" "$dir/package-lock.json"; then
    echo "browser setup: packages present in $dir"
    exit 0
fi
cp "$src/tests/browser/package.json" "$src/tests/browser/package-lock.json" "$dir/"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
echo "browser setup: installed $(ls node_modules | wc -l) packages into $dir"
