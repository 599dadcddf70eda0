#include "indexhtml.h"

#include "numfmt.h"
#include "textesc.h"

static void S_esc(FILE *out, const char *s) { textesc_xml(out, s, NULL); }

static void S_size(FILE *out, size_t bytes)
{
    char buf[NUMFMT_MAX];
    if (bytes >= 1024 * 1024)
        fprintf(out, "%.1f MB", (double)bytes / (1024.0 * 1024.0));
    else if (bytes >= 1024)
        fprintf(out, "%s KB", numfmt_int(buf, (long long)((bytes + 512) / 1024)));
    else
        fprintf(out, "%zu B", bytes);
}

bool index_html_write(FILE *out, const index_page *p)
{
    fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    S_esc(out, p->title);
    fputs("</title>\n<style>\n"
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
          "figure{margin:1em 0}figure img{display:block;width:100%;height:auto;"
          "border:1px solid #D9D9D9}\n"
          "@media (max-width:600px){figure .scroll img{width:720px;max-width:none}}\n"
          "</style>\n</head>\n<body>\n<main>\n<h1>",
          out);
    S_esc(out, p->title);
    fputs("</h1>\n", out);
    if (p->edition) {
        fputs("<p>", out);
        S_esc(out, p->edition);
        fputs("</p>\n", out);
    }
    if (p->sample)
        fputs("<p class=\"sample\">サンプルデータ（合成データ）による再現です。実在の団体の回答ではありません。</p>\n",
              out);
    if (p->n_images > 0) {
        fputs("<h2>主な図表</h2>\n", out);
        for (int i = 0; i < p->n_images; i++) {
            const index_image *im = &p->images[i];
            /* the data as alt text; on a phone the picture keeps a readable
             * size in a scrolling box and links to its full size */
            fputs("<figure><div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"", out);
            S_esc(out, im->caption);
            fputs("の図\"><a href=\"", out);
            S_esc(out, im->full_href ? im->full_href : im->href);
            fputs("\"><img src=\"", out);
            S_esc(out, im->href);
            fputs("\" alt=\"", out);
            textesc_xml(out, im->alt ? im->alt : im->caption, " ");
            fputs("\"></a></div><figcaption>", out);
            S_esc(out, im->caption);
            fputs("</figcaption></figure>\n", out);
        }
    }
    fputs("<h2>資料一覧</h2>\n<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
          "aria-label=\"資料一覧\">\n<table>\n<thead><tr><th scope=\"col\">資料（PDF）</th>"
          "<th scope=\"col\">ページ数</th><th scope=\"col\">サイズ</th>"
          "<th scope=\"col\">Excel</th><th scope=\"col\">HTML</th></tr></thead>\n<tbody>\n",
          out);
    for (int i = 0; i < p->n_docs; i++) {
        const index_doc *d = &p->docs[i];
        fputs("<tr><td>", out);
        if (d->failed) {
            fputs("<span class=\"failed\">", out);
            S_esc(out, d->title);
            fputs("（作成に失敗）</span>", out);
        } else {
            fputs("<a href=\"", out);
            S_esc(out, d->href);
            fputs("\">", out);
            S_esc(out, d->title);
            fputs("</a>", out);
        }
        fputs("</td><td class=\"n\">", out);
        if (d->pages > 0)
            fprintf(out, "%d", d->pages);
        fputs("</td><td class=\"n\">", out);
        if (!d->failed)
            S_size(out, d->bytes);
        fputs("</td><td>", out);
        if (d->xlsx_href) {
            fputs("<a href=\"", out);
            S_esc(out, d->xlsx_href);
            fputs("\">Excel</a>", out);
        }
        fputs("</td><td>", out);
        if (d->html_href) {
            fputs("<a href=\"", out);
            S_esc(out, d->html_href);
            fputs("\">HTML</a>", out);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</div>\n</main>\n</body>\n</html>\n", out);
    return !ferror(out);
}
