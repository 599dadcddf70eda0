/* svgwriter.h - a drawlist as SVG with its text kept as text.
 *
 * cairo 1.16's SVG surface turns every glyph into an outline (<symbol> +
 * <use>): the text of a chart could then be neither selected, searched nor
 * read by a screen reader, and an edited SVG could not change a label. The
 * drawlist already holds each line of text, positioned, with its font role,
 * size, colour and alignment, so it is written here as <text> elements
 * (text-anchor for the alignment, IPAex fonts named first) and the shapes as
 * <path> elements, in drawing order. */
#ifndef AIREPORT_SVGWRITER_H
#define AIREPORT_SVGWRITER_H

#include "drawlist.h"

#include <stddef.h>

/* The w_pt x h_pt area of dl with its top-left corner at (x_pt, y_pt) as a
 * standalone SVG document (UTF-8, *svg malloc'd), its size in mm so that it
 * is inserted at the drawing's size times scale (1: as drawn, 0.5: half
 * as wide); title and desc (NULL = none) become
 * its <title> and <desc>, what a screen reader announces. Text is escaped
 * by textbuf.h; structure and artifact items (drawlist.h) add nothing. */
void drawlist_svg(const drawlist *dl, double x_pt, double y_pt, double w_pt, double h_pt,
                  double scale, const char *title, const char *desc, unsigned char **svg, size_t *len);

#endif
