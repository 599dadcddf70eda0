/* svgwriter.c - drawlist -> SVG (see svgwriter.h for why not cairo's). */
#include "svgwriter.h"

#include "textbuf.h"

#include <stdio.h>

/* A coordinate with two decimals, without printf's float formatting (a
 * chart file has thousands of them): 12.5 -> "12.50", -0.004 -> "0.00". */
static void num(textbuf *out, double v)
{
    long long c = (long long)(v * 100.0 + (v < 0 ? -0.5 : 0.5));
    char buf[32], *p = buf + sizeof buf;
    *--p = '\0';
    unsigned long long m = c < 0 ? (unsigned long long)(-c) : (unsigned long long)c;
    *--p = (char)('0' + m % 10);
    *--p = (char)('0' + m / 10 % 10);
    *--p = '.';
    m /= 100;
    do
        *--p = (char)('0' + m % 10);
    while ((m /= 10) > 0);
    if (c < 0)
        *--p = '-';
    textbuf_put(out, p, (size_t)(buf + sizeof buf - 1 - p));
}

static void point(textbuf *out, char op, double x, double y)
{
    textbuf_putc(out, op);
    num(out, x);
    textbuf_putc(out, ' ');
    num(out, y);
}

static void rgb(textbuf *out, uint32_t c)
{
    static const char hex[] = "0123456789ABCDEF";
    char b[8] = {'#'};
    for (int i = 0; i < 6; i++)
        b[1 + i] = hex[(c >> (20 - 4 * i)) & 0xF];
    textbuf_put(out, b, 7);
}

static void path_data(textbuf *out, const dl_item *it, double dx, double dy)
{
    for (int s = 0; s < it->n_segs; s++) {
        const dl_seg *g = &it->segs[s];
        switch (g->op) {
        case DL_MOVE_TO: point(out, 'M', g->x[0] - dx, g->y[0] - dy); break;
        case DL_LINE_TO: point(out, 'L', g->x[0] - dx, g->y[0] - dy); break;
        case DL_CURVE_TO:
            point(out, 'C', g->x[0] - dx, g->y[0] - dy);
            point(out, ' ', g->x[1] - dx, g->y[1] - dy);
            point(out, ' ', g->x[2] - dx, g->y[2] - dy);
            break;
        case DL_CLOSE: textbuf_putc(out, 'Z'); break;
        }
    }
}

void drawlist_svg(const drawlist *dl, double x_pt, double y_pt, double w_pt, double h_pt,
                  double scale, const char *title, const char *desc, unsigned char **svg, size_t *len)
{
    textbuf b = {0}, *out = &b;
    /* 1 pt = 25.4 / 72 mm: Office and browsers insert the file at the
     * chart's size on the slide */
    textbuf_printf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.2fmm\" "
            "height=\"%.2fmm\" viewBox=\"0 0 %.2f %.2f\" role=\"img\"%s>\n",
            w_pt * scale * 25.4 / 72, h_pt * scale * 25.4 / 72, w_pt, h_pt,
            title ? " aria-labelledby=\"title desc\"" : "");
    if (title) {
        TEXTBUF_LIT(out, "<title id=\"title\">");
        textbuf_html_lines(out, title, " ");
        TEXTBUF_LIT(out, "</title>\n");
    }
    if (desc) {
        TEXTBUF_LIT(out, "<desc id=\"desc\">");
        textbuf_html_lines(out, desc, " ");
        TEXTBUF_LIT(out, "</desc>\n");
    }
    textbuf_printf(out, "<rect width=\"%.2f\" height=\"%.2f\" fill=\"#FFFFFF\"/>\n"
                 "<g font-family=\"IPAexGothic, 'IPAexゴシック', 'Hiragino Sans', 'Yu Gothic', "
                 "'Noto Sans CJK JP', sans-serif\">\n",
            w_pt, h_pt);
    for (int i = 0; i < dl->n; i++) {
        const dl_item *it = &dl->items[i];
        switch (it->kind) {
        case DL_FILL:
            TEXTBUF_LIT(out, "<path fill=\"");
            rgb(out, it->rgb);
            TEXTBUF_LIT(out, "\" d=\"");
            path_data(out, it, x_pt, y_pt);
            TEXTBUF_LIT(out, "\"/>\n");
            break;
        case DL_STROKE:
            TEXTBUF_LIT(out, "<path fill=\"none\" stroke=\"");
            rgb(out, it->rgb);
            TEXTBUF_LIT(out, "\" stroke-width=\"");
            num(out, it->line_width_pt > 0 ? it->line_width_pt : 0.5);
            TEXTBUF_LIT(out, "\" d=\"");
            path_data(out, it, x_pt, y_pt);
            TEXTBUF_LIT(out, "\"/>\n");
            break;
        case DL_TEXT:
            if (!it->text || !*it->text)
                break;
            TEXTBUF_LIT(out, "<text x=\"");
            num(out, it->x - x_pt);
            TEXTBUF_LIT(out, "\" y=\"");
            num(out, it->y - y_pt);
            TEXTBUF_LIT(out, "\" font-size=\"");
            num(out, it->size_pt);
            TEXTBUF_LIT(out, "\" fill=\"");
            rgb(out, it->rgb);
            textbuf_putc(out, '"');
            if (it->align == DL_ALIGN_CENTER)
                TEXTBUF_LIT(out, " text-anchor=\"middle\"");
            else if (it->align == DL_ALIGN_RIGHT)
                TEXTBUF_LIT(out, " text-anchor=\"end\"");
            if (it->font == FONT_GOTHIC_BOLD)
                TEXTBUF_LIT(out, " font-weight=\"bold\"");
            else if (it->font == FONT_MINCHO)
                TEXTBUF_LIT(out, " font-family=\"IPAexMincho, 'IPAex明朝', serif\"");
            textbuf_putc(out, '>');
            textbuf_html(out, it->text);
            TEXTBUF_LIT(out, "</text>\n");
            break;
        default: break; /* structure and artifact items: no ink */
        }
    }
    TEXTBUF_LIT(out, "</g>\n</svg>\n");
    *svg = (unsigned char *)b.data;
    *len = b.len;
}
