/* placeholder_priv.h - a template text parsed once into nodes: literal runs
 * and placeholders with their parts taken apart (placeholder_parse.c),
 * checked against the catalogue of figures (placeholder_check.c) and
 * expanded by walking the nodes (placeholder_expand.c); {pref.…} and {body.…}
 * (placeholder_pref.c). Private to the template stage: templates hold
 * `const ph_text *`, layout only expands them. */
#ifndef AIREPORT_PLACEHOLDER_PRIV_H
#define AIREPORT_PLACEHOLDER_PRIV_H

#include "numfmt.h"
#include "placeholder.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

enum { PH_MAX_TOP = 10 };
/* A date or period of a {year.…} field as printed (numfmt_era_range). */
enum { PH_DATE_MAX = 2 * NUMFMT_MAX };

/* {deck.edition} without a date to print. */
#define PH_NO_EDITION                                                                              \
    "no edition date: the latest survey year has no `published` in survey.ini (and the deck "    \
    "file no `edition`)"


/* `first`, `latest`, `latest-N` or `Y` */
typedef enum { PH_YEAR_FIRST, PH_YEAR_LATEST, PH_YEAR_Y } ph_year_base;
typedef struct {
    ph_year_base base;
    int back;         /* latest-N: N */
    const char *text; /* as written */
} ph_year_spec;

typedef enum {
    PH_FIELD_COUNT,
    PH_FIELD_BASE,
    PH_FIELD_PCT,
    PH_FIELD_PCT0,
    PH_FIELD_LABEL,
    PH_FIELD_SHORT,
    PH_FIELD_MAN,
    PH_FIELD_RANK,
    PH_FIELD_TOP, /* top(N): the labels of the N first */
    PH_FIELD_COUNTS, /* counts(N): the same with their counts, 「A」（3団体） */
    PH_FIELD_LEAD, /* lead(codes): how many top-ranked options are among the codes */
    PH_FIELD_STARTED, /* the year's label, when the figure's question was first asked then */
    PH_FIELD_ADDED,   /* 「A」、「B」: the options the questionnaire added that year */
    PH_FIELD_UNKNOWN /* reported once the row is found, as the expansion always did */
} ph_field;

typedef enum { PH_OPTION_NONE, PH_OPTION_CODE, PH_OPTION_RANK } ph_option;

/* FIGURE[year,group,option].field, as written inside the braces. */
typedef struct {
    bool nation;           /* nation:FIGURE: the national figures */
    const char *page, *figure;
    ph_year_spec year;
    const char *group;     /* "" for `-` or none */
    int n_args;            /* 1..3 */
    ph_option option;
    int option_value;      /* the code, or N of #N */
    const char *option_text; /* as written; "-" when omitted */
    ph_field field;
    const char *field_text;  /* as written: "pct", "top(3)" */
    int top_n;
    uint32_t lead_codes;     /* lead(): bit code - 1 */
} ph_ref;

typedef enum {
    PH_YF_LABEL,
    PH_YF_KEY,
    PH_YF_AS_OF,
    PH_YF_PERIOD_FROM,
    PH_YF_PERIOD_TO,
    PH_YF_PUBLISHED,
    PH_YF_NEXT_FORMAT, /* the label of the first later year of another format */
    PH_YF_PERIOD,      /* period_from～period_to, 同年 / 同月 where shared */
    PH_YF__COUNT
} ph_year_field;
/* Their names as written, in ph_year_field order. (placeholder_parse.c) */
extern const char *const PH_YEAR_FIELDS[PH_YF__COUNT];

typedef enum { PH_CMP_GE, PH_CMP_LE, PH_CMP_EQ, PH_CMP_NE, PH_CMP_GT, PH_CMP_LT } ph_cmp;

/* One side of a condition: a reference read as its count (no field), its
 * base (`.base`) or its option code (`.code`), or a whole number (the
 * template's threshold: `P15.Q10[latest,全体,1].base < 10`). */
typedef enum { PH_OPD_COUNT, PH_OPD_BASE, PH_OPD_CODE, PH_OPD_NUMBER } ph_operand_kind;
typedef struct {
    ph_operand_kind kind;
    ph_ref ref;  /* all but NUMBER */
    int number;  /* NUMBER */
} ph_operand;

typedef enum {
    PH_NODE_LITERAL,   /* the template's own text (one provenance piece) */
    PH_NODE_FIGURE,    /* {P4.status_by_group[latest,都道府県,1].pct} */
    PH_NODE_YEAR,      /* {year.latest.label} */
    PH_NODE_EDITION,   /* {deck.edition} */
    PH_NODE_VAR,       /* {deck.NAME} */
    PH_NODE_SCOPE,     /* {pref.…}, {body.…} */
    PH_NODE_CONDITION, /* {A > B ? then : else} */
    PH_NODE_ALIKE      /* {alike(・,、) 都道府県=で{…}% | 指定都市=で{…}%} */
} ph_node_kind;

typedef struct {
    ph_node_kind kind;
    /* LITERAL: the run; otherwise the placeholder without its braces (for
     * messages): len bytes, not NUL-terminated */
    const char *text;
    size_t len;
    union {
        ph_ref ref; /* FIGURE */
        struct {
            ph_year_spec year;
            ph_year_field field;
        } year;           /* YEAR */
        const char *var;   /* VAR: its name */
        const char *scope; /* SCOPE: "pref.name", "body.population" */
        struct {
            ph_operand a, b; /* both `.code`, or counts, bases and numbers */
            ph_cmp op;
            const ph_text *then_text, *else_text; /* may hold placeholders */
        } cond; /* CONDITION */
        struct {
            const char *join; /* between the names of items that print alike (・) */
            const char *sep;  /* between the groups (、) */
            int n;
            const char **names;    /* as written (都道府県) */
            const ph_text **rests; /* what follows a name (で{…}%) */
        } alike;                   /* ALIKE */
    } as;
} ph_node;

struct ph_text {
    const char *source;
    int n;
    ph_node *nodes;
    /* a malformed placeholder after nodes[0..n): the message, NULL when none */
    const char *error;
};

/* reason into err; returns false. */
static inline bool ph_fail(char *err, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static inline bool ph_fail(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
    return false;
}

/* "placeholder {TEXT}: reason" into err (reason formatted). Returns false. */
static inline bool ph_fail_node(char *err, size_t size, const ph_node *nd, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static inline bool ph_fail_node(char *err, size_t size, const ph_node *nd, const char *fmt, ...)
{
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    snprintf(err, size, "placeholder {%.*s}: %s", (int)nd->len, nd->text, reason);
    return false;
}

/* The year of a {year.…} node among cat's years (y_context: the year `Y`
 * names, -1 none) and, for a date field, its ISO date and that date in the
 * Japanese era (date, PH_DATE_MAX bytes; *iso NULL for label and key; the
 * period: from～to, *iso its first date); false with the reason.
 * (placeholder_parse.c) */
bool ph_year_field_value(const ph_node *nd, const fig_catalogue *cat, int y_context,
                         const fig_year **yr, const char **iso, char *date, char *err,
                         size_t size);

/* A field of count … rank (the rest was parsed); false with the reason. */
bool ph_field_known(const ph_ref *r, char *err, size_t size);
/* A series field: top(N), counts(N), lead(…), started, added (the
 * [year,group] of a figure, no option). */
static inline bool ph_series_field(ph_field f)
{
    return f == PH_FIELD_TOP || f == PH_FIELD_COUNTS || f == PH_FIELD_LEAD ||
           f == PH_FIELD_STARTED || f == PH_FIELD_ADDED;
}
/* started / added of d in year y: whether the year has one (false with the
 * reason, naming the figure of r). (placeholder_check.c) */
bool ph_year_event(const ph_ref *r, const fig_def *d, const fig_catalogue *cat, int y, char *err,
                   size_t size);

/* The year a spec names among n_years (y_context: the year `Y` names, -1 when
 * the text has none); false with the reason. (placeholder_parse.c) */
bool ph_year_index(const ph_year_spec *y, int n_years, int y_context, int *out, char *err,
                   size_t size);

/* {pref.…} / {body.…} (placeholder_pref.c): is spec a field of either
 * (false with the reason)? */
bool ph_scope_known(const char *spec, char *err, size_t err_size);
/* Its value into out; false with the reason in err (also when the document
 * has no such prefecture or body: pref, body NULL). */
bool ph_expand_scope(const char *spec, const fig_pref_rank *pref, const fig_body *body, char *out,
                     size_t size, char *err, size_t err_size);
/* Where a {pref.…} / {body.…} value comes from, for provenance: the
 * prefecture's shares, counts and ranks are the A1 rows of the national
 * figures (latest year), *row and *field ("count", "base", "pct", "rank")
 * set; a body's population is its M.population row ("count"); anything else
 * (names, the band) gives *row NULL and *field = spec. */
void ph_scope_source(const char *spec, const figset *nation, const fig_pref_rank *pref,
                     const fig_body *body, const fig_row **row, const char **field);

#endif
