/* pdfwriter.h - the dumb PDF emitter: pages of drawlists -> PDF bytes.
 *
 * Lay out everything first, then hand the pages here. The emitter replays
 * each drawlist with libharu 2.3.0: paths as vector fills and strokes, text
 * in embedded fonts subset per document (HarfBuzz; only the characters the
 * document uses), aligned with the widths fontset measures. For speed the
 * text goes through a private dense encoding (the document's k-th character
 * of a face is CID 0x100 + k, see pdfwriter.c), the subset is embedded by
 * the writer rather than by libharu, and streams are deflated at zlib
 * level 1. It adds the document information (also as XMP metadata, with
 * the PDF/UA identification), the language, one bookmark per titled page
 * (Japanese titles as UTF-16BE), a ToUnicode CMap mapping every CID back to
 * its character so text can be copied and searched, and a document /ID
 * derived from the content. The PDF is tagged: the drawlists' structure
 * items become the structure tree and marked content (pdfdoc_require_tags).
 * The creation and modification dates (Info and XMP alike) are the
 * caller's (pdf_info.created: the command passes SOURCE_DATE_EPOCH, parsed
 * by core's sourcedate.h, or the time of the run), so the same input and
 * date give byte-identical output.
 *
 * The document keeps pointers to the drawlists: they must outlive
 * pdfdoc_render().
 */
#ifndef AIREPORT_PDFWRITER_H
#define AIREPORT_PDFWRITER_H

#include "diag.h"
#include "drawlist.h"
#include "fontset.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Document information (UTF-8; NULL or "" = not written). */
typedef struct {
    const char *title;    /* 自治体における生成AI導入状況（令和7年度） */
    const char *author;   /* 総務省 情報流通行政局地域通信振興課 */
    const char *subject;
    const char *keywords;
    const char *creator;  /* the program; default "aireport" */
    const char *lang;     /* the text's language (BCP 47); default "ja-JP" */
    time_t created;       /* CreationDate and ModDate, seconds since 1970 UTC,
                             at most 9999-12-31 (sourcedate.h) */
} pdf_info;

typedef struct pdf_doc pdf_doc;

pdf_doc *pdfdoc_new(const fontset *fs, const pdf_info *info);
void pdfdoc_free(pdf_doc *doc);

/* Appends a page w_pt x h_pt drawn by dl; outline_title (may be NULL) is
 * the page's bookmark. */
void pdfdoc_add_page(pdf_doc *doc, double w_pt, double h_pt, const drawlist *dl,
                     const char *outline_title);

/* Tagged PDF: the drawlists' structure items (drawlist.h) become the
 * document's structure tree and marked content. Painting items outside
 * every element and artifact span are tagged by the writer (each run of
 * such text one P, such paths decoration artifacts, pdf_struct.h) unless
 * tags are required: then they are an error (D_INTERNAL naming the page
 * and item), for producers that tag everything. Off by default. */
void pdfdoc_require_tags(pdf_doc *doc, bool on);

/* The version of libharu the writer runs with ("2.3.0"), for --version. */
const char *pdfdoc_libharu_version(void);

/* Writes the whole document to *out (malloc'd; free with free()) and *len.
 * false with diagnostics when a character has no glyph (D_FONT naming the
 * page), a font cannot be subset or embedded, a page's structure items
 * break the drawlist rules (D_INTERNAL naming page and item), or libharu
 * fails. */
bool pdfdoc_render(pdf_doc *doc, unsigned char **out, size_t *len, diags *d);

#endif
