/* cmd_diff.c - `aireport diff OLD NEW [--prefecture CODE] [--latest]`: every
 * number that changed between two figures exports or data folders (with
 * --latest: between the latest years of the two, two editions). Exit 0 and
 * no output when nothing changed, 1 when something did. */
#include "cli.h"
#include "figdiff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_diff(const cli_options *o)
{
    if (o->n_args != 2) {
        fputs("usage: aireport diff OLD NEW [--prefecture CODE] [--bodies] [--latest]\n"
              "  OLD, NEW  a figures CSV export (aireport figures --format csv) or a data\n"
              "            folder (a folder holding survey.ini)\n"
              "  --bodies  of data folders, also the body sheets' and municipality\n"
              "            tables' figures (pages B and M, as figures --bodies)\n"
              "  --latest  the latest year of each side (two editions: what moved)\n",
              stderr);
        return EXIT_USAGE;
    }
    int scope = FIGDIFF_ALL_SCOPES;
    if (o->prefecture && strcmp(o->prefecture, "all") != 0) {
        scope = strcmp(o->prefecture, "national") == 0 ? 0 : cli_prefecture_code(o->prefecture);
        if (scope < 0) {
            fprintf(stderr,
                    "aireport: diff: --prefecture \"%s\": expected national or a code 01..47\n",
                    o->prefecture);
            return EXIT_USAGE;
        }
    }
    diags *d = diags_new(stderr);
    figdiff_table *old_t = figdiff_open(o->args[0], scope, o->bodies, d);
    figdiff_table *new_t = figdiff_open(o->args[1], scope, o->bodies, d);
    int status;
    if (!old_t || !new_t) {
        diags_print_summary(d, stderr);
        status = diags_exit_status(d);
        if (status == EXIT_OK)
            status = EXIT_INTERNAL; /* no table yet no diagnostic: a bug */
    } else {
        if (o->latest) {
            figdiff_keep_latest(old_t);
            figdiff_keep_latest(new_t);
        }
        char *buf = NULL;
        size_t len = 0;
        FILE *mf = open_memstream(&buf, &len);
        figdiff_counts c = {0, 0, 0};
        if (mf) {
            c = figdiff_compare(mf, old_t, new_t);
            fclose(mf);
        }
        status = !mf ? EXIT_INTERNAL
                     : c.changed + c.added + c.removed ? EXIT_CHANGED : EXIT_OK;
        if (len && (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)) {
            perror("aireport: diff: writing to standard output");
            status = EXIT_IO;
        }
        free(buf);
    }
    figdiff_table_free(old_t);
    figdiff_table_free(new_t);
    diags_free(d);
    return status;
}
