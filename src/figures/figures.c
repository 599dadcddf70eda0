/* figures.c - every number of every page: one pass over the bodies and one
 * over the service rows per scope and year fill a tally; rows are then
 * emitted page by page, ranked per series and indexed for lookup.
 * Row naming: figures.h. */
#include "figures_priv.h"

#include "hashidx.h"
#include "numfmt.h"
#include "survey.h"

#include <assert.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The question pages (one figure per question, named by its id) and the
 * deck groups are the catalogue's (figures_catalogue.c). */
static const char ALL_GROUP[] = FIG_ALL_GROUP;

enum { STATUS_ADOPTED = 1, STATUS_CONSIDERING = 4, GUIDELINE_DONE = 1, CUSTOMISED = 1 };

/* Codebook indices of the questions the figures name, -1 when absent. */
typedef struct {
    int status, guideline, customised;
    int page_q[FIG_N_QUESTION_PAGES];
} question_ids;

/* Counts of one scope and year. */
typedef struct {
    int bodies, answered, status13, detail, guideline, service_rows, customised_rows;
    int group_bodies[FIG_N_GROUPS_MUNI];
    int status_by_group[FIG_N_GROUPS_MUNI][CB_MAX_OPTIONS + 1];
    int guideline_by_group[FIG_N_GROUPS_MUNI][CB_MAX_OPTIONS + 1];
    int status_bodies[CB_MAX_OPTIONS + 1];
    int guideline_by_status[CB_MAX_OPTIONS + 1][CB_MAX_OPTIONS + 1];
    int answers[CB_MAX_QUESTIONS][CB_MAX_OPTIONS + 1]; /* [question][code], 件 */
} tally;

int figures_single_code(cb_mask m)
{
    if (m == 0 || (m & (m - 1)) != 0)
        return 0; /* empty, or several codes: not a single answer */
    int code = 1;
    while (!(m & 1u)) {
        m >>= 1;
        code++;
    }
    return code;
}

void figures_add_mask(int *counts, cb_mask m, int n_options)
{
    m &= n_options >= 32 ? ~(cb_mask)0 : ((cb_mask)1u << n_options) - 1u;
    while (m) {
        counts[__builtin_ctz(m) + 1]++;
        m &= m - 1;
    }
}

static_assert((int)FIG_N_PREFECTURES == (int)N_PREFECTURES, "one count of prefectures");
static_assert((int)FIG_MAX_OPTIONS == (int)CB_MAX_OPTIONS, "one limit of option codes");

static bool in_scope(const sv_body *b, int scope)
{
    return scope == 0 || b->pref == scope;
}

/* scope_bodies: the indices of the scope's bodies (one pass collects them, so
 * that a prefecture's tally touches only its own bodies). */
static void tally_year(const survey *s, const sv_year *y, const question_ids *ids, int scope,
                       const int *scope_bodies, int n_scope_bodies, const bool *body_in_scope,
                       tally *t)
{
    const codebook *cb = &s->cb;
    /* answers[q] is read only for q < cb->n: zero the rest of the tally
     * only (the whole is ~13 KB, cleared 3 x 48 times) */
    memset(t, 0, offsetof(tally, answers) + sizeof t->answers[0] * (size_t)cb->n);
    /* the questions to count, so that the per-body loop does only that */
    int answer_q[CB_MAX_QUESTIONS], service_q[CB_MAX_QUESTIONS], n_answer_q = 0, n_service_q = 0;
    for (int q = 0; q < cb->n; q++) {
        if (!y->asked[q])
            continue;
        if (cb->q[q].file == CB_FILE_ANSWERS)
            answer_q[n_answer_q++] = q;
        else
            service_q[n_service_q++] = q;
    }
    for (int i = 0; i < n_scope_bodies; i++) {
        int b = scope_bodies[i];
        const sv_body *body = &s->bodies[b];
        body_group g = survey_body_group(body);
        bool muni = g != GROUP_PREFECTURE; /* also counted in FIG_MUNI_GROUP */
        t->bodies++;
        t->group_bodies[g]++;
        t->group_bodies[GROUP__COUNT] += muni;
        const cb_mask *answers = &y->answers[(size_t)b * (size_t)cb->n];
        for (int k = 0; k < n_answer_q; k++) {
            int q = answer_q[k];
            if (answers[q])
                figures_add_mask(t->answers[q], answers[q], cb->q[q].n_options);
        }
        int status =
            ids->status >= 0 ? figures_single_code(survey_answer(s, y, b, ids->status)) : 0;
        int guideline =
            ids->guideline >= 0 ? figures_single_code(survey_answer(s, y, b, ids->guideline)) : 0;
        if (guideline > 0) {
            t->guideline_by_group[g][guideline]++;
            t->guideline_by_group[GROUP__COUNT][guideline] += muni;
        }
        if (status > 0) {
            t->answered++;
            t->status_by_group[g][status]++;
            t->status_by_group[GROUP__COUNT][status] += muni;
            t->status_bodies[status]++;
            t->guideline_by_status[status][guideline]++;
            if (status <= FIG_STATUS_PLANNED)
                t->status13++;
        }
        if (guideline == GUIDELINE_DONE)
            t->guideline++;
        if (y->detail_respondent && y->detail_respondent[b])
            t->detail++;
    }
    /* A prefecture visits only its own rows when the loader indexed them. */
    bool by_pref = scope != 0 && y->service_pref_first && y->service_by_pref;
    int from = by_pref ? y->service_pref_first[scope] : 0;
    int to = by_pref ? y->service_pref_first[scope + 1] : y->n_services;
    for (int i = from; i < to; i++) {
        int r = by_pref ? y->service_by_pref[i] : i;
        int b = y->service_body[r];
        if (b < 0 || b >= s->n_bodies || (scope != 0 && !body_in_scope[b]))
            continue;
        t->service_rows++;
        const cb_mask *row = &y->services[(size_t)r * (size_t)cb->n];
        for (int k = 0; k < n_service_q; k++) {
            int q = service_q[k];
            if (row[q])
                figures_add_mask(t->answers[q], row[q], cb->q[q].n_options);
        }
        if (ids->customised >= 0 &&
            figures_single_code(survey_service(s, y, r, ids->customised)) == CUSTOMISED)
            t->customised_rows++;
    }
}

/* ---- emitting rows ---- */

fig_row *figures_emit(row_buf *rb, const char *page, const char *figure, int year, int scope,
                      const char *group, int option, const char *label, int count, int base,
                      fig_base kind, int question)
{
    if (rb->n == rb->cap) {
        fig_row *bigger = ARENA_NEW_UNINIT(rb->mem, fig_row, rb->cap * 2 + 16);
        if (rb->n > 0)
            memcpy(bigger, rb->rows, sizeof *bigger * (size_t)rb->n);
        rb->rows = bigger;
        rb->cap = rb->cap * 2 + 16;
    }
    const codebook *cb = &rb->s->cb;
    const char *short_label = question >= 0 && question < cb->n && option > 0 &&
                                      option <= cb->q[question].n_options &&
                                      cb->q[question].short_label[option]
                                  ? cb->q[question].short_label[option]
                                  : label;
    fig_row *r = &rb->rows[rb->n++];
    *r = (fig_row){
        .page = page,
        .figure = figure,
        .year = year,
        .scope = scope,
        .group = group ? group : "",
        .option = option,
        .option_label = label ? label : "",
        .short_label = short_label ? short_label : "",
        .count = count,
        .base = base,
        .pct10 = base > 0 ? numfmt_pct10(count, base) : -1,
        .rank = option > 0 ? FIG_RANK_BY_COUNT : 0,
        .base_kind = base > 0 ? kind : BASE_NONE,
        .question = question,
    };
    return r;
}

static int base_of(const tally *t, fig_base kind)
{
    switch (kind) {
    case BASE_ALL: return t->bodies;
    case BASE_STATUS_1_3: return t->status13;
    case BASE_DETAIL: return t->detail;
    case BASE_GUIDELINE: return t->guideline;
    case BASE_SERVICE_ROWS: return t->service_rows;
    case BASE_CUSTOMISED_ROWS: return t->customised_rows;
    case BASE_NONE:
    case BASE_STATUS_GROUP:
    case BASE_ANSWERED: break;
    }
    return 0;
}

static void emit_status_pages(const survey *s, int yi, int scope, const question_ids *ids,
                              const tally *t, row_buf *rb)
{
    const sv_year *y = &s->years[yi];
    if (ids->status < 0 || !y->asked[ids->status])
        return;
    const cb_question *q1 = &s->cb.q[ids->status];

    figures_emit(rb, "P2", "answered", yi, scope, ALL_GROUP, 0, "", t->answered, t->bodies,
                 BASE_ALL, ids->status);
    if (y->detail_rate)
        figures_emit(rb, "P2", "detail", yi, scope, ALL_GROUP, 0, "", t->detail, t->status13,
                     BASE_STATUS_1_3, ids->status);

    for (int code = 1; code <= q1->n_options; code++) {
        if (!figures_offered(y, ids->status, code))
            continue;
        int n = 0;
        for (int g = 0; g < GROUP__COUNT; g++)
            n += t->status_by_group[g][code];
        figures_emit(rb, "P3", "status", yi, scope, ALL_GROUP, code, q1->label[code], n, t->bodies,
                     BASE_ALL, ids->status);
    }
    for (int g = 0; g < FIG_N_GROUPS_MUNI; g++)
        for (int code = 1; code <= q1->n_options; code++)
            if (figures_offered(y, ids->status, code))
                figures_emit(rb, "P4", "status_by_group", yi, scope, FIG_GROUP_MUNI_LABEL[g], code,
                         q1->label[code], t->status_by_group[g][code], t->group_bodies[g], BASE_ALL,
                         ids->status);
    /* 導入済 … 導入検討中 together: the lead's 「約88%」 for その他市区町村 */
    for (int g = 0; g < GROUP__COUNT; g++) {
        int n = 0;
        for (int code = 1; code <= STATUS_CONSIDERING && code <= q1->n_options; code++)
            n += t->status_by_group[g][code];
        figures_emit(rb, "P4", "status_1_4", yi, scope, FIG_GROUP_LABEL[g], 0, "", n,
                     t->group_bodies[g], BASE_ALL, ids->status);
    }

    /* P11: guideline by status, for the statuses that have AI in hand or planned */
    if (ids->guideline < 0 || !y->asked[ids->guideline])
        return;
    const cb_question *q6 = &s->cb.q[ids->guideline];
    for (int g = 0; g < FIG_N_GROUPS_MUNI; g++)
        for (int code = 1; code <= q6->n_options; code++)
            figures_emit(rb, "P10", "Q6_by_group", yi, scope, FIG_GROUP_MUNI_LABEL[g], code,
                         q6->label[code], t->guideline_by_group[g][code], t->group_bodies[g],
                         BASE_ALL, ids->guideline);
    for (int status = 1; status <= FIG_STATUS_PLANNED && status <= q1->n_options; status++)
        for (int code = 1; code <= q6->n_options; code++)
            if (figures_offered(y, ids->guideline, code))
                figures_emit(rb, "P11", "Q6_by_status", yi, scope, q1->label[status], code,
                         q6->label[code], t->guideline_by_status[status][code],
                         t->status_bodies[status], BASE_STATUS_GROUP, ids->guideline);
}

static void emit_question_pages(const survey *s, int yi, int scope, const question_ids *ids,
                                const tally *t, row_buf *rb)
{
    const sv_year *y = &s->years[yi];
    for (int i = 0; i < FIG_N_QUESTION_PAGES; i++) {
        int q = ids->page_q[i];
        if (q < 0 || !y->asked[q])
            continue;
        const cb_question *cq = &s->cb.q[q];
        int base = base_of(t, FIG_QUESTION_PAGES[i].base);
        for (int code = 1; code <= cq->n_options; code++)
            if (figures_offered(y, q, code))
                figures_emit(rb, FIG_QUESTION_PAGES[i].page, FIG_QUESTION_PAGES[i].qid, yi, scope,
                         ALL_GROUP, code, cq->label[code], t->answers[q][code], base,
                         FIG_QUESTION_PAGES[i].base, q);
    }
}

/* P6: the case studies of the scope, numbered as in the year's national list. */
static void emit_cases(const survey *s, int yi, int scope, row_buf *rb)
{
    const sv_year *y = &s->years[yi];
    int n_own = 0; /* how many of the year's cases are the scope's */
    for (int i = 0; i < y->n_cases; i++)
        n_own += y->cases[i].body >= 0 && y->cases[i].body < s->n_bodies &&
                 in_scope(&s->bodies[y->cases[i].body], scope);
    figures_emit(rb, "P6", "case_count", yi, scope, "", 0, "", n_own, 0, BASE_NONE, -1);
    for (int i = 0; i < y->n_cases; i++) {
        const sv_case *c = &y->cases[i];
        if (c->body < 0 || c->body >= s->n_bodies || !in_scope(&s->bodies[c->body], scope))
            continue;
        fig_row *r = figures_emit(rb, "P6", "cases", yi, scope, "", i + 1, c->use_case,
                                  (int)s->bodies[c->body].population, 0, BASE_NONE, -1);
        r->rank = 0; /* a list in the deck's order, not a ranking */
        r->detail = c->effect;
        r->place = s->bodies[c->body].pref_name;
    }
    for (int i = 0; i < y->n_cases; i++) {
        const sv_case *c = &y->cases[i];
        if (c->body < 0 || c->body >= s->n_bodies || !in_scope(&s->bodies[c->body], scope))
            continue;
        if (c->hours_before <= 0 || c->hours_after < 0 || c->hours_after > c->hours_before)
            continue;
        figures_emit(rb, "P6", "hours_before", yi, scope, "", i + 1, c->use_case, c->hours_before,
                     0, BASE_NONE, -1)
            ->rank = 0;
        figures_emit(rb, "P6", "hours_after", yi, scope, "", i + 1, c->use_case, c->hours_after, 0,
                     BASE_NONE, -1)
            ->rank = 0;
    }
    /* The reductions form their own series, so that rank 1 is the case that
     * saved most hours: the one the lead sentence quotes. */
    for (int i = 0; i < y->n_cases; i++) {
        const sv_case *c = &y->cases[i];
        if (c->body < 0 || c->body >= s->n_bodies || !in_scope(&s->bodies[c->body], scope))
            continue;
        if (c->hours_before <= 0 || c->hours_after < 0 || c->hours_after > c->hours_before)
            continue;
        figures_emit(rb, "P6", "reduction", yi, scope, "", i + 1, c->use_case,
                     c->hours_before - c->hours_after, c->hours_before, BASE_NONE, -1);
    }
}

static void emit_pref_ranking(const survey *s, int yi, row_buf *rb)
{
    fig_pref_rank pr[N_PREFECTURES];
    if (!figures_pref_ranking(s, yi, pr))
        return;
    int q1 = figures_find_question(&s->cb, FIG_Q_STATUS),
        q6 = figures_find_question(&s->cb, FIG_Q_GUIDELINE);
    const sv_year *y = &s->years[yi];
    if (q1 >= 0 && y->asked[q1])
        for (int p = 0; p < N_PREFECTURES; p++)
            figures_emit(rb, "A1", "adopted_share", yi, pr[p].pref, "", pr[p].pref, pr[p].name,
                         pr[p].adopted, pr[p].municipalities, BASE_ALL, q1)
                ->rank = pr[p].adopted_rank;
    if (q6 >= 0 && y->asked[q6])
        for (int p = 0; p < N_PREFECTURES; p++)
            figures_emit(rb, "A1", "guideline_share", yi, pr[p].pref, "", pr[p].pref, pr[p].name,
                         pr[p].guideline, pr[p].municipalities, BASE_ALL, q6)
                ->rank = pr[p].guideline_rank;
}

/* ---- series, ranks and the lookup index ---- */

/* The strings of a series are hashed once; a row's hash mixes in its option. */
static uint64_t hash_series(const char *page, const char *figure, int year, const char *group)
{
    uint64_t h = hash_str(HASH_FNV_SEED, page);
    h = hash_str(h, figure);
    h = hash_str(h, group);
    return hash_int(h, year);
}

static uint64_t hash_option(uint64_t series_hash, int option)
{
    return hash_int(series_hash, option);
}

/* Rows of one emitting loop share the string pointers: compare those first. */
static bool str_eq(const char *a, const char *b)
{
    return a == b || strcmp(a, b) == 0;
}

static bool same_series(const fig_row *r, const char *page, const char *figure, int year,
                        const char *group)
{
    return r->year == year && str_eq(r->figure, figure) && str_eq(r->page, page) &&
           str_eq(r->group, group);
}

/* Where the codebook puts an option among the residual ones (その他,
 * 特に課題はない: 1, 2, …), 0 for a substantive answer. */
static int residual_rank(const codebook *cb, const fig_row *r)
{
    if (r->question < 0 || r->question >= cb->n || r->option < 1 ||
        r->option > cb->q[r->question].n_options)
        return 0;
    return cb->q[r->question].residual_rank[r->option];
}

/* x before y in 回答の多い順: the substantive answers by count (higher first,
 * then lower option code), then the residual ones in the codebook's order. */
static bool before_by_count(const codebook *cb, const fig_row *x, const fig_row *y)
{
    int rx = residual_rank(cb, x), ry = residual_rank(cb, y);
    if (rx != ry)
        return rx == 0 || (ry != 0 && rx < ry);
    return x->count != y->count ? x->count > y->count : x->option < y->option;
}

/* x before y in the rank order; unranked rows (rank 0) keep option order. */
static bool before_by_rank(const codebook *cb, const fig_row *x, const fig_row *y)
{
    (void)cb;
    return x->rank != y->rank ? x->rank < y->rank : x->option < y->option;
}

/* Series are short (at most 47 rows): an insertion sort, stable, no allocation. */
static void sort_rows(const codebook *cb, const fig_row **v, int n,
                      bool (*before)(const codebook *, const fig_row *, const fig_row *))
{
    for (int i = 1; i < n; i++) {
        const fig_row *x = v[i];
        int j = i;
        for (; j > 0 && before(cb, x, v[j - 1]); j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Ranks one series: competition ranking (1, 2, 2, 4) by count, most first,
 * the codebook's residual options after the rest, each a rank of its own;
 * unless its rows came with ranks (A1) or are not a ranking (rank 0). */
static void rank_series(const codebook *cb, fig_row *rows, fig_series *sr)
{
    for (int i = 0; i < sr->n; i++)
        sr->order[i] = &rows[sr->first + i];
    if (sr->n > 0 && rows[sr->first].rank == FIG_RANK_BY_COUNT) {
        sort_rows(cb, sr->order, sr->n, before_by_count);
        for (int i = 0; i < sr->n; i++) {
            fig_row *r = &rows[sr->order[i] - &rows[0]];
            const fig_row *prev = i > 0 ? sr->order[i - 1] : NULL;
            bool tie = prev && prev->count == r->count && !residual_rank(cb, prev) &&
                       !residual_rank(cb, r);
            r->rank = tie ? prev->rank : i + 1;
        }
    } else {
        sort_rows(cb, sr->order, sr->n, before_by_rank);
    }
}

void figures_build_index(figset *f, arena *mem)
{
    /* series: maximal runs of rows with the same (page, figure, year, group) */
    f->series = ARENA_NEW_UNINIT(mem, fig_series, f->n_rows > 0 ? f->n_rows : 1);
    for (int i = 0; i < f->n_rows; i++) {
        const fig_row *r = &f->rows[i];
        if (f->n_series > 0) {
            fig_series *last = &f->series[f->n_series - 1];
            if (same_series(&f->rows[last->first], r->page, r->figure, r->year, r->group)) {
                last->n++;
                continue;
            }
        }
        f->series[f->n_series++] = (fig_series){.first = i, .n = 1};
    }
    /* every row is in one series, so rank_series fills all of it */
    const fig_row **order = ARENA_NEW_UNINIT(mem, const fig_row *, f->n_rows > 0 ? f->n_rows : 1);
    for (int i = 0; i < f->n_series; i++) {
        fig_series *sr = &f->series[i];
        sr->order = order + sr->first;
        rank_series(&f->s->cb, f->rows, sr);
    }

    hashidx_init(&f->row_index, (size_t)f->n_rows, mem);
    hashidx_init(&f->series_index, (size_t)f->n_series, mem);
    for (int i = 0; i < f->n_series; i++) {
        const fig_series *sr = &f->series[i];
        const fig_row *first = &f->rows[sr->first];
        uint64_t sh = hash_series(first->page, first->figure, first->year, first->group);
        hashidx_add(&f->series_index, sh, i);
        for (int k = sr->first; k < sr->first + sr->n; k++)
            hashidx_add(&f->row_index, hash_option(sh, f->rows[k].option), k);
    }
}

/* The most rows figures_compute can emit for the scope (see the emit_*). */
static int row_bound(const survey *s, const question_ids *ids, int scope)
{
    int per_year = 0;
    if (ids->status >= 0) {
        int n1 = s->cb.q[ids->status].n_options;
        per_year += 2 + n1 + FIG_N_GROUPS_MUNI * n1 + GROUP__COUNT;
        if (ids->guideline >= 0)
            per_year += (FIG_STATUS_PLANNED + FIG_N_GROUPS_MUNI) *
                        s->cb.q[ids->guideline].n_options;
    }
    for (int i = 0; i < FIG_N_QUESTION_PAGES; i++)
        if (ids->page_q[i] >= 0)
            per_year += s->cb.q[ids->page_q[i]].n_options;
    if (scope == 0)
        per_year += 2 * N_PREFECTURES;
    int n = 16;
    for (int yi = 0; yi < s->n_years; yi++)
        n += per_year + 4 * s->years[yi].n_cases + 1;
    return n;
}

figset *figures_compute(const survey *s, int scope, arena *mem)
{
    if (!s || scope < 0 || scope > N_PREFECTURES)
        return NULL;
    question_ids ids = {
        .status = figures_find_question(&s->cb, FIG_Q_STATUS),
        .guideline = figures_find_question(&s->cb, FIG_Q_GUIDELINE),
        .customised = figures_find_question(&s->cb, "Q9"),
    };
    for (int i = 0; i < FIG_N_QUESTION_PAGES; i++)
        ids.page_q[i] = figures_find_question(&s->cb, FIG_QUESTION_PAGES[i].qid);

    /* the scope's bodies as a list (for the answers) and as flags (for the
     * service rows), so that a prefecture's pass touches only its bodies */
    size_t n_alloc = (size_t)(s->n_bodies > 0 ? s->n_bodies : 1);
    int *scope_bodies = xmalloc(sizeof *scope_bodies * n_alloc);
    bool *body_in_scope = xcalloc(n_alloc, sizeof *body_in_scope);
    int n_scope_bodies = 0;
    for (int b = 0; b < s->n_bodies; b++)
        if (in_scope(&s->bodies[b], scope)) {
            scope_bodies[n_scope_bodies++] = b;
            body_in_scope[b] = true;
        }

    tally *t = xmalloc(sizeof *t);
    row_buf rb = {.s = s, .mem = mem, .cap = row_bound(s, &ids, scope)};
    rb.rows = ARENA_NEW_UNINIT(mem, fig_row, rb.cap); /* emit() writes each row whole */
    for (int yi = 0; yi < s->n_years; yi++) {
        tally_year(s, &s->years[yi], &ids, scope, scope_bodies, n_scope_bodies, body_in_scope, t);
        emit_status_pages(s, yi, scope, &ids, t, &rb);
        emit_question_pages(s, yi, scope, &ids, t, &rb);
        emit_cases(s, yi, scope, &rb);
        if (scope == 0)
            emit_pref_ranking(s, yi, &rb);
    }
    free(t);
    free(scope_bodies);
    free(body_in_scope);

    return figures_finish(ARENA_NEW(mem, figset, 1), s, scope, &rb, mem);
}

/* The series of (page, figure, year, group), NULL when f has none. */
static const fig_series *find_series(const figset *f, const char *page, const char *figure,
                                     int year, const char *group)
{
    hashidx_probe p;
    uint64_t h = hash_series(page, figure, year, group);
    for (int k = hashidx_first(&f->series_index, h, &p); k >= 0;
         k = hashidx_next(&f->series_index, &p)) {
        const fig_series *sr = &f->series[k];
        if (same_series(&f->rows[sr->first], page, figure, year, group))
            return sr;
    }
    return NULL;
}

/* Each share beside the same row of the year before (fig_row.change10): a
 * series and its predecessor both hold their rows in option order, so one
 * lookup per series and a merge by option suffice. */
static void set_changes(figset *f)
{
    for (int i = 0; i < f->n_series; i++) {
        const fig_series *sr = &f->series[i];
        const fig_row *first = &f->rows[sr->first];
        if (first->year <= 0)
            continue;
        const fig_series *prev = find_series(f, first->page, first->figure, first->year - 1,
                                             first->group);
        for (int k = 0, j = 0; prev && k < sr->n; k++) {
            fig_row *r = &f->rows[sr->first + k];
            while (j < prev->n && f->rows[prev->first + j].option < r->option)
                j++;
            const fig_row *p = j < prev->n ? &f->rows[prev->first + j] : NULL;
            if (p && p->option == r->option && r->base > 0 && p->base > 0 && p->pct10 >= 0) {
                r->has_change = true;
                r->change10 = r->pct10 - p->pct10;
            }
        }
    }
}

figset *figures_finish(figset *f, const survey *s, int scope, const row_buf *rb, arena *mem)
{
    f->s = s;
    f->cat = figures_catalogue_new(s, mem);
    f->scope = scope;
    f->n_rows = rb->n;
    f->rows = rb->rows;
    figures_build_index(f, mem);
    set_changes(f);
    return f;
}

int figures_scope(const figset *f)
{
    return f->scope;
}

int figures_count(const figset *f)
{
    return f->n_rows;
}

const fig_row *figures_row(const figset *f, int i)
{
    return i >= 0 && i < f->n_rows ? &f->rows[i] : NULL;
}

const fig_catalogue *figures_catalogue(const figset *f)
{
    return f->cat;
}

const fig_row *figures_get(const figset *f, const char *page, const char *figure, int year,
                           const char *group, int option)
{
    if (!f || !page || !figure)
        return NULL;
    if (!group)
        group = "";
    hashidx_probe p;
    uint64_t h = hash_option(hash_series(page, figure, year, group), option);
    for (int i = hashidx_first(&f->row_index, h, &p); i >= 0; i = hashidx_next(&f->row_index, &p)) {
        const fig_row *r = &f->rows[i];
        if (r->option == option && same_series(r, page, figure, year, group))
            return r;
    }
    return NULL;
}

int figures_ranked(const figset *f, const char *page, const char *figure, int year,
                   const char *group, const fig_row **out, int max)
{
    if (!f || !page || !figure)
        return 0;
    const fig_series *sr = find_series(f, page, figure, year, group ? group : "");
    if (!sr)
        return 0;
    for (int i = 0; i < sr->n && i < max; i++)
        out[i] = sr->order[i];
    return sr->n;
}

/* ---- the ranking of the 47 prefectures ---- */

/* Competition ranks (1, 2, 2, 4) of n shares in tenths of a percent, the
 * highest first: what the reader sees is the printed share, so two shares
 * that print alike share a rank. A share of -1 (no base) ranks below every
 * share. tied[i]: another share has the same rank. */
static void rank_printed(const int *pct10, int n, int *rank, bool *tied)
{
    for (int i = 0; i < n; i++) {
        rank[i] = 1;
        tied[i] = false;
        for (int o = 0; o < n; o++) {
            if (pct10[o] > pct10[i])
                rank[i]++;
            else if (o != i && pct10[o] == pct10[i])
                tied[i] = true;
        }
    }
}

void figures_rank_prefectures(figset *const sets[FIG_N_PREFECTURES + 1])
{
    int pct10[N_PREFECTURES], rank[N_PREFECTURES];
    bool tied[N_PREFECTURES];
    fig_row *same[N_PREFECTURES];
    for (int p = 1; p <= N_PREFECTURES; p++) {
        figset *f = sets[p];
        if (!f)
            continue;
        f->prefs_ranked = true;
        for (int i = 0; i < f->n_rows; i++) {
            const fig_row *r = &f->rows[i];
            if (r->base <= 0 || r->pref_rank > 0 || strcmp(r->page, "P6") == 0)
                continue; /* not a share, or ranked from an earlier set */
            /* the same row in every prefecture; a share without base ranks nowhere */
            for (int o = 0; o < N_PREFECTURES; o++) {
                fig_row *x = NULL;
                if (sets[o + 1]) {
                    const fig_row *found = figures_get(sets[o + 1], r->page, r->figure, r->year,
                                                       r->group, r->option);
                    if (found) /* a row of sets[o + 1]'s own array */
                        x = &sets[o + 1]->rows[found - sets[o + 1]->rows];
                }
                same[o] = x;
                pct10[o] = x && x->base > 0 ? x->pct10 : -1;
            }
            rank_printed(pct10, N_PREFECTURES, rank, tied);
            for (int o = 0; o < N_PREFECTURES; o++)
                if (same[o] && pct10[o] >= 0) {
                    same[o]->pref_rank = rank[o];
                    same[o]->pref_tied = tied[o];
                }
        }
    }
}

bool figures_prefs_ranked(const figset *f)
{
    return f && f->prefs_ranked;
}

bool figures_pref_ranking(const survey *s, int year, fig_pref_rank out[FIG_N_PREFECTURES])
{
    if (!s || year < 0 || year >= s->n_years)
        return false;
    const sv_year *y = &s->years[year];
    int q1 = figures_find_question(&s->cb, FIG_Q_STATUS),
        q6 = figures_find_question(&s->cb, FIG_Q_GUIDELINE);
    for (int p = 0; p < N_PREFECTURES; p++)
        out[p] = (fig_pref_rank){.pref = p + 1, .name = ""};
    for (int b = 0; b < s->n_bodies; b++) {
        const sv_body *body = &s->bodies[b];
        if (body->pref < 1 || body->pref > N_PREFECTURES)
            continue;
        fig_pref_rank *pr = &out[body->pref - 1];
        if (body->pref_name && !pr->name[0])
            pr->name = body->pref_name;
        if (body->kind == KIND_PREFECTURE)
            continue;
        pr->municipalities++;
        if (q1 >= 0 && figures_single_code(survey_answer(s, y, b, q1)) == STATUS_ADOPTED)
            pr->adopted++;
        if (q6 >= 0 && figures_single_code(survey_answer(s, y, b, q6)) == GUIDELINE_DONE)
            pr->guideline++;
    }
    int adopted[N_PREFECTURES], guideline[N_PREFECTURES], rank[N_PREFECTURES];
    bool tied[N_PREFECTURES];
    for (int p = 0; p < N_PREFECTURES; p++) {
        fig_pref_rank *pr = &out[p];
        adopted[p] = pr->adopted_pct10 = numfmt_pct10(pr->adopted, pr->municipalities);
        guideline[p] = pr->guideline_pct10 = numfmt_pct10(pr->guideline, pr->municipalities);
    }
    rank_printed(adopted, N_PREFECTURES, rank, tied);
    for (int p = 0; p < N_PREFECTURES; p++) {
        out[p].adopted_rank = rank[p];
        out[p].adopted_tied = tied[p];
    }
    rank_printed(guideline, N_PREFECTURES, rank, tied);
    for (int p = 0; p < N_PREFECTURES; p++) {
        out[p].guideline_rank = rank[p];
        out[p].guideline_tied = tied[p];
    }
    return true;
}
