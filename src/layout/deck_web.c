/* deck_web.c - a document as an HTML page, and each of its charts as an
 * SVG and a PNG to paste into slides and documents.
 *
 * The document is laid out as for the PDF, collecting each page as data
 * (layout_content.h): the page is then written from that data — heading,
 * lead, the chart image with its data as alt text, the data as a table,
 * notes and source lines — so the page prints exactly the PDF's numbers.
 * A chart file is the chart's own drawlist items with the chart's title
 * above and the page's source lines and the sample-data label below, at
 * a size to paste into a slide (FILE_FULL_WIDTH_MM): SVG with text as
 * text (svgwriter.h), PNG at 300 dpi with pHYs (pngfast.c). */
#include "deck_priv.h"

#include "numfmt.h"
#include "pngwriter.h"
#include "svgwriter.h"
#include "textbuf.h"
#include "units.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHART_DPI 300.0
/* chart files: margin, title and footer sizes in pt */
#define FILE_PAD 12.0
#define FILE_TITLE_PT 14.0
/* How wide a chart file is at most: 254 mm (10 in, 3,000 px at 300 dpi)
 * for a chart across the page's content width. The deck's slide is
 * 338.67 mm wide and a full-width chart there is ~323 mm with the file's
 * margins: pasted at that size it leaves no room for a slide's own title,
 * and Word (16 cm of text width) shrinks it by half. 254 mm is the width
 * of a 4:3 slide and fits a 16:9 slide's content area under its title;
 * Word shrinks it to its text width at ~480 dpi. So every chart file is
 * the deck's drawing scaled by one factor (~0.78: the deck's 9 pt labels
 * print at 7 pt), SVG and PNG alike; a full-width chart's file is 251 mm
 * (2,964 px), a half-width one 125 mm. It also draws 40 % fewer pixels
 * than at the slide's size. */
#define FILE_FULL_WIDTH_MM 254.0

deck_outputs deck_output_switches(const deck_templates *t)
{
    return (deck_outputs){.workbook = t->deck->workbook, .web = t->deck->web,
                          .excel_csv = t->deck->excel_csv, .chart_png = t->deck->chart_png};
}

/* "p03" of layouts/pages/p03_status.ini */
static const char *page_prefix(const char *file, arena *mem)
{
    const char *slash = strrchr(file, '/');
    const char *base = slash ? slash + 1 : file;
    return arena_strndup(mem, base, strcspn(base, "_."));
}

/* ---- chart files ---- */

typedef struct {
    drawlist dl;
    double x, y, w, h; /* the file's area in page points */
    double scale;      /* the file's size / the drawing's (FILE_FULL_WIDTH_MM) */
} chart_picture;

/* The factor FILE_FULL_WIDTH_MM gives the pages of t. */
static double file_scale(const tpl_theme *th)
{
    double full_width_pt = mm_to_pt(th->width_mm - 2 * th->margin_mm) + 2 * FILE_PAD;
    return mm_to_pt(FILE_FULL_WIDTH_MM) / full_width_pt;
}

/* The chart's items framed by its title, the page's source lines and the
 * sample label. */
static chart_picture compose(const deck_templates *t, const drawlist *page,
                             const layout_texts *sources, const layout_chart_data *cd, bool sample,
                             arena *mem)
{
    const tpl_theme *th = &t->deck->theme;
    chart_picture p;
    drawlist_init(&p.dl, mem);
    double title_h = FILE_TITLE_PT * 1.6;
    dl_text(&p.dl, cd->title ? cd->title : "", cd->x_pt, cd->y_pt - FILE_TITLE_PT * 0.6,
            FILE_TITLE_PT, th->font_title, th->c_title, DL_ALIGN_LEFT);
    for (int i = cd->item_from; i < cd->item_to; i++)
        *drawlist_add(&p.dl, page->items[i].kind) = page->items[i];
    double lh = th->source_pt * 1.45, y = cd->y_pt + cd->h_pt + lh * 1.6;
    for (int i = 0; i < sources->n; i++, y += lh)
        dl_text(&p.dl, sources->at[i], cd->x_pt, y, th->source_pt, th->font_body, th->c_muted,
                DL_ALIGN_LEFT);
    if (sample) {
        dl_text(&p.dl, LAYOUT_SAMPLE_LABEL, cd->x_pt, y + th->note_pt * 0.3, th->note_pt,
                th->font_title, th->c_sample, DL_ALIGN_LEFT);
        y += th->note_pt * 1.45;
    }
    p.x = cd->x_pt - FILE_PAD;
    p.y = cd->y_pt - title_h - FILE_PAD;
    p.w = cd->w_pt + 2 * FILE_PAD;
    p.h = y - p.y + FILE_PAD * 0.5;
    p.scale = file_scale(th);
    return p;
}

/* A chart picture at 300 dpi is ~6 million pixels, 25 MB: filling it white,
 * drawing and reading it back each streamed it through memory. It is drawn
 * a band of rows at a time instead, each band in a buffer that stays in the
 * processor's cache (only the items that reach into the band are drawn),
 * and handed to the encoder. 3x faster than the whole surface. */
enum { BAND_ROWS = 64 };

static bool encode_bands(const chart_picture *p, int w, int h, unsigned char *buf, int stride,
                         bool rgb, unsigned char **png, size_t *len)
{
    double scale = CHART_DPI / 72.0 * p->scale; /* pixels per page point */
    png_flat *enc = png_flat_begin(w, h, CHART_DPI, rgb);
    cairo_surface_t *surf =
        cairo_image_surface_create_for_data(buf, CAIRO_FORMAT_RGB24, w, BAND_ROWS, stride);
    cairo_font_options_t *fo = cairo_font_options_create();
    /* flat colours, no anti-aliasing: at 300 dpi edges are as crisp as a
     * laser printer's, and the picture keeps to a palette (pngfast.c) */
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_NONE);
    bool ok = enc && cairo_surface_status(surf) == CAIRO_STATUS_SUCCESS;
    bool blank = false; /* buf holds nothing but white */
    for (int top = 0; ok && top < h; top += BAND_ROWS) {
        double y0 = p->y + top / scale, y1 = y0 + BAND_ROWS / scale;
        /* a band nothing reaches into stays white: no clearing, no drawing */
        if (!blank || drawlist_reaches_band(&p->dl, y0, y1)) {
            memset(buf, 0xFF, (size_t)stride * BAND_ROWS);
            cairo_surface_mark_dirty(surf);
            cairo_t *cr = cairo_create(surf);
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
            cairo_set_font_options(cr, fo);
            cairo_scale(cr, scale, scale);
            cairo_translate(cr, -p->x, -p->y - top / scale);
            blank = !drawlist_replay_cairo_band(&p->dl, cr, y0, y1);
            cairo_destroy(cr);
            cairo_surface_flush(surf);
        }
        int n = h - top < BAND_ROWS ? h - top : BAND_ROWS;
        ok = png_flat_rows(enc, buf, stride, n);
    }
    cairo_font_options_destroy(fo);
    cairo_surface_destroy(surf);
    if (ok)
        return png_flat_end(enc, png, len);
    png_flat_free(enc);
    return false;
}

static bool chart_png(const chart_picture *p, unsigned char **png, size_t *len)
{
    double scale = CHART_DPI / 72.0 * p->scale;
    int w = (int)ceil(p->w * scale), h = (int)ceil(p->h * scale);
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
    if (stride <= 0 || h <= 0)
        return false;
    unsigned char *buf = xmalloc((size_t)stride * BAND_ROWS);
    /* a palette image; RGB when the picture has more than 256 colours */
    bool ok = encode_bands(p, w, h, buf, stride, false, png, len) ||
              encode_bands(p, w, h, buf, stride, true, png, len);
    free(buf);
    return ok;
}

/* ---- the HTML page ---- */

/* Text of the page: a line break in it (a template's multi-line lead) a <br>. */
static void esc(textbuf *o, const char *s) { textbuf_html_lines(o, s, "<br>"); }

static void paras(textbuf *o, const layout_texts *l, const char *cls)
{
    for (int i = 0; i < l->n; i++) {
        textbuf_printf(o, "<p class=\"%s\">", cls);
        esc(o, l->at[i]);
        textbuf_puts(o, "</p>\n");
    }
}

static void number_cell(textbuf *o, long long v, bool show)
{
    char num[NUMFMT_MAX];
    textbuf_puts(o, "<td class=\"n\">");
    if (show)
        textbuf_puts(o, numfmt_int(num, v));
    textbuf_puts(o, "</td>");
}

/* The chart's data: one row per value, in the order the chart draws them. */
static void chart_table(textbuf *o, const layout_chart_data *cd, arena *mem)
{
    const chart_spec *s = &cd->spec;
    bool counts = !cd->shares_of_scope;
    textbuf_puts(o, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
    esc(o, cd->title);
    textbuf_puts(o, "のデータ\">\n<table>\n<caption>");
    esc(o, cd->title);
    textbuf_puts(o, "のデータ");
    if (cd->scope_words) {
        textbuf_puts(o, "（");
        esc(o, cd->scope_words);
        textbuf_puts(o, "）");
    }
    textbuf_printf(o, "</caption>\n<thead><tr><th scope=\"col\">区分</th><th scope=\"col\">選択肢</th>"
               "<th scope=\"col\">%s数</th><th scope=\"col\">割合</th>"
               "<th scope=\"col\">母数</th></tr></thead>\n<tbody>\n",
            cd->unit ? cd->unit : "件");
    for (int k = 0; k < s->n_cats; k++)
        for (int i = 0; i < s->n_series; i++) {
            const layout_cell *c = &cd->cells[k * s->n_series + i];
            const char *group, *option;
            layout_chart_cell_names(cd, k, i, &group, &option, mem);
            int pct10;
            long long base;
            layout_cell_share(c, &pct10, &base);
            textbuf_puts(o, "<tr><th scope=\"row\">");
            esc(o, group);
            textbuf_puts(o, "</th><td>");
            esc(o, option);
            textbuf_puts(o, "</td>");
            number_cell(o, c->count, counts || c->row);
            char pct[NUMFMT_MAX];
            textbuf_printf(o, "<td class=\"n\">%s%s</td>", pct10 >= 0 ? numfmt_pct10_str(pct, pct10) : "",
                    pct10 >= 0 ? "%" : "");
            number_cell(o, base, base > 0);
            textbuf_puts(o, "</tr>\n");
        }
    textbuf_puts(o, "</tbody>\n</table>\n</div>\n");
}

static void other_table(textbuf *o, const layout_table_data *tb, const char *title)
{
    textbuf_puts(o, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
    esc(o, title);
    textbuf_puts(o, "の表\">\n<table>\n<caption>");
    esc(o, title);
    textbuf_puts(o, "</caption>\n<thead><tr>");
    for (int j = 0; j < tb->n_cols; j++) {
        textbuf_puts(o, "<th scope=\"col\">");
        esc(o, tb->header[j]);
        textbuf_puts(o, "</th>");
    }
    textbuf_puts(o, "</tr></thead>\n<tbody>\n");
    for (int i = 0; i < tb->n_rows; i++) {
        textbuf_puts(o, "<tr>");
        for (int j = 0; j < tb->n_cols; j++) {
            const layout_tcell *c = &tb->cells[i * tb->n_cols + j];
            char num[NUMFMT_MAX];
            if (c->kind == LCELL_INT)
                textbuf_printf(o, "<td class=\"n\">%s</td>", numfmt_int(num, c->value));
            else if (c->kind == LCELL_PCT10)
                textbuf_printf(o, "<td class=\"n\">%s%%</td>", numfmt_pct10_str(num, (int)c->value));
            else {
                textbuf_puts(o, "<td>");
                esc(o, c->text);
                textbuf_puts(o, "</td>");
            }
        }
        textbuf_puts(o, "</tr>\n");
    }
    textbuf_puts(o, "</tbody>\n</table>\n</div>\n");
}

static const char S_style[] =
    "body{font-family:'IPAexGothic','Hiragino Sans','Yu Gothic','Noto Sans CJK JP',sans-serif;"
    "color:#222;margin:0 auto;max-width:64em;padding:0 1em 2em;line-height:1.6}\n"
    "h1{color:#1F3864;border-bottom:3px solid #1F3864;padding-bottom:.3em;font-size:1.6em}\n"
    "h2{background:#1F3864;color:#fff;padding:.3em .6em;font-size:1.25em;margin-top:2em}\n"
    ".sample{color:#C00000;font-weight:bold}\n"
    ".lead{background:#EEF3FA;border-left:5px solid #2E75B6;margin:.5em 0;padding:.4em .8em}\n"
    ".note{font-size:.9em;margin:.2em 0}.source{font-size:.85em;color:#595959;margin:.2em 0}\n"
    "figure{margin:1em 0}figure img{display:block;width:100%;height:auto;"
    "border:1px solid #D9D9D9}\n"
    "figcaption{font-size:.9em}\n"
    ".scroll{overflow-x:auto;margin:.5em 0}\n"
    "table{border-collapse:collapse;min-width:100%}caption{text-align:left;font-weight:bold;"
    "padding:.3em 0}\n"
    "th,td{border-bottom:1px solid #D9D9D9;padding:.3em .6em;text-align:left;white-space:nowrap}\n"
    "thead th{background:#DEEBF7}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "a{color:#1F4E99}\n"
    "@media (max-width:600px){body{font-size:15px}h1{font-size:1.3em}"
    "figure .scroll img{width:720px;max-width:none}}\n";

/* The link to one of a chart's files: its folder, its name, ext. */
static void chart_file(textbuf *o, const deck_web_names *nm, const char *name, const char *ext)
{
    esc(o, nm->chart_href);
    esc(o, name);
    textbuf_puts(o, ext);
}

static void chart_figure(textbuf *o, const deck_web_names *nm, const char *name,
                         const layout_chart_data *cd, bool png)
{
    /* on a phone the image keeps a readable size inside a scrolling box
     * and links to the full-size picture (the PNG; the SVG without one) */
    textbuf_puts(o, "<figure>\n<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
    esc(o, cd->title);
    textbuf_puts(o, "の図\">\n<a href=\"");
    chart_file(o, nm, name, png ? ".png" : ".svg");
    textbuf_puts(o, "\"><img src=\"");
    chart_file(o, nm, name, ".svg");
    textbuf_puts(o, "\" alt=\"");
    textbuf_html_lines(o, cd->alt, " ");
    textbuf_puts(o, "\"></a>\n</div>\n<figcaption>");
    esc(o, cd->title);
    textbuf_puts(o, "（<a href=\"");
    if (png) {
        chart_file(o, nm, name, ".png");
        textbuf_puts(o, "\">PNG画像（300 dpi）</a>・<a href=\"");
    }
    chart_file(o, nm, name, ".svg");
    textbuf_puts(o, "\">SVG画像</a>）</figcaption>\n</figure>\n");
}

static void write_page(textbuf *o, const deck_laid_out *lo, const deck_web_names *nm, bool sample,
                       bool png, const char **names, arena *mem)
{
    textbuf_puts(o, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    esc(o, lo->doc_title);
    textbuf_printf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", S_style);
    if (nm->index_href) {
        textbuf_puts(o, "<p><a href=\"");
        esc(o, nm->index_href);
        textbuf_puts(o, "\">資料一覧へ戻る</a></p>\n");
    }
    textbuf_puts(o, "<h1>");
    esc(o, lo->doc_title);
    textbuf_puts(o, "</h1>\n");
    if (sample)
        textbuf_puts(o, "<p class=\"sample\">" LAYOUT_SAMPLE_LABEL
              "：実在の団体の回答ではありません。</p>\n");
    if (nm->pdf_href || nm->xlsx_href) {
        textbuf_puts(o, "<p>");
        if (nm->pdf_href) {
            textbuf_puts(o, "<a href=\"");
            esc(o, nm->pdf_href);
            textbuf_puts(o, "\">PDF版</a>");
        }
        if (nm->pdf_href && nm->xlsx_href)
            textbuf_puts(o, "・");
        if (nm->xlsx_href) {
            textbuf_puts(o, "<a href=\"");
            esc(o, nm->xlsx_href);
            textbuf_puts(o, "\">Excel版（グラフ付き）</a>");
        }
        textbuf_puts(o, "</p>\n");
    }
    textbuf_puts(o, "<nav aria-label=\"目次\">\n<ol>\n");
    for (int i = 0; i < lo->n_pages; i++)
        if (lo->content[i].title && !lo->content[i].cover && !lo->content[i].continued) {
            textbuf_printf(o, "<li><a href=\"#page%d\">", i + 1);
            esc(o, lo->content[i].title);
            textbuf_puts(o, "</a></li>\n");
        }
    textbuf_puts(o, "</ol>\n</nav>\n</header>\n<main>\n");
    int file_no = 0;
    for (int i = 0; i < lo->n_pages; i++) {
        const layout_page_data *pd = &lo->content[i];
        if (pd->continued) /* its table is whole on the first page */
            continue;
        textbuf_printf(o, "<section id=\"page%d\">\n", i + 1);
        if (pd->title && !pd->cover) {
            textbuf_puts(o, "<h2>");
            esc(o, pd->title);
            textbuf_puts(o, "</h2>\n");
        }
        paras(o, &pd->lead, "lead");
        paras(o, &pd->text, "text");
        for (int k = 0; k < pd->n_charts; k++) {
            const layout_chart_data *cd = &pd->charts[k];
            if (cd->heading) {
                textbuf_puts(o, "<h3>");
                esc(o, cd->heading);
                textbuf_puts(o, "</h3>\n");
            }
            chart_figure(o, nm, names[file_no++], cd, png);
            chart_table(o, cd, mem);
        }
        for (int k = 0; k < pd->n_tables; k++)
            other_table(o, &pd->tables[k], pd->title ? pd->title : "");
        paras(o, &pd->notes, "note");
        paras(o, &pd->sources, "source");
        textbuf_puts(o, "</section>\n");
    }
    textbuf_puts(o, "</main>\n</body>\n</html>\n");
}

bool deck_web_of(const deck_templates *t, const deck_scope *sc, const deck_laid_out *lo,
                 const deck_web_names *names, unsigned char **html, size_t *len,
                 deck_outfile **files, int *n_files, diags *d)
{
    *html = NULL;
    *len = 0;
    *files = NULL;
    *n_files = 0;
    arena *mem = arena_new();
    bool ok = true, sample = figures_catalogue(sc->f)->sample, png_files = t->deck->chart_png;
    int n_charts = 0;
    for (int i = 0; i < lo->n_pages; i++)
        n_charts += lo->content[i].n_charts;
    const char **chart_names = ARENA_NEW(mem, const char *, n_charts ? n_charts : 1);
    deck_outfile *out = n_charts ? xcalloc((size_t)n_charts * 2, sizeof *out) : NULL;
    int nf = 0, n_named = 0;
    /* a chart file always names its source: a page without source lines
     * takes those of the document's first page that has them (every page
     * reports the same survey) */
    const layout_texts *doc_sources = NULL;
    for (int i = 0; i < lo->n_pages && !doc_sources; i++)
        if (lo->content[i].sources.n > 0)
            doc_sources = &lo->content[i].sources;
    for (int i = 0; ok && i < lo->n_pages; i++) {
        const layout_page_data *pd = &lo->content[i];
        const layout_texts *sources = pd->sources.n || !doc_sources ? &pd->sources : doc_sources;
        for (int k = 0; k < pd->n_charts && ok; k++) {
            const layout_chart_data *cd = &pd->charts[k];
            const char *name = arena_printf(mem, "%s%s", page_prefix(pd->file, mem), cd->file_suffix);
            chart_names[n_named++] = name;
            chart_picture p = compose(t, &lo->pages[i], sources, cd, sample, mem);
            deck_outfile *svg = &out[nf++];
            svg->path = xstrdup(arena_printf(mem, "%s/%s.svg", names->chart_dir, name));
            svg->title = xstrdup(cd->title ? cd->title : name);
            svg->alt = xstrdup(cd->alt);
            drawlist_svg(&p.dl, p.x, p.y, p.w, p.h, p.scale, cd->title, cd->alt, &svg->data,
                         &svg->len);
            if (!png_files)
                continue;
            deck_outfile *png = &out[nf++];
            png->path = xstrdup(arena_printf(mem, "%s/%s.png", names->chart_dir, name));
            if (!chart_png(&p, &png->data, &png->len)) {
                diag_add(d, D_INTERNAL, png->path, 0, 0, "could not encode the chart file");
                ok = false;
            }
        }
    }
    if (ok) {
        textbuf o = {0};
        write_page(&o, lo, names, sample, png_files, chart_names, mem);
        *html = (unsigned char *)o.data;
        *len = o.len;
    } else {
        for (int i = 0; i < nf; i++) {
            free(out[i].path);
            free(out[i].data);
            free(out[i].title);
            free(out[i].alt);
        }
        free(out);
        out = NULL;
        nf = 0;
    }
    *files = out;
    *n_files = nf;
    arena_free(mem);
    return ok;
}
