/* linebreak.c - kinsoku rules, words and numbers, greedy filling. */
#include "linebreak.h"

#include <stdlib.h>
#include <string.h>

/* Slack for floating-point sums of advances. */
#define LB_EPS_PT 0.001

static bool in_list(uint32_t c, const uint32_t *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == c)
            return true;
    return false;
}

/* 行頭禁則: may not start a line. */
static bool no_line_start(uint32_t c)
{
    static const uint32_t list[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, /* 、。，．・：；？！ */
        0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0xFF3D, 0xFF5D,                 /* ）」』】〕］｝ */
        0x30FC, 0x301C, 0xFF5E, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x3005,         /* ー〜～ゝゞヽヾ々 */
        0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, /* ぁ… */
        0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, /* ァ… */
        0x30F5, 0x30F6,                                                         /* ヵヶ */
        ')', ']', '}', ',', '.', ':', ';', '?', '!', '%', 0xFF05,               /* ％ */
    };
    return in_list(c, list, sizeof list / sizeof list[0]);
}

/* 行末禁則: may not end a line. */
static bool no_line_end(uint32_t c)
{
    static const uint32_t list[] = {0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0xFF3B, 0xFF5B,
                                    '(', '[', '{'};
    return in_list(c, list, sizeof list / sizeof list[0]);
}

/* Marks that belong to the character before them and never start a line:
 * combining diacritics, kana voicing marks (NFD が), variation selectors
 * (IVS for names such as 葛󠄀). */
static bool is_combining(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0x3099 && c <= 0x309A) || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xE0100 && c <= 0xE01EF);
}

/* Printable ASCII other than space: Latin words, numbers, codes, URLs. */
static bool is_ascii_word(uint32_t c)
{
    return c > 0x20 && c < 0x7F;
}

static bool is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Units and counters that stay with the number before them (1,000万円, 637件). */
static bool is_number_unit(uint32_t c)
{
    static const uint32_t list[] = {
        0x4E07, 0x5104, 0x5146, 0x5343, 0x5186, 0x4EF6, 0x4EBA, 0xFF05, /* 万億兆千円件人％ */
        0x5E74, 0x6708, 0x65E5, 0x6642, 0x9593, 0x5206, 0x5272, 0x500D, /* 年月日時間分割倍 */
        0x6B73, 0x793E, 0x56E3, 0x4F53, 0x53F0, 0x56DE, 0x70B9, 0x53F7, /* 歳社団体台回点号 */
        '%',
    };
    return in_list(c, list, sizeof list / sizeof list[0]);
}

typedef struct {
    size_t n;
    uint32_t *cp;
    size_t *off; /* byte offset of each character; off[n] = length */
    double *w;   /* width in pt of each character */
    bool *brk;   /* brk[i]: a break is allowed before character i */
} lb_text;

static void classify(lb_text *t)
{
    bool in_number = false; /* inside a number and the units that follow it */
    for (size_t i = 0; i < t->n; i++) {
        uint32_t c = t->cp[i];
        if (i == 0) {
            t->brk[i] = false;
        } else {
            uint32_t p = t->cp[i - 1];
            bool allowed = true;
            if (no_line_start(c) || no_line_end(p) || is_combining(c))
                allowed = false;
            else if (is_ascii_word(p) && is_ascii_word(c))
                allowed = false;
            else if (in_number && (is_digit(c) || is_number_unit(c)))
                allowed = false;
            else if (in_number && (c == 0xFF0C || c == 0xFF0E) && i + 1 < t->n &&
                     is_digit(t->cp[i + 1]))
                allowed = false; /* full-width separators inside a number */
            else if (in_number && is_digit(c) && (p == 0xFF0C || p == 0xFF0E))
                allowed = false;
            t->brk[i] = allowed;
        }
        if (is_digit(c))
            in_number = true;
        else if (in_number && (is_number_unit(c) || c == ',' || c == '.' || c == 0xFF0C ||
                               c == 0xFF0E))
            in_number = true;
        else
            in_number = false;
    }
}

static void push_line(lb_lines *out, int *cap, const lb_text *t, size_t a, size_t b, arena *mem)
{
    while (b > a && t->cp[b - 1] == ' ')
        b--;
    double w = 0.0;
    for (size_t i = a; i < b; i++)
        w += t->w[i];
    if (out->n == *cap) {
        int ncap = *cap ? *cap * 2 : 8;
        lb_line *nl = ARENA_NEW(mem, lb_line, ncap);
        if (out->n)
            memcpy(nl, out->lines, sizeof *nl * (size_t)out->n);
        out->lines = nl;
        *cap = ncap;
    }
    out->lines[out->n++] = (lb_line){t->off[a], t->off[b], w};
}

/* Greedy filling of one paragraph, characters [ps, pe). */
static void break_paragraph(const lb_text *t, size_t ps, size_t pe, double width_pt,
                            lb_lines *out, int *cap, arena *mem)
{
    if (ps == pe) {
        push_line(out, cap, t, ps, ps, mem);
        return;
    }
    size_t ls = ps;
    for (;;) {
        while (ls < pe && t->cp[ls] == ' ')
            ls++;
        if (ls >= pe)
            return;
        double w = 0.0;
        size_t last_ok = 0, end = pe;
        for (size_t i = ls; i < pe; i++) {
            if (i > ls && t->brk[i])
                last_ok = i;
            if (i > ls && t->cp[i] != ' ' && w + t->w[i] > width_pt + LB_EPS_PT) {
                /* No opportunity on this line: the unit is wider than the line,
                 * break it between characters (documented last resort). */
                end = last_ok > ls ? last_ok : i;
                /* Even then keep 、。）」 and combining marks off the start of
                 * the next line. */
                while (last_ok <= ls && end > ls + 1 &&
                       (no_line_start(t->cp[end]) || is_combining(t->cp[end])))
                    end--;
                /* A line one character wide keeps that character's marks,
                 * even if they overflow (linebreak_fit() reports it). */
                while (end < pe && is_combining(t->cp[end]))
                    end++;
                break;
            }
            w += t->w[i];
        }
        push_line(out, cap, t, ls, end, mem);
        if (end >= pe)
            return;
        ls = end;
    }
}

lb_lines linebreak(const fontset *fs, font_role role, double size_pt, const char *utf8,
                   double width_pt, arena *mem)
{
    lb_lines out = {0, NULL};
    size_t len = strlen(utf8);
    if (len == 0)
        return out;
    lb_text t;
    t.cp = xmalloc(sizeof *t.cp * len);
    t.off = xmalloc(sizeof *t.off * (len + 1));
    t.w = xmalloc(sizeof *t.w * len);
    t.brk = xmalloc(sizeof *t.brk * len);
    double *w_at = xmalloc(sizeof *w_at * len);
    fontset_char_widths(fs, role, utf8, len, size_pt, w_at);
    t.n = 0;
    for (size_t i = 0; i < len;) {
        t.off[t.n] = i;
        t.w[t.n] = w_at[i];
        t.cp[t.n] = fontset_utf8_next(utf8, len, &i);
        t.n++;
    }
    t.off[t.n] = len;
    classify(&t);

    int cap = 0;
    size_t ps = 0;
    for (size_t i = 0; i <= t.n; i++) {
        if (i < t.n && t.cp[i] != '\n')
            continue;
        size_t pe = i;
        if (pe > ps && t.cp[pe - 1] == '\r')
            pe--;
        break_paragraph(&t, ps, pe, width_pt, &out, &cap, mem);
        ps = i + 1;
    }
    free(w_at);
    free(t.brk);
    free(t.w);
    free(t.off);
    free(t.cp);
    return out;
}

bool linebreak_fit(const fontset *fs, font_role role, double size_pt, const char *utf8,
                   double width_pt, double height_pt, double line_height_pt,
                   const char *context, arena *mem, lb_lines *out, diags *d)
{
    *out = linebreak(fs, role, size_pt, utf8, width_pt, mem);
    for (int i = 0; i < out->n; i++) {
        if (out->lines[i].width_pt > width_pt + LB_EPS_PT) {
            const lb_line *l = &out->lines[i];
            diag_add(d, D_TEXT_OVERFLOW, context, 0, 0,
                     "\"%.*s\" is %.1f pt wide at %.1f pt; the box is only %.1f pt wide",
                     (int)(l->end - l->start), utf8 + l->start, l->width_pt, size_pt, width_pt);
            return false;
        }
    }
    double need_pt = out->n * line_height_pt;
    if (need_pt > height_pt + LB_EPS_PT) {
        int room = line_height_pt > 0 ? (int)((height_pt + LB_EPS_PT) / line_height_pt) : 0;
        size_t cut = room > 0 && room < out->n ? out->lines[room].start : 0;
        size_t len = strlen(utf8), show = cut; /* up to 20 whole characters */
        for (int k = 0; k < 20 && show < len; k++)
            fontset_utf8_next(utf8, len, &show);
        diag_add(d, D_TEXT_OVERFLOW, context, 0, 0,
                 "text needs %d lines (%.1f pt) at %.1f pt in a box %.1f x %.1f pt that holds %d "
                 "line%s of %.1f pt; shorten the text or enlarge the box (text from line %d: "
                 "\"%.*s...\")",
                 out->n, need_pt, size_pt, width_pt, height_pt, room, room == 1 ? "" : "s",
                 line_height_pt, room + 1, (int)(show - cut), utf8 + cut);
        return false;
    }
    return true;
}
