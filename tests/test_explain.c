/* explain: figure references parse; the members behind three kinds of figure
 * (bodies of a group, service rows, detail respondents) match values
 * hand-computed from the nine-body fixture tests/audit/data; every figure's
 * re-derived members agree with the figures module; unknown names get close
 * suggestions. */
#include "explain.h"
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#define FIXTURE TEST_FIXTURES "/audit/data"

static survey *S;
static arena *M;
static figset *NATIONAL;

/* explain_print of spec (scope 0 = national) into a string (caller frees). */
static char *S_explain(const char *spec, int scope, bool list, int *status)
{
    explain_ref ref;
    char err[256];
    if (!explain_parse(S, spec, M, &ref, err, sizeof err)) {
        test_fail(__FILE__, __LINE__, "parse %s: %s", spec, err);
        return NULL;
    }
    figset *scoped = scope ? figures_compute(S, scope, M) : NATIONAL;
    int filter;
    const figset *rows = explain_rows_of(NATIONAL, scoped, scope, &ref, &filter);
    if (!rows) {
        test_fail(__FILE__, __LINE__, "%s: unknown figure", spec);
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    *status = explain_print(out, S, rows, &ref, filter, list);
    fclose(out);
    return buf;
}

static void test_parse(void)
{
    explain_ref ref;
    char err[256];
    CHECK(explain_parse(S, "P4.status_by_group", M, &ref, err, sizeof err));
    CHECK_STR(ref.page, "P4");
    CHECK_STR(ref.figure, "status_by_group");
    CHECK(!ref.single);
    CHECK(explain_parse(S, "p4.status_by_group[latest-1, その他市区町村 ,1]", M, &ref, err,
                        sizeof err));
    CHECK_STR(ref.page, "P4");
    CHECK(ref.single);
    CHECK_INT(ref.year, 0); /* R6 */
    CHECK_STR(ref.group, "その他市区町村");
    CHECK_INT(ref.option, 1);
    CHECK(explain_parse(S, "P2.detail[R7,全体,-]", M, &ref, err, sizeof err));
    CHECK_INT(ref.year, 1);
    CHECK_INT(ref.option, 0);
    CHECK(explain_parse(S, "A1.adopted_share[latest,-,13]", M, &ref, err, sizeof err));
    CHECK_STR(ref.group, "");
    CHECK_INT(ref.option, 13);

    CHECK(!explain_parse(S, "P4.status_by_group[R5,全体,1]", M, &ref, err, sizeof err));
    CHECK_CONTAINS(err, "unknown survey year \"R5\"; expected latest, latest-N or one of R6 R7");
    CHECK(!explain_parse(S, "P4.status_by_group[R7,全体]", M, &ref, err, sizeof err));
    CHECK_CONTAINS(err, "expected three fields");
    CHECK(!explain_parse(S, "P4.status_by_group[R7,全体,1,2]", M, &ref, err, sizeof err));
    CHECK(!explain_parse(S, "P4.status_by_group[R7,全体,x]", M, &ref, err, sizeof err));
    CHECK(!explain_parse(S, "status_by_group", M, &ref, err, sizeof err));
    CHECK_CONTAINS(err, "expected PAGE.FIGURE");
    CHECK(!explain_parse(S, "P4.status_by_group[R7,全体,1", M, &ref, err, sizeof err));
}

/* その他市区町村 = 函館市, 小樽市, ニセコ町, 新宿区, 八王子市, 檜原村; only 新宿区
 * is 導入済 in R7, none in R6. */
static void test_group_bodies(void)
{
    int status;
    char *text = S_explain("P4.status_by_group[R7,その他市区町村,1]", 0, true, &status);
    CHECK_INT(status, EXIT_OK);
    CHECK_CONTAINS(text, "  question: Q1 生成AIの導入状況 (column 導入状況, single answer)\n");
    CHECK_CONTAINS(text, "  base:     その他市区町村の全団体\n");
    CHECK_CONTAINS(text, "    1 導入済\n    2 実証中\n");
    CHECK_CONTAINS(text, "  groups:   都道府県, 指定都市, その他市区町村, 市区町村\n");
    CHECK_CONTAINS(text, "  asked:    全団体\n");
    CHECK_CONTAINS(text, "  R6 その他市区町村 1 導入済: 0 / 6 = 0.0%\n"
                         "* R7 その他市区町村 1 導入済: 1 / 6 = 16.7%\n");
    CHECK_CONTAINS(text, "members (R7) — 1 団体\n      131041 東京都 新宿区\n");
    free(text);

    const fig_row *r = figures_get(NATIONAL, "P4", "status_by_group", 1, "その他市区町村", 1);
    CHECK(r != NULL);
    if (r) {
        explain_set counted, base;
        explain_members(S, r, M, &counted, &base);
        CHECK_INT(counted.n, 1);
        CHECK_INT(counted.unit, EXPLAIN_BODIES);
        CHECK_STR(S->bodies[counted.items[0]].code, "131041");
        CHECK_INT(base.n, 6);
        CHECK_STR(S->bodies[base.items[0]].code, "012025");
    }
    /* 市区町村: 指定都市 and その他市区町村 together, never a prefecture */
    r = figures_get(NATIONAL, "P4", "status_by_group", 1, "市区町村", 1);
    CHECK(r != NULL);
    if (r) {
        explain_set counted, base;
        explain_members(S, r, M, &counted, &base);
        CHECK_INT(counted.n, r->count);
        CHECK_INT(base.n, r->base);
        for (int i = 0; i < base.n; i++)
            CHECK(S->bodies[base.items[i]].kind != KIND_PREFECTURE);
    }
}

/* Q9 = カスタマイズしている: R7 rows 010006 QommonsAI, 011002 QommonsAI, 130001
 * LoGoAIアシスタント of 6 rows; R6 1 of 3. */
static void test_service_rows(void)
{
    int status;
    char *text = S_explain("P14.Q9[R7,全体,1]", 0, true, &status);
    CHECK_INT(status, EXIT_OK);
    CHECK_CONTAINS(text, "  base:     サービス別回答（利用しているサービス1件につき1行）\n");
    CHECK_CONTAINS(text, "  R6 全体 1 カスタマイズしている: 1 / 3 = 33.3%\n"
                         "* R7 全体 1 カスタマイズしている: 3 / 6 = 50.0%\n");
    CHECK_CONTAINS(text, "members (R7) — 3 行（サービス別回答）\n"
                         "      010006 北海道 (QommonsAI)\n"
                         "      011002 北海道 札幌市 (QommonsAI)\n"
                         "      130001 東京都 (LoGoAIアシスタント)\n");
    free(text);

    /* Q5 counts service rows but its base is bodies: the 5 detail respondents. */
    text = S_explain("P9.Q5[R7,全体,1]", 0, false, &status);
    CHECK_INT(status, EXIT_OK);
    CHECK_CONTAINS(text, "* R7 全体 1 QommonsAI: 3 / 5 = 60.0%\n");
    CHECK_CONTAINS(text, "「導入済」「実証中」「導入予定」と回答し詳細設問に回答した団体");
    CHECK_CONTAINS(text, "members (R7) — 3 行（サービス別回答）\n");
    CHECK(!strstr(text, "010006")); /* no list without --list */
    free(text);
}

/* Detail respondents: R7 北海道, 札幌市, 函館市, 東京都, 新宿区 of the six with
 * status 1-3 (小樽市 answered nothing more); R6 北海道, 札幌市, 東京都 of four
 * (新宿区 answered nothing more). */
static void test_detail_rate(void)
{
    int status;
    char *text = S_explain("P2.detail", 0, false, &status);
    CHECK_INT(status, EXIT_OK);
    CHECK_CONTAINS(text, "  counts:   詳細設問に回答した団体（回答率の分子）\n"
                         "  base:     「導入済」「実証中」「導入予定」と回答した団体\n");
    CHECK_CONTAINS(text, "  R6 全体 -: 3 / 4 = 75.0% — 3 団体\n"
                         "  R7 全体 -: 5 / 6 = 83.3% — 5 団体\n");
    free(text);

    text = S_explain("P2.detail[R7,全体,-]", 0, true, &status);
    CHECK_CONTAINS(text, "members (R7) — 5 団体\n"
                         "      010006 北海道\n"
                         "      011002 北海道 札幌市\n"
                         "      012025 北海道 函館市\n"
                         "      130001 東京都\n"
                         "      131041 東京都 新宿区\n");
    free(text);
}

static void test_prefecture_scope(void)
{
    int status;
    /* A1 rows live in the national set; Tokyo's municipalities: 新宿区 of 3. */
    char *text = S_explain("A1.adopted_share", 13, true, &status);
    CHECK_INT(status, EXIT_OK);
    CHECK_CONTAINS(text, "  R7 - 13 東京都 (13): 1 / 3 = 33.3% — 1 団体\n      131041 東京都 新宿区\n");
    CHECK(!strstr(text, "北海道"));
    free(text);
    /* Q7 機密性2A in Tokyo: 東京都 yes, 新宿区 no, of the 2 with a guideline. */
    text = S_explain("P12.Q7[R7,全体,2]", 13, false, &status);
    CHECK_CONTAINS(text, "  scope:    13 東京都\n");
    CHECK_CONTAINS(text, "* R7 全体 2 自治体機密性2Aに相当する情報 (13): 1 / 2 = 50.0%\n");
    CHECK_CONTAINS(text, "  asked:    Q6 が「策定済」の団体\n");
    free(text);
}

/* Every row of every figure, nation and both prefectures: the re-derived
 * members agree with the figures module's counts and bases. */
static void test_all_rows_agree(void)
{
    for (int scope = 0; scope <= 13; scope += 13) {
        const figset *f = scope ? figures_compute(S, scope, M) : NATIONAL;
        int rows = 0;
        for (int i = 0; i < figures_count(f); i++) {
            const fig_row *r = figures_row(f, i);
            explain_set counted, base;
            explain_members(S, r, M, &counted, &base);
            if (counted.derived && counted.n != r->count)
                test_fail(__FILE__, __LINE__, "%s.%s year %d scope %d group %s option %d: %d "
                          "members, count %d", r->page, r->figure, r->year, r->scope, r->group,
                          r->option, counted.n, r->count);
            if (base.derived && base.n != r->base)
                test_fail(__FILE__, __LINE__, "%s.%s option %d: base %d, figure %d", r->page,
                          r->figure, r->option, base.n, r->base);
            rows += counted.derived;
        }
        CHECK(rows > 100);
    }
}

static void test_close_names(void)
{
    const char *close[5];
    int n = explain_close_names(NATIONAL, "P4.status_by_grup", M, close, 5);
    CHECK(n >= 1);
    CHECK_STR(n ? close[0] : NULL, "P4.status_by_group");
    n = explain_close_names(NATIONAL, "status_1_4", M, close, 5);
    CHECK_STR(n ? close[0] : NULL, "P4.status_1_4");
    CHECK_INT(explain_close_names(NATIONAL, "zzzzzzzzzzzzzzzzzzzzzzzzz", M, close, 5), 0);
}

int main(void)
{
    diags *d = diags_new(stderr);
    S = survey_load(FIXTURE, d);
    CHECK(S != NULL);
    if (!S)
        return test_done();
    M = arena_new();
    NATIONAL = figures_compute(S, 0, M);
    test_parse();
    test_group_bodies();
    test_service_rows();
    test_detail_rate();
    test_prefecture_scope();
    test_all_rows_agree();
    test_close_names();
    arena_free(M);
    survey_free(S);
    diags_free(d);
    return test_done();
}
