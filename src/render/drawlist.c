#include "drawlist.h"

#include <stdio.h>
#include <string.h>

void drawlist_init(drawlist *dl, arena *mem)
{
    memset(dl, 0, sizeof *dl);
    dl->mem = mem;
}

dl_item *drawlist_add(drawlist *dl, dl_kind kind)
{
    if (dl->n == dl->cap) {
        int cap = dl->cap ? dl->cap * 2 : 64;
        dl_item *items = ARENA_NEW(dl->mem, dl_item, cap);
        if (dl->n)
            memcpy(items, dl->items, sizeof *items * (size_t)dl->n);
        dl->items = items;
        dl->cap = cap;
    }
    dl_item *it = &dl->items[dl->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

void dl_rect(drawlist *dl, double x, double y, double w, double h, uint32_t rgb, bool fill,
             double line_width_pt)
{
    dl_item *it = drawlist_add(dl, fill ? DL_FILL : DL_STROKE);
    it->rgb = rgb;
    it->line_width_pt = line_width_pt;
    it->n_segs = 5;
    it->segs = ARENA_NEW(dl->mem, dl_seg, 5);
    const double px[4] = {x, x + w, x + w, x}, py[4] = {y, y, y + h, y + h};
    for (int i = 0; i < 4; i++)
        it->segs[i] = (dl_seg){.op = i ? DL_LINE_TO : DL_MOVE_TO, .x = {px[i]}, .y = {py[i]}};
    it->segs[4] = (dl_seg){.op = DL_CLOSE};
}

void dl_line(drawlist *dl, double x0, double y0, double x1, double y1, uint32_t rgb,
             double line_width_pt)
{
    dl_item *it = drawlist_add(dl, DL_STROKE);
    it->rgb = rgb;
    it->line_width_pt = line_width_pt;
    it->n_segs = 2;
    it->segs = ARENA_NEW(dl->mem, dl_seg, 2);
    it->segs[0] = (dl_seg){.op = DL_MOVE_TO, .x = {x0}, .y = {y0}};
    it->segs[1] = (dl_seg){.op = DL_LINE_TO, .x = {x1}, .y = {y1}};
}

void dl_text(drawlist *dl, const char *utf8, double x, double y, double size_pt, font_role font,
             uint32_t rgb, dl_align align)
{
    dl_item *it = drawlist_add(dl, DL_TEXT);
    it->text = arena_strdup(dl->mem, utf8);
    it->x = x;
    it->y = y;
    it->size_pt = size_pt;
    it->font = font;
    it->rgb = rgb;
    it->align = align;
}

void drawlist_dump(const drawlist *dl, void *FILE_out)
{
    FILE *out = FILE_out;
    static const char *align[] = {"left", "center", "right"};
    for (int i = 0; i < dl->n; i++) {
        const dl_item *it = &dl->items[i];
        switch (it->kind) {
        case DL_TEXT:
            fprintf(out, "text %.1f %.1f %.1fpt font%d #%06x %s \"%s\"\n", it->x, it->y,
                    it->size_pt, (int)it->font, (unsigned)it->rgb, align[it->align], it->text);
            break;
        case DL_FILL:
        case DL_STROKE:
            fprintf(out, "%s #%06x", it->kind == DL_FILL ? "fill" : "stroke", (unsigned)it->rgb);
            if (it->kind == DL_STROKE)
                fprintf(out, " w%.2f", it->line_width_pt);
            for (int s = 0; s < it->n_segs; s++) {
                const dl_seg *g = &it->segs[s];
                switch (g->op) {
                case DL_MOVE_TO: fprintf(out, " M%.1f,%.1f", g->x[0], g->y[0]); break;
                case DL_LINE_TO: fprintf(out, " L%.1f,%.1f", g->x[0], g->y[0]); break;
                case DL_CURVE_TO:
                    fprintf(out, " C%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", g->x[0], g->y[0], g->x[1],
                            g->y[1], g->x[2], g->y[2]);
                    break;
                case DL_CLOSE: fputs(" Z", out); break;
                }
            }
            fputc('\n', out);
            break;
        }
    }
}
