/* cmd_explain.c - `aireport explain FIGURE [--prefecture CODE] [--list]`:
 * a figure's definition, its value in each survey year and the bodies behind
 * it, so that any printed number can be audited against the raw CSV. */
#include "cli.h"
#include "explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char S_usage[] =
    "usage: aireport explain FIGURE [--prefecture CODE] [--list]\n"
    "  FIGURE  a figure, e.g. P4.status_by_group, or one of its numbers,\n"
    "          e.g. P4.status_by_group[R7,その他市区町村,1] (year: a key, latest or\n"
    "          latest-N; group: a label, 全体 or -; option: a code or -). The body\n"
    "          sheets' shares are B.<question>[year,全体 or a population band,code],\n"
    "          a body's own answers M.<question>[year,団体コード,code] and its\n"
    "          population M.population[-,団体コード,-]\n";

/* "no such figure": the closest names, exit 2. */
static int S_unknown_figure(const char *name, const figset *f, arena *mem)
{
    const char *close[6];
    int n = explain_close_names(f, name, mem, close, 6);
    fprintf(stderr, "aireport: explain: unknown figure \"%s\"", name);
    for (int i = 0; i < n; i++)
        fprintf(stderr, "%s%s", i == 0 ? "; did you mean " : ", ", close[i]);
    fputs(n ? "?\n" : "; `aireport figures --format csv` lists every figure\n", stderr);
    return EXIT_USAGE;
}

/* A known figure but no such [year,group,option]: name the groups and
 * options it has that year, exit 2. */
static int S_unknown_number(const char *spec, const survey *s, const figset *f,
                            const explain_ref *ref, arena *mem)
{
    const char *groups = "", *options = "";
    for (int i = 0; i < figures_count(f); i++) {
        const fig_row *r = figures_row(f, i);
        if (r->year != ref->year || strcmp(r->page, ref->page) != 0 ||
            strcmp(r->figure, ref->figure) != 0)
            continue;
        const char *g = arena_printf(mem, "%s, ", *r->group ? r->group : "-");
        if (!strstr(groups, g))
            groups = arena_printf(mem, "%s%s", groups, g);
        const char *o = r->option > 0 ? arena_printf(mem, "    %d %s\n", r->option, r->option_label)
                                      : "    -\n";
        if (!strstr(options, o))
            options = arena_printf(mem, "%s%s", options, o);
    }
    fprintf(stderr, "aireport: explain: no number %s in %s; %s.%s has\n  groups: %.*s\n"
            "  options:\n%s", spec, s->years[ref->year].key, ref->page, ref->figure,
            (int)strlen(groups) - 2, groups, options);
    return EXIT_USAGE;
}

int cmd_explain(const cli_options *o)
{
    if (o->n_args != 1) {
        fputs(S_usage, stderr);
        return EXIT_USAGE;
    }
    int scope = 0;
    if (o->prefecture && (scope = cli_prefecture_code(o->prefecture)) < 0) {
        fprintf(stderr, "aireport: explain: --prefecture \"%s\": expected a code 01..47\n",
                o->prefecture);
        return EXIT_USAGE;
    }
    diags *d = diags_new(stderr);
    int status;
    survey *s = cli_load_survey(o, d, &status);
    if (!s) {
        diags_free(d);
        return status;
    }
    arena *mem = arena_new();
    char err[512];
    explain_ref ref;
    if (!explain_parse(s, o->args[0], mem, &ref, err, sizeof err)) {
        fprintf(stderr, "aireport: explain: %s\n", err);
        status = EXIT_USAGE;
        goto cleanup;
    }
    /* pages B and M are the body figures (figures_compute_bodies); an M row
     * belongs to the prefecture of the body its group names */
    bool body_page = strcmp(ref.page, "B") == 0 || strcmp(ref.page, "M") == 0;
    if (strcmp(ref.page, "M") == 0 && scope == 0) {
        int b = ref.single ? survey_find_body(s, ref.group) : -1;
        if (b < 0) {
            fprintf(stderr, "aireport: explain: M figures are one body's: name the body, "
                            "M.%s[%s,団体コード,%s], or give --prefecture CODE\n",
                    ref.figure, s->years[s->n_years - 1].key, "code");
            status = EXIT_USAGE;
            goto cleanup;
        }
        scope = s->bodies[b].pref;
    }
    figset *(*compute)(const survey *, int, arena *) =
        body_page ? figures_compute_bodies : figures_compute;
    figset *national = compute(s, 0, mem);
    figset *scoped = scope ? compute(s, scope, mem) : national;
    int scope_filter;
    const figset *rows_of = explain_rows_of(national, scoped, scope, &ref, &scope_filter);
    if (!rows_of) {
        status = S_unknown_figure(o->args[0], national, mem);
        goto cleanup;
    }
    if (ref.single && !figures_get(rows_of, ref.page, ref.figure, ref.year, ref.group, ref.option)) {
        status = S_unknown_number(o->args[0], s, rows_of, &ref, mem);
        goto cleanup;
    }

    /* Into memory first: a failure prints nothing partial. */
    char *buf = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&buf, &len);
    if (!mf) {
        status = EXIT_INTERNAL;
        goto cleanup;
    }
    status = explain_print(mf, s, rows_of, &ref, scope_filter, o->list);
    fclose(mf);
    if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
        perror("aireport: explain: writing to standard output");
        status = EXIT_IO;
    }
    if (status == EXIT_INTERNAL)
        fputs("aireport: explain: a re-derived member count disagrees with the figures "
              "(lines marked !): please report this bug\n", stderr);
    free(buf);
cleanup:
    arena_free(mem);
    survey_free(s);
    diags_free(d);
    return status;
}
