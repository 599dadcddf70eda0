/* tokenbag.h - number tokens per page, for the provenance completeness
 * tests: what pdftotext finds on each page of a PDF against what a sidecar
 * lists for that page. */
#ifndef AIREPORT_TEST_TOKENBAG_H
#define AIREPORT_TEST_TOKENBAG_H

#include <stdbool.h>
#include <stddef.h>

enum { TB_MAX_PAGES = 64 };

/* A multiset of tokens (copies, freed by tb_free). */
typedef struct {
    char **tok;
    int n, cap;
} tb_bag;

void tb_put(tb_bag *b, const char *t, size_t len);
void tb_put_cb(void *bag, const char *t, size_t len); /* prov_token_fn shape */
bool tb_take(tb_bag *b, const char *t);               /* removes one copy */
void tb_free(tb_bag *b);

/* pdftotext's number tokens of pdf, page by page into pages[1..]; returns
 * the number of pages, -1 when pdftotext failed. */
int tb_pdf_pages(const char *pdf, tb_bag pages[TB_MAX_PAGES + 1]);

/* Takes every printed token out of side, page by page, printing what is
 * printed but not in side (missing) and what side has left over (extra). */
void tb_compare(tb_bag *printed, tb_bag *side, int n_pages, int *missing, int *extra);

#endif
