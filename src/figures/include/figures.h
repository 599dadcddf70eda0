/* figures.h - every number of every page, computed from the survey model.
 *
 * figures_compute() aggregates one scope (the nation or one prefecture) into a
 * flat list of rows, one per number the deck can print: a count, its base and
 * the percentage of the two, plus the rank of the option within its series.
 * Layout templates name a row by (page, figure, year, group, option); nothing
 * printed in a lead sentence is typed into a template.
 *
 * Row naming (page / figure, group, option):
 *   P2  answered        全体, 0   count = bodies that answered Q1, base = all bodies
 *   P2  detail          全体, 0   count = detail respondents, base = status 1-3
 *                                 (only years with detail_rate = true)
 *   P3  status          全体, Q1 code 1..6, base = all bodies
 *   P4  status_by_group 都道府県 / 指定都市 / その他市区町村, Q1 code, base = group's bodies
 *   P4  status_1_4      each group, 0: statuses 1-4 combined (その他 約88 %)
 *   P5  Q2   P7 Q3   P8 Q4   P9 Q5   P10 Q6   P12 Q7   P13 Q8   P14 Q9
 *   P15 Q10  P16 Q11  P17 Q15  P18 Q12  P19 Q13, Q14
 *                                 group 全体, option = code; figure = question id
 *   P11 Q6_by_status    group = Q1 label 導入済 / 実証中 / 導入予定, option = Q6 code,
 *                                 base = bodies with that status
 *   P6  cases           "", option = case number (1..n in the year's national
 *                                 list), count = population, option_label = 活用事例
 *   P6  hours_before    "", case number, count = hours per month before (base 0)
 *   P6  hours_after     "", case number, count = hours per month after (base 0)
 *   P6  reduction       "", case number, count = before - after, base = before,
 *                                 pct10 = the reduction (190 -> 51: 73.2, 73 %);
 *                                 rank 1 = the case that saved most hours
 *   A1  adopted_share   "", option = prefecture code, option_label = 都道府県名,
 *                                 count = municipalities with status 導入済, base =
 *                                 municipalities (prefecture body excluded); rank 1..47
 *   A1  guideline_share "", same with Q6 策定済
 *   A1 rows exist only in the national set; their `scope` is the prefecture.
 *
 * Questions not asked in a year give no rows for that year. Multi-answer
 * counts are answers (件). Every option of a question has a row, zero or not.
 * All strings point into the survey (codebook labels) or are literals: the
 * survey must outlive the figset.
 */
#ifndef AIREPORT_FIGURES_H
#define AIREPORT_FIGURES_H

#include "arena.h"
#include "survey.h"

#include <stdbool.h>
#include <stdio.h>

typedef enum {
    BASE_NONE,            /* not a share: no percentage */
    BASE_ALL,             /* all bodies of the scope (or of the group, P4) */
    BASE_STATUS_1_3,      /* bodies with status 導入済 / 実証中 / 導入予定 */
    BASE_DETAIL,          /* detail respondents */
    BASE_GUIDELINE,       /* bodies whose guideline (Q6) is 策定済 */
    BASE_SERVICE_ROWS,    /* service rows */
    BASE_CUSTOMISED_ROWS, /* service rows with Q9 = 1 */
    BASE_STATUS_GROUP     /* bodies with the row's status (P11) */
} fig_base;

typedef struct {
    const char *page;         /* "P4" */
    const char *figure;       /* stable name within the page, e.g. "status_by_group" */
    int year;                 /* index into survey->years, -1 n/a */
    int scope;                /* 0 national, 1..47 prefecture code */
    const char *group;        /* "全体", a deck group, a status label (P11), or "" */
    int option;               /* option code, 0 n/a */
    const char *option_label; /* full label (short label via the codebook) */
    int count, base;          /* base 0: no percentage */
    int pct10;                /* percent x10 rounded half up, -1 n/a */
    int rank;                 /* 1 = most within (figure, year, scope, group); ties share; 0 n/a */
    fig_base base_kind;
    int question;             /* codebook index, -1 n/a */
} fig_row;

/* Rows of one scope + a lookup index. Lives in the arena given to compute. */
typedef struct figset figset;

/* scope: 0 = national, 1..47 = prefecture code (the prefecture body and its
 * municipalities). Returns NULL for a scope out of range. */
figset *figures_compute(const survey *s, int scope, arena *mem);

int figures_scope(const figset *f);
int figures_count(const figset *f);
const fig_row *figures_row(const figset *f, int i);

/* The row named so, NULL when absent. group NULL means "". */
const fig_row *figures_get(const figset *f, const char *page, const char *figure, int year,
                           const char *group, int option);

/* Rows of one (figure, year, group) in rank order (回答の多い順), ties by
 * option code. Writes at most max pointers to out; returns how many rows the
 * series has (may exceed max). */
int figures_ranked(const figset *f, const char *page, const char *figure, int year,
                   const char *group, const fig_row **out, int max);

/* Per-prefecture shares for the national appendix and the prefecture reports:
 * the 導入済 share and the 策定済 share of each prefecture's municipalities
 * (the prefecture body excluded), ranked 1..47 (1 = highest share; equal
 * shares share a rank). out[i] is prefecture code i + 1. */
typedef struct {
    int pref;              /* 1..47 */
    const char *name;      /* 都道府県名 ("" when the prefecture has no body) */
    int municipalities;    /* the base of both shares */
    int adopted, adopted_pct10, adopted_rank;       /* Q1 = 導入済 */
    int guideline, guideline_pct10, guideline_rank; /* Q6 = 策定済 */
} fig_pref_rank;

/* false when year is out of range. */
bool figures_pref_ranking(const survey *s, int year, fig_pref_rank out[N_PREFECTURES]);

/* CSV: header page,figure,year,scope,group,option_code,option_label,count,base,percent
 * then one row per number, RFC 4180 quoting, empty cells where n/a.
 * JSON: {"title","sample","years":[...],"rows":[...]} with the same fields
 * (plus rank). Both return false when writing failed. */
bool figures_export_csv(FILE *out, const survey *s, figset *const *sets, int n_sets);
bool figures_export_json(FILE *out, const survey *s, figset *const *sets, int n_sets);

#endif
