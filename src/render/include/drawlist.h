/* drawlist.h - a page's display list: the layout plan's output and the only
 * thing the PDF and PNG emitters read.
 *
 * Layout and charts append items; emitters replay them in order. All
 * coordinates are PDF points (1/72 in) with the origin at the TOP-LEFT of the
 * page and y growing downwards (as cairo); the PDF emitter flips y. Text is
 * already positioned and line-broken: one item per line of text. Memory
 * belongs to the arena given at creation.
 */
#ifndef AIREPORT_DRAWLIST_H
#define AIREPORT_DRAWLIST_H

#include "arena.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum { DL_FILL, DL_STROKE, DL_TEXT } dl_kind;

/* Path operations, as cairo_path_data_type_t. */
typedef enum { DL_MOVE_TO, DL_LINE_TO, DL_CURVE_TO, DL_CLOSE } dl_op;

typedef struct {
    dl_op op;
    double x[3], y[3]; /* MOVE/LINE: [0]; CURVE: control 1, control 2, end */
} dl_seg;

typedef enum { DL_ALIGN_LEFT, DL_ALIGN_CENTER, DL_ALIGN_RIGHT } dl_align;

/* Font roles; fonts/fonts.ini says which file serves which role. */
typedef enum { FONT_GOTHIC, FONT_GOTHIC_BOLD, FONT_MINCHO, FONT__COUNT } font_role;

typedef struct {
    dl_kind kind;
    uint32_t rgb;        /* 0xRRGGBB */
    /* DL_FILL / DL_STROKE */
    int n_segs;
    dl_seg *segs;
    double line_width_pt; /* DL_STROKE */
    /* DL_TEXT: baseline at (x, y); x is the left, centre or right edge by align */
    const char *text;    /* UTF-8 */
    double x, y, size_pt;
    font_role font;
    dl_align align;
} dl_item;

typedef struct {
    arena *mem;
    int n, cap;
    dl_item *items;
} drawlist;

void drawlist_init(drawlist *dl, arena *mem);
dl_item *drawlist_add(drawlist *dl, dl_kind kind); /* zeroed item */

/* Convenience: axis-aligned rectangle filled or stroked. */
void dl_rect(drawlist *dl, double x, double y, double w, double h, uint32_t rgb, bool fill,
             double line_width_pt);
void dl_line(drawlist *dl, double x0, double y0, double x1, double y1, uint32_t rgb,
             double line_width_pt);
void dl_text(drawlist *dl, const char *utf8, double x, double y, double size_pt, font_role font,
             uint32_t rgb, dl_align align);

/* Text dump, one item per line (for --dump-layout and golden tests). */
void drawlist_dump(const drawlist *dl, void *FILE_out);

#endif
