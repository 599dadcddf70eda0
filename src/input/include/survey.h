/* survey.h - the validated survey model: bodies, answers per year, service
 * rows, case studies. Built once by survey_load(), read-only afterwards. All
 * memory belongs to survey->mem. Names: functions survey_*, types sv_*
 * (and the codebook's codebook_* / cb_*). */
#ifndef AIREPORT_SURVEY_H
#define AIREPORT_SURVEY_H

#include "arena.h"
#include "codebook.h"
#include "diag.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    KIND_PREFECTURE, /* 都道府県 */
    KIND_DESIGNATED, /* 指定都市 */
    KIND_CITY,       /* 市 */
    KIND_WARD,       /* 特別区 */
    KIND_TOWN,       /* 町 */
    KIND_VILLAGE,    /* 村 */
    KIND__COUNT
} body_kind;

/* The deck's three groups. */
typedef enum { GROUP_PREFECTURE, GROUP_DESIGNATED, GROUP_OTHER, GROUP__COUNT } body_group;

enum { N_PREFECTURES = 47 };

typedef struct {
    char code[8];          /* 6-digit 団体コード */
    uint8_t pref;          /* 1..47 */
    uint8_t kind;          /* body_kind */
    const char *name;      /* 団体名 */
    const char *pref_name; /* 都道府県名 */
    uint32_t population;
} sv_body;

typedef struct {
    int body;              /* index into survey.bodies */
    const char *use_case;  /* 活用事例 */
    const char *effect;    /* 導入効果 */
    int hours_before, hours_after; /* 削減前時間 / 削減後時間, hours per month; 0 = none */
} sv_case;

typedef struct {
    const char *key;        /* "R7" */
    const char *label;      /* 令和7年度 */
    const char *as_of;      /* ISO date 2025-10-31 */
    const char *period_from, *period_to, *published; /* ISO or NULL */
    bool detail_rate;       /* response rate to the detail questions computable */
    const char *format;     /* the questionnaire's format (survey.ini `format`; a
                               year without one has the format of the year
                               before); "" when no year names one */
    bool asked[CB_MAX_QUESTIONS]; /* question asked this year (codebook `since`) */
    /* options offered this year, per question (the codebook's `N.since`);
     * 0 when the question is not asked */
    cb_mask offered[CB_MAX_QUESTIONS];

    cb_mask *answers;       /* [body * cb.n + q]; only file=answers questions filled */
    bool *detail_respondent; /* [body] status 1-3 and answered the detail questions */

    int n_services;
    int *service_body;      /* [row] body index */
    cb_mask *services;      /* [row * cb.n + q]; only file=services questions filled */
    /* Service rows by prefecture, so that a prefecture's figures visit only
     * its rows: those of prefecture p are service_by_pref[i] for i in
     * [service_pref_first[p], service_pref_first[p + 1]), in file order
     * (p = 0: bodies without one). NULL when not built (then scan all). */
    int *service_pref_first; /* [N_PREFECTURES + 2] */
    int *service_by_pref;    /* [n_services] row indices */

    int n_cases;
    sv_case *cases;
} sv_year;

typedef struct survey {
    arena *mem;
    const char *data_dir;
    const char *title;
    bool sample;            /* synthetic sample data */
    codebook cb;
    int q_status;           /* index of Q1 in cb */
    int q_guideline;        /* index of Q6 in cb */
    int q_service;          /* index of Q5 (the service a services row names) */

    int n_bodies;
    sv_body *bodies;        /* master order */
    int *body_by_code;      /* body indices sorted by code (survey_find_body) */
    int pref_body[N_PREFECTURES + 1]; /* [pref code] index of the prefecture body */

    int n_years;            /* oldest first; years[n_years-1] is the latest */
    sv_year *years;
} survey;

/* Reads data_dir/survey.ini and every file it names, validating all of it.
 * Problems go to d; returns NULL when any was found (nothing partial). */
survey *survey_load(const char *data_dir, diags *d);
/* survey.ini and the codebook alone, validated: the years (with what each
 * asks) and the questions, no body and no answer (the CSV files need not
 * exist). Enough for the catalogue of figures that checks templates. */
survey *survey_load_definitions(const char *data_dir, diags *d);
void survey_free(survey *s);

body_group survey_body_group(const sv_body *b);
const char *survey_kind_label(body_kind k); /* 都道府県 … 村 */
const char *survey_group_label(body_group g); /* 都道府県 / 指定都市 / その他市区町村 */

/* Index of the body with that code, -1 when absent. */
int survey_find_body(const survey *s, const char *code);
/* Index of year key ("R7", case-insensitive), -1 when absent. */
int survey_find_year(const survey *s, const char *key);

static inline cb_mask survey_answer(const survey *s, const sv_year *y, int body, int q)
{
    return y->answers[(size_t)body * (size_t)s->cb.n + (size_t)q];
}
static inline cb_mask survey_service(const survey *s, const sv_year *y, int row, int q)
{
    return y->services[(size_t)row * (size_t)s->cb.n + (size_t)q];
}
/* 団体コード check digit of the first five digits; -1 when not digits. */
int survey_check_digit(const char *code5);

#endif
