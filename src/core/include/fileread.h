/* fileread.h - every input file is opened through here: a regular file only
 * (a FIFO would block the run for ever, a device such as /dev/zero never
 * ends, a folder is not a file), of at most a size limit per kind of file,
 * so that no input can hang a run or take all its memory. What the path is
 * instead is said in the message: "is a FIFO (named pipe)", "is a folder",
 * "is a character device", "is 3.0 GB; an INI file is read up to 1 MB".
 *
 * The limits (README, "Input files and their limits"): configuration and
 * templates are small and read whole; survey CSVs and figures exports are
 * streamed, but what they hold is kept, so they are bounded too. */
#ifndef AIREPORT_FILEREAD_H
#define AIREPORT_FILEREAD_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

/* Bytes, per kind of file. */
#define FILE_LIMIT_CONFIG (1u << 20)      /* INI: survey.ini, codebook.ini, fonts.ini,
                                             templates, prefecture overrides: 1 MB */
#define FILE_LIMIT_SURVEY_CSV (512u << 20) /* bodies.csv, answers, services, cases: 512 MB */
#define FILE_LIMIT_EXPORT (256u << 20)    /* a figures export compared by diff: 256 MB */
#define FILE_LIMIT_FONT (64u << 20)       /* a TrueType font: 64 MB */
#define FILE_LIMIT_WORKBOOK (256u << 20)  /* a workbook libxlsxwriter wrote to a temporary
                                             file, read back: 256 MB */

/* What the file is when it is not a regular file of at most limit bytes:
 * writes "is a FIFO (named pipe); expected a regular file (an INI file)" or
 * "is 3.0 GB; an INI file is read up to 1 MB" (what names the kind, with
 * its article) into why and returns false. st is the file's status. */
bool file_kind_ok(const struct stat *st, size_t limit, const char *what, char *why,
                  size_t why_size);

/* Checks path without opening it (stat): true when it is a regular file
 * within limit. Otherwise why says what it is ("does not exist" included). */
bool file_check(const char *path, size_t limit, const char *what, char *why, size_t why_size);

/* Opens path for reading, checked on the open file (a FIFO is opened
 * without waiting for a writer). NULL after reporting: D_IO_READ when it
 * cannot be opened or read, kind_code when it is not a regular file within
 * limit. */
FILE *file_open_read(const char *path, size_t limit, const char *what, diag_code kind_code,
                     diags *d);

/* The whole file, NUL-terminated (free with free()); *len its bytes. NULL
 * after reporting, as file_open_read. */
char *file_read_all(const char *path, size_t limit, const char *what, diag_code kind_code,
                    size_t *len, diags *d);

#endif
