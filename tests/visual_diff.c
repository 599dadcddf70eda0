/* visual_diff.c - compares two PNG renderings of a page.
 *
 *   visual_diff REFERENCE.png ACTUAL.png [MAX_MEAN_DIFF]
 *
 * Prints the mean absolute difference of the R, G and B channels (0..255,
 * over every pixel) and the share of pixels that differ by more than 32 in
 * any channel. Exits 0 when the sizes match and the mean is at most
 * MAX_MEAN_DIFF (default 1.5), 1 when the images differ, 2 on bad input.
 * Small anti-aliasing noise passes; a moved block, a missing chart or a
 * changed colour does not. */
#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static cairo_surface_t *load(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "visual_diff: %s: %s\n", path,
                cairo_status_to_string(cairo_surface_status(s)));
        cairo_surface_destroy(s);
        return NULL;
    }
    /* compare in one pixel format whatever the PNG held */
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    cairo_surface_t *rgb = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(rgb);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    cairo_surface_flush(rgb);
    return rgb;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: visual_diff REFERENCE.png ACTUAL.png [MAX_MEAN_DIFF]\n", stderr);
        return 2;
    }
    double max_mean = argc > 3 ? strtod(argv[3], NULL) : 1.5;
    cairo_surface_t *a = load(argv[1]), *b = load(argv[2]);
    int status = 2;
    if (!a || !b)
        goto done;
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) {
        printf("%s: size %dx%d, reference %dx%d\n", argv[2], cairo_image_surface_get_width(b),
               cairo_image_surface_get_height(b), w, h);
        status = 1;
        goto done;
    }
    const unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
    int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    double sum = 0;
    long changed = 0;
    for (int y = 0; y < h; y++) {
        const uint32_t *ra = (const uint32_t *)(const void *)(pa + (size_t)y * (size_t)sa);
        const uint32_t *rb = (const uint32_t *)(const void *)(pb + (size_t)y * (size_t)sb);
        for (int x = 0; x < w; x++) {
            int most = 0;
            for (int shift = 0; shift < 24; shift += 8) {
                int d = abs((int)((ra[x] >> shift) & 0xFF) - (int)((rb[x] >> shift) & 0xFF));
                sum += d;
                if (d > most)
                    most = d;
            }
            changed += most > 32;
        }
    }
    double mean = sum / (3.0 * w * h);
    printf("%s: mean difference %.3f (limit %.3f), %.2f%% of pixels changed\n", argv[2], mean,
           max_mean, 100.0 * (double)changed / ((double)w * h));
    status = mean <= max_mean ? 0 : 1;
done:
    if (a)
        cairo_surface_destroy(a);
    if (b)
        cairo_surface_destroy(b);
    return status;
}
