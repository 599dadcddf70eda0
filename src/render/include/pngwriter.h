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

/* A chart_measure_fn measuring with the same fonts the PNG uses (ctx unused). */
double png_measure_text(void *ctx, const char *utf8, double size_pt, font_role font);

#endif
