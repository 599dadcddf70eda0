/* gensample_services.c - the answers per service (サービス別回答).
 *
 * Each detail respondent names at least one service (Q5), none twice; one
 * row per (body, service). Every per-row question then gets exactly its
 * design counts, with biases that keep rows plausible (自治体向け services
 * are the ones customised, a body's own tool is built on an API, ...).
 */
#include "gensample.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"

/* Design counts per year, index = option code. R7 rows: 1,743. */
static const int Q5_COUNTS[GS_YEARS][11] = {
    [GS_R5] = {0, 60, 90, 40, 50, 380, 60, 20, 5, 40, 105},
    [GS_R6] = {0, 230, 220, 160, 140, 200, 90, 40, 15, 35, 50},
    [GS_R7] = {0, 330, 290, 260, 220, 190, 170, 110, 40, 50, 83},
};
static const int Q8_COUNTS[GS_YEARS][4] = {
    [GS_R5] = {0, 450, 180, 220},
    [GS_R6] = {0, 520, 400, 260},
    [GS_R7] = {0, 741, 616, 386},
};
static const int Q9_COUNTS[GS_YEARS][3] = {
    [GS_R5] = {0, 120, 730},
    [GS_R6] = {0, 300, 880},
    [GS_R7] = {0, 390, 1353},
};
/* R6: RAG 244, 特定の行政分野 41 (public report). */
static const int Q10_COUNTS[GS_YEARS][6] = {
    [GS_R5] = {0, 80, 25, 30, 3, 8},
    [GS_R6] = {0, 244, 41, 60, 8, 12},
    [GS_R7] = {0, 329, 90, 120, 12, 18},
};
/* R7: マニュアル > 議会会議録 > 法令 > FAQ集 > 計画 > every other. */
static const int Q11_COUNTS[GS_YEARS][11] = {
    [GS_R5] = {0, 60, 55, 40, 35, 20, 25, 20, 10, 5, 10},
    [GS_R6] = {0, 190, 170, 120, 110, 70, 80, 60, 30, 20, 30},
    [GS_R7] = {0, 250, 210, 180, 150, 120, 100, 90, 60, 40, 50},
};
static const int Q12_COUNTS[GS_YEARS][5] = {
    [GS_R5] = {0, 700, 90, 15, 45},
    [GS_R6] = {0, 930, 170, 30, 50},
    [GS_R7] = {0, 1359, 250, 54, 80},
};
static const int Q13_COUNTS[GS_YEARS][8] = {
    [GS_R5] = {0, 420, 120, 70, 100, 30, 10, 100},
    [GS_R6] = {0, 500, 200, 120, 170, 60, 30, 100},
    [GS_R7] = {0, 705, 310, 180, 260, 90, 48, 150},
};
static const int Q14_COUNTS[GS_YEARS][8] = {
    [GS_R5] = {0, 330, 180, 100, 110, 30, 10, 90},
    [GS_R6] = {0, 350, 290, 190, 220, 60, 20, 50},
    [GS_R7] = {0, 468, 420, 300, 330, 95, 40, 90},
};

enum { SERVICE_OWN_TOOL = 9 };

typedef struct {
    const gs_sample *s;
    int y;
    const gs_service *rows;
} service_ctx;

static bool for_municipalities(int q5) { return q5 >= 1 && q5 <= 4; }
static bool general_purpose(int q5) { return q5 >= 5 && q5 <= 8; }

static bool is_rag_case(const gs_sample *s, int y, int body)
{
    if (y != GS_R7)
        return false;
    for (int c = 0; c < GS_CASES; c++)
        if (s->cases[c].body == body && s->cases[c].rag)
            return true;
    return false;
}

static int q5_bias(const void *ctx, int i, int code)
{
    const service_ctx *c = ctx;
    (void)code;
    /* Prefectures and designated cities run more than one service. */
    return gs_group(&c->s->bodies[i]) != GROUP_OTHER ? 400 : 0;
}

static int q8_bias(const void *ctx, int i, int code)
{
    const gs_service *r = &((const service_ctx *)ctx)->rows[i];
    if (code == 1)
        return general_purpose(r->q5) ? 400 : 0;
    if (code == 2)
        return for_municipalities(r->q5) || r->q5 == SERVICE_OWN_TOOL ? 300 : 0;
    return 0;
}

static int q9_bias(const void *ctx, int i, int code)
{
    const service_ctx *c = ctx;
    const gs_service *r = &c->rows[i];
    if (code != 1)
        return 0;
    if (is_rag_case(c->s, c->y, r->body))
        return GS_FORCE;
    return for_municipalities(r->q5) || r->q5 == SERVICE_OWN_TOOL ? 400 : 0;
}

static int q10_bias(const void *ctx, int i, int code)
{
    const service_ctx *c = ctx;
    if (code == 1 && is_rag_case(c->s, c->y, c->rows[i].body))
        return GS_FORCE;
    return 0;
}

static int q12_bias(const void *ctx, int i, int code)
{
    const gs_service *r = &((const service_ctx *)ctx)->rows[i];
    if (code == 1)
        return r->q5 != SERVICE_OWN_TOOL ? 300 : 0;
    if (code == 2 || code == 3)
        return r->q5 == SERVICE_OWN_TOOL ? 800 : 0;
    return 0;
}

static int q13_bias(const void *ctx, int i, int code)
{
    const gs_service *r = &((const service_ctx *)ctx)->rows[i];
    if (code == 1)
        return (r->q8 == 3 ? 500 : 0) + (general_purpose(r->q5) ? 200 : 0);
    if (code == 6)
        return r->q5 == SERVICE_OWN_TOOL ? 600 : 0;
    return 0;
}

static int q14_bias(const void *ctx, int i, int code)
{
    const gs_service *r = &((const service_ctx *)ctx)->rows[i];
    return r->q13 == code ? 500 : 0;
}

static void make_year(gs_sample *s, int y)
{
    gs_year *yr = &s->years[y];
    const char *key = gs_year_keys[y];
    char tag[32];
    service_ctx ctx = {.s = s, .y = y};

    uint32_t uses[GS_BODIES];
    snprintf(tag, sizeof tag, "%s.Q5", key);
    gs_rng rng = gs_rng_stream(tag);
    gs_assign_multi(&rng, s->n_bodies, yr->detail,
                    &(gs_multi){.what = tag, .options = 10, .counts = Q5_COUNTS[y]}, q5_bias, &ctx,
                    uses);

    int n = 0;
    for (int i = 0; i < s->n_bodies; i++)
        for (int code = 1; code <= 10; code++)
            n += (uses[i] >> code) & 1u;
    gs_service *rows = xcalloc((size_t)n, sizeof *rows);
    int at = 0;
    for (int i = 0; i < s->n_bodies; i++)
        for (int code = 1; code <= 10; code++)
            if ((uses[i] >> code) & 1u)
                rows[at++] = (gs_service){.body = i, .q5 = code};
    yr->services = rows;
    yr->n_services = n;
    ctx.rows = rows;

    bool *asked = xcalloc((size_t)n, sizeof *asked);
    int *codes = xcalloc((size_t)n, sizeof *codes);
    uint32_t *masks = xcalloc((size_t)n, sizeof *masks);
    for (int r = 0; r < n; r++)
        asked[r] = true;

    /* Single-select questions, each into codes[] then copied to the rows so
     * that the next question's bias can read it. */
    static const struct {
        const char *q;
        int options;
        size_t offset;
        gs_bias_fn bias;
    } singles[] = {
        {"Q8", 3, offsetof(gs_service, q8), q8_bias},
        {"Q9", 2, offsetof(gs_service, q9), q9_bias},
        {"Q12", 4, offsetof(gs_service, q12), q12_bias},
        {"Q13", 7, offsetof(gs_service, q13), q13_bias},
        {"Q14", 7, offsetof(gs_service, q14), q14_bias},
    };
    const int *single_counts[] = {Q8_COUNTS[y], Q9_COUNTS[y], Q12_COUNTS[y], Q13_COUNTS[y],
                                  Q14_COUNTS[y]};
    for (size_t q = 0; q < sizeof singles / sizeof singles[0]; q++) {
        snprintf(tag, sizeof tag, "%s.%s", key, singles[q].q);
        rng = gs_rng_stream(tag);
        gs_assign_single(&rng, n, asked, tag, singles[q].options, single_counts[q],
                         singles[q].bias, &ctx, codes);
        for (int r = 0; r < n; r++)
            *(int *)((char *)&rows[r] + singles[q].offset) = codes[r];
    }

    for (int r = 0; r < n; r++)
        asked[r] = rows[r].q9 == 1;
    snprintf(tag, sizeof tag, "%s.Q10", key);
    rng = gs_rng_stream(tag);
    gs_assign_multi(&rng, n, asked, &(gs_multi){.what = tag, .options = 5, .counts = Q10_COUNTS[y]},
                    q10_bias, &ctx, masks);
    for (int r = 0; r < n; r++)
        rows[r].q10 = masks[r];
    snprintf(tag, sizeof tag, "%s.Q11", key);
    rng = gs_rng_stream(tag);
    gs_assign_multi(&rng, n, asked,
                    &(gs_multi){.what = tag, .options = 10, .counts = Q11_COUNTS[y]}, NULL, NULL,
                    masks);
    for (int r = 0; r < n; r++)
        rows[r].q11 = masks[r];

    free(asked);
    free(codes);
    free(masks);
}

void gs_make_services(gs_sample *s)
{
    for (int y = 0; y < GS_YEARS; y++)
        make_year(s, y);
}
