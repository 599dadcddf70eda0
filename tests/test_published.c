/* test_published.c - every number the publication states (published.tsv, one
 * row each) must come out of data/ through the project's own aggregation.
 * A failure names the tsv row: published.tsv:LINE: name: got …, expected …. */
#include "figures.h"
#include "survey.h"
#include "harness.h"
#include "numfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TSV TEST_FIXTURES "/published.tsv"

enum { MAX_FIELDS = 8 };

typedef struct {
    const char *name, *page, *figure, *year, *group, *check, *expected;
    int option;
    int line;
} published_row;

static int year_index(const survey *s, const char *key)
{
    for (int y = 0; y < s->n_years; y++)
        if (strcmp(s->years[y].key, key) == 0)
            return y;
    return -1;
}

#define FAIL_ROW(row, ...) test_fail(TSV, (row)->line, __VA_ARGS__)

/* "1,2,3": the first ranks of the series are these options, ranks 1, 2, 3. */
static void check_order(const figset *f, const published_row *row, int year, const char *group)
{
    const fig_row *ranked[64];
    int n = figures_ranked(f, row->page, row->figure, year, group, ranked, 64);
    char got[256] = "", expected_copy[256];
    snprintf(expected_copy, sizeof expected_copy, "%s", row->expected);
    int k = 0;
    bool ok = n > 0;
    for (char *tok = strtok(expected_copy, ","); tok; tok = strtok(NULL, ","), k++) {
        if (k >= n || k >= 64) {
            ok = false;
            break;
        }
        size_t len = strlen(got);
        snprintf(got + len, sizeof got - len, "%s%d(rank %d)", k ? "," : "", ranked[k]->option,
                 ranked[k]->rank);
        if (ranked[k]->option != atoi(tok) || ranked[k]->rank != k + 1)
            ok = false;
    }
    /* a shared rank right after the prefix would make the order ambiguous */
    if (ok && k < n && ranked[k]->rank == k)
        ok = false;
    if (!ok)
        FAIL_ROW(row, "%s: ranked options %s, expected %s, each rank unshared", row->name, got,
                 row->expected);
}

static void check_row(const figset *f, const survey *s, const published_row *row)
{
    test_checks++;
    int year = year_index(s, row->year);
    const char *group = strcmp(row->group, "-") == 0 ? "" : row->group;
    if (year < 0) {
        FAIL_ROW(row, "%s: no survey year %s", row->name, row->year);
        return;
    }
    if (strcmp(row->check, "order") == 0) {
        check_order(f, row, year, group);
        return;
    }
    const fig_row *r = figures_get(f, row->page, row->figure, year, group, row->option);
    if (!r) {
        FAIL_ROW(row, "%s: no figure %s/%s %s \"%s\" option %d", row->name, row->page,
                 row->figure, row->year, group, row->option);
        return;
    }
    char got[NUMFMT_MAX];
    if (strcmp(row->check, "count") == 0)
        snprintf(got, sizeof got, "%d", r->count);
    else if (strcmp(row->check, "base") == 0)
        snprintf(got, sizeof got, "%d", r->base);
    else if (strcmp(row->check, "percent") == 0)
        numfmt_pct10_str(got, r->pct10);
    else if (strcmp(row->check, "pct_int") == 0)
        snprintf(got, sizeof got, "%d", numfmt_pct_int(r->count, r->base));
    else if (strcmp(row->check, "rank") == 0)
        snprintf(got, sizeof got, "%d", r->rank);
    else if (strcmp(row->check, "man") == 0)
        numfmt_man(got, r->count);
    else if (strcmp(row->check, "greater") == 0) {
        const fig_row *other = figures_get(f, row->page, row->figure, year, group,
                                           atoi(row->expected));
        if (!other || r->count <= other->count)
            FAIL_ROW(row, "%s: count %d is not greater than option %s's %d", row->name, r->count,
                     row->expected, other ? other->count : -1);
        return;
    } else if (strcmp(row->check, "rank_last") == 0) {
        const fig_row *ranked[64];
        int n = figures_ranked(f, row->page, row->figure, year, group, ranked, 64);
        int last = n > 0 && n <= 64 ? ranked[n - 1]->rank : -1;
        bool alone = n > 1 && n <= 64 && ranked[n - 2]->rank < last;
        if (r->rank != last || !alone)
            FAIL_ROW(row, "%s: rank %d of %d (last rank %d%s)", row->name, r->rank, n, last,
                     alone ? "" : ", shared");
        return;
    } else {
        FAIL_ROW(row, "%s: unknown check \"%s\"", row->name, row->check);
        return;
    }
    if (strcmp(got, row->expected) != 0)
        FAIL_ROW(row, "%s: %s/%s %s \"%s\" option %d %s: got %s, expected %s", row->name,
                 row->page, row->figure, row->year, group, row->option, row->check, got,
                 row->expected);
}

/* Splits a tab-separated line in place. */
static int split_tabs(char *line, char **fields, int max)
{
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    return n;
}

int main(void)
{
    diags *d = diags_new(stderr);
    survey *s = survey_load(TEST_DATA_DIR, d);
    CHECK(s != NULL);
    FILE *fp = fopen(TSV, "r");
    CHECK(fp != NULL);
    if (!s || !fp) {
        if (fp)
            fclose(fp);
        diags_free(d);
        return test_done();
    }
    arena *mem = arena_new();
    figset *national = figures_compute(s, 0, mem);

    char buf[1024];
    int line = 0, rows = 0;
    while (fgets(buf, sizeof buf, fp)) {
        line++;
        buf[strcspn(buf, "\r\n")] = '\0';
        if (buf[0] == '#' || buf[0] == '\0')
            continue;
        char *f[MAX_FIELDS];
        if (split_tabs(buf, f, MAX_FIELDS) != MAX_FIELDS) {
            test_fail(TSV, line, "expected %d tab-separated fields", MAX_FIELDS);
            continue;
        }
        published_row row = {.name = f[0], .page = f[1], .figure = f[2], .year = f[3],
                             .group = f[4], .option = atoi(f[5]), .check = f[6],
                             .expected = f[7], .line = line};
        check_row(national, s, &row);
        rows++;
    }
    fclose(fp);
    printf("%d published numbers checked\n", rows);
    CHECK(rows >= 80);
    arena_free(mem);
    survey_free(s);
    diags_free(d);
    return test_done();
}
