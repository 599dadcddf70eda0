/* gensample_answers.c - the answers per body and year (個票) and the cases.
 *
 * Status (Q1) is rank-and-cut: within each deck group the bodies are ordered
 * by their adoption propensity plus a little per-year noise and cut into the
 * design counts, so statuses mostly move forward between years and a few
 * step back. The guideline (Q6) is cut the same way within each status. All
 * other questions get exactly their design counts (gensample_pick.c).
 */
#include "gensample.h"

#include <stdio.h>
#include <string.h>

/* ---- design values ---- */

/* Q1 by year x group, codes 1..6 (sample-targets.md, design table). */
static const int STATUS_COUNTS[GS_YEARS][GROUP_COUNT][7] = {
    [GS_R5] = {{0, 24, 21, 1, 1, 0, 0}, {0, 8, 10, 1, 1, 0, 0}, {0, 162, 271, 248, 530, 10, 500}},
    [GS_R6] = {{0, 41, 6, 0, 0, 0, 0}, {0, 18, 2, 0, 0, 0, 0}, {0, 496, 212, 171, 420, 52, 370}},
    [GS_R7] = {{0, 47, 0, 0, 0, 0, 0}, {0, 20, 0, 0, 0, 0, 0}, {0, 785, 206, 265, 259, 38, 168}},
};

/* Bodies with status 1-3 that answered the detail questions (P2). R5 is
 * not published (its format differs); 712 of 746 is our choice. */
static const int DETAIL_RESPONDENTS[GS_YEARS] = {712, 903, 1244};

/* Q6 by year x status: 策定済, 策定中, 未策定. R7: 策定済 853 in all; 690 of
 * 852 導入済 (81 %), 78 of 206 実証中 (38 %); 未策定 560 > 策定中 375. */
static const int GUIDELINE_COUNTS[GS_YEARS][7][4] = {
    [GS_R5] = {{0}, {0, 120, 50, 24}, {0, 90, 110, 102}, {0, 30, 80, 140},
               {0, 25, 110, 397}, {0, 1, 2, 7}, {0, 4, 20, 476}},
    [GS_R6] = {{0}, {0, 400, 110, 45}, {0, 70, 80, 70}, {0, 35, 60, 76},
               {0, 30, 90, 300}, {0, 5, 12, 35}, {0, 5, 25, 340}},
    [GS_R7] = {{0}, {0, 690, 110, 52}, {0, 78, 70, 58}, {0, 50, 90, 125},
               {0, 25, 70, 164}, {0, 5, 10, 23}, {0, 5, 25, 138}},
};

/* Q2 活用事例, answers per code 1..16. R6 is the public report; R7 keeps
 * the published order 1 > 2 > 3 > 4 > 5 > every other. */
static const int Q2_COUNTS[GS_YEARS][17] = {
    [GS_R5] = {0, 560, 470, 300, 450, 380, 250, 200, 260, 150, 180, 300, 350, 60, 90, 80, 50},
    [GS_R6] = {0, 875, 755, 602, 635, 638, 541, 420, 480, 390, 300, 510, 530, 210, 150, 260, 90},
    [GS_R7] = {0, 1180, 1105, 1010, 980, 930, 850, 700, 740, 610, 420, 790, 820, 330, 260, 450,
               120},
};

/* Q3 効果の活用方法 (from R6), code 6 exclusive. R7: 637 most, 622 second. */
static const int Q3_COUNTS[GS_YEARS][8] = {
    [GS_R6] = {0, 470, 430, 390, 300, 150, 170, 30},
    [GS_R7] = {0, 637, 622, 540, 410, 230, 180, 45},
};

/* Q4 課題 (at most 3), code 12 exclusive. R7: 1 > 2 > 3 > every other. */
static const int Q4_COUNTS[GS_YEARS][14] = {
    [GS_R5] = {0, 900, 850, 880, 380, 300, 480, 280, 320, 200, 120, 260, 80, 40},
    [GS_R6] = {0, 980, 940, 760, 400, 380, 420, 200, 280, 260, 130, 150, 70, 30},
    [GS_R7] = {0, 1010, 930, 700, 390, 360, 330, 170, 260, 250, 120, 90, 60, 30},
};

/* Q7 入力可能情報, asked of 策定済 bodies. R7: 機密性1 654 most, 3B 49 least. */
static const int Q7_COUNTS[GS_YEARS][7] = {
    [GS_R5] = {0, 210, 120, 60, 20, 10, 15},
    [GS_R6] = {0, 420, 300, 160, 60, 30, 50},
    [GS_R7] = {0, 654, 520, 300, 120, 49, 80},
};

/* Q15 人材確保, code 5 (取組をしていない) exclusive: the most in R5 and R6,
 * overtaken by 1 (職員の育成) in R7. */
static const int Q15_COUNTS[GS_YEARS][7] = {
    [GS_R5] = {0, 380, 100, 120, 90, 1150, 20},
    [GS_R6] = {0, 600, 180, 220, 150, 820, 30},
    [GS_R7] = {0, 880, 300, 350, 260, 520, 40},
};

/* The five cases of the seed's 「自治体における生成AIの導入効果」 page. Two
 * use cases in one cell are joined with 「・」. */
static const struct {
    const char *use_case, *effect;
    int hours_before, hours_after;
    long population;   /* prints as the seed's 人口規模 */
    uint32_t q2_codes; /* the use cases the case names */
    bool rag;
} CASES[GS_CASES] = {
    {"あいさつ文案の作成・メール文案の作成",
     "文章作成業務において、1か月あたり190時間かかっていた業務が、1か月あたり51時間に削減（73%削減）",
     190, 51, 51000, 1u << 1 | 1u << 4, false},
    {"議会の想定問答の文案作成",
     "生成AIに過去答弁を反映（RAG）させたことで、深夜残業等が減ったなど、業務効率化が図れている。"
     "150問を超える質問のうち最大96%について、答弁案の作成や補足資料の準備に生成AIを活用している。",
     0, 0, 58000, 1u << 3, true},
    {"計画案の作成・企画書案の作成",
     "広報誌作成業務の特集テーマに関する情報収集や企画書案の作成等において、年間換算で288時間程度の削減"
     "（47%減）見込み。（1月あたり24時間の削減×12か月＝288時間の削減見込み）",
     0, 0, 186000, 1u << 7 | 1u << 5, false},
    {"ローコードの作成（マクロ、VBA等）",
     "生成AIを活用してマクロコードを自動生成した結果、累計約4,250時間の業務削減が見込まれている。", 0, 0,
     94000, 1u << 6, false},
    {"データの分析・分類", "データ分析作業について、2か月の実証実験期間で103時間削減", 0, 0, 175000,
     1u << 9, false},
};

/* ---- Q1 status ---- */

void gs_make_statuses(gs_sample *s)
{
    int key[GS_BODIES], items[GS_BODIES];
    for (int y = 0; y < GS_YEARS; y++) {
        char tag[32];
        snprintf(tag, sizeof tag, "%s.status", gs_year_keys[y]);
        gs_rng rng = gs_rng_stream(tag);
        for (int i = 0; i < s->n_bodies; i++)
            key[i] = s->bodies[i].adoption + gs_below(&rng, 201) - 100;
        for (int g = 0; g < GROUP_COUNT; g++) {
            int n = 0;
            for (int i = 0; i < s->n_bodies; i++)
                if (gs_group(&s->bodies[i]) == g)
                    items[n++] = i;
            gs_sort_by_key_desc(items, n, key);
            int at = 0;
            for (int status = 1; status <= 6; status++)
                for (int c = 0; c < STATUS_COUNTS[y][g][status]; c++) {
                    if (at == n)
                        gs_fatal("%s group %d: status counts exceed %d bodies", gs_year_keys[y], g, n);
                    s->years[y].status[items[at++]] = status;
                }
            if (at != n)
                gs_fatal("%s group %d: status counts add up to %d, expected %d", gs_year_keys[y], g,
                         at, n);
        }
    }
}

/* ---- case studies ---- */

static long abs_long(long v) { return v < 0 ? -v : v; }

void gs_pick_cases(gs_sample *s)
{
    gs_rng rng = gs_rng_stream("cases");
    bool pref_used[GS_PREFS + 1] = {false};
    for (int c = 0; c < GS_CASES; c++) {
        /* The 市 adopted in R7, in a prefecture without a case yet, whose
         * population is closest to the case's. */
        int best = -1;
        for (int i = 0; i < s->n_bodies; i++) {
            const gs_body *b = &s->bodies[i];
            if (b->kind != KIND_CITY || s->years[GS_R7].status[i] != 1 || pref_used[b->pref])
                continue;
            if (best < 0 || abs_long(b->population - CASES[c].population) <
                                abs_long(s->bodies[best].population - CASES[c].population))
                best = i;
        }
        if (best < 0)
            gs_fatal("no 導入済 市 left for case %d", c + 1);
        gs_body *b = &s->bodies[best];
        pref_used[b->pref] = true;
        /* Anywhere in [P, P + 499] it prints the same 人口規模 (population /
         * 10,000 to one decimal) whether rounded half up or truncated. The
         * prefecture's largest other city absorbs the difference, keeping the
         * prefecture's total. */
        long population = CASES[c].population + gs_below(&rng, 500);
        int largest = -1;
        for (int i = 0; i < s->n_bodies; i++)
            if (i != best && s->bodies[i].pref == b->pref && s->bodies[i].kind == KIND_CITY &&
                (largest < 0 || s->bodies[i].population > s->bodies[largest].population))
                largest = i;
        if (largest >= 0)
            s->bodies[largest].population += b->population - population;
        b->population = population;
        s->cases[c] = (gs_case){.body = best,
                                .use_case = CASES[c].use_case,
                                .effect = CASES[c].effect,
                                .hours_before = CASES[c].hours_before,
                                .hours_after = CASES[c].hours_after,
                                .population = population,
                                .q2_codes = CASES[c].q2_codes,
                                .rag = CASES[c].rag};
    }
}

static const gs_case *case_of(const gs_sample *s, int body)
{
    for (int c = 0; c < GS_CASES; c++)
        if (s->cases[c].body == body)
            return &s->cases[c];
    return NULL;
}

/* ---- detail respondents ---- */

static void pick_detail_respondents(gs_sample *s, int y)
{
    char tag[32];
    snprintf(tag, sizeof tag, "%s.detail", gs_year_keys[y]);
    gs_rng rng = gs_rng_stream(tag);
    gs_year *yr = &s->years[y];
    int key[GS_BODIES], items[GS_BODIES];
    int n_asked = 0, n_candidates = 0;
    for (int i = 0; i < s->n_bodies; i++) {
        int score = gs_below(&rng, 1000);
        yr->detail[i] = yr->status[i] >= 1 && yr->status[i] <= 3;
        n_asked += yr->detail[i];
        /* Non-respondents are municipalities, more often those that only plan
         * to adopt; never a case-study body in the latest year. */
        if (!yr->detail[i] || gs_group(&s->bodies[i]) != GROUP_OTHER ||
            (y == GS_R7 && case_of(s, i)))
            continue;
        key[i] = score + 300 * (yr->status[i] - 1);
        items[n_candidates++] = i;
    }
    int n_missing = n_asked - DETAIL_RESPONDENTS[y];
    if (n_missing < 0 || n_missing > n_candidates)
        gs_fatal("%s: %d bodies asked, %d detail respondents wanted", gs_year_keys[y], n_asked,
                 DETAIL_RESPONDENTS[y]);
    gs_sort_by_key_desc(items, n_candidates, key);
    for (int j = 0; j < n_missing; j++)
        yr->detail[items[j]] = false;
}

/* ---- Q6 guideline: rank-and-cut within each status ---- */

static void make_guidelines(gs_sample *s, int y)
{
    char tag[32];
    snprintf(tag, sizeof tag, "%s.guideline", gs_year_keys[y]);
    gs_rng rng = gs_rng_stream(tag);
    gs_year *yr = &s->years[y];
    int key[GS_BODIES], items[GS_BODIES];
    for (int i = 0; i < s->n_bodies; i++)
        key[i] = s->bodies[i].guideline + gs_below(&rng, 201) - 100;
    for (int status = 1; status <= 6; status++) {
        int n = 0;
        for (int i = 0; i < s->n_bodies; i++)
            if (yr->status[i] == status)
                items[n++] = i;
        gs_sort_by_key_desc(items, n, key);
        const int *counts = GUIDELINE_COUNTS[y][status];
        if (counts[1] + counts[2] + counts[3] != n)
            gs_fatal("%s status %d: guideline counts add up to %d, expected %d", gs_year_keys[y],
                     status, counts[1] + counts[2] + counts[3], n);
        int at = 0;
        for (int code = 1; code <= 3; code++)
            for (int c = 0; c < counts[code]; c++)
                yr->q6[items[at++]] = code;
    }
}

/* ---- biases: who tends to give which answer ---- */

typedef struct {
    const gs_sample *s;
    int y;
} answer_ctx;

static int q2_bias(const void *ctx, int i, int code)
{
    const answer_ctx *a = ctx;
    if (a->y == GS_R7) {
        const gs_case *c = case_of(a->s, i);
        if (c && ((c->q2_codes >> code) & 1u))
            return GS_FORCE;
    }
    /* Bodies that have adopted use it for more things. */
    return a->s->years[a->y].status[i] == 1 ? 250 : 0;
}

static int q4_bias(const void *ctx, int i, int code)
{
    const answer_ctx *a = ctx;
    const gs_body *b = &a->s->bodies[i];
    bool small = b->kind == KIND_TOWN || b->kind == KIND_VILLAGE;
    switch (code) {
    case 2: /* 人材不足 */
    case 5: /* 予算 */
        return small ? 300 : 0;
    case 12: /* 特に課題はない: rather those not even considering it */
        return a->s->years[a->y].status[i] == 6 ? 400 : 0;
    case 11: /* 情報収集の方法がわからない */
    case 6:  /* 活用できる業務が不明 */
        return a->s->years[a->y].status[i] >= 4 ? 300 : 0;
    default:
        return 0;
    }
}

static int q15_bias(const void *ctx, int i, int code)
{
    const answer_ctx *a = ctx;
    int status = a->s->years[a->y].status[i];
    int group = gs_group(&a->s->bodies[i]);
    switch (code) {
    case 5: /* 取組をしていない */
        return group != GROUP_OTHER ? -2000 : status >= 4 ? 500 : 0;
    case 1:
        return status == 1 ? 300 : 0;
    case 3: /* 推進体制・専門部署 */
        return group != GROUP_OTHER ? 600 : 0;
    default:
        return 0;
    }
}

static int q3_bias(const void *ctx, int i, int code)
{
    const answer_ctx *a = ctx;
    int status = a->s->years[a->y].status[i];
    if (code == 6) /* 効果の活用には至っていない: rather those not yet adopted */
        return status == 1 ? 0 : 500;
    return 0;
}

void gs_make_answers(gs_sample *s)
{
    bool asked[GS_BODIES];
    for (int y = 0; y < GS_YEARS; y++) {
        gs_year *yr = &s->years[y];
        answer_ctx ctx = {.s = s, .y = y};
        char tag[32];
        pick_detail_respondents(s, y);
        make_guidelines(s, y);

        snprintf(tag, sizeof tag, "%s.Q2", gs_year_keys[y]);
        gs_rng rng = gs_rng_stream(tag);
        gs_assign_multi(&rng, s->n_bodies, yr->detail,
                        &(gs_multi){.what = tag, .options = 16, .counts = Q2_COUNTS[y]}, q2_bias,
                        &ctx, yr->q2);

        if (y >= GS_R6) {
            snprintf(tag, sizeof tag, "%s.Q3", gs_year_keys[y]);
            rng = gs_rng_stream(tag);
            gs_assign_multi(&rng, s->n_bodies, yr->detail,
                            &(gs_multi){.what = tag,
                                        .options = 7,
                                        .exclusive = 1u << 6,
                                        .counts = Q3_COUNTS[y]},
                            q3_bias, &ctx, yr->q3);
        }

        for (int i = 0; i < s->n_bodies; i++)
            asked[i] = true;
        snprintf(tag, sizeof tag, "%s.Q4", gs_year_keys[y]);
        rng = gs_rng_stream(tag);
        gs_assign_multi(&rng, s->n_bodies, asked,
                        &(gs_multi){.what = tag,
                                    .options = 13,
                                    .max = 3,
                                    .exclusive = 1u << 12,
                                    .counts = Q4_COUNTS[y]},
                        q4_bias, &ctx, yr->q4);

        snprintf(tag, sizeof tag, "%s.Q15", gs_year_keys[y]);
        rng = gs_rng_stream(tag);
        gs_assign_multi(&rng, s->n_bodies, asked,
                        &(gs_multi){.what = tag,
                                    .options = 6,
                                    .exclusive = 1u << 5,
                                    .counts = Q15_COUNTS[y]},
                        q15_bias, &ctx, yr->q15);

        for (int i = 0; i < s->n_bodies; i++)
            asked[i] = yr->q6[i] == 1;
        snprintf(tag, sizeof tag, "%s.Q7", gs_year_keys[y]);
        rng = gs_rng_stream(tag);
        gs_assign_multi(&rng, s->n_bodies, asked,
                        &(gs_multi){.what = tag, .options = 6, .counts = Q7_COUNTS[y]}, NULL, NULL,
                        yr->q7);
    }
}
