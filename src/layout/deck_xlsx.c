/* deck_xlsx.c - a document as an Excel workbook (libxlsxwriter).
 *
 * One sheet per page: the page title, the sample-data label, the lead; per
 * chart its data as a table (区分, 選択肢, 団体数 or 件数, 割合, 母数: every
 * number as the PDF prints it, counts #,##0 and shares 0.0%) and a native
 * Excel chart of the deck's type and colours drawn from a block of the same
 * numbers beside it, so that it pastes into PowerPoint or Word as a chart
 * that can be edited; the other tables; the notes and source lines. The
 * first table's header row is frozen, columns are as wide as their cells.
 * The document properties come from the deck file, the workbook's dates
 * from the document's (deck_scope.created: SOURCE_DATE_EPOCH when set, so
 * identical input gives identical bytes).
 *
 * libxlsxwriter 1.1.4 writes only to a named file: the workbook is written
 * to a temporary file, read back and handed to the caller, who writes it
 * with its document's set of files (outdir.h) like every other output. */
#include "deck_priv.h"

#include "fileread.h"
#include "numfmt.h"
#include "version.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

enum { COL_DATA = 0, COL_CHART = 7, MAX_COLS = 32 };

typedef struct {
    lxw_workbook *wb;
    lxw_format *title, *sample, *head, *num, *pct, *note, *source, *bold;
    arena *mem;
} book;

typedef struct {
    lxw_worksheet *ws;
    int row;
    int freeze;            /* the header row to freeze under (-1: none yet) */
    double width[MAX_COLS]; /* widest cell per column, in Excel characters */
} sheet;

/* Width of a cell's text in Excel's units: a wide (CJK) character counts 2. */
static double text_width(const char *s)
{
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
        if (*p < 0x80)
            w += 1;
        else if ((*p & 0xC0) != 0x80)
            w += *p >= 0xE0 ? 2 : 1;
    return w;
}

static void fit(sheet *sh, int col, double w)
{
    if (col < MAX_COLS && w > sh->width[col])
        sh->width[col] = w;
}

static void put_text(sheet *sh, int row, int col, const char *s, lxw_format *f, bool sized)
{
    worksheet_write_string(sh->ws, (lxw_row_t)row, (lxw_col_t)col, s ? s : "", f);
    if (sized)
        fit(sh, col, text_width(s));
}

static void put_num(sheet *sh, int row, int col, double v, lxw_format *f, const char *shown)
{
    worksheet_write_number(sh->ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
    fit(sh, col, text_width(shown) + 1);
}

static void put_count(book *bk, sheet *sh, int row, int col, long long v)
{
    char num[NUMFMT_MAX];
    put_num(sh, row, col, (double)v, bk->num, numfmt_int(num, v));
}

/* A share as printed (45.6 %), so the cell shows the deck's number. */
static void put_pct(book *bk, sheet *sh, int row, int col, int pct10)
{
    char num[NUMFMT_MAX];
    put_num(sh, row, col, pct10 / 1000.0, bk->pct, numfmt_pct10_str(num, pct10));
}

/* Paragraphs one per row, in the first column (they overflow to the right). */
static void put_lines(sheet *sh, const layout_texts *l, lxw_format *f)
{
    for (int i = 0; i < l->n; i++)
        put_text(sh, sh->row++, 0, l->at[i], f, false);
}

static void header_row(book *bk, sheet *sh, int col, const char *const *names, int n)
{
    for (int j = 0; j < n; j++)
        put_text(sh, sh->row, col + j, names[j], bk->head, true);
    if (sh->freeze < 0)
        sh->freeze = sh->row;
}

static void color_fill(arena *mem, lxw_chart_fill **out, uint32_t rgb)
{
    *out = ARENA_NEW(mem, lxw_chart_fill, 1);
    (*out)->color = rgb;
}

/* The block the chart plots, at (r0, c0): a row per bar (a row per slice
 * for a doughnut, whose rings are columns) and a column per series. */
static void chart_block(book *bk, sheet *sh, const layout_chart_data *cd, int r0, int c0,
                        int *n_rows, int *n_cols)
{
    const chart_spec *s = &cd->spec;
    arena *mem = bk->mem;
    bool donut = s->type == CHART_DONUT;
    int rows = donut ? s->n_series : s->n_cats, cols = donut ? s->n_cats : s->n_series;
    put_text(sh, r0, c0, "グラフのデータ", bk->head, true);
    for (int j = 0; j < cols; j++) {
        const char *name;
        if (donut) {
            const char *group, *option;
            layout_chart_cell_names(cd, j, 0, &group, &option, mem);
            name = group;
        } else {
            name = s->series ? s->series[j] : "";
        }
        put_text(sh, r0, c0 + 1 + j, name, bk->head, true);
    }
    for (int i = 0; i < rows; i++) {
        const char *group, *option;
        layout_chart_cell_names(cd, donut ? 0 : i, donut ? i : 0, &group, &option, mem);
        bool by_group = s->type == CHART_STACKED100;
        put_text(sh, r0 + 1 + i, c0, by_group ? group : option, NULL, true);
        for (int j = 0; j < cols; j++) {
            const layout_cell *c = &cd->cells[donut ? j * s->n_series + i : i * s->n_series + j];
            if (cd->shares_of_scope)
                put_pct(bk, sh, r0 + 1 + i, c0 + 1 + j, c->pct10 >= 0 ? c->pct10 : 0);
            else
                put_count(bk, sh, r0 + 1 + i, c0 + 1 + j, c->count);
        }
    }
    *n_rows = rows;
    *n_cols = cols;
}

/* The native chart of the block: the deck's type, colours and order. */
static lxw_chart *native_chart(book *bk, const char *sheet_name, const layout_chart_data *cd,
                               int r0, int c0, int rows, int cols)
{
    const chart_spec *s = &cd->spec;
    arena *mem = bk->mem;
    bool donut = s->type == CHART_DONUT;
    lxw_chart *ch = workbook_add_chart(bk->wb, donut ? LXW_CHART_DOUGHNUT
                                               : s->type == CHART_STACKED100
                                                   ? LXW_CHART_BAR_STACKED_PERCENT
                                                   : LXW_CHART_BAR);
    for (int j = 0; j < cols; j++) {
        lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(se, sheet_name, (lxw_row_t)(r0 + 1), (lxw_col_t)c0,
                                    (lxw_row_t)(r0 + rows), (lxw_col_t)c0);
        chart_series_set_values(se, sheet_name, (lxw_row_t)(r0 + 1), (lxw_col_t)(c0 + 1 + j),
                                (lxw_row_t)(r0 + rows), (lxw_col_t)(c0 + 1 + j));
        chart_series_set_name_range(se, sheet_name, (lxw_row_t)r0, (lxw_col_t)(c0 + 1 + j));
        chart_series_set_labels(se);
        if (donut && s->series_rgb) { /* a ring's slices: the series' colours */
            lxw_chart_point *pts = ARENA_NEW(mem, lxw_chart_point, rows);
            lxw_chart_point **list = ARENA_NEW(mem, lxw_chart_point *, rows + 1);
            for (int i = 0; i < rows; i++) {
                color_fill(mem, &pts[i].fill, s->series_rgb[i]);
                list[i] = &pts[i];
            }
            chart_series_set_points(se, list);
        } else if (!donut && s->series_rgb) {
            lxw_chart_fill *fill;
            color_fill(mem, &fill, s->series_rgb[j]);
            chart_series_set_fill(se, fill);
            /* labels inside a dark bar in white, as the deck prints them */
            uint32_t c = s->series_rgb[j];
            double lum = 0.299 * (c >> 16 & 0xFF) + 0.587 * (c >> 8 & 0xFF) + 0.114 * (c & 0xFF);
            if (s->type == CHART_STACKED100 && lum < 128) {
                lxw_chart_font *font = ARENA_NEW(mem, lxw_chart_font, 1);
                font->color = 0xFFFFFF;
                chart_series_set_labels_font(se, font);
            }
        }
        if (!donut && s->type != CHART_STACKED100)
            chart_set_series_gap(ch, 60);
    }
    chart_title_set_name(ch, cd->title);
    chart_title_set_name_font(ch, &(lxw_chart_font){.size = 12, .bold = LXW_TRUE});
    chart_legend_set_position(ch, donut ? LXW_CHART_LEGEND_RIGHT : LXW_CHART_LEGEND_TOP);
    if (s->type == CHART_BARS)
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    if (!donut) {
        /* bars read top to bottom in the deck's order, as in the PDF (in a
         * bar chart libxlsxwriter's y axis is the category axis); the value
         * axis stays at the bottom */
        chart_axis_set_reverse(ch->y_axis);
        chart_axis_set_crossing_max(ch->y_axis);
        if (cd->shares_of_scope)
            chart_axis_set_num_format(ch->x_axis, "0%");
    } else {
        chart_set_hole_size(ch, 55);
    }
    return ch;
}

/* A chart: its data as a table, the block of numbers it plots beside it,
 * and the native chart under that block. */
static void chart_part(book *bk, sheet *sh, const char *sheet_name, const layout_chart_data *cd)
{
    const chart_spec *s = &cd->spec;
    arena *mem = bk->mem;
    put_text(sh, sh->row++, 0, cd->title, bk->bold, false);
    if (cd->scope_words)
        put_text(sh, sh->row++, 0, arena_printf(mem, "対象：%s", cd->scope_words), bk->note,
                 false);
    const char *names[5] = {"区分", "選択肢",
                            cd->unit && strcmp(cd->unit, "件") == 0 ? "件数" : "団体数", "割合",
                            "母数"};
    int top = sh->row;
    header_row(bk, sh, COL_DATA, names, 5);
    sh->row++;
    for (int k = 0; k < s->n_cats; k++)
        for (int i = 0; i < s->n_series; i++) {
            const layout_cell *c = &cd->cells[k * s->n_series + i];
            const char *group, *option;
            layout_chart_cell_names(cd, k, i, &group, &option, mem);
            int pct10;
            long long base;
            layout_cell_share(c, &pct10, &base);
            put_text(sh, sh->row, COL_DATA, group, NULL, true);
            put_text(sh, sh->row, COL_DATA + 1, option, NULL, true);
            put_count(bk, sh, sh->row, COL_DATA + 2, c->count);
            if (pct10 >= 0)
                put_pct(bk, sh, sh->row, COL_DATA + 3, pct10);
            if (base > 0)
                put_count(bk, sh, sh->row, COL_DATA + 4, base);
            sh->row++;
        }
    int rows, cols;
    chart_block(bk, sh, cd, top, COL_CHART, &rows, &cols);
    lxw_chart *ch = native_chart(bk, sheet_name, cd, top, COL_CHART, rows, cols);
    int chart_row = top + rows + 2;
    double h_px = 90 + 30.0 * s->n_cats * (s->type == CHART_GROUPED_BARS ? s->n_series * 0.7 : 1);
    h_px = s->type == CHART_DONUT ? 340 : h_px < 300 ? 300 : h_px > 900 ? 900 : h_px;
    lxw_chart_options opt = {.x_scale = 1.8, .y_scale = h_px / 288.0};
    worksheet_insert_chart_opt(sh->ws, (lxw_row_t)chart_row, (lxw_col_t)COL_CHART, ch, &opt);
    int end = chart_row + (int)(h_px / 20) + 2;
    sh->row = (sh->row > end ? sh->row : end) + 1;
}

static void table_part(book *bk, sheet *sh, const layout_table_data *tb)
{
    header_row(bk, sh, COL_DATA, tb->header, tb->n_cols);
    sh->row++;
    for (int i = 0; i < tb->n_rows; i++, sh->row++)
        for (int j = 0; j < tb->n_cols; j++) {
            const layout_tcell *c = &tb->cells[i * tb->n_cols + j];
            if (c->kind == LCELL_INT)
                put_count(bk, sh, sh->row, j, c->value);
            else if (c->kind == LCELL_PCT10)
                put_pct(bk, sh, sh->row, j, (int)c->value);
            else
                put_text(sh, sh->row, j, c->text, NULL, true);
        }
    sh->row++;
}

/* "P03 生成AIの導入状況": unique by its number, at most 31 characters, none
 * of the characters Excel refuses in a sheet name. */
static const char *sheet_name(int page_no, const char *title, arena *mem)
{
    char *s = arena_printf(mem, "P%02d %s", page_no, title ? title : "");
    int chars = 0;
    char *p = s;
    for (; *p; p++) {
        if ((*(unsigned char *)p & 0xC0) != 0x80 && ++chars > 31)
            break;
        if (strchr("[]:*?/\\'", *p))
            *p = '_';
    }
    *p = '\0';
    return s;
}

static void page_sheet(book *bk, const layout_page_data *pd, int page_no, const char *doc_title,
                       bool sample)
{
    const char *name = sheet_name(page_no, pd->cover ? "表紙" : pd->title, bk->mem);
    sheet sh = {.ws = workbook_add_worksheet(bk->wb, name), .freeze = -1};
    put_text(&sh, sh.row++, 0, pd->cover || !pd->title ? doc_title : pd->title, bk->title, false);
    if (sample)
        put_text(&sh, sh.row++, 0, LAYOUT_SAMPLE_LABEL "：実在の団体の回答ではありません。",
                 bk->sample, false);
    put_lines(&sh, &pd->lead, NULL);
    put_lines(&sh, &pd->text, NULL);
    sh.row++;
    for (int k = 0; k < pd->n_charts; k++)
        chart_part(bk, &sh, name, &pd->charts[k]);
    for (int k = 0; k < pd->n_tables; k++)
        table_part(bk, &sh, &pd->tables[k]);
    put_lines(&sh, &pd->notes, bk->note);
    put_lines(&sh, &pd->sources, bk->source);
    if (sh.freeze > 0)
        worksheet_freeze_panes(sh.ws, (lxw_row_t)(sh.freeze + 1), 0);
    /* printed as the deck is: A4 landscape, a sheet as wide as the paper */
    worksheet_set_landscape(sh.ws);
    worksheet_set_paper(sh.ws, 9);
    worksheet_fit_to_pages(sh.ws, 1, 0);
    for (int c = 0; c < MAX_COLS; c++)
        if (sh.width[c] > 0)
            worksheet_set_column(sh.ws, (lxw_col_t)c, (lxw_col_t)c,
                                 sh.width[c] > 60 ? 60 : sh.width[c] + 2, NULL);
}

static lxw_format *fmt(lxw_workbook *wb, const char *num, bool bold, uint32_t rgb, double size)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, "游ゴシック");
    if (num)
        format_set_num_format(f, num);
    if (bold)
        format_set_bold(f);
    if (rgb)
        format_set_font_color(f, rgb);
    if (size > 0)
        format_set_font_size(f, size);
    return f;
}

bool deck_xlsx_of(const deck_templates *t, const deck_scope *sc, const deck_laid_out *lo,
                  unsigned char **xlsx, size_t *len, diags *d)
{
    *xlsx = NULL;
    *len = 0;
    /* the workbook's temporary files (libxlsxwriter writes each part to one
     * before zipping them) in memory where the system has a tmpfs: on disk
     * the file system's bookkeeping cost as much as writing the workbook */
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir)
        tmpdir = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
    arena *mem = arena_new();
    char *path = arena_printf(mem, "%s/aireport-xlsx-XXXXXX", tmpdir);
    int fd = mkstemp(path);
    if (fd < 0) {
        diag_add(d, D_IO_WRITE, path, 0, 0, "cannot create a temporary file for the workbook: %s",
                 strerror(errno));
        arena_free(mem);
        return false;
    }
    close(fd);
    const tpl_deck *deck = t->deck;
    lxw_workbook_options wo = {.tmpdir = (char *)tmpdir};
    lxw_workbook *wb = workbook_new_opt(path, &wo);
    if (!wb) {
        diag_add(d, D_IO_WRITE, path, 0, 0, "libxlsxwriter could not start the workbook");
        unlink(path);
        arena_free(mem);
        return false;
    }
    book bk = {.wb = wb, .mem = mem};
    bk.title = fmt(wb, NULL, true, deck->theme.c_title, 14);
    bk.sample = fmt(wb, NULL, true, deck->theme.c_sample, 0);
    bk.bold = fmt(wb, NULL, true, deck->theme.c_title, 0);
    bk.head = fmt(wb, NULL, true, 0, 0);
    format_set_bg_color(bk.head, deck->theme.c_table_head);
    format_set_border(bk.head, LXW_BORDER_THIN);
    bk.num = fmt(wb, "#,##0", false, 0, 0);
    bk.pct = fmt(wb, "0.0%", false, 0, 0);
    bk.note = fmt(wb, NULL, false, 0, 0);
    bk.source = fmt(wb, NULL, false, deck->theme.c_muted, 9);
    lxw_doc_properties props = {.title = (char *)lo->doc_title,
                                .subject = (char *)deck->subject,
                                .author = (char *)deck->author,
                                .keywords = (char *)deck->keywords,
                                .comments = (char *)aireport_name_version(),
                                .created = sc->created};
    workbook_set_properties(wb, &props);
    bool sample = figures_catalogue(sc->f)->sample;
    for (int i = 0; i < lo->n_pages; i++)
        if (!lo->content[i].continued) /* the table is whole on its first page */
            page_sheet(&bk, &lo->content[i], i + 1, lo->doc_title, sample);
    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        diag_add(d, D_IO_WRITE, path, 0, 0, "libxlsxwriter could not write the workbook: %s",
                 lxw_strerror(err));
    else /* read with the checks of every file read (a regular file within a
          * limit): the folder of temporary files is shared */
        *xlsx = (unsigned char *)file_read_all(path, FILE_LIMIT_WORKBOOK, "a workbook",
                                               D_IO_READ, len, d);
    unlink(path);
    arena_free(mem);
    return *xlsx != NULL;
}
