/* gensample.h - the synthetic sample generator's internal interface.
 *
 * gensample writes data/ (bodies.csv, Rn/answers.csv, Rn/services.csv,
 * R7/cases.csv) from the facts in tools/sample/ and the design values in
 * gensample_answers.c and gensample_services.c. Every published number of the deck comes out exactly
 * because each option count is a design value and exactly that many
 * respondents are picked for it (gensample_pick.c). Randomness is a fixed-seed
 * splitmix64 and all arithmetic is integer: the output is byte-identical on
 * every machine.
 */
#ifndef AIREPORT_GENSAMPLE_H
#define AIREPORT_GENSAMPLE_H

#include <stdbool.h>
#include <stdint.h>

enum { GS_PREFS = 47, GS_BODIES = 1788, GS_YEARS = 3 };
enum { GS_R5, GS_R6, GS_R7 };

/* Deck groups: 都道府県, 指定都市, その他市区町村. */
enum { GROUP_PREF, GROUP_DESIGNATED, GROUP_OTHER, GROUP_COUNT };

typedef enum { KIND_PREF, KIND_DESIGNATED, KIND_CITY, KIND_WARD, KIND_TOWN, KIND_VILLAGE } body_kind;

/* ---- deterministic randomness (gensample_pick.c) ---- */

typedef struct {
    uint64_t state;
} gs_rng;

/* A stream of its own for each purpose (tag), so that a change in one part of
 * the sample does not reshuffle every other part. */
gs_rng gs_rng_stream(const char *tag);
uint64_t gs_next(gs_rng *r);
/* Uniform in [0, n), n > 0. */
int gs_below(gs_rng *r, int n);

/* ---- exact-count picking (gensample_pick.c) ---- */

/* A bias at or above this forces the item to be picked first. */
enum { GS_FORCE = 1000000 };

/* How likely item i is to get option code (added to a random 0..999 score);
 * NULL = no bias. */
typedef int (*gs_bias_fn)(const void *ctx, int item, int code);

/* Multi-select question: counts[code] answers name code (index 0 unused).
 * Exclusive codes are given first; at most `max` codes per item (0 = no
 * limit); every asked item gets at least one code. Result: a bit per code
 * (1u << code) in masks[i]. Exits with a message when the design cannot be
 * met (a bug in the design values, never in the data). */
typedef struct {
    const char *what; /* for messages, e.g. "R7 Q2" */
    int options;
    int max;
    uint32_t exclusive; /* bit per exclusive code */
    const int *counts;
} gs_multi;

void gs_assign_multi(gs_rng *rng, int n, const bool *asked, const gs_multi *q, gs_bias_fn bias,
                     const void *ctx, uint32_t *masks);

/* Single-select question: exactly counts[code] asked items answer code; the
 * counts must add up to the number of asked items. Result in codes[i] (0 for
 * items not asked). */
void gs_assign_single(gs_rng *rng, int n, const bool *asked, const char *what, int options,
                      const int *counts, gs_bias_fn bias, const void *ctx, int *codes);

/* Orders item indexes by key descending (ties by index): for rank-and-cut
 * assignment. */
void gs_sort_by_key_desc(int *items, int n, const int *key);

_Noreturn void gs_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- the sample ---- */

typedef struct {
    char code[7];
    int pref; /* 1..47 */
    char name[16];
    int municipalities; /* 市区町村数, incl. designated cities */
    long population;
    int cities; /* 市 incl. designated cities */
    int wards, towns, villages;
} gs_pref;

typedef struct {
    char code[7];
    int pref;
    body_kind kind;
    char name[64];
    long population;
    int adoption;  /* latent propensity to adopt generative AI */
    int guideline; /* latent propensity to have a guideline */
} gs_body;

typedef struct {
    int status[GS_BODIES];    /* Q1 1..6 */
    bool detail[GS_BODIES];   /* answered the detail questions */
    uint32_t q2[GS_BODIES];   /* 活用事例 */
    uint32_t q3[GS_BODIES];   /* 効果の活用方法 (R6 on) */
    uint32_t q4[GS_BODIES];   /* 課題 */
    int q6[GS_BODIES];        /* ガイドライン */
    uint32_t q7[GS_BODIES];   /* 入力可能情報 */
    uint32_t q15[GS_BODIES];  /* 人材確保 */
    int n_services;           /* service rows */
    struct gs_service *services;
} gs_year;

typedef struct gs_service {
    int body;
    int q5, q8, q9, q12, q13, q14;
    uint32_t q10, q11;
} gs_service;

typedef struct {
    int body;
    const char *use_case;
    const char *effect;
    int hours_before, hours_after; /* 0 = not measured */
    long population;               /* the 人口規模 the deck prints */
    uint32_t q2_codes;             /* use cases the body must have named */
    bool rag;                      /* the body customises a service with RAG */
} gs_case;

enum { GS_CASES = 5 };

typedef struct {
    gs_pref prefs[GS_PREFS];
    gs_body bodies[GS_BODIES];
    int n_bodies;
    gs_year years[GS_YEARS];
    gs_case cases[GS_CASES];
} gs_sample;

extern const char *const gs_year_keys[GS_YEARS];

int gs_group(const gs_body *b);

/* gensample_bodies.c */
void gs_read_facts(gs_sample *s, const char *facts_dir);
void gs_make_bodies(gs_sample *s);

/* gensample_answers.c */
void gs_make_statuses(gs_sample *s);
void gs_pick_cases(gs_sample *s);
void gs_make_answers(gs_sample *s);

/* gensample_services.c */
void gs_make_services(gs_sample *s);

/* gensample_write.c */
void gs_write_all(const gs_sample *s, const char *out_dir);

#endif
