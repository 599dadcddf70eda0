/* layout_text.c - the text blocks: lead bullets, free text, notes and source
 * lines, set as paragraphs with the Japanese line breaker. */
#include "layout_priv.h"
#include "units.h"

#include "linebreak.h"

#include <string.h>

/* Line pitch as a multiple of the font size. */
#define LEAD_LEADING 1.55
#define TEXT_LEADING 1.45
#define NOTE_LEADING 1.35
/* Extra space between two paragraphs, in lines. */
#define PARA_GAP 0.25

/* A paragraph: an optional marker (●, ・, ※, ■) hanging left of the body. */
typedef struct {
    const char *marker;
    const char *body;
    double indent_pt; /* marker offset from the box's left */
    double body_x_pt; /* body offset from the box's left */
    int list_level;   /* a list item's level (●, ■: 0; ・: 1), -1 for none */
    lb_lines lines;
} para;

static void split_marker(para *p, const char *text, double size_pt, const fontset *fs,
                         font_role font)
{
    static const struct { const char *in, *shown; int level; } markers[] = {
        {"●", "●", 0}, {"・", "・", 1}, {"- ", "・", 1}, {"※", "※", 0}, {"■", "■", 0},
    };
    p->marker = NULL;
    p->body = text;
    p->indent_pt = 0;
    p->body_x_pt = 0;
    p->list_level = -1;
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        size_t n = strlen(markers[i].in);
        if (strncmp(text, markers[i].in, n) != 0)
            continue;
        p->marker = markers[i].shown;
        p->body = text + n;
        while (*p->body == ' ')
            p->body++;
        p->indent_pt = markers[i].level * size_pt * 1.2;
        p->list_level = strcmp(p->marker, "※") ? markers[i].level : -1; /* ※ marks a note */
        double mw = fontset_measure(fs, font, p->marker, strlen(p->marker), size_pt);
        /* ● gets a little air; ※ is followed directly by its text */
        p->body_x_pt = p->indent_pt + mw + (strcmp(p->marker, "※") ? size_pt * 0.2 : 0);
        return;
    }
}

typedef struct {
    font_role font;
    double size_pt, leading;
    double para_gap; /* extra space between paragraphs, in lines */
    uint32_t rgb, marker_rgb;
    dl_align align;
    enum { V_TOP, V_CENTER, V_BOTTOM } valign;
    /* structure: list items from marker paragraphs (else every paragraph a
     * P), the whole block one heading, or per paragraph (NULL: none) */
    bool lists;
    tpl_tag block_tag;
    const tpl_tag *para_tag;
} text_style;

/* The lists open while paragraphs are set: each with its item's LI and
 * LBody open, so that a deeper item nests inside the LBody above it. */
enum { LISTS_MAX = 4 };
typedef struct {
    int n;
    int level[LISTS_MAX];
} open_lists;

static void lists_close(drawlist *dl, open_lists *ol, int keep)
{
    for (; ol->n > keep; ol->n--) {
        dl_end(dl); /* LBody */
        dl_end(dl); /* LI */
        dl_end(dl); /* L */
    }
}

/* Opens the structure of paragraph p: a list item (LI, with its Lbl open for
 * the marker: true) or an element of role. */
static bool para_begin(drawlist *dl, open_lists *ol, const para *p, bool lists, dl_role role)
{
    if (!lists || role != DL_ROLE_P || p->list_level < 0) {
        lists_close(dl, ol, 0);
        dl_begin(dl, role);
        return false;
    }
    while (ol->n && ol->level[ol->n - 1] > p->list_level)
        lists_close(dl, ol, ol->n - 1);
    if (ol->n && ol->level[ol->n - 1] == p->list_level) {
        dl_end(dl); /* the previous item's LBody */
        dl_end(dl); /* and LI */
    } else {
        if (ol->n == LISTS_MAX)
            lists_close(dl, ol, ol->n - 1);
        dl_begin(dl, DL_ROLE_L);
        ol->level[ol->n++] = p->list_level;
    }
    dl_begin(dl, DL_ROLE_LI);
    dl_begin(dl, DL_ROLE_LBL);
    return true;
}

static dl_role tag_role(tpl_tag t)
{
    return t == TPL_TAG_H1 ? DL_ROLE_H1 : t == TPL_TAG_H2 ? DL_ROLE_H2 : DL_ROLE_P;
}

/* Breaks and sets n texts as paragraphs into the box; reports an overflow
 * against the block. */
static bool set_paragraphs(page_state *ps, const tpl_block *b, const char *const *texts, int n,
                           const text_style *st, box_pt box)
{
    const fontset *fs = ps->c->fonts;
    arena *mem = ps->c->mem;
    para *paras = ARENA_NEW(mem, para, n ? n : 1);
    double lh = st->size_pt * st->leading, total = 0;
    int n_lines = 0;
    bool too_wide = false;
    for (int i = 0; i < n; i++) {
        para *p = &paras[i];
        split_marker(p, texts[i], st->size_pt, fs, st->font);
        double w = box.w - p->body_x_pt;
        p->lines = linebreak(fs, st->font, st->size_pt, p->body, w, mem);
        for (int k = 0; k < p->lines.n; k++)
            too_wide |= p->lines.lines[k].width_pt > w + 0.01;
        n_lines += p->lines.n;
        total += p->lines.n * lh + (i ? lh * st->para_gap : 0);
    }
    if (total > box.h + 0.01 || too_wide) {
        diag_add(ps->c->d, D_TEXT_OVERFLOW, ps->pg->file, b->line, 0,
                 "[%s]: the text does not fit its box: %d lines need %.1f mm, the box is "
                 "%.1f x %.1f mm%s; shorten the text or enlarge box_mm",
                 b->section, n_lines, pt_to_mm(total), pt_to_mm(box.w), pt_to_mm(box.h),
                 too_wide ? " (a character is wider than the box)" : "");
        ps->ok = false;
        return false;
    }
    double y = box.y;
    if (st->valign == V_CENTER)
        y += (box.h - total) / 2;
    else if (st->valign == V_BOTTOM)
        y += box.h - total;
    open_lists ol = {0};
    bool one_heading = st->block_tag != TPL_TAG_AUTO;
    if (one_heading)
        dl_begin(ps->dl, tag_role(st->block_tag));
    for (int i = 0; i < n; i++) {
        const para *p = &paras[i];
        if (i)
            y += lh * st->para_gap;
        bool tagged = !one_heading && p->lines.n, item = false;
        if (tagged)
            item = para_begin(ps->dl, &ol, p, st->lists,
                              tag_role(st->para_tag ? st->para_tag[i] : TPL_TAG_AUTO));
        if (p->marker && p->lines.n)
            dl_text(ps->dl, p->marker, box.x + p->indent_pt,
                    layout_baseline(y, st->size_pt, lh), st->size_pt, st->font, st->marker_rgb,
                    DL_ALIGN_LEFT);
        if (item) {
            dl_end(ps->dl); /* Lbl */
            dl_begin(ps->dl, DL_ROLE_LBODY);
        }
        for (int k = 0; k < p->lines.n; k++) {
            const lb_line *ln = &p->lines.lines[k];
            char *s = arena_strndup(mem, p->body + ln->start, ln->end - ln->start);
            double x = box.x + p->body_x_pt;
            if (st->align == DL_ALIGN_CENTER)
                x = box.x + box.w / 2;
            else if (st->align == DL_ALIGN_RIGHT)
                x = box.x + box.w;
            dl_text(ps->dl, s, x, layout_baseline(y, st->size_pt, lh), st->size_pt, st->font,
                    st->rgb, st->align);
            y += lh;
        }
        if (tagged && !item)
            dl_end(ps->dl);
    }
    lists_close(ps->dl, &ol, 0);
    if (one_heading)
        dl_end(ps->dl);
    return true;
}

/* How many texts a block expands to (a per-year line once per year shown),
 * and extra more. */
static int texts_cap(page_state *ps, const tpl_block *b, int extra)
{
    const tpl_lines *lines = tpl_block_lines(b);
    int n = extra;
    for (int i = 0; i < lines->n; i++)
        n += lines->at[i].years == TPL_LINE_ONCE ? 1 : ps->c->deck->years_shown;
    return n > 0 ? n : 1;
}

/* Room for the expanded texts of a block and extra more. */
static const char **texts_for(page_state *ps, const tpl_block *b, int extra)
{
    return ARENA_NEW(ps->c->mem, const char *, texts_cap(ps, b, extra));
}

/* Expands every text line of a block (year: for `Y`; a per-year line for
 * each year shown that has what it says), into out (texts_for); tags (may
 * be NULL) receives each one's tagN. */
static int expand_texts(page_state *ps, const tpl_block *b, int year, const char **out,
                        tpl_tag *tags)
{
    const tpl_lines *lines = tpl_block_lines(b);
    int n = 0;
    for (int i = 0; i < lines->n; i++) {
        const tpl_text *tt = &lines->at[i];
        int years[16] = {year};
        int k = tt->years == TPL_LINE_ONCE
                    ? 1
                    : tpl_line_years_of(tt, ps->c->deck, layout_catalogue(ps), years);
        for (int j = 0; j < k; j++) {
            const char *t = layout_expand(ps, b, tt->ph, tt->line, years[j]);
            if (t && tags)
                tags[n] = tt->tag;
            if (t)
                out[n++] = t;
        }
    }
    return n;
}

bool layout_lead(page_state *ps, const tpl_block *b)
{
    const tpl_theme *th = &ps->c->deck->theme;
    box_pt box = layout_box(b);
    dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
    dl_rect(ps->dl, box.x, box.y, box.w, box.h, th->c_lead_bg, true, 0);
    /* an accent bar down the left edge, as in the ministry's slides */
    dl_rect(ps->dl, box.x, box.y, mm_to_pt(1.2), box.h, th->c_accent, true, 0);
    dl_artifact_end(ps->dl);
    const char **texts = texts_for(ps, b, 0);
    int n = expand_texts(ps, b, -1, texts, NULL);
    layout_content_texts(ps, b, texts, n);
    text_style st = {.font = th->font_body, .size_pt = th->lead_pt, .leading = LEAD_LEADING, .para_gap = PARA_GAP,
                     .rgb = th->c_text, .marker_rgb = th->c_title, .align = DL_ALIGN_LEFT,
                     .valign = V_CENTER, .lists = true};
    box_pt inner = {box.x + mm_to_pt(4.5), box.y + mm_to_pt(2), box.w - mm_to_pt(8),
                    box.h - mm_to_pt(4)};
    return set_paragraphs(ps, b, texts, n, &st, inner);
}

bool layout_text(page_state *ps, const tpl_block *b)
{
    const tpl_theme *th = &ps->c->deck->theme;
    const tpl_text_block *tx = &b->as.text;
    box_pt box = layout_box(b);
    if (tx->framed) {
        dl_artifact_begin(ps->dl, DL_ART_LAYOUT);
        dl_rect(ps->dl, box.x, box.y, box.w, box.h, th->c_rule, false, 0.75);
        dl_artifact_end(ps->dl);
        box = (box_pt){box.x + mm_to_pt(3), box.y + mm_to_pt(2), box.w - mm_to_pt(6),
                       box.h - mm_to_pt(4)};
    }
    const char **texts = texts_for(ps, b, 0);
    tpl_tag *tags = ARENA_NEW(ps->c->mem, tpl_tag, texts_cap(ps, b, 0));
    int n = expand_texts(ps, b, -1, texts, tags);
    layout_content_texts(ps, b, texts, n);
    text_style st = {.font = tx->font,
                     .size_pt = tx->size_pt,
                     .leading = TEXT_LEADING,
                     .para_gap = PARA_GAP,
                     .rgb = tx->rgb,
                     .marker_rgb = tx->rgb,
                     .align = tx->align,
                     .valign = tx->valign_bottom ? V_BOTTOM : V_TOP,
                     .lists = true,
                     .block_tag = tx->tag,
                     .para_tag = tags};
    return set_paragraphs(ps, b, texts, n, &st, box);
}

bool layout_notes(page_state *ps, const tpl_block *b)
{
    const tpl_theme *th = &ps->c->deck->theme;
    /* + the rounding note and the page's caveats */
    const char **texts = texts_for(ps, b, 1 + LAYOUT_MAX_PAGE_NOTES);
    int n = expand_texts(ps, b, -1, texts, NULL);
    /* a box with no room for another line gets the note on its last line */
    box_pt box = layout_box(b);
    n = layout_page_notes(ps, texts, n, (n + 1) * th->note_pt * NOTE_LEADING > box.h + 0.01);
    layout_content_texts(ps, b, texts, n);
    text_style st = {.font = th->font_body, .size_pt = th->note_pt, .leading = NOTE_LEADING,
                     .para_gap = 0.1,
                     .rgb = th->c_text, .marker_rgb = th->c_text, .align = DL_ALIGN_LEFT,
                     .valign = V_TOP};
    return set_paragraphs(ps, b, texts, n, &st, box);
}

/* One line per shown year (or the latest), each text expanded for it. */
bool layout_source(page_state *ps, const tpl_block *b)
{
    const tpl_theme *th = &ps->c->deck->theme;
    const fig_catalogue *cat = layout_catalogue(ps);
    int first = b->as.source.years == TPL_YEARS_LATEST ? cat->n_years - 1
                                                       : cat->n_years - ps->c->deck->years_shown;
    int cap = b->as.source.lines.n * (cat->n_years - first) + 1 + LAYOUT_MAX_PAGE_NOTES, n = 0;
    const char **texts = ARENA_NEW(ps->c->mem, const char *, cap);
    bool has_notes = false;
    for (int i = 0; i < ps->pg->n_blocks; i++)
        has_notes |= ps->pg->blocks[i].kind == TPL_NOTES;
    if (!has_notes) /* the rounding note and the page's caveats go above the source lines */
        n = layout_page_notes(ps, texts, 0, false);
    for (int y = first; y < cat->n_years; y++)
        n += expand_texts(ps, b, y, texts + n, NULL);
    layout_content_texts(ps, b, texts, n);
    text_style st = {.font = th->font_body, .size_pt = th->source_pt, .leading = NOTE_LEADING,
                     .rgb = th->c_muted, .marker_rgb = th->c_muted, .align = DL_ALIGN_LEFT,
                     .valign = V_BOTTOM};
    return set_paragraphs(ps, b, texts, n, &st, layout_box(b));
}
