/* test_codebook.c - the shipped codebook loads with the deck's structure;
 * a broken one reports each problem with file:line and the section. */
#include "codebook.h"
#include "harness.h"

#include <string.h>

static void test_shipped(void)
{
    arena *mem = arena_new();
    diags *d = diags_new(stderr);
    codebook cb;
    CHECK(codebook_load(&cb, TEST_DATA_DIR "/codebook.ini", mem, d));
    CHECK_INT(diags_count(d), 0);
    CHECK_INT(cb.n, 15);
    int q4 = codebook_find(&cb, "q4");
    CHECK(q4 >= 0);
    if (q4 >= 0) {
        const cb_question *q = &cb.q[q4];
        CHECK_STR(q->id, "Q4");
        CHECK_STR(q->column, "課題");
        CHECK(q->multi);
        CHECK_INT(q->max, 3);
        CHECK_INT(q->n_options, 13);
        CHECK_INT(q->exclusive, CB_BIT(12));
        CHECK_STR(q->label[12], "特に課題はない");
        CHECK_INT(q->asked_q, -1);
    }
    int q2 = codebook_find(&cb, "Q2"), q1 = codebook_find(&cb, "Q1");
    CHECK_INT(cb.q[q2].asked_q, q1);
    CHECK_INT(cb.q[q2].asked_codes, CB_BIT(1) | CB_BIT(2) | CB_BIT(3));
    CHECK(cb.q[q2].detail);
    CHECK_STR(cb.q[q1].short_label[5], "導入には至らなかった");
    CHECK_STR(cb.q[q1].short_label[1], "導入済"); /* = label when none given */
    int q3 = codebook_find(&cb, "Q3");
    CHECK_STR(cb.q[q3].since, "R6");
    int q10 = codebook_find(&cb, "Q10");
    CHECK_INT(cb.q[q10].file, CB_FILE_SERVICES);
    CHECK_INT(cb.q[q10].asked_q, codebook_find(&cb, "Q9"));
    int q5 = codebook_find(&cb, "Q5");
    CHECK_STR(cb.q[q5].column, "サービス");
    CHECK_INT(cb.q[q5].file, CB_FILE_SERVICES);
    CHECK_INT(codebook_find(&cb, "Q99"), -1);
    diags_free(d);
    arena_free(mem);
}

static void test_broken(void)
{
    arena *mem = arena_new();
    diags *d = diags_new(NULL);
    codebook cb;
    CHECK(!codebook_load(&cb, TEST_FIXTURES "/input/codebook-bad/codebook.ini", mem, d));
    CHECK_INT(diags_count(d), 5);
    const diag *g = diags_get(d, 0);
    CHECK_INT(g->code, D_CODEBOOK);
    CHECK_INT(g->line, 13);
    CHECK_CONTAINS(g->file, "codebook-bad/codebook.ini");
    CHECK_CONTAINS(g->message, "[Q2] file: \"answer\"");
    diags_free(d);

    d = diags_new(NULL);
    CHECK(!codebook_load(&cb, TEST_FIXTURES "/input/nothere.ini", mem, d));
    CHECK_INT(diags_get(d, 0)->code, D_IO_READ);
    diags_free(d);

    /* An INI syntax error carries its line number (the INI reader's scan). */
    d = diags_new(NULL);
    CHECK(!codebook_load(&cb, TEST_FIXTURES "/input/codebook-syntax/codebook.ini", mem, d));
    CHECK_INT(diags_count(d), 1);
    CHECK_INT(diags_get(d, 0)->line, 3);
    CHECK_CONTAINS(diags_get(d, 0)->message, "expected `key = value` or `[section]`");
    diags_free(d);
    arena_free(mem);
}

int main(void)
{
    test_shipped();
    test_broken();
    return test_done();
}
