#include "tokenbag.h"

#include "arena.h"
#include "provenance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tb_put(tb_bag *b, const char *t, size_t len)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 64;
        b->tok = xrealloc(b->tok, sizeof *b->tok * (size_t)b->cap);
    }
    char *c = xmalloc(len + 1);
    memcpy(c, t, len);
    c[len] = '\0';
    b->tok[b->n++] = c;
}

void tb_put_cb(void *bag, const char *t, size_t len)
{
    tb_put(bag, t, len);
}

bool tb_take(tb_bag *b, const char *t)
{
    for (int i = 0; i < b->n; i++)
        if (strcmp(b->tok[i], t) == 0) {
            free(b->tok[i]);
            b->tok[i] = b->tok[--b->n];
            return true;
        }
    return false;
}

void tb_free(tb_bag *b)
{
    for (int i = 0; i < b->n; i++)
        free(b->tok[i]);
    free(b->tok);
    memset(b, 0, sizeof *b);
}

int tb_pdf_pages(const char *pdf, tb_bag pages[TB_MAX_PAGES + 1])
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' -", pdf);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    char chunk[4096];
    while ((got = fread(chunk, 1, sizeof chunk, p)) > 0) {
        if (len + got + 1 > cap) {
            cap = (len + got + 1) * 2;
            text = xrealloc(text, cap);
        }
        memcpy(text + len, chunk, got);
        len += got;
    }
    if (pclose(p) != 0 || !text) {
        free(text);
        return -1;
    }
    text[len] = '\0';
    /* pages end with a form feed */
    int page = 1;
    const char *start = text;
    for (const char *c = text;; c++) {
        if (*c == '\f' || *c == '\0') {
            if (page <= TB_MAX_PAGES)
                prov_tokens(start, (size_t)(c - start), tb_put_cb, &pages[page]);
            if (!*c || !c[1])
                break;
            page++;
            start = c + 1;
        }
    }
    free(text);
    return page;
}

void tb_compare(tb_bag *printed, tb_bag *side, int n_pages, int *missing, int *extra)
{
    *missing = *extra = 0;
    for (int p = 1; p <= n_pages && p <= TB_MAX_PAGES; p++) {
        for (int i = 0; i < printed[p].n; i++)
            if (!tb_take(&side[p], printed[p].tok[i])) {
                printf("page %d: printed %s, not in the sidecar\n", p, printed[p].tok[i]);
                (*missing)++;
            }
        for (int i = 0; i < side[p].n; i++) {
            printf("page %d: sidecar has %s, not printed\n", p, side[p].tok[i]);
            (*extra)++;
        }
    }
}
