/* test_pngencode.c - png_encode_rgb24 (the chart images): what it writes
 * decodes to the very pixels it was given. */
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

static void test_round_trip(void)
{
    /* An odd width, flat runs and a gradient: the Sub filter's cases. */
    const int w = 37, h = 9;
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
    cairo_surface_mark_dirty(s);

    unsigned char *png = NULL;
    size_t n = 0;
    CHECK(png_encode_rgb24(s, &png, &n));
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
    CHECK_INT(pixel_at(back, 30, 0), 0xFFFFFF);
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

int main(void)
{
    test_round_trip();
    test_refused();
    return test_done();
}
