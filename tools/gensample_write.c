/* gensample_write.c - writes the sample as the CSV files of docs/data-format.md:
 * UTF-8 without BOM, LF line ends, a header row with the codebook's column
 * names, fields quoted only when they must be (RFC 4180), multi-select cells
 * as ascending codes joined by ';'. Rows are in body-code order.
 */
#include "gensample.h"

#include "textbuf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void make_dir(const char *path)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        gs_fatal("%s: cannot create directory: %s", path, strerror(errno));
}

static FILE *open_out(const char *dir, const char *name, char *path, size_t path_size)
{
    /* Checking the length both refuses a truncated path and tells GCC's
     * -Wformat-truncation (Release builds) that truncation is handled. */
    int len = snprintf(path, path_size, "%s/%s", dir, name);
    if (len < 0 || (size_t)len >= path_size)
        gs_fatal("%s/%s: path too long", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        gs_fatal("%s: cannot write: %s", path, strerror(errno));
    return f;
}

static void close_out(FILE *f, const char *path)
{
    if (ferror(f) | fclose(f))
        gs_fatal("%s: write failed", path);
}

/* A text field, quoted as CSV wants it (textbuf.h writes every CSV quote). */
static void put_text(FILE *f, const char *text)
{
    textbuf b = {0};
    textbuf_csv_field(&b, text);
    if (b.len)
        fwrite(b.data, 1, b.len, f);
    textbuf_free(&b);
}

static void put_codes(FILE *f, uint32_t mask)
{
    fputc(',', f);
    bool first = true;
    for (int code = 1; code < 32; code++)
        if ((mask >> code) & 1u) {
            fprintf(f, first ? "%d" : ";%d", code);
            first = false;
        }
}

static void put_code(FILE *f, int code)
{
    if (code > 0)
        fprintf(f, ",%d", code);
    else
        fputc(',', f);
}

static const char *const KIND_LABEL[] = {
    [KIND_PREF] = "都道府県", [KIND_DESIGNATED] = "指定都市", [KIND_CITY] = "市",
    [KIND_WARD] = "特別区",   [KIND_TOWN] = "町",             [KIND_VILLAGE] = "村",
};

static void write_bodies(const gs_sample *s, const char *dir)
{
    char path[4096];
    FILE *f = open_out(dir, "bodies.csv", path, sizeof path);
    fputs("団体コード,都道府県コード,都道府県名,団体名,団体区分,人口\n", f);
    for (int i = 0; i < s->n_bodies; i++) {
        const gs_body *b = &s->bodies[i];
        fprintf(f, "%s,%02d,", b->code, b->pref);
        put_text(f, s->prefs[b->pref - 1].name);
        fputc(',', f);
        put_text(f, b->name);
        fprintf(f, ",%s,%ld\n", KIND_LABEL[b->kind], b->population);
    }
    close_out(f, path);
}

/* Column names are the `column` keys of data/codebook.ini. */
static void write_answers(const gs_sample *s, int y, const char *dir)
{
    char path[4096];
    const gs_year *yr = &s->years[y];
    bool has_q3 = y >= GS_R6; /* codebook: Q3 since = R6 */
    FILE *f = open_out(dir, "answers.csv", path, sizeof path);
    fputs(has_q3 ? "団体コード,導入状況,活用事例,効果の活用方法,課題,ガイドライン,入力可能情報,人材確保\n"
                 : "団体コード,導入状況,活用事例,課題,ガイドライン,入力可能情報,人材確保\n",
          f);
    for (int i = 0; i < s->n_bodies; i++) {
        fputs(s->bodies[i].code, f);
        put_code(f, yr->status[i]);
        put_codes(f, yr->q2[i]);
        if (has_q3)
            put_codes(f, yr->q3[i]);
        put_codes(f, yr->q4[i]);
        put_code(f, yr->q6[i]);
        put_codes(f, yr->q7[i]);
        put_codes(f, yr->q15[i]);
        fputc('\n', f);
    }
    close_out(f, path);
}

static void write_services(const gs_sample *s, int y, const char *dir)
{
    char path[4096];
    const gs_year *yr = &s->years[y];
    FILE *f = open_out(dir, "services.csv", path, sizeof path);
    fputs("団体コード,サービス,契約方法,カスタマイズ,カスタマイズ方法,業務知識,活用パターン,導入コスト,"
          "ランニングコスト\n",
          f);
    for (int r = 0; r < yr->n_services; r++) {
        const gs_service *row = &yr->services[r];
        fputs(s->bodies[row->body].code, f);
        put_code(f, row->q5);
        put_code(f, row->q8);
        put_code(f, row->q9);
        put_codes(f, row->q10);
        put_codes(f, row->q11);
        put_code(f, row->q12);
        put_code(f, row->q13);
        put_code(f, row->q14);
        fputc('\n', f);
    }
    close_out(f, path);
}

static void write_cases(const gs_sample *s, const char *dir)
{
    char path[4096];
    FILE *f = open_out(dir, "cases.csv", path, sizeof path);
    fputs("団体コード,活用事例,導入効果,削減前時間,削減後時間\n", f);
    for (int c = 0; c < GS_CASES; c++) {
        const gs_case *k = &s->cases[c];
        fputs(s->bodies[k->body].code, f);
        fputc(',', f);
        put_text(f, k->use_case);
        fputc(',', f);
        put_text(f, k->effect);
        if (k->hours_before > 0)
            fprintf(f, ",%d,%d\n", k->hours_before, k->hours_after);
        else
            fputs(",,\n", f);
    }
    close_out(f, path);
}

void gs_write_all(const gs_sample *s, const char *out_dir)
{
    char dir[4096];
    make_dir(out_dir);
    write_bodies(s, out_dir);
    for (int y = 0; y < GS_YEARS; y++) {
        snprintf(dir, sizeof dir, "%s/%s", out_dir, gs_year_keys[y]);
        make_dir(dir);
        write_answers(s, y, dir);
        write_services(s, y, dir);
        if (y == GS_R7)
            write_cases(s, dir);
    }
}
