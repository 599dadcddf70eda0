/* version.h - the program's own version, from CMake's project(VERSION)
 * (a compile definition of version.c alone, so a new version recompiles one
 * file): what `aireport --version` prints and what every PDF names as its
 * Creator, so that a document says which program made it. */
#ifndef AIREPORT_VERSION_H
#define AIREPORT_VERSION_H

/* "0.1.0" */
const char *aireport_version(void);

/* "aireport 0.1.0": the program with its version (the PDF's Creator). */
const char *aireport_name_version(void);

#endif
