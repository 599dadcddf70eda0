#include "csvread.h"

#include "arena.h"
#include "utf8.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* libcsv parser states (libcsv.c; the struct is public in csv.h). */
enum { LIBCSV_ROW_NOT_BEGUN = 0, LIBCSV_FIELD_BEGUN = 2, LIBCSV_FIELD_MIGHT_HAVE_ENDED = 3 };
/* Bytes handed to csv_parse at once: bounds how far a field can grow past the
 * cap before it is noticed, and keeps line numbers exact (pieces end at '\n'). */
enum { PIECE_BYTES = 4096 };
static const unsigned char PARSER_OPTS = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;

struct reader {
    const char *name;
    diags *d;
    csv_row_fn fn;
    void *ctx;
    struct csv_parser p;
    textdec dec;
    size_t max_field;
    csv_result res;

    /* the row being assembled: field bytes, NUL-separated, in buf */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *off, *len;
    bool *bad;
    const char **ptr;
    int n_fields, fields_cap;
    bool field_bad;     /* the field being parsed is damaged */
    bool field_cut;     /* ... and went over the cap (content dropped) */
    long fields_total;  /* fields submitted so far in the file */

    /* position of the next byte handed to libcsv */
    long line;
    size_t line_chars;  /* characters of the current line before it */
    bool at_line_start;
    long row_line;      /* where the row being parsed started */
    long quote_line;    /* where the open quoted field started */
    int quote_field;

    int header_fields;
    long header_line;
    bool have_header;
};

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
    /* check_field_size() looks once per piece; a field that passes the cap
     * and ends within the same piece arrives here whole. */
    if (n > r->max_field)
        report_too_long(r);
    if (r->field_cut)
        n = 0;
    if (r->buf_len + n + 1 > r->buf_cap) {
        size_t cap = r->buf_cap ? r->buf_cap : 4096;
        while (cap < r->buf_len + n + 1)
            cap *= 2;
        r->buf = xrealloc(r->buf, cap);
        r->buf_cap = cap;
    }
    if (n)
        memcpy(r->buf + r->buf_len, data, n);
    r->buf[r->buf_len + n] = '\0';
    r->off[r->n_fields] = r->buf_len;
    r->len[r->n_fields] = n;
    r->bad[r->n_fields] = r->field_bad;
    r->n_fields++;
    r->buf_len += n + 1;
    r->field_bad = r->field_cut = false;
    r->fields_total++;
}

static void on_field(void *data, size_t n, void *vr)
{
    add_field(vr, data, n);
}

static void on_row(int c, void *vr)
{
    (void)c;
    struct reader *r = vr;
    int n = r->n_fields;
    r->n_fields = 0;
    r->buf_len = 0;

    bool blank = true;
    for (int i = 0; i < n && blank; i++)
        blank = r->len[i] == 0 && !r->bad[i];
    if (blank) /* e.g. ",,,,," rows that spreadsheets append */
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

static bool in_open_quote(const struct reader *r)
{
    return r->p.pstate == LIBCSV_FIELD_BEGUN && r->p.quoted;
}

/* Hands s[0..n) (no '\n' except possibly the last byte) to libcsv; recovers
 * from strict-mode errors so that the rest of the file is still checked. */
static void parse_piece(struct reader *r, const char *s, size_t n)
{
    size_t done = 0;
    while (done < n) {
        done += csv_parse(&r->p, s + done, n - done, on_field, on_row, r);
        if (done >= n)
            break;
        if (csv_error(&r->p) != CSV_EPARSE) {
            /* Only allocation failure is left, and xrealloc aborts on that. */
            r->res.problems++;
            diag_add(r->d, D_INTERNAL, r->name, r->line, 0, "CSV parser failed: %s",
                     csv_strerror(csv_error(&r->p)));
            return;
        }
        r->res.problems++;
        diag_add(r->d, D_CSV_QUOTE, r->name, r->line, r->n_fields + 1,
                 "stray quote at character %zu: a quote inside an unquoted value, or text "
                 "after a closing quote; expected a value wholly in quotes with \"\" for a "
                 "literal quote",
                 r->line_chars + utf8_count_chars(s, done) + 1);
        r->field_bad = true;
        /* Accept the offending byte leniently, then go on strictly. After a
         * closing quote, lenient libcsv would reopen the quote and swallow the
         * rest of the file; the value is treated as unquoted instead, so the
         * next comma or newline ends it. */
        bool after_close = r->p.pstate == LIBCSV_FIELD_MIGHT_HAVE_ENDED;
        csv_set_opts(&r->p, PARSER_OPTS & ~CSV_STRICT);
        done += csv_parse(&r->p, s + done, 1, on_field, on_row, r);
        csv_set_opts(&r->p, PARSER_OPTS);
        if (after_close)
            r->p.quoted = 0;
    }
}


static void check_field_size(struct reader *r)
{
    if (r->p.entry_pos <= r->max_field)
        return;
    report_too_long(r);
    /* Drop what was collected: libcsv keeps appending to its entry buffer,
     * and without this a 10 MB field would cost 10 MB. Positions are reset so
     * that libcsv's own arithmetic (entry_pos -= spaces + 1) stays valid. */
    if (r->p.pstate == LIBCSV_FIELD_BEGUN) {
        r->p.entry_pos = 0;
        r->p.spaces = 0;
    } else if (r->p.pstate == LIBCSV_FIELD_MIGHT_HAVE_ENDED) {
        r->p.entry_pos = 1;
        r->p.spaces = 0;
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
        if (r->at_line_start && r->p.pstate == LIBCSV_ROW_NOT_BEGUN)
            r->row_line = r->line;
        bool was_open = in_open_quote(r);
        long fields_before = r->fields_total;
        parse_piece(r, s, k);
        if (in_open_quote(r) && (!was_open || r->fields_total != fields_before)) {
            r->quote_line = r->line;
            r->quote_field = r->n_fields + 1;
        }
        check_field_size(r);
        if (nl) {
            r->line++;
            r->line_chars = 0;
            r->at_line_start = true;
        } else {
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
    csv_init(&r.p, PARSER_OPTS);
    csv_set_realloc_func(&r.p, xrealloc);
    csv_set_blk_size(&r.p, PIECE_BYTES);

    while ((n = source_read(src, &chunk)) > 0)
        convert_and_feed(&r, chunk, n, false);
    if (src->f && ferror(src->f)) {
        diag_add(d, D_IO_READ, name, r.line, 0, "read error: %s", strerror(errno));
        r.res.problems++;
        r.res.truncated = true;
    }
    convert_and_feed(&r, NULL, 0, true);

    if (csv_fini(&r.p, on_field, on_row, &r) != 0) {
        r.res.problems++;
        r.res.truncated = true;
        diag_add(d, D_CSV_QUOTE, name, r.quote_line, r.quote_field,
                 "unterminated quote: the quoted value of field %d opened on line %ld is never "
                 "closed and runs to the end of the file; expected a closing \"",
                 r.quote_field, r.quote_line);
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
    src.f = fopen(path, "rb");
    if (!src.f) {
        diag_add(d, D_IO_READ, path, 0, 0, "cannot open: %s", strerror(errno));
        return (csv_result){.problems = 1};
    }
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
