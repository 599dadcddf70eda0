/* deck_png.c - one chart of a deck page as a PNG (the headline charts of
 * index.html): the page is laid out as for the PDF and the drawlist is
 * replayed with cairo, cropped to the page's first [chart] block. */
#include "deck_priv.h"

#include "pngwriter.h"
#include "units.h"

#include <cairo.h>
#include <stdlib.h>
#include <string.h>

static const tpl_page *find_page(const tpl_deck *deck, const char *prefix)
{
    for (int i = 0; i < deck->n_pages; i++) {
        const char *slash = strrchr(deck->pages[i].file, '/');
        const char *base = slash ? slash + 1 : deck->pages[i].file;
        if (strncmp(base, prefix, strlen(prefix)) == 0)
            return &deck->pages[i];
    }
    return NULL;
}

int deck_chart_pages(const deck_templates *t, const char **prefix, int max, arena *mem)
{
    int n = 0;
    for (int i = 0; i < t->deck->n_pages && n < max; i++) {
        const tpl_page *pg = &t->deck->pages[i];
        bool has_chart = false;
        for (int k = 0; k < pg->n_blocks; k++)
            has_chart |= pg->blocks[k].kind == TPL_CHART;
        if (!has_chart)
            continue;
        const char *slash = strrchr(pg->file, '/');
        const char *base = slash ? slash + 1 : pg->file;
        size_t len = strcspn(base, "_.");
        prefix[n++] = arena_strndup(mem, base, len);
    }
    return n;
}

bool deck_chart_png(const deck_templates *t, const deck_scope *sc, const fontset *fonts,
                    const char *page_prefix, double px_per_pt, unsigned char **png, size_t *len,
                    char *caption, size_t caption_size, diags *d)
{
    *png = NULL;
    *len = 0;
    const tpl_page *pg = find_page(t->deck, page_prefix);
    const tpl_block *chart = NULL;
    for (int i = 0; pg && i < pg->n_blocks && !chart; i++)
        if (pg->blocks[i].kind == TPL_CHART)
            chart = &pg->blocks[i];
    if (!chart) {
        diag_add(d, D_TEMPLATE, t->deck->file, 0, 0,
                 "no page %s… with a [chart] in the deck for the chart images", page_prefix);
        return false;
    }
    arena *mem = arena_new();
    drawlist dl;
    drawlist_init(&dl, mem);
    layout_ctx c = {.deck = t->deck, .f = sc->f, .fonts = fonts, .mem = mem, .d = d,
                    .nation = sc->nation, .pref = sc->pref, .body = sc->body,
                    .bodies = sc->bodies, .nation_bodies = sc->nation_bodies};
    const char *title = NULL;
    bool ok = layout_page(&c, pg, 1, &dl, &title);
    if (ok) {
        snprintf(caption, caption_size, "%s", title ? title : page_prefix);
        /* the block's box itself: the blocks around it touch it on most pages */
        const double pad = mm_to_pt(2);
        double x = mm_to_pt(chart->box.x_mm) - pad, y = mm_to_pt(chart->box.y_mm);
        double w = mm_to_pt(chart->box.w_mm) + 2 * pad, h = mm_to_pt(chart->box.h_mm);
        int wpx = (int)(w * px_per_pt + 0.5), hpx = (int)(h * px_per_pt + 0.5);
        cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, wpx, hpx);
        cairo_t *cr = cairo_create(surf);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, px_per_pt, px_per_pt);
        cairo_translate(cr, -x, -y);
        drawlist_replay_cairo(&dl, cr);
        cairo_destroy(cr);
        if (!png_encode_rgb24(surf, png, len)) {
            diag_add(d, D_INTERNAL, page_prefix, 0, 0, "libpng could not encode the PNG");
            ok = false;
        }
        cairo_surface_destroy(surf);
    }
    arena_free(mem);
    return ok;
}
