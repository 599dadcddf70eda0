/* pdfwriter.c - replay drawlists into a libharu document, save to memory. */
#include "pdfwriter.h"

#include "arena.h"
#include "pdf_embed.h"
#include "pdf_buf.h"
#include "pdf_libharu.h" /* libharu's public API, and its internals through a door */
#include "pdf_struct.h"
#include "pdf_tounicode.h"
#include "pdf_xmp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    double w_pt, h_pt;
    const drawlist *dl;
    char *title;
} pdf_page;

struct pdf_doc {
    const fontset *fs;
    pdf_info info; /* strings owned */
    pdf_page *pages;
    int n_pages, cap_pages;
    bool require_tags; /* untagged painting items are an error, not tagged here */
};

/* Page content is written straight into the page's content stream, in
 * the form libharu's operator functions write it (HPDF_FToA numbers, one
 * operator a line): those functions clear a 512-byte buffer byte by byte
 * on every call, which was a tenth of the whole build. A path with its
 * fill or stroke stays at page level, so libharu's graphics-mode checks
 * hold. The operators collect in a pdf_buf until they are flushed. */

/* What the page's graphics state holds, so that a colour, line width, text
 * mode or font is written only when it changes (text items no longer need
 * a q/Q pair each). */
typedef struct {
    uint32_t fill_rgb, stroke_rgb; /* NO_RGB: not set yet */
    float line_width_pt;           /* < 0: not set yet */
    bool stroke_text;              /* text rendering mode 2 (fake bold) */
    HPDF_Font font;
    float size_pt;
} page_state;

#define NO_RGB UINT32_MAX

/* State of one render: libharu's error callback records into it. */
typedef struct {
    diags *d;
    const char *step; /* what we were doing, for the message */
    diag_code code;   /* D_FONT while loading fonts, else D_INTERNAL */
    bool failed;
    char *text_buf; /* the current text item in the dense encoding */
    size_t text_cap;
    pdf_buf ops; /* content operators not yet in the page's stream */
    page_state st;
} render_ctx;

enum { BMP_WORDS = 0x10000 / 64 };

/* Text is drawn through a private dense encoding: in each document the k-th
 * distinct character of a face (in code point order) is written as code
 * point PDF_CID_BASE + k, which is also its CID, and the embedded subset's
 * cmap knows only that range (fontset_subset_dense). libharu 2.3.0 maps all
 * 65,536 CIDs through the font's cmap when it embeds a font, scanning the
 * cmap's segments linearly; a real Japanese subset has hundreds of
 * segments, the dense one two. The ToUnicode CMap maps the CIDs back to the
 * real characters for copying and searching. U+0100 keeps clear of ASCII
 * (libharu treats U+0000..U+001F as .notdef and U+0020 as a space) and
 * keeps the CIDToGIDMap short. */

/* One face's characters in a document: a bitmap of the BMP and, per 64-bit
 * word, the number of characters in the words before it, so that a
 * character's rank k is a prefix count plus one popcount. */
typedef struct {
    uint64_t bits[BMP_WORDS];
    uint16_t rank_before[BMP_WORDS];
} face_chars;

static char *dup_or_null(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

pdf_doc *pdfdoc_new(const fontset *fs, const pdf_info *info)
{
    pdf_doc *doc = xcalloc(1, sizeof *doc);
    doc->fs = fs;
    doc->info.title = dup_or_null(info ? info->title : NULL);
    doc->info.author = dup_or_null(info ? info->author : NULL);
    doc->info.subject = dup_or_null(info ? info->subject : NULL);
    doc->info.keywords = dup_or_null(info ? info->keywords : NULL);
    doc->info.creator = dup_or_null(info && info->creator ? info->creator : "aireport");
    doc->info.lang = dup_or_null(info && info->lang ? info->lang : "ja-JP");
    doc->info.created = info ? info->created : 0;
    return doc;
}

void pdfdoc_free(pdf_doc *doc)
{
    if (!doc)
        return;
    for (int i = 0; i < doc->n_pages; i++)
        free(doc->pages[i].title);
    free(doc->pages);
    free((char *)doc->info.title);
    free((char *)doc->info.author);
    free((char *)doc->info.subject);
    free((char *)doc->info.keywords);
    free((char *)doc->info.creator);
    free((char *)doc->info.lang);
    free(doc);
}

void pdfdoc_add_page(pdf_doc *doc, double w_pt, double h_pt, const drawlist *dl,
                     const char *outline_title)
{
    if (doc->n_pages == doc->cap_pages) {
        doc->cap_pages = doc->cap_pages ? doc->cap_pages * 2 : 32;
        doc->pages = xrealloc(doc->pages, sizeof *doc->pages * (size_t)doc->cap_pages);
    }
    doc->pages[doc->n_pages++] = (pdf_page){w_pt, h_pt, dl, dup_or_null(outline_title)};
}

void pdfdoc_require_tags(pdf_doc *doc, bool on)
{
    doc->require_tags = on;
}

static void on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    render_ctx *c = user_data;
    if (!c->failed)
        diag_add(c->d, c->code, "pdf", 0, 0,
                 "libharu error 0x%04X (detail %u) while %s", (unsigned)error_no,
                 (unsigned)detail_no, c->step);
    c->failed = true;
}

/* Marks every character of the document's text in its face's bitmap and
 * checks that the role's font can show it. */
static bool collect_codepoints(const pdf_doc *doc, face_chars *used, bool *face_used, diags *d)
{
    bool ok = true;
    char context[64];
    for (int p = 0; p < doc->n_pages; p++) {
        const drawlist *dl = doc->pages[p].dl;
        snprintf(context, sizeof context, "page %d", p + 1);
        for (int i = 0; i < dl->n; i++) {
            const dl_item *it = &dl->items[i];
            if (it->kind != DL_TEXT || !it->text)
                continue;
            int face = fontset_face_of(doc->fs, it->font);
            if (!fontset_check_coverage(doc->fs, it->font, it->text, context, d))
                ok = false;
            size_t len = strlen(it->text);
            for (size_t k = 0; k < len;) {
                uint32_t c = fontset_utf8_next(it->text, len, &k);
                if (c >= 0x10000) {
                    diag_add(d, D_FONT, context, 0, 0,
                             "character U+%04X in \"%s\" is outside the Basic Multilingual "
                             "Plane, which the PDF font encoding cannot show",
                             (unsigned)c, it->text);
                    ok = false;
                } else if (!fontset_never_drawn(c)) {
                    used[face].bits[c / 64] |= 1ull << (c % 64);
                    face_used[face] = true;
                }
            }
        }
    }
    return ok;
}

/* Lists the face's characters in code point order and fills rank_before. */
static size_t face_chars_list(face_chars *fc, uint32_t *out)
{
    size_t n = 0;
    for (uint32_t w = 0; w < BMP_WORDS; w++) {
        fc->rank_before[w] = (uint16_t)n;
        for (uint64_t b = fc->bits[w]; b; b &= b - 1)
            out[n++] = w * 64 + (uint32_t)__builtin_ctzll(b);
    }
    return n;
}

/* The CID (and dense code point) of a character collected for the face. */
static uint32_t face_chars_cid(const face_chars *fc, uint32_t c)
{
    uint64_t below = fc->bits[c / 64] & ((1ull << (c % 64)) - 1);
    return PDF_CID_BASE + fc->rank_before[c / 64] + (uint32_t)__builtin_popcountll(below);
}

/* libharu 2.3.0 reads fonts only from files: the subset goes through a
 * private temporary file that is removed right after loading. It is loaded
 * for its metrics only (embedding off); embed_font() attaches the bytes. */
static const char *load_subset(HPDF_Doc pdf, const unsigned char *data, size_t n,
                               render_ctx *c)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/aireport-font-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        diag_add(c->d, D_IO_WRITE, path, 0, 0, "cannot create a temporary font file: %s",
                 strerror(errno));
        return NULL;
    }
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(fd, data + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    int err = errno;
    close(fd);
    const char *name = NULL;
    if (done < n) {
        diag_add(c->d, D_IO_WRITE, path, 0, 0, "cannot write a temporary font file: %s",
                 strerror(err));
    } else {
        c->step = "loading the font subset";
        c->code = D_FONT;
        name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_FALSE);
        c->code = D_INTERNAL;
    }
    unlink(path);
    return name;
}

/* The Info dictionary; returns the time it gives as creation and
 * modification date (the XMP metadata repeats it). */
static time_t set_info(HPDF_Doc pdf, const pdf_info *info)
{
    /* The first call creates the Info dictionary; the rest go in as
     * UTF-16BE text strings, which every reader decodes correctly. */
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "aireport");
    const struct {
        const char *key, *value;
    } rows[] = {{"Title", info->title},
                {"Author", info->author},
                {"Subject", info->subject},
                {"Keywords", info->keywords},
                {"Creator", info->creator}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (rows[i].value)
            pdf_lh_add_text(pdf, pdf_lh_info(pdf), rows[i].key, rows[i].value);

    time_t t = info->created;
    struct tm tm;
    gmtime_r(&t, &tm);
    HPDF_Date date = {.year = tm.tm_year + 1900,
                      .month = tm.tm_mon + 1,
                      .day = tm.tm_mday,
                      .hour = tm.tm_hour,
                      .minutes = tm.tm_min,
                      .seconds = tm.tm_sec,
                      .ind = 'Z'};
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    return t;
}

/* The catalog's entries for PDF/UA: /Lang, /ViewerPreferences
 * << /DisplayDocTitle true >> (viewers show the title, not the file name)
 * and the XMP metadata stream, uncompressed so any tool finds it. */
static bool set_catalog(HPDF_Doc pdf, const pdf_info *info, time_t t)
{
    HPDF_Dict catalog = pdf_lh_catalog(pdf);
    const pdf_xmp_fields f = {info->title,   info->author, info->subject,
                              info->keywords, info->creator,
                              HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER), info->lang};
    char *xmp = pdf_xmp_packet(&f, t);
    HPDF_Dict meta = pdf_lh_stream(pdf, xmp, strlen(xmp), false);
    HPDF_Dict prefs = pdf_lh_dict(pdf, false);
    free(xmp);
    return meta && prefs && pdf_lh_add_name(meta, "Type", "Metadata") &&
           pdf_lh_add_name(meta, "Subtype", "XML") && pdf_lh_add(catalog, "Metadata", meta) &&
           pdf_lh_add_ascii(pdf, catalog, "Lang", info->lang) &&
           pdf_lh_add_bool(prefs, "DisplayDocTitle", true) &&
           pdf_lh_add(catalog, "ViewerPreferences", prefs);
}

enum { OPS_NUM_MAX = 24 }; /* room for one HPDF_FToA number and a space */

static void ops_num(pdf_buf *o, double v)
{
    char *start = pdf_buf_reserve(o, OPS_NUM_MAX);
    char *end = pdf_lh_ftoa(start, v, start + OPS_NUM_MAX - 2);
    *end++ = ' ';
    o->len = (size_t)(end - o->buf);
}

static void ops_str(pdf_buf *o, const char *s)
{
    size_t n = strlen(s);
    memcpy(pdf_buf_reserve(o, n), s, n);
    o->len += n;
}

static void ops_rgb(pdf_buf *o, uint32_t rgb, const char *op)
{
    ops_num(o, (float)((rgb >> 16) & 0xFF) / 255.0f);
    ops_num(o, (float)((rgb >> 8) & 0xFF) / 255.0f);
    ops_num(o, (float)(rgb & 0xFF) / 255.0f);
    ops_str(o, op);
}

static void set_fill(render_ctx *c, uint32_t rgb)
{
    if (c->st.fill_rgb != rgb) {
        ops_rgb(&c->ops, rgb, "rg\n");
        c->st.fill_rgb = rgb;
    }
}

static void set_stroke(render_ctx *c, uint32_t rgb, double line_width_pt)
{
    if (c->st.stroke_rgb != rgb) {
        ops_rgb(&c->ops, rgb, "RG\n");
        c->st.stroke_rgb = rgb;
    }
    if (c->st.line_width_pt != (float)line_width_pt) {
        ops_num(&c->ops, line_width_pt);
        ops_str(&c->ops, "w\n");
        c->st.line_width_pt = (float)line_width_pt;
    }
}

/* Hands the collected operators to the page's content stream. */
static void ops_flush(pdf_buf *o, HPDF_Page page, render_ctx *c)
{
    if (o->len == 0)
        return;
    HPDF_STATUS st = pdf_lh_page_write(page, o->buf, o->len);
    if (st != HPDF_OK)
        on_hpdf_error(st, 0, c);
    o->len = 0;
}

/* Path segments with y flipped: drawlists grow downwards, PDF upwards. */
static void ops_path(pdf_buf *o, const dl_item *it, double h_pt)
{
    for (int s = 0; s < it->n_segs; s++) {
        const dl_seg *g = &it->segs[s];
        switch (g->op) {
        case DL_MOVE_TO:
            ops_num(o, g->x[0]);
            ops_num(o, h_pt - g->y[0]);
            ops_str(o, "m\n");
            break;
        case DL_LINE_TO:
            ops_num(o, g->x[0]);
            ops_num(o, h_pt - g->y[0]);
            ops_str(o, "l\n");
            break;
        case DL_CURVE_TO:
            for (int k = 0; k < 3; k++) {
                ops_num(o, g->x[k]);
                ops_num(o, h_pt - g->y[k]);
            }
            ops_str(o, "c\n");
            break;
        case DL_CLOSE:
            ops_str(o, "h\n");
            break;
        }
    }
}

/* Fake bold: the outline stroked in the fill colour thickens each stroke by
 * this fraction of the font size. */
#define FAKE_BOLD_STROKE_EM 0.03

/* The item's text in the face's dense encoding (UTF-8 of PDF_CID_BASE + k),
 * in c->text_buf; characters never drawn are dropped (fontset_never_drawn). */
static const char *dense_text(const char *utf8, const face_chars *fc, render_ctx *c)
{
    size_t len = strlen(utf8);
    /* A character of 1..3 bytes becomes at most 3 (the range stays below U+D800). */
    if (c->text_cap < 3 * len + 1) {
        c->text_cap = 3 * len + 1;
        c->text_buf = xrealloc(c->text_buf, c->text_cap);
    }
    char *o = c->text_buf;
    for (size_t i = 0; i < len;) {
        uint32_t ch = fontset_utf8_next(utf8, len, &i);
        if (fontset_never_drawn(ch) || ch >= 0x10000)
            continue;
        uint32_t cid = face_chars_cid(fc, ch);
        if (cid < 0x800) {
            *o++ = (char)(0xC0 | cid >> 6);
        } else {
            *o++ = (char)(0xE0 | cid >> 12);
            *o++ = (char)(0x80 | (cid >> 6 & 0x3F));
        }
        *o++ = (char)(0x80 | (cid & 0x3F));
    }
    *o = '\0';
    return c->text_buf;
}

static void emit_text(HPDF_Page page, const pdf_doc *doc, const dl_item *it, HPDF_Font font,
                      const face_chars *fc, double h_pt, render_ctx *c)
{
    const char *dense = dense_text(it->text, fc, c);
    if (!*dense)
        return;
    double x = it->x;
    if (it->align != DL_ALIGN_LEFT) {
        double w = fontset_measure(doc->fs, it->font, it->text, strlen(it->text), it->size_pt);
        x -= it->align == DL_ALIGN_CENTER ? w / 2.0 : w;
    }
    bool bold = fontset_fake_bold(doc->fs, it->font);
    pdf_buf *o = &c->ops;
    set_fill(c, it->rgb);
    if (bold)
        set_stroke(c, it->rgb, it->size_pt * FAKE_BOLD_STROKE_EM);
    ops_flush(o, page, c);
    /* Font and text through libharu: it records the font in the page's
     * resources and marks the glyphs used, which decides what is embedded. */
    HPDF_Page_BeginText(page);
    if (c->st.font != font || c->st.size_pt != (float)it->size_pt) {
        HPDF_Page_SetFontAndSize(page, font, (float)it->size_pt);
        c->st.font = font;
        c->st.size_pt = (float)it->size_pt;
    }
    if (c->st.stroke_text != bold) {
        ops_str(o, bold ? "2 Tr\n" : "0 Tr\n");
        c->st.stroke_text = bold;
    }
    /* Right after BT the text matrix is the identity: Td moves to (x, y). */
    ops_num(o, x);
    ops_num(o, h_pt - it->y);
    ops_str(o, "Td\n");
    ops_flush(o, page, c);
    HPDF_Page_ShowText(page, dense);
    HPDF_Page_EndText(page);
}

/* A failure of the structure writer: its own message, or libharu's error
 * raised through the handler. */
static void struct_failed(HPDF_Doc pdf, const pdf_struct *st, render_ctx *c)
{
    if (*pdf_struct_error(st))
        diag_add(c->d, D_INTERNAL, "pdf", 0, 0, "%s", pdf_struct_error(st));
    else if (pdf_lh_check(pdf) && !c->failed)
        diag_add(c->d, D_INTERNAL, "pdf", 0, 0, "libharu failed while %s", c->step);
    c->failed = true;
}

static void emit_page(HPDF_Doc pdf, const pdf_doc *doc, int index, HPDF_Font *fonts,
                      const face_chars *used, pdf_struct *st, render_ctx *c)
{
    const pdf_page *pg = &doc->pages[index];
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(page, (float)pg->w_pt);
    HPDF_Page_SetHeight(page, (float)pg->h_pt);
    pdf_buf *o = &c->ops;
    c->st = (page_state){.fill_rgb = NO_RGB, .stroke_rgb = NO_RGB, .line_width_pt = -1.0f};
    if (!c->failed && !pdf_struct_page_begin(st, page, index, pg->h_pt))
        struct_failed(pdf, st, c);
    for (int i = 0; i < pg->dl->n && !c->failed; i++) {
        const dl_item *it = &pg->dl->items[i];
        if (it->kind == DL_TEXT && (!it->text || !*it->text))
            continue; /* draws nothing: no marked content either */
        /* Marked content before the item; structure items end here. */
        const char *mc = pdf_struct_item(st, it);
        if (!mc) {
            struct_failed(pdf, st, c);
            break;
        }
        ops_str(o, mc);
        switch (it->kind) {
        case DL_FILL:
            set_fill(c, it->rgb);
            ops_path(o, it, pg->h_pt);
            ops_str(o, "f\n");
            break;
        case DL_STROKE:
            set_stroke(c, it->rgb, it->line_width_pt);
            ops_path(o, it, pg->h_pt);
            ops_str(o, "S\n");
            break;
        case DL_TEXT: {
            ops_flush(o, page, c);
            int f = fontset_face_of(doc->fs, it->font);
            emit_text(page, doc, it, fonts[f], &used[f], pg->h_pt, c);
            break;
        }
        default: /* structure items: handled by pdf_struct_item */
            break;
        }
    }
    const char *mc = c->failed ? "" : pdf_struct_page_end(st);
    if (!mc)
        struct_failed(pdf, st, c);
    else
        ops_str(o, mc);
    ops_flush(o, page, c);
    /* The content is complete: compress it now (when that is not possible
     * libharu's own filter, set on the page, still applies). */
    if (!c->failed)
        pdf_lh_page_deflate(page);
    if (pg->title && !c->failed) {
        HPDF_Outline ol = HPDF_CreateOutline(pdf, NULL, "-", NULL);
        if (ol) {
            pdf_lh_add_text(pdf, ol, "Title", pg->title);
            HPDF_Outline_SetDestination(ol, HPDF_Page_CreateDestination(page));
        }
    }
}

/* The structure a tag adds, so that /ID follows the tags too. */
static void hash_tag(pdf_hash *h, const dl_tag *t)
{
    double nums[] = {(double)t->role, (double)t->scope, (double)t->row_span,
                     (double)t->artifact, t->box[0], t->box[1], t->box[2], t->box[3]};
    pdf_hash_bytes(h, nums, sizeof nums);
    if (t->alt)
        pdf_hash_bytes(h, t->alt, strlen(t->alt) + 1);
}

/* A document /ID from the content, so that identical input gives identical
 * bytes (libharu writes none unless encrypting). */
static void set_document_id(HPDF_Doc pdf, const pdf_doc *doc)
{
    pdf_hash h;
    pdf_hash_init(&h);
    const char *strs[] = {doc->info.title, doc->info.author, doc->info.subject,
                          doc->info.keywords};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (strs[i])
            pdf_hash_bytes(&h, strs[i], strlen(strs[i]) + 1);
    for (int p = 0; p < doc->n_pages; p++) {
        const pdf_page *pg = &doc->pages[p];
        pdf_hash_bytes(&h, &pg->w_pt, sizeof pg->w_pt);
        pdf_hash_bytes(&h, &pg->h_pt, sizeof pg->h_pt);
        for (int i = 0; i < pg->dl->n; i++) {
            const dl_item *it = &pg->dl->items[i];
            double nums[] = {it->x, it->y, it->size_pt, it->line_width_pt,
                             (double)it->rgb, (double)it->kind, (double)it->font,
                             (double)it->align};
            pdf_hash_bytes(&h, nums, sizeof nums);
            if (it->text)
                pdf_hash_bytes(&h, it->text, strlen(it->text) + 1);
            if (it->tag)
                hash_tag(&h, it->tag);
            for (int s = 0; s < it->n_segs; s++) {
                double seg[] = {it->segs[s].x[0], it->segs[s].y[0], it->segs[s].x[1],
                                it->segs[s].y[1], it->segs[s].x[2], it->segs[s].y[2],
                                (double)it->segs[s].op};
                pdf_hash_bytes(&h, seg, sizeof seg);
            }
        }
    }
    unsigned char id[16];
    for (int k = 0; k < 16; k++)
        id[k] = (unsigned char)(h.h[k / 8] >> (8 * (k % 8)));
    pdf_lh_set_id(pdf, id);
}

static bool save_to_memory(HPDF_Doc pdf, const pdf_struct *st, unsigned char **out, size_t *len,
                           render_ctx *c)
{
    c->step = "saving the document";
    char err[160] = "";
    if (!c->failed && pdf_lh_save(pdf, pdf_struct_objects(st), out, len, err, sizeof err) &&
        !c->failed)
        return true;
    if (err[0] || !c->failed)
        diag_add(c->d, D_INTERNAL, "pdf", 0, 0, "%s", err[0] ? err : "saving failed");
    free(*out);
    *out = NULL;
    *len = 0;
    return false;
}

/* The pages' structure items follow the drawlist rules (a layout bug
 * otherwise: D_INTERNAL, nothing written). */
static bool check_tags(const pdf_doc *doc, diags *d)
{
    bool ok = true;
    char err[256], context[32];
    for (int p = 0; p < doc->n_pages; p++)
        if (!drawlist_check_tags(doc->pages[p].dl, !doc->require_tags, err, sizeof err)) {
            snprintf(context, sizeof context, "page %d", p + 1);
            diag_add(d, D_INTERNAL, context, 0, 0, "%s", err);
            ok = false;
        }
    return ok;
}

bool pdfdoc_render(pdf_doc *doc, unsigned char **out, size_t *len, diags *d)
{
    *out = NULL;
    *len = 0;
    int n_faces = fontset_face_count(doc->fs);
    face_chars *used = xcalloc((size_t)n_faces, sizeof *used);
    bool *face_used = xcalloc((size_t)n_faces, sizeof *face_used);
    HPDF_Font *fonts = xcalloc((size_t)n_faces, sizeof *fonts);
    uint32_t *cps = xmalloc(sizeof *cps * 0x10000);
    render_ctx c = {.d = d, .step = "creating the document", .code = D_INTERNAL};
    HPDF_Doc pdf = NULL;
    pdf_struct *st = NULL;
    bool ok = check_tags(doc, d) && collect_codepoints(doc, used, face_used, d);
    if (!ok)
        goto cleanup;

    pdf = HPDF_New(on_hpdf_error, &c);
    if (!pdf) {
        diag_add(d, D_INTERNAL, "pdf", 0, 0, "libharu could not create a document");
        ok = false;
        goto cleanup;
    }
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");

    for (int f = 0; f < n_faces && !c.failed; f++) {
        if (!face_used[f])
            continue;
        int before = diags_count(d);
        size_t n = face_chars_list(&used[f], cps), sub_len = 0;
        unsigned char *sub = fontset_subset_dense(doc->fs, f, cps, n, PDF_CID_BASE, &sub_len, d);
        const char *name = sub ? load_subset(pdf, sub, sub_len, &c) : NULL;
        c.step = "selecting the font";
        fonts[f] = name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
        bool embedded = fonts[f] && pdf_fix_tounicode(fonts[f], cps, n) &&
                        pdf_embed_font(pdf, doc->fs, fonts[f], f, sub, sub_len, n);
        free(sub);
        if (!embedded) {
            if (diags_count(d) == before)
                diag_add(d, D_INTERNAL, "pdf", 0, 0, "cannot embed the font subset of %s",
                         name ? name : "(unnamed)");
            ok = false;
            goto cleanup;
        }
    }

    c.step = "writing the document information";
    time_t t = set_info(pdf, &doc->info);
    if (!set_catalog(pdf, &doc->info, t)) {
        pdf_lh_check(pdf);
        if (!c.failed)
            diag_add(d, D_INTERNAL, "pdf", 0, 0, "libharu failed while %s", c.step);
        ok = false;
        goto cleanup;
    }
    set_document_id(pdf, doc);
    c.step = "creating the structure tree";
    st = pdf_struct_new(pdf);
    bool any_title = false;
    for (int p = 0; p < doc->n_pages && !c.failed; p++) {
        char step[64];
        snprintf(step, sizeof step, "drawing page %d", p + 1);
        c.step = step;
        emit_page(pdf, doc, p, fonts, used, st, &c);
        any_title |= doc->pages[p].title != NULL;
    }
    c.step = "finishing the structure tree";
    if (!c.failed && !pdf_struct_finish(st))
        struct_failed(pdf, st, &c);
    c.step = "setting the page mode";
    if (any_title)
        HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    ok = !c.failed && save_to_memory(pdf, st, out, len, &c);

cleanup:
    pdf_struct_free(st);
    if (pdf)
        HPDF_Free(pdf);
    free(c.text_buf);
    free(c.ops.buf);
    free(cps);
    free(fonts);
    free(face_used);
    free(used);
    return ok;
}

const char *pdfdoc_libharu_version(void)
{
    return HPDF_GetVersion();
}
