/* layout.h - one page template + a figset -> the page's drawlist.
 *
 * The theme draws the frame (title bar, page number, the red sample-data
 * label); each block of the template is then set inside its own box: lead
 * bullets, free text, charts (chart_draw with series and categories taken
 * from the figures), the P6 table, notes and source lines. Text is broken
 * with the Japanese line breaker; text that does not fit its box is a
 * D_TEXT_OVERFLOW naming the template file and the block, never clipped.
 *
 * Everything a page needs comes in through layout_ctx (read-only) and all
 * output goes to the drawlist's arena: pages may be laid out on several
 * threads at once. Layout places numbers, it never counts them: every number
 * is a figure row (the survey model is not visible here), what it knows of
 * the survey (years, title, questions) is the figures' catalogue.
 */
#ifndef AIREPORT_LAYOUT_H
#define AIREPORT_LAYOUT_H

#include "arena.h"
#include "diag.h"
#include "drawlist.h"
#include "figures.h"
#include "fontset.h"
#include "provenance.h"
#include "template.h"

#include <stdbool.h>

/* What a page shows, as data (texts, charts, tables), for the workbook, the
 * HTML page and the chart files: see layout_content.h of the layout stage. */
typedef struct layout_page_data layout_page_data;

/* Document state: the same for every page of one document. */
typedef struct {
    const tpl_deck *deck;
    const figset *f;
    const fontset *fonts;
    arena *mem;  /* the document's arena: drawlists, expanded text */
    diags *d;
    prov_list *prov; /* optional: every printed number is recorded here */
    /* prefecture reports and body sheets (NULL in the national deck) */
    const figset *nation;      /* national figures beside f */
    const fig_pref_rank *pref; /* the report's prefecture */
    const fig_body *body;      /* the sheet's body */
    /* figures_compute_bodies: of f's scope (the municipality table, a body
     * sheet's answers and prefecture shares) and of the nation (a body
     * sheet's population band and national shares) */
    const figset *bodies, *nation_bodies;
    /* optional: the page being laid out is also collected here as data */
    layout_page_data *content;
} layout_ctx;

/* The sample-data label printed on every page when the catalogue says the
 * data are a sample. */
#define LAYOUT_SAMPLE_LABEL "サンプルデータ（合成）による再現"

/* Page size of the theme in pt. */
double layout_page_w_pt(const tpl_deck *deck);
double layout_page_h_pt(const tpl_deck *deck);

/* Lays out pg as page number page_no (printed unless it is a cover) into dl
 * (initialised by the caller). *title gets the expanded page title for the
 * outline. false when anything was reported; dl then holds what could be
 * laid out. */
bool layout_page(const layout_ctx *c, const tpl_page *pg, int page_no, drawlist *dl,
                 const char **title);

#endif
