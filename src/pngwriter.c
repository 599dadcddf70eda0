/* pngwriter.c - drawlist -> cairo image surface -> PNG. */
#include "pngwriter.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_font(cairo_t *cr, font_role font, double size_pt)
{
    const char *family = font == FONT_MINCHO ? "IPAexMincho" : "IPAexGothic";
    cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL,
                           font == FONT_GOTHIC_BOLD ? CAIRO_FONT_WEIGHT_BOLD
                                                    : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size_pt);
}

static void set_rgb(cairo_t *cr, uint32_t rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                         (rgb & 0xFF) / 255.0);
}

static void build_path(cairo_t *cr, const dl_item *it)
{
    cairo_new_path(cr);
    for (int s = 0; s < it->n_segs; s++) {
        const dl_seg *g = &it->segs[s];
        switch (g->op) {
        case DL_MOVE_TO: cairo_move_to(cr, g->x[0], g->y[0]); break;
        case DL_LINE_TO: cairo_line_to(cr, g->x[0], g->y[0]); break;
        case DL_CURVE_TO:
            cairo_curve_to(cr, g->x[0], g->y[0], g->x[1], g->y[1], g->x[2], g->y[2]);
            break;
        case DL_CLOSE: cairo_close_path(cr); break;
        }
    }
}

void drawlist_replay_cairo(const drawlist *dl, cairo_t *cr)
{
    for (int i = 0; i < dl->n; i++) {
        const dl_item *it = &dl->items[i];
        set_rgb(cr, it->rgb);
        switch (it->kind) {
        case DL_FILL:
            build_path(cr, it);
            cairo_fill(cr);
            break;
        case DL_STROKE:
            build_path(cr, it);
            cairo_set_line_width(cr, it->line_width_pt > 0 ? it->line_width_pt : 0.5);
            cairo_stroke(cr);
            break;
        case DL_TEXT: {
            if (!it->text || !*it->text || !(it->size_pt > 0))
                break;
            set_font(cr, it->font, it->size_pt);
            cairo_text_extents_t ext;
            cairo_text_extents(cr, it->text, &ext);
            double x = it->x;
            if (it->align == DL_ALIGN_CENTER)
                x -= ext.x_advance / 2;
            else if (it->align == DL_ALIGN_RIGHT)
                x -= ext.x_advance;
            cairo_move_to(cr, x, it->y);
            cairo_show_text(cr, it->text);
            cairo_new_path(cr);
            break;
        }
        }
    }
}

bool drawlist_write_png(const drawlist *dl, double w_pt, double h_pt, double px_per_pt,
                        const char *path, diags *d)
{
    double w_px = ceil(w_pt * px_per_pt), h_px = ceil(h_pt * px_per_pt);
    if (!(w_px >= 1 && h_px >= 1 && w_px <= 16384 && h_px <= 16384)) {
        diag_add(d, D_INTERNAL, path, 0, 0,
                 "PNG size %.1f x %.1f pt at %.2f px/pt; expected 1 to 16384 pixels a side",
                 w_pt, h_pt, px_per_pt);
        return false;
    }
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w_px, (int)h_px);
    cairo_t *cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, px_per_pt, px_per_pt);
    drawlist_replay_cairo(dl, cr);
    cairo_destroy(cr);

    size_t n = strlen(path) + 5;
    char *tmp = xmalloc(n);
    snprintf(tmp, n, "%s.tmp", path);
    bool ok = true;
    cairo_status_t st = cairo_surface_write_to_png(surf, tmp);
    if (st != CAIRO_STATUS_SUCCESS) {
        diag_add(d, D_IO_WRITE, path, 0, 0, "cannot write PNG: %s; expected a writable path",
                 cairo_status_to_string(st));
        remove(tmp);
        ok = false;
    } else if (rename(tmp, path) != 0) {
        diag_add(d, D_IO_WRITE, path, 0, 0, "cannot rename %s into place: %s", tmp,
                 strerror(errno));
        remove(tmp);
        ok = false;
    }
    free(tmp);
    cairo_surface_destroy(surf);
    return ok;
}

double png_measure_text(void *ctx, const char *utf8, double size_pt, font_role font)
{
    (void)ctx;
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t *cr = cairo_create(surf);
    set_font(cr, font, size_pt);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, utf8, &ext);
    cairo_destroy(cr);
    cairo_surface_destroy(surf);
    return ext.x_advance;
}
