/* textbuf.h - a growable text buffer, and the only code that writes the
 * escapes of CSV, JSON, HTML and XML (as libxlsxwriter's xmlwriter.c is the
 * only code that writes a workbook's XML).
 *
 * Every writer of those syntaxes (the figures exports, the provenance
 * sidecars, index.html, the documents' HTML pages, the SVG chart files, the
 * PDF's XMP metadata, the sample generator, init's CSV headers) appends its
 * text here and hands each value that may need
 * quoting to the escaper of its syntax, so a quoting rule is written once
 * (the XMP packet copies the escaped text into the PDF writer's buffer). The buffer grows with xrealloc (exit on out
 * of memory, arena.h); its bytes are the caller's to write and to free with
 * textbuf_free() or free(b.data).
 */
#ifndef AIREPORT_TEXTBUF_H
#define AIREPORT_TEXTBUF_H

#include <stddef.h>

typedef struct {
    char *data; /* not NUL-terminated; NULL until the first byte */
    size_t len, cap;
} textbuf;

/* Room for extra more bytes at data + len. */
void textbuf_reserve(textbuf *b, size_t extra);
void textbuf_put(textbuf *b, const char *s, size_t n);
void textbuf_puts(textbuf *b, const char *s);
void textbuf_putc(textbuf *b, char c);
void textbuf_printf(textbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A string literal without strlen at run time. */
#define TEXTBUF_LIT(b, lit) textbuf_put((b), (lit), sizeof(lit) - 1)
void textbuf_free(textbuf *b);

/* One CSV field (RFC 4180): as it is, or in double quotes with each quote
 * doubled when it holds a comma, a quote, CR or LF. NULL writes nothing. */
void textbuf_csv_field(textbuf *b, const char *s);

/* A JSON string, quotes included: `"` and `\` escaped, LF CR TAB as \n \r
 * \t, every other control character as \u00XX; other bytes (UTF-8) as they
 * are. NULL writes "". */
void textbuf_json_string(textbuf *b, const char *s);

/* HTML or XML (the PDF's XMP metadata, the SVG chart files) text or
 * attribute value: & < > " ' as entities; the C0 control characters that
 * XML 1.0 does not allow at all (all but TAB, LF, CR; a well-formed file
 * cannot hold them, not even as references) as U+FFFD. NULL writes
 * nothing. */
void textbuf_html(textbuf *b, const char *s);
/* The same with each LF written as newline (NULL: kept): "<br>" for a
 * paragraph's line breaks in HTML, " " in an alt text or an SVG title. */
void textbuf_html_lines(textbuf *b, const char *s, const char *newline);

/* Text for a terminal or a log (a name read from a data file, in a
 * message): TAB CR LF as \t \r \n, other control characters (C0, DEL, C1)
 * and bytes that are not UTF-8 as \xNN; everything else as it is (a
 * backslash too: messages quote paths). NULL writes nothing. */
void textbuf_printable(textbuf *b, const char *s);

/* textbuf_printable into out[0..size) (NUL-terminated, cut at a character
 * boundary when too long, "…" marking the cut); returns out. For messages. */
char *text_printable(char *out, size_t size, const char *s);

#endif
