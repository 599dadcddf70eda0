/* layout_munitable.c - the municipality table of a prefecture report, set
 * over as many pages as it needs (see layout_munitable.h). */
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

enum { MAX_COLS = 12 };

typedef struct {
    int n_cols;
    const char *head[MAX_COLS];
    double pct[MAX_COLS];   /* width, % of the box */
    bool centred[MAX_COLS];
    bool right[MAX_COLS];
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
    return figures_ranked(c->bodies, "M", qid, y, b->code, r, 1) > 0 ? r[0]->short_label : "―";
}

/* The services a body uses in year y (its M rows of the service question),
 * in code order. */
static const char *services_of(const layout_ctx *c, int y, const fig_body *b)
{
    const fig_row *r[FIG_MAX_OPTIONS];
    int n = figures_ranked(c->bodies, "M", FIG_Q_SERVICE, y, b->code, r, FIG_MAX_OPTIONS);
    if (n > FIG_MAX_OPTIONS)
        n = FIG_MAX_OPTIONS;
    if (n == 0)
        return "―";
    const char *out = r[0]->short_label;
    for (int i = 1; i < n; i++)
        out = arena_printf(c->mem, "%s、%s", out, r[i]->short_label);
    return out;
}

typedef struct {
    const char *cell[MAX_COLS];
    lb_lines lines[MAX_COLS];
    double h;
    const fig_body *body; /* NULL for the header */
} row;

/* The cells of one municipality: each a figure row (M) of the bodies set. */
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
    r->cell[k++] = services_of(c, latest, b);
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

/* Provenance of one municipality's cells (in fill_row's order): the digits
 * of its name come from bodies.csv, its population is its M.population
 * figure, the answers' labels (which carry digits only in rare service
 * names) come from the codebook. */
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

static void set_columns(const layout_ctx *c, int first_year, columns *cols)
{
    const fig_catalogue *cat = figures_catalogue(c->f);
    int n_years = cat->n_years - first_year;
    int k = 0;
    cols->head[k] = "団体名", cols->pct[k++] = 13;
    cols->head[k] = "区分", cols->pct[k++] = 6.5;
    cols->right[k] = true, cols->head[k] = "人口", cols->pct[k++] = 8.5;
    double status_pct = n_years > 0 ? 30.0 / n_years : 0;
    for (int y = first_year; y < cat->n_years; y++) {
        cols->centred[k] = true;
        cols->head[k] = arena_printf(c->mem, "導入状況（%s）", cat->years[y].key);
        cols->pct[k++] = status_pct;
    }
    cols->centred[k] = true, cols->head[k] = "ガイドライン", cols->pct[k++] = 9;
    cols->head[k] = "利用しているサービス", cols->pct[k++] = 33;
    cols->n_cols = k;
}

/* Breaks the cells of r; returns false when a word is wider than its column. */
static bool break_row(const layout_ctx *c, const columns *cols, const double *col_x, row *r,
                      font_role font, double size)
{
    double lh = size * CELL_LEADING;
    int most = 1;
    bool fits = true;
    for (int j = 0; j < cols->n_cols; j++) {
        double w = col_x[j + 1] - col_x[j] - mm_to_pt(2 * CELL_PAD_X_MM);
        r->lines[j] = linebreak(c->fonts, font, size, r->cell[j], w, c->mem);
        for (int k = 0; k < r->lines[j].n; k++)
            fits &= r->lines[j].lines[k].width_pt <= w + 0.01;
        if (r->lines[j].n > most)
            most = r->lines[j].n;
    }
    r->h = most * lh + mm_to_pt(2 * CELL_PAD_Y_MM);
    return fits;
}

static void draw_row(const layout_ctx *c, drawlist *dl, const columns *cols,
                     const double *col_x, const row *r, double y, font_role font, double size,
                     uint32_t rgb)
{
    double lh = size * CELL_LEADING;
    dl_begin(dl, DL_ROLE_TR); /* the header's cells head columns, a row's name heads it */
    for (int j = 0; j < cols->n_cols; j++) {
        layout_cell_begin(dl, !r->body ? LAYOUT_COL_HEAD : j == 0 ? LAYOUT_ROW_HEAD : LAYOUT_DATA);
        const lb_lines *ls = &r->lines[j];
        double ty = y + (r->h - ls->n * lh) / 2;
        for (int k = 0; k < ls->n; k++) {
            const lb_line *ln = &ls->lines[k];
            char *t = arena_strndup(c->mem, r->cell[j] + ln->start, ln->end - ln->start);
            double x = cols->centred[j] ? (col_x[j] + col_x[j + 1]) / 2
                       : cols->right[j] ? col_x[j + 1] - mm_to_pt(CELL_PAD_X_MM)
                                        : col_x[j] + mm_to_pt(CELL_PAD_X_MM);
            dl_align a = cols->centred[j] ? DL_ALIGN_CENTER
                         : cols->right[j] ? DL_ALIGN_RIGHT
                                          : DL_ALIGN_LEFT;
            dl_text(dl, t, x, layout_baseline(ty + k * lh, size, lh), size, font, rgb, a);
        }
        dl_end(dl);
    }
    dl_end(dl);
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
            cells[i * nc + j] = j == 2 && rows[i].body->population_row
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
    int first_year = figures_catalogue(c->f)->n_years - c->deck->years_shown;
    columns cols = {0};
    set_columns(c, first_year, &cols);
    box_pt box = layout_box(b);
    double col_x[MAX_COLS + 1];
    col_x[0] = box.x;
    for (int j = 0; j < cols.n_cols; j++)
        col_x[j + 1] = col_x[j] + box.w * cols.pct[j] / 100.0;
    double size = b->as.sheet.size_pt;

    /* the municipalities in code order (the prefecture's bodies set is) */
    int n_rows = 0, n_bodies = figures_n_bodies(c->bodies);
    row *rows = ARENA_NEW(c->mem, row, n_bodies ? n_bodies : 1);
    bool ok = true;
    for (int i = 0; i < n_bodies; i++) {
        const fig_body *fb = figures_body(c->bodies, i);
        if (fb->is_prefecture)
            continue;
        row *r = &rows[n_rows++];
        fill_row(c, fb, first_year, r);
        if (!break_row(c, &cols, col_x, r, th->font_body, size))
            ok = false;
    }
    row head = {.h = 0, .body = NULL};
    for (int j = 0; j < cols.n_cols; j++)
        head.cell[j] = cols.head[j];
    if (!break_row(c, &cols, col_x, &head, th->font_title, size))
        ok = false;
    if (!ok || head.h * 2 > box.h) {
        diag_add(c->d, D_TEXT_OVERFLOW, pg->file, b->line, 0,
                 "[%s]: a word is wider than its column, or the box (%.1f x %.1f mm) cannot "
                 "hold the header and one row; enlarge box_mm or lower size_pt",
                 b->section, pt_to_mm(box.w), pt_to_mm(box.h));
        return false;
    }

    /* pages: as many rows as fit under the repeated header */
    int cap = n_rows + 1;
    *pages = ARENA_NEW(c->mem, drawlist, cap);
    *titles = ARENA_NEW(c->mem, const char *, cap);
    int next = 0;
    do {
        int p = (*n)++;
        drawlist *dl = &(*pages)[p];
        drawlist_init(dl, c->mem);
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
        dl_artifact_begin(dl, DL_ART_LAYOUT);
        dl_rect(dl, box.x, y, box.w, head.h, th->c_table_head, true, 0);
        dl_artifact_end(dl);
        draw_row(c, dl, &cols, col_x, &head, y, th->font_title, size, th->c_title);
        dl_artifact_begin(dl, DL_ART_LAYOUT);
        dl_line(dl, box.x, y, box.x + box.w, y, th->c_title, 1.0);
        y += head.h;
        dl_line(dl, box.x, y, box.x + box.w, y, th->c_title, 1.0);
        dl_artifact_end(dl);
        dl_end(dl);
        dl_begin(dl, DL_ROLE_TBODY);
        int start = next;
        while (next < n_rows && y + rows[next].h <= box.y + box.h + 0.01) {
            if ((next - start) % 2 == 1) /* zebra stripes help reading across wide rows */
                layout_artifact_rect(dl, box.x, y, box.w, rows[next].h, 0xF5F8FC);
            draw_row(c, dl, &cols, col_x, &rows[next], y, th->font_body, size, th->c_text);
            if (c->prov)
                record_row(c, &cols, &rows[next]);
            y += rows[next].h;
            layout_artifact_line(dl, box.x, y, box.x + box.w, y, th->c_table_rule, 0.4);
            next++;
        }
        dl_end(dl);
        dl_artifact_begin(dl, DL_ART_LAYOUT);
        for (int j = 1; j < cols.n_cols; j++)
            dl_line(dl, col_x[j], box.y, col_x[j], y, th->c_table_rule, 0.4);
        dl_artifact_end(dl);
        dl_end(dl);
        /* in reading order: before the notes and source lines and the footer */
        layout_move_items(dl, table_at, table_from);
        layout_prov_page_done(&ps);
        if (next == start && next < n_rows) { /* one row taller than the box */
            diag_add(c->d, D_TEXT_OVERFLOW, pg->file, b->line, 0,
                     "[%s]: the row of %s is taller than the table box", b->section,
                     rows[next].cell[0]);
            return false;
        }
    } while (next < n_rows && *n < cap);
    return ok;
}
