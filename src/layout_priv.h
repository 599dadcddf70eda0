/* layout_priv.h - page state shared by layout.c (frame, text blocks),
 * layout_chart.c and layout_table.c. */
#ifndef AIREPORT_LAYOUT_PRIV_H
#define AIREPORT_LAYOUT_PRIV_H

#include "layout.h"

/* Page state: what one page's blocks share while it is laid out. */
typedef struct {
    const layout_ctx *c;
    const tpl_page *pg;
    drawlist *dl;
    bool ok;
} page_state;

/* A block's box in pt. */
typedef struct {
    double x, y, w, h;
} box_pt;

box_pt layout_box(const tpl_block *b);

/* "layouts/pages/p05.ini [chart]" for messages. */
const char *layout_context(const page_state *ps, const tpl_block *b);

/* Expands placeholders of a template text (year: index for `Y`, -1 none);
 * NULL after reporting the problem against the block's line. */
const char *layout_expand(page_state *ps, const tpl_block *b, const char *text, int line,
                          int year);

/* Baseline of a line whose line box starts at top_pt. */
double layout_baseline(double top_pt, double size_pt, double line_h_pt);

bool layout_chart(page_state *ps, const tpl_block *b);
bool layout_table(page_state *ps, const tpl_block *b);

/* Prefecture reports, the appendix and body sheets. */
bool layout_chart_compare(page_state *ps, const tpl_block *b); /* layout_compare.c */
bool layout_ranking(page_state *ps, const tpl_block *b);       /* layout_ranking.c */
bool layout_bodysheet(page_state *ps, const tpl_block *b);     /* bodysheet.c */

#endif
