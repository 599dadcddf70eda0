/* placeholder.c - {…} expansion against a figset (see placeholder.h). */
#include "placeholder.h"
#include "placeholder_pref.h"

#include "numfmt.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PH_MAX_TOP = 10 };

typedef struct {
    char *p;
    size_t n, cap;
} strbuf;

static void sb_put(strbuf *b, const char *s, size_t len)
{
    if (b->n + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->n + len + 1)
            cap *= 2;
        b->p = xrealloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

static void sb_puts(strbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

/* Tells the caller what b[from..] was made from. */
static void note(const ph_context *c, ph_piece_kind kind, const strbuf *b, size_t from,
                 const fig_row *r, const char *field, const char *iso)
{
    if (!c->on_piece || b->n <= from)
        return;
    ph_piece pc = {.kind = kind, .text = b->p + from, .len = b->n - from, .row = r,
                   .field = field, .iso = iso};
    c->on_piece(c->piece_ctx, &pc);
}

static bool fail(char *err, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
    return false;
}

/* Trims ASCII spaces in place: returns the start, writes a NUL at the end. */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* A non-negative decimal integer filling the whole string, -1 otherwise. */
static int parse_uint(const char *s)
{
    if (!*s)
        return -1;
    long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 100000000L)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return (int)v;
}

/* `latest`, `latest-N` or `Y` -> year index. */
static bool parse_year(const char *spec, const ph_context *c, int *year, char *err, size_t size)
{
    int n = figures_catalogue(c->f)->n_years;
    if (strcmp(spec, "Y") == 0) {
        if (c->year < 0)
            return fail(err, size, "`Y` names the year of a `years = shown` line; this text has none");
        *year = c->year;
        return true;
    }
    if (strcmp(spec, "first") == 0) {
        *year = 0;
        return true;
    }
    if (strncmp(spec, "latest", 6) == 0) {
        int back = 0;
        if (spec[6] == '-')
            back = parse_uint(spec + 7);
        else if (spec[6] != '\0')
            back = -1;
        if (back < 0)
            return fail(err, size, "year `%s`: expected latest, latest-N or Y", spec);
        if (back >= n)
            return fail(err, size, "year `%s`: the survey has only %d years", spec, n);
        *year = n - 1 - back;
        return true;
    }
    return fail(err, size, "year `%s`: expected first, latest, latest-N or Y", spec);
}

static bool expand_year(strbuf *b, char *spec, const ph_context *c, char *err, size_t size)
{
    /* spec: "<year>.<field>"; the year itself may contain '-' but no '.' */
    char *dot = strchr(spec, '.');
    if (!dot)
        return fail(err, size, "expected {year.<latest|latest-N|Y>.<field>}");
    *dot = '\0';
    int y;
    if (!parse_year(spec, c, &y, err, size))
        return false;
    const char *field = dot + 1;
    const fig_year *yr = &figures_catalogue(c->f)->years[y];
    size_t from = b->n;
    if (strcmp(field, "label") == 0) {
        sb_puts(b, yr->label);
        note(c, PH_PIECE_YEAR_LABEL, b, from, NULL, NULL, NULL);
        return true;
    }
    if (strcmp(field, "key") == 0) {
        sb_puts(b, yr->key);
        note(c, PH_PIECE_YEAR_LABEL, b, from, NULL, NULL, NULL);
        return true;
    }
    const char *iso = NULL;
    if (strcmp(field, "as_of") == 0)
        iso = yr->as_of;
    else if (strcmp(field, "period_from") == 0)
        iso = yr->period_from;
    else if (strcmp(field, "period_to") == 0)
        iso = yr->period_to;
    else if (strcmp(field, "published") == 0)
        iso = yr->published;
    else
        return fail(err, size,
                    "year field `%s`: expected label, key, as_of, period_from, period_to or "
                    "published",
                    field);
    if (!iso)
        return fail(err, size, "year %s has no %s in survey.ini", yr->key, field);
    char date[NUMFMT_MAX];
    if (!numfmt_era_date(date, sizeof date, iso))
        return fail(err, size, "year %s: %s `%s` is not a date", yr->key, field, iso);
    sb_puts(b, date);
    note(c, PH_PIECE_DATE, b, from, NULL, NULL, iso);
    return true;
}

/* A year's key for messages. */
static const char *year_key(const ph_context *c, int year)
{
    return figures_catalogue(c->f)->years[year].key;
}

static bool expand_field(strbuf *b, const ph_context *c, const fig_row *r, const char *field,
                         char *err, size_t size)
{
    char num[NUMFMT_MAX];
    size_t from = b->n;
    if (strcmp(field, "count") == 0)
        sb_puts(b, numfmt_int(num, r->count));
    else if (strcmp(field, "base") == 0)
        sb_puts(b, numfmt_int(num, r->base));
    else if (strcmp(field, "pct") == 0 || strcmp(field, "pct0") == 0) {
        if (r->base <= 0 || r->pct10 < 0)
            return fail(err, size, "%s.%s has no base, so no percentage", r->page, r->figure);
        if (field[3] == '0')
            snprintf(num, sizeof num, "%d", numfmt_pct_int(r->count, r->base));
        else
            numfmt_pct10_str(num, r->pct10);
        sb_puts(b, num);
    } else if (strcmp(field, "label") == 0)
        sb_puts(b, r->option_label ? r->option_label : "");
    else if (strcmp(field, "short") == 0)
        sb_puts(b, r->short_label);
    else if (strcmp(field, "man") == 0)
        sb_puts(b, numfmt_man(num, r->count));
    else if (strcmp(field, "rank") == 0) {
        snprintf(num, sizeof num, "%d", r->rank);
        sb_puts(b, num);
    } else
        return fail(err, size,
                    "field `%s`: expected count, base, pct, pct0, label, short, man, rank or "
                    "top(N)",
                    field);
    bool is_label = strcmp(field, "label") == 0 || strcmp(field, "short") == 0;
    note(c, is_label ? PH_PIECE_LABEL : PH_PIECE_FIGURE, b, from, r, field, NULL);
    return true;
}

/* {P4.status_by_group[latest,都道府県,1].pct} with spec the text inside. */
static bool expand_figure(strbuf *b, char *spec, const ph_context *c, char *err, size_t size)
{
    char *open = strchr(spec, '[');
    char *close = open ? strchr(open, ']') : NULL;
    if (!open || !close || close[1] != '.')
        return fail(err, size, "expected FIGURE[year,group,option].field");
    *open = '\0';
    *close = '\0';
    char *name = spec, *args = open + 1, *field = close + 2;
    char *dot = strchr(name, '.');
    if (!dot || dot == name || !dot[1])
        return fail(err, size, "figure `%s`: expected PAGE.figure (P4.status_by_group)", name);
    *dot = '\0';
    const char *page = name, *figure = dot + 1;

    char *arg[3] = {NULL, NULL, NULL};
    int n_args = 0;
    for (char *p = args; n_args < 3;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        arg[n_args++] = trim(p);
        if (!comma)
            break;
        p = comma + 1;
        if (n_args == 3)
            return fail(err, size, "%s.%s: at most three arguments [year,group,option]", page,
                        figure);
    }
    int year;
    if (!parse_year(arg[0], c, &year, err, size))
        return false;
    const char *group = "";
    if (n_args > 1 && strcmp(arg[1], "-") != 0)
        group = arg[1];

    if (strncmp(field, "top(", 4) == 0) {
        size_t fl = strlen(field);
        int n = -1;
        if (fl > 5 && field[fl - 1] == ')') {
            field[fl - 1] = '\0';
            n = parse_uint(field + 4);
            field[fl - 1] = ')';
        }
        if (n < 1 || n > PH_MAX_TOP || n_args > 2)
            return fail(err, size, "%s.%s[…].%s: expected [year,group].top(N), N 1..%d", page,
                        figure, field, PH_MAX_TOP);
        const fig_row *rows[PH_MAX_TOP];
        size_t from = b->n;
        int have = figures_ranked(c->f, page, figure, year, group, rows, n);
        if (have < n)
            return fail(err, size, "%s.%s[%s,%s]: top(%d) but the figure has %d options", page,
                        figure, year_key(c, year), group, n, have);
        for (int i = 0; i < n; i++) {
            if (i)
                sb_puts(b, "、");
            sb_puts(b, "「");
            sb_puts(b, rows[i]->option_label ? rows[i]->option_label : "");
            sb_puts(b, "」");
        }
        note(c, PH_PIECE_LABEL, b, from, rows[0], "top", NULL);
        return true;
    }

    if (strncmp(field, "lead(", 5) == 0) {
        /* How many of the top-ranked options are among the given codes, from
         * rank 1 down: 「自治体向けのサービスが上位4位を占めた」 with the
         * template naming which services are 自治体向け. */
        size_t fl = strlen(field);
        if (fl < 7 || field[fl - 1] != ')' || n_args > 2)
            return fail(err, size, "%s.%s[…].%s: expected [year,group].lead(code,code,…)", page,
                        figure, field);
        uint32_t set = 0; /* bit code - 1 */
        field[fl - 1] = '\0';
        for (char *save = NULL, *tok = strtok_r(field + 5, ",", &save); tok;
             tok = strtok_r(NULL, ",", &save)) {
            int code = parse_uint(trim(tok));
            if (code < 1 || code > FIG_MAX_OPTIONS)
                return fail(err, size, "%s.%s: lead(): `%s` is not an option code", page, figure,
                            tok);
            set |= 1u << (code - 1);
        }
        const fig_row *rows[FIG_MAX_OPTIONS];
        int have = figures_ranked(c->f, page, figure, year, group, rows, FIG_MAX_OPTIONS);
        if (have > FIG_MAX_OPTIONS)
            have = FIG_MAX_OPTIONS;
        int n = 0;
        while (n < have && rows[n]->option > 0 && rows[n]->option <= FIG_MAX_OPTIONS &&
               (set & (1u << (rows[n]->option - 1))))
            n++;
        if (n == 0)
            return fail(err, size, "%s.%s[%s,%s].lead(): the option ranked 1 is not among the "
                        "codes; the sentence would be false", page, figure,
                        year_key(c, year), group);
        char num[16];
        snprintf(num, sizeof num, "%d", n);
        size_t from = b->n;
        sb_puts(b, num);
        /* the last leading option's rank is the number printed */
        note(c, PH_PIECE_FIGURE, b, from, rows[n - 1], "rank", NULL);
        return true;
    }

    const fig_row *r = NULL;
    const char *opt = n_args > 2 ? arg[2] : "-";
    if (opt[0] == '#') {
        int rank = parse_uint(opt + 1);
        if (rank < 1 || rank > FIG_MAX_OPTIONS)
            return fail(err, size, "option `%s`: expected #N with N 1..%d", opt, FIG_MAX_OPTIONS);
        const fig_row *rows[FIG_MAX_OPTIONS];
        int have = figures_ranked(c->f, page, figure, year, group, rows, rank);
        if (have >= rank)
            r = rows[rank - 1];
    } else {
        int code = 0;
        if (strcmp(opt, "-") != 0 && opt[0]) {
            code = parse_uint(opt);
            if (code < 0)
                return fail(err, size, "option `%s`: expected a code, #N or -", opt);
        }
        r = figures_get(c->f, page, figure, year, group, code);
    }
    if (!r)
        return fail(err, size, "no figure %s.%s for year %s, group \"%s\", option %s", page,
                    figure, year_key(c, year), group, opt);
    return expand_field(b, c, r, field, err, size);
}

static void capture_row(void *ctx, const ph_piece *pc)
{
    if (pc->row)
        *(const fig_row **)ctx = pc->row;
}

/* The row a reference without field names (P10.Q6[latest,全体,1]), resolved
 * as {REF.count} would be, printing nothing. */
static bool reference_row(const char *ref, const ph_context *c, const fig_row **row, char *err,
                          size_t size)
{
    *row = NULL;
    ph_context rc = *c;
    rc.on_piece = capture_row;
    rc.piece_ctx = (void *)row;
    const char *nation = "nation:";
    if (strncmp(ref, nation, strlen(nation)) == 0) {
        ref += strlen(nation);
        rc.f = c->nation ? c->nation : c->f;
    }
    size_t n = strlen(ref);
    char *spec = xmalloc(n + sizeof ".count");
    memcpy(spec, ref, n);
    memcpy(spec + n, ".count", sizeof ".count");
    strbuf tmp = {0};
    bool ok = expand_figure(&tmp, spec, &rc, err, size);
    free(tmp.p);
    free(spec);
    return ok && *row;
}

/* {A OP B ? THEN : ELSE}: the wording of a lead that depends on the data
 * (「上回った」 or 「下回った」). A and B are figure references without a field,
 * compared by count; OP is one of > >= < <= == !=. THEN and ELSE are plain
 * text. */
static bool expand_condition(strbuf *b, char *spec, const ph_context *c, char *err, size_t size)
{
    char *q = strstr(spec, " ? ");
    char *colon = q ? strstr(q + 3, " : ") : NULL;
    if (!q || !colon)
        return fail(err, size, "expected {A > B ? then : else}");
    *q = '\0';
    *colon = '\0';
    const char *then_text = trim(q + 3), *else_text = trim(colon + 3);
    static const char *const ops[] = {">=", "<=", "==", "!=", ">", "<"};
    char *at = NULL;
    int op = -1;
    for (int i = 0; i < 6 && !at; i++)
        if ((at = strstr(spec, ops[i])) != NULL)
            op = i;
    if (!at)
        return fail(err, size, "condition `%s`: expected A > B (>, >=, <, <=, ==, !=)", spec);
    char *rhs = at + strlen(ops[op]);
    *at = '\0';
    const fig_row *a, *bb;
    if (!reference_row(trim(spec), c, &a, err, size) ||
        !reference_row(trim(rhs), c, &bb, err, size))
        return false;
    bool yes;
    switch (op) {
    case 0: yes = a->count >= bb->count; break;
    case 1: yes = a->count <= bb->count; break;
    case 2: yes = a->count == bb->count; break;
    case 3: yes = a->count != bb->count; break;
    case 4: yes = a->count > bb->count; break;
    default: yes = a->count < bb->count; break;
    }
    size_t from = b->n;
    sb_puts(b, yes ? then_text : else_text);
    note(c, PH_PIECE_LITERAL, b, from, NULL, NULL, NULL);
    return true;
}

char *ph_expand(const char *text, const ph_context *c, arena *mem, char *err, size_t err_size)
{
    strbuf b = {0};
    sb_put(&b, "", 0);
    bool ok = true;
    const char *p = text;
    while (ok && *p) {
        const char *open = strchr(p, '{');
        size_t from = b.n;
        if (!open) {
            sb_puts(&b, p);
            note(c, PH_PIECE_LITERAL, &b, from, NULL, NULL, NULL);
            break;
        }
        sb_put(&b, p, (size_t)(open - p));
        if (open[1] == '{') {
            sb_puts(&b, "{");
            note(c, PH_PIECE_LITERAL, &b, from, NULL, NULL, NULL);
            p = open + 2;
            continue;
        }
        note(c, PH_PIECE_LITERAL, &b, from, NULL, NULL, NULL);
        const char *close = strchr(open, '}');
        if (!close) {
            ok = fail(err, err_size, "unclosed placeholder `%.40s`", open);
            break;
        }
        char *spec = xmalloc((size_t)(close - open));
        memcpy(spec, open + 1, (size_t)(close - open - 1));
        spec[close - open - 1] = '\0';
        char reason[256] = "";
        bool done;
        if (strstr(spec, " ? "))
            done = expand_condition(&b, spec, c, reason, sizeof reason);
        else if (strncmp(spec, "year.", 5) == 0)
            done = expand_year(&b, spec + 5, c, reason, sizeof reason);
        else if (strcmp(spec, "deck.edition") == 0) {
            char date[NUMFMT_MAX];
            done = c->edition && numfmt_era_date(date, sizeof date, c->edition);
            if (done) {
                size_t at = b.n;
                sb_puts(&b, date);
                sb_puts(&b, "版");
                note(c, PH_PIECE_DATE, &b, at, NULL, NULL, c->edition);
            } else
                snprintf(reason, sizeof reason, "deck.ini has no valid edition date");
        } else if (strncmp(spec, "deck.", 5) == 0) {
            /* a [report] variable: its own placeholders expanded, no further variables */
            int v = 0;
            while (v < c->n_vars && strcmp(c->var_name[v], spec + 5) != 0)
                v++;
            ph_context inner = *c;
            inner.n_vars = 0;
            char *val = v < c->n_vars ? ph_expand(c->var_value[v], &inner, mem, reason,
                                                 sizeof reason)
                                      : NULL;
            done = val != NULL;
            if (done)
                sb_puts(&b, val);
            else if (v == c->n_vars)
                snprintf(reason, sizeof reason,
                         "expected deck.edition or a variable of the deck file's [report]");
        } else if (strncmp(spec, "pref.", 5) == 0 || strncmp(spec, "body.", 5) == 0) {
            char val[256];
            done = ph_expand_scope(spec, c->pref, c->body, val, sizeof val, reason,
                                   sizeof reason);
            if (done) {
                size_t at = b.n;
                sb_puts(&b, val);
                const fig_row *row;
                const char *field;
                ph_scope_source(spec, c->nation ? c->nation : c->f, c->pref, c->body, &row,
                                &field);
                note(c, row ? PH_PIECE_FIGURE : PH_PIECE_OTHER, &b, at, row, field, NULL);
            }
        } else if (strncmp(spec, "nation:", 7) == 0) {
            ph_context nc = *c; /* the national figures beside the document's own */
            nc.f = c->nation ? c->nation : c->f;
            done = expand_figure(&b, spec + 7, &nc, reason, sizeof reason);
        } else
            done = expand_figure(&b, spec, c, reason, sizeof reason);
        free(spec);
        if (!done)
            ok = fail(err, err_size, "placeholder {%.*s}: %s", (int)(close - open - 1), open + 1,
                      reason);
        p = close + 1;
    }
    char *out = ok ? arena_strdup(mem, b.p) : NULL;
    free(b.p);
    return out;
}
