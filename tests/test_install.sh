#!/bin/sh
# An installed aireport, moved after installing, run from an empty folder
# with only --data: finds its templates and font configuration in the share
# folder beside its executable and builds every document; --version names
# the libraries (test_version.sh on the installed binary); `aireport init`
# finds its skeleton; without its share folder it says where it looked.
# Usage: test_install.sh BUILD_DIR SOURCE_DIR VERSION CONFIGURED_SHARE_DIR
set -u
build=$1 src=$2 version=$3 configured_share=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"${CMAKE:-cmake}" --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; echo "FAIL: cmake --install exited $?"; exit 1; }
for f in bin/aireport share/aireport/layouts/deck.ini share/aireport/layouts/theme.ini \
         share/aireport/layouts/pages/p03_status.ini share/aireport/fonts/fonts.ini \
         share/aireport/init/survey.ini share/aireport/init/codebook.ini \
         share/aireport/docs/data-format.md; do
    [ -f "$tmp/prefix/$f" ] || fail "not installed: PREFIX/$f"
done
# A relocated installation: nothing may point back to the prefix it was
# installed to, nor to the build or source tree.
mv "$tmp/prefix" "$tmp/moved"
bin=$tmp/moved/bin/aireport
share=$tmp/moved/share/aireport

# Prove that the installed templates are the ones used: a title changed in
# the installed copy must be in the PDF.
page=$share/layouts/pages/p03_status.ini
grep -q '^title *=' "$page" || fail "no title line in the installed p03_status.ini"
sed 's/^title *=.*/title = 導入状況（インストール先の雛形）/' "$page" >"$tmp/p" && cat "$tmp/p" >"$page"

mkdir "$tmp/empty" && cd "$tmp/empty" || exit 1
"$bin" build -q --data "$src/data" --out out 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || { fail "installed build exited $rc"; cat "$tmp/err"; }
[ -s out/national.pdf ] || fail "no out/national.pdf"
n=$(ls out/prefectures 2>/dev/null | grep -c '\.pdf$')
[ "$n" -eq 47 ] || fail "$n prefecture reports, expected 47"
for f in figures.csv figures.json figures_excel.csv index.html national.xlsx national.html \
    charts/national/p03.svg charts/national/p03.png; do
    [ -s "out/$f" ] || fail "no out/$f"
done
pdftotext out/national.pdf - | grep -q 'インストール先の雛形' ||
    fail "national.pdf does not show the installed template's title"
[ -e layouts ] || [ -e fonts ] && fail "the build created layouts/ or fonts/ in the current folder"

# Search order: --layouts, then ./layouts, then the installed ones.
# retitle DIR TITLE: a copy of the templates in DIR whose p03 says TITLE
retitle() {
    cp -r "$src/layouts" "$1"
    sed "s/^title *=.*/title = $2/" "$src/layouts/pages/p03_status.ini" >"$1/pages/p03_status.ini"
}
mkdir "$tmp/local" && cd "$tmp/local" || exit 1
retitle layouts ローカルの雛形
retitle "$tmp/given" 指定した雛形
"$bin" build -q --only national --data "$src/data" --out out || fail "build with ./layouts exited $?"
pdftotext out/national.pdf - | grep -q 'ローカルの雛形' || fail "./layouts was not preferred to the installed ones"
"$bin" build -q --only national --data "$src/data" --out out --layouts "$tmp/given" ||
    fail "build with --layouts exited $?"
pdftotext out/national.pdf - | grep -q '指定した雛形' || fail "--layouts was not preferred to ./layouts"
cd "$tmp/empty" || exit 1

# The binary without its share folder: build says where it looked (unless
# the configured prefix has an installation, which it would then use).
if [ ! -e "$configured_share" ]; then
    mkdir -p "$tmp/lonely/bin" && cp "$bin" "$tmp/lonely/bin/"
    "$tmp/lonely/bin/aireport" build -q --data "$src/data" --out out2 2>"$tmp/err"
    rc=$?
    [ "$rc" -ne 0 ] || fail "a build without templates exited 0"
    grep -qF "no page templates found; looked in ./layouts, $tmp/lonely/share/aireport/layouts" "$tmp/err" &&
        grep -qF -- "--layouts DIR" "$tmp/err" && grep -qF "no font configuration found" "$tmp/err" ||
        fail "no message saying where the templates and fonts were looked for: $(cat "$tmp/err")"
    "$tmp/lonely/bin/aireport" init ed-lonely 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 5 ] || fail "init without the installed skeleton: exit $rc, expected 5"
    grep -qF "$tmp/lonely/share/aireport/init" "$tmp/err" || fail "init does not say where it looked: $(cat "$tmp/err")"
    [ -e ed-lonely ] && fail "init without its skeleton created the folder"
fi

# --version and the PDF's Creator, from the installed binary.
sh "$src/tests/test_version.sh" "$bin" "$version" "$src" >"$tmp/v" 2>&1 ||
    { cat "$tmp/v"; fail "test_version.sh on the installed binary"; }

# init finds the installed skeleton and codebook.
"$bin" init ed R8 >"$tmp/out" 2>"$tmp/err" || { fail "installed init exited $?"; cat "$tmp/err"; }
cmp -s ed/codebook.ini "$src/data/codebook.ini" || fail "init: codebook.ini is not the installed one"
grep -qF "$share/docs/data-format.md" "$tmp/out" || fail "init does not point to the installed data-format.md"

if [ "$fails" -eq 0 ]; then echo "test_install: all checks passed"; else echo "test_install: $fails failed"; exit 1; fi
