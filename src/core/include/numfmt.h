/* numfmt.h - numbers and dates as the deck prints them, without the locale.
 *
 * Percentages are computed with integer arithmetic only, rounded half up, so
 * that 785 / 1,721 prints 45.6 on every machine and under every locale.
 */
#ifndef AIREPORT_NUMFMT_H
#define AIREPORT_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>

/* Large enough for any output of this module. */
enum { NUMFMT_MAX = 48 };

/* Percent x10 of count / base, half up: (2000*count + base) / (2*base).
 * -1 when base <= 0 or count < 0. */
int numfmt_pct10(long long count, long long base);
/* Integer percent, half up (46, 81); -1 when base <= 0 or count < 0. */
int numfmt_pct_int(long long count, long long base);
/* Percent x10 of each of n counts (>= 0) in their sum, by largest remainder
 * (Hamilton): each share is floored to 0.1, then the tenths still missing to
 * 100.0 go one each to the largest remainders (ties: the larger count, then
 * the earlier one). The results always sum to 1000; all -1 when the sum is 0. */
void numfmt_pct10_largest_remainder(const long long *counts, int n, int *pct10);

/* The functions below write into buf (NUMFMT_MAX bytes) and return buf. */

/* Thousands separators: 1788 -> "1,788", -1234567 -> "-1,234,567". */
char *numfmt_int(char *buf, long long v);
/* pct10 456 -> "45.6", 1000 -> "100.0"; "" for a negative value (n/a). */
char *numfmt_pct10_str(char *buf, int pct10);
/* A change of a share in percentage points, from tenths: 45 -> "+4.5",
 * -12 -> "▲1.2" (the minus of Japanese government tables), 0 -> "±0.0". */
char *numfmt_points(char *buf, int change10);
/* Residents in 万人 with one decimal, half up: 51234 -> "5.1万人",
 * 13960000 -> "1,396.0万人". */
char *numfmt_man(char *buf, long long population);

/* Japanese era date from an ISO date: 2026-04-24 -> 令和8年4月24日,
 * 2019-05-01 -> 令和元年5月1日, 2019-04-30 -> 平成31年4月30日. Eras 昭和 (from
 * 1926-12-25), 平成 (from 1989-01-08), 令和 (from 2019-05-01). false (buf "")
 * for anything that is not a valid YYYY-MM-DD date in those eras. */
bool numfmt_era_date(char *buf, size_t size, const char *iso);

/* A period of two ISO dates as Japanese documents write it: the second date
 * without what it shares with the first, 2025-10-31..2025-11-28 ->
 * 令和7年10月31日～同年11月28日, 2025-11-04..2025-11-28 -> 令和7年11月4日～同月28日,
 * otherwise both in full. false (buf "") when either is not a date. */
bool numfmt_era_range(char *buf, size_t size, const char *from, const char *to);

#endif
