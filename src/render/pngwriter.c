/* pngwriter.c - drawlist -> cairo image surface -> PNG. */
#include "pngwriter.h"
#include "png_surface.h"

#include <png.h>

#include <errno.h>
#include <math.h>
#include <stdint.h>
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

/* Whether the item may reach into [y0, y1] (drawlist units). */
static bool item_in_band(const dl_item *it, double y0, double y1)
{
    if (!dl_item_paints(it))
        return false; /* structure and artifact spans add no ink */
    if (it->kind == DL_TEXT) /* the em box with room for descenders */
        return it->y + it->size_pt * 0.4 >= y0 && it->y - it->size_pt * 1.1 <= y1;
    double lo = 1e300, hi = -1e300, pad = it->line_width_pt + 1;
    for (int s = 0; s < it->n_segs; s++) {
        const dl_seg *g = &it->segs[s];
        int n = g->op == DL_CURVE_TO ? 3 : g->op == DL_CLOSE ? 0 : 1;
        for (int k = 0; k < n; k++) {
            lo = g->y[k] < lo ? g->y[k] : lo;
            hi = g->y[k] > hi ? g->y[k] : hi;
        }
    }
    return hi + pad >= y0 && lo - pad <= y1;
}

void drawlist_replay_cairo(const drawlist *dl, cairo_t *cr)
{
    drawlist_replay_cairo_band(dl, cr, -1e300, 1e300);
}

bool drawlist_reaches_band(const drawlist *dl, double y0, double y1)
{
    for (int i = 0; i < dl->n; i++)
        if (item_in_band(&dl->items[i], y0, y1))
            return true;
    return false;
}

bool drawlist_replay_cairo_band(const drawlist *dl, cairo_t *cr, double y0, double y1)
{
    bool drew = false;
    for (int i = 0; i < dl->n; i++) {
        const dl_item *it = &dl->items[i];
        if (!item_in_band(it, y0, y1)) /* nor structure items: no ink */
            continue;
        drew = true;
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
        default: break;
        }
    }
    return drew;
}

typedef struct {
    unsigned char *p;
    size_t n, cap;
} png_out;

static void on_png_write(png_structp png, png_bytep data, size_t len)
{
    png_out *o = png_get_io_ptr(png);
    if (o->n + len > o->cap) {
        o->cap = (o->n + len) * 2;
        o->p = xrealloc(o->p, o->cap);
    }
    memcpy(o->p + o->n, data, len);
    o->n += len;
}

static void on_png_flush(png_structp png) { (void)png; }

bool png_encode_rgb24(cairo_surface_t *surf, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    png_pixels px;
    if (!png_surface_pixels(surf, &px))
        return false;
    int w = px.w, h = px.h, stride = px.stride;
    const unsigned char *pixels = px.data;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png)
        return false;
    png_infop info = png_create_info_struct(png);
    /* The output lives on the heap: after a longjmp, locals changed since
     * setjmp would be indeterminate, and none of these is. */
    png_out *o = xcalloc(1, sizeof *o);
    unsigned char *row = xmalloc((size_t)w * 3);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        free(o->p);
        free(o);
        return false;
    }
    png_set_write_fn(png, o, on_png_write, on_png_flush);
    /* cairo's own writer lets libpng try all five row filters on every row
     * and compress at zlib's default level: for three chart images that was
     * a tenth of the whole build. Charts are flat colours on white, where
     * the Sub filter and level 3 cost a fraction and give about the same
     * size (see the README's performance section). */
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(png, 3);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    for (int y = 0; y < h; y++) {
        /* RGB24 keeps each pixel as a native-endian uint32 0x00RRGGBB. */
        const uint32_t *src = (const uint32_t *)(const void *)(pixels + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            row[3 * x] = (unsigned char)(src[x] >> 16);
            row[3 * x + 1] = (unsigned char)(src[x] >> 8);
            row[3 * x + 2] = (unsigned char)src[x];
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
    *out = o->p;
    *len = o->n;
    free(o);
    return true;
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
