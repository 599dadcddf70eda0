# The share folder: what an installed aireport finds without --layouts or
# --fonts (src/cli/paths.h), and what `aireport init` starts a survey
# edition from:
#   PREFIX/bin/aireport
#   PREFIX/share/aireport/layouts/        page templates and theme (layouts/)
#   PREFIX/share/aireport/fonts/fonts.ini font configuration (fonts/)
#   PREFIX/share/aireport/init/           survey.ini skeleton (init/), codebook.ini (data/)
#   PREFIX/share/aireport/docs/           the input and template formats (docs/)
# The program finds the folder relative to its own executable, so an
# installation may be moved; the configured prefix is the fallback.
include(GNUInstallDirs)
set(AIREPORT_SHARE_SUBDIR ${CMAKE_INSTALL_DATADIR}/aireport)
set(AIREPORT_PREFIX_SHARE ${CMAKE_INSTALL_FULL_DATADIR}/aireport)
file(RELATIVE_PATH AIREPORT_BIN_TO_SHARE ${CMAKE_INSTALL_FULL_BINDIR} ${AIREPORT_PREFIX_SHARE})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/layouts/ DESTINATION ${AIREPORT_SHARE_SUBDIR}/layouts)
install(FILES ${PROJECT_SOURCE_DIR}/fonts/fonts.ini ${PROJECT_SOURCE_DIR}/fonts/README.md
  DESTINATION ${AIREPORT_SHARE_SUBDIR}/fonts)
install(FILES ${PROJECT_SOURCE_DIR}/init/survey.ini ${PROJECT_SOURCE_DIR}/data/codebook.ini
  DESTINATION ${AIREPORT_SHARE_SUBDIR}/init)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${AIREPORT_SHARE_SUBDIR}/docs)

# The build tree has the same folder beside build/src/aireport, made of links
# to the sources: an uninstalled binary behaves as an installed one, from any
# folder, and a template edited in the sources is used at once.
get_filename_component(AIREPORT_BUILD_SHARE
  ${PROJECT_BINARY_DIR}/src/${AIREPORT_BIN_TO_SHARE} ABSOLUTE)
file(MAKE_DIRECTORY ${AIREPORT_BUILD_SHARE}/fonts ${AIREPORT_BUILD_SHARE}/init)
foreach(pair layouts:layouts docs:docs fonts/fonts.ini:fonts/fonts.ini
        init/survey.ini:init/survey.ini data/codebook.ini:init/codebook.ini)
  string(REPLACE ":" ";" pair ${pair})
  list(GET pair 0 from)
  list(GET pair 1 to)
  if(NOT EXISTS ${AIREPORT_BUILD_SHARE}/${to})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${from} ${AIREPORT_BUILD_SHARE}/${to}
      COPY_ON_ERROR SYMBOLIC)
  endif()
endforeach()
