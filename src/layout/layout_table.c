/* layout_table.c - the [table] block of P6: case studies in columns whose
 * widths come from the template, cells wrapped with the line breaker (a
 * cell set smaller, down to the block's min_size_pt, rather than a word of
 * it broken), row heights from their content grown to fill the box, a
 * tinted header row. The scope's cases keep their numbers of the year's
 * list (a prefecture report lists its own); a scope without any lists the
 * nation's in the block's `nation_columns` where it has them (a prefecture
 * report's reference), else prints the block's `empty` text. */
#include "layout_priv.h"
#include "units.h"

#include "linebreak.h"
#include "numfmt.h"

#include <math.h>
#include <string.h>

#define CELL_PAD_X_MM 2.0
#define CELL_PAD_Y_MM 2.5
#define CELL_LEADING 1.4

typedef struct {
    const char *text;
    lb_lines lines;
    double size; /* the table's size, or smaller to keep a word whole */
} cell;

/* The cell broken into width w at size, or a quarter point smaller at a
 * time down to min where a word would otherwise be broken. */
static void wrap_cell(cell *c, const fontset *fs, font_role font, double size, double min, double w,
                      arena *mem)
{
    c->size = size;
    c->lines = linebreak(fs, font, size, c->text, w, mem);
    for (double s = size - 0.25; c->lines.forced && s >= min - 1e-9; s -= 0.25) {
        lb_lines smaller = linebreak(fs, font, s, c->text, w, mem);
        if (!smaller.forced) {
            c->lines = smaller;
            c->size = s;
        }
    }
}

/* No case in the scope: the template's sentence in the table's place. */
static bool empty_table(page_state *ps, const tpl_block *b, box_pt box, double size)
{
    const tpl_theme *th = &ps->c->deck->theme;
    const char *t = layout_expand(ps, b, b->as.table.empty, b->line, -1);
    if (!t)
        return false;
    lb_lines ls = linebreak(ps->c->fonts, th->font_body, size, t, box.w - mm_to_pt(8),
                            ps->c->mem);
    double lh = size * CELL_LEADING, h = ls.n * lh + mm_to_pt(2 * CELL_PAD_Y_MM);
    if (h > box.h) {
        diag_add(ps->c->d, D_TEXT_OVERFLOW, ps->pg->file, b->line, 0,
                 "[%s]: the empty text does not fit its box", b->section);
        return false;
    }
    dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
    dl_rect(ps->dl, box.x, box.y, box.w, h, th->c_rule, false, 0.75);
    dl_artifact_end(ps->dl);
    dl_begin(ps->dl, DL_ROLE_P); /* a sentence, not a table */
    for (int k = 0; k < ls.n; k++)
        dl_text(ps->dl,
                arena_strndup(ps->c->mem, t + ls.lines[k].start,
                              ls.lines[k].end - ls.lines[k].start),
                box.x + mm_to_pt(4),
                layout_baseline(box.y + mm_to_pt(CELL_PAD_Y_MM) + k * lh, size, lh), size,
                th->font_body, th->c_text, DL_ALIGN_LEFT);
    dl_end(ps->dl);
    return true;
}

bool layout_table(page_state *ps, const tpl_block *b)
{
    const tpl_table_block *tb = &b->as.table;
    const fig_catalogue *cat = layout_catalogue(ps);
    const tpl_theme *th = &ps->c->deck->theme;
    arena *mem = ps->c->mem;
    const fontset *fs = ps->c->fonts;
    int latest = cat->n_years - 1;
    const fig_year *yr = &cat->years[latest];
    box_pt box = layout_box(b);
    double size = tb->size_pt > 0 ? tb->size_pt : th->body_pt, lh = size * CELL_LEADING;
    double pad_x = mm_to_pt(CELL_PAD_X_MM), pad_y = mm_to_pt(CELL_PAD_Y_MM);

    /* the scope's cases in list order (the series is not ranked); a
     * prefecture without any lists the nation's where the template says so */
    const figset *f = ps->c->f;
    const tpl_table_columns *cols = &tb->cols;
    int n_rows = figures_ranked(f, tb->fig.page, tb->fig.name, latest, "", NULL, 0);
    if (n_rows == 0 && tb->nation_cols.n_cols > 0 && ps->c->nation) {
        f = ps->c->nation;
        cols = &tb->nation_cols;
        n_rows = figures_ranked(f, tb->fig.page, tb->fig.name, latest, "", NULL, 0);
    }
    const fig_row **case_rows = ARENA_NEW(mem, const fig_row *, n_rows ? n_rows : 1);
    figures_ranked(f, tb->fig.page, tb->fig.name, latest, "", case_rows, n_rows);
    if (n_rows == 0 && tb->empty)
        return empty_table(ps, b, box, size);
    int nc = cols->n_cols;
    cell *cells = ARENA_NEW(mem, cell, (size_t)(n_rows + 1) * (size_t)nc);
    double *col_x = ARENA_NEW(mem, double, nc + 1);
    col_x[0] = box.x;
    for (int j = 0; j < nc; j++)
        col_x[j + 1] = col_x[j] + box.w * cols->col_pct[j] / 100.0;

    for (int j = 0; j < nc; j++)
        cells[j].text = cols->col_header[j];
    for (int i = 0; i < n_rows; i++) {
        const fig_row *r = case_rows[i];
        for (int j = 0; j < nc; j++) {
            const char *t = "";
            char num[NUMFMT_MAX];
            switch (cols->col_field[j]) {
            case TPL_COL_USE_CASE:
                t = r->option_label; /* 活用事例 */
                break;
            case TPL_COL_EFFECT:
                t = r->detail ? r->detail : ""; /* 導入効果 */
                break;
            case TPL_COL_POPULATION:
                t = arena_strdup(mem, numfmt_man(num, r->count));
                break;
            case TPL_COL_PREF:
                t = r->place ? r->place : "";
                break;
            }
            cells[(i + 1) * nc + j].text = t;
        }
    }

    if (ps->c->content) {
        layout_tcell *tc = ARENA_NEW(mem, layout_tcell, (size_t)(n_rows ? n_rows : 1) * nc);
        const char **header = ARENA_NEW(mem, const char *, nc);
        for (int j = 0; j < nc; j++)
            header[j] = cells[j].text;
        for (int i = 0; i < n_rows * nc; i++)
            tc[i] = (layout_tcell){LCELL_TEXT, cells[nc + i].text, 0};
        layout_content_table(ps, b, n_rows, nc, header, tc);
    }
    double *row_h = ARENA_NEW(mem, double, n_rows + 1);
    double total = 0;
    bool too_wide = false;
    for (int i = 0; i <= n_rows; i++) {
        int most = 1;
        for (int j = 0; j < nc; j++) {
            cell *c = &cells[i * nc + j];
            font_role font = i == 0 ? th->font_title : th->font_body;
            double w = col_x[j + 1] - col_x[j] - 2 * pad_x;
            wrap_cell(c, fs, font, size, tb->min_size_pt, w, mem);
            for (int k = 0; k < c->lines.n; k++)
                too_wide |= c->lines.lines[k].width_pt > w + 0.01;
            if (c->lines.n * c->size * CELL_LEADING > most * lh)
                most = (int)ceil(c->lines.n * c->size * CELL_LEADING / lh - 1e-9);
        }
        row_h[i] = most * lh + 2 * pad_y;
        total += row_h[i];
    }
    if (total > box.h + 0.01 || too_wide) {
        diag_add(ps->c->d, D_TEXT_OVERFLOW, ps->pg->file, b->line, 0,
                 "[%s]: the table does not fit its box: %d rows need %.1f mm, the box is "
                 "%.1f x %.1f mm%s",
                 b->section, n_rows + 1, pt_to_mm(total), pt_to_mm(box.w), pt_to_mm(box.h),
                 too_wide ? " (a column is narrower than one character)" : "");
        return false;
    }

    /* the rows grow alike to fill the box: no empty band under the table */
    for (int i = 1; i <= n_rows; i++)
        row_h[i] += (box.h - total) / n_rows;

    if (ps->c->prov) /* every cell is printed: record their numbers */
        for (int i = 0; i <= n_rows; i++)
            for (int j = 0; j < nc; j++) {
                const char *t = cells[i * nc + j].text;
                if (i > 0 && cols->col_field[j] == TPL_COL_POPULATION)
                    prov_add_figure(ps->c->prov, case_rows[i - 1], "man", t,
                                    PROV_ROUND_MAN_HALF_UP);
                else /* a case's number is its row in the year's list */
                    prov_add_tokens(ps->c->prov, i ? PROV_CASE_TEXT : PROV_TEMPLATE, t,
                                    strlen(t),
                                    i ? arena_printf(mem, "%s/cases.csv row %d", yr->key,
                                                     case_rows[i - 1]->option)
                                      : NULL);
            }

    double y = box.y;
    dl_begin(ps->dl, DL_ROLE_TABLE);
    dl_begin(ps->dl, DL_ROLE_THEAD);
    layout_artifact_rect(ps->dl, box.x, y, box.w, row_h[0], th->c_table_head);
    for (int i = 0; i <= n_rows; i++) {
        if (i == 1) {
            dl_end(ps->dl); /* THead */
            dl_begin(ps->dl, DL_ROLE_TBODY);
        }
        dl_begin(ps->dl, DL_ROLE_TR); /* the use case heads its row */
        for (int j = 0; j < nc; j++) {
            const cell *c = &cells[i * nc + j];
            layout_cell_begin(ps->dl, i == 0                                ? LAYOUT_COL_HEAD
                                      : cols->col_field[j] == TPL_COL_USE_CASE ? LAYOUT_ROW_HEAD
                                                                             : LAYOUT_DATA);
            bool centred = i == 0 || cols->col_field[j] == TPL_COL_POPULATION;
            double clh = c->size * CELL_LEADING, text_h = c->lines.n * clh;
            double ty = y + (row_h[i] - text_h) / 2; /* cells centred vertically */
            font_role font = i == 0 ? th->font_title : th->font_body;
            for (int k = 0; k < c->lines.n; k++) {
                const lb_line *ln = &c->lines.lines[k];
                char *t = arena_strndup(mem, c->text + ln->start, ln->end - ln->start);
                double x = centred ? (col_x[j] + col_x[j + 1]) / 2 : col_x[j] + pad_x;
                dl_text(ps->dl, t, x, layout_baseline(ty + k * clh, c->size, clh), c->size, font,
                        i == 0 ? th->c_title : th->c_text,
                        centred ? DL_ALIGN_CENTER : DL_ALIGN_LEFT);
            }
            dl_end(ps->dl);
        }
        dl_end(ps->dl);
        y += row_h[i];
        /* rule under each row: heavier under the header */
        layout_artifact_line(ps->dl, box.x, y, box.x + box.w, y,
                             i == 0 ? th->c_title : th->c_table_rule, i == 0 ? 1.0 : 0.5);
    }
    dl_end(ps->dl); /* TBody (THead when there are no rows) */
    dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
    dl_line(ps->dl, box.x, box.y, box.x + box.w, box.y, th->c_title, 1.0);
    for (int j = 1; j < nc; j++)
        dl_line(ps->dl, col_x[j], box.y, col_x[j], y, th->c_table_rule, 0.5);
    dl_artifact_end(ps->dl);
    dl_end(ps->dl); /* Table */
    return true;
}
