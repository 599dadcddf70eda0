/* The diagnostics table: every code has a unique id and a documented exit
 * status; collected diagnostics keep place and message; the cap holds. */
#include "diag.h"
#include "harness.h"

#include <string.h>

int main(void)
{
    for (int i = 0; i < D__COUNT; i++) {
        CHECK(diag_code_id((diag_code)i)[0] != '\0');
        int st = diag_code_status((diag_code)i);
        CHECK(st == EXIT_DATA || st == EXIT_TEMPLATE || st == EXIT_IO || st == EXIT_FONT ||
              st == EXIT_USAGE || st == EXIT_INTERNAL);
        for (int j = 0; j < i; j++)
            if (strcmp(diag_code_id((diag_code)i), diag_code_id((diag_code)j)) == 0)
                test_fail(__FILE__, __LINE__, "duplicate id %s", diag_code_id((diag_code)i));
    }

    diags *d = diags_new(NULL);
    CHECK_INT(diags_exit_status(d), EXIT_OK);
    diag_add(d, D_ANSWER_CODE, "a.csv", 3, 4, "unknown code \"%s\"", "99");
    CHECK_INT(diags_count(d), 1);
    const diag *g = diags_get(d, 0);
    CHECK_STR(g->file, "a.csv");
    CHECK_INT(g->line, 3);
    CHECK_INT(g->column, 4);
    CHECK_STR(g->message, "unknown code \"99\"");
    CHECK_INT(diags_exit_status(d), EXIT_DATA);
    diag_add(d, D_IO_WRITE, "out/x.pdf", 0, 0, "disk full");
    CHECK_INT(diags_exit_status(d), EXIT_IO);
    for (int i = 0; i < 150; i++)
        diag_add(d, D_CSV_RAGGED, "b.csv", i + 2, 1, "ragged");
    CHECK_INT(diags_count(d), 152);
    CHECK_INT(diags_kept(d), 2 + DIAG_CAP_PER_FILE);
    diags_free(d);
    return test_done();
}
