# Finds the libraries aireport links against. libcsv, iniparser and libharu
# ship no pkg-config files on Debian, so they are found by header and library;
# a missing one stops configuration with the Debian package to install.
include(FindPackageHandleStandardArgs)
find_package(PkgConfig REQUIRED)

function(aireport_find_plain name header lib pkg)
  find_path(${name}_INCLUDE_DIR ${header} PATH_SUFFIXES iniparser)
  find_library(${name}_LIBRARY ${lib})
  if(NOT ${name}_INCLUDE_DIR OR NOT ${name}_LIBRARY)
    message(FATAL_ERROR
      "${name} not found (${header}, lib${lib}). Install it with:\n"
      "  sudo apt-get install ${pkg}\n"
      "or run scripts/install-deps.sh")
  endif()
  add_library(dep::${name} UNKNOWN IMPORTED)
  set_target_properties(dep::${name} PROPERTIES
    IMPORTED_LOCATION "${${name}_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${${name}_INCLUDE_DIR}")
  message(STATUS "Found ${name}: ${${name}_LIBRARY}")
endfunction()

aireport_find_plain(csv csv.h csv libcsv-dev)
aireport_find_plain(iniparser iniparser.h iniparser libiniparser-dev)
aireport_find_plain(hpdf hpdf.h hpdf libhpdf-dev)
include(HpdfVersion)
aireport_check_hpdf_version(${hpdf_INCLUDE_DIR}/hpdf_version.h)
# The Excel workbooks (libxlsxwriter 1.1.4 in Debian 12); its pkg-config file
# reports the library's soname, not its version, so it is found by its files.
aireport_find_plain(xlsxwriter xlsxwriter.h xlsxwriter libxlsxwriter-dev)

function(aireport_find_pc name module pkg)
  pkg_check_modules(${name} QUIET IMPORTED_TARGET ${module})
  if(NOT ${name}_FOUND)
    message(FATAL_ERROR
      "${module} not found by pkg-config. Install it with:\n"
      "  sudo apt-get install ${pkg}\n"
      "or run scripts/install-deps.sh")
  endif()
  add_library(dep::${name} ALIAS PkgConfig::${name})
  message(STATUS "Found ${module}: ${${name}_VERSION}")
endfunction()

aireport_find_pc(cairo cairo libcairo2-dev)
aireport_find_pc(harfbuzz harfbuzz libharfbuzz-dev)
aireport_find_pc(harfbuzz_subset harfbuzz-subset libharfbuzz-dev)
aireport_find_pc(png libpng libpng-dev)
aireport_find_pc(zlib zlib zlib1g-dev)
