/* figdiff.c - read two figures exports and print the numbers that changed. */
#include "figdiff.h"

#include "arena.h"
#include "csvread.h"
#include "fileread.h"
#include "figures.h"
#include "hashidx.h"
#include "numfmt.h"
#include "survey.h"

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
    hashidx index; /* rows by key (hashidx.h), in t->mem */
};

/* --- hashing ------------------------------------------------------------ */

/* The first row with key; -1 when none. */
static int S_find(const figdiff_table *t, const char *key, uint64_t hash)
{
    hashidx_probe p;
    for (int i = hashidx_first(&t->index, hash, &p); i >= 0; i = hashidx_next(&t->index, &p)) {
        const fd_row *r = &t->rows[i];
        if (r->hash == hash && strcmp(r->key, key) == 0)
            return i;
    }
    return -1;
}

static void S_index(figdiff_table *t)
{
    hashidx_init(&t->index, (size_t)t->n, t->mem);
    for (int r = 0; r < t->n; r++)
        hashidx_add(&t->index, t->rows[r].hash, r);
}

/* --- reading ------------------------------------------------------------ */

/* Rows arrive from the CSV reader (csvread.h), which reports what is wrong
 * with the file as CSV; here the header is mapped by name (extra columns,
 * e.g. rank, are ignored) and each row's values are checked. */
typedef struct {
    figdiff_table *t;
    diags *d;
    const char *name;
    int scope_filter;
    bool header_ok;     /* rows are read only under a complete header */
    int col[C__N];      /* field index of each column */
    const csv_row *row; /* the row being read */
} fd_parse;

static void S_header(fd_parse *p, const csv_row *h)
{
    for (int c = 0; c < C__N; c++)
        p->col[c] = -1;
    p->header_ok = true;
    for (int i = 0; i < h->n_fields; i++) {
        if (h->bad[i]) { /* reported by the reader */
            p->header_ok = false;
            continue;
        }
        for (int c = 0; c < C__N; c++) {
            if (strcmp(h->field[i], S_column_names[c]) != 0 &&
                strcmp(h->field[i], S_column_names_ja[c]) != 0)
                continue;
            if (p->col[c] >= 0)
                diag_add(p->d, D_CSV_HEADER_DUPLICATE, p->name, h->line, i + 1,
                         "column \"%s\" appears twice (first as column %d)", S_column_names[c],
                         p->col[c] + 1);
            else
                p->col[c] = i;
        }
    }
    for (int c = 0; c < C__N && p->header_ok; c++) {
        if (p->col[c] >= 0)
            continue;
        p->header_ok = false;
        diag_add(p->d, D_CSV_HEADER_MISSING, p->name, h->line, 1,
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

static const char *S_cell(const fd_parse *p, int c)
{
    return p->row->field[p->col[c]];
}

static void S_bad(fd_parse *p, int c, const char *expected)
{
    diag_add(p->d, D_EXPORT_VALUE, p->name, p->row->line, p->col[c] + 1,
             "%s \"%s\": expected %s", S_column_names[c], S_cell(p, c), expected);
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
 * as they are. A copy in the arena (the row's fields are the reader's). */
static const char *S_year_key(arena *mem, const char *y)
{
    static const char era[] = "令和", tail[] = "年度";
    size_t ne = sizeof era - 1, nt = sizeof tail - 1, n = strlen(y);
    if (n <= ne + nt || strncmp(y, era, ne) != 0 || strcmp(y + n - nt, tail) != 0)
        return arena_strdup(mem, y);
    const char *num = y + ne;
    size_t nn = n - ne - nt;
    if (nn == strlen("元") && strncmp(num, "元", nn) == 0)
        return "R1";
    for (size_t i = 0; i < nn; i++)
        if (num[i] < '0' || num[i] > '9')
            return arena_strdup(mem, y);
    return arena_printf(mem, "R%.*s", (int)nn, num);
}

static void S_data_row(fd_parse *p)
{
    fd_row r = {.line = p->row->line};
    bool ok = true, has_option;
    long long option;
    if (!*S_cell(p, C_PAGE) || !*S_cell(p, C_FIGURE)) {
        S_bad(p, *S_cell(p, C_PAGE) ? C_FIGURE : C_PAGE, "a name (e.g. P4 / status_by_group)");
        ok = false;
    }
    r.scope = S_parse_scope(S_cell(p, C_SCOPE));
    if (r.scope < 0) {
        S_bad(p, C_SCOPE, "\"national\" or a prefecture code 01..47");
        ok = false;
    }
    if (!S_parse_int(S_cell(p, C_OPTION), &has_option, &option) || option < 0) {
        S_bad(p, C_OPTION, "an option code (digits) or an empty cell");
        ok = false;
    }
    if (!S_parse_int(S_cell(p, C_COUNT), &r.has_count, &r.count)) {
        S_bad(p, C_COUNT, "an integer or an empty cell");
        ok = false;
    }
    if (!S_parse_int(S_cell(p, C_BASE), &r.has_base, &r.base)) {
        S_bad(p, C_BASE, "an integer or an empty cell");
        ok = false;
    }
    if (!S_parse_pct10(S_cell(p, C_PERCENT), &r.pct10)) {
        S_bad(p, C_PERCENT, "a percentage with at most one decimal (45.6) or an empty cell");
        ok = false;
    }
    if (!ok || (p->scope_filter >= 0 && r.scope != p->scope_filter))
        return;
    arena *mem = p->t->mem;
    r.page = arena_strdup(mem, S_cell(p, C_PAGE));
    r.figure = arena_strdup(mem, S_cell(p, C_FIGURE));
    r.year = S_year_key(mem, S_cell(p, C_YEAR));
    r.group = arena_strdup(mem, S_cell(p, C_GROUP));
    r.option = arena_strdup(mem, S_cell(p, C_OPTION));
    r.label = arena_strdup(mem, S_cell(p, C_LABEL));
    r.key = S_key(mem, &r);
    r.hash = hash_str(HASH_FNV_SEED, r.key);
    figdiff_table *t = p->t;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->rows = xrealloc(t->rows, (size_t)t->cap * sizeof *t->rows);
    }
    t->rows[t->n++] = r;
}

static void S_row(void *ctx, const csv_row *row)
{
    fd_parse *p = ctx;
    p->row = row;
    if (row->index == 0) {
        S_header(p, row);
        return;
    }
    if (!p->header_ok || row->ragged) /* the reader reported a ragged row */
        return;
    for (int c = 0; c < C__N; c++)
        if (row->bad[p->col[c]])
            return; /* reported by the reader */
    S_data_row(p);
}

/* The duplicates of a table read without problems; true when none. */
static bool S_check_keys(figdiff_table *t, const char *name, diags *d)
{
    int before = diags_count(d);
    S_index(t);
    for (int i = 0; i < t->n; i++) {
        int first = S_find(t, t->rows[i].key, t->rows[i].hash);
        if (first != i)
            diag_add(d, D_EXPORT_DUPLICATE, name, t->rows[i].line, 1,
                     "the number %s.%s[%s,%s,%s] appears twice (first on line %ld)",
                     t->rows[i].page, t->rows[i].figure, t->rows[i].year, t->rows[i].group,
                     t->rows[i].option, t->rows[first].line);
    }
    return diags_count(d) == before;
}

/* Reads an export from memory (data) or a file (path). */
static figdiff_table *S_read(const char *name, const char *path, const char *data, size_t len,
                             int scope_filter, diags *d)
{
    int before = diags_count(d);
    figdiff_table *t = xcalloc(1, sizeof *t);
    t->mem = arena_new();
    fd_parse p = {.t = t, .d = d, .name = name, .scope_filter = scope_filter};
    csv_options opt = {.encoding = TEXTENC_UTF8, .max_file_bytes = FILE_LIMIT_EXPORT};
    if (path)
        csv_read_file(path, &opt, S_row, &p, d);
    else
        csv_read_memory(name, data, len, &opt, S_row, &p, d);
    if (diags_count(d) != before || !S_check_keys(t, name, d)) {
        figdiff_table_free(t);
        return NULL;
    }
    return t;
}

figdiff_table *figdiff_read_buffer(const char *name, const char *data, size_t len,
                                   int scope_filter, diags *d)
{
    return S_read(name, NULL, data, len, scope_filter, d);
}

figdiff_table *figdiff_read_csv(const char *path, int scope_filter, diags *d)
{
    return S_read(path, path, NULL, 0, scope_filter, d);
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
    if (S_ISDIR(st.st_mode))
        return S_read_folder(path, scope_filter, bodies, d);
    char why[256];
    if (!file_kind_ok(&st, FILE_LIMIT_EXPORT, "a figures CSV export", why, sizeof why)) {
        diag_add(d, D_IO_READ, path, 0, 0, "%s, or a data folder", why);
        return NULL;
    }
    return figdiff_read_csv(path, scope_filter, d);
}

void figdiff_table_free(figdiff_table *t)
{
    if (!t)
        return;
    free(t->rows);
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
