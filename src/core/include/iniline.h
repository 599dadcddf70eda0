/* iniline.h - line numbers for INI diagnostics. iniparser keeps no line
 * numbers, so when a problem is found the file is scanned again (only then:
 * the happy path never reads it twice) for the line of a section or key. */
#ifndef AIREPORT_INILINE_H
#define AIREPORT_INILINE_H

#include "diag.h"

#include <iniparser.h>

/* Line (1-based) of "[section]" when key is NULL, else of "key =" inside that
 * section; names compare case-insensitively as iniparser does. 0 when not
 * found or the file cannot be read. */
long ini_line_of(const char *path, const char *section, const char *key);

/* iniparser_load with its syntax errors reported as diagnostics of `code`
 * (with the line iniparser names). NULL when the file is unreadable
 * (D_IO_READ) or invalid. */
dictionary *ini_load_checked(const char *path, diags *d, diag_code code);

#endif
