/* test_prefsum.c - the 47 prefecture figure sets add up to the national one:
 * every count and every base of the additive figures (all but the P6 case
 * list and the A1 shares, which are not sums over bodies). Each prefecture
 * set is computed from its own bodies, so this catches a body or a service
 * row counted in the wrong scope, counted twice or dropped. Runs on the
 * hand-built fixture and on the sample in data/. */
#include "figures.h"
#include "survey.h"
#include "figures/fixture.h"
#include "harness.h"

#include <string.h>
#include <time.h>

static bool additive(const fig_row *r)
{
    return strcmp(r->page, "P6") != 0 && strcmp(r->page, "A1") != 0;
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* The ranks among the 47 and the changes since the year before, counted
 * here row by row: a share's rank is 1 + the prefectures whose same share
 * prints higher; its change is its printed share minus last year's. */
static void check_ranks(const char *what, figset *pref[N_PREFECTURES + 1])
{
    CHECK(!figures_prefs_ranked(pref[1]));
    figures_rank_prefectures(pref);
    CHECK(figures_prefs_ranked(pref[1]));
    int ranked = 0, changes = 0;
    for (int p = 1; p <= N_PREFECTURES; p++)
        for (int i = 0; i < figures_count(pref[p]); i++) {
            const fig_row *r = figures_row(pref[p], i);
            bool share = r->base > 0 && strcmp(r->page, "P6") != 0;
            int higher = 0, same = 0;
            for (int o = 1; share && o <= N_PREFECTURES; o++) {
                const fig_row *x = figures_get(pref[o], r->page, r->figure, r->year, r->group,
                                               r->option);
                if (x && x->base > 0) {
                    higher += x->pct10 > r->pct10;
                    same += o != p && x->pct10 == r->pct10;
                }
            }
            test_checks++;
            if (share ? r->pref_rank != 1 + higher || r->pref_tied != (same > 0) : r->pref_rank != 0)
                test_fail(__FILE__, __LINE__, "%s: prefecture %d %s/%s year %d option %d: rank %d%s, "
                          "counted %d%s", what, p, r->page, r->figure, r->year, r->option,
                          r->pref_rank, r->pref_tied ? " (tied)" : "", share ? 1 + higher : 0,
                          same ? " (tied)" : "");
            ranked += share;
            const fig_row *prev = r->year > 0 ? figures_get(pref[p], r->page, r->figure,
                                                            r->year - 1, r->group, r->option)
                                              : NULL;
            bool change = r->base > 0 && prev && prev->base > 0;
            test_checks++;
            if (r->has_change != change || (change && r->change10 != r->pct10 - prev->pct10))
                test_fail(__FILE__, __LINE__, "%s: prefecture %d %s/%s year %d option %d: change "
                          "%d, counted %d", what, p, r->page, r->figure, r->year, r->option,
                          r->has_change ? r->change10 : -9999,
                          change ? r->pct10 - prev->pct10 : -9999);
            changes += change;
        }
    CHECK(ranked > 0 && changes > 0);
    printf("%s: %d ranks among the 47 and %d changes since the year before checked\n", what,
           ranked, changes);
}

static void check_sums(const char *what, const survey *s)
{
    arena *mem = arena_new();
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    figset *national = figures_compute(s, 0, mem);
    figset *pref[N_PREFECTURES + 1] = {0};
    for (int p = 1; p <= N_PREFECTURES; p++)
        pref[p] = figures_compute(s, p, mem);
    double ms = ms_since(&t0);
    printf("%s: %d national rows; nation + 47 prefectures computed in %.2f ms\n", what,
           figures_count(national), ms);
    /* A generous bound that still catches a scan per lookup or per body. */
    CHECK(ms < 200.0);

    int compared = 0, cases = 0;
    for (int i = 0; i < figures_count(national); i++) {
        const fig_row *r = figures_row(national, i);
        if (!additive(r)) {
            if (strcmp(r->figure, "cases") != 0)
                continue;
            /* a case study belongs to exactly one prefecture */
            int found = 0;
            for (int p = 1; p <= N_PREFECTURES; p++) {
                const fig_row *pr = figures_get(pref[p], r->page, r->figure, r->year, r->group,
                                                r->option);
                if (pr && pr->count == r->count)
                    found++;
            }
            if (found != 1)
                test_fail(__FILE__, __LINE__, "%s: case %d of year %d found in %d prefectures",
                          what, r->option, r->year, found);
            cases++;
            continue;
        }
        long long count = 0, base = 0;
        int missing = 0;
        for (int p = 1; p <= N_PREFECTURES; p++) {
            const fig_row *pr =
                figures_get(pref[p], r->page, r->figure, r->year, r->group, r->option);
            if (!pr) {
                missing++;
                continue;
            }
            count += pr->count;
            base += pr->base;
        }
        test_checks++;
        if (missing || count != r->count || base != r->base)
            test_fail(__FILE__, __LINE__,
                      "%s: %s/%s year %d group \"%s\" option %d: national %d / %d, sum of "
                      "prefectures %lld / %lld (%d prefectures lack the row)",
                      what, r->page, r->figure, r->year, r->group, r->option, r->count, r->base,
                      count, base, missing);
        compared++;
    }
    CHECK(compared > 0);
    printf("%s: %d additive rows and %d case rows compared\n", what, compared, cases);

    /* and no prefecture has a row the nation lacks */
    for (int p = 1; p <= N_PREFECTURES; p++)
        for (int i = 0; i < figures_count(pref[p]); i++) {
            const fig_row *r = figures_row(pref[p], i);
            if (!figures_get(national, r->page, r->figure, r->year, r->group, r->option))
                test_fail(__FILE__, __LINE__, "%s: prefecture %d has %s/%s option %d alone",
                          what, p, r->page, r->figure, r->option);
        }
    check_ranks(what, pref);
    arena_free(mem);
}

int main(void)
{
    survey *s = fixture_survey();
    check_sums("fixture", s);
    arena_free(s->mem);

    diags *d = diags_new(stderr);
    s = survey_load(TEST_DATA_DIR, d);
    CHECK(s != NULL);
    if (s) {
        CHECK_INT(s->n_bodies, 1788);
        check_sums("data", s);
        survey_free(s);
    }
    diags_free(d);
    return test_done();
}
