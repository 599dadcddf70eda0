/* pdf_buf.h - a growable byte buffer for the text the PDF writer makes
 * (content operators, structure objects, XMP). Private to the render stage.
 * Memory: malloc'd, freed by the owner with free(b->buf). */
#ifndef AIREPORT_PDF_BUF_H
#define AIREPORT_PDF_BUF_H

#include "arena.h"

#include <string.h>

typedef struct {
    char *buf;
    size_t len, cap;
} pdf_buf;

/* Room for more bytes (and a terminating NUL) after the end; returns the end. */
static inline char *pdf_buf_reserve(pdf_buf *b, size_t more)
{
    if (b->len + more + 1 > b->cap) {
        b->cap = (b->len + more + 1) * 2;
        b->buf = xrealloc(b->buf, b->cap);
    }
    return b->buf + b->len;
}

static inline void pdf_buf_put_n(pdf_buf *b, const char *s, size_t n)
{
    memcpy(pdf_buf_reserve(b, n), s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

static inline void pdf_buf_put(pdf_buf *b, const char *s)
{
    pdf_buf_put_n(b, s, strlen(s));
}

#endif
