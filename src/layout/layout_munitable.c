/* layout_munitable.c - the municipality table of a prefecture report, set
 * over as many pages as it needs (see layout_munitable.h).
 *
 * Columns: 団体名, 区分, 人口, 導入状況 of each year shown, ガイドライン,
 * 入力可能情報, 人材確保, 利用しているサービス. The prefecture itself is the
 * first row, its municipalities follow in code order. A column of single
 * words (names, statuses) is as wide as its widest word, so no status wraps;
 * the answers of the two multi-answer questions are their option numbers
 * (①②…), spelled out in a legend under the table; the services take the
 * rest of the width. The rows of a page are all as tall as its tallest (one
 * line, unless a long list of services needs two), so they run evenly down
 * the page; the header repeats on every page. */
#include "layout_munitable.h"

#include "layout_priv.h"
#include "units.h"
#include "linebreak.h"
#include "numfmt.h"

#include <string.h>

#define CELL_PAD_X_MM 1.5
#define CELL_PAD_Y_MM 1.0
#define CELL_LEADING 1.3
#define CONTINUED "（続き）"
#define NO_ANSWER "―"
/* the services need at least this much of the width */
#define MIN_SERVICES_MM 40

enum { MAX_COLS = 12, MAX_CIRCLED = 20 };

/* The two multi-answer questions the table shows by option number. */
static const struct {
    const char *qid, *head;
} MULTI[] = {{"Q7", "入力可能情報"}, {"Q15", "人材確保"}};
enum { N_MULTI = sizeof MULTI / sizeof MULTI[0] };

/* ① .. ⑳ */
static const char *circled(int code)
{
    static const char *const n[MAX_CIRCLED] = {"①", "②", "③", "④", "⑤", "⑥", "⑦",
                                               "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭",
                                               "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"};
    return code >= 1 && code <= MAX_CIRCLED ? n[code - 1] : NULL;
}

typedef enum { COL_WORD, COL_NUMBER, COL_STATUS, COL_CODES, COL_LIST } col_kind;

typedef struct {
    int n_cols;
    const char *head[MAX_COLS];
    col_kind kind[MAX_COLS];
    double w[MAX_COLS]; /* pt */
} columns;

const tpl_block *layout_munitable_block(const tpl_page *pg)
{
    for (int i = 0; i < pg->n_blocks; i++)
        if (pg->blocks[i].kind == TPL_MUNITABLE)
            return &pg->blocks[i];
    return NULL;
}

/* The short label of the option a body chose for a single-select question
 * in year y (its M row), "―" when it did not answer. */
static const char *answer_label(const layout_ctx *c, const char *qid, int y, const fig_body *b)
{
    const fig_row *r[1];
    return figures_ranked(c->bodies, "M", qid, y, b->code, r, 1) > 0 ? r[0]->short_label
                                                                      : NO_ANSWER;
}

/* The labels (or the option numbers, ①②…) of a multi-answer question's M
 * rows of a body in year y, in code order, joined; "―" for none. */
static const char *answers_of(const layout_ctx *c, const char *qid, int y, const fig_body *b,
                              bool numbers)
{
    const fig_row *r[FIG_MAX_OPTIONS];
    int n = figures_ranked(c->bodies, "M", qid, y, b->code, r, FIG_MAX_OPTIONS);
    if (n > FIG_MAX_OPTIONS)
        n = FIG_MAX_OPTIONS;
    if (n == 0)
        return NO_ANSWER;
    const char *out = "";
    for (int i = 0; i < n; i++) {
        const char *one = numbers && circled(r[i]->option) ? circled(r[i]->option)
                                                           : r[i]->short_label;
        out = i == 0 ? one : arena_printf(c->mem, numbers ? "%s%s" : "%s、%s", out, one);
    }
    return out;
}

typedef struct {
    const char *cell[MAX_COLS];
    lb_lines lines[MAX_COLS];
    int n_lines;          /* of its tallest cell */
    const fig_body *body; /* NULL for the header */
} row;

/* The cells of one body: each a figure row (M) of the bodies set. */
static void fill_row(const layout_ctx *c, const fig_body *b, int first_year, row *r)
{
    int latest = figures_catalogue(c->f)->n_years - 1;
    char num[NUMFMT_MAX];
    int k = 0;
    r->cell[k++] = b->name;
    r->cell[k++] = b->kind;
    r->cell[k++] = arena_strdup(c->mem, numfmt_int(num, b->population_row->count));
    for (int y = first_year; y <= latest; y++)
        r->cell[k++] = answer_label(c, FIG_Q_STATUS, y, b);
    r->cell[k++] = answer_label(c, FIG_Q_GUIDELINE, latest, b);
    for (int m = 0; m < N_MULTI; m++)
        r->cell[k++] = answers_of(c, MULTI[m].qid, latest, b, true);
    r->cell[k++] = answers_of(c, FIG_Q_SERVICE, latest, b, false);
    r->body = b;
}

/* Provenance of the header: the year keys of the status columns. */
static void record_head(const layout_ctx *c, int first_year)
{
    const fig_catalogue *cat = figures_catalogue(c->f);
    for (int y = first_year; y < cat->n_years; y++) {
        prov_entry e = {.kind = PROV_YEAR, .text = cat->years[y].key, .numerator = -1,
                        .denominator = -1, .source = "survey.ini"};
        prov_add(c->prov, &e);
    }
}

/* Provenance of one body's cells (in fill_row's order): the digits of its
 * name come from bodies.csv, its population is its M.population figure, the
 * answers' labels (which carry digits only in rare service names) come from
 * the codebook. */
static void record_row(const layout_ctx *c, const columns *cols, const row *r)
{
    const fig_body *b = r->body;
    prov_add_tokens(c->prov, PROV_BODY, b->name, strlen(b->name),
                    arena_printf(c->mem, "bodies.csv name of %s", b->code));
    prov_add_tokens(c->prov, PROV_LABEL, r->cell[1], strlen(r->cell[1]), "body kind");
    prov_add_figure(c->prov, b->population_row, "count", r->cell[2], PROV_ROUND_NONE);
    for (int j = 3; j < cols->n_cols; j++)
        prov_add_tokens(c->prov, PROV_LABEL, r->cell[j], strlen(r->cell[j]), "codebook");
}

/* The legend of the option numbers: 「入力可能情報：①機密性1　②機密性2A …」, from
 * the B rows of the bodies set (every option of the question, code order). */
static const char *legend(const layout_ctx *c, int latest)
{
    const char *out = "";
    for (int m = 0; m < N_MULTI; m++) {
        const fig_row *r[FIG_MAX_OPTIONS];
        int n = figures_ranked(c->bodies, "B", MULTI[m].qid, latest, "全体", r,
                               FIG_MAX_OPTIONS);
        if (n > FIG_MAX_OPTIONS)
            n = FIG_MAX_OPTIONS;
        const char *part = arena_printf(c->mem, "%s：", MULTI[m].head);
        for (int code = 1; code <= MAX_CIRCLED; code++)
            for (int i = 0; i < n; i++)
                if (r[i]->option == code)
                    part = arena_printf(c->mem, "%s%s%s%s", part, code > 1 ? " " : "",
                                        circled(code), r[i]->short_label);
        out = arena_printf(c->mem, "%s%s%s", out, m ? "　　" : "※", part);
    }
    return out;
}

static void set_heads(const layout_ctx *c, int first_year, columns *cols)
{
    const fig_catalogue *cat = figures_catalogue(c->f);
    int k = 0;
    cols->head[k] = "団体名", cols->kind[k++] = COL_WORD;
    cols->head[k] = "区分", cols->kind[k++] = COL_WORD;
    cols->head[k] = "人口", cols->kind[k++] = COL_NUMBER;
    for (int y = first_year; y < cat->n_years; y++) {
        cols->head[k] = arena_printf(c->mem, "導入状況（%s）", cat->years[y].key);
        cols->kind[k++] = COL_STATUS;
    }
    cols->head[k] = "ガイドライン", cols->kind[k++] = COL_STATUS;
    for (int m = 0; m < N_MULTI; m++)
        cols->head[k] = MULTI[m].head, cols->kind[k++] = COL_CODES;
    cols->head[k] = "利用しているサービス", cols->kind[k++] = COL_LIST;
    cols->n_cols = k;
}

/* Widths: every column but the services as wide as its widest cell (one
 * line, never wrapped) and the widest of the options a status column can
 * print; the services the rest. false when the rest is too narrow. */
static bool set_widths(const layout_ctx *c, columns *cols, const row *rows, int n_rows,
                       font_role font, double size, double box_w)
{
    double pad = mm_to_pt(2 * CELL_PAD_X_MM), used = 0;
    for (int j = 0; j < cols->n_cols - 1; j++) {
        double w = 0;
        for (int i = 0; i < n_rows; i++) {
            const char *t = rows[i].cell[j];
            double tw = fontset_measure(c->fonts, font, t, strlen(t), size);
            if (tw > w)
                w = tw;
        }
        /* and the header on one line */
        double hw = fontset_measure(c->fonts, c->deck->theme.font_title, cols->head[j],
                                    strlen(cols->head[j]), size);
        cols->w[j] = (w > hw ? w : hw) + pad;
        used += cols->w[j];
    }
    cols->w[cols->n_cols - 1] = box_w - used;
    return cols->w[cols->n_cols - 1] >= mm_to_pt(MIN_SERVICES_MM);
}

/* Breaks the cells of r; the number of lines of its tallest cell, -1 when a
 * word is wider than its column or a single-word cell would wrap. */
static int break_row(const layout_ctx *c, const columns *cols, row *r, font_role font,
                     double size, bool head)
{
    int most = 1;
    for (int j = 0; j < cols->n_cols; j++) {
        double w = cols->w[j] - mm_to_pt(2 * CELL_PAD_X_MM);
        r->lines[j] = linebreak(c->fonts, font, size, r->cell[j], w, c->mem);
        for (int k = 0; k < r->lines[j].n; k++)
            if (r->lines[j].lines[k].width_pt > w + 0.01)
                return -1;
        if (!head && cols->kind[j] != COL_LIST && r->lines[j].n > 1)
            return -1; /* a status, name or number never wraps */
        if (r->lines[j].n > most)
            most = r->lines[j].n;
    }
    return most;
}

static void draw_row(const layout_ctx *c, drawlist *dl, const columns *cols, const row *r,
                     double x0, double y, double h, font_role font, double size, uint32_t rgb)
{
    double lh = size * CELL_LEADING, x = x0;
    dl_begin(dl, DL_ROLE_TR); /* the header's cells head columns, a row's name heads it */
    for (int j = 0; j < cols->n_cols; j++) {
        layout_cell_begin(dl, !r->body ? LAYOUT_COL_HEAD : j == 0 ? LAYOUT_ROW_HEAD : LAYOUT_DATA);
        const lb_lines *ls = &r->lines[j];
        bool centred = cols->kind[j] == COL_STATUS || !r->body;
        bool right = cols->kind[j] == COL_NUMBER && r->body;
        double ty = y + (h - ls->n * lh) / 2;
        double tx = centred ? x + cols->w[j] / 2
                    : right ? x + cols->w[j] - mm_to_pt(CELL_PAD_X_MM)
                            : x + mm_to_pt(CELL_PAD_X_MM);
        dl_align a = centred ? DL_ALIGN_CENTER : right ? DL_ALIGN_RIGHT : DL_ALIGN_LEFT;
        for (int k = 0; k < ls->n; k++) {
            const lb_line *ln = &ls->lines[k];
            char *t = arena_strndup(c->mem, r->cell[j] + ln->start, ln->end - ln->start);
            dl_text(dl, t, tx, layout_baseline(ty + k * lh, size, lh), size, font, rgb, a);
        }
        dl_end(dl);
        x += cols->w[j];
    }
    dl_end(dl);
}

static bool overflow(const layout_ctx *c, const tpl_page *pg, const tpl_block *b,
                     const char *what, box_pt box)
{
    diag_add(c->d, D_TEXT_OVERFLOW, pg->file, b->line, 0,
             "[%s]: %s (the box is %.1f x %.1f mm); enlarge box_mm or lower size_pt",
             b->section, what, pt_to_mm(box.w), pt_to_mm(box.h));
    return false;
}

/* The whole table as data, the population as a number. */
static void content_table(const layout_ctx *c, const tpl_page *pg, const tpl_block *b,
                          const columns *cols, const row *head, const row *rows, int n_rows)
{
    int nc = cols->n_cols;
    const char **header = ARENA_NEW(c->mem, const char *, nc);
    layout_tcell *cells = ARENA_NEW(c->mem, layout_tcell, (size_t)(n_rows ? n_rows : 1) * nc);
    for (int j = 0; j < nc; j++)
        header[j] = head->cell[j];
    for (int i = 0; i < n_rows; i++)
        for (int j = 0; j < nc; j++)
            cells[i * nc + j] = cols->kind[j] == COL_NUMBER && rows[i].body->population_row
                                    ? (layout_tcell){LCELL_INT, rows[i].cell[j],
                                                     rows[i].body->population_row->count}
                                    : (layout_tcell){LCELL_TEXT, rows[i].cell[j], 0};
    page_state ps = {.c = c, .pg = pg, .ok = true};
    layout_content_table(&ps, b, n_rows, nc, header, cells);
}

bool layout_munitable_pages(const layout_ctx *c, const tpl_page *pg, int first_page_no,
                            drawlist **pages, const char ***titles, int *n)
{
    const tpl_theme *th = &c->deck->theme;
    const tpl_block *b = layout_munitable_block(pg);
    *n = 0;
    if (!b || !c->pref || !c->bodies) {
        diag_add(c->d, D_TEMPLATE, pg->file, b ? b->line : 0, 0,
                 "[munitable] lists a prefecture's municipalities: only a prefecture report "
                 "has one");
        return false;
    }
    const fig_catalogue *cat = figures_catalogue(c->f);
    int first_year = cat->n_years - c->deck->years_shown;
    columns cols = {0};
    set_heads(c, first_year, &cols);
    box_pt box = layout_box(b);
    double size = b->as.sheet.size_pt, lh = size * CELL_LEADING;

    /* the prefecture first, then its municipalities in code order (the
     * bodies set holds them in code order) */
    int n_bodies = figures_n_bodies(c->bodies), n_rows = 0;
    row *rows = ARENA_NEW(c->mem, row, n_bodies ? n_bodies : 1);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n_bodies; i++) {
            const fig_body *fb = figures_body(c->bodies, i);
            if (fb->is_prefecture == (pass == 0))
                fill_row(c, fb, first_year, &rows[n_rows++]);
        }
    if (!set_widths(c, &cols, rows, n_rows, th->font_body, size, box.w))
        return overflow(c, pg, b, "the columns leave the services too little width", box);
    row head = {.body = NULL};
    for (int j = 0; j < cols.n_cols; j++)
        head.cell[j] = cols.head[j];
    int head_lines = break_row(c, &cols, &head, th->font_title, size, true);
    bool fits = head_lines > 0;
    for (int i = 0; i < n_rows; i++)
        fits &= (rows[i].n_lines = break_row(c, &cols, &rows[i], th->font_body, size, false)) > 0;
    if (!fits)
        return overflow(c, pg, b, "a word is wider than its column, or a status would wrap",
                        box);
    const char *key = legend(c, cat->n_years - 1);
    lb_lines key_lines = linebreak(c->fonts, th->font_body, size, key, box.w, c->mem);
    double pad_y = mm_to_pt(2 * CELL_PAD_Y_MM);
    double key_h = key_lines.n * lh + mm_to_pt(CELL_PAD_Y_MM);
    double head_h = head_lines * lh + pad_y;
    double rows_h = box.h - key_h - head_h; /* what the rows of a page share */

    /* pages: as many rows as fit under the repeated header, each page's rows
     * as tall as its tallest */
    int *page_first = ARENA_NEW(c->mem, int, n_rows + 1), *page_lines = ARENA_NEW(c->mem, int,
                                                                                  n_rows + 1);
    int n_pages = 0;
    for (int next = 0; next < n_rows; n_pages++) {
        int most = rows[next].n_lines, k = 1;
        if (most * lh + pad_y > rows_h + 0.01)
            return overflow(c, pg, b, "the box cannot hold the header, one row and the legend",
                            box);
        while (next + k < n_rows) {
            int m = rows[next + k].n_lines > most ? rows[next + k].n_lines : most;
            if ((k + 1) * (m * lh + pad_y) > rows_h + 0.01)
                break;
            most = m;
            k++;
        }
        page_first[n_pages] = next;
        page_lines[n_pages] = most;
        next += k;
    }
    page_first[n_pages] = n_rows;
    *pages = ARENA_NEW(c->mem, drawlist, n_pages ? n_pages : 1);
    *titles = ARENA_NEW(c->mem, const char *, n_pages ? n_pages : 1);
    bool ok = true;
    for (int p = 0, next = 0; p < n_pages; p++) {
        double row_h = page_lines[p] * lh + pad_y;
        drawlist *dl = &(*pages)[p];
        drawlist_init(dl, c->mem);
        (*n)++;
        /* collected as data (layout_content.h): the first page, with the
         * whole table; the continuation pages repeat it */
        layout_ctx cp = *c;
        if (p > 0)
            cp.content = NULL;
        int table_at = 0;
        if (!layout_page_titled(&cp, pg, first_page_no + p, p == 0 ? NULL : CONTINUED, dl,
                                &(*titles)[p], &table_at))
            ok = false;
        if (p == 0 && c->content)
            content_table(c, pg, b, &cols, &head, rows, n_rows);
        int table_from = dl->n;
        /* the table is drawn after the page's own blocks were reconciled:
         * its entries and a second reconciliation follow here */
        page_state ps = {.c = c, .pg = pg, .dl = dl, .ok = true, .page_no = first_page_no + p};
        layout_prov_block(&ps, b);
        if (c->prov)
            record_head(c, first_year);
        double y = box.y;
        /* each page's table its own Table with its header row: a page is a
         * section of the document's structure */
        dl_begin(dl, DL_ROLE_TABLE);
        dl_begin(dl, DL_ROLE_THEAD);
        layout_artifact_rect(dl, box.x, y, box.w, head_h, th->c_table_head);
        draw_row(c, dl, &cols, &head, box.x, y, head_h, th->font_title, size, th->c_title);
        dl_artifact_begin(dl, DL_ART_LAYOUT);
        dl_line(dl, box.x, y, box.x + box.w, y, th->c_title, 1.0);
        y += head_h;
        dl_line(dl, box.x, y, box.x + box.w, y, th->c_title, 1.0);
        dl_artifact_end(dl);
        dl_end(dl);
        dl_begin(dl, DL_ROLE_TBODY);
        for (int k = 0; next < page_first[p + 1]; k++, next++) {
            bool own = rows[next].body->is_prefecture;
            if (own) /* the prefecture itself: tinted like its own bar */
                layout_artifact_rect(dl, box.x, y, box.w, row_h, th->c_lead_bg);
            else if (k % 2 == 1) /* zebra stripes help reading across wide rows */
                layout_artifact_rect(dl, box.x, y, box.w, row_h, 0xF5F8FC);
            draw_row(c, dl, &cols, &rows[next], box.x, y, row_h,
                     own ? th->font_title : th->font_body, size, th->c_text);
            if (c->prov)
                record_row(c, &cols, &rows[next]);
            y += row_h;
            layout_artifact_line(dl, box.x, y, box.x + box.w, y,
                                 own ? th->c_title : th->c_table_rule, own ? 0.75 : 0.4);
        }
        dl_end(dl);
        dl_artifact_begin(dl, DL_ART_LAYOUT);
        double cx = box.x;
        for (int j = 0; j + 1 < cols.n_cols; j++) {
            cx += cols.w[j];
            dl_line(dl, cx, box.y, cx, y, th->c_table_rule, 0.4);
        }
        dl_artifact_end(dl);
        dl_end(dl);
        /* the option numbers spelled out, under the table: a paragraph */
        dl_begin(dl, DL_ROLE_P);
        for (int k = 0; k < key_lines.n; k++) {
            const lb_line *ln = &key_lines.lines[k];
            dl_text(dl, arena_strndup(c->mem, key + ln->start, ln->end - ln->start), box.x,
                    layout_baseline(y + mm_to_pt(CELL_PAD_Y_MM) + k * lh, size, lh), size,
                    th->font_body, th->c_text, DL_ALIGN_LEFT);
        }
        dl_end(dl);
        if (c->prov)
            prov_add_tokens(c->prov, PROV_LABEL, key, strlen(key), "codebook");
        /* in reading order: before the notes and source lines and the footer */
        layout_move_items(dl, table_at, table_from);
        layout_prov_page_done(&ps);
    }
    return ok;
}
