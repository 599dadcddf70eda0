/* layout_content.c - the page as data (layout_content.h): hooks the blocks
 * call with what they just set, kept only when the document asks for it
 * (layout_ctx.content), so the PDF alone pays nothing. */
#include "layout_priv.h"

#include <string.h>

/* Appends n strings to a list in mem (pages have a handful: copying on
 * growth is cheap). */
static void add_texts(arena *mem, layout_texts *l, const char *const *texts, int n)
{
    if (n <= 0)
        return;
    const char **at = ARENA_NEW(mem, const char *, l->n + n);
    if (l->n)
        memcpy(at, l->at, sizeof *at * (size_t)l->n);
    memcpy(at + l->n, texts, sizeof *at * (size_t)n);
    l->at = at;
    l->n += n;
}

void layout_content_texts(page_state *ps, const tpl_block *b, const char *const *texts, int n)
{
    layout_page_data *pd = ps->c->content;
    if (!pd)
        return;
    arena *mem = ps->c->mem;
    switch (b->kind) {
    case TPL_LEAD: add_texts(mem, &pd->lead, texts, n); break;
    case TPL_TEXT: add_texts(mem, &pd->text, texts, n); break;
    case TPL_NOTES: add_texts(mem, &pd->notes, texts, n); break;
    case TPL_SOURCE:
        /* the rounding note set above the source lines is a note */
        for (int i = 0; i < n; i++)
            add_texts(mem, strncmp(texts[i], "※", strlen("※")) == 0 ? &pd->notes : &pd->sources,
                      &texts[i], 1);
        break;
    default: break;
    }
}

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

static const char *const *copy_strings(arena *mem, const char *const *s, int n)
{
    if (!s)
        return NULL;
    const char **c = ARENA_NEW(mem, const char *, n ? n : 1);
    memcpy(c, s, sizeof *c * (size_t)n);
    return c;
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

void layout_content_chart(page_state *ps, const tpl_block *b, const chart_spec *spec,
                          const layout_value *vi, const char *heading, int item_from,
                          bool shares_of_scope)
{
    layout_page_data *pd = ps->c->content;
    if (!pd)
        return;
    arena *mem = ps->c->mem;
    int n = spec->n_cats * spec->n_series;
    layout_cell *cells = ARENA_NEW(mem, layout_cell, n ? n : 1);
    for (int i = 0; i < n; i++) {
        const layout_value *v = &vi[i];
        cells[i] = (layout_cell){.row = v->row, .count = v->count,
                                 .base = v->total > 0 ? v->total : 0,
                                 .pct10 = v->pct_printed ? v->pct10 : -1};
    }
    layout_chart_data *c = ARENA_NEW(mem, layout_chart_data, pd->n_charts + 1);
    if (pd->n_charts)
        memcpy(c, pd->charts, sizeof *c * (size_t)pd->n_charts);
    layout_chart_data *cd = &c[pd->n_charts];
    box_pt box = layout_box(b);
    const char *single_year = NULL;
    chart_alt_words w = layout_chart_alt_words(ps, b, spec, vi, heading, &single_year);
    *cd = (layout_chart_data){
        .section = b->section,
        .file_suffix = pd->n_charts ? arena_printf(mem, "-%d", pd->n_charts + 1) : "",
        .heading = heading,
        .title = w.title,
        .spec = *spec,
        .cells = cells,
        .shares_of_scope = shares_of_scope,
        .unit = w.unit,
        .scope_words = w.scope,
        .year_label = single_year,
        .item_from = item_from,
        .item_to = ps->dl->n,
        .x_pt = box.x, .y_pt = box.y, .w_pt = box.w, .h_pt = box.h};
    /* the spec's arrays may live on the block's stack (the options it
     * picked): copied into the document's arena */
    chart_spec *sp = &cd->spec;
    sp->printed = NULL;
    sp->printed_ctx = NULL;
    sp->cats = copy_strings(mem, sp->cats, sp->n_cats);
    sp->cat_groups = copy_strings(mem, sp->cat_groups, sp->n_cats);
    sp->series = copy_strings(mem, sp->series, sp->n_series);
    sp->value_labels = copy_strings(mem, sp->value_labels, n);
    if (sp->values) {
        double *v = ARENA_NEW(mem, double, n ? n : 1);
        memcpy(v, sp->values, sizeof *v * (size_t)n);
        sp->values = v;
    }
    if (sp->series_rgb) {
        uint32_t *rgb = ARENA_NEW(mem, uint32_t, sp->n_series);
        memcpy(rgb, sp->series_rgb, sizeof *rgb * (size_t)sp->n_series);
        sp->series_rgb = rgb;
    }
    cd->alt = chart_alt_text(&cd->spec, &w, mem);
    pd->charts = c;
    pd->n_charts++;
}

void layout_content_table(page_state *ps, const tpl_block *b, int n_rows, int n_cols,
                          const char **header, const layout_tcell *cells)
{
    layout_page_data *pd = ps->c->content;
    if (!pd)
        return;
    layout_table_data *t = ARENA_NEW(ps->c->mem, layout_table_data, pd->n_tables + 1);
    if (pd->n_tables)
        memcpy(t, pd->tables, sizeof *t * (size_t)pd->n_tables);
    t[pd->n_tables] = (layout_table_data){.section = b->section, .n_rows = n_rows,
                                          .n_cols = n_cols, .header = header, .cells = cells};
    pd->tables = t;
    pd->n_tables++;
}

void layout_cell_share(const layout_cell *c, int *pct10, long long *base)
{
    *pct10 = c->pct10 >= 0 ? c->pct10 : c->row ? c->row->pct10 : -1;
    *base = c->base > 0 ? c->base : c->row ? c->row->base : 0;
}

void layout_chart_cell_names(const layout_chart_data *c, int cat, int series,
                             const char **group, const char **option, arena *mem)
{
    const chart_spec *s = &c->spec;
    const char *cat_name = s->cats && s->cats[cat] ? s->cats[cat] : "全体";
    const char *series_name = s->series && s->series[series] ? s->series[series] : "";
    if (s->type == CHART_STACKED100 || s->type == CHART_DONUT) {
        /* a bar (ring) per category, an option per series; the year named
         * where the categories are groups of one year */
        *group = s->cat_groups && s->cat_groups[cat]
                     ? arena_printf(mem, "%s %s", s->cat_groups[cat], cat_name)
                 : c->year_label ? arena_printf(mem, "%s %s", cat_name, c->year_label)
                                 : cat_name;
        *option = series_name;
    } else { /* bars: an option per category, a year (or scope) per series */
        *group = series_name;
        *option = cat_name;
    }
}
