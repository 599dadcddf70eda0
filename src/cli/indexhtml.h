/* indexhtml.h - out/index.html: every document of a build with its size and
 * page count, and the headline charts (PNG). */
#ifndef AIREPORT_INDEXHTML_H
#define AIREPORT_INDEXHTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    const char *title; /* shown text, e.g. 全国版 or 13 東京都 */
    const char *href;  /* path relative to index.html */
    size_t bytes;      /* 0 when the document failed */
    int pages;         /* 0 for non-PDF files */
    bool failed;
    int doc;           /* 1 national, 2.. a prefecture report + 1, 0 other */
    const char *xlsx_href, *html_href; /* its workbook and HTML page, NULL = none */
} index_doc;

typedef struct {
    const char *caption;
    const char *alt;       /* the chart's data as text */
    const char *href;      /* the image (SVG) relative to index.html */
    const char *full_href; /* its full-size picture (PNG, 300 dpi) */
} index_image;

typedef struct {
    const char *title;      /* publication title */
    const char *edition;    /* e.g. 令和8年4月24日版 */
    bool sample;            /* synthetic sample data: say so */
    const index_doc *docs;
    int n_docs;
    const index_image *images;
    int n_images;
} index_page;

/* Writes the page as UTF-8 HTML; false when writing failed. */
bool index_html_write(FILE *out, const index_page *p);

#endif
