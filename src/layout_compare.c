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

static const double MM = 72.0 / 25.4;

#define NATION_LABEL "全国"

typedef struct {
    int n;
    int code[CB_MAX_OPTIONS];
    const char *label[CB_MAX_OPTIONS];
} picked;

static const char *label_of(const survey *s, const fig_row *r, bool use_short)
{
    if (use_short && r->question >= 0 && r->question < s->cb.n && r->option > 0 &&
        r->option <= s->cb.q[r->question].n_options && s->cb.q[r->question].short_label[r->option])
        return s->cb.q[r->question].short_label[r->option];
    return r->option_label ? r->option_label : "";
}

static void pick(const page_state *ps, const tpl_block *b, const figset *nation, picked *out)
{
    const fig_row *rows[CB_MAX_OPTIONS];
    int latest = ps->c->s->n_years - 1;
    int n = figures_ranked(nation, b->fig_page, b->fig_name, latest, b->groups[0], rows,
                           CB_MAX_OPTIONS);
    if (n > CB_MAX_OPTIONS)
        n = CB_MAX_OPTIONS;
    if (b->order == TPL_ORDER_CODE)
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && rows[j - 1]->option > rows[j]->option; j--) {
                const fig_row *t = rows[j];
                rows[j] = rows[j - 1];
                rows[j - 1] = t;
            }
    out->n = 0;
    int max = b->opt_mode == TPL_OPT_TOP && b->top_n < n ? b->top_n : n;
    for (int i = 0; i < n && out->n < max; i++) {
        bool take = b->opt_mode != TPL_OPT_CODES;
        for (int k = 0; !take && k < b->n_codes; k++)
            take = rows[i]->option == b->codes[k];
        if (take) {
            out->code[out->n] = rows[i]->option;
            out->label[out->n++] = label_of(ps->c->s, rows[i], b->short_labels);
        }
    }
}

static const uint32_t *colors(page_state *ps, const tpl_block *b, int n)
{
    if (!b->palette)
        return NULL;
    uint32_t *rgb = ARENA_NEW(ps->c->mem, uint32_t, n);
    for (int i = 0; i < n; i++)
        rgb[i] = b->palette->rgb[i % b->palette->n];
    return rgb;
}

bool layout_chart_compare(page_state *ps, const tpl_block *b)
{
    const survey *s = ps->c->s;
    const tpl_theme *th = &ps->c->deck->theme;
    arena *mem = ps->c->mem;
    const figset *own = ps->c->f;
    const figset *nation = ps->c->nation ? ps->c->nation : own;
    const char *own_label = ps->c->pref ? ps->c->pref->name
                            : ps->c->body ? ps->c->body->pref_name
                                          : NATION_LABEL;
    box_pt box = layout_box(b);
    if (b->heading) {
        const char *h = layout_expand(ps, b, b->heading, b->line, -1);
        double lh = th->body_pt * 1.6;
        if (h) {
            dl_rect(ps->dl, box.x, box.y + lh * 0.15, 1.0 * MM, lh * 0.7, th->c_accent, true, 0);
            dl_text(ps->dl, h, box.x + 2.5 * MM, layout_baseline(box.y, th->body_pt, lh),
                    th->body_pt, th->font_title, th->c_title, DL_ALIGN_LEFT);
        }
        box.y += lh;
        box.h -= lh;
    }
    picked opts;
    pick(ps, b, nation, &opts);
    int latest = s->n_years - 1;
    chart_spec spec = {.type = b->chart,
                       .x_pt = box.x, .y_pt = box.y, .w_pt = box.w, .h_pt = box.h,
                       .legend = b->legend,
                       .label_format = b->labels,
                       .font_size_pt = b->size_pt > 0 ? b->size_pt : th->chart_pt,
                       .text_rgb = th->c_text};
    const figset *scopes[2] = {own, nation};

    if (b->chart == CHART_STACKED100 || b->chart == CHART_DONUT) {
        int first = b->years == TPL_YEARS_SHOWN ? s->n_years - ps->c->deck->years_shown : latest;
        int max_cats = 2 * (latest - first + 1);
        const char **cats = ARENA_NEW(mem, const char *, max_cats);
        const char **groups = ARENA_NEW(mem, const char *, max_cats);
        double *values = ARENA_NEW(mem, double, (size_t)max_cats * (size_t)(opts.n ? opts.n : 1));
        int nc = 0;
        for (int y = first; y <= latest; y++) {
            const fig_row *probe[1];
            if (figures_ranked(nation, b->fig_page, b->fig_name, y, b->groups[0], probe, 1) == 0)
                continue; /* not asked that year */
            for (int k = 0; k < 2; k++) {
                cats[nc] = k == 0 ? own_label : NATION_LABEL;
                groups[nc] = s->years[y].label;
                for (int i = 0; i < opts.n; i++) {
                    const fig_row *r = figures_get(scopes[k], b->fig_page, b->fig_name, y,
                                                   b->groups[0], opts.code[i]);
                    values[nc * opts.n + i] = r && r->count > 0 ? r->count : 0;
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
        spec.series_rgb = b->palette ? colors(ps, b, opts.n) : NULL;
    } else {
        /* shares of the latest year, one bar for the scope and one for the nation */
        double *values = ARENA_NEW(mem, double, (size_t)(opts.n ? opts.n : 1) * 2);
        const char **labels = ARENA_NEW(mem, const char *, (size_t)(opts.n ? opts.n : 1) * 2);
        const char **names = ARENA_NEW(mem, const char *, 2);
        names[0] = own_label;
        names[1] = NATION_LABEL;
        for (int i = 0; i < opts.n; i++)
            for (int k = 0; k < 2; k++) {
                const fig_row *r = figures_get(scopes[k], b->fig_page, b->fig_name, latest,
                                               b->groups[0], opts.code[i]);
                int pct10 = r && r->base > 0 && r->pct10 >= 0 ? r->pct10 : 0;
                char num[NUMFMT_MAX];
                values[i * 2 + k] = pct10 / 10.0;
                labels[i * 2 + k] = arena_printf(mem, "%s%%", numfmt_pct10_str(num, pct10));
            }
        spec.type = CHART_GROUPED_BARS;
        spec.n_cats = opts.n;
        spec.cats = opts.label;
        spec.n_series = 2;
        spec.series = names;
        spec.values = values;
        spec.value_labels = labels;
        spec.series_rgb = colors(ps, b, 2);
        if (spec.legend == CHART_LEGEND_NONE)
            spec.legend = CHART_LEGEND_TOP; /* two series must be told apart */
    }
    if (spec.n_cats == 0 || spec.n_series == 0) {
        diag_add(ps->c->d, D_TEMPLATE_FIGURE, ps->pg->file, b->fig_line, 0,
                 "[%s] figure %s.%s has no data to compare for the years shown", b->section,
                 b->fig_page, b->fig_name);
        return false;
    }
    return chart_draw(&spec, ps->dl, fontset_measure_cb, (void *)ps->c->fonts, ps->c->d,
                      layout_context(ps, b));
}
