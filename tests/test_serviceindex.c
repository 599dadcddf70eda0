/* test_serviceindex.c - the loader's index of service rows by prefecture
 * (sv_year.service_by_pref) holds every row once, under its body's
 * prefecture, in file order; and a prefecture's figures computed through it
 * equal those computed by scanning every row (the index removed). */
#include "figures.h"
#include "survey.h"
#include "harness.h"

#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_index_covers_rows(const survey *s)
{
    for (int yi = 0; yi < s->n_years; yi++) {
        const sv_year *y = &s->years[yi];
        CHECK(y->service_pref_first != NULL && y->service_by_pref != NULL);
        if (!y->service_pref_first || !y->service_by_pref)
            continue;
        CHECK(y->n_services > 0);
        CHECK_INT(y->service_pref_first[0], 0);
        CHECK_INT(y->service_pref_first[N_PREFECTURES + 1], y->n_services);
        int *seen = calloc((size_t)y->n_services + 1, sizeof *seen);
        for (int p = 0; p <= N_PREFECTURES; p++) {
            int prev = -1;
            for (int i = y->service_pref_first[p]; i < y->service_pref_first[p + 1]; i++) {
                int r = y->service_by_pref[i];
                CHECK(r >= 0 && r < y->n_services);
                if (r < 0 || r >= y->n_services)
                    continue;
                seen[r]++;
                CHECK(r > prev); /* file order */
                prev = r;
                int bp = s->bodies[y->service_body[r]].pref;
                CHECK_INT(bp >= 1 && bp <= N_PREFECTURES ? bp : 0, p);
            }
        }
        int once = 0;
        for (int r = 0; r < y->n_services; r++)
            once += seen[r] == 1;
        CHECK_INT(once, y->n_services);
        free(seen);
    }
}

/* Every prefecture's rows with and without the index: the same numbers. */
static void test_index_same_figures(survey *s)
{
    arena *mem = arena_new();
    figset *with[N_PREFECTURES + 1];
    for (int p = 1; p <= N_PREFECTURES; p++)
        with[p] = figures_compute(s, p, mem);
    int *first[8], *by[8];
    for (int yi = 0; yi < s->n_years && yi < 8; yi++) {
        first[yi] = s->years[yi].service_pref_first;
        by[yi] = s->years[yi].service_by_pref;
        s->years[yi].service_pref_first = NULL;
        s->years[yi].service_by_pref = NULL;
    }
    int differ = 0, service_rows = 0;
    for (int p = 1; p <= N_PREFECTURES; p++) {
        figset *without = figures_compute(s, p, mem);
        CHECK_INT(figures_count(without), figures_count(with[p]));
        for (int i = 0; i < figures_count(without) && i < figures_count(with[p]); i++) {
            const fig_row *a = figures_row(with[p], i), *b = figures_row(without, i);
            differ += a->count != b->count || a->base != b->base || a->pct10 != b->pct10 ||
                      a->rank != b->rank || a->option != b->option;
            service_rows += a->base_kind == BASE_SERVICE_ROWS && a->base > 0;
        }
    }
    CHECK_INT(differ, 0);
    CHECK(service_rows > 0); /* the comparison did cover service-row figures */
    for (int yi = 0; yi < s->n_years && yi < 8; yi++) {
        s->years[yi].service_pref_first = first[yi];
        s->years[yi].service_by_pref = by[yi];
    }
    arena_free(mem);
}

int main(void)
{
    diags *d = diags_new(stderr);
    survey *s = survey_load(TEST_DATA_DIR, d);
    CHECK(s != NULL);
    if (s) {
        test_index_covers_rows(s);
        test_index_same_figures(s);
        survey_free(s);
    }
    diags_free(d);
    return test_done();
}
