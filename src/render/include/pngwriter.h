/* pngwriter.h - replays a drawlist onto a cairo image surface and writes a
 * PNG: the chart images of the web page and whole-page previews.
 *
 * Text is set with cairo's toy font API through fontconfig ("IPAexGothic",
 * "IPAexMincho"); the PDF uses the embedded subset fonts instead, so a PNG is
 * a faithful preview, not the reference rendering.
 */
#ifndef AIREPORT_PNGWRITER_H
#define AIREPORT_PNGWRITER_H

#include "diag.h"
#include "drawlist.h"

#include <cairo.h>
#include <stdbool.h>

/* Draws every item of dl onto cr in drawlist units (pt); the caller sets the
 * scale. */
void drawlist_replay_cairo(const drawlist *dl, cairo_t *cr);
/* The same for the items that reach into y0..y1 (drawlist units): a band
 * of a picture drawn a band at a time. false when no item did. */
bool drawlist_replay_cairo_band(const drawlist *dl, cairo_t *cr, double y0, double y1);
/* Whether any item reaches into y0..y1. */
bool drawlist_reaches_band(const drawlist *dl, double y0, double y1);

/* Writes a w_pt x h_pt page at px_per_pt (e.g. 2.0 = 144 dpi) on white to
 * path (through path + ".tmp", renamed into place). D_IO_WRITE on failure,
 * D_INTERNAL for an impossible size. */
bool drawlist_write_png(const drawlist *dl, double w_pt, double h_pt, double px_per_pt,
                        const char *path, diags *d);

/* PNG bytes (malloc'd) of a CAIRO_FORMAT_RGB24 image surface, written with
 * settings that suit flat-colour charts (Sub filter, zlib level 3). false
 * when the surface is not an RGB24 image or libpng fails. */
bool png_encode_rgb24(cairo_surface_t *surf, unsigned char **out, size_t *len);

/* PNG bytes (malloc'd) of a flat-colour CAIRO_FORMAT_RGB24 surface (charts
 * at print resolution) with its resolution in pHYs, encoded for speed
 * (pngfast.c says how). false when the surface is not an RGB24 image. */
bool png_encode_flat(cairo_surface_t *surf, double dpi, unsigned char **out, size_t *len);

/* The same, a band of rows at a time (the chart files are drawn in bands
 * that stay in the processor's cache). begin: a w x h image at dpi, as a
 * palette image or (rgb) RGB (NULL when w > 4,194,304); rows: the next n
 * rows of RGB24 pixels, false when a palette image meets its 257th colour
 * (start again with rgb);
 * end: the PNG (*out malloc'd), false unless all h rows were given. end
 * and free release p. */
typedef struct png_flat png_flat;
png_flat *png_flat_begin(int w, int h, double dpi, bool rgb);
bool png_flat_rows(png_flat *p, const unsigned char *pixels, int stride, int n);
bool png_flat_end(png_flat *p, unsigned char **out, size_t *len);
void png_flat_free(png_flat *p);

/* A chart_measure_fn measuring with the same fonts the PNG uses (ctx unused). */
double png_measure_text(void *ctx, const char *utf8, double size_pt, font_role font);

#endif
