/* csvread.h - streaming CSV reader: bytes -> UTF-8 (textenc) -> libcsv ->
 * rows with their line numbers, delivered one at a time to a callback.
 *
 * The reader reports every problem of the file it can see on its own
 * (malformed quoting, ragged rows, invalid bytes, a BOM in the middle, a field
 * over the size cap, a NUL byte in a field, an empty file, a header without
 * rows) and keeps going,
 * so that the consumer can report the remaining problems of the same file.
 * Fields are trimmed of leading and trailing spaces (unless quoted); blank
 * lines and rows whose fields are all empty are skipped. */
#ifndef AIREPORT_CSVREAD_H
#define AIREPORT_CSVREAD_H

#include "diag.h"
#include "textenc.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    CSV_MAX_FIELD_BYTES = 64 * 1024, /* default cap on one field */
    CSV_CHUNK_BYTES = 64 * 1024      /* default read size */
};

typedef struct {
    long index;               /* 0 = the header, then data rows in file order */
    long line;                /* physical line (1-based) where the row starts */
    int n_fields;
    const char *const *field; /* [i] trimmed UTF-8, NUL-terminated */
    const size_t *len;        /* [i] bytes of field[i] */
    const bool *bad;          /* [i] content unusable (invalid bytes, cut, bad
                                 quoting): already reported, skip it */
    bool ragged;              /* field count differs from the header (reported) */
} csv_row;

typedef void (*csv_row_fn)(void *ctx, const csv_row *row);

typedef struct {
    text_encoding encoding;  /* TEXTENC_AUTO detects per file */
    size_t max_field_bytes;  /* 0 = CSV_MAX_FIELD_BYTES; counted as the value
                                is collected, so spaces after a value's
                                closing quote count too */
    size_t chunk_bytes;      /* 0 = CSV_CHUNK_BYTES; tests feed 1-byte chunks */
    size_t max_file_bytes;   /* csv_read_file: 0 = FILE_LIMIT_SURVEY_CSV (fileread.h) */
} csv_options;

typedef struct {
    text_encoding encoding; /* the encoding used (after detection) */
    long data_rows;         /* rows delivered after the header */
    int problems;           /* diagnostics the reader added */
    bool opened;            /* false: the file could not be read (reported) */
    bool truncated;         /* rows were lost (an unterminated quote): the
                               consumer should not report rows as missing */
} csv_result;

/* Reads path, a regular file within the size limit (fileread.h: a FIFO,
 * device or folder is refused as what it is); diagnostics name the file as
 * `path`. opt may be NULL. */
csv_result csv_read_file(const char *path, const csv_options *opt, csv_row_fn fn, void *ctx,
                         diags *d);
/* Reads data[0..n) as if it were the file `name` (for tests and embedding). */
csv_result csv_read_memory(const char *name, const void *data, size_t n, const csv_options *opt,
                           csv_row_fn fn, void *ctx, diags *d);

/* The columns a file may have, for csv_map_header. */
typedef struct {
    const char *name;
    bool required;
    const char *not_here; /* non-NULL: a known column not allowed in this file;
                             the reason, e.g. "効果の活用方法 is asked from R6 on" */
} csv_column;

/* Maps the header row onto cols: field_of[c] = field index of column c, -1 when
 * absent. Reports unknown, duplicate and missing required columns with
 * file:line:column. Returns false when any was found. */
bool csv_map_header(const csv_row *header, const char *file, const csv_column *cols, int n_cols,
                    int *field_of, diags *d);

#endif
