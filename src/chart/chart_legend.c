/* chart_legend.c - the legend: a colour swatch and a label per series, in
 * rows above or below the plot (centred; or a grid of legend_columns) or in
 * a column at its right; and the key to the value labels beside it. */
#include "chart_priv.h"

#include <string.h>

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
    double ls = e->lines.size > 0 ? e->lines.size : fs; /* shrunk to keep a word whole */
    for (int i = 0; i < e->lines.n; i++)
        dl_text(x->out, e->lines.line[i], ex + sw + gap,
                ey + (fs - ls) / 2 + i * ls * CHART_LINE + ls * CHART_ASCENT, ls, FONT_GOTHIC,
                x->text_rgb, DL_ALIGN_LEFT);
}

/* The key to the value labels, right-aligned with its first line's top at
 * y (its lines as drawn: key_lines). */
static void draw_key(chart_ctx *x, const chart_lines *k, double right, double y)
{
    for (int i = 0; i < k->n; i++)
        dl_text(x->out, k->line[i], right, y + i * x->fs * CHART_LINE + x->fs * CHART_ASCENT, x->fs,
                FONT_GOTHIC, x->text_rgb, DL_ALIGN_RIGHT);
}

/* The label key's lines ('\n' separates them; never wrapped otherwise). */
static chart_lines key_lines(chart_ctx *x)
{
    chart_lines k = {0};
    const char *key = x->c->label_key;
    if (!key || !*key)
        return k;
    k.line = ARENA_NEW(x->out->mem, const char *, 8);
    for (const char *p = key; p && k.n < 8;) {
        const char *nl = strchr(p, '\n');
        k.line[k.n] = nl ? arena_strndup(x->out->mem, p, (size_t)(nl - p)) : p;
        double w = chart_text_w(x, k.line[k.n++], x->fs, FONT_GOTHIC);
        if (w > k.w)
            k.w = w;
        p = nl ? nl + 1 : NULL;
    }
    return k;
}

static bool too_big(chart_ctx *x, double need_pt, double have_pt, const char *what);

/* The top or bottom legend as a grid of cols columns, entries row by row
 * (the published P3: 導入済 | 実証中 / 導入予定 | 導入検討中 / …), centred in
 * room, the key at the right of its first row. */
static bool chart_legend_grid(chart_ctx *x, chart_legend_pos pos, chart_box *area,
                              const legend_entry *e, int n, int cols, const chart_lines *key,
                              double key_h, double room)
{
    double fs = x->fs, col_gap = fs * 1.4, row_gap = fs * 0.5;
    int rows = (n + cols - 1) / cols;
    double *col_w = ARENA_NEW(x->out->mem, double, cols);
    double *row_h = ARENA_NEW(x->out->mem, double, rows);
    for (int s = 0; s < n; s++) {
        if (e[s].w > col_w[s % cols])
            col_w[s % cols] = e[s].w;
        if (e[s].h > row_h[s / cols])
            row_h[s / cols] = e[s].h;
    }
    double w = (cols - 1) * col_gap, total_h = (rows - 1) * row_gap;
    for (int k = 0; k < cols; k++)
        w += col_w[k];
    for (int r = 0; r < rows; r++)
        total_h += row_h[r];
    if (w > room)
        return too_big(x, w, room, "the legend grid");
    if (total_h < key_h)
        total_h = key_h;
    double space = fs * 1.2;
    if (total_h + space > area->h * 0.5)
        return too_big(x, total_h + space, area->h * 0.5, "the legend (at most half the box)");
    double top = pos == CHART_LEGEND_TOP ? area->y : area->y + area->h - total_h;
    if (key->n)
        draw_key(x, key, area->x + area->w, top);
    double ry = top;
    for (int r = 0; r < rows; r++) {
        double ex = area->x + (room - w) / 2;
        for (int k = 0; k < cols && r * cols + k < n; k++) {
            draw_entry(x, &e[r * cols + k], r * cols + k, ex, ry);
            ex += col_w[k] + col_gap;
        }
        ry += row_h[r] + row_gap;
    }
    if (pos == CHART_LEGEND_TOP)
        area->y += total_h + space;
    area->h -= total_h + space;
    return true;
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
    chart_lines key = key_lines(x);
    double key_h = key.n ? (key.n - 1) * x->fs * CHART_LINE + x->fs : 0;
    if (pos == CHART_LEGEND_NONE || pos == CHART_LEGEND_AUTO || !c->series) {
        if (key.n) { /* no legend: the key alone, at the top right */
            draw_key(x, &key, area->x + area->w, area->y);
            area->y += key_h + x->fs * 1.2;
            area->h -= key_h + x->fs * 1.2;
        }
        return true;
    }
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
            e[s].lines = chart_wrap_fit(x, c->series[s] ? c->series[s] : "", fs, FONT_GOTHIC,
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

    /* rows, top or bottom; the key (if any) takes the right end */
    double entry_gap = fs * 1.4, row_gap = fs * 0.5;
    double room = area->w - (key.n ? key.w + entry_gap * 2 : 0);
    for (int s = 0; s < n; s++) {
        e[s].lines =
            chart_wrap_fit(x, c->series[s] ? c->series[s] : "", fs, FONT_GOTHIC, room - sw - gap);
        if (e[s].lines.overflow)
            return too_big(x, e[s].lines.w + sw + gap, room, "a series label");
        e[s].w = sw + gap + e[s].lines.w;
        e[s].h = (e[s].lines.n - 1) * lh + fs;
    }
    int cols = c->legend_columns > 0 && c->legend_columns < n ? c->legend_columns : 0;
    if (cols) /* a grid: the entries of a column as wide as its widest */
        return chart_legend_grid(x, pos, area, e, n, cols, &key, key_h, room);
    /* flow entries into rows; row_first[r] = first entry of row r */
    int *row_first = ARENA_NEW(x->out->mem, int, n + 1);
    int n_rows = 0;
    double total_h = 0, row_w = 0, row_h = 0;
    for (int s = 0; s < n; s++) {
        if (s == 0 || row_w + entry_gap + e[s].w > room) {
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
    if (total_h < key_h)
        total_h = key_h;
    row_first[n_rows] = n;
    double space = fs * 1.2; /* between legend and plot */
    if (total_h + space > area->h * 0.5)
        return too_big(x, total_h + space, area->h * 0.5, "the legend (at most half the box)");

    double ry = pos == CHART_LEGEND_TOP ? area->y : area->y + area->h - total_h;
    if (key.n)
        draw_key(x, &key, area->x + area->w, ry);
    for (int r = 0; r < n_rows; r++) {
        double w = 0, h = 0;
        for (int s = row_first[r]; s < row_first[r + 1]; s++) {
            w += (s > row_first[r] ? entry_gap : 0) + e[s].w;
            if (e[s].h > h)
                h = e[s].h;
        }
        double ex = area->x + (room - w) / 2;
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
