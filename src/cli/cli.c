/* cli.c - helpers shared by the aireport commands. */
#include "cli.h"
#include "paths.h"
#include "sourcedate.h"
#include "textbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        paths_no_data_hint(o->data_dir, stderr); /* no survey.ini: where to get one */
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

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("aireport: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'aireport --help'.\n", stderr);
    return EXIT_USAGE;
}

bool cli_source_date(time_t *created)
{
    const char *why;
    if (source_date_get(created, &why))
        return true;
    char shown[128];
    cli_usage_error("SOURCE_DATE_EPOCH=\"%s\": %s",
                    text_printable(shown, sizeof shown, getenv("SOURCE_DATE_EPOCH")), why);
    return false;
}
