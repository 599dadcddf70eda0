/* test_template.c - template loading and validation (one bad template per
 * kind of error, each reported as file:line with the right code),
 * placeholder expansion against the sample data, and page layout. */
#include "deck.h"
#include "diag.h"
#include "figures.h"
#include "fontset.h"
#include "harness.h"
#include "layout.h"
#include "placeholder.h"
#include "survey.h"
#include "template.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static survey *S;
static figset *F;
static fontset *FONTS;

typedef struct {
    const char *kind;
    diag_code code;
    const char *file; /* page.ini or theme.ini */
    long line;
    const char *needle;
} bad_case;

static const bad_case BAD[] = {
    {"unknown_key", D_TEMPLATE, "page.ini", 7, "unknown key `colour` in [lead]"},
    {"unknown_section", D_TEMPLATE, "page.ini", 5, "unknown section [leed]"},
    {"missing_key", D_TEMPLATE, "page.ini", 5, "[chart] misses the required key `figure`"},
    {"missing_section", D_TEMPLATE, "page.ini", 0, "missing section [page]"},
    {"unknown_figure", D_TEMPLATE_FIGURE, "page.ini", 8, "P5.Q99"},
    {"unknown_placeholder", D_TEMPLATE, "page.ini", 7, "field `cnt`"},
    {"box_off_page", D_TEMPLATE_BOX, "page.ini", 6, "outside the page area"},
    {"overlap", D_TEMPLATE_BOX, "page.ini", 10, "overlaps the box of [lead] (line 6)"},
    {"bad_number", D_TEMPLATE, "page.ini", 7, "size_pt = `12pt`: expected a number"},
    {"unquoted_hash", D_TEMPLATE, "page.ini", 7, "double quotes"},
    {"bad_colour", D_TEMPLATE, "theme.ini", 7, "`#1F38G4`: expected a colour"},
    {"bad_tag", D_TEMPLATE, "page.ini", 7, "tag = `h3`: expected auto | h1 | h2"},
    {"tag_without_text", D_TEMPLATE, "page.ini", 9, "tag2: [text] has no text2 to tag"},
    {"keytable_row", D_TEMPLATE_FIGURE, "page.ini", 9, "row `P4.status_by_group[町村,1]`"},
    {"keytable_columns", D_TEMPLATE, "page.ini", 7, "expected 8 `header:width%` items"},
    {"small_base_no_compare", D_TEMPLATE, "page.ini", 9, "belong to a chart with compare = nation"},
};

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

/* The first diagnostic with that code, NULL when none. */
static const diag *find_diag(const diags *d, diag_code code)
{
    for (int i = 0; i < diags_kept(d); i++)
        if (diags_get(d, i)->code == code)
            return diags_get(d, i);
    return NULL;
}

static void test_bad_templates(void)
{
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        const bad_case *c = &BAD[i];
        char dir[512];
        snprintf(dir, sizeof dir, "%s/templates/%s", TEST_FIXTURES, c->kind);
        diags *d = diags_new(NULL);
        arena *mem = arena_new();
        deck_templates *t = deck_templates_load(dir, "deck.ini", figures_catalogue(F), mem, d);
        CHECK(t == NULL);
        const diag *g = find_diag(d, c->code);
        CHECK(g != NULL);
        if (g) {
            CHECK(ends_with(g->file, c->file));
            if (g->line != c->line)
                fprintf(stderr, "case %s: %s\n", c->kind, g->message);
            CHECK_INT(g->line, c->line);
            CHECK_CONTAINS(g->message, c->needle);
        } else {
            fprintf(stderr, "case %s: no %s diagnostic\n", c->kind, diag_code_id(c->code));
        }
        CHECK_INT(diags_exit_status(d), EXIT_TEMPLATE);
        arena_free(mem);
        diags_free(d);
    }
}

/* Text that cannot fit is found when the page is laid out, never clipped:
 * no PDF comes out and the message names the file and the block. */
static void test_overflow(void)
{
    diags *d = diags_new(NULL);
    arena *mem = arena_new();
    deck_templates *t = deck_templates_load(TEST_FIXTURES "/templates/overflow", "deck.ini",
                                            figures_catalogue(F), mem, d);
    CHECK(t != NULL);
    CHECK_INT(diags_count(d), 0);
    if (t) {
        unsigned char *pdf = NULL;
        size_t len = 0;
        int pages = -1;
        CHECK(!deck_render(t, F, FONTS, &pdf, &len, &pages, d));
        CHECK(pdf == NULL);
        CHECK_INT(pages, 0);
        const diag *g = find_diag(d, D_TEXT_OVERFLOW);
        CHECK(g != NULL);
        if (g) {
            CHECK(ends_with(g->file, "overflow/page.ini"));
            CHECK_INT(g->line, 5);
            CHECK_CONTAINS(g->message, "[lead]");
            CHECK_CONTAINS(g->message, "does not fit");
        }
    }
    arena_free(mem);
    diags_free(d);
}

static const char *expand(arena *mem, const char *text, int year)
{
    ph_context c = {.f = F, .edition = "2026-04-24", .year = year};
    char err[256];
    return ph_expand(ph_parse(text, mem), &c, mem, err, sizeof err);
}

/* text expanded against one prefecture's figures (the sample in data/) */
static const char *expand_pref(arena *mem, const char *text, int pref)
{
    ph_context c = {.f = figures_compute(S, pref, mem), .nation = F, .year = -1};
    char err[256];
    return ph_expand(ph_parse(text, mem), &c, mem, err, sizeof err);
}

/* top(N) never names one of several tied options as if it alone held the
 * place, names no option nobody chose, and stays short. */
static void test_top_ties(void)
{
    arena *mem = arena_new();
    /* 鳥取県 R7: 17, 16, then 15 and 15 of 18 */
    CHECK_STR(expand_pref(mem, "{P5.Q2[latest,全体].top(3)}", 31),
              "「あいさつ文案の作成」、「議会の想定問答の文案の作成」、「議事録の要約」・「企画書案の作成」"
              "（同率3位）");
    CHECK_STR(expand_pref(mem, "{P5.Q2[latest,全体].top(2)}", 31),
              "「あいさつ文案の作成」、「議会の想定問答の文案の作成」");
    /* 宮城県 R7 services: two tie at 1, three at 3; 「その他」 has their count
     * too but ranks after them (residual), so the tie is whole: no 「など」 */
    CHECK_STR(expand_pref(mem, "{P9.Q5[latest,全体].top(3)}", 4),
              "「QommonsAI」・「自治体AI zevo」（同率1位）、「LoGoAIアシスタント」・「Microsoft "
              "Copilot」・「Gemini」（同率3位）");
    /* 奈良県 R7 services: two tie at 1, more than three at 3; the list stops
     * at N + 2 with 「など」 */
    CHECK_STR(expand_pref(mem, "{P9.Q5[latest,全体].top(3)}", 29),
              "「QommonsAI」・「ChatGPT」（同率1位）、「LoGoAIアシスタント」・「自治体AI zevo」・"
              "「exaBase生成AI for 自治体」など（同率3位）");
    /* 宮城県 R5: no service row was customised */
    CHECK_STR(expand_pref(mem, "{P15.Q10[first,全体].top(2)}", 4), "（回答なし）");
    /* counts(N): the same options with their counts, no place; 団体 for a
     * question answered per body, 件 per service (counted in data/R7 by
     * tests/checks/check_prefs.py's top_text) */
    CHECK_STR(expand_pref(mem, "{P16.Q11[latest,全体].counts(3)}", 31),
              "「マニュアル」（4件）、「議会会議録」・「法令」・「計画」・「例規集」（各2件）");
    CHECK_STR(expand_pref(mem, "{P9.Q5[latest,全体].counts(3)}", 29),
              "「QommonsAI」・「ChatGPT」（各3件）、「LoGoAIアシスタント」・「自治体AI zevo」・"
              "「exaBase生成AI for 自治体」など（各2件）");
    CHECK_STR(expand_pref(mem, "{P12.Q7[latest,全体].counts(2)}", 4),
              "「自治体機密性1に相当する情報」（8団体）、「自治体機密性2Aに相当する情報」・"
              "「自治体機密性2Bに相当する情報」（各5団体）");
    CHECK_STR(expand_pref(mem, "{P15.Q10[first,全体].counts(2)}", 4), "（回答なし）");
    /* a condition on a base and a number: 鳥取県 customised 5 service rows,
     * 東京都 13 */
    const char *small = "{P15.Q10[latest,全体,1].base < 10 ? 件数 : 割合}";
    CHECK_STR(expand_pref(mem, small, 31), "件数");
    CHECK_STR(expand_pref(mem, small, 13), "割合");
    CHECK_STR(expand_pref(mem, "{10 > P15.Q10[latest,全体,1].base ? 件数 : 割合}", 31), "件数");
    arena_free(mem);
}

static void test_placeholders(void)
{
    arena *mem = arena_new();
    CHECK_STR(expand(mem, "{P2.answered[latest,全体].count}団体", -1), "1,788団体");
    CHECK_STR(expand(mem, "{P2.answered[latest,全体].pct0}%", -1), "100%");
    CHECK_STR(expand(mem, "{P2.detail[latest,全体].base}/{P2.detail[latest,全体].count}", -1),
              "1,323/1,244");
    CHECK_STR(expand(mem, "{P2.detail[latest,全体].pct}", -1), "94.0");
    CHECK_STR(expand(mem, "{P2.detail[latest-1,全体].pct}", -1), "95.5");
    CHECK_STR(expand(mem, "{P4.status_by_group[latest,その他市区町村,1].pct}", -1), "45.6");
    CHECK_STR(expand(mem, "{P4.status_by_group[latest,その他市区町村,1].pct0}", -1), "46");
    CHECK_STR(expand(mem, "{P10.Q6[latest,全体,1].count}", -1), "853");
    CHECK_STR(expand(mem, "{P12.Q7[latest,全体,#1].short}:{P12.Q7[latest,全体,#1].count}", -1),
              "機密性1:654");
    CHECK_STR(expand(mem, "{P5.Q2[latest,全体].top(2)}", -1),
              "「あいさつ文案の作成」、「議事録の要約」");
    CHECK_STR(expand(mem, "{P6.hours_after[latest,-,1].count}時間（{P6.reduction[latest,-,1].pct0}%）",
                     -1),
              "51時間（73%）");
    CHECK_STR(expand(mem, "{P6.cases[latest,-,1].man}", -1), "5.1万人");
    CHECK_STR(expand(mem, "{year.latest.label} {year.latest.as_of}", -1),
              "令和7年度 令和7年10月31日");
    CHECK_STR(expand(mem, "{year.Y.as_of}", 0), "令和5年12月31日");
    CHECK_STR(expand(mem, "{year.first.label}", -1), "令和5年度");
    CHECK_STR(expand(mem, "{deck.edition}", -1), "令和8年4月24日版");
    CHECK_STR(expand(mem, "{{literal}", -1), "{literal}");
    /* 上位N位: how many of the top-ranked services are 自治体向け (codes 1-4) */
    CHECK_STR(expand(mem, "上位{P9.Q5[latest,全体].lead(1,2,3,4)}位", -1), "上位4位");
    CHECK_STR(expand(mem, "{P9.Q5[latest,全体].lead(2, 1, 9)}", -1), "2");
    CHECK(expand(mem, "{P9.Q5[latest,全体].lead(5,6)}", -1) == NULL); /* rank 1 is code 1 */
    CHECK(expand(mem, "{P9.Q5[latest,全体].lead()}", -1) == NULL);
    CHECK(expand(mem, "{P9.Q5[latest,全体].lead(x)}", -1) == NULL);
    /* wording that follows the data: 853 策定済 against 560 未策定 */
    CHECK_STR(expand(mem, "{P10.Q6[latest,全体,1] > P10.Q6[latest,全体,3] ? 上回った : 下回った}",
                     -1),
              "上回った");
    CHECK_STR(expand(mem, "{P10.Q6[latest,全体,3] > P10.Q6[latest,全体,1] ? 上回った : 下回った}",
                     -1),
              "下回った");
    CHECK_STR(expand(mem, "{P10.Q6[latest,全体,#1] == P10.Q6[latest,全体,1] ? 策定済 : 他}", -1),
              "策定済");
    CHECK_STR(expand(mem, "{P3.status[latest,全体,1] >= P3.status[latest-2,全体,1] ? 増加 : 減少}",
                     -1),
              "増加");
    /* the join rule: neighbours that print alike are named together
     * (R7: 100 %, 100 %, 45.6 %; R6: 87 % and 90 %) */
    CHECK_STR(expand(mem,
                     "{alike(・,、) 都道府県=で{P4.status_by_group[latest,都道府県,1].pct0}% | "
                     "指定都市=で{P4.status_by_group[latest,指定都市,1].pct0}% | "
                     "その他の市区町村=で{P4.status_by_group[latest,その他市区町村,1].pct}%}",
                     -1),
              "都道府県・指定都市で100%、その他の市区町村で45.6%");
    CHECK_STR(expand(mem,
                     "{alike(、,、) 都道府県=で{P4.status_by_group[latest,都道府県,1].pct0}% | "
                     "指定都市=で{P4.status_by_group[latest,指定都市,1].pct0}%}",
                     -1),
              "都道府県、指定都市で100%");
    CHECK_STR(expand(mem,
                     "{alike(・,、) 都道府県=で{P4.status_by_group[latest-1,都道府県,1].pct0}% | "
                     "指定都市=で{P4.status_by_group[latest-1,指定都市,1].pct0}%}",
                     -1),
              "都道府県で87%、指定都市で90%");
    /* only neighbours: the first and the last alike, the middle not */
    CHECK_STR(expand(mem,
                     "{alike(・,、) A=が{P4.status_by_group[latest,都道府県,1].pct0} | "
                     "B=が{P4.status_by_group[latest,その他市区町村,1].pct0} | "
                     "C=が{P4.status_by_group[latest,指定都市,1].pct0}}",
                     -1),
              "Aが100、Bが46、Cが100");
    CHECK(expand(mem, "{alike(・,、) 都道府県=で{P9.Q77[latest,全体,1].count}% | 指定都市=x}",
                 -1) == NULL);
    CHECK(expand(mem, "{alike(・,、) 都道府県=で100%}", -1) == NULL); /* one item */
    CHECK(expand(mem, "{alike(・) A=x | B=y}", -1) == NULL);
    CHECK(expand(mem, "{alike(・,、) A=x | B}", -1) == NULL);
    /* the survey period as documents write it */
    CHECK_STR(expand(mem, "（調査時期：{year.latest.period}）", -1),
              "（調査時期：令和7年10月31日～同年11月28日）");
    CHECK(expand(mem, "{year.latest-1.period}", -1) == NULL); /* R6 has none */
    /* a ranking compared across years: by option code, branches with
     * placeholders of their own (P17: R5 and R6 most 取組をしていない, R7
     * 職員の育成) */
    CHECK_STR(expand(mem,
                     "{P17.Q15[latest,全体,#1].code == P17.Q15[latest-1,全体,#1].code ? 同じ : "
                     "{year.latest-1.label}は「{P17.Q15[latest-1,全体,#1].short}」}",
                     -1),
              "令和6年度は「取組をしていない」"); /* the short label */
    CHECK_STR(expand(mem,
                     "{P17.Q15[latest-1,全体,#1].code == P17.Q15[latest-2,全体,#1].code ? "
                     "{year.latest-1.label}まで : {year.latest-1.label}}",
                     -1),
              "令和6年度まで");
    CHECK_STR(expand(mem,
                     "{P17.Q15[latest,全体,#1].code != P17.Q15[latest-1,全体,#1].code ? "
                     "{P10.Q6[latest,全体,1] > P10.Q6[latest,全体,3] ? 変化・増 : 変化・減} : 同}",
                     -1),
              "変化・増");
    CHECK(expand(mem, "{P17.Q15[latest,全体,#1].code > P17.Q15[latest-1,全体,#1].code ? a : b}",
                 -1) == NULL); /* codes are not ordered */
    CHECK(expand(mem, "{P17.Q15[latest,全体,#1].code == P17.Q15[latest-1,全体,#1] ? a : b}", -1) ==
          NULL); /* a code against a count */
    CHECK(expand(
              mem,
              "{P10.Q6[latest,全体,1] > P10.Q6[latest,全体,3] ? {P9.Q77[latest,全体,1].count} : b}",
              -1) == NULL); /* a branch names no figure */
    CHECK(expand(mem, "{P10.Q6[latest,全体,1] > P10.Q6[latest,全体,3] ? {year.latest.label : b}",
                 -1) == NULL); /* unbalanced */
    /* facts of the years: the format changed in R6 (survey.ini `format`), Q3
     * was first asked in R6 (codebook since); the sample adds no option */
    CHECK_STR(expand(mem, "{year.first.next_format}以降", -1), "令和6年度以降");
    CHECK(expand(mem, "{year.latest-1.next_format}", -1) == NULL); /* R7 keeps R6's */
    CHECK_STR(expand(mem, "本設問は{P7.Q3[latest-1,全体].started}から", -1), "本設問は令和6年度から");
    CHECK_STR(expand(mem, "{P7.Q3[Y,全体].started}", 1), "令和6年度");
    CHECK(expand(mem, "{P7.Q3[latest,全体].started}", -1) == NULL);
    CHECK(expand(mem, "{P5.Q2[first,全体].started}", -1) == NULL); /* always asked */
    CHECK(expand(mem, "{P5.Q2[latest,全体].added}", -1) == NULL);
    CHECK(expand(mem, "{P5.Q2[latest,全体,1].started}", -1) == NULL); /* no option */
    {
        /* a line repeated per year shown is printed for the years that have
         * what it says */
        const fig_catalogue *cat = figures_catalogue(F);
        const ph_text *rate = ph_parse("{year.Y.label}: {P2.detail[Y,全体].pct}%", mem);
        const ph_text *fmt = ph_parse("{year.Y.label}は{year.Y.next_format}以降と異なる", mem);
        const ph_text *q3 = ph_parse("本設問は{P7.Q3[Y,全体].started}から", mem);
        const ph_text *period = ph_parse("{year.Y.period_to}まで", mem);
        const ph_text *plain = ph_parse("{year.Y.label}と{P2.detail[latest,全体].pct}", mem);
        bool want_rate[] = {false, true, true}, want_fmt[] = {true, false, false},
             want_q3[] = {false, true, false}, want_period[] = {false, false, true};
        for (int y = 0; y < 3; y++) {
            CHECK(ph_year_has(rate, cat, y) == want_rate[y]);
            CHECK(ph_year_has(fmt, cat, y) == want_fmt[y]);
            CHECK(ph_year_has(q3, cat, y) == want_q3[y]);
            CHECK(ph_year_has(period, cat, y) == want_period[y]);
            CHECK(ph_year_has(plain, cat, y)); /* only what it says of `Y` counts */
        }
    }
    /* what is refused */
    CHECK(expand(mem, "{year.Y.as_of}", -1) == NULL);
    CHECK(expand(mem, "{P2.answered[latest-3,全体].count}", -1) == NULL);
    CHECK(expand(mem, "{P2.answered[latest,全体].cnt}", -1) == NULL);
    CHECK(expand(mem, "{P5.Q2[latest,全体,#99].label}", -1) == NULL);
    CHECK(expand(mem, "{P5.Q2[latest,全体].top(0)}", -1) == NULL);
    CHECK(expand(mem, "{P2.answered[latest,全体].count", -1) == NULL);
    CHECK(expand(mem, "{P10.Q6[latest,全体,1] ~ P10.Q6[latest,全体,3] ? a : b}", -1) == NULL);
    CHECK(expand(mem, "{P10.Q6[latest,全体,1] > P10.Q6[latest,全体,9] ? a : b}", -1) == NULL);
    CHECK(expand(mem, "{P10.Q6[latest,全体,1] > P10.Q6[latest,全体,3] ? a}", -1) == NULL);
    ph_context c = {.f = F, .edition = NULL, .year = -1};
    char err[256];
    CHECK(ph_expand(ph_parse("{P9.Q77[latest,全体,1].count}", mem), &c, mem, err, sizeof err) ==
          NULL);
    CHECK_CONTAINS(err, "no figure P9.Q77");
    arena_free(mem);
}

/* Templates checked without values: the catalogue of survey.ini and the
 * codebook alone (no body, no answer) checks the real decks clean and finds
 * every kind of bad placeholder, each with its message. */
static void test_check_without_values(void)
{
    diags *d = diags_new(stderr);
    arena *mem = arena_new();
    survey *defs = survey_load_definitions(TEST_DATA_DIR, d);
    CHECK(defs != NULL);
    if (!defs)
        goto done;
    CHECK_INT(defs->n_bodies, 0);
    const fig_catalogue *cat = figures_catalogue_new(defs, mem);
    CHECK_INT(cat->n_years, 3);
    static const char *const decks[] = {"deck.ini", "prefecture.ini", "body.ini"};
    for (int i = 0; i < 3; i++)
        CHECK(tpl_deck_load(TEST_FIXTURES "/../layouts", decks[i], cat, mem, d) != NULL);
    CHECK_INT(diags_count(d), 0);

    static const struct {
        const char *text;
        int year; /* the year `Y` names, -1 none */
        const char *needle;
    } bad[] = {
        {"{P5.Q99[latest,全体,1].count}", -1, "no figure P5.Q99 for year R7"},
        {"{P4.status_by_group[latest,都道府県,1].pctx}", -1, "field `pctx`"},
        {"{P4.status_by_group[latest,都道府県,7].pct}", -1, "group \"都道府県\", option 7"},
        {"{P4.status_by_group[latest,全国,1].pct}", -1, "group \"全国\""},
        {"{P7.Q3[first,全体,1].count}", -1, "no figure P7.Q3 for year R5"}, /* since R6 */
        {"{P2.detail[first,全体].count}", -1, "no figure P2.detail for year R5"},
        {"{P5.Q2[latest,全体,#17].label}", -1, "option #17"},  /* Q2 has 16 options */
        {"{P5.Q2[latest,全体,#99].label}", -1, "expected #N with N 1..31"},
        {"{P7.Q3[latest,全体].top(8)}", -1, "top(8) but the figure has 7 options"},
        {"{P5.Q2[latest,全体].top(11)}", -1, "expected [year,group].top(N), N 1..10"},
        {"{P9.Q5[latest,全体].lead(1,11)}", -1, "lead(): 11 is not an option"},
        {"{P9.Q5[latest,全体].lead(1,x)}", -1, "lead(): `x` is not an option code"},
        {"{P6.hours_after[latest,-,1].pct}", -1, "has no base, so no percentage"},
        {"{P10.Q6[latest,全体,1] > P10.Q6[latest,全体,9] ? a : b}", -1, "option 9"},
        {"{P10.Q6[latest,全体,1] ~ P10.Q6[latest,全体,3] ? a : b}", -1, "expected A > B"},
        {"{year.Y.as_of}", -1, "`Y` names the year of a `years = shown` line"},
        {"{year.Y.published}", 0, "year R5 has no published in survey.ini"},
        {"{P2.answered[latest-3,全体].count}", -1, "the survey has only 3 years"},
        {"{year.latest.date}", -1, "year field `date`"},
        {"{deck.nosuch}", -1, "a variable of the deck file's [report]"},
        {"{pref.rank}", -1, "pref field `rank`"},
        {"ok {P2.answered[latest,全体].count", -1, "unclosed placeholder"},
        {"{P5.Q2[latest,全体].counts(0)}", -1, "expected [year,group].counts(N), N 1..10"},
        {"{P7.Q3[latest,全体].counts(8)}", -1, "counts(8) but the figure has 7 options"},
        {"{P6.case_count[latest,-].base < 1 ? a : b}", -1, "P6.case_count has no base"},
        {"{10 < 9 ? a : b}", -1, "two numbers"},
        {"{P17.Q15[latest,全体,#1].code == 3 ? a : b}", -1, "not one of each"},
        /* the first problem of a text is reported: here the figure before the syntax */
        {"{P5.Q99[latest,全体,1].count} {P5.Q2[latest]}", -1, "no figure P5.Q99"},
    };
    ph_check_context cc = {.cat = cat, .edition = "2026-04-24"};
    char err[512];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cc.year = bad[i].year;
        bool ok = ph_check(ph_parse(bad[i].text, mem), &cc, err, sizeof err);
        if (ok)
            fprintf(stderr, "check passed %s\n", bad[i].text);
        CHECK(!ok);
        if (!ok)
            CHECK_CONTAINS(err, bad[i].needle);
    }
    cc.year = -1;
    static const char *const good[] = {
        "{P4.status_by_group[latest,その他市区町村,1].pct0}%、{P5.Q2[latest,全体].top(5)}",
        "{P6.cases[latest,-,12].man}", /* case numbers are known once computed */
        "{A1.adopted_share[latest,-,47].rank}位 {B.Q2[latest,人口50万人以上,16].pct}%",
        "{M.Q1[latest,131016,1].count}", "{pref.adopted.pct} {body.band} {{x}",
        "{P9.Q5[latest,全体].lead(1,2,3,4)}", "{deck.edition}"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        bool ok = ph_check(ph_parse(good[i], mem), &cc, err, sizeof err);
        if (!ok)
            fprintf(stderr, "%s: %s\n", good[i], err);
        CHECK(ok);
    }
    /* what only values decide passes the check and fails the expansion:
     * rank 1 of P9.Q5 is code 1 */
    const ph_text *lead = ph_parse("{P9.Q5[latest,全体].lead(5,6)}", mem);
    CHECK(ph_check(lead, &cc, err, sizeof err));
    ph_context c = {.f = F, .year = -1};
    CHECK(ph_expand(lead, &c, mem, err, sizeof err) == NULL);
    CHECK_CONTAINS(err, "the option ranked 1 is not among the codes");
    /* parsed once, expanded in each document: the nation's 852 of 1,788
     * bodies 導入済, Tokyo's 52 (counted in data/R7/answers.csv) */
    const ph_text *t = ph_parse("{P3.status[latest,全体,1].count}団体", mem);
    figset *tokyo = figures_compute(S, 13, mem);
    CHECK_STR(ph_expand(t, &c, mem, err, sizeof err), "852団体");
    c.f = tokyo;
    CHECK_STR(ph_expand(t, &c, mem, err, sizeof err), "52団体");
done:
    survey_free(defs);
    arena_free(mem);
    diags_free(d);
}

/* The real deck: loads clean, 19 pages; a page carries the frame, the
 * sample label, and lead lines with a hanging indent after the bullet. */
static void test_real_deck(void)
{
    diags *d = diags_new(stderr);
    arena *mem = arena_new();
    tpl_deck *deck =
        tpl_deck_load(TEST_FIXTURES "/../layouts", "deck.ini", figures_catalogue(F), mem, d);
    CHECK(deck != NULL);
    CHECK_INT(diags_count(d), 0);
    if (!deck)
        goto done;
    CHECK_INT(deck->n_pages, 20); /* 19 + the appendix ranking (appendix = true) */
    CHECK(deck->appendix);
    CHECK(deck->pages[0].cover);
    CHECK(!deck->pages[4].cover);

    layout_ctx c = {.deck = deck, .f = F, .fonts = FONTS, .mem = mem, .d = d};
    drawlist dl;
    drawlist_init(&dl, mem);
    const char *title = NULL;
    CHECK(layout_page(&c, &deck->pages[4], 5, &dl, &title)); /* P5: a two-line lead */
    CHECK_STR(title, "生成AIの活用事例");
    bool sample = false, page_no = false, title_seen = false;
    double bullet_x = -1, body_x[4] = {0};
    int n_body = 0;
    for (int i = 0; i < dl.n; i++) {
        const dl_item *it = &dl.items[i];
        if (it->kind != DL_TEXT)
            continue;
        sample |= strcmp(it->text, LAYOUT_SAMPLE_LABEL) == 0 && it->rgb == 0xC00000;
        page_no |= strcmp(it->text, "5") == 0 && it->align == DL_ALIGN_RIGHT;
        title_seen |= strcmp(it->text, "生成AIの活用事例") == 0 && it->rgb == 0xFFFFFF;
        if (strcmp(it->text, "●") == 0)
            bullet_x = it->x;
        else if (bullet_x >= 0 && n_body < 4 && it->size_pt == deck->theme.lead_pt)
            body_x[n_body++] = it->x;
    }
    CHECK(sample);
    CHECK(page_no);
    CHECK(title_seen);
    CHECK_INT(n_body, 2); /* the lead of P5 wraps onto a second line */
    CHECK(bullet_x > 0 && body_x[0] > bullet_x + 10);
    CHECK(fabs(body_x[1] - body_x[0]) < 0.01); /* hanging indent: lines align */
    /* everything on the page stays on the page */
    for (int i = 0; i < dl.n; i++)
        if (dl.items[i].kind == DL_TEXT)
            CHECK(dl.items[i].y > 0 && dl.items[i].y < layout_page_h_pt(deck));
done:
    arena_free(mem);
    diags_free(d);
}

/* Structure of one laid-out page: the roles its elements open, in order,
 * as "H1 L LI Lbl …", with ">" before an element opened inside an LBody
 * (a nested list) and "|" where an artifact span opens. */
static void page_roles(const drawlist *dl, char *out, size_t size)
{
    size_t n = 0;
    int stack[64], depth = 0;
    out[0] = '\0';
    for (int i = 0; i < dl->n && n + 16 < size; i++) {
        const dl_item *it = &dl->items[i];
        if (it->kind == DL_BEGIN) {
            bool nested = depth > 0 && stack[depth - 1] == DL_ROLE_LBODY;
            n += (size_t)snprintf(out + n, size - n, "%s%s ", nested ? ">" : "",
                                  dl_role_name(it->tag->role));
            if (depth < 64)
                stack[depth++] = (int)it->tag->role;
        } else if (it->kind == DL_END && depth > 0) {
            depth--;
        } else if (it->kind == DL_ARTIFACT) {
            n += (size_t)snprintf(out + n, size - n, "| ");
        }
    }
}

/* Every page of the national deck is tagged throughout (no ink outside an
 * element or artifact: the writer refuses such pages), with the roles the
 * blocks call for, in reading order. */
static void test_real_deck_tags(void)
{
    diags *d = diags_new(stderr);
    arena *mem = arena_new();
    tpl_deck *deck =
        tpl_deck_load(TEST_FIXTURES "/../layouts", "deck.ini", figures_catalogue(F), mem, d);
    CHECK(deck != NULL);
    if (!deck)
        goto done;
    layout_ctx c = {.deck = deck, .f = F, .fonts = FONTS, .mem = mem, .d = d};
    static char roles[20][8192];
    for (int p = 0; p < deck->n_pages && p < 20; p++) {
        drawlist dl;
        drawlist_init(&dl, mem);
        const char *title = NULL;
        CHECK(layout_page(&c, &deck->pages[p], p + 1, &dl, &title));
        char err[256];
        bool ok = drawlist_check_tags(&dl, false, err, sizeof err);
        if (!ok)
            fprintf(stderr, "page %d: %s\n", p + 1, err);
        CHECK(ok);
        page_roles(&dl, roles[p], sizeof roles[p]);
        /* the footer is read last: the page's last span or element */
        int last = dl.n - 1;
        while (last > 0 && dl.items[last].kind != DL_ARTIFACT && dl.items[last].kind != DL_BEGIN)
            last--;
        if (p == 0) { /* the cover's sample label is its last paragraph */
            CHECK(dl.items[last].kind == DL_BEGIN && dl.items[last].tag->role == DL_ROLE_P);
            CHECK_STR(dl.items[last + 1].text, LAYOUT_SAMPLE_LABEL);
        } else {
            CHECK(dl.items[last].kind == DL_ARTIFACT &&
                  dl.items[last].tag->artifact == DL_ART_FOOTER);
        }
    }
    /* cover: its [text] is the document's H1 (tag = h1) */
    CHECK(strncmp(roles[0], "H1 P P ", 7) == 0);
    /* P2: title on its bar, the lead's four ● items, 【留意事項】 an H2 above two
     * ■ items each with a nested list of ・ items, the ※ note a P */
    CHECK_STR(roles[1], "| H1 | L LI Lbl LBody LI Lbl LBody LI Lbl LBody LI Lbl LBody | H2 "
                        "L LI Lbl LBody >L LI Lbl LBody LI Lbl LBody LI Lbl LBody >L LI Lbl "
                        "LBody LI Lbl LBody LI Lbl LBody P | ");
    /* P3: title, lead, the chart as one Figure, two notes, three source lines, footer */
    CHECK_STR(roles[2], "| H1 | L LI Lbl LBody Figure P P P P P | ");
    /* P6: the case table: header row of column heads, rows headed by the use case */
    CHECK_CONTAINS(roles[5], "Table THead | TR TH TH TH | TBody TR TH TD TD | TR TH TD TD");
    /* the appendix: the ranking is one table of 47 rows under one header row */
    const char *rk = strstr(roles[19], "Table THead");
    CHECK(rk != NULL);
    int rows = 0;
    for (const char *q = rk; (q = strstr(q, "TR TD TH TD TD")); q++)
        rows++;
    CHECK_INT(rows, 47);
done:
    arena_free(mem);
    diags_free(d);
}

int main(void)
{
    diags *d = diags_new(stderr);
    arena *mem = arena_new();
    S = survey_load(TEST_DATA_DIR, d);
    CHECK(S != NULL);
    if (S)
        F = figures_compute(S, 0, mem);
    FONTS = fontset_load(TEST_FIXTURES "/../fonts/fonts.ini", d);
    CHECK(F != NULL);
    CHECK(FONTS != NULL);
    if (S && F && FONTS) {
        test_bad_templates();
        test_overflow();
        test_placeholders();
        test_top_ties();
        test_check_without_values();
        test_real_deck();
        test_real_deck_tags();
    }
    if (FONTS)
        fontset_free(FONTS);
    if (S)
        survey_free(S);
    arena_free(mem);
    diags_free(d);
    return test_done();
}
