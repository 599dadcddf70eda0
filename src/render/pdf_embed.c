/* pdf_embed.c - ToUnicode and font embedding done by the writer instead of
 * libharu 2.3.0 (through pdf_libharu.h, which reaches into libharu). */
#include "pdf_embed.h"

#include "arena.h"
#include "pdf_libharu.h"
#include "pdf_tounicode.h"

#include <stdlib.h>
#include <string.h>

/* Replaces libharu's ToUnicode stream (it writes a cidrange CMap that
 * readers reject) with bfchar entries CID -> Unicode for the used glyphs. */
bool pdf_fix_tounicode(HPDF_Font font, const uint32_t *cps, size_t n)
{
    char *text = pdf_tounicode_cmap(PDF_CID_BASE, cps, n);
    bool ok = pdf_lh_font_set_tounicode(font, text);
    free(text);
    return ok;
}

/* The CIDToGIDMap of the CIDs used, PDF_CID_BASE .. PDF_CID_BASE + n - 1 (the
 * CIDs below map to glyph 0). The glyph ids come from libharu's own lookup
 * in the dense cmap, the same it used for the widths. */
static HPDF_Dict cid_to_gid_map(HPDF_Doc pdf, HPDF_Font font, size_t n)
{
    size_t n_cids = PDF_CID_BASE + n, n_bytes = 2 * n_cids;
    unsigned char *bytes = xcalloc(1, n_bytes);
    for (size_t cid = PDF_CID_BASE; cid < n_cids; cid++) {
        unsigned gid = pdf_lh_font_glyph(font, (unsigned)cid);
        bytes[2 * cid] = (unsigned char)(gid >> 8);
        bytes[2 * cid + 1] = (unsigned char)gid;
    }
    /* not deflated here: libharu compresses it like the font's other streams */
    HPDF_Dict map = pdf_lh_stream(pdf, bytes, n_bytes, false);
    free(bytes);
    return map;
}

/* Embeds the subset HarfBuzz made, as it is. libharu 2.3.0 would embed
 * the font it loaded by rewriting it table by table in 2- and 4-byte reads
 * and, for a UTF-8 font, write a CIDToGIDMap for all 65,536 CIDs (128 KB);
 * that was half of the cost of a one-page PDF. The font is therefore
 * loaded with embedding off, and the pieces libharu would add are added
 * here: the subset tag on the name, the FontDescriptor (libharu's keys and
 * values, plus FontFile2 and the required CapHeight) and a CIDToGIDMap of
 * the CIDs used. */
bool pdf_embed_font(HPDF_Doc pdf, const fontset *fs, HPDF_Font font, int index,
                    const unsigned char *data, size_t n_bytes, size_t n_chars)
{
    pdf_lh_font_metrics m;
    if (!pdf_lh_font_metrics_of(font, &m))
        return false;
    char tag[] = "HPDFAA"; /* the tags libharu gives: HPDFAA, HPDFAB, ... */
    tag[5] = (char)('A' + index % 26);
    tag[4] = (char)('A' + index / 26 % 26);
    pdf_lh_font_set_tag(font, tag);

    bool ok = true;
    HPDF_Dict file = pdf_lh_stream(pdf, data, n_bytes, true);
    if (!file)
        return false;
    ok &= pdf_lh_add_int(file, "Length1", (long)n_bytes);

    HPDF_Dict desc = pdf_lh_dict(pdf, true);
    pdf_obj bbox = pdf_lh_array(pdf);
    if (!desc || !bbox)
        return false;
    ok &= pdf_lh_add_name(desc, "Type", "FontDescriptor");
    ok &= pdf_lh_add_int(desc, "Ascent", m.ascent);
    ok &= pdf_lh_add_int(desc, "Descent", m.descent);
    ok &= pdf_lh_add_int(desc, "Flags", m.flags);
    const double box[4] = {m.bbox.left, m.bbox.bottom, m.bbox.right, m.bbox.top};
    for (int k = 0; k < 4; k++)
        ok &= pdf_lh_array_add_real(bbox, box[k]);
    ok &= pdf_lh_add(desc, "FontBBox", bbox);
    ok &= pdf_lh_add_name(desc, "FontName", m.base_font);
    ok &= pdf_lh_add_int(desc, "ItalicAngle", m.italic_angle);
    ok &= pdf_lh_add_int(desc, "StemV", m.stemv);
    /* From the whole font: libharu looks "H" and "x" up in the subset's
     * cmap, which knows only the dense range. */
    int cap_height = 0, x_height = 0;
    fontset_heights_1000em(fs, index, &cap_height, &x_height);
    ok &= pdf_lh_add_int(desc, "CapHeight", cap_height);
    ok &= pdf_lh_add_int(desc, "XHeight", x_height);
    ok &= pdf_lh_add(desc, "FontFile2", file);

    HPDF_Dict map = cid_to_gid_map(pdf, font, n_chars);
    return ok && map && pdf_lh_font_attach(font, desc, map);
}
