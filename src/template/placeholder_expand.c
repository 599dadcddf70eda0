/* placeholder_expand.c - a parsed text expanded against a document's figures
 * (see placeholder.h): the nodes are walked, nothing is parsed again. Each
 * piece of the output is told to the caller for provenance. */
#include "placeholder_priv.h"

#include "numfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static const fig_catalogue *cat_of(const ph_context *c)
{
    return figures_catalogue(c->f);
}

static bool expand_year(strbuf *b, const ph_node *nd, const ph_context *c, char *err, size_t size)
{
    const fig_year *yr;
    const char *iso;
    char date[PH_DATE_MAX];
    if (!ph_year_field_value(nd, cat_of(c), c->year, &yr, &iso, date, err, size))
        return false;
    size_t from = b->n;
    if (!iso) {
        sb_puts(b, nd->as.year.field == PH_YF_KEY ? yr->key : yr->label);
        note(c, PH_PIECE_YEAR_LABEL, b, from, NULL, NULL, NULL);
    } else if (nd->as.year.field == PH_YF_PERIOD) {
        /* two dates, each told with its own ISO date: 令和7年10月31日 | ～ | 同年11月28日 */
        const char *tilde = strstr(date, "～");
        sb_put(b, date, (size_t)(tilde - date));
        note(c, PH_PIECE_DATE, b, from, NULL, NULL, iso);
        from = b->n;
        sb_puts(b, "～");
        note(c, PH_PIECE_LITERAL, b, from, NULL, NULL, NULL);
        from = b->n;
        sb_puts(b, tilde + strlen("～"));
        note(c, PH_PIECE_DATE, b, from, NULL, NULL, yr->period_to);
    } else {
        sb_puts(b, date);
        note(c, PH_PIECE_DATE, b, from, NULL, NULL, iso);
    }
    return true;
}

static bool expand_field(strbuf *b, const ph_context *c, const fig_row *r, const ph_ref *ref,
                         char *err, size_t size)
{
    if (!ph_field_known(ref, err, size))
        return false;
    char num[NUMFMT_MAX];
    size_t from = b->n;
    switch (ref->field) {
    case PH_FIELD_COUNT: sb_puts(b, numfmt_int(num, r->count)); break;
    case PH_FIELD_BASE: sb_puts(b, numfmt_int(num, r->base)); break;
    case PH_FIELD_PCT:
    case PH_FIELD_PCT0:
        if (r->base <= 0 || r->pct10 < 0)
            return ph_fail(err, size, "%s.%s has no base, so no percentage", r->page, r->figure);
        if (ref->field == PH_FIELD_PCT0)
            snprintf(num, sizeof num, "%d", numfmt_pct_int(r->count, r->base));
        else
            numfmt_pct10_str(num, r->pct10);
        sb_puts(b, num);
        break;
    case PH_FIELD_LABEL: sb_puts(b, r->option_label ? r->option_label : ""); break;
    case PH_FIELD_SHORT: sb_puts(b, r->short_label); break;
    case PH_FIELD_MAN: sb_puts(b, numfmt_man(num, r->count)); break;
    case PH_FIELD_RANK:
        snprintf(num, sizeof num, "%d", r->rank);
        sb_puts(b, num);
        break;
    case PH_FIELD_TOP:
    case PH_FIELD_COUNTS:
    case PH_FIELD_LEAD:
    case PH_FIELD_STARTED:
    case PH_FIELD_ADDED:
    case PH_FIELD_UNKNOWN: return false; /* not a row's field */
    }
    bool is_label = ref->field == PH_FIELD_LABEL || ref->field == PH_FIELD_SHORT;
    note(c, is_label ? PH_PIECE_LABEL : PH_PIECE_FIGURE, b, from, r, ref->field_text, NULL);
    return true;
}

/* What an option's count is a count of: bodies for a question answered once
 * per body, service rows (件) otherwise. */
static const char *count_unit(const ph_context *c, const fig_row *row)
{
    const fig_catalogue *cat = cat_of(c);
    bool per_body = row->question < 0 || row->question >= cat->n_questions ||
                    cat->questions[row->question].per_body;
    return per_body ? "団体" : "件";
}

/* After the names of options rows[0..n) that share a place: top(N) says the
 * place, 「（同率3位）」 when they are more than one; counts(N) says their
 * count, 「（3団体）」, 「（各3団体）」 when they are more than one (a count, not
 * a rank: what a small base can carry). cut: the tie goes on past the
 * names, 「など」. */
static void put_place(strbuf *b, const ph_context *c, const ph_ref *r, const fig_row *const *rows,
                      int n, bool cut)
{
    char num[NUMFMT_MAX];
    const fig_row *last = rows[n - 1]; /* the name nearest the number */
    if (r->field == PH_FIELD_COUNTS) {
        sb_puts(b, cut ? "など（" : "（");
        if (n > 1)
            sb_puts(b, "各");
        size_t from = b->n;
        sb_puts(b, numfmt_int(num, last->count));
        note(c, PH_PIECE_FIGURE, b, from, last, "count", NULL);
        sb_puts(b, count_unit(c, last));
        sb_puts(b, "）");
        return;
    }
    if (n == 1)
        return;
    snprintf(num, sizeof num, "%d", rows[0]->rank);
    sb_puts(b, cut ? "など（同率" : "（同率");
    size_t from = b->n;
    sb_puts(b, num);
    note(c, PH_PIECE_FIGURE, b, from, rows[0], "rank", NULL);
    sb_puts(b, "位）");
}

/* top(N): 「A」、「B」、… in rank order: the options ranked N or better that
 * someone chose. Options that tie are named together, 「C」・「D」（同率3位）, so
 * a sentence never names one of them as if it alone held the place; a tie
 * that would make the list longer than N + 2 is cut with 「など」. Nothing
 * chosen at all prints 「（回答なし）」. counts(N): the same options, each place
 * with its count instead of its rank, 「A」（3団体）、「C」・「D」（各2団体）. */
static bool expand_top(strbuf *b, const ph_ref *r, const figset *f, int year, const ph_context *c,
                       char *err, size_t size)
{
    const fig_row *rows[FIG_MAX_OPTIONS];
    int n = r->top_n;
    int have = figures_ranked(f, r->page, r->figure, year, r->group, rows, FIG_MAX_OPTIONS);
    if (have < n)
        return ph_fail(err, size, "%s.%s[%s,%s]: %s but the figure has %d options", r->page,
                       r->figure, cat_of(c)->years[year].key, r->group, r->field_text, have);
    if (have > FIG_MAX_OPTIONS)
        have = FIG_MAX_OPTIONS;
    int cap = n + 2, named = 0;
    for (int i = 0; i < have && named < cap && rows[i]->rank <= n && rows[i]->count > 0;) {
        int tied = 1; /* rows[i .. i + tied) share a rank */
        while (i + tied < have && rows[i + tied]->rank == rows[i]->rank)
            tied++;
        if (named)
            sb_puts(b, "、");
        int shown = 0;
        for (; shown < tied && named < cap; shown++, named++) {
            if (shown)
                sb_puts(b, "・");
            size_t from = b->n;
            sb_puts(b, "「");
            sb_puts(b, rows[i + shown]->option_label ? rows[i + shown]->option_label : "");
            sb_puts(b, "」");
            note(c, PH_PIECE_LABEL, b, from, rows[i + shown],
                 r->field == PH_FIELD_COUNTS ? "counts" : "top", NULL);
        }
        put_place(b, c, r, rows + i, shown, shown < tied);
        i += tied;
    }
    if (named == 0)
        sb_puts(b, "（回答なし）");
    return true;
}

/* 「A」、「B」、… : the labels of rows[0..n), one provenance piece. */
static void put_labels(strbuf *b, const ph_context *c, const fig_row *const *rows, int n,
                       const char *field)
{
    size_t from = b->n;
    for (int i = 0; i < n; i++) {
        if (i)
            sb_puts(b, "、");
        sb_puts(b, "「");
        sb_puts(b, rows[i]->option_label ? rows[i]->option_label : "");
        sb_puts(b, "」");
    }
    note(c, PH_PIECE_LABEL, b, from, rows[0], field, NULL);
}

/* started: the year's label (the question was first asked that year);
 * added: 「A」、「B」, the options first offered that year, in code order. */
static bool expand_event(strbuf *b, const ph_ref *r, const figset *f, int year,
                         const ph_context *c, char *err, size_t size)
{
    const fig_catalogue *cat = cat_of(c);
    const fig_def *d = figures_def(cat, r->page, r->figure);
    if (!d)
        return ph_fail(err, size, "no figure %s.%s", r->page, r->figure);
    if (!ph_year_event(r, d, cat, year, err, size))
        return false;
    if (r->field == PH_FIELD_STARTED) {
        size_t from = b->n;
        sb_puts(b, cat->years[year].label);
        note(c, PH_PIECE_YEAR_LABEL, b, from, NULL, NULL, NULL);
        return true;
    }
    uint32_t added = figures_def_added(d, year);
    const fig_row *rows[FIG_MAX_OPTIONS];
    int n = 0;
    for (int code = 1; code <= FIG_MAX_OPTIONS; code++)
        if ((added & (1u << (code - 1))) &&
            (rows[n] = figures_get(f, r->page, r->figure, year, r->group, code)) != NULL)
            n++;
    if (n == 0)
        return ph_fail(err, size, "no figure %s.%s for year %s, group \"%s\"", r->page,
                       r->figure, cat->years[year].key, r->group);
    put_labels(b, c, rows, n, "added");
    return true;
}

/* lead(codes): how many of the top-ranked options are among the codes, from
 * rank 1 down: 「自治体向けのサービスが上位4位を占めた」 with the template
 * naming which services are 自治体向け. */
static bool expand_lead(strbuf *b, const ph_ref *r, const figset *f, int year,
                        const ph_context *c, char *err, size_t size)
{
    const fig_row *rows[FIG_MAX_OPTIONS];
    int have = figures_ranked(f, r->page, r->figure, year, r->group, rows, FIG_MAX_OPTIONS);
    if (have > FIG_MAX_OPTIONS)
        have = FIG_MAX_OPTIONS;
    int n = 0;
    while (n < have && rows[n]->option > 0 && rows[n]->option <= FIG_MAX_OPTIONS &&
           (r->lead_codes & (1u << (rows[n]->option - 1))))
        n++;
    if (n == 0)
        return ph_fail(err, size,
                       "%s.%s[%s,%s].lead(): the option ranked 1 is not among the codes; the "
                       "sentence would be false",
                       r->page, r->figure, cat_of(c)->years[year].key, r->group);
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    size_t from = b->n;
    sb_puts(b, num);
    /* the last leading option's rank is the number printed */
    note(c, PH_PIECE_FIGURE, b, from, rows[n - 1], "rank", NULL);
    return true;
}

/* The row a reference names, NULL (with the reason) when f has none. */
static const fig_row *row_of(const ph_ref *r, const figset *f, int year, const ph_context *c,
                             char *err, size_t size)
{
    const fig_row *row = NULL;
    if (r->option == PH_OPTION_RANK) {
        const fig_row *rows[FIG_MAX_OPTIONS];
        int have = figures_ranked(f, r->page, r->figure, year, r->group, rows, r->option_value);
        if (have >= r->option_value)
            row = rows[r->option_value - 1];
    } else {
        row = figures_get(f, r->page, r->figure, year, r->group,
                          r->option == PH_OPTION_CODE ? r->option_value : 0);
    }
    if (!row)
        ph_fail(err, size, "no figure %s.%s for year %s, group \"%s\", option %s", r->page,
                r->figure, cat_of(c)->years[year].key, r->group, r->option_text);
    return row;
}

/* The figures a reference reads: the document's own, or with nation: the
 * national ones. */
static const figset *figures_of(const ph_ref *r, const ph_context *c)
{
    return r->nation && c->nation ? c->nation : c->f;
}

static bool expand_figure(strbuf *b, const ph_ref *r, const ph_context *c, char *err, size_t size)
{
    int year = 0;
    if (!ph_year_index(&r->year, cat_of(c)->n_years, c->year, &year, err, size))
        return false;
    const figset *f = figures_of(r, c);
    if (r->field == PH_FIELD_TOP || r->field == PH_FIELD_COUNTS)
        return expand_top(b, r, f, year, c, err, size);
    if (r->field == PH_FIELD_LEAD)
        return expand_lead(b, r, f, year, c, err, size);
    if (r->field == PH_FIELD_STARTED || r->field == PH_FIELD_ADDED)
        return expand_event(b, r, f, year, c, err, size);
    const fig_row *row = row_of(r, f, year, c, err, size);
    return row && expand_field(b, c, row, r, err, size);
}

/* The value of a condition's side: its number, or its row's count, base or
 * option code. */
static bool operand(const ph_operand *o, const ph_context *c, int *value, char *err, size_t size)
{
    if (o->kind == PH_OPD_NUMBER) {
        *value = o->number;
        return true;
    }
    int year = 0;
    if (!ph_year_index(&o->ref.year, cat_of(c)->n_years, c->year, &year, err, size))
        return false;
    const fig_row *row = row_of(&o->ref, figures_of(&o->ref, c), year, c, err, size);
    if (row)
        *value = o->kind == PH_OPD_CODE ? row->option
                 : o->kind == PH_OPD_BASE ? row->base
                                          : row->count;
    return row != NULL;
}

static bool expand_nodes(strbuf *b, const ph_text *t, const ph_context *c, arena *mem, char *err,
                         size_t size);

/* {A OP B ? THEN : ELSE}: the wording of a lead that depends on the data
 * (「上回った」 or 「下回った」; a ranking that changed or held; a base too
 * small for shares), A and B compared by count, base, number or option
 * code. */
static bool expand_condition(strbuf *b, const ph_node *nd, const ph_context *c, arena *mem,
                             char *err, size_t size)
{
    int a, bb;
    if (!operand(&nd->as.cond.a, c, &a, err, size) || !operand(&nd->as.cond.b, c, &bb, err, size))
        return false;
    bool yes;
    switch (nd->as.cond.op) {
    case PH_CMP_GE: yes = a >= bb; break;
    case PH_CMP_LE: yes = a <= bb; break;
    case PH_CMP_EQ: yes = a == bb; break;
    case PH_CMP_NE: yes = a != bb; break;
    case PH_CMP_GT: yes = a > bb; break;
    default: yes = a < bb; break;
    }
    return expand_nodes(b, yes ? nd->as.cond.then_text : nd->as.cond.else_text, c, mem, err, size);
}

/* {alike(JOIN,SEP) …}: items whose text prints the same, one after the
 * other, are named together: 都道府県・指定都市で100%、その他の市区町村で45.6%;
 * all different: 都道府県で100%、指定都市で95%、…. A group's text is told
 * for provenance as its last item's (the name nearest the number). */
static bool expand_alike(strbuf *b, const ph_node *nd, const ph_context *c, arena *mem, char *err,
                         size_t size)
{
    int n = nd->as.alike.n;
    char **printed = ARENA_NEW(mem, char *, n);
    ph_context quiet = *c;
    quiet.on_piece = NULL;
    for (int i = 0; i < n; i++)
        if (!(printed[i] = ph_expand(nd->as.alike.rests[i], &quiet, mem, err, size)))
            return false;
    for (int i = 0; i < n;) {
        int last = i;
        while (last + 1 < n && strcmp(printed[last + 1], printed[i]) == 0)
            last++;
        size_t from = b->n;
        if (i > 0)
            sb_puts(b, nd->as.alike.sep);
        for (int k = i; k <= last; k++) {
            if (k > i)
                sb_puts(b, nd->as.alike.join);
            sb_puts(b, nd->as.alike.names[k]);
        }
        note(c, PH_PIECE_LITERAL, b, from, NULL, NULL, NULL);
        if (!expand_nodes(b, nd->as.alike.rests[last], c, mem, err, size))
            return false;
        i = last + 1;
    }
    return true;
}

static bool expand_node(strbuf *b, const ph_node *nd, const ph_context *c, arena *mem,
                        char *err, size_t size)
{
    switch (nd->kind) {
    case PH_NODE_LITERAL: {
        size_t from = b->n;
        sb_put(b, nd->text, nd->len);
        note(c, PH_PIECE_LITERAL, b, from, NULL, NULL, NULL);
        return true;
    }
    case PH_NODE_FIGURE: return expand_figure(b, &nd->as.ref, c, err, size);
    case PH_NODE_YEAR: return expand_year(b, nd, c, err, size);
    case PH_NODE_CONDITION:
        return expand_condition(b, nd, c, mem, err, size);
    case PH_NODE_ALIKE:
        return expand_alike(b, nd, c, mem, err, size);
    case PH_NODE_EDITION: {
        char date[NUMFMT_MAX];
        if (!c->edition || !numfmt_era_date(date, sizeof date, c->edition))
            return ph_fail(err, size, PH_NO_EDITION);
        size_t at = b->n;
        sb_puts(b, date);
        sb_puts(b, "版");
        note(c, PH_PIECE_DATE, b, at, NULL, NULL, c->edition);
        return true;
    }
    case PH_NODE_VAR: {
        /* a [report] variable: its own placeholders expanded, no further variables */
        int v = 0;
        while (v < c->n_vars && strcmp(c->var_name[v], nd->as.var) != 0)
            v++;
        if (v == c->n_vars)
            return ph_fail(err, size,
                           "expected deck.edition or a variable of the deck file's [report]");
        ph_context inner = *c;
        inner.n_vars = 0;
        char *val = ph_expand(c->var_text[v], &inner, mem, err, size);
        if (val)
            sb_puts(b, val);
        return val != NULL;
    }
    case PH_NODE_SCOPE: {
        char val[256];
        if (!ph_expand_scope(nd->as.scope, c->pref, c->body, val, sizeof val, err, size))
            return false;
        size_t at = b->n;
        sb_puts(b, val);
        const fig_row *row;
        const char *field;
        ph_scope_source(nd->as.scope, c->nation ? c->nation : c->f, c->pref, c->body, &row,
                        &field);
        note(c, row ? PH_PIECE_FIGURE : PH_PIECE_OTHER, b, at, row, field, NULL);
        return true;
    }
    }
    return false;
}

/* Every node of t appended to b. */
static bool expand_nodes(strbuf *b, const ph_text *t, const ph_context *c, arena *mem, char *err,
                         size_t err_size)
{
    for (int i = 0; i < t->n; i++) {
        const ph_node *nd = &t->nodes[i];
        char reason[512] = "";
        if (!expand_node(b, nd, c, mem, reason, sizeof reason))
            return ph_fail_node(err, err_size, nd, "%s", reason);
    }
    if (t->error)
        return ph_fail(err, err_size, "%s", t->error);
    return true;
}

char *ph_expand(const ph_text *t, const ph_context *c, arena *mem, char *err, size_t err_size)
{
    strbuf b = {0};
    sb_put(&b, "", 0);
    bool ok = expand_nodes(&b, t, c, mem, err, err_size);
    char *out = ok ? arena_strdup(mem, b.p) : NULL;
    free(b.p);
    return out;
}
