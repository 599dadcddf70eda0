/* test_sourcedate.c - SOURCE_DATE_EPOCH parsed strictly (sourcedate.h):
 * decimal seconds from 1970 to the end of 9999, nothing else. */
#include "harness.h"
#include "sourcedate.h"

#include <stdlib.h>
#include <string.h>

static void test_valid(void)
{
    static const struct {
        const char *text;
        long long want;
    } ok[] = {{"0", 0},
              {"1777000000", 1777000000},
              {"0001700000000", 1700000000},
              {"253402300799", 253402300799LL}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        time_t t = -1;
        const char *why = "unset";
        CHECK(source_date_parse(ok[i].text, &t, &why));
        CHECK_INT(t, ok[i].want);
        CHECK(why == NULL);
    }
    /* the last second is a four-digit year: 9999-12-31 23:59:59 */
    time_t t = 0;
    CHECK(source_date_parse("253402300799", &t, NULL));
    struct tm tm;
    CHECK(gmtime_r(&t, &tm) != NULL);
    CHECK_INT(tm.tm_year + 1900, 9999);
    CHECK_INT(tm.tm_mon + 1, 12);
    CHECK_INT(tm.tm_mday, 31);
}

static void test_invalid(void)
{
    static const char *const bad[] = {"", "abc", "-1", "1e9", " 1", "1 ", "+1", "1.5",
                                      "253402300800", "9223372036854775807",
                                      "99999999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        time_t t = 42;
        const char *why = NULL;
        CHECK(!source_date_parse(bad[i], &t, &why));
        CHECK_INT(t, 42);
        CHECK_CONTAINS(why, "9999-12-31");
    }
}

static void test_environment(void)
{
    time_t t;
    const char *why;
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    CHECK(source_date_get(&t, &why));
    CHECK_INT(t, 1700000000);
    setenv("SOURCE_DATE_EPOCH", "1e9", 1);
    CHECK(!source_date_get(&t, &why));
    unsetenv("SOURCE_DATE_EPOCH");
    time_t before = time(NULL);
    CHECK(source_date_get(&t, &why));
    CHECK(t >= before && t <= before + 60);
}

int main(void)
{
    test_valid();
    test_invalid();
    test_environment();
    return test_done();
}
