#include "indexhtml.h"

#include "numfmt.h"
#include "textbuf.h"

#include <stdlib.h>

static void S_size(textbuf *out, size_t bytes)
{
    char buf[NUMFMT_MAX];
    if (bytes >= 1024 * 1024)
        textbuf_printf(out, "%.1f MB", (double)bytes / (1024.0 * 1024.0));
    else if (bytes >= 1024)
        textbuf_printf(out, "%s KB", numfmt_int(buf, (long long)((bytes + 512) / 1024)));
    else
        textbuf_printf(out, "%zu B", bytes);
}

bool index_html_write(FILE *file, const index_page *p)
{
    textbuf b = {0}, *out = &b;
    textbuf_puts(
        out, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    textbuf_html(out, p->title);
    textbuf_puts(out,
                 "</title>\n<style>\n"
                 "body{font-family:'IPAexGothic','Hiragino Sans','Yu Gothic',sans-serif;color:#222;"
                 "margin:2em auto;max-width:60em;padding:0 1em}\n"
                 "h1{color:#1F3864;border-bottom:3px solid #1F3864;padding-bottom:.3em}\n"
                 ".sample{color:#C00000;font-weight:bold}\n"
                 "table{border-collapse:collapse;width:100%}\n"
                 "th,td{border-bottom:1px solid #D9D9D9;padding:.35em .6em;text-align:left;"
                 "white-space:nowrap}\n"
                 "th{background:#EEF3FA}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
                 ".failed{color:#C00000}a{color:#1F4E99}\n"
                 ".scroll{overflow-x:auto}\n"
                 "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
                 "figure{margin:1em 0}figure img{display:block;width:100%;height:auto;"
                 "border:1px solid #D9D9D9}\n"
                 "@media (max-width:600px){figure .scroll img{width:720px;max-width:none}}\n"
                 "</style>\n</head>\n<body>\n<main>\n<h1>");
    textbuf_html(out, p->title);
    textbuf_puts(out, "</h1>\n");
    if (p->edition) {
        textbuf_puts(out, "<p>");
        textbuf_html(out, p->edition);
        textbuf_puts(out, "</p>\n");
    }
    if (p->sample)
        textbuf_puts(out, "<p class=\"sample\">サンプルデータ（合成データ）による再現です。"
                          "実在の団体の回答ではありません。</p>\n");
    if (p->n_images > 0) {
        textbuf_puts(out, "<h2>主な図表</h2>\n");
        for (int i = 0; i < p->n_images; i++) {
            const index_image *im = &p->images[i];
            /* the data as alt text; on a phone the picture keeps a readable
             * size in a scrolling box and links to its full size */
            textbuf_puts(out, "<figure><div class=\"scroll\" role=\"region\" tabindex=\"0\" "
                              "aria-label=\"");
            textbuf_html(out, im->caption);
            textbuf_puts(out, "の図\"><a href=\"");
            textbuf_html(out, im->full_href ? im->full_href : im->href);
            textbuf_puts(out, "\"><img src=\"");
            textbuf_html(out, im->href);
            textbuf_puts(out, "\" alt=\"");
            textbuf_html_lines(out, im->alt ? im->alt : im->caption, " ");
            textbuf_puts(out, "\"></a></div><figcaption>");
            textbuf_html(out, im->caption);
            textbuf_puts(out, "</figcaption></figure>\n");
        }
    }
    textbuf_puts(out, "<h2>資料一覧</h2>\n<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
                      "aria-label=\"資料一覧\">\n<table>\n"
                      "<caption>資料ごとのファイル（PDF・Excel・HTML）とページ数・サイズ</caption>\n"
                      "<thead><tr><th scope=\"col\">資料（PDF）</th>"
                      "<th scope=\"col\">ページ数</th><th scope=\"col\">サイズ</th>"
                      "<th scope=\"col\">Excel</th><th scope=\"col\">HTML</th></tr></thead>\n"
                      "<tbody>\n");
    for (int i = 0; i < p->n_docs; i++) {
        const index_doc *d = &p->docs[i];
        textbuf_puts(out, "<tr><td>");
        if (d->failed) {
            textbuf_puts(out, "<span class=\"failed\">");
            textbuf_html(out, d->title);
            textbuf_puts(out, "（作成に失敗）</span>");
        } else {
            textbuf_puts(out, "<a href=\"");
            textbuf_html(out, d->href);
            textbuf_puts(out, "\">");
            textbuf_html(out, d->title);
            textbuf_puts(out, "</a>");
        }
        textbuf_puts(out, "</td><td class=\"n\">");
        if (d->pages > 0)
            textbuf_printf(out, "%d", d->pages);
        textbuf_puts(out, "</td><td class=\"n\">");
        if (!d->failed)
            S_size(out, d->bytes);
        textbuf_puts(out, "</td><td>");
        if (d->xlsx_href) {
            textbuf_puts(out, "<a href=\"");
            textbuf_html(out, d->xlsx_href);
            textbuf_puts(out, "\">Excel</a>");
        }
        textbuf_puts(out, "</td><td>");
        if (d->html_href) {
            textbuf_puts(out, "<a href=\"");
            textbuf_html(out, d->html_href);
            textbuf_puts(out, "\">HTML</a>");
        }
        textbuf_puts(out, "</td></tr>\n");
    }
    textbuf_puts(out, "</tbody>\n</table>\n</div>\n</main>\n</body>\n</html>\n");
    bool ok = (b.len == 0 || fwrite(b.data, 1, b.len, file) == b.len) && !ferror(file);
    textbuf_free(&b);
    return ok;
}
