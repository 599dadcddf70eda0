/* textenc.h - the encoding boundary: every CSV is converted to UTF-8 here,
 * once, in streaming chunks. Input may be UTF-8 (with or without BOM) or
 * CP932 / Shift_JIS. Invalid bytes do not stop the conversion: they become
 * U+FFFD in the output and an event that the caller reports with its line
 * and column (the decoder knows bytes, not lines). */
#ifndef AIREPORT_TEXTENC_H
#define AIREPORT_TEXTENC_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { TEXTENC_AUTO, TEXTENC_UTF8, TEXTENC_CP932 } text_encoding;

/* "auto", "utf-8" (also "utf8"), "cp932" (also "shift_jis", "sjis"),
 * case-insensitive. false when the name is none of these. */
bool textenc_parse(const char *name, text_encoding *out);
const char *textenc_name(text_encoding enc); /* "auto", "utf-8", "cp932" */

/* Auto-detection, fed the whole stream in chunks: a leading UTF-8 BOM, or
 * text that is valid UTF-8 but for a few stray bytes (at most one invalid
 * byte per TEXTENC_UTF8_PER_BAD valid multi-byte sequences), means UTF-8 —
 * the decoder then reports each stray byte where it is — anything else
 * CP932. Japanese CP932 text is almost never valid UTF-8 (its lead bytes
 * 0x81-0x9F are UTF-8 continuation bytes), so the two cannot be confused. */
enum { TEXTENC_UTF8_PER_BAD = 8 };
typedef struct {
    unsigned char carry[4]; /* an incomplete sequence at a chunk end */
    size_t n_carry;
    size_t seen;            /* bytes fed so far */
    size_t multi, bad;      /* valid multi-byte sequences, invalid bytes */
    bool bom;
    bool bom_mismatch;      /* the first bytes are not a BOM */
} textenc_sniffer;

void textenc_sniff_init(textenc_sniffer *s);
void textenc_sniff(textenc_sniffer *s, const char *in, size_t n);
/* true once the answer cannot change (a BOM was seen). */
bool textenc_sniff_done(const textenc_sniffer *s);
text_encoding textenc_sniff_result(const textenc_sniffer *s);

typedef enum {
    TEXTDEC_INVALID, /* bytes that are not valid in the source encoding */
    TEXTDEC_BOM      /* a UTF-8 BOM after the start of the file (dropped) */
} textdec_event_kind;

typedef struct {
    textdec_event_kind kind;
    size_t out_offset;      /* where in this call's output it happened */
    unsigned char bytes[4]; /* the offending bytes (INVALID) */
    int n_bytes;
} textdec_event;

/* A streaming decoder. After each textdec_convert() call, out[0..out_len)
 * holds that chunk's UTF-8 and events[0..n_events) its problems, in order of
 * out_offset. A sequence split across chunks is completed by the next call. */
typedef struct {
    text_encoding enc; /* TEXTENC_UTF8 or TEXTENC_CP932 */
    char *out;
    size_t out_len, out_cap;
    textdec_event *events;
    int n_events, events_cap;

    /* private */
    unsigned char carry[4];
    size_t n_carry;
    bool started; /* a character was decoded (a BOM after that is misplaced) */
    void *iconv;  /* iconv_t for CP932 */
    char *work;   /* carry + chunk for iconv */
    size_t work_cap;
} textdec;

/* enc must be TEXTENC_UTF8 or TEXTENC_CP932. false when iconv has no CP932
 * (then nothing needs freeing). */
bool textdec_init(textdec *t, text_encoding enc);
void textdec_free(textdec *t);
/* last: no more input follows, so an incomplete sequence is invalid. */
void textdec_convert(textdec *t, const char *in, size_t n, bool last);

#endif
