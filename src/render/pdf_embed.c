/* pdf_embed.c - ToUnicode, font embedding and stream compression done by
 * the writer instead of libharu 2.3.0. */
#include "pdf_embed.h"

#include "arena.h"
#include "pdf_tounicode.h"

/* libharu internals: the font's streams and descriptor, the document's
 * memory manager and cross-reference table, the page's content stream. */
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <zlib.h>

#include <stdlib.h>
#include <string.h>

/* Replaces libharu's ToUnicode stream (it writes a cidrange CMap that
 * readers reject) with bfchar entries CID -> Unicode for the used glyphs. */
bool pdf_fix_tounicode(HPDF_Font font, const uint32_t *cps, size_t n)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    HPDF_Dict cmap = attr ? attr->cmap_stream : NULL;
    if (!cmap || !cmap->stream)
        return false;
    char *text = pdf_tounicode_cmap(PDF_CID_BASE, cps, n);
    HPDF_MemStream_FreeData(cmap->stream);
    HPDF_STATUS st = HPDF_Stream_WriteStr(cmap->stream, text);
    free(text);
    /* Entries of an encoding CMap that do not belong to a ToUnicode map. */
    static const char *const keys[] = {"CMapName", "CIDSystemInfo", "WMode", "Type"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        HPDF_Dict_RemoveElement(cmap, keys[i]); /* absent keys: a quiet NOT_FOUND */
    return st == HPDF_OK;
}

/* Streams are compressed here, not by libharu: 2.3.0 deflates every stream
 * at zlib's default level 6, a third of the whole build. Level 1 costs a
 * fraction of that and leaves the files a few per cent larger (README,
 * performance). A pre-compressed stream is handed to libharu with no
 * filter, and its /Filter entry is written by this hook, which libharu
 * calls just before closing the stream's dictionary. */
#define STREAM_ZLIB_LEVEL 1

static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Replaces the stream's data by its deflated form; false (stream unchanged)
 * when the dictionary already has a write hook or zlib fails. */
static bool set_deflated(HPDF_Dict dict, const unsigned char *data, size_t n)
{
    if (dict->write_fn)
        return false;
    uLongf out_len = compressBound((uLong)n);
    unsigned char *z = xmalloc(out_len);
    bool ok = compress2(z, &out_len, data, (uLong)n, STREAM_ZLIB_LEVEL) == Z_OK;
    if (ok) {
        HPDF_MemStream_FreeData(dict->stream);
        ok = HPDF_Stream_Write(dict->stream, z, (HPDF_UINT)out_len) == HPDF_OK;
        dict->filter = HPDF_STREAM_FILTER_NONE;
        dict->write_fn = write_flate_filter;
    }
    free(z);
    return ok;
}

/* Compresses a page's content stream (libharu keeps it in memory buffers). */
bool pdf_deflate_page_contents(HPDF_Page page)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Dict contents = attr->contents;
    if (!contents || !contents->stream || contents->stream->type != HPDF_STREAM_MEMORY)
        return false;
    HPDF_UINT count = HPDF_MemStream_GetBufCount(contents->stream);
    size_t n = 0;
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT len = 0;
        HPDF_MemStream_GetBufPtr(contents->stream, i, &len);
        n += len;
    }
    unsigned char *flat = xmalloc(n ? n : 1);
    size_t at = 0;
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT len = 0;
        const HPDF_BYTE *part = HPDF_MemStream_GetBufPtr(contents->stream, i, &len);
        if (part)
            memcpy(flat + at, part, len);
        at += len;
    }
    bool ok = set_deflated(contents, flat, n);
    free(flat);
    return ok;
}

/* The CIDToGIDMap of the CIDs used, PDF_CID_BASE .. PDF_CID_BASE + n - 1 (the
 * CIDs below map to glyph 0). The glyph ids come from libharu's own lookup
 * in the dense cmap, the same it used for the widths. */
static HPDF_Dict cid_to_gid_map(HPDF_Doc pdf, HPDF_FontDef def, size_t n)
{
    size_t n_cids = PDF_CID_BASE + n, n_bytes = 2 * n_cids;
    HPDF_BYTE *bytes = xcalloc(1, n_bytes);
    for (size_t cid = PDF_CID_BASE; cid < n_cids; cid++) {
        HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cid);
        bytes[2 * cid] = (HPDF_BYTE)(gid >> 8);
        bytes[2 * cid + 1] = (HPDF_BYTE)gid;
    }
    HPDF_Dict map = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (map && HPDF_Stream_Write(map->stream, bytes, (HPDF_UINT)n_bytes) != HPDF_OK)
        map = NULL;
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
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    HPDF_FontDef def = attr->fontdef;
    HPDF_TTFontDefAttr def_attr = (HPDF_TTFontDefAttr)def->attr;
    if (def->descriptor || !attr->descendant_font)
        return false;
    char tag[] = "HPDFAA"; /* the tags libharu gives: HPDFAA, HPDFAB, ... */
    tag[5] = (char)('A' + index % 26);
    tag[4] = (char)('A' + index / 26 % 26);
    HPDF_TTFontDef_SetTagName(def, tag);

    HPDF_STATUS st = HPDF_OK;
    HPDF_Dict file = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!file || !set_deflated(file, data, n_bytes))
        return false;
    st |= HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)n_bytes);

    HPDF_Dict desc = HPDF_Dict_New(pdf->mmgr);
    if (!desc || HPDF_Xref_Add(pdf->xref, desc) != HPDF_OK)
        return false;
    st |= HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    st |= HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
    st |= HPDF_Dict_AddNumber(desc, "Descent", def->descent);
    st |= HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
    st |= HPDF_Dict_Add(desc, "FontBBox", HPDF_Box_Array_New(pdf->mmgr, def->font_bbox));
    st |= HPDF_Dict_AddName(desc, "FontName", def_attr->base_font);
    st |= HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
    st |= HPDF_Dict_AddNumber(desc, "StemV", def->stemv);
    /* From the whole font: libharu looks "H" and "x" up in the subset's
     * cmap, which knows only the dense range. */
    int cap_height = 0, x_height = 0;
    fontset_heights_1000em(fs, index, &cap_height, &x_height);
    st |= HPDF_Dict_AddNumber(desc, "CapHeight", cap_height);
    st |= HPDF_Dict_AddNumber(desc, "XHeight", x_height);
    st |= HPDF_Dict_Add(desc, "FontFile2", file);
    /* libharu's write hook links the descriptor it finds here. */
    def->descriptor = desc;

    HPDF_Dict map = cid_to_gid_map(pdf, def, n_chars);
    if (!map)
        return false;
    st |= HPDF_Dict_Add(attr->descendant_font, "CIDToGIDMap", map);
    attr->map_stream = map; /* compressed like the font's other streams */
    return st == HPDF_OK;
}
