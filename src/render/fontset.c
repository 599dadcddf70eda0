/* fontset.c - fonts.ini, HarfBuzz faces, measurement, coverage, subsets. */
#include "fontset.h"

#include "arena.h"
#include "fileread.h"
#include "inifile.h"

#include <hb-subset.h>
#include <hb.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    char *path;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font; /* scale = units per em, so advances are in font units */
    unsigned upem;
    /* Lookup tables filled at load (read-only afterwards, so threads share
     * them): the nominal glyph of each BMP code point (0 = none) and each
     * glyph's advance in font units. Layout measures every word it breaks;
     * HarfBuzz's cmap lookup per character was 4 % of the whole build. */
    uint16_t *gid_of_bmp;
    int32_t *advance_of_gid;
    unsigned n_glyphs;
} font_face;

struct fontset {
    font_face faces[FONT__COUNT];
    int n_faces;
    int face_of[FONT__COUNT];
    bool fake_bold[FONT__COUNT];
};

static const char *const S_role_section[FONT__COUNT] = {
    [FONT_GOTHIC] = "gothic",
    [FONT_GOTHIC_BOLD] = "gothic-bold",
    [FONT_MINCHO] = "mincho",
};

uint32_t fontset_utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = len - *i;
    uint32_t c = p[0];
    int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || (size_t)n > left) {
        *i += 1;
        return 0xFFFD;
    }
    if (n == 1) {
        *i += 1;
        return c;
    }
    c &= 0x3Fu >> (n - 1);
    for (int k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *i += 1;
            return 0xFFFD;
        }
        c = (c << 6) | (p[k] & 0x3Fu);
    }
    *i += (size_t)n;
    return c;
}

/* Resolves a path from fonts.ini: absolute as is, else relative to the INI. */
static char *resolve_path(const char *ini_path, const char *file)
{
    if (file[0] == '/')
        return xstrdup(file);
    const char *slash = strrchr(ini_path, '/');
    size_t dir_len = slash ? (size_t)(slash - ini_path) + 1 : 0;
    size_t n = dir_len + strlen(file) + 1;
    char *out = xmalloc(n);
    memcpy(out, ini_path, dir_len);
    strcpy(out + dir_len, file);
    return out;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* The first existing candidate among `file` and the `fallback` list. */
static char *find_font_file(const char *ini_path, const char *file, const char *fallback)
{
    if (file && *file) {
        char *p = resolve_path(ini_path, file);
        if (access(p, R_OK) == 0)
            return p;
        free(p);
    }
    if (!fallback || !*fallback)
        return NULL;
    char *list = xstrdup(fallback);
    char *found = NULL;
    for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok && !found;
         tok = strtok_r(NULL, ",", &save)) {
        tok = trim(tok);
        if (!*tok)
            continue;
        char *p = resolve_path(ini_path, tok);
        if (access(p, R_OK) == 0)
            found = p;
        else
            free(p);
    }
    free(list);
    return found;
}

static void fill_tables(font_face *f)
{
    f->gid_of_bmp = xcalloc(0x10000, sizeof *f->gid_of_bmp);
    hb_set_t *mapped = hb_set_create();
    hb_face_collect_unicodes(f->face, mapped);
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(mapped, &cp) && cp < 0x10000;) {
        hb_codepoint_t gid = 0;
        if (hb_font_get_nominal_glyph(f->font, cp, &gid) && gid <= 0xFFFF)
            f->gid_of_bmp[cp] = (uint16_t)gid;
    }
    hb_set_destroy(mapped);
    f->n_glyphs = hb_face_get_glyph_count(f->face);
    hb_codepoint_t *gids = xmalloc(sizeof *gids * f->n_glyphs);
    for (unsigned g = 0; g < f->n_glyphs; g++)
        gids[g] = g;
    f->advance_of_gid = xmalloc(sizeof *f->advance_of_gid * f->n_glyphs);
    hb_font_get_glyph_h_advances(f->font, f->n_glyphs, gids, sizeof *gids, f->advance_of_gid,
                                 sizeof *f->advance_of_gid);
    free(gids);
}

/* The nominal glyph of cp, 0 (.notdef) when the font has none. */
static hb_codepoint_t nominal_glyph(const font_face *f, uint32_t cp)
{
    if (cp < 0x10000)
        return f->gid_of_bmp[cp];
    hb_codepoint_t gid = 0;
    hb_font_get_nominal_glyph(f->font, cp, &gid);
    return gid;
}

static int open_face(fontset *fs, const char *path, diags *d)
{
    for (int i = 0; i < fs->n_faces; i++)
        if (strcmp(fs->faces[i].path, path) == 0)
            return i;
    /* HarfBuzz would read a FIFO or /dev/zero for ever */
    char why[256];
    if (!file_check(path, FILE_LIMIT_FONT, "a TrueType font", why, sizeof why)) {
        diag_add(d, D_FONT, path, 0, 0, "%s", why);
        return -1;
    }
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob) {
        diag_add(d, D_FONT, path, 0, 0, "cannot read the font file");
        return -1;
    }
    hb_face_t *face = hb_face_create(blob, 0);
    unsigned glyphs = hb_face_get_glyph_count(face);
    hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
    unsigned glyf_len = hb_blob_get_length(glyf);
    hb_blob_destroy(glyf);
    if (glyphs == 0 || glyf_len == 0) {
        diag_add(d, D_FONT, path, 0, 0,
                 "not a TrueType font with glyf outlines (%u glyphs); the PDF writer embeds only "
                 "TrueType (.ttf) fonts",
                 glyphs);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        return -1;
    }
    font_face *f = &fs->faces[fs->n_faces];
    f->path = xstrdup(path);
    f->blob = blob;
    f->face = face;
    f->upem = hb_face_get_upem(face);
    f->font = hb_font_create(face);
    hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
    fill_tables(f);
    return fs->n_faces++;
}

fontset *fontset_load(const char *ini_path, diags *d)
{
    /* fonts.ini through the INI reader (inifile.h); its problems fail the
     * fonts like a missing font does (exit 6). */
    arena *mem = arena_new();
    ini_file ini;
    if (!ini_open(&ini, ini_path, D_FONT, mem, d)) {
        arena_free(mem);
        return NULL;
    }
    fontset *fs = xcalloc(1, sizeof *fs);
    bool ok = true;
    char key[64];
    /* Roles with a file of their own first, then same_as references. */
    for (int pass = 0; pass < 2; pass++) {
        for (int r = 0; r < FONT__COUNT; r++) {
            const char *sec = S_role_section[r];
            snprintf(key, sizeof key, "%s:fake_bold", sec);
            fs->fake_bold[r] = iniparser_getboolean(ini.dict, key, 0) != 0;
            if (pass == 0) {
                fs->face_of[r] = -1;
                if (!ini_has_section(&ini, sec)) {
                    diag_add(d, D_CONFIG, ini_path, 0, 0,
                             "no [%s] section; every role (gothic, gothic-bold, mincho) needs one",
                             sec);
                    ok = false;
                    continue;
                }
                const char *file = ini_get(&ini, sec, "file");
                const char *fallback = ini_get(&ini, sec, "fallback");
                file = file ? file : "";
                fallback = fallback ? fallback : "";
                char *path = find_font_file(ini_path, file, fallback);
                if (path) {
                    fs->face_of[r] = open_face(fs, path, d);
                    if (fs->face_of[r] < 0)
                        ok = false;
                    free(path);
                }
                continue;
            }
            if (fs->face_of[r] >= 0 || !ini_has_section(&ini, sec))
                continue;
            const char *same = ini_get(&ini, sec, "same_as");
            same = same ? same : "";
            int target = -1;
            for (int t = 0; t < FONT__COUNT; t++)
                if (strcmp(same, S_role_section[t]) == 0)
                    target = t;
            if (target >= 0 && fs->face_of[target] >= 0) {
                fs->face_of[r] = fs->face_of[target];
                continue;
            }
            const char *file = ini_get(&ini, sec, "file");
            diag_add(d, D_FONT, ini_path, ini_line(&ini, sec, NULL), 0,
                     "[%s]: no font file found (file = \"%s\", fallbacks and same_as = \"%s\" "
                     "tried); install fonts-ipaexfont or point file at a TrueType font",
                     sec, file ? file : "", same);
            ok = false;
        }
    }
    ini_close(&ini);
    arena_free(mem);
    if (!ok) {
        fontset_free(fs);
        return NULL;
    }
    return fs;
}

void fontset_free(fontset *fs)
{
    if (!fs)
        return;
    for (int i = 0; i < fs->n_faces; i++) {
        hb_font_destroy(fs->faces[i].font);
        hb_face_destroy(fs->faces[i].face);
        hb_blob_destroy(fs->faces[i].blob);
        free(fs->faces[i].path);
        free(fs->faces[i].gid_of_bmp);
        free(fs->faces[i].advance_of_gid);
    }
    free(fs);
}

const char *fontset_path(const fontset *fs, font_role role)
{
    return fs->faces[fs->face_of[role]].path;
}

int fontset_face_of(const fontset *fs, font_role role)
{
    return fs->face_of[role];
}

int fontset_face_count(const fontset *fs)
{
    return fs->n_faces;
}

bool fontset_fake_bold(const fontset *fs, font_role role)
{
    return fs->fake_bold[role];
}

/* Advance in font units (scale = upem) of what the PDF shows for cp: the
 * nominal glyph from the cmap, one glyph per character, exactly what the
 * writer draws (.notdef's where the font has none; the coverage check
 * stops such text before it reaches a PDF). Characters the writer drops
 * (fontset_never_drawn) have no width. Shaping each string with HarfBuzz instead
 * was an eighth of the whole build, and could differ from the PDF where
 * it composes or substitutes. */
static int advance_units(const font_face *f, uint32_t cp)
{
    if (fontset_never_drawn(cp))
        return 0;
    hb_codepoint_t gid = nominal_glyph(f, cp);
    return gid < f->n_glyphs ? f->advance_of_gid[gid] : 0;
}

double fontset_measure(const fontset *fs, font_role role, const char *utf8, size_t len,
                       double size_pt)
{
    const font_face *f = &fs->faces[fs->face_of[role]];
    long units = 0;
    for (size_t i = 0; i < len;)
        units += advance_units(f, fontset_utf8_next(utf8, len, &i));
    return (double)units * size_pt / (double)f->upem;
}

void fontset_char_widths(const fontset *fs, font_role role, const char *utf8, size_t len,
                         double size_pt, double *width_at_byte)
{
    for (size_t k = 0; k < len; k++)
        width_at_byte[k] = 0.0;
    const font_face *f = &fs->faces[fs->face_of[role]];
    double scale = size_pt / (double)f->upem;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        width_at_byte[at] = advance_units(f, fontset_utf8_next(utf8, len, &i)) * scale;
    }
}

double fontset_measure_cb(void *ctx, const char *utf8, double size_pt, font_role font)
{
    return fontset_measure(ctx, font, utf8, strlen(utf8), size_pt);
}

bool fontset_has_glyph(const fontset *fs, font_role role, uint32_t codepoint)
{
    return nominal_glyph(&fs->faces[fs->face_of[role]], codepoint) != 0;
}

static int glyph_top_1000em(const font_face *f, uint32_t cp)
{
    hb_codepoint_t gid;
    hb_glyph_extents_t ext;
    if (!hb_font_get_nominal_glyph(f->font, cp, &gid) ||
        !hb_font_get_glyph_extents(f->font, gid, &ext))
        return 0;
    return (int)((long)ext.y_bearing * 1000 / (long)f->upem); /* font units: scale = upem */
}

void fontset_heights_1000em(const fontset *fs, int face, int *cap_height, int *x_height)
{
    *cap_height = glyph_top_1000em(&fs->faces[face], 'H');
    *x_height = glyph_top_1000em(&fs->faces[face], 'x');
}

bool fontset_check_coverage(const fontset *fs, font_role role, const char *utf8,
                            const char *context, diags *d)
{
    bool ok = true;
    size_t len = strlen(utf8);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = fontset_utf8_next(utf8, len, &i);
        if (fontset_never_drawn(cp) || fontset_has_glyph(fs, role, cp))
            continue;
        diag_add(d, D_FONT, context, 0, 0,
                 "character U+%04X \"%.*s\" (byte %zu of \"%s\") has no glyph in %s (role %s); "
                 "change the text or point fonts.ini at a font that has it",
                 (unsigned)cp, (int)(i - at), utf8 + at, at + 1, utf8,
                 fs->faces[fs->face_of[role]].path, S_role_section[role]);
        ok = false;
    }
    return ok;
}

/* HarfBuzz's subset of a face: .notdef plus the glyphs of the code points,
 * glyph ids renumbered and the cmap rewritten to match. NULL with a D_FONT. */
static hb_face_t *subset_face(const font_face *f, const uint32_t *codepoints, size_t n,
                              diags *d)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) {
        diag_add(d, D_FONT, f->path, 0, 0, "cannot set up a font subset");
        return NULL;
    }
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++)
        hb_set_add(unicodes, codepoints[i]);
    /* Keep the hinting tables: libharu 2.3.0 insists on cvt, fpgm and prep.
     * Glyph ids are renumbered (smaller font); libharu reads the subset's own
     * cmap to find each character's glyph. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DEFAULT);
    /* The PDF shows nominal glyphs only (no shaping, horizontal), and
     * libharu embeds only the tables a TrueType rasteriser needs: without
     * the layout and vertical tables HarfBuzz neither subsets them nor pulls
     * in the glyphs their substitutions reach (vertical forms). */
    static const hb_tag_t unused[] = {
        HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('v', 'h', 'e', 'a'),
        HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('g', 'a', 's', 'p'),
    };
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof unused / sizeof unused[0]; i++)
        hb_set_add(drop, unused[i]);
    hb_face_t *sub = hb_subset_or_fail(f->face, in);
    hb_subset_input_destroy(in);
    if (!sub)
        diag_add(d, D_FONT, f->path, 0, 0, "HarfBuzz could not subset the font (%zu characters)",
                 n);
    return sub;
}

/* The font file bytes of a face (malloc'd) or NULL with a D_FONT. */
static unsigned char *face_bytes(hb_face_t *face, const char *path, size_t *out_len, diags *d)
{
    hb_blob_t *blob = hb_face_reference_blob(face);
    unsigned len = 0;
    const char *data = hb_blob_get_data(blob, &len);
    unsigned char *out = NULL;
    if (len > 0) {
        out = xmalloc(len);
        memcpy(out, data, len);
    } else {
        diag_add(d, D_FONT, path, 0, 0, "the font subset came out empty");
    }
    *out_len = len;
    hb_blob_destroy(blob);
    return out;
}

unsigned char *fontset_subset(const fontset *fs, int face, const uint32_t *codepoints, size_t n,
                              size_t *out_len, diags *d)
{
    const font_face *f = &fs->faces[face];
    *out_len = 0;
    hb_face_t *sub = subset_face(f, codepoints, n, d);
    if (!sub)
        return NULL;
    unsigned char *out = face_bytes(sub, f->path, out_len, d);
    hb_face_destroy(sub);
    return out;
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
}

/* A cmap table with one (platform 3, encoding 1) format-4 subtable of two
 * segments: base .. base+n-1 looked up in a glyphIdArray (code point base+k
 * -> gids[k]), and the 0xFFFF terminator the format requires (idDelta 1
 * maps it to glyph 0). libharu 2.3.0 scans the segments linearly for each of
 * the 65,536 CIDs it maps when embedding, so two segments instead of the
 * several hundred of a real Japanese cmap is what makes embedding cheap. */
static hb_blob_t *dense_cmap(const uint16_t *gids, size_t n, uint32_t base)
{
    enum { HEADER = 12, SUB_FIXED = 32 };
    size_t sub_len = SUB_FIXED + 2 * n, len = HEADER + sub_len;
    unsigned char *t = xcalloc(1, len);
    put16(t + 0, 0);       /* version */
    put16(t + 2, 1);       /* one encoding record */
    put16(t + 4, 3);       /* platform: Windows */
    put16(t + 6, 1);       /* encoding: Unicode BMP */
    put16(t + 10, HEADER); /* offset of the subtable (high half stays 0) */
    unsigned char *s = t + HEADER;
    put16(s + 0, 4);                         /* format */
    put16(s + 2, (unsigned)sub_len);         /* length */
    put16(s + 4, 0);                         /* language */
    put16(s + 6, 4);                         /* segCountX2 */
    put16(s + 8, 4);                         /* searchRange = 2 * 2^floor(log2 2) */
    put16(s + 10, 1);                        /* entrySelector */
    put16(s + 12, 0);                        /* rangeShift */
    put16(s + 14, (unsigned)(base + n - 1)); /* endCode[0] */
    put16(s + 16, 0xFFFF);                   /* endCode[1] */
    put16(s + 18, 0);                        /* reservedPad */
    put16(s + 20, base);                     /* startCode[0] */
    put16(s + 22, 0xFFFF);                   /* startCode[1] */
    put16(s + 24, 0);                        /* idDelta[0] */
    put16(s + 26, 1);                        /* idDelta[1]: 0xFFFF + 1 = glyph 0 */
    put16(s + 28, 4);                        /* idRangeOffset[0]: 4 bytes on = glyphIdArray */
    put16(s + 30, 0);                        /* idRangeOffset[1] */
    for (size_t k = 0; k < n; k++)
        put16(s + SUB_FIXED + 2 * k, gids[k]);
    return hb_blob_create((const char *)t, (unsigned)len, HB_MEMORY_MODE_WRITABLE, t, free);
}

unsigned char *fontset_subset_dense(const fontset *fs, int face, const uint32_t *codepoints,
                                    size_t n, uint32_t base, size_t *out_len, diags *d)
{
    const font_face *f = &fs->faces[face];
    *out_len = 0;
    if (n == 0 || n > FONTSET_DENSE_MAX || base < 0x100 || base + n > 0xD800) {
        diag_add(d, D_FONT, f->path, 0, 0,
                 "%zu characters from code point U+%04X do not fit a dense font encoding "
                 "(1 .. %d characters, U+0100 .. U+D7FF)",
                 n, (unsigned)base, FONTSET_DENSE_MAX);
        return NULL;
    }
    hb_face_t *sub = subset_face(f, codepoints, n, d);
    if (!sub)
        return NULL;
    /* The subset is a builder face, which cannot list its tables: serialise
     * it and read it back as an ordinary face. */
    hb_blob_t *sub_blob = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    hb_face_t *plain = hb_face_create(sub_blob, 0);
    hb_font_t *font = hb_font_create(plain);
    uint16_t *gids = xmalloc(sizeof *gids * n);
    for (size_t k = 0; k < n; k++) {
        hb_codepoint_t g = 0; /* a character without a glyph shows .notdef */
        hb_font_get_nominal_glyph(font, codepoints[k], &g);
        gids[k] = (uint16_t)g;
    }
    hb_font_destroy(font);

    /* Every table as HarfBuzz wrote it, except the cmap; the builder writes
     * the table directory (libharu recomputes the checksums anyway). */
    hb_face_t *builder = hb_face_builder_create();
    hb_tag_t tags[64];
    unsigned start = 0, count;
    do {
        count = sizeof tags / sizeof tags[0];
        hb_face_get_table_tags(plain, start, &count, tags);
        for (unsigned i = 0; i < count; i++) {
            hb_tag_t tag = tags[i];
            hb_blob_t *table = tag == HB_TAG('c', 'm', 'a', 'p')
                                   ? dense_cmap(gids, n, base)
                                   : hb_face_reference_table(plain, tag);
            hb_face_builder_add_table(builder, tag, table);
            hb_blob_destroy(table);
        }
        start += count;
    } while (count == sizeof tags / sizeof tags[0]);
    free(gids);
    unsigned char *out = face_bytes(builder, f->path, out_len, d);
    hb_face_destroy(builder);
    hb_face_destroy(plain);
    hb_blob_destroy(sub_blob);
    return out;
}
