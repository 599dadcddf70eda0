/* cli.c - helpers shared by the aireport commands. */
#include "cli.h"
#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_prefecture_code(const char *s)
{
    if (!s || !s[0] || strlen(s) > 2 || strspn(s, "0123456789") != strlen(s))
        return -1;
    int code = atoi(s);
    return code >= 1 && code <= 47 ? code : -1;
}

survey *cli_load_survey(const cli_options *o, diags *d, int *status)
{
    survey *s = survey_load(o->data_dir, d);
    *status = EXIT_OK;
    if (!s) {
        diags_print_summary(d, stderr);
        paths_no_data_hint(o, stderr); /* no survey.ini: where to get one */
        *status = diags_exit_status(d);
        if (*status == EXIT_OK) /* no survey yet no diagnostic: a bug */
            *status = EXIT_INTERNAL;
    }
    return s;
}

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

bool cli_mkdirs(const char *dir, diags *d)
{
    char *p = strdup(dir);
    if (!p)
        return false;
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                diag_add(d, D_IO_WRITE, p, 0, 0, "cannot create the output folder: %s",
                         strerror(errno));
                free(p);
                return false;
            }
            *s = c;
            if (!c)
                break;
        }
    }
    free(p);
    return true;
}
