/* test_validation.c - survey_load on a tiny valid data directory and on one
 * bad variant per kind of problem (tests/input/<kind>/): each asserts the
 * diagnostic code, file, line, column and the words of the message, and
 * that no partial model comes back. Also: the real sample in data/. */
#include "harness.h"
#include "survey.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define IN TEST_FIXTURES "/input/"

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

/* Requires a diagnostic with that code, place (file suffix, line, column)
 * and message words; on failure lists what was reported. */
static void expect(diags *d, diag_code code, const char *file, long line, long column,
                   const char *words, int src_line)
{
    test_checks++;
    for (int i = 0; i < diags_kept(d); i++) {
        const diag *g = diags_get(d, i);
        if (g->code == code && g->line == line && g->column == column &&
            ends_with(g->file, file) && strstr(g->message, words))
            return;
    }
    test_fail(__FILE__, src_line, "no %s diagnostic at %s:%ld:%ld saying \"%s\"",
              diag_code_id(code), file, line, column, words);
    for (int i = 0; i < diags_kept(d); i++)
        fprintf(stderr, "  got %s:%ld:%ld: %s [%s]\n", diags_get(d, i)->file,
                diags_get(d, i)->line, diags_get(d, i)->column, diags_get(d, i)->message,
                diag_code_id(diags_get(d, i)->code));
}
#define EXPECT(d, code, file, line, col, words) expect(d, code, file, line, col, words, __LINE__)

static diags *load_bad(const char *dir, int expected_count)
{
    diags *d = diags_new(NULL);
    survey *s = survey_load(dir, d);
    CHECK(s == NULL);
    survey_free(s);
    if (expected_count >= 0 && diags_count(d) != expected_count) {
        test_fail(__FILE__, __LINE__, "%s: %d problems, expected %d", dir, diags_count(d),
                  expected_count);
        for (int i = 0; i < diags_kept(d); i++)
            fprintf(stderr, "  %s:%ld:%ld: %s\n", diags_get(d, i)->file, diags_get(d, i)->line,
                    diags_get(d, i)->column, diags_get(d, i)->message);
    }
    test_checks++;
    CHECK_INT(diags_exit_status(d) != EXIT_OK, 1);
    return d;
}

static void test_valid(void)
{
    const char *dirs[] = {IN "valid", IN "valid-cp932"};
    for (int k = 0; k < 2; k++) {
        diags *d = diags_new(stderr);
        survey *s = survey_load(dirs[k], d);
        CHECK(s != NULL);
        CHECK_INT(diags_count(d), 0);
        if (s) {
            CHECK_INT(s->n_bodies, 6);
            CHECK_INT(s->n_years, 2);
            CHECK_STR(s->years[1].key, "R7");
            CHECK_STR(s->years[1].label, "令和7年度");
            CHECK_STR(s->years[1].as_of, "2025-10-31");
            CHECK(s->years[1].published && strcmp(s->years[1].published, "2026-04-24") == 0);
            CHECK(!s->years[0].detail_rate);
            CHECK(s->sample);
            int q3 = codebook_find(&s->cb, "Q3");
            CHECK(!s->years[0].asked[q3]); /* since R6 */
            CHECK(s->years[1].asked[q3]);
            int sapporo = survey_find_body(s, "011002");
            CHECK_STR(s->bodies[sapporo].name, "札幌市");
            CHECK_INT(s->bodies[sapporo].kind, KIND_DESIGNATED);
            CHECK_INT(s->bodies[sapporo].population, 1970000);
            CHECK_INT(s->pref_body[13], survey_find_body(s, "130001"));
            CHECK_INT(survey_find_body(s, "011003"), -1);
            const sv_year *y = &s->years[1];
            int q4 = codebook_find(&s->cb, "Q4");
            CHECK_INT(survey_answer(s, y, survey_find_body(s, "010006"), q4),
                      CB_BIT(1) | CB_BIT(2));
            CHECK_INT(codebook_mask_code(survey_answer(s, y, sapporo, s->q_status)), 2);
            /* detail respondents: 010006 (answers + services), 011002 (answers);
             * 012025 has status 3 but no detail answer. */
            CHECK(y->detail_respondent[survey_find_body(s, "010006")]);
            CHECK(y->detail_respondent[sapporo]);
            CHECK(!y->detail_respondent[survey_find_body(s, "012025")]);
            CHECK(!y->detail_respondent[survey_find_body(s, "130001")]);
            CHECK_INT(y->n_services, 3);
            CHECK_INT(codebook_mask_code(survey_service(s, y, 1, s->q_service)), 5);
            int q10 = codebook_find(&s->cb, "Q10");
            CHECK_INT(survey_service(s, y, 0, q10), CB_BIT(1) | CB_BIT(3));
            CHECK_INT(y->n_cases, 2);
            CHECK_INT(y->cases[0].hours_before, 190);
            CHECK_INT(y->cases[0].hours_after, 51);
            CHECK_INT(y->cases[1].hours_before, 0);
            CHECK_STR(y->cases[1].use_case, "あいさつ文, メール文案の作成");
            CHECK_STR(y->cases[1].effect, "職員の\"作業時間\"が減った\n複数行");
            CHECK_INT(survey_find_year(s, "r7"), 1);
            CHECK_INT(survey_find_year(s, "R6"), -1);
        }
        survey_free(s);
        diags_free(d);
    }
}

static void test_bodies(void)
{
    diags *d = load_bad(IN "bodies-bad", 8);
    const char *f = "bodies-bad/bodies.csv";
    EXPECT(d, D_BODY_CHECK_DIGIT, f, 3, 1, "check digit is 3; expected 2");
    EXPECT(d, D_BODY_PREF_MISMATCH, f, 4, 2, "都道府県コード 02 disagrees with 団体コード 012025");
    EXPECT(d, D_BODY_PREF_NAME, f, 5, 3, "\"青森県\" for 都道府県コード 01; expected 北海道");
    EXPECT(d, D_BODY_POPULATION, f, 6, 6, "人口 \"14,000,000\"");
    EXPECT(d, D_BODY_KIND, f, 7, 5, "団体区分 \"区\"");
    EXPECT(d, D_BODY_POPULATION, f, 8, 6, "人口 \"-5\"");
    EXPECT(d, D_BODY_DUPLICATE, f, 9, 1, "012025 (函館市) appears again; first on line 4");
    EXPECT(d, D_BODY_CODE, f, 10, 1, "\"01303\" is not 6 digits (a leading zero lost");
    diags_free(d);

    d = load_bad(IN "bodies-nopref", 4);
    EXPECT(d, D_BODY_MISSING, "bodies-nopref/bodies.csv", 0, 0,
           "no 都道府県 body for 都道府県コード 13 (東京都)");
    EXPECT(d, D_BODY_UNKNOWN, "valid/R7/answers.csv", 6, 1, "\"130001\" is not in bodies.csv");
    diags_free(d);
}

static void test_answer_cells(void)
{
    diags *d = load_bad(IN "answers-cells", 12);
    const char *f = "answers-cells/answers.csv";
    EXPECT(d, D_ANSWER_CODE, f, 2, 3, "活用事例 \"1;17\": option 17 does not exist; expected codes 1-16");
    EXPECT(d, D_ANSWER_SINGLE, f, 3, 2, "導入状況 \"1;2\" names 2 options; it is single-select");
    EXPECT(d, D_ANSWER_SYNTAX, f, 4, 3, "活用事例 \"1;;2\" is not a list of option codes");
    EXPECT(d, D_ANSWER_NOT_ASKED, f, 5, 3, "asked only when 導入状況 is 1, 2 or 3 (this row: 5)");
    EXPECT(d, D_ANSWER_LIMIT, f, 6, 5, "課題 \"1;2;3;4\" names 4 options; at most 3 allowed");
    EXPECT(d, D_ANSWER_NOT_ASKED, f, 6, 7, "入力可能情報 is asked only when ガイドライン is 1 (this row: 2)");
    EXPECT(d, D_ANSWER_EXCLUSIVE, f, 7, 5, "option 12 (特に課題はない) cannot be combined");
    EXPECT(d, D_ANSWER_REPEAT, f, 7, 8, "人材確保 \"5;5\" names option 5 twice");
    EXPECT(d, D_ANSWER_REQUIRED, f, 7, 2, "導入状況 is empty for 131041 新宿区");
    EXPECT(d, D_BODY_UNKNOWN, f, 8, 1, "\"999990\" is not in bodies.csv (its check digit should be 7");
    EXPECT(d, D_BODY_DUPLICATE, f, 9, 1, "011002 (札幌市) appears again; first on line 3");
    EXPECT(d, D_BODY_DUPLICATE, f, 10, 1, "012025 (函館市) appears again; first on line 4");
    diags_free(d);
}

static void test_answer_files(void)
{
    diags *d = load_bad(IN "answers-missing", 1);
    EXPECT(d, D_BODY_MISSING, "answers-missing/answers.csv", 0, 0, "no row for 012025 函館市");
    diags_free(d);

    d = load_bad(IN "answers-quote", 1);
    EXPECT(d, D_CSV_QUOTE, "answers-quote/answers.csv", 3, 3, "opened on line 3 is never closed");
    diags_free(d);

    d = load_bad(IN "answers-ragged", 1);
    EXPECT(d, D_CSV_RAGGED, "answers-ragged/answers.csv", 6, 8, "row has 7 fields; the header has 8");
    diags_free(d);

    d = load_bad(IN "answers-headers", 4);
    const char *f = "answers-headers/answers.csv";
    EXPECT(d, D_CSV_HEADER_UNKNOWN, f, 1, 5, "unknown column \"課題X\"");
    EXPECT(d, D_CSV_HEADER_DUPLICATE, f, 1, 8, "\"導入状況\" appears twice (fields 2 and 8)");
    EXPECT(d, D_CSV_HEADER_MISSING, f, 1, 0, "missing column \"人材確保\"");
    diags_free(d);

    d = load_bad(IN "answers-since", 1);
    EXPECT(d, D_CSV_HEADER_UNKNOWN, "answers-since/answers.csv", 1, 4, "asked from R6 on, not in R5");
    diags_free(d);

    /* an option the codebook offers from R7 on (17.since = R7), named in R5 */
    d = load_bad(IN "option-since", 1);
    EXPECT(d, D_ANSWER_CODE, "option-since/answers-r5.csv", 2, 3,
           "活用事例 \"1;17\": option 17 (議会答弁資料の作成) is offered from R7 on (codebook Q2 "
           "17.since), not in R5");
    diags_free(d);
    d = diags_new(stderr);
    survey *defs = survey_load_definitions(IN "option-since", d);
    CHECK(defs != NULL);
    if (defs) {
        int q2 = codebook_find(&defs->cb, "Q2");
        CHECK_INT((int)defs->years[0].offered[q2], (1 << 16) - 1); /* R5: 1-16 */
        CHECK_INT((int)defs->years[1].offered[q2], (1 << 17) - 1); /* R7: 1-17 */
        CHECK_INT((int)defs->years[0].offered[codebook_find(&defs->cb, "Q3")], 0); /* not asked */
    }
    survey_free(defs);
    diags_free(d);

    d = load_bad(IN "encoding-forced", -1);
    EXPECT(d, D_ENC_UTF8, "encoding-forced/answers.csv", 1, 1, "bytes 0x92 at character 1 are not valid UTF-8");
    CHECK(!diags_has(d, D_CSV_HEADER_MISSING)); /* no noise from the damaged header */
    diags_free(d);
}

static void test_services(void)
{
    diags *d = load_bad(IN "services-bad", 4);
    const char *f = "services-bad/services.csv";
    EXPECT(d, D_ANSWER_NOT_ASKED, f, 3, 5, "カスタマイズ方法 is asked only when カスタマイズ is 1 (this row: 2)");
    EXPECT(d, D_SERVICE_DUPLICATE, f, 4, 2, "サービス 1 (QommonsAI) named twice by 010006 北海道; first on line 2");
    EXPECT(d, D_ANSWER_NOT_ASKED, f, 5, 1, "013030 当別町, whose 導入状況 is 5");
    EXPECT(d, D_ANSWER_REQUIRED, f, 6, 2, "サービス is empty");
    diags_free(d);

    d = load_bad(IN "services-empty", 1);
    EXPECT(d, D_CSV_EMPTY, "services-empty/services.csv", 0, 0, "the file is empty");
    diags_free(d);
    d = load_bad(IN "services-header-only", 1);
    EXPECT(d, D_CSV_EMPTY, "services-header-only/services.csv", 1, 0, "only a header row");
    diags_free(d);
}

static void test_config_and_codebook(void)
{
    diags *d = load_bad(IN "config-bad", 4);
    const char *f = "config-bad/survey.ini";
    EXPECT(d, D_CONFIG, f, 7, 0, "[survey] encoding: \"latin1\"; expected auto, utf-8 or cp932");
    EXPECT(d, D_CONFIG, f, 6, 0, "[survey] codebook: names ../../../../data/codebook.ini, which does not exist");
    EXPECT(d, D_CONFIG, f, 23, 0, "[R7] answers: names R7/nothere.csv, which does not exist");
    EXPECT(d, D_CONFIG, f, 4, 0, "year R8 has no [R8] section");
    diags_free(d);

    d = load_bad(IN "codebook-bad", 5);
    f = "codebook-bad/codebook.ini";
    EXPECT(d, D_CODEBOOK, f, 13, 0, "[Q2] file: \"answer\"; expected answers or services");
    EXPECT(d, D_CODEBOOK, f, 14, 0, "[Q2] type: \"multiple\"; expected single or multi");
    EXPECT(d, D_CODEBOOK, f, 11, 0, "[Q2] 2: label of option 2 missing");
    EXPECT(d, D_CODEBOOK, f, 19, 0, "[Q2] colour: unknown key");
    EXPECT(d, D_CODEBOOK, f, 15, 0, "[Q2] asked: \"Q9:1\" names Q9, which is not in the codebook");
    diags_free(d);

    d = load_bad(IN "no-such-dir", 1);
    EXPECT(d, D_IO_READ, "no-such-dir/survey.ini", 0, 0, "cannot read survey.ini");
    diags_free(d);
}

static void test_sample_data(void)
{
    /* The shipped sample loads clean; its R7 rates are the deck's 1,244 / 1,323. */
    diags *d = diags_new(stderr);
    survey *s = survey_load(TEST_DATA_DIR, d);
    CHECK(s != NULL);
    CHECK_INT(diags_count(d), 0);
    if (s) {
        CHECK_INT(s->n_bodies, 1788);
        CHECK_INT(s->n_years, 3);
        const sv_year *y = &s->years[s->n_years - 1];
        int adopting = 0, detail = 0;
        for (int b = 0; b < s->n_bodies; b++) {
            int st = codebook_mask_code(survey_answer(s, y, b, s->q_status));
            adopting += st >= 1 && st <= 3;
            detail += y->detail_respondent[b];
        }
        CHECK_INT(adopting, 1323);
        CHECK_INT(detail, 1244);
        CHECK_INT(y->n_services, 1743);
        CHECK_INT(y->n_cases, 5);
    }
    survey_free(s);
    diags_free(d);
}

int main(void)
{
    test_valid();
    test_bodies();
    test_answer_cells();
    test_answer_files();
    test_services();
    test_config_and_codebook();
    test_sample_data();
    return test_done();
}
