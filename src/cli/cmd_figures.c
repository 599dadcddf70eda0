/* cmd_figures.c - `aireport figures`: print every figure of every page. */
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
    figset *sets[N_PREFECTURES + 1];
    int n = cli_figure_sets(o, s, mem, sets);

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
