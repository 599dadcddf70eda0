/* figdiff: two fixture exports with known changes print exactly the changed
 * numbers, grouped per page and sorted by size of change; identical inputs
 * print nothing; a malformed export names file:line:column. */
#include "figdiff.h"
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#define AUDIT TEST_FIXTURES "/audit/"

/* Runs figdiff_compare into a string (caller frees). */

/* The rows of t, through the module's interface: compared with an export
 * whose one row t does not have (an export without rows is a csv-empty
 * error, as for every CSV the reader reads), every row of t is added. */
static int rows_of(const figdiff_table *t)
{
    static const char other[] =
        "page,figure,year,scope,group,option_code,option_label,count,base,percent\r\n"
        "Z9,not_in_any_export,R7,national,全体,,,1,1,100.0\r\n";
    diags *d = diags_new(NULL);
    figdiff_table *empty =
        figdiff_read_buffer("other.csv", other, sizeof other - 1, FIGDIFF_ALL_SCOPES, d);
    FILE *sink = fopen("/dev/null", "w");
    figdiff_counts c = {-1, -1, -1};
    if (empty && sink)
        c = figdiff_compare(sink, empty, t);
    if (sink)
        fclose(sink);
    figdiff_table_free(empty);
    diags_free(d);
    return c.added;
}

static char *S_compare(const figdiff_table *o, const figdiff_table *n, figdiff_counts *counts)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    *counts = figdiff_compare(out, o, n);
    fclose(out);
    return buf;
}

/* The first message reported to d, formatted as file:line:column: message. */
static char *S_first_diag(const diags *d)
{
    static char line[1024];
    if (diags_kept(d) == 0)
        return NULL;
    const diag *g = diags_get(d, 0);
    snprintf(line, sizeof line, "%s:%ld:%ld: %s", g->file, g->line, g->column, g->message);
    return line;
}

static void test_known_changes(void)
{
    diags *d = diags_new(NULL);
    figdiff_table *o = figdiff_read_csv(AUDIT "old.csv", FIGDIFF_ALL_SCOPES, d);
    figdiff_table *n = figdiff_read_csv(AUDIT "new.csv", FIGDIFF_ALL_SCOPES, d);
    CHECK_INT(diags_count(d), 0);
    CHECK(o && n);
    if (!o || !n)
        return;
    CHECK_INT(rows_of(o), 11);
    CHECK_INT(rows_of(n), 11);
    figdiff_counts c;
    char *text = S_compare(o, n, &c);
    CHECK_INT(c.changed, 6);
    CHECK_INT(c.added, 1);
    CHECK_INT(c.removed, 1);
    /* Per page in export order; within P3 the +8.0pt change of Tokyo first,
     * then -1.1pt, then +0.3pt; added and removed rows after the changes. */
    CHECK_STR(text,
              "P3: 3 changed, 0 added, 0 removed\n"
              "  [13] P3.status[R7,全体,1] 導入済: 20 -> 25 (+5), 32.3% -> 40.3% (+8.0pt)\n"
              "  [全国] P3.status[R7,全体,2] 実証中: 200 -> 180 (-20), 11.2% -> 10.1% (-1.1pt)\n"
              "  [全国] P3.status[R7,全体,1] 導入済: 900 -> 905 (+5), 50.3% -> 50.6% (+0.3pt)\n"
              "\n"
              "P4: 1 changed, 0 added, 0 removed\n"
              "  [全国] P4.status_by_group[R7,その他市区町村,1] 導入済: 785 -> 800 (+15), "
              "45.6% -> 46.5% (+0.9pt)\n"
              "\n"
              "P5: 1 changed, 1 added, 1 removed\n"
              "  [全国] P5.Q2[R7,全体,1] あいさつ文案の作成: 1,000 -> 1,000 (±0), "
              "80.4% -> 80.0% (-0.4pt), base 1,244 -> 1,250\n"
              "  + [全国] P5.Q2[R7,全体,2] 議事録の要約: added 900, 72.0%\n"
              "  - [全国] P5.Q2[R7,全体,16] その他: removed, was 50, 4.0%\n"
              "\n"
              "P6: 1 changed, 0 added, 0 removed\n"
              "  [全国] P6.cases[R7,-,1] 議事録作成, \"要約\": 51,234 -> 51,300 (+66)\n");
    free(text);

    /* Swapping the sides swaps added and removed. */
    text = S_compare(n, o, &c);
    CHECK_INT(c.changed, 6);
    CHECK_INT(c.added, 1);
    CHECK_INT(c.removed, 1);
    CHECK_CONTAINS(text, "  + [全国] P5.Q2[R7,全体,16] その他: added 50, 4.0%\n");
    CHECK_CONTAINS(text, "  - [全国] P5.Q2[R7,全体,2] 議事録の要約: removed, was 900, 72.0%\n");
    free(text);
    figdiff_table_free(o);
    figdiff_table_free(n);
    diags_free(d);
}

static void test_identical(void)
{
    diags *d = diags_new(NULL);
    figdiff_table *o = figdiff_read_csv(AUDIT "old.csv", FIGDIFF_ALL_SCOPES, d);
    figdiff_table *n = figdiff_read_csv(AUDIT "old.csv", FIGDIFF_ALL_SCOPES, d);
    CHECK(o && n);
    if (o && n) {
        figdiff_counts c;
        char *text = S_compare(o, n, &c);
        CHECK_STR(text, "");
        CHECK_INT(c.changed + c.added + c.removed, 0);
        free(text);
    }
    figdiff_table_free(o);
    figdiff_table_free(n);
    diags_free(d);
}

static void test_scope_filter(void)
{
    diags *d = diags_new(NULL);
    figdiff_table *o = figdiff_read_csv(AUDIT "old.csv", 13, d);
    figdiff_table *n = figdiff_read_csv(AUDIT "new.csv", 13, d);
    CHECK(o && n);
    if (o && n) {
        CHECK_INT(rows_of(o), 2); /* Tokyo's P3 row and its A1 row */
        figdiff_counts c;
        char *text = S_compare(o, n, &c);
        CHECK_STR(text, "P3: 1 changed, 0 added, 0 removed\n"
                        "  [13] P3.status[R7,全体,1] 導入済: 20 -> 25 (+5), 32.3% -> 40.3% "
                        "(+8.0pt)\n");
        free(text);
    }
    figdiff_table_free(o);
    figdiff_table_free(n);
    diags_free(d);
}

static void test_malformed(void)
{
    diags *d = diags_new(NULL);
    CHECK(figdiff_read_csv(AUDIT "malformed.csv", FIGDIFF_ALL_SCOPES, d) == NULL);
    CHECK(diags_has(d, D_EXPORT_VALUE));
    CHECK_CONTAINS(S_first_diag(d), "/audit/malformed.csv:3:8: count \"12x\"");
    diags_free(d);

    static const char header[] =
        "page,figure,year,scope,group,option_code,option_label,count,base,percent\n";
    struct {
        const char *body, *expect;
        diag_code code;
    } cases[] = {
        {"P3,status,R7,national,全体,1,導入済,900,1788\n", "x.csv:2:10: row has 9 fields",
         D_CSV_RAGGED},
        {"\nP3,status,R7,99,全体,1,導入済,900,1788,50.3\n", "x.csv:3:4: scope \"99\"",
         D_EXPORT_VALUE},
        {"P3,status,R7,national,全体,1,導入済,900,1788,50.33\n", "x.csv:2:10: percent",
         D_EXPORT_VALUE},
        {"P3,status,R7,national,全体,1,\"導入済,900,1788,50.3\n", "x.csv:2:7: unterminated quote",
         D_CSV_QUOTE},
        {"P3,status,R7,national,全体,1,a,1,2,50.0\nP3,status,R7,national,全体,1,b,1,2,50.0\n",
         "x.csv:3:1: the number P3.status[R7,全体,1] appears twice (first on line 2)",
         D_EXPORT_DUPLICATE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "%s%s", header, cases[i].body);
        d = diags_new(NULL);
        CHECK(figdiff_read_buffer("x.csv", text, strlen(text), FIGDIFF_ALL_SCOPES, d) == NULL);
        CHECK(diags_has(d, cases[i].code));
        CHECK_CONTAINS(S_first_diag(d), cases[i].expect);
        diags_free(d);
    }

    d = diags_new(NULL);
    CHECK(figdiff_read_buffer("h.csv", "page,figure,year\nP3,status,R7\n", 30,
                              FIGDIFF_ALL_SCOPES, d) == NULL);
    CHECK(diags_has(d, D_CSV_HEADER_MISSING));
    CHECK_CONTAINS(S_first_diag(d), "h.csv:1:1: missing column \"scope\"");
    diags_free(d);

    d = diags_new(NULL);
    CHECK(figdiff_read_csv(AUDIT "no-such-file.csv", FIGDIFF_ALL_SCOPES, d) == NULL);
    CHECK_INT(diags_exit_status(d), EXIT_IO);
    diags_free(d);
}

/* Two data folders: 新宿区 (13, その他市区町村) moves from 導入済 to 実証中 in R7. */
static void test_folders(void)
{
    diags *d = diags_new(stderr);
    figdiff_table *o = figdiff_open(AUDIT "data", FIGDIFF_ALL_SCOPES, false, d);
    figdiff_table *same = figdiff_open(AUDIT "data", FIGDIFF_ALL_SCOPES, false, d);
    figdiff_table *n = figdiff_open(AUDIT "data-changed", FIGDIFF_ALL_SCOPES, false, d);
    CHECK_INT(diags_count(d), 0);
    CHECK(o && n && same);
    if (o && n && same) {
        CHECK(rows_of(o) > 1000); /* the nation and 47 prefectures, 2 years */
        figdiff_counts c;
        char *text = S_compare(o, same, &c);
        CHECK_STR(text, "");
        free(text);
        text = S_compare(o, n, &c);
        CHECK_INT(c.changed, 25);
        CHECK_INT(c.added + c.removed, 0);
        CHECK_CONTAINS(text,
                       "P4: 8 changed, 0 added, 0 removed\n"
                       "  [13] P4.status_by_group[R7,その他市区町村,1] 導入済: 1 -> 0 (-1), "
                       "33.3% -> 0.0% (-33.3pt)\n"
                       "  [13] P4.status_by_group[R7,その他市区町村,2] 実証中: 0 -> 1 (+1), "
                       "0.0% -> 33.3% (+33.3pt)\n"
                       "  [13] P4.status_by_group[R7,市区町村,1] 導入済: 1 -> 0 (-1), "
                       "33.3% -> 0.0% (-33.3pt)\n"
                       "  [13] P4.status_by_group[R7,市区町村,2] 実証中: 0 -> 1 (+1), "
                       "0.0% -> 33.3% (+33.3pt)\n"
                       "  [全国] P4.status_by_group[R7,その他市区町村,1] 導入済: 1 -> 0 (-1), "
                       "16.7% -> 0.0% (-16.7pt)\n"
                       "  [全国] P4.status_by_group[R7,その他市区町村,2] 実証中: 1 -> 2 (+1), "
                       "16.7% -> 33.3% (+16.6pt)\n"
                       "  [全国] P4.status_by_group[R7,市区町村,1] 導入済: 2 -> 1 (-1), "
                       "28.6% -> 14.3% (-14.3pt)\n");
        CHECK_CONTAINS(text, "A1: 1 changed, 0 added, 0 removed\n"
                             "  [13] A1.adopted_share[R7,-,13] 東京都: 1 -> 0 (-1), "
                             "33.3% -> 0.0% (-33.3pt)\n");
        CHECK(!strstr(text, "P2")); /* statuses 1-3 together did not change */
        free(text);
    }
    figdiff_table_free(o);
    figdiff_table_free(same);
    figdiff_table_free(n);

    /* Hokkaido only: nothing of it changed. */
    o = figdiff_open(AUDIT "data", 1, false, d);
    n = figdiff_open(AUDIT "data-changed", 1, false, d);
    CHECK(o && n);
    if (o && n) {
        figdiff_counts c;
        char *text = S_compare(o, n, &c);
        CHECK_STR(text, "");
        free(text);
    }
    figdiff_table_free(o);
    figdiff_table_free(n);
    diags_free(d);
}

/* Two editions: the latest year of each compared (R7 of the last, R8 of
 * this one); the older years and rows without a year are left out. */
static void test_latest(void)
{
    static const char old_csv[] =
        "page,figure,year,scope,group,option_code,option_label,count,base,percent\n"
        "P4,status_by_group,R6,national,その他市区町村,1,導入済,496,1721,28.8\n"
        "P4,status_by_group,R7,national,その他市区町村,1,導入済,785,1721,45.6\n"
        "P4,status_by_group,R7,national,その他市区町村,2,実証中,206,1721,12.0\n"
        "M,population,-,13,131016,,千代田区,66680,,\n";
    static const char new_csv[] =
        "page,figure,year,scope,group,option_code,option_label,count,base,percent\n"
        "P4,status_by_group,R6,national,その他市区町村,1,導入済,496,1721,28.8\n"
        "P4,status_by_group,R7,national,その他市区町村,1,導入済,785,1721,45.6\n"
        "P4,status_by_group,R7,national,その他市区町村,2,実証中,206,1721,12.0\n"
        "P4,status_by_group,R8,national,その他市区町村,1,導入済,880,1721,51.1\n"
        "P4,status_by_group,R8,national,その他市区町村,2,実証中,206,1721,12.0\n"
        "P9,Q5,R8,national,全体,11,生成AIエージェントサービス,40,1800,2.2\n";
    diags *d = diags_new(NULL);
    figdiff_table *o = figdiff_read_buffer("old.csv", old_csv, strlen(old_csv), -1, d);
    figdiff_table *n = figdiff_read_buffer("new.csv", new_csv, strlen(new_csv), -1, d);
    CHECK(o && n);
    if (o && n) {
        figdiff_keep_latest(o);
        figdiff_keep_latest(n);
        CHECK_INT(rows_of(o), 2);
        CHECK_INT(rows_of(n), 3);
        figdiff_counts c;
        char *out = S_compare(o, n, &c);
        CHECK_INT(c.changed, 1);
        CHECK_INT(c.added, 1);
        CHECK_INT(c.removed, 0);
        CHECK_STR(out, "P4: 1 changed, 0 added, 0 removed\n"
                       "  [全国] P4.status_by_group[R7→R8,その他市区町村,1] 導入済: 785 -> 880 "
                       "(+95), 45.6% -> 51.1% (+5.5pt)\n"
                       "\n"
                       "P9: 0 changed, 1 added, 0 removed\n"
                       "  + [全国] P9.Q5[R8,全体,11] 生成AIエージェントサービス: added 40, 2.2%\n");
        free(out);
    }
    figdiff_table_free(o);
    figdiff_table_free(n);
    diags_free(d);
}

int main(void)
{
    test_known_changes();
    test_identical();
    test_scope_filter();
    test_malformed();
    test_folders();
    test_latest();
    return test_done();
}
