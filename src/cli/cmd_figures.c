/* cmd_figures.c - `aireport figures`: print every figure of every page;
 * with --bodies also the body sheets' and the municipality tables' figures
 * (pages B and M, figures.h), after the others, so that the rows of the
 * default export stay as they are. Left out by default: they are 6 times as
 * many rows as the deck's (every body's every answer), which the nightly
 * diff of figures.csv and its readers do not need. */
#include "cli.h"
#include "figures.h"
#include "survey.h"

#include <stdio.h>
#include <string.h>

int cmd_figures(const cli_options *o)
{
    diags *d = diags_new(stderr);
    int status;
    survey *s = cli_load_survey(o, d, &status);
    if (!s) {
        diags_free(d);
        return status;
    }
    arena *mem = arena_new();
    figset *sets[2 * (N_PREFECTURES + 1)];
    int n = cli_figure_sets(o, s, mem, sets);
    for (int i = 0, n_deck = n; o->bodies && i < n_deck; i++)
        sets[n++] = figures_compute_bodies(s, figures_scope(sets[i]), mem);

    /* The exporters format everything in memory and write it with one
     * fwrite, so a failure prints nothing partial. */
    bool ok = strcmp(o->format, "json") == 0 ? figures_export_json(stdout, s, sets, n)
                                             : figures_export_csv(stdout, s, sets, n);
    if (!ok || fflush(stdout) != 0) {
        perror("aireport: figures: writing to standard output");
        status = EXIT_IO;
    }
    arena_free(mem);
    survey_free(s);
    diags_free(d);
    return status;
}
