/* figures_catalogue.c - what the figures are, without their values: the
 * survey's years and questions and one fig_def per figure, built from the
 * definitions (survey.ini, codebook) the same way figures.c and
 * figures_bodies.c emit rows, so that templates are checked before any
 * number is computed. tests/test_figures.c holds the two in step: every
 * computed row is in the catalogue, every figure of a year has rows. */
#include "figures_priv.h"

#include "popband.h"

#include <stdlib.h>
#include <string.h>

/* ---- the question pages: one figure per question, named by its id ---- */

const fig_question_page FIG_QUESTION_PAGES[FIG_N_QUESTION_PAGES] = {
    {"P5", "Q2", BASE_DETAIL},           {"P7", "Q3", BASE_DETAIL},
    {"P8", "Q4", BASE_ALL},              {"P9", "Q5", BASE_DETAIL},
    {"P10", "Q6", BASE_ALL},             {"P12", "Q7", BASE_GUIDELINE},
    {"P13", "Q8", BASE_SERVICE_ROWS},    {"P14", "Q9", BASE_SERVICE_ROWS},
    {"P15", "Q10", BASE_CUSTOMISED_ROWS}, {"P16", "Q11", BASE_CUSTOMISED_ROWS},
    {"P17", "Q15", BASE_ALL},            {"P18", "Q12", BASE_SERVICE_ROWS},
    {"P19", "Q13", BASE_SERVICE_ROWS},   {"P19", "Q14", BASE_SERVICE_ROWS},
};

const char *const FIG_GROUP_LABEL[GROUP__COUNT] = {"都道府県", "指定都市", "その他市区町村"};
const char *const FIG_GROUP_MUNI_LABEL[FIG_N_GROUPS_MUNI] = {"都道府県", "指定都市", "その他市区町村",
                                                            FIG_MUNI_GROUP};

int figures_find_question(const codebook *cb, const char *id)
{
    for (int i = 0; i < cb->n; i++)
        if (cb->q[i].id && strcmp(cb->q[i].id, id) == 0)
            return i;
    return -1;
}


/* The figures under construction: every set builds its catalogue, so it
 * takes three allocations, sized up front (see the bound in
 * figures_catalogue_new). */
typedef struct {
    const survey *s;
    arena *mem;
    fig_def *defs;
    bool *years; /* [cap * n_years]: each figure's in_year */
    uint32_t *codes; /* [cap * n_years]: each figure's options_in_year */
    int n, cap;
} def_buf;

/* A figure with its years unset (in_year all false). */
static fig_def *add(def_buf *b, const char *page, const char *name, int question,
                    fig_opt_kind options, int n_groups, const char *const *groups)
{
    if (b->n == b->cap)
        abort(); /* the bound of figures_catalogue_new is wrong: a bug */
    const codebook *cb = &b->s->cb;
    fig_def *d = &b->defs[b->n];
    *d = (fig_def){.page = page, .name = name, .question = question, .options = options,
                   .n_options = options == FIG_OPT_CODES ? cb->q[question].n_options : 0,
                   .n_groups = n_groups, .groups = groups,
                   .in_year = b->years + (size_t)b->n * (size_t)b->s->n_years};
    b->n++;
    return d;
}

/* in_year of d: the years question q is asked in (and, with also >= 0, q2);
 * for a figure of q's codes, the codes each year offers. */
static void asked_years(def_buf *b, fig_def *d, int q, int also)
{
    const survey *s = b->s;
    bool *in = (bool *)d->in_year;
    for (int y = 0; y < s->n_years; y++)
        in[y] = (q < 0 || s->years[y].asked[q]) && (also < 0 || s->years[y].asked[also]);
    if (d->options != FIG_OPT_CODES || d->question < 0)
        return;
    uint32_t *codes = b->codes + (size_t)(d - b->defs) * (size_t)s->n_years;
    for (int y = 0; y < s->n_years; y++)
        codes[y] = in[y] ? s->years[y].offered[d->question] : 0;
    d->options_in_year = codes;
}

static const char *const ALL[] = {FIG_ALL_GROUP};
static const char *const NONE[] = {""};

/* P2, P3, P4, P11 (figures.c emit_status_pages) */
static void status_pages(def_buf *b, int q1, int q6)
{
    const survey *s = b->s;
    fig_def *d = add(b, "P2", "answered", q1, FIG_OPT_NONE, 1, ALL);
    asked_years(b, d, q1, -1);
    d->has_base = true;
    d = add(b, "P2", "detail", q1, FIG_OPT_NONE, 1, ALL);
    asked_years(b, d, q1, -1);
    for (int y = 0; y < s->n_years; y++)
        ((bool *)d->in_year)[y] &= s->years[y].detail_rate;
    d->has_base = true;
    d = add(b, "P3", "status", q1, FIG_OPT_CODES, 1, ALL);
    asked_years(b, d, q1, -1);
    d->has_base = d->ranked = true;
    d = add(b, "P4", "status_by_group", q1, FIG_OPT_CODES, FIG_N_GROUPS_MUNI,
            FIG_GROUP_MUNI_LABEL);
    asked_years(b, d, q1, -1);
    d->has_base = d->ranked = true;
    d = add(b, "P4", "status_1_4", q1, FIG_OPT_NONE, GROUP__COUNT, FIG_GROUP_LABEL);
    asked_years(b, d, q1, -1);
    d->has_base = true;
    if (q6 < 0)
        return;
    d = add(b, "P10", "Q6_by_group", q6, FIG_OPT_CODES, FIG_N_GROUPS_MUNI, FIG_GROUP_MUNI_LABEL);
    asked_years(b, d, q1, q6);
    d->has_base = d->ranked = true;
    /* grouped by the statuses with AI in hand or planned */
    const cb_question *st = &s->cb.q[q1];
    int n = st->n_options < FIG_STATUS_PLANNED ? st->n_options : FIG_STATUS_PLANNED;
    d = add(b, "P11", "Q6_by_status", q6, FIG_OPT_CODES, n, st->label + 1);
    asked_years(b, d, q1, q6);
    d->has_base = d->ranked = true;
}

/* P6 (emit_cases) and A1 (emit_pref_ranking) */
static void case_and_ranking_pages(def_buf *b, int q1, int q6)
{
    static const char *const cases[] = {"cases", "hours_before", "hours_after", "reduction"};
    for (int i = 0; i < 4; i++) {
        fig_def *d = add(b, "P6", cases[i], -1, FIG_OPT_LIST, 1, NONE);
        asked_years(b, d, -1, -1);
        d->has_base = d->ranked = i == 3; /* the reduction: a share of the hours before */
    }
    /* how many cases of the year's list are the scope's */
    asked_years(b, add(b, "P6", "case_count", -1, FIG_OPT_NONE, 1, NONE), -1, -1);
    static const char *const shares[] = {"adopted_share", "guideline_share"};
    int q[] = {q1, q6};
    for (int i = 0; i < 2; i++) {
        if (q[i] < 0)
            continue;
        fig_def *d = add(b, "A1", shares[i], q[i], FIG_OPT_LIST, 1, NONE);
        d->n_options = FIG_N_PREFECTURES;
        asked_years(b, d, q[i], -1);
        d->has_base = d->ranked = true;
    }
}

/* B and M (figures_bodies.c) */
static void body_pages(def_buf *b)
{
    const survey *s = b->s;
    const char **groups = ARENA_NEW(b->mem, const char *, 1 + POP_N_BANDS);
    groups[0] = FIG_ALL_GROUP;
    for (int band = 0; band < POP_N_BANDS; band++)
        groups[1 + band] = pop_band_label(band);
    for (int q = 0; q < s->cb.n; q++)
        if (s->cb.q[q].file == CB_FILE_ANSWERS) {
            fig_def *d = add(b, "B", s->cb.q[q].id, q, FIG_OPT_CODES, 1 + POP_N_BANDS, groups);
            asked_years(b, d, q, -1);
            d->has_base = true;
        }
    fig_def *d = add(b, "M", "population", -1, FIG_OPT_NONE, 0, NULL);
    d->body_groups = d->no_year = true;
    int q_service = figures_find_question(&s->cb, FIG_Q_SERVICE);
    for (int q = 0; q < s->cb.n; q++)
        if (s->cb.q[q].file == CB_FILE_ANSWERS || q == q_service) {
            d = add(b, "M", s->cb.q[q].id, q, FIG_OPT_CODES, 0, NULL);
            d->body_groups = true;
            asked_years(b, d, q, -1);
        }
}

fig_catalogue *figures_catalogue_new(const survey *s, arena *mem)
{
    fig_catalogue *c = ARENA_NEW(mem, fig_catalogue, 1);
    c->title = s->title ? s->title : "";
    c->sample = s->sample;
    fig_year *years = ARENA_NEW(mem, fig_year, s->n_years > 0 ? s->n_years : 1);
    for (int y = 0; y < s->n_years; y++) {
        const sv_year *sy = &s->years[y];
        years[y] = (fig_year){.key = sy->key, .label = sy->label ? sy->label : sy->key,
                              .as_of = sy->as_of, .period_from = sy->period_from,
                              .period_to = sy->period_to, .published = sy->published,
                              .format = sy->format ? sy->format : ""};
    }
    c->n_years = s->n_years;
    c->years = years;
    fig_question *qs = ARENA_NEW(mem, fig_question, s->cb.n > 0 ? s->cb.n : 1);
    for (int q = 0; q < s->cb.n; q++)
        qs[q] = (fig_question){.id = s->cb.q[q].id, .title = s->cb.q[q].title,
                               .per_body = s->cb.q[q].file == CB_FILE_ANSWERS};
    c->n_questions = s->cb.n;
    c->questions = qs;

    /* P2-P4, P10 by group, P11: 7; the question pages; P6: 5; A1: 2; B and M:
     * two per question and M.population */
    int cap = 7 + FIG_N_QUESTION_PAGES + 5 + 2 + 2 * s->cb.n + 1;
    size_t n_in_year = (size_t)cap * (size_t)(s->n_years > 0 ? s->n_years : 1);
    def_buf b = {.s = s, .mem = mem, .cap = cap, .defs = ARENA_NEW_UNINIT(mem, fig_def, cap),
                 .years = ARENA_NEW(mem, bool, n_in_year),
                 .codes = ARENA_NEW(mem, uint32_t, n_in_year)};
    int q1 = figures_find_question(&s->cb, FIG_Q_STATUS),
        q6 = figures_find_question(&s->cb, FIG_Q_GUIDELINE);
    if (q1 >= 0)
        status_pages(&b, q1, q6);
    for (int i = 0; i < FIG_N_QUESTION_PAGES; i++) {
        int q = figures_find_question(&s->cb, FIG_QUESTION_PAGES[i].qid);
        if (q < 0)
            continue;
        fig_def *d = add(&b, FIG_QUESTION_PAGES[i].page, FIG_QUESTION_PAGES[i].qid, q,
                         FIG_OPT_CODES, 1, ALL);
        asked_years(&b, d, q, -1);
        d->has_base = d->ranked = true;
    }
    case_and_ranking_pages(&b, q1, q6);
    body_pages(&b);
    c->n_figures = b.n;
    c->figures = b.defs;
    return c;
}

const fig_def *figures_def(const fig_catalogue *c, const char *page, const char *name)
{
    for (int i = 0; i < c->n_figures; i++)
        if (strcmp(c->figures[i].name, name) == 0 && strcmp(c->figures[i].page, page) == 0)
            return &c->figures[i];
    return NULL;
}

bool figures_def_group(const fig_def *d, const char *group)
{
    if (d->body_groups)
        return strlen(group) == 6 && strspn(group, "0123456789") == 6;
    for (int g = 0; g < d->n_groups; g++)
        if (strcmp(d->groups[g], group) == 0)
            return true;
    return false;
}

bool figures_def_option_in_year(const fig_def *d, int option, int year)
{
    if (d->no_year || !d->in_year[year] || !figures_def_option(d, option))
        return false;
    return option == 0 || !d->options_in_year ||
           (d->options_in_year[year] & (1u << (option - 1))) != 0;
}

int figures_def_first_year(const fig_def *d, int n_years)
{
    for (int y = 0; !d->no_year && y < n_years; y++)
        if (d->in_year[y])
            return y;
    return -1;
}

uint32_t figures_def_added(const fig_def *d, int year)
{
    if (!d->options_in_year || year < 1 || !d->in_year[year] || !d->in_year[year - 1])
        return 0;
    return d->options_in_year[year] & ~d->options_in_year[year - 1];
}

bool figures_def_option(const fig_def *d, int option)
{
    switch (d->options) {
    case FIG_OPT_NONE: return option == 0;
    case FIG_OPT_CODES: return option >= 1 && option <= d->n_options;
    case FIG_OPT_LIST: return option >= 1 && (d->n_options == 0 || option <= d->n_options);
    }
    return false;
}
