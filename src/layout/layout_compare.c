/* layout_compare.c - a [chart] with `compare = nation`: the report's own
 * figures beside the national ones.
 *
 *   stacked100  one pair of bars per year shown: the prefecture, then 全国
 *               (each bar is 100 %, so the sizes of the scopes do not matter)
 *   grouped / bars  categories = options, series = 〔都道府県名, 全国〕, values
 *               are shares in % of each scope's own base (counts of a
 *               prefecture and of the nation are not comparable)
 * Options are chosen and ordered on the national figures of the latest year,
 * so a prefecture report shows the same options in the same order as the
 * national deck.
 */
#include "layout_priv.h"

#include "chart.h"
#include "numfmt.h"

#include <stdio.h>
#include <string.h>

#define NATION_LABEL "全国"

typedef struct {
    page_state *ps;
    const layout_value *vi;
    int n_series;
} compare_prov;

/* spec.printed: each printed number of the chart with its source. */
static void printed_cb(void *ctx, chart_text_role role, int cat, int series, const char *text)
{
    compare_prov *cp = ctx;
    if (!prov_has_digit(text, strlen(text)))
        return;
    if (role == CHART_TEXT_VALUE) {
        const layout_value *v = &cp->vi[cat * cp->n_series + series];
        layout_prov_value(cp->ps, v->row, v->count, v->total, v->pct10, v->rounding,
                          v->count_printed, v->pct_printed,
                          v->row ? NULL : "no answers in the scope");
        return;
    }
    layout_prov_chart_text(cp->ps, role, text);
}

/* Labels of a stacked100 chart: shares of each bar (its counts summed), half
 * up or by largest remainder as the block says, as layout_chart.c does;
 * sets the page's rounding note when half-up shares miss 100.0. */
static const char **stacked_labels(page_state *ps, const tpl_block *b, int nc, int ns,
                                   const double *values, const fig_row *const *rows,
                                   layout_value *vi)
{
    arena *mem = ps->c->mem;
    const char **labels = ARENA_NEW(mem, const char *, (size_t)nc * (size_t)ns);
    long long *counts = ARENA_NEW(mem, long long, ns);
    for (int k = 0; k < nc; k++) {
        for (int i = 0; i < ns; i++)
            counts[i] = (long long)values[k * ns + i];
        layout_bar_values(ps, b, counts, ns, 0, true, rows + (size_t)k * ns, vi + (size_t)k * ns,
                          labels + (size_t)k * ns);
    }
    return labels;
}

static const uint32_t *colors(page_state *ps, const tpl_block *b, int n)
{
    const tpl_chart_block *ch = &b->as.chart;
    if (!ch->palette)
        return NULL;
    uint32_t *rgb = ARENA_NEW(ps->c->mem, uint32_t, n);
    for (int i = 0; i < n; i++)
        rgb[i] = ch->palette->rgb[i % ch->palette->n];
    return rgb;
}

bool layout_chart_compare(page_state *ps, const tpl_block *b)
{
    const tpl_chart_block *ch = &b->as.chart;
    const fig_catalogue *cat = layout_catalogue(ps);
    const tpl_theme *th = &ps->c->deck->theme;
    arena *mem = ps->c->mem;
    const figset *own = ps->c->f;
    const figset *nation = ps->c->nation ? ps->c->nation : own;
    const char *own_label = ps->c->pref ? ps->c->pref->name
                            : ps->c->body ? ps->c->body->pref_name
                                          : NATION_LABEL;
    box_pt box = layout_box(b);
    int heading_item = ps->dl->n;
    const char *heading = layout_chart_heading(ps, b, &box);
    layout_options opts;
    if (!layout_pick_options(ps, b, nation, &opts))
        return false;
    int latest = cat->n_years - 1;
    chart_spec spec = {.type = ch->type,
                       .x_pt = box.x,
                       .y_pt = box.y,
                       .w_pt = box.w,
                       .h_pt = box.h,
                       .legend = ch->legend,
                       .legend_columns = ch->legend_columns,
                       .label_key = ch->label_key,
                       .label_format = ch->labels,
                       .font_size_pt = ch->size_pt > 0 ? ch->size_pt : th->chart_pt,
                       .min_font_size_pt = ch->min_size_pt,
                       .text_rgb = th->c_text};
    const figset *scopes[2] = {own, nation};
    layout_value *vi = NULL; /* per (cat, series), as values */

    if (ch->type == CHART_STACKED100 || ch->type == CHART_DONUT) {
        int first = ch->years == TPL_YEARS_SHOWN ? cat->n_years - ps->c->deck->years_shown : latest;
        int max_cats = 2 * (latest - first + 1);
        const char **cats = ARENA_NEW(mem, const char *, max_cats);
        const char **groups = ARENA_NEW(mem, const char *, max_cats);
        size_t n_values = (size_t)max_cats * (size_t)(opts.n ? opts.n : 1);
        double *values = ARENA_NEW(mem, double, n_values);
        const fig_row **rows = ARENA_NEW(mem, const fig_row *, n_values);
        int nc = 0;
        for (int y = first; y <= latest; y++) {
            const fig_row *probe[1];
            if (figures_ranked(nation, ch->fig.page, ch->fig.name, y, ch->groups[0], probe, 1) == 0)
                continue; /* not asked that year */
            for (int k = 0; k < 2; k++) {
                cats[nc] = k == 0 ? own_label : NATION_LABEL;
                groups[nc] = cat->years[y].label;
                for (int i = 0; i < opts.n; i++) {
                    const fig_row *r = figures_get(scopes[k], ch->fig.page, ch->fig.name, y,
                                                   ch->groups[0], opts.code[i]);
                    values[nc * opts.n + i] = r && r->count > 0 ? r->count : 0;
                    rows[nc * opts.n + i] = r;
                }
                nc++;
            }
        }
        spec.type = CHART_STACKED100;
        spec.n_cats = nc;
        spec.cats = cats;
        spec.cat_groups = nc > 2 ? groups : NULL;
        spec.n_series = opts.n;
        spec.series = opts.label;
        spec.values = values;
        vi = ARENA_NEW(mem, layout_value, n_values);
        spec.value_labels = stacked_labels(ps, b, nc, opts.n, values, rows, vi);
        spec.series_rgb = ch->palette ? colors(ps, b, opts.n) : NULL;
    } else {
        /* shares of the latest year, one bar for the scope and one for the nation */
        double *values = ARENA_NEW(mem, double, (size_t)(opts.n ? opts.n : 1) * 2);
        const char **labels = ARENA_NEW(mem, const char *, (size_t)(opts.n ? opts.n : 1) * 2);
        const char **names = ARENA_NEW(mem, const char *, 2);
        names[0] = own_label;
        names[1] = NATION_LABEL;
        vi = ARENA_NEW(mem, layout_value, (size_t)(opts.n ? opts.n : 1) * 2);
        for (int i = 0; i < opts.n; i++)
            for (int k = 0; k < 2; k++) {
                const fig_row *r = figures_get(scopes[k], ch->fig.page, ch->fig.name, latest,
                                               ch->groups[0], opts.code[i]);
                int pct10 = r && r->base > 0 && r->pct10 >= 0 ? r->pct10 : 0;
                char num[NUMFMT_MAX];
                values[i * 2 + k] = pct10 / 10.0;
                labels[i * 2 + k] = arena_printf(mem, "%s%%", numfmt_pct10_str(num, pct10));
                /* the scope's own share: count over its base, as the figures hold it */
                vi[i * 2 + k] = (layout_value){.row = r, .count = r && r->count > 0 ? r->count : 0,
                                             .total = r ? r->base : -1, .pct10 = pct10,
                                             .rounding = PROV_ROUND_HALF_UP,
                                             .pct_printed = true};
            }
        spec.type = CHART_GROUPED_BARS;
        spec.n_cats = opts.n;
        spec.cats = opts.label;
        spec.n_series = 2;
        spec.series = names;
        spec.values = values;
        spec.value_labels = labels;
        spec.series_rgb = colors(ps, b, 2);
        spec.pct_axis = true; /* shares of each scope's base: 0..100 % */
        if (spec.legend == CHART_LEGEND_NONE)
            spec.legend = CHART_LEGEND_TOP; /* two series must be told apart */
    }
    if (spec.n_cats == 0 || spec.n_series == 0) {
        diag_add(ps->c->d, D_TEMPLATE_FIGURE, ps->pg->file, ch->fig.line, 0,
                 "[%s] figure %s.%s has no data to compare for the years shown", b->section,
                 ch->fig.page, ch->fig.name);
        return false;
    }
    compare_prov cp = {.ps = ps, .vi = vi, .n_series = spec.n_series};
    if (ps->c->prov) {
        spec.printed = printed_cb;
        spec.printed_ctx = &cp;
    }
    if (layout_figure_draw(ps, b, &spec, vi, heading) < 0)
        return false;
    dl_end(ps->dl);
    layout_content_chart(ps, b, &spec, vi, heading, heading_item,
                         spec.type == CHART_GROUPED_BARS);
    return true;
}
