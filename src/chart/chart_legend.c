/* chart_legend.c - the legend: a colour swatch and a label per series, in
 * rows above or below the plot (centred) or in a column at its right. */
#include "chart_priv.h"

typedef struct {
    chart_lines lines;
    double w, h; /* entry size, pt */
} legend_entry;

static void draw_swatch(chart_ctx *x, double sx, double sy, double side, uint32_t rgb)
{
    chart_emit_rect(x, sx, sy, side, side, rgb);
    double r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
    if ((0.299 * r + 0.587 * g + 0.114 * b) / 255.0 > 0.85) {
        /* a pale swatch would vanish on white paper: outline it */
        cairo_new_path(x->cr);
        cairo_rectangle(x->cr, sx + 0.25, sy + 0.25, side - 0.5, side - 0.5);
        chart_emit_stroke(x, 0xA6A6A6, 0.5);
    }
}

static void draw_entry(chart_ctx *x, const legend_entry *e, int s, double ex, double ey)
{
    double fs = x->fs, sw = fs * 0.9, gap = fs * 0.4;
    uint32_t rgb = chart_series_rgb(x, s);
    chart_printed(x, CHART_TEXT_SERIES, -1, s, x->c->series[s] ? x->c->series[s] : "");
    draw_swatch(x, ex, ey + (fs - sw) / 2, sw, rgb);
    for (int i = 0; i < e->lines.n; i++)
        dl_text(x->out, e->lines.line[i], ex + sw + gap, ey + i * fs * CHART_LINE + fs * CHART_ASCENT,
                fs, FONT_GOTHIC, x->text_rgb, DL_ALIGN_LEFT);
}

static bool too_big(chart_ctx *x, double need_pt, double have_pt, const char *what)
{
    diag_add(x->d, D_TEXT_OVERFLOW, x->context, 0, 0,
             "chart legend: %s needs %.1f pt but the chart box leaves %.1f pt; expected a "
             "larger box, fewer or shorter series labels or a smaller font",
             what, need_pt, have_pt);
    return false;
}

bool chart_legend(chart_ctx *x, chart_legend_pos pos, chart_box *area)
{
    const chart_spec *c = x->c;
    if (pos == CHART_LEGEND_NONE || pos == CHART_LEGEND_AUTO || !c->series)
        return true;
    double fs = x->fs, sw = fs * 0.9, gap = fs * 0.4, lh = fs * CHART_LINE;
    int n = c->n_series;
    legend_entry *e = ARENA_NEW(x->out->mem, legend_entry, n);

    if (pos == CHART_LEGEND_RIGHT) {
        double natural = 0;
        for (int s = 0; s < n; s++) {
            double w = sw + gap + chart_text_w(x, c->series[s] ? c->series[s] : "", fs, FONT_GOTHIC);
            if (w > natural)
                natural = w;
        }
        double col_w = natural < area->w * 0.32 ? natural : area->w * 0.32;
        double total_h = 0;
        for (int s = 0; s < n; s++) {
            e[s].lines = chart_wrap(x, c->series[s] ? c->series[s] : "", fs, FONT_GOTHIC,
                                    col_w - sw - gap);
            if (e[s].lines.overflow)
                return too_big(x, e[s].lines.w + sw + gap, col_w, "a series label");
            e[s].h = (e[s].lines.n - 1) * lh + fs;
            total_h += e[s].h + (s ? fs * 0.6 : 0);
        }
        if (total_h > area->h)
            return too_big(x, total_h, area->h, "the legend column");
        double ex = area->x + area->w - col_w, ey = area->y + (area->h - total_h) / 2;
        for (int s = 0; s < n; s++) {
            draw_entry(x, &e[s], s, ex, ey);
            ey += e[s].h + fs * 0.6;
        }
        area->w -= col_w + fs * 1.5;
        return true;
    }

    /* rows, top or bottom */
    double entry_gap = fs * 1.4, row_gap = fs * 0.5;
    for (int s = 0; s < n; s++) {
        e[s].lines = chart_wrap(x, c->series[s] ? c->series[s] : "", fs, FONT_GOTHIC,
                                area->w - sw - gap);
        if (e[s].lines.overflow)
            return too_big(x, e[s].lines.w + sw + gap, area->w, "a series label");
        e[s].w = sw + gap + e[s].lines.w;
        e[s].h = (e[s].lines.n - 1) * lh + fs;
    }
    /* flow entries into rows; row_first[r] = first entry of row r */
    int *row_first = ARENA_NEW(x->out->mem, int, n + 1);
    int n_rows = 0;
    double total_h = 0, row_w = 0, row_h = 0;
    for (int s = 0; s < n; s++) {
        if (s == 0 || row_w + entry_gap + e[s].w > area->w) {
            if (s)
                total_h += row_h + row_gap;
            row_first[n_rows++] = s;
            row_w = e[s].w;
            row_h = e[s].h;
        } else {
            row_w += entry_gap + e[s].w;
            if (e[s].h > row_h)
                row_h = e[s].h;
        }
    }
    total_h += row_h;
    row_first[n_rows] = n;
    double space = fs * 1.2; /* between legend and plot */
    if (total_h + space > area->h * 0.5)
        return too_big(x, total_h + space, area->h * 0.5, "the legend (at most half the box)");

    double ry = pos == CHART_LEGEND_TOP ? area->y : area->y + area->h - total_h;
    for (int r = 0; r < n_rows; r++) {
        double w = 0, h = 0;
        for (int s = row_first[r]; s < row_first[r + 1]; s++) {
            w += (s > row_first[r] ? entry_gap : 0) + e[s].w;
            if (e[s].h > h)
                h = e[s].h;
        }
        double ex = area->x + (area->w - w) / 2;
        for (int s = row_first[r]; s < row_first[r + 1]; s++) {
            draw_entry(x, &e[s], s, ex, ry);
            ex += e[s].w + entry_gap;
        }
        ry += h + row_gap;
    }
    if (pos == CHART_LEGEND_TOP)
        area->y += total_h + space;
    area->h -= total_h + space;
    return true;
}
