/* figures_bodies.c - pages B and M (figures.h): the shares a body sheet sets
 * beside a body's answers (B), and each body's own population and answers
 * (M: the municipality table of a prefecture report, the rows of a body
 * sheet). Computed on demand, one pass over the scope's bodies and service
 * rows per year, so that layout places these numbers instead of counting
 * answers itself. */
#include "figures_priv.h"

#include "popband.h"

#include <stdlib.h>
#include <string.h>

static const char ALL_GROUP[] = "全体";

/* 全体, and in the national set each population band */
enum { MAX_GROUPS = 1 + POP_N_BANDS };

/* One year's B counts of a scope: per group and question, the bodies that
 * answered it and those that chose each code. */
typedef struct {
    int answered[MAX_GROUPS][CB_MAX_QUESTIONS];
    int chose[MAX_GROUPS][CB_MAX_QUESTIONS][CB_MAX_OPTIONS + 1];
} share_tally;

static const char *group_label(int g)
{
    return g == 0 ? ALL_GROUP : pop_band_label(g - 1);
}

/* The questions of answers.csv asked in year y, in codebook order. */
static int per_body_questions(const survey *s, const sv_year *y, int *q_out)
{
    int n = 0;
    for (int q = 0; q < s->cb.n; q++)
        if (y->asked[q] && s->cb.q[q].file == CB_FILE_ANSWERS)
            q_out[n++] = q;
    return n;
}

static void emit_shares(const survey *s, int yi, int scope, const int *scope_bodies, int n_bodies,
                        share_tally *t, row_buf *rb)
{
    const sv_year *y = &s->years[yi];
    int qs[CB_MAX_QUESTIONS];
    int nq = per_body_questions(s, y, qs);
    int n_groups = scope == 0 ? MAX_GROUPS : 1;
    memset(t, 0, sizeof *t);
    for (int i = 0; i < n_bodies; i++) {
        int b = scope_bodies[i];
        int groups[2] = {0, 1 + pop_band(s->bodies[b].population)};
        for (int k = 0; k < nq; k++) {
            int q = qs[k];
            cb_mask m = survey_answer(s, y, b, q);
            if (!m)
                continue;
            for (int g = 0; g < (scope == 0 ? 2 : 1); g++) {
                t->answered[groups[g]][q]++;
                figures_add_mask(t->chose[groups[g]][q], m, s->cb.q[q].n_options);
            }
        }
    }
    for (int g = 0; g < n_groups; g++)
        for (int k = 0; k < nq; k++) {
            const cb_question *cq = &s->cb.q[qs[k]];
            for (int code = 1; code <= cq->n_options; code++)
                if (figures_offered(&s->years[yi], qs[k], code))
                    figures_emit(rb, "B", cq->id, yi, scope, group_label(g), code,
                                 cq->label[code], t->chose[g][qs[k]][code],
                                 t->answered[g][qs[k]], BASE_ANSWERED, qs[k])
                        ->rank = 0;
        }
}

/* Service rows of year y per body of the scope and service code:
 * counts[pos * (CB_MAX_OPTIONS + 1) + code], pos = the body's place in the
 * scope's list (pos_of[body]). */
static void count_services(const survey *s, const sv_year *y, int scope, int q_service,
                           const int *pos_of, int n_bodies, int *counts)
{
    memset(counts, 0, sizeof *counts * (size_t)n_bodies * (CB_MAX_OPTIONS + 1));
    if (q_service < 0)
        return;
    bool by_pref = y->service_pref_first && y->service_by_pref;
    int from = by_pref ? y->service_pref_first[scope] : 0;
    int to = by_pref ? y->service_pref_first[scope + 1] : y->n_services;
    for (int i = from; i < to; i++) {
        int r = by_pref ? y->service_by_pref[i] : i;
        int b = y->service_body[r];
        if (b < 0 || b >= s->n_bodies || pos_of[b] < 0)
            continue;
        int code = figures_single_code(survey_service(s, y, r, q_service));
        if (code > 0 && code <= s->cb.q[q_service].n_options)
            counts[pos_of[b] * (CB_MAX_OPTIONS + 1) + code]++;
    }
}

/* M rows of one body in year yi: its answers, then its services. */
static void emit_answers(const survey *s, int yi, int scope, int b, const int *svc, int q_service,
                         row_buf *rb)
{
    const sv_year *y = &s->years[yi];
    const char *code = s->bodies[b].code;
    for (int q = 0; q < s->cb.n; q++) {
        const cb_question *cq = &s->cb.q[q];
        if (!y->asked[q] || cq->file != CB_FILE_ANSWERS)
            continue;
        cb_mask m = survey_answer(s, y, b, q);
        for (int c = 1; c <= cq->n_options; c++)
            if (m & CB_BIT(c))
                figures_emit(rb, "M", cq->id, yi, scope, code, c, cq->label[c], 1, 0, BASE_NONE, q)
                    ->rank = 0;
    }
    if (q_service < 0 || !y->asked[q_service])
        return;
    const cb_question *cq = &s->cb.q[q_service];
    for (int c = 1; c <= cq->n_options; c++)
        if (svc[c] > 0)
            figures_emit(rb, "M", cq->id, yi, scope, code, c, cq->label[c], svc[c], 0, BASE_NONE,
                         q_service)
                ->rank = 0;
}

/* An upper bound of the rows figures_compute_bodies emits. */
static int row_bound(const survey *s, int scope, const int *scope_bodies, int n_bodies)
{
    int per_year = 0;
    for (int q = 0; q < s->cb.n; q++)
        per_year += s->cb.q[q].file == CB_FILE_ANSWERS ? s->cb.q[q].n_options : 0;
    int n = 16 + s->n_years * per_year * (scope == 0 ? MAX_GROUPS : 1);
    if (scope == 0)
        return n;
    int q_service = figures_find_question(&s->cb, FIG_Q_SERVICE);
    int services = q_service >= 0 ? s->cb.q[q_service].n_options : 0;
    for (int i = 0; i < n_bodies; i++) {
        n += 1;
        for (int yi = 0; yi < s->n_years; yi++) {
            const cb_mask *a = &s->years[yi].answers[(size_t)scope_bodies[i] * (size_t)s->cb.n];
            for (int q = 0; q < s->cb.n; q++)
                if (s->cb.q[q].file == CB_FILE_ANSWERS)
                    n += __builtin_popcount(a[q]);
            n += services;
        }
    }
    return n;
}

figset *figures_compute_bodies(const survey *s, int scope, arena *mem)
{
    if (!s || scope < 0 || scope > N_PREFECTURES)
        return NULL;
    /* the scope's bodies in code order, and each one's place in that list */
    size_t n_alloc = (size_t)(s->n_bodies > 0 ? s->n_bodies : 1);
    int *scope_bodies = xmalloc(sizeof *scope_bodies * n_alloc);
    int *pos_of = xmalloc(sizeof *pos_of * n_alloc);
    int n_bodies = 0;
    for (int i = 0; i < s->n_bodies; i++) {
        int b = s->body_by_code[i];
        pos_of[b] = -1;
        if (scope == 0 || s->bodies[b].pref == scope) {
            pos_of[b] = n_bodies;
            scope_bodies[n_bodies++] = b;
        }
    }
    row_buf rb = {.s = s, .mem = mem, .cap = row_bound(s, scope, scope_bodies, n_bodies)};
    rb.rows = ARENA_NEW_UNINIT(mem, fig_row, rb.cap);
    share_tally *t = xmalloc(sizeof *t);
    for (int yi = 0; yi < s->n_years; yi++)
        emit_shares(s, yi, scope, scope_bodies, n_bodies, t, &rb);
    free(t);

    figset *f = ARENA_NEW(mem, figset, 1);
    if (scope > 0) {
        /* M: body by body, so that the rows of one body are together */
        int q_service = figures_find_question(&s->cb, FIG_Q_SERVICE);
        int *svc = xmalloc(sizeof *svc * (size_t)s->n_years * (size_t)(n_bodies ? n_bodies : 1) *
                           (CB_MAX_OPTIONS + 1));
        size_t per_year = (size_t)(n_bodies ? n_bodies : 1) * (CB_MAX_OPTIONS + 1);
        for (int yi = 0; yi < s->n_years; yi++)
            count_services(s, &s->years[yi], scope, q_service, pos_of, n_bodies,
                           svc + per_year * (size_t)yi);
        int *population_row = xmalloc(sizeof *population_row * (size_t)(n_bodies ? n_bodies : 1));
        f->bodies = ARENA_NEW(mem, fig_body, n_bodies ? n_bodies : 1);
        for (int i = 0; i < n_bodies; i++) {
            const sv_body *sb = &s->bodies[scope_bodies[i]];
            population_row[i] = rb.n;
            figures_emit(&rb, "M", "population", -1, scope, sb->code, 0, sb->name,
                         (int)sb->population, 0, BASE_NONE, -1);
            for (int yi = 0; yi < s->n_years; yi++)
                emit_answers(s, yi, scope, scope_bodies[i],
                             svc + per_year * (size_t)yi + (size_t)i * (CB_MAX_OPTIONS + 1),
                             q_service, &rb);
            f->bodies[i] = (fig_body){
                .code = sb->code, .pref = sb->pref, .name = sb->name,
                .pref_name = sb->pref_name ? sb->pref_name : "",
                .kind = survey_kind_label((body_kind)sb->kind),
                .is_prefecture = sb->kind == KIND_PREFECTURE,
                .population = (int)sb->population,
                .band = pop_band_label(pop_band(sb->population))};
        }
        /* rows may have moved while the buffer grew: point at them now */
        for (int i = 0; i < n_bodies; i++)
            f->bodies[i].population_row = &rb.rows[population_row[i]];
        f->n_bodies = n_bodies;
        free(population_row);
        free(svc);
    }
    free(scope_bodies);
    free(pos_of);

    return figures_finish(f, s, scope, &rb, mem);
}

int figures_n_bodies(const figset *f)
{
    return f ? f->n_bodies : 0;
}

const fig_body *figures_body(const figset *f, int i)
{
    return f && i >= 0 && i < f->n_bodies ? &f->bodies[i] : NULL;
}

const fig_body *figures_find_body(const figset *f, const char *code)
{
    int lo = 0, hi = f ? f->n_bodies - 1 : -1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(f->bodies[mid].code, code);
        if (c == 0)
            return &f->bodies[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}
