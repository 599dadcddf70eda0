/* provenance.h - every number printed in a document, and where it came from.
 *
 * Layout records an entry for each printed item that carries digits, at the
 * places every page goes through: placeholder expansion (figures, dates,
 * year labels, digits in the template's own text), chart labels (values,
 * axis ticks, category and legend labels), table cells (population, case
 * text from cases.csv) and the page number. So the national deck and the
 * prefecture reports get it alike, with no per-page code. The blocks of the
 * prefecture reports and body sheets that set their own numbers (the
 * comparison charts, the municipality table, the ranking, the body sheet's
 * answer table) record them where they print them.
 *
 * The build writes the list next to the PDF as <name>.numbers.csv and
 * <name>.numbers.json; tests/test_provenance.c checks that every number
 * token pdftotext finds on a page has an entry on that page, and back.
 *
 * A list belongs to one document and is filled by one thread.
 */
#ifndef AIREPORT_PROVENANCE_H
#define AIREPORT_PROVENANCE_H

#include "arena.h"
#include "figures.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    PROV_FIGURE,      /* a number of the figures module (count, base, %, 万人, rank) */
    PROV_PAGE_NUMBER, /* the page number in the footer */
    PROV_DATE,        /* a date in the Japanese era (survey.ini, deck.ini edition) */
    PROV_YEAR,        /* a survey year's label (令和7年度) */
    PROV_CASE_TEXT,   /* digits in the text of a case study (cases.csv) */
    PROV_TEMPLATE,    /* digits typed in the template text (「P3」, 「上位4位」) */
    PROV_AXIS,        /* a chart's axis tick (0%, 20%, 1,250) */
    PROV_LABEL,       /* digits in an option or group label of the codebook */
    PROV_BODY,        /* digits of a body's name (bodies.csv); source names the
                         column and the code (its population is a figure, M) */
    PROV_LAYOUT,      /* a count of the layout's own (answers a body sheet leaves
                         out for lack of room) */
    PROV_UNATTRIBUTED, /* printed, but no hook said where it came from: a gap
                          in the recording (the national deck has none) */
    PROV__COUNT
} prov_kind;

/* How a printed number was rounded. */
typedef enum {
    PROV_ROUND_NONE,              /* an exact integer */
    PROV_ROUND_HALF_UP,           /* percent to 0.1, half up */
    PROV_ROUND_HALF_UP_INT,       /* percent to an integer, half up */
    PROV_ROUND_LARGEST_REMAINDER, /* percent to 0.1, a bar's shares sum to 100.0 */
    PROV_ROUND_MAN_HALF_UP,       /* residents to 0.1万人, half up */
    PROV_ROUND_POINTS             /* the difference of two printed shares in points
                                     (field change): +4.5, ▲1.2, ±0.0 */
} prov_rounding;

typedef struct {
    int page;            /* 1-based */
    const char *block;   /* template file and section: "layouts/pages/p03.ini [chart]" */
    prov_kind kind;
    const char *text;    /* as printed: "45.6%", "令和7年10月31日", "785" */
    /* PROV_FIGURE */
    const fig_row *row;
    const char *field;   /* count, base, pct, pct0, man, rank; pref_rank (among the 47
                            prefectures), change (since the year before: numerator
                            this year's printed share, denominator last year's,
                            in tenths of a percent) */
    long long numerator, denominator; /* -1 when n/a */
    prov_rounding rounding;
    /* other kinds: what the text was made from ("2025-10-31", "cases.csv", a label) */
    const char *source;
} prov_entry;

typedef struct prov_list prov_list;

prov_list *prov_new(arena *mem);
int prov_count(const prov_list *p);
const prov_entry *prov_get(const prov_list *p, int i);

/* Where the following entries are printed (block is copied). */
void prov_set_page(prov_list *p, int page);
void prov_set_block(prov_list *p, const char *block);

/* Appends an entry (text and strings copied into the list's arena); the
 * page and block are the current ones. */
void prov_add(prov_list *p, const prov_entry *e);
/* A figure's number: numerator/denominator taken from the row for the
 * field; text as printed. */
void prov_add_figure(prov_list *p, const fig_row *r, const char *field, const char *text,
                     prov_rounding rounding);
/* One entry per number token of text (kind, source as given); nothing when
 * the text has no digits. */
void prov_add_tokens(prov_list *p, prov_kind kind, const char *text, size_t len,
                     const char *source);

/* Number tokens as the completeness check counts them: ASCII digits joined
 * by single ',' or '.' ("1,788", "45.6", "7"). Calls fn for each. */
typedef void (*prov_token_fn)(void *ctx, const char *tok, size_t len);
void prov_tokens(const char *text, size_t len, prov_token_fn fn, void *ctx);
bool prov_has_digit(const char *text, size_t len);

/* Another file that prints this document's numbers (its workbook, HTML
 * page, chart files; paths relative to the output folder): the JSON
 * sidecar lists them as "also_in". */
void prov_also_in(prov_list *p, const char *file);

/* Sidecars. CSV header:
 *   page,kind,block,text,figure,year,scope,group,option_code,option_label,
 *   field,numerator,denominator,base,rounding,source
 * JSON: {"document": name, "also_in": [files], "entries": [{same keys}]}
 * ("also_in" only when there are such files). Into malloc'd memory
 * (*data, *len; free with free()). false when formatting failed. */
bool prov_format_csv(const prov_list *p, const fig_catalogue *cat, unsigned char **data,
                     size_t *len);
bool prov_format_json(const prov_list *p, const fig_catalogue *cat, const char *document,
                      unsigned char **data, size_t *len);

/* The sidecar path of a document: "out/national.pdf", "csv" ->
 * "out/national.numbers.csv" (malloc'd). */
char *prov_sidecar_path(const char *doc_path, const char *ext);

#endif
