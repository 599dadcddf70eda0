/* pngfast.c - PNG of a flat-colour chart at print resolution, fast.
 *
 * A chart at 300 dpi is ~6 million pixels; through libpng and zlib (even at
 * level 1 or with Z_RLE) encoding took ~40 ms of the ~45 ms each chart file
 * cost, and a build writes some 300 of them. The pictures are flat colours
 * on white (drawn without anti-aliasing: at 300 dpi, as on a laser
 * printer, there is no need), with horizontal bars, so most rows repeat
 * the row above and the rest are long runs of one colour. This encoder
 * writes a valid PNG (RFC 2083 / ISO 15948) with its own minimal deflate
 * stream (RFC 1951: one block of the fixed Huffman code, literals and
 * distance-1 runs), its Adler-32 updated per run in O(1):
 *   - at most 256 colours (a chart): a palette image, one byte per pixel,
 *     rows unfiltered (a run of one colour is a run of one byte);
 *   - more colours: RGB rows, filter Sub (a run of one colour is zeros);
 *   - either way a row equal to the row above is filter Up: all zeros.
 * pHYs records the resolution, so Office and LibreOffice insert the image
 * at its size in mm. */
#include "pngwriter.h"

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

/* Fixed Huffman codes, bit-reversed for LSB-first output. */
typedef struct {
    uint32_t bits;
    int n;
} code;
static code S_lit[286];      /* literal / length symbols */
static code S_len[259];      /* length 3..258 with its extra bits and distance 1 */

static uint32_t reverse(uint32_t v, int n)
{
    uint32_t r = 0;
    for (int i = 0; i < n; i++)
        r |= ((v >> i) & 1u) << (n - 1 - i);
    return r;
}

static void init_codes(void)
{
    for (int v = 0; v < 286; v++) {
        int n = v < 144 ? 8 : v < 256 ? 9 : v < 280 ? 7 : 8;
        uint32_t c = v < 144 ? 0x30u + (uint32_t)v
                     : v < 256 ? 0x190u + (uint32_t)(v - 144)
                     : v < 280 ? (uint32_t)(v - 256)
                               : 0xC0u + (uint32_t)(v - 280);
        S_lit[v] = (code){reverse(c, n), n};
    }
    static const int base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const int extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    for (int len = 3; len <= 258; len++) {
        int k = 28;
        while (base[k] > len)
            k--;
        if (len == 258)
            k = 28;
        code sym = S_lit[257 + k];
        /* symbol, extra bits (LSB first, not reversed), distance code 0 (5 bits) */
        uint32_t bits = sym.bits | ((uint32_t)(len - base[k]) << sym.n);
        S_len[len] = (code){bits, sym.n + extra[k] + 5};
    }
}

static void lit(bitout *o, unsigned v) { put_bits(o, S_lit[v].bits, S_lit[v].n); }

/* n more copies of the byte just written (distance 1). */
static void run(bitout *o, unsigned v, size_t n)
{
    while (n >= 3) {
        size_t l = n > 258 ? 258 : n;
        if (n - l > 0 && n - l < 3)
            l = n - 3; /* leave a run of 3 rather than 1 or 2 literals */
        put_bits(o, S_len[l].bits, S_len[l].n);
        n -= l;
    }
    while (n-- > 0)
        lit(o, v);
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

/* Adler-32 (RFC 1950) after n more bytes of value v, in O(1). */
typedef struct {
    uint64_t a, b;
} adler;
static const uint64_t MOD = 65521;

static void adler_run(adler *s, unsigned v, uint64_t n)
{
    uint64_t n_mod = n % MOD;
    /* b gains n*a plus v*(1 + 2 + ... + n) */
    uint64_t tri = (n % 2 == 0 ? (n / 2) % MOD * ((n + 1) % MOD) : n % MOD * (((n + 1) / 2) % MOD)) % MOD;
    s->b = (s->b + n_mod * s->a + (uint64_t)v * tri) % MOD;
    s->a = (s->a + n_mod * v) % MOD;
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
    bitout z;
    adler ad;
    palette pal;
    uint32_t *prev; /* the last row handed in */
};

/* A row that repeats the row above: filter Up, every byte 0. */
static void up_row(bitout *z, adler *ad, size_t row_bytes)
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
    while (e + 4 <= w) {
        __m128i v = _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)(px + e)), mask);
        if (_mm_movemask_epi8(_mm_cmpeq_epi32(v, want)) != 0xFFFF)
            break;
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
    bitout *z = &p->z;
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
    bitout *z = &p->z;
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
    if (w < 1 || h < 1)
        return NULL;
    png_flat *p = xcalloc(1, sizeof *p);
    *p = (png_flat){.w = w, .h = h, .dpi = dpi, .indexed = !rgb, .ad = {1, 0}};
    p->prev = xmalloc((size_t)w * 4);
    /* zlib header, then one block of the fixed Huffman code */
    reserve(&p->z, (size_t)w * 4 + 1024);
    put_bytes(&p->z, "\x78\x01", 2);
    put_bits(&p->z, 1, 1); /* BFINAL */
    put_bits(&p->z, 1, 2); /* BTYPE 01 */
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
    free(p->z.p);
    free(p->prev);
    free(p);
}

bool png_flat_end(png_flat *p, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    bool complete = p->rows_done == p->h;
    bitout *z = &p->z;
    lit(z, 256); /* end of block */
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
    cairo_surface_flush(surf);
    if (cairo_image_surface_get_format(surf) != CAIRO_FORMAT_RGB24)
        return false;
    int w = cairo_image_surface_get_width(surf), h = cairo_image_surface_get_height(surf);
    int stride = cairo_image_surface_get_stride(surf);
    const unsigned char *pixels = cairo_image_surface_get_data(surf);
    if (!pixels || w < 1 || h < 1)
        return false;
    for (int rgb = 0; rgb < 2; rgb++) { /* a palette image unless > 256 colours */
        png_flat *p = png_flat_begin(w, h, dpi, rgb);
        if (png_flat_rows(p, pixels, stride, h))
            return png_flat_end(p, out, len);
        png_flat_free(p);
    }
    return false;
}
