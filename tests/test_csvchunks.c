/* test_csvchunks.c - the streaming CSV reader gives the same rows, results
 * and diagnostics whatever the chunks its input arrives in: each edge input
 * and survey file is read whole and in 1-byte chunks, and compared. */
#include "csvread.h"
#include "harness.h"

#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every row as text ("line:f1|f2" with '!' for bad fields, '~' for ragged
 * rows) into a growing buffer, plus a running hash for big files. */
typedef struct {
    char *text;
    size_t len, cap;
    long rows;
} recorder;

static void rec_put(recorder *rec, const char *s, size_t n)
{
    if (rec->len + n + 1 > rec->cap) {
        rec->cap = (rec->len + n + 1) * 2;
        rec->text = xrealloc(rec->text, rec->cap);
    }
    memcpy(rec->text + rec->len, s, n);
    rec->len += n;
    rec->text[rec->len] = '\0';
}

static void record(void *ctx, const csv_row *row)
{
    recorder *rec = ctx;
    char head[48];
    rec->rows++;
    int n = snprintf(head, sizeof head, "%s%ld#%ld:", row->ragged ? "~" : "", row->line,
                     row->index);
    rec_put(rec, head, (size_t)n);
    for (int i = 0; i < row->n_fields; i++) {
        CHECK_INT(strlen(row->field[i]), row->len[i]);
        if (i)
            rec_put(rec, "|", 1);
        if (row->bad[i])
            rec_put(rec, "!", 1);
        rec_put(rec, row->field[i], row->len[i]);
    }
    rec_put(rec, "\n", 1);
}

typedef struct {
    recorder rec;
    csv_result res;
    char diag_text[2048];
} reading;

static void read_with(const char *s, size_t n, size_t chunk, size_t max_field, reading *out)
{
    memset(out, 0, sizeof *out);
    diags *d = diags_new(NULL);
    csv_options opt = {.encoding = TEXTENC_AUTO, .chunk_bytes = chunk,
                       .max_field_bytes = max_field};
    out->res = csv_read_memory("t.csv", s, n, &opt, record, &out->rec, d);
    size_t used = 0;
    for (int i = 0; i < diags_kept(d) && used + 200 < sizeof out->diag_text; i++) {
        const diag *g = diags_get(d, i);
        used += (size_t)snprintf(out->diag_text + used, sizeof out->diag_text - used,
                                 "%d@%ld:%ld;", (int)g->code, g->line, g->column);
    }
    diags_free(d);
}

/* Reads s both ways and checks that rows, results and diagnostics agree;
 * returns the whole reading's rows (caller frees). */
static char *same_both_ways(const char *s, size_t max_field)
{
    size_t n = strlen(s);
    reading ref, whole;
    read_with(s, n, 1, max_field, &ref);
    read_with(s, n, 0, max_field, &whole);
    CHECK_STR(whole.rec.text ? whole.rec.text : "", ref.rec.text ? ref.rec.text : "");
    CHECK_INT(whole.rec.rows, ref.rec.rows);
    CHECK_INT(whole.res.data_rows, ref.res.data_rows);
    CHECK_INT(whole.res.problems, ref.res.problems);
    CHECK_STR(whole.diag_text, ref.diag_text);
    free(ref.rec.text);
    return whole.rec.text ? whole.rec.text : xstrdup("");
}

static void test_plain_lines_match_libcsv(void)
{
    static const char *const inputs[] = {
        "a,b,c\n1,2,3\n",
        "a,b,c\r\n1, 2 ,3\r\n\r\n4,5,6\r\n",
        "a,b\n \t x \t , y\t\n   \n\t\n,,\n1,\n",
        "a,b\n1,2\r3,4\n5,6\n",           /* a lone CR ends a row (libcsv) */
        "a,b\n1,\"x,y\"\n2,z\n",          /* a quoted line goes to libcsv */
        "a,b\n1,x\"y\n2,z\n",             /* a stray quote: reported the same */
        "a,b,c\n1,2\n3,4,5,6\n",          /* ragged rows */
        "a,b\n1,2",                       /* no final newline */
        "a,b\n",                          /* header only */
        "\xEF\xBB\xBF" "a,b\n1,2\n",      /* BOM */
        "a,b\n1,\xFF\n2,3\n",             /* an invalid byte mid-line */
        "a,b\n1,2\xEF\xBB\xBF,3\n",       /* a misplaced BOM */
        "a,b\n1,\"open\n2,3\n",           /* an unterminated quote */
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
        free(same_both_ways(inputs[i], 0));
}

static void test_split_fields(void)
{
    char *rows = same_both_ways("a,b,c\n \t1\t, 2 ,\n\n  \t \r\n x,,y \r\n", 0);
    CHECK_STR(rows, "1#0:a|b|c\n2#1:1|2|\n5#2:x||y\n");
    free(rows);
    /* a field over a small cap within one line: reported once, emptied */
    rows = same_both_ways("a,b\n1,123456789\n", 4);
    CHECK_STR(rows, "1#0:a|b\n2#1:1|!\n");
    free(rows);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (len + 65536 > cap) {
            cap = (len + 65536) * 2;
            buf = xrealloc(buf, cap);
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    buf[len < cap ? len : cap - 1] = '\0';
    *n = len;
    return buf;
}

static void test_survey_files_match_libcsv(void)
{
    static const char *const files[] = {"bodies.csv", "R5/answers.csv", "R6/services.csv",
                                        "R7/answers.csv", "R7/cases.csv"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", TEST_DATA_DIR, files[i]);
        size_t n = 0;
        char *data = slurp(path, &n);
        if (!data)
            continue;
        reading ref, whole;
        read_with(data, n, 1, 0, &ref);
        read_with(data, n, 0, 0, &whole);
        CHECK(ref.rec.rows > 1);
        CHECK_INT(whole.rec.rows, ref.rec.rows);
        CHECK_INT(whole.rec.len, ref.rec.len);
        CHECK(whole.rec.text && ref.rec.text && strcmp(whole.rec.text, ref.rec.text) == 0);
        CHECK_STR(whole.diag_text, ref.diag_text);
        free(ref.rec.text);
        free(whole.rec.text);
        free(data);
    }
}

int main(void)
{
    test_plain_lines_match_libcsv();
    test_split_fields();
    test_survey_files_match_libcsv();
    return test_done();
}
