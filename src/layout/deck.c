/* deck.c - every page of a deck laid out first, then one PDF written. */
#include "deck_priv.h"

#include "layout_munitable.h"
#include "pdfwriter.h"
#include "placeholder.h"
#include "template.h"
#include "version.h"

#include <stdlib.h>
#include <string.h>

deck_templates *deck_templates_load_override(const char *layouts_dir, const char *deck_file,
                                             const char *override_file,
                                             const fig_catalogue *cat, arena *mem, diags *d)
{
    tpl_deck *deck = tpl_deck_load_override(layouts_dir, deck_file, override_file, cat, mem, d);
    if (!deck)
        return NULL;
    deck_templates *t = ARENA_NEW(mem, deck_templates, 1);
    t->deck = deck;
    return t;
}

deck_templates *deck_templates_load(const char *layouts_dir, const char *deck_file,
                                    const fig_catalogue *cat, arena *mem, diags *d)
{
    return deck_templates_load_override(layouts_dir, deck_file, NULL, cat, mem, d);
}

int deck_page_count(const deck_templates *t) { return t->deck->n_pages; }

int deck_template_files(const deck_templates *t, const char **files, int max)
{
    int n = 0;
    if (n < max)
        files[n++] = t->deck->file;
    for (int i = 0; i < t->deck->n_pages && n < max; i++)
        files[n++] = t->deck->pages[i].file;
    return n;
}

/* A page with a [munitable] becomes as many pages as its table needs. */
bool deck_lay_out(const deck_templates *t, const deck_scope *sc, const fontset *fonts,
                  bool content, arena *mem, diags *d, deck_laid_out *out)
{
    const tpl_deck *deck = t->deck;
    layout_ctx c = {.deck = deck, .f = sc->f, .fonts = fonts, .mem = mem, .d = d,
                    .nation = sc->nation, .pref = sc->pref, .body = sc->body,
                    .bodies = sc->bodies, .nation_bodies = sc->nation_bodies,
                    .prov = sc->prov};
    int cap = deck->n_pages + 8;
    out->pages = ARENA_NEW(mem, drawlist, cap);
    out->titles = ARENA_NEW(mem, const char *, cap);
    out->content = content ? ARENA_NEW(mem, layout_page_data, cap) : NULL;
    out->n_pages = 0;
    bool ok = true;
    for (int i = 0; i < deck->n_pages; i++) {
        const tpl_page *pg = &deck->pages[i];
        int no = out->n_pages + 1;
        drawlist *more = NULL;
        const char **more_titles = NULL;
        int n_more = 1;
        layout_page_data *data = NULL;
        if (content)
            c.content = data = ARENA_NEW(mem, layout_page_data, 1);
        if (layout_munitable_block(pg)) {
            if (!layout_munitable_pages(&c, pg, no, &more, &more_titles, &n_more))
                ok = false;
        } else {
            more = ARENA_NEW(mem, drawlist, 1);
            more_titles = ARENA_NEW(mem, const char *, 1);
            drawlist_init(more, mem);
            if (!layout_page(&c, pg, no, more, more_titles))
                ok = false;
        }
        if (out->n_pages + n_more > cap) {
            int ncap = (out->n_pages + n_more) * 2;
            drawlist *p = ARENA_NEW(mem, drawlist, ncap);
            const char **tt = ARENA_NEW(mem, const char *, ncap);
            memcpy(p, out->pages, sizeof *p * (size_t)out->n_pages);
            memcpy(tt, out->titles, sizeof *tt * (size_t)out->n_pages);
            if (content) {
                layout_page_data *pd = ARENA_NEW(mem, layout_page_data, ncap);
                memcpy(pd, out->content, sizeof *pd * (size_t)out->n_pages);
                out->content = pd;
            }
            out->pages = p;
            out->titles = tt;
            cap = ncap;
        }
        for (int k = 0; k < n_more; k++) {
            if (content) /* a municipality table's continuation pages: their title */
                out->content[out->n_pages] =
                    k == 0 ? *data
                           : (layout_page_data){.file = pg->file, .title = more_titles[k],
                                                .continued = true};
            out->pages[out->n_pages] = more[k];
            out->titles[out->n_pages++] = more_titles[k];
        }
    }
    char err[512];
    ph_context ph = {.f = sc->f, .edition = deck->edition, .year = -1,
                     .nation = sc->nation, .pref = sc->pref, .body = sc->body,
                     .n_vars = deck->n_vars, .var_name = deck->var_name,
                     .var_text = deck->var_text};
    out->doc_title = ph_expand(deck->title_text, &ph, mem, err, sizeof err);
    if (!out->doc_title) {
        diag_add(d, D_TEMPLATE, deck->file, 0, 0, "[deck] title: %s", err);
        ok = false;
    }
    return ok;
}

/* The PDF of a laid-out document. */
static bool S_pdf(const deck_templates *t, const deck_scope *scope, const fontset *fonts,
                  const deck_laid_out *lo, unsigned char **pdf, size_t *len, diags *d)
{
    const tpl_deck *deck = t->deck;
    pdf_info info = {.title = lo->doc_title, .author = deck->author,
                     .subject = deck->subject, .keywords = deck->keywords,
                     .creator = aireport_name_version(), .created = scope->created};
    pdf_doc *doc = pdfdoc_new(fonts, &info);
    double w = layout_page_w_pt(deck), h = layout_page_h_pt(deck);
    for (int i = 0; i < lo->n_pages; i++)
        pdfdoc_add_page(doc, w, h, &lo->pages[i], lo->titles[i]);
    bool ok = pdfdoc_render(doc, pdf, len, d);
    pdfdoc_free(doc);
    return ok;
}

void deck_document_free(deck_document *doc)
{
    free(doc->pdf);
    free(doc->xlsx);
    free(doc->html);
    for (int i = 0; i < doc->n_charts; i++) {
        free(doc->charts[i].path);
        free(doc->charts[i].data);
        free(doc->charts[i].title);
        free(doc->charts[i].alt);
    }
    free(doc->charts);
    *doc = (deck_document){0};
}

bool deck_render_document(const deck_templates *t, const deck_scope *sc, const fontset *fonts,
                          bool want_workbook, const deck_web_names *web, deck_document *out,
                          diags *d)
{
    *out = (deck_document){0};
    arena *mem = arena_new();
    deck_laid_out lo;
    /* collecting the pages as data leaves the drawlists as they are: the
     * PDF is the same with or without the other files */
    bool ok = deck_lay_out(t, sc, fonts, want_workbook || web, mem, d, &lo) &&
              S_pdf(t, sc, fonts, &lo, &out->pdf, &out->pdf_len, d);
    if (ok)
        out->n_pages = lo.n_pages;
    if (ok && want_workbook)
        ok = deck_xlsx_of(t, sc, &lo, &out->xlsx, &out->xlsx_len, d);
    if (ok && web)
        ok = deck_web_of(t, sc, &lo, web, &out->html, &out->html_len, &out->charts,
                         &out->n_charts, d);
    if (!ok)
        deck_document_free(out);
    arena_free(mem);
    return ok;
}

bool deck_render_scope(const deck_templates *t, const deck_scope *scope, const fontset *fonts,
                       unsigned char **pdf, size_t *len, int *n_pages, diags *d)
{
    deck_document doc;
    bool ok = deck_render_document(t, scope, fonts, false, NULL, &doc, d);
    *pdf = doc.pdf;
    *len = doc.pdf_len;
    *n_pages = doc.n_pages;
    return ok;
}

bool deck_render(const deck_templates *t, const figset *f, const fontset *fonts,
                 unsigned char **pdf, size_t *len, int *n_pages, diags *d)
{
    deck_scope scope = {.f = f};
    return deck_render_scope(t, &scope, fonts, pdf, len, n_pages, d);
}

bool deck_dump_layout(const deck_templates *t, const figset *f, const fontset *fonts, FILE *out,
                      diags *d)
{
    arena *mem = arena_new();
    deck_laid_out lo;
    deck_scope scope = {.f = f};
    bool ok = deck_lay_out(t, &scope, fonts, false, mem, d, &lo);
    for (int i = 0; i < lo.n_pages; i++) {
        fprintf(out, "page %d %s\n", i + 1, lo.titles[i] ? lo.titles[i] : "");
        drawlist_dump(&lo.pages[i], out);
    }
    arena_free(mem);
    return ok;
}
