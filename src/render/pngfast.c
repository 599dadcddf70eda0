/* pngfast.c - PNG of a flat-colour chart at print resolution, fast.
 *
 * A chart at 300 dpi is ~6 million pixels; through libpng and zlib (even at
 * level 1 or with Z_RLE) encoding took ~40 ms of the ~45 ms each chart file
 * cost, and a build writes some 300 of them. The pictures are flat colours
 * on white (drawn without anti-aliasing: at 300 dpi, as on a laser
 * printer, there is no need), with horizontal bars, so most rows repeat
 * the row above and the rest are long runs of one colour. This encoder
 * writes a valid PNG (RFC 2083 / ISO 15948) with its own minimal deflate
 * stream (RFC 1951): the rows become tokens — literals and runs of the byte
 * before (distance 1) — its Adler-32 updated per run in O(1), and the
 * tokens are written as one block with Huffman codes built for them:
 *   - at most 256 colours (a chart): a palette image, one byte per pixel,
 *     rows unfiltered (a run of one colour is a run of one byte);
 *   - more colours: RGB rows, filter Sub (a run of one colour is zeros);
 *   - either way a row equal to the row above is filter Up: all zeros.
 * Files are ~1.5x zlib level 9's size (p03: 73 KB, zlib -9 42 KB) at a
 * fraction of zlib level 1's time. pHYs records the resolution, so Office
 * and LibreOffice insert the image at its size in mm. */
#include "pngwriter.h"
#include "png_surface.h"

#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct {
    unsigned char *p;
    size_t n, cap;
    uint64_t bits; /* pending bits, LSB first */
    int nbits;
} bitout;

static void reserve(bitout *o, size_t extra)
{
    if (o->n + extra <= o->cap)
        return;
    o->cap = (o->n + extra) * 2;
    o->p = xrealloc(o->p, o->cap);
}

static void put_bytes(bitout *o, const void *b, size_t n)
{
    reserve(o, n);
    memcpy(o->p + o->n, b, n);
    o->n += n;
}

static void put_be32(bitout *o, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    put_bytes(o, b, 4);
}

static inline void put_bits(bitout *o, uint32_t v, int n)
{
    o->bits |= (uint64_t)v << o->nbits;
    o->nbits += n;
    if (o->nbits >= 32) {
        reserve(o, 4);
        for (int i = 0; i < 4; i++)
            o->p[o->n++] = (unsigned char)(o->bits >> (8 * i));
        o->bits >>= 32;
        o->nbits -= 32;
    }
}

static void flush_bits(bitout *o)
{
    while (o->nbits > 0) {
        reserve(o, 1);
        o->p[o->n++] = (unsigned char)o->bits;
        o->bits >>= 8;
        o->nbits -= 8;
    }
    o->bits = 0;
    o->nbits = 0;
}

/* The deflate stream is built as tokens first (a literal byte, or a run of
 * the byte before: length 3..258 at distance 1), then written as one block
 * with Huffman codes made for those tokens (RFC 1951 dynamic codes): the
 * 258-byte runs that repeated rows consist of then take 2 bits, not 13. */
typedef struct {
    uint16_t *t; /* 0..255 a literal, 256 + L a run of length L */
    size_t n, cap;
} tokens;

static inline void tok_add(tokens *k, unsigned v)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 1 << 16;
        k->t = xrealloc(k->t, k->cap * sizeof *k->t);
    }
    k->t[k->n++] = (uint16_t)v;
}

static void lit(tokens *k, unsigned v) { tok_add(k, v); }

/* n more copies of the byte just written (distance 1). */
static void run(tokens *k, unsigned v, size_t n)
{
    while (n >= 3) {
        size_t l = n > 258 ? 258 : n;
        if (n - l > 0 && n - l < 3)
            l = n - 3; /* leave a run of 3 rather than 1 or 2 literals */
        tok_add(k, 256 + (unsigned)l);
        n -= l;
    }
    while (n-- > 0)
        tok_add(k, v);
}

/* Length 3..258 -> its symbol (257..285), extra bits and their value. */
static uint16_t S_len_sym[259];
static uint8_t S_len_bits[259];
static uint16_t S_len_extra[259];

static void init_codes(void)
{
    static const int base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const int extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    for (int len = 3; len <= 258; len++) {
        int k = 28;
        while (base[k] > len)
            k--;
        S_len_sym[len] = (uint16_t)(257 + k);
        S_len_bits[len] = (uint8_t)extra[k];
        S_len_extra[len] = (uint16_t)(len - base[k]);
    }
}

static uint32_t reverse(uint32_t v, int n)
{
    uint32_t r = 0;
    for (int i = 0; i < n; i++)
        r |= ((v >> i) & 1u) << (n - 1 - i);
    return r;
}

/* Huffman code lengths (at most max_len bits) for n symbols of freq: a
 * complete code (two symbols at least get a length, as inflate wants). */
static void huff_lengths(const uint32_t *freq_in, int n, int max_len, uint8_t *len)
{
    uint32_t freq[320];
    int used = 0;
    for (int i = 0; i < n; i++) {
        freq[i] = freq_in[i];
        used += freq[i] > 0;
    }
    if (used < 2) /* one symbol (or none): pad with another */
        for (int i = 0; i < n && used < 2; i++)
            if (!freq[i]) {
                freq[i] = 1;
                used++;
            }
    for (;;) {
        /* nodes: leaves 0..n-1, inner nodes n..; parent links give depths */
        uint64_t w[640];
        int parent[640], alive[640], na = 0, next = n;
        for (int i = 0; i < n; i++) {
            w[i] = freq[i];
            parent[i] = -1;
            if (freq[i])
                alive[na++] = i;
        }
        while (na > 1) {
            int a = 0, b2 = 1; /* the two lightest, by weight then index */
            if (w[alive[b2]] < w[alive[a]]) {
                a = 1;
                b2 = 0;
            }
            for (int j = 2; j < na; j++) {
                if (w[alive[j]] < w[alive[a]]) {
                    b2 = a;
                    a = j;
                } else if (w[alive[j]] < w[alive[b2]]) {
                    b2 = j;
                }
            }
            int x = alive[a], y = alive[b2];
            w[next] = w[x] + w[y];
            parent[next] = -1;
            parent[x] = parent[y] = next;
            int hi = a > b2 ? a : b2, lo = a < b2 ? a : b2;
            alive[hi] = alive[--na];
            alive[lo] = next++;
        }
        int longest = 0;
        for (int i = 0; i < n; i++) {
            int d = 0;
            for (int k = i; freq[i] && parent[k] >= 0; k = parent[k])
                d++;
            len[i] = (uint8_t)d;
            longest = d > longest ? d : longest;
        }
        if (longest <= max_len)
            return;
        for (int i = 0; i < n; i++) /* flatten the frequencies and again */
            if (freq[i])
                freq[i] = (freq[i] >> 1) | 1;
    }
}

/* Canonical codes of lengths, bit-reversed for LSB-first output. */
static void huff_codes(const uint8_t *len, int n, uint32_t *code)
{
    int count[16] = {0};
    uint32_t next[16] = {0};
    for (int i = 0; i < n; i++)
        count[len[i]]++;
    count[0] = 0;
    uint32_t c = 0;
    for (int b = 1; b < 16; b++) {
        c = (c + (uint32_t)count[b - 1]) << 1;
        next[b] = c;
    }
    for (int i = 0; i < n; i++)
        code[i] = len[i] ? reverse(next[len[i]]++, len[i]) : 0;
}

/* The tokens as one final deflate block with dynamic Huffman codes. */
static void emit_block(bitout *z, const tokens *k)
{
    uint32_t freq[286] = {0}, dfreq[30] = {0};
    for (size_t i = 0; i < k->n; i++) {
        unsigned t = k->t[i];
        freq[t < 256 ? t : S_len_sym[t - 256]]++;
    }
    freq[256] = 1; /* end of block */
    dfreq[0] = 1;  /* distance 1, the only one */
    uint8_t len[286], dlen[30];
    uint32_t code[286], dcode[30];
    huff_lengths(freq, 286, 15, len);
    huff_lengths(dfreq, 30, 15, dlen);
    huff_codes(len, 286, code);
    huff_codes(dlen, 30, dcode);
    int hlit = 286;
    while (hlit > 257 && !len[hlit - 1])
        hlit--;
    int hdist = 30;
    while (hdist > 1 && !dlen[hdist - 1])
        hdist--;
    /* the code lengths, run-length coded (16: repeat, 17/18: zeros) */
    uint8_t all[316];
    int na = 0;
    for (int i = 0; i < hlit; i++)
        all[na++] = len[i];
    for (int i = 0; i < hdist; i++)
        all[na++] = dlen[i];
    uint8_t cl_sym[316], cl_extra[316];
    int nc = 0;
    for (int i = 0; i < na;) {
        int r = 1;
        while (i + r < na && all[i + r] == all[i])
            r++;
        if (all[i] == 0 && r >= 3) {
            int m = r > 138 ? 138 : r;
            cl_sym[nc] = m >= 11 ? 18 : 17;
            cl_extra[nc++] = (uint8_t)(m >= 11 ? m - 11 : m - 3);
            i += m;
        } else if (r >= 4) {
            cl_sym[nc] = all[i];
            cl_extra[nc++] = 0;
            int m = r - 1 > 6 ? 6 : r - 1;
            cl_sym[nc] = 16;
            cl_extra[nc++] = (uint8_t)(m - 3);
            i += 1 + m;
        } else {
            cl_sym[nc] = all[i];
            cl_extra[nc++] = 0;
            i++;
        }
    }
    uint32_t clfreq[19] = {0}, clcode[19];
    uint8_t cllen[19];
    for (int i = 0; i < nc; i++)
        clfreq[cl_sym[i]]++;
    huff_lengths(clfreq, 19, 7, cllen);
    huff_codes(cllen, 19, clcode);
    static const uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    int hclen = 19;
    while (hclen > 4 && !cllen[order[hclen - 1]])
        hclen--;
    put_bits(z, 1, 1); /* BFINAL */
    put_bits(z, 2, 2); /* BTYPE 10: dynamic Huffman codes */
    put_bits(z, (uint32_t)(hlit - 257), 5);
    put_bits(z, (uint32_t)(hdist - 1), 5);
    put_bits(z, (uint32_t)(hclen - 4), 4);
    for (int i = 0; i < hclen; i++)
        put_bits(z, cllen[order[i]], 3);
    static const uint8_t cl_extra_bits[19] = {[16] = 2, [17] = 3, [18] = 7};
    for (int i = 0; i < nc; i++) {
        put_bits(z, clcode[cl_sym[i]], cllen[cl_sym[i]]);
        if (cl_extra_bits[cl_sym[i]])
            put_bits(z, cl_extra[i], cl_extra_bits[cl_sym[i]]);
    }
    /* each token's bits as one code: a literal's, or a run's length
     * symbol, extra bits and distance: at most 15 + 5 + 1 bits (distance 1
     * is one of two distance codes, 1 bit), so with fewer than 32 bits
     * pending they fit in 64 */
    uint64_t tcode[256 + 259];
    uint8_t tlen[256 + 259];
    for (unsigned t = 0; t < 256 + 259; t++) {
        if (t < 256) {
            tcode[t] = code[t];
            tlen[t] = len[t];
            continue;
        }
        unsigned l = t - 256;
        if (l < 3) /* not a length a token has */
            continue;
        unsigned sym = S_len_sym[l];
        tcode[t] = code[sym] | (uint64_t)S_len_extra[l] << len[sym] |
                   (uint64_t)dcode[0] << (len[sym] + S_len_bits[l]);
        tlen[t] = (uint8_t)(len[sym] + S_len_bits[l] + dlen[0]);
    }
    reserve(z, k->n * 3 + 8); /* 21 bits a token at most */
    uint64_t bits = z->bits;
    int nbits = z->nbits;
    unsigned char *out = z->p + z->n;
    for (size_t i = 0; i < k->n; i++) {
        unsigned t = k->t[i];
        bits |= tcode[t] << nbits;
        nbits += tlen[t];
        if (nbits >= 32) { /* 32 bits out */
            out[0] = (unsigned char)bits;
            out[1] = (unsigned char)(bits >> 8);
            out[2] = (unsigned char)(bits >> 16);
            out[3] = (unsigned char)(bits >> 24);
            out += 4;
            bits >>= 32;
            nbits -= 32;
        }
    }
    z->n = (size_t)(out - z->p);
    z->bits = bits;
    z->nbits = nbits;
    put_bits(z, code[256], len[256]);
}

static void chunk(bitout *o, const char *type, const unsigned char *data, uint32_t n)
{
    put_be32(o, n);
    size_t at = o->n;
    put_bytes(o, type, 4);
    if (n)
        put_bytes(o, data, n);
    put_be32(o, (uint32_t)crc32(0, o->p + at, (uInt)(n + 4)));
}

/* Adler-32 (RFC 1950) after n more bytes of value v, in O(1): the sums
 * are kept unreduced within a row and reduced modulo 65521 at its end
 * (adler_reduce), a division per row instead of five per run. A row adds
 * less than 2^56 to b (rows of at most MAX_W pixels, 3 bytes each). */
typedef struct {
    uint64_t a, b;
} adler;
static const uint64_t MOD = 65521;
enum { MAX_W = 1 << 22 };

static inline void adler_run(adler *s, unsigned v, uint64_t n)
{
    /* b gains n*a plus v*(1 + 2 + ... + n) */
    s->b += n * s->a + (uint64_t)v * (n * (n + 1) / 2);
    s->a += n * v;
}

static inline void adler_reduce(adler *s)
{
    s->a %= MOD;
    s->b %= MOD;
}

/* The palette of an image that has at most 256 colours: index of each
 * colour by a small open-addressing table. */
typedef struct {
    int n;
    uint32_t rgb[256];
    uint32_t key[1024]; /* rgb + 1, 0 = empty */
    unsigned char idx[1024];
} palette;

/* Index of c, added when new; -1 when the palette is full. */
static int pal_index(palette *p, uint32_t c)
{
    uint32_t h = (c * 2654435761u) >> 22;
    for (;; h = (h + 1) & 1023) {
        if (p->key[h] == c + 1)
            return p->idx[h];
        if (p->key[h] == 0) {
            if (p->n == 256)
                return -1;
            p->key[h] = c + 1;
            p->idx[h] = (unsigned char)p->n;
            p->rgb[p->n] = c;
            return p->n++;
        }
    }
}

/* A PNG being encoded, rows handed in bands. */
struct png_flat {
    int w, h, rows_done;
    double dpi;
    bool indexed;
    tokens z;
    adler ad;
    palette pal;
    uint32_t *prev; /* the last row handed in */
};

/* A row that repeats the row above: filter Up, every byte 0. */
static void up_row(tokens *z, adler *ad, size_t row_bytes)
{
    lit(z, 2);
    lit(z, 0);
    run(z, 0, row_bytes - 1);
    adler_run(ad, 2, 1);
    adler_run(ad, 0, row_bytes);
}

/* The end of the run of colour c that starts at x: most runs are long,
 * so 4 pixels at a time with SSE2 where there is SSE2 (the top byte of an
 * RGB24 pixel is not part of its colour). */
static int run_end(const uint32_t *px, int x, int w, uint32_t c)
{
    int e = x + 1;
#ifdef __SSE2__
    const __m128i want = _mm_set1_epi32((int)(c & 0xFFFFFF)), mask = _mm_set1_epi32(0xFFFFFF);
#define SAME4(k) \
    _mm_cmpeq_epi32( \
        _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)(px + e + (k))), mask), want)
    while (e + 16 <= w) { /* 16 at a time while the run lasts */
        __m128i same = _mm_and_si128(_mm_and_si128(SAME4(0), SAME4(4)),
                                     _mm_and_si128(SAME4(8), SAME4(12)));
        if (_mm_movemask_epi8(same) != 0xFFFF)
            break;
        e += 16;
    }
#undef SAME4
    while (e + 4 <= w) {
        __m128i v = _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)(px + e)), mask);
        unsigned same = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi32(v, want));
        if (same != 0xFFFF) /* the first other pixel: 4 mask bits a pixel */
            return e + __builtin_ctz(~same) / 4;
        e += 4;
    }
#endif
    while (e < w && ((px[e] ^ c) & 0xFFFFFF) == 0)
        e++;
    return e;
}

/* An indexed row (filter None): a run of one colour is a run of one byte.
 * false when the image has more than 256 colours. */
static bool indexed_row(png_flat *p, const uint32_t *px)
{
    tokens *z = &p->z;
    lit(z, 0);
    adler_run(&p->ad, 0, 1);
    for (int x = 0; x < p->w;) {
        uint32_t c = px[x] & 0xFFFFFF;
        int e = run_end(px, x, p->w, c);
        int index = pal_index(&p->pal, c);
        if (index < 0)
            return false;
        lit(z, (unsigned)index);
        run(z, (unsigned)index, (size_t)(e - x - 1));
        adler_run(&p->ad, (unsigned)index, (uint64_t)(e - x));
        x = e;
    }
    return true;
}

/* An RGB row (filter Sub: a run of one colour becomes zeros). */
static void rgb_row(png_flat *p, const uint32_t *px)
{
    tokens *z = &p->z;
    lit(z, 1);
    adler_run(&p->ad, 1, 1);
    uint32_t prev = 0;
    for (int x = 0; x < p->w;) {
        uint32_t c = px[x];
        unsigned char d[3] = {(unsigned char)((c >> 16) - (prev >> 16)),
                              (unsigned char)((c >> 8) - (prev >> 8)), (unsigned char)(c - prev)};
        for (int k = 0; k < 3; k++) {
            lit(z, d[k]);
            adler_run(&p->ad, d[k], 1);
        }
        int e = run_end(px, x, p->w, c);
        if (e > x + 1) { /* the same colour again: zeros */
            lit(z, 0);
            run(z, 0, (size_t)(e - x - 1) * 3 - 1);
            adler_run(&p->ad, 0, (uint64_t)(e - x - 1) * 3);
        }
        prev = c;
        x = e;
    }
}

png_flat *png_flat_begin(int w, int h, double dpi, bool rgb)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_codes);
    if (w < 1 || h < 1 || w > MAX_W)
        return NULL;
    png_flat *p = xcalloc(1, sizeof *p);
    *p = (png_flat){.w = w, .h = h, .dpi = dpi, .indexed = !rgb, .ad = {1, 0}};
    p->prev = xmalloc((size_t)w * 4);
    return p;
}

bool png_flat_rows(png_flat *p, const unsigned char *pixels, int stride, int n)
{
    size_t row_bytes = (size_t)p->w * (p->indexed ? 1 : 3);
    /* the row above: the band's previous row, or the last row of the band
     * before (kept in p->prev) */
    const uint32_t *above = p->rows_done > 0 ? p->prev : NULL;
    int y = 0;
    for (; y < n && p->rows_done < p->h; y++, p->rows_done++) {
        const uint32_t *px = (const uint32_t *)(const void *)(pixels + (size_t)y * (size_t)stride);
        if (above && memcmp(px, above, (size_t)p->w * 4) == 0) {
            up_row(&p->z, &p->ad, row_bytes);
        } else if (p->indexed) {
            if (!indexed_row(p, px))
                return false;
        } else {
            rgb_row(p, px);
        }
        adler_reduce(&p->ad);
        above = px;
    }
    if (y > 0)
        memcpy(p->prev, pixels + (size_t)(y - 1) * (size_t)stride, (size_t)p->w * 4);
    return true;
}

void png_flat_free(png_flat *p)
{
    if (!p)
        return;
    free(p->z.t);
    free(p->prev);
    free(p);
}

bool png_flat_end(png_flat *p, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    bool complete = p->rows_done == p->h;
    /* zlib header, the block, Adler-32 */
    bitout zb = {0}, *z = &zb;
    reserve(z, p->z.n / 2 + 1024);
    put_bytes(z, "\x78\x01", 2);
    emit_block(z, &p->z);
    flush_bits(z);
    put_be32(z, (uint32_t)((p->ad.b << 16) | p->ad.a));

    bitout o = {0};
    reserve(&o, z->n + 1024);
    put_bytes(&o, "\x89PNG\r\n\x1a\n", 8);
    uint32_t W = (uint32_t)p->w, H = (uint32_t)p->h;
    /* 8 bits, palette (3) or RGB (2), deflate, adaptive filters, no interlace */
    unsigned char ihdr[13] = {(unsigned char)(W >> 24), (unsigned char)(W >> 16),
                              (unsigned char)(W >> 8),  (unsigned char)W,
                              (unsigned char)(H >> 24), (unsigned char)(H >> 16),
                              (unsigned char)(H >> 8),  (unsigned char)H,
                              8, p->indexed ? 3 : 2, 0, 0, 0};
    chunk(&o, "IHDR", ihdr, 13);
    uint32_t ppm = (uint32_t)(p->dpi / 0.0254 + 0.5); /* pixels per metre */
    unsigned char phys[9] = {(unsigned char)(ppm >> 24), (unsigned char)(ppm >> 16),
                             (unsigned char)(ppm >> 8),  (unsigned char)ppm,
                             (unsigned char)(ppm >> 24), (unsigned char)(ppm >> 16),
                             (unsigned char)(ppm >> 8),  (unsigned char)ppm, 1};
    chunk(&o, "pHYs", phys, 9);
    if (p->indexed) {
        unsigned char plte[768];
        for (int i = 0; i < p->pal.n; i++) {
            plte[3 * i] = (unsigned char)(p->pal.rgb[i] >> 16);
            plte[3 * i + 1] = (unsigned char)(p->pal.rgb[i] >> 8);
            plte[3 * i + 2] = (unsigned char)p->pal.rgb[i];
        }
        chunk(&o, "PLTE", plte, (uint32_t)(3 * (p->pal.n ? p->pal.n : 1)));
    }
    chunk(&o, "IDAT", z->p, (uint32_t)z->n);
    chunk(&o, "IEND", NULL, 0);
    free(zb.p);
    png_flat_free(p);
    if (!complete) {
        free(o.p);
        return false;
    }
    *out = o.p;
    *len = o.n;
    return true;
}

bool png_encode_flat(cairo_surface_t *surf, double dpi, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    png_pixels px;
    if (!png_surface_pixels(surf, &px))
        return false;
    int w = px.w, h = px.h, stride = px.stride;
    const unsigned char *pixels = px.data;
    for (int rgb = 0; rgb < 2; rgb++) { /* a palette image unless > 256 colours */
        png_flat *p = png_flat_begin(w, h, dpi, rgb);
        if (!p)
            return false;
        if (png_flat_rows(p, pixels, stride, h))
            return png_flat_end(p, out, len);
        png_flat_free(p);
    }
    return false;
}
