/* pdf_libharu.c - every access of the writer to libharu 2.3.0's private
 * structures (see pdf_libharu.h). */

/* This file is the boundary: it sees libharu's structures, which the rest of
 * the render stage (compiled with HPDF_SHARED) does not. */
#undef HPDF_SHARED
#include "pdf_libharu.h"

#include "arena.h"
#include "pdf_tounicode.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_utils.h>
#include <hpdf_version.h>
#include <zlib.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The structures used below (HPDF_Doc_Rec, HPDF_Dict_Rec, HPDF_FontAttr_Rec,
 * HPDF_PageAttr_Rec, HPDF_Xref_Rec, the write loop of HPDF_Dict_Write) are
 * those of 2.3.0; 2.4 moved and renamed several. Port this file before
 * building with another version. */
#if !defined(HPDF_VERSION_ID) || HPDF_VERSION_ID != 20300
#error "libharu 2.3.0 required (HPDF_VERSION_ID 20300): pdf_libharu.c uses its private structures"
#endif

char *pdf_lh_ftoa(char *buf, double v, char *end)
{
    return HPDF_FToA(buf, (HPDF_REAL)v, end);
}

/* --- objects */

HPDF_Dict pdf_lh_dict(HPDF_Doc pdf, bool indirect)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    if (d && indirect && HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
        return NULL; /* HPDF_Xref_Add freed it */
    return d;
}

pdf_obj pdf_lh_array(HPDF_Doc pdf)
{
    return HPDF_Array_New(pdf->mmgr);
}

bool pdf_lh_add(HPDF_Dict dict, const char *key, pdf_obj value)
{
    return value && HPDF_Dict_Add(dict, key, value) == HPDF_OK;
}

bool pdf_lh_add_name(HPDF_Dict dict, const char *key, const char *name)
{
    return HPDF_Dict_AddName(dict, key, name) == HPDF_OK;
}

bool pdf_lh_add_int(HPDF_Dict dict, const char *key, long value)
{
    return HPDF_Dict_AddNumber(dict, key, (HPDF_INT32)value) == HPDF_OK;
}

bool pdf_lh_add_bool(HPDF_Dict dict, const char *key, bool value)
{
    return HPDF_Dict_AddBoolean(dict, key, value ? HPDF_TRUE : HPDF_FALSE) == HPDF_OK;
}

bool pdf_lh_add_text(HPDF_Doc pdf, HPDF_Dict dict, const char *key, const char *utf8)
{
    size_t n = 0;
    unsigned char *u16 = pdf_utf16be(utf8, &n);
    HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, u16, (HPDF_UINT)n);
    free(u16);
    return pdf_lh_add(dict, key, b);
}

bool pdf_lh_array_add(pdf_obj array, pdf_obj value)
{
    return value && HPDF_Array_Add(array, value) == HPDF_OK;
}

bool pdf_lh_array_add_int(pdf_obj array, long value)
{
    return HPDF_Array_AddNumber(array, (HPDF_INT32)value) == HPDF_OK;
}

bool pdf_lh_array_add_real(pdf_obj array, double value)
{
    return HPDF_Array_AddReal(array, (HPDF_REAL)value) == HPDF_OK;
}

bool pdf_lh_check(HPDF_Doc pdf)
{
    return HPDF_CheckError(&pdf->error) == HPDF_OK;
}

/* --- streams
 *
 * Streams are compressed here, not by libharu: 2.3.0 deflates every stream
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

HPDF_Dict pdf_lh_stream(HPDF_Doc pdf, const void *data, size_t n, bool deflate)
{
    HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!s)
        return NULL;
    if (deflate)
        return set_deflated(s, data, n) ? s : NULL;
    return HPDF_Stream_Write(s->stream, data, (HPDF_UINT)n) == HPDF_OK ? s : NULL;
}

/* --- the document */

HPDF_Dict pdf_lh_catalog(HPDF_Doc pdf)
{
    return pdf->catalog;
}

HPDF_Dict pdf_lh_info(HPDF_Doc pdf)
{
    return pdf->info;
}

bool pdf_lh_set_id(HPDF_Doc pdf, const unsigned char id[16])
{
    HPDF_Array arr = HPDF_Array_New(pdf->mmgr);
    return arr && pdf_lh_array_add(arr, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id, 16)) &&
           pdf_lh_array_add(arr, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id, 16)) &&
           pdf_lh_add(pdf->trailer, "ID", arr);
}

/* --- pages: libharu keeps a page's content in memory buffers */

HPDF_STATUS pdf_lh_page_write(HPDF_Page page, const void *data, size_t n)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    if (HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)data, (HPDF_UINT)n) == HPDF_OK)
        return HPDF_OK;
    return HPDF_Error_GetCode(page->error);
}

bool pdf_lh_page_deflate(HPDF_Page page)
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

/* --- fonts */

bool pdf_lh_font_metrics_of(HPDF_Font font, pdf_lh_font_metrics *m)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    HPDF_FontDef def = attr->fontdef;
    if (def->descriptor || !attr->descendant_font || def->type != HPDF_FONTDEF_TYPE_TRUETYPE)
        return false;
    HPDF_TTFontDefAttr def_attr = (HPDF_TTFontDefAttr)def->attr;
    *m = (pdf_lh_font_metrics){.base_font = def_attr->base_font,
                               .ascent = def->ascent,
                               .descent = def->descent,
                               .flags = (int)def->flags,
                               .italic_angle = def->italic_angle,
                               .stemv = (int)def->stemv,
                               .bbox = def->font_bbox};
    return true;
}

void pdf_lh_font_set_tag(HPDF_Font font, const char *tag)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    HPDF_TTFontDef_SetTagName(attr->fontdef, (char *)tag);
}

unsigned pdf_lh_font_glyph(HPDF_Font font, unsigned code)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    return HPDF_TTFontDef_GetGlyphid(attr->fontdef, (HPDF_UINT16)code);
}

bool pdf_lh_font_attach(HPDF_Font font, HPDF_Dict descriptor, HPDF_Dict cid_to_gid_map)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    if (attr->fontdef->descriptor || !attr->descendant_font)
        return false;
    /* libharu's write hook links the descriptor it finds here. */
    attr->fontdef->descriptor = descriptor;
    attr->map_stream = cid_to_gid_map; /* its filter follows the font's */
    return pdf_lh_add(attr->descendant_font, "CIDToGIDMap", cid_to_gid_map);
}

bool pdf_lh_font_set_tounicode(HPDF_Font font, const char *cmap_text)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    HPDF_Dict cmap = attr ? attr->cmap_stream : NULL;
    if (!cmap || !cmap->stream)
        return false;
    HPDF_MemStream_FreeData(cmap->stream);
    HPDF_STATUS st = HPDF_Stream_WriteStr(cmap->stream, cmap_text);
    /* Entries of an encoding CMap that do not belong to a ToUnicode map. */
    static const char *const keys[] = {"CMapName", "CIDSystemInfo", "WMode", "Type"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        HPDF_Dict_RemoveElement(cmap, keys[i]); /* absent keys: a quiet NOT_FOUND */
    return st == HPDF_OK;
}

/* --- saving */

/* Copies the saved document out of libharu's memory stream buffer by
 * buffer (HPDF_ReadFromStream copies byte by byte). */
static bool copy_saved(HPDF_Doc pdf, unsigned char *buf, HPDF_UINT32 size)
{
    HPDF_UINT count = HPDF_MemStream_GetBufCount(pdf->stream);
    HPDF_UINT32 got = 0;
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT n = 0;
        const HPDF_BYTE *part = HPDF_MemStream_GetBufPtr(pdf->stream, i, &n);
        if (!part || n > size - got)
            return false;
        memcpy(buf + got, part, n);
        got += n;
    }
    return got == size;
}

bool pdf_lh_save(HPDF_Doc pdf, unsigned char **out, size_t *len, char *err, size_t err_size)
{
    *out = NULL;
    *len = 0;
    err[0] = '\0';
    if (HPDF_SaveToStream(pdf) != HPDF_OK)
        return false;
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    unsigned char *buf = xmalloc(size ? size : 1);
    if (!copy_saved(pdf, buf, size)) {
        snprintf(err, err_size, "the saved document (%u bytes) is not where libharu keeps it",
                 (unsigned)size);
        free(buf);
        return false;
    }
    *out = buf;
    *len = size;
    return true;
}
