/* fuzz_csv.c - the CSV front door: bytes -> textenc -> libcsv -> rows ->
 * header mapping, through csv_read_memory() (the same path csv_read_file()
 * and survey_load() take, without the disk).
 *
 * Input: byte 0 chooses the options (encoding, chunk size, field cap), the
 * rest is the file. Properties checked on every row and diagnostic:
 *  - rows arrive with index 0, 1, 2, ... and non-decreasing line numbers;
 *  - every field is NUL-terminated at its length, within the field cap, and
 *    valid UTF-8 unless flagged bad (the encoding boundary's promise);
 *  - every diagnostic names the file and a line within the input;
 *  - the result's counts agree with what was delivered and reported. */
#include "csvread.h"
#include "fuzz.h"
#include "utf8.h"

#include <string.h>

/* csvread.c feeds libcsv in pieces of at most 4 KiB. */
enum { CSV_FUZZ_PIECE_SLACK = 4096 };

typedef struct {
    long rows;
    long last_line;
    long max_line; /* physical lines in the input + 1 */
    size_t field_cap;
    diags *d;
} csv_fuzz_ctx;

static const csv_column S_columns[] = {
    {.name = "団体コード", .required = true},
    {.name = "導入状況", .required = true},
    {.name = "課題"},
    {.name = "効果の活用方法", .not_here = "asked from R6 on"},
};

static void S_row(void *vctx, const csv_row *row)
{
    csv_fuzz_ctx *c = vctx;
    FUZZ_ASSERT(row->index == c->rows, "row index %ld, expected %ld", row->index, c->rows);
    FUZZ_ASSERT(row->line >= c->last_line && row->line >= 1 && row->line <= c->max_line,
                "row line %ld after %ld (input has %ld lines)", row->line, c->last_line,
                c->max_line);
    FUZZ_ASSERT(row->n_fields >= 0, "negative field count");
    for (int i = 0; i < row->n_fields; i++) {
        FUZZ_ASSERT(row->field[i] != NULL, "field %d is NULL", i);
        FUZZ_ASSERT(row->field[i][row->len[i]] == '\0', "field %d not NUL-terminated", i);
        /* A field over the cap is reported and flagged bad; the reader checks
         * the size once per piece it feeds, so what it keeps of such a field
         * may pass the cap by up to one piece — but never grows with the
         * input (a 10 MB field must not cost 10 MB). */
        size_t bound = row->bad[i] ? c->field_cap + CSV_FUZZ_PIECE_SLACK : c->field_cap;
        FUZZ_ASSERT(row->len[i] <= bound, "field %d has %zu bytes, over the bound %zu (bad %d)", i,
                    row->len[i], bound, row->bad[i]);
        if (!row->bad[i])
            FUZZ_ASSERT(utf8_valid(row->field[i], row->len[i]),
                        "field %d of line %ld is not valid UTF-8 and not flagged bad", i,
                        row->line);
    }
    if (row->index == 0) {
        enum { N = sizeof S_columns / sizeof S_columns[0] };
        int field_of[N];
        bool ok = csv_map_header(row, "fuzz.csv", S_columns, N, field_of, c->d);
        for (int k = 0; k < N; k++) {
            FUZZ_ASSERT(field_of[k] >= -1 && field_of[k] < row->n_fields,
                        "column %d mapped to field %d of %d", k, field_of[k], row->n_fields);
            if (ok && S_columns[k].required)
                FUZZ_ASSERT(field_of[k] >= 0, "required column %d unmapped yet ok", k);
        }
    }
    c->rows++;
    c->last_line = row->line;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const size_t chunks[8] = {0, 1, 2, 3, 7, 64, 4096, 5};
    static const text_encoding encs[4] = {TEXTENC_AUTO, TEXTENC_UTF8, TEXTENC_CP932, TEXTENC_AUTO};
    csv_options opt = {.encoding = encs[data[0] & 3],
                       .chunk_bytes = chunks[(data[0] >> 2) & 7],
                       .max_field_bytes = (data[0] & 0x20) ? 16 : 0};
    const char *text = (const char *)data + 1;
    size_t n = size - 1;

    csv_fuzz_ctx c = {.field_cap = opt.max_field_bytes ? opt.max_field_bytes : CSV_MAX_FIELD_BYTES,
                      .d = diags_new(NULL)};
    /* An upper bound whatever the line-end convention (LF, CRLF, CR). */
    c.max_line = 2;
    for (size_t i = 0; i < n; i++)
        c.max_line += text[i] == '\n' || text[i] == '\r';

    csv_result r = csv_read_memory("fuzz.csv", text, n, &opt, S_row, &c, c.d);

    FUZZ_ASSERT(r.opened, "memory input reported as unopened");
    FUZZ_ASSERT(r.encoding == TEXTENC_UTF8 || r.encoding == TEXTENC_CP932,
                "result encoding %d is not a concrete one", (int)r.encoding);
    if (opt.encoding != TEXTENC_AUTO)
        FUZZ_ASSERT(r.encoding == opt.encoding, "forced encoding not used");
    FUZZ_ASSERT(r.data_rows == (c.rows > 0 ? c.rows - 1 : 0), "data_rows %ld, delivered %ld",
                r.data_rows, c.rows);
    FUZZ_ASSERT(r.problems <= diags_count(c.d), "problems %d > diagnostics %d", r.problems,
                diags_count(c.d));
    if (n == 0)
        FUZZ_ASSERT(diags_has(c.d, D_CSV_EMPTY), "an empty file is not reported");
    for (int i = 0; i < diags_kept(c.d); i++) {
        const diag *g = diags_get(c.d, i);
        FUZZ_ASSERT(g->file && strcmp(g->file, "fuzz.csv") == 0, "diagnostic names no file");
        FUZZ_ASSERT(g->line >= 0 && g->line <= c.max_line, "diagnostic line %ld of %ld", g->line,
                    c.max_line);
        FUZZ_ASSERT(g->column >= 0, "negative column");
        FUZZ_ASSERT(g->code != D_INTERNAL, "internal error: %s", g->message);
    }
    diags_free(c.d);
    return 0;
}
