/* test_chart.c - chart geometry read back from the drawlist: proportions,
 * labels, leader lines, containment, errors; and the PNG writer. Sample
 * charts with the real fonts go to aireport-chart-*.png in the test's working
 * folder (the build tree's tests/, so two builds never share a file) for a
 * look. */
#include "chart.h"
#include "numfmt.h"
#include "harness.h"
#include "pngwriter.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* 0.5 x size per ASCII byte, 1.0 x size per other character. */
static double fake_measure(void *ctx, const char *s, double size_pt, font_role font)
{
    (void)ctx;
    (void)font;
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80)
            w += 0.5 * size_pt;
        else if ((*p & 0xC0) != 0x80)
            w += size_pt;
    }
    return w;
}

static const char *const STATUS[6] = {"導入済", "実証中", "導入予定", "導入検討中",
                                      "導入の検討を行った、または実証実験を実施したが導入には至らなかった",
                                      "導入予定もなく、検討もしていない"};
static const uint32_t STATUS_RGB[6] = {0x100000, 0x200000, 0x300000, 0x400000, 0x500000, 0x600000};
static const char *const YEARS[3] = {"令和5年度", "令和6年度", "令和7年度"};

#define TEST_PI 3.14159265358979323846

typedef struct {
    double x0, y0, x1, y1;
} bbox;

/* what item_bbox measures text with: the charts' own measure */
static chart_measure_fn bbox_measure = fake_measure;

static bbox item_bbox(const dl_item *it)
{
    bbox b = {1e300, 1e300, -1e300, -1e300};
    if (it->kind == DL_TEXT) {
        double w = bbox_measure(NULL, it->text, it->size_pt, it->font);
        double l = it->align == DL_ALIGN_LEFT ? it->x
                   : it->align == DL_ALIGN_CENTER ? it->x - w / 2
                                                  : it->x - w;
        return (bbox){l, it->y - 0.88 * it->size_pt, l + w, it->y + 0.12 * it->size_pt};
    }
    for (int s = 0; s < it->n_segs; s++) {
        int n = it->segs[s].op == DL_CURVE_TO ? 3 : it->segs[s].op == DL_CLOSE ? 0 : 1;
        for (int k = 0; k < n; k++) {
            b.x0 = fmin(b.x0, it->segs[s].x[k]);
            b.x1 = fmax(b.x1, it->segs[s].x[k]);
            b.y0 = fmin(b.y0, it->segs[s].y[k]);
            b.y1 = fmax(b.y1, it->segs[s].y[k]);
        }
    }
    return b;
}

static int count_outside(const drawlist *dl, int from, int to, double x, double y, double w, double h)
{
    int bad = 0;
    for (int i = from; i < to; i++) {
        bbox b = item_bbox(&dl->items[i]);
        double tol = dl->items[i].line_width_pt / 2 + 1e-6;
        if (b.x0 < x - tol || b.y0 < y - tol || b.x1 > x + w + tol || b.y1 > y + h + tol) {
            bad++;
            fprintf(stderr, "outside: item %d %s (%.1f,%.1f)-(%.1f,%.1f)\n", i,
                    dl->items[i].text ? dl->items[i].text : "(shape)", b.x0, b.y0, b.x1, b.y1);
        }
    }
    return bad;
}

static const dl_item *find_text(const drawlist *dl, const char *s)
{
    for (int i = 0; i < dl->n; i++)
        if (dl->items[i].kind == DL_TEXT && strcmp(dl->items[i].text, s) == 0)
            return &dl->items[i];
    return NULL;
}

static int find_fills(const drawlist *dl, uint32_t rgb, const dl_item **out, int max)
{
    int n = 0;
    for (int i = 0; i < dl->n; i++)
        if (dl->items[i].kind == DL_FILL && dl->items[i].rgb == rgb && n < max)
            out[n++] = &dl->items[i];
    return n;
}

/* Labels and ticks are formatted by numfmt (the one formatting module). */
static void test_formatting(void)
{
    char b[NUMFMT_MAX];
    CHECK_STR(numfmt_int(b, 1359), "1,359");
    CHECK_STR(numfmt_int(b, 1234567), "1,234,567");
    CHECK_INT(numfmt_pct10(785, 1721), 456);
    CHECK_INT(numfmt_pct10(1, 16), 63); /* 6.25 rounds half up */
    CHECK(chart_nice_step(1359, 5) == 500 || chart_nice_step(1359, 5) == 250);
    CHECK(chart_nice_step(3, 5) == 1);
}

static void test_stacked(arena *mem)
{
    /* rows: R5 都道府県 (two thin neighbours), R6 その他, R7 その他 */
    const double v[18] = {24, 21, 1, 1, 0, 0, 496, 212, 171, 420, 52, 370,
                          785, 206, 265, 259, 38, 168};
    const char *cats[3] = {"令和5年度", "令和6年度", "令和7年度"};
    chart_spec c = {.type = CHART_STACKED100, .x_pt = 20, .y_pt = 30, .w_pt = 800, .h_pt = 300,
                    .n_series = 6, .series = STATUS, .series_rgb = STATUS_RGB, .n_cats = 3,
                    .cats = cats, .values = v};
    drawlist dl;
    drawlist_init(&dl, mem);
    diags *d = diags_new(NULL);
    chart_geom g;
    CHECK(chart_draw_geom(&c, &dl, fake_measure, NULL, d, "p03.ini [chart]", &g));
    CHECK_INT(diags_count(d), 0);

    /* each series' fills: first is the legend swatch, then one per non-zero row */
    const dl_item *f[8];
    double widths[6], sum = 0;
    for (int s = 0; s < 6; s++) {
        int n = find_fills(&dl, STATUS_RGB[s], f, 8);
        CHECK(n >= 2);
        bbox b = item_bbox(f[n - 1]); /* the R7 segment: drawn last */
        widths[s] = b.x1 - b.x0;
        sum += widths[s];
    }
    /* cairo paths are fixed point (1/256 unit): compare to 0.01 pt */
    CHECK(fabs(sum - g.plot_w_pt) < 0.01);
    for (int s = 0; s < 6; s++)
        CHECK(fabs(widths[s] - g.plot_w_pt * v[12 + s] / 1721.0) < 0.01);

    const dl_item *t785 = find_text(&dl, "785");
    CHECK(t785 != NULL);
    CHECK(find_text(&dl, "45.6%") != NULL);
    CHECK(find_text(&dl, "0") == NULL); /* zero segments carry no label */
    CHECK(find_text(&dl, "0（0.0%）") == NULL);

    /* 38 (2.2 %) is too thin: label above the bar with a leader line */
    const dl_item *thin = find_text(&dl, "38（2.2%）");
    CHECK(thin != NULL);
    int n38 = find_fills(&dl, STATUS_RGB[4], f, 8);
    bbox seg = item_bbox(f[n38 - 1]);
    if (thin) {
        CHECK(thin->y < seg.y0); /* above the bar */
        int leaders = 0;
        for (int i = 0; i < dl.n; i++) {
            const dl_item *it = &dl.items[i];
            if (it->kind != DL_STROKE || it->rgb != 0x7F7F7F || it->n_segs != 2)
                continue;
            double x0 = it->segs[0].x[0], y0 = it->segs[0].y[0];
            if (x0 > seg.x0 && x0 < seg.x1 && fabs(y0 - seg.y0) < 0.01 &&
                it->segs[1].y[0] < seg.y0)
                leaders++;
        }
        CHECK_INT(leaders, 1);
    }
    /* the R5 row's two thin neighbours: both outside, not overlapping */
    const dl_item *a = find_text(&dl, "1（2.1%）");
    int n_a = 0;
    const dl_item *pair[2] = {0};
    for (int i = 0; i < dl.n; i++)
        if (dl.items[i].kind == DL_TEXT && strcmp(dl.items[i].text, "1（2.1%）") == 0 && n_a < 2)
            pair[n_a++] = &dl.items[i];
    CHECK(a != NULL);
    CHECK_INT(n_a, 2);
    if (n_a == 2) {
        bbox b0 = item_bbox(pair[0]), b1 = item_bbox(pair[1]);
        bool apart = b0.x1 <= b1.x0 || b1.x1 <= b0.x0 || b0.y1 <= b1.y0 || b1.y1 <= b0.y0;
        CHECK(apart);
    }
    /* legend: every series label, on top of the plot */
    for (int s = 0; s < 6; s++) {
        const dl_item *lt = find_text(&dl, STATUS[s]);
        CHECK(lt != NULL);
        if (lt)
            CHECK(lt->y < g.plot_y_pt);
    }
    /* category labels left of the plot, top to bottom */
    const dl_item *r5 = find_text(&dl, "令和5年度"), *r7 = find_text(&dl, "令和7年度");
    CHECK(r5 && r7 && r5->y < r7->y && r7->x <= g.plot_x_pt);
    CHECK(find_text(&dl, "100%") != NULL); /* gridline ticks */
    CHECK_INT(count_outside(&dl, 0, dl.n, 20, 30, 800, 300), 0);
    /* the bars use the whole box: below the plot only the tick labels
     * (0.5 + 0.85 font sizes) and a small margin, no empty band */
    double below = 30 + 300 - (g.plot_y_pt + g.plot_h_pt);
    CHECK(below >= 8 * 1.35 - 0.01 && below < 8 * 2.5);
    diags_free(d);
}

static void test_stacked_groups(arena *mem)
{
    /* P4: 3 groups x 3 years, headings where the group changes */
    double v[54] = {0};
    const char *cats[9], *groups[9];
    const char *gname[3] = {"都道府県", "指定都市", "その他市区町村"};
    const double rows[9][6] = {{24, 21, 1, 1, 0, 0},      {41, 6, 0, 0, 0, 0},
                               {47, 0, 0, 0, 0, 0},       {8, 10, 1, 1, 0, 0},
                               {18, 2, 0, 0, 0, 0},       {20, 0, 0, 0, 0, 0},
                               {162, 271, 248, 530, 10, 500}, {496, 212, 171, 420, 52, 370},
                               {785, 206, 265, 259, 38, 168}};
    for (int k = 0; k < 9; k++) {
        cats[k] = YEARS[k % 3];
        groups[k] = gname[k / 3];
        memcpy(v + 6 * k, rows[k], sizeof rows[k]);
    }
    chart_spec c = {.type = CHART_STACKED100, .x_pt = 0, .y_pt = 0, .w_pt = 900, .h_pt = 420,
                    .n_series = 6, .series = STATUS, .n_cats = 9, .cats = cats,
                    .cat_groups = groups, .values = v, .legend = CHART_LEGEND_BOTTOM};
    drawlist dl;
    drawlist_init(&dl, mem);
    diags *d = diags_new(stderr);
    CHECK(chart_draw(&c, &dl, fake_measure, NULL, d, "p04.ini [chart]"));
    int heads = 0;
    for (int i = 0; i < dl.n; i++)
        if (dl.items[i].kind == DL_TEXT && dl.items[i].font == FONT_GOTHIC_BOLD)
            heads++;
    CHECK_INT(heads, 3);
    const dl_item *h1 = find_text(&dl, "都道府県"), *h3 = find_text(&dl, "その他市区町村");
    CHECK(h1 && h3 && h1->y < h3->y);
    CHECK(find_text(&dl, "100.0%") != NULL); /* 47 of 47 */
    CHECK_INT(count_outside(&dl, 0, dl.n, 0, 0, 900, 420), 0);
    /* no gridline runs through a group heading: every vertical grey line
     * stays clear of each heading's text band */
    int grid_lines = 0, crossing = 0;
    for (int i = 0; i < dl.n; i++) {
        const dl_item *it = &dl.items[i];
        bool vertical = it->n_segs == 2 && fabs(it->segs[0].x[0] - it->segs[1].x[0]) < 1e-6;
        if (it->kind != DL_STROKE || !vertical || (it->rgb != 0xD9D9D9 && it->rgb != 0x8C8C8C))
            continue;
        grid_lines++;
        double y0 = fmin(it->segs[0].y[0], it->segs[1].y[0]);
        double y1 = fmax(it->segs[0].y[0], it->segs[1].y[0]);
        for (int h = 0; h < 3; h++) {
            const dl_item *ht = find_text(&dl, gname[h]);
            if (ht && y0 < ht->y && y1 > ht->y - 0.88 * ht->size_pt)
                crossing++;
        }
    }
    CHECK_INT(grid_lines, 6 * 3); /* 0 % .. 100 %, once per group */
    CHECK_INT(crossing, 0);
    diags_free(d);
}

static void test_grouped(arena *mem)
{
    const char *cats[4] = {"あいさつ文案の作成", "議事録の要約", "議会の想定問答の文案の作成",
                           "生成AI提供元企業が開発・公開している生成AIツールを活用している"};
    const double v[12] = {500, 875, 1359, 400, 755, 1100, 300, 602, 1000, 100, 200, 0};
    uint32_t rgb[3] = {0xA00000, 0xB00000, 0xC00000};
    chart_spec c = {.type = CHART_GROUPED_BARS, .x_pt = 10, .y_pt = 10, .w_pt = 420,
                    .h_pt = 260, .n_series = 3, .series = YEARS, .series_rgb = rgb, .n_cats = 4,
                    .cats = cats, .values = v};
    drawlist dl;
    drawlist_init(&dl, mem);
    diags *d = diags_new(stderr);
    chart_geom g;
    CHECK(chart_draw_geom(&c, &dl, fake_measure, NULL, d, "p05.ini [chart]", &g));
    CHECK(g.axis_max >= 1359);
    /* bar lengths proportional: length / value = plot_w / axis_max */
    double prev_y = -1;
    for (int k = 0; k < 4; k++)
        for (int s = 0; s < 3; s++) {
            const dl_item *f[8];
            int n = find_fills(&dl, rgb[s], f, 8);
            if (v[k * 3 + s] == 0)
                continue;
            /* fills per colour: legend swatch, then categories in order */
            int idx = 1 + k;
            CHECK(idx < n);
            if (idx >= n)
                continue;
            bbox b = item_bbox(f[idx]);
            CHECK(fabs((b.x1 - b.x0) - g.plot_w_pt * v[k * 3 + s] / g.axis_max) < 0.01);
            CHECK(fabs(b.x0 - g.plot_x_pt) < 0.01);
            CHECK(b.y0 > prev_y); /* order preserved: each bar below the previous */
            prev_y = b.y0;
        }
    CHECK(find_text(&dl, "1,359") != NULL);
    CHECK(find_text(&dl, "875") != NULL);
    CHECK(find_text(&dl, "0") != NULL); /* a zero bar still says so */
    /* the long label is wrapped; no line starts with closing punctuation */
    int wrapped = 0;
    for (int i = 0; i < dl.n; i++) {
        const dl_item *it = &dl.items[i];
        if (it->kind == DL_TEXT && it->align == DL_ALIGN_RIGHT) {
            CHECK(strncmp(it->text, "、", strlen("、")) != 0);
            CHECK(strncmp(it->text, "・", strlen("・")) != 0);
            if (strstr(it->text, "生成AI") == it->text)
                wrapped++;
            CHECK(it->x <= g.plot_x_pt);
        }
    }
    CHECK(wrapped >= 1);
    CHECK(find_text(&dl, cats[3]) == NULL); /* not on one line */
    CHECK_INT(count_outside(&dl, 0, dl.n, 10, 10, 420, 260), 0);
    diags_free(d);
}

/* Shares in % of a base (a prefecture beside the nation): the axis ends at
 * 100 %, not on an empty 120 %; a 100.0 % label goes inside its bar; few
 * categories spread over the whole box. */
static void test_pct_axis(arena *mem)
{
    const char *cats[3] = {"あいさつ文案の作成", "議事録の要約", "計画案の作成"};
    const char *names[2] = {"東京都", "全国"};
    const double v[6] = {100.0, 94.9, 93.0, 88.8, 61.4, 56.3};
    const char *labels[6] = {"100.0%", "94.9%", "93.0%", "88.8%", "61.4%", "56.3%"};
    uint32_t rgb[2] = {0x1F3864, 0x9DC3E6};
    chart_spec c = {.type = CHART_GROUPED_BARS, .x_pt = 10, .y_pt = 10, .w_pt = 600,
                    .h_pt = 300, .n_series = 2, .series = names, .series_rgb = rgb, .n_cats = 3,
                    .cats = cats, .values = v, .value_labels = labels, .pct_axis = true};
    drawlist dl;
    drawlist_init(&dl, mem);
    diags *d = diags_new(stderr);
    chart_geom g;
    CHECK(chart_draw_geom(&c, &dl, fake_measure, NULL, d, "p05.ini [chart]", &g));
    CHECK(fabs(g.axis_max - 100) < 1e-9);
    CHECK(find_text(&dl, "100%") != NULL);
    CHECK(find_text(&dl, "120%") == NULL);
    const dl_item *full = find_text(&dl, "100.0%");
    CHECK(full != NULL);
    if (full) {
        /* inside the full-length bar, white on navy */
        CHECK(full->align == DL_ALIGN_RIGHT);
        CHECK(full->x < g.plot_x_pt + g.plot_w_pt);
        CHECK_INT((int)full->rgb, 0xFFFFFF);
    }
    const dl_item *other = find_text(&dl, "94.9%");
    CHECK(other && other->align == DL_ALIGN_LEFT); /* fits after its bar */
    double below = 10 + 300 - (g.plot_y_pt + g.plot_h_pt);
    CHECK(below < 8 * 2.5); /* no empty band under three categories */
    CHECK_INT(count_outside(&dl, 0, dl.n, 10, 10, 600, 300), 0);

    /* the same values as counts: the axis may pass 100 */
    c.pct_axis = false;
    c.value_labels = NULL;
    drawlist_init(&dl, mem);
    CHECK(chart_draw_geom(&c, &dl, fake_measure, NULL, d, "p05.ini [chart]", &g));
    CHECK(g.axis_max > 100);
    CHECK_INT(diags_count(d), 0);
    diags_free(d);
}

static double norm_angle(double a)
{
    while (a <= 0)
        a += 2 * TEST_PI;
    while (a > 2 * TEST_PI)
        a -= 2 * TEST_PI;
    return a;
}

static void test_donut(arena *mem)
{
    const char *series[3] = {"約款型外部サービスによる利用", "個別契約等", "その他"};
    const uint32_t rgb[3] = {0x0A0000, 0x0B0000, 0x0C0000};
    const double v[3] = {741, 616, 100};
    chart_spec c = {.type = CHART_DONUT, .x_pt = 300, .y_pt = 50, .w_pt = 360, .h_pt = 220,
                    .n_series = 3, .series = series, .series_rgb = rgb, .n_cats = 1, .values = v,
                    .centre_text = "1,457件"};
    drawlist dl;
    drawlist_init(&dl, mem);
    diags *d = diags_new(stderr);
    chart_geom g;
    CHECK(chart_draw_geom(&c, &dl, fake_measure, NULL, d, "p13.ini [chart]", &g));
    double sum = 0;
    for (int s = 0; s < 3; s++) {
        const dl_item *f[2];
        CHECK_INT(find_fills(&dl, rgb[s], f, 2), 1);
        const dl_item *it = f[0];
        /* outer arc: from the MOVE_TO to the point before the first LINE_TO */
        int line = 1;
        while (line < it->n_segs && it->segs[line].op != DL_LINE_TO)
            line++;
        CHECK(line < it->n_segs);
        const dl_seg *end = &it->segs[line - 1];
        double ex = end->op == DL_CURVE_TO ? end->x[2] : end->x[0];
        double ey = end->op == DL_CURVE_TO ? end->y[2] : end->y[0];
        double a0 = atan2(it->segs[0].y[0] - g.cy_pt, it->segs[0].x[0] - g.cx_pt);
        double a1 = atan2(ey - g.cy_pt, ex - g.cx_pt);
        CHECK(fabs(hypot(ex - g.cx_pt, ey - g.cy_pt) - g.r_outer_pt) < 0.01);
        double span = norm_angle(a1 - a0);
        CHECK(fabs(span - 2 * TEST_PI * v[s] / 1457.0) < 1e-3);
        sum += span;
    }
    CHECK(fabs(sum - 2 * TEST_PI) < 1e-3);
    CHECK(find_text(&dl, "741（50.9%）") != NULL);
    CHECK(find_text(&dl, "1,457件") != NULL);
    CHECK(find_text(&dl, "その他") != NULL);
    CHECK_INT(count_outside(&dl, 0, dl.n, 300, 50, 360, 220), 0);

    /* P10 by year: three rings side by side, titled, legend at the bottom */
    const double by_year[9] = {300, 400, 1088, 600, 500, 688, 853, 500, 435};
    chart_spec years = {.type = CHART_DONUT, .x_pt = 0, .y_pt = 0, .w_pt = 840, .h_pt = 260,
                        .n_series = 3, .series = series, .series_rgb = rgb, .n_cats = 3,
                        .cats = YEARS, .values = by_year, .legend = CHART_LEGEND_BOTTOM};
    int from = dl.n;
    CHECK(chart_draw(&years, &dl, fake_measure, NULL, d, "p10.ini [chart]"));
    for (int k = 0; k < 3; k++) {
        const dl_item *t = find_text(&dl, YEARS[k]);
        CHECK(t != NULL);
        if (t)
            CHECK(fabs(t->x - (140 + 280 * k)) < 1e-6);
    }
    const dl_item *f[8];
    CHECK_INT(find_fills(&dl, rgb[2], f, 8), 1 + 1 + 3); /* first donut, swatch, rings */
    CHECK(find_text(&dl, "853（47.7%）") != NULL);
    CHECK_INT(count_outside(&dl, from, dl.n, 0, 0, 840, 260), 0);

    /* P13: one ring, legend at the right of a wide box: ring and legend
     * form one block centred in the box, not a ring in the middle and a
     * legend pinned to the far edge */
    chart_spec wide = c;
    wide.x_pt = 0;
    wide.y_pt = 0;
    wide.w_pt = 900;
    wide.h_pt = 300;
    wide.legend = CHART_LEGEND_RIGHT;
    drawlist_init(&dl, mem);
    CHECK(chart_draw_geom(&wide, &dl, fake_measure, NULL, d, "p13.ini [chart]", &g));
    double x0 = 1e300, x1 = -1e300;
    for (int i = 0; i < dl.n; i++) {
        bbox b = item_bbox(&dl.items[i]);
        x0 = fmin(x0, b.x0);
        x1 = fmax(x1, b.x1);
    }
    CHECK(fabs(x0 - (900 - x1)) < 1.0); /* equal margins left and right */
    CHECK(x0 > 100);                     /* the box was much wider than the block */
    const dl_item *legend_text = find_text(&dl, series[0]);
    const dl_item *right_label = find_text(&dl, "741（50.9%）");
    CHECK(legend_text && right_label);
    if (legend_text && right_label) {
        double gap = legend_text->x - item_bbox(right_label).x1;
        CHECK(gap > 0 && gap < 8 * 5); /* a few font sizes apart */
        CHECK(g.cx_pt > x0 && g.cx_pt < legend_text->x);
    }
    CHECK_INT(count_outside(&dl, 0, dl.n, 0, 0, 900, 300), 0);
    diags_free(d);
}

static void test_errors(arena *mem)
{
    const double v[6] = {1, 2, 3, 4, 5, 6};
    const char *cats[3] = {"令和5年度", "令和6年度", "令和7年度"};
    drawlist dl;
    drawlist_init(&dl, mem);
    dl_text(&dl, "already here", 0, 0, 8, FONT_GOTHIC, 0, DL_ALIGN_LEFT);

    diags *d = diags_new(NULL);
    chart_spec tiny = {.type = CHART_STACKED100, .w_pt = 120, .h_pt = 20, .n_series = 2,
                       .series = STATUS, .n_cats = 3, .cats = cats, .values = v};
    CHECK(!chart_draw(&tiny, &dl, fake_measure, NULL, d, "p03.ini [chart]"));
    CHECK(diags_has(d, D_TEMPLATE) || diags_has(d, D_TEXT_OVERFLOW));
    CHECK_INT(dl.n, 1); /* nothing half-drawn */
    if (diags_kept(d) > 0)
        CHECK_STR(diags_get(d, 0)->file, "p03.ini [chart]");
    diags_free(d);

    d = diags_new(NULL);
    chart_spec none = {.type = CHART_GROUPED_BARS, .w_pt = 300, .h_pt = 200, .n_series = 0,
                       .n_cats = 3, .cats = cats, .values = v};
    CHECK(!chart_draw(&none, &dl, fake_measure, NULL, d, "p05.ini [chart]"));
    CHECK(diags_has(d, D_TEMPLATE));
    diags_free(d);

    d = diags_new(NULL);
    const double neg[3] = {1, -2, 3};
    chart_spec bad = {.type = CHART_BARS, .w_pt = 300, .h_pt = 200, .n_series = 1, .n_cats = 3,
                      .cats = cats, .values = neg};
    CHECK(!chart_draw(&bad, &dl, fake_measure, NULL, d, "p12.ini [chart]"));
    CHECK(diags_has(d, D_TEMPLATE));
    if (diags_kept(d) > 0)
        CHECK_CONTAINS(diags_get(d, 0)->message, "-2");
    diags_free(d);

    d = diags_new(NULL);
    chart_spec small_donut = {.type = CHART_DONUT, .w_pt = 60, .h_pt = 30, .n_series = 2,
                              .series = STATUS, .n_cats = 1, .values = v};
    CHECK(!chart_draw(&small_donut, &dl, fake_measure, NULL, d, "p10.ini [chart]"));
    CHECK(diags_has(d, D_TEMPLATE) || diags_has(d, D_TEXT_OVERFLOW));
    diags_free(d);

    /* many thin neighbours: the labels cannot all fit above a narrow bar */
    d = diags_new(NULL);
    double thin[6] = {1000, 1, 1, 1, 1, 1};
    chart_spec crowd = {.type = CHART_STACKED100, .w_pt = 120, .h_pt = 80, .n_series = 6,
                        .series = STATUS, .n_cats = 1, .cats = cats, .values = thin,
                        .legend = CHART_LEGEND_NONE};
    CHECK(!chart_draw(&crowd, &dl, fake_measure, NULL, d, "p11.ini [chart]"));
    CHECK(diags_has(d, D_TEXT_OVERFLOW));
    CHECK_INT(dl.n, 1);
    diags_free(d);
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void check_png(const char *path, unsigned long w_px, unsigned long h_px)
{
    unsigned char h[24] = {0};
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK_INT(fread(h, 1, sizeof h, f), 24);
    fclose(f);
    CHECK(memcmp(h, "\x89PNG\r\n\x1a\n", 8) == 0);
    CHECK(memcmp(h + 12, "IHDR", 4) == 0);
    CHECK_INT(be32(h + 16), w_px);
    CHECK_INT(be32(h + 20), h_px);
}

/* The deck's charts with the real font metrics, written for a visual check. */
static void test_samples_png(arena *mem)
{
    diags *d = diags_new(stderr);
    drawlist dl;

    /* P3 / P4-like stacked */
    const double p3[18] = {194, 302, 250, 532, 10, 500, 555, 220, 171, 420, 52, 370,
                           852, 206, 265, 259, 38, 168};
    const char *cats[3] = {"令和5年度", "令和6年度", "令和7年度"};
    chart_spec st = {.type = CHART_STACKED100, .x_pt = 20, .y_pt = 20, .w_pt = 880, .h_pt = 300,
                     .n_series = 6, .series = STATUS, .n_cats = 3, .cats = cats, .values = p3,
                     .font_size_pt = 9};
    drawlist_init(&dl, mem);
    CHECK(chart_draw(&st, &dl, png_measure_text, NULL, d, "sample p03"));
    CHECK(drawlist_write_png(&dl, 920, 340, 2.0, "aireport-chart-p03.png", d));
    check_png("aireport-chart-p03.png", 1840, 680);

    /* P4: groups x years, legend at the bottom */
    double p4[54];
    const char *p4cats[9], *p4groups[9];
    const char *gname[3] = {"都道府県", "指定都市", "その他市区町村"};
    const double rows[9][6] = {{24, 21, 1, 1, 0, 0},      {41, 6, 0, 0, 0, 0},
                               {47, 0, 0, 0, 0, 0},       {8, 10, 1, 1, 0, 0},
                               {18, 2, 0, 0, 0, 0},       {20, 0, 0, 0, 0, 0},
                               {162, 271, 248, 530, 10, 500}, {496, 212, 171, 420, 52, 370},
                               {785, 206, 265, 259, 38, 168}};
    for (int k = 0; k < 9; k++) {
        p4cats[k] = YEARS[k % 3];
        p4groups[k] = gname[k / 3];
        memcpy(p4 + 6 * k, rows[k], sizeof rows[k]);
    }
    chart_spec s4 = {.type = CHART_STACKED100, .x_pt = 20, .y_pt = 20, .w_pt = 880, .h_pt = 440,
                     .n_series = 6, .series = STATUS, .n_cats = 9, .cats = p4cats,
                     .cat_groups = p4groups, .values = p4, .legend = CHART_LEGEND_BOTTOM,
                     .font_size_pt = 8};
    drawlist_init(&dl, mem);
    CHECK(chart_draw(&s4, &dl, png_measure_text, NULL, d, "sample p04"));
    CHECK(drawlist_write_png(&dl, 920, 480, 2.0, "aireport-chart-p04.png", d));

    /* P8-like grouped bars */
    const char *q4[6] = {"AI生成物の正確性への懸念がある", "取り組むための人材がない又は不足している",
                         "要機密情報流出の懸念がある", "費用対効果が不明確",
                         "導入コスト・ランニングコストが高い", "その他"};
    const double v4[18] = {950, 1012, 1101, 880, 930, 990, 700, 720, 760,
                           500, 620, 640, 420, 510, 530, 60, 55, 48};
    chart_spec gb = {.type = CHART_GROUPED_BARS, .x_pt = 20, .y_pt = 20, .w_pt = 880,
                     .h_pt = 420, .n_series = 3, .series = YEARS, .n_cats = 6, .cats = q4,
                     .values = v4, .font_size_pt = 9};
    drawlist_init(&dl, mem);
    CHECK(chart_draw(&gb, &dl, png_measure_text, NULL, d, "sample p08"));
    CHECK(drawlist_write_png(&dl, 920, 460, 2.0, "aireport-chart-p08.png", d));

    /* P13-like donut and P19-like two bar charts side by side */
    const char *q8[2] = {"約款型外部サービスによる利用", "個別契約等、約款型外部サービスでない形態による利用"};
    const double v8[2] = {741, 616};
    chart_spec dn = {.type = CHART_DONUT, .x_pt = 20, .y_pt = 20, .w_pt = 560, .h_pt = 300,
                     .n_series = 2, .series = q8, .n_cats = 1, .values = v8,
                     .centre_text = "1,357件", .font_size_pt = 9};
    drawlist_init(&dl, mem);
    CHECK(chart_draw(&dn, &dl, png_measure_text, NULL, d, "sample p13"));
    CHECK(drawlist_write_png(&dl, 600, 340, 2.0, "aireport-chart-p13.png", d));

    const char *q6[3] = {"策定済", "策定中", "未策定"};
    const double v6[9] = {300, 400, 1088, 600, 500, 688, 853, 500, 435};
    chart_spec d3 = {.type = CHART_DONUT, .x_pt = 20, .y_pt = 20, .w_pt = 880, .h_pt = 300,
                     .n_series = 3, .series = q6, .n_cats = 3, .cats = YEARS, .values = v6,
                     .legend = CHART_LEGEND_BOTTOM, .font_size_pt = 9};
    drawlist_init(&dl, mem);
    CHECK(chart_draw(&d3, &dl, png_measure_text, NULL, d, "sample p10"));
    CHECK(drawlist_write_png(&dl, 920, 340, 2.0, "aireport-chart-p10.png", d));

    const char *cost[6] = {"0円", "1円～50万円未満", "50万円～100万円未満", "100万円～500万円未満",
                           "500万円～1,000万円未満", "1,000万円以上"};
    const double c13[6] = {705, 320, 180, 260, 90, 50}, c14[6] = {468, 410, 250, 300, 110, 60};
    chart_spec left = {.type = CHART_BARS, .x_pt = 20, .y_pt = 20, .w_pt = 430, .h_pt = 300,
                       .n_series = 1, .n_cats = 6, .cats = cost, .values = c13, .total = 1605,
                       .label_format = CHART_LABEL_COUNT_PCT, .font_size_pt = 9};
    chart_spec right = left;
    right.x_pt = 470;
    right.values = c14;
    drawlist_init(&dl, mem);
    CHECK(chart_draw(&left, &dl, png_measure_text, NULL, d, "sample p19 left"));
    int split = dl.n;
    CHECK(chart_draw(&right, &dl, png_measure_text, NULL, d, "sample p19 right"));
    CHECK(find_text(&dl, "705（43.9%）") != NULL);
    bbox_measure = png_measure_text;
    CHECK_INT(count_outside(&dl, 0, split, 20, 20, 430, 300), 0);
    CHECK_INT(count_outside(&dl, split, dl.n, 470, 20, 430, 300), 0);
    bbox_measure = fake_measure;
    CHECK(drawlist_write_png(&dl, 920, 340, 2.0, "aireport-chart-p19.png", d));
    CHECK_INT(diags_count(d), 0);
    diags_free(d);

    d = diags_new(NULL);
    CHECK(!drawlist_write_png(&dl, 100, 100, 1.0, "/nonexistent-dir/x.png", d));
    CHECK(diags_has(d, D_IO_WRITE));
    CHECK(!drawlist_write_png(&dl, 0, 100, 1.0, "aireport-chart-zero.png", d));
    CHECK(diags_has(d, D_INTERNAL));
    diags_free(d);
}

/* The alternative text of each chart kind from a literal spec: the labels
 * as printed, the unit after counts, zero values kept, the drawing order. */
static void test_alt_text(arena *mem)
{
    static const char *const series2[2] = {"導入済", "個別契約等、約款型でない利用"};
    static const char *const cats2[2] = {"令和6年度", "令和7年度"};
    static const char *const groups2[2] = {"都道府県", "都道府県"};
    static const double v4[4] = {41, 6, 47, 0};
    static const char *const labels4[4] = {"41\n87.2%", "6\n12.8%", "47\n100.0%", "0\n0.0%"};
    chart_spec st = {.type = CHART_STACKED100, .n_series = 2, .series = series2, .n_cats = 2,
                     .cats = cats2, .cat_groups = groups2, .values = v4, .value_labels = labels4};
    chart_alt_words w = {.title = "団体区分別の導入状況", .scope = "全団体、令和6年度～令和7年度",
                         .unit = "団体"};
    CHECK_STR(chart_alt_text(&st, &w, mem),
              "団体区分別の導入状況。対象は全団体、令和6年度～令和7年度。"
              "都道府県の令和6年度：「導入済」41団体（87.2%）、「個別契約等、約款型でない利用」6団体（12.8%）。"
              "都道府県の令和7年度：「導入済」47団体（100.0%）、「個別契約等、約款型でない利用」0団体（0.0%）。");

    /* grouped: categories are options, series years; counts without labels */
    static const double v6[6] = {560, 875, 1180, 470, 755, 1105};
    static const char *const opts[2] = {"あいさつ文案の作成", "議事録の要約"};
    chart_spec gr = {.type = CHART_GROUPED_BARS, .n_series = 3, .series = YEARS, .n_cats = 2,
                     .cats = opts, .values = v6};
    chart_alt_words wg = {.title = "生成AIの活用事例", .unit = "団体"};
    CHECK_STR(chart_alt_text(&gr, &wg, mem),
              "生成AIの活用事例。「あいさつ文案の作成」：令和5年度560団体、令和6年度875団体、"
              "令和7年度1,180団体。「議事録の要約」：令和5年度470団体、令和6年度755団体、"
              "令和7年度1,105団体。");

    /* bars: one series; percentages keep no unit */
    static const double v3[3] = {40.5, 12, 0};
    static const char *const labels3[3] = {"40.5%", "12.0%", "0.0%"};
    static const char *const opts3[3] = {"A", "B", "C"};
    chart_spec ba = {.type = CHART_BARS, .n_series = 1, .series = YEARS + 2, .n_cats = 3,
                     .cats = opts3, .values = v3, .value_labels = labels3};
    CHECK_STR(chart_alt_text(&ba, &(chart_alt_words){.title = "T", .unit = "件"}, mem),
              "T。「A」40.5%、「B」12.0%、「C」0.0%。");

    /* a single donut ring: the centre text, no category lead */
    static const char *const slices[3] = {"約款型外部サービスによる利用", "個別契約等", "その他"};
    static const double v3d[3] = {741, 616, 386};
    static const char *const labels3d[3] = {"741\n42.5%", "616\n35.3%", "386\n22.1%"};
    chart_spec dn = {.type = CHART_DONUT, .n_series = 3, .series = slices, .n_cats = 1,
                     .values = v3d, .value_labels = labels3d, .centre_text = "計\n1,743件"};
    CHECK_STR(chart_alt_text(&dn, &(chart_alt_words){.title = "契約方法",
                                                      .scope = "利用しているサービスごとの回答、令和7年度",
                                                      .unit = "件"},
                             mem),
              "契約方法。対象は利用しているサービスごとの回答、令和7年度。計1,743件。"
              "「約款型外部サービスによる利用」741件（42.5%）、「個別契約等」616件（35.3%）、"
              "「その他」386件（22.1%）。");
    /* no words at all: the data alone */
    CHECK_STR(chart_alt_text(&ba, NULL, mem), "「A」40.5%、「B」12.0%、「C」0.0%。");
}

int main(void)
{
    arena *mem = arena_new();
    test_formatting();
    test_stacked(mem);
    test_stacked_groups(mem);
    test_grouped(mem);
    test_pct_axis(mem);
    test_donut(mem);
    test_errors(mem);
    test_samples_png(mem);
    test_alt_text(mem);
    arena_free(mem);
    return test_done();
}
