/* chart_donut.c - a ring of slices (P10, P13, P14), starting at twelve
 * o'clock and running clockwise in series order. Each non-zero slice gets an
 * outside label (series name, then "count（pct%）") joined to it by an elbow
 * leader; labels on each side are pushed apart so they never overlap. */
#include "chart_priv.h"

#include <math.h>

typedef struct {
    chart_lines lines;
    double mid_a, ax, ay; /* mid angle; anchor on the ring */
    double y, h;          /* label block centre and height */
    bool right;
} slice_label;

static bool fail(chart_ctx *x, diag_code code, const char *what, double need, double have)
{
    return chart_fail_room(x, code, "donut chart", what, need, have,
                           "shorter labels or a smaller font");
}

/* Pushes label centres apart (sorted by y within one side) inside [lo, hi]. */
static bool spread(slice_label **l, int n, double gap, double lo, double hi)
{
    for (int i = 0; i < n; i++) /* insertion sort by y: few slices */
        for (int j = i; j > 0 && l[j]->y < l[j - 1]->y; j--) {
            slice_label *t = l[j];
            l[j] = l[j - 1];
            l[j - 1] = t;
        }
    for (int i = 0; i < n; i++) {
        double min_y = i ? l[i - 1]->y + l[i - 1]->h / 2 + gap + l[i]->h / 2 : lo + l[i]->h / 2;
        if (l[i]->y < min_y)
            l[i]->y = min_y;
    }
    for (int i = n - 1; i >= 0; i--) {
        double max_y = i < n - 1 ? l[i + 1]->y - l[i + 1]->h / 2 - gap - l[i]->h / 2
                                 : hi - l[i]->h / 2;
        if (l[i]->y > max_y)
            l[i]->y = max_y;
    }
    return n == 0 || l[0]->y - l[0]->h / 2 >= lo - 1e-6;
}

/* One ring for category cat inside a. r_max > 0 caps the radius (rings side
 * by side share one size); r_out, when not NULL, receives the radius the
 * ring would take and nothing is drawn. The ring's texts from item row_from
 * on (its title, when the caller drew one: lead) read as one run when
 * extracted: the title, the centre, each slice's name and value. */
static bool draw_ring(chart_ctx *x, chart_box a, int cat, double r_max, double *r_out,
                      int row_from, const char *lead)
{
    const chart_spec *c = x->c;
    int ns = c->n_series;
    const double *v = c->values + (size_t)cat * (size_t)ns;
    double fs = x->fs, lh = fs * CHART_LINE;
    bool names = x->legend == CHART_LEGEND_NONE;
    double total = 0;
    for (int s = 0; s < ns; s++)
        total += v[s];

    slice_label *sl = ARENA_NEW(x->out->mem, slice_label, ns);
    double lab_w_max = a.w * 0.3, lab_w = 0;
    for (int s = 0; s < ns; s++) {
        if (v[s] <= 0)
            continue;
        const char *val = chart_label_one_line(x, chart_value_label(x, cat, s, total));
        const char *text = names && c->series[s] ? arena_printf(x->out->mem, "%s\n%s",
                                                               c->series[s], val)
                                                 : val;
        sl[s].lines = chart_wrap_fit(x, text, fs, FONT_GOTHIC, lab_w_max);
        if (sl[s].lines.overflow)
            return fail(x, D_TEXT_OVERFLOW, "a slice label", sl[s].lines.w, lab_w_max);
        sl[s].h = (sl[s].lines.n - 1) * lh + fs;
        if (sl[s].lines.w > lab_w)
            lab_w = sl[s].lines.w;
    }
    double leader = fs * 2.0;
    double r = a.w / 2 - lab_w - leader - fs * 0.3;
    double r_v = a.h / 2 - fs * 1.2;
    if (r_v < r)
        r = r_v;
    if (r < 20)
        return fail(x, D_TEMPLATE, "the ring (radius at least 20 pt)", 40 + 2 * (lab_w + leader),
                    a.w);
    if (r_out) {
        *r_out = r;
        return true;
    }
    if (r_max > 0 && r > r_max)
        r = r_max;
    double ri = r * 0.58, cx = a.x + a.w / 2, cy = a.y + a.h / 2;
    if (cat == 0) {
        x->geom->cx_pt = cx;
        x->geom->cy_pt = cy;
        x->geom->r_outer_pt = r;
        x->geom->r_inner_pt = ri;
    }

    /* slices: their angles and where their labels go, per side pushed apart */
    double a0 = -CHART_PI / 2;
    double *start = ARENA_NEW(x->out->mem, double, ns);
    for (int s = 0; s < ns && total > 0; s++) {
        if (v[s] <= 0)
            continue;
        double a1 = a0 + 2 * CHART_PI * v[s] / total;
        start[s] = a0;
        sl[s].mid_a = (a0 + a1) / 2;
        sl[s].right = cos(sl[s].mid_a) >= -1e-9;
        sl[s].ax = cx + r * cos(sl[s].mid_a);
        sl[s].ay = cy + r * sin(sl[s].mid_a);
        sl[s].y = cy + (r + fs * 0.6) * sin(sl[s].mid_a);
        a0 = a1;
    }
    slice_label **side = ARENA_NEW(x->out->mem, slice_label *, ns);
    for (int right = 0; right < 2; right++) {
        int n = 0;
        for (int s = 0; s < ns; s++)
            if (v[s] > 0 && total > 0 && sl[s].right == (right == 1))
                side[n++] = &sl[s];
        if (!spread(side, n, fs * 0.4, a.y, a.y + a.h))
            return fail(x, D_TEXT_OVERFLOW, "the slice labels on one side", 0, a.h);
    }

    /* reading order: the centre text (the ring's total), then slice by slice
     * in ring order: fill, white outline (the separator), leader, label */
    const char *row = lead;
    if (c->centre_text && *c->centre_text) {
        double cfs = fs * 1.15;
        chart_lines cl = chart_wrap(x, c->centre_text, cfs, FONT_GOTHIC_BOLD, ri * 1.6);
        double h = (cl.n - 1) * cfs * CHART_LINE + cfs;
        if (cl.overflow || h > ri * 1.6)
            return fail(x, D_TEXT_OVERFLOW, "the centre text", cl.w > h ? cl.w : h, ri * 1.6);
        chart_printed(x, CHART_TEXT_CENTRE, cat, -1, c->centre_text);
        chart_lines_draw(x, &cl, cx, cy, cfs, FONT_GOTHIC_BOLD, x->text_rgb, DL_ALIGN_CENTER);
        for (int i = 0; i < cl.n; i++)
            row = row ? arena_printf(x->out->mem, "%s%s%s", row, i ? "" : " ", cl.line[i])
                      : cl.line[i];
    }
    for (int s = 0; s < ns && total > 0; s++) {
        if (v[s] <= 0)
            continue;
        double a1 = start[s] + 2 * CHART_PI * v[s] / total;
        for (int pass = 0; pass < 2; pass++) {
            cairo_new_path(x->cr);
            cairo_arc(x->cr, cx, cy, r, start[s], a1);
            cairo_arc_negative(x->cr, cx, cy, ri, a1, start[s]);
            cairo_close_path(x->cr);
            if (pass == 0)
                chart_emit_fill(x, chart_series_rgb(x, s));
            else if (v[s] < total)
                chart_emit_stroke(x, 0xFFFFFF, 1.0);
        }
        slice_label *l = &sl[s];
        double dir = l->right ? 1 : -1;
        double elbow_x = cx + (r + fs * 0.8) * cos(l->mid_a);
        double tx = cx + dir * (r + leader);
        if (dir * (elbow_x - tx) > 0)
            elbow_x = tx;
        cairo_new_path(x->cr);
        cairo_move_to(x->cr, l->ax, l->ay);
        cairo_line_to(x->cr, elbow_x, l->y);
        cairo_line_to(x->cr, tx - dir * fs * 0.25, l->y);
        chart_emit_stroke(x, CHART_LEADER_RGB, 0.5);
        chart_printed(x, CHART_TEXT_VALUE, cat, s, chart_value_label(x, cat, s, total));
        if (names && c->series[s])
            chart_printed(x, CHART_TEXT_SERIES, cat, s, c->series[s]);
        chart_lines_draw(x, &l->lines, tx + dir * fs * 0.1, l->y, fs, FONT_GOTHIC, x->text_rgb,
                         l->right ? DL_ALIGN_LEFT : DL_ALIGN_RIGHT);
        /* each value with its series' name (which a legend shows apart) */
        const char *slice = arena_printf(x->out->mem, "%s %s", c->series[s] ? c->series[s] : "",
                                         chart_label_one_line(x, chart_value_label(x, cat, s, total)));
        row = row ? arena_printf(x->out->mem, "%s %s", row, slice) : slice;
    }
    if (row)
        chart_row_text(x, row_from, row);
    return true;
}

/* Several categories (years): rings side by side, each titled. */
bool chart_draw_donut(chart_ctx *x, chart_box a)
{
    const chart_spec *c = x->c;
    if (c->n_cats == 1)
        return draw_ring(x, a, 0, 0, NULL, x->out->n, NULL);
    double fs = x->fs, title_h = fs * 2.0, w = a.w / c->n_cats, r_min = 1e300;
    for (int k = 0; k < c->n_cats; k++) {
        chart_box sub = {a.x + k * w, a.y + title_h, w, a.h - title_h};
        double r;
        if (!draw_ring(x, sub, k, 0, &r, 0, NULL))
            return false;
        if (r < r_min)
            r_min = r;
    }
    for (int k = 0; k < c->n_cats; k++) {
        chart_box sub = {a.x + k * w, a.y + title_h, w, a.h - title_h};
        const char *title = c->cats && c->cats[k] ? c->cats[k] : "";
        chart_lines t = chart_wrap(x, title, fs, FONT_GOTHIC_BOLD, w);
        if (t.overflow || t.n > 1)
            return fail(x, D_TEXT_OVERFLOW, "a ring title", t.w, w);
        chart_printed(x, CHART_TEXT_CATEGORY, k, -1, title);
        int row_from = x->out->n;
        dl_text(x->out, title, sub.x + w / 2, a.y + fs * CHART_ASCENT, fs, FONT_GOTHIC_BOLD,
                x->text_rgb, DL_ALIGN_CENTER);
        if (!draw_ring(x, sub, k, r_min, NULL, row_from, *title ? title : NULL))
            return false;
    }
    return true;
}
