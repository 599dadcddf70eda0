/* pdf_embed.h - the parts of writing a PDF font that the writer does itself
 * instead of libharu 2.3.0 (which does them wrongly or slowly); private to
 * pdfwriter.c. Reaches libharu's internals through pdf_libharu.h only. */
#ifndef AIREPORT_PDF_EMBED_H
#define AIREPORT_PDF_EMBED_H

#include "fontset.h"

#include <hpdf.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The first CID of the writer's dense encoding: the document's k-th
 * character of a face is CID (and code point) PDF_CID_BASE + k. */
#define PDF_CID_BASE 0x100u

/* Replaces libharu's ToUnicode stream with one mapping CID PDF_CID_BASE + i
 * to cps[i]. */
bool pdf_fix_tounicode(HPDF_Font font, const uint32_t *cps, size_t n);

/* Embeds the subset font data (n_bytes, as fontset_subset_dense made it
 * for n_chars characters) for a font libharu loaded with embedding off:
 * subset tag, FontDescriptor with FontFile2, CIDToGIDMap. index is the
 * face number (it picks the tag). */
bool pdf_embed_font(HPDF_Doc pdf, const fontset *fs, HPDF_Font font, int index,
                    const unsigned char *data, size_t n_bytes, size_t n_chars);

#endif
