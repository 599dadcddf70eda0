/* layout_ranking.c - a [ranking] block: the 47 prefectures ranked by the
 * 導入済 (or 策定済) share of their municipalities in the latest year (the
 * national figures' A1 rows, in their rank order), set as a table in
 * `columns` groups side by side (1-16, 17-32, 33-47), each row with a small
 * bar of the share. In a prefecture report the report's own prefecture is
 * highlighted. Ranks are on the printed share: equal shares share a rank
 * (figures.c), and a shared rank is marked 「同率」. */
#include "layout_priv.h"
#include "units.h"

#include "numfmt.h"

#include <stdio.h>
#include <string.h>

#define TIE_MARK "同率"

/* Provenance of one printed row: its A1 figure row. */
static void record_row(page_state *ps, const fig_row *row, const char *rank, const char *count,
                       const char *base, const char *pct)
{
    const char *text[] = {rank, count, base, pct};
    const char *field[] = {"rank", "count", "base", "pct"};
    for (int k = 0; k < 4; k++)
        prov_add_figure(ps->c->prov, row, field[k], text[k],
                        k == 3 ? PROV_ROUND_HALF_UP : PROV_ROUND_NONE);
}

bool layout_ranking(page_state *ps, const tpl_block *b)
{
    const tpl_theme *th = &ps->c->deck->theme;
    const figset *nat = ps->c->nation ? ps->c->nation : ps->c->f;
    int latest = figures_catalogue(nat)->n_years - 1;
    const char *figure = b->as.ranking.by_guideline ? "guideline_share" : "adopted_share";
    const fig_row *all[FIG_N_PREFECTURES], *rows[FIG_N_PREFECTURES];
    int n_all = figures_ranked(nat, "A1", figure, latest, "", all, FIG_N_PREFECTURES);
    if (n_all == 0) {
        diag_add(ps->c->d, D_INTERNAL, ps->pg->file, b->line, 0,
                 "[%s]: no A1.%s rows for the latest year", b->section, figure);
        return false;
    }
    int n = 0;
    for (int i = 0; i < n_all && i < FIG_N_PREFECTURES; i++)
        if (all[i]->option_label[0] && all[i]->base > 0)
            rows[n++] = all[i]; /* a prefecture without bodies in the data has no share */

    box_pt box = layout_box(b);
    int cols = b->as.ranking.columns > 0 ? b->as.ranking.columns : 3;
    int per_col = (n + cols - 1) / cols;
    double gap = mm_to_pt(6);
    double gw = (box.w - gap * (cols - 1)) / cols;
    double rh = box.h / (per_col + 1);
    double size = b->as.ranking.size_pt;
    if (rh < size * 1.25) {
        diag_add(ps->c->d, D_TEXT_OVERFLOW, ps->pg->file, b->line, 0,
                 "[%s]: %d rows of %.1f pt text need %.1f mm, the box is %.1f mm high", b->section,
                 per_col + 1, size, pt_to_mm((per_col + 1) * size * 1.25), pt_to_mm(box.h));
        return false;
    }
    /* column edges within a group, as fractions of its width */
    static const double edge[] = {0, 0.15, 0.35, 0.59, 1.0};
    const char *head[] = {"順位", "都道府県", b->as.ranking.by_guideline ? "策定済／市区町村" : "導入済／市区町村",
                          b->as.ranking.by_guideline ? "策定済の割合" : "導入済の割合"};
    int max_pct10 = 1;
    for (int i = 0; i < n; i++)
        if (rows[i]->pct10 > max_pct10)
            max_pct10 = rows[i]->pct10;
    int own = ps->c->pref ? ps->c->pref->pref : 0;
    if (ps->c->content) { /* the ranking as a table: one row per prefecture */
        static const char *const hdr_adopted[] = {"順位", "都道府県", "導入済の団体数", "市区町村数", "導入済の割合"};
        static const char *const hdr_guide[] = {"順位", "都道府県", "策定済の団体数", "市区町村数", "策定済の割合"};
        layout_tcell *cells = ARENA_NEW(ps->c->mem, layout_tcell, (size_t)n * 5);
        for (int i = 0; i < n; i++) {
            const fig_row *r = rows[i];
            layout_tcell *c = &cells[i * 5];
            c[0] = (layout_tcell){LCELL_INT, NULL, r->rank};
            c[1] = (layout_tcell){LCELL_TEXT, r->option_label, 0};
            c[2] = (layout_tcell){LCELL_INT, NULL, r->count};
            c[3] = (layout_tcell){LCELL_INT, NULL, r->base};
            c[4] = (layout_tcell){LCELL_PCT10, NULL, r->pct10};
        }
        layout_content_table(ps, b, n, 5,
                             (const char **)(b->as.ranking.by_guideline ? hdr_guide : hdr_adopted),
                             cells);
    }

    /* one table in rank order, read group by group: the first group's header
     * row is its header, the others repeat it (decoration) */
    dl_begin(ps->dl, DL_ROLE_TABLE);
    for (int g = 0; g < cols; g++) {
        double gx = box.x + g * (gw + gap);
        double y = box.y;
        if (g == 0)
            dl_begin(ps->dl, DL_ROLE_THEAD);
        layout_artifact_rect(ps->dl, gx, y, gw, rh, th->c_table_head);
        if (g == 0)
            dl_begin(ps->dl, DL_ROLE_TR);
        else
            dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
        for (int k = 0; k < 4; k++) {
            double cx = gx + gw * (edge[k] + edge[k + 1]) / 2;
            if (g == 0)
                layout_cell_begin(ps->dl, LAYOUT_COL_HEAD);
            dl_text(ps->dl, head[k], cx, layout_baseline(y, size, rh), size, th->font_title,
                    th->c_title, DL_ALIGN_CENTER);
            if (g == 0)
                dl_end(ps->dl);
        }
        if (g == 0)
            dl_end(ps->dl); /* TR */
        else
            dl_artifact_end(ps->dl);
        dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
        dl_line(ps->dl, gx, y, gx + gw, y, th->c_title, 1.0);
        y += rh;
        dl_line(ps->dl, gx, y, gx + gw, y, th->c_title, 1.0);
        dl_artifact_end(ps->dl);
        if (g == 0) {
            dl_end(ps->dl); /* THead */
            dl_begin(ps->dl, DL_ROLE_TBODY);
        }
        for (int i = g * per_col; i < n && i < (g + 1) * per_col; i++) {
            const fig_row *r = rows[i]; /* option = the prefecture's code */
            bool mine = r->option == own;
            font_role font = mine ? th->font_title : th->font_body;
            /* decoration first: the highlight, and the share as a bar scaled
             * to the highest share (the texts never overlap it) */
            dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
            if (mine)
                dl_rect(ps->dl, gx, y, gw, rh, th->c_lead_bg, true, 0);
            double lw = fontset_measure(ps->c->fonts, font, "100.0%", 6, size);
            double bx = gx + gw * edge[3] + mm_to_pt(1.5);
            double bw_max = gw * (edge[4] - edge[3]) - lw - mm_to_pt(4);
            double bw = bw_max > 0 ? bw_max * r->pct10 / max_pct10 : 0;
            dl_rect(ps->dl, bx, y + rh * 0.25, bw, rh * 0.5, mine ? th->c_title : th->c_accent,
                    true, 0);
            dl_artifact_end(ps->dl);
            char rank[16], count[48], pct[NUMFMT_MAX], num[NUMFMT_MAX], base[NUMFMT_MAX];
            snprintf(rank, sizeof rank, "%d", r->rank);
            /* another prefecture has this rank: the one before or after */
            bool tied = (i > 0 && rows[i - 1]->rank == r->rank) ||
                        (i + 1 < n && rows[i + 1]->rank == r->rank);
            snprintf(count, sizeof count, "%s／%s", numfmt_int(num, r->count),
                     numfmt_int(base, r->base));
            numfmt_pct10_str(pct, r->pct10);
            double bl = layout_baseline(y, size, rh);
            double rank_x = gx + gw * edge[1] - mm_to_pt(2);
            dl_begin(ps->dl, DL_ROLE_TR); /* the prefecture's name heads its row */
            layout_cell_begin(ps->dl, LAYOUT_DATA); /* the rank, 同率 before it when tied */
            if (tied) {
                double tie_size = size * 0.8;
                double rw = fontset_measure(ps->c->fonts, font, rank, strlen(rank), size);
                dl_text(ps->dl, TIE_MARK, rank_x - rw - mm_to_pt(0.8), bl, tie_size, font,
                        th->c_muted, DL_ALIGN_RIGHT);
            }
            dl_text(ps->dl, arena_strdup(ps->c->mem, rank), rank_x, bl, size, font, th->c_text,
                    DL_ALIGN_RIGHT);
            dl_end(ps->dl);
            layout_cell_begin(ps->dl, LAYOUT_ROW_HEAD);
            dl_text(ps->dl, r->option_label, gx + gw * edge[1] + mm_to_pt(2), bl, size, font,
                    th->c_text, DL_ALIGN_LEFT);
            dl_end(ps->dl);
            layout_cell_begin(ps->dl, LAYOUT_DATA);
            dl_text(ps->dl, arena_strdup(ps->c->mem, count), gx + gw * edge[3] - mm_to_pt(2), bl,
                    size, font, th->c_text, DL_ALIGN_RIGHT);
            dl_end(ps->dl);
            char *label = arena_printf(ps->c->mem, "%s%%", pct);
            layout_cell_begin(ps->dl, LAYOUT_DATA);
            dl_text(ps->dl, label, gx + gw - mm_to_pt(1), bl, size, font, th->c_text,
                    DL_ALIGN_RIGHT);
            dl_end(ps->dl);
            dl_end(ps->dl); /* TR */
            if (ps->c->prov)
                record_row(ps, r, rank, num, base, label);
            y += rh;
            layout_artifact_line(ps->dl, gx, y, gx + gw, y, th->c_table_rule, 0.4);
        }
    }
    dl_end(ps->dl); /* TBody */
    dl_end(ps->dl); /* Table */
    return true;
}
