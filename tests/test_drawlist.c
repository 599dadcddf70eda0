/* test_drawlist.c - the drawlist's structure items: helpers, the dump, and
 * every rule of drawlist_check_tags, each broken once. */
#include "drawlist.h"
#include "harness.h"
#include "tagged_page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char S_err[256];

#define PAGE_W_PT 841.89

static void good_page(drawlist *dl)
{
    tagged_page(dl, PAGE_W_PT, "導入状況。「導入済」852団体。");
}

/* good_page with the items `make` appends inserted before item `at` (and
 * item `at` dropped when `drop`), checked: must fail with a message
 * containing `want` (NULL: must pass). */
typedef void (*mutator)(drawlist *dl);
static void expect(const char *name, mutator make, int at, bool drop, bool allow_untagged,
                   const char *want)
{
    arena *mem = arena_new();
    drawlist src, dl;
    drawlist_init(&src, mem);
    good_page(&src);
    drawlist_init(&dl, mem);
    for (int i = 0; i < src.n; i++) {
        if (i == at) {
            if (make)
                make(&dl);
            if (drop)
                continue;
        }
        *drawlist_add(&dl, src.items[i].kind) = src.items[i];
    }
    if (at >= src.n && make)
        make(&dl);
    S_err[0] = '\0';
    bool ok = drawlist_check_tags(&dl, allow_untagged, S_err, sizeof S_err);
    if (want) {
        if (ok)
            test_fail(__FILE__, __LINE__, "%s: accepted, expected \"%s\"", name, want);
        else if (!strstr(S_err, want))
            test_fail(__FILE__, __LINE__, "%s: message \"%s\" lacks \"%s\"", name, S_err, want);
    } else if (!ok) {
        test_fail(__FILE__, __LINE__, "%s: rejected: %s", name, S_err);
    }
    test_checks++;
    arena_free(mem);
}

static void add_text(drawlist *dl) { dl_text(dl, "x", 0, 0, 9, FONT_GOTHIC, 0, DL_ALIGN_LEFT); }
static void add_end(drawlist *dl) { dl_end(dl); }
static void add_art_end(drawlist *dl) { dl_artifact_end(dl); }
static void add_p(drawlist *dl) { dl_begin(dl, DL_ROLE_P); }
static void add_art(drawlist *dl) { dl_artifact_begin(dl, DL_ART_LAYOUT); }
static void add_figure_no_alt(drawlist *dl)
{
    dl_begin_tag(dl, &(dl_tag){.role = DL_ROLE_FIGURE, .box = {0, 0, 10, 10}});
}
static void add_figure_no_box(drawlist *dl)
{
    dl_begin_tag(dl, &(dl_tag){.role = DL_ROLE_FIGURE, .alt = "図"});
}
static void add_th_no_scope(drawlist *dl) { dl_begin(dl, DL_ROLE_TH); }
static void add_td(drawlist *dl) { dl_begin(dl, DL_ROLE_TD); }
static void add_li(drawlist *dl) { dl_begin(dl, DL_ROLE_LI); }

/* Where things are in good_page: the n-th item of a kind (0-based), the
 * DL_BEGIN of the first element of a role, and the DL_END closing it. */
static int nth(dl_kind kind, int n)
{
    arena *mem = arena_new();
    drawlist dl;
    drawlist_init(&dl, mem);
    good_page(&dl);
    int at = -1;
    for (int i = 0; i < dl.n && at < 0; i++)
        if (dl.items[i].kind == kind && n-- == 0)
            at = i;
    arena_free(mem);
    return at;
}

static int begin_of(dl_role role, bool want_end)
{
    arena *mem = arena_new();
    drawlist dl;
    drawlist_init(&dl, mem);
    good_page(&dl);
    int at = -1, depth = 0;
    for (int i = 0; i < dl.n; i++) {
        const dl_item *it = &dl.items[i];
        if (at < 0 && it->kind == DL_BEGIN && it->tag->role == role) {
            at = i;
            if (!want_end)
                break;
        }
        if (at >= 0 && it->kind == DL_BEGIN)
            depth++;
        if (at >= 0 && it->kind == DL_END && --depth == 0) {
            at = i;
            break;
        }
    }
    arena_free(mem);
    return at;
}

static void test_rules(void)
{
    int first_begin = begin_of(DL_ROLE_H1, false);
    int figure = begin_of(DL_ROLE_FIGURE, false);
    int figure_text = figure + 2; /* after the figure's rect */
    int th_col = begin_of(DL_ROLE_TH, false);
    int last_end = begin_of(DL_ROLE_TABLE, true);
    int footer_end = nth(DL_ARTIFACT_END, 2);
    CHECK(first_begin == 3 && figure > 0 && th_col > figure && last_end > th_col);
    CHECK(footer_end > last_end);

    expect("good page", NULL, -1, false, false, NULL);
    expect("untagged text, strict", add_text, 0, false, false,
           "drawlist item 0: text \"x\" is neither tagged nor an artifact");
    expect("untagged text, allowed", add_text, 0, false, true, NULL);
    expect("end without begin", add_end, 0, false, false, "end without an open element");
    expect("element not closed", NULL, last_end, true, false,
           "1 elements not closed (innermost Table)");
    expect("artifact not closed", NULL, footer_end, true, false, "is not closed");
    expect("artifact end without span", add_art_end, 0, false, false,
           "artifact end without an open span");
    expect("begin inside artifact", add_p, 1, false, false,
           "P begins inside the artifact span of item 0");
    expect("artifact inside artifact", add_art, 1, false, false,
           "artifact span inside the one of item 0");
    expect("artifact inside Figure", add_art, figure_text, false, false,
           "artifact span inside a Figure");
    expect("element inside Figure", add_p, figure_text, false, false, "P begins inside a Figure");
    expect("Figure without alt", add_figure_no_alt, figure, true, false, "Figure without alt text");
    expect("Figure without box", add_figure_no_box, figure, true, false, "Figure without a box");
    expect("TH without scope", add_th_no_scope, th_col, true, false, "TH without scope");
    expect("TD outside TR", add_td, first_begin, false, false, "TD inside no element");
    expect("LI outside L", add_li, first_begin, false, false, "LI inside no element");
    expect("TD in a heading", add_td, first_begin + 1, false, false, "TD inside H1");
    /* text directly in the header row, before its TH */
    expect("text in a TR", add_text, th_col, false, false, "directly inside TR");
    /* allow_untagged does not relax the other rules */
    expect("text in a TR, untagged allowed", add_text, th_col, false, true, "directly inside TR");
}

static void test_dump(void)
{
    arena *mem = arena_new();
    drawlist dl;
    drawlist_init(&dl, mem);
    good_page(&dl);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    drawlist_dump(&dl, f);
    fclose(f);
    CHECK_CONTAINS(buf, "artifact header\nfill #1f3864");
    CHECK_CONTAINS(buf, "artifact end\nbegin H1\ntext");
    CHECK_CONTAINS(buf, "begin Figure alt=\"導入状況。「導入済」852団体。\" box=40.0,140.0,400.0,100.0\n");
    CHECK_CONTAINS(buf, "begin TH scope=column\n");
    CHECK_CONTAINS(buf, "begin TH scope=row rowspan=2\n");
    CHECK_CONTAINS(buf, "begin TD\ntext 190.0 300.0 10.0pt font0 #000000 left \"41\"\nend\nend\n");
    CHECK_CONTAINS(buf, "artifact footer\n");
    free(buf);
    /* the tag (alt text included) is the drawlist's copy */
    char alt[] = "可変";
    dl_begin_tag(&dl, &(dl_tag){.role = DL_ROLE_FIGURE, .alt = alt, .box = {0, 0, 1, 1}});
    alt[0] = 'X';
    CHECK_STR(dl.items[dl.n - 1].tag->alt, "可変");
    CHECK(dl_item_paints(&dl.items[1]) && !dl_item_paints(&dl.items[0]));
    CHECK_STR(dl_role_name(DL_ROLE_LBODY), "LBody");
    CHECK_STR(dl_role_name(DL_ROLE__COUNT), "?");
    arena_free(mem);
}

int main(void)
{
    test_rules();
    test_dump();
    return test_done();
}
