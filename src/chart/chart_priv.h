/* chart_priv.h - what the chart files share: the drawing context, cairo path
 * emission, text measuring and wrapping (chart.c), the legend
 * (chart_legend.c) and one routine per chart kind, which chart_draw.c calls.
 * Not for callers. */
#ifndef AIREPORT_CHART_PRIV_H
#define AIREPORT_CHART_PRIV_H

#include "chart.h"
#include "numfmt.h"

#include <cairo.h>

/* Text metrics of the Japanese gothic faces, as fractions of the size. */
#define CHART_ASCENT 0.88
#define CHART_DESCENT 0.12
#define CHART_LINE 1.25 /* line pitch of wrapped labels */
#define CHART_PI 3.14159265358979323846

#define CHART_GRID_RGB 0xD9D9D9u
#define CHART_AXIS_RGB 0x8C8C8Cu
#define CHART_TICK_RGB 0x666666u
#define CHART_LEADER_RGB 0x7F7F7Fu

typedef struct {
    double x, y, w, h;
} chart_box;

typedef struct {
    const chart_spec *c;
    drawlist *out;
    chart_measure_fn measure;
    void *mctx;
    diags *d;
    const char *context;
    cairo_t *cr;     /* on a recording surface: only its path is used */
    double fs;       /* base font size, pt */
    uint32_t text_rgb;
    chart_geom *geom;
    chart_legend_pos legend; /* resolved: never AUTO */
} chart_ctx;

/* Where a plot shorter than its area goes: against the legend, so that
 * legend and plot read as one block (top of the area unless the legend is
 * at the bottom). */
double chart_plot_top(const chart_ctx *x, chart_box a, double content_h);

/* A label broken into lines (arena strings). overflow: a line is wider than
 * the width it was wrapped to (a single unbreakable run). */
typedef struct {
    int n;
    const char **line;
    double w; /* widest line, pt */
    bool overflow;
    double size; /* the size it was wrapped at (chart_wrap_fit may shrink it) */
    int forced;  /* a word broken for want of room (linebreak.h) */
} chart_lines;

double chart_text_w(chart_ctx *x, const char *s, double size_pt, font_role font);
chart_lines chart_wrap(chart_ctx *x, const char *s, double size_pt, font_role font,
                       double max_w);
/* chart_wrap, set smaller (down to the spec's min_font_size_pt) where a word
 * would otherwise be broken or run over max_w. */
chart_lines chart_wrap_fit(chart_ctx *x, const char *s, double size_pt, font_role font,
                           double max_w);
/* Draws lines centred vertically on mid_y (at l->size when set, else
 * size_pt); x and align as dl_text. */
void chart_lines_draw(chart_ctx *x, const chart_lines *l, double tx, double mid_y,
                      double size_pt, font_role font, uint32_t rgb, dl_align align);

/* Copies cairo's current path into the drawlist and clears it. */
void chart_emit_fill(chart_ctx *x, uint32_t rgb);
void chart_emit_stroke(chart_ctx *x, uint32_t rgb, double line_width_pt);
void chart_emit_rect(chart_ctx *x, double rx, double ry, double rw, double rh, uint32_t rgb);
void chart_emit_line(chart_ctx *x, double x0, double y0, double x1, double y1, uint32_t rgb,
                     double line_width_pt);

uint32_t chart_series_rgb(const chart_ctx *x, int s);
/* White or dark text, whichever reads on bg. */
uint32_t chart_text_on(const chart_ctx *x, uint32_t bg);
/* The label of one value: value_labels[i] or formatted from the value; may
 * hold one '\n'. total: base of the percentage (<= 0: count only). */
const char *chart_value_label(chart_ctx *x, int cat, int series, double total);
/* The texts of items [from, out->n) read as one row when text is
 * extracted: the first non-empty one stands for text (its /ActualText),
 * the others for nothing (drawlist.h). */
void chart_row_text(chart_ctx *x, int from, const char *text);
/* Tells the caller (spec.printed) what a printed text shows. */
void chart_printed(chart_ctx *x, chart_text_role role, int cat, int series, const char *text);
/* An axis value as a count with separators (numfmt): 1250 -> "1,250"; buf
 * NUMFMT_MAX bytes. */
void chart_format_tick(char *buf, double value);
/* "785\n45.6%" -> "785（45.6%）" */
const char *chart_label_one_line(chart_ctx *x, const char *label);

/* Lays out and draws the legend inside *area, shrinking *area to what is
 * left for the plot. Returns false (after reporting) when it cannot fit. */
bool chart_legend(chart_ctx *x, chart_legend_pos pos, chart_box *area);

/* Reports that `what` needs need_pt but the box leaves have_pt, naming the
 * chart kind and what would help; returns false. */
bool chart_fail_room(chart_ctx *x, diag_code code, const char *kind, const char *what,
                     double need_pt, double have_pt, const char *advice);

/* One routine per chart kind: draws the plot into area (what the legend
 * left); false after reporting. */
bool chart_draw_stacked(chart_ctx *x, chart_box area);
bool chart_draw_bars(chart_ctx *x, chart_box area);
bool chart_draw_donut(chart_ctx *x, chart_box area);

#endif
