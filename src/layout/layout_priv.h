/* layout_priv.h - what the layout files share, grouped by the file that
 * defines it. Private to the layout stage. Files depend downwards only:
 * layout_page.c (the page) calls the blocks; the blocks use the chart
 * helpers, the provenance hooks and the page state below them. */
#ifndef AIREPORT_LAYOUT_PRIV_H
#define AIREPORT_LAYOUT_PRIV_H

#include "layout.h"
#include "layout_content.h"
#include "placeholder.h"

/* ---- page state (layout.c) ---- */

enum { LAYOUT_MAX_PAGE_NOTES = 4 };

/* Page state: what one page's blocks share while it is laid out. */
typedef struct {
    const layout_ctx *c;
    const tpl_page *pg;
    drawlist *dl;
    bool ok;
    int page_no;
    /* a chart's half-up percentages do not add up to 100.0: the notes (or
     * the source lines) get LAYOUT_ROUNDING_NOTE (layout_prov.c) */
    bool rounding_note;
    /* caveats a block added for the notes (a small base), in order */
    int n_page_notes;
    const char *page_note[LAYOUT_MAX_PAGE_NOTES];
    const char *title; /* the page title as printed, NULL = none */
} page_state;

/* A block's box in pt. */
typedef struct {
    double x, y, w, h;
} box_pt;

box_pt layout_box(const tpl_block *b);

/* "layouts/pages/p05.ini [chart]" for messages. */
const char *layout_context(const page_state *ps, const tpl_block *b);

/* Expands a parsed template text (year: index for `Y`, -1 none), recording
 * each piece for provenance; NULL after reporting the problem against the
 * block's line. */
const char *layout_expand(page_state *ps, const tpl_block *b, const ph_text *text, int line,
                          int year);

/* layout_page with title_suffix appended to the page's expanded title (the
 * municipality table's 「（続き）」 pages; NULL = none). *table_at (when not
 * NULL) receives the item index where the page's [munitable] belongs in
 * reading order, for layout_move_items. (layout_page.c) */
bool layout_page_titled(const layout_ctx *c, const tpl_page *pg, int page_no,
                        const char *title_suffix, drawlist *dl, const char **title,
                        int *table_at);
/* Moves the items [from, dl->n) to index at (<= from), the items between
 * following them: content drawn after the page into its reading-order place
 * (nothing they paint overlaps). (layout.c) */
void layout_move_items(drawlist *dl, int at, int from);

/* Tables (layout.c): opens a cell, a TH heading its column (in a header
 * row), a TH heading its row, or a TD; dl_end closes it. */
typedef enum { LAYOUT_COL_HEAD, LAYOUT_ROW_HEAD, LAYOUT_DATA } layout_cell_role;
void layout_cell_begin(drawlist *dl, layout_cell_role kind);
/* Decoration: a rule or a filled rectangle as a layout artifact of its own. */
void layout_artifact_line(drawlist *dl, double x0, double y0, double x1, double y1,
                          uint32_t rgb, double line_width_pt);
void layout_artifact_rect(drawlist *dl, double x, double y, double w, double h, uint32_t rgb);

/* Baseline of a line whose line box starts at top_pt. */
double layout_baseline(double top_pt, double size_pt, double line_h_pt);

/* ---- provenance (layout_prov.c), all no-ops when the document records none ---- */

#define LAYOUT_ROUNDING_NOTE "※割合は四捨五入しており、合計が100%にならないものがある。"

void layout_prov_block(page_state *ps, const tpl_block *b); /* NULL: the page frame */
/* Entries for the page's number tokens no hook recorded (kind unattributed). */
void layout_prov_page_done(page_state *ps);

/* A chart's value label: the count and/or the share it prints, from row
 * (NULL with a source saying why there is none). */
void layout_prov_value(page_state *ps, const fig_row *row, long long count, long long total,
                       int pct10, prov_rounding rounding, bool count_printed, bool pct_printed,
                       const char *source);
/* A chart's text other than its value labels: axis ticks, year labels,
 * digits inside category labels. (The centre text was recorded when it was
 * expanded.) */
void layout_prov_chart_text(page_state *ps, chart_text_role role, const char *text);
/* Notes: LAYOUT_ROUNDING_NOTE appended to texts[0..n) when the page needs it
 * and the template does not carry it already, as a paragraph of its own or,
 * with join_last, after the last text (「…。　※割合は…」, a one-line box);
 * returns the new n. */
int layout_rounding_note(const page_state *ps, const char **texts, int n, bool join_last);
/* A caveat for the page's notes (each text once; up to LAYOUT_MAX_PAGE_NOTES),
 * its digits recorded by whoever expanded it. */
void layout_add_page_note(page_state *ps, const char *text);
/* The rounding note, then the page notes, appended to texts[0..n) as
 * layout_rounding_note does (texts has room for LAYOUT_MAX_PAGE_NOTES + 1
 * more); returns the new n. */
int layout_page_notes(const page_state *ps, const char **texts, int n, bool join_last);

/* ---- what both chart blocks share (layout_chart_common.c) ---- */

/* What one value label of a chart prints, and what it was made of. */
typedef struct {
    const fig_row *row;     /* NULL: no row in the scope (printed as 0) */
    long long count, total; /* total: the percentage's base, 0 = none */
    int pct10;
    prov_rounding rounding;
    bool count_printed, pct_printed;
} layout_value;

/* The values and label texts of one bar (or donut ring) of ns counts, as the
 * block's `labels` asks. shares: percentages of the bar's own sum, rounded
 * half up or by largest remainder as the block says, and the page's rounding
 * note set when half-up shares miss 100.0; else percentages of total (0 =
 * none). rows, vals and labels are [ns]. */
void layout_bar_values(page_state *ps, const tpl_block *b, const long long *counts, int ns,
                       long long total, bool shares, const fig_row *const *rows,
                       layout_value *vals, const char **labels);

/* The options a chart block draws, in drawing order: ranked by the latest
 * year of the block's first group in f (or by code), limited by the block's
 * `options` (top N, or codes in the template's order), with the codebook's
 * short labels when the block asks. false (reported) when there are none. */
typedef struct {
    int n;
    int code[FIG_MAX_OPTIONS];
    const char *label[FIG_MAX_OPTIONS];
} layout_options;
bool layout_pick_options(const page_state *ps, const tpl_block *b, const figset *f,
                         layout_options *out);
/* The catalogue of the document's figures: years, title, questions. */
const fig_catalogue *layout_catalogue(const page_state *ps);

/* A chart block's heading (accent mark + title, an H2) at the top of *box,
 * which shrinks by its height; nothing when the block has none. Returns the
 * heading as printed (NULL: none). */
const char *layout_chart_heading(page_state *ps, const tpl_block *b, box_pt *box);
/* Opens the Figure of the chart spec: its box and its alternative text,
 * the chart's data as text (chart_alt_text with layout_chart_alt_words
 * below; vi: the rows behind its values), and draws the chart into it.
 * Returns the index of the chart's first item; the caller closes the Figure
 * with dl_end. On failure (diagnosed) nothing is left in the drawlist and
 * -1 is returned. heading: the chart's, NULL for the page title. */
int layout_figure_draw(page_state *ps, const tpl_block *b, const chart_spec *spec,
                       const layout_value *vi, const char *heading);

/* ---- the page as data (layout_content.c), no-ops unless c->content ---- */

/* Texts of a lead, text, notes or source block as set (a source block's
 * 「※」 lines count as notes). */
void layout_content_texts(page_state *ps, const tpl_block *b, const char *const *texts, int n);
/* A chart as drawn: spec, the values behind its labels (vi, as spec.values),
 * its heading (NULL = none) and its items from item_from to the end of the
 * drawlist; shares_of_scope: values are shares in % of each scope. Also
 * makes its alternative text (chart_alt_text). */
void layout_content_chart(page_state *ps, const tpl_block *b, const chart_spec *spec,
                          const layout_value *vi, const char *heading, int item_from,
                          bool shares_of_scope);
/* The words of a chart's alt text its spec does not hold (chart_alt_text):
 * the title (heading, else the page title), who answered and which years
 * (fixed wording per kind of base), the unit of its counts; *single_year
 * (may be NULL) the one year the chart shows, NULL when several. For the
 * HTML pages' and workbooks' charts, and the PDF's Figure /Alt. */
chart_alt_words layout_chart_alt_words(page_state *ps, const tpl_block *b, const chart_spec *spec,
                                       const layout_value *vi, const char *heading,
                                       const char **single_year);
/* A table block: header[n_cols], cells[n_rows * n_cols] (kept, not copied:
 * in the document's arena). */
void layout_content_table(page_state *ps, const tpl_block *b, int n_rows, int n_cols,
                          const char **header, const layout_tcell *cells);

/* ---- the blocks, one routine per kind (called by layout_page.c) ---- */
/* Each draws into ps->dl inside the block's box; false (and ps->ok false)
 * after reporting. */

bool layout_lead(page_state *ps, const tpl_block *b);   /* layout_text.c */
bool layout_text(page_state *ps, const tpl_block *b);   /* layout_text.c */
bool layout_notes(page_state *ps, const tpl_block *b);  /* layout_text.c */
bool layout_source(page_state *ps, const tpl_block *b); /* layout_text.c */
bool layout_chart(page_state *ps, const tpl_block *b);  /* layout_chart.c */
/* A chart with `compare = nation`: the scope beside the nation. */
bool layout_chart_compare(page_state *ps, const tpl_block *b); /* layout_compare.c */
bool layout_table(page_state *ps, const tpl_block *b);         /* layout_table.c */
/* Prefecture reports, the appendix and body sheets. */
bool layout_ranking(page_state *ps, const tpl_block *b);   /* layout_ranking.c */
bool layout_bodysheet(page_state *ps, const tpl_block *b); /* bodysheet.c */
bool layout_keytable(page_state *ps, const tpl_block *b);  /* layout_keytable.c */

#endif
