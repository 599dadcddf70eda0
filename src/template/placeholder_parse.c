/* placeholder_parse.c - a template text into nodes (placeholder_priv.h),
 * once, when its template loads. Every syntax problem is found here, with
 * the message the placeholder's expansion gave before it was parsed ahead. */
#include "placeholder_priv.h"

#include "numfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* `latest`, `latest-N`, `first` or `Y`. */
static bool parse_year(const char *spec, ph_year_spec *y, char *err, size_t size)
{
    *y = (ph_year_spec){.text = spec};
    if (strcmp(spec, "Y") == 0) {
        y->base = PH_YEAR_Y;
        return true;
    }
    if (strcmp(spec, "first") == 0) {
        y->base = PH_YEAR_FIRST;
        return true;
    }
    if (strncmp(spec, "latest", 6) == 0) {
        int back = 0;
        if (spec[6] == '-')
            back = parse_uint(spec + 7);
        else if (spec[6] != '\0')
            back = -1;
        if (back < 0)
            return ph_fail(err, size, "year `%s`: expected latest, latest-N or Y", spec);
        y->base = PH_YEAR_LATEST;
        y->back = back;
        return true;
    }
    return ph_fail(err, size, "year `%s`: expected first, latest, latest-N or Y", spec);
}

bool ph_year_index(const ph_year_spec *y, int n_years, int y_context, int *out, char *err,
                   size_t size)
{
    switch (y->base) {
    case PH_YEAR_Y:
        if (y_context < 0)
            return ph_fail(err, size,
                           "`Y` names the year of a `years = shown` line; this text has none");
        *out = y_context;
        return true;
    case PH_YEAR_FIRST:
        *out = 0;
        return true;
    case PH_YEAR_LATEST:
        if (y->back >= n_years)
            return ph_fail(err, size, "year `%s`: the survey has only %d years", y->text,
                           n_years);
        *out = n_years - 1 - y->back;
        return true;
    }
    return false;
}

const char *const PH_YEAR_FIELDS[PH_YF__COUNT] = {
    "label", "key", "as_of", "period_from", "period_to", "published", "next_format", "period"};

bool ph_year_field_value(const ph_node *nd, const fig_catalogue *cat, int y_context,
                         const fig_year **yr, const char **iso, char *date, char *err,
                         size_t size)
{
    int y = 0;
    if (!ph_year_index(&nd->as.year.year, cat->n_years, y_context, &y, err, size))
        return false;
    const fig_year *r = *yr = &cat->years[y];
    ph_year_field f = nd->as.year.field;
    *iso = NULL;
    if (f == PH_YF_LABEL || f == PH_YF_KEY)
        return true;
    if (f == PH_YF_NEXT_FORMAT) { /* a label: the year the format changed after y */
        for (int later = y + 1; later < cat->n_years; later++)
            if (strcmp(cat->years[later].format, r->format) != 0) {
                *yr = &cat->years[later];
                return true;
            }
        return ph_fail(err, size,
                       "year %s: no later year has another questionnaire format (survey.ini "
                       "`format`)",
                       r->key);
    }
    if (f == PH_YF_PERIOD) {
        if (!r->period_from || !r->period_to)
            return ph_fail(err, size, "year %s has no period_from and period_to in survey.ini",
                           r->key);
        if (!numfmt_era_range(date, PH_DATE_MAX, r->period_from, r->period_to))
            return ph_fail(err, size, "year %s: period %s～%s is not a pair of dates", r->key,
                           r->period_from, r->period_to);
        *iso = r->period_from;
        return true;
    }
    const char *dates[] = {NULL, NULL, r->as_of, r->period_from, r->period_to, r->published};
    if (!dates[f])
        return ph_fail(err, size, "year %s has no %s in survey.ini", r->key, PH_YEAR_FIELDS[f]);
    if (!numfmt_era_date(date, PH_DATE_MAX, dates[f]))
        return ph_fail(err, size, "year %s: %s `%s` is not a date", r->key, PH_YEAR_FIELDS[f],
                       dates[f]);
    *iso = dates[f];
    return true;
}

static bool parse_year_node(ph_node *nd, char *spec, arena *mem, char *err, size_t size)
{
    /* spec: "<year>.<field>"; the year itself may contain '-' but no '.' */
    char *dot = strchr(spec, '.');
    if (!dot)
        return ph_fail(err, size, "expected {year.<latest|latest-N|Y>.<field>}");
    *dot = '\0';
    if (!parse_year(arena_strdup(mem, spec), &nd->as.year.year, err, size))
        return false;
    for (int i = 0; i < PH_YF__COUNT; i++)
        if (strcmp(dot + 1, PH_YEAR_FIELDS[i]) == 0) {
            nd->as.year.field = (ph_year_field)i;
            return true;
        }
    return ph_fail(err, size,
                   "year field `%s`: expected label, key, as_of, period_from, period_to, "
                   "period, published or next_format",
                   dot + 1);
}

/* The field after FIGURE[…]: count … rank, top(N), lead(codes). */
static bool parse_field(ph_ref *r, char *field, int n_args, char *err, size_t size)
{
    r->field_text = field;
    const char *page = r->page, *figure = r->figure;
    bool counts = strncmp(field, "counts(", 7) == 0;
    if (counts || strncmp(field, "top(", 4) == 0) {
        const char *name = counts ? "counts" : "top";
        size_t fl = strlen(field), at = strlen(name) + 1;
        int n = -1;
        if (fl > at + 1 && field[fl - 1] == ')') {
            field[fl - 1] = '\0';
            n = parse_uint(field + at);
            field[fl - 1] = ')';
        }
        if (n < 1 || n > PH_MAX_TOP || n_args > 2)
            return ph_fail(err, size, "%s.%s[…].%s: expected [year,group].%s(N), N 1..%d",
                           page, figure, field, name, PH_MAX_TOP);
        r->field = counts ? PH_FIELD_COUNTS : PH_FIELD_TOP;
        r->top_n = n;
        return true;
    }
    if (strncmp(field, "lead(", 5) == 0) {
        size_t fl = strlen(field);
        if (fl < 7 || field[fl - 1] != ')' || n_args > 2)
            return ph_fail(err, size, "%s.%s[…].%s: expected [year,group].lead(code,code,…)",
                           page, figure, field);
        char *codes = xstrdup(field + 5);
        codes[fl - 6] = '\0';
        bool ok = true;
        for (char *save = NULL, *tok = strtok_r(codes, ",", &save); ok && tok;
             tok = strtok_r(NULL, ",", &save)) {
            int code = parse_uint(trim(tok));
            if (code < 1 || code > FIG_MAX_OPTIONS)
                ok = ph_fail(err, size, "%s.%s: lead(): `%s` is not an option code", page,
                             figure, tok);
            else
                r->lead_codes |= 1u << (code - 1);
        }
        free(codes);
        r->field = PH_FIELD_LEAD;
        return ok;
    }
    if (strcmp(field, "started") == 0 || strcmp(field, "added") == 0) {
        if (n_args > 2)
            return ph_fail(err, size, "%s.%s[…].%s: expected [year,group].%s, no option", page,
                           figure, field, field);
        r->field = field[0] == 's' ? PH_FIELD_STARTED : PH_FIELD_ADDED;
        return true;
    }
    static const char *const names[] = {"count", "base", "pct", "pct0",
                                        "label", "short", "man", "rank"};
    r->field = PH_FIELD_UNKNOWN;
    for (int i = 0; i < 8; i++)
        if (strcmp(field, names[i]) == 0)
            r->field = (ph_field)i;
    return true;
}

bool ph_field_known(const ph_ref *r, char *err, size_t size)
{
    if (r->field != PH_FIELD_UNKNOWN)
        return true;
    return ph_fail(err, size,
                   "field `%s`: expected count, base, pct, pct0, label, short, man, rank, "
                   "top(N), counts(N), lead(codes), started or added",
                   r->field_text);
}

/* P4.status_by_group[latest,都道府県,1].pct with spec the text inside the
 * braces (nation: taken off); strings of r in mem. */
static bool parse_ref(ph_ref *r, char *spec, arena *mem, char *err, size_t size)
{
    char *open = strchr(spec, '[');
    char *close = open ? strchr(open, ']') : NULL;
    if (!open || !close || close[1] != '.')
        return ph_fail(err, size, "expected FIGURE[year,group,option].field");
    *open = '\0';
    *close = '\0';
    char *name = spec, *args = open + 1, *field = close + 2;
    char *dot = strchr(name, '.');
    if (!dot || dot == name || !dot[1])
        return ph_fail(err, size, "figure `%s`: expected PAGE.figure (P4.status_by_group)", name);
    *dot = '\0';
    r->page = arena_strdup(mem, name);
    r->figure = arena_strdup(mem, dot + 1);

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
            return ph_fail(err, size, "%s.%s: at most three arguments [year,group,option]",
                           r->page, r->figure);
    }
    r->n_args = n_args;
    if (!parse_year(arena_strdup(mem, arg[0]), &r->year, err, size))
        return false;
    r->group = n_args > 1 && strcmp(arg[1], "-") != 0 ? arena_strdup(mem, arg[1]) : "";
    if (!parse_field(r, arena_strdup(mem, field), n_args, err, size))
        return false;
    if (ph_series_field(r->field))
        return true;

    const char *opt = n_args > 2 ? arg[2] : "-";
    r->option_text = arena_strdup(mem, opt);
    if (opt[0] == '#') {
        int rank = parse_uint(opt + 1);
        if (rank < 1 || rank > FIG_MAX_OPTIONS)
            return ph_fail(err, size, "option `%s`: expected #N with N 1..%d", opt,
                           FIG_MAX_OPTIONS);
        r->option = PH_OPTION_RANK;
        r->option_value = rank;
    } else if (strcmp(opt, "-") != 0 && opt[0]) {
        int code = parse_uint(opt);
        if (code < 0)
            return ph_fail(err, size, "option `%s`: expected a code, #N or -", opt);
        r->option = PH_OPTION_CODE;
        r->option_value = code;
    }
    return true;
}

/* One side of a condition: a whole number, or a reference without field
 * (P10.Q6[latest,全体,1]) read as its count, with `.base` (P15.Q10[latest,
 * 全体,1].base) as its base, with `.code` (P17.Q15[latest,全体,#1].code) as
 * its option code. */
static bool parse_operand(ph_operand *o, char *ref, arena *mem, char *err, size_t size)
{
    int number = parse_uint(ref);
    if (number >= 0) {
        o->kind = PH_OPD_NUMBER;
        o->number = number;
        return true;
    }
    const char *nation = "nation:";
    if (strncmp(ref, nation, strlen(nation)) == 0) {
        ref += strlen(nation);
        o->ref.nation = true;
    }
    size_t n = strlen(ref);
    o->kind = PH_OPD_COUNT;
    if (n > 5 && strcmp(ref + n - 5, ".code") == 0)
        o->kind = PH_OPD_CODE;
    else if (n > 5 && strcmp(ref + n - 5, ".base") == 0)
        o->kind = PH_OPD_BASE;
    if (o->kind != PH_OPD_COUNT)
        ref[n - 5] = '\0';
    char *spec = arena_printf(mem, "%s.count", ref);
    return parse_ref(&o->ref, spec, mem, err, size);
}

/* The first `pat` in s outside nested braces, NULL when none. */
static char *find_outside_braces(char *s, const char *pat)
{
    size_t n = strlen(pat);
    int depth = 0;
    for (char *p = s; *p; p++) {
        if (*p == '{')
            depth++;
        else if (*p == '}')
            depth--;
        else if (depth == 0 && strncmp(p, pat, n) == 0)
            return p;
    }
    return NULL;
}

/* A branch of a condition: its own text, placeholders allowed. */
static const ph_text *parse_branch(const char *text, arena *mem, char *err, size_t size)
{
    const ph_text *t = ph_parse(text, mem);
    if (t->error) {
        ph_fail(err, size, "%s", t->error);
        return NULL;
    }
    return t;
}

/* {A OP B ? THEN : ELSE}: OP the first of >= <= == != > < found; THEN and
 * ELSE are texts that may hold placeholders (conditions too). */
static bool parse_condition(ph_node *nd, char *spec, arena *mem, char *err, size_t size)
{
    char *q = find_outside_braces(spec, " ? ");
    char *colon = q ? find_outside_braces(q + 3, " : ") : NULL;
    if (!q || !colon)
        return ph_fail(err, size, "expected {A > B ? then : else}");
    *q = '\0';
    *colon = '\0';
    nd->as.cond.then_text = parse_branch(trim(q + 3), mem, err, size);
    nd->as.cond.else_text =
        nd->as.cond.then_text ? parse_branch(trim(colon + 3), mem, err, size) : NULL;
    if (!nd->as.cond.else_text)
        return false;
    static const char *const ops[] = {">=", "<=", "==", "!=", ">", "<"};
    char *at = NULL;
    int op = -1;
    for (int i = 0; i < 6 && !at; i++)
        if ((at = strstr(spec, ops[i])) != NULL)
            op = i;
    if (!at)
        return ph_fail(err, size, "condition `%s`: expected A > B (>, >=, <, <=, ==, !=)",
                       spec);
    char *rhs = at + strlen(ops[op]);
    *at = '\0';
    nd->as.cond.op = (ph_cmp)op;
    ph_operand *a = &nd->as.cond.a, *b = &nd->as.cond.b;
    if (!parse_operand(a, trim(spec), mem, err, size) ||
        !parse_operand(b, trim(rhs), mem, err, size))
        return false;
    if ((a->kind == PH_OPD_CODE) != (b->kind == PH_OPD_CODE))
        return ph_fail(err, size, "condition: compare two counts or two `.code`s, not one of each");
    if (a->kind == PH_OPD_CODE && op != PH_CMP_EQ && op != PH_CMP_NE)
        return ph_fail(err, size, "condition: option codes compare with == or != only");
    if (a->kind == PH_OPD_NUMBER && b->kind == PH_OPD_NUMBER)
        return ph_fail(err, size, "condition: two numbers; compare a figure with a number");
    return true;
}

/* {alike(JOIN,SEP) NAME=REST | NAME=REST | …}: the join rule of the deck's
 * leads. Each item is a name and what the sentence says of it; neighbours
 * whose REST prints the same are named together (都道府県・指定都市で100%),
 * the groups follow one another with SEP. */
static bool parse_alike(ph_node *nd, char *spec, arena *mem, char *err, size_t size)
{
    char *close = strchr(spec, ')');
    char *comma = close ? memchr(spec, ',', (size_t)(close - spec)) : NULL;
    if (!comma)
        return ph_fail(err, size, "expected {alike(JOIN,SEP) NAME=TEXT | NAME=TEXT …}");
    nd->as.alike.join = arena_strndup(mem, spec, (size_t)(comma - spec));
    nd->as.alike.sep = arena_strndup(mem, comma + 1, (size_t)(close - comma - 1));
    enum { MAX_ITEMS = 8 };
    const char **names = ARENA_NEW(mem, const char *, MAX_ITEMS);
    const ph_text **rests = ARENA_NEW(mem, const ph_text *, MAX_ITEMS);
    int n = 0;
    for (char *item = close + 1; item;) {
        char *bar = find_outside_braces(item, " | ");
        if (bar)
            *bar = '\0';
        char *eq = find_outside_braces(item, "=");
        if (!eq || n == MAX_ITEMS)
            return ph_fail(err, size,
                           "alike: item `%s`: expected NAME=TEXT, at most %d items separated by "
                           "` | `",
                           trim(item), MAX_ITEMS);
        *eq = '\0';
        names[n] = arena_strdup(mem, trim(item));
        if (!(rests[n] = parse_branch(trim(eq + 1), mem, err, size)))
            return false;
        n++;
        item = bar ? bar + 3 : NULL;
    }
    if (n < 2)
        return ph_fail(err, size, "alike: expected at least two items NAME=TEXT | NAME=TEXT");
    nd->as.alike.n = n;
    nd->as.alike.names = names;
    nd->as.alike.rests = rests;
    return true;
}

/* One placeholder, spec the text inside its braces (a copy we may cut). */
static bool parse_placeholder(ph_node *nd, char *spec, arena *mem, char *err, size_t size)
{
    if (strncmp(spec, "alike(", 6) == 0) {
        nd->kind = PH_NODE_ALIKE;
        return parse_alike(nd, spec + 6, mem, err, size);
    }
    if (find_outside_braces(spec, " ? ")) {
        nd->kind = PH_NODE_CONDITION;
        return parse_condition(nd, spec, mem, err, size);
    }
    if (strncmp(spec, "year.", 5) == 0) {
        nd->kind = PH_NODE_YEAR;
        return parse_year_node(nd, spec + 5, mem, err, size);
    }
    if (strcmp(spec, "deck.edition") == 0) {
        nd->kind = PH_NODE_EDITION;
        return true;
    }
    if (strncmp(spec, "deck.", 5) == 0) {
        nd->kind = PH_NODE_VAR;
        nd->as.var = arena_strdup(mem, spec + 5);
        return true;
    }
    if (strncmp(spec, "pref.", 5) == 0 || strncmp(spec, "body.", 5) == 0) {
        nd->kind = PH_NODE_SCOPE;
        nd->as.scope = arena_strdup(mem, spec);
        return ph_scope_known(spec, err, size);
    }
    nd->kind = PH_NODE_FIGURE;
    if (strncmp(spec, "nation:", 7) == 0) {
        nd->as.ref.nation = true;
        spec += 7;
    }
    return parse_ref(&nd->as.ref, spec, mem, err, size);
}

typedef struct {
    ph_text *t;
    int cap;
    arena *mem;
} node_buf;

static ph_node *push(node_buf *b, ph_node_kind kind, const char *text, size_t len)
{
    if (b->t->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 8;
        ph_node *grown = ARENA_NEW(b->mem, ph_node, cap);
        if (b->t->n)
            memcpy(grown, b->t->nodes, sizeof *grown * (size_t)b->t->n);
        b->t->nodes = grown;
        b->cap = cap;
    }
    ph_node *nd = &b->t->nodes[b->t->n++];
    *nd = (ph_node){.kind = kind, .text = text, .len = len};
    return nd;
}

/* A literal run: the text between placeholders (with a `{{` as its `{`), one
 * provenance piece as the expansion always recorded it. Empty runs vanish. */
static void push_literal(node_buf *b, const char *text, size_t len)
{
    if (len)
        push(b, PH_NODE_LITERAL, text, len);
}

const ph_text *ph_parse(const char *text, arena *mem)
{
    ph_text *t = ARENA_NEW(mem, ph_text, 1);
    t->source = arena_strdup(mem, text ? text : "");
    node_buf b = {.t = t, .mem = mem};
    const char *p = t->source;
    while (*p) {
        const char *open = strchr(p, '{');
        if (!open) {
            push_literal(&b, p, strlen(p));
            break;
        }
        if (open[1] == '{') { /* `{{`: the run up to here and one `{` */
            char *run = arena_strndup(mem, p, (size_t)(open - p) + 1);
            push_literal(&b, run, (size_t)(open - p) + 1);
            p = open + 2;
            continue;
        }
        push_literal(&b, p, (size_t)(open - p));
        /* the matching brace: a condition's branches may hold placeholders */
        const char *close = open + 1;
        for (int depth = 1; *close; close++) {
            depth += *close == '{' ? 1 : *close == '}' ? -1 : 0;
            if (depth == 0)
                break;
        }
        if (!*close) {
            t->error = arena_printf(mem, "unclosed placeholder `%.40s`", open);
            break;
        }
        ph_node *nd = push(&b, PH_NODE_LITERAL, open + 1, (size_t)(close - open - 1));
        char *spec = arena_strndup(mem, open + 1, (size_t)(close - open - 1));
        char reason[512] = "";
        if (!parse_placeholder(nd, spec, mem, reason, sizeof reason)) {
            t->n--; /* the nodes before it stay checkable */
            t->error = arena_printf(mem, "placeholder {%.*s}: %s", (int)(close - open - 1),
                                    open + 1, reason);
            break;
        }
        p = close + 1;
    }
    return t;
}
