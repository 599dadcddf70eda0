/* layout_prov.c - provenance hooks of the layout: the page and block being
 * laid out, the automatic rounding note, a chart's values and texts, and a
 * per-page reconciliation of what the page prints against what was recorded
 * (see provenance.h). Placeholder pieces are recorded as they are expanded
 * (layout.c). */
#include "layout_priv.h"
#include "numfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void layout_prov_block(page_state *ps, const tpl_block *b)
{
    prov_list *p = ps->c->prov;
    if (!p)
        return;
    prov_set_page(p, ps->page_no);
    prov_set_block(p, layout_context(ps, b));
}

int layout_rounding_note(const page_state *ps, const char **texts, int n, bool join_last)
{
    if (!ps->rounding_note)
        return n;
    for (int i = 0; i < n; i++)
        if (strstr(texts[i], LAYOUT_ROUNDING_NOTE))
            return n; /* the template carries it already */
    if (join_last && n > 0)
        texts[n - 1] = arena_printf(ps->c->mem, "%s　%s", texts[n - 1], LAYOUT_ROUNDING_NOTE);
    else
        texts[n++] = LAYOUT_ROUNDING_NOTE;
    if (ps->c->prov) {
        prov_list *p = ps->c->prov;
        prov_add_tokens(p, PROV_TEMPLATE, LAYOUT_ROUNDING_NOTE, strlen(LAYOUT_ROUNDING_NOTE),
                        "the automatic rounding note");
    }
    return n;
}

void layout_add_page_note(page_state *ps, const char *text)
{
    for (int i = 0; i < ps->n_page_notes; i++)
        if (strcmp(ps->page_note[i], text) == 0)
            return;
    if (ps->n_page_notes < LAYOUT_MAX_PAGE_NOTES)
        ps->page_note[ps->n_page_notes++] = text;
}

int layout_page_notes(const page_state *ps, const char **texts, int n, bool join_last)
{
    n = layout_rounding_note(ps, texts, n, join_last && ps->n_page_notes == 0);
    for (int i = 0; i < ps->n_page_notes; i++) {
        bool carried = false; /* the template has it already */
        for (int k = 0; k < n; k++)
            carried |= strstr(texts[k], ps->page_note[i]) != NULL;
        if (carried)
            continue;
        if (join_last && n > 0 && i == ps->n_page_notes - 1)
            texts[n - 1] = arena_printf(ps->c->mem, "%s　%s", texts[n - 1], ps->page_note[i]);
        else
            texts[n++] = ps->page_note[i];
    }
    return n;
}

/* ---- reconciliation ---- */

typedef struct {
    const char **tok;
    size_t *len;
    int n, cap;
} token_bag;

static void bag_add(void *ctx, const char *tok, size_t len)
{
    token_bag *b = ctx;
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->tok = xrealloc(b->tok, sizeof *b->tok * (size_t)b->cap);
        b->len = xrealloc(b->len, sizeof *b->len * (size_t)b->cap);
    }
    b->tok[b->n] = tok;
    b->len[b->n++] = len;
}

/* Removes one token equal to tok from the bag; false when there is none. */
static bool bag_take(token_bag *b, const char *tok, size_t len)
{
    for (int i = 0; i < b->n; i++)
        if (b->len[i] == len && memcmp(b->tok[i], tok, len) == 0) {
            b->tok[i] = b->tok[--b->n];
            b->len[i] = b->len[b->n];
            return true;
        }
    return false;
}

void layout_prov_value(page_state *ps, const fig_row *row, long long count, long long total,
                       int pct10, prov_rounding rounding, bool count_printed, bool pct_printed,
                       const char *source)
{
    prov_list *p = ps->c->prov;
    if (!p)
        return;
    char num[NUMFMT_MAX];
    if (count_printed) {
        prov_entry e = {.kind = PROV_FIGURE, .text = numfmt_int(num, count), .row = row,
                        .field = "count", .numerator = count, .denominator = -1,
                        .source = source};
        prov_add(p, &e);
    }
    if (pct_printed) {
        numfmt_pct10_str(num, pct10);
        char *pct = arena_printf(ps->c->mem, "%s%%", num);
        prov_entry e = {.kind = PROV_FIGURE, .text = pct, .row = row, .field = "pct",
                        .numerator = count, .denominator = total, .rounding = rounding,
                        .source = source};
        prov_add(p, &e);
    }
}

void layout_prov_chart_text(page_state *ps, chart_text_role role, const char *text)
{
    prov_list *p = ps->c->prov;
    const fig_catalogue *cat = layout_catalogue(ps);
    if (!p || role == CHART_TEXT_CENTRE || !prov_has_digit(text, strlen(text)))
        return;
    if (role == CHART_TEXT_TICK) {
        prov_add_tokens(p, PROV_AXIS, text, strlen(text), "axis");
        return;
    }
    for (int y = 0; y < cat->n_years; y++)
        if (cat->years[y].label && strcmp(text, cat->years[y].label) == 0) {
            prov_entry e = {.kind = PROV_YEAR, .text = text, .numerator = -1,
                            .denominator = -1, .source = "survey.ini"};
            prov_add(p, &e);
            return;
        }
    prov_add_tokens(p, PROV_LABEL, text, strlen(text), text);
}

void layout_prov_page_done(page_state *ps)
{
    prov_list *p = ps->c->prov;
    if (!p)
        return;
    /* what was recorded for this page (entries of a page are contiguous, at the end) */
    token_bag rec = {0};
    int first = prov_count(p);
    while (first > 0 && prov_get(p, first - 1)->page == ps->page_no)
        first--;
    for (int i = first; i < prov_count(p); i++) {
        const char *t = prov_get(p, i)->text;
        prov_tokens(t, strlen(t), bag_add, &rec);
    }
    /* what the page prints */
    token_bag printed = {0};
    for (int i = 0; i < ps->dl->n; i++) {
        const dl_item *it = &ps->dl->items[i];
        if (it->kind == DL_TEXT && it->text)
            prov_tokens(it->text, strlen(it->text), bag_add, &printed);
    }
    prov_set_block(p, layout_context(ps, NULL));
    for (int i = 0; i < printed.n; i++)
        if (!bag_take(&rec, printed.tok[i], printed.len[i]))
            prov_add_tokens(p, PROV_UNATTRIBUTED, printed.tok[i], printed.len[i], NULL);
    free(rec.tok);
    free(rec.len);
    free(printed.tok);
    free(printed.len);
}
