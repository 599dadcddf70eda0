/* placeholder.h - the {…} placeholders of template text: parsed once when a
 * template loads, checked there against the catalogue of figures (names and
 * parameters, no values), expanded for each document by walking the parsed
 * text.
 *
 *   {P4.status_by_group[latest,都道府県,1].pct}   one number of the figures
 *   {P5.Q2[latest,全体].top(5)}                   「A」、「B」、… (回答の多い順; ties
 *                                                 named together: 「C」・「D」（同率3位）)
 *   {P5.Q2[latest,全体].counts(3)}                the same with counts, not places:
 *                                                 「A」（5団体）、「C」・「D」（各4団体）
 *   {year.latest.label}  {year.latest-1.as_of}  {year.Y.as_of}  {deck.edition}
 *
 * Figure arguments: year `latest`, `latest-N`, `first` or `Y` (the year of the line
 * being expanded, for `years = shown` source lines); group a group label,
 * `全体`, or `-` / empty for figures without groups; option a code, `#N`
 * (the option ranked N in that year) or `-` / omitted. Fields: count, base,
 * pct (45.6), pct0 (46), label, short, man (population as 5.1万人), rank.
 * Year fields: label, key, as_of, period_from, period_to, published (dates
 * printed in the Japanese era, 令和7年10月31日), next_format (the label of
 * the first later year whose questionnaire format differs). `{{` prints `{`.
 *
 *   {P7.Q3[Y,全体].started}   the year's label when the question was first
 *                              asked that year (not the survey's first)
 *   {P9.Q5[Y,全体].added}     「A」、「B」: the options first offered that year
 *
 *   {P9.Q5[latest,全体].lead(1,2,3,4)}   how many top-ranked options are among
 *                                          the codes (上位4位), an error when none
 *   {P10.Q6[latest,全体,1] > P10.Q6[latest,全体,3] ? 上回った : 下回った}
 *   {P15.Q10[latest,全体,1].base < 10 ? counts : ranks}
 *
 * words that depend on the data: two references without a field compared by
 * count (> >= < <= == !=), by base (`.base`) or with a whole number, or two
 * `.code`s compared (== !=), then the text for true or for false.
 *
 * What a check cannot know without values is found when a document is
 * expanded, with the same message: whether lead() holds, whether the year
 * has case N (P6), whether a share's base is 0 in the document's scope, and
 * {pref.…} / {body.…} outside a prefecture report / body sheet.
 *
 * Parsed texts are read-only: safe to expand from several threads at once.
 */
#ifndef AIREPORT_PLACEHOLDER_H
#define AIREPORT_PLACEHOLDER_H

#include "arena.h"
#include "figures.h"

#include <stdbool.h>
#include <stddef.h>

/* A template text parsed into literal runs and placeholders. */
typedef struct ph_text ph_text;

/* Parses text (in mem). Never fails: a malformed placeholder is kept as the
 * text's problem, which ph_check and ph_expand report. */
const ph_text *ph_parse(const char *text, arena *mem);

/* What a text may name when it is checked. */
typedef struct {
    const fig_catalogue *cat;
    int year;            /* the year index `Y` names, -1 = the text has none */
    const char *edition; /* ISO date of {deck.edition}, NULL = none */
    /* {deck.NAME}: the deck file's [report] variables */
    int n_vars;
    const char *const *var_name;
    const ph_text *const *var_text;
} ph_check_context;

/* The first problem of t, quoting its placeholder, into err: a malformed
 * placeholder, or one naming what the catalogue has not (a figure, its year,
 * group or option, a share of a figure without base, top(N) beyond its
 * options, a date survey.ini lacks, a [report] variable the deck lacks).
 * true when there is none. An unknown figure's message says "no figure". */
bool ph_check(const ph_text *t, const ph_check_context *cc, char *err, size_t err_size);

/* Whether year y, as the `Y` of a text repeated for each year shown, has
 * what t says about it: false when t names for `Y` a figure without rows
 * that year, an option the year does not offer, a date survey.ini does not
 * give, a `next_format` no later year has, or a `started` / `added` the
 * year does not have. Such a year is left out of the repetition. */
bool ph_year_has(const ph_text *t, const fig_catalogue *cat, int y);

/* What one piece of the output was made from, for provenance. */
typedef enum {
    PH_PIECE_LITERAL,    /* the template's own text between placeholders */
    PH_PIECE_FIGURE,     /* count, base, pct, pct0, man, rank of a figure row */
    PH_PIECE_LABEL,      /* label, short, top(N) of a figure */
    PH_PIECE_YEAR_LABEL, /* {year.….label} / key */
    PH_PIECE_DATE,       /* a year's date or {deck.edition} */
    PH_PIECE_OTHER       /* {pref.…}, {body.…}: values of the scope */
} ph_piece_kind;

typedef struct {
    ph_piece_kind kind;
    const char *text; /* as printed; len bytes, not NUL-terminated */
    size_t len;
    const fig_row *row; /* FIGURE, LABEL (top(N): the first row) */
    const char *field;  /* FIGURE: count, base, pct, pct0, man, rank */
    const char *iso;    /* DATE: the ISO date it was made from */
} ph_piece;

typedef void (*ph_piece_fn)(void *ctx, const ph_piece *piece);

typedef struct {
    /* optional: told about every piece of the output, in order (provenance) */
    ph_piece_fn on_piece;
    void *piece_ctx;
    const figset *f;     /* its catalogue gives the years */
    const char *edition; /* ISO date of {deck.edition}, NULL = none */
    int year;            /* year index that `Y` names, -1 = none */
    /* Prefecture reports and body sheets:
     * {nation:FIGURE[…].field} reads the national figures (f itself when NULL);
     * {pref.name|code|municipalities}, {pref.adopted.count|pct},
     * {pref.guideline.count|pct}, {pref.rank.adopted|guideline} (of 47, latest
     * year), {pref.tie.adopted|guideline} (「同率」 or nothing);
     * {body.name|code|kind|population|band|pref}. */
    const figset *nation;
    const fig_pref_rank *pref; /* NULL: not a prefecture report */
    const fig_body *body;      /* NULL: not a body sheet */
    /* {deck.NAME}: the deck file's [report] variables (may hold placeholders) */
    int n_vars;
    const char *const *var_name;
    const ph_text *const *var_text;
} ph_context;

/* The text with every placeholder replaced, allocated in mem; NULL when a
 * placeholder is malformed or names nothing in c's figures, with the reason
 * (quoting the placeholder) in err. */
char *ph_expand(const ph_text *t, const ph_context *c, arena *mem, char *err, size_t err_size);

#endif
