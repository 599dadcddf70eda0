/* layout_chart_common.c - what the two chart blocks (layout_chart.c and
 * layout_compare.c) share: the options a chart draws, a bar's values and
 * label texts with their rounding, and the chart heading. */
#include "layout_priv.h"
#include "units.h"

#include "numfmt.h"

bool layout_pick_options(const page_state *ps, const tpl_block *b, const figset *f,
                         layout_options *out)
{
    const tpl_chart_block *ch = &b->as.chart;
    const fig_catalogue *cat = layout_catalogue(ps);
    const fig_row *rows[FIG_MAX_OPTIONS];
    int latest = cat->n_years - 1;
    int n = figures_ranked(f, ch->fig.page, ch->fig.name, latest, ch->groups[0], rows,
                           FIG_MAX_OPTIONS);
    if (n > FIG_MAX_OPTIONS)
        n = FIG_MAX_OPTIONS;
    if (ch->order == TPL_ORDER_CODE) /* insertion sort by option code */
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && rows[j - 1]->option > rows[j]->option; j--) {
                const fig_row *t = rows[j];
                rows[j] = rows[j - 1];
                rows[j - 1] = t;
            }
    out->n = 0;
    if (ch->opt_mode == TPL_OPT_CODES) {
        for (int k = 0; k < ch->n_codes; k++)
            for (int i = 0; i < n; i++)
                if (rows[i]->option == ch->codes[k]) {
                    out->code[out->n] = rows[i]->option;
                    out->label[out->n++] = ch->short_labels ? rows[i]->short_label
                                                            : rows[i]->option_label;
                }
    } else {
        int max = ch->opt_mode == TPL_OPT_TOP && ch->top_n < n ? ch->top_n : n;
        for (int i = 0; i < max; i++) {
            out->code[out->n] = rows[i]->option;
            out->label[out->n++] = ch->short_labels ? rows[i]->short_label
                                                    : rows[i]->option_label;
        }
    }
    if (out->n == 0) {
        diag_add(ps->c->d, D_TEMPLATE_FIGURE, ps->pg->file, ch->fig.line, 0,
                 "[%s] figure %s.%s has no options to draw for year %s, group %s", b->section,
                 ch->fig.page, ch->fig.name, cat->years[latest].key, ch->groups[0]);
        return false;
    }
    return true;
}

void layout_bar_values(page_state *ps, const tpl_block *b, const long long *counts, int ns,
                       long long total, bool shares, const fig_row *const *rows,
                       layout_value *vals, const char **labels)
{
    const tpl_chart_block *ch = &b->as.chart;
    arena *mem = ps->c->mem;
    bool lr = shares && ch->rounding == TPL_ROUND_LARGEST_REMAINDER;
    if (shares) {
        total = 0;
        for (int i = 0; i < ns; i++)
            total += counts[i];
    }
    int *pct10 = ARENA_NEW(mem, int, ns);
    if (lr)
        numfmt_pct10_largest_remainder(counts, ns, pct10);
    else
        for (int i = 0; i < ns; i++)
            pct10[i] = numfmt_pct10(counts[i], total);
    int sum = 0;
    for (int i = 0; i < ns; i++) {
        vals[i] = (layout_value){
            .row = rows[i], .count = counts[i], .total = total > 0 ? total : 0,
            .pct10 = pct10[i],
            .rounding = lr ? PROV_ROUND_LARGEST_REMAINDER : PROV_ROUND_HALF_UP,
            .count_printed = total <= 0 || ch->labels != CHART_LABEL_PCT,
            .pct_printed = total > 0 && ch->labels != CHART_LABEL_COUNT};
        sum += counts[i] > 0 ? pct10[i] : 0;
        char cnt[NUMFMT_MAX], pct[NUMFMT_MAX];
        numfmt_int(cnt, counts[i]);
        numfmt_pct10_str(pct, pct10[i]);
        if (total <= 0 || ch->labels == CHART_LABEL_COUNT)
            labels[i] = arena_strdup(mem, cnt);
        else if (ch->labels == CHART_LABEL_PCT)
            labels[i] = arena_printf(mem, "%s%%", pct);
        else
            labels[i] = arena_printf(mem, "%s\n%s%%", cnt, pct);
    }
    if (shares && !lr && total > 0 && ch->labels != CHART_LABEL_COUNT && sum != 1000)
        ps->rounding_note = true;
}

const char *layout_chart_heading(page_state *ps, const tpl_block *b, box_pt *box)
{
    const tpl_chart_block *ch = &b->as.chart;
    if (!ch->heading)
        return NULL;
    const tpl_theme *th = &ps->c->deck->theme;
    const char *h = layout_expand(ps, b, ch->heading, b->line, -1);
    double lh = th->body_pt * 1.6;
    if (h) {
        dl_rect(ps->dl, box->x, box->y + lh * 0.15, mm_to_pt(1.0), lh * 0.7, th->c_accent, true, 0);
        dl_text(ps->dl, h, box->x + mm_to_pt(2.5), layout_baseline(box->y, th->body_pt, lh),
                th->body_pt, th->font_title, th->c_title, DL_ALIGN_LEFT);
    }
    box->y += lh;
    box->h -= lh;
    return h;
}
