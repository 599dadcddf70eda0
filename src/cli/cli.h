/* cli.h - command-line options shared by the aireport commands. */
#ifndef AIREPORT_CLI_H
#define AIREPORT_CLI_H

#include "figures.h"
#include "survey.h"

#include <stdbool.h>
#include <time.h>

typedef struct {
    const char *data_dir;    /* --data, default "data" */
    const char *out_dir;     /* --out, default "out" */
    const char *layouts_dir; /* --layouts, else found by paths_resolve() */
    bool data_given, layouts_given; /* --data, --layouts on the command line (check) */
    const char *fonts_file;  /* --fonts, else found by paths_resolve() */
    const char *format;      /* figures --format json|csv */
    const char *prefecture;  /* --prefecture CODE (01..47) */
    const char *only;        /* build --only national,13,27 */
    int jobs;                /* build -j N, 0 = number of cores */
    bool bodies;             /* build --bodies */
    bool watch;              /* build --watch: rebuild on every change (cmd_watch.c) */
    bool png;                /* charts --png */
    bool list;               /* explain --list */
    bool quiet;              /* -q */
    bool no_wait;            /* build --no-wait: fail when another run holds --out */
    int n_args;              /* positional arguments after the command */
    char **args;
} cli_options;

/* Each command returns an exit status (diag.h). */
int cmd_check(const cli_options *o);
int cmd_figures(const cli_options *o);
int cmd_build(const cli_options *o);
int cmd_explain(const cli_options *o);
int cmd_charts(const cli_options *o); /* build --only charts, as PNG (cmd_build.c) */
int cmd_diff(const cli_options *o);
int cmd_init(const cli_options *o);  /* a new survey edition to fill in (cmd_init.c) */
int cmd_version(void); /* --version: the program's and its libraries' versions */

/* The figure sets --prefecture asks for (nation, one, or "all": nation + 47). */
int cli_figure_sets(const cli_options *o, const survey *s, arena *mem,
                    figset *sets[N_PREFECTURES + 1]);

/* Loads --data; on failure prints the summary of d and sets *status to the
 * exit status (never EXIT_OK then). */
survey *cli_load_survey(const cli_options *o, diags *d, int *status);

/* Parses "13" / "01" into 1..47; -1 when not a prefecture code. */
int cli_prefecture_code(const char *s);

/* Prints "aireport: MESSAGE" and the --help hint to stderr; returns
 * EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The documents' date (sourcedate.h) into *created; a SOURCE_DATE_EPOCH
 * that is set but invalid is a usage error: false after saying so. */
bool cli_source_date(time_t *created);

#endif
