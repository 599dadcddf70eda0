/* diag.h - diagnostics: one error enum, one table, documented exit codes.
 *
 * Every problem the program finds in its input is a diagnostic with a code
 * from DIAG_CODES, a place (file, line, column; 0 = not applicable) and a
 * message written for the person who has to fix the file: the value found
 * and what was expected. The code decides the exit status (see README).
 */
#ifndef AIREPORT_DIAG_H
#define AIREPORT_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "exitcode.h"

/* X(name, exit status, id used in tests and docs) */
#define DIAG_CODES(X)                                                                              \
    X(D_IO_READ, EXIT_IO, "io-read")                                                               \
    X(D_IO_WRITE, EXIT_IO, "io-write")                                                             \
    X(D_CSV_QUOTE, EXIT_DATA, "csv-quote")                                                         \
    X(D_CSV_RAGGED, EXIT_DATA, "csv-ragged")                                                       \
    X(D_CSV_EMPTY, EXIT_DATA, "csv-empty")                                                         \
    X(D_CSV_HEADER_UNKNOWN, EXIT_DATA, "header-unknown")                                           \
    X(D_CSV_HEADER_MISSING, EXIT_DATA, "header-missing")                                           \
    X(D_CSV_HEADER_DUPLICATE, EXIT_DATA, "header-duplicate")                                       \
    X(D_CSV_BOM, EXIT_DATA, "csv-bom")                                                             \
    X(D_ENC_UTF8, EXIT_DATA, "invalid-utf8")                                                       \
    X(D_ENC_CP932, EXIT_DATA, "invalid-cp932")                                                     \
    X(D_FIELD_TOO_LONG, EXIT_DATA, "field-too-long")                                               \
    X(D_CSV_NUL, EXIT_DATA, "csv-nul")                                                             \
    X(D_BODY_CODE, EXIT_DATA, "body-code")                                                         \
    X(D_BODY_CHECK_DIGIT, EXIT_DATA, "check-digit")                                                \
    X(D_BODY_PREF_MISMATCH, EXIT_DATA, "pref-mismatch")                                            \
    X(D_BODY_PREF_NAME, EXIT_DATA, "pref-name")                                                    \
    X(D_BODY_KIND, EXIT_DATA, "body-kind")                                                         \
    X(D_BODY_POPULATION, EXIT_DATA, "population")                                                  \
    X(D_BODY_NAME, EXIT_DATA, "body-name")                                                         \
    X(D_BODY_DUPLICATE, EXIT_DATA, "body-duplicate")                                               \
    X(D_BODY_MISSING, EXIT_DATA, "body-missing")                                                   \
    X(D_BODY_UNKNOWN, EXIT_DATA, "body-unknown")                                                   \
    X(D_ANSWER_CODE, EXIT_DATA, "unknown-code")                                                    \
    X(D_ANSWER_SYNTAX, EXIT_DATA, "code-syntax")                                                   \
    X(D_ANSWER_SINGLE, EXIT_DATA, "single-multiple")                                               \
    X(D_ANSWER_LIMIT, EXIT_DATA, "multi-limit")                                                    \
    X(D_ANSWER_REPEAT, EXIT_DATA, "multi-repeat")                                                  \
    X(D_ANSWER_EXCLUSIVE, EXIT_DATA, "multi-exclusive")                                            \
    X(D_ANSWER_NOT_ASKED, EXIT_DATA, "not-asked")                                                  \
    X(D_ANSWER_REQUIRED, EXIT_DATA, "required")                                                    \
    X(D_SERVICE_DUPLICATE, EXIT_DATA, "service-duplicate")                                         \
    X(D_CONFIG, EXIT_DATA, "config")                                                               \
    X(D_CODEBOOK, EXIT_DATA, "codebook")                                                           \
    X(D_TEMPLATE, EXIT_TEMPLATE, "template")                                                       \
    X(D_TEMPLATE_FIGURE, EXIT_TEMPLATE, "template-figure")                                         \
    X(D_TEMPLATE_BOX, EXIT_TEMPLATE, "template-box")                                               \
    X(D_TEXT_OVERFLOW, EXIT_TEMPLATE, "text-overflow")                                             \
    X(D_FONT, EXIT_FONT, "font")                                                                   \
    X(D_EXPORT_VALUE, EXIT_DATA, "export-value")                                                   \
    X(D_EXPORT_DUPLICATE, EXIT_DATA, "export-duplicate")                                           \
    X(D_USAGE, EXIT_USAGE, "usage")                                                                \
    X(D_INTERNAL, EXIT_INTERNAL, "internal")

typedef enum {
#define DIAG_ENUM(name, status, id) name,
    DIAG_CODES(DIAG_ENUM)
#undef DIAG_ENUM
        D__COUNT
} diag_code;

typedef struct {
    diag_code code;
    const char *file; /* as given to diag_add (copied) */
    long line, column; /* 1-based; 0 = not applicable */
    const char *message;
} diag;

typedef struct diags diags;

/* Most diagnostics kept and printed per file; further ones are counted. */
enum { DIAG_CAP_PER_FILE = 100 };

/* out: where each diagnostic is printed as it arrives (NULL: collect only). */
diags *diags_new(FILE *out);
void diags_free(diags *d);

void diag_add(diags *d, diag_code code, const char *file, long line, long column, const char *fmt,
              ...) __attribute__((format(printf, 6, 7)));

int diags_count(const diags *d);          /* all, including those over the cap */
const diag *diags_get(const diags *d, int i); /* kept ones, i < diags_kept() */
int diags_kept(const diags *d);
bool diags_has(const diags *d, diag_code code);
/* Exit status for what was reported: EXIT_OK when nothing was. The most
 * severe class wins (internal > I/O > font > template > data). */
int diags_exit_status(const diags *d);
/* Prints "N problems in FILE not shown" lines for capped files. */
void diags_print_summary(const diags *d, FILE *out);

const char *diag_code_id(diag_code code);
int diag_code_status(diag_code code);

#endif
