#include "textenc.h"

#include "arena.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

bool textenc_parse(const char *name, text_encoding *out)
{
    static const struct {
        const char *name;
        text_encoding enc;
    } names[] = {{"auto", TEXTENC_AUTO},       {"utf-8", TEXTENC_UTF8}, {"utf8", TEXTENC_UTF8},
                 {"cp932", TEXTENC_CP932},     {"shift_jis", TEXTENC_CP932},
                 {"shift-jis", TEXTENC_CP932}, {"sjis", TEXTENC_CP932}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].enc;
            return true;
        }
    return false;
}

const char *textenc_name(text_encoding enc)
{
    switch (enc) {
    case TEXTENC_UTF8:
        return "utf-8";
    case TEXTENC_CP932:
        return "cp932";
    default:
        return "auto";
    }
}

/* The end of the ASCII run at p[i..n): survey files are mostly ASCII (codes,
 * numbers, commas), so eight bytes are tested at a time. */
static size_t skip_ascii(const unsigned char *p, size_t i, size_t n)
{
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

/* ---- detection ---------------------------------------------------------- */

void textenc_sniff_init(textenc_sniffer *s)
{
    memset(s, 0, sizeof *s);
}

bool textenc_sniff_done(const textenc_sniffer *s)
{
    return s->bom;
}

/* Counts the valid multi-byte sequences and invalid bytes of p[0..n) and
 * returns how many bytes at the end form an incomplete sequence (to be
 * completed by the next chunk). */
static size_t sniff_run(textenc_sniffer *s, const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        i = skip_ascii(p, i, n);
        if (i == n)
            break;
        int len = utf8_seq_len(p + i, n - i);
        if (len < 0) {
            s->bad++;
            i++;
            continue;
        }
        if (len == 0)
            return n - i;
        s->multi++;
        i += (size_t)len;
    }
    return 0;
}

void textenc_sniff(textenc_sniffer *s, const char *in, size_t n)
{
    const unsigned char *p = (const unsigned char *)in;
    static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
    if (textenc_sniff_done(s) || n == 0)
        return;
    for (size_t i = 0; i < n && s->seen + i < 3; i++)
        if (p[i] != bom[s->seen + i])
            s->bom_mismatch = true;
    if (!s->bom_mismatch && s->seen < 3 && s->seen + n >= 3) {
        s->bom = true;
        return;
    }
    s->seen += n;
    /* Complete a sequence split at the previous chunk end, a byte at a time. */
    while (s->n_carry > 0 && n > 0) {
        s->carry[s->n_carry++] = *p++;
        n--;
        int len = utf8_seq_len(s->carry, s->n_carry);
        if (len < 0) {
            s->bad++;
            s->n_carry = 0;
        } else if (len > 0) {
            s->multi++;
            s->n_carry = 0;
        }
    }
    if (n == 0)
        return;
    size_t rest = sniff_run(s, p, n);
    if (rest) {
        memcpy(s->carry, p + n - rest, rest);
        s->n_carry = rest;
    }
}

text_encoding textenc_sniff_result(const textenc_sniffer *s)
{
    if (s->bom)
        return TEXTENC_UTF8;
    /* A short file held entirely in the carry, or a truncated sequence at
     * the end, counts as one more invalid byte. */
    size_t bad = s->bad + (s->n_carry > 0 && !utf8_valid((const char *)s->carry, s->n_carry));
    if (bad == 0)
        return TEXTENC_UTF8;
    return s->multi >= TEXTENC_UTF8_PER_BAD * bad ? TEXTENC_UTF8 : TEXTENC_CP932;
}

/* ---- decoding ----------------------------------------------------------- */

bool textdec_init(textdec *t, text_encoding enc)
{
    memset(t, 0, sizeof *t);
    t->enc = enc == TEXTENC_CP932 ? TEXTENC_CP932 : TEXTENC_UTF8;
    if (t->enc == TEXTENC_CP932) {
        iconv_t cd = iconv_open("UTF-8", "CP932");
        if (cd == (iconv_t)-1)
            return false;
        t->iconv = cd;
    }
    return true;
}

void textdec_free(textdec *t)
{
    if (t->iconv)
        iconv_close((iconv_t)t->iconv);
    free(t->out);
    free(t->events);
    free(t->work);
    memset(t, 0, sizeof *t);
}

static void out_reserve(textdec *t, size_t more)
{
    if (t->out_len + more <= t->out_cap)
        return;
    size_t cap = t->out_cap ? t->out_cap : 4096;
    while (cap < t->out_len + more)
        cap *= 2;
    t->out = xrealloc(t->out, cap);
    t->out_cap = cap;
}

static void out_put(textdec *t, const void *p, size_t n)
{
    out_reserve(t, n);
    memcpy(t->out + t->out_len, p, n);
    t->out_len += n;
}

static void add_event(textdec *t, textdec_event_kind kind, const unsigned char *bytes, size_t n)
{
    if (t->n_events == t->events_cap) {
        t->events_cap = t->events_cap ? t->events_cap * 2 : 8;
        t->events = xrealloc(t->events, sizeof *t->events * (size_t)t->events_cap);
    }
    textdec_event *e = &t->events[t->n_events++];
    *e = (textdec_event){kind, t->out_len, {0}, (int)(n > 4 ? 4 : n)};
    memcpy(e->bytes, bytes, (size_t)e->n_bytes);
}

static void invalid_bytes(textdec *t, const unsigned char *bytes, size_t n)
{
    add_event(t, TEXTDEC_INVALID, bytes, n);
    out_put(t, REPLACEMENT, 3);
    t->started = true;
}

/* Copies the valid text p[from..to) held back by utf8_run. */
static void flush_valid(textdec *t, const unsigned char *p, size_t from, size_t to)
{
    if (to > from) {
        out_put(t, p + from, to - from);
        t->started = true;
    }
}

static bool is_bom(const unsigned char *p, int len)
{
    return len == 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF;
}

/* Decodes UTF-8 in p[0..n); returns the length of an incomplete tail. Valid
 * text is copied in spans, not character by character: only an invalid
 * byte, a BOM or the tail interrupts a span. */
static size_t utf8_run(textdec *t, const unsigned char *p, size_t n, bool last)
{
    out_reserve(t, n + 3);
    size_t i = 0, from = 0;
    while (i < n) {
        i = skip_ascii(p, i, n);
        if (i == n)
            break;
        int len = utf8_seq_len(p + i, n - i);
        if (len > 0 && !is_bom(p + i, len)) {
            i += (size_t)len;
            continue;
        }
        flush_valid(t, p, from, i);
        if (len == 0) {
            if (!last)
                return n - i;
            invalid_bytes(t, p + i, n - i);
            return 0;
        }
        if (len < 0) {
            invalid_bytes(t, p + i, (size_t)-len);
            i += (size_t)-len;
        } else { /* U+FEFF */
            if (t->started)
                add_event(t, TEXTDEC_BOM, p + i, (size_t)len);
            t->started = true; /* the leading BOM is dropped silently */
            i += (size_t)len;
        }
        from = i;
    }
    flush_valid(t, p, from, n);
    return 0;
}

/* Prepends the carried bytes of the previous chunk to this one; the copy is
 * made only when a sequence was split, which is rare for real chunk sizes. */
static const unsigned char *with_carry(textdec *t, const unsigned char *in, size_t *n)
{
    if (t->n_carry == 0)
        return in;
    size_t len = t->n_carry + *n;
    if (t->work_cap < len) {
        t->work_cap = len + 64;
        t->work = xrealloc(t->work, t->work_cap);
    }
    memcpy(t->work, t->carry, t->n_carry);
    if (*n)
        memcpy(t->work + t->n_carry, in, *n);
    t->n_carry = 0;
    *n = len;
    return (const unsigned char *)t->work;
}

static void convert_utf8(textdec *t, const unsigned char *in, size_t n, bool last)
{
    const unsigned char *p = with_carry(t, in, &n);
    size_t tail = utf8_run(t, p, n, last);
    if (tail) {
        memmove(t->carry, p + n - tail, tail);
        t->n_carry = tail;
    }
}

static bool cp932_lead(unsigned char b)
{
    return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
}

static bool cp932_trail(unsigned char b)
{
    return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFC);
}

static void convert_cp932(textdec *t, const unsigned char *in, size_t n, bool last)
{
    /* iconv takes a non-const input pointer but does not write through it. */
    char *ip = (char *)with_carry(t, in, &n);
    size_t il = n;
    while (il > 0) {
        /* A CP932 byte never becomes more than 3 UTF-8 bytes. */
        out_reserve(t, il * 3 + 4);
        char *op = t->out + t->out_len;
        size_t ol = t->out_cap - t->out_len;
        size_t r = iconv((iconv_t)t->iconv, &ip, &il, &op, &ol);
        t->out_len = (size_t)(op - t->out);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        const unsigned char *b = (const unsigned char *)ip;
        if (errno == EINVAL && !last && il < sizeof t->carry) {
            memcpy(t->carry, b, il); /* a lead byte waiting for its trail */
            t->n_carry = il;
            break;
        }
        /* EILSEQ (or a truncated pair at the end): skip the pair when it is
         * shaped like one, else only the first byte, so that a stray lead
         * byte does not swallow the comma or newline after it. */
        size_t skip = il >= 2 && cp932_lead(b[0]) && cp932_trail(b[1]) ? 2 : 1;
        invalid_bytes(t, b, skip);
        ip += skip;
        il -= skip;
    }
    if (last)
        iconv((iconv_t)t->iconv, NULL, NULL, NULL, NULL);
}

void textdec_convert(textdec *t, const char *in, size_t n, bool last)
{
    t->out_len = 0;
    t->n_events = 0;
    if (t->enc == TEXTENC_CP932)
        convert_cp932(t, (const unsigned char *)in, n, last);
    else
        convert_utf8(t, (const unsigned char *)in, n, last);
}
