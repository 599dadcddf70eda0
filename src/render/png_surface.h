/* png_surface.h - the pixels of a cairo RGB24 image surface, as both PNG
 * encoders (pngwriter.c with libpng, pngfast.c) take them. */
#ifndef AIREPORT_PNG_SURFACE_H
#define AIREPORT_PNG_SURFACE_H

#include <cairo.h>
#include <stdbool.h>

typedef struct {
    int w, h, stride;
    const unsigned char *data;
} png_pixels;

/* Flushes surf and describes its pixels; false unless it is a non-empty
 * RGB24 image surface. */
static inline bool png_surface_pixels(cairo_surface_t *surf, png_pixels *px)
{
    cairo_surface_flush(surf);
    if (cairo_image_surface_get_format(surf) != CAIRO_FORMAT_RGB24)
        return false;
    px->w = cairo_image_surface_get_width(surf);
    px->h = cairo_image_surface_get_height(surf);
    px->stride = cairo_image_surface_get_stride(surf);
    px->data = cairo_image_surface_get_data(surf);
    return px->data && px->w >= 1 && px->h >= 1;
}

#endif
