/* layout.c - page state and what every block of a page shares: the page
 * size, a block's box in pt, its name in messages, the baseline of a line,
 * and template text with its placeholders expanded (each piece recorded for
 * provenance). The page itself is laid out by layout_page.c. */
#include "layout_priv.h"
#include "units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* IPAex ascent (0.88 em) puts the baseline this far below the em box top. */
#define ASCENT_EM 0.88

double layout_page_w_pt(const tpl_deck *deck)
{
    return mm_to_pt(deck->theme.width_mm);
}
double layout_page_h_pt(const tpl_deck *deck)
{
    return mm_to_pt(deck->theme.height_mm);
}

box_pt layout_box(const tpl_block *b)
{
    return (box_pt){mm_to_pt(b->box.x_mm), mm_to_pt(b->box.y_mm), mm_to_pt(b->box.w_mm),
                    mm_to_pt(b->box.h_mm)};
}

const fig_catalogue *layout_catalogue(const page_state *ps)
{
    return figures_catalogue(ps->c->f);
}

const char *layout_context(const page_state *ps, const tpl_block *b)
{
    return arena_printf(ps->c->mem, "%s [%s]", ps->pg->file, b ? b->section : "page");
}

double layout_baseline(double top_pt, double size_pt, double line_h_pt)
{
    return top_pt + (line_h_pt - size_pt) / 2 + size_pt * ASCENT_EM;
}

/* ph_context.on_piece: records each piece of an expanded text that shows a
 * digit, with what it was made from. */
static void record_piece(void *ctx, const ph_piece *pc)
{
    prov_list *p = ctx;
    if (!prov_has_digit(pc->text, pc->len))
        return;
    char *text = xmalloc(pc->len + 1);
    memcpy(text, pc->text, pc->len);
    text[pc->len] = '\0';
    switch (pc->kind) {
    case PH_PIECE_FIGURE: {
        const char *f = pc->field;
        prov_rounding r = strcmp(f, "pct") == 0    ? PROV_ROUND_HALF_UP
                          : strcmp(f, "pct0") == 0 ? PROV_ROUND_HALF_UP_INT
                          : strcmp(f, "man") == 0  ? PROV_ROUND_MAN_HALF_UP
                                                   : PROV_ROUND_NONE;
        prov_add_figure(p, pc->row, f, text, r);
        break;
    }
    case PH_PIECE_DATE: {
        prov_entry e = {.kind = PROV_DATE, .text = text, .numerator = -1, .denominator = -1,
                        .source = pc->iso};
        prov_add(p, &e);
        break;
    }
    case PH_PIECE_YEAR_LABEL: {
        prov_entry e = {.kind = PROV_YEAR, .text = text, .numerator = -1, .denominator = -1,
                        .source = "survey.ini"};
        prov_add(p, &e);
        break;
    }
    case PH_PIECE_LABEL:
        prov_add_tokens(p, PROV_LABEL, pc->text, pc->len, "codebook");
        break;
    case PH_PIECE_LITERAL:
        prov_add_tokens(p, PROV_TEMPLATE, pc->text, pc->len, NULL);
        break;
    case PH_PIECE_OTHER: {
        /* {body.…} and the prefecture's name or code: bodies.csv; the
         * prefecture's numbers came as PH_PIECE_FIGURE (A1 rows) */
        const char *spec = pc->field ? pc->field : "";
        bool body = strncmp(spec, "body.", 5) == 0 || strcmp(spec, "pref.name") == 0 ||
                    strcmp(spec, "pref.code") == 0;
        size_t size = strlen(spec) + 32;
        char *source = xmalloc(size);
        snprintf(source, size, "%s{%s}", body ? "bodies.csv " : "", spec);
        if (strcmp(spec, "body.population") == 0) {
            long long v = 0;
            for (size_t i = 0; i < pc->len; i++)
                if (pc->text[i] >= '0' && pc->text[i] <= '9')
                    v = v * 10 + (pc->text[i] - '0');
            prov_entry e = {.kind = PROV_BODY, .text = text, .numerator = v, .denominator = -1,
                            .source = source};
            prov_add(p, &e);
        } else
            prov_add_tokens(p, body ? PROV_BODY : PROV_FIGURE, pc->text, pc->len, source);
        free(source);
        break;
    }
    }
    free(text);
}

const char *layout_expand(page_state *ps, const tpl_block *b, const ph_text *text, int line,
                          int year)
{
    char err[512];
    ph_context ph = {.f = ps->c->f, .edition = ps->c->deck->edition, .year = year,
                     .nation = ps->c->nation, .pref = ps->c->pref, .body = ps->c->body,
                     .n_vars = ps->c->deck->n_vars, .var_name = ps->c->deck->var_name,
                     .var_text = ps->c->deck->var_text,
                     .on_piece = ps->c->prov ? record_piece : NULL,
                     .piece_ctx = ps->c->prov};
    const char *out = ph_expand(text, &ph, ps->c->mem, err, sizeof err);
    if (!out) {
        diag_add(ps->c->d, D_TEMPLATE_FIGURE, ps->pg->file, line ? line : (b ? b->line : 0), 0,
                 "%s", err);
        ps->ok = false;
    }
    return out;
}

void layout_move_items(drawlist *dl, int at, int from)
{
    int n_moved = dl->n - from, n_after = from - at;
    if (n_moved <= 0 || n_after <= 0)
        return;
    /* rotate [at, n) left by n_after, through a copy of the shorter part
     * (the few items after the table: notes, sources, footer) */
    dl_item *items = dl->items;
    size_t sz = sizeof *items;
    if (n_after <= n_moved) {
        dl_item *after = ARENA_NEW_UNINIT(dl->mem, dl_item, n_after);
        memcpy(after, items + at, sz * (size_t)n_after);
        memmove(items + at, items + from, sz * (size_t)n_moved);
        memcpy(items + at + n_moved, after, sz * (size_t)n_after);
    } else {
        dl_item *moved = ARENA_NEW_UNINIT(dl->mem, dl_item, n_moved);
        memcpy(moved, items + from, sz * (size_t)n_moved);
        memmove(items + at + n_moved, items + at, sz * (size_t)n_after);
        memcpy(items + at, moved, sz * (size_t)n_moved);
    }
}

void layout_cell_begin(drawlist *dl, layout_cell_role kind)
{
    static const dl_tag cells[] = {
        [LAYOUT_COL_HEAD] = {.role = DL_ROLE_TH, .scope = DL_SCOPE_COLUMN},
        [LAYOUT_ROW_HEAD] = {.role = DL_ROLE_TH, .scope = DL_SCOPE_ROW},
        [LAYOUT_DATA] = {.role = DL_ROLE_TD}};
    dl_begin_static(dl, &cells[kind]);
}

void layout_artifact_line(drawlist *dl, double x0, double y0, double x1, double y1,
                          uint32_t rgb, double line_width_pt)
{
    dl_artifact_begin(dl, DL_ART_LAYOUT);
    dl_line(dl, x0, y0, x1, y1, rgb, line_width_pt);
    dl_artifact_end(dl);
}

void layout_artifact_rect(drawlist *dl, double x, double y, double w, double h, uint32_t rgb)
{
    dl_artifact_begin(dl, DL_ART_LAYOUT);
    dl_rect(dl, x, y, w, h, rgb, true, 0);
    dl_artifact_end(dl);
}
