/* cmd_figures.c - `aireport figures`: print every figure of every page. */
#include "cli.h"
#include "figures.h"
#include "survey.h"

#include <stdio.h>
#include <string.h>

/* Computes the figure sets the options ask for: the nation, one prefecture,
 * or ("all") the nation and the 47 prefectures. Returns the count. */
int cli_figure_sets(const cli_options *o, const survey *s, arena *mem,
                    figset *sets[N_PREFECTURES + 1])
{
    int n = 0;
    if (o->prefecture && strcmp(o->prefecture, "all") == 0) {
        for (int scope = 0; scope <= N_PREFECTURES; scope++)
            sets[n++] = figures_compute(s, scope, mem);
    } else {
        sets[n++] = figures_compute(s, o->prefecture ? cli_prefecture_code(o->prefecture) : 0, mem);
    }
    return n;
}

int cmd_figures(const cli_options *o)
{
    diags *d = diags_new(stderr);
    survey *s = survey_load(o->data_dir, d);
    if (!s) {
        diags_print_summary(d, stderr);
        int status = diags_exit_status(d);
        diags_free(d);
        return status ? status : EXIT_INTERNAL;
    }
    arena *mem = arena_new();
    figset *sets[N_PREFECTURES + 1];
    int n = cli_figure_sets(o, s, mem, sets);

    /* The exporters format everything in memory and write it with one
     * fwrite, so a failure prints nothing partial. */
    bool ok = strcmp(o->format, "json") == 0 ? figures_export_json(stdout, s, sets, n)
                                             : figures_export_csv(stdout, s, sets, n);
    int status = EXIT_OK;
    if (!ok || fflush(stdout) != 0) {
        perror("aireport: figures: writing to standard output");
        status = EXIT_IO;
    }
    arena_free(mem);
    survey_free(s);
    diags_free(d);
    return status;
}
