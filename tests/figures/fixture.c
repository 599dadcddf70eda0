/* fixture.c - the hand-built survey of the figures tests (see fixture.h).
 *
 * Bodies (pref, kind, R7 status / guideline):
 *   0 010006 北海道     pref 1 都道府県  1 / 1
 *   1 011002 札幌市     pref 1 指定都市  1 / 1
 *   2 012025 サンプル市 pref 1 市        1 / 2   population 51,234
 *   3 013030 サンプル町 pref 1 町        2 / 1   (status 2 but no detail answer)
 *   4 014001 サンプル村 pref 1 村        6 / 3
 *   5 020001 青森県     pref 2 都道府県  1 / 1
 *   6 022012 サンプル市 pref 2 市        3 / 3
 *   7 023019 サンプル町 pref 2 町        4 / 3
 * R6: every body status 4 and guideline 3, except body 0 (1 / 1).
 */
#include "fixture.h"

#include <string.h>

static int add_question(codebook *cb, const char *id, cb_file file, bool multi, bool detail,
                        int n_options, const char *const *labels)
{
    cb_question *q = &cb->q[cb->n];
    q->id = id;
    q->column = id;
    q->title = id;
    q->file = file;
    q->multi = multi;
    q->detail = detail;
    q->n_options = n_options;
    q->asked_q = -1;
    for (int c = 1; c <= n_options; c++)
        q->label[c] = q->short_label[c] = labels[c - 1];
    return cb->n++;
}

static cb_mask codes(const int *list)
{
    cb_mask m = 0;
    for (; *list; list++)
        m |= CB_BIT(*list);
    return m;
}
#define SET(...) codes((const int[]){__VA_ARGS__, 0})

survey *fixture_survey(void)
{
    static const char *const status[] = {"導入済", "実証中", "導入予定", "導入検討中",
                                         "導入には至らなかった", "予定なし"};
    static const char *const q2[] = {"あいさつ文案の作成", "議事録の要約", "議会の想定問答",
                                     "メール文案の作成", "企画書案の作成"};
    static const char *const q3[] = {"内部事務の改善", "住民サービスの向上"};
    static const char *const q5[] = {"QommonsAI", "LoGoAIアシスタント", "自治体AI zevo"};
    static const char *const q6[] = {"策定済", "策定中", "未策定"};
    static const char *const q7[] = {"機密性1", "機密性2A"};
    static const char *const q9[] = {"カスタマイズしている", "カスタマイズしていない"};
    static const char *const q13[] = {"0円", "50万円未満", "50万円以上1,000万円未満"};

    arena *mem = arena_new();
    survey *s = ARENA_NEW(mem, survey, 1);
    s->mem = mem;
    s->title = "自治体における生成AI導入状況";
    s->sample = true;
    codebook *cb = &s->cb;
    int Q1 = add_question(cb, "Q1", CB_FILE_ANSWERS, false, false, 6, status);
    int Q2 = add_question(cb, "Q2", CB_FILE_ANSWERS, true, true, 5, q2);
    int Q3 = add_question(cb, "Q3", CB_FILE_ANSWERS, true, true, 2, q3);
    int Q5 = add_question(cb, "Q5", CB_FILE_SERVICES, false, false, 3, q5);
    int Q6 = add_question(cb, "Q6", CB_FILE_ANSWERS, false, false, 3, q6);
    int Q7 = add_question(cb, "Q7", CB_FILE_ANSWERS, true, false, 2, q7);
    int Q9 = add_question(cb, "Q9", CB_FILE_SERVICES, false, false, 2, q9);
    int Q13 = add_question(cb, "Q13", CB_FILE_SERVICES, false, false, 3, q13);
    s->q_status = Q1;
    s->q_guideline = Q6;

    static const struct {
        const char *code, *name, *pref_name;
        int pref, kind;
        uint32_t population;
    } bodies[] = {
        {"010006", "北海道", "北海道", 1, KIND_PREFECTURE, 5100000},
        {"011002", "札幌市", "北海道", 1, KIND_DESIGNATED, 1960000},
        {"012025", "サンプル市012", "北海道", 1, KIND_CITY, 51234},
        {"013030", "サンプル町013", "北海道", 1, KIND_TOWN, 8000},
        {"014001", "サンプル村014", "北海道", 1, KIND_VILLAGE, 900},
        {"020001", "青森県", "青森県", 2, KIND_PREFECTURE, 1200000},
        {"022012", "サンプル市022", "青森県", 2, KIND_CITY, 94000},
        {"023019", "サンプル町023", "青森県", 2, KIND_TOWN, 12000},
    };
    s->n_bodies = 8;
    s->bodies = ARENA_NEW(mem, sv_body, s->n_bodies);
    for (int b = 0; b < s->n_bodies; b++) {
        sv_body *d = &s->bodies[b];
        strcpy(d->code, bodies[b].code);
        d->name = bodies[b].name;
        d->pref_name = bodies[b].pref_name;
        d->pref = (uint8_t)bodies[b].pref;
        d->kind = (uint8_t)bodies[b].kind;
        d->population = bodies[b].population;
    }
    s->body_by_code = ARENA_NEW(mem, int, s->n_bodies); /* the codes above are in order */
    for (int b = 0; b < s->n_bodies; b++)
        s->body_by_code[b] = b;
    for (int p = 0; p <= N_PREFECTURES; p++)
        s->pref_body[p] = -1;
    s->pref_body[1] = 0;
    s->pref_body[2] = 5;

    s->n_years = 2;
    s->years = ARENA_NEW(mem, sv_year, 2);
    size_t cells = (size_t)s->n_bodies * (size_t)cb->n;

    /* R6: the older format, Q3 not yet asked, no service rows */
    sv_year *y = &s->years[0];
    y->key = "R6";
    y->label = "令和6年度";
    y->as_of = "2024-12-31";
    y->detail_rate = false;
    for (int q = 0; q < cb->n; q++) {
        y->asked[q] = q != Q3;
        y->offered[q] = y->asked[q] ? ((cb_mask)1u << cb->q[q].n_options) - 1u : 0;
    }
    y->answers = ARENA_NEW(mem, cb_mask, cells);
    y->detail_respondent = ARENA_NEW(mem, bool, s->n_bodies);
    for (int b = 0; b < s->n_bodies; b++) {
        y->answers[b * cb->n + Q1] = CB_BIT(b == 0 ? 1 : 4);
        y->answers[b * cb->n + Q6] = CB_BIT(b == 0 ? 1 : 3);
    }
    y->answers[0 * cb->n + Q2] = SET(1);
    y->detail_respondent[0] = true;

    /* R7 */
    y = &s->years[1];
    y->key = "R7";
    y->label = "令和7年度";
    y->as_of = "2025-10-31";
    y->published = "2026-04-24";
    y->detail_rate = true;
    for (int q = 0; q < cb->n; q++) {
        y->asked[q] = true;
        y->offered[q] = ((cb_mask)1u << cb->q[q].n_options) - 1u;
    }
    y->answers = ARENA_NEW(mem, cb_mask, cells);
    y->detail_respondent = ARENA_NEW(mem, bool, s->n_bodies);
    static const int r7_status[8] = {1, 1, 1, 2, 6, 1, 3, 4};
    static const int r7_guideline[8] = {1, 1, 2, 1, 3, 1, 3, 3};
    for (int b = 0; b < s->n_bodies; b++) {
        y->answers[b * cb->n + Q1] = CB_BIT(r7_status[b]);
        y->answers[b * cb->n + Q6] = CB_BIT(r7_guideline[b]);
    }
    /* Q2: code 1 x3, 2 x2, 3, 4, 5 x1 */
    y->answers[0 * cb->n + Q2] = SET(1, 2);
    y->answers[1 * cb->n + Q2] = SET(1);
    y->answers[2 * cb->n + Q2] = SET(2, 3);
    y->answers[5 * cb->n + Q2] = SET(1, 4);
    y->answers[6 * cb->n + Q2] = SET(5);
    /* Q3: code 1 x2, 2 x1 */
    y->answers[0 * cb->n + Q3] = SET(1);
    y->answers[2 * cb->n + Q3] = SET(1, 2);
    /* Q7 (guideline 策定済 only): code 1 x3, 2 x2 */
    y->answers[0 * cb->n + Q7] = SET(1);
    y->answers[1 * cb->n + Q7] = SET(1, 2);
    y->answers[3 * cb->n + Q7] = SET(1);
    y->answers[5 * cb->n + Q7] = SET(2);
    static const int detail[] = {0, 1, 2, 5, 6};
    for (size_t i = 0; i < sizeof detail / sizeof detail[0]; i++)
        y->detail_respondent[detail[i]] = true;

    /* services: Q5 1 x3, 2 x2, 3 x1; Q9 1 x3 (rows 0, 2, 5), 2 x3 */
    static const int svc[][4] = {
        /* body, Q5, Q9, Q13 */
        {0, 1, 1, 1}, {0, 2, 2, 1}, {1, 1, 1, 3}, {2, 3, 2, 1}, {5, 1, 2, 2}, {6, 2, 1, 1},
    };
    y->n_services = 6;
    y->service_body = ARENA_NEW(mem, int, y->n_services);
    y->services = ARENA_NEW(mem, cb_mask, (size_t)y->n_services * (size_t)cb->n);
    for (int r = 0; r < y->n_services; r++) {
        y->service_body[r] = svc[r][0];
        y->services[r * cb->n + Q5] = CB_BIT(svc[r][1]);
        y->services[r * cb->n + Q9] = CB_BIT(svc[r][2]);
        y->services[r * cb->n + Q13] = CB_BIT(svc[r][3]);
    }

    /* cases: 1 on body 2 with 190 -> 51 hours, 2 on body 6 without hours,
     * 3 on body 1 with 50 -> 40 hours */
    y->n_cases = 3;
    y->cases = ARENA_NEW(mem, sv_case, 3);
    y->cases[0] = (sv_case){.body = 2, .use_case = "あいさつ文案の作成", .effect = "月190時間が51時間に",
                            .hours_before = 190, .hours_after = 51};
    y->cases[1] = (sv_case){.body = 6, .use_case = "議事録の要約", .effect = "効率化"};
    y->cases[2] = (sv_case){.body = 1, .use_case = "データの分析・分類", .effect = "10時間削減",
                            .hours_before = 50, .hours_after = 40};
    return s;
}
