/* test_fontset.c - fonts.ini roles, measurement, coverage, subsets. */
#include "fontset.h"
#include "harness.h"

#include <hb.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONTS_INI TEST_FIXTURES "/../fonts/fonts.ini"

static double w(const fontset *fs, font_role r, const char *s, double size)
{
    return fontset_measure(fs, r, s, strlen(s), size);
}

static void test_roles(const fontset *fs)
{
    CHECK_CONTAINS(fontset_path(fs, FONT_GOTHIC), "ipaexg.ttf");
    CHECK_CONTAINS(fontset_path(fs, FONT_MINCHO), "ipaexm.ttf");
    /* IPAex has no bold: the bold role shares the gothic face, stroked */
    CHECK_INT(fontset_face_of(fs, FONT_GOTHIC_BOLD), fontset_face_of(fs, FONT_GOTHIC));
    CHECK(fontset_fake_bold(fs, FONT_GOTHIC_BOLD));
    CHECK(!fontset_fake_bold(fs, FONT_GOTHIC));
    CHECK_INT(fontset_face_count(fs), 2);
}

static void test_measure(const fontset *fs)
{
    /* IPAex kanji and kana are full width: 1 em each */
    CHECK(fabs(w(fs, FONT_GOTHIC, "自治体", 10.0) - 30.0) < 0.01);
    double a = w(fs, FONT_GOTHIC, "生成AI", 12.0), b = w(fs, FONT_GOTHIC, "導入状況", 12.0);
    CHECK(a > 0 && b > 0);
    CHECK(fabs(w(fs, FONT_GOTHIC, "生成AI導入状況", 12.0) - (a + b)) < 0.001);
    /* proportional Latin: narrower than full width, and scales with size */
    double digits = w(fs, FONT_GOTHIC, "1,788", 10.0);
    CHECK(digits > 10.0 && digits < 50.0);
    CHECK(fabs(w(fs, FONT_GOTHIC, "1,788", 20.0) - 2 * digits) < 0.001);
    CHECK(w(fs, FONT_GOTHIC, "", 10.0) == 0.0);
    CHECK(fabs(fontset_measure_cb((void *)fs, "45.6%", 9.0, FONT_MINCHO) -
               w(fs, FONT_MINCHO, "45.6%", 9.0)) < 1e-9);

    double cw[64];
    const char *s = "AI導入";
    fontset_char_widths(fs, FONT_GOTHIC, s, strlen(s), 10.0, cw);
    CHECK(fabs(cw[2] - 10.0) < 0.01); /* 導 starts at byte 2 */
    CHECK(cw[3] == 0.0);              /* continuation byte */
    CHECK(fabs(cw[0] + cw[1] + cw[2] + cw[5] - w(fs, FONT_GOTHIC, s, 10.0)) < 0.001);

    /* One glyph per character, as the PDF draws them: a decomposed が
     * (か + U+3099) is measured as its two characters, not composed, and a
     * control character (dropped by the writer) has no width. */
    double ka = w(fs, FONT_GOTHIC, "か", 10.0), mark = w(fs, FONT_GOTHIC, "\xE3\x82\x99", 10.0);
    CHECK(fabs(w(fs, FONT_GOTHIC, "か\xE3\x82\x99", 10.0) - (ka + mark)) < 1e-9);
    CHECK(fabs(w(fs, FONT_GOTHIC, "自\t治", 10.0) - 20.0) < 0.01);
}

static void test_coverage(const fontset *fs)
{
    diags *d = diags_new(NULL);
    CHECK(fontset_check_coverage(fs, FONT_GOTHIC, "自治体における生成AI導入状況（令和7年度）",
                                 "t", d));
    CHECK_INT(diags_count(d), 0);
    CHECK(!fontset_check_coverage(fs, FONT_GOTHIC, "導入😀済", "layouts/p05.ini [lead]", d));
    CHECK_INT(diags_count(d), 1);
    CHECK(diags_has(d, D_FONT));
    const diag *g = diags_get(d, 0);
    CHECK_CONTAINS(g->message, "U+1F600");
    CHECK_CONTAINS(g->message, "ipaexg.ttf");
    CHECK_STR(g->file, "layouts/p05.ini [lead]");
    CHECK(!fontset_has_glyph(fs, FONT_MINCHO, 0x1F600));
    CHECK(fontset_has_glyph(fs, FONT_MINCHO, 0x3042));
    diags_free(d);
}

static void test_subset(const fontset *fs)
{
    diags *d = diags_new(NULL);
    const uint32_t cps[] = {'1', '7', '8', ',', 0x81EA, 0x6CBB, 0x4F53};
    size_t n = 0;
    unsigned char *sub = fontset_subset(fs, fontset_face_of(fs, FONT_GOTHIC), cps, 7, &n, d);
    CHECK(sub != NULL);
    CHECK(n > 1000 && n < 60000); /* the whole font is 6 MB */
    if (sub) {
        hb_blob_t *blob = hb_blob_create((const char *)sub, (unsigned)n, HB_MEMORY_MODE_READONLY,
                                         NULL, NULL);
        hb_face_t *face = hb_face_create(blob, 0);
        hb_font_t *font = hb_font_create(face);
        hb_codepoint_t gid = 0;
        CHECK(hb_font_get_nominal_glyph(font, 0x81EA, &gid)); /* 自 kept */
        CHECK(!hb_font_get_nominal_glyph(font, 0x3042, &gid)); /* あ dropped */
        /* .notdef + 7, plus at most a few GSUB alternates (vertical forms) */
        CHECK(hb_face_get_glyph_count(face) >= 8 && hb_face_get_glyph_count(face) <= 12);
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
    free(sub);
    CHECK_INT(diags_count(d), 0);
    diags_free(d);
}

/* The dense subset: code point base + k shows the glyph of cps[k], and
 * nothing else is mapped (no real character, nothing past the range). */
static void test_subset_dense(const fontset *fs)
{
    diags *d = diags_new(NULL);
    const uint32_t cps[] = {',', '1', 0x4F53, 0x6CBB, 0x81EA};
    int face = fontset_face_of(fs, FONT_GOTHIC);
    size_t n = 0;
    unsigned char *sub = fontset_subset_dense(fs, face, cps, 5, 0x100, &n, d);
    CHECK(sub != NULL);
    CHECK_INT(diags_count(d), 0);
    if (sub) {
        hb_blob_t *blob = hb_blob_create((const char *)sub, (unsigned)n, HB_MEMORY_MODE_READONLY,
                                         NULL, NULL);
        hb_face_t *face_sub = hb_face_create(blob, 0);
        hb_font_t *font = hb_font_create(face_sub);
        /* Same advance as in the full font: the right glyph, not just any. */
        hb_blob_t *full_blob = hb_blob_create_from_file(fontset_path(fs, FONT_GOTHIC));
        hb_face_t *full_face = hb_face_create(full_blob, 0);
        hb_font_t *full = hb_font_create(full_face);
        for (unsigned k = 0; k < 5; k++) {
            hb_codepoint_t gid = 0, full_gid = 0;
            CHECK(hb_font_get_nominal_glyph(font, 0x100 + k, &gid));
            CHECK(gid != 0);
            CHECK(hb_font_get_nominal_glyph(full, cps[k], &full_gid));
            CHECK_INT(hb_font_get_glyph_h_advance(font, gid),
                      hb_font_get_glyph_h_advance(full, full_gid));
        }
        hb_codepoint_t gid = 0;
        CHECK(!hb_font_get_nominal_glyph(font, 0x81EA, &gid)); /* only the dense range */
        CHECK(!hb_font_get_nominal_glyph(font, 0x105, &gid));
        CHECK(!hb_font_get_nominal_glyph(font, 0xFF, &gid));
        /* 自 (U+81EA) and 体 (U+4F53) are different glyphs. */
        hb_codepoint_t g2 = 0, g4 = 0;
        hb_font_get_nominal_glyph(font, 0x102, &g2);
        hb_font_get_nominal_glyph(font, 0x104, &g4);
        CHECK(g2 != g4);
        hb_font_destroy(full);
        hb_face_destroy(full_face);
        hb_blob_destroy(full_blob);
        hb_font_destroy(font);
        hb_face_destroy(face_sub);
        hb_blob_destroy(blob);
    }
    free(sub);

    /* Ranges that do not fit: a D_FONT, no crash. */
    CHECK(fontset_subset_dense(fs, face, cps, 5, 0x20, &n, d) == NULL);
    CHECK(fontset_subset_dense(fs, face, cps, 0, 0x100, &n, d) == NULL);
    CHECK(fontset_subset_dense(fs, face, cps, 5, 0xD7FE, &n, d) == NULL);
    CHECK_INT(diags_count(d), 3);
    CHECK(diags_has(d, D_FONT));
    diags_free(d);
}

/* FontDescriptor heights from the whole font, in 1/1000 em. */
static void test_heights(const fontset *fs)
{
    int cap = 0, x = 0;
    fontset_heights_1000em(fs, fontset_face_of(fs, FONT_GOTHIC), &cap, &x);
    CHECK(cap > 600 && cap < 800);
    CHECK(x > 400 && x < 600);
    CHECK(cap > x);
}

static void test_bad_config(void)
{
    const char *path = "/tmp/test_fontset_bad.ini";
    FILE *f = fopen(path, "w");
    fputs("[gothic]\nfile = /nonexistent/a.ttf\n[gothic-bold]\nsame_as = gothic\n"
          "[mincho]\nfile = /etc/hostname\n",
          f);
    fclose(f);
    diags *d = diags_new(NULL);
    CHECK(fontset_load(path, d) == NULL);
    CHECK(diags_has(d, D_FONT));
    int found_gothic = 0, found_mincho = 0;
    for (int i = 0; i < diags_kept(d); i++) {
        found_gothic += strstr(diags_get(d, i)->message, "[gothic]") != NULL;
        found_mincho += strstr(diags_get(d, i)->file, "/etc/hostname") != NULL;
    }
    CHECK(found_gothic == 1);
    CHECK(found_mincho == 1);
    diags_free(d);
    remove(path);

    d = diags_new(NULL);
    CHECK(fontset_load("/nonexistent/fonts.ini", d) == NULL);
    CHECK(diags_has(d, D_IO_READ));
    diags_free(d);
}

int main(void)
{
    diags *d = diags_new(stderr);
    fontset *fs = fontset_load(FONTS_INI, d);
    CHECK(fs != NULL);
    CHECK_INT(diags_count(d), 0);
    if (fs) {
        test_roles(fs);
        test_measure(fs);
        test_coverage(fs);
        test_subset(fs);
        test_subset_dense(fs);
        test_heights(fs);
    }
    test_bad_config();
    fontset_free(fs);
    diags_free(d);
    return test_done();
}
