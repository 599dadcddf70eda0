/* deck_priv.h - what the document files of the layout stage share: the
 * loaded templates, and a document laid out page by page (deck.c) for the
 * PDF and for the outputs that reuse it (deck_png.c, deck_xlsx.c,
 * deck_web.c). */
#ifndef AIREPORT_DECK_PRIV_H
#define AIREPORT_DECK_PRIV_H

#include "deck.h"
#include "layout.h"
#include "layout_content.h"
#include "template.h"

struct deck_templates {
    tpl_deck *deck;
};

typedef struct {
    int n_pages;
    drawlist *pages;
    const char **titles;
    const char *doc_title;
    /* [n_pages] with content: what each page shows as data (a municipality
     * table's continuation pages: their title only, .continued) */
    layout_page_data *content;
} deck_laid_out;

/* Lays out every page of a document into mem; with content, also collects
 * each page as data. false when any page failed (reported to d). */
bool deck_lay_out(const deck_templates *t, const deck_scope *sc, const fontset *fonts,
                  bool content, arena *mem, diags *d, deck_laid_out *out);

/* A document laid out with its content as an Excel workbook (deck_xlsx.c;
 * *xlsx malloc'd). false with diagnostics, *xlsx NULL. */
bool deck_xlsx_of(const deck_templates *t, const deck_scope *sc, const deck_laid_out *lo,
                  unsigned char **xlsx, size_t *len, diags *d);

/* A document laid out with its content as an HTML page (*html) and its
 * chart files (*files[0..*n_files)), all malloc'd (deck_web.c). false with
 * diagnostics; nothing returned then. */
bool deck_web_of(const deck_templates *t, const deck_scope *sc, const deck_laid_out *lo,
                 const deck_web_names *names, unsigned char **html, size_t *len,
                 deck_outfile **files, int *n_files, diags *d);

#endif
