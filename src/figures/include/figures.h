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
 *   P4  status_by_group 都道府県 / 指定都市 / その他市区町村 / 市区町村, Q1 code, base =
 *                                 group's bodies; 市区町村 = 指定都市 and その他市区町村
 *                                 together (every body but the prefectures): the
 *                                 like-for-like national figure beside a prefecture's
 *                                 municipalities (A1)
 *   P4  status_1_4      each deck group, 0: statuses 1-4 combined (その他 約88 %)
 *   P10 Q6_by_group     the groups of status_by_group, Q6 code, base = group's bodies
 *   P5  Q2   P7 Q3   P8 Q4   P9 Q5   P10 Q6   P12 Q7   P13 Q8   P14 Q9
 *   P15 Q10  P16 Q11  P17 Q15  P18 Q12  P19 Q13, Q14
 *                                 group 全体, option = code; figure = question id
 *   P11 Q6_by_status    group = Q1 label 導入済 / 実証中 / 導入予定, option = Q6 code,
 *                                 base = bodies with that status
 *   P6  case_count      "", 0: count = the cases of the year's list that are the
 *                                 scope's (no base; 0 in a year without a list)
 *   P6  cases           "", option = case number (1..n in the year's national
 *                                 list), count = population, option_label = 活用事例,
 *                                 detail = 導入効果, place = the body's 都道府県名
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
 * The body sheets and the municipality table of the prefecture reports read
 * figures of their own, computed on demand by figures_compute_bodies() (not
 * part of figures_compute(), nor of the default export: see there):
 *   B  <question id>    全体 (in the national set also each population band,
 *                                 人口1万人未満 … 人口50万人以上, popband.h), option = code,
 *                                 count = bodies choosing it, base = bodies that
 *                                 answered the question (BASE_ANSWERED): the
 *                                 shares a body sheet sets beside the body's answers.
 *                                 Every question of answers.csv.
 *   M  population       year -, group = 団体コード, count = population (bodies.csv),
 *                                 option_label = 団体名
 *   M  <question id>    group = 団体コード, option = each code the body chose,
 *                                 count 1 (no base): every answer of answers.csv;
 *                                 for FIG_Q_SERVICE the services its service rows
 *                                 name, count = its rows naming the service
 *   M rows exist only in prefecture sets (the prefecture body and its
 *   municipalities); B and M rows are not ranked (rank 0, option order).
 *
 * Questions not asked in a year give no rows for that year, nor do options
 * not offered that year (the codebook's `N.since`). Multi-answer counts are
 * answers (件). Every option offered has a row, zero or not.
 * All strings point into the survey (codebook labels) or are literals: the
 * survey must outlive the figset.
 *
 * The stages that place figures (templates, layout) never see the survey
 * model: what they need of it comes with the figures, the survey's years,
 * title and questions in the catalogue (figures_catalogue), labels in the
 * rows, the bodies of a prefecture in fig_body.
 */
#ifndef AIREPORT_FIGURES_H
#define AIREPORT_FIGURES_H

#include "arena.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* The survey model (survey.h, the input stage): taken by the functions that
 * compute and export figures, opaque to everything else. */
typedef struct survey survey;

enum {
    FIG_N_PREFECTURES = 47,
    FIG_MAX_OPTIONS = 31 /* option codes 1..31: the codebook's limit */
};

/* Questions the figures give a meaning (ids of codebook.ini). */
#define FIG_Q_STATUS "Q1"    /* 導入状況 */
#define FIG_Q_GUIDELINE "Q6" /* ガイドラインの策定状況 */
#define FIG_Q_SERVICE "Q5"   /* the service a row of services.csv names */

/* The group of every body but the prefectures (指定都市 and その他市区町村). */
#define FIG_MUNI_GROUP "市区町村"

typedef enum {
    BASE_NONE,            /* not a share: no percentage */
    BASE_ALL,             /* all bodies of the scope (or of the group, P4) */
    BASE_STATUS_1_3,      /* bodies with status 導入済 / 実証中 / 導入予定 */
    BASE_DETAIL,          /* detail respondents */
    BASE_GUIDELINE,       /* bodies whose guideline (Q6) is 策定済 */
    BASE_SERVICE_ROWS,    /* service rows */
    BASE_CUSTOMISED_ROWS, /* service rows with Q9 = 1 */
    BASE_STATUS_GROUP,    /* bodies with the row's status (P11) */
    BASE_ANSWERED         /* bodies that answered the row's question (B) */
} fig_base;

typedef struct {
    const char *page;         /* "P4" */
    const char *figure;       /* stable name within the page, e.g. "status_by_group" */
    int year;                 /* index into survey->years, -1 n/a */
    int scope;                /* 0 national, 1..47 prefecture code */
    const char *group;        /* "全体", a deck group, a status label (P11), or "" */
    int option;               /* option code, 0 n/a */
    const char *option_label; /* full label */
    const char *short_label;  /* the codebook's short label, else option_label */
    const char *detail;       /* P6 cases: the case's 導入効果; NULL otherwise */
    const char *place;        /* P6 cases: the 都道府県名 of the case's body; NULL otherwise */
    int count, base;          /* base 0: no percentage */
    int pct10;                /* percent x10 rounded half up, -1 n/a */
    int rank;                 /* 1 = most within (figure, year, scope, group); ties share; 0 n/a */
    fig_base base_kind;
    int question;             /* codebook index, -1 n/a */
    /* A share (base > 0) beside the same row of the year before, when that
     * has a base too: pct10 minus its pct10 (the printed shares' difference,
     * in tenths of a point). */
    bool has_change;
    int change10;
    /* A share of a prefecture set: its rank among the 47 prefectures' same
     * row (figures_rank_prefectures), competition ranking on the printed
     * share, highest first; pref_tied: another prefecture has that rank.
     * 0 when not ranked (no base, or the sets were not ranked). */
    int pref_rank;
    bool pref_tied;
} fig_row;

/* Rows of one scope + a lookup index. Lives in the arena given to compute. */
typedef struct figset figset;

/* ---- the catalogue: what the survey's figures are made of ---- */

typedef struct {
    const char *key;   /* "R7" */
    const char *label; /* 令和7年度 */
    const char *as_of; /* ISO dates; period_from, period_to, published NULL when not given */
    const char *period_from, *period_to, *published;
    const char *format; /* the questionnaire's format (survey.ini); years of one
                           format compare like for like */
} fig_year;

typedef struct {
    const char *id;    /* "Q2" */
    const char *title; /* as the deck names the question */
    bool per_body;     /* one answer per body (answers.csv), not per service row */
} fig_question;

/* What a figure's options are. */
typedef enum {
    FIG_OPT_NONE,  /* one row per group, option 0 (`-`) */
    FIG_OPT_CODES, /* a row for each code 1..n_options of a question */
    FIG_OPT_LIST   /* rows 1..n as the data has them: P6 case numbers (n_options 0:
                      known once computed), A1 prefecture codes (n_options 47) */
} fig_opt_kind;

/* One figure without its values: the (year, group, option) rows it has. */
typedef struct {
    const char *page, *name;   /* "P4", "status_by_group" */
    int question;              /* its options are this question's codes; -1 none */
    fig_opt_kind options;
    int n_options;
    int n_groups;
    const char *const *groups; /* "全体", the deck groups, …; "" for a figure without */
    bool body_groups;          /* groups are 団体コード (page M) */
    const bool *in_year;       /* [n_years]: the figure has rows that year */
    /* FIG_OPT_CODES: [n_years] the codes it has rows for that year, bit code - 1
     * (an option the codebook adds later, `N.since`, has none in the years
     * before it); NULL for the other kinds */
    const uint32_t *options_in_year;
    bool no_year;              /* its rows have no year (year -, M.population) */
    bool has_base;             /* a share: pct and pct0 exist */
    bool ranked;               /* ranked by count (回答の多い順) or given ranks (A1) */
} fig_def;

/* The survey's definitions as the figures see them: survey.ini's title and
 * years, the codebook's questions (fig_row.question indexes them), and every
 * figure figures_compute() and figures_compute_bodies() can emit (the names
 * of this header's table), so that templates are checked without values. */
typedef struct {
    const char *title;
    bool sample;   /* synthetic sample data: every page says so */
    int n_years;   /* oldest first; years[n_years - 1] is the latest */
    const fig_year *years;
    int n_questions;
    const fig_question *questions;
    int n_figures;
    const fig_def *figures;
} fig_catalogue;

/* Built from the survey's definitions only (survey.ini, the codebook: the
 * answers are not read, a survey of survey_load_definitions() will do), in
 * mem. (figures_catalogue.c) */
fig_catalogue *figures_catalogue_new(const survey *s, arena *mem);
/* The catalogue of the survey f was computed from. */
const fig_catalogue *figures_catalogue(const figset *f);
/* The figure page.name, NULL when the catalogue has none. */
const fig_def *figures_def(const fig_catalogue *c, const char *page, const char *name);
/* Whether the figure has rows of that group ("" = none) and option (0 = -);
 * an option of a FIG_OPT_LIST figure without a known count is taken. */
bool figures_def_group(const fig_def *d, const char *group);
bool figures_def_option(const fig_def *d, int option);
/* The same for one year: option 0 when the figure has rows that year, a
 * code when that year offers it. */
bool figures_def_option_in_year(const fig_def *d, int option, int year);
/* The first of n_years in which d has rows, -1 when none (a question the
 * codebook adds later starts after the survey's first year). */
int figures_def_first_year(const fig_def *d, int n_years);
/* The options d offers from `year` on that the year before did not (bit
 * code - 1): options added to the questionnaire that year; 0 when none, in
 * the figure's first year, or for a figure without codes. */
uint32_t figures_def_added(const fig_def *d, int year);

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

/* ---- the bodies: body sheets and the municipality table ---- */

/* One body of a prefecture set of figures_compute_bodies(). */
typedef struct {
    const char *code;      /* 6-digit 団体コード */
    int pref;              /* 1..47 */
    const char *name;      /* 団体名 */
    const char *pref_name; /* 都道府県名 */
    const char *kind;      /* 区分: 都道府県, 指定都市, 市, 特別区, 町 or 村 */
    bool is_prefecture;    /* the prefecture itself, not one of its municipalities */
    int population;
    const char *band;      /* population band (popband.h): 人口50万人以上 */
    const fig_row *population_row; /* M.population of the body */
} fig_body;

/* Pages B and M (above) of one scope: 0 = the nation (B rows with the
 * population bands), 1..47 = a prefecture (B rows, and M rows and a fig_body
 * for each of its bodies). Computed on demand because the national deck,
 * `aireport figures` and the figures export do not use them; NULL for a
 * scope out of range. */
figset *figures_compute_bodies(const survey *s, int scope, arena *mem);
/* The bodies of such a set in code order (none in the national set). */
int figures_n_bodies(const figset *f);
const fig_body *figures_body(const figset *f, int i);
/* The body of that 団体コード, NULL when the set has none. */
const fig_body *figures_find_body(const figset *f, const char *code);

/* Ranks every share of the prefecture sets sets[1..47] among the same row of
 * the other prefectures (fig_row.pref_rank, .pref_tied): what a prefecture
 * report's key-indicators table prints as 「47都道府県中の順位」. sets[0] (the
 * nation) is not touched; P6 (the case list) is not ranked. Call once, after
 * computing all 48 sets. */
void figures_rank_prefectures(figset *const sets[FIG_N_PREFECTURES + 1]);
/* Whether figures_rank_prefectures ranked f's rows. */
bool figures_prefs_ranked(const figset *f);

/* Per-prefecture shares for the national appendix and the prefecture reports:
 * the 導入済 share and the 策定済 share of each prefecture's municipalities
 * (the prefecture body excluded), ranked 1..47 on the printed share (to 0.1 %,
 * half up: what the reader sees) by standard competition ranking (1, 2, 2, 4;
 * 1 = highest share). *_tied: another prefecture has the same rank (同率).
 * out[i] is prefecture code i + 1. */
typedef struct {
    int pref;              /* 1..47 */
    const char *name;      /* 都道府県名 ("" when the prefecture has no body) */
    int municipalities;    /* the base of both shares */
    int adopted, adopted_pct10, adopted_rank;       /* Q1 = 導入済 */
    int guideline, guideline_pct10, guideline_rank; /* Q6 = 策定済 */
    bool adopted_tied, guideline_tied;
} fig_pref_rank;

/* false when year is out of range. */
bool figures_pref_ranking(const survey *s, int year, fig_pref_rank out[FIG_N_PREFECTURES]);

/* CSV: header page,figure,year,scope,group,option_code,option_label,count,base,percent
 * then one row per number, RFC 4180 quoting, empty cells where n/a.
 * JSON: {"title","sample","years":[...],"rows":[...]} with the same fields
 * (plus rank). Both return false when writing failed. */
bool figures_export_csv(FILE *out, const survey *s, figset *const *sets, int n_sets);
bool figures_export_json(FILE *out, const survey *s, figset *const *sets, int n_sets);
/* The CSV for Excel users (out/figures_excel.csv): the same rows with
 * Japanese headers ページ,図表,年度,地域,区分,選択肢コード,選択肢,団体数/件数,
 * 母数,割合（%）, years as 令和7年度, scopes as 全国 / 13 東京都, a UTF-8 BOM
 * so that Japanese Excel opens it as UTF-8. `aireport diff` reads it too. */
bool figures_export_csv_excel(FILE *out, const survey *s, figset *const *sets, int n_sets);

#endif
