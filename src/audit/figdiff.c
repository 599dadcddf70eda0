/* figdiff.c - read two figures exports and print the numbers that changed. */
#include "figdiff.h"

#include "arena.h"
#include "figures.h"
#include "numfmt.h"
#include "survey.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The export's columns, in the order figures_export_csv writes them. The
 * reader maps them by header name, so extra columns (e.g. rank) are ignored. */
enum { C_PAGE, C_FIGURE, C_YEAR, C_SCOPE, C_GROUP, C_OPTION, C_LABEL, C_COUNT, C_BASE, C_PERCENT, C__N };
static const char *const S_column_names[C__N] = {"page",  "figure",       "year",  "scope",
                                                 "group", "option_code",  "option_label",
                                                 "count", "base",         "percent"};

/* The same columns as the CSV for Excel users names them
 * (figures_export_csv_excel), so that `diff` reads either export. */
static const char *const S_column_names_ja[C__N] = {"ページ", "図表",   "年度",        "地域",
                                                    "区分",   "選択肢コード", "選択肢",
                                                    "団体数/件数", "母数", "割合（%）"};

typedef struct {
    const char *page, *figure, *year, *group, *option, *label;
    const char *key;  /* the fields that name the number, joined by \x1f */
    uint64_t hash;
    int scope;        /* 0 national, 1..47 */
    bool has_count, has_base;
    long long count, base;
    int pct10;        /* -1: no percentage */
    long line;        /* where the row is in its export */
} fd_row;

struct figdiff_table {
    arena *mem;
    int n, cap;
    fd_row *rows;
    int *slots;       /* open addressing: row index + 1, 0 = empty */
    size_t mask;
};

/* --- hashing ------------------------------------------------------------ */

static uint64_t S_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static int S_find(const figdiff_table *t, const char *key, uint64_t hash)
{
    if (!t->slots)
        return -1;
    for (size_t i = hash & t->mask;; i = (i + 1) & t->mask) {
        int slot = t->slots[i];
        if (slot == 0)
            return -1;
        const fd_row *r = &t->rows[slot - 1];
        if (r->hash == hash && strcmp(r->key, key) == 0)
            return slot - 1;
    }
}

static void S_index(figdiff_table *t)
{
    size_t size = 16;
    while (size < (size_t)t->n * 2)
        size *= 2;
    free(t->slots);
    t->slots = xcalloc(size, sizeof *t->slots);
    t->mask = size - 1;
    for (int r = 0; r < t->n; r++) {
        size_t i = t->rows[r].hash & t->mask;
        while (t->slots[i])
            i = (i + 1) & t->mask;
        t->slots[i] = r + 1;
    }
}

/* --- reading ------------------------------------------------------------ */

typedef struct {
    figdiff_table *t;
    diags *d;
    const char *name;
    int scope_filter;
    long line;          /* physical line being fed to libcsv */
    long record_line;   /* line where the current record started */
    bool at_record_start;
    int n_fields, cap_fields;
    char **fields;      /* of the current record, in t->mem */
    bool header_done, header_ok; /* rows are read only under a complete header */
    int n_header;
    int col[C__N];      /* field index of each column */
} fd_parse;

static void S_on_field(void *field, size_t len, void *data)
{
    fd_parse *p = data;
    if (p->n_fields == p->cap_fields) {
        p->cap_fields = p->cap_fields ? p->cap_fields * 2 : 16;
        p->fields = xrealloc(p->fields, (size_t)p->cap_fields * sizeof *p->fields);
    }
    p->fields[p->n_fields++] = arena_strndup(p->t->mem, field ? field : "", field ? len : 0);
}

static void S_header(fd_parse *p)
{
    p->n_header = p->n_fields;
    for (int c = 0; c < C__N; c++)
        p->col[c] = -1;
    for (int i = 0; i < p->n_fields; i++)
        for (int c = 0; c < C__N; c++) {
            if (strcmp(p->fields[i], S_column_names[c]) != 0 &&
                strcmp(p->fields[i], S_column_names_ja[c]) != 0)
                continue;
            if (p->col[c] >= 0)
                diag_add(p->d, D_CSV_HEADER_DUPLICATE, p->name, p->record_line, i + 1,
                         "column \"%s\" appears twice (first as column %d)", S_column_names[c],
                         p->col[c] + 1);
            else
                p->col[c] = i;
        }
    p->header_ok = true;
    for (int c = 0; c < C__N; c++) {
        if (p->col[c] >= 0)
            continue;
        p->header_ok = false;
        diag_add(p->d, D_CSV_HEADER_MISSING, p->name, p->record_line, 1,
                 "missing column \"%s\"; expected the header of a figures export: "
                 "page,figure,year,scope,group,option_code,option_label,count,base,percent "
                 "(or its Japanese names, as figures_excel.csv has them)",
                 S_column_names[c]);
    }
}

/* "" -> n/a; otherwise an optional '-' and digits. */
static bool S_parse_int(const char *s, bool *has, long long *v)
{
    *has = false;
    *v = 0;
    if (!*s)
        return true;
    const char *q = s + (*s == '-');
    if (!*q)
        return false;
    long long n = 0;
    for (; *q; q++) {
        if (*q < '0' || *q > '9' || n > 100000000000LL)
            return false;
        n = n * 10 + (*q - '0');
    }
    *has = true;
    *v = *s == '-' ? -n : n;
    return true;
}

/* "45.6" / "46" / "" -> 456 / 460 / -1; false when malformed. */
static bool S_parse_pct10(const char *s, int *pct10)
{
    *pct10 = -1;
    if (!*s)
        return true;
    int whole = 0, digits = 0;
    for (; *s >= '0' && *s <= '9'; s++, digits++) {
        if (digits >= 6)
            return false;
        whole = whole * 10 + (*s - '0');
    }
    if (digits == 0)
        return false;
    int tenth = 0;
    if (*s == '.') {
        if (s[1] < '0' || s[1] > '9' || s[2] != '\0')
            return false;
        tenth = s[1] - '0';
    } else if (*s) {
        return false;
    }
    *pct10 = whole * 10 + tenth;
    return true;
}

/* "national" (全国) -> 0, "01".."47" (or "13 東京都") -> 1..47, otherwise -1. */
static int S_parse_scope(const char *s)
{
    if (strcmp(s, "national") == 0 || strcmp(s, "0") == 0 || strcmp(s, "全国") == 0)
        return 0;
    if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
        (s[2] == '\0' || s[2] == ' ')) {
        int v = (s[0] - '0') * 10 + (s[1] - '0');
        return v >= 1 && v <= N_PREFECTURES ? v : -1;
    }
    return -1;
}

static void S_bad(fd_parse *p, int c, const char *expected)
{
    diag_add(p->d, D_EXPORT_VALUE, p->name, p->record_line, p->col[c] + 1,
             "%s \"%s\": expected %s", S_column_names[c], p->fields[p->col[c]], expected);
}

/* The fields that name a number joined by \x1f (the scope normalised: "1" and
 * "01" are one prefecture). Built by hand: printf here cost a third of a diff. */
static const char *S_key(arena *mem, const fd_row *r)
{
    char scope[4] = {(char)('0' + r->scope / 10), (char)('0' + r->scope % 10), '\0', '\0'};
    const char *part[6] = {r->page, r->figure, r->year, scope, r->group, r->option};
    size_t len[6], total = 0;
    for (int i = 0; i < 6; i++)
        total += (len[i] = strlen(part[i])) + 1;
    char *key = arena_alloc(mem, total), *w = key;
    for (int i = 0; i < 6; i++) {
        memcpy(w, part[i], len[i]);
        w += len[i];
        *w++ = i < 5 ? '\x1f' : '\0';
    }
    return key;
}

/* 令和7年度 -> R7 (令和元年度 -> R1), the key figures.csv has; other years
 * as they are. In the arena. */
static const char *S_year_key(arena *mem, const char *y)
{
    static const char era[] = "令和", tail[] = "年度";
    size_t ne = sizeof era - 1, nt = sizeof tail - 1, n = strlen(y);
    if (n <= ne + nt || strncmp(y, era, ne) != 0 || strcmp(y + n - nt, tail) != 0)
        return y;
    const char *num = y + ne;
    size_t nn = n - ne - nt;
    if (nn == strlen("元") && strncmp(num, "元", nn) == 0)
        return "R1";
    for (size_t i = 0; i < nn; i++)
        if (num[i] < '0' || num[i] > '9')
            return y;
    return arena_printf(mem, "R%.*s", (int)nn, num);
}

static void S_data_row(fd_parse *p)
{
    if (p->n_fields != p->n_header) {
        int column = (p->n_fields < p->n_header ? p->n_fields : p->n_header) + 1;
        diag_add(p->d, D_CSV_RAGGED, p->name, p->record_line, column,
                 "row has %d fields, expected %d as in the header", p->n_fields, p->n_header);
        return;
    }
    char **f = p->fields;
    fd_row r = {.page = f[p->col[C_PAGE]],
                .figure = f[p->col[C_FIGURE]],
                .year = S_year_key(p->t->mem, f[p->col[C_YEAR]]),
                .group = f[p->col[C_GROUP]],
                .option = f[p->col[C_OPTION]],
                .label = f[p->col[C_LABEL]],
                .line = p->record_line};
    bool ok = true, has_option;
    long long option;
    if (!*r.page || !*r.figure) {
        S_bad(p, *r.page ? C_FIGURE : C_PAGE, "a name (e.g. P4 / status_by_group)");
        ok = false;
    }
    r.scope = S_parse_scope(f[p->col[C_SCOPE]]);
    if (r.scope < 0) {
        S_bad(p, C_SCOPE, "\"national\" or a prefecture code 01..47");
        ok = false;
    }
    if (!S_parse_int(r.option, &has_option, &option) || option < 0) {
        S_bad(p, C_OPTION, "an option code (digits) or an empty cell");
        ok = false;
    }
    if (!S_parse_int(f[p->col[C_COUNT]], &r.has_count, &r.count)) {
        S_bad(p, C_COUNT, "an integer or an empty cell");
        ok = false;
    }
    if (!S_parse_int(f[p->col[C_BASE]], &r.has_base, &r.base)) {
        S_bad(p, C_BASE, "an integer or an empty cell");
        ok = false;
    }
    if (!S_parse_pct10(f[p->col[C_PERCENT]], &r.pct10)) {
        S_bad(p, C_PERCENT, "a percentage with at most one decimal (45.6) or an empty cell");
        ok = false;
    }
    if (!ok || (p->scope_filter >= 0 && r.scope != p->scope_filter))
        return;
    r.key = S_key(p->t->mem, &r);
    r.hash = S_hash(r.key);
    figdiff_table *t = p->t;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->rows = xrealloc(t->rows, (size_t)t->cap * sizeof *t->rows);
    }
    t->rows[t->n++] = r;
}

static void S_on_record(int c, void *data)
{
    (void)c;
    fd_parse *p = data;
    if (!p->header_done) {
        S_header(p);
        p->header_done = true;
    } else if (p->header_ok) {
        S_data_row(p);
    }
    p->n_fields = 0;
    p->at_record_start = true;
}

static bool S_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\r' && s[i] != '\n' && s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

figdiff_table *figdiff_read_buffer(const char *name, const char *data, size_t len,
                                   int scope_filter, diags *d)
{
    int before = diags_count(d);
    figdiff_table *t = xcalloc(1, sizeof *t);
    t->mem = arena_new();
    fd_parse p = {.t = t, .d = d, .name = name, .scope_filter = scope_filter,
                  .at_record_start = true};
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    struct csv_parser csv;
    csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    /* Feed one physical line at a time so that diagnostics know the line. */
    size_t pos = 0;
    bool parse_error = false;
    long error_line = 0;
    while (pos < len && !parse_error) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
        p.line++;
        if (p.at_record_start && !S_blank(data + pos, n)) {
            p.record_line = p.line;
            p.at_record_start = false;
        }
        if (csv_parse(&csv, data + pos, n, S_on_field, S_on_record, &p) != n) {
            parse_error = true;
            error_line = p.line;
        }
        pos += n;
    }
    if (!parse_error && csv_fini(&csv, S_on_field, S_on_record, &p) != 0) {
        parse_error = true; /* a quote still open at the end: where its record began */
        error_line = p.record_line;
    }
    if (parse_error)
        diag_add(d, D_CSV_QUOTE, name, error_line, p.n_fields + 1, "malformed quoting (%s): expected RFC 4180 \"...\" with \"\" "
                 "for a quote inside a field",
                 csv_strerror(csv_error(&csv)));
    csv_free(&csv);
    free(p.fields);
    if (!p.header_done && diags_count(d) == before)
        diag_add(d, D_CSV_EMPTY, name, 1, 1, "empty file: expected a figures export with a header");
    if (diags_count(d) == before) {
        S_index(t);
        for (int i = 0; i < t->n; i++) {
            int first = S_find(t, t->rows[i].key, t->rows[i].hash);
            if (first != i)
                diag_add(d, D_EXPORT_DUPLICATE, name, t->rows[i].line, 1,
                         "the number %s.%s[%s,%s,%s] appears twice (first on line %ld)",
                         t->rows[i].page, t->rows[i].figure, t->rows[i].year, t->rows[i].group,
                         t->rows[i].option, t->rows[first].line);
        }
    }
    if (diags_count(d) != before) {
        figdiff_table_free(t);
        return NULL;
    }
    return t;
}

figdiff_table *figdiff_read_csv(const char *path, int scope_filter, diags *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(d, D_IO_READ, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t len = 0, cap = 1 << 16;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    bool failed = ferror(f);
    int err = errno;
    fclose(f);
    figdiff_table *t = NULL;
    if (failed)
        diag_add(d, D_IO_READ, path, 0, 0, "cannot read: %s", strerror(err));
    else
        t = figdiff_read_buffer(path, buf, len, scope_filter, d);
    free(buf);
    return t;
}

static figdiff_table *S_read_folder(const char *dir, int scope_filter, bool bodies, diags *d)
{
    survey *s = survey_load(dir, d);
    if (!s)
        return NULL;
    arena *mem = arena_new();
    figset *sets[2 * (N_PREFECTURES + 1)];
    int n = 0;
    /* A1 rows of a prefecture live in the national set, so it is always in. */
    for (int scope = 0; scope <= N_PREFECTURES; scope++)
        if (scope == 0 || scope_filter < 0 || scope == scope_filter)
            sets[n++] = figures_compute(s, scope, mem);
    /* then pages B and M, in the order `figures --bodies` exports them */
    for (int i = 0, n_deck = n; bodies && i < n_deck; i++)
        sets[n++] = figures_compute_bodies(s, figures_scope(sets[i]), mem);
    char *buf = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&buf, &len);
    bool ok = mf && figures_export_csv(mf, s, sets, n);
    if (mf && fclose(mf) != 0)
        ok = false;
    figdiff_table *t = NULL;
    if (ok) {
        char *name = arena_printf(mem, "%s (computed figures)", dir);
        t = figdiff_read_buffer(name, buf, len, scope_filter, d);
    } else {
        diag_add(d, D_INTERNAL, dir, 0, 0, "could not export the computed figures");
    }
    free(buf);
    arena_free(mem);
    survey_free(s);
    return t;
}

figdiff_table *figdiff_open(const char *path, int scope_filter, bool bodies, diags *d)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_add(d, D_IO_READ, path, 0, 0,
                 "cannot open: %s (expected a figures CSV export or a data folder)",
                 strerror(errno));
        return NULL;
    }
    return S_ISDIR(st.st_mode) ? S_read_folder(path, scope_filter, bodies, d)
                               : figdiff_read_csv(path, scope_filter, d);
}

void figdiff_table_free(figdiff_table *t)
{
    if (!t)
        return;
    free(t->rows);
    free(t->slots);
    arena_free(t->mem);
    free(t);
}

/* --- comparing ---------------------------------------------------------- */

enum { K_CHANGED, K_ADDED, K_REMOVED };

typedef struct {
    int kind;
    const fd_row *o, *n;
    int page;              /* order of the page in the output */
    int dpt10_abs;         /* |percentage-point change| x10 */
    long long dcount_abs;
    int order;             /* position in its export */
} fd_change;

static int S_cmp_change(const void *a, const void *b)
{
    const fd_change *x = a, *y = b;
    if (x->page != y->page)
        return x->page < y->page ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->dpt10_abs != y->dpt10_abs)
        return x->dpt10_abs > y->dpt10_abs ? -1 : 1;
    if (x->dcount_abs != y->dcount_abs)
        return x->dcount_abs > y->dcount_abs ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

/* Pages in first-appearance order; rows of a page are contiguous in an
 * export, so only page switches are looked up. */
typedef struct {
    int n, cap;
    const char **names;
} fd_pages;

static int S_page_index(fd_pages *pg, const char *page)
{
    for (int i = pg->n - 1; i >= 0; i--)
        if (strcmp(pg->names[i], page) == 0)
            return i;
    if (pg->n == pg->cap) {
        pg->cap = pg->cap ? pg->cap * 2 : 32;
        pg->names = xrealloc(pg->names, (size_t)pg->cap * sizeof *pg->names);
    }
    pg->names[pg->n] = page;
    return pg->n++;
}

static void S_print_key(FILE *out, const fd_row *r)
{
    char scope[16];
    if (r->scope == 0)
        snprintf(scope, sizeof scope, "全国");
    else
        snprintf(scope, sizeof scope, "%02d", r->scope);
    fprintf(out, "[%s] %s.%s[%s,%s,%s]%s%s", scope, r->page, r->figure, r->year,
            *r->group ? r->group : "-", *r->option ? r->option : "-", *r->label ? " " : "",
            r->label);
}

static const char *S_count_str(char *buf, const fd_row *r)
{
    return r->has_count ? numfmt_int(buf, r->count) : "-";
}

static const char *S_pct_str(char *buf, const fd_row *r)
{
    if (r->pct10 < 0)
        return "-";
    numfmt_pct10_str(buf, r->pct10);
    strcat(buf, "%");
    return buf;
}

/* A value of one side alone: "1,244, 94.0%" or "1,244". */
static void S_print_value(FILE *out, const fd_row *r)
{
    char a[NUMFMT_MAX + 2], b[NUMFMT_MAX + 2];
    fputs(S_count_str(a, r), out);
    if (r->pct10 >= 0)
        fprintf(out, ", %s", S_pct_str(b, r));
}

static void S_print_changed(FILE *out, const fd_row *o, const fd_row *n)
{
    char a[NUMFMT_MAX + 2], b[NUMFMT_MAX + 2], c[NUMFMT_MAX + 2];
    fprintf(out, ": %s -> %s", S_count_str(a, o), S_count_str(b, n));
    if (o->has_count && n->has_count) {
        long long dc = n->count - o->count;
        fprintf(out, " (%s%s)", dc > 0 ? "+" : dc == 0 ? "±" : "", numfmt_int(c, dc));
    }
    if (o->pct10 >= 0 || n->pct10 >= 0) {
        fprintf(out, ", %s -> %s", S_pct_str(a, o), S_pct_str(b, n));
        if (o->pct10 >= 0 && n->pct10 >= 0) {
            int dp = n->pct10 - o->pct10, m = abs(dp);
            fprintf(out, " (%s%d.%dpt)", dp > 0 ? "+" : dp < 0 ? "-" : "±", m / 10, m % 10);
        }
    }
    if (o->has_base != n->has_base || o->base != n->base)
        fprintf(out, ", base %s -> %s", o->has_base ? numfmt_int(a, o->base) : "-",
                n->has_base ? numfmt_int(b, n->base) : "-");
}

static bool S_differs(const fd_row *o, const fd_row *n)
{
    return o->has_count != n->has_count || o->count != n->count || o->has_base != n->has_base ||
           o->base != n->base || o->pct10 != n->pct10;
}

figdiff_counts figdiff_compare(FILE *out, const figdiff_table *old_t, const figdiff_table *new_t)
{
    figdiff_counts counts = {0, 0, 0};
    int cap = 64, n_changes = 0;
    fd_change *changes = xmalloc((size_t)cap * sizeof *changes);
    bool *matched = xcalloc((size_t)old_t->n + 1, sizeof *matched);
    fd_pages pages = {0, 0, NULL};
    int page = -1;
    const char *last_page = NULL;

    for (int pass = 0; pass < 2; pass++) {
        const figdiff_table *t = pass == 0 ? new_t : old_t;
        last_page = NULL;
        for (int i = 0; i < t->n; i++) {
            const fd_row *r = &t->rows[i];
            if (!last_page || strcmp(last_page, r->page) != 0) {
                page = S_page_index(&pages, r->page);
                last_page = r->page;
            }
            fd_change ch = {.page = page, .order = i};
            if (pass == 0) {
                int j = S_find(old_t, r->key, r->hash);
                if (j >= 0) {
                    matched[j] = true;
                    if (!S_differs(&old_t->rows[j], r))
                        continue;
                    const fd_row *o = &old_t->rows[j];
                    ch.kind = K_CHANGED;
                    ch.o = o;
                    ch.n = r;
                    if (o->pct10 >= 0 && r->pct10 >= 0)
                        ch.dpt10_abs = abs(r->pct10 - o->pct10);
                    if (o->has_count && r->has_count)
                        ch.dcount_abs = llabs(r->count - o->count);
                    counts.changed++;
                } else {
                    ch.kind = K_ADDED;
                    ch.n = r;
                    counts.added++;
                }
            } else {
                if (matched[i])
                    continue;
                ch.kind = K_REMOVED;
                ch.o = r;
                counts.removed++;
            }
            if (n_changes == cap)
                changes = xrealloc(changes, (size_t)(cap *= 2) * sizeof *changes);
            changes[n_changes++] = ch;
        }
    }
    qsort(changes, (size_t)n_changes, sizeof *changes, S_cmp_change);

    for (int i = 0; i < n_changes; i++) {
        const fd_change *ch = &changes[i];
        if (i == 0 || changes[i - 1].page != ch->page) {
            int nc = 0, na = 0, nr = 0;
            for (int j = i; j < n_changes && changes[j].page == ch->page; j++) {
                nc += changes[j].kind == K_CHANGED;
                na += changes[j].kind == K_ADDED;
                nr += changes[j].kind == K_REMOVED;
            }
            fprintf(out, "%s%s: %d changed, %d added, %d removed\n", i ? "\n" : "",
                    pages.names[ch->page], nc, na, nr);
        }
        if (ch->kind == K_CHANGED) {
            fputs("  ", out);
            S_print_key(out, ch->n);
            S_print_changed(out, ch->o, ch->n);
        } else if (ch->kind == K_ADDED) {
            fputs("  + ", out);
            S_print_key(out, ch->n);
            fputs(": added ", out);
            S_print_value(out, ch->n);
        } else {
            fputs("  - ", out);
            S_print_key(out, ch->o);
            fputs(": removed, was ", out);
            S_print_value(out, ch->o);
        }
        fputc('\n', out);
    }
    free(pages.names);
    free(matched);
    free(changes);
    return counts;
}
