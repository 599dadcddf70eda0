/* chart.c - what every chart kind shares: palettes, label text and
 * wrapping, cairo path -> drawlist, value labels, ticks, the "box too small"
 * report. The entry point is chart_draw.c; each kind draws in its own file. */
#include "chart_priv.h"

#include "linebreak.h"
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Muted ministry palette: navy to grey for the six statuses (導入済 first). */
const uint32_t chart_palette_status[6] = {0x1F3864, 0x2E75B6, 0x9DC3E6,
                                          0xDDE5EF, 0xBFB5A8, 0xE3E3E3};
/* One blue, light to dark: oldest year lightest, latest darkest. */
const uint32_t chart_palette_years3[3] = {0xBDD7EE, 0x5B9BD5, 0x1F3864};

/* ---- text ---- */

double chart_text_w(chart_ctx *x, const char *s, double size_pt, font_role font)
{
    return x->measure(x->mctx, s, size_pt, font);
}

/* lb_measure_fn over the chart's own measuring (NUL-terminated text). */
typedef struct {
    chart_ctx *x;
} measure_adapter;

static double measure_chars(void *ctx, const char *utf8, size_t len, double size_pt, font_role role)
{
    const measure_adapter *m = ctx;
    char one[8];
    if (len >= sizeof one)
        len = sizeof one - 1;
    memcpy(one, utf8, len);
    one[len] = '\0';
    return chart_text_w(m->x, one, size_pt, role);
}

chart_lines chart_wrap(chart_ctx *x, const char *s, double size_pt, font_role font,
                       double max_w)
{
    measure_adapter m = {x};
    lb_lines l = linebreak_measured(measure_chars, &m, font, size_pt, s, max_w, x->out->mem);
    chart_lines r = {.size = size_pt, .forced = l.forced};
    r.line = ARENA_NEW(x->out->mem, const char *, l.n ? l.n : 1);
    for (int i = 0; i < l.n; i++) {
        const char *ln =
            arena_strndup(x->out->mem, s + l.lines[i].start, l.lines[i].end - l.lines[i].start);
        double w = chart_text_w(x, ln, size_pt, font);
        if (w > r.w)
            r.w = w;
        if (w > max_w + 1e-6)
            r.overflow = true;
        r.line[r.n++] = ln;
    }
    if (r.n == 0) {
        r.line[0] = "";
        r.n = 1;
    }
    return r;
}

chart_lines chart_wrap_fit(chart_ctx *x, const char *s, double size_pt, font_role font,
                           double max_w)
{
    chart_lines r = chart_wrap(x, s, size_pt, font, max_w);
    double min = x->c->min_font_size_pt > 0 && x->c->min_font_size_pt < size_pt
                     ? x->c->min_font_size_pt
                     : size_pt;
    /* smaller, a quarter point at a time, before a word is broken */
    for (double size = size_pt - 0.25; (r.forced || r.overflow) && size >= min - 1e-9;
         size -= 0.25) {
        chart_lines smaller = chart_wrap(x, s, size, font, max_w);
        if (!smaller.forced && !smaller.overflow)
            return smaller;
    }
    return r;
}

void chart_lines_draw(chart_ctx *x, const chart_lines *l, double tx, double mid_y,
                      double size_pt, font_role font, uint32_t rgb, dl_align align)
{
    if (l->size > 0)
        size_pt = l->size; /* shrunk to keep a word whole */
    double lh = size_pt * CHART_LINE;
    double block = (l->n - 1) * lh + size_pt; /* ascent+descent = 1 size */
    double top = mid_y - block / 2;
    for (int i = 0; i < l->n; i++)
        dl_text(x->out, l->line[i], tx, top + i * lh + size_pt * CHART_ASCENT, size_pt, font,
                rgb, align);
}

/* ---- shapes ---- */

static void emit_path(chart_ctx *x, dl_kind kind, uint32_t rgb, double lw)
{
    cairo_path_t *p = cairo_copy_path(x->cr);
    int n = 0;
    for (int i = 0; i < p->num_data; i += p->data[i].header.length)
        n++;
    dl_item *it = drawlist_add(x->out, kind);
    it->rgb = rgb;
    it->line_width_pt = lw;
    it->segs = ARENA_NEW(x->out->mem, dl_seg, n ? n : 1);
    for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
        const cairo_path_data_t *h = &p->data[i];
        dl_seg *g = &it->segs[it->n_segs++];
        switch (h->header.type) {
        case CAIRO_PATH_MOVE_TO: g->op = DL_MOVE_TO; break;
        case CAIRO_PATH_LINE_TO: g->op = DL_LINE_TO; break;
        case CAIRO_PATH_CURVE_TO: g->op = DL_CURVE_TO; break;
        case CAIRO_PATH_CLOSE_PATH: g->op = DL_CLOSE; break;
        }
        int npts = h->header.type == CAIRO_PATH_CURVE_TO ? 3
                   : h->header.type == CAIRO_PATH_CLOSE_PATH ? 0
                                                             : 1;
        for (int k = 0; k < npts; k++) {
            g->x[k] = p->data[i + 1 + k].point.x;
            g->y[k] = p->data[i + 1 + k].point.y;
        }
    }
    cairo_path_destroy(p);
    cairo_new_path(x->cr);
}

void chart_emit_fill(chart_ctx *x, uint32_t rgb) { emit_path(x, DL_FILL, rgb, 0); }

void chart_emit_stroke(chart_ctx *x, uint32_t rgb, double line_width_pt)
{
    emit_path(x, DL_STROKE, rgb, line_width_pt);
}

void chart_emit_rect(chart_ctx *x, double rx, double ry, double rw, double rh, uint32_t rgb)
{
    cairo_new_path(x->cr);
    cairo_rectangle(x->cr, rx, ry, rw, rh);
    chart_emit_fill(x, rgb);
}

void chart_emit_line(chart_ctx *x, double x0, double y0, double x1, double y1, uint32_t rgb,
                     double line_width_pt)
{
    cairo_new_path(x->cr);
    cairo_move_to(x->cr, x0, y0);
    cairo_line_to(x->cr, x1, y1);
    chart_emit_stroke(x, rgb, line_width_pt);
}

/* ---- colours and labels ---- */

uint32_t chart_series_rgb(const chart_ctx *x, int s)
{
    const chart_spec *c = x->c;
    if (c->series_rgb)
        return c->series_rgb[s];
    if (c->type == CHART_GROUPED_BARS) {
        /* latest year (last series) darkest */
        int off = 3 - c->n_series;
        int k = s + (off > 0 ? off : 0);
        return chart_palette_years3[k < 3 ? k : 2];
    }
    if (c->type == CHART_BARS)
        return 0x2E75B6;
    return chart_palette_status[s % 6];
}

uint32_t chart_text_on(const chart_ctx *x, uint32_t bg)
{
    double r = (bg >> 16) & 0xFF, g = (bg >> 8) & 0xFF, b = bg & 0xFF;
    double lum = (0.299 * r + 0.587 * g + 0.114 * b) / 255.0;
    return lum < 0.55 ? 0xFFFFFF : x->text_rgb;
}

const char *chart_value_label(chart_ctx *x, int cat, int series, double total)
{
    const chart_spec *c = x->c;
    size_t i = (size_t)cat * (size_t)c->n_series + (size_t)series;
    if (c->value_labels && c->value_labels[i])
        return c->value_labels[i];
    char cnt[NUMFMT_MAX], pct[NUMFMT_MAX];
    long long count = llround(c->values[i]);
    numfmt_int(cnt, count);
    if (total <= 0 || c->label_format == CHART_LABEL_COUNT)
        return arena_strdup(x->out->mem, cnt);
    numfmt_pct10_str(pct, numfmt_pct10(count, llround(total)));
    if (c->label_format == CHART_LABEL_PCT)
        return arena_printf(x->out->mem, "%s%%", pct);
    if (c->label_format == CHART_LABEL_PCT_COUNT)
        return arena_printf(x->out->mem, "%s%%\n%s", pct, cnt);
    return arena_printf(x->out->mem, "%s\n%s%%", cnt, pct);
}

const char *chart_label_one_line(chart_ctx *x, const char *label)
{
    const char *nl = strchr(label, '\n');
    if (!nl)
        return label;
    return arena_printf(x->out->mem, "%.*s（%s）", (int)(nl - label), label, nl + 1);
}

void chart_row_text(chart_ctx *x, int from, const char *text)
{
    bool first = true;
    for (int i = from; i < x->out->n; i++) {
        dl_item *it = &x->out->items[i];
        if (it->kind != DL_TEXT || !it->text || !*it->text)
            continue;
        it->actual_text = first ? text : "";
        first = false;
    }
}

void chart_printed(chart_ctx *x, chart_text_role role, int cat, int series, const char *text)
{
    if (x->c->printed)
        x->c->printed(x->c->printed_ctx, role, cat, series, text);
}

void chart_format_tick(char *buf, double value)
{
    numfmt_int(buf, llround(value));
}

double chart_plot_top(const chart_ctx *x, chart_box a, double content_h)
{
    return x->legend == CHART_LEGEND_BOTTOM ? a.y + a.h - content_h : a.y;
}

/* ---- ticks ---- */

double chart_nice_step(double max, int target_ticks)
{
    if (max <= 0 || target_ticks < 1)
        return 1;
    double raw = max / target_ticks;
    double mag = pow(10, floor(log10(raw)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double step = 10 * mag;
    for (int i = 0; i < 5; i++)
        if (steps[i] * mag >= raw) {
            step = steps[i] * mag;
            break;
        }
    return step < 1 ? 1 : step; /* counts: no fractional ticks */
}

bool chart_fail_room(chart_ctx *x, diag_code code, const char *kind, const char *what,
                     double need_pt, double have_pt, const char *advice)
{
    diag_add(x->d, code, x->context, 0, 0,
             "%s: %s needs %.1f pt but the box leaves %.1f pt; expected a larger chart box, %s",
             kind, what, need_pt, have_pt, advice);
    return false;
}
