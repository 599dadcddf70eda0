/* layout_compare.c - a [chart] with `compare = nation`: the report's own
 * figures beside the national ones, like for like (the same figure, group
 * and base on both sides).
 *
 *   stacked100  one pair of bars per group and year shown: the prefecture,
 *   / donut     then 全国, each bar 100 % of its own answers, its base n in
 *               its label (鳥取県（n=20）); the pair stands close together
 *               and each bar's thin-segment labels stay by it (spec.pairs).
 *               A group the prefecture has no body of (指定都市) is left out.
 *   grouped / bars  categories = options, series = 〔都道府県名（n=…）,
 *               全国（n=…）〕, values are shares in % of each scope's base
 *               (counts of a prefecture and of the nation are not comparable)
 * Options are chosen and ordered on the national figures of the latest year,
 * so a prefecture report shows the same options in the same order as the
 * national deck.
 *
 * Small bases: a bar of the prefecture counted on fewer than the block's
 * small_base bodies (or answers) prints counts instead of percentages (the
 * bar keeps its length), and the page gets the block's caveat note.
 */
#include "layout_priv.h"

#include "chart.h"
#include "numfmt.h"

#include <stdio.h>
#include <string.h>

#define NATION_LABEL "全国"
/* The caveat when the template gives none (no digits: the threshold is the
 * template's). */
#define SMALL_NOTE_DEFAULT                                                                       \
    "※基数（n）が少ないものは誤差が大きいため、割合に代えて件数を示した（棒の長さは割合）。"

typedef struct {
    page_state *ps;
    const layout_value *vi;
    int n_series;
    /* the row whose base each category (stacked) or series (grouped: n_role)
     * names as n, and the n as printed */
    chart_text_role n_role;
    const fig_row **n_row;
    const char **n_text;
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
    int who = role != cp->n_role ? -1 : role == CHART_TEXT_CATEGORY ? cat : series;
    if (who >= 0 && cp->n_row[who]) { /* 鳥取県（n=20）: the scope's base */
        prov_add_figure(cp->ps->c->prov, cp->n_row[who], "base", cp->n_text[who],
                        PROV_ROUND_NONE);
        return;
    }
    layout_prov_chart_text(cp->ps, role, text);
}

/* A bar of a small base: its counts as labels, no percentages. */
static void count_labels(arena *mem, const long long *counts, const fig_row *const *rows, int ns,
                         layout_value *vi, const char **labels)
{
    char num[NUMFMT_MAX];
    for (int i = 0; i < ns; i++) {
        vi[i] = (layout_value){.row = rows[i], .count = counts[i], .total = 0, .pct10 = -1,
                               .rounding = PROV_ROUND_NONE, .count_printed = true};
        labels[i] = arena_strdup(mem, numfmt_int(num, counts[i]));
    }
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

/* 「鳥取県（n=20）」 with the n it prints. */
static const char *with_n(arena *mem, const char *name, const fig_row *r, const char **n_text)
{
    char num[NUMFMT_MAX];
    *n_text = arena_strdup(mem, numfmt_int(num, r ? r->base : 0));
    return arena_printf(mem, "%s（n=%s）", name, *n_text);
}

typedef struct {
    page_state *ps;
    const tpl_block *b;
    const layout_options *opts;
    const figset *scopes[2]; /* the document's own figures, the nation's */
    const char *own_label;
    bool small;              /* a bar of the scope is below small_base */
} compare_ctx;

/* stacked100 (and donut, drawn as bars): a pair of bars per group and year. */
static void stacked(compare_ctx *cx, chart_spec *spec, compare_prov *cp)
{
    page_state *ps = cx->ps;
    const tpl_block *b = cx->b;
    const tpl_chart_block *ch = &b->as.chart;
    const fig_catalogue *cat = layout_catalogue(ps);
    arena *mem = ps->c->mem;
    int latest = cat->n_years - 1;
    int first = ch->years == TPL_YEARS_SHOWN ? cat->n_years - ps->c->deck->years_shown : latest;
    int ns = cx->opts->n;
    int max_cats = 2 * (latest - first + 1) * ch->n_groups;
    const char **cats = ARENA_NEW(mem, const char *, max_cats);
    const char **heads = ARENA_NEW(mem, const char *, max_cats);
    size_t n_values = (size_t)max_cats * (size_t)(ns ? ns : 1);
    double *values = ARENA_NEW(mem, double, n_values);
    const fig_row **rows = ARENA_NEW(mem, const fig_row *, n_values);
    const char **labels = ARENA_NEW(mem, const char *, n_values);
    layout_value *vi = ARENA_NEW(mem, layout_value, n_values);
    cp->n_role = CHART_TEXT_CATEGORY;
    cp->n_row = ARENA_NEW(mem, const fig_row *, max_cats);
    cp->n_text = ARENA_NEW(mem, const char *, max_cats);
    long long *counts = ARENA_NEW(mem, long long, ns ? ns : 1);
    bool many_groups = ch->n_groups > 1;
    int nc = 0;
    for (int g = 0; g < ch->n_groups; g++)
        for (int y = first; y <= latest; y++) {
            const fig_row *own0 = figures_get(cx->scopes[0], ch->fig.page, ch->fig.name, y,
                                              ch->groups[g], cx->opts->code[0]);
            const fig_row *nat0 = figures_get(cx->scopes[1], ch->fig.page, ch->fig.name, y,
                                              ch->groups[g], cx->opts->code[0]);
            if (!nat0 || !own0 || own0->base <= 0)
                continue; /* not asked that year, or no body of the group here */
            for (int k = 0; k < 2; k++) {
                const fig_row *r0 = k == 0 ? own0 : nat0;
                cats[nc] = with_n(mem, k == 0 ? cx->own_label : NATION_LABEL, r0,
                                  &cp->n_text[nc]);
                cp->n_row[nc] = r0;
                heads[nc] = !many_groups ? cat->years[y].label
                            : first == latest
                                ? ch->groups[g]
                                : arena_printf(mem, "%s　%s", ch->groups[g], cat->years[y].label);
                size_t at = (size_t)nc * (size_t)ns;
                for (int i = 0; i < ns; i++) {
                    const fig_row *r = figures_get(cx->scopes[k], ch->fig.page, ch->fig.name, y,
                                                   ch->groups[g], cx->opts->code[i]);
                    counts[i] = r && r->count > 0 ? r->count : 0;
                    values[at + i] = (double)counts[i];
                    rows[at + i] = r;
                }
                if (k == 0 && r0->base < ch->small_base) {
                    cx->small = true;
                    count_labels(mem, counts, rows + at, ns, vi + at, labels + at);
                } else {
                    layout_bar_values(ps, b, counts, ns, 0, true, rows + at, vi + at,
                                      labels + at);
                }
                nc++;
            }
        }
    spec->type = CHART_STACKED100;
    spec->pairs = true;
    spec->n_cats = nc;
    spec->cats = cats;
    spec->cat_groups = nc > 2 || many_groups ? heads : NULL;
    spec->n_series = ns;
    spec->series = cx->opts->label;
    spec->values = values;
    spec->value_labels = labels;
    spec->series_rgb = colors(ps, b, ns);
    cp->vi = vi;
}

/* grouped / bars: categories = options, series = the scope and the nation,
 * shares of the latest year of each scope's own base. */
static void shares(compare_ctx *cx, chart_spec *spec, compare_prov *cp)
{
    page_state *ps = cx->ps;
    const tpl_block *b = cx->b;
    const tpl_chart_block *ch = &b->as.chart;
    arena *mem = ps->c->mem;
    int latest = layout_catalogue(ps)->n_years - 1;
    int n = cx->opts->n ? cx->opts->n : 1;
    double *values = ARENA_NEW(mem, double, (size_t)n * 2);
    const char **labels = ARENA_NEW(mem, const char *, (size_t)n * 2);
    const char **names = ARENA_NEW(mem, const char *, 2);
    layout_value *vi = ARENA_NEW(mem, layout_value, (size_t)n * 2);
    cp->n_role = CHART_TEXT_SERIES;
    cp->n_row = ARENA_NEW(mem, const fig_row *, 2);
    cp->n_text = ARENA_NEW(mem, const char *, 2);
    bool small[2] = {false, false};
    for (int k = 0; k < 2; k++) {
        const fig_row *r0 = figures_get(cx->scopes[k], ch->fig.page, ch->fig.name, latest,
                                        ch->groups[0], cx->opts->code[0]);
        names[k] = with_n(mem, k == 0 ? cx->own_label : NATION_LABEL, r0, &cp->n_text[k]);
        cp->n_row[k] = r0;
        small[k] = k == 0 && (!r0 || r0->base < ch->small_base);
    }
    cx->small = small[0];
    for (int i = 0; i < cx->opts->n; i++)
        for (int k = 0; k < 2; k++) {
            const fig_row *r = figures_get(cx->scopes[k], ch->fig.page, ch->fig.name, latest,
                                           ch->groups[0], cx->opts->code[i]);
            int pct10 = r && r->base > 0 && r->pct10 >= 0 ? r->pct10 : 0;
            long long count = r && r->count > 0 ? r->count : 0;
            char num[NUMFMT_MAX];
            values[i * 2 + k] = pct10 / 10.0;
            if (small[k]) {
                count_labels(mem, &count, &r, 1, &vi[i * 2 + k], &labels[i * 2 + k]);
                continue;
            }
            labels[i * 2 + k] = arena_printf(mem, "%s%%", numfmt_pct10_str(num, pct10));
            /* the scope's own share: count over its base, as the figures hold it */
            vi[i * 2 + k] = (layout_value){.row = r, .count = count, .total = r ? r->base : -1,
                                           .pct10 = pct10, .rounding = PROV_ROUND_HALF_UP,
                                           .pct_printed = true};
        }
    spec->type = CHART_GROUPED_BARS;
    spec->n_cats = cx->opts->n;
    spec->cats = cx->opts->label;
    spec->n_series = 2;
    spec->series = names;
    spec->values = values;
    spec->value_labels = labels;
    spec->series_rgb = colors(ps, b, 2);
    spec->pct_axis = true; /* shares of each scope's base: 0..100 % */
    if (spec->legend == CHART_LEGEND_NONE)
        spec->legend = CHART_LEGEND_TOP; /* two series must be told apart */
    cp->vi = vi;
}

bool layout_chart_compare(page_state *ps, const tpl_block *b)
{
    const tpl_chart_block *ch = &b->as.chart;
    const tpl_theme *th = &ps->c->deck->theme;
    const figset *own = ps->c->f;
    const figset *nation = ps->c->nation ? ps->c->nation : own;
    box_pt box = layout_box(b);
    int heading_item = ps->dl->n;
    const char *heading = layout_chart_heading(ps, b, &box);
    layout_options opts;
    if (!layout_pick_options(ps, b, nation, &opts))
        return false;
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
    compare_ctx cx = {.ps = ps, .b = b, .opts = &opts, .scopes = {own, nation},
                      .own_label = ps->c->pref ? ps->c->pref->name
                                   : ps->c->body ? ps->c->body->pref_name
                                                 : NATION_LABEL};
    compare_prov cp = {.ps = ps};
    if (ch->type == CHART_STACKED100 || ch->type == CHART_DONUT)
        stacked(&cx, &spec, &cp);
    else
        shares(&cx, &spec, &cp);
    cp.n_series = spec.n_series;
    if (spec.n_cats == 0 || spec.n_series == 0) {
        diag_add(ps->c->d, D_TEMPLATE_FIGURE, ps->pg->file, ch->fig.line, 0,
                 "[%s] figure %s.%s has no data to compare for the years shown", b->section,
                 ch->fig.page, ch->fig.name);
        return false;
    }
    if (cx.small) {
        const char *note = ch->small_note ? layout_expand(ps, b, ch->small_note, b->line, -1)
                                          : SMALL_NOTE_DEFAULT;
        if (!note)
            return false;
        layout_add_page_note(ps, note);
    }
    if (ps->c->prov) {
        spec.printed = printed_cb;
        spec.printed_ctx = &cp;
    }
    if (layout_figure_draw(ps, b, &spec, cp.vi, heading) < 0)
        return false;
    dl_end(ps->dl);
    layout_content_chart(ps, b, &spec, cp.vi, heading, heading_item,
                         spec.type == CHART_GROUPED_BARS);
    return true;
}
