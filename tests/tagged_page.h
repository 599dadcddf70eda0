/* tagged_page.h - a drawlist page with every kind of structure the writer
 * tags (test_drawlist breaks it, test_pdfwriter writes it). */
#ifndef AIREPORT_TEST_TAGGED_PAGE_H
#define AIREPORT_TEST_TAGGED_PAGE_H

#include "drawlist.h"

/* A page w_pt wide: header artifact, H1, a two-item list (Lbl, LBody), a
 * figure with alt text figure_alt and box 40, 140, 400 x 100, a table with a
 * header row (TH scope column) and a TH scope row spanning two rows, a
 * decoration artifact (the table's rule), a footer artifact. */
void tagged_page(drawlist *dl, double w_pt, const char *figure_alt);

#endif
