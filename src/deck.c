/* deck.c - every page of a deck laid out first, then one PDF written. */
#include "deck.h"

#include "layout.h"
#include "pdfwriter.h"
#include "placeholder.h"
#include "template.h"

#include <stdlib.h>

struct deck_templates {
    tpl_deck *deck;
};

deck_templates *deck_templates_load(const char *layouts_dir, const char *deck_file,
                                    const survey *s, const figset *national, arena *mem,
                                    diags *d)
{
    tpl_deck *deck = tpl_deck_load(layouts_dir, deck_file, s, national, mem, d);
    if (!deck)
        return NULL;
    deck_templates *t = ARENA_NEW(mem, deck_templates, 1);
    t->deck = deck;
    return t;
}

int deck_page_count(const deck_templates *t) { return t->deck->n_pages; }

typedef struct {
    drawlist *pages;
    const char **titles;
    const char *doc_title;
} laid_out;

/* Lays out every page into mem. false when any page failed. */
static bool lay_out(const deck_templates *t, const survey *s, const figset *f,
                    const fontset *fonts, arena *mem, diags *d, laid_out *out)
{
    const tpl_deck *deck = t->deck;
    layout_ctx c = {.deck = deck, .s = s, .f = f, .fonts = fonts, .mem = mem, .d = d};
    out->pages = ARENA_NEW(mem, drawlist, deck->n_pages);
    out->titles = ARENA_NEW(mem, const char *, deck->n_pages);
    bool ok = true;
    for (int i = 0; i < deck->n_pages; i++) {
        drawlist_init(&out->pages[i], mem);
        if (!layout_page(&c, &deck->pages[i], i + 1, &out->pages[i], &out->titles[i]))
            ok = false;
    }
    char err[512];
    ph_context ph = {.s = s, .f = f, .edition = deck->edition, .year = -1};
    out->doc_title = ph_expand(deck->title, &ph, mem, err, sizeof err);
    if (!out->doc_title) {
        diag_add(d, D_TEMPLATE, deck->file, 0, 0, "[deck] title: %s", err);
        ok = false;
    }
    return ok;
}

bool deck_render(const deck_templates *t, const survey *s, const figset *f,
                 const fontset *fonts, unsigned char **pdf, size_t *len, int *n_pages,
                 diags *d)
{
    *pdf = NULL;
    *len = 0;
    *n_pages = 0;
    arena *mem = arena_new();
    laid_out lo;
    bool ok = lay_out(t, s, f, fonts, mem, d, &lo);
    if (ok) {
        const tpl_deck *deck = t->deck;
        pdf_info info = {.title = lo.doc_title, .author = deck->author,
                         .subject = deck->subject, .keywords = deck->keywords,
                         .creator = "aireport"};
        pdf_doc *doc = pdfdoc_new(fonts, &info);
        double w = layout_page_w_pt(deck), h = layout_page_h_pt(deck);
        for (int i = 0; i < deck->n_pages; i++)
            pdfdoc_add_page(doc, w, h, &lo.pages[i], lo.titles[i]);
        ok = pdfdoc_render(doc, pdf, len, d);
        pdfdoc_free(doc);
        if (ok)
            *n_pages = deck->n_pages;
    }
    arena_free(mem);
    return ok;
}

bool deck_dump_layout(const deck_templates *t, const survey *s, const figset *f,
                      const fontset *fonts, FILE *out, diags *d)
{
    arena *mem = arena_new();
    laid_out lo;
    bool ok = lay_out(t, s, f, fonts, mem, d, &lo);
    for (int i = 0; i < t->deck->n_pages; i++) {
        fprintf(out, "page %d %s\n", i + 1, lo.titles[i] ? lo.titles[i] : "");
        drawlist_dump(&lo.pages[i], out);
    }
    arena_free(mem);
    return ok;
}
