/* version.c - the program's version (version.h). */
#include "version.h"

#ifndef AIREPORT_VERSION
#error "AIREPORT_VERSION is set by src/core/CMakeLists.txt from project(VERSION)"
#endif

const char *aireport_version(void)
{
    return AIREPORT_VERSION;
}

const char *aireport_name_version(void)
{
    return "aireport " AIREPORT_VERSION;
}
