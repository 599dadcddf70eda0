/* placeholder_check.c - a parsed text checked against the catalogue of
 * figures when its template loads: every name, year, group, option and field
 * a placeholder uses must exist, without computing a single value. What only
 * values decide is left to the expansion (placeholder.h). */
#include "placeholder_priv.h"

#include "numfmt.h"

#include <stdio.h>
#include <string.h>

/* How many rows a series of d has (0: as many as the data has). */
static int series_rows(const fig_def *d)
{
    return d->options == FIG_OPT_NONE ? 1 : d->n_options;
}

static bool check_ref(const ph_ref *r, const ph_check_context *cc, char *err, size_t size)
{
    const fig_catalogue *cat = cc->cat;
    int y = 0;
    if (!ph_year_index(&r->year, cat->n_years, cc->year, &y, err, size))
        return false;
    const char *key = cat->years[y].key;
    const fig_def *d = figures_def(cat, r->page, r->figure);
    bool series = d && !d->no_year && d->in_year[y] && figures_def_group(d, r->group);
    if (ph_series_field(r->field)) {
        if (!series)
            return ph_fail(err, size, "no figure %s.%s for year %s, group \"%s\"", r->page,
                           r->figure, key, r->group);
        if (r->field == PH_FIELD_STARTED || r->field == PH_FIELD_ADDED)
            return ph_year_event(r, d, cat, y, err, size);
        int have = series_rows(d);
        if ((r->field == PH_FIELD_TOP || r->field == PH_FIELD_COUNTS) && have > 0 &&
            have < r->top_n)
            return ph_fail(err, size, "%s.%s[%s,%s]: %s but the figure has %d options", r->page,
                           r->figure, key, r->group, r->field_text, have);
        for (int code = 1; r->field == PH_FIELD_LEAD && code <= FIG_MAX_OPTIONS; code++)
            if ((r->lead_codes & (1u << (code - 1))) && !figures_def_option(d, code))
                return ph_fail(err, size, "%s.%s: lead(): %d is not an option of the figure",
                               r->page, r->figure, code);
        return true;
    }
    bool row = series;
    if (row && r->option == PH_OPTION_RANK)
        row = series_rows(d) == 0 || r->option_value <= series_rows(d);
    else if (row)
        row = figures_def_option_in_year(d, r->option == PH_OPTION_CODE ? r->option_value : 0, y);
    if (!row)
        return ph_fail(err, size, "no figure %s.%s for year %s, group \"%s\", option %s", r->page,
                       r->figure, key, r->group, r->option_text);
    if (!ph_field_known(r, err, size))
        return false;
    if ((r->field == PH_FIELD_PCT || r->field == PH_FIELD_PCT0) && !d->has_base)
        return ph_fail(err, size, "%s.%s has no base, so no percentage", r->page, r->figure);
    return true;
}

bool ph_year_event(const ph_ref *r, const fig_def *d, const fig_catalogue *cat, int y, char *err,
                   size_t size)
{
    const char *key = cat->years[y].key;
    if (r->field == PH_FIELD_STARTED) {
        int first = figures_def_first_year(d, cat->n_years);
        if (first != y || y == 0)
            return ph_fail(err, size,
                           "%s.%s: started: its question was not first asked in %s (it was in "
                           "%s, the survey's %s year)",
                           r->page, r->figure, key, first >= 0 ? cat->years[first].key : "none",
                           first == 0 ? "first" : "own");
        return true;
    }
    if (!figures_def_added(d, y))
        return ph_fail(err, size,
                       "%s.%s: added: no option was added to its question in %s (codebook "
                       "`N.since`)",
                       r->page, r->figure, key);
    return true;
}

/* Whether the figure reference r, read for year y, has a value that year
 * (names the catalogue lacks count as having one: ph_check reports them). */
static bool ref_in_year(const ph_ref *r, const fig_catalogue *cat, int y)
{
    if (r->year.base != PH_YEAR_Y)
        return true;
    const fig_def *d = figures_def(cat, r->page, r->figure);
    if (!d || d->no_year)
        return true;
    if (!d->in_year[y])
        return false;
    char err[256];
    if (r->field == PH_FIELD_STARTED || r->field == PH_FIELD_ADDED)
        return ph_year_event(r, d, cat, y, err, sizeof err);
    if (r->option == PH_OPTION_CODE)
        return !figures_def_option(d, r->option_value) ||
               figures_def_option_in_year(d, r->option_value, y);
    return true;
}

static bool operand_in_year(const ph_operand *o, const fig_catalogue *cat, int y)
{
    return o->kind == PH_OPD_NUMBER || ref_in_year(&o->ref, cat, y);
}

bool ph_year_has(const ph_text *t, const fig_catalogue *cat, int y)
{
    for (int i = 0; i < t->n; i++) {
        const ph_node *nd = &t->nodes[i];
        switch (nd->kind) {
        case PH_NODE_FIGURE:
            if (!ref_in_year(&nd->as.ref, cat, y))
                return false;
            break;
        case PH_NODE_CONDITION:
            if (!operand_in_year(&nd->as.cond.a, cat, y) ||
                !operand_in_year(&nd->as.cond.b, cat, y) ||
                !ph_year_has(nd->as.cond.then_text, cat, y) ||
                !ph_year_has(nd->as.cond.else_text, cat, y))
                return false;
            break;
        case PH_NODE_ALIKE:
            for (int k = 0; k < nd->as.alike.n; k++)
                if (!ph_year_has(nd->as.alike.rests[k], cat, y))
                    return false;
            break;
        case PH_NODE_YEAR:
            if (nd->as.year.year.base == PH_YEAR_Y && nd->as.year.field != PH_YF_LABEL &&
                nd->as.year.field != PH_YF_KEY) {
                const fig_year *yr;
                const char *iso;
                char date[PH_DATE_MAX], err[256];
                if (!ph_year_field_value(nd, cat, y, &yr, &iso, date, err, sizeof err))
                    return false;
            }
            break;
        default:
            break;
        }
    }
    return true;
}

static bool check_year(const ph_node *nd, const ph_check_context *cc, char *err, size_t size)
{
    const fig_year *yr;
    const char *iso;
    char date[PH_DATE_MAX];
    return ph_year_field_value(nd, cc->cat, cc->year, &yr, &iso, date, err, size);
}

/* A condition's side: a number, or a reference to a row (with a base when
 * it is read as its base). */
static bool check_operand(const ph_operand *o, const ph_check_context *cc, char *err, size_t size)
{
    if (o->kind == PH_OPD_NUMBER)
        return true;
    if (!check_ref(&o->ref, cc, err, size))
        return false;
    const fig_def *d = figures_def(cc->cat, o->ref.page, o->ref.figure);
    if (o->kind == PH_OPD_BASE && d && !d->has_base)
        return ph_fail(err, size, "%s.%s has no base", o->ref.page, o->ref.figure);
    return true;
}

static bool check_node(const ph_node *nd, const ph_check_context *cc, char *err, size_t size)
{
    char reason[512];
    switch (nd->kind) {
    case PH_NODE_LITERAL:
    case PH_NODE_SCOPE: /* its field was checked when parsed; a pref or body needs a document */
        return true;
    case PH_NODE_FIGURE:
        return check_ref(&nd->as.ref, cc, reason, sizeof reason) ||
               ph_fail_node(err, size, nd, "%s", reason);
    case PH_NODE_YEAR:
        return check_year(nd, cc, reason, sizeof reason) ||
               ph_fail_node(err, size, nd, "%s", reason);
    case PH_NODE_EDITION: {
        char date[NUMFMT_MAX];
        return (cc->edition && numfmt_era_date(date, sizeof date, cc->edition)) ||
               ph_fail_node(err, size, nd, PH_NO_EDITION);
    }
    case PH_NODE_VAR: {
        /* a [report] variable: its own placeholders, no further variables */
        for (int v = 0; v < cc->n_vars; v++)
            if (strcmp(cc->var_name[v], nd->as.var) == 0) {
                ph_check_context inner = *cc;
                inner.n_vars = 0;
                return ph_check(cc->var_text[v], &inner, reason, sizeof reason) ||
                       ph_fail_node(err, size, nd, "%s", reason);
            }
        return ph_fail_node(err, size, nd,
                            "expected deck.edition or a variable of the deck file's [report]");
    }
    case PH_NODE_ALIKE:
        for (int i = 0; i < nd->as.alike.n; i++)
            if (!ph_check(nd->as.alike.rests[i], cc, reason, sizeof reason))
                return ph_fail_node(err, size, nd, "%s: %s", nd->as.alike.names[i], reason);
        return true;
    case PH_NODE_CONDITION:
        if (!check_operand(&nd->as.cond.a, cc, reason, sizeof reason) ||
            !check_operand(&nd->as.cond.b, cc, reason, sizeof reason))
            return ph_fail_node(err, size, nd, "%s", reason);
        /* both branches: the data decide which one is printed */
        return (ph_check(nd->as.cond.then_text, cc, reason, sizeof reason) &&
                ph_check(nd->as.cond.else_text, cc, reason, sizeof reason)) ||
               ph_fail_node(err, size, nd, "%s", reason);
    }
    return true;
}

bool ph_check(const ph_text *t, const ph_check_context *cc, char *err, size_t err_size)
{
    for (int i = 0; i < t->n; i++)
        if (!check_node(&t->nodes[i], cc, err, err_size))
            return false;
    if (t->error)
        return ph_fail(err, err_size, "%s", t->error);
    return true;
}
