/* test_pdfwriter.c - a 2-page Japanese document rendered to memory.
 *
 * With an argument, also writes the document there (check_pdf_basics.sh
 * runs it that way and inspects the file with poppler and qpdf). */
#include "atomicfile.h"
#include "harness.h"
#include "pdf_tounicode.h" /* white-box: the byte-level pieces */
#include "pdfwriter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    dl_text(p2, "※QommonsAI等の自治体向けサービスを含む。", 40, 560, 9, FONT_GOTHIC, 0x444444,
            DL_ALIGN_LEFT);
}

static bool contains(const unsigned char *buf, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(buf + i, s, k) == 0)
            return true;
    return false;
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

int main(int argc, char **argv)
{
    test_helpers();
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
    CHECK(contains(a, na, "/FontFile2"));
    CHECK(contains(a, na, "/ToUnicode"));
    /* The writer's own embedding: descriptor with the required CapHeight,
     * a CIDToGIDMap stream, streams deflated by the writer. */
    CHECK(contains(a, na, "/CapHeight"));
    CHECK(contains(a, na, "/CIDToGIDMap"));
    CHECK(contains(a, na, "/Filter /FlateDecode"));
    CHECK(contains(a, na, "/Outlines"));
    CHECK(contains(a, na, "/ID ["));
    CHECK(contains(a, na, "/CreationDate (D:20260424"));
    CHECK(!contains(a, na, "/Subtype /Image"));
    /* byte-identical runs */
    CHECK_INT(nb, na);
    CHECK(na == nb && memcmp(a, b, na) == 0);

    if (argc > 1)
        CHECK(write_file_atomic(argv[1], a, na, d));
    free(a);
    free(b);
    pdfdoc_free(doc);

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
