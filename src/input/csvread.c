#include "csvread.h"

#include "arena.h"
#include "fileread.h"
#include "utf8.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libcsv is used through its published API only (csv.h): its parser state
 * is its own. What the reader needs to know of it is learnt from the
 * callbacks, and where the reader must steer the parser (a damaged value
 * read on as unquoted text, an over-long value emptied) it feeds bytes of
 * its own whose callbacks it catches (steer below):
 *   - the line end of a line with a quote is parsed on its own with
 *     CSV_REPALL_NL: outside a quoted value it always ends a row (an empty
 *     one on a blank line, which on_row skips), inside one it does not, so
 *     after each line the reader knows whether a quoted value is open (and
 *     where the next row starts); a line without a quote cannot change
 *     that;
 *   - libcsv's field buffer grows through capped_realloc, which refuses to
 *     grow it past the field cap: csv_parse then stops (CSV_ENOMEM) at an
 *     over-long value instead of collecting it whole (cut_long_field).
 * Lines are handed over whole (in pieces of PIECE_BYTES at most), never
 * byte by byte. */

/* Bytes handed to csv_parse at once: pieces end at '\n', which keeps line
 * numbers exact; a longer line goes in pieces of this size. */
enum { PIECE_BYTES = 4096 };
static const unsigned char PARSER_OPTS = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL;

/* How the callbacks treat what libcsv reports while the reader steers it. */
typedef enum {
    STEER_NONE, /* reading the file: fields and rows are the file's */
    STEER_DROP, /* steering bytes: ignore what libcsv reports */
    STEER_KEEP  /* the value so far, ended by a steering comma: keep it as
                   the start of the field being read */
} steer_mode;

struct reader {
    const char *name;
    diags *d;
    csv_row_fn fn;
    void *ctx;
    struct csv_parser p;
    textdec dec;
    size_t max_field;
    size_t entry_limit; /* largest buffer libcsv may hold for one field */
    csv_result res;
    steer_mode steer;
    bool skip_first;    /* the next value libcsv reports starts with a steering byte */

    /* the row being assembled: field bytes, NUL-separated, in buf; the field
     * being read may already hold partial_len bytes at buf + buf_len */
    char *buf;
    size_t buf_len, buf_cap, partial_len;
    size_t *off, *len;
    bool *bad;
    const char **ptr;
    int n_fields, fields_cap;
    bool field_bad;     /* the field being parsed is damaged */
    bool field_cut;     /* ... and went over the cap (content dropped) */
    bool nul_in_row;    /* a NUL byte was fed since the line of the row began */
    long rows_seen;     /* rows libcsv ended (empty ones included) */

    /* position of the next byte handed to libcsv */
    long line;
    size_t line_chars;  /* characters of the current line before it */
    bool at_line_start;
    bool quote_open;    /* the last line ended inside a quoted value */
    bool line_has_quote; /* a quote was seen on the current line */
    long row_line;      /* where the row being parsed started */
    long field_line;    /* where the last field of the row ended */

    int header_fields;
    long header_line;
    bool have_header;
};

/* libcsv's realloc hook has no context argument: the limit of the reader
 * parsing on this thread is set around each call (csv_feed). */
static _Thread_local size_t entry_limit_now = SIZE_MAX;

static void on_field(void *data, size_t n, void *vr);
static void on_row(int c, void *vr);

static void *capped_realloc(void *p, size_t size)
{
    return size <= entry_limit_now ? xrealloc(p, size) : NULL;
}

static size_t csv_feed(struct reader *r, const char *s, size_t n)
{
    size_t saved = entry_limit_now;
    /* Steering bytes may need one more block (the parser is restarted after
     * them, which frees it). */
    entry_limit_now = r->steer == STEER_NONE ? r->entry_limit : SIZE_MAX;
    size_t done = csv_parse(&r->p, s, n, on_field, on_row, r);
    entry_limit_now = saved;
    return done;
}

static void parser_start(struct reader *r)
{
    csv_init(&r->p, PARSER_OPTS);
    csv_set_realloc_func(&r->p, capped_realloc);
    csv_set_blk_size(&r->p, PIECE_BYTES);
}

/* A fresh parser (between two values: nothing is lost). */
static void parser_restart(struct reader *r)
{
    csv_free(&r->p);
    parser_start(r);
}

static void reserve_row(struct reader *r, size_t more)
{
    size_t need = r->buf_len + r->partial_len + more + 1;
    if (need <= r->buf_cap)
        return;
    size_t cap = r->buf_cap ? r->buf_cap : 4096;
    while (cap < need)
        cap *= 2;
    r->buf = xrealloc(r->buf, cap);
    r->buf_cap = cap;
}

/* Reports the field being parsed as over the cap, once, and marks it cut. */
static void report_too_long(struct reader *r)
{
    if (r->field_cut)
        return;
    r->res.problems++;
    diag_add(r->d, D_FIELD_TOO_LONG, r->name, r->row_line, r->n_fields + 1,
             "field %d is longer than %zu bytes; expected a short value (is a quote "
             "missing its closing quote?)",
             r->n_fields + 1, r->max_field);
    r->field_cut = r->field_bad = true;
    r->partial_len = 0;
}

/* A NUL byte would cut the value short for every C string that holds it
 * (9245\0GARBAGE read as 9245): a data error, and the field's content is
 * dropped like an over-long one's. Only rows in which a NUL was fed are
 * searched. */
static void check_nul(struct reader *r, const char *data, size_t n)
{
    if (!r->nul_in_row || r->field_cut || n == 0)
        return;
    const char *nul = memchr(data, '\0', n);
    if (!nul)
        return;
    if (!r->field_bad) {
        /* No piece kept yet: the row buffer may not exist (buf is NULL). */
        size_t kept = r->partial_len ? utf8_count_chars(r->buf + r->buf_len, r->partial_len) : 0;
        size_t at = kept + utf8_count_chars(data, (size_t)(nul - data)) + 1;
        r->res.problems++;
        diag_add(r->d, D_CSV_NUL, r->name, r->row_line, r->n_fields + 1,
                 "field %d holds a NUL byte at character %zu; expected text (is the file "
                 "saved as UTF-16, or not a CSV file?)",
                 r->n_fields + 1, at);
    }
    r->field_bad = r->field_cut = true;
    r->partial_len = 0;
}

/* Keeps data[0..n) as the start of the field being read. */
static void add_partial(struct reader *r, const char *data, size_t n)
{
    check_nul(r, data, n);
    if (r->partial_len + n > r->max_field)
        report_too_long(r);
    if (r->field_cut || n == 0)
        return;
    reserve_row(r, n);
    memcpy(r->buf + r->buf_len + r->partial_len, data, n);
    r->partial_len += n;
}

static void add_field(struct reader *r, const char *data, size_t n)
{
    if (r->n_fields == r->fields_cap) {
        r->fields_cap = r->fields_cap ? r->fields_cap * 2 : 32;
        size_t cap = (size_t)r->fields_cap;
        r->off = xrealloc(r->off, cap * sizeof *r->off);
        r->len = xrealloc(r->len, cap * sizeof *r->len);
        r->bad = xrealloc(r->bad, cap * sizeof *r->bad);
        r->ptr = xrealloc(r->ptr, cap * sizeof *r->ptr);
    }
    /* Over the cap by less than libcsv's buffer allows arrives here whole. */
    if (r->partial_len + n > r->max_field)
        report_too_long(r);
    check_nul(r, data, n);
    if (r->field_cut)
        n = 0;
    reserve_row(r, n);
    if (n)
        memcpy(r->buf + r->buf_len + r->partial_len, data, n);
    n += r->partial_len;
    r->buf[r->buf_len + n] = '\0';
    r->off[r->n_fields] = r->buf_len;
    r->len[r->n_fields] = n;
    r->bad[r->n_fields] = r->field_bad;
    r->n_fields++;
    r->buf_len += n + 1;
    r->partial_len = 0;
    r->field_bad = r->field_cut = false;
    r->field_line = r->line;
}

static void on_field(void *data, size_t n, void *vr)
{
    struct reader *r = vr;
    if (r->steer == STEER_DROP)
        return;
    const char *s = data;
    if (r->skip_first && n > 0) {
        s++;
        n--;
    }
    r->skip_first = false;
    if (r->steer == STEER_KEEP)
        add_partial(r, s, n);
    else
        add_field(r, s, n);
}

static void on_row(int c, void *vr)
{
    (void)c;
    struct reader *r = vr;
    if (r->steer != STEER_NONE)
        return; /* libcsv's row, ended by a steering byte; the file's goes on */
    r->rows_seen++;
    int n = r->n_fields;
    r->n_fields = 0;
    r->buf_len = 0;

    bool blank = true;
    for (int i = 0; i < n && blank; i++)
        blank = r->len[i] == 0 && !r->bad[i];
    if (blank) /* e.g. ",,,,," rows that spreadsheets append; blank lines */
        return;

    for (int i = 0; i < n; i++)
        r->ptr[i] = r->buf + r->off[i];
    csv_row row = {.index = r->have_header ? r->res.data_rows + 1 : 0,
                   .line = r->row_line,
                   .n_fields = n,
                   .field = r->ptr,
                   .len = r->len,
                   .bad = r->bad};
    if (!r->have_header) {
        r->have_header = true;
        r->header_fields = n;
        r->header_line = r->row_line;
    } else {
        r->res.data_rows++;
        if (n != r->header_fields) {
            row.ragged = true;
            r->res.problems++;
            diag_add(r->d, D_CSV_RAGGED, r->name, r->row_line,
                     (n < r->header_fields ? n : r->header_fields) + 1,
                     "row has %d fields; the header has %d (a missing or extra comma, or an "
                     "unquoted comma inside a value)",
                     n, r->header_fields);
        }
    }
    if (r->fn)
        r->fn(r->ctx, &row);
}

/* csv_parse stopped at a stray quote (strict mode): a quote inside an
 * unquoted value, or text after the closing quote of a quoted one (after
 * spaces, the offending byte may be a quote too). The value is damaged and
 * reported; the rest of it is read as unquoted text, so that the next comma
 * or line end ends it (lenient libcsv would reopen the quote after a closing
 * one and swallow the rest of the file). Steering: the value so far is
 * ended with a comma and kept as the start of the field, a fresh parser
 * restarts it unquoted with a sentinel byte (dropped again), and the
 * offending byte b goes in leniently. The value keeps every byte. */
static void recover_stray_quote(struct reader *r, char b)
{
    /* An 'x' taken leniently: after a closing quote it reopens the quoted
     * value, and a quote closes it again, so that the comma drops that quote
     * rather than the value's own; in an unquoted value the 'x' is text and
     * the quote is refused, changing nothing. Either way the comma reports
     * the value so far and the 'x'. */
    r->steer = STEER_DROP;
    csv_set_opts(&r->p, PARSER_OPTS & ~CSV_STRICT);
    csv_feed(r, "x", 1);
    csv_set_opts(&r->p, PARSER_OPTS);
    csv_feed(r, "\"", 1);
    r->steer = STEER_KEEP;
    size_t kept = r->partial_len;
    csv_feed(r, ",", 1);
    r->steer = STEER_NONE;
    if (!r->field_cut && r->partial_len > kept)
        r->partial_len--; /* the 'x' */
    parser_restart(r);
    r->skip_first = true;
    csv_feed(r, "x", 1);
    csv_set_opts(&r->p, PARSER_OPTS & ~CSV_STRICT);
    csv_feed(r, &b, 1);
    csv_set_opts(&r->p, PARSER_OPTS);
}

/* The value being parsed outgrew the cap: libcsv's buffer may not grow past
 * it, so csv_parse stopped (CSV_ENOMEM). The value is reported and its
 * content dropped, and a fresh parser is put in the state the old one was
 * in, so that the rest of the value still ends where it should. Which state
 * that was libcsv keeps to itself; a quote and an 'x' fed to it tell:
 *   quote refused, x taken:    inside an unquoted value
 *   quote taken, x refused:    inside a quoted value (the quote closed it)
 *   quote taken, x taken:      just after a quote inside a quoted value
 *                              (the quote made it an escaped "")
 *   both refused:              after a quote and spaces (only a comma or a
 *                              line end may come): as just after a quote */
static void cut_long_field(struct reader *r)
{
    report_too_long(r);
    r->steer = STEER_DROP;
    bool quote_taken = csv_feed(r, "\"", 1) == 1;
    bool x_taken = csv_feed(r, "x", 1) == 1;
    r->steer = STEER_NONE;
    const char *again = quote_taken == x_taken ? "\"\"" : quote_taken ? "\"" : "x";
    parser_restart(r);
    csv_feed(r, again, strlen(again)); /* no callback: the value is cut anyway */
}

/* Hands s[0..n) (no '\n' except possibly the last byte) to libcsv; recovers
 * from strict-mode errors and over-long values so that the rest of the file
 * is still checked. */
static void parse_piece(struct reader *r, const char *s, size_t n)
{
    size_t done = 0;
    while (done < n) {
        done += csv_feed(r, s + done, n - done);
        if (done >= n)
            break;
        int err = csv_error(&r->p);
        if (err == CSV_ENOMEM) {
            cut_long_field(r);
            continue;
        }
        if (err != CSV_EPARSE) {
            r->res.problems++;
            diag_add(r->d, D_INTERNAL, r->name, r->line, 0, "CSV parser failed: %s",
                     csv_strerror(err));
            return;
        }
        r->res.problems++;
        diag_add(r->d, D_CSV_QUOTE, r->name, r->line, r->n_fields + 1,
                 "stray quote at character %zu: a quote inside an unquoted value, or text "
                 "after a closing quote; expected a value wholly in quotes with \"\" for a "
                 "literal quote",
                 r->line_chars + utf8_count_chars(s, done) + 1);
        r->field_bad = true;
        recover_stray_quote(r, s[done]);
        done++;
    }
}

/* Feeds UTF-8 text, splitting it at newlines to keep track of lines. */
static void feed(struct reader *r, const char *s, size_t n)
{
    while (n > 0) {
        size_t k = n < PIECE_BYTES ? n : PIECE_BYTES;
        const char *nl = memchr(s, '\n', k);
        if (nl)
            k = (size_t)(nl - s) + 1;
        if (r->at_line_start && !r->quote_open)
            r->row_line = r->line;
        if (!r->line_has_quote && memchr(s, '"', k))
            r->line_has_quote = true;
        if (r->at_line_start && !r->quote_open)
            r->nul_in_row = false; /* a new row (or rows, parted by CR) */
        if (!r->nul_in_row && memchr(s, '\0', k))
            r->nul_in_row = true;
        if (nl) {
            if (r->line_has_quote) {
                parse_piece(r, s, k - 1);
                /* With CSV_REPALL_NL a line end outside quotes always ends
                 * a row; inside a quoted value it is part of the value. */
                long rows = r->rows_seen;
                parse_piece(r, "\n", 1);
                r->quote_open = r->rows_seen == rows;
            } else {
                /* no quote on the line: a quoted value can neither open
                 * nor close on it */
                parse_piece(r, s, k);
            }
            r->line++;
            r->line_chars = 0;
            r->line_has_quote = false;
            r->at_line_start = true;
        } else {
            parse_piece(r, s, k);
            r->line_chars += utf8_count_chars(s, k);
            r->at_line_start = false;
        }
        s += k;
        n -= k;
    }
}

static void report_event(struct reader *r, const textdec_event *e)
{
    char hex[32];
    utf8_hex_bytes(hex, sizeof hex, e->bytes, (size_t)e->n_bytes);
    size_t at = r->line_chars + 1;
    r->res.problems++;
    if (e->kind == TEXTDEC_BOM) {
        diag_add(r->d, D_CSV_BOM, r->name, r->line, r->n_fields + 1,
                 "byte order mark (U+FEFF) at character %zu; a BOM is allowed only at the "
                 "start of the file (were two files joined?)",
                 at);
        return;
    }
    r->field_bad = true;
    if (r->dec.enc == TEXTENC_CP932)
        diag_add(r->d, D_ENC_CP932, r->name, r->line, r->n_fields + 1,
                 "bytes %s at character %zu are not valid CP932 (Shift_JIS); expected CP932 "
                 "text, or set encoding in survey.ini",
                 hex, at);
    else
        diag_add(r->d, D_ENC_UTF8, r->name, r->line, r->n_fields + 1,
                 "bytes %s at character %zu are not valid UTF-8; expected UTF-8 text, or set "
                 "encoding = cp932 in survey.ini",
                 hex, at);
}

/* Converts one chunk and feeds it, reporting decoder events in place. */
static void convert_and_feed(struct reader *r, const char *in, size_t n, bool last)
{
    textdec_convert(&r->dec, in, n, last);
    size_t pos = 0;
    for (int i = 0; i < r->dec.n_events; i++) {
        const textdec_event *e = &r->dec.events[i];
        feed(r, r->dec.out + pos, e->out_offset - pos);
        pos = e->out_offset;
        report_event(r, e);
    }
    if (r->dec.out_len > pos) /* out is NULL before any output: NULL + 0 is UB */
        feed(r, r->dec.out + pos, r->dec.out_len - pos);
}

/* A byte source that can be read twice (detection, then conversion). */
struct source {
    FILE *f;
    const char *mem;
    size_t mem_len, mem_pos;
    size_t chunk;
    char *buf;
};

static size_t source_read(struct source *src, const char **out)
{
    if (src->f) {
        size_t n = fread(src->buf, 1, src->chunk, src->f);
        *out = src->buf;
        return n;
    }
    size_t n = src->mem_len - src->mem_pos;
    if (n > src->chunk)
        n = src->chunk;
    *out = src->mem + src->mem_pos;
    src->mem_pos += n;
    return n;
}

static bool source_rewind(struct source *src)
{
    if (src->f)
        return fseek(src->f, 0, SEEK_SET) == 0;
    src->mem_pos = 0;
    return true;
}

static csv_result read_source(const char *name, struct source *src, const csv_options *opt,
                              csv_row_fn fn, void *ctx, diags *d)
{
    struct reader r = {.name = name, .d = d, .fn = fn, .ctx = ctx, .line = 1,
                       .at_line_start = true, .row_line = 1};
    r.max_field = opt && opt->max_field_bytes ? opt->max_field_bytes : CSV_MAX_FIELD_BYTES;
    /* A value of max_field bytes fits with a quoted value's closing quote
     * and libcsv's terminating NUL (CSV_APPEND_NULL). */
    r.entry_limit = r.max_field + 3;
    r.res.opened = true;
    text_encoding enc = opt ? opt->encoding : TEXTENC_AUTO;
    const char *chunk;
    size_t n;

    if (enc == TEXTENC_AUTO) {
        textenc_sniffer sn;
        textenc_sniff_init(&sn);
        while (!textenc_sniff_done(&sn) && (n = source_read(src, &chunk)) > 0)
            textenc_sniff(&sn, chunk, n);
        enc = textenc_sniff_result(&sn);
        if (!source_rewind(src)) {
            diag_add(d, D_IO_READ, name, 0, 0, "cannot rewind the file: %s", strerror(errno));
            r.res.problems++;
            r.res.opened = false;
            return r.res;
        }
    }
    r.res.encoding = enc;
    if (!textdec_init(&r.dec, enc)) {
        diag_add(d, D_INTERNAL, name, 0, 0, "iconv cannot convert from %s", textenc_name(enc));
        r.res.problems++;
        return r.res;
    }
    parser_start(&r);

    while ((n = source_read(src, &chunk)) > 0)
        convert_and_feed(&r, chunk, n, false);
    if (src->f && ferror(src->f)) {
        diag_add(d, D_IO_READ, name, r.line, 0, "read error: %s", strerror(errno));
        r.res.problems++;
        r.res.truncated = true;
    }
    convert_and_feed(&r, NULL, 0, true);

    if (csv_fini(&r.p, on_field, on_row, &r) != 0) {
        /* The open value is the row's next field; it began on the line
         * where the previous field ended, or where the row began. */
        int field = r.n_fields + 1;
        long line = r.n_fields > 0 ? r.field_line : r.row_line;
        r.res.problems++;
        r.res.truncated = true;
        diag_add(d, D_CSV_QUOTE, name, line, field,
                 "unterminated quote: the quoted value of field %d opened on line %ld is never "
                 "closed and runs to the end of the file; expected a closing \"",
                 field, line);
    }
    if (!r.have_header) {
        r.res.problems++;
        diag_add(d, D_CSV_EMPTY, name, 0, 0, "the file is empty; expected a header row and "
                                             "data rows");
    } else if (r.res.data_rows == 0 && !r.res.truncated) {
        r.res.problems++;
        diag_add(d, D_CSV_EMPTY, name, r.header_line, 0, "only a header row; expected data rows after it");
    }

    csv_free(&r.p);
    textdec_free(&r.dec);
    free(r.buf);
    free(r.off);
    free(r.len);
    free(r.bad);
    free(r.ptr);
    return r.res;
}

csv_result csv_read_file(const char *path, const csv_options *opt, csv_row_fn fn, void *ctx,
                         diags *d)
{
    struct source src = {.chunk = opt && opt->chunk_bytes ? opt->chunk_bytes : CSV_CHUNK_BYTES};
    size_t limit = opt && opt->max_file_bytes ? opt->max_file_bytes : FILE_LIMIT_SURVEY_CSV;
    src.f = file_open_read(path, limit, "a CSV file", D_IO_READ, d);
    if (!src.f)
        return (csv_result){.problems = 1};
    src.buf = xmalloc(src.chunk);
    csv_result res = read_source(path, &src, opt, fn, ctx, d);
    free(src.buf);
    fclose(src.f);
    return res;
}

csv_result csv_read_memory(const char *name, const void *data, size_t n, const csv_options *opt,
                           csv_row_fn fn, void *ctx, diags *d)
{
    struct source src = {.mem = data, .mem_len = n,
                         .chunk = opt && opt->chunk_bytes ? opt->chunk_bytes : CSV_CHUNK_BYTES};
    return read_source(name, &src, opt, fn, ctx, d);
}

bool csv_map_header(const csv_row *header, const char *file, const csv_column *cols, int n_cols,
                    int *field_of, diags *d)
{
    bool ok = true;
    for (int c = 0; c < n_cols; c++)
        field_of[c] = -1;
    for (int i = 0; i < header->n_fields; i++) {
        const char *h = header->field[i];
        if (header->bad[i]) {
            ok = false; /* already reported */
            continue;
        }
        int c = 0;
        while (c < n_cols && strcmp(cols[c].name, h) != 0)
            c++;
        if (c == n_cols) {
            /* Name the expected columns so a typo is easy to see. */
            char expected[1024];
            size_t used = 0;
            expected[0] = '\0';
            for (int k = 0; k < n_cols && used + 1 < sizeof expected; k++) {
                if (cols[k].not_here)
                    continue;
                int w = snprintf(expected + used, sizeof expected - used, "%s%s",
                                 used ? ", " : "", cols[k].name);
                if (w < 0)
                    break;
                used += (size_t)w;
            }
            diag_add(d, D_CSV_HEADER_UNKNOWN, file, header->line, i + 1,
                     "unknown column \"%s\"; expected one of: %s", h, expected);
            ok = false;
        } else if (cols[c].not_here) {
            diag_add(d, D_CSV_HEADER_UNKNOWN, file, header->line, i + 1,
                     "column \"%s\" does not belong in this file: %s", h, cols[c].not_here);
            ok = false;
        } else if (field_of[c] >= 0) {
            diag_add(d, D_CSV_HEADER_DUPLICATE, file, header->line, i + 1,
                     "column \"%s\" appears twice (fields %d and %d); expected once", h,
                     field_of[c] + 1, i + 1);
            ok = false;
        } else {
            field_of[c] = i;
        }
    }
    bool any_bad = false;
    for (int i = 0; i < header->n_fields; i++)
        any_bad |= header->bad[i];
    /* With a damaged header (wrong encoding) "missing" would only be noise. */
    for (int c = 0; c < n_cols && !any_bad; c++)
        if (cols[c].required && !cols[c].not_here && field_of[c] < 0) {
            diag_add(d, D_CSV_HEADER_MISSING, file, header->line, 0,
                     "missing column \"%s\"; the header must name it", cols[c].name);
            ok = false;
        }
    return ok;
}
