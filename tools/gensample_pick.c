/* gensample_pick.c - deterministic randomness and exact-count picking.
 *
 * For an option with design count k, exactly k of the eligible items are
 * picked: the eligible items are ordered by (forced first, fewest options so
 * far, random score + bias) and the first k taken. Only integers are used, so
 * the order never depends on a machine's floating point.
 */
#include "gensample.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"

_Noreturn void gs_fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gensample: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

/* The fixed seed of the sample; changing it changes every answer. */
static const uint64_t SAMPLE_SEED = 0x5a3b1e7c2d4f6a81u;

gs_rng gs_rng_stream(const char *tag)
{
    /* FNV-1a of the tag mixed into the seed. */
    uint64_t h = 0xcbf29ce484222325u;
    for (const unsigned char *p = (const unsigned char *)tag; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3u;
    }
    return (gs_rng){.state = SAMPLE_SEED ^ h};
}

uint64_t gs_next(gs_rng *r)
{
    /* splitmix64 */
    uint64_t z = (r->state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

int gs_below(gs_rng *r, int n)
{
    /* The modulo bias of a 53-bit value is far below anything visible. */
    return (int)((gs_next(r) >> 11) % (uint64_t)n);
}

typedef struct {
    int item;
    int forced; /* 0 = forced, 1 = not */
    int tier;   /* lower first */
    int score;  /* higher first */
} candidate;

static int candidate_cmp(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->forced != y->forced)
        return x->forced - y->forced;
    if (x->tier != y->tier)
        return x->tier - y->tier;
    if (x->score != y->score)
        return y->score > x->score ? 1 : -1;
    return x->item - y->item;
}

static int popcount32(uint32_t v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* Fills cand[] with the items eligible for `code`, scored; returns how many. */
static int collect(gs_rng *rng, int n, const bool *asked, const gs_multi *q, int code,
                   gs_bias_fn bias, const void *ctx, const uint32_t *masks, candidate *cand)
{
    bool exclusive = (q->exclusive >> code) & 1u;
    int m = 0;
    for (int i = 0; i < n; i++) {
        int score = gs_below(rng, 1000); /* drawn for every item: stable streams */
        if (!asked[i] || (masks[i] & q->exclusive))
            continue;
        int held = popcount32(masks[i]);
        if (exclusive && held > 0)
            continue;
        if (q->max > 0 && held >= q->max)
            continue;
        int b = bias ? bias(ctx, i, code) : 0;
        /* With a limit, spread answers over the items with the fewest so far;
         * without one, only make sure that nobody is left with none. */
        int tier = q->max > 0 ? held : (held > 0);
        cand[m++] = (candidate){
            .item = i, .forced = b >= GS_FORCE ? 0 : 1, .tier = tier, .score = score + b};
    }
    return m;
}

void gs_assign_multi(gs_rng *rng, int n, const bool *asked, const gs_multi *q, gs_bias_fn bias,
                     const void *ctx, uint32_t *masks)
{
    candidate *cand = xcalloc((size_t)n, sizeof *cand);
    int order[32];
    int n_order = 0;
    /* Exclusive codes first, then the others by descending count (ties by
     * code), so that the big options are spread before the small ones. */
    for (int pass = 0; pass < 2; pass++) {
        int first = n_order;
        for (int code = 1; code <= q->options; code++) {
            bool ex = (q->exclusive >> code) & 1u;
            if ((pass == 0) == ex)
                order[n_order++] = code;
        }
        for (int a = first + 1; a < n_order; a++)
            for (int b = a; b > first && q->counts[order[b]] > q->counts[order[b - 1]]; b--) {
                int t = order[b];
                order[b] = order[b - 1];
                order[b - 1] = t;
            }
    }
    for (int i = 0; i < n; i++)
        masks[i] = 0;
    for (int o = 0; o < n_order; o++) {
        int code = order[o];
        int k = q->counts[code];
        int m = collect(rng, n, asked, q, code, bias, ctx, masks, cand);
        if (m < k)
            gs_fatal("%s: option %d needs %d answers but only %d items can take it", q->what, code,
                     k, m);
        qsort(cand, (size_t)m, sizeof *cand, candidate_cmp);
        for (int j = 0; j < k; j++)
            masks[cand[j].item] |= 1u << code;
    }
    for (int i = 0; i < n; i++)
        if (asked[i] && masks[i] == 0)
            gs_fatal("%s: item %d got no option (design counts too small)", q->what, i);
    free(cand);
}

void gs_assign_single(gs_rng *rng, int n, const bool *asked, const char *what, int options,
                      const int *counts, gs_bias_fn bias, const void *ctx, int *codes)
{
    int n_asked = 0, total = 0;
    for (int i = 0; i < n; i++) {
        codes[i] = 0;
        n_asked += asked[i];
    }
    for (int code = 1; code <= options; code++)
        total += counts[code];
    if (total != n_asked)
        gs_fatal("%s: design counts add up to %d, but %d items are asked", what, total, n_asked);

    candidate *cand = xcalloc((size_t)n, sizeof *cand);
    for (int code = 1; code <= options; code++) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int score = gs_below(rng, 1000);
            if (!asked[i] || codes[i] != 0)
                continue;
            int b = bias ? bias(ctx, i, code) : 0;
            cand[m++] = (candidate){
                .item = i, .forced = b >= GS_FORCE ? 0 : 1, .tier = 0, .score = score + b};
        }
        qsort(cand, (size_t)m, sizeof *cand, candidate_cmp);
        for (int j = 0; j < counts[code]; j++)
            codes[cand[j].item] = code;
    }
    free(cand);
}

static const int *sort_key;

static int key_desc_cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    if (sort_key[x] != sort_key[y])
        return sort_key[y] > sort_key[x] ? 1 : -1;
    return x - y;
}

void gs_sort_by_key_desc(int *items, int n, const int *key)
{
    sort_key = key;
    qsort(items, (size_t)n, sizeof *items, key_desc_cmp);
    sort_key = NULL;
}
