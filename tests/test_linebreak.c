/* test_linebreak.c - kinsoku, words and numbers, overflow, last resort. */
#include "harness.h"
#include "linebreak.h"

#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONTS_INI TEST_FIXTURES "/../fonts/fonts.ini"

static const fontset *S_fs;
static arena *S_mem;

/* The lines as strings, joined by '|'. */
static char *joined(const char *text, lb_lines l)
{
    size_t n = strlen(text) + (size_t)l.n + 1;
    char *out = arena_alloc(S_mem, n);
    for (int i = 0; i < l.n; i++) {
        if (i)
            strcat(out, "|");
        strncat(out, text + l.lines[i].start, l.lines[i].end - l.lines[i].start);
    }
    return out;
}

static char *brk(const char *text, double width_pt)
{
    return joined(text, linebreak(S_fs, FONT_GOTHIC, 10.0, text, width_pt, S_mem));
}

static bool starts_with_any(const char *line, const char *const *list)
{
    for (; *list; list++)
        if (strncmp(line, *list, strlen(*list)) == 0)
            return true;
    return false;
}

/* At 10 pt every kanji and kana is 10 pt wide: a width of 50 pt holds 5. */
static void test_kinsoku(void)
{
    /* 。 would start line 2: 追い出し moves す with it */
    CHECK_STR(brk("あいうえおす。かきく", 60.0), "あいうえお|す。かきく");
    CHECK_STR(brk("あいうえおかき", 50.0), "あいうえお|かき");
    /* closing bracket, long vowel mark, small kana never start a line */
    CHECK_STR(brk("あいうえ「お」", 50.0), "あいうえ|「お」");
    CHECK_STR(brk("あいうえオーか", 50.0), "あいうえ|オーか");
    CHECK_STR(brk("あいうえおっと", 50.0), "あいうえ|おっと");
    CHECK_STR(brk("あいうえおャ", 50.0), "あいうえ|おャ");
    /* an opening bracket never ends a line */
    CHECK_STR(brk("あいうえ「かき」", 50.0), "あいうえ|「かき」");
    CHECK_STR(brk("あいうえ（かき）", 50.0), "あいうえ|（かき）");

    /* a long sentence at many widths: no line starts or ends with a forbidden mark */
    static const char *const no_start[] = {"、", "。", "」", "）", "ー", "っ", "ゃ", "ょ", "ッ",
                                          "%", ")", ",", ".", NULL};
    static const char *const no_end[] = {"「", "（", "(", NULL};
    const char *text = "生成AIを「導入済」とした団体は、都道府県では100%、指定都市では100%、"
                       "その他の市区町村では45.6%（785団体）であった。ユーザー数はチャット"
                       "ボット（QommonsAI等）の利用を含め、1,244団体が回答した。";
    for (double wpt = 35.0; wpt <= 200.0; wpt += 7.0) {
        lb_lines l = linebreak(S_fs, FONT_GOTHIC, 10.0, text, wpt, S_mem);
        CHECK(l.n > 1);
        size_t covered = 0;
        for (int i = 0; i < l.n; i++) {
            const char *line = arena_strndup(S_mem, text + l.lines[i].start,
                                             l.lines[i].end - l.lines[i].start);
            if (i > 0 && starts_with_any(line, no_start))
                test_fail(__FILE__, __LINE__, "width %.0f: line %d starts badly: %s", wpt, i + 1,
                          line);
            size_t n = strlen(line);
            for (const char *const *e = no_end; *e; e++)
                if (i < l.n - 1 && n >= strlen(*e) && strcmp(line + n - strlen(*e), *e) == 0)
                    test_fail(__FILE__, __LINE__, "width %.0f: line %d ends with %s", wpt, i + 1,
                              *e);
            CHECK(l.lines[i].width_pt <= wpt + 0.001);
            covered += l.lines[i].end - l.lines[i].start;
        }
        CHECK_INT(covered, strlen(text)); /* nothing lost (no spaces in this text) */
    }
}

/* No line boundary falls inside `token` anywhere in text, at any width. */
static void check_whole(const char *text, const char *token)
{
    size_t a = (size_t)(strstr(text, token) - text), b = a + strlen(token);
    /* from the narrowest line that can hold the token (narrower ones break
     * it by character, the documented last resort) */
    double token_pt = fontset_measure(S_fs, FONT_GOTHIC, token, strlen(token), 10.0);
    for (double wpt = token_pt; wpt <= 150.0; wpt += 1.5) {
        lb_lines l = linebreak(S_fs, FONT_GOTHIC, 10.0, text, wpt, S_mem);
        for (int i = 0; i < l.n; i++) {
            size_t e = l.lines[i].end;
            if (e > a && e < b)
                test_fail(__FILE__, __LINE__, "width %.1f splits %s: %s", wpt, token,
                          joined(text, l));
        }
    }
}

static void test_words_and_numbers(void)
{
    check_whole("導入済は1,244団体であった", "1,244団体");
    check_whole("その他の市区町村では45.6%であった", "45.6%");
    check_whole("費用は1,000万円まで", "1,000万円");
    check_whole("サービスはQommonsAIとLGWAN環境", "QommonsAI");
    check_whole("サービスはQommonsAIとLGWAN環境", "LGWAN");
    /* the break goes before the number, not into it */
    CHECK_STR(brk("回答は1,244団体", 60.0), "回答は|1,244団体");
    CHECK_STR(brk("導入QommonsAIを", 60.0), "導入|QommonsAI|を");
    /* Latin text breaks at spaces, which are dropped at the break */
    CHECK_STR(brk("LGWAN access point", 40.0), "LGWAN|access|point");
    CHECK_STR(brk("行1\n\n行3", 100.0), "行1||行3");
    CHECK_INT(linebreak(S_fs, FONT_GOTHIC, 10.0, "", 100.0, S_mem).n, 0);
}

static void test_unbreakable_token(void)
{
    /* a token wider than the line is broken by character as a last resort */
    const char *url = "https://www.soumu.go.jp/main_sosiki/joho_tsusin/";
    lb_lines l = linebreak(S_fs, FONT_GOTHIC, 10.0, url, 60.0, S_mem);
    CHECK(l.n >= 3);
    size_t covered = 0;
    for (int i = 0; i < l.n; i++) {
        CHECK(l.lines[i].width_pt <= 60.001);
        CHECK(l.lines[i].end > l.lines[i].start);
        covered += l.lines[i].end - l.lines[i].start;
    }
    CHECK_INT(covered, strlen(url));
}

static void test_fit(void)
{
    diags *d = diags_new(NULL);
    lb_lines l;
    const char *lead = "生成AIを導入済の団体は1,244団体であった。";
    CHECK(linebreak_fit(S_fs, FONT_GOTHIC, 10.0, lead, 300.0, 14.0, 14.0, "layouts/p05.ini [lead]",
                        S_mem, &l, d));
    CHECK_INT(l.n, 1);
    CHECK_INT(diags_count(d), 0);
    /* 3 lines of 14 pt do not fit in 30 pt: an error naming the context */
    CHECK(!linebreak_fit(S_fs, FONT_GOTHIC, 10.0, lead, 100.0, 30.0, 14.0,
                         "layouts/p05.ini [lead]", S_mem, &l, d));
    CHECK_INT(l.n, 3);
    CHECK(diags_has(d, D_TEXT_OVERFLOW));
    CHECK_STR(diags_get(d, 0)->file, "layouts/p05.ini [lead]");
    CHECK_CONTAINS(diags_get(d, 0)->message, "needs 3 lines");
    CHECK_CONTAINS(diags_get(d, 0)->message, "holds 2 lines");
    /* a box narrower than one character */
    CHECK(!linebreak_fit(S_fs, FONT_GOTHIC, 10.0, "導入", 5.0, 100.0, 12.0, "p3 [title]", S_mem,
                         &l, d));
    CHECK_INT(diags_count(d), 2);
    CHECK_CONTAINS(diags_get(d, 1)->message, "5.0 pt wide");
    diags_free(d);
}

/* Words, numbers with units, short brackets and suffixes stay whole at every
 * width that can hold them; breaks go to phrase boundaries (linebreak.h). */
static void test_phrases(void)
{
    /* a katakana word, a Latin word, a short bracket, a suffix: never split */
    check_whole("特定の行政分野に対応した環境を構築している（API連携、ファインチューニング等）",
                "ファインチューニング");
    check_whole("1か月あたり51時間に削減（73%削減）", "（73%削減）");
    check_whole("ローコードの作成（マクロ、VBA等）", "（マクロ、VBA等）");
    check_whole("「実証中」の団体においては38%の団体が策定済", "「実証中」");
    check_whole("実証中の団体においては38%の団体が策定済", "実証中");
    check_whole("累計約4,250時間の業務削減が見込まれている", "4,250時間");
    check_whole("年間換算で288時間程度の削減×12か月＝288時間", "12か月");
    /* the phrase end, not inside it: after the particle, not before it */
    CHECK_STR(brk("業務知識を参照させている", 100.0), "業務知識を|参照させている");
    CHECK_STR(brk("「メール文案の作成」となった", 100.0), "「メール文案の作成」|となった");
    CHECK_STR(brk("メール文案の作成", 60.0), "メール文案の|作成");
    /* a particle stays with the bracket before it */
    CHECK_STR(brk("文章作成で月51時間（73%）の業務削減効果", 150.0),
              "文章作成で月51時間（73%）の|業務削減効果");
    CHECK_STR(brk("文章作成で月51時間（73%）の業務削減効果", 120.0),
              "文章作成で月51時間|（73%）の業務削減効果");
    /* a phrase boundary a little back wins over an in-word break at the edge */
    CHECK_STR(brk("生成AIのモデルはそのまま、外部ソースとして業務知識を参照させている", 210.0),
              "生成AIのモデルはそのまま、外部ソースとして|業務知識を参照させている");
    /* a unit wider than the line: broken as a last resort, and counted */
    lb_lines l = linebreak(S_fs, FONT_GOTHIC, 10.0, "ファインチューニング", 45.0, S_mem);
    CHECK(l.n >= 2);
    CHECK(l.forced >= 1);
    CHECK_INT(linebreak(S_fs, FONT_GOTHIC, 10.0, "参照させている", 45.0, S_mem).forced, 0);
}

/* The same rules with the characters measured by a callback (charts): a
 * fixed 10 pt per character. */
static double ten_pt(void *ctx, const char *utf8, size_t len, double size_pt, font_role role)
{
    (void)ctx, (void)utf8, (void)len, (void)role;
    return size_pt;
}

static void test_measured(void)
{
    const char *t = "業務知識を参照させている";
    lb_lines l = linebreak_measured(ten_pt, NULL, FONT_GOTHIC, 10.0, t, 100.0, S_mem);
    CHECK_STR(joined(t, l), "業務知識を|参照させている");
    CHECK_INT(l.forced, 0);
    CHECK(fabs(l.lines[0].width_pt - 50.0) < 1e-9);
}

/* A combining mark stays with the character before it (NFD が = か + U+3099,
 * a diacritic after Latin, an ideographic variation selector). */
static void test_combining_marks(void)
{
    const char *text = "あいうえか\xE3\x82\x99きくけこさ\xE3\x82\x99しすせa\xCC\x8C" "bc "
                       "葛\xF3\xA0\x84\x80城市";
    for (double w = 12.0; w <= 120.0; w += 2.5) {
        lb_lines l = linebreak(S_fs, FONT_GOTHIC, 10.0, text, w, S_mem);
        for (int i = 1; i < l.n; i++) {
            const unsigned char *p = (const unsigned char *)text + l.lines[i].start;
            bool mark = (p[0] == 0xE3 && p[1] == 0x82 && p[2] == 0x99) ||
                        (p[0] == 0xCC && p[1] == 0x8C) || (p[0] == 0xF3 && p[1] == 0xA0);
            if (mark)
                test_fail(__FILE__, __LINE__, "width %.1f: line %d starts with a combining mark",
                          w, i);
            test_checks++;
        }
    }
}

/* Found by check_label_breaks, sweeping every label through every width: a
 * break inside a phrase lost to one at a phrase end only by the room it left,
 * a particle after % went to the next line, and a space lifted kinsoku. */
static void test_last_class_and_spaces(void)
{
    /* 6.5 em: 「験を実施した｜が」 was chosen over 「験を｜実施したが」 */
    const char *q1 = "導入の検討を行った、または実証実験を実施したが導入には至らなかった";
    CHECK(strstr(brk(q1, 65.0), "|が") == NULL);
    /* from 6 em: narrower lines cannot hold 「合計が100%に」 or 「〔 団体数,」
     * and break them as a last resort */
    for (double wpt = 60.0; wpt <= 240.0; wpt += 5.0) {
        /* 100% and its particle stay together (「（73%）の」 did already) */
        const char *r = brk("※割合は四捨五入しており、合計が100%にならないものがある。", wpt);
        if (strstr(r, "%|に"))
            test_fail(__FILE__, __LINE__, "width %.0f: %s", wpt, r);
        /* a space after 〔 or before 〕 is no place to break (the seed's key) */
        r = brk("〔 団体数, 全体に占める% 〕", wpt);
        if (strstr(r, "〔|") || strstr(r, "〔 |") || strstr(r, "|〕"))
            test_fail(__FILE__, __LINE__, "width %.0f: %s", wpt, r);
    }
    /* where the line holds no phrase boundary, the last class is still taken
     * before a word is broken inside a compound: 実証中｜の, not 実｜証中の */
    CHECK_STR(brk("実証中の団体", 30.0), "実証中|の団体");
}

int main(void)
{
    diags *d = diags_new(stderr);
    fontset *fs = fontset_load(FONTS_INI, d);
    CHECK(fs != NULL);
    if (!fs)
        return test_done();
    S_fs = fs;
    S_mem = arena_new();
    test_kinsoku();
    test_words_and_numbers();
    test_unbreakable_token();
    test_fit();
    test_combining_marks();
    test_phrases();
    test_measured();
    test_last_class_and_spaces();
    arena_free(S_mem);
    fontset_free(fs);
    diags_free(d);
    return test_done();
}
