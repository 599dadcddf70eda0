/* fontset.h - the fonts of a run: which file serves which role, text
 * measurement, glyph coverage and per-document subsetting.
 *
 * fonts/fonts.ini names a TrueType file per role (see fonts/README.md). The
 * files are parsed once per process (one HarfBuzz face and font per distinct
 * file, shared by the roles that use it) and the fontset is read-only
 * afterwards (safe to share between threads). Widths are what the PDF will
 * show: the sum of the nominal advances of the characters' glyphs, one glyph
 * per character from the Unicode cmap, as the PDF emitter draws them (no
 * shaping, so no kerning, ligatures or composition).
 */
#ifndef AIREPORT_FONTSET_H
#define AIREPORT_FONTSET_H

#include "diag.h"
#include "drawlist.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fontset fontset;

/* Loads the INI and every font file it names. NULL (with D_FONT / D_IO_READ
 * / D_CONFIG diagnostics) when a role has no usable font. */
fontset *fontset_load(const char *ini_path, diags *d);
void fontset_free(fontset *fs);

/* The resolved file of a role and its face number (roles sharing a file
 * share a face; faces are numbered 0 .. fontset_face_count()-1). */
const char *fontset_path(const fontset *fs, font_role role);
int fontset_face_of(const fontset *fs, font_role role);
int fontset_face_count(const fontset *fs);
/* The PDF should embolden this role itself (fonts.ini fake_bold). */
bool fontset_fake_bold(const fontset *fs, font_role role);

/* Width in pt of len bytes of UTF-8 at size_pt. Characters without a glyph
 * are measured as the font's .notdef (check coverage separately). */
double fontset_measure(const fontset *fs, font_role role, const char *utf8, size_t len,
                       double size_pt);
/* Per-character widths in one pass: width_at_byte[k] receives the
 * width in pt of the character starting at byte k (0 for continuation
 * bytes); the array holds len entries. */
void fontset_char_widths(const fontset *fs, font_role role, const char *utf8, size_t len,
                         double size_pt, double *width_at_byte);
/* The same for a NUL-terminated string, in the shape of the chart module's
 * measure callback (ctx is the fontset). */
double fontset_measure_cb(void *ctx, const char *utf8, double size_pt, font_role font);

/* true when the role's font has a glyph for every character of utf8; else one
 * D_FONT per missing character naming U+XXXX, the font and `context`
 * (e.g. "layouts/p05.ini [lead]"). Control characters (< U+0020) are
 * skipped: they are never drawn. */
bool fontset_check_coverage(const fontset *fs, font_role role, const char *utf8,
                            const char *context, diags *d);
bool fontset_has_glyph(const fontset *fs, font_role role, uint32_t codepoint);

/* A TrueType subset of a face holding the .notdef glyph and the glyphs of
 * the given code points (glyph ids renumbered, cmap rewritten accordingly).
 * Returns a malloc'd buffer (free with free()) or NULL with a D_FONT. */
unsigned char *fontset_subset(const fontset *fs, int face, const uint32_t *codepoints, size_t n,
                              size_t *out_len, diags *d);

/* The same subset with a cmap that knows nothing but a dense private range:
 * code point base + k shows the glyph of codepoints[k] (codepoints sorted
 * and distinct, n >= 1). The PDF writer draws text through these code points
 * so that libharu, which maps every possible CID through the font's cmap
 * when it embeds a font, finds each in one step (see pdfwriter.c). base must
 * be at least U+0100 and base + n at most U+D800; n at most
 * FONTSET_DENSE_MAX (the cmap's 16-bit length). NULL with a D_FONT. */
enum { FONTSET_DENSE_MAX = 32000 };
unsigned char *fontset_subset_dense(const fontset *fs, int face, const uint32_t *codepoints,
                                    size_t n, uint32_t base, size_t *out_len, diags *d);

/* The cap height (top of "H") and x-height (top of "x") of a face in
 * 1/1000 em, for a PDF FontDescriptor; 0 for a letter the font lacks. */
void fontset_heights_1000em(const fontset *fs, int face, int *cap_height, int *x_height);

/* Characters no output draws: control characters (below U+0020), U+FEFF
 * (byte order mark, zero width no-break space) and U+FFFE (a
 * noncharacter). They have no width and need no glyph; the PDF writer drops
 * them (PDF/UA forbids text mapped to U+FEFF or U+FFFE). */
static inline bool fontset_never_drawn(uint32_t cp)
{
    return cp < 0x20 || cp == 0xFEFF || cp == 0xFFFE;
}

/* Decodes one UTF-8 character at s[*i] (advancing *i); an invalid byte
 * yields U+FFFD and advances by one. Input is validated at the boundary,
 * so this is only a safety net. */
uint32_t fontset_utf8_next(const char *s, size_t len, size_t *i);

#endif
