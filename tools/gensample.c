/* gensample - writes the SYNTHETIC sample survey data of aireport.
 *
 *   gensample [--facts DIR] OUT_DIR
 *
 * Reads the facts about prefectures and designated cities from DIR (default:
 * tools/sample of the source tree) and writes OUT_DIR/bodies.csv and
 * OUT_DIR/R5, R6, R7/{answers,services}.csv and R7/cases.csv. The output is
 * the same on every machine (fixed seed, integer arithmetic); ctest
 * gensample_reproducible compares it with the committed data/. Prints one
 * summary line to stderr on success; exits 1 with a message otherwise, 2 on
 * bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "gensample.h"

#ifndef GENSAMPLE_FACTS_DIR
#define GENSAMPLE_FACTS_DIR "tools/sample"
#endif

static int usage(void)
{
    fputs("usage: gensample [--facts DIR] OUT_DIR\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *facts = GENSAMPLE_FACTS_DIR;
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--facts") == 0 && i + 1 < argc)
            facts = argv[++i];
        else if (argv[i][0] == '-' || out)
            return usage();
        else
            out = argv[i];
    }
    if (!out)
        return usage();

    gs_sample *s = xcalloc(1, sizeof *s);
    gs_read_facts(s, facts);
    gs_make_bodies(s);
    gs_make_statuses(s);
    gs_pick_cases(s);
    gs_make_answers(s);
    gs_make_services(s);
    gs_write_all(s, out);

    fprintf(stderr, "gensample: wrote %d bodies, service rows R5 %d / R6 %d / R7 %d, %d cases to %s\n",
            s->n_bodies, s->years[GS_R5].n_services, s->years[GS_R6].n_services,
            s->years[GS_R7].n_services, GS_CASES, out);
    for (int y = 0; y < GS_YEARS; y++)
        free(s->years[y].services);
    free(s);
    return 0;
}
