/* chart_draw.c - the chart entry point: checks the spec, places the legend,
 * hands the plot area to the chart kind's own routine (chart_stacked.c,
 * chart_bars.c, chart_donut.c) and keeps nothing of a chart that failed. */
#include "chart_priv.h"

#include <math.h>
#include <string.h>

static bool check_spec(const chart_spec *c, diags *d, const char *context)
{
    const char *why = NULL;
    if (!(c->w_pt > 0) || !(c->h_pt > 0) || !isfinite(c->x_pt) || !isfinite(c->y_pt))
        why = "a box with positive width and height";
    else if (c->n_series <= 0)
        why = "at least one series";
    else if (c->n_cats <= 0)
        why = "at least one category";
    else if (!c->values)
        why = "values";
    else if (c->type == CHART_DONUT && c->n_cats > 4)
        why = "at most 4 categories (rings side by side) for a donut";
    else if (c->type == CHART_BARS && c->n_series != 1)
        why = "exactly one series for single-series bars";
    else if (c->type == CHART_GROUPED_BARS && c->n_series > 6)
        why = "at most 6 series (years) for grouped bars";
    else if (!c->cats && (c->type != CHART_DONUT || c->n_cats > 1))
        why = "category labels";
    else if (!c->series && (c->type == CHART_STACKED100 || c->type == CHART_DONUT ||
                            c->type == CHART_GROUPED_BARS))
        why = "series labels";
    if (why) {
        diag_add(d, D_TEMPLATE, context, 0, 0,
                 "chart: found n_series=%d, n_cats=%d, box %.1fx%.1f pt; expected %s",
                 c->n_series, c->n_cats, c->w_pt, c->h_pt, why);
        return false;
    }
    for (int i = 0; i < c->n_series * c->n_cats; i++)
        if (!isfinite(c->values[i]) || c->values[i] < 0) {
            diag_add(d, D_TEMPLATE, context, 0, 0,
                     "chart: value %g at category %d, series %d; expected a count >= 0",
                     c->values[i], i / c->n_series + 1, i % c->n_series + 1);
            return false;
        }
    return true;
}

/* Horizontal extent of items [from, to) in pt (text measured as drawn). */
static void items_extent(chart_ctx *x, int from, int to, double *x0, double *x1)
{
    *x0 = 1e300;
    *x1 = -1e300;
    for (int i = from; i < to; i++) {
        const dl_item *it = &x->out->items[i];
        if (it->kind == DL_TEXT) {
            double w = chart_text_w(x, it->text, it->size_pt, it->font);
            double l = it->align == DL_ALIGN_LEFT    ? it->x
                       : it->align == DL_ALIGN_CENTER ? it->x - w / 2
                                                      : it->x - w;
            *x0 = fmin(*x0, l);
            *x1 = fmax(*x1, l + w);
            continue;
        }
        for (int k = 0; k < it->n_segs; k++) {
            const dl_seg *g = &it->segs[k];
            int n = g->op == DL_CURVE_TO ? 3 : g->op == DL_CLOSE ? 0 : 1;
            for (int j = 0; j < n; j++) {
                *x0 = fmin(*x0, g->x[j] - it->line_width_pt / 2);
                *x1 = fmax(*x1, g->x[j] + it->line_width_pt / 2);
            }
        }
    }
}

static void items_shift(chart_ctx *x, int from, int to, double dx)
{
    for (int i = from; i < to; i++) {
        dl_item *it = &x->out->items[i];
        it->x += dx;
        for (int k = 0; k < it->n_segs; k++)
            for (int j = 0; j < 3; j++)
                it->segs[k].x[j] += dx;
    }
}

/* A single ring with its legend at the right: the ring is centred in what
 * the legend leaves and the legend sits at the box's right edge, which put
 * a wide empty gap between them (P13, P14). Ring and legend become one
 * block, a few font sizes apart, centred in the box. */
static void donut_legend_pack(chart_ctx *x, int legend_from, int ring_from)
{
    const chart_spec *c = x->c;
    int end = x->out->n;
    if (legend_from == ring_from || ring_from == end)
        return;
    double l0, l1, r0, r1;
    items_extent(x, legend_from, ring_from, &l0, &l1);
    items_extent(x, ring_from, end, &r0, &r1);
    double gap = x->fs * 3;
    if (l0 - r1 <= gap)
        return;
    double block = (r1 - r0) + gap + (l1 - l0);
    double left = c->x_pt + (c->w_pt - block) / 2;
    if (left < c->x_pt)
        left = c->x_pt;
    double ring_dx = left - r0, legend_dx = left + (r1 - r0) + gap - l0;
    items_shift(x, ring_from, end, ring_dx);
    items_shift(x, legend_from, ring_from, legend_dx);
    x->geom->cx_pt += ring_dx;
}

bool chart_draw_geom(const chart_spec *c, drawlist *out, chart_measure_fn measure, void *ctx,
                     diags *d, const char *context, chart_geom *geom)
{
    chart_geom scratch;
    if (!geom)
        geom = &scratch;
    memset(geom, 0, sizeof *geom);
    if (!context)
        context = "chart";
    if (!check_spec(c, d, context))
        return false;

    cairo_surface_t *surf = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(surf);
    chart_ctx x = {.c = c,
                   .out = out,
                   .measure = measure,
                   .mctx = ctx,
                   .d = d,
                   .context = context,
                   .cr = cr,
                   .fs = c->font_size_pt > 0 ? c->font_size_pt : 8,
                   .text_rgb = c->text_rgb ? c->text_rgb : 0x333333,
                   .geom = geom};
    int n_before = out->n;
    chart_box area = {c->x_pt, c->y_pt, c->w_pt, c->h_pt};

    chart_legend_pos pos = c->legend;
    if (pos == CHART_LEGEND_AUTO)
        pos = c->type == CHART_STACKED100 || c->type == CHART_GROUPED_BARS ? CHART_LEGEND_TOP
                                                                          : CHART_LEGEND_NONE;
    x.legend = pos;
    bool ok = chart_legend(&x, pos, &area);
    int ring_from = out->n;
    if (ok) {
        switch (c->type) {
        case CHART_STACKED100: ok = chart_draw_stacked(&x, area); break;
        case CHART_GROUPED_BARS:
        case CHART_BARS: ok = chart_draw_bars(&x, area); break;
        case CHART_DONUT:
            ok = chart_draw_donut(&x, area);
            if (ok && pos == CHART_LEGEND_RIGHT && c->n_cats == 1)
                donut_legend_pack(&x, n_before, ring_from);
            /* each slice label carries its series' name when extracted:
             * the legend's names are not read a second time */
            for (int i = n_before; ok && i < ring_from; i++)
                if (out->items[i].kind == DL_TEXT)
                    out->items[i].actual_text = "";
            break;
        default:
            diag_add(d, D_TEMPLATE, context, 0, 0, "chart: unknown chart type %d", (int)c->type);
            ok = false;
        }
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surf);
    if (!ok)
        out->n = n_before; /* nothing half-drawn */
    return ok;
}

bool chart_draw(const chart_spec *c, drawlist *out, chart_measure_fn measure, void *ctx,
                diags *d, const char *context)
{
    return chart_draw_geom(c, out, measure, ctx, d, context, NULL);
}
