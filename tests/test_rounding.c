/* test_rounding.c - the rounding policy and the formatting module through
 * the template path:
 *   - largest remainder where half up gives 100.1 (numfmt);
 *   - a stacked100 chart whose half-up shares miss 100.0 gets the rounding
 *     note in its notes block (once, also when the template carries it),
 *     and above the source lines when the page has no notes; with
 *     `rounding = largest_remainder` every bar sums to 100.0 and no note;
 *   - `rounding` validated (bad value, a chart type it does not apply to);
 *   - {deck.edition}: the latest survey year's `published` when the deck
 *     file names none, its own date when it does (a later, revised
 *     edition), an error at load when that date is older than the
 *     publication or not a date; dates and counts with separators printed
 *     by the templates through numfmt (the era boundary: test_numfmt);
 *   - a table cell set smaller, within min_size_pt, rather than a unit of
 *     it broken; two charts of one unit on a page on one scale.
 * Templates are written into a temporary layouts folder beside a copy of
 * the real theme. */
#include "deck.h"
#include "figures.h"
#include "fontset.h"
#include "harness.h"
#include "numfmt.h"
#include "survey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NOTE "※" NOTE_BODY
/* the dump shows the ※ marker and the text after it as two items */
#define NOTE_BODY "割合は四捨五入しており、合計が100%にならないものがある。"

static void test_largest_remainder(void)
{
    /* 5/11, 5/11, 1/11: half up 45.5 + 45.5 + 9.1 = 100.1 */
    long long c[3] = {5, 5, 1};
    int half_up = 0;
    for (int i = 0; i < 3; i++)
        half_up += numfmt_pct10(c[i], 11);
    CHECK_INT(half_up, 1001);
    int p[4]; /* the 4-count case below writes p[3] */
    numfmt_pct10_largest_remainder(c, 3, p);
    CHECK_INT(p[0] + p[1] + p[2], 1000);
    CHECK_INT(p[2], 91);  /* the largest remainder (0.0909…) rounds up */
    CHECK_INT(p[0], 455); /* of the tied 45.45…, the earlier one */
    CHECK_INT(p[1], 454);
    /* 1/3 each: half up 99.9, largest remainder 33.4 + 33.3 + 33.3 */
    long long t[3] = {1, 1, 1};
    numfmt_pct10_largest_remainder(t, 3, p);
    CHECK_INT(p[0], 334);
    CHECK_INT(p[1] + p[2], 666);
    /* exact shares stay exact; zeros stay zero; an empty bar is n/a */
    long long e[4] = {1, 0, 3, 0};
    numfmt_pct10_largest_remainder(e, 4, p);
    CHECK_INT(p[0], 250);
    CHECK_INT(p[1], 0);
    CHECK_INT(p[2], 750);
    long long z[2] = {0, 0};
    numfmt_pct10_largest_remainder(z, 2, p);
    CHECK_INT(p[0], -1);
}

static char DIR[] = "/tmp/test_rounding.XXXXXX";

static void write_text(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", DIR, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = xmalloc((size_t)n + 1);
    s[fread(s, 1, (size_t)n, f)] = '\0';
    fclose(f);
    return s;
}

typedef struct {
    const survey *s;
    const figset *f;
    const fontset *fonts;
} env;

/* Writes deck.ini (with edition; NULL: none) and pages/p.ini (page), loads
 * and dumps the layout. NULL when loading failed; *load_diags: diagnostics
 * reported. */
static char *dump_page(const env *e, const char *edition, const char *page, int *load_diags)
{
    char deck[512];
    snprintf(deck, sizeof deck,
             "[deck]\ntitle = t\nsubject = s\nkeywords = k\nauthor = a\ntheme = theme.ini\n"
             "%s%s%syears_shown = 3\npages = pages/p.ini\n",
             edition ? "edition = " : "", edition ? edition : "", edition ? "\n" : "");
    write_text("deck.ini", deck);
    write_text("pages/p.ini", page);
    diags *d = diags_new(NULL);
    arena *mem = arena_new();
    deck_templates *t = deck_templates_load(DIR, "deck.ini", figures_catalogue(e->f), mem, d);
    *load_diags = diags_kept(d);
    char *out = NULL;
    if (t) {
        size_t len = 0;
        FILE *m = open_memstream(&out, &len);
        if (!deck_dump_layout(t, e->f, e->fonts, m, d))
            CHECK(!"layout failed");
        fclose(m);
    }
    arena_free(mem);
    diags_free(d);
    return out;
}

static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static const char CHART[] =
    "[page]\ntitle = 導入状況\n\n"
    "[chart]\nbox_mm = 12, 30, 314.67, 110\ntype = stacked100\nfigure = P3.status\n"
    "years = shown\nlabels = count_pct\nlegend = top\n%s\n"
    "%s"
    "[source]\nbox_mm = 12, 170, 314.67, 11\ntext = 出典({year.Y.as_of}現在)\nyears = latest\n";

static char *chart_page(const env *e, const char *rounding, const char *notes, int *diags_n)
{
    char page[2048];
    snprintf(page, sizeof page, CHART, rounding, notes);
    return dump_page(e, "2026-04-24", page, diags_n);
}

static void test_rounding_note(const env *e)
{
    int nd;
    const char *notes = "[notes]\nbox_mm = 12, 150, 314.67, 12\ntext1 = ※全団体。\n\n";
    /* the sample's R5 bar: half up 0.6+10.9+16.9+14.0+29.8+28.0 = 100.2 */
    char *half = chart_page(e, "", notes, &nd);
    CHECK_INT(nd, 0);
    CHECK(half != NULL);
    if (half) {
        CHECK_INT(count_of(half, NOTE_BODY), 1);
        CHECK_CONTAINS(half, "10.9%");
        CHECK_CONTAINS(half, "28.0%");
    }
    free(half);

    /* the template already carries it: not twice */
    char *carried = chart_page(e, "",
                               "[notes]\nbox_mm = 12, 150, 314.67, 12\ntext1 = ※全団体。\n"
                               "text2 = " NOTE "\n\n",
                               &nd);
    CHECK(carried && count_of(carried, NOTE_BODY) == 1);
    free(carried);

    /* no notes block: the note goes with the source lines, above them */
    char *no_notes = chart_page(e, "", "", &nd);
    CHECK(no_notes != NULL);
    if (no_notes) {
        CHECK_INT(count_of(no_notes, NOTE_BODY), 1);
        const char *note = strstr(no_notes, NOTE_BODY), *src = strstr(no_notes, "出典(");
        CHECK(note && src && note < src);
    }
    free(no_notes);

    /* largest remainder: every bar adds up, no note; R5 prints 0.6 10.9 16.9
     * 14.0 29.8 27.8 (28.0 loses the two tenths with the smallest remainders) */
    char *lr = chart_page(e, "rounding = largest_remainder", notes, &nd);
    CHECK_INT(nd, 0);
    CHECK(lr != NULL);
    if (lr) {
        CHECK_INT(count_of(lr, NOTE_BODY), 0);
        CHECK_CONTAINS(lr, "全団体。");
    }
    free(lr);

    /* validation */
    char *bad = chart_page(e, "rounding = nearest", notes, &nd);
    CHECK(bad == NULL);
    CHECK(nd > 0);
    free(bad);
    char page[1024];
    snprintf(page, sizeof page,
             "[page]\ntitle = x\n\n[chart]\nbox_mm = 12, 30, 314.67, 110\ntype = bars\n"
             "figure = P12.Q7\nrounding = largest_remainder\n");
    bad = dump_page(e, "2026-04-24", page, &nd);
    CHECK(bad == NULL);
    CHECK(nd > 0);
    free(bad);
}

/* Largest remainder labels of one bar add up to 100.0: read them back from
 * the dump of a one-bar chart (latest year only). */
static void test_lr_sums(const env *e)
{
    int nd;
    char page[2048];
    snprintf(page, sizeof page,
             "[page]\ntitle = t\n\n[chart]\nbox_mm = 12, 30, 314.67, 110\ntype = stacked100\n"
             "figure = P3.status\nyears = latest\nlabels = pct\nlegend = none\n"
             "rounding = largest_remainder\n");
    char *out = dump_page(e, "2026-04-24", page, &nd);
    CHECK(out != NULL);
    if (!out)
        return;
    /* every "N.N%" in the dump's text items is a segment label of the one
     * bar (the Figure's alt text, on its "begin" line, says them again) */
    int sum = 0, n = 0;
    for (const char *p = out; (p = strstr(p, "%")); p++) {
        const char *line = p;
        while (line > out && line[-1] != '\n')
            line--;
        if (strncmp(line, "text ", 5) != 0)
            continue;
        const char *q = p;
        while (q > out && ((q[-1] >= '0' && q[-1] <= '9') || q[-1] == '.'))
            q--;
        const char *dot = memchr(q, '.', (size_t)(p - q));
        if (!dot || p - dot != 2)
            continue; /* tick labels (0%, 20%) have no decimal */
        sum += atoi(q) * 10 + (dot[1] - '0');
        n++;
    }
    CHECK(n >= 5);
    CHECK_INT(sum, 1000);
    free(out);
}

static void test_dates_and_counts(const env *e)
{
    static const char PAGE[] =
        "[page]\ntitle = 日付\n\n[text]\nbox_mm = 12, 30, 200, 40\n"
        "text1 = {deck.edition}\ntext2 = {year.latest.as_of}現在\n"
        "text3 = {P2.answered[latest,全体].base}団体\n";
    int nd;
    /* no edition key: the latest year's published (R7: 2026-04-24) */
    char *data = dump_page(e, NULL, PAGE, &nd);
    CHECK(data != NULL);
    if (data) {
        CHECK_CONTAINS(data, "令和8年4月24日版");
        CHECK_CONTAINS(data, "令和7年10月31日現在");
        CHECK_CONTAINS(data, "1,788団体");
    }
    free(data);
    /* a revised edition after the publication: the deck's own date */
    char *revised = dump_page(e, "2026-05-01", PAGE, &nd);
    CHECK(revised && strstr(revised, "令和8年5月1日版"));
    free(revised);
    char *same = dump_page(e, "2026-04-24", PAGE, &nd);
    CHECK(same && strstr(same, "令和8年4月24日版"));
    free(same);
    /* older than survey.ini's publication: a left-over constant, an error */
    char *stale = dump_page(e, "2026-04-23", PAGE, &nd);
    CHECK(stale == NULL);
    CHECK_INT(nd, 1);
    free(stale);
    /* not a date: a template error at load, no page */
    char *bad = dump_page(e, "2019-02-30", PAGE, &nd);
    CHECK(bad == NULL);
    CHECK(nd > 0);
    free(bad);
}

/* A table cell whose unit cannot fit its column at the table's size is set
 * smaller, within the block's min_size_pt, rather than broken: 「（マクロ、
 * VBA等）」 (a short bracket, one unit) in a 活用事例 column of 11 %. */
static void test_table_cell_shrinks(const env *e)
{
    static const char PAGE[] =
        "[page]\ntitle = 表\n\n[table]\nbox_mm = 12, 30, 314.67, 140\nfigure = P6.cases\n"
        "columns = 活用事例:11, 導入効果:78, 人口規模:11\nfields = use_case, effect, population\n"
        "size_pt = 12\nmin_size_pt = 9\n";
    int nd;
    char *out = dump_page(e, NULL, PAGE, &nd);
    CHECK(out != NULL);
    if (!out)
        return;
    const char *t = strstr(out, "\"（マクロ、VBA等）\"");
    CHECK(t != NULL); /* whole, on a line of its own */
    if (t) {
        const char *line = t;
        while (line > out && line[-1] != '\n')
            line--;
        double x, y, size;
        CHECK(sscanf(line, "text %lf %lf %lfpt", &x, &y, &size) == 3);
        CHECK(size < 12 && size >= 9);
    }
    CHECK(strstr(out, "12.0pt font0 #222222 left \"文章作成業務") != NULL); /* the others: 12 pt */
    free(out);
}

/* The largest tick of the bars charts left and right of x_mid in a dump. */
static void max_ticks(const char *dump, double x_mid, long *left, long *right)
{
    *left = *right = 0;
    for (const char *p = dump; (p = strstr(p, "text ")) != NULL; p++) {
        double x, y, size;
        char quoted[64];
        if (sscanf(p, "text %lf %lf %lfpt font0 #666666 center \"%63[0-9,]\"", &x, &y, &size,
                   quoted) != 4)
            continue;
        long v = 0;
        for (const char *q = quoted; *q; q++)
            if (*q >= '0' && *q <= '9')
                v = v * 10 + (*q - '0');
        long *m = x < x_mid ? left : right;
        if (v > *m)
            *m = v;
    }
}

/* Two charts of one unit on a page share a scale (P19: 導入コスト up to 705,
 * ランニングコスト up to 468, both 件): the same axis, unless they differ
 * in unit (labels). */
static void test_shared_scale(const env *e)
{
    static const char PAGE[] =
        "[page]\ntitle = 費用\n\n"
        "[chart]\nbox_mm = 12, 30, 153, 120\ntype = bars\nfigure = P19.Q13\nyears = latest\n"
        "order = code\nlabels = count\nlegend = none\n\n"
        "[chart2]\nbox_mm = 173.67, 30, 153, 120\ntype = bars\nfigure = P19.Q14\n"
        "years = latest\norder = code\nlabels = %s\nlegend = none\n";
    char page[1024];
    int nd;
    long left, right;
    snprintf(page, sizeof page, PAGE, "count");
    char *out = dump_page(e, NULL, page, &nd);
    CHECK(out != NULL);
    if (out) {
        max_ticks(out, 480, &left, &right);
        CHECK(left >= 705 && left == right);
    }
    free(out);
    snprintf(page, sizeof page, PAGE, "pct"); /* another unit: its own scale */
    out = dump_page(e, NULL, page, &nd);
    CHECK(out != NULL);
    if (out) {
        max_ticks(out, 480, &left, &right);
        CHECK(left >= 705 && right < 705);
    }
    free(out);
}

int main(void)
{
    test_largest_remainder();

    diags *d = diags_new(stderr);
    arena *mem = arena_new();
    survey *s = survey_load(TEST_DATA_DIR, d);
    fontset *fonts = fontset_load(TEST_FIXTURES "/../fonts/fonts.ini", d);
    CHECK(s && fonts);
    CHECK(mkdtemp(DIR) != NULL);
    char pages[300];
    snprintf(pages, sizeof pages, "%s/pages", DIR);
    mkdir(pages, 0777);
    char *theme = read_all(TEST_FIXTURES "/../layouts/theme.ini");
    CHECK(theme != NULL);
    if (s && fonts && theme) {
        write_text("theme.ini", theme);
        env e = {.s = s, .f = figures_compute(s, 0, mem), .fonts = fonts};
        test_rounding_note(&e);
        test_lr_sums(&e);
        test_dates_and_counts(&e);
        test_table_cell_shrinks(&e);
        test_shared_scale(&e);
    }
    free(theme);
    char path[300];
    snprintf(path, sizeof path, "%s/pages/p.ini", DIR);
    unlink(path);
    rmdir(pages);
    const char *files[] = {"deck.ini", "theme.ini"};
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", DIR, files[i]);
        unlink(path);
    }
    rmdir(DIR);
    if (fonts)
        fontset_free(fonts);
    if (s)
        survey_free(s);
    arena_free(mem);
    diags_free(d);
    return test_done();
}
