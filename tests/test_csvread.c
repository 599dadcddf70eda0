/* test_csvread.c - the streaming CSV reader: quoting, embedded newlines,
 * CRLF, BOM, line numbers, chunk boundaries (down to 1-byte chunks), every
 * problem the reader reports on its own, pathological sizes. */
#include "csvread.h"
#include "harness.h"

#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Records rows as "line:f1|f2|..." lines, marking bad fields with '!' and
 * ragged rows with '~'. */
typedef struct {
    char text[4096];
    long rows;
} recorder;

static void record(void *ctx, const csv_row *row)
{
    recorder *rec = ctx;
    rec->rows++;
    size_t used = strlen(rec->text);
    if (used + 64 > sizeof rec->text)
        return;
    used += (size_t)snprintf(rec->text + used, sizeof rec->text - used, "%s%ld:",
                             row->ragged ? "~" : "", row->line);
    for (int i = 0; i < row->n_fields; i++) {
        CHECK_INT(strlen(row->field[i]), row->len[i]);
        used += (size_t)snprintf(rec->text + used, sizeof rec->text - used, "%s%s%s",
                                 i ? "|" : "", row->bad[i] ? "!" : "", row->field[i]);
    }
    snprintf(rec->text + used, sizeof rec->text - used, "\n");
}

static csv_result read_str(const char *s, size_t chunk, recorder *rec, diags *d)
{
    memset(rec, 0, sizeof *rec);
    csv_options opt = {.encoding = TEXTENC_AUTO, .chunk_bytes = chunk};
    return csv_read_memory("t.csv", s, strlen(s), &opt, record, rec, d);
}

static const diag *first(diags *d, diag_code code)
{
    for (int i = 0; i < diags_kept(d); i++)
        if (diags_get(d, i)->code == code)
            return diags_get(d, i);
    return NULL;
}

static void test_dialect_every_chunk_size(void)
{
    /* BOM, CRLF, quotes with "" escapes and commas, an embedded CRLF, a blank
     * line, spaces to trim, a spreadsheet's trailing empty row. */
    const char *in = "\xEF\xBB\xBF"
                     "団体コード,団体名,備考\r\n"
                     "011002, 札幌市 ,\"a, \"\"b\"\"\"\r\n"
                     "\r\n"
                     "131041,新宿区,\"改行\r\nあり\"\r\n"
                     ",,\r\n"
                     "281000,神戸市,  \"  spaced  \"  \r\n"
                     "010006,北海道,last-no-newline";
    const char *want = "1:団体コード|団体名|備考\n"
                       "2:011002|札幌市|a, \"b\"\n"
                       "4:131041|新宿区|改行\r\nあり\n"
                       "7:281000|神戸市|  spaced  \n"
                       "8:010006|北海道|last-no-newline\n";
    size_t chunks[] = {1, 2, 3, 5, 7, 64, 0};
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        diags *d = diags_new(NULL);
        recorder rec;
        csv_result r = read_str(in, chunks[i], &rec, d);
        CHECK_STR(rec.text, want);
        CHECK_INT(diags_count(d), 0);
        CHECK_INT(r.data_rows, 4);
        CHECK_INT(r.encoding, TEXTENC_UTF8);
        CHECK(!r.truncated);
        diags_free(d);
    }
}

static void test_unterminated_quote(void)
{
    for (size_t chunk = 1; chunk <= 64; chunk += 63) {
        diags *d = diags_new(NULL);
        recorder rec;
        csv_result r = read_str("a,b\n1,2\n3,\"open\n4,5\n6,7\n", chunk, &rec, d);
        const diag *g = first(d, D_CSV_QUOTE);
        CHECK(g != NULL);
        if (g) {
            CHECK_INT(g->line, 3);
            CHECK_INT(g->column, 2);
            CHECK_CONTAINS(g->message, "opened on line 3");
            CHECK_STR(g->file, "t.csv");
        }
        CHECK(r.truncated);
        CHECK_STR(rec.text, "1:a|b\n2:1|2\n");
        diags_free(d);
    }
}

static void test_stray_quote_recovers(void)
{
    diags *d = diags_new(NULL);
    recorder rec;
    read_str("a,b,c\n1,x\"y,3\n\"q\"z,5,6\n7,8,9\n", 0, &rec, d);
    CHECK_INT(diags_count(d), 2);
    const diag *g = diags_get(d, 0);
    CHECK_INT(g->code, D_CSV_QUOTE);
    CHECK_INT(g->line, 2);
    CHECK_INT(g->column, 2);
    CHECK_CONTAINS(g->message, "character 4");
    g = diags_get(d, 1);
    CHECK_INT(g->code, D_CSV_QUOTE);
    CHECK_INT(g->line, 3);
    CHECK_INT(g->column, 1);
    /* The rows still arrive, the damaged fields marked; later rows intact. */
    CHECK_STR(rec.text, "1:a|b|c\n2:1|!x\"y|3\n3:!q\"z|5|6\n4:7|8|9\n");
    diags_free(d);
}

static void test_ragged_empty_header_only(void)
{
    diags *d = diags_new(NULL);
    recorder rec;
    read_str("a,b,c\n1,2,3\n4,5\n6,7,8,9\n", 0, &rec, d);
    CHECK_INT(diags_count(d), 2);
    CHECK_INT(diags_get(d, 0)->code, D_CSV_RAGGED);
    CHECK_INT(diags_get(d, 0)->line, 3);
    CHECK_INT(diags_get(d, 0)->column, 3);
    CHECK_CONTAINS(diags_get(d, 0)->message, "row has 2 fields; the header has 3");
    CHECK_INT(diags_get(d, 1)->line, 4);
    CHECK_CONTAINS(diags_get(d, 1)->message, "row has 4 fields");
    CHECK_CONTAINS(rec.text, "~3:4|5\n");
    diags_free(d);

    d = diags_new(NULL);
    csv_result r = read_str("", 1, &rec, d);
    CHECK_INT(diags_count(d), 1);
    CHECK_INT(diags_get(d, 0)->code, D_CSV_EMPTY);
    CHECK_CONTAINS(diags_get(d, 0)->message, "empty");
    CHECK_INT(r.data_rows, 0);
    diags_free(d);

    d = diags_new(NULL);
    read_str("\n\na,b\r\n\r\n", 0, &rec, d);
    CHECK_INT(diags_count(d), 1);
    CHECK_INT(diags_get(d, 0)->code, D_CSV_EMPTY);
    CHECK_INT(diags_get(d, 0)->line, 3);
    CHECK_CONTAINS(diags_get(d, 0)->message, "only a header row");
    diags_free(d);
}

static void test_bom_in_middle(void)
{
    diags *d = diags_new(NULL);
    recorder rec;
    read_str("a,b\n1,2\n\xEF\xBB\xBF"
             "3,4\n",
             1, &rec, d);
    CHECK_INT(diags_count(d), 1);
    CHECK_INT(diags_get(d, 0)->code, D_CSV_BOM);
    CHECK_INT(diags_get(d, 0)->line, 3);
    CHECK_CONTAINS(rec.text, "3:3|4\n");
    diags_free(d);
}

static void test_field_too_long(void)
{
    /* A 10 MB quoted field: reported once, cut, the next row still read. */
    size_t big = 10u * 1024 * 1024;
    char *s = xmalloc(big + 64);
    size_t n = (size_t)sprintf(s, "a,b\n1,\"");
    memset(s + n, 'x', big);
    n += big;
    n += (size_t)sprintf(s + n, "\"\n2,ok\n");
    diags *d = diags_new(NULL);
    recorder rec = {0};
    csv_read_memory("big.csv", s, n, NULL, record, &rec, d);
    CHECK_INT(diags_count(d), 1);
    CHECK_INT(diags_get(d, 0)->code, D_FIELD_TOO_LONG);
    CHECK_INT(diags_get(d, 0)->line, 2);
    CHECK_INT(diags_get(d, 0)->column, 2);
    CHECK_CONTAINS(diags_get(d, 0)->message, "longer than 65536 bytes");
    CHECK_STR(rec.text, "1:a|b\n2:1|!\n3:2|ok\n");
    diags_free(d);

    /* Unquoted, with a small cap and trailing spaces (libcsv's space count). */
    memset(s, 0, 64);
    n = (size_t)sprintf(s, "a\n");
    memset(s + n, 'y', 5000);
    n += 5000;
    memset(s + n, ' ', 5000);
    n += 5000;
    n += (size_t)sprintf(s + n, "\nz\n");
    d = diags_new(NULL);
    memset(&rec, 0, sizeof rec);
    csv_options opt = {.max_field_bytes = 100};
    csv_read_memory("big.csv", s, n, &opt, record, &rec, d);
    CHECK_INT(diags_count(d), 1);
    CHECK_STR(rec.text, "1:a\n2:!\n3:z\n");
    diags_free(d);

    /* Over the cap by a little, ending within the piece in which it passes
     * the cap (found by fuzz_csv): still reported and cut. */
    n = (size_t)sprintf(s, "a\n");
    memset(s + n, 'w', 150);
    n += 150;
    n += (size_t)sprintf(s + n, "\nz\n");
    d = diags_new(NULL);
    memset(&rec, 0, sizeof rec);
    csv_read_memory("over.csv", s, n, &opt, record, &rec, d);
    CHECK_INT(diags_count(d), 1);
    CHECK_INT(diags_get(d, 0)->code, D_FIELD_TOO_LONG);
    CHECK_INT(diags_get(d, 0)->line, 2);
    CHECK_STR(rec.text, "1:a\n2:!\n3:z\n");
    diags_free(d);
    free(s);
}

/* Reads s with a cap of max bytes per field, every chunk size given; the
 * rows and the number of diagnostics must be the same for each. */
static void read_capped(const char *s, size_t max, const char *want_rows, int want_diags,
                        diag_code want_code)
{
    size_t chunks[] = {1, 3, 0};
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        diags *d = diags_new(NULL);
        recorder rec = {0};
        csv_options opt = {.max_field_bytes = max, .chunk_bytes = chunks[c]};
        csv_read_memory("cap.csv", s, strlen(s), &opt, record, &rec, d);
        CHECK_STR(rec.text, want_rows);
        CHECK_INT(diags_count(d), want_diags);
        if (diags_count(d) > 0)
            CHECK_INT(diags_get(d, 0)->code, want_code);
        diags_free(d);
    }
}

static void test_cap_in_every_state(void)
{
    /* The cap (8 bytes) is reached at every position of a long value:
     * unquoted, quoted, on an escaped quote "", after the closing quote and
     * spaces, across a line break inside quotes. Whatever libcsv's state was
     * when it stopped, the value is cut, reported once, and ends where it
     * should: the next field and the next row are intact. */
    char s[256];
    for (int n = 9; n <= 24; n++) {
        char x[32];
        memset(x, 'x', (size_t)n);
        x[n] = '\0';
        snprintf(s, sizeof s, "a,b,c\n1,%s,z\n2,ok,z\n", x);
        read_capped(s, 8, "1:a|b|c\n2:1|!|z\n3:2|ok|z\n", 1, D_FIELD_TOO_LONG);
        snprintf(s, sizeof s, "a,b,c\n1,\"%s\"\"q,\"\"\",z\n2,ok,z\n", x);
        read_capped(s, 8, "1:a|b|c\n2:1|!|z\n3:2|ok|z\n", 1, D_FIELD_TOO_LONG);
        snprintf(s, sizeof s, "a,b,c\n1,\"%s\"   ,z\n2,ok,z\n", x);
        read_capped(s, 8, "1:a|b|c\n2:1|!|z\n3:2|ok|z\n", 1, D_FIELD_TOO_LONG);
        snprintf(s, sizeof s, "a,b,c\n1,\"%s\n%s\",z\n2,ok,z\n", x, x);
        read_capped(s, 8, "1:a|b|c\n2:1|!|z\n4:2|ok|z\n", 1, D_FIELD_TOO_LONG);
    }
    /* exactly at the cap: not cut, quoted or not */
    read_capped("a,b\n12345678,\"abcdefgh\"\n", 8, "1:a|b\n2:12345678|abcdefgh\n", 0, D__COUNT);
}

static void test_stray_quote_keeps_the_value(void)
{
    /* After a closing quote and spaces, a quote; a quote after a space in an
     * unquoted value: reported, the value kept byte for byte, read on as
     * unquoted text up to the next comma. */
    diags *d = diags_new(NULL);
    recorder rec;
    read_str("a,b,c\n\"ab\" \"c,d,e\n1,x \"y,z\n", 1, &rec, d);
    CHECK_INT(diags_count(d), 2);
    CHECK_INT(diags_get(d, 0)->line, 2);
    CHECK_INT(diags_get(d, 0)->column, 1);
    CHECK_CONTAINS(diags_get(d, 0)->message, "character 6");
    CHECK_INT(diags_get(d, 1)->line, 3);
    CHECK_INT(diags_get(d, 1)->column, 2);
    CHECK_STR(rec.text, "1:a|b|c\n2:!ab\" \"c|d|e\n3:1|!x \"y|z\n");
    diags_free(d);
}

static void test_nul_byte(void)
{
    /* A NUL inside a field (also in a quoted, multi-line one): reported at
     * its field with its character, the field marked bad, whatever the
     * chunks; the rest of the file is read. */
    static const char in[] = "a,b\n1,x\0y\n\"q\nr\0\",2\n3,ok\n";
    size_t chunks[] = {1, 2, 0};
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        diags *d = diags_new(NULL);
        recorder rec = {0};
        csv_options opt = {.chunk_bytes = chunks[c]};
        csv_read_memory("nul.csv", in, sizeof in - 1, &opt, record, &rec, d);
        CHECK_INT(diags_count(d), 2);
        if (diags_count(d) == 2) {
            CHECK_INT(diags_get(d, 0)->code, D_CSV_NUL);
            CHECK_INT(diags_get(d, 0)->line, 2);
            CHECK_INT(diags_get(d, 0)->column, 2);
            CHECK_CONTAINS(diags_get(d, 0)->message, "NUL byte at character 2");
            CHECK_INT(diags_get(d, 1)->line, 3);
            CHECK_INT(diags_get(d, 1)->column, 1);
            CHECK_CONTAINS(diags_get(d, 1)->message, "at character 4");
        }
        CHECK_STR(rec.text, "1:a|b\n2:1|!\n3:!|2\n5:3|ok\n");
        diags_free(d);
    }
}

static void count_row(void *ctx, const csv_row *row)
{
    (void)row;
    ++*(long *)ctx;
}

static void test_many_rows_capped_errors(void)
{
    /* 100,000 rows, each one ragged: all read, diagnostics capped per file. */
    size_t cap = 100000 * 16 + 16;
    char *s = xmalloc(cap);
    size_t n = (size_t)sprintf(s, "a,b\n");
    for (int i = 0; i < 100000; i++)
        n += (size_t)sprintf(s + n, "%d\n", i);
    diags *d = diags_new(NULL);
    long rows = 0;
    csv_result r = csv_read_memory("many.csv", s, n, NULL, count_row, &rows, d);
    CHECK_INT(rows, 100001);
    CHECK_INT(r.data_rows, 100000);
    CHECK_INT(diags_count(d), 100000);
    CHECK_INT(diags_kept(d), DIAG_CAP_PER_FILE);
    CHECK_INT(diags_get(d, 99)->line, 101);
    diags_free(d);
    free(s);
}

static csv_row header_of(const char **names, int n, const bool *bad)
{
    return (csv_row){.index = 0, .line = 1, .n_fields = n, .field = names, .bad = bad};
}

static void test_map_header(void)
{
    const csv_column cols[] = {{"団体コード", true, NULL},
                               {"導入状況", true, NULL},
                               {"課題", false, NULL},
                               {"効果の活用方法", false, "効果の活用方法 is asked from R6 on"}};
    int field_of[4];
    bool bad[8] = {false};

    const char *ok[] = {"課題", "団体コード", "導入状況"};
    csv_row h = header_of(ok, 3, bad);
    diags *d = diags_new(NULL);
    CHECK(csv_map_header(&h, "x.csv", cols, 4, field_of, d));
    CHECK_INT(field_of[0], 1);
    CHECK_INT(field_of[1], 2);
    CHECK_INT(field_of[2], 0);
    CHECK_INT(field_of[3], -1);
    CHECK_INT(diags_count(d), 0);
    diags_free(d);

    const char *badh[] = {"団体コード", "課題", "課 題", "課題", "効果の活用方法"};
    h = header_of(badh, 5, bad);
    d = diags_new(NULL);
    CHECK(!csv_map_header(&h, "x.csv", cols, 4, field_of, d));
    CHECK_INT(diags_count(d), 4);
    CHECK_INT(diags_get(d, 0)->code, D_CSV_HEADER_UNKNOWN);
    CHECK_INT(diags_get(d, 0)->column, 3);
    CHECK_CONTAINS(diags_get(d, 0)->message, "unknown column \"課 題\"; expected one of: 団体コード, 導入状況, 課題");
    CHECK_INT(diags_get(d, 1)->code, D_CSV_HEADER_DUPLICATE);
    CHECK_INT(diags_get(d, 1)->column, 4);
    CHECK_CONTAINS(diags_get(d, 1)->message, "fields 2 and 4");
    CHECK_INT(diags_get(d, 2)->code, D_CSV_HEADER_UNKNOWN);
    CHECK_CONTAINS(diags_get(d, 2)->message, "asked from R6 on");
    CHECK_INT(diags_get(d, 3)->code, D_CSV_HEADER_MISSING);
    CHECK_CONTAINS(diags_get(d, 3)->message, "導入状況");
    diags_free(d);
}

int main(void)
{
    test_dialect_every_chunk_size();
    test_unterminated_quote();
    test_stray_quote_recovers();
    test_ragged_empty_header_only();
    test_bom_in_middle();
    test_field_too_long();
    test_cap_in_every_state();
    test_stray_quote_keeps_the_value();
    test_nul_byte();
    test_many_rows_capped_errors();
    test_map_header();
    return test_done();
}
