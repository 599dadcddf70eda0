/* test_figures.c - aggregation on the hand-built survey of figures/fixture.c:
 * counts, bases, percentages, ranks, lookups, scopes and the two exports. */
#include "figures.h"
#include "survey.h"
#include "figures/fixture.h"
#include "harness.h"

#include <stdlib.h>
#include <string.h>

enum { R6 = 0, R7 = 1 };

static const fig_row *get(const figset *f, const char *page, const char *figure, int year,
                          const char *group, int option)
{
    const fig_row *r = figures_get(f, page, figure, year, group, option);
    if (!r)
        test_fail(__FILE__, __LINE__, "no row %s/%s year %d group \"%s\" option %d", page,
                  figure, year, group ? group : "", option);
    return r;
}

/* count, base and pct10 of one row */
#define CHECK_ROW(f, page, figure, year, group, option, count_, base_, pct10_)                    \
    do {                                                                                           \
        const fig_row *r_ = get((f), (page), (figure), (year), (group), (option));                 \
        if (r_) {                                                                                  \
            CHECK_INT(r_->count, (count_));                                                        \
            CHECK_INT(r_->base, (base_));                                                          \
            CHECK_INT(r_->pct10, (pct10_));                                                        \
        }                                                                                          \
    } while (0)

static void test_status_pages(const figset *f)
{
    CHECK_ROW(f, "P2", "answered", R7, "全体", 0, 8, 8, 1000);
    CHECK_ROW(f, "P2", "detail", R7, "全体", 0, 5, 6, 833);
    /* R6 has no computable detail response rate */
    CHECK(figures_get(f, "P2", "detail", R6, "全体", 0) == NULL);
    CHECK_ROW(f, "P2", "answered", R6, "全体", 0, 8, 8, 1000);

    CHECK_ROW(f, "P3", "status", R7, "全体", 1, 4, 8, 500);
    CHECK_ROW(f, "P3", "status", R7, "全体", 5, 0, 8, 0);
    CHECK_ROW(f, "P3", "status", R6, "全体", 4, 7, 8, 875);
    const fig_row *r = get(f, "P3", "status", R7, "全体", 1);
    if (r) {
        CHECK_STR(r->option_label, "導入済");
        CHECK_INT(r->base_kind, BASE_ALL);
        CHECK_INT(r->rank, 1);
    }
    /* ties share a rank; the next rank skips (1, 2, 2, 2, 2, 6) */
    r = get(f, "P3", "status", R7, "全体", 6);
    CHECK(r && r->rank == 2);
    r = get(f, "P3", "status", R7, "全体", 5);
    CHECK(r && r->rank == 6);

    CHECK_ROW(f, "P4", "status_by_group", R7, "都道府県", 1, 2, 2, 1000);
    CHECK_ROW(f, "P4", "status_by_group", R7, "指定都市", 1, 1, 1, 1000);
    CHECK_ROW(f, "P4", "status_by_group", R7, "その他市区町村", 1, 1, 5, 200);
    CHECK_ROW(f, "P4", "status_by_group", R7, "その他市区町村", 6, 1, 5, 200);
    CHECK_ROW(f, "P4", "status_1_4", R7, "その他市区町村", 0, 4, 5, 800);
    CHECK_ROW(f, "P4", "status_1_4", R7, "都道府県", 0, 2, 2, 1000);

    /* P11: base = bodies with that status */
    CHECK_ROW(f, "P11", "Q6_by_status", R7, "導入済", 1, 3, 4, 750);
    CHECK_ROW(f, "P11", "Q6_by_status", R7, "導入済", 2, 1, 4, 250);
    CHECK_ROW(f, "P11", "Q6_by_status", R7, "実証中", 1, 1, 1, 1000);
    CHECK_ROW(f, "P11", "Q6_by_status", R7, "導入予定", 3, 1, 1, 1000);
    r = get(f, "P11", "Q6_by_status", R7, "導入済", 1);
    CHECK(r && r->base_kind == BASE_STATUS_GROUP);
    CHECK(figures_get(f, "P11", "Q6_by_status", R7, "導入検討中", 1) == NULL);
}

static void test_question_pages(const figset *f)
{
    /* Q2: answers (件) over detail respondents */
    CHECK_ROW(f, "P5", "Q2", R7, "全体", 1, 3, 5, 600);
    CHECK_ROW(f, "P5", "Q2", R7, "全体", 2, 2, 5, 400);
    CHECK_ROW(f, "P5", "Q2", R6, "全体", 1, 1, 1, 1000);
    /* Q3 is not asked in R6: no rows at all */
    CHECK(figures_get(f, "P7", "Q3", R6, "全体", 1) == NULL);
    CHECK_ROW(f, "P7", "Q3", R7, "全体", 1, 2, 5, 400);
    /* Q5 per service row, base detail respondents */
    CHECK_ROW(f, "P9", "Q5", R7, "全体", 1, 3, 5, 600);
    CHECK_ROW(f, "P9", "Q5", R7, "全体", 3, 1, 5, 200);
    CHECK_ROW(f, "P10", "Q6", R7, "全体", 1, 4, 8, 500);
    CHECK_ROW(f, "P10", "Q6", R7, "全体", 3, 3, 8, 375);
    /* Q7: base = bodies with guideline 策定済 */
    CHECK_ROW(f, "P12", "Q7", R7, "全体", 1, 3, 4, 750);
    CHECK_ROW(f, "P12", "Q7", R7, "全体", 2, 2, 4, 500);
    /* Q9: base = service rows; a tie at the top shares rank 1 */
    CHECK_ROW(f, "P14", "Q9", R7, "全体", 1, 3, 6, 500);
    CHECK_ROW(f, "P14", "Q9", R7, "全体", 2, 3, 6, 500);
    const fig_row *r = get(f, "P14", "Q9", R7, "全体", 2);
    CHECK(r && r->rank == 1 && r->base_kind == BASE_SERVICE_ROWS);
    CHECK_ROW(f, "P19", "Q13", R7, "全体", 1, 4, 6, 667);
    CHECK_ROW(f, "P19", "Q13", R7, "全体", 3, 1, 6, 167);
    /* R6 has no service rows: a base of 0 means no percentage */
    CHECK_ROW(f, "P19", "Q13", R6, "全体", 1, 0, 0, -1);
    /* questions missing from the codebook give no rows */
    CHECK(figures_get(f, "P8", "Q4", R7, "全体", 1) == NULL);
    CHECK(figures_get(f, "P5", "Q2", R7, "全体", 6) == NULL);
    CHECK(figures_get(f, "P5", "Q2", 7, "全体", 1) == NULL);
    CHECK(figures_get(f, "P5", "Q2", R7, NULL, 1) == NULL);

    const fig_row *top[8];
    int n = figures_ranked(f, "P5", "Q2", R7, "全体", top, 8);
    CHECK_INT(n, 5);
    /* 3, 2, then three 1s in code order */
    static const int order[] = {1, 2, 3, 4, 5};
    static const int ranks[] = {1, 2, 3, 3, 3};
    for (int i = 0; i < n && i < 5; i++) {
        CHECK_INT(top[i]->option, order[i]);
        CHECK_INT(top[i]->rank, ranks[i]);
    }
    n = figures_ranked(f, "P9", "Q5", R7, "全体", top, 2);
    CHECK_INT(n, 3); /* the whole series has 3 rows; 2 were written */
    CHECK_INT(top[0]->option, 1);
    CHECK_INT(top[1]->option, 2);
    CHECK_INT(figures_ranked(f, "P9", "Q5", R7, "都道府県", top, 2), 0);
}

static void test_cases(const figset *f)
{
    CHECK_ROW(f, "P6", "cases", R7, "", 1, 51234, 0, -1);
    const fig_row *r = get(f, "P6", "cases", R7, NULL, 1);
    CHECK(r && strcmp(r->option_label, "あいさつ文案の作成") == 0 && r->rank == 0);
    CHECK_ROW(f, "P6", "hours_before", R7, "", 1, 190, 0, -1);
    CHECK_ROW(f, "P6", "hours_after", R7, "", 1, 51, 0, -1);
    CHECK_ROW(f, "P6", "reduction", R7, "", 1, 139, 190, 732);
    CHECK(figures_get(f, "P6", "reduction", R7, "", 2) == NULL); /* no hours */
    const fig_row *top[4];
    CHECK_INT(figures_ranked(f, "P6", "reduction", R7, "", top, 4), 2);
    CHECK_INT(top[0]->option, 1); /* saved 139 hours: the one the lead quotes */
    CHECK_INT(top[1]->option, 3);
    /* the deck's order, not ranked */
    CHECK_INT(figures_ranked(f, "P6", "cases", R7, "", top, 4), 3);
    CHECK_INT(top[2]->option, 3);
}

static void test_pref_ranking(const survey *s, const figset *national)
{
    fig_pref_rank pr[N_PREFECTURES];
    CHECK(!figures_pref_ranking(s, 2, pr));
    CHECK(figures_pref_ranking(s, R7, pr));
    CHECK_STR(pr[0].name, "北海道");
    CHECK_INT(pr[0].municipalities, 4); /* the prefecture body is not one */
    CHECK_INT(pr[0].adopted, 2);
    CHECK_INT(pr[0].adopted_pct10, 500);
    CHECK_INT(pr[0].adopted_rank, 1);
    CHECK_INT(pr[0].guideline, 2);
    CHECK_INT(pr[1].municipalities, 2);
    CHECK_INT(pr[1].adopted, 0);
    CHECK_INT(pr[1].adopted_rank, 2);
    CHECK_INT(pr[1].guideline_rank, 2);
    /* prefectures without municipalities rank last, together */
    CHECK_INT(pr[46].adopted_rank, 3);
    CHECK_INT(pr[46].adopted_pct10, -1);
    /* a rank another prefecture shares is marked (同率) */
    CHECK(!pr[0].adopted_tied && !pr[1].adopted_tied);
    CHECK(pr[46].adopted_tied && pr[45].adopted_tied);

    const fig_row *r = get(national, "A1", "adopted_share", R7, "", 1);
    if (r) {
        CHECK_INT(r->scope, 1);
        CHECK_INT(r->count, 2);
        CHECK_INT(r->base, 4);
        CHECK_INT(r->rank, 1);
        CHECK_STR(r->option_label, "北海道");
    }
    const fig_row *top[N_PREFECTURES];
    CHECK_INT(figures_ranked(national, "A1", "guideline_share", R6, "", top, N_PREFECTURES),
              N_PREFECTURES);
    CHECK_INT(top[0]->option, 1); /* R6: 0 of 4 and 0 of 2 tie at rank 1 */
    CHECK_INT(top[1]->option, 2);
    CHECK_INT(top[1]->rank, 1);
}

static void test_prefecture_scope(const survey *s, arena *mem)
{
    figset *p2 = figures_compute(s, 2, mem);
    CHECK(p2 != NULL);
    if (!p2)
        return;
    CHECK_INT(figures_scope(p2), 2);
    CHECK_ROW(p2, "P2", "answered", R7, "全体", 0, 3, 3, 1000);
    CHECK_ROW(p2, "P2", "detail", R7, "全体", 0, 2, 2, 1000);
    CHECK_ROW(p2, "P4", "status_by_group", R7, "指定都市", 1, 0, 0, -1);
    CHECK_ROW(p2, "P9", "Q5", R7, "全体", 2, 1, 2, 500);
    CHECK_ROW(p2, "P6", "cases", R7, "", 2, 94000, 0, -1);
    CHECK(figures_get(p2, "P6", "cases", R7, "", 1) == NULL);
    CHECK(figures_get(p2, "A1", "adopted_share", R7, "", 2) == NULL);
    const fig_row *r = get(p2, "P3", "status", R7, "全体", 1);
    CHECK(r && r->scope == 2);
    CHECK(figures_compute(s, 48, mem) == NULL);
    CHECK(figures_compute(s, -1, mem) == NULL);
}

/* Reads a whole stream written by an exporter. */
static char *slurp(FILE *fp)
{
    long n = ftell(fp);
    rewind(fp);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, fp);
    buf[got] = '\0';
    return buf;
}

/* Pages B and M (figures_compute_bodies), expected values counted by hand
 * from the fixture's table. Populations put bodies 0, 1, 5 in 人口50万人以上,
 * 2 and 6 in 人口5万～10万人, 7 in 人口1万～5万人, 3 and 4 in 人口1万人未満. */
static void test_bodies(const survey *s, arena *mem)
{
    figset *nb = figures_compute_bodies(s, 0, mem), *p1 = figures_compute_bodies(s, 1, mem);
    CHECK(figures_compute_bodies(s, 48, mem) == NULL);
    CHECK(nb && p1);
    if (!nb || !p1)
        return;
    /* B: bodies choosing an option over those answering the question */
    CHECK_ROW(p1, "B", "Q1", R7, "全体", 1, 3, 5, 600);    /* bodies 0-2 of 0-4 */
    CHECK_ROW(p1, "B", "Q2", R7, "全体", 1, 2, 3, 667);    /* 0, 1 of 0, 1, 2 */
    CHECK_ROW(p1, "B", "Q2", R7, "全体", 3, 1, 3, 333);
    CHECK_ROW(p1, "B", "Q2", R7, "全体", 5, 0, 3, 0);
    CHECK_ROW(nb, "B", "Q2", R7, "全体", 1, 3, 5, 600);    /* 0, 1, 5 of 0, 1, 2, 5, 6 */
    CHECK_ROW(nb, "B", "Q2", R7, "人口50万人以上", 1, 3, 3, 1000);
    CHECK_ROW(nb, "B", "Q2", R7, "人口5万～10万人", 2, 1, 2, 500); /* body 2 of 2, 6 */
    CHECK_ROW(nb, "B", "Q2", R7, "人口1万～5万人", 1, 0, 0, -1);   /* body 7 did not answer */
    CHECK_ROW(nb, "B", "Q1", R6, "全体", 4, 7, 8, 875);
    const fig_row *b = get(p1, "B", "Q2", R7, "全体", 1);
    if (b) {
        CHECK_INT(b->base_kind, BASE_ANSWERED);
        CHECK_INT(b->rank, 0);
    }
    CHECK(figures_get(p1, "B", "Q2", R7, "人口50万人以上", 1) == NULL); /* bands: national only */
    CHECK(figures_get(p1, "B", "Q3", R6, "全体", 1) == NULL);           /* Q3 not asked in R6 */
    CHECK(figures_get(nb, "B", "Q5", R7, "全体", 1) == NULL);           /* services: no B rows */

    /* M: each body's population and answers, prefecture sets only */
    CHECK_INT(figures_n_bodies(nb), 0);
    CHECK(figures_get(nb, "M", "population", -1, "012025", 0) == NULL);
    CHECK_INT(figures_n_bodies(p1), 5);
    CHECK_ROW(p1, "M", "population", -1, "012025", 0, 51234, 0, -1);
    CHECK_ROW(p1, "M", "Q1", R7, "013030", 2, 1, 0, -1);
    CHECK(figures_get(p1, "M", "Q1", R7, "013030", 1) == NULL);
    CHECK_ROW(p1, "M", "Q1", R6, "010006", 1, 1, 0, -1);
    CHECK_ROW(p1, "M", "Q5", R7, "010006", 1, 1, 0, -1); /* its service rows 0 and 1 */
    CHECK_ROW(p1, "M", "Q5", R7, "010006", 2, 1, 0, -1);
    CHECK(figures_get(p1, "M", "Q5", R7, "010006", 3) == NULL);
    const fig_row *mine[4];
    CHECK_INT(figures_ranked(p1, "M", "Q2", R7, "012025", mine, 4), 2); /* codes 2, 3 */
    CHECK_INT(mine[0]->option, 2);
    CHECK_INT(mine[1]->option, 3);
    CHECK_STR(mine[1]->option_label, "議会の想定問答");

    const fig_body *town = figures_find_body(p1, "012025");
    CHECK(town != NULL);
    if (town) {
        CHECK_STR(town->name, "サンプル市012");
        CHECK_STR(town->pref_name, "北海道");
        CHECK_STR(town->kind, "市");
        CHECK_STR(town->band, "人口5万～10万人");
        CHECK_INT(town->population, 51234);
        CHECK(!town->is_prefecture);
        CHECK(town->population_row == figures_get(p1, "M", "population", -1, "012025", 0));
    }
    CHECK(figures_find_body(p1, "010006") && figures_find_body(p1, "010006")->is_prefecture);
    CHECK(figures_find_body(p1, "020001") == NULL);
    CHECK_STR(figures_body(p1, 0)->code, "010006"); /* code order */
    CHECK_STR(figures_body(p1, 4)->code, "014001");
}

/* What the stages that place figures know of the survey. */
static void test_catalogue(survey *s, const figset *national, arena *mem)
{
    const fig_catalogue *cat = figures_catalogue(national);
    CHECK_INT(cat->n_years, 2);
    CHECK_STR(cat->years[R7].key, "R7");
    CHECK_STR(cat->years[R7].label, "令和7年度");
    CHECK_STR(cat->years[R7].published, "2026-04-24");
    CHECK(cat->years[R6].published == NULL);
    CHECK_STR(cat->title, "自治体における生成AI導入状況");
    CHECK(cat->sample);
    CHECK_INT(cat->n_questions, s->cb.n);
    CHECK_STR(cat->questions[3].id, "Q5");
    CHECK(!cat->questions[3].per_body && cat->questions[0].per_body);
    /* a row carries the codebook's short label */
    int q7 = 5;
    const char *saved = s->cb.q[q7].short_label[1];
    s->cb.q[q7].short_label[1] = "機1";
    const fig_row *r = get(figures_compute(s, 0, mem), "P12", "Q7", R7, "全体", 1);
    if (r) {
        CHECK_STR(r->short_label, "機1");
        CHECK_STR(r->option_label, "機密性1");
    }
    s->cb.q[q7].short_label[1] = saved;
    r = get(national, "P6", "cases", R7, "", 1);
    if (r)
        CHECK_STR(r->detail, "月190時間が51時間に");
}

/* The catalogue and the computed rows in step: every row of every kind of
 * set is a figure of the catalogue with that year, group and option, and
 * every figure with codes has rows in each of its years (P6 and M rows
 * depend on the data: cases, a body's answers). */
static void check_rows_in_catalogue(const fig_catalogue *cat, const figset *f)
{
    for (int i = 0; i < figures_count(f); i++) {
        const fig_row *r = figures_row(f, i);
        const fig_def *d = figures_def(cat, r->page, r->figure);
        if (!d) {
            test_fail(__FILE__, __LINE__, "%s.%s is not in the catalogue", r->page, r->figure);
            continue;
        }
        bool year_ok = d->no_year ? r->year == -1 : r->year >= 0 && d->in_year[r->year];
        bool option_ok = d->no_year || d->options != FIG_OPT_CODES
                             ? figures_def_option(d, r->option)
                             : figures_def_option_in_year(d, r->option, r->year);
        if (!year_ok || !figures_def_group(d, r->group) || !option_ok ||
            (r->base > 0 && !d->has_base) || (r->rank > 0 && !d->ranked))
            test_fail(__FILE__, __LINE__, "%s.%s[%d,%s,%d] (base %d, rank %d) is not as the "
                      "catalogue says", r->page, r->figure, r->year, r->group, r->option, r->base,
                      r->rank);
    }
}

static void test_catalogue_in_step(const survey *s, arena *mem)
{
    figset *sets[] = {figures_compute(s, 0, mem), figures_compute(s, 1, mem),
                      figures_compute_bodies(s, 0, mem), figures_compute_bodies(s, 1, mem)};
    const fig_catalogue *cat = figures_catalogue(sets[0]);
    for (int k = 0; k < 4; k++)
        check_rows_in_catalogue(cat, sets[k]);
    int checked = 0;
    for (int i = 0; i < cat->n_figures; i++) {
        const fig_def *d = &cat->figures[i];
        if (d->options == FIG_OPT_LIST || d->body_groups)
            continue;
        const figset *f = strcmp(d->page, "B") == 0 ? sets[2] : sets[0];
        for (int y = 0; y < cat->n_years; y++) {
            const fig_row *r[1];
            int n = 0;
            for (int g = 0; g < d->n_groups; g++)
                n += figures_ranked(f, d->page, d->name, y, d->groups[g], r, 1);
            if ((n > 0) != d->in_year[y])
                test_fail(__FILE__, __LINE__, "%s.%s year %d: %d rows, the catalogue says %s",
                          d->page, d->name, y, n, d->in_year[y] ? "some" : "none");
            checked++;
        }
    }
    CHECK(checked > 30); /* 18 figures x 2 years in the fixture */
    /* what a template may name */
    const fig_def *d = figures_def(cat, "P4", "status_by_group");
    CHECK(d && figures_def_group(d, "その他市区町村") && !figures_def_group(d, "全体"));
    CHECK(d && figures_def_option(d, 6) && !figures_def_option(d, 7) && !figures_def_option(d, 0));
    CHECK(figures_def(cat, "P5", "Q99") == NULL);
    d = figures_def(cat, "P3", "Q3");
    CHECK(d == NULL);
    d = figures_def(cat, "P7", "Q3");
    CHECK(d && !d->in_year[R6] && d->in_year[R7]); /* Q3 is not asked in R6 */
    d = figures_def(cat, "P6", "hours_after");
    CHECK(d && !d->has_base && figures_def_option(d, 12));
    d = figures_def(cat, "A1", "adopted_share");
    CHECK(d && figures_def_option(d, 47) && !figures_def_option(d, 48) && figures_def_group(d, ""));
    d = figures_def(cat, "M", "Q5");
    CHECK(d && figures_def_group(d, "131016") && !figures_def_group(d, "全体"));
}

static void test_export(const survey *s, figset *national, figset *p1)
{
    figset *sets[2] = {national, p1};
    FILE *fp = tmpfile();
    CHECK(figures_export_csv(fp, s, sets, 2));
    char *csv = slurp(fp);
    fclose(fp);
    CHECK(strncmp(csv,
                  "page,figure,year,scope,group,option_code,option_label,count,base,percent\r\n",
                  74) == 0);
    CHECK_CONTAINS(csv, "\r\nP2,answered,R7,national,全体,,,8,8,100.0\r\n");
    CHECK_CONTAINS(csv, "\r\nP3,status,R7,national,全体,1,導入済,4,8,50.0\r\n");
    CHECK_CONTAINS(csv, "\r\nP3,status,R7,01,全体,1,導入済,3,5,60.0\r\n");
    CHECK_CONTAINS(csv, "\r\nP19,Q13,R7,national,全体,3,\"50万円以上1,000万円未満\",1,6,16.7\r\n");
    CHECK_CONTAINS(csv, "\r\nP19,Q13,R6,national,全体,1,0円,0,,\r\n");
    CHECK_CONTAINS(csv, "\r\nP6,hours_before,R7,national,,1,あいさつ文案の作成,190,,\r\n");
    CHECK_CONTAINS(csv, "\r\nA1,adopted_share,R7,01,,1,北海道,2,4,50.0\r\n");
    int lines = 0;
    for (const char *p = csv; *p; p++)
        lines += *p == '\n';
    CHECK_INT(lines, 1 + figures_count(national) + figures_count(p1));
    free(csv);

    fp = tmpfile();
    CHECK(figures_export_json(fp, s, sets, 1));
    char *json = slurp(fp);
    fclose(fp);
    CHECK_CONTAINS(json, "\"title\": \"自治体における生成AI導入状況\"");
    CHECK_CONTAINS(json, "\"sample\": true");
    CHECK_CONTAINS(json, "{\"key\": \"R7\", \"label\": \"令和7年度\", \"as_of\": \"2025-10-31\", "
                         "\"detail_rate\": true}");
    CHECK_CONTAINS(json, "{\"page\": \"P3\", \"figure\": \"status\", \"year\": \"R7\", "
                         "\"scope\": \"national\", \"group\": \"全体\", \"option_code\": 1, "
                         "\"option_label\": \"導入済\", \"count\": 4, \"base\": 8, "
                         "\"percent\": 50.0, \"rank\": 1}");
    CHECK_CONTAINS(json, "\"option_code\": null, \"option_label\": \"\", \"count\": 4, "
                         "\"base\": 5, \"percent\": 80.0, \"rank\": null}");
    CHECK(strstr(json, "\"scope\": \"01\", \"group\": \"全体\"") == NULL);
    size_t len = strlen(json);
    CHECK(len > 6 && strcmp(json + len - 6, "  ]\n}\n") == 0);
    free(json);

    /* a stream that cannot be written reports failure */
    fp = fopen("/dev/full", "w");
    if (fp) {
        CHECK(!figures_export_csv(fp, s, sets, 2));
        fclose(fp);
    }
}

static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Labels that need escaping, on every row of a series and in both years: the
 * exporters memoise escaped strings, so the second and later uses must come
 * out the same as the first. */
static void test_export_escapes(survey *s)
{
    int q1 = -1;
    for (int q = 0; q < s->cb.n; q++)
        if (strcmp(s->cb.q[q].id, "Q1") == 0)
            q1 = q;
    CHECK(q1 >= 0);
    if (q1 < 0)
        return;
    const char *saved = s->cb.q[q1].label[2];
    s->cb.q[q1].label[2] = "a\"b\\c\x01\td,e";
    arena *mem = arena_new();
    figset *national = figures_compute(s, 0, mem);
    figset *sets[1] = {national};

    FILE *fp = tmpfile();
    CHECK(figures_export_json(fp, s, sets, 1));
    char *json = slurp(fp);
    fclose(fp);
    /* as option: P3 status x 2 years, P4 status_by_group x 4 groups (the deck's
     * three and 市区町村) x 2 years; as group: P11 Q6_by_status, 3 guideline
     * options x 2 years */
    CHECK_INT(count_of(json, "\"option_label\": \"a\\\"b\\\\c\\u0001\\td,e\""), 10);
    CHECK_INT(count_of(json, "\"group\": \"a\\\"b\\\\c\\u0001\\td,e\""), 6);
    CHECK_INT(count_of(json, "\x01"), 0);
    free(json);

    fp = tmpfile();
    CHECK(figures_export_csv(fp, s, sets, 1));
    char *csv = slurp(fp);
    fclose(fp);
    CHECK_INT(count_of(csv, ",\"a\"\"b\\c\x01\td,e\","), 10 + 6);
    free(csv);

    s->cb.q[q1].label[2] = saved;
    arena_free(mem);
}

/* Residual options (the codebook's `residual = 1, 4`: その他 and the like)
 * come last in 回答の多い順, in the listed order, each a rank of its own,
 * whatever their count: Q2 of R7 counts 3, 2, 1, 1, 1 for codes 1-5. */
static void test_residual_last(survey *s, arena *mem)
{
    int q2 = codebook_find(&s->cb, "Q2");
    cb_question *q = &s->cb.q[q2];
    q->residual = CB_BIT(1) | CB_BIT(4);
    q->residual_rank[1] = 1;
    q->residual_rank[4] = 2;
    figset *f = figures_compute(s, 0, mem);
    const fig_row *top[8];
    int n = figures_ranked(f, "P5", "Q2", R7, "全体", top, 8);
    CHECK_INT(n, 5);
    static const int order[] = {2, 3, 5, 1, 4};
    static const int ranks[] = {1, 2, 2, 4, 5};
    for (int i = 0; i < n && i < 5; i++) {
        CHECK_INT(top[i]->option, order[i]);
        CHECK_INT(top[i]->rank, ranks[i]);
    }
    q->residual = 0;
    q->residual_rank[1] = q->residual_rank[4] = 0;
}

/* An option the questionnaire added in R7 (the codebook's `16.since = R7`):
 * no row before, in the figures and in the catalogue; the catalogue says
 * which year added it. */
static void test_option_added_later(survey *s, arena *mem)
{
    int q2 = codebook_find(&s->cb, "Q2");
    cb_mask saved = s->years[R6].offered[q2];
    s->years[R6].offered[q2] &= ~CB_BIT(5);
    figset *f = figures_compute(s, 0, mem);
    CHECK(figures_get(f, "P5", "Q2", R6, "全体", 5) == NULL);
    CHECK(figures_get(f, "P5", "Q2", R6, "全体", 4) != NULL);
    CHECK(figures_get(f, "P5", "Q2", R7, "全体", 5) != NULL);
    const fig_catalogue *cat = figures_catalogue(f);
    check_rows_in_catalogue(cat, f);
    check_rows_in_catalogue(cat, figures_compute_bodies(s, 1, mem));
    const fig_def *d = figures_def(cat, "P5", "Q2");
    CHECK(d && !figures_def_option_in_year(d, 5, R6) && figures_def_option_in_year(d, 5, R7));
    CHECK(d && figures_def_option_in_year(d, 4, R6));
    CHECK(d && figures_def_added(d, R7) == CB_BIT(5) && figures_def_added(d, R6) == 0);
    CHECK(d && figures_def_first_year(d, cat->n_years) == R6);
    d = figures_def(cat, "P7", "Q3"); /* asked from R7: a new question, not new options */
    CHECK(d && figures_def_first_year(d, cat->n_years) == R7 && figures_def_added(d, R7) == 0);
    s->years[R6].offered[q2] = saved;
}

int main(void)
{
    survey *s = fixture_survey();
    arena *mem = arena_new();
    figset *national = figures_compute(s, 0, mem);
    figset *p1 = figures_compute(s, 1, mem);
    CHECK(national != NULL && p1 != NULL);
    if (national && p1) {
        CHECK_INT(figures_scope(national), 0);
        CHECK(figures_row(national, -1) == NULL);
        CHECK(figures_row(national, figures_count(national)) == NULL);
        test_status_pages(national);
        test_question_pages(national);
        test_cases(national);
        test_pref_ranking(s, national);
        test_prefecture_scope(s, mem);
        test_export(s, national, p1);
        test_export_escapes(s);
        test_bodies(s, mem);
        test_catalogue(s, national, mem);
        test_catalogue_in_step(s, mem);
        test_option_added_later(s, mem);
        test_residual_last(s, mem);
    }
    arena_free(mem);
    arena_free(s->mem);
    return test_done();
}
