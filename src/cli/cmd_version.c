/* cmd_version.c - `aireport --version`: the program's version and those of
 * the libraries that make its output, so that a bug report says what
 * produced a PDF. Where a library can tell the version it runs with, that
 * is asked at run time; otherwise the version it was built against is shown
 * and said to be so. */
#include "cli.h"
#include "diag.h"
#include "pdfwriter.h"
#include "version.h"

#include <cairo.h>
#include <csv.h>
#include <hb.h>
#include <png.h>
#include <stdio.h>
#include <xlsxwriter.h>
#include <zlib.h>

/* iniparser has neither a version macro nor a version call: CMake takes the
 * version of the Debian package that installed iniparser.h at configure
 * time (src/cli/CMakeLists.txt), "" when dpkg could not tell. */
#ifndef AIREPORT_INIPARSER_VERSION
#define AIREPORT_INIPARSER_VERSION ""
#endif
#ifndef AIREPORT_INIPARSER_PACKAGE
#define AIREPORT_INIPARSER_PACKAGE ""
#endif

#define S_STR(x) #x
#define S_XSTR(x) S_STR(x)

int cmd_version(void)
{
    printf("aireport %s\n", aireport_version());
    printf("libharu %s\n", pdfdoc_libharu_version());
    printf("cairo %s\n", cairo_version_string());
    printf("HarfBuzz %s\n", hb_version_string());
    printf("libcsv " S_XSTR(CSV_MAJOR) "." S_XSTR(CSV_MINOR) "." S_XSTR(CSV_RELEASE)
           " (from its header at build time; the library has no version call)\n");
    if (AIREPORT_INIPARSER_VERSION[0])
        printf("iniparser %s (Debian package %s at build time; iniparser exposes no "
               "version)\n",
               AIREPORT_INIPARSER_VERSION, AIREPORT_INIPARSER_PACKAGE);
    else
        printf("iniparser (version not exposed by its header or library)\n");
    printf("libxlsxwriter %s\n", lxw_version());
    printf("libpng %s\n", png_get_libpng_ver(NULL));
    printf("zlib %s\n", zlibVersion());
    return EXIT_OK; /* main checks that it reached standard output */
}
