/* test_numfmt.c - number and era-date formatting as the deck prints them. */
#include "harness.h"
#include "numfmt.h"

#include <limits.h>
#include <locale.h>
#include <string.h>

static void test_int(void)
{
    char b[NUMFMT_MAX];
    CHECK_STR(numfmt_int(b, 0), "0");
    CHECK_STR(numfmt_int(b, 999), "999");
    CHECK_STR(numfmt_int(b, 1000), "1,000");
    CHECK_STR(numfmt_int(b, 1788), "1,788");
    CHECK_STR(numfmt_int(b, 1353), "1,353");
    CHECK_STR(numfmt_int(b, 100000), "100,000");
    CHECK_STR(numfmt_int(b, 1234567), "1,234,567");
    CHECK_STR(numfmt_int(b, -1234), "-1,234");
    CHECK_STR(numfmt_int(b, -12), "-12");
    CHECK_STR(numfmt_int(b, LLONG_MIN), "-9,223,372,036,854,775,808");
}

static void test_pct(void)
{
    char b[NUMFMT_MAX];
    /* published: その他市区町村 導入済 785 / 1,721 = 45.6 % (46 %) */
    CHECK_INT(numfmt_pct10(785, 1721), 456);
    CHECK_INT(numfmt_pct_int(785, 1721), 46);
    CHECK_INT(numfmt_pct10(1244, 1323), 940);
    CHECK_INT(numfmt_pct10(903, 946), 955);
    CHECK_INT(numfmt_pct10(1515, 1721), 880);
    CHECK_INT(numfmt_pct_int(1515, 1721), 88);
    CHECK_INT(numfmt_pct10(1788, 1788), 1000);
    CHECK_INT(numfmt_pct10(0, 5), 0);
    /* half up at exactly .x5: 1/8 = 12.5 %, 1/16 = 6.25 % -> 6.3 */
    CHECK_INT(numfmt_pct_int(1, 8), 13);
    CHECK_INT(numfmt_pct10(1, 16), 63);
    CHECK_INT(numfmt_pct10(1, 3), 333);
    CHECK_INT(numfmt_pct10(2, 3), 667);
    /* (190 - 51) / 190 = 73.16 % */
    CHECK_INT(numfmt_pct_int(139, 190), 73);
    CHECK_INT(numfmt_pct10(5, 0), -1);
    CHECK_INT(numfmt_pct10(-1, 5), -1);
    CHECK_INT(numfmt_pct_int(5, 0), -1);
    CHECK_STR(numfmt_pct10_str(b, 456), "45.6");
    CHECK_STR(numfmt_pct10_str(b, 1000), "100.0");
    CHECK_STR(numfmt_pct10_str(b, 5), "0.5");
    CHECK_STR(numfmt_pct10_str(b, 0), "0.0");
    CHECK_STR(numfmt_pct10_str(b, -1), "");
}

static void test_man(void)
{
    char b[NUMFMT_MAX];
    CHECK_STR(numfmt_points(b, 45), "+4.5");
    CHECK_STR(numfmt_points(b, -12), "▲1.2");
    CHECK_STR(numfmt_points(b, -1000), "▲100.0");
    CHECK_STR(numfmt_points(b, 0), "±0.0");
    CHECK_STR(numfmt_man(b, 51234), "5.1万人");
    CHECK_STR(numfmt_man(b, 58000), "5.8万人");
    CHECK_STR(numfmt_man(b, 185500), "18.6万人"); /* half up */
    CHECK_STR(numfmt_man(b, 185499), "18.5万人");
    CHECK_STR(numfmt_man(b, 94000), "9.4万人");
    CHECK_STR(numfmt_man(b, 175000), "17.5万人");
    CHECK_STR(numfmt_man(b, 300), "0.0万人");
    CHECK_STR(numfmt_man(b, 13960000), "1,396.0万人");
}

static void check_era(const char *iso, const char *expected)
{
    char b[NUMFMT_MAX];
    bool ok = numfmt_era_date(b, sizeof b, iso);
    CHECK(ok);
    CHECK_STR(b, expected);
}

static void check_bad_date(const char *iso)
{
    char b[NUMFMT_MAX] = "junk";
    CHECK(!numfmt_era_date(b, sizeof b, iso));
    CHECK_STR(b, "");
}

static void test_era(void)
{
    check_era("2026-04-24", "令和8年4月24日");
    check_era("2025-10-31", "令和7年10月31日");
    check_era("2019-05-01", "令和元年5月1日");
    check_era("2019-04-30", "平成31年4月30日");
    check_era("2020-01-01", "令和2年1月1日");
    check_era("1989-01-08", "平成元年1月8日");
    check_era("1989-01-07", "昭和64年1月7日");
    check_era("1926-12-25", "昭和元年12月25日");
    check_era("2024-02-29", "令和6年2月29日");
    check_era("2000-02-29", "平成12年2月29日");
    /* periods: the second date without what it shares with the first */
    char r[2 * NUMFMT_MAX];
    CHECK(numfmt_era_range(r, sizeof r, "2025-10-31", "2025-11-28"));
    CHECK_STR(r, "令和7年10月31日～同年11月28日");
    CHECK(numfmt_era_range(r, sizeof r, "2025-11-04", "2025-11-28"));
    CHECK_STR(r, "令和7年11月4日～同月28日");
    CHECK(numfmt_era_range(r, sizeof r, "2025-12-15", "2026-01-16"));
    CHECK_STR(r, "令和7年12月15日～令和8年1月16日");
    CHECK(numfmt_era_range(r, sizeof r, "2019-04-15", "2019-05-10")); /* 平成31年 is not 令和元年 */
    CHECK_STR(r, "平成31年4月15日～令和元年5月10日");
    CHECK(!numfmt_era_range(r, sizeof r, "2025-10-31", "2025-11-31"));
    CHECK_STR(r, "");
    CHECK(!numfmt_era_range(r, 20, "2025-10-31", "2025-11-28")); /* does not fit */
    check_bad_date("1926-12-24");
    check_bad_date("2023-02-29");
    check_bad_date("1900-02-29");
    check_bad_date("2025-13-01");
    check_bad_date("2025-00-10");
    check_bad_date("2025-04-31");
    check_bad_date("2025-4-24");
    check_bad_date("2025/04/24");
    check_bad_date("2025-04-24x");
    check_bad_date("");
    check_bad_date(NULL);
    /* too small a buffer fails rather than truncating mid-character */
    char small[8];
    CHECK(!numfmt_era_date(small, sizeof small, "2026-04-24"));
    CHECK_STR(small, "");
}

int main(void)
{
    /* A locale with another decimal point and grouping must not matter. */
    setlocale(LC_ALL, "de_DE.UTF-8");
    test_int();
    test_pct();
    test_man();
    test_era();
    return test_done();
}
