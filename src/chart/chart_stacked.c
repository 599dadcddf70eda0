/* chart_stacked.c - 100 % stacked horizontal bars (P3, P4, P11).
 *
 * Each category is a bar split into one segment per series, scaled to the
 * bar's own total. A segment wide enough carries its label inside (two lines
 * "785" over "45.6%", else one line "785（45.6%）"); a thin one gets its label
 * above the bar with a leader line. Outside labels sit in the gap above their
 * bar, in up to two tiers, pushed apart so neighbours never overlap, and the
 * gap keeps a clearance between them and the bar above (the bars are made
 * thinner for it where the box allows). With spec.pairs the second bar of
 * each pair stands right under the first and its outside labels go in the
 * gap below it. */
#include "chart_priv.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *text;
    double seg_cx, w, left;
    int tier;
} outside_label;

/* One segment of a bar and where its label goes: inside on two lines
 * (line, line2), inside on one, or outside (ol[outside]). */
typedef struct {
    double sx, sw;
    uint32_t rgb, text_rgb;
    const char *label, *line, *line2;
    int outside; /* -1: inside */
} segment;

static bool fail(chart_ctx *x, diag_code code, const char *what, double need, double have)
{
    return chart_fail_room(x, code, "stacked bar chart", what, need, have,
                           "fewer categories or a smaller font");
}

static bool new_group(const chart_spec *c, int cat)
{
    if (!c->cat_groups || !c->cat_groups[cat])
        return false;
    return cat == 0 || !c->cat_groups[cat - 1] || strcmp(c->cat_groups[cat - 1], c->cat_groups[cat]) != 0;
}

/* The second bar of a pair (spec.pairs): it stands under the first and its
 * outside labels go below it. */
static bool below(const chart_spec *c, int cat)
{
    return c->pairs && cat % 2 == 1;
}

/* Places the outside labels of one bar (sorted by seg_cx) into tiers. */
static bool place_outside(chart_ctx *x, outside_label *l, int n, int n_tiers, double min_x,
                          double max_x)
{
    double spacing = x->fs * 0.6;
    double last_right[2] = {-1e300, -1e300};
    for (int i = 0; i < n; i++) {
        double left = l[i].seg_cx - l[i].w / 2;
        if (left < min_x)
            left = min_x;
        if (left + l[i].w > max_x)
            left = max_x - l[i].w;
        int t = 0;
        if (left < last_right[0] + spacing) {
            /* stagger: the upper tier if free here, else whichever ends first */
            if (n_tiers > 1 && left >= last_right[1] + spacing)
                t = 1;
            else {
                t = n_tiers > 1 && last_right[1] < last_right[0] ? 1 : 0;
                left = last_right[t] + spacing;
            }
        }
        l[i].left = left;
        l[i].tier = t;
        last_right[t] = left + l[i].w;
    }
    /* right-to-left pass per tier: pull back what ran past the right edge */
    for (int t = 0; t < n_tiers; t++) {
        double bound = max_x;
        for (int i = n - 1; i >= 0; i--) {
            if (l[i].tier != t)
                continue;
            if (l[i].left + l[i].w > bound)
                l[i].left = bound - l[i].w;
            bound = l[i].left - spacing;
            if (l[i].left < min_x - 1e-6) {
                diag_add(x->d, D_TEXT_OVERFLOW, x->context, 0, 0,
                         "stacked bar chart: the labels of thin segments (\"%s\" …) do not fit "
                         "above their bar; expected a wider box or fewer thin segments",
                         l[i].text);
                return false;
            }
        }
    }
    return true;
}

bool chart_draw_stacked(chart_ctx *x, chart_box a)
{
    const chart_spec *c = x->c;
    double fs = x->fs, tick_fs = fs * 0.85, out_fs = fs * 0.9;
    bool grid = !c->no_grid;

    /* category label column */
    double natural = 0;
    for (int k = 0; k < c->n_cats; k++) {
        double w = chart_text_w(x, c->cats[k] ? c->cats[k] : "", fs, FONT_GOTHIC);
        if (w > natural)
            natural = w;
    }
    double col_w = natural < a.w * 0.3 ? natural : a.w * 0.3;
    chart_lines *cat_lines = ARENA_NEW(x->out->mem, chart_lines, c->n_cats);
    for (int k = 0; k < c->n_cats; k++) {
        cat_lines[k] = chart_wrap_fit(x, c->cats[k] ? c->cats[k] : "", fs, FONT_GOTHIC, col_w);
        if (cat_lines[k].overflow)
            return fail(x, D_TEXT_OVERFLOW, "a category label", cat_lines[k].w, col_w);
    }
    double right_margin = grid ? chart_text_w(x, "100%", tick_fs, FONT_GOTHIC) / 2 : 0;
    double plot_x = a.x + col_w + fs * 0.8;
    double plot_w = a.x + a.w - right_margin - plot_x;
    if (plot_w < 40)
        return fail(x, D_TEMPLATE, "the bars", 40 + (plot_x - a.x) + right_margin, a.w);

    /* rows: [heading] then per category [gap][bar] */
    int n_heads = 0;
    for (int k = 0; k < c->n_cats; k++)
        n_heads += new_group(c, k);
    /* a heading row; a heading after a group gets head_pad more above it,
     * or it sits right under the previous group's last bar (the bars stand
     * at the bottom of their pitch) and reads as that group's footer. The
     * pad is dropped where it would cost the gaps above the bars a tier of
     * thin-segment labels (P4's nine bars). */
    double head_h = fs * 2.0, band = grid ? fs * 0.5 + tick_fs : 0;
    double bar_max = fs * 6.0, heads_h = 0, pitch = 0, bar_h = 0, gap = 0, head_pad = 0;
    double lead = out_fs * 0.45 > 2.5 ? out_fs * 0.45 : 2.5;
    /* between an outside label and the bar (or heading) above it */
    double clear = out_fs * 0.45;
    int tiers_unpadded = 0;
    for (int pass = 0; pass < 2; pass++) {
        head_pad = pass == 1 && n_heads > 1 ? fs * 0.8 : 0;
        heads_h = n_heads * head_h + (n_heads > 1 ? (n_heads - 1) * head_pad : 0);
        double avail = a.h - band - heads_h - fs * 0.3;
        /* the bars share the whole box: capping the pitch instead left an
         * empty band under the chart (P3, P10, P11). Past bar_max the gaps
         * grow. */
        pitch = avail / c->n_cats;
        bar_h = pitch * 0.6 > bar_max ? bar_max : pitch * 0.6;
        /* room for a tier of labels above each bar, clear of the one above */
        if (pitch - bar_h < lead + out_fs + clear && pitch - (lead + out_fs + clear) >= fs * 1.15)
            bar_h = pitch - (lead + out_fs + clear);
        gap = pitch - bar_h;
        int tiers = gap >= lead + 2 * out_fs + 1 + clear ? 2 : gap >= lead + out_fs + clear ? 1 : 0;
        if (pass == 0)
            tiers_unpadded = tiers;
        else if (tiers < tiers_unpadded) { /* back to the unpadded rows */
            head_pad = 0;
            heads_h = n_heads * head_h;
            pitch = (a.h - band - heads_h - fs * 0.3) / c->n_cats;
            bar_h = pitch * 0.6 > bar_max ? bar_max : pitch * 0.6;
            if (pitch - bar_h < lead + out_fs + clear &&
                pitch - (lead + out_fs + clear) >= fs * 1.15)
                bar_h = pitch - (lead + out_fs + clear);
            gap = pitch - bar_h;
        }
    }
    if (bar_h < fs * 1.15)
        return fail(x, D_TEMPLATE, "the bars", (fs * 1.15 / 0.6) * c->n_cats + band +
                                                   heads_h, a.h);
    for (int k = 0; k < c->n_cats; k++) {
        double need = (cat_lines[k].n - 1) * fs * CHART_LINE + fs;
        if (need > pitch)
            return fail(x, D_TEXT_OVERFLOW, "a wrapped category label", need, pitch);
    }
    double content_h = c->n_cats * pitch + heads_h + fs * 0.3 + band;
    double y = chart_plot_top(x, a, content_h);

    /* pass 1: row positions. A bar sits low in its pitch (the gap above it
     * holds the labels of thin segments); the gridlines run from half that
     * gap above a group's first bar to the same distance below its last,
     * so they never cross a group heading (P4). */
    double *bar_top = ARENA_NEW(x->out->mem, double, c->n_cats);
    double *head_y = ARENA_NEW(x->out->mem, double, c->n_cats);
    /* [run_top, run_bottom] of each run of bars between headings */
    double *run_top = ARENA_NEW(x->out->mem, double, c->n_cats);
    double *run_bottom = ARENA_NEW(x->out->mem, double, c->n_cats);
    int n_runs = 0;
    /* pairs: the second bar a small step under the first, the rest of its
     * gap below it for its labels */
    double pair_step = fmin(fs * 0.3, fmax(0.5, gap - lead - out_fs));
    for (int k = 0; k < c->n_cats; k++) {
        head_y[k] = -1;
        if (new_group(c, k)) {
            if (k > 0)
                y += head_pad;
            head_y[k] = y;
            y += head_h;
        }
        bar_top[k] = y + (below(c, k) ? pair_step : gap);
        if (k == 0 || head_y[k] >= 0)
            run_top[n_runs++] = bar_top[k] - gap * 0.5;
        run_bottom[n_runs - 1] = bar_top[k] + bar_h + gap * 0.5;
        y += pitch;
    }
    double grid_top = run_top[0];
    double grid_bottom = y + fs * 0.3;
    run_bottom[n_runs - 1] = grid_bottom;
    x->geom->plot_x_pt = plot_x;
    x->geom->plot_y_pt = grid_top;
    x->geom->plot_w_pt = plot_w;
    x->geom->plot_h_pt = grid_bottom - grid_top;
    x->geom->axis_max = 100;

    /* reading order: the gridlines, then bar by bar its category, then each
     * segment with its own label; the tick labels after the last bar */
    if (grid)
        for (int p = 0; p <= 100; p += 20) {
            double gx = plot_x + plot_w * p / 100.0;
            for (int r = 0; r < n_runs; r++)
                chart_emit_line(x, gx, run_top[r], gx, run_bottom[r],
                                p ? CHART_GRID_RGB : CHART_AXIS_RGB, 0.5);
        }

    outside_label *ol = ARENA_NEW(x->out->mem, outside_label, c->n_series);
    segment *seg = ARENA_NEW(x->out->mem, segment, c->n_series);
    for (int k = 0; k < c->n_cats; k++) {
        if (head_y[k] >= 0)
            chart_printed(x, CHART_TEXT_GROUP, k, -1, c->cat_groups[k]);
        if (head_y[k] >= 0)
            /* the heading sits low in its row: it belongs to the bars below */
            dl_text(x->out, c->cat_groups[k], a.x, head_y[k] + head_h - fs * CHART_DESCENT, fs,
                    FONT_GOTHIC_BOLD, x->text_rgb, DL_ALIGN_LEFT);
        double bt = bar_top[k], mid = bt + bar_h / 2;
        int row_from = x->out->n;
        const char *row = c->cats[k] ? c->cats[k] : "";
        chart_printed(x, CHART_TEXT_CATEGORY, k, -1, c->cats[k] ? c->cats[k] : "");
        chart_lines_draw(x, &cat_lines[k], plot_x - fs * 0.6, mid, fs, FONT_GOTHIC, x->text_rgb,
                         DL_ALIGN_RIGHT);
        const double *v = c->values + (size_t)k * (size_t)c->n_series;
        double total = 0;
        for (int s = 0; s < c->n_series; s++)
            total += v[s];
        if (total <= 0)
            continue;
        /* segments: where each label goes (outside labels are placed for
         * the whole bar), then each segment drawn with its label */
        double sx = plot_x;
        int n_seg = 0, n_out = 0;
        for (int s = 0; s < c->n_series; s++) {
            if (v[s] <= 0)
                continue;
            segment *g = &seg[n_seg++];
            double sw = plot_w * v[s] / total;
            *g = (segment){.sx = sx, .sw = sw, .rgb = chart_series_rgb(x, s), .outside = -1,
                           .label = chart_value_label(x, k, s, total)};
            g->text_rgb = chart_text_on(x, g->rgb);
            const char *nl = strchr(g->label, '\n');
            const char *one = chart_label_one_line(x, g->label);
            double pad = fs * 0.5, cx = sx + sw / 2;
            sx += sw;
            if (nl && bar_h >= 2 * fs * 1.1 + 1) {
                const char *l1 = arena_strndup(x->out->mem, g->label, (size_t)(nl - g->label));
                double w1 = chart_text_w(x, l1, fs, FONT_GOTHIC);
                double w2 = chart_text_w(x, nl + 1, fs, FONT_GOTHIC);
                if ((w1 > w2 ? w1 : w2) + pad <= sw) {
                    g->line = l1;
                    g->line2 = nl + 1;
                    continue;
                }
            }
            double w1 = chart_text_w(x, one, fs, FONT_GOTHIC);
            if (w1 + pad <= sw && bar_h >= fs * 1.1) {
                g->line = one;
            } else {
                g->outside = n_out;
                ol[n_out++] = (outside_label){.text = one, .seg_cx = cx,
                                              .w = chart_text_w(x, one, out_fs, FONT_GOTHIC)};
            }
        }
        bool under = below(c, k);
        if (n_out) {
            double room = under ? gap - pair_step : gap;
            /* above a bar, clear of the bar above; below a pair's second bar
             * the gap is the pair's own (its labels are set under it) */
            double keep = under ? 0 : clear;
            if (room < lead + out_fs + keep)
                return fail(x, D_TEXT_OVERFLOW,
                            under ? "the label of a thin segment below its bar"
                                  : "the label of a thin segment above its bar",
                            lead + out_fs + keep, room);
            int tiers = room >= lead + 2 * out_fs + 1 + keep ? 2 : 1;
            if (!place_outside(x, ol, n_out, tiers, plot_x, a.x + a.w))
                return false;
        }
        for (int i = 0, s = 0; i < n_seg; i++, s++) {
            while (v[s] <= 0)
                s++;
            const segment *g = &seg[i];
            double cx = g->sx + g->sw / 2;
            chart_emit_rect(x, g->sx, bt, g->sw, bar_h, g->rgb);
            if (i) /* a thin white separator from the segment before */
                chart_emit_line(x, g->sx, bt, g->sx, bt + bar_h, 0xFFFFFF, 0.75);
            chart_printed(x, CHART_TEXT_VALUE, k, s, g->label); /* inside or above: once */
            row = arena_printf(x->out->mem, "%s %s", row, chart_label_one_line(x, g->label));
            if (g->line2) {
                /* a tighter pitch than CHART_LINE: it belongs together */
                dl_text(x->out, g->line, cx, mid - fs * 0.12, fs, FONT_GOTHIC, g->text_rgb,
                        DL_ALIGN_CENTER);
                dl_text(x->out, g->line2, cx, mid + fs * 0.98, fs, FONT_GOTHIC, g->text_rgb,
                        DL_ALIGN_CENTER);
            } else if (g->line) {
                dl_text(x->out, g->line, cx, mid + fs * (CHART_ASCENT - 0.5), fs, FONT_GOTHIC,
                        g->text_rgb, DL_ALIGN_CENTER);
            } else {
                const outside_label *o = &ol[g->outside];
                double lx = o->seg_cx;
                if (lx < o->left + 1)
                    lx = o->left + 1;
                if (lx > o->left + o->w - 1)
                    lx = o->left + o->w - 1;
                if (under) { /* hanging below the bar, the first tier nearest */
                    double top = bt + bar_h + lead + o->tier * (out_fs + 1);
                    chart_emit_line(x, o->seg_cx, bt + bar_h, lx, top - 0.5, CHART_LEADER_RGB,
                                    0.5);
                    dl_text(x->out, o->text, o->left, top + out_fs * CHART_ASCENT, out_fs,
                            FONT_GOTHIC, x->text_rgb, DL_ALIGN_LEFT);
                } else {
                    double bottom = bt - lead - o->tier * (out_fs + 1);
                    chart_emit_line(x, o->seg_cx, bt, lx, bottom + 0.5, CHART_LEADER_RGB, 0.5);
                    dl_text(x->out, o->text, o->left, bottom - out_fs * CHART_DESCENT, out_fs,
                            FONT_GOTHIC, x->text_rgb, DL_ALIGN_LEFT);
                }
            }
        }
        chart_row_text(x, row_from, row); /* the bar reads as one row */
    }
    int ticks_from = x->out->n;
    if (grid)
        for (int p = 0; p <= 100; p += 20) {
            char t[8];
            snprintf(t, sizeof t, "%d%%", p);
            chart_printed(x, CHART_TEXT_TICK, -1, -1, t);
            dl_text(x->out, t, plot_x + plot_w * p / 100.0,
                    grid_bottom + fs * 0.5 + tick_fs * CHART_ASCENT, tick_fs, FONT_GOTHIC,
                    CHART_TICK_RGB, DL_ALIGN_CENTER);
        }
    if (grid) /* the axis reads as one run */
        chart_row_text(x, ticks_from, "0% 20% 40% 60% 80% 100%");
    return true;
}
