/* explain.h - every printed number explains itself.
 *
 * For a figure row (figures.h) this module says in words what it counts and
 * out of what (the respondent base, the filters: scope, group, who is asked),
 * and re-derives from the survey model which bodies or service rows are
 * behind it, independently of the figures module's tallies. A member count
 * that disagrees with the figure's count or base is reported: that is a bug
 * in one of the two.
 */
#ifndef AIREPORT_EXPLAIN_H
#define AIREPORT_EXPLAIN_H

#include "arena.h"
#include "figures.h"
#include "survey.h"

#include <stdbool.h>
#include <stdio.h>

/* A figure (P4.status_by_group) or one of its numbers
 * (P4.status_by_group[R7,その他市区町村,1]). */
typedef struct {
    const char *page;   /* "P4" */
    const char *figure; /* "status_by_group" */
    bool single;        /* [year,group,option] was given */
    int year;           /* index into survey->years */
    const char *group;  /* "" when "-" */
    int option;         /* 0 when "-" */
} explain_ref;

/* Parses spec. Year: a key (R7), latest or latest-N; group: a label, 全体, or
 * "-"; option: a code or "-". Strings live in mem. false with a message in err
 * (err_size bytes) when the syntax or the year is wrong. */
bool explain_parse(const survey *s, const char *spec, arena *mem, explain_ref *ref, char *err,
                   size_t err_size);

/* Writes to out (at most max) the "page.figure" names of f closest to name
 * (edit distance, or name inside them), closest first; returns how many. */
int explain_close_names(const figset *f, const char *name, arena *mem, const char **out, int max);

/* What a set of members is made of. */
typedef enum { EXPLAIN_BODIES, EXPLAIN_SERVICE_ROWS } explain_unit;

typedef struct {
    explain_unit unit;
    int n;
    int *items;   /* body indexes, or service row indexes of the row's year */
    bool derived; /* false: the number is not a count of members (P6 values, no base) */
} explain_set;

/* The members a row counts and the members of its base, re-derived from the
 * row's question, base kind, group, option, scope and year. Arrays in mem. */
void explain_members(const survey *s, const fig_row *r, arena *mem, explain_set *counted,
                     explain_set *base);

/* The set that holds ref's rows and the scope to filter them by (-1: all),
 * given the national set and the set of scope (0 national, 1..47; scoped ==
 * national for 0): scoped, or for the per-prefecture A1 rows, which only the
 * national set has, the national set. NULL when neither has the figure. */
const figset *explain_rows_of(const figset *national, const figset *scoped, int scope,
                              const explain_ref *ref, int *scope_filter);

/* Prints the definition of ref's figure, its value in each survey year and
 * the members behind it (with list: their codes and names). rows_of holds the
 * figure's rows (the national set for A1 rows). Returns EXIT_OK, or
 * EXIT_INTERNAL when a re-derived member count disagrees with a figure. */
int explain_print(FILE *out, const survey *s, const figset *rows_of, const explain_ref *ref,
                  int scope, bool list);

#endif
