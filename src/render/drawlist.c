#include "drawlist.h"

#include <stdarg.h>
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

void dl_begin(drawlist *dl, dl_role role)
{
    dl_begin_tag(dl, &(dl_tag){.role = role});
}

void dl_begin_tag(drawlist *dl, const dl_tag *tag)
{
    dl_tag *t = ARENA_NEW(dl->mem, dl_tag, 1);
    *t = *tag;
    if (tag->alt)
        t->alt = arena_strdup(dl->mem, tag->alt);
    drawlist_add(dl, DL_BEGIN)->tag = t;
}

void dl_end(drawlist *dl)
{
    drawlist_add(dl, DL_END);
}

void dl_artifact_begin(drawlist *dl, dl_artifact_kind kind)
{
    /* Three shared tags: nothing per span but the item. */
    static const dl_tag kinds[] = {{.artifact = DL_ART_LAYOUT},
                                   {.artifact = DL_ART_HEADER},
                                   {.artifact = DL_ART_FOOTER}};
    drawlist_add(dl, DL_ARTIFACT)->tag = &kinds[kind];
}

void dl_artifact_end(drawlist *dl)
{
    drawlist_add(dl, DL_ARTIFACT_END);
}

bool dl_item_paints(const dl_item *it)
{
    return it->kind == DL_FILL || it->kind == DL_STROKE || it->kind == DL_TEXT;
}

const char *dl_role_name(dl_role role)
{
    static const char *const names[DL_ROLE__COUNT] = {
        [DL_ROLE_P] = "P",         [DL_ROLE_H1] = "H1",         [DL_ROLE_H2] = "H2",
        [DL_ROLE_L] = "L",         [DL_ROLE_LI] = "LI",         [DL_ROLE_LBL] = "Lbl",
        [DL_ROLE_LBODY] = "LBody", [DL_ROLE_FIGURE] = "Figure", [DL_ROLE_TABLE] = "Table",
        [DL_ROLE_THEAD] = "THead", [DL_ROLE_TBODY] = "TBody",   [DL_ROLE_TR] = "TR",
        [DL_ROLE_TH] = "TH",       [DL_ROLE_TD] = "TD"};
    return (unsigned)role < DL_ROLE__COUNT ? names[role] : "?";
}

static const char *const S_artifact_names[] = {"layout", "header", "footer"};

/* Whether a role may sit in an element of role parent (-1: no element);
 * the list and table syntax of ISO 32000-1 14.8.4.3.3 and 14.8.4.3.4. */
static bool parent_allowed(dl_role role, int parent)
{
    switch (role) {
    case DL_ROLE_THEAD:
    case DL_ROLE_TBODY: return parent == DL_ROLE_TABLE;
    case DL_ROLE_TR:
        return parent == DL_ROLE_TABLE || parent == DL_ROLE_THEAD || parent == DL_ROLE_TBODY;
    case DL_ROLE_TH:
    case DL_ROLE_TD: return parent == DL_ROLE_TR;
    case DL_ROLE_LI: return parent == DL_ROLE_L;
    case DL_ROLE_LBL:
    case DL_ROLE_LBODY: return parent == DL_ROLE_LI;
    default: return true;
    }
}

/* Roles whose kids are elements only: content goes into their cells or items. */
static bool is_container(int role)
{
    return role == DL_ROLE_TABLE || role == DL_ROLE_THEAD || role == DL_ROLE_TBODY ||
           role == DL_ROLE_TR || role == DL_ROLE_L || role == DL_ROLE_LI;
}

static bool tag_error(char *err, size_t err_size, int index, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool tag_error(char *err, size_t err_size, int index, const char *fmt, ...)
{
    int n = snprintf(err, err_size, "drawlist item %d: ", index);
    if (n >= 0 && (size_t)n < err_size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err + n, err_size - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* What a painting item is, for messages: its text or its kind. */
static void describe(const dl_item *it, char *buf, size_t n)
{
    if (it->kind == DL_TEXT)
        snprintf(buf, n, "text \"%.60s\"", it->text ? it->text : "");
    else
        snprintf(buf, n, "%s", it->kind == DL_FILL ? "fill" : "stroke");
}

enum { TAG_DEPTH_MAX = 64 };

bool drawlist_check_tags(const drawlist *dl, bool allow_untagged, char *err, size_t err_size)
{
    int stack[TAG_DEPTH_MAX], depth = 0, artifact_at = -1;
    char what[96];
    for (int i = 0; i < dl->n; i++) {
        const dl_item *it = &dl->items[i];
        int top = depth ? stack[depth - 1] : -1;
        switch (it->kind) {
        case DL_BEGIN: {
            const dl_tag *t = it->tag;
            if (!t || (unsigned)t->role >= DL_ROLE__COUNT)
                return tag_error(err, err_size, i, "begin without a valid role");
            const char *name = dl_role_name(t->role);
            if (artifact_at >= 0)
                return tag_error(err, err_size, i, "%s begins inside the artifact span of item %d",
                                 name, artifact_at);
            if (top == DL_ROLE_FIGURE)
                return tag_error(err, err_size, i, "%s begins inside a Figure", name);
            if (!parent_allowed(t->role, top))
                return tag_error(err, err_size, i, "%s inside %s", name,
                                 top < 0 ? "no element" : dl_role_name((dl_role)top));
            if (t->role == DL_ROLE_FIGURE && (!t->alt || !*t->alt))
                return tag_error(err, err_size, i, "Figure without alt text");
            if (t->role == DL_ROLE_FIGURE && !(t->box[2] > 0 && t->box[3] > 0))
                return tag_error(err, err_size, i, "Figure without a box");
            if (t->role == DL_ROLE_TH && t->scope == DL_SCOPE_NONE)
                return tag_error(err, err_size, i, "TH without scope");
            if (depth == TAG_DEPTH_MAX)
                return tag_error(err, err_size, i, "elements nested deeper than %d",
                                 TAG_DEPTH_MAX);
            stack[depth++] = (int)t->role;
            break;
        }
        case DL_END:
            if (artifact_at >= 0)
                return tag_error(err, err_size, i, "end inside the artifact span of item %d",
                                 artifact_at);
            if (depth == 0)
                return tag_error(err, err_size, i, "end without an open element");
            depth--;
            break;
        case DL_ARTIFACT:
            if (artifact_at >= 0)
                return tag_error(err, err_size, i, "artifact span inside the one of item %d",
                                 artifact_at);
            if (top == DL_ROLE_FIGURE)
                return tag_error(err, err_size, i, "artifact span inside a Figure");
            if (!it->tag || (unsigned)it->tag->artifact > DL_ART_FOOTER)
                return tag_error(err, err_size, i, "artifact span without a valid kind");
            artifact_at = i;
            break;
        case DL_ARTIFACT_END:
            if (artifact_at < 0)
                return tag_error(err, err_size, i, "artifact end without an open span");
            artifact_at = -1;
            break;
        case DL_FILL:
        case DL_STROKE:
        case DL_TEXT:
            if (artifact_at >= 0)
                break;
            if (depth == 0 && !allow_untagged) {
                describe(it, what, sizeof what);
                return tag_error(err, err_size, i, "%s is neither tagged nor an artifact", what);
            }
            if (is_container(top)) {
                describe(it, what, sizeof what);
                return tag_error(err, err_size, i, "%s directly inside %s (content belongs in "
                                 "its cells or items)", what, dl_role_name((dl_role)top));
            }
            break;
        }
    }
    if (artifact_at >= 0)
        return tag_error(err, err_size, dl->n, "the artifact span of item %d is not closed",
                         artifact_at);
    if (depth)
        return tag_error(err, err_size, dl->n, "%d elements not closed (innermost %s)", depth,
                         dl_role_name((dl_role)stack[depth - 1]));
    return true;
}

void drawlist_dump(const drawlist *dl, void *FILE_out)
{
    FILE *out = FILE_out;
    static const char *align[] = {"left", "center", "right"};
    static const char *scope[] = {"", " scope=row", " scope=column", " scope=both"};
    for (int i = 0; i < dl->n; i++) {
        const dl_item *it = &dl->items[i];
        switch (it->kind) {
        case DL_BEGIN:
            fprintf(out, "begin %s", dl_role_name(it->tag->role));
            if (it->tag->alt)
                fprintf(out, " alt=\"%s\"", it->tag->alt);
            if (it->tag->role == DL_ROLE_FIGURE)
                fprintf(out, " box=%.1f,%.1f,%.1f,%.1f", it->tag->box[0], it->tag->box[1],
                        it->tag->box[2], it->tag->box[3]);
            if ((unsigned)it->tag->scope <= DL_SCOPE_BOTH)
                fputs(scope[it->tag->scope], out);
            if (it->tag->row_span > 1)
                fprintf(out, " rowspan=%d", it->tag->row_span);
            fputc('\n', out);
            break;
        case DL_END: fputs("end\n", out); break;
        case DL_ARTIFACT:
            fprintf(out, "artifact %s\n", S_artifact_names[it->tag->artifact]);
            break;
        case DL_ARTIFACT_END: fputs("artifact end\n", out); break;
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
