/* bodysheet.c - the [bodysheet] block of a body sheet (layouts/body.ini):
 * every answer the body gave in the latest year (its M rows), each beside
 * the share of bodies giving the same answer in its prefecture, in its
 * population band and in the nation (the B rows of those scopes: a share's
 * base is the bodies of the scope that answered the question; detail
 * questions are asked of status 1-3 only). Multi-answer questions give one
 * row per option chosen. Every printed share is recorded for the sheet's
 * provenance sidecar with the B row it came from. */
#include "layout_priv.h"
#include "units.h"

#include "linebreak.h"
#include "numfmt.h"

#include <stdio.h>
#include <string.h>

enum { N_SCOPES = 3 }; /* prefecture, band, nation */

/* One answer row of the sheet: the question's title (first row of a
 * question only) and the answer's label, wrapped into their columns. */
typedef struct {
    const fig_row *answer; /* the body's M row */
    const char *cell[2];
    lb_lines lines[2];
    double h; /* pt */
} sheet_row;

/* The share printed for an answer in one scope: its B row's percentage. */
static const char *pct_text(arena *mem, const fig_row *share)
{
    if (!share || share->base <= 0)
        return "―";
    char num[NUMFMT_MAX];
    return arena_printf(mem, "%s%%", numfmt_pct10_str(num, share->pct10));
}

bool layout_bodysheet(page_state *ps, const tpl_block *b)
{
    const layout_ctx *c = ps->c;
    const fig_catalogue *cat = layout_catalogue(ps);
    const tpl_theme *th = &c->deck->theme;
    if (!c->body || !c->bodies || !c->nation_bodies) {
        diag_add(c->d, D_TEMPLATE, ps->pg->file, b->line, 0,
                 "[%s] shows one body's answers: only a body sheet has one", b->section);
        return false;
    }
    const fig_body *me = c->body;
    int latest = cat->n_years - 1;
    box_pt box = layout_box(b);
    double size = b->as.sheet.size_pt, lh = size * 1.4; /* 1.5 left answers out for lack of room */
    static const double edge[] = {0, 0.24, 0.62, 0.74, 0.87, 1.0};
    const char *head[5] = {"設問", "この団体の回答", arena_printf(c->mem, "%s内", me->pref_name),
                           me->band, "全国"};
    double x[6];
    for (int k = 0; k < 6; k++)
        x[k] = box.x + box.w * edge[k];

    dl_begin(ps->dl, DL_ROLE_TABLE);
    dl_begin(ps->dl, DL_ROLE_THEAD);
    layout_artifact_rect(ps->dl, box.x, box.y, box.w, lh, th->c_table_head);
    dl_begin(ps->dl, DL_ROLE_TR);
    for (int k = 0; k < 5; k++) {
        layout_cell_begin(ps->dl, LAYOUT_COL_HEAD);
        dl_text(ps->dl, head[k], (x[k] + x[k + 1]) / 2, layout_baseline(box.y, size, lh), size,
                th->font_title, th->c_title, DL_ALIGN_CENTER);
        dl_end(ps->dl);
        if (c->prov) /* 「人口50万人以上」: the band of bodies.csv's population */
            prov_add_tokens(c->prov, PROV_LABEL, head[k], strlen(head[k]),
                            k == 3 ? "population band of bodies.csv" : "sheet header");
    }
    /* where each scope's shares are: the B rows of the body's prefecture, of
     * its population band and of the nation */
    const figset *scope_set[N_SCOPES] = {c->bodies, c->nation_bodies, c->nation_bodies};
    const char *scope_group[N_SCOPES] = {"全体", me->band, "全体"};
    dl_end(ps->dl); /* TR */
    dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
    dl_line(ps->dl, box.x, box.y, box.x + box.w, box.y, th->c_title, 1.0);
    double top = box.y + lh;
    dl_line(ps->dl, box.x, top, box.x + box.w, top, th->c_title, 1.0);
    dl_artifact_end(ps->dl);
    dl_end(ps->dl); /* THead */

    /* pass 1: the rows with their wrapped labels: the body's answers (its M
     * rows) question by question. A label too long for its column wraps
     * inside its row (cutting it with … lost wording that fits on the page);
     * such a row is taller by inner_lh per extra line. */
    double inner_lh = size * 1.25;
    int cap = 16, n_rows = 0;
    sheet_row *rows = ARENA_NEW(c->mem, sheet_row, cap);
    for (int q = 0; q < cat->n_questions; q++) {
        const fig_question *cq = &cat->questions[q];
        if (!cq->per_body)
            continue;
        const fig_row *mine[FIG_MAX_OPTIONS];
        int n_mine = figures_ranked(c->bodies, "M", cq->id, latest, me->code, mine,
                                    FIG_MAX_OPTIONS);
        for (int i = 0; i < n_mine && i < FIG_MAX_OPTIONS; i++) {
            if (n_rows == cap) {
                sheet_row *grown = ARENA_NEW(c->mem, sheet_row, cap * 2);
                memcpy(grown, rows, sizeof *rows * (size_t)cap);
                rows = grown;
                cap *= 2;
            }
            sheet_row *r = &rows[n_rows++];
            r->answer = mine[i];
            r->cell[0] = i == 0 ? (cq->title ? cq->title : "") : "";
            r->cell[1] = mine[i]->short_label;
            int most = 1;
            for (int k = 0; k < 2; k++) {
                r->lines[k] = linebreak(c->fonts, k ? th->font_body : th->font_title, size,
                                        r->cell[k], x[k + 1] - x[k] - mm_to_pt(3), c->mem);
                if (r->lines[k].n > most)
                    most = r->lines[k].n;
            }
            r->h = lh + (most - 1) * inner_lh;
        }
    }
    /* as many rows as the box holds; when some are left out, one line says so */
    double room = box.h - lh, need = 0;
    for (int i = 0; i < n_rows; i++)
        need += rows[i].h;
    int shown = n_rows;
    if (need > room + 1e-6) {
        double used = 0;
        for (shown = 0; shown < n_rows && used + rows[shown].h <= room - lh + 1e-6; shown++)
            used += rows[shown].h;
    }
    int left_out = n_rows - shown;

    /* pass 2: draw. A question heads the rows of its answers (one cell
     * spanning them). */
    double yy = top;
    dl_begin(ps->dl, DL_ROLE_TBODY);
    for (int i = 0; i < shown; i++) {
        const sheet_row *r = &rows[i];
        double bl = layout_baseline(yy, size, lh);
        dl_begin(ps->dl, DL_ROLE_TR);
        int span = 0;
        if (i == 0 || strcmp(rows[i - 1].answer->figure, r->answer->figure) != 0)
            while (i + span < shown && strcmp(rows[i + span].answer->figure, r->answer->figure) == 0)
                span++;
        for (int k = 0; k < 2; k++) {
            if (k == 0 && span == 0)
                continue; /* under the question's cell */
            dl_begin_tag(ps->dl, &(dl_tag){.role = k ? DL_ROLE_TD : DL_ROLE_TH,
                                           .scope = k ? DL_SCOPE_NONE : DL_SCOPE_ROW,
                                           .row_span = k ? 0 : span});
            for (int l = 0; l < r->lines[k].n; l++) {
                const lb_line *ln = &r->lines[k].lines[l];
                const char *t = arena_strndup(c->mem, r->cell[k] + ln->start,
                                              ln->end - ln->start);
                dl_text(ps->dl, t, x[k] + mm_to_pt(1.5), bl + l * inner_lh, size,
                        k ? th->font_body : th->font_title, th->c_text, DL_ALIGN_LEFT);
                if (c->prov)
                    prov_add_tokens(c->prov, PROV_LABEL, t, strlen(t), "codebook");
            }
            dl_end(ps->dl);
        }
        for (int k = 0; k < N_SCOPES; k++) {
            const fig_row *share = figures_get(scope_set[k], "B", r->answer->figure, latest,
                                               scope_group[k], r->answer->option);
            const char *pct = pct_text(c->mem, share);
            layout_cell_begin(ps->dl, LAYOUT_DATA);
            dl_text(ps->dl, pct, x[k + 3] - mm_to_pt(3), bl, size, th->font_body, th->c_text,
                    DL_ALIGN_RIGHT);
            dl_end(ps->dl);
            if (c->prov && share && share->base > 0)
                prov_add_figure(c->prov, share, "pct", pct, PROV_ROUND_HALF_UP);
        }
        dl_end(ps->dl); /* TR */
        yy += r->h;
        /* between questions a rule across the table; between the answers of
         * one question a finer one that leaves the question's cell open */
        bool next_new_q =
            i + 1 == shown || strcmp(rows[i + 1].answer->figure, r->answer->figure) != 0;
        layout_artifact_line(ps->dl, next_new_q ? box.x : x[1], yy, box.x + box.w, yy,
                             th->c_table_rule, next_new_q ? 0.4 : 0.2);
    }
    dl_end(ps->dl); /* TBody */
    dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
    for (int k = 1; k < 5; k++)
        dl_line(ps->dl, x[k], box.y, x[k], yy, th->c_table_rule, 0.4);
    dl_artifact_end(ps->dl);
    dl_end(ps->dl); /* Table */
    if (left_out) {
        double bl = layout_baseline(yy, size, lh);
        dl_begin(ps->dl, DL_ROLE_P);
        dl_text(ps->dl, arena_printf(c->mem, "ほか%d件の回答は紙幅の都合により省略", left_out),
                box.x + mm_to_pt(1.5), bl, size, th->font_body, th->c_muted, DL_ALIGN_LEFT);
        dl_end(ps->dl);
        if (c->prov) {
            char num[16];
            snprintf(num, sizeof num, "%d", left_out);
            prov_entry e = {.kind = PROV_LAYOUT, .text = num, .numerator = left_out,
                            .denominator = -1,
                            .source = "the body's answers (M rows) not shown for lack of room"};
            prov_add(c->prov, &e);
        }
    }
    return true;
}
