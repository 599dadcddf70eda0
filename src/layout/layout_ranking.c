/* layout_ranking.c - a [ranking] block: the 47 prefectures ranked by the
 * 導入済 (or 策定済) share of their municipalities in the latest year (the
 * national figures' A1 rows, in their rank order), set as a table in
 * `columns` groups side by side (1-16, 17-32, 33-47), each row with a small
 * bar of the share. In a prefecture report the report's own prefecture is
 * highlighted. Ranks are on the printed share: equal shares share a rank
 * (figures.c), and a shared rank is marked 「同率」.
 *
 * The geometry also decides how text extractors that order by position
 * (poppler's pdftotext without -raw, copy and paste in many viewers) read
 * the page; the structure tree reads group by group, and so must they.
 * poppler groups words into blocks (lines whose baselines are at most 1.5 em
 * apart, words near the block) and reads blocks aligned in a grid as a
 * table, row by row across everything aligned: the three groups, however
 * wide the gutter between them, when each row or cell is a block of its
 * own. So each group is made one block, read line by line:
 * - rows and the header row 1.45 em apart;
 * - all its texts of one size (同率 too);
 * - the header row's labels (each as wide as its column's widest text, the
 *   values aligned with it) 0.5 em apart: that line joins the columns.
 * Measured with poppler 22.12 (tests/checks/check_order.py): labels 0.8 em
 * apart make each column a block (read column by column), rows 1.7 em
 * apart make each row one (read across the groups). */
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

/* Where a group's texts stand, as offsets from its left edge (pt); see the
 * top of the file for why these distances. */
typedef struct {
    double rank_r; /* right edge of the ranks and of 「順位」 */
    double name_l; /* the names and 「都道府県」, left-aligned */
    double count_r; /* right edge of the counts and of their header */
    double pct_r;  /* right edge of the shares and of their header */
    double bar_l;  /* the bars start here... */
    double bar_w;  /* ...and the highest share's is this long */
} rank_geom;

#define EM_GAP 0.5   /* between a column's widest text and the next column */
#define EM_PITCH 1.45 /* baseline to baseline: under 1.5 em */
#define MIN_BAR_MM 8     /* the shortest bar column worth drawing */

/* The widest of texts[0..n) in the body or the bold font (the highlighted
 * row and the header are bold). */
static double widest(const fontset *fs, const tpl_theme *th, const char *const *texts, int n,
                     double size)
{
    double w = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(texts[i]);
        double wb = fontset_measure(fs, th->font_body, texts[i], len, size);
        double wt = fontset_measure(fs, th->font_title, texts[i], len, size);
        if (wb > w)
            w = wb;
        if (wt > w)
            w = wt;
    }
    return w;
}

static double wider(double a, double b)
{
    return a > b ? a : b;
}

/* head: the four labels; rank..pct: the n printed rows' texts. */
static rank_geom ranking_geom(const fontset *fs, const tpl_theme *th, double size, double gw,
                              const char *const head[4], const char *const *rank,
                              const char *const *name, const char *const *count,
                              const char *const *pct, int n)
{
    const char *tie[] = {TIE_MARK};
    double gap = size * EM_GAP, pad = mm_to_pt(1);
    rank_geom g;
    g.rank_r = wider(pad + widest(fs, th, tie, 1, size) + size * 0.25 + widest(fs, th, rank, n, size),
                     widest(fs, th, &head[0], 1, size));
    g.name_l = g.rank_r + gap;
    g.count_r = g.name_l + wider(widest(fs, th, &head[1], 1, size), widest(fs, th, name, n, size)) +
                gap + wider(widest(fs, th, &head[2], 1, size), widest(fs, th, count, n, size));
    g.pct_r = g.count_r + gap + wider(widest(fs, th, &head[3], 1, size), widest(fs, th, pct, n, size));
    g.bar_l = g.pct_r + size * 0.8;
    g.bar_w = gw - pad - g.bar_l;
    return g;
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
    double size = b->as.ranking.size_pt;
    double rh = box.h / (per_col + 1);
    if (rh > size * EM_PITCH)
        rh = size * EM_PITCH; /* one block per group for extractors (above) */
    if (rh < size * 1.25) {
        diag_add(ps->c->d, D_TEXT_OVERFLOW, ps->pg->file, b->line, 0,
                 "[%s]: %d rows of %.1f pt text need %.1f mm, the box is %.1f mm high", b->section,
                 per_col + 1, size, pt_to_mm((per_col + 1) * size * 1.25), pt_to_mm(box.h));
        return false;
    }
    const char *head[] = {"順位", "都道府県", b->as.ranking.by_guideline ? "策定済／市区町村" : "導入済／市区町村",
                          b->as.ranking.by_guideline ? "策定済の割合" : "導入済の割合"};
    /* each row's texts as printed */
    const char **rank = ARENA_NEW(ps->c->mem, const char *, (size_t)n);
    const char **name = ARENA_NEW(ps->c->mem, const char *, (size_t)n);
    const char **count = ARENA_NEW(ps->c->mem, const char *, (size_t)n);
    const char **pct = ARENA_NEW(ps->c->mem, const char *, (size_t)n);
    for (int i = 0; i < n; i++) {
        char num[NUMFMT_MAX], base[NUMFMT_MAX], share[NUMFMT_MAX];
        rank[i] = arena_printf(ps->c->mem, "%d", rows[i]->rank);
        name[i] = rows[i]->option_label;
        count[i] = arena_printf(ps->c->mem, "%s／%s", numfmt_int(num, rows[i]->count),
                                numfmt_int(base, rows[i]->base));
        numfmt_pct10_str(share, rows[i]->pct10);
        pct[i] = arena_printf(ps->c->mem, "%s%%", share);
    }
    rank_geom geo = ranking_geom(ps->c->fonts, th, size, gw, head, rank, name, count, pct, n);
    if (geo.bar_w < mm_to_pt(MIN_BAR_MM)) { /* the texts, and a bar that still says something */
        double need = cols * (geo.bar_l + mm_to_pt(MIN_BAR_MM) + (gw - geo.bar_l - geo.bar_w)) +
                      gap * (cols - 1);
        diag_add(ps->c->d, D_TEXT_OVERFLOW, ps->pg->file, b->line, 0,
                 "[%s]: %d column groups of %.1f pt text need %.1f mm, the box is %.1f mm wide",
                 b->section, cols, size, pt_to_mm(need), pt_to_mm(box.w));
        return false;
    }
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
    const double head_x[] = {geo.rank_r, geo.name_l, geo.count_r, geo.pct_r};
    const dl_align head_align[] = {DL_ALIGN_RIGHT, DL_ALIGN_LEFT, DL_ALIGN_RIGHT, DL_ALIGN_RIGHT};
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
            if (g == 0)
                layout_cell_begin(ps->dl, LAYOUT_COL_HEAD);
            dl_text(ps->dl, head[k], gx + head_x[k], layout_baseline(y, size, rh), size,
                    th->font_title, th->c_title, head_align[k]);
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
             * to the highest share, after the texts */
            dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
            if (mine)
                dl_rect(ps->dl, gx, y, gw, rh, th->c_lead_bg, true, 0);
            dl_rect(ps->dl, gx + geo.bar_l, y + rh * 0.25, geo.bar_w * r->pct10 / max_pct10, rh * 0.5,
                    mine ? th->c_title : th->c_accent, true, 0);
            dl_artifact_end(ps->dl);
            /* another prefecture has this rank: the one before or after */
            bool tied = (i > 0 && rows[i - 1]->rank == r->rank) ||
                        (i + 1 < n && rows[i + 1]->rank == r->rank);
            double bl = layout_baseline(y, size, rh);
            dl_begin(ps->dl, DL_ROLE_TR); /* the prefecture's name heads its row */
            layout_cell_begin(ps->dl, LAYOUT_DATA); /* the rank, 同率 before it when tied */
            if (tied) {
                double rw = fontset_measure(ps->c->fonts, font, rank[i], strlen(rank[i]), size);
                dl_text(ps->dl, TIE_MARK, gx + geo.rank_r - rw - size * 0.25, bl, size, font,
                        th->c_muted, DL_ALIGN_RIGHT);
            }
            dl_text(ps->dl, rank[i], gx + geo.rank_r, bl, size, font, th->c_text, DL_ALIGN_RIGHT);
            dl_end(ps->dl);
            layout_cell_begin(ps->dl, LAYOUT_ROW_HEAD);
            dl_text(ps->dl, name[i], gx + geo.name_l, bl, size, font, th->c_text, DL_ALIGN_LEFT);
            dl_end(ps->dl);
            layout_cell_begin(ps->dl, LAYOUT_DATA);
            dl_text(ps->dl, count[i], gx + geo.count_r, bl, size, font, th->c_text, DL_ALIGN_RIGHT);
            dl_end(ps->dl);
            layout_cell_begin(ps->dl, LAYOUT_DATA);
            dl_text(ps->dl, pct[i], gx + geo.pct_r, bl, size, font, th->c_text, DL_ALIGN_RIGHT);
            dl_end(ps->dl);
            dl_end(ps->dl); /* TR */
            if (ps->c->prov) {
                char num[NUMFMT_MAX], base[NUMFMT_MAX];
                record_row(ps, r, rank[i], numfmt_int(num, r->count), numfmt_int(base, r->base), pct[i]);
            }
            y += rh;
            layout_artifact_line(ps->dl, gx, y, gx + gw, y, th->c_table_rule, 0.4);
        }
    }
    dl_end(ps->dl); /* TBody */
    dl_end(ps->dl); /* Table */
    return true;
}
