/* layout_content.h - what a page shows, as data, for the outputs that reuse
 * a document: the workbook, the HTML page and the chart files
 * (deck_xlsx.c, deck_html.c, deck_chartfile.c). Collected while the page is
 * laid out for the PDF, by the same code (layout_content.c has the hooks),
 * when layout_ctx.content is set: the texts as expanded, each chart's spec
 * as drawn with the figure row and printed numbers behind every value, and
 * the tables' cells. Private to the layout stage; memory in the document's
 * arena. */
#ifndef AIREPORT_LAYOUT_CONTENT_H
#define AIREPORT_LAYOUT_CONTENT_H

#include "chart.h"
#include "figures.h"

#include <stdbool.h>

/* One value of a chart, as printed. */
typedef struct {
    const fig_row *row;    /* NULL: no answers in the scope (printed as 0) */
    long long count, base; /* base: of the percentage, 0 = none */
    int pct10;             /* the percentage as printed x10, -1 = none */
} layout_cell;

typedef struct {
    const char *section;      /* "chart", "chart2" */
    const char *file_suffix;  /* "" for the page's first chart, "-2" for the second, … */
    const char *heading;      /* the block's heading as printed, NULL = none */
    const char *title;        /* heading, else the page title */
    chart_spec spec;          /* as drawn (no callbacks) */
    const layout_cell *cells; /* [cat * n_series + series] */
    bool shares_of_scope;     /* values are each scope's shares in % (compare = nation) */
    const char *unit;         /* after counts: 団体 / 件 */
    const char *scope_words;  /* who answered, the years: "全団体、令和5年度～令和7年度" */
    const char *year_label;   /* the one year shown ("令和7年度"), NULL when several */
    const char *alt;          /* chart_alt_text */
    int item_from, item_to;   /* its items in the page's drawlist, heading included */
    double x_pt, y_pt, w_pt, h_pt; /* its block's box */
} layout_chart_data;

typedef enum { LCELL_TEXT, LCELL_INT, LCELL_PCT10 } layout_tcell_kind;
typedef struct {
    layout_tcell_kind kind;
    const char *text; /* as printed */
    long long value;  /* LCELL_INT: the number; LCELL_PCT10: percent x10 */
} layout_tcell;

/* A [table] or [ranking] block: a header row and cells. */
typedef struct {
    const char *section;
    int n_rows, n_cols;       /* rows without the header */
    const char **header;      /* [n_cols] */
    const layout_tcell *cells; /* [row * n_cols + col] */
} layout_table_data;

/* Paragraphs of one kind of text block, in page order. */
typedef struct {
    int n;
    const char **at;
} layout_texts;

typedef struct layout_page_data {
    const char *file;  /* the page template */
    const char *title; /* as printed; NULL for a page without one */
    bool cover;
    bool continued; /* a municipality table's later page: its data is on the first */
    layout_texts lead, text, notes, sources;
    int n_charts;
    layout_chart_data *charts;
    int n_tables;
    layout_table_data *tables;
} layout_page_data;


/* The two names of a chart value in the chart's data table: 区分 (the bar,
 * ring or year it belongs to) and 選択肢 (the option), whichever of the
 * spec's categories and series they are for the chart's type. */
void layout_chart_cell_names(const layout_chart_data *c, int cat, int series,
                             const char **group, const char **option, arena *mem);

/* The share (percent x10, -1 = none) and its base (0 = none) a chart's
 * data table prints for a value: the chart's own where it printed one,
 * else those of the value's figure row. */
void layout_cell_share(const layout_cell *c, int *pct10, long long *base);

#endif
