/* build.h - one run of `aireport build` (cmd_build.c), for the commands that
 * run it more than once: `build --watch` rebuilds, through the same run,
 * only the documents a change affects. */
#ifndef AIREPORT_BUILD_H
#define AIREPORT_BUILD_H

#include "cli.h"
#include "outdir.h"

#include <stdbool.h>
#include <time.h>

/* The kinds of document, each made from its own deck of templates. */
typedef enum { BUILD_NATIONAL, BUILD_PREFECTURES, BUILD_BODIES, BUILD_N_KINDS } build_kind;

/* Which documents a run may write, within what the options select. */
typedef struct {
    bool whole;                     /* everything, the exports and index.html too */
    bool national;                  /* the national deck and its charts */
    bool pref[N_PREFECTURES + 1];   /* [code]: that prefecture's report */
    bool bodies;                    /* the body sheets */
} build_limit;

/* What a run did. */
typedef struct {
    int documents; /* written */
    int failed;    /* not written (their previous files are kept) */
    /* Optional: called for each kind whose templates loaded, with every
     * template file they were read from (deck_template_files()). */
    void (*templates)(void *ctx, build_kind kind, const char *const *files, int n);
    void *ctx;
} build_report;

/* What a build checks of the command line before reading anything:
 * SOURCE_DATE_EPOCH, unset or valid (the documents' date into *created),
 * and a --out that is not empty. EXIT_OK, or EXIT_USAGE after saying why. */
int build_check_options(const cli_options *o, time_t *created);

/* `aireport build` limited to lim (NULL: no limit); fills r when not NULL.
 * It writes into out, which the caller holds open (its lock with it) for
 * several runs; NULL: the run opens --out itself, and its lock, waiting
 * for another run or failing with --no-wait, and closes it at the end.
 * Returns the exit status, as cmd_build. */
int build_run(const cli_options *o, outdir *out, const build_limit *lim, build_report *r);

/* `build --watch` (cmd_watch.c): builds once, then rebuilds what changes
 * under --data, --layouts and the font configuration until SIGINT. */
int cmd_watch(const cli_options *o);

#endif
