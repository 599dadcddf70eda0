#!/bin/sh
# check_libharu_boundary.sh CMAKE CC HPDF_INCLUDE_DIR SOURCE_DIR WORKDIR
# The writer uses libharu 2.3.0's private structures, from one file:
#  - no file of src/ but src/render/pdf_libharu.c includes a libharu header
#    other than hpdf.h, and only the render stage (compiled with HPDF_SHARED:
#    opaque handles, so no field access) includes hpdf.h at all;
#  - both version guards stop any other libharu: the configure-time check
#    (cmake/HpdfVersion.cmake) and the #error of pdf_libharu.c. Each is run
#    on the installed headers (must pass) and on copies whose hpdf_version.h
#    is libharu 2.4.4's (must stop, naming the version found and needed).
set -u
cmake=$1 cc=$2 inc=$3 src=$4 work=$5
fail=0
err() { echo "check_libharu_boundary: $*" >&2; fail=1; }

# Which files include libharu's headers (a private one: hpdf_*.h).
priv=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]hpdf_' "$src/src" | sed "s|^$src/||" | sort)
[ "$priv" = "src/render/pdf_libharu.c" ] ||
    err "libharu's private headers are included by: $(echo $priv) (only src/render/pdf_libharu.c may)"
pub=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]hpdf\.h' "$src/src" | sed "s|^$src/||" | sort)
for f in $pub; do
    case $f in
    src/render/*) ;;
    *) err "$f includes hpdf.h: libharu belongs to the render stage's PDF writer" ;;
    esac
done
grep -q 'target_compile_definitions(ar_render PRIVATE HPDF_SHARED)' "$src/src/render/CMakeLists.txt" ||
    err "src/render/CMakeLists.txt no longer compiles the render stage with HPDF_SHARED"

rm -rf "$work" && mkdir -p "$work/v230" "$work/v244" || exit 1
cp "$inc"/hpdf*.h "$work/v230/" && cp "$inc"/hpdf*.h "$work/v244/" || exit 1
# hpdf_version.h as libharu 2.4.4 ships it (the id is computed there)
cat >"$work/v244/hpdf_version.h" <<'H'
#define HPDF_MAJOR_VERSION 2
#define HPDF_MINOR_VERSION 4
#define HPDF_BUGFIX_VERSION 4
#define HPDF_EXTRA_VERSION ""

#define hpdf_vquote(x) #x
#define hpdf_vexp(x) hpdf_vquote(x)

#define HPDF_VERSION_TEXT (hpdf_vexp(HPDF_MAJOR_VERSION) "." hpdf_vexp(HPDF_MINOR_VERSION) "." hpdf_vexp(HPDF_BUGFIX_VERSION) HPDF_EXTRA_VERSION)
#define HPDF_VERSION_ID ((HPDF_MAJOR_VERSION) * 10000 + (HPDF_MINOR_VERSION) * 100 + (HPDF_BUGFIX_VERSION))
H

# configure time
"$cmake" -D HPDF_VERSION_H="$work/v230/hpdf_version.h" -P "$src/cmake/HpdfVersion.cmake" \
    >"$work/cmake230.out" 2>&1 || err "2.3.0 refused: $(cat "$work/cmake230.out")"
if "$cmake" -D HPDF_VERSION_H="$work/v244/hpdf_version.h" -P "$src/cmake/HpdfVersion.cmake" \
    >"$work/cmake244.out" 2>&1; then
    err "configuring with libharu 2.4.4 did not stop"
fi
tr -s ' \n' ' ' <"$work/cmake244.out" >"$work/cmake244.flat"
for want in "libharu 2.4.4 found" "needs exactly libharu 2.3.0" "src/render/pdf_libharu.c"; do
    grep -qF "$want" "$work/cmake244.flat" || err "configure message lacks '$want': $(cat "$work/cmake244.out")"
done

# compile time: pdf_libharu.c against each set of headers
compile() {
    "$cc" -std=c17 -D_POSIX_C_SOURCE=200809L -fsyntax-only -I"$work/$1" -I"$src/src/render" \
        -I"$src/src/core/include" "$src/src/render/pdf_libharu.c" >"$work/cc$1.out" 2>&1
}
compile v230 || err "pdf_libharu.c does not compile against libharu 2.3.0: $(head -5 "$work/ccv230.out")"
if compile v244; then
    err "pdf_libharu.c compiled against libharu 2.4.4"
elif ! grep -q 'libharu 2.3.0 required' "$work/ccv244.out"; then
    err "pdf_libharu.c failed on 2.4.4 without its message: $(head -5 "$work/ccv244.out")"
fi
[ $fail -eq 0 ] && echo "check_libharu_boundary: ok"
exit $fail
