/* test_pdfwriter.c - a 2-page Japanese document rendered to memory, and a
 * tagged one (heading, list, figure, table, footer artifact).
 *
 * With arguments, also writes the documents there (check_pdf_basics.sh runs
 * it that way and inspects the files with poppler and qpdf; the PDF/UA
 * checker reads the tagged one). Keys and content operators are looked up
 * in the file with every deflated stream inflated (the writer deflates page
 * contents and packs dictionaries into compressed object streams). */
#include "atomicfile.h"
#include "harness.h"
#include "pdf_tounicode.h" /* white-box: the byte-level pieces */
#include "pdf_xmp.h"
#include "pdfwriter.h"
#include "tagged_page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#define FONTS_INI TEST_FIXTURES "/../fonts/fonts.ini"

static const pdf_info S_info = {
    .title = "自治体における生成AI導入状況（令和7年度）",
    .author = "総務省 情報流通行政局地域通信振興課",
    .subject = "生成AIの導入状況",
    .keywords = "生成AI, 自治体, 1,788",
    .created = 1777000000, /* 2026-04-24 03:06:40 UTC */
};

/* A4 landscape in pt. */
#define PAGE_W_PT 841.89
#define PAGE_H_PT 595.28

static void build_pages(arena *mem, drawlist *p1, drawlist *p2)
{
    drawlist_init(p1, mem);
    dl_rect(p1, 0, 0, PAGE_W_PT, 60, 0x1F3864, true, 0);
    dl_text(p1, "自治体における生成AI導入状況", 40, 40, 24, FONT_GOTHIC_BOLD, 0xFFFFFF,
            DL_ALIGN_LEFT);
    dl_text(p1, "●回答団体数は1,788団体（回答率100.0%）", 40, 110, 16, FONT_GOTHIC, 0x222222,
            DL_ALIGN_LEFT);
    dl_text(p1, "その他の市区町村では45.6%が導入済", 40, 140, 16, FONT_MINCHO, 0x222222,
            DL_ALIGN_LEFT);
    /* a filled triangle path and a stroked rule */
    dl_item *tri = drawlist_add(p1, DL_FILL);
    tri->rgb = 0x4472C4;
    tri->n_segs = 4;
    tri->segs = ARENA_NEW(mem, dl_seg, 4);
    tri->segs[0] = (dl_seg){DL_MOVE_TO, {100, 0, 0}, {400, 0, 0}};
    tri->segs[1] = (dl_seg){DL_LINE_TO, {300, 0, 0}, {400, 0, 0}};
    tri->segs[2] = (dl_seg){DL_CURVE_TO, {300, 250, 150}, {450, 500, 300}};
    tri->segs[3] = (dl_seg){DL_CLOSE, {0}, {0}};
    dl_line(p1, 40, 560, PAGE_W_PT - 40, 560, 0x888888, 0.5);
    dl_text(p1, "総務省", PAGE_W_PT / 2, 580, 10, FONT_GOTHIC, 0x444444, DL_ALIGN_CENTER);
    dl_text(p1, "1", PAGE_W_PT - 40, 580, 10, FONT_GOTHIC, 0x444444, DL_ALIGN_RIGHT);

    drawlist_init(p2, mem);
    dl_text(p2, "生成AIの導入状況", 40, 50, 20, FONT_GOTHIC_BOLD, 0x1F3864, DL_ALIGN_LEFT);
    dl_rect(p2, 40, 100, 454.4, 30, 0x1F3864, true, 0);
    dl_text(p2, "785団体", 500, 120, 12, FONT_GOTHIC, 0x222222, DL_ALIGN_LEFT);
    /* a byte order mark inside text (pasted from a file): never drawn */
    dl_text(p2, "\xEF\xBB\xBF（令和7年度）", 500, 140, 12, FONT_GOTHIC, 0x222222, DL_ALIGN_LEFT);
    dl_text(p2, "※QommonsAI等の自治体向けサービスを含む。", 40, 560, 9, FONT_GOTHIC, 0x444444,
            DL_ALIGN_LEFT);
}

#define FIGURE_ALT "導入状況の図。「導入済」852団体（47.7%）。"
/* "<FEFF...>": a text string as libharu writes it (hex, UTF-16BE with BOM). */
static char *hex_text(const char *utf8)
{
    size_t n = 0;
    unsigned char *u = pdf_utf16be(utf8, &n);
    char *hex = malloc(2 * n + 3);
    hex[0] = '<';
    for (size_t i = 0; i < n; i++)
        sprintf(hex + 1 + 2 * i, "%02X", u[i]);
    strcpy(hex + 1 + 2 * n, ">");
    free(u);
    return hex;
}

static size_t count(const unsigned char *buf, size_t n, const char *s)
{
    size_t k = strlen(s), c = 0;
    for (size_t i = 0; i + k <= n; i++)
        c += memcmp(buf + i, s, k) == 0;
    return c;
}

static bool contains(const unsigned char *buf, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(buf + i, s, k) == 0)
            return true;
    return false;
}

/* Each of the n strings must be in buf. */
static void check_contains(const unsigned char *buf, size_t n, const char *const *want,
                           size_t n_want, const char *what)
{
    for (size_t i = 0; i < n_want; i++) {
        test_checks++;
        if (!contains(buf, n, want[i]))
            test_fail(__FILE__, __LINE__, "%s lacks \"%s\"", what, want[i]);
    }
}

static const unsigned char *find(const unsigned char *from, const unsigned char *end,
                                 const char *s)
{
    size_t k = strlen(s);
    for (const unsigned char *p = from; p + k <= end; p++)
        if (memcmp(p, s, k) == 0)
            return p;
    return NULL;
}

/* The file followed by the inflated data of every stream that inflates
 * (zlib), so that keys inside object streams and operators inside page
 * contents can be found; malloc'd, *view_n set. */
static unsigned char *inflated_view(const unsigned char *pdf, size_t n, size_t *view_n)
{
    size_t cap = n * 8 + 4096, at = n;
    unsigned char *v = malloc(cap);
    memcpy(v, pdf, n);
    const unsigned char *end = pdf + n, *p = pdf;
    while ((p = find(p, end, "stream")) != NULL) {
        const unsigned char *data = p + 6;
        p = data;
        if (data < end && *data == '\r')
            data++;
        if (data >= end || *data != '\n')
            continue; /* "endstream", or a name */
        data++;
        const unsigned char *stop = find(data, end, "endstream");
        if (!stop)
            break;
        for (;;) {
            uLongf out = (uLongf)(cap - at);
            int rc = uncompress(v + at, &out, data, (uLong)(stop - data));
            if (rc == Z_OK || rc == Z_DATA_ERROR) {
                at += rc == Z_OK ? out : 0;
                break;
            }
            /* Z_BUF_ERROR: room for more; a stream with trailing bytes
             * before endstream also ends here once the room is large */
            if (cap > 64 * n + (1u << 24))
                break;
            cap *= 2;
            v = realloc(v, cap);
        }
        p = stop + 9;
    }
    *view_n = at;
    return v;
}

/* The XMP packet, byte for byte: the expected text is written out here (the
 * layout of ISO 16684-1 with the PDF/UA identification), not produced by
 * the code under test. */
static void test_xmp(void)
{
    const pdf_xmp_fields f = {.title = "自治体における生成AI導入状況 <令和7年度>",
                              .author = "総務省 \"情報流通行政局\"",
                              .subject = "調査 & 結果",
                              .keywords = "生成AI, 自治体's",
                              .creator = "aireport",
                              .producer = "Haru Free PDF Library 2.3.0",
                              .lang = "ja-JP"};
    char *x = pdf_xmp_packet(&f, (time_t)1700000000);
    CHECK_STR(x,
              "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
              "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
              "<rdf:Description rdf:about=\"\"\n"
              " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
              " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
              " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
              " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
              "<dc:format>application/pdf</dc:format>\n"
              "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">自治体における生成AI導入状況 "
              "&lt;令和7年度&gt;</rdf:li></rdf:Alt></dc:title>\n"
              "<dc:creator><rdf:Seq><rdf:li>総務省 &quot;情報流通行政局&quot;</rdf:li></rdf:Seq>"
              "</dc:creator>\n"
              "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">調査 &amp; 結果</rdf:li>"
              "</rdf:Alt></dc:description>\n"
              "<dc:language><rdf:Bag><rdf:li>ja-JP</rdf:li></rdf:Bag></dc:language>\n"
              "<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>\n"
              "<xmp:ModifyDate>2023-11-14T22:13:20Z</xmp:ModifyDate>\n"
              "<xmp:MetadataDate>2023-11-14T22:13:20Z</xmp:MetadataDate>\n"
              "<xmp:CreatorTool>aireport</xmp:CreatorTool>\n"
              "<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>\n"
              "<pdf:Keywords>生成AI, 自治体&#39;s</pdf:Keywords>\n"
              "<pdfuaid:part>1</pdfuaid:part>\n"
              "</rdf:Description>\n"
              "</rdf:RDF>\n"
              "</x:xmpmeta>\n"
              "<?xpacket end=\"r\"?>\n");
    free(x);
    /* missing fields: their elements left out */
    x = pdf_xmp_packet(&(pdf_xmp_fields){.title = "題", .lang = "ja-JP"}, (time_t)0);
    CHECK(strstr(x, "dc:creator") == NULL && strstr(x, "pdf:Keywords") == NULL &&
          strstr(x, "pdf:Producer") == NULL);
    CHECK_CONTAINS(x, "<xmp:CreateDate>1970-01-01T00:00:00Z</xmp:CreateDate>");
    free(x);
}

static void test_helpers(void)
{
    size_t n = 0;
    unsigned char *u = pdf_utf16be("A生😀", &n);
    static const unsigned char want[] = {0xFE, 0xFF, 0x00, 0x41, 0x75, 0x1F,
                                         0xD8, 0x3D, 0xDE, 0x00};
    CHECK_INT(n, sizeof want);
    CHECK(n == sizeof want && memcmp(u, want, n) == 0);
    free(u);

    uint32_t cps[150];
    for (int i = 0; i < 150; i++)
        cps[i] = 0x4E00 + (uint32_t)i;
    char *cmap = pdf_tounicode_cmap(0x100, cps, 150);
    CHECK_CONTAINS(cmap, "100 beginbfchar\n<0100> <4E00>\n");
    CHECK_CONTAINS(cmap, "50 beginbfchar\n<0164> <4E64>\n");
    CHECK_CONTAINS(cmap, "<0195> <4E95>\nendbfchar\nendcmap");
    CHECK(strstr(cmap, "cidrange") == NULL);
    free(cmap);

    /* /ID hash: same input same value; a changed byte, a different split
     * or a longer input changes it. */
    pdf_hash h1, h2, h3, h4;
    pdf_hash_init(&h1);
    pdf_hash_init(&h2);
    pdf_hash_init(&h3);
    pdf_hash_init(&h4);
    pdf_hash_bytes(&h1, "自治体における生成AI", strlen("自治体における生成AI"));
    pdf_hash_bytes(&h2, "自治体における生成AI", strlen("自治体における生成AI"));
    pdf_hash_bytes(&h3, "自治体における生成Ai", strlen("自治体における生成Ai"));
    pdf_hash_bytes(&h4, "自治体における", strlen("自治体における"));
    pdf_hash_bytes(&h4, "生成AI", strlen("生成AI"));
    CHECK(h1.h[0] == h2.h[0] && h1.h[1] == h2.h[1]);
    CHECK(h1.h[0] != h3.h[0] && h1.h[1] != h3.h[1]);
    CHECK(h1.h[0] != h4.h[0] && h1.h[1] != h4.h[1]);
    pdf_hash_bytes(&h2, "", 0);
    CHECK(h1.h[0] != h2.h[0]);
}

/* The tagged document: its structure and marked content; tags required, so
 * an untagged item is refused; broken tags are refused in any case. */
static void test_tagged(const fontset *fs, arena *mem, const char *path, diags *d)
{
    drawlist p1, p2;
    drawlist_init(&p1, mem);
    tagged_page(&p1, PAGE_W_PT, FIGURE_ALT);
    drawlist_init(&p2, mem);
    dl_begin(&p2, DL_ROLE_H2);
    dl_text(&p2, "留意事項", 40, 60, 16, FONT_GOTHIC_BOLD, 0x1F3864, DL_ALIGN_LEFT);
    dl_end(&p2);
    dl_begin(&p2, DL_ROLE_P);
    dl_text(&p2, "※QommonsAI等の自治体向けサービスを含む。", 40, 100, 9, FONT_GOTHIC, 0x444444,
            DL_ALIGN_LEFT);
    dl_end(&p2);
    pdf_doc *doc = pdfdoc_new(fs, &S_info);
    pdfdoc_require_tags(doc, true);
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &p1, "生成AIの導入状況");
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &p2, "留意事項");
    unsigned char *a = NULL;
    size_t na = 0, nv = 0;
    CHECK(pdfdoc_render(doc, &a, &na, d));
    if (a && path)
        CHECK(write_file_atomic(path, a, na, d));
    unsigned char *v = a ? inflated_view(a, na, &nv) : NULL;
    char *alt = hex_text(FIGURE_ALT);
    const char *want[] = {
        "/Type /StructTreeRoot", "/ParentTreeNextKey 2", "/StructParents 0", "/StructParents 1",
        "/S /Document", "/S /Sect", "/S /H1", "/S /L /P", "/S /LI", "/S /Lbl", "/S /LBody",
        "/S /Figure", alt, "/O /Layout", "/Placement /Block",
        /* box 40, 140, 400 x 100 from the top of a 595.28 pt page */
        "/BBox [40 355.28 440 455.28]", "/S /Table", "/S /THead", "/S /TBody", "/S /TR",
        "/S /TH", "/S /TD", "/O /Table", "/Scope /Column", "/Scope /Row", "/RowSpan 2",
        "/MarkInfo", "/Marked true",
        /* content: flat sequences in drawing order, artifacts by kind */
        "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n",
        "EMC\n/H1 <</MCID 0>> BDC\n", "EMC\n/Lbl <</MCID 1>> BDC\n",
        "EMC\n/LBody <</MCID 2>> BDC\n", "EMC\n/Figure <</MCID 5>> BDC\n",
        "EMC\n/TH <</MCID 6>> BDC\n", "EMC\n/TD <</MCID 10>> BDC\n",
        "EMC\n/Artifact BMC\n", "EMC\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n",
        "/H2 <</MCID 0>> BDC\n", "EMC\n/P <</MCID 1>> BDC\n"};
    if (v)
        check_contains(v, nv, want, sizeof want / sizeof want[0], "the tagged document");
    /* the figure's rect and text share one sequence; MCIDs 0..10 on page 1 */
    CHECK(v && count(v, nv, "/Figure <</MCID") == 1);
    CHECK(v && !contains(v, nv, "/MCID 11>>"));
    CHECK(v && count(v, nv, "BDC\n") + count(v, nv, "BMC\n") == count(v, nv, "EMC\n"));
    free(alt);
    free(v);
    free(a);
    pdfdoc_free(doc);

    /* required tags: an untagged item is a layout bug, nothing written */
    diags *d2 = diags_new(NULL);
    drawlist bad;
    drawlist_init(&bad, mem);
    dl_begin(&bad, DL_ROLE_P);
    dl_text(&bad, "導入済", 10, 20, 10, FONT_GOTHIC, 0, DL_ALIGN_LEFT);
    dl_end(&bad);
    dl_text(&bad, "令和7年度", 10, 40, 10, FONT_GOTHIC, 0, DL_ALIGN_LEFT);
    doc = pdfdoc_new(fs, &S_info);
    pdfdoc_require_tags(doc, true);
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &p1, NULL);
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &bad, NULL);
    a = NULL;
    CHECK(!pdfdoc_render(doc, &a, &na, d2));
    CHECK(a == NULL);
    CHECK(diags_has(d2, D_INTERNAL));
    CHECK_STR(diags_get(d2, 0)->file, "page 2");
    CHECK_CONTAINS(diags_get(d2, 0)->message,
                   "drawlist item 3: text \"令和7年度\" is neither tagged nor an artifact");
    pdfdoc_free(doc);
    /* not required: the same page is written (the item becomes a P) ... */
    doc = pdfdoc_new(fs, &S_info);
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &bad, NULL);
    CHECK(pdfdoc_render(doc, &a, &na, d2));
    free(a);
    pdfdoc_free(doc);
    /* ... but an element left open is refused either way */
    dl_begin(&bad, DL_ROLE_P);
    doc = pdfdoc_new(fs, &S_info);
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &bad, NULL);
    a = NULL;
    CHECK(!pdfdoc_render(doc, &a, &na, d2));
    CHECK(a == NULL);
    CHECK_CONTAINS(diags_get(d2, diags_count(d2) - 1)->message, "1 elements not closed");
    pdfdoc_free(doc);
    diags_free(d2);
}

int main(int argc, char **argv)
{
    test_helpers();
    test_xmp();
    diags *d = diags_new(stderr);
    fontset *fs = fontset_load(FONTS_INI, d);
    CHECK(fs != NULL);
    if (!fs)
        return test_done();
    arena *mem = arena_new();
    drawlist p1, p2;
    build_pages(mem, &p1, &p2);

    unsigned char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    pdf_doc *doc = pdfdoc_new(fs, &S_info);
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &p1, "自治体における生成AI導入状況（表紙）");
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &p2, "生成AIの導入状況");
    clock_t t0 = clock();
    CHECK(pdfdoc_render(doc, &a, &na, d));
    double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
    CHECK(pdfdoc_render(doc, &b, &nb, d));
    CHECK_INT(diags_count(d), 0);
    fprintf(stderr, "pdf: %zu bytes in %.1f ms\n", na, ms);

    /* subset fonts: tens of KB; the whole IPAexGothic would add 250 KB+.
     * (Time is printed, not checked: valgrind and sanitizers slow it 100x.) */
    CHECK(na > 1000 && na < 100000);
    CHECK(na >= 8 && memcmp(a, "%PDF-", 5) == 0);
    CHECK(contains(a, na, "%%EOF"));
    size_t nv = 0;
    unsigned char *v = inflated_view(a, na, &nv);
    CHECK(nv > na);
    const char *want[] = {
        "/FontFile2", "/ToUnicode",
        /* the writer's own embedding: descriptor with the required CapHeight,
         * a CIDToGIDMap stream, a CIDSet, streams deflated by the writer */
        "/CapHeight", "/CIDToGIDMap", "/CIDSet", "/Filter /FlateDecode",
        "> <4EE4>", /* 令, drawn after a U+FEFF */
        "/Outlines", "/ID [", "/CreationDate (D:20260424",
        /* PDF/UA at the document level: language, title shown, metadata */
        "/Lang (ja-JP)", "/DisplayDocTitle true", "/Subtype /XML",
        /* untagged drawlists: each run of text one P, paths decoration */
        "/StructTreeRoot", "/S /P /P", "/StructParents 1", "EMC\n/P <</MCID 0>> BDC\n",
        "/Artifact BMC\n", "/Marked true"};
    check_contains(v, nv, want, sizeof want / sizeof want[0], "the untagged document");
    /* the XMP stream is not compressed: found in the file itself, with the
     * date of the Info dictionary */
    const char *want_raw[] = {
        "<pdfuaid:part>1</pdfuaid:part>",
        "<xmp:CreateDate>2026-04-24T03:06:40Z</xmp:CreateDate>",
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
        "自治体における生成AI導入状況（令和7年度）</rdf:li></rdf:Alt></dc:title>",
        "<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>"};
    check_contains(a, na, want_raw, sizeof want_raw / sizeof want_raw[0], "the file");
    CHECK(!contains(v, nv, "/Subtype /Image"));
    /* U+FEFF dropped: no CID maps to it (PDF/UA) */
    CHECK(!contains(v, nv, " <FEFF>"));
    CHECK_INT(count(v, nv, "BDC\n") + count(v, nv, "BMC\n"), count(v, nv, "EMC\n"));
    free(v);
    /* byte-identical runs */
    CHECK_INT(nb, na);
    CHECK(na == nb && memcmp(a, b, na) == 0);

    if (argc > 1)
        CHECK(write_file_atomic(argv[1], a, na, d));
    free(a);
    free(b);
    pdfdoc_free(doc);

    test_tagged(fs, mem, argc > 2 ? argv[2] : NULL, d);

    /* a character without a glyph: no PDF, an error naming the page */
    diags *d2 = diags_new(NULL);
    drawlist bad;
    drawlist_init(&bad, mem);
    dl_text(&bad, "導入😀", 10, 10, 10, FONT_GOTHIC, 0, DL_ALIGN_LEFT);
    doc = pdfdoc_new(fs, &S_info);
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &p1, NULL);
    pdfdoc_add_page(doc, PAGE_W_PT, PAGE_H_PT, &bad, NULL);
    CHECK(!pdfdoc_render(doc, &a, &na, d2));
    CHECK(a == NULL);
    CHECK(diags_has(d2, D_FONT));
    CHECK_STR(diags_get(d2, 0)->file, "page 2");
    CHECK_CONTAINS(diags_get(d2, 0)->message, "U+1F600");
    pdfdoc_free(doc);
    diags_free(d2);

    arena_free(mem);
    fontset_free(fs);
    diags_free(d);
    return test_done();
}
