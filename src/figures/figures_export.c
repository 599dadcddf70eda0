/* figures_export.c - the figures as CSV (RFC 4180) and JSON: one record per
 * number, the same fields in both, for the CI diff and for other tools.
 *
 * The nation + 47 prefectures x 3 years is ~20,000 rows (4 MB of JSON).
 * Written through stdio (fprintf/fputc per field) that cost ~190 M
 * instructions, more than loading and computing everything together; so the
 * records are formatted into one growing memory buffer with hand-rolled
 * integer and percent formatting (locale-free, like numfmt) and handed to
 * the FILE in 64 KB pieces at record ends (a buffer of the whole 4 MB cost
 * ~1,000 page faults and as many KB of peak RSS). */
#include "figures.h"

#include "arena.h"
#include "survey.h"
#include "textbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- memory output buffer ---- */

/* The text of the records (textbuf.h, which also escapes the values),
 * handed to the FILE in pieces. */
typedef struct {
    textbuf t;
    FILE *out;
    bool write_failed;
} outbuf;

enum { OB_PIECE_BYTES = 64 * 1024 };

#define OB_LIT(b, lit) TEXTBUF_LIT(&(b)->t, lit)

static void ob_put(outbuf *b, const char *s, size_t n)
{
    textbuf_put(&b->t, s, n);
}

static void ob_puts(outbuf *b, const char *s)
{
    textbuf_puts(&b->t, s);
}

static void ob_putc(outbuf *b, char c)
{
    textbuf_putc(&b->t, c);
}

/* Decimal, like "%d" (no separators); written in place, last digit first.
 * Most numbers are counts under 100: those take no loop. */
static void ob_int(outbuf *b, int v)
{
    if (v >= 0 && v < 100) {
        textbuf_reserve(&b->t, 2);
        char *p = b->t.data + b->t.len;
        if (v < 10) {
            p[0] = (char)('0' + v);
            b->t.len += 1;
        } else {
            p[0] = (char)('0' + v / 10);
            p[1] = (char)('0' + v % 10);
            b->t.len += 2;
        }
        return;
    }
    unsigned mag = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    size_t n = (v < 0) + 1;
    for (unsigned t = mag; t >= 10; t /= 10)
        n++;
    textbuf_reserve(&b->t, n);
    char *p = b->t.data + b->t.len + n;
    b->t.len += n;
    do {
        *--p = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag > 0);
    if (v < 0)
        *--p = '-';
}

/* pct10 456 -> "45.6", as numfmt_pct10_str; nothing for a negative value. */
static void ob_pct10(outbuf *b, int pct10)
{
    if (pct10 < 0)
        return;
    ob_int(b, pct10 / 10);
    char tail[2] = {'.', (char)('0' + pct10 % 10)};
    ob_put(b, tail, 2);
}

/* At the end of a record (never inside one: put_escaped reads back what it
 * wrote): hands the buffer to the FILE once it holds a piece. */
static void ob_record_end(outbuf *b)
{
    if (b->t.len < OB_PIECE_BYTES)
        return;
    if (fwrite(b->t.data, 1, b->t.len, b->out) != b->t.len)
        b->write_failed = true;
    b->t.len = 0;
}

/* Hands the rest of the buffer to the FILE and frees it. */
static bool ob_finish(outbuf *b)
{
    FILE *out = b->out;
    bool ok = !b->write_failed && fwrite(b->t.data, 1, b->t.len, out) == b->t.len;
    textbuf_free(&b->t);
    *b = (outbuf){0};
    return fflush(out) == 0 && !ferror(out) && ok;
}

/* Memo of escaped strings. A row's strings are codebook labels and literals
 * shared by thousands of rows, so each is escaped (quoted, for JSON) once
 * and then copied by pointer identity. The strings are immutable while an
 * export runs. Direct-mapped; a collision or a long string just escapes
 * again. */
enum { ESC_SLOTS = 512, ESC_TEXT_MAX = 120 };

typedef struct {
    const char *key;
    unsigned len;
    char text[ESC_TEXT_MAX];
} esc_entry;

typedef void (*escape_fn)(textbuf *b, const char *v);

static void put_escaped(outbuf *b, esc_entry *cache, escape_fn escape, const char *v)
{
    uintptr_t h = ((uintptr_t)v * (uintptr_t)0x9e3779b97f4a7c15u) >> 20;
    esc_entry *e = &cache[h & (ESC_SLOTS - 1)];
    if (v && e->key == v) {
        ob_put(b, e->text, e->len);
        return;
    }
    size_t start = b->t.len;
    escape(&b->t, v);
    size_t n = b->t.len - start;
    if (v && n <= ESC_TEXT_MAX) {
        e->key = v;
        e->len = (unsigned)n;
        memcpy(e->text, b->t.data + start, n);
    }
}

static const char *year_key(const survey *s, int year)
{
    return year >= 0 && year < s->n_years && s->years[year].key ? s->years[year].key : "";
}

/* "national" or the prefecture code as "%02d" prints it. */
static void ob_scope(outbuf *b, int scope)
{
    if (scope == 0) {
        OB_LIT(b, "national");
        return;
    }
    int code = scope % 100;
    if (code >= 0 && code < 10)
        ob_putc(b, '0');
    ob_int(b, code);
}

/* ---- CSV ---- */

/* 「全国」 or 「13 東京都」, one CSV field (figures_excel.csv). */
static void ob_scope_ja(outbuf *b, const survey *s, int scope)
{
    if (scope == 0) {
        OB_LIT(b, "全国");
        return;
    }
    int body = scope <= N_PREFECTURES ? s->pref_body[scope] : -1;
    const char *name = body >= 0 ? s->bodies[body].pref_name : NULL;
    if (!name) {
        ob_scope(b, scope);
        return;
    }
    char field[160];
    snprintf(field, sizeof field, "%02d %s", scope % 100, name);
    textbuf_csv_field(&b->t, field); /* a name from the data: quoted when it needs it */
}

/* figures.csv, or with excel the CSV for Excel users (figures_excel.csv):
 * the same records, with a BOM (without it Japanese Excel reads the file
 * as CP932), Japanese column names, the years' labels (令和7年度) and the
 * scopes' names. CRLF as Excel writes. */
static bool export_csv(FILE *out, const survey *s, figset *const *sets, int n_sets, bool excel)
{
    outbuf b = {.out = out};
    esc_entry *cache = xcalloc(ESC_SLOTS, sizeof *cache);
    if (excel)
        OB_LIT(&b, "\xEF\xBB\xBF"
                   "ページ,図表,年度,地域,区分,選択肢コード,選択肢,団体数/件数,母数,割合（%）\r\n");
    else
        OB_LIT(&b, "page,figure,year,scope,group,option_code,option_label,count,base,percent\r\n");
    for (int k = 0; k < n_sets; k++) {
        const figset *f = sets[k];
        for (int i = 0; i < figures_count(f); i++) {
            const fig_row *r = figures_row(f, i);
            put_escaped(&b, cache, textbuf_csv_field, r->page);
            ob_putc(&b, ',');
            put_escaped(&b, cache, textbuf_csv_field, r->figure);
            ob_putc(&b, ',');
            if (!excel)
                put_escaped(&b, cache, textbuf_csv_field, year_key(s, r->year));
            else if (r->year >= 0 && r->year < s->n_years)
                put_escaped(&b, cache, textbuf_csv_field, s->years[r->year].label);
            ob_putc(&b, ',');
            if (excel)
                ob_scope_ja(&b, s, r->scope);
            else
                ob_scope(&b, r->scope);
            ob_putc(&b, ',');
            put_escaped(&b, cache, textbuf_csv_field, r->group);
            ob_putc(&b, ',');
            if (r->option > 0)
                ob_int(&b, r->option);
            ob_putc(&b, ',');
            put_escaped(&b, cache, textbuf_csv_field, r->option_label);
            ob_putc(&b, ',');
            ob_int(&b, r->count);
            ob_putc(&b, ',');
            if (r->base > 0)
                ob_int(&b, r->base);
            ob_putc(&b, ',');
            ob_pct10(&b, r->pct10);
            OB_LIT(&b, "\r\n");
            ob_record_end(&b);
        }
    }
    free(cache);
    return ob_finish(&b);
}

bool figures_export_csv(FILE *out, const survey *s, figset *const *sets, int n_sets)
{
    return export_csv(out, s, sets, n_sets, false);
}

bool figures_export_csv_excel(FILE *out, const survey *s, figset *const *sets, int n_sets)
{
    return export_csv(out, s, sets, n_sets, true);
}

/* ---- JSON ---- */

static void json_int_or_null(outbuf *b, bool present, int v)
{
    if (present)
        ob_int(b, v);
    else
        OB_LIT(b, "null");
}

static void json_bool(outbuf *b, bool v)
{
    if (v)
        OB_LIT(b, "true");
    else
        OB_LIT(b, "false");
}

static void json_year(outbuf *b, const sv_year *y)
{
    OB_LIT(b, "{\"key\": ");
    textbuf_json_string(&b->t, y->key);
    OB_LIT(b, ", \"label\": ");
    textbuf_json_string(&b->t, y->label);
    OB_LIT(b, ", \"as_of\": ");
    textbuf_json_string(&b->t, y->as_of);
    OB_LIT(b, ", \"detail_rate\": ");
    json_bool(b, y->detail_rate);
    ob_putc(b, '}');
}

bool figures_export_json(FILE *out, const survey *s, figset *const *sets, int n_sets)
{
    outbuf b = {.out = out};
    esc_entry *cache = xcalloc(ESC_SLOTS, sizeof *cache);
    OB_LIT(&b, "{\n  \"title\": ");
    textbuf_json_string(&b.t, s->title);
    OB_LIT(&b, ",\n  \"sample\": ");
    json_bool(&b, s->sample);
    OB_LIT(&b, ",\n  \"years\": [");
    for (int y = 0; y < s->n_years; y++) {
        ob_puts(&b, y ? ",\n    " : "\n    ");
        json_year(&b, &s->years[y]);
    }
    OB_LIT(&b, "\n  ],\n  \"rows\": [");
    bool first = true;
    for (int k = 0; k < n_sets; k++) {
        const figset *f = sets[k];
        for (int i = 0; i < figures_count(f); i++) {
            const fig_row *r = figures_row(f, i);
            ob_puts(&b, first ? "\n    {\"page\": " : ",\n    {\"page\": ");
            first = false;
            put_escaped(&b, cache, textbuf_json_string, r->page);
            OB_LIT(&b, ", \"figure\": ");
            put_escaped(&b, cache, textbuf_json_string, r->figure);
            OB_LIT(&b, ", \"year\": ");
            put_escaped(&b, cache, textbuf_json_string, year_key(s, r->year));
            OB_LIT(&b, ", \"scope\": \"");
            ob_scope(&b, r->scope);
            OB_LIT(&b, "\", \"group\": ");
            put_escaped(&b, cache, textbuf_json_string, r->group);
            OB_LIT(&b, ", \"option_code\": ");
            json_int_or_null(&b, r->option > 0, r->option);
            OB_LIT(&b, ", \"option_label\": ");
            put_escaped(&b, cache, textbuf_json_string, r->option_label);
            OB_LIT(&b, ", \"count\": ");
            ob_int(&b, r->count);
            OB_LIT(&b, ", \"base\": ");
            json_int_or_null(&b, r->base > 0, r->base);
            /* the percent as printed (45.6), a JSON number */
            OB_LIT(&b, ", \"percent\": ");
            if (r->pct10 >= 0)
                ob_pct10(&b, r->pct10);
            else
                OB_LIT(&b, "null");
            OB_LIT(&b, ", \"rank\": ");
            json_int_or_null(&b, r->rank > 0, r->rank);
            ob_putc(&b, '}');
            ob_record_end(&b);
        }
    }
    ob_puts(&b, first ? "]\n}\n" : "\n  ]\n}\n");
    free(cache);
    return ob_finish(&b);
}
