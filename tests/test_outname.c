/* test_outname.c - names from the data made into file-name components
 * (outname.h), against components written out by hand. */
#include "harness.h"
#include "outname.h"

#include <string.h>

static void check_name(const char *name, const char *want)
{
    char out[OUTNAME_MAX + 1];
    outname_component(out, sizeof out, name);
    CHECK_STR(out, want);
}

int main(void)
{
    check_name("サンプル市201", "サンプル市201");
    check_name("東京都", "東京都");
    check_name("x/../../../escaped", "x_.._.._.._escaped");
    check_name("a\\b", "a_b");
    check_name("..", "_.");
    check_name(".hidden", "_hidden");
    check_name("-rf", "_rf");
    check_name("", "_");
    check_name("tab\there", "tab_here");
    check_name("\x1b[31mred", "_[31mred");
    check_name("\xc2\x9b" "csi", "__csi");
    check_name("bad\xff\xfe", "bad__");
    check_name("cut\xe6\x9d", "cut__"); /* a character cut short at the end */

    /* at most OUTNAME_MAX bytes, cut between characters (3-byte 都) */
    char long_name[400] = "";
    for (int i = 0; i < 100; i++)
        strcat(long_name, "都");
    char out[OUTNAME_MAX + 1];
    size_t n = outname_component(out, sizeof out, long_name);
    CHECK_INT(n, 150);
    CHECK(outname_is_component(out));

    CHECK(outname_is_component("012017_x"));
    CHECK(!outname_is_component("a/b"));
    CHECK(!outname_is_component(".x"));

    size_t at = 0;
    CHECK(outname_has_control("ab\tc", &at));
    CHECK_INT(at, 3);
    CHECK(outname_has_control("札幌\x1b", &at));
    CHECK_INT(at, 3);
    CHECK(outname_has_control("x\xc2\x85", &at)); /* NEL, a C1 control */
    CHECK(!outname_has_control("サンプル市201", &at));
    CHECK(!outname_has_control("a/b", &at));
    return test_done();
}
