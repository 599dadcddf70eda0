/* pdf_tounicode.c - the byte-level pieces of the PDF writer: ToUnicode
 * CMaps, PDF text strings (UTF-16BE) and the content hash behind /ID. */
#include "pdf_tounicode.h"

#include "arena.h"
#include "fontset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two 64-bit lanes with different seeds, mixed a 64-bit word at a time
 * (multiply and xor-shift, as in splitmix64): 128 bits for /ID. Not
 * cryptographic; it only has to change when the content changes. It hashes
 * every drawlist item of a document, so it works on words, not bytes. */
void pdf_hash_init(pdf_hash *h)
{
    h->h[0] = 0xcbf29ce484222325ull;
    h->h[1] = 0x84222325cbf29ce4ull;
}

static uint64_t mix64(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

void pdf_hash_bytes(pdf_hash *h, const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t a = h->h[0], b = h->h[1];
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        a = mix64(a, v);
        b = mix64(b, v ^ 0x5bd1e9955bd1e995ull);
    }
    /* The tail and the length, so that "ab" + "c" differs from "a" + "bc". */
    uint64_t tail = (uint64_t)n << 56;
    for (size_t k = 0; i + k < n; k++)
        tail ^= (uint64_t)p[i + k] << (8 * k);
    h->h[0] = mix64(a, tail);
    h->h[1] = mix64(b, tail ^ 0x5bd1e9955bd1e995ull);
}

unsigned char *pdf_utf16be(const char *utf8, size_t *n_bytes)
{
    size_t len = strlen(utf8);
    unsigned char *out = xmalloc(2 + len * 4);
    size_t o = 0;
    out[o++] = 0xFE;
    out[o++] = 0xFF;
    for (size_t i = 0; i < len;) {
        uint32_t c = fontset_utf8_next(utf8, len, &i);
        if (c >= 0x10000) {
            uint32_t v = c - 0x10000;
            uint32_t hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);
            out[o++] = (unsigned char)(hi >> 8);
            out[o++] = (unsigned char)hi;
            out[o++] = (unsigned char)(lo >> 8);
            out[o++] = (unsigned char)lo;
        } else {
            out[o++] = (unsigned char)(c >> 8);
            out[o++] = (unsigned char)c;
        }
    }
    *n_bytes = o;
    return out;
}

size_t pdf_text_literal_max(const char *utf8)
{
    /* a UTF-8 byte gives at most 2 UTF-16 bytes (4 for 4), each escaped: x2 */
    return 2 + 4 + 4 * strlen(utf8) + 1;
}

size_t pdf_text_literal(const char *utf8, char *out)
{
    char *o = out;
    *o++ = '(';
    if (*utf8) {
        size_t n = 0;
        unsigned char *u = pdf_utf16be(utf8, &n);
        for (size_t i = 0; i < n; i++) {
            unsigned char b = u[i];
            if (b == '(' || b == ')' || b == '\\') {
                *o++ = '\\';
                *o++ = (char)b;
            } else if (b == '\r' || b == '\n') {
                *o++ = '\\';
                *o++ = b == '\r' ? 'r' : 'n';
            } else {
                *o++ = (char)b;
            }
        }
        free(u);
    }
    *o++ = ')';
    return (size_t)(o - out);
}

/* PDF limits a bfchar block to 100 entries. */
enum { CMAP_BLOCK = 100 };

char *pdf_tounicode_cmap(uint32_t first_cid, const uint32_t *codepoints, size_t n)
{
    static const char head[] = "/CIDInit /ProcSet findresource begin\n"
                               "12 dict begin\n"
                               "begincmap\n"
                               "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                               "/CMapName /Adobe-Identity-UCS def\n"
                               "/CMapType 2 def\n"
                               "1 begincodespacerange\n"
                               "<0000> <FFFF>\n"
                               "endcodespacerange\n";
    static const char tail[] = "endcmap\n"
                               "CMapName currentdict /CMap defineresource pop\n"
                               "end\n"
                               "end\n";
    size_t cap = sizeof head + sizeof tail + n * 14 + (n / CMAP_BLOCK + 1) * 32;
    char *out = xmalloc(cap);
    size_t o = 0;
    memcpy(out, head, sizeof head - 1);
    o += sizeof head - 1;
    for (size_t i = 0; i < n; i += CMAP_BLOCK) {
        size_t k = n - i < CMAP_BLOCK ? n - i : CMAP_BLOCK;
        o += (size_t)snprintf(out + o, cap - o, "%zu beginbfchar\n", k);
        for (size_t j = i; j < i + k; j++)
            o += (size_t)snprintf(out + o, cap - o, "<%04X> <%04X>\n", (unsigned)(first_cid + j),
                                  (unsigned)codepoints[j]);
        o += (size_t)snprintf(out + o, cap - o, "endbfchar\n");
    }
    memcpy(out + o, tail, sizeof tail);
    return out;
}
