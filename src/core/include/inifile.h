/* inifile.h - the one INI reader, for every INI file of the program
 * (codebook.ini, survey.ini, fonts.ini, the templates: theme, deck, pages,
 * prefecture overrides).
 *
 * iniparser reads the values; it keeps no line numbers and silently drops
 * or cuts what it does not understand, so the reader first scans the text
 * itself: it records the line of every section and key (for diagnostics
 * `file:line: message`) and reports, as problems of the file, what iniparser
 * would misread: a line without `=` or `[`, a section header without `]` or
 * with text after it, a key before any section, a repeated section or key,
 * a line longer than iniparser reads, a `#` or `;` inside an unquoted value
 * (iniparser would cut the value there). Only a file without such problems
 * is handed to iniparser.
 *
 * Section and key names compare case-insensitively, as iniparser folds
 * them; the positions hold them in lower case.
 */
#ifndef AIREPORT_INIFILE_H
#define AIREPORT_INIFILE_H

#include "arena.h"
#include "diag.h"

#include <iniparser.h>
#include <stdbool.h>

/* iniparser 4.1 reads lines of at most 1024 bytes; longer ones are cut. */
enum { INI_LINE_MAX = 1000 };

typedef struct {
    const char *section; /* lower case */
    const char *key;     /* lower case; NULL for the [section] line */
    int line;
} ini_pos;

typedef struct {
    const char *path;
    dictionary *dict; /* iniparser's values; NULL once closed or when unusable */
    int n_pos;
    ini_pos *pos;     /* every section and key line, in file order (in mem) */
    arena *mem;
} ini_file;

/* Reads and checks path: a regular file of at most FILE_LIMIT_CONFIG
 * (fileread.h). Problems of the file are reported to d as `code` with their
 * line (a path that is not such a file too); a file that cannot be opened
 * or read is D_IO_READ. Returns false
 * when anything was reported (dict is then NULL; the positions found so far
 * stay usable). */
bool ini_open(ini_file *ini, const char *path, diag_code code, arena *mem, diags *d);
/* Frees iniparser's dictionary; the positions stay (they live in mem). */
void ini_close(ini_file *ini);

/* Line (1-based) of [section] when key is NULL, else of `key =` in that
 * section; 0 when absent. */
int ini_line(const ini_file *ini, const char *section, const char *key);
/* The value, NULL when absent (or the file is closed). */
const char *ini_get(const ini_file *ini, const char *section, const char *key);
bool ini_has_section(const ini_file *ini, const char *section);

#endif
