/* test_provenance.c - the provenance sidecar of the national deck is
 * complete: every number token pdftotext finds on a page has an entry on
 * that page in the sidecar (read back from the CSV the build writes), and
 * every entry's tokens are printed there. Entries name the right figure,
 * numerator, denominator and rounding for a few hand-checked numbers. */
#include "csvread.h"
#include "deck.h"
#include "figures.h"
#include "fontset.h"
#include "harness.h"
#include "provenance.h"
#include "survey.h"
#include "tokenbag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The sidecar CSV as read back: page and text of every entry, plus counts. */
typedef struct {
    tb_bag pages[TB_MAX_PAGES + 1];
    int rows, unattributed, bad_page;
    bool header_ok;
} sidecar;

static void sidecar_row(void *ctx, const csv_row *r)
{
    sidecar *sc = ctx;
    if (r->index == 0) {
        sc->header_ok = r->n_fields == 16 && strcmp(r->field[0], "page") == 0 &&
                        strcmp(r->field[3], "text") == 0 && strcmp(r->field[14], "rounding") == 0;
        return;
    }
    sc->rows++;
    int page = atoi(r->field[0]);
    if (page < 1 || page > TB_MAX_PAGES) {
        sc->bad_page++;
        return;
    }
    if (strcmp(r->field[1], "unattributed") == 0)
        sc->unattributed++;
    prov_tokens(r->field[3], strlen(r->field[3]), tb_put_cb, &sc->pages[page]);
}

static const prov_entry *find(const prov_list *pl, int page, const char *text, const char *fig)
{
    for (int i = 0; i < prov_count(pl); i++) {
        const prov_entry *e = prov_get(pl, i);
        if (e->page == page && strcmp(e->text, text) == 0 &&
            (!fig || (e->row && strcmp(e->row->figure, fig) == 0)))
            return e;
    }
    return NULL;
}

static bool write_bytes(const char *path, const unsigned char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

int main(void)
{
    diags *d = diags_new(stderr);
    arena *mem = arena_new();
    survey *s = survey_load(TEST_DATA_DIR, d);
    CHECK(s != NULL);
    if (!s)
        return test_done();
    figset *national = figures_compute(s, 0, mem);
    fontset *fonts = fontset_load(TEST_FIXTURES "/../fonts/fonts.ini", d);
    CHECK(fonts != NULL);
    deck_templates *t = fonts ? deck_templates_load(TEST_FIXTURES "/../layouts", "deck.ini",
                                                    figures_catalogue(national), mem, d)
                              : NULL;
    CHECK(t != NULL);
    if (!t)
        return test_done();

    prov_list *pl = prov_new(mem);
    deck_scope scope = {.f = national, .prov = pl};
    unsigned char *pdf = NULL;
    size_t len = 0;
    int n_pages = 0;
    CHECK(deck_render_scope(t, &scope, fonts, &pdf, &len, &n_pages, d));
    CHECK(n_pages >= 19);

    char dir[] = "/tmp/test_provenance.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char pdf_path[128], csv_path[128];
    snprintf(pdf_path, sizeof pdf_path, "%s/national.pdf", dir);
    snprintf(csv_path, sizeof csv_path, "%s/national.numbers.csv", dir);
    CHECK(write_bytes(pdf_path, pdf, len));
    free(pdf);

    unsigned char *csv = NULL, *json = NULL;
    size_t csv_len = 0, json_len = 0;
    CHECK(prov_format_csv(pl, figures_catalogue(national), &csv, &csv_len));
    CHECK(write_bytes(csv_path, csv, csv_len));
    CHECK(prov_format_json(pl, figures_catalogue(national), "national.pdf", &json, &json_len));

    /* the sidecar read back */
    static sidecar sc;
    csv_options utf8 = {.encoding = TEXTENC_UTF8};
    csv_result cr = csv_read_file(csv_path, &utf8, sidecar_row, &sc, d);
    CHECK(cr.opened);
    CHECK(sc.header_ok);
    CHECK_INT(sc.rows, prov_count(pl));
    CHECK_INT(sc.bad_page, 0);
    CHECK_INT(sc.unattributed, 0); /* every number came through a hook */

    static tb_bag printed[TB_MAX_PAGES + 1];
    int pdf_n = tb_pdf_pages(pdf_path, printed);
    CHECK_INT(pdf_n, n_pages);

    /* the checker itself: one figure entry left out must be found missing */
    static tb_bag side_copy[TB_MAX_PAGES + 1], pdf_copy[TB_MAX_PAGES + 1];
    for (int p = 1; p <= TB_MAX_PAGES; p++) {
        for (int i = 0; i < sc.pages[p].n; i++)
            tb_put(&side_copy[p], sc.pages[p].tok[i], strlen(sc.pages[p].tok[i]));
        for (int i = 0; i < printed[p].n; i++)
            tb_put(&pdf_copy[p], printed[p].tok[i], strlen(printed[p].tok[i]));
    }
    CHECK(tb_take(&side_copy[4], "45.6"));
    int missing, extra;
    printf("-- self-check: one entry removed (page 4: 45.6)\n");
    tb_compare(pdf_copy, side_copy, n_pages, &missing, &extra);
    CHECK_INT(missing, 1);
    CHECK_INT(extra, 0);

    /* the real comparison */
    printf("-- the national deck\n");
    tb_compare(printed, sc.pages, n_pages, &missing, &extra);
    CHECK_INT(missing, 0);
    CHECK_INT(extra, 0);
    int tokens = 0;
    for (int p = 1; p <= TB_MAX_PAGES; p++)
        tokens += printed[p].n;
    CHECK(tokens > 500); /* the deck prints hundreds of numbers: the text was read */

    /* hand-checked entries */
    const prov_entry *e = find(pl, 4, "45.6%", "status_by_group");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->row->group, "その他市区町村");
        CHECK_INT(e->row->option, 1);
        CHECK_INT(e->numerator, 785);
        CHECK_INT(e->denominator, 1721);
        CHECK_INT(e->rounding, PROV_ROUND_HALF_UP);
        CHECK_INT(e->row->base_kind, BASE_ALL); /* "all bodies" in the sidecar */
        CHECK_STR(s->years[e->row->year].key, "R7");
    }
    e = find(pl, 2, "1,788", NULL);
    CHECK(e != NULL && e->kind == PROV_FIGURE && e->numerator == 1788);
    e = find(pl, 3, "令和7年10月31日", NULL);
    CHECK(e != NULL && e->kind == PROV_DATE && e->source && strcmp(e->source, "2025-10-31") == 0);
    e = find(pl, 1, "令和8年4月24日版", NULL);
    CHECK(e != NULL && e->kind == PROV_DATE);
    e = find(pl, 6, "5.1万人", NULL);
    CHECK(e != NULL && e->kind == PROV_FIGURE && e->rounding == PROV_ROUND_MAN_HALF_UP);
    e = find(pl, 6, "4,250", NULL);
    CHECK(e != NULL && e->kind == PROV_CASE_TEXT);
    e = find(pl, 19, "19", NULL);
    CHECK(e != NULL && e->kind == PROV_PAGE_NUMBER);
    CHECK(find(pl, 1, "1", NULL) == NULL); /* the cover has no page number */
    e = find(pl, 3, "20", NULL);
    CHECK(e != NULL && e->kind == PROV_AXIS);
    e = find(pl, 5, "令和5年度", NULL);
    CHECK(e != NULL && e->kind == PROV_YEAR);

    /* the CSV quotes "1,788"; the JSON holds one object per entry */
    CHECK_CONTAINS((const char *)csv, "\"1,788\"");
    CHECK_CONTAINS((const char *)json, "{\"document\": \"national.pdf\"");
    CHECK_CONTAINS((const char *)json, "\"text\": \"45.6%\"");
    int objects = 0;
    for (const char *p = (const char *)json; (p = strstr(p, "{\"page\": ")); p++)
        objects++;
    CHECK_INT(objects, prov_count(pl));

    free(csv);
    free(json);
    for (int p = 0; p <= TB_MAX_PAGES; p++) {
        tb_free(&printed[p]);
        tb_free(&sc.pages[p]);
        tb_free(&side_copy[p]);
        tb_free(&pdf_copy[p]);
    }
    if (!getenv("KEEP_SIDECAR"))
        unlink(csv_path);
    else
        printf("sidecar: %s\n", csv_path);
    unlink(pdf_path);
    rmdir(dir);
    fontset_free(fonts);
    survey_free(s);
    arena_free(mem);
    diags_free(d);
    return test_done();
}
