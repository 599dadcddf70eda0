/* figures_priv.h - what the files computing figures share (figures.c: the
 * pages of the deck; figures_bodies.c: the body sheets' and municipality
 * table's pages B and M): the figset itself, a growing row buffer and the
 * index every set gets. Private to the figures stage. */
#ifndef AIREPORT_FIGURES_PRIV_H
#define AIREPORT_FIGURES_PRIV_H

#include "figures.h"
#include "hashidx.h"
#include "survey.h"

#include <stdint.h>

/* Rows of one (page, figure, year, group): contiguous in figset.rows. */
typedef struct {
    int first, n;
    const fig_row **order; /* rank order, ties by option code */
} fig_series;

struct figset {
    const survey *s;
    const fig_catalogue *cat;
    int scope;
    int n_rows;
    fig_row *rows;
    int n_series;
    fig_series *series;
    /* rows by (page, figure, year, group, option); series by the first four */
    hashidx row_index, series_index;
    /* figures_compute_bodies of a prefecture: its bodies, code order */
    int n_bodies;
    fig_body *bodies;
    bool prefs_ranked; /* figures_rank_prefectures ran over this set */
};

/* Rows under construction, in the arena; cap is computed up front, so
 * growing (a copy) happens only if that bound is ever wrong. */
typedef struct {
    const survey *s; /* for the codebook's short labels */
    fig_row *rows;
    int n, cap;
    arena *mem;
} row_buf;

/* rank FIG_RANK_BY_COUNT: the series is ranked by count once all rows are in
 * (what figures_emit gives rows with an option); 0 = not a ranking. */
enum { FIG_RANK_BY_COUNT = -1 };

/* Appends a row (its percentage and short label derived); the row is
 * written whole. */
fig_row *figures_emit(row_buf *rb, const char *page, const char *figure, int year, int scope,
                  const char *group, int option, const char *label, int count, int base,
                  fig_base kind, int question);
/* Series, ranks and the lookup tables of f's rows (f->rows, f->n_rows set). */
void figures_build_index(figset *f, arena *mem);
/* f (in mem, its bodies set when it has some) made the set of rb's rows:
 * the survey, its catalogue, the scope, the index. Returns f. */
figset *figures_finish(figset *f, const survey *s, int scope, const row_buf *rb, arena *mem);

/* The question pages: one figure per question, named by its id (P5 Q2 …). */
typedef struct {
    const char *page, *qid;
    fig_base base;
} fig_question_page;
enum { FIG_N_QUESTION_PAGES = 14 };
extern const fig_question_page FIG_QUESTION_PAGES[FIG_N_QUESTION_PAGES];
/* The deck's three groups (P4), in body_group order. */
extern const char *const FIG_GROUP_LABEL[GROUP__COUNT];
/* The same and FIG_MUNI_GROUP after them: the groups of P4.status_by_group
 * and P10.Q6_by_group. */
enum { FIG_N_GROUPS_MUNI = GROUP__COUNT + 1 };
extern const char *const FIG_GROUP_MUNI_LABEL[FIG_N_GROUPS_MUNI];
#define FIG_ALL_GROUP "全体"
/* Q1 codes 1..FIG_STATUS_PLANNED: AI in hand or planned (P2 detail, P11). */
enum { FIG_STATUS_PLANNED = 3 };

/* Codebook index of question id, -1 when absent. */
int figures_find_question(const codebook *cb, const char *id);
/* The one code of a single answer; 0 when empty or several. */
int figures_single_code(cb_mask m);
/* Adds one answer (a set of codes) to counts[code], visiting set bits only;
 * codes above n_options (never in a validated survey) are ignored. */
void figures_add_mask(int *counts, cb_mask m, int n_options);
/* Whether option code of question q is offered in year y (the codebook's
 * `N.since`): an option added later has no rows in the years before. */
static inline bool figures_offered(const sv_year *y, int q, int code)
{
    return (y->offered[q] & CB_BIT(code)) != 0;
}

#endif
