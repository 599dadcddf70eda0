/* layout_chart.c - a [chart] block: categories and series taken from the
 * figures, then chart_draw() inside the block's box.
 *
 *   stacked100  series = options (code order), one bar per group x year
 *   donut       series = options, one ring (latest year, one group)
 *   grouped     categories = options (回答の多い順 of the latest year), series = years
 *   bars        categories = options, one series (the latest year)
 */
#include "layout_priv.h"

#include "chart.h"
#include "numfmt.h"

#include <math.h>
#include <string.h>

static bool year_has_rows(const page_state *ps, const tpl_block *b, int year, const char *group)
{
    const tpl_chart_block *ch = &b->as.chart;
    const fig_row *r[1];
    return figures_ranked(ps->c->f, ch->fig.page, ch->fig.name, year, group, r, 1) > 0;
}

static double count_of(const page_state *ps, const tpl_block *b, int year, const char *group,
                       int code)
{
    const tpl_chart_block *ch = &b->as.chart;
    const fig_row *r = figures_get(ps->c->f, ch->fig.page, ch->fig.name, year, group, code);
    return r && r->count > 0 ? r->count : 0;
}

typedef struct {
    page_state *ps;
    const tpl_block *b;
    const layout_value *vi;
    int n_series;
} chart_prov;

/* spec.printed: records each printed number of the chart. */
static void chart_printed_cb(void *ctx, chart_text_role role, int cat, int series,
                             const char *text)
{
    chart_prov *cp = ctx;
    if (role == CHART_TEXT_VALUE) {
        const layout_value *v = &cp->vi[cat * cp->n_series + series];
        layout_prov_value(cp->ps, v->row, v->count, v->total, v->pct10, v->rounding,
                          v->count_printed, v->pct_printed, NULL);
        return;
    }
    layout_prov_chart_text(cp->ps, role, text);
}

/* The value labels of every (cat, series), as the chart would print them. */
static const char **value_labels(page_state *ps, const tpl_block *b, const chart_spec *spec,
                                 const fig_row *const *rows, layout_value *vi)
{
    arena *mem = ps->c->mem;
    int nc = spec->n_cats, ns = spec->n_series;
    const char **labels = ARENA_NEW(mem, const char *, (size_t)nc * (size_t)ns);
    bool shares = spec->type == CHART_STACKED100 || spec->type == CHART_DONUT;
    long long *counts = ARENA_NEW(mem, long long, ns);
    for (int k = 0; k < nc; k++) {
        for (int i = 0; i < ns; i++)
            counts[i] = llround(spec->values[k * ns + i]);
        layout_bar_values(ps, b, counts, ns, spec->type == CHART_BARS ? llround(spec->total) : 0,
                          shares, rows + (size_t)k * ns, vi + (size_t)k * ns,
                          labels + (size_t)k * ns);
    }
    return labels;
}

/* Colours for n series from the template palette; for year series the last
 * n colours, so that the latest year is always the darkest. */
static const uint32_t *series_colors(page_state *ps, const tpl_block *b, int n, bool years)
{
    const tpl_chart_block *ch = &b->as.chart;
    if (!ch->palette)
        return NULL;
    uint32_t *rgb = ARENA_NEW(ps->c->mem, uint32_t, n);
    const tpl_palette *p = ch->palette;
    int skip = years && p->n > n ? p->n - n : 0;
    for (int i = 0; i < n; i++)
        rgb[i] = p->rgb[(skip + i) % p->n];
    return rgb;
}

/* Bars have a maximum thickness, so a chart with few categories does not
 * fill a tall box: move what it drew to the middle of the box so that the
 * white space is shared above and below instead of piling up at the bottom. */
static void centre_vertically(drawlist *dl, int first, box_pt box)
{
    double top = box.y + box.h, bottom = box.y;
    for (int i = first; i < dl->n; i++) {
        const dl_item *it = &dl->items[i];
        if (it->kind == DL_TEXT) {
            top = fmin(top, it->y - it->size_pt * 0.88);
            bottom = fmax(bottom, it->y + it->size_pt * 0.12);
        }
        for (int k = 0; k < it->n_segs; k++) {
            int n = it->segs[k].op == DL_CURVE_TO ? 3 : it->segs[k].op == DL_CLOSE ? 0 : 1;
            for (int j = 0; j < n; j++) {
                top = fmin(top, it->segs[k].y[j]);
                bottom = fmax(bottom, it->segs[k].y[j]);
            }
        }
    }
    if (top < box.y - 0.5 || bottom > box.y + box.h + 0.5)
        return; /* nothing drawn, or not inside: leave it as it is */
    double dy = (box.y + box.h - bottom - (top - box.y)) / 2;
    if (dy < 1)
        return;
    for (int i = first; i < dl->n; i++) {
        dl_item *it = &dl->items[i];
        it->y += it->kind == DL_TEXT ? dy : 0;
        for (int k = 0; k < it->n_segs; k++)
            for (int j = 0; j < 3; j++)
                it->segs[k].y[j] += dy;
    }
}

bool layout_chart(page_state *ps, const tpl_block *b)
{
    const tpl_chart_block *ch = &b->as.chart;
    const fig_catalogue *cat = layout_catalogue(ps);
    const tpl_theme *th = &ps->c->deck->theme;
    arena *mem = ps->c->mem;
    box_pt box = layout_box(b);
    int heading_item = ps->dl->n;
    const char *heading = layout_chart_heading(ps, b, &box);
    layout_options opts;
    if (!layout_pick_options(ps, b, ps->c->f, &opts))
        return false;
    int latest = cat->n_years - 1;
    int first = ch->years == TPL_YEARS_SHOWN ? cat->n_years - ps->c->deck->years_shown : latest;
    int n_years_max = latest - first + 1;

    chart_spec spec = {.type = ch->type,
                       .x_pt = box.x, .y_pt = box.y, .w_pt = box.w, .h_pt = box.h,
                       .legend = ch->legend,
                       .label_format = ch->labels,
                       .font_size_pt = ch->size_pt > 0 ? ch->size_pt : th->chart_pt,
                       .text_rgb = th->c_text};
    const char **cats, **cat_groups = NULL, **series;
    double *values;
    const fig_row **rows; /* the row behind each value, as values */

    if (ch->type == CHART_STACKED100 || ch->type == CHART_DONUT) {
        int max_cats = ch->n_groups * n_years_max;
        cats = ARENA_NEW(mem, const char *, max_cats);
        int *cat_year = ARENA_NEW(mem, int, max_cats);
        const char **cat_group = ARENA_NEW(mem, const char *, max_cats);
        bool many_groups = ch->n_groups > 1, many_years = n_years_max > 1;
        if (many_groups && many_years)
            cat_groups = ARENA_NEW(mem, const char *, max_cats);
        int nc = 0;
        for (int g = 0; g < ch->n_groups; g++)
            for (int y = first; y <= latest; y++) {
                if (!year_has_rows(ps, b, y, ch->groups[g]))
                    continue;
                cat_year[nc] = y;
                cat_group[nc] = ch->groups[g];
                cats[nc] = many_years ? cat->years[y].label : ch->groups[g];
                if (cat_groups)
                    cat_groups[nc] = ch->groups[g];
                nc++;
            }
        series = opts.label;
        values = ARENA_NEW(mem, double, (size_t)(nc ? nc : 1) * (size_t)opts.n);
        rows = ARENA_NEW(mem, const fig_row *, (size_t)(nc ? nc : 1) * (size_t)opts.n);
        for (int k = 0; k < nc; k++)
            for (int i = 0; i < opts.n; i++) {
                values[k * opts.n + i] = count_of(ps, b, cat_year[k], cat_group[k], opts.code[i]);
                rows[k * opts.n + i] = figures_get(ps->c->f, ch->fig.page, ch->fig.name,
                                                   cat_year[k], cat_group[k], opts.code[i]);
            }
        spec.n_cats = nc;
        spec.n_series = opts.n;
        spec.series_rgb = series_colors(ps, b, opts.n, false);
        if (ch->centre)
            spec.centre_text = layout_expand(ps, b, ch->centre, b->line, -1);
    } else if (ch->type == CHART_GROUPED_BARS) {
        int *years = ARENA_NEW(mem, int, n_years_max);
        int ns = 0;
        for (int y = first; y <= latest; y++)
            if (year_has_rows(ps, b, y, ch->groups[0]))
                years[ns++] = y;
        series = ARENA_NEW(mem, const char *, ns ? ns : 1);
        for (int i = 0; i < ns; i++)
            series[i] = cat->years[years[i]].label;
        cats = opts.label;
        values = ARENA_NEW(mem, double, (size_t)opts.n * (size_t)(ns ? ns : 1));
        rows = ARENA_NEW(mem, const fig_row *, (size_t)opts.n * (size_t)(ns ? ns : 1));
        for (int k = 0; k < opts.n; k++)
            for (int i = 0; i < ns; i++) {
                values[k * ns + i] = count_of(ps, b, years[i], ch->groups[0], opts.code[k]);
                rows[k * ns + i] = figures_get(ps->c->f, ch->fig.page, ch->fig.name, years[i],
                                               ch->groups[0], opts.code[k]);
            }
        spec.n_cats = opts.n;
        spec.n_series = ns;
        spec.series_rgb = series_colors(ps, b, ns, true);
    } else { /* CHART_BARS: the latest year */
        series = ARENA_NEW(mem, const char *, 1);
        series[0] = cat->years[latest].label;
        cats = opts.label;
        values = ARENA_NEW(mem, double, opts.n);
        rows = ARENA_NEW(mem, const fig_row *, opts.n);
        for (int k = 0; k < opts.n; k++) {
            values[k] = count_of(ps, b, latest, ch->groups[0], opts.code[k]);
            rows[k] = figures_get(ps->c->f, ch->fig.page, ch->fig.name, latest, ch->groups[0],
                                  opts.code[k]);
        }
        const fig_row *r =
            figures_get(ps->c->f, ch->fig.page, ch->fig.name, latest, ch->groups[0], opts.code[0]);
        spec.total = r && r->base > 0 ? r->base : 0;
        spec.n_cats = opts.n;
        spec.n_series = 1;
        spec.series_rgb = series_colors(ps, b, 1, false);
    }
    spec.cats = cats;
    spec.cat_groups = cat_groups;
    spec.series = series;
    spec.values = values;
    if (spec.n_cats == 0 || spec.n_series == 0) {
        diag_add(ps->c->d, D_TEMPLATE_FIGURE, ps->pg->file, ch->fig.line, 0,
                 "[%s] figure %s.%s has no data for the years shown", b->section, ch->fig.page,
                 ch->fig.name);
        return false;
    }
    /* labels formatted here (numfmt, the block's rounding) and every printed
     * number reported back for provenance */
    layout_value *vi = ARENA_NEW(mem, layout_value, (size_t)spec.n_cats * (size_t)spec.n_series);
    spec.value_labels = value_labels(ps, b, &spec, rows, vi);
    chart_prov cp = {.ps = ps, .b = b, .vi = vi, .n_series = spec.n_series};
    if (ps->c->prov) {
        spec.printed = chart_printed_cb;
        spec.printed_ctx = &cp;
    }
    int first_item = ps->dl->n;
    if (!chart_draw(&spec, ps->dl, fontset_measure_cb, (void *)ps->c->fonts, ps->c->d,
                    layout_context(ps, b)))
        return false;
    centre_vertically(ps->dl, first_item, box);
    layout_content_chart(ps, b, &spec, vi, heading, heading_item, false);
    return true;
}
