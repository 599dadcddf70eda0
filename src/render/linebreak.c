/* linebreak.c - kinsoku rules, words, numbers and phrases; each line broken
 * where it costs least (the rule set: linebreak.h, docs/linebreak.md). */
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
    if (c >= 0x3100 && c < 0xFF00)
        return false; /* kanji and the rest: none is listed (a quick way out) */
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
    if (c >= 0x3020 && c < 0xFF00)
        return false; /* kana, kanji: none is listed */
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

/* The counters of 2か月, 3ヶ所: with the unit after them, part of a number. */
static bool is_counter_kana(uint32_t c)
{
    return c == 0x304B || c == 0x30F6 || c == 0x30F5 || c == 0x30AB || c == 0x30B1 ||
           c == 0x7B87; /* か ヶ ヵ カ ケ 箇 */
}

/* Scripts, as far as breaking is concerned. */
typedef enum {
    SC_OTHER, /* symbols, ・, ～ */
    SC_KANJI, /* CJK ideographs, 々, 〆 */
    SC_HIRAGANA,
    SC_KATAKANA, /* with ー and the small kana: a word runs on through them */
    SC_LATIN,    /* letters and digits, ASCII or full width */
    SC_OPEN,     /* opening brackets */
    SC_CLOSE,    /* closing brackets, 、。 and the like */
    SC_SPACE
} script;

static script script_of(uint32_t c)
{
    if (c == ' ' || c == 0x3000)
        return SC_SPACE;
    if (no_line_end(c) || c == 0xFF5F || c == 0x3008 || c == 0x300A)
        return SC_OPEN;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3005 ||
        c == 0x3006)
        return SC_KANJI;
    if (c >= 0x3041 && c <= 0x309F)
        return SC_HIRAGANA;
    if ((c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) ||
        (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F))
        return SC_KATAKANA;
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A))
        return SC_LATIN;
    if (no_line_start(c) && c != 0x30FB) /* 、。）」 …; the middle dot stays OTHER */
        return SC_CLOSE;
    return SC_OTHER;
}

/* Kanji that bind to the word before them as a suffix (実証中, 導入済, 正確性,
 * 約款型, VBA等): no break before one that follows a word. */
static bool is_bound_suffix(uint32_t c)
{
    if (c < 0x4E00 || c > 0x9FFF)
        return false; /* kanji only */
    static const uint32_t list[] = {
        0x7B49, 0x4E2D, 0x6E08, 0x5316, 0x7684, 0x6027, 0x578B, /* 等中済化的性型 */
        0x7248, 0x5225, 0x5185, 0x7528, 0x7CFB,                 /* 版別内用系 */
    };
    return in_list(c, list, sizeof list / sizeof list[0]);
}

/* Particles after which a phrase ends inside a run of hiragana
 * (「することが／できる」). */
static bool is_particle(uint32_t c)
{
    static const uint32_t list[] = {0x304C, 0x3092, 0x306B, 0x306F, 0x3067,  /* がをにはで */
                                    0x3068, 0x3082, 0x306E, 0x3078, 0x3084}; /* ともへのや */
    return in_list(c, list, sizeof list / sizeof list[0]);
}

/* A bracketed span this short (brackets included) is one unit: （73%削減）,
 * （マクロ、VBA等）, （＝RAG）. */
enum { LB_SHORT_BRACKET = 10 };

/* Break classes, best first; the cost of each is LB_CLASS_COST. */
enum {
    LB_AFTER_PUNCT,   /* after 、。）」 or a space, before an opening bracket */
    LB_PHRASE_END,    /* after hiragana before another script; after a particle */
    LB_SCRIPTS,       /* between katakana and kanji, Latin and kana (メール｜文案) */
    LB_COMPOUND,      /* inside a run of kanji, between kanji and Latin */
    LB_INSIDE_PHRASE, /* before hiragana that ends a word (扱｜う, させ｜ている) */
    LB_NEVER = 255    /* JIS X 4051, or inside a word, a number, a short bracket */
};
static const double LB_CLASS_COST[] = {0.0, 1.0, 3.0, 6.0, 12.0};
/* The cost of the room a line leaves empty: LB_SHORT_COST * (1 - fill)^2. */
#define LB_SHORT_COST 24.0

typedef struct {
    size_t n;
    uint32_t *cp;
    size_t *off;  /* byte offset of each character; off[n] = length */
    double *w;    /* width in pt of each character */
    uint8_t *brk; /* brk[i]: the class of a break before character i */
} lb_text;

static bool is_close_bracket(uint32_t c)
{
    static const uint32_t list[] = {0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0xFF3D, 0xFF5D,
                                    0x3009, 0x300B, ')',    ']',    '}'}; /* ）」』】〕］｝〉》 */
    return in_list(c, list, sizeof list / sizeof list[0]);
}

/* The class of a break between p and c, JIS X 4051 and the phrases. */
static uint8_t pair_class(uint32_t p, uint32_t c)
{
    if (no_line_start(c) || no_line_end(p) || is_combining(c))
        return LB_NEVER;
    script sp = script_of(p), sc = script_of(c);
    if (is_ascii_word(p) && is_ascii_word(c))
        return LB_NEVER; /* a Latin word, a code, a number */
    if (sp == SC_LATIN && sc == SC_LATIN)
        return LB_NEVER; /* full-width letters and digits alike */
    if (sp == SC_KATAKANA && sc == SC_KATAKANA)
        return LB_NEVER; /* a katakana word: ファインチューニング */
    if (is_bound_suffix(c) && (sp == SC_KANJI || sp == SC_KATAKANA || sp == SC_LATIN))
        return LB_NEVER;
    if ((is_close_bracket(p) || p == '%' || p == 0xFF05) && sc == SC_HIRAGANA)
        return LB_INSIDE_PHRASE; /* 「（73%）｜の」「100%｜に」: the particle belongs to it */
    if (sp == SC_SPACE || sc == SC_SPACE || sp == SC_CLOSE || sc == SC_OPEN)
        return LB_AFTER_PUNCT;
    if (sc == SC_HIRAGANA)
        return sp == SC_HIRAGANA && is_particle(p) ? LB_PHRASE_END : LB_INSIDE_PHRASE;
    if (sp == SC_HIRAGANA)
        return LB_PHRASE_END;
    if (sp == SC_KANJI && sc == SC_KANJI)
        return LB_COMPOUND;
    if ((sp == SC_KANJI && sc == SC_LATIN) || (sp == SC_LATIN && sc == SC_KANJI) ||
        (sp == SC_LATIN && sc == SC_KATAKANA) || (sp == SC_KATAKANA && sc == SC_LATIN))
        return LB_COMPOUND; /* 生成｜AI, LoGoAI｜アシスタント: a term more often than not */
    return LB_SCRIPTS;
}

/* The matching closing bracket of the opening one at i, within max
 * characters; 0 when there is none that close. */
static size_t short_bracket_end(const lb_text *t, size_t i, size_t max)
{
    int depth = 0;
    for (size_t k = i; k < t->n && k < i + max; k++) {
        if (script_of(t->cp[k]) == SC_OPEN)
            depth++;
        else if (is_close_bracket(t->cp[k]) && --depth == 0)
            return k;
    }
    return 0;
}

static void classify(lb_text *t)
{
    bool in_number = false; /* inside a number and the units that follow it */
    for (size_t i = 0; i < t->n; i++) {
        uint32_t c = t->cp[i];
        if (i == 0) {
            t->brk[i] = LB_NEVER;
        } else {
            uint32_t p = t->cp[i - 1];
            uint8_t cls = pair_class(p, c);
            if (in_number && (is_digit(c) || is_number_unit(c)))
                cls = LB_NEVER;
            else if (in_number && (c == 0xFF0C || c == 0xFF0E) && i + 1 < t->n &&
                     is_digit(t->cp[i + 1]))
                cls = LB_NEVER; /* full-width separators inside a number */
            else if (in_number && is_digit(c) && (p == 0xFF0C || p == 0xFF0E))
                cls = LB_NEVER;
            else if (in_number && is_counter_kana(c) && i + 1 < t->n &&
                     is_number_unit(t->cp[i + 1]))
                cls = LB_NEVER; /* 12か月 */
            t->brk[i] = cls;
        }
        if (is_digit(c))
            in_number = true;
        else if (in_number &&
                 (is_number_unit(c) || c == ',' || c == '.' || c == 0xFF0C || c == 0xFF0E ||
                  (is_counter_kana(c) && i + 1 < t->n && is_number_unit(t->cp[i + 1]))))
            in_number = true;
        else
            in_number = false;
    }
    /* inside 「」 or 『』 (a name or a term quoted): a break at least as bad
     * as one between scripts, so that 「exaBase生成AI for 自治体」 moves to
     * the next line whole where it can */
    int quote = 0;
    for (size_t i = 0; i < t->n; i++) {
        uint32_t c = t->cp[i];
        if (quote > 0 && t->brk[i] < LB_SCRIPTS)
            t->brk[i] = LB_SCRIPTS;
        quote += (c == 0x300C || c == 0x300E) - (quote > 0 && (c == 0x300D || c == 0x300F));
    }
    /* a space does not lift JIS X 4051: no break at 「〔 団体数」 or 「% 〕」 */
    for (size_t i = 0; i < t->n; i++) {
        if (t->cp[i] != ' ')
            continue;
        size_t b = i;
        while (b < t->n && t->cp[b] == ' ')
            b++;
        if ((i > 0 && no_line_end(t->cp[i - 1])) || (b < t->n && no_line_start(t->cp[b])))
            for (size_t k = i; k <= b && k < t->n; k++)
                t->brk[k] = LB_NEVER;
        i = b;
    }
    /* a short bracketed span is one unit */
    for (size_t i = 0; i < t->n; i++) {
        if (script_of(t->cp[i]) != SC_OPEN)
            continue;
        size_t end = short_bracket_end(t, i, LB_SHORT_BRACKET);
        for (size_t k = i + 1; end && k <= end; k++)
            t->brk[k] = LB_NEVER;
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

/* Each line of one paragraph, characters [ps, pe): of the places to break
 * that leave the line inside width_pt, the one of least cost (its class,
 * and the room it leaves empty); the last line ends the paragraph. Where no
 * place fits, the unit is broken between characters (forced). */
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
        /* A break inside a phrase (the last class) competes by cost only
         * with one inside a kanji compound: in a line that has a place after
         * punctuation, at a phrase end or between scripts it is not taken
         * (「実施した｜が」 beat 「験を｜実施したが」 by the room it left; 「実証
         * 中｜の」 still beats 「実｜証中の」). */
        double w = 0.0, best_cost = 0.0, any_cost = 0.0;
        size_t best = 0, any = 0, end = pe;
        bool phrase_place = false;
        for (size_t i = ls; i < pe; i++) {
            if (i > ls && t->brk[i] != LB_NEVER) {
                double fill = width_pt > 0 ? w / width_pt : 1.0, empty = 1.0 - fill;
                double cost = LB_CLASS_COST[t->brk[i]] + LB_SHORT_COST * empty * empty;
                if (t->brk[i] != LB_INSIDE_PHRASE && (!best || cost <= best_cost)) {
                    best = i;
                    best_cost = cost;
                }
                if (!any || cost <= any_cost) {
                    any = i;
                    any_cost = cost;
                }
                phrase_place |= t->brk[i] < LB_COMPOUND;
            }
            if (i > ls && t->cp[i] != ' ' && w + t->w[i] > width_pt + LB_EPS_PT) {
                end = phrase_place ? best : any;
                if (!end) {
                    /* No place on this line: the unit is wider than the line,
                     * break it between characters (documented last resort),
                     * keeping 、。）」 and combining marks off the next line. */
                    end = i;
                    while (end > ls + 1 && (no_line_start(t->cp[end]) || is_combining(t->cp[end])))
                        end--;
                    /* A line one character wide keeps that character's marks,
                     * even if they overflow (linebreak_fit() reports it). */
                    while (end < pe && is_combining(t->cp[end]))
                        end++;
                    out->forced++;
                }
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

/* Breaks utf8 into out with the width of each character from widths_at
 * (indexed by byte offset, as fontset_char_widths writes it). */
static lb_lines break_text(const char *utf8, size_t len, const double *w_at, double width_pt,
                           arena *mem)
{
    lb_lines out = {0, NULL, 0};
    lb_text t;
    t.cp = xmalloc(sizeof *t.cp * len);
    t.off = xmalloc(sizeof *t.off * (len + 1));
    t.w = xmalloc(sizeof *t.w * len);
    t.brk = xmalloc(sizeof *t.brk * len);
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
    free(t.brk);
    free(t.w);
    free(t.off);
    free(t.cp);
    return out;
}

lb_lines linebreak(const fontset *fs, font_role role, double size_pt, const char *utf8,
                   double width_pt, arena *mem)
{
    size_t len = strlen(utf8);
    if (len == 0)
        return (lb_lines){0, NULL, 0};
    double *w_at = xmalloc(sizeof *w_at * len);
    fontset_char_widths(fs, role, utf8, len, size_pt, w_at);
    lb_lines out = break_text(utf8, len, w_at, width_pt, mem);
    free(w_at);
    return out;
}

lb_lines linebreak_measured(lb_measure_fn measure, void *ctx, font_role role, double size_pt,
                            const char *utf8, double width_pt, arena *mem)
{
    size_t len = strlen(utf8);
    if (len == 0)
        return (lb_lines){0, NULL, 0};
    double *w_at = xcalloc(len, sizeof *w_at);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        fontset_utf8_next(utf8, len, &i);
        w_at[at] = measure(ctx, utf8 + at, i - at, size_pt, role);
    }
    lb_lines out = break_text(utf8, len, w_at, width_pt, mem);
    free(w_at);
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
