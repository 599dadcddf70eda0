/* layout_page.c - one page in reading order: the title bar, each block by
 * its kind (layout_text.c, layout_chart.c, layout_compare.c,
 * layout_table.c, layout_ranking.c, bodysheet.c), then the footer (page
 * number, sample label). */
#include "layout_priv.h"
#include "units.h"

#include <stdio.h>
#include <string.h>

/* The top of the frame: the title bar (a page header artifact) and the
 * title on it, the page's H1. */
static void layout_frame(page_state *ps, int page_no, const char *title)
{
    const tpl_theme *th = &ps->c->deck->theme;
    double w = mm_to_pt(th->width_mm), m = mm_to_pt(th->margin_mm);
    if (!ps->pg->cover) {
        double bar_h = mm_to_pt(th->title_band_mm - 6);
        dl_artifact_begin(ps->dl, DL_ART_HEADER);
        dl_rect(ps->dl, 0, 0, w, bar_h, th->c_title, true, 0);
        dl_rect(ps->dl, 0, bar_h, w, mm_to_pt(1.2), th->c_accent, true, 0);
        dl_artifact_end(ps->dl);
        if (title) {
            double tw = fontset_measure(ps->c->fonts, th->font_title, title, strlen(title),
                                        th->title_pt);
            if (tw > w - 2 * m) {
                diag_add(ps->c->d, D_TEXT_OVERFLOW, ps->pg->file, 0, 0,
                         "[page] title \"%s\" is %.1f mm wide; the title bar holds %.1f mm", title,
                         pt_to_mm(tw), pt_to_mm(w - 2 * m));
                ps->ok = false;
            }
            dl_begin(ps->dl, DL_ROLE_H1);
            dl_text(ps->dl, title, m, layout_baseline(0, th->title_pt, bar_h), th->title_pt,
                    th->font_title, th->c_title_text, DL_ALIGN_LEFT);
            dl_end(ps->dl);
        }
        char num[16];
        snprintf(num, sizeof num, "%d", page_no);
        if (ps->c->prov) {
            prov_entry e = {.kind = PROV_PAGE_NUMBER, .text = num, .numerator = page_no,
                            .denominator = -1};
            prov_add(ps->c->prov, &e);
        }
    }
}

/* The bottom of the frame, drawn after the page's content so that it is read
 * last: the rule and page number (a page footer artifact) and the sample
 * label, which is content (a P) on the first page and a repeated footer on
 * the others. */
static void layout_footer(page_state *ps, int page_no)
{
    const tpl_theme *th = &ps->c->deck->theme;
    double w = mm_to_pt(th->width_mm), h = mm_to_pt(th->height_mm), m = mm_to_pt(th->margin_mm);
    bool sample = layout_catalogue(ps)->sample, footer = !ps->pg->cover || (sample && page_no > 1);
    if (footer)
        dl_artifact_begin(ps->dl, DL_ART_FOOTER);
    if (!ps->pg->cover) {
        char num[16];
        snprintf(num, sizeof num, "%d", page_no);
        double foot_y = h - mm_to_pt(th->footer_band_mm);
        dl_line(ps->dl, m, foot_y + mm_to_pt(1.5), w - m, foot_y + mm_to_pt(1.5), th->c_table_rule,
                0.5);
        dl_text(ps->dl, num, w - m,
                layout_baseline(foot_y + mm_to_pt(1.5), th->page_no_pt,
                                mm_to_pt(th->footer_band_mm) - mm_to_pt(3)),
                th->page_no_pt, th->font_body, th->c_muted, DL_ALIGN_RIGHT);
    }
    if (sample && page_no == 1) {
        if (footer)
            dl_artifact_end(ps->dl);
        footer = false;
        dl_begin(ps->dl, DL_ROLE_P);
    }
    if (sample) {
        double size = th->note_pt;
        double foot_y = h - mm_to_pt(th->footer_band_mm) + mm_to_pt(1.5);
        dl_text(ps->dl, LAYOUT_SAMPLE_LABEL, m,
                layout_baseline(foot_y, size, mm_to_pt(th->footer_band_mm) - mm_to_pt(3)), size,
                th->font_title, th->c_sample, DL_ALIGN_LEFT);
    }
    if (sample && page_no == 1)
        dl_end(ps->dl);
    if (footer)
        dl_artifact_end(ps->dl);
}

bool layout_page(const layout_ctx *c, const tpl_page *pg, int page_no, drawlist *dl,
                 const char **title)
{
    return layout_page_titled(c, pg, page_no, NULL, dl, title, NULL);
}

bool layout_page_titled(const layout_ctx *c, const tpl_page *pg, int page_no,
                        const char *title_suffix, drawlist *dl, const char **title,
                        int *table_at)
{
    page_state ps = {.c = c, .pg = pg, .dl = dl, .ok = true, .page_no = page_no};
    layout_prov_block(&ps, NULL);
    *title = NULL;
    if (pg->title) {
        /* a cover prints no title bar: its title is only the outline entry */
        layout_ctx unrecorded = *c;
        unrecorded.prov = NULL;
        page_state ts = ps;
        ts.c = pg->cover ? &unrecorded : c;
        *title = layout_expand(&ts, NULL, pg->title, 0, -1);
        if (*title && title_suffix)
            *title = arena_printf(c->mem, "%s%s", *title, title_suffix);
        ps.ok = ts.ok;
    }
    ps.title = *title;
    if (c->content) {
        *c->content = (layout_page_data){.file = pg->file, .title = *title, .cover = pg->cover};
    }
    layout_frame(&ps, page_no, *title);
    /* notes and source lines last (pass 1): a chart may add the rounding note */
    for (int i = 0; i < 2 * pg->n_blocks; i++) {
        const tpl_block *b = &pg->blocks[i % pg->n_blocks];
        if ((b->kind == TPL_NOTES || b->kind == TPL_SOURCE) != (i >= pg->n_blocks))
            continue;
        layout_prov_block(&ps, b);
        switch (b->kind) {
        case TPL_LEAD:
            layout_lead(&ps, b);
            break;
        case TPL_TEXT:
            layout_text(&ps, b);
            break;
        case TPL_NOTES:
            layout_notes(&ps, b);
            break;
        case TPL_SOURCE:
            layout_source(&ps, b);
            break;
        case TPL_CHART: /* a prefecture beside the nation, or the scope's own */
            if (!(b->as.chart.compare_nation ? layout_chart_compare(&ps, b) : layout_chart(&ps, b)))
                ps.ok = false;
            break;
        case TPL_TABLE:
            if (!layout_table(&ps, b))
                ps.ok = false;
            break;
        case TPL_MUNITABLE: /* paginated by the caller, which moves it here */
            if (table_at)
                *table_at = dl->n;
            break;
        case TPL_RANKING:
            if (!layout_ranking(&ps, b))
                ps.ok = false;
            break;
        case TPL_BODYSHEET:
            if (!layout_bodysheet(&ps, b))
                ps.ok = false;
            break;
        case TPL_KEYTABLE:
            if (!layout_keytable(&ps, b))
                ps.ok = false;
            break;
        }
    }
    layout_footer(&ps, page_no);
    layout_prov_page_done(&ps);
    return ps.ok;
}
