/* visual_diff.c - compares two PNG renderings of a page, tile by tile.
 *
 *   visual_diff [--label TEXT] [--tile PX] [--tol T] [--diff OUT.png]
 *               REFERENCE.png ACTUAL.png
 *
 * A page mean hides small changes (a bar 10 % short moves the mean of a
 * 30 dpi page by 0.3 of 255, a changed digit by 0.02), so the page is cut
 * into square tiles of PX pixels (default 8: about 7 mm at 30 dpi). A tile's
 * score is the sum over its pixels of the largest channel difference, in
 * units of a full-scale difference (255 = 1.0): one fully changed pixel
 * scores 1, a faint anti-aliasing shift of an edge a fraction of that. A tile
 * whose score exceeds T (default 0: rebuilds render byte-identically, so an
 * unchanged build scores exactly 0 everywhere) is a change. Neighbouring
 * changed tiles are merged into regions, and each region is printed with the
 * box of its changed pixels in pixels of the image (x, y from the top-left,
 * w, h), how many pixels changed and by how much, so a failure says where.
 * --diff writes the actual page, faded, with the changed pixels in red.
 *
 * Exit status: 0 no tile over the tolerance, 1 the images differ (or their
 * sizes do), 2 bad usage or an unreadable PNG. */
#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

typedef struct {
    int w, h;         /* image size */
    int tile, tw, th; /* tile size and the grid */
    unsigned char *d; /* per pixel: the largest channel difference */
    double *score;    /* per tile */
    int *region;      /* per tile: region number + 1, 0 = unchanged */
} diffmap;

typedef struct {
    int x0, y0, x1, y1; /* changed pixels' box, inclusive */
    long pixels;
    int most;
    double score;
} region;

static void build_map(diffmap *m, cairo_surface_t *a, cairo_surface_t *b)
{
    const unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
    int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    m->d = calloc((size_t)m->w * (size_t)m->h, 1);
    m->score = calloc((size_t)m->tw * (size_t)m->th, sizeof *m->score);
    m->region = calloc((size_t)m->tw * (size_t)m->th, sizeof *m->region);
    for (int y = 0; y < m->h; y++) {
        const uint32_t *ra = (const uint32_t *)(const void *)(pa + (size_t)y * (size_t)sa);
        const uint32_t *rb = (const uint32_t *)(const void *)(pb + (size_t)y * (size_t)sb);
        for (int x = 0; x < m->w; x++) {
            int most = 0;
            for (int shift = 0; shift < 24; shift += 8) {
                int d = abs((int)((ra[x] >> shift) & 0xFF) - (int)((rb[x] >> shift) & 0xFF));
                if (d > most)
                    most = d;
            }
            m->d[(size_t)y * (size_t)m->w + (size_t)x] = (unsigned char)most;
            m->score[(y / m->tile) * m->tw + x / m->tile] += most / 255.0;
        }
    }
}

/* Flood-fills changed tiles (8-neighbours) into regions; returns how many. */
static int find_regions(diffmap *m, double tol, region **out)
{
    int n = 0, cap = 0, ntiles = m->tw * m->th;
    int *stack = malloc(sizeof *stack * (size_t)ntiles);
    region *rs = NULL;
    for (int t = 0; t < ntiles; t++) {
        if (m->score[t] <= tol || m->region[t])
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            rs = realloc(rs, sizeof *rs * (size_t)cap);
        }
        region *r = &rs[n++];
        *r = (region){.x0 = m->w, .y0 = m->h, .x1 = -1, .y1 = -1};
        int top = 0;
        stack[top++] = t;
        m->region[t] = n;
        while (top) {
            int c = stack[--top], cx = c % m->tw, cy = c / m->tw;
            r->score += m->score[c];
            for (int y = cy * m->tile; y < (cy + 1) * m->tile && y < m->h; y++)
                for (int x = cx * m->tile; x < (cx + 1) * m->tile && x < m->w; x++) {
                    int d = m->d[(size_t)y * (size_t)m->w + (size_t)x];
                    if (!d)
                        continue;
                    r->pixels++;
                    if (d > r->most)
                        r->most = d;
                    if (x < r->x0)
                        r->x0 = x;
                    if (y < r->y0)
                        r->y0 = y;
                    if (x > r->x1)
                        r->x1 = x;
                    if (y > r->y1)
                        r->y1 = y;
                }
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = cx + dx, ny = cy + dy;
                    if (nx < 0 || ny < 0 || nx >= m->tw || ny >= m->th)
                        continue;
                    int k = ny * m->tw + nx;
                    if (m->score[k] > tol && !m->region[k]) {
                        m->region[k] = n;
                        stack[top++] = k;
                    }
                }
        }
    }
    free(stack);
    *out = rs;
    return n;
}

/* The actual page faded to 25 %, changed pixels red. */
static void write_diff(const char *path, cairo_surface_t *actual, const diffmap *m)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, m->w, m->h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, actual, 0, 0);
    cairo_paint_with_alpha(cr, 0.25);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    unsigned char *p = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < m->h; y++)
        for (int x = 0; x < m->w; x++)
            if (m->d[(size_t)y * (size_t)m->w + (size_t)x])
                ((uint32_t *)(void *)(p + (size_t)y * (size_t)stride))[x] = 0xFF0000;
    cairo_surface_mark_dirty(s);
    if (cairo_surface_write_to_png(s, path) != CAIRO_STATUS_SUCCESS)
        fprintf(stderr, "visual_diff: cannot write %s\n", path);
    cairo_surface_destroy(s);
}

static int usage(void)
{
    fputs("usage: visual_diff [--label TEXT] [--tile PX] [--tol T] [--diff OUT.png] "
          "REFERENCE.png ACTUAL.png\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *label = NULL, *diff_png = NULL, *paths[2] = {0};
    int tile = 8, npaths = 0;
    double tol = 0.0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
            label = argv[++i];
        else if (strcmp(argv[i], "--tile") == 0 && i + 1 < argc)
            tile = atoi(argv[++i]);
        else if (strcmp(argv[i], "--tol") == 0 && i + 1 < argc)
            tol = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--diff") == 0 && i + 1 < argc)
            diff_png = argv[++i];
        else if (argv[i][0] != '-' && npaths < 2)
            paths[npaths++] = argv[i];
        else
            return usage();
    }
    if (npaths != 2 || tile < 1 || tol < 0)
        return usage();
    if (!label)
        label = paths[1];

    cairo_surface_t *a = load(paths[0]), *b = load(paths[1]);
    int status = 2;
    if (!a || !b)
        goto done;
    diffmap m = {.w = cairo_image_surface_get_width(a), .h = cairo_image_surface_get_height(a),
                 .tile = tile};
    if (m.w != cairo_image_surface_get_width(b) || m.h != cairo_image_surface_get_height(b)) {
        printf("%s: size %dx%d px, reference %dx%d px\n", label, cairo_image_surface_get_width(b),
               cairo_image_surface_get_height(b), m.w, m.h);
        status = 1;
        goto done;
    }
    m.tw = (m.w + tile - 1) / tile;
    m.th = (m.h + tile - 1) / tile;
    build_map(&m, a, b);
    double worst = 0;
    for (int t = 0; t < m.tw * m.th; t++)
        if (m.score[t] > worst)
            worst = m.score[t];
    region *rs = NULL;
    int n = find_regions(&m, tol, &rs);
    printf("%s: largest tile score %.3f (tolerance %.3f, %d px tiles), %d changed region%s\n",
           label, worst, tol, tile, n, n == 1 ? "" : "s");
    for (int i = 0; i < n && i < 20; i++)
        printf("%s: changed region x=%d y=%d w=%d h=%d px: %ld pixels differ, by up to %d of "
               "255 (score %.2f)\n",
               label, rs[i].x0, rs[i].y0, rs[i].x1 - rs[i].x0 + 1, rs[i].y1 - rs[i].y0 + 1,
               rs[i].pixels, rs[i].most, rs[i].score);
    if (n > 20)
        printf("%s: %d more regions\n", label, n - 20);
    if (diff_png && n)
        write_diff(diff_png, b, &m);
    status = n ? 1 : 0;
    free(rs);
    free(m.d);
    free(m.score);
    free(m.region);
done:
    if (a)
        cairo_surface_destroy(a);
    if (b)
        cairo_surface_destroy(b);
    return status;
}
