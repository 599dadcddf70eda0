/* numfmt.c - locale-free number and date formatting (see numfmt.h). */
#include "numfmt.h"

#include <stdio.h>
#include <string.h>

int numfmt_pct10(long long count, long long base)
{
    if (base <= 0 || count < 0)
        return -1;
    return (int)((2000 * count + base) / (2 * base));
}

int numfmt_pct_int(long long count, long long base)
{
    if (base <= 0 || count < 0)
        return -1;
    return (int)((200 * count + base) / (2 * base));
}

char *numfmt_int(char *buf, long long v)
{
    /* Digits are produced backwards into tmp, a comma every three. Unsigned
     * arithmetic so that LLONG_MIN has a magnitude too. */
    char tmp[NUMFMT_MAX];
    int n = 0;
    unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    int digits = 0;
    do {
        if (digits > 0 && digits % 3 == 0)
            tmp[n++] = ',';
        tmp[n++] = (char)('0' + (int)(mag % 10));
        mag /= 10;
        digits++;
    } while (mag > 0);
    int o = 0;
    if (v < 0)
        buf[o++] = '-';
    while (n > 0)
        buf[o++] = tmp[--n];
    buf[o] = '\0';
    return buf;
}

char *numfmt_pct10_str(char *buf, int pct10)
{
    if (pct10 < 0)
        buf[0] = '\0';
    else
        snprintf(buf, NUMFMT_MAX, "%d.%d", pct10 / 10, pct10 % 10);
    return buf;
}

char *numfmt_points(char *buf, int change10)
{
    const char *sign = change10 > 0 ? "+" : change10 < 0 ? "▲" : "±";
    int v = change10 < 0 ? -change10 : change10;
    snprintf(buf, NUMFMT_MAX, "%s%d.%d", sign, v / 10, v % 10);
    return buf;
}

char *numfmt_man(char *buf, long long population)
{
    if (population < 0)
        population = 0;
    long long tenths = (population + 500) / 1000; /* 0.1万人 = 1,000 residents */
    char whole[32]; /* "9,223,372,036,854,775" at most */
    numfmt_int(whole, tenths / 10);
    snprintf(buf, NUMFMT_MAX, "%s.%d万人", whole, (int)(tenths % 10));
    return buf;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Reads exactly n ASCII digits; -1 when any is not a digit. */
static int read_digits(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

typedef struct {
    const char *name;
    int y, m, d; /* first day of the era */
} era;

/* Newest first: the first era that started on or before the date wins. */
static const era ERAS[] = {
    {"令和", 2019, 5, 1},
    {"平成", 1989, 1, 8},
    {"昭和", 1926, 12, 25},
};

/* An ISO date as (era, year of the era, month, day); false when it is not
 * a valid date in the eras. */
static bool era_parts(const char *iso, const era **e, int *era_year, int *m, int *d)
{
    if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
        return false;
    int y = read_digits(iso, 4);
    *m = read_digits(iso + 5, 2);
    *d = read_digits(iso + 8, 2);
    if (y < 0 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(y, *m))
        return false;
    long key = (long)y * 10000 + *m * 100 + *d;
    for (size_t i = 0; i < sizeof ERAS / sizeof ERAS[0]; i++) {
        if (key < (long)ERAS[i].y * 10000 + ERAS[i].m * 100 + ERAS[i].d)
            continue;
        *e = &ERAS[i];
        *era_year = y - ERAS[i].y + 1;
        return true;
    }
    return false;
}

/* snprintf's result checked: false (buf "") when it did not fit. */
static bool fitted(char *buf, size_t size, int n)
{
    if (n >= 0 && (size_t)n < size)
        return true;
    if (size > 0)
        buf[0] = '\0';
    return false;
}

bool numfmt_era_date(char *buf, size_t size, const char *iso)
{
    if (size > 0)
        buf[0] = '\0';
    const era *e;
    int era_year, m, d;
    if (!era_parts(iso, &e, &era_year, &m, &d))
        return false;
    if (era_year == 1)
        return fitted(buf, size, snprintf(buf, size, "%s元年%d月%d日", e->name, m, d));
    return fitted(buf, size, snprintf(buf, size, "%s%d年%d月%d日", e->name, era_year, m, d));
}

bool numfmt_era_range(char *buf, size_t size, const char *from, const char *to)
{
    if (size > 0)
        buf[0] = '\0';
    char first[NUMFMT_MAX], second[NUMFMT_MAX];
    const era *e1, *e2;
    int y1, m1, d1, y2, m2, d2;
    if (!numfmt_era_date(first, sizeof first, from) ||
        !numfmt_era_date(second, sizeof second, to) || !era_parts(from, &e1, &y1, &m1, &d1) ||
        !era_parts(to, &e2, &y2, &m2, &d2))
        return false;
    if (e1 == e2 && y1 == y2 && m1 == m2)
        return fitted(buf, size, snprintf(buf, size, "%s～同月%d日", first, d2));
    if (e1 == e2 && y1 == y2)
        return fitted(buf, size, snprintf(buf, size, "%s～同年%d月%d日", first, m2, d2));
    return fitted(buf, size, snprintf(buf, size, "%s～%s", first, second));
}

void numfmt_pct10_largest_remainder(const long long *counts, int n, int *pct10)
{
    long long sum = 0;
    for (int i = 0; i < n; i++)
        sum += counts[i] > 0 ? counts[i] : 0;
    if (sum <= 0) {
        for (int i = 0; i < n; i++)
            pct10[i] = -1;
        return;
    }
    int given = 0;
    for (int i = 0; i < n; i++) {
        long long c = counts[i] > 0 ? counts[i] : 0;
        pct10[i] = (int)(1000 * c / sum);
        given += pct10[i];
    }
    /* Each floor lost less than one tenth, so fewer than n tenths are left:
     * hand them out one per count, largest remainder (1000*c mod sum) first. */
    for (; given < 1000; given++) {
        int best = -1;
        long long best_rem = -1, best_c = -1;
        for (int i = 0; i < n; i++) {
            long long c = counts[i] > 0 ? counts[i] : 0;
            long long rem = 1000 * c % sum;
            if (c == 0 || pct10[i] != (int)(1000 * c / sum))
                continue; /* nothing to round, or already rounded up */
            if (rem > best_rem || (rem == best_rem && c > best_c)) {
                best = i;
                best_rem = rem;
                best_c = c;
            }
        }
        if (best < 0)
            break;
        pct10[best]++;
    }
}
