# The PDF writer reaches into libharu's private structures
# (src/render/pdf_libharu.c), which are those of libharu 2.3.0 (Debian 12's
# libhpdf-dev); another version would build and silently write broken
# PDFs. aireport_check_hpdf_version(HEADER) reads the version from
# hpdf_version.h and stops configuration on anything but 2.3.0, naming the
# version found and the one expected (pdf_libharu.c checks it again when
# compiling).
#
# Also a script, for the test of this check:
#   cmake -D HPDF_VERSION_H=path/hpdf_version.h -P cmake/HpdfVersion.cmake
set(AIREPORT_HPDF_VERSION_ID 20300)
set(AIREPORT_HPDF_VERSION_TEXT 2.3.0)

function(aireport_check_hpdf_version header)
  if(NOT EXISTS "${header}")
    message(FATAL_ERROR
      "libharu's ${header} is missing: cannot tell which libharu this is.\n"
      "aireport needs libharu ${AIREPORT_HPDF_VERSION_TEXT}: sudo apt-get install libhpdf-dev "
      "(Debian 12), or run scripts/install-deps.sh")
  endif()
  # 2.3.0 spells the numbers out; 2.4 computes HPDF_VERSION_ID and the text
  # from MAJOR/MINOR/BUGFIX, so the version is taken from those.
  foreach(part MAJOR MINOR BUGFIX)
    file(STRINGS "${header}" line REGEX "^#define[ \t]+HPDF_${part}_VERSION[ \t]+[0-9]+")
    string(REGEX REPLACE ".*HPDF_${part}_VERSION[ \t]+([0-9]+).*" "\\1" v_${part} "${line}")
  endforeach()
  if("${v_MAJOR}.${v_MINOR}.${v_BUGFIX}" MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
    math(EXPR id "${v_MAJOR} * 10000 + ${v_MINOR} * 100 + ${v_BUGFIX}")
    set(text "${v_MAJOR}.${v_MINOR}.${v_BUGFIX}")
  else()
    set(id "unknown")
    set(text "of unknown version")
  endif()
  if(NOT id STREQUAL "${AIREPORT_HPDF_VERSION_ID}")
    message(FATAL_ERROR
      "libharu ${text} found (${header}: HPDF_VERSION_ID ${id}); aireport needs exactly "
      "libharu ${AIREPORT_HPDF_VERSION_TEXT} (HPDF_VERSION_ID ${AIREPORT_HPDF_VERSION_ID}).\n"
      "Its PDF writer uses libharu's private structures (src/render/pdf_libharu.c), "
      "which differ between versions: with another libharu it would build and write broken "
      "PDFs. Install Debian 12's libhpdf-dev ${AIREPORT_HPDF_VERSION_TEXT} "
      "(scripts/install-deps.sh), or port src/render/pdf_libharu.c to ${text} first.")
  endif()
  message(STATUS "Found libharu ${text} (HPDF_VERSION_ID ${id})")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND HPDF_VERSION_H)
  aireport_check_hpdf_version("${HPDF_VERSION_H}")
endif()
