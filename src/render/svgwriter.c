/* svgwriter.c - drawlist -> SVG (see svgwriter.h for why not cairo's). */
#include "svgwriter.h"

#include "textesc.h"

#include <stdio.h>
#include <stdlib.h>

/* A coordinate with two decimals, without printf's float formatting (a
 * chart file has thousands of them): 12.5 -> "12.50", -0.004 -> "0.00". */
static void num(FILE *out, double v)
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
    fputs(p, out);
}

static void point(FILE *out, char op, double x, double y)
{
    fputc(op, out);
    num(out, x);
    fputc(' ', out);
    num(out, y);
}

static void rgb(FILE *out, uint32_t c)
{
    static const char hex[] = "0123456789ABCDEF";
    char b[8] = {'#'};
    for (int i = 0; i < 6; i++)
        b[1 + i] = hex[(c >> (20 - 4 * i)) & 0xF];
    fwrite(b, 1, 7, out);
}

static void path_data(FILE *out, const dl_item *it, double dx, double dy)
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
        case DL_CLOSE: fputc('Z', out); break;
        }
    }
}

bool drawlist_svg(const drawlist *dl, double x_pt, double y_pt, double w_pt, double h_pt,
                  const char *title, const char *desc, unsigned char **svg, size_t *len)
{
    char *buf = NULL;
    *svg = NULL;
    *len = 0;
    FILE *out = open_memstream(&buf, len);
    if (!out)
        return false;
    /* 1 pt = 25.4 / 72 mm: Office and browsers insert the file at the
     * chart's size on the slide */
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.2fmm\" "
            "height=\"%.2fmm\" viewBox=\"0 0 %.2f %.2f\" role=\"img\"%s>\n",
            w_pt * 25.4 / 72, h_pt * 25.4 / 72, w_pt, h_pt,
            title ? " aria-labelledby=\"title desc\"" : "");
    if (title) {
        fputs("<title id=\"title\">", out);
        textesc_xml(out, title, " ");
        fputs("</title>\n", out);
    }
    if (desc) {
        fputs("<desc id=\"desc\">", out);
        textesc_xml(out, desc, " ");
        fputs("</desc>\n", out);
    }
    fprintf(out, "<rect width=\"%.2f\" height=\"%.2f\" fill=\"#FFFFFF\"/>\n"
                 "<g font-family=\"IPAexGothic, 'IPAexゴシック', 'Hiragino Sans', 'Yu Gothic', "
                 "'Noto Sans CJK JP', sans-serif\">\n",
            w_pt, h_pt);
    for (int i = 0; i < dl->n; i++) {
        const dl_item *it = &dl->items[i];
        switch (it->kind) {
        case DL_FILL:
            fputs("<path fill=\"", out);
            rgb(out, it->rgb);
            fputs("\" d=\"", out);
            path_data(out, it, x_pt, y_pt);
            fputs("\"/>\n", out);
            break;
        case DL_STROKE:
            fputs("<path fill=\"none\" stroke=\"", out);
            rgb(out, it->rgb);
            fputs("\" stroke-width=\"", out);
            num(out, it->line_width_pt > 0 ? it->line_width_pt : 0.5);
            fputs("\" d=\"", out);
            path_data(out, it, x_pt, y_pt);
            fputs("\"/>\n", out);
            break;
        case DL_TEXT:
            if (!it->text || !*it->text)
                break;
            fputs("<text x=\"", out);
            num(out, it->x - x_pt);
            fputs("\" y=\"", out);
            num(out, it->y - y_pt);
            fputs("\" font-size=\"", out);
            num(out, it->size_pt);
            fputs("\" fill=\"", out);
            rgb(out, it->rgb);
            fputc('"', out);
            if (it->align == DL_ALIGN_CENTER)
                fputs(" text-anchor=\"middle\"", out);
            else if (it->align == DL_ALIGN_RIGHT)
                fputs(" text-anchor=\"end\"", out);
            if (it->font == FONT_GOTHIC_BOLD)
                fputs(" font-weight=\"bold\"", out);
            else if (it->font == FONT_MINCHO)
                fputs(" font-family=\"IPAexMincho, 'IPAex明朝', serif\"", out);
            fputc('>', out);
            textesc_xml(out, it->text, NULL);
            fputs("</text>\n", out);
            break;
        }
    }
    fputs("</g>\n</svg>\n", out);
    bool ok = !ferror(out);
    if (fclose(out) != 0)
        ok = false;
    if (!ok) {
        free(buf);
        *len = 0;
        return false;
    }
    *svg = (unsigned char *)buf;
    return true;
}
