/* textbuf.c - the growable buffer and the escapes of CSV, JSON, HTML/XML
 * and printable text (textbuf.h). */
#include "textbuf.h"

#include "arena.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char S_hex[] = "0123456789abcdef";

void textbuf_reserve(textbuf *b, size_t extra)
{
    if (b->len + extra <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void textbuf_put(textbuf *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    textbuf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void textbuf_puts(textbuf *b, const char *s)
{
    textbuf_put(b, s, strlen(s));
}

void textbuf_putc(textbuf *b, char c)
{
    textbuf_reserve(b, 1);
    b->data[b->len++] = c;
}

void textbuf_printf(textbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    textbuf_reserve(b, (size_t)n + 1); /* vsnprintf writes the NUL too */
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void textbuf_free(textbuf *b)
{
    free(b->data);
    *b = (textbuf){0};
}

void textbuf_csv_field(textbuf *b, const char *s)
{
    if (!s)
        return;
    if (strpbrk(s, ",\"\r\n") == NULL) {
        textbuf_puts(b, s);
        return;
    }
    textbuf_putc(b, '"');
    for (const char *p = s;;) {
        const char *q = strchr(p, '"');
        if (!q) {
            textbuf_puts(b, p);
            break;
        }
        textbuf_put(b, p, (size_t)(q - p) + 1);
        textbuf_putc(b, '"'); /* the quote, doubled */
        p = q + 1;
    }
    textbuf_putc(b, '"');
}

void textbuf_json_string(textbuf *b, const char *s)
{
    textbuf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    for (;;) {
        /* Copy the run that needs no escape in one go (labels rarely have any). */
        const unsigned char *run = p;
        while (*p >= 0x20 && *p != '"' && *p != '\\')
            p++;
        textbuf_put(b, (const char *)run, (size_t)(p - run));
        if (*p == '\0')
            break;
        switch (*p) {
        case '"': TEXTBUF_LIT(b, "\\\""); break;
        case '\\': TEXTBUF_LIT(b, "\\\\"); break;
        case '\n': TEXTBUF_LIT(b, "\\n"); break;
        case '\r': TEXTBUF_LIT(b, "\\r"); break;
        case '\t': TEXTBUF_LIT(b, "\\t"); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', S_hex[*p >> 4], S_hex[*p & 15]};
            textbuf_put(b, u, sizeof u);
        }
        }
        p++;
    }
    textbuf_putc(b, '"');
}

/* What the markup escape stops at: the five metacharacters and the C0
 * controls XML 1.0 does not allow even as a reference (all but TAB, LF,
 * CR); with LF when a line break is written as something else. */
#define MARKUP_C0 "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f" \
                  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
static const char S_markup_stop[] = "&<>\"'" MARKUP_C0;
static const char S_markup_stop_lf[] = "&<>\"'\n" MARKUP_C0;

void textbuf_html_lines(textbuf *b, const char *s, const char *newline)
{
    const char *stop = newline ? S_markup_stop_lf : S_markup_stop;
    for (const char *p = s; p && *p;) {
        size_t run = strcspn(p, stop);
        textbuf_put(b, p, run);
        p += run;
        switch (*p) {
        case '\0': return;
        case '&': TEXTBUF_LIT(b, "&amp;"); break;
        case '<': TEXTBUF_LIT(b, "&lt;"); break;
        case '>': TEXTBUF_LIT(b, "&gt;"); break;
        case '"': TEXTBUF_LIT(b, "&quot;"); break;
        case '\'': TEXTBUF_LIT(b, "&#39;"); break;
        case '\n': textbuf_puts(b, newline); break;
        default: TEXTBUF_LIT(b, "\xEF\xBF\xBD"); break; /* U+FFFD for a C0 control */
        }
        p++;
    }
}

void textbuf_html(textbuf *b, const char *s)
{
    textbuf_html_lines(b, s, NULL);
}

static void put_hex_byte(textbuf *b, unsigned char c)
{
    char x[4] = {'\\', 'x', S_hex[c >> 4], S_hex[c & 15]};
    textbuf_put(b, x, sizeof x);
}

void textbuf_printable(textbuf *b, const char *s)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7F) {
            textbuf_putc(b, (char)c);
            i++;
            continue;
        }
        switch (c) {
        case '\t': TEXTBUF_LIT(b, "\\t"); i++; continue;
        case '\r': TEXTBUF_LIT(b, "\\r"); i++; continue;
        case '\n': TEXTBUF_LIT(b, "\\n"); i++; continue;
        default: break;
        }
        int len = c < 0x80 ? 1 : utf8_seq_len(p + i, n - i);
        /* C0 and DEL; a UTF-8 sequence of a C1 control (U+0080..U+009F) is
         * two bytes C2 80..C2 9F: escaped byte by byte like invalid ones. */
        bool c1 = len == 2 && c == 0xC2 && p[i + 1] < 0xA0;
        if (c < 0x80 || len <= 0 || c1) {
            int k = c1 ? 2 : 1;
            for (int j = 0; j < k; j++)
                put_hex_byte(b, p[i + (size_t)j]);
            i += (size_t)k;
            continue;
        }
        textbuf_put(b, s + i, (size_t)len);
        i += (size_t)len;
    }
}

char *text_printable(char *out, size_t size, const char *s)
{
    static const char ellipsis[] = "…";
    if (size == 0)
        return out;
    textbuf b = {0};
    textbuf_printable(&b, s);
    size_t n = b.len;
    bool cut = n >= size;
    if (cut) {
        /* at a character boundary, with room for the ellipsis */
        n = size >= sizeof ellipsis ? size - sizeof ellipsis : 0;
        while (n > 0 && ((unsigned char)b.data[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(out, b.data, n);
    out[n] = '\0';
    if (cut && n + sizeof ellipsis <= size)
        memcpy(out + n, ellipsis, sizeof ellipsis);
    textbuf_free(&b);
    return out;
}
