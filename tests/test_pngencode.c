/* test_pngencode.c - png_encode_rgb24 (the chart images) and
 * png_encode_flat (the chart files at 300 dpi, its own deflate stream):
 * what they write decodes, with libpng through cairo, to the very pixels
 * they were given; the flat encoder's pHYs says 300 dpi. */
#include "harness.h"
#include "pngwriter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const unsigned char *p;
    size_t n, at;
} png_in;

static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int len)
{
    png_in *in = closure;
    if (in->at + len > in->n)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, in->p + in->at, len);
    in->at += len;
    return CAIRO_STATUS_SUCCESS;
}

static uint32_t pixel_at(cairo_surface_t *s, int x, int y)
{
    const unsigned char *row =
        cairo_image_surface_get_data(s) + (size_t)y * (size_t)cairo_image_surface_get_stride(s);
    uint32_t v;
    memcpy(&v, row + 4 * (size_t)x, 4);
    return v & 0xFFFFFF;
}

typedef bool (*encode_fn)(cairo_surface_t *s, unsigned char **png, size_t *n);
static bool enc_rgb24(cairo_surface_t *s, unsigned char **png, size_t *n)
{
    return png_encode_rgb24(s, png, n);
}
static bool enc_flat(cairo_surface_t *s, unsigned char **png, size_t *n)
{
    return png_encode_flat(s, 300, png, n);
}

static void test_round_trip(encode_fn encode, int w, int h)
{
    /* An odd width, flat runs, repeated rows, runs longer than deflate's
     * 258 bytes with every remainder, a gradient and noise: the filters'
     * and the flat encoder's cases. */
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0x2E / 255.0, 0x75 / 255.0, 0xB6 / 255.0);
    cairo_rectangle(cr, 3, 2, 20, 4);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    unsigned char *data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int x = 0; x < w; x++) {
        uint32_t v = (uint32_t)(x * 7) << 16 | (uint32_t)(255 - x * 5) << 8 | (uint32_t)(x * 3);
        memcpy(data + (size_t)(h - 1) * (size_t)stride + 4 * (size_t)x, &v, 4);
    }
    unsigned seed = 12345;
    for (int y = 0; y + 2 < h && h > 12; y += 5) /* noise on some rows, runs of 86..90 px on others */
        for (int x = 0; x < w; x++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t v = y % 10 ? (seed >> 8) & 0xFFFFFF : (uint32_t)(x / (86 + y % 5)) * 0x010203u;
            memcpy(data + (size_t)y * (size_t)stride + 4 * (size_t)x, &v, 4);
        }
    cairo_surface_mark_dirty(s);

    unsigned char *png = NULL;
    size_t n = 0;
    CHECK(encode(s, &png, &n));
    CHECK(n > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
    png_in in = {png, n, 0};
    cairo_surface_t *back = cairo_image_surface_create_from_png_stream(read_png, &in);
    CHECK_INT(cairo_surface_status(back), CAIRO_STATUS_SUCCESS);
    CHECK_INT(cairo_image_surface_get_width(back), w);
    CHECK_INT(cairo_image_surface_get_height(back), h);
    CHECK_INT(cairo_image_surface_get_format(back), CAIRO_FORMAT_RGB24);
    int wrong = 0;
    if (cairo_image_surface_get_width(back) == w && cairo_image_surface_get_height(back) == h)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                wrong += pixel_at(back, x, y) != pixel_at(s, x, y);
    CHECK_INT(wrong, 0);
    CHECK_INT(pixel_at(back, 4, 3), 0x2E75B6);
    CHECK_INT(pixel_at(back, 30, 1), 0xFFFFFF);
    cairo_surface_destroy(back);
    free(png);
    cairo_surface_destroy(s);
}

static void test_refused(void)
{
    /* Only RGB24 images: an ARGB32 surface is refused, not misread. */
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4);
    unsigned char *png = (unsigned char *)"untouched";
    size_t n = 99;
    CHECK(!png_encode_rgb24(s, &png, &n));
    CHECK(png == NULL);
    CHECK_INT(n, 0);
    cairo_surface_destroy(s);
}

/* The flat encoder's resolution: pHYs 11,811 px/m (300 dpi) in metres. */
static void test_phys(void)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 10, 10);
    unsigned char *png = NULL;
    size_t n = 0;
    CHECK(png_encode_flat(s, 300, &png, &n));
    const unsigned char want[] = {0, 0, 0, 9, 'p', 'H', 'Y', 's', 0, 0, 0x2E, 0x23,
                                  0, 0, 0x2E, 0x23, 1};
    bool found = false;
    for (size_t i = 0; i + sizeof want <= n; i++)
        found |= memcmp(png + i, want, sizeof want) == 0;
    CHECK(found);
    free(png);
    cairo_surface_destroy(s);
}

/* Rows handed in bands of any height give the same file as all at once
 * (the chart files are drawn 64 rows at a time). */
static void test_bands(void)
{
    const int w = 301, h = 50;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
    cairo_rectangle(cr, 10, 5, 200, 20);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.9, 0.1, 0.1);
    cairo_rectangle(cr, 50, 24, 7, 13);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    unsigned char *whole = NULL, *banded = NULL;
    size_t n_whole = 0, n_banded = 0;
    CHECK(png_encode_flat(s, 300, &whole, &n_whole));
    const unsigned char *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    png_flat *p = png_flat_begin(w, h, 300, false);
    bool ok = true;
    for (int top = 0; top < h; top += 7)
        ok &= png_flat_rows(p, px + (size_t)top * (size_t)stride, stride, h - top < 7 ? h - top : 7);
    CHECK(ok);
    CHECK(png_flat_end(p, &banded, &n_banded));
    CHECK_INT(n_banded, n_whole);
    CHECK(n_banded == n_whole && memcmp(whole, banded, n_whole) == 0);
    /* too few rows: no file */
    unsigned char *partial = NULL;
    size_t n_partial = 0;
    p = png_flat_begin(w, h, 300, false);
    CHECK(png_flat_rows(p, px, stride, 10));
    CHECK(!png_flat_end(p, &partial, &n_partial));
    CHECK(partial == NULL);
    free(whole);
    free(banded);
    cairo_surface_destroy(s);
}

int main(void)
{
    test_bands();
    test_round_trip(enc_rgb24, 37, 9);
    test_round_trip(enc_flat, 37, 9);
    test_round_trip(enc_flat, 1001, 40);
    test_refused();
    test_phys();
    return test_done();
}
