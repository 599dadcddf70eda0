/* cmd_check.c - `aireport check`: validate every input file. */
#include "cli.h"
#include "survey.h"

#include <stdio.h>

int cmd_check(const cli_options *o)
{
    diags *d = diags_new(stderr);
    survey *s = survey_load(o->data_dir, d);
    diags_print_summary(d, stderr);
    int status = diags_exit_status(d);
    if (s && status == EXIT_OK) {
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
        if (status == EXIT_OK)
            status = EXIT_INTERNAL; /* no survey yet no diagnostic: a bug */
    }
    survey_free(s);
    diags_free(d);
    return status;
}
