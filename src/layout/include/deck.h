/* deck.h - the national deck: templates loaded once, documents rendered
 * many times.
 *
 * deck_templates_load() reads and validates layouts/ once per process;
 * deck_render() lays out every page of one document from a figset and hands
 * the pages, the outline and the document information to the PDF writer.
 * Both only read their inputs and keep no global state, so one set of
 * templates and fonts may render several documents on several threads.
 */
#ifndef AIREPORT_DECK_H
#define AIREPORT_DECK_H

#include "arena.h"
#include "diag.h"
#include "figures.h"
#include "fontset.h"
#include "provenance.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

typedef struct deck_templates deck_templates;

/* layouts_dir/deck_file ("deck.ini" when NULL) and everything it names,
 * checked against the catalogue of figures (no values needed). Memory in
 * mem. NULL when any problem was reported (exit status 4 through diags). */
deck_templates *deck_templates_load(const char *layouts_dir, const char *deck_file,
                                    const fig_catalogue *cat, arena *mem, diags *d);

int deck_page_count(const deck_templates *t);

/* The ISO date {deck.edition} prints: the deck file's own `edition`, else
 * the latest survey year's `published` (NULL when neither is given). */
const char *deck_edition(const deck_templates *t);

/* The files t was read from: the deck file and every page's file, paths as
 * opened (the theme is not among them), into files[0..max); returns how
 * many. `build --watch` rebuilds the documents whose files changed. */
int deck_template_files(const deck_templates *t, const char **files, int max);

/* Renders one document: *pdf (malloc'd, free with free()), *len, *n_pages.
 * false with diagnostics (text overflow, missing glyph, …); nothing is
 * returned then. */
bool deck_render(const deck_templates *t, const figset *f, const fontset *fonts,
                 unsigned char **pdf, size_t *len, int *n_pages, diags *d);

/* What one document is about: its figures, and for a prefecture report or a
 * body sheet the national figures beside them and the prefecture / body. */
typedef struct {
    const figset *f;           /* the document's figures */
    const figset *nation;      /* national figures (NULL in the national deck) */
    const fig_pref_rank *pref; /* prefecture reports (and body sheets: the body's) */
    const fig_body *body;      /* body sheets */
    /* figures_compute_bodies of f's scope and of the nation: the municipality
     * table needs the first, body sheets both */
    const figset *bodies, *nation_bodies;
    prov_list *prov;           /* optional: every printed number is recorded here
                                  (its arena must outlive the call) */
    time_t created;            /* the PDF's date (sourcedate.h); deck_render: 0 */
} deck_scope;

/* deck_render for any document: a [munitable] page grows into as many pages
 * as its table needs, so *n_pages may exceed deck_page_count(). The
 * outputs that reuse a document: deck_render_document below. */
bool deck_render_scope(const deck_templates *t, const deck_scope *scope, const fontset *fonts,
                       unsigned char **pdf, size_t *len, int *n_pages, diags *d);

/* A prefecture report's templates: layouts_dir/deck_file with the override
 * file (NULL = none) applied (see tpl_deck_load_override). */
deck_templates *deck_templates_load_override(const char *layouts_dir, const char *deck_file,
                                             const char *override_file,
                                             const fig_catalogue *cat, arena *mem, diags *d);

/* The first [chart] of the page whose file name starts with page_prefix
 * ("p03") as a PNG at px_per_pt (*png malloc'd), with the page title as
 * caption. (deck_png.c) */
bool deck_chart_png(const deck_templates *t, const deck_scope *sc, const fontset *fonts,
                    const char *page_prefix, double px_per_pt, unsigned char **png, size_t *len,
                    char *caption, size_t caption_size, diags *d);

/* File-name prefixes ("p03") of the deck's pages that have a [chart], in
 * page order, into prefix[0..max); returns how many. Strings in mem.
 * (deck_png.c) */
int deck_chart_pages(const deck_templates *t, const char **prefix, int max, arena *mem);

/* ---- the outputs that reuse a document (deck_web.c, deck_xlsx.c) ---- */

/* Which of them the deck file asks for ([deck] workbook, web, excel_csv, chart_png). */
typedef struct {
    bool workbook; /* <name>.xlsx */
    bool web;      /* <name>.html and its chart files (SVG, PNG at 300 dpi) */
    bool chart_png; /* the chart files' PNG (web only) */
    bool excel_csv; /* figures_excel.csv (read from the national deck.ini) */
} deck_outputs;
deck_outputs deck_output_switches(const deck_templates *t);

/* A file made for the caller to write: path (inside the output folder,
 * e.g. "charts/national/p03.svg") and data malloc'd; a chart's SVG also
 * names its chart (title and alt text, malloc'd; else NULL). */
typedef struct {
    char *path;
    unsigned char *data;
    size_t len;
    char *title, *alt;
} deck_outfile;

/* Where a document's web files go and how its HTML page names them. */
typedef struct {
    const char *chart_dir;  /* folder of the chart files in the output folder
                               ("charts/national") */
    const char *chart_href; /* the same folder as the page links it ("../charts/13_東京都/") */
    const char *index_href; /* index.html from the page */
    const char *pdf_href, *xlsx_href; /* the document's PDF and workbook (NULL = none) */
} deck_web_names;

/* A document with the files that reuse it, made from one layout. */
typedef struct {
    unsigned char *pdf;  /* malloc'd */
    size_t pdf_len;
    int n_pages;
    unsigned char *xlsx; /* the Excel workbook (want_workbook; else NULL) */
    size_t xlsx_len;
    unsigned char *html; /* the HTML page (web != NULL; else NULL) */
    size_t html_len;
    deck_outfile *charts; /* its chart files, an SVG and a PNG per chart */
    int n_charts;
} deck_document;

/* Renders one document as deck_render_scope does and, from the same
 * layout (each page collected as data while it is set, layout_content.h):
 *  - with want_workbook, an Excel workbook (deck_xlsx.c): a sheet per page
 *    with its texts and data, a native chart for each chart;
 *  - with web, an HTML page and each of its charts as SVG and as PNG at
 *    300 dpi with its title, source lines and the sample note, their paths
 *    under web->chart_dir (deck_web.c); the images' alt text is the
 *    chart's data (chart_alt_text).
 * So every file prints the PDF's numbers. false with diagnostics; nothing
 * is returned then (*out all NULL). */
bool deck_render_document(const deck_templates *t, const deck_scope *sc, const fontset *fonts,
                          bool want_workbook, const deck_web_names *web, deck_document *out,
                          diags *d);
/* Frees what deck_render_document returned (what the caller took and set
 * to NULL is left alone). */
void deck_document_free(deck_document *doc);

/* The drawlists of every page as text (`--dump-layout`): a "page N title"
 * line, then drawlist_dump() of the page. false when layout failed. */
bool deck_dump_layout(const deck_templates *t, const figset *f, const fontset *fonts, FILE *out,
                      diags *d);

#endif
