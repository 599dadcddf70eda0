/* pdf_libharu.h - the PDF writer's one door into libharu 2.3.0's internals.
 *
 * libharu's public API draws pages and loads fonts, but the writer also
 * needs what only its private structures give: the page's content stream
 * (written directly, for speed), the font's streams and descriptor (the
 * writer embeds its own subset), the document's objects (structure tree,
 * metadata, catalog entries) and the saving of the file (object and
 * cross-reference streams). All of that is in pdf_libharu.c, the only file
 * that includes libharu's private headers; it stops the build on any
 * libharu but 2.3.0, whose structures it was written against (and CMake
 * stops configuring first, cmake/FindSurveyDeps.cmake).
 *
 * Every other file of the render stage is compiled with HPDF_SHARED: <hpdf.h>
 * then declares the public API on opaque handles, so a field access to a
 * libharu structure outside pdf_libharu.c does not compile.
 *
 * Objects made here belong to the document (freed by HPDF_Free). Functions
 * returning bool are false when libharu refused (out of memory, a limit);
 * the error is also recorded in the document, and pdf_lh_check() raises it
 * through the document's error handler.
 */
#ifndef AIREPORT_PDF_LIBHARU_H
#define AIREPORT_PDF_LIBHARU_H

#include <hpdf.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Any libharu object: a dictionary (HPDF_Dict), an array, a number ... */
typedef void *pdf_obj;

/* --- numbers as libharu writes them (HPDF_FToA: up to 5 decimals, no
 * trailing zeros); writes into [buf, end), returns the end of the text */
char *pdf_lh_ftoa(char *buf, double v, char *end);

/* --- objects */
/* A dictionary; indirect: an object of its own (referenced as N 0 R). */
HPDF_Dict pdf_lh_dict(HPDF_Doc pdf, bool indirect);
pdf_obj pdf_lh_array(HPDF_Doc pdf);
/* A stream object with the bytes, deflated at the writer's level when asked. */
HPDF_Dict pdf_lh_stream(HPDF_Doc pdf, const void *data, size_t n, bool deflate);
/* dict[key] = value; an indirect value is written as a reference. */
bool pdf_lh_add(HPDF_Dict dict, const char *key, pdf_obj value);
bool pdf_lh_add_name(HPDF_Dict dict, const char *key, const char *name);
bool pdf_lh_add_int(HPDF_Dict dict, const char *key, long value);
bool pdf_lh_add_bool(HPDF_Dict dict, const char *key, bool value);
/* A string of ASCII characters, written as a literal "(...)". */
bool pdf_lh_add_ascii(HPDF_Doc pdf, HPDF_Dict dict, const char *key, const char *ascii);
/* A text string: UTF-8 in, UTF-16BE with byte order mark out (hex). */
bool pdf_lh_add_text(HPDF_Doc pdf, HPDF_Dict dict, const char *key, const char *utf8);
bool pdf_lh_array_add(pdf_obj array, pdf_obj value);
bool pdf_lh_array_add_int(pdf_obj array, long value);
bool pdf_lh_array_add_real(pdf_obj array, double value);
/* The object number of an indirect object (0: not one). */
uint32_t pdf_lh_number(pdf_obj obj);
/* Objects the writer serialises itself (the structure tree, pdf_struct.c):
 * numbers first .. first + n - 1, object i's dictionary text being
 * text[offset[i] .. offset[i + 1]). pdf_lh_reserve() gives the numbers
 * (placeholders in libharu's cross-reference table); pdf_lh_save() writes
 * the text in their place. */
typedef struct {
    uint32_t first, n;
    const char *text;
    const size_t *offset;
} pdf_lh_objects;
bool pdf_lh_reserve(HPDF_Doc pdf, uint32_t n, uint32_t *first);
/* dict[key] = a reference to object number (an object of libharu's table). */
bool pdf_lh_add_ref(HPDF_Doc pdf, HPDF_Dict dict, const char *key, uint32_t number);
/* Raises an error libharu recorded in an internal call (one that does not
 * call the handler itself) through the document's error handler; false if
 * there was one. */
bool pdf_lh_check(HPDF_Doc pdf);

/* --- the document */
HPDF_Dict pdf_lh_catalog(HPDF_Doc pdf);
/* The Info dictionary (created by the first HPDF_SetInfoAttr call). */
HPDF_Dict pdf_lh_info(HPDF_Doc pdf);
/* The trailer's /ID: the same 16 bytes twice. */
bool pdf_lh_set_id(HPDF_Doc pdf, const unsigned char id[16]);

/* --- pages */
/* Appends operators to the page's content stream; HPDF_OK or libharu's error. */
HPDF_STATUS pdf_lh_page_write(HPDF_Page page, const void *data, size_t n);
/* Deflates a finished page's content stream in place; false (the page left
 * to libharu's own filter) when that is not possible. */
bool pdf_lh_page_deflate(HPDF_Page page);

/* --- fonts (a TrueType font libharu loaded with embedding off, for the UTF-8
 * encoder: a Type0 font over a CIDFontType2) */
typedef struct {
    const char *base_font; /* the PostScript name, with the subset tag once set */
    int ascent, descent, flags, italic_angle, stemv;
    HPDF_Box bbox;
} pdf_lh_font_metrics;
/* False when the font has a descriptor already or is no Type0 font. */
bool pdf_lh_font_metrics_of(HPDF_Font font, pdf_lh_font_metrics *m);
/* Prefixes the font's name with a subset tag ("HPDFAA"). */
void pdf_lh_font_set_tag(HPDF_Font font, const char *tag);
/* The glyph libharu's cmap lookup gives a code point (0: none). */
unsigned pdf_lh_font_glyph(HPDF_Font font, unsigned code);
/* Attaches the writer's FontDescriptor and CIDToGIDMap stream to the font
 * (the map is compressed like the font's other streams). */
bool pdf_lh_font_attach(HPDF_Font font, HPDF_Dict descriptor, HPDF_Dict cid_to_gid_map);
/* Replaces libharu's ToUnicode CMap (a cidrange map readers reject) by the
 * text of the writer's, and drops the keys of an encoding CMap. */
bool pdf_lh_font_set_tounicode(HPDF_Font font, const char *cmap_text);

/* --- saving: the whole document into *out (malloc'd) and *len, with the
 * writer's own objects (NULL: none); false (nothing in *out) with libharu's
 * error raised or a message in err. */
bool pdf_lh_save(HPDF_Doc pdf, const pdf_lh_objects *own, unsigned char **out, size_t *len,
                 char *err, size_t err_size);

#endif
