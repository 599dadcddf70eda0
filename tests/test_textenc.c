/* test_textenc.c - the encoding boundary: detection, CP932 conversion,
 * invalid bytes in either encoding (with line, column and hex), forced
 * encodings read against the wrong file, sequences split across chunks. */
#include "csvread.h"
#include "harness.h"
#include "textenc.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

#define ENC_DIR TEST_FIXTURES "/input/enc/"

typedef struct {
    char text[2048];
} joined;

static void join_row(void *ctx, const csv_row *row)
{
    joined *j = ctx;
    size_t used = strlen(j->text);
    for (int i = 0; i < row->n_fields; i++)
        used += (size_t)snprintf(j->text + used, sizeof j->text - used, "%s%s", i ? "|" : "",
                                 row->field[i]);
    snprintf(j->text + used, sizeof j->text - used, "\n");
}

static csv_result read_fixture(const char *file, text_encoding enc, size_t chunk, joined *j,
                               diags *d)
{
    memset(j, 0, sizeof *j);
    csv_options opt = {.encoding = enc, .chunk_bytes = chunk};
    return csv_read_file(file, &opt, join_row, j, d);
}

static void test_detection_and_cp932(void)
{
    size_t chunks[] = {1, 2, 3, 0};
    for (size_t i = 0; i < 4; i++) {
        joined j;
        diags *d = diags_new(NULL);
        csv_result r = read_fixture(ENC_DIR "cp932.csv", TEXTENC_AUTO, chunks[i], &j, d);
        CHECK_INT(diags_count(d), 0);
        CHECK_INT(r.encoding, TEXTENC_CP932);
        /* Half-width katakana and NEC special characters (①) survive. */
        CHECK_STR(j.text, "団体コード|団体名|備考\n011002|札幌市|ｶﾀｶﾅ・①\n"
                          "131041|新宿区|改行\r\nあり\n");
        diags_free(d);

        d = diags_new(NULL);
        r = read_fixture(ENC_DIR "utf8-bom.csv", TEXTENC_AUTO, chunks[i], &j, d);
        CHECK_INT(diags_count(d), 0);
        CHECK_INT(r.encoding, TEXTENC_UTF8);
        CHECK_STR(j.text, "団体コード|団体名\n011002|札幌市\n"); /* BOM not in the header */
        diags_free(d);

        d = diags_new(NULL);
        r = read_fixture(ENC_DIR "utf8.csv", TEXTENC_AUTO, chunks[i], &j, d);
        CHECK_INT(diags_count(d), 0);
        CHECK_INT(r.encoding, TEXTENC_UTF8);
        CHECK_STR(j.text, "団体コード|団体名\n011002|札幌市\n");
        diags_free(d);
    }
    /* Forcing the right encoding gives the same text. */
    joined j;
    diags *d = diags_new(NULL);
    read_fixture(ENC_DIR "cp932.csv", TEXTENC_CP932, 0, &j, d);
    CHECK_INT(diags_count(d), 0);
    CHECK_CONTAINS(j.text, "011002|札幌市|ｶﾀｶﾅ・①");
    diags_free(d);
}

static void test_invalid_utf8_forced(void)
{
    for (size_t chunk = 1; chunk <= 2; chunk++) {
        joined j;
        diags *d = diags_new(NULL);
        read_fixture(ENC_DIR "bad-utf8.csv", TEXTENC_UTF8, chunk, &j, d);
        CHECK_INT(diags_count(d), 2);
        const diag *g = diags_get(d, 0);
        CHECK_INT(g->code, D_ENC_UTF8);
        CHECK_STR(g->file, ENC_DIR "bad-utf8.csv");
        CHECK_INT(g->line, 2);
        CHECK_INT(g->column, 2);
        CHECK_CONTAINS(g->message, "bytes 0xFF at character 9 are not valid UTF-8");
        g = diags_get(d, 1);
        CHECK_INT(g->line, 3);
        CHECK_INT(g->column, 2);
        /* A truncated 3-byte sequence is reported as the bytes that were there. */
        CHECK_CONTAINS(g->message, "bytes 0xE3 0x81 at character 10");
        diags_free(d);
    }
    /* Auto-detection takes the same file for CP932, where 0xFF is invalid too. */
    joined j;
    diags *d = diags_new(NULL);
    csv_result r = read_fixture(ENC_DIR "bad-utf8.csv", TEXTENC_AUTO, 0, &j, d);
    CHECK_INT(r.encoding, TEXTENC_CP932);
    CHECK(diags_has(d, D_ENC_CP932));
    diags_free(d);
}

static void test_invalid_cp932(void)
{
    joined j;
    diags *d = diags_new(NULL);
    csv_result r = read_fixture(ENC_DIR "bad-cp932.csv", TEXTENC_AUTO, 1, &j, d);
    CHECK_INT(r.encoding, TEXTENC_CP932);
    CHECK_INT(diags_count(d), 1);
    const diag *g = diags_get(d, 0);
    CHECK_INT(g->code, D_ENC_CP932);
    CHECK_INT(g->line, 2);
    CHECK_INT(g->column, 2);
    CHECK_CONTAINS(g->message, "bytes 0x85 0x40 at character 9 are not valid CP932");
    /* The characters after the bad pair are kept, not swallowed. */
    CHECK_CONTAINS(j.text, "011002|札\xEF\xBF\xBD幌市\n");
    diags_free(d);
}

static void test_wrong_forced_encoding(void)
{
    /* A CP932 file read as forced UTF-8: every Japanese character is invalid. */
    joined j;
    diags *d = diags_new(NULL);
    read_fixture(ENC_DIR "cp932.csv", TEXTENC_UTF8, 0, &j, d);
    CHECK(diags_count(d) > 0);
    CHECK_INT(diags_get(d, 0)->code, D_ENC_UTF8);
    CHECK_INT(diags_get(d, 0)->line, 1);
    CHECK_INT(diags_get(d, 0)->column, 1);
    CHECK_CONTAINS(diags_get(d, 0)->message, "0x92");
    diags_free(d);

    /* A UTF-8 file read as forced CP932 fails where UTF-8 bytes do not pair. */
    const char *s = "a\n生成AI導入\n";
    d = diags_new(NULL);
    memset(&j, 0, sizeof j);
    csv_options opt = {.encoding = TEXTENC_CP932};
    csv_read_memory("m.csv", s, strlen(s), &opt, join_row, &j, d);
    CHECK(diags_has(d, D_ENC_CP932));
    CHECK_INT(diags_get(d, 0)->line, 2);
    diags_free(d);
}

static void test_sniffer_and_decoder_units(void)
{
    textenc_sniffer sn;
    const char *u = "\xE6\x9C\xAD"; /* 札, fed a byte at a time */
    textenc_sniff_init(&sn);
    for (int i = 0; i < 3; i++)
        textenc_sniff(&sn, u + i, 1);
    CHECK_INT(textenc_sniff_result(&sn), TEXTENC_UTF8);

    /* UTF-8 text with one stray byte is still UTF-8 (the decoder reports the
     * byte where it is), not CP932 with thousands of problems. */
    textenc_sniff_init(&sn);
    for (int i = 0; i < 20; i++)
        textenc_sniff(&sn, "サンプル市,", strlen("サンプル市,"));
    textenc_sniff(&sn, "\xFF", 1);
    CHECK_INT(textenc_sniff_result(&sn), TEXTENC_UTF8);
    /* CP932 Japanese (サンプル市 in Shift_JIS) stays CP932. */
    textenc_sniff_init(&sn);
    for (int i = 0; i < 20; i++)
        textenc_sniff(&sn, "\x83\x54\x83\x93\x83\x76\x83\x8B\x8E\x73,", 11);
    CHECK_INT(textenc_sniff_result(&sn), TEXTENC_CP932);

    textenc_sniff_init(&sn);
    textenc_sniff(&sn, u, 2); /* truncated at the end of the file */
    CHECK_INT(textenc_sniff_result(&sn), TEXTENC_CP932);
    textenc_sniff_init(&sn);
    textenc_sniff(&sn, "\xEF", 1);
    textenc_sniff(&sn, "\xBB", 1);
    textenc_sniff(&sn, "\xBF\xFF", 2); /* BOM wins even with garbage after it */
    CHECK(textenc_sniff_done(&sn));
    CHECK_INT(textenc_sniff_result(&sn), TEXTENC_UTF8);

    text_encoding e;
    CHECK(textenc_parse("UTF-8", &e) && e == TEXTENC_UTF8);
    CHECK(textenc_parse("cp932", &e) && e == TEXTENC_CP932);
    CHECK(textenc_parse("Shift_JIS", &e) && e == TEXTENC_CP932);
    CHECK(textenc_parse("auto", &e) && e == TEXTENC_AUTO);
    CHECK(!textenc_parse("latin1", &e));

    /* utf8 primitives */
    CHECK_INT(utf8_seq_len((const unsigned char *)"\xC0\x80", 2), -1); /* overlong */
    CHECK_INT(utf8_seq_len((const unsigned char *)"\xED\xA0\x80", 3), -1); /* surrogate */
    CHECK_INT(utf8_seq_len((const unsigned char *)"\xE6\x9C", 2), 0);
    CHECK_INT(utf8_seq_len((const unsigned char *)"\xE6\x9C" "a", 3), -2);
    CHECK_INT(utf8_seq_len((const unsigned char *)"\xF0\x9F\x98\x80", 4), 4);
    CHECK_INT(utf8_count_chars("札幌a", strlen("札幌a")), 3);
    CHECK(utf8_valid("札幌", strlen("札幌")));
    CHECK(!utf8_valid("\xFF", 1));
}

int main(void)
{
    test_detection_and_cp932();
    test_invalid_utf8_forced();
    test_invalid_cp932();
    test_wrong_forced_encoding();
    test_sniffer_and_decoder_units();
    return test_done();
}
