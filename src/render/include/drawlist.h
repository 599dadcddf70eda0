/* drawlist.h - a page's display list: the layout plan's output and the only
 * thing the PDF and PNG emitters read.
 *
 * Layout and charts append items; emitters replay them in order. All
 * coordinates are PDF points (1/72 in) with the origin at the TOP-LEFT of the
 * page and y growing downwards (as cairo); the PDF emitter flips y. Text is
 * already positioned and line-broken: one item per line of text. Memory
 * belongs to the arena given at creation.
 *
 * Structure (tagged PDF) is plain data in the same list: DL_BEGIN/DL_END
 * open and close a structure element (paragraph, heading, list, figure,
 * table ...), DL_ARTIFACT/DL_ARTIFACT_END an artifact span (decoration,
 * page header or footer). The painting items between them are that
 * element's content, in reading order: content order is structure order.
 * The PDF writer turns them into marked content and the structure tree;
 * the PNG writer ignores them. Rules the producers follow
 * (drawlist_check_tags): every painting item inside an element or an
 * artifact span; spans balanced; no element inside an artifact span; a
 * Figure holds painting items only, with alt text and a box; a TH has a
 * scope; table and list parts nest as PDF requires (TR in Table, THead or
 * TBody; TH/TD in TR; LI in L; Lbl/LBody in LI).
 */
#ifndef AIREPORT_DRAWLIST_H
#define AIREPORT_DRAWLIST_H

#include "arena.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    DL_FILL,
    DL_STROKE,
    DL_TEXT,
    DL_BEGIN,       /* opens a structure element: it->tag */
    DL_END,         /* closes the innermost open element */
    DL_ARTIFACT,    /* opens an artifact span: it->tag->artifact */
    DL_ARTIFACT_END /* closes it */
} dl_kind;

/* Structure element types: the standard PDF roles (ISO 32000-1 14.8.4). */
typedef enum {
    DL_ROLE_P,
    DL_ROLE_H1,
    DL_ROLE_H2,
    DL_ROLE_L,
    DL_ROLE_LI,
    DL_ROLE_LBL,
    DL_ROLE_LBODY,
    DL_ROLE_FIGURE,
    DL_ROLE_TABLE,
    DL_ROLE_THEAD,
    DL_ROLE_TBODY,
    DL_ROLE_TR,
    DL_ROLE_TH,
    DL_ROLE_TD,
    DL_ROLE__COUNT
} dl_role;

/* Which cells a TH heads (PDF /Scope). */
typedef enum { DL_SCOPE_NONE, DL_SCOPE_ROW, DL_SCOPE_COLUMN, DL_SCOPE_BOTH } dl_scope;

/* What an artifact span is: decoration (rules, fills), or the running
 * header or footer of the page (PDF /Pagination artifacts). */
typedef enum { DL_ART_LAYOUT, DL_ART_HEADER, DL_ART_FOOTER } dl_artifact_kind;

typedef struct {
    dl_role role;
    const char *alt;           /* FIGURE: required, UTF-8: the figure as text */
    double box[4];             /* FIGURE: x, y, w, h in drawlist coordinates (top-left) */
    dl_scope scope;            /* TH: required */
    int row_span;              /* TH/TD: > 1 when the cell spans rows */
    dl_artifact_kind artifact; /* DL_ARTIFACT */
} dl_tag;

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
    /* DL_BEGIN / DL_ARTIFACT (NULL for every other kind) */
    const dl_tag *tag;
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

/* Structure: opens an element of the role (no alt, box or scope), or one
 * described by *tag (copied, alt text included, into the drawlist's arena);
 * closes the innermost open element; opens and closes an artifact span. */
void dl_begin(drawlist *dl, dl_role role);
void dl_begin_tag(drawlist *dl, const dl_tag *tag);
void dl_end(drawlist *dl);
void dl_artifact_begin(drawlist *dl, dl_artifact_kind kind);
void dl_artifact_end(drawlist *dl);

/* True for the items that put ink on the page (fill, stroke, text). */
bool dl_item_paints(const dl_item *it);

/* The PDF name of a role ("P", "H1", "Figure", "TH" ...). */
const char *dl_role_name(dl_role role);

/* Checks the structure items against the rules above; false with a message
 * naming the item index in err: unbalanced elements or artifact spans, an
 * element or artifact inside an artifact span or a Figure, a Figure without
 * alt text or box, a TH without scope, a table or list part in the wrong
 * parent, a painting item directly in a table or list container. With
 * allow_untagged, painting items outside every element and span are
 * accepted (the PDF writer tags them itself, see pdfwriter.h); without it
 * they are an error too. */
bool drawlist_check_tags(const drawlist *dl, bool allow_untagged, char *err, size_t err_size);

/* Text dump, one item per line (for --dump-layout and golden tests). */
void drawlist_dump(const drawlist *dl, void *FILE_out);

#endif
