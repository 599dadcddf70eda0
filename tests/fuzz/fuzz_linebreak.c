/* fuzz_linebreak.c - Japanese line breaking with the real fonts (the repo's
 * fonts/fonts.ini, IPAex Gothic/Mincho).
 *
 * Input: byte 0 the font role, byte 1 the size, bytes 2-3 the width, byte 4
 * the box height in lines, the rest the text (cut at a NUL, at most 4 KiB).
 * Properties:
 *  - lines are ordered, non-overlapping byte ranges of the text;
 *  - nothing is lost (valid UTF-8): bytes between lines are only spaces
 *    and line ends;
 *  - for valid UTF-8, lines start and end on character boundaries;
 *  - for text the pipeline lets through (valid, covered by the font, in a
 *    box that holds each character), each line's width is what
 *    fontset_measure() gives, and no line starts with a combining mark;
 *  - when the box is at least as wide as the widest character, every line
 *    fits (long words are broken as a last resort, never drawn outside);
 *  - linebreak_fit() succeeds exactly when the lines fit the box, and
 *    reports D_TEXT_OVERFLOW otherwise. */
#include "fontset.h"
#include "fuzz.h"
#include "linebreak.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS_PT 0.001 /* linebreak.c LB_EPS_PT */

static fontset *S_fonts(void)
{
    static fontset *fs;
    if (!fs) {
        diags *d = diags_new(stderr);
        fs = fontset_load(FUZZ_SOURCE_DIR "/fonts/fonts.ini", d);
        diags_free(d);
        FUZZ_ASSERT(fs != NULL, "cannot load " FUZZ_SOURCE_DIR "/fonts/fonts.ini");
    }
    return fs;
}

static bool S_dropped_at_break(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
            continue;
        /* U+3000 IDEOGRAPHIC SPACE */
        if (i + 2 < to && (unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x80) {
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

/* Marks that belong to the character before them (a line may not start with
 * one): combining diacritics, kana voicing marks, variation selectors. */
static bool S_combining(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0x3099 && c <= 0x309A) || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xE0100 && c <= 0xE01EF);
}

/* Every character of the text has a glyph in the role's font. */
static bool S_covered(const fontset *fs, font_role role, const char *text)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        uint32_t c = fontset_utf8_next(text, len, &i);
        if (c >= 0x20 && !fontset_has_glyph(fs, role, c))
            return false;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    const fontset *fs = S_fonts();
    font_role role = (font_role)(data[0] % FONT__COUNT);
    double size_pt = 4.0 + data[1] % 40;
    double width_pt = ((data[2] << 8) | data[3]) / 64.0; /* 0 .. 1024 pt */
    int box_lines = data[4] % 16;
    size_t len = size - 5;
    if (len > 4096)
        len = 4096;
    char *text = malloc(len + 1);
    FUZZ_ASSERT(text != NULL, "out of memory");
    memcpy(text, data + 5, len);
    text[len] = '\0';
    len = strlen(text);
    bool valid = utf8_valid(text, len);

    arena *mem = arena_new();
    lb_lines ls = linebreak(fs, role, size_pt, text, width_pt, mem);
    FUZZ_ASSERT(ls.n >= 0 && (ls.n == 0 || ls.lines), "bad line array");
    if (len == 0)
        FUZZ_ASSERT(ls.n == 0, "empty text gives %d lines", ls.n);

    double widest_char_pt = 0;
    if (len > 0) {
        double *w = malloc(sizeof *w * len);
        FUZZ_ASSERT(w != NULL, "out of memory");
        fontset_char_widths(fs, role, text, len, size_pt, w);
        /* A character and the combining marks after it are one unit: the
         * breaker never separates them, so that is what must fit. */
        double cluster_pt = 0;
        for (size_t i = 0; i < len;) {
            size_t at = i;
            uint32_t c = fontset_utf8_next(text, len, &i);
            cluster_pt = S_combining(c) ? cluster_pt + w[at] : w[at];
            if (cluster_pt > widest_char_pt)
                widest_char_pt = cluster_pt;
        }
        free(w);
    }

    bool comparable = valid && width_pt >= widest_char_pt + EPS_PT && S_covered(fs, role, text);
    size_t prev_end = 0;
    bool all_fit = true;
    for (int i = 0; i < ls.n; i++) {
        const lb_line *l = &ls.lines[i];
        FUZZ_ASSERT(l->start <= l->end && l->end <= len, "line %d: [%zu, %zu) of %zu", i, l->start,
                    l->end, len);
        FUZZ_ASSERT(l->start >= prev_end, "line %d starts at %zu before the end %zu of line %d", i,
                    l->start, prev_end, i - 1);
        /* Invalid text never gets past the input boundary (and
         * fontset_utf8_next() decodes overlong forms such as C0 8A as a
         * newline: tests/fuzz/findings/). */
        FUZZ_ASSERT(!valid || S_dropped_at_break(text, prev_end, l->start),
                    "text lost between lines %d and %d: bytes [%zu, %zu)", i - 1, i, prev_end,
                    l->start);
        if (valid) {
            FUZZ_ASSERT(((unsigned char)text[l->start] & 0xC0) != 0x80 || l->start == l->end,
                        "line %d starts inside a character", i);
            FUZZ_ASSERT(l->end == len || ((unsigned char)text[l->end] & 0xC0) != 0x80,
                        "line %d ends inside a character", i);
        }
        /* Widths agree for text the pipeline lets through: valid UTF-8 (the
         * input boundary), every character in the font (the coverage check)
         * and a box that holds every character (else the last-resort break
         * may leave a combining mark alone on a line, measured differently
         * standing alone; that layout is reported as an overflow anyway). */
        size_t k = l->start;
        uint32_t first = l->start < l->end ? fontset_utf8_next(text, len, &k) : 'x';
        /* A line that starts with a mark (after a dropped space, or at the
         * start of the text) is measured with the mark standing alone. */
        if (comparable && !S_combining(first)) {
            double measured =
                fontset_measure(fs, role, text + l->start, l->end - l->start, size_pt);
            FUZZ_ASSERT(fabs(measured - l->width_pt) <= 0.01 + 1e-6 * measured,
                        "line %d: width %.3f pt, measured %.3f pt", i, l->width_pt, measured);
        }
        if (comparable) {
            /* Only a mark that followed a character on the previous line
             * counts (one at the start of the text or after a dropped space
             * has nothing to stay with). */
            FUZZ_ASSERT(!(i > 0 && l->start == prev_end && S_combining(first)),
                        "line %d starts with the combining mark U+%04X", i, (unsigned)first);
        }
        if (l->width_pt > width_pt + EPS_PT)
            all_fit = false;
        prev_end = l->end;
    }
    FUZZ_ASSERT(!valid || S_dropped_at_break(text, prev_end, len), "text lost after the last line");
    if (width_pt >= widest_char_pt + EPS_PT)
        FUZZ_ASSERT(all_fit, "a line is wider than the box although every character fits");

    double line_height_pt = size_pt * 1.5;
    double height_pt = box_lines * line_height_pt;
    diags *d = diags_new(NULL);
    lb_lines fitted;
    bool ok = linebreak_fit(fs, role, size_pt, text, width_pt, height_pt, line_height_pt,
                            "fuzz [text]", mem, &fitted, d);
    FUZZ_ASSERT(fitted.n == ls.n, "linebreak_fit gives %d lines, linebreak %d", fitted.n, ls.n);
    bool expect = all_fit && ls.n <= box_lines;
    FUZZ_ASSERT(ok == expect, "linebreak_fit says %d for %d lines in %d, fit %d", ok, ls.n,
                box_lines, all_fit);
    FUZZ_ASSERT(ok == (diags_count(d) == 0) && (ok || diags_has(d, D_TEXT_OVERFLOW)),
                "linebreak_fit returned %d with %d diagnostics", ok, diags_count(d));
    diags_free(d);
    arena_free(mem);
    free(text);
    return 0;
}
