/* pdf_tounicode.h - the byte-level pieces of the PDF writer (pdf_tounicode.c):
 * the content hash behind /ID, PDF text strings, ToUnicode CMaps. Private to
 * the render stage (pdfwriter.c, pdf_embed.c) and its white-box test. */
#ifndef AIREPORT_PDF_TOUNICODE_H
#define AIREPORT_PDF_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

/* A 128-bit hash of a document's content (not cryptographic). */
typedef struct {
    uint64_t h[2];
} pdf_hash;
void pdf_hash_init(pdf_hash *h);
void pdf_hash_bytes(pdf_hash *h, const void *data, size_t n);
/* UTF-16BE with a byte order mark, the encoding of PDF text strings;
 * malloc'd, *n_bytes set. */
unsigned char *pdf_utf16be(const char *utf8, size_t *n_bytes);
/* A PDF text string as a literal, "(" UTF-16BE with its byte order mark
 * ")", the bytes ( ) \ CR LF escaped, into out[] (at most
 * pdf_text_literal_max(utf8) bytes); returns the length written. Half the
 * bytes of the hex form, so half the work for the deflater; an empty utf8
 * gives "()". */
size_t pdf_text_literal_max(const char *utf8);
size_t pdf_text_literal(const char *utf8, char *out);
/* The body of a ToUnicode CMap mapping CID first_cid + i to codepoints[i]
 * (BMP characters; the writer's dense encoding numbers a document's
 * characters from first_cid on); malloc'd text. */
char *pdf_tounicode_cmap(uint32_t first_cid, const uint32_t *codepoints, size_t n);

#endif
