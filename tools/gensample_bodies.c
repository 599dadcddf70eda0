/* gensample_bodies.c - the 1,788 bodies of the sample (団体マスタ).
 *
 * Prefectures and designated cities are real (tools/sample/). The other
 * 1,721 municipalities are synthetic: each prefecture gets its real number of
 * 市, 特別区, 町 and 村, named サンプル市201 etc. after the middle three digits
 * of their code, so that no answer is ever attributed to a real town.
 * Code ranges: 特別区 101-123, 市 201-, 町 301-, 村 501- (designated cities use
 * 1xx outside 東京都, so nothing collides).
 */
#include "gensample.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const gs_year_keys[GS_YEARS] = {"R5", "R6", "R7"};

int gs_group(const gs_body *b)
{
    if (b->kind == KIND_PREF)
        return GROUP_PREF;
    if (b->kind == KIND_DESIGNATED)
        return GROUP_DESIGNATED;
    return GROUP_OTHER;
}

/* ---- facts files: the project's own small CSVs, no quoting ---- */

enum { FACT_FIELDS_MAX = 12 };

typedef struct {
    char *field[FACT_FIELDS_MAX];
    int n;
} fact_row;

static void split_row(char *line, fact_row *row)
{
    line[strcspn(line, "\r\n")] = '\0';
    row->n = 0;
    char *p = line;
    while (row->n < FACT_FIELDS_MAX) {
        row->field[row->n++] = p;
        char *comma = strchr(p, ',');
        if (!comma)
            break;
        *comma = '\0';
        p = comma + 1;
    }
}

static long parse_long(const char *path, int line, const char *text, long lo, long hi)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < lo || v > hi)
        gs_fatal("%s:%d: \"%s\" is not a number in %ld..%ld", path, line, text, lo, hi);
    return v;
}

static int check_digit(const char *five)
{
    int sum = 0;
    for (int i = 0; i < 5; i++)
        sum += (6 - i) * (five[i] - '0');
    return (11 - sum % 11) % 10;
}

static void make_code(char out[7], int pref, int middle)
{
    char five[24];
    snprintf(five, sizeof five, "%02d%03d", pref % 100, middle % 1000);
    snprintf(out, 7, "%.5s%d", five, check_digit(five));
}

static void check_code(const char *path, int line, const char *code)
{
    if (strlen(code) != 6 || strspn(code, "0123456789") != 6 ||
        check_digit(code) != code[5] - '0')
        gs_fatal("%s:%d: \"%s\" is not a body code with a valid check digit", path, line, code);
}

typedef struct {
    char code[7];
    int pref;
    char name[64];
    long population;
} designated_city;

enum { DESIGNATED_MAX = 32 };
static designated_city designated[DESIGNATED_MAX];
static int n_designated;

void gs_read_facts(gs_sample *s, const char *facts_dir)
{
    char path[4096], line[1024];
    fact_row row;

    snprintf(path, sizeof path, "%s/prefectures.csv", facts_dir);
    FILE *f = fopen(path, "r");
    if (!f)
        gs_fatal("%s: cannot open", path);
    int lineno = 0, n = 0;
    while (fgets(line, sizeof line, f)) {
        if (++lineno == 1)
            continue; /* header */
        split_row(line, &row);
        if (row.n != 9)
            gs_fatal("%s:%d: %d fields, expected 9", path, lineno, row.n);
        if (n == GS_PREFS)
            gs_fatal("%s:%d: more than %d prefectures", path, lineno, GS_PREFS);
        gs_pref *p = &s->prefs[n++];
        check_code(path, lineno, row.field[0]);
        memcpy(p->code, row.field[0], 7);
        p->pref = (int)parse_long(path, lineno, row.field[1], 1, GS_PREFS);
        if (p->pref != n || strncmp(row.field[0], row.field[1], 2) != 0)
            gs_fatal("%s:%d: prefecture code %s out of order", path, lineno, row.field[1]);
        snprintf(p->name, sizeof p->name, "%s", row.field[2]);
        p->municipalities = (int)parse_long(path, lineno, row.field[3], 1, 999);
        p->population = parse_long(path, lineno, row.field[4], 1, 99999999);
        p->cities = (int)parse_long(path, lineno, row.field[5], 0, 99);
        p->wards = (int)parse_long(path, lineno, row.field[6], 0, 23);
        p->towns = (int)parse_long(path, lineno, row.field[7], 0, 199);
        p->villages = (int)parse_long(path, lineno, row.field[8], 0, 99);
        if (p->cities + p->wards + p->towns + p->villages != p->municipalities)
            gs_fatal("%s:%d: 市+特別区+町+村 = %d, expected 市区町村数 %d", path, lineno,
                     p->cities + p->wards + p->towns + p->villages, p->municipalities);
    }
    fclose(f);
    if (n != GS_PREFS)
        gs_fatal("%s: %d prefectures, expected %d", path, n, GS_PREFS);

    snprintf(path, sizeof path, "%s/designated-cities.csv", facts_dir);
    f = fopen(path, "r");
    if (!f)
        gs_fatal("%s: cannot open", path);
    lineno = 0;
    while (fgets(line, sizeof line, f)) {
        if (++lineno == 1)
            continue;
        split_row(line, &row);
        if (row.n != 5)
            gs_fatal("%s:%d: %d fields, expected 5", path, lineno, row.n);
        if (n_designated == DESIGNATED_MAX)
            gs_fatal("%s:%d: too many designated cities", path, lineno);
        designated_city *d = &designated[n_designated++];
        check_code(path, lineno, row.field[0]);
        memcpy(d->code, row.field[0], 7);
        d->pref = (int)parse_long(path, lineno, row.field[1], 1, GS_PREFS);
        snprintf(d->name, sizeof d->name, "%s", row.field[3]);
        d->population = parse_long(path, lineno, row.field[4], 1, 99999999);
    }
    fclose(f);
}

/* ---- populations: integer quantile tables, linear in between ---- */

enum { QUANTILES = 8 };
/* Residents at the 0, 1/7, ..., 7/7 quantiles. Cities and wards are weights
 * scaled afterwards to what the prefecture leaves for them. */
static const long TOWN_POP[QUANTILES] = {1500, 4000, 7500, 11000, 15000, 21000, 30000, 48000};
static const long VILLAGE_POP[QUANTILES] = {300, 900, 1600, 2500, 3600, 5000, 7500, 12000};
static const long CITY_WEIGHT[QUANTILES] = {25000, 35000, 48000, 65000, 90000, 130000, 200000, 420000};
static const long WARD_WEIGHT[QUANTILES] = {70000, 150000, 230000, 300000, 400000, 560000, 740000, 940000};

static long draw_population(gs_rng *rng, const long *q)
{
    int u = gs_below(rng, (QUANTILES - 1) * 1000);
    int seg = u / 1000, frac = u % 1000;
    return q[seg] + (q[seg + 1] - q[seg]) * frac / 1000;
}

static gs_body *add_body(gs_sample *s, int pref, body_kind kind, int middle, const char *prefix)
{
    if (s->n_bodies == GS_BODIES)
        gs_fatal("more than %d bodies in the facts", GS_BODIES);
    gs_body *b = &s->bodies[s->n_bodies++];
    b->pref = pref;
    b->kind = kind;
    make_code(b->code, pref, middle);
    if (prefix)
        snprintf(b->name, sizeof b->name, "%s%03d", prefix, middle);
    return b;
}

static int body_code_cmp(const void *a, const void *b)
{
    return strcmp(((const gs_body *)a)->code, ((const gs_body *)b)->code);
}

/* A propensity per prefecture: sum of three uniforms, roughly bell-shaped. */
static int bell(gs_rng *rng, int half_width)
{
    int v = 0;
    for (int i = 0; i < 3; i++)
        v += gs_below(rng, 2 * half_width + 1) - half_width;
    return v;
}

/* Population on a log scale: 8 steps per doubling. */
static int log_population(long pop)
{
    int bits = 0;
    while ((pop >> bits) > 1)
        bits++;
    int frac = bits >= 3 ? (int)((pop >> (bits - 3)) & 7) : 0;
    return bits * 8 + frac;
}

void gs_make_bodies(gs_sample *s)
{
    gs_rng rng = gs_rng_stream("bodies");
    int totals[6] = {0};

    for (int p = 0; p < GS_PREFS; p++) {
        const gs_pref *pf = &s->prefs[p];
        int first = s->n_bodies;
        gs_body *b = add_body(s, pf->pref, KIND_PREF, 0, NULL);
        memcpy(b->code, pf->code, 7);
        snprintf(b->name, sizeof b->name, "%s", pf->name);
        b->population = pf->population;

        long left = pf->population;
        int n_designated_here = 0;
        for (int d = 0; d < n_designated; d++) {
            if (designated[d].pref != pf->pref)
                continue;
            b = add_body(s, pf->pref, KIND_DESIGNATED, 0, NULL);
            memcpy(b->code, designated[d].code, 7);
            snprintf(b->name, sizeof b->name, "%s", designated[d].name);
            b->population = designated[d].population;
            left -= b->population;
            n_designated_here++;
        }
        if (n_designated_here > pf->cities)
            gs_fatal("%s: %d designated cities but only %d 市", pf->name, n_designated_here,
                     pf->cities);

        for (int i = 0; i < pf->towns; i++) {
            b = add_body(s, pf->pref, KIND_TOWN, 301 + i, "サンプル町");
            b->population = draw_population(&rng, TOWN_POP);
            left -= b->population;
        }
        for (int i = 0; i < pf->villages; i++) {
            b = add_body(s, pf->pref, KIND_VILLAGE, 501 + i, "サンプル村");
            b->population = draw_population(&rng, VILLAGE_POP);
            left -= b->population;
        }
        /* Cities and wards share what is left, in proportion to a weight. */
        int first_big = s->n_bodies;
        long weights = 0;
        for (int i = 0; i < pf->wards; i++) {
            b = add_body(s, pf->pref, KIND_WARD, 101 + i, "サンプル区");
            b->population = draw_population(&rng, WARD_WEIGHT);
            weights += b->population;
        }
        for (int i = 0; i < pf->cities - n_designated_here; i++) {
            b = add_body(s, pf->pref, KIND_CITY, 201 + i, "サンプル市");
            b->population = draw_population(&rng, CITY_WEIGHT);
            weights += b->population;
        }
        if (weights > 0) {
            if (left < weights / 4)
                gs_fatal("%s: only %ld residents left for %d cities", pf->name, left,
                         s->n_bodies - first_big);
            long given = 0;
            int largest = first_big;
            for (int i = first_big; i < s->n_bodies; i++) {
                long long scaled = (long long)s->bodies[i].population * left / weights;
                s->bodies[i].population = (long)scaled;
                given += (long)scaled;
                if (s->bodies[i].population > s->bodies[largest].population)
                    largest = i;
            }
            s->bodies[largest].population += left - given;
        }

        /* Adoption propensity: prefecture effect + size + noise (integers). */
        int pref_effect = bell(&rng, 240);
        for (int i = first; i < s->n_bodies; i++) {
            gs_body *m = &s->bodies[i];
            m->adoption = pref_effect + 12 * log_population(m->population) + bell(&rng, 200);
            m->guideline = m->adoption / 2 + bell(&rng, 260) +
                           (m->kind == KIND_PREF || m->kind == KIND_DESIGNATED ? 600 : 0);
            totals[m->kind]++;
        }
    }
    if (s->n_bodies != GS_BODIES)
        gs_fatal("the facts make %d bodies, expected %d", s->n_bodies, GS_BODIES);
    if (totals[KIND_CITY] != 772 || totals[KIND_WARD] != 23 || totals[KIND_TOWN] != 743 ||
        totals[KIND_VILLAGE] != 183 || totals[KIND_DESIGNATED] != 20)
        gs_fatal("the facts make %d 市, %d 特別区, %d 町, %d 村, %d 指定都市; expected 772, 23, "
                 "743, 183, 20",
                 totals[KIND_CITY], totals[KIND_WARD], totals[KIND_TOWN], totals[KIND_VILLAGE],
                 totals[KIND_DESIGNATED]);
    qsort(s->bodies, (size_t)s->n_bodies, sizeof s->bodies[0], body_code_cmp);
    for (int i = 1; i < s->n_bodies; i++)
        if (strcmp(s->bodies[i - 1].code, s->bodies[i].code) == 0)
            gs_fatal("body code %s made twice", s->bodies[i].code);
}
