/* layout_chart_alt.c - the words of a chart's alternative text that its
 * spec does not hold (chart_alt_text, chart_alt.c, writes the rest from the
 * spec's own categories, series and value labels): the title, who answered
 * and which years, the unit of the counts. The PDF's Figure /Alt.
 *
 * The same function, with the same wording, is on branch outputs (commit
 * b6c1c71, layout_content.c) for the HTML pages and workbooks; when both are
 * on main one copy goes, so that the PDF and the web page say the same. */
#include "layout_priv.h"

/* Who the chart's percentages are of, as the publication words it (fixed
 * wording per kind of base, to be confirmed with the ministry team). */
static const char *base_words(fig_base k)
{
    switch (k) {
    case BASE_ALL: return "全団体";
    case BASE_STATUS_1_3: return "「導入済」「実証中」「導入予定」の団体";
    case BASE_DETAIL: return "「導入済」「実証中」「導入予定」の団体のうち回答があった団体";
    case BASE_GUIDELINE: return "ガイドラインを策定済の団体";
    case BASE_SERVICE_ROWS: return "利用しているサービスごとの回答";
    case BASE_CUSTOMISED_ROWS: return "カスタマイズしているサービスごとの回答";
    case BASE_STATUS_GROUP: return "導入状況ごとの団体";
    case BASE_ANSWERED: return "回答した団体";
    case BASE_NONE: break;
    }
    return NULL;
}

/* 「全団体、令和5年度～令和7年度、令和7年度の回答の多い順に上位10項目」;
 * *single the year's label when the chart shows one year, else NULL. */
static const char *scope_words(page_state *ps, const tpl_block *b, const fig_row *first_row,
                               const char **single)
{
    const tpl_chart_block *ch = &b->as.chart;
    const fig_catalogue *cat = layout_catalogue(ps);
    arena *mem = ps->c->mem;
    int latest = cat->n_years - 1;
    int first = ch->years == TPL_YEARS_SHOWN ? cat->n_years - ps->c->deck->years_shown : latest;
    const fig_def *def = figures_def(cat, ch->fig.page, ch->fig.name);
    while (def && def->in_year && first < latest && !def->in_year[first])
        first++;
    *single = first == latest ? cat->years[latest].label : NULL;
    const char *years = first == latest ? cat->years[latest].label
                                        : arena_printf(mem, "%s～%s", cat->years[first].label,
                                                       cat->years[latest].label);
    const char *base = first_row ? base_words(first_row->base_kind) : NULL;
    const char *s = base ? arena_printf(mem, "%s、%s", base, years) : years;
    if (ch->opt_mode == TPL_OPT_TOP)
        s = arena_printf(mem, "%s、%sの回答の多い順に上位%d項目", s, cat->years[latest].label,
                         ch->top_n);
    return s;
}

/* The first figure row behind a chart's values (NULL: none). */
static const fig_row *first_row_of(const layout_value *vi, int n)
{
    for (int i = 0; i < n; i++)
        if (vi[i].row)
            return vi[i].row;
    return NULL;
}

chart_alt_words layout_chart_alt_words(page_state *ps, const tpl_block *b, const chart_spec *spec,
                                       const layout_value *vi, const char *heading,
                                       const char **single_year)
{
    const fig_row *first = first_row_of(vi, spec->n_cats * spec->n_series);
    bool services = first && (first->base_kind == BASE_SERVICE_ROWS ||
                              first->base_kind == BASE_CUSTOMISED_ROWS);
    const char *single = NULL;
    chart_alt_words w = {.title = heading ? heading : ps->title,
                         .scope = scope_words(ps, b, first, &single),
                         .unit = services ? "件" : "団体"};
    if (single_year)
        *single_year = single;
    return w;
}
