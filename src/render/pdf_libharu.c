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

bool pdf_lh_add_ascii(HPDF_Doc pdf, HPDF_Dict dict, const char *key, const char *ascii)
{
    return pdf_lh_add(dict, key, HPDF_String_New(pdf->mmgr, ascii, NULL));
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

uint32_t pdf_lh_number(pdf_obj obj)
{
    const HPDF_Obj_Header *h = obj;
    return h && (h->obj_id & HPDF_OTYPE_INDIRECT) ? h->obj_id & 0x00FFFFFF : 0;
}

bool pdf_lh_reserve(HPDF_Doc pdf, uint32_t n, uint32_t *first)
{
    *first = pdf->xref->start_offset + pdf->xref->entries->count;
    for (uint32_t i = 0; i < n; i++) {
        HPDF_Null placeholder = HPDF_Null_New(pdf->mmgr);
        if (!placeholder || HPDF_Xref_Add(pdf->xref, placeholder) != HPDF_OK)
            return false;
    }
    return true;
}

bool pdf_lh_add_ref(HPDF_Doc pdf, HPDF_Dict dict, const char *key, uint32_t number)
{
    HPDF_XrefEntry e = number ? HPDF_Xref_GetEntry(pdf->xref, number) : NULL;
    return e && e->obj && pdf_lh_add(dict, key, e->obj);
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

static unsigned char *stream_gather(HPDF_Stream st, size_t *n);

bool pdf_lh_page_deflate(HPDF_Page page)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Dict contents = attr->contents;
    if (!contents || !contents->stream || contents->stream->type != HPDF_STREAM_MEMORY)
        return false;
    size_t n = 0;
    unsigned char *flat = stream_gather(contents->stream, &n);
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

/* --- saving
 *
 * The writer saves the file itself instead of HPDF_SaveToStream: libharu
 * 2.3.0 writes every object on its own with a classic cross-reference
 * table, and knows neither object streams nor cross-reference streams
 * (PDF 1.5). Tagged PDF adds thousands of small dictionaries (structure
 * elements), which cost about 100 bytes each uncompressed; packed and
 * deflated together in an object stream they cost 10 to 20. So: every
 * object that is not a stream goes into deflated object streams, streams
 * stay top-level (ISO 32000-1 7.5.7), and a cross-reference stream indexes
 * both. They are deflated at level 1, like the other streams: level 6 made
 * the files 0.5 % smaller for 2 % more of the whole build's instructions
 * (measured with the writer's fallback tags; more elements cost more).
 *
 * The objects are written in libharu's order, index by index, with the
 * live count: the before-write hooks of pages, fonts and outlines run inside
 * HPDF_Dict_Write and may add objects, as in libharu's own loop
 * (HPDF_Xref_WriteToStream). A stream's /Length is an indirect number set
 * when the stream is written; libharu adds it right after its stream, so it
 * is packed after the stream has been written (checked below). */
/* Objects per object stream: the index field of the xref rows is 2 bytes. */
#define OBJSTM_MAX 65535
#define SAVE_BUF_SIZ 65536

typedef struct {
    unsigned char type; /* 0 free, 1 at an offset, 2 in an object stream */
    uint32_t field2;    /* offset, or the object stream's number in the list */
    uint16_t field3;    /* generation, or the index in the object stream */
} xref_row;

/* The bytes of a memory stream in one malloc'd block. */
static unsigned char *stream_gather(HPDF_Stream st, size_t *n)
{
    HPDF_UINT count = HPDF_MemStream_GetBufCount(st);
    size_t total = 0;
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT len = 0;
        HPDF_MemStream_GetBufPtr(st, i, &len);
        total += len;
    }
    unsigned char *flat = xmalloc(total ? total : 1);
    size_t at = 0;
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT len = 0;
        const HPDF_BYTE *part = HPDF_MemStream_GetBufPtr(st, i, &len);
        if (part && len)
            memcpy(flat + at, part, len);
        at += len;
    }
    *n = at;
    return flat;
}

static unsigned char *deflate_bytes(const unsigned char *data, size_t n, int level, size_t *out_n)
{
    uLongf z_len = compressBound((uLong)n);
    unsigned char *z = xmalloc(z_len);
    if (compress2(z, &z_len, data, (uLong)n, level) != Z_OK) {
        free(z);
        return NULL;
    }
    *out_n = z_len;
    return z;
}

/* One stream object written by the saver itself: "N 0 obj <<dict /Length L
 * /Filter /FlateDecode>> stream ... endstream endobj" around data deflated. */
static bool write_own_stream(HPDF_Stream out, uint32_t num, const char *dict,
                             const unsigned char *data, size_t n, xref_row *row)
{
    size_t z_n = 0;
    unsigned char *z = deflate_bytes(data, n, STREAM_ZLIB_LEVEL, &z_n);
    if (!z)
        return false;
    char head[512];
    snprintf(head, sizeof head, "%u 0 obj\n<<%s/Filter /FlateDecode /Length %zu>>\nstream\r\n",
             (unsigned)num, dict, z_n);
    *row = (xref_row){1, out->size, 0};
    bool ok = HPDF_Stream_WriteStr(out, head) == HPDF_OK &&
              HPDF_Stream_Write(out, z, (HPDF_UINT)z_n) == HPDF_OK &&
              HPDF_Stream_WriteStr(out, "\nendstream\nendobj\n") == HPDF_OK;
    free(z);
    return ok;
}

/* Objects packed for one object stream: "num offset ..." pairs, then the
 * objects (offsets from the first), as the stream's data. */
typedef struct {
    unsigned char *data;
    size_t n, first;
    int count;
} packed;

/* Closes the objects packed in body (count of them, numbers nums, offsets
 * offs) into p; body is emptied for the next stream. */
static void pack_close(HPDF_Stream body, const uint32_t *nums, const uint32_t *offs, int count,
                       packed *p)
{
    size_t cap = (size_t)count * 24 + 1, at = 0;
    char *index = xmalloc(cap);
    for (int i = 0; i < count; i++)
        at += (size_t)snprintf(index + at, cap - at, "%u %u ", (unsigned)nums[i],
                               (unsigned)offs[i]);
    size_t body_n = 0;
    unsigned char *objs = stream_gather(body, &body_n);
    p->data = xmalloc(at + body_n + 1);
    memcpy(p->data, index, at);
    memcpy(p->data + at, objs, body_n);
    p->n = at + body_n;
    p->first = at;
    p->count = count;
    free(objs);
    free(index);
    HPDF_MemStream_FreeData(body);
}

/* The cross-reference stream (it indexes itself, the last object): rows of
 * type (1 byte), offset or object stream (4), generation or index (2), with
 * the PNG Up predictor, under which consecutive rows mostly become zeros. */
static bool write_xref_stream(HPDF_Doc pdf, HPDF_Stream out, xref_row *rows, uint32_t n)
{
    enum { W = 7 };
    rows[n - 1] = (xref_row){1, out->size, 0};
    unsigned char *data = xmalloc((size_t)n * (W + 1)), prev[W] = {0};
    for (uint32_t i = 0; i < n; i++) {
        const xref_row *r = &rows[i];
        unsigned char row[W] = {r->type,
                                (unsigned char)(r->field2 >> 24),
                                (unsigned char)(r->field2 >> 16),
                                (unsigned char)(r->field2 >> 8),
                                (unsigned char)r->field2,
                                (unsigned char)(r->field3 >> 8),
                                (unsigned char)r->field3};
        unsigned char *d = data + (size_t)i * (W + 1);
        d[0] = 2; /* PNG Up */
        for (int k = 0; k < W; k++)
            d[1 + k] = (unsigned char)(row[k] - prev[k]);
        memcpy(prev, row, W);
    }
    /* /ID and the references, as libharu writes them (its trailer) */
    HPDF_Stream ids = HPDF_MemStream_New(pdf->mmgr, 256);
    HPDF_Array id = HPDF_Dict_GetItem(pdf->trailer, "ID", HPDF_OCLASS_ARRAY);
    bool ok = ids && (!id || HPDF_Obj_WriteValue(id, ids, NULL) == HPDF_OK);
    size_t id_n = 0;
    unsigned char *id_text = ok ? stream_gather(ids, &id_n) : NULL;
    char info[32] = "", dict[512];
    if (pdf->info)
        snprintf(info, sizeof info, " /Info %u 0 R",
                 (unsigned)(pdf->info->header.obj_id & 0x00FFFFFF));
    snprintf(dict, sizeof dict,
             "/Type /XRef /Size %u /W [1 4 2] /Root %u 0 R%s%s%.*s "
             "/DecodeParms <</Columns %d /Predictor 12>> ",
             (unsigned)n, (unsigned)(pdf->catalog->header.obj_id & 0x00FFFFFF), info,
             id ? " /ID " : "", (int)id_n, id_text ? (const char *)id_text : "", W);
    ok = ok && write_own_stream(out, n - 1, dict, data, (size_t)n * (W + 1), &rows[n - 1]);
    free(id_text);
    free(data);
    if (ids)
        HPDF_Stream_Free(ids);
    return ok;
}

/* Writes object i of the xref: a stream top-level, anything else into the
 * object stream being filled. */
static bool save_object(HPDF_Stream out, HPDF_Stream body, uint32_t i, void *obj, xref_row *row,
                        uint32_t *body_off, char *err, size_t err_size)
{
    HPDF_Obj_Header *h = obj;
    bool is_stream = (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT &&
                     ((HPDF_Dict)obj)->stream;
    if (!is_stream) {
        *body_off = body->size;
        return HPDF_Obj_WriteValue(obj, body, NULL) == HPDF_OK &&
               HPDF_Stream_WriteStr(body, "\n") == HPDF_OK;
    }
    HPDF_Number length = HPDF_Dict_GetItem(obj, "Length", HPDF_OCLASS_NUMBER);
    if (!length || (length->header.obj_id & 0x00FFFFFF) <= i) {
        snprintf(err, err_size, "stream object %u has its /Length before it (libharu changed?)",
                 (unsigned)i);
        return false;
    }
    char head[32];
    snprintf(head, sizeof head, "%u 0 obj\n", (unsigned)i);
    *row = (xref_row){1, out->size, 0};
    return HPDF_Stream_WriteStr(out, head) == HPDF_OK &&
           HPDF_Obj_WriteValue(obj, out, NULL) == HPDF_OK &&
           HPDF_Stream_WriteStr(out, "\nendobj\n") == HPDF_OK;
}

bool pdf_lh_save(HPDF_Doc pdf, const pdf_lh_objects *own, unsigned char **out, size_t *len,
                 char *err, size_t err_size)
{
    *out = NULL;
    *len = 0;
    err[0] = '\0';
    HPDF_Xref xref = pdf->xref;
    HPDF_Stream file = HPDF_MemStream_New(pdf->mmgr, SAVE_BUF_SIZ);
    HPDF_Stream body = HPDF_MemStream_New(pdf->mmgr, SAVE_BUF_SIZ);
    size_t cap = 0;
    xref_row *rows = NULL;
    packed *stms = NULL;
    uint32_t *nums = xmalloc(sizeof *nums * OBJSTM_MAX), *offs = xmalloc(sizeof *offs * OBJSTM_MAX);
    uint32_t n_stms = 0;
    int k = 0; /* objects in the object stream being filled */
    /* Header: PDF 1.7, and a comment of bytes > 127 marking the file binary. */
    bool ok = file && body && !xref->prev &&
              HPDF_Stream_WriteStr(file, "%PDF-1.7\n%\267\276\255\252\n") == HPDF_OK;
    uint32_t i = 1;
    for (; ok && i < xref->entries->count; i++) { /* the live count */
        if (i >= cap) {
            cap = cap ? cap * 2 : 1024;
            rows = xrealloc(rows, sizeof *rows * cap);
        }
        HPDF_XrefEntry e = HPDF_Xref_GetEntry(xref, i);
        if (e->entry_typ == HPDF_FREE_ENTRY || !e->obj) {
            rows[i] = (xref_row){0, 0, e->gen_no};
            continue;
        }
        /* packed: field2 is the object stream's list index until numbered */
        rows[i] = (xref_row){2, n_stms, (uint16_t)k};
        uint32_t off = 0;
        if (own && i - own->first < own->n) { /* the writer's own text */
            const char *t = own->text + own->offset[i - own->first];
            size_t t_n = own->offset[i - own->first + 1] - own->offset[i - own->first];
            off = body->size;
            ok = HPDF_Stream_Write(body, (const HPDF_BYTE *)t, (HPDF_UINT)t_n) == HPDF_OK &&
                 HPDF_Stream_WriteStr(body, "\n") == HPDF_OK;
        } else {
            ok = save_object(file, body, i, e->obj, &rows[i], &off, err, err_size);
        }
        if (ok && rows[i].type == 2) {
            nums[k] = i;
            offs[k++] = off;
            if (k == OBJSTM_MAX) {
                stms = xrealloc(stms, sizeof *stms * (n_stms + 1));
                pack_close(body, nums, offs, k, &stms[n_stms++]);
                k = 0;
            }
        }
    }
    if (ok && k) {
        stms = xrealloc(stms, sizeof *stms * (n_stms + 1));
        pack_close(body, nums, offs, k, &stms[n_stms++]);
    }
    /* The object streams are the objects after libharu's, the xref stream last. */
    uint32_t n_objs = i + n_stms + 1;
    if (ok && n_objs > cap)
        rows = xrealloc(rows, sizeof *rows * n_objs);
    if (ok)
        rows[0] = (xref_row){0, 0, 65535};
    for (uint32_t j = 1; ok && j < i; j++)
        if (rows[j].type == 2)
            rows[j].field2 += i;
    for (uint32_t j = 0; ok && j < n_stms; j++) {
        char dict[96];
        snprintf(dict, sizeof dict, "/Type /ObjStm /N %d /First %zu ", stms[j].count,
                 stms[j].first);
        ok = write_own_stream(file, i + j, dict, stms[j].data, stms[j].n, &rows[i + j]);
    }
    ok = ok && write_xref_stream(pdf, file, rows, n_objs);
    char tail[48];
    snprintf(tail, sizeof tail, "startxref\n%u\n%%%%EOF\n", ok ? (unsigned)rows[n_objs - 1].field2 : 0u);
    ok = ok && HPDF_Stream_WriteStr(file, tail) == HPDF_OK;
    if (ok)
        *out = stream_gather(file, len);
    else if (!err[0] && HPDF_CheckError(&pdf->error) == HPDF_OK)
        snprintf(err, err_size, "saving failed (zlib or an object libharu could not write)");
    for (uint32_t j = 0; j < n_stms; j++)
        free(stms[j].data);
    free(stms);
    free(nums);
    free(offs);
    free(rows);
    if (file)
        HPDF_Stream_Free(file);
    if (body)
        HPDF_Stream_Free(body);
    return ok;
}
