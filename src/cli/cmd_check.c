/* cmd_check.c - `aireport check`: validate every input file. */
#include "cli.h"
#include "survey.h"

#include <stdio.h>

int cmd_check(const cli_options *o)
{
    diags *d = diags_new(stderr);
    int status;
    survey *s = cli_load_survey(o, d, &status);
    if (s) {
        int services = 0;
        for (int y = 0; y < s->n_years; y++)
            services += s->years[y].n_services;
        if (!o->quiet)
            printf("%s: ok: %d bodies, %d survey years (%s-%s), %d service rows%s\n", o->data_dir,
                   s->n_bodies, s->n_years, s->years[0].key, s->years[s->n_years - 1].key,
                   services, s->sample ? " [synthetic sample data]" : "");
    } else {
        fprintf(stderr, "%s: %d problem%s found\n", o->data_dir, diags_count(d),
                diags_count(d) == 1 ? "" : "s");
    }
    survey_free(s);
    diags_free(d);
    return status;
}
