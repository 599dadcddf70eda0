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

/* numGlyphs of a TrueType font program's maxp table (0: none found). */
static unsigned sfnt_num_glyphs(const unsigned char *d, size_t n)
{
#define BE16(p) ((unsigned)(p)[0] << 8 | (p)[1])
#define BE32(p) ((size_t)(p)[0] << 24 | (size_t)(p)[1] << 16 | (size_t)(p)[2] << 8 | (p)[3])
    if (n < 12)
        return 0;
    unsigned n_tables = BE16(d + 4);
    for (unsigned i = 0; i < n_tables && 12 + 16 * (size_t)(i + 1) <= n; i++) {
        const unsigned char *rec = d + 12 + 16 * (size_t)i;
        size_t off = BE32(rec + 8);
        if (memcmp(rec, "maxp", 4) == 0 && off + 6 <= n)
            return BE16(d + off + 4);
    }
    return 0;
#undef BE16
#undef BE32
}

/* The CIDToGIDMap and the CIDSet. CIDs PDF_CID_BASE .. PDF_CID_BASE + n - 1
 * are the characters used; their glyph ids come from libharu's own lookup in
 * the dense cmap, the same it used for the widths. HarfBuzz's subset also
 * keeps the components of composite glyphs, which no character reaches;
 * they get the CIDs after those, in glyph order, so that every glyph of the
 * program has a CID. The CIDs below PDF_CID_BASE map to glyph 0. The CIDSet
 * (one bit per CID, first CID in the high bit) then names CID 0 and every
 * CID from PDF_CID_BASE on: each a CID with a glyph, and all glyphs named,
 * which is what PDF/A and PDF/UA validators require of it. */
static bool cid_maps(HPDF_Doc pdf, HPDF_Font font, size_t n, unsigned n_glyphs,
                     HPDF_Dict *map, HPDF_Dict *cid_set)
{
    unsigned char *reached = xcalloc(1, n_glyphs ? n_glyphs : 1);
    size_t n_cids = PDF_CID_BASE + n + (n_glyphs ? n_glyphs - 1 : 0); /* room enough */
    unsigned char *bytes = xcalloc(1, 2 * n_cids);
    size_t cid = PDF_CID_BASE;
    for (; cid < PDF_CID_BASE + n; cid++) {
        unsigned gid = pdf_lh_font_glyph(font, (unsigned)cid);
        if (gid < n_glyphs)
            reached[gid] = 1;
        bytes[2 * cid] = (unsigned char)(gid >> 8);
        bytes[2 * cid + 1] = (unsigned char)gid;
    }
    for (unsigned gid = 1; gid < n_glyphs; gid++)
        if (!reached[gid]) {
            bytes[2 * cid] = (unsigned char)(gid >> 8);
            bytes[2 * cid + 1] = (unsigned char)gid;
            cid++;
        }
    n_cids = cid;
    size_t set_n = (n_cids - 1) / 8 + 1;
    unsigned char *set = xcalloc(1, set_n);
    set[0] = 0x80; /* CID 0: .notdef */
    for (cid = PDF_CID_BASE; cid < n_cids; cid++)
        set[cid / 8] |= (unsigned char)(0x80 >> cid % 8);
    /* the map not deflated here: libharu compresses it like the font's
     * other streams */
    *map = pdf_lh_stream(pdf, bytes, 2 * n_cids, false);
    *cid_set = *map ? pdf_lh_stream(pdf, set, set_n, true) : NULL;
    free(set);
    free(bytes);
    free(reached);
    return *map && *cid_set;
}

/* Embeds the subset HarfBuzz made, as it is. libharu 2.3.0 would embed
 * the font it loaded by rewriting it table by table in 2- and 4-byte reads
 * and, for a UTF-8 font, write a CIDToGIDMap for all 65,536 CIDs (128 KB);
 * that was half of the cost of a one-page PDF. The font is therefore
 * loaded with embedding off, and the pieces libharu would add are added
 * here: the subset tag on the name, the FontDescriptor (libharu's keys and
 * values, plus FontFile2, the required CapHeight and a CIDSet) and a
 * CIDToGIDMap of the CIDs used. */
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

    unsigned n_glyphs = sfnt_num_glyphs(data, n_bytes);
    HPDF_Dict map = NULL, cid_set = NULL;
    if (n_glyphs == 0 || !cid_maps(pdf, font, n_chars, n_glyphs, &map, &cid_set))
        return false;
    ok &= pdf_lh_add(desc, "CIDSet", cid_set);
    return ok && pdf_lh_font_attach(font, desc, map);
}
