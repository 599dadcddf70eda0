/* chart_bars.c - horizontal bars, one series (P12, P15, P16, P18, P19) or
 * grouped by year (P5, P8, P9, P17).
 *
 * Categories are drawn top to bottom in the order given (the caller ranks
 * them). Within a category the series' bars touch, first series on top. The
 * value axis starts at 0 and ends on a nice step chosen so that every value
 * label fits at the end of its bar; a percentage axis ends at 100 % at the
 * most. */
#include "chart_priv.h"

#include <math.h>
#include <string.h>

/* between a grouped bar's value label (its em box) and the bars beside */
#define LABEL_AIR 0.6

static bool fail(chart_ctx *x, diag_code code, const char *what, double need, double have)
{
    return chart_fail_room(x, code, "bar chart", what, need, have,
                           "fewer categories or a smaller font");
}

/* A tick: a count ("1,250") or, on a percentage axis, "20%". */
static void tick_text(const chart_spec *c, char *buf, double value)
{
    chart_format_tick(buf, value);
    if (c->pct_axis)
        strcat(buf, "%");
}

bool chart_draw_bars(chart_ctx *x, chart_box a)
{
    const chart_spec *c = x->c;
    int ns = c->n_series, nc = c->n_cats;
    double fs = x->fs, val_fs = fs * 0.9, tick_fs = fs * 0.85;
    bool grid = !c->no_grid;

    /* category label column, wrapped within at most 38 % of the box */
    double natural = 0;
    for (int k = 0; k < nc; k++) {
        double w = chart_text_w(x, c->cats[k] ? c->cats[k] : "", fs, FONT_GOTHIC);
        if (w > natural)
            natural = w;
    }
    double col_w = natural < a.w * 0.38 ? natural : a.w * 0.38;
    chart_lines *cat_lines = ARENA_NEW(x->out->mem, chart_lines, nc);
    double label_need = 0;
    for (int k = 0; k < nc; k++) {
        cat_lines[k] = chart_wrap_fit(x, c->cats[k] ? c->cats[k] : "", fs, FONT_GOTHIC, col_w);
        if (cat_lines[k].overflow)
            return fail(x, D_TEXT_OVERFLOW, "a category label", cat_lines[k].w, col_w);
        double need = (cat_lines[k].n - 1) * fs * CHART_LINE + fs;
        if (need > label_need)
            label_need = need;
    }

    /* vertical: the categories share the whole box (a chart squeezed into
     * the top of its box leaves an empty band above the notes); the bars of
     * a category touch and are centred in its pitch. A bar is never thicker
     * than bh_max, so with few categories the gaps grow instead. */
    double band = grid ? fs * 0.5 + tick_fs : 0;
    double avail = a.h - band - fs * 0.6;
    double pitch = avail / nc;
    double fill = ns == 1 ? 0.62 : 0.8;
    double bh = pitch * fill / ns;
    double bh_max = ns == 1 ? fs * 3.0 : fs * 1.9;
    if (bh > bh_max)
        bh = bh_max;
    if (label_need > pitch)
        return fail(x, D_TEXT_OVERFLOW, "a wrapped category label", label_need, pitch);
    /* value labels of neighbouring bars must not touch; in a group each
     * label keeps within its own bar's band, its em box and some air, since
     * the bar beside it may run on under it (P9's 「35」 sat on the bar above) */
    if (ns == 1 && pitch < val_fs * 0.95)
        val_fs = pitch / 0.95;
    if (ns > 1 && bh - LABEL_AIR < val_fs)
        val_fs = bh - LABEL_AIR;
    if (val_fs < 5.5)
        return fail(x, D_TEMPLATE, "the bars", (ns == 1 ? 5.5 * 0.95 : (5.5 + LABEL_AIR) * ns / fill) * nc + band,
                    a.h);

    /* horizontal: the axis maximum that leaves room for every value label */
    double max = c->scale_max; /* a scale shared with the page's other charts */
    for (int i = 0; i < ns * nc; i++)
        if (c->values[i] > max)
            max = c->values[i];
    double step = chart_nice_step(max, 5);
    double axis_max = ceil(max / step) * step;
    if (axis_max <= 0)
        axis_max = step;
    double plot_x = a.x + col_w + fs * 0.8;
    double plot_w = 0, right_margin = 0;
    const char **labels = ARENA_NEW(x->out->mem, const char *, ns * nc);
    double *label_w = ARENA_NEW(x->out->mem, double, ns * nc);
    for (int k = 0; k < nc; k++)
        for (int s = 0; s < ns; s++) {
            int i = k * ns + s;
            bool none = c->absent && c->absent[i];
            labels[i] = none ? "" : chart_label_one_line(x, chart_value_label(x, k, s, c->total));
            label_w[i] = none ? 0 : chart_text_w(x, labels[i], val_fs, FONT_GOTHIC);
        }
    /* percentages of a base: the axis stops at 100 %, whatever the labels */
    bool pct_cap = c->pct_axis && max <= 100;
    bool *inside = ARENA_NEW(x->out->mem, bool, ns * nc);
    bool fits = false;
    for (int tries = 0; tries < 40 && !fits; tries++) {
        if (pct_cap && axis_max > 100)
            axis_max = 100;
        bool at_cap = pct_cap && axis_max >= 100;
        char t[NUMFMT_MAX];
        tick_text(c, t, axis_max);
        double tick_w = chart_text_w(x, t, tick_fs, FONT_GOTHIC);
        right_margin = grid ? tick_w / 2 : 0;
        plot_w = a.x + a.w - right_margin - plot_x;
        if (plot_w < 30)
            return fail(x, D_TEMPLATE, "the bars", 30 + (plot_x - a.x) + right_margin, a.w);
        /* tick labels must not run into each other */
        if (grid && (tick_w + fs) > plot_w * step / axis_max) {
            step *= 2;
            axis_max = ceil(axis_max / step) * step;
            continue;
        }
        fits = true;
        for (int i = 0; i < ns * nc && fits; i++) {
            double len = plot_w * c->values[i] / axis_max;
            inside[i] = false;
            if (plot_x + len + fs * 0.3 + label_w[i] <= a.x + a.w)
                continue;
            if (at_cap && len >= label_w[i] + fs * 0.6)
                inside[i] = true; /* a long bar at the 100 % end carries its label */
            else
                fits = false;
        }
        if (!fits && at_cap)
            break;
        if (!fits)
            axis_max += step;
    }
    if (!fits)
        return fail(x, D_TEXT_OVERFLOW, "the value labels", plot_w, a.w - (plot_x - a.x));

    double content_h = nc * pitch + fs * 0.6 + band;
    double top = chart_plot_top(x, a, content_h) + fs * 0.3;
    double grid_top = top - fs * 0.3, grid_bottom = top + nc * pitch + fs * 0.3;
    x->geom->plot_x_pt = plot_x;
    x->geom->plot_y_pt = grid_top;
    x->geom->plot_w_pt = plot_w;
    x->geom->plot_h_pt = grid_bottom - grid_top;
    x->geom->axis_max = axis_max;

    /* reading order: the gridlines, each category with its values, then the
     * tick labels */
    int n_ticks = (int)llround(axis_max / step);
    if (grid) {
        for (int t = 0; t <= n_ticks; t++) {
            double v = t * step, gx = plot_x + plot_w * v / axis_max;
            chart_emit_line(x, gx, grid_top, gx, grid_bottom, t ? CHART_GRID_RGB : CHART_AXIS_RGB,
                            0.5);
        }
    } else {
        chart_emit_line(x, plot_x, grid_top, plot_x, grid_bottom, CHART_AXIS_RGB, 0.5);
    }

    for (int k = 0; k < nc; k++) {
        double row = top + k * pitch, mid = row + pitch / 2;
        int row_from = x->out->n;
        const char *row_text = c->cats[k] ? c->cats[k] : "";
        chart_printed(x, CHART_TEXT_CATEGORY, k, -1, c->cats[k] ? c->cats[k] : "");
        chart_lines_draw(x, &cat_lines[k], plot_x - fs * 0.6, mid, fs, FONT_GOTHIC, x->text_rgb,
                         DL_ALIGN_RIGHT);
        double by = mid - bh * ns / 2;
        for (int s = 0; s < ns; s++, by += bh) {
            int i = k * ns + s;
            if (c->absent && c->absent[i])
                continue; /* not offered that year: an empty place, no 0 */
            double len = plot_w * c->values[i] / axis_max;
            if (len > 0)
                chart_emit_rect(x, plot_x, by, len, bh, chart_series_rgb(x, s));
            chart_printed(x, CHART_TEXT_VALUE, k, s, labels[i]);
            row_text = arena_printf(x->out->mem, "%s %s", row_text, labels[i]);
            double base_y = by + bh / 2 + val_fs * (CHART_ASCENT - 0.5);
            if (inside[i])
                dl_text(x->out, labels[i], plot_x + len - fs * 0.3, base_y, val_fs, FONT_GOTHIC,
                        chart_text_on(x, chart_series_rgb(x, s)), DL_ALIGN_RIGHT);
            else
                dl_text(x->out, labels[i], plot_x + len + fs * 0.3, base_y, val_fs, FONT_GOTHIC,
                        x->text_rgb, DL_ALIGN_LEFT);
        }
        chart_row_text(x, row_from, row_text); /* the category reads as one row */
    }
    int ticks_from = x->out->n;
    const char *axis = NULL;
    for (int t = 0; grid && t <= n_ticks; t++) {
        double v = t * step;
        char buf[NUMFMT_MAX];
        tick_text(c, buf, v);
        chart_printed(x, CHART_TEXT_TICK, -1, -1, buf);
        dl_text(x->out, buf, plot_x + plot_w * v / axis_max,
                grid_bottom + fs * 0.5 + tick_fs * CHART_ASCENT, tick_fs, FONT_GOTHIC,
                CHART_TICK_RGB, DL_ALIGN_CENTER);
        axis = axis ? arena_printf(x->out->mem, "%s %s", axis, buf) : arena_strdup(x->out->mem, buf);
    }
    if (axis) /* the axis reads as one run */
        chart_row_text(x, ticks_from, axis);
    return true;
}
