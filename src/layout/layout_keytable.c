/* layout_keytable.c - a [keytable] block: a prefecture's key indicators, one
 * row per question of the national deck, as a statistical table:
 *
 *   設問 | 指標 | 対象 | the prefecture | n | 全国 | 順位 | 前年度差
 *
 * Every number is a field of a figure row: the prefecture's share (or
 * count) of the latest year and its base, the nation's share of the same
 * row (same group, same base), the prefecture's rank among the 47 on that
 * share (fig_row.pref_rank, 「同率」 when shared) and its change since the
 * year before (fig_row.change10, in points). A share counted on fewer than
 * `small_base` bodies (or answers) is printed in （ ）, its rank and change
 * too, and the page gets the block's caveat note. The rows share the box's
 * height evenly, so the table fills its page. */
#include "layout_priv.h"
#include "units.h"

#include "linebreak.h"
#include "numfmt.h"

#include <stdio.h>
#include <string.h>

#define CELL_PAD_X_MM 1.8
#define CELL_LEADING 1.25
#define DASH "―"
/* The caveat of a small base when the template gives none (no digits: the
 * threshold is the template's). */
#define SMALL_NOTE_DEFAULT "※（　）内の値は基数（n）が少なく、誤差が大きいため参考値。"

enum { COL_QUESTION, COL_INDICATOR, COL_BASE, COL_OWN, COL_N, COL_NATION, COL_RANK, COL_CHANGE };

typedef struct {
    const char *text[TPL_KEY_COLUMNS];
    lb_lines lines[TPL_KEY_COLUMNS];
    layout_tcell cell[TPL_KEY_COLUMNS]; /* as data, for the workbook and HTML page */
} key_row;

/* A printed value as data: a number where it stands alone, the printed
 * text where a mark goes with it (a small base's （ ）, a dash). */
static layout_tcell value_cell(const fig_row *r, bool share, bool small, const char *text)
{
    if (!share)
        return (layout_tcell){LCELL_INT, text, r->count};
    if (small || r->base <= 0 || r->pct10 < 0)
        return (layout_tcell){LCELL_TEXT, text, 0};
    return (layout_tcell){LCELL_PCT10, text, r->pct10};
}

/* A row's share (or count, for a figure without base) as printed. */
static const char *value_text(arena *mem, const fig_row *r, bool share, bool small)
{
    char num[NUMFMT_MAX];
    if (!share)
        return arena_strdup(mem, numfmt_int(num, r->count));
    if (r->base <= 0 || r->pct10 < 0)
        return DASH; /* a share of nobody */
    numfmt_pct10_str(num, r->pct10);
    return arena_printf(mem, small ? "（%s%%）" : "%s%%", num);
}

/* Provenance of a value printed by value_text. */
static void record_value(page_state *ps, const fig_row *r, bool share)
{
    char num[NUMFMT_MAX];
    if (!ps->c->prov)
        return;
    if (!share)
        prov_add_figure(ps->c->prov, r, "count", numfmt_int(num, r->count), PROV_ROUND_NONE);
    else if (r->base > 0 && r->pct10 >= 0)
        prov_add_figure(ps->c->prov, r, "pct",
                        arena_printf(ps->c->mem, "%s%%", numfmt_pct10_str(num, r->pct10)),
                        PROV_ROUND_HALF_UP);
}

/* The cells of one row; every number recorded with its figure. */
static bool fill_row(page_state *ps, const tpl_block *b, const tpl_keyrow *kr, key_row *out,
                     bool *any_small)
{
    const tpl_keytable_block *kt = b->as.keytable;
    const layout_ctx *c = ps->c;
    arena *mem = c->mem;
    const fig_catalogue *cat = layout_catalogue(ps);
    int latest = cat->n_years - 1;
    const figset *nation = c->nation ? c->nation : c->f;
    const fig_row *own = figures_get(c->f, kr->fig.page, kr->fig.name, latest, kr->group,
                                     kr->option);
    const fig_row *nat = figures_get(nation, kr->fig.page, kr->fig.name, latest, kr->group,
                                     kr->option);
    if (!own || !nat) {
        diag_add(c->d, D_TEMPLATE_FIGURE, ps->pg->file, kr->line, 0,
                 "[%s] %s.%s[%s,%d]: no such row in the figures of year %s", b->section,
                 kr->fig.page, kr->fig.name, kr->group, kr->option, cat->years[latest].key);
        return false;
    }
    /* the texts: the template's, else the question's title and the option's label */
    const char *defaults[3] = {"", own->short_label, ""};
    if (own->question >= 0 && own->question < cat->n_questions)
        defaults[0] = cat->questions[own->question].title;
    for (int j = 0; j < 3; j++) {
        const char *t = kr->text[j] ? layout_expand(ps, b, kr->text[j], kr->line, -1)
                                    : defaults[j];
        if (!t)
            return false;
        if (!kr->text[j] && c->prov)
            prov_add_tokens(c->prov, PROV_LABEL, t, strlen(t), "codebook");
        out->text[j] = t;
    }
    const fig_def *d = figures_def(cat, kr->fig.page, kr->fig.name);
    bool share = d && d->has_base;
    bool small = share && own->base < kt->small_base;
    *any_small |= small;
    char num[NUMFMT_MAX];
    out->text[COL_OWN] = value_text(mem, own, share, small);
    record_value(ps, own, share);
    out->text[COL_N] = share ? arena_strdup(mem, numfmt_int(num, own->base)) : DASH;
    if (share && c->prov)
        prov_add_figure(c->prov, own, "base", out->text[COL_N], PROV_ROUND_NONE);
    out->text[COL_NATION] = value_text(mem, nat, share, false);
    record_value(ps, nat, share);
    for (int j = 0; j < TPL_KEY_COLUMNS; j++)
        out->cell[j] = (layout_tcell){LCELL_TEXT, NULL, 0};
    out->cell[COL_OWN] = value_cell(own, share, small, out->text[COL_OWN]);
    out->cell[COL_NATION] = value_cell(nat, share, false, out->text[COL_NATION]);
    if (share)
        out->cell[COL_N] = (layout_tcell){LCELL_INT, out->text[COL_N], own->base};
    out->text[COL_RANK] = DASH;
    if (own->pref_rank > 0) {
        snprintf(num, sizeof num, "%d", own->pref_rank);
        out->text[COL_RANK] = arena_printf(mem, small ? "（%s%s位）" : "%s%s位",
                                           own->pref_tied ? "同率" : "", num);
        if (c->prov)
            prov_add_figure(c->prov, own, "pref_rank", num, PROV_ROUND_NONE);
    }
    out->text[COL_CHANGE] = DASH;
    if (own->has_change) {
        numfmt_points(num, own->change10);
        out->text[COL_CHANGE] = arena_printf(mem, small ? "（%s）" : "%s", num);
        if (c->prov)
            prov_add_figure(c->prov, own, "change", num, PROV_ROUND_POINTS);
    }
    return true;
}

/* Breaks every cell of a row into its column; false when a line is wider. */
static bool break_cells(page_state *ps, key_row *r, const double *col_x, font_role font,
                        double size, int *most)
{
    bool fits = true;
    for (int j = 0; j < TPL_KEY_COLUMNS; j++) {
        double w = col_x[j + 1] - col_x[j] - mm_to_pt(2 * CELL_PAD_X_MM);
        r->lines[j] = linebreak(ps->c->fonts, font, size, r->text[j], w, ps->c->mem);
        for (int k = 0; k < r->lines[j].n; k++)
            fits &= r->lines[j].lines[k].width_pt <= w + 0.01;
        if (r->lines[j].n > *most)
            *most = r->lines[j].n;
    }
    return fits;
}

static void draw_cells(page_state *ps, const key_row *r, const double *col_x, double y, double h,
                       font_role font, double size, uint32_t rgb, bool head)
{
    double lh = size * CELL_LEADING;
    dl_begin(ps->dl, DL_ROLE_TR); /* the header's cells head columns, the question heads a row */
    for (int j = 0; j < TPL_KEY_COLUMNS; j++) {
        layout_cell_begin(ps->dl, head ? LAYOUT_COL_HEAD
                                  : j == COL_QUESTION ? LAYOUT_ROW_HEAD
                                                      : LAYOUT_DATA);
        const lb_lines *ls = &r->lines[j];
        /* words left, numbers right; the rank and the header centred */
        dl_align a = head || j == COL_RANK ? DL_ALIGN_CENTER
                     : j >= COL_OWN        ? DL_ALIGN_RIGHT
                                           : DL_ALIGN_LEFT;
        double x = a == DL_ALIGN_CENTER  ? (col_x[j] + col_x[j + 1]) / 2
                   : a == DL_ALIGN_RIGHT ? col_x[j + 1] - mm_to_pt(CELL_PAD_X_MM)
                                         : col_x[j] + mm_to_pt(CELL_PAD_X_MM);
        double ty = y + (h - ls->n * lh) / 2;
        font_role f = j == COL_OWN && !head ? ps->c->deck->theme.font_title : font;
        for (int k = 0; k < ls->n; k++) {
            const lb_line *ln = &ls->lines[k];
            char *t = arena_strndup(ps->c->mem, r->text[j] + ln->start, ln->end - ln->start);
            dl_text(ps->dl, t, x, layout_baseline(ty + k * lh, size, lh), size, f, rgb, a);
        }
        dl_end(ps->dl);
    }
    dl_end(ps->dl);
}

bool layout_keytable(page_state *ps, const tpl_block *b)
{
    const tpl_keytable_block *kt = b->as.keytable;
    const tpl_theme *th = &ps->c->deck->theme;
    arena *mem = ps->c->mem;
    if (!ps->c->pref || !figures_prefs_ranked(ps->c->f)) {
        diag_add(ps->c->d, D_TEMPLATE, ps->pg->file, b->line, 0,
                 "[%s] sets a prefecture beside the nation and the other prefectures: only a "
                 "prefecture report built with the 47 ranked has one",
                 b->section);
        return false;
    }
    box_pt box = layout_box(b);
    double col_x[TPL_KEY_COLUMNS + 1];
    col_x[0] = box.x;
    for (int j = 0; j < TPL_KEY_COLUMNS; j++)
        col_x[j + 1] = col_x[j] + box.w * kt->pct[j] / 100.0;
    double size = kt->size_pt, lh = size * CELL_LEADING;

    key_row head;
    for (int j = 0; j < TPL_KEY_COLUMNS; j++)
        if (!(head.text[j] = layout_expand(ps, b, kt->head[j], b->line, -1)))
            return false;
    key_row *rows = ARENA_NEW(mem, key_row, kt->n_rows);
    bool any_small = false;
    for (int i = 0; i < kt->n_rows; i++)
        if (!fill_row(ps, b, &kt->rows[i], &rows[i], &any_small))
            return false;

    if (ps->c->content) {
        /* kept with the page's data: the header array too, not this frame's */
        const char **header = ARENA_NEW(mem, const char *, TPL_KEY_COLUMNS);
        memcpy(header, head.text, sizeof head.text);
        layout_tcell *cells = ARENA_NEW(mem, layout_tcell, (size_t)kt->n_rows * TPL_KEY_COLUMNS);
        for (int i = 0; i < kt->n_rows; i++)
            for (int j = 0; j < TPL_KEY_COLUMNS; j++) {
                layout_tcell *tc = &cells[i * TPL_KEY_COLUMNS + j];
                *tc = rows[i].cell[j];
                if (!tc->text)
                    tc->text = rows[i].text[j];
            }
        layout_content_table(ps, b, kt->n_rows, TPL_KEY_COLUMNS, header, cells);
    }

    /* the rows share the box evenly: each must hold its most lines */
    int most = 1;
    bool fits = break_cells(ps, &head, col_x, th->font_title, size, &most);
    for (int i = 0; i < kt->n_rows; i++)
        fits &= break_cells(ps, &rows[i], col_x, th->font_body, size, &most);
    double row_h = box.h / (kt->n_rows + 1);
    if (!fits || most * lh + mm_to_pt(1) > row_h) {
        diag_add(ps->c->d, D_TEXT_OVERFLOW, ps->pg->file, b->line, 0,
                 "[%s]: %d rows of %d line%s at %.1f pt need %.1f mm, the box is %.1f mm high%s",
                 b->section, kt->n_rows + 1, most, most > 1 ? "s" : "", size,
                 pt_to_mm((kt->n_rows + 1) * (most * lh + mm_to_pt(1))), pt_to_mm(box.h),
                 fits ? "" : " (a word is wider than its column)");
        return false;
    }

    /* the prefecture's own column tinted: the reader's eye goes there first */
    dl_begin(ps->dl, DL_ROLE_TABLE);
    dl_begin(ps->dl, DL_ROLE_THEAD);
    layout_artifact_rect(ps->dl, col_x[COL_OWN], box.y, col_x[COL_OWN + 1] - col_x[COL_OWN],
                         box.h, th->c_lead_bg);
    layout_artifact_rect(ps->dl, box.x, box.y, box.w, row_h, th->c_table_head);
    draw_cells(ps, &head, col_x, box.y, row_h, th->font_title, size, th->c_title, true);
    double y = box.y + row_h;
    layout_artifact_line(ps->dl, box.x, box.y, box.x + box.w, box.y, th->c_title, 1.0);
    layout_artifact_line(ps->dl, box.x, y, box.x + box.w, y, th->c_title, 1.0);
    dl_end(ps->dl);
    dl_begin(ps->dl, DL_ROLE_TBODY);
    for (int i = 0; i < kt->n_rows; i++) {
        draw_cells(ps, &rows[i], col_x, y, row_h, th->font_body, size, th->c_text, false);
        y += row_h;
        layout_artifact_line(ps->dl, box.x, y, box.x + box.w, y,
                             i + 1 == kt->n_rows ? th->c_title : th->c_table_rule,
                             i + 1 == kt->n_rows ? 1.0 : 0.4);
    }
    dl_end(ps->dl);
    dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
    for (int j = 1; j < TPL_KEY_COLUMNS; j++)
        dl_line(ps->dl, col_x[j], box.y, col_x[j], y, th->c_table_rule, 0.4);
    dl_artifact_end(ps->dl);
    dl_end(ps->dl); /* Table */

    if (any_small) {
        const char *note = kt->small_note ? layout_expand(ps, b, kt->small_note, b->line, -1)
                                          : SMALL_NOTE_DEFAULT;
        if (!note)
            return false;
        layout_add_page_note(ps, note);
    }
    return true;
}
