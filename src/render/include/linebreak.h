/* linebreak.h - Japanese line breaking (JIS X 4051 basics) into a width.
 *
 * Break opportunities: between any two characters, except
 *  - before a character that may not start a line (行頭禁則):
 *    、。，．・：；？！）」』】〕］｝ー〜 ～ ゝゞヽヾ々, small kana
 *    ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ, ASCII ) ] } , . : ; ? ! %
 *    and ％;
 *  - after a character that may not end a line (行末禁則): （「『【〔［｛ and
 *    ASCII ( [ {;
 *  - inside a word: runs of ASCII letters and digits (QommonsAI, LGWAN, R7),
 *    numbers with their separators and percent signs (1,244  45.6%  1,000),
 *    and a number with the unit characters that follow it (1,000万円, 637件,
 *    73％). Latin text breaks at spaces; a space at a break is dropped.
 * A newline ('\n') always ends a line.
 *
 * Punctuation policy: no hanging punctuation (no ぶら下げ). 、。 never pass
 * the right edge: a closing mark that does not fit is pushed to the next
 * line together with the character before it (追い出し), so every line
 * stays inside the box.
 *
 * A single unbreakable unit (a word or number) wider than the line is, as a
 * last resort, broken between characters so that nothing is lost or drawn
 * outside the box; linebreak_fit() does not report it (the layout still
 * fits), a too narrow box for one character is reported as an overflow.
 */
#ifndef AIREPORT_LINEBREAK_H
#define AIREPORT_LINEBREAK_H

#include "arena.h"
#include "diag.h"
#include "drawlist.h"
#include "fontset.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    size_t start, end; /* byte range [start, end) of the text; no leading/trailing spaces */
    double width_pt;   /* measured width of that range */
} lb_line;

typedef struct {
    int n;
    lb_line *lines; /* in the arena given */
} lb_lines;

/* Breaks UTF-8 text into lines no wider than width_pt (font role and size as
 * drawn). Empty text gives zero lines; an empty paragraph between two
 * newlines gives an empty line. */
lb_lines linebreak(const fontset *fs, font_role role, double size_pt, const char *utf8,
                   double width_pt, arena *mem);

/* Breaks the text for a box of width_pt x height_pt with lines
 * line_height_pt apart (n lines need n * line_height_pt). When the lines do
 * not fit — too many, or a character wider than the box — reports
 * D_TEXT_OVERFLOW naming `context` (e.g. "layouts/p05.ini [lead]") and returns
 * false; *out still holds all lines so the caller can show them. */
bool linebreak_fit(const fontset *fs, font_role role, double size_pt, const char *utf8,
                   double width_pt, double height_pt, double line_height_pt,
                   const char *context, arena *mem, lb_lines *out, diags *d);

#endif
