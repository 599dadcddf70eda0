/* linebreak.h - Japanese line breaking into a width: JIS X 4051's
 * prohibitions, words and numbers kept whole, breaks at phrase boundaries.
 * The rule set in full, with examples: docs/linebreak.md.
 *
 * Never a break (LB_NEVER):
 *  - before a character that may not start a line (行頭禁則):
 *    、。，．・：；？！）」』】〕］｝ー〜 ～ ゝゞヽヾ々, small kana
 *    ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ, ASCII ) ] } , . : ; ? ! %
 *    and ％;
 *  - after a character that may not end a line (行末禁則): （「『【〔［｛ and
 *    ASCII ( [ {;
 *  - before a combining mark (NFD voicing marks, variation selectors);
 *  - inside a word: a Latin word (runs of printable ASCII: QommonsAI, LGWAN,
 *    R7, and of full-width letters and digits), a katakana word (katakana
 *    with ー and the small kana: ファインチューニング);
 *  - inside a number with its separators and the units that follow it
 *    (1,244  45.6%  1,000万円  637件  73％  12か月);
 *  - before a kanji that binds to the word before it as a suffix (等 中 済 化
 *    的 性 型 版 別 内 用 系: 実証中, VBA等, 正確性);
 *  - inside a short bracketed unit: an opening bracket and its closing one
 *    at most 10 characters apart (（73%削減）, （マクロ、VBA等）, （＝RAG）).
 * Elsewhere a break has a class, best first:
 *  0 after punctuation, a closing bracket or a space, before an opening
 *    bracket (but a closing bracket followed by hiragana is class 4: the
 *    particle belongs to it, 「（73%）｜の」);
 *  1 at the end of a phrase: after hiragana before another script, after a
 *    particle (がをにはでともへのや) inside hiragana (メール文案の｜作成);
 *  2 between katakana and kanji, kana and Latin (メール｜文案);
 *  3 inside a kanji compound, between kanji and Latin or Latin and
 *    katakana (情報｜流通, 生成｜AI);
 *  4 before hiragana that goes on a word (扱｜う, させ｜ている), or
 *    follows a closing bracket or % (「（73%）｜の」「100%｜に」): a last resort,
 *    not taken in a line that has a place of class 0-2.
 * Inside 「」 and 『』 (a quoted name or term) a break is of class 2 at best.
 * Each line breaks where class cost (0, 1, 3, 6, 12) plus 24 x (the share
 * of the width it leaves empty)^2 is least: a phrase boundary a few
 * characters back wins over a break inside a phrase at the edge. A newline
 * ('\n') always ends a line; a space at a break is dropped, and is no place
 * to break after an opening or before a closing mark (「〔 団体数」).
 *
 * Punctuation policy: no hanging punctuation (no ぶら下げ). 、。 never pass
 * the right edge: a closing mark that does not fit is pushed to the next
 * line together with the character before it (追い出し), so every line
 * stays inside the box.
 *
 * A single unit (a word, a number, a short bracket) wider than the line is,
 * as a last resort, broken between characters so that nothing is lost or
 * drawn outside the box, and counted in lb_lines.forced: a caller that can
 * set the text smaller (a chart label, a table cell) tries that first.
 * linebreak_fit() does not report it (the layout still fits); a box too
 * narrow for one character is reported as an overflow.
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
    int forced;     /* breaks made inside a unit that was wider than the line */
} lb_lines;

/* Advance width of utf8[0..len) at size_pt in font role. */
typedef double (*lb_measure_fn)(void *ctx, const char *utf8, size_t len, double size_pt,
                                font_role role);

/* Breaks UTF-8 text into lines no wider than width_pt (font role and size as
 * drawn). Empty text gives zero lines; an empty paragraph between two
 * newlines gives an empty line. */
lb_lines linebreak(const fontset *fs, font_role role, double size_pt, const char *utf8,
                   double width_pt, arena *mem);
/* The same with each character measured by a callback (charts, whose
 * measuring is given to them). */
lb_lines linebreak_measured(lb_measure_fn measure, void *ctx, font_role role, double size_pt,
                            const char *utf8, double width_pt, arena *mem);

/* Breaks the text for a box of width_pt x height_pt with lines
 * line_height_pt apart (n lines need n * line_height_pt). When the lines do
 * not fit — too many, or a character wider than the box — reports
 * D_TEXT_OVERFLOW naming `context` (e.g. "layouts/p05.ini [lead]") and returns
 * false; *out still holds all lines so the caller can show them. */
bool linebreak_fit(const fontset *fs, font_role role, double size_pt, const char *utf8,
                   double width_pt, double height_pt, double line_height_pt,
                   const char *context, arena *mem, lb_lines *out, diags *d);

#endif
