/* cmd_build.c - `aireport build`: the main job. Loads the survey once,
 * computes every figure set once, then writes every output document through
 * the batch runner (parallel, atomic, failures isolated). */
#include "batch.h"
#include "cli.h"
#include "deck.h"
#include "figures.h"
#include "fontset.h"
#include "survey.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    const survey *s;
    figset *sets[N_PREFECTURES + 1]; /* [0] national, [pref] */
    const fontset *fonts;            /* loaded once, shared read-only by workers */
    const deck_templates *national;  /* NULL when the templates are invalid */
} build_ctx;

static bool S_export(const build_ctx *b, bool json, unsigned char **data, size_t *len)
{
    char *buf = NULL;
    FILE *mf = open_memstream(&buf, len);
    if (!mf)
        return false;
    bool ok = json ? figures_export_json(mf, b->s, (figset *const *)b->sets, N_PREFECTURES + 1)
                   : figures_export_csv(mf, b->s, (figset *const *)b->sets, N_PREFECTURES + 1);
    if (fclose(mf) != 0)
        ok = false;
    *data = (unsigned char *)buf;
    return ok;
}

static bool S_produce_figures(void *ctx, const batch_job *job, unsigned char **data, size_t *len,
                              int *pages, diags *d)
{
    *pages = 0;
    if (S_export(ctx, job->arg == 1, data, len))
        return true;
    diag_add(d, D_INTERNAL, job->path, 0, 0, "could not format the figures export");
    return false;
}

static bool S_produce_national(void *ctx, const batch_job *job, unsigned char **data,
                               size_t *len, int *pages, diags *d)
{
    const build_ctx *b = ctx;
    (void)job;
    return deck_render(b->national, b->s, b->sets[0], b->fonts, data, len, pages, d);
}

/* Creates dir (and its parents). */
static bool S_mkdirs(const char *dir, diags *d)
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

int cmd_build(const cli_options *o)
{
    diags *d = diags_new(stderr);
    survey *s = survey_load(o->data_dir, d);
    int status = EXIT_OK;
    if (!s || !S_mkdirs(o->out_dir, d)) {
        diags_print_summary(d, stderr);
        status = diags_exit_status(d);
        survey_free(s);
        diags_free(d);
        return status ? status : EXIT_INTERNAL;
    }

    arena *mem = arena_new();
    build_ctx b = {.s = s};
    for (int scope = 0; scope <= N_PREFECTURES; scope++)
        b.sets[scope] = figures_compute(s, scope, mem);

    /* Fixed costs once per process: fonts, templates. A problem with either
     * fails the PDF documents but not the figures export. */
    int setup_status = EXIT_OK;
    fontset *fonts = fontset_load(o->fonts_file, d);
    if (fonts)
        b.fonts = fonts;
    b.national = deck_templates_load(o->layouts_dir, "deck.ini", s, b.sets[0], mem, d);
    diags_print_summary(d, stderr);
    if (!fonts || !b.national)
        setup_status = diags_exit_status(d);

    batch_job jobs[4];
    int n = 0;
    jobs[n++] = (batch_job){.name = "figures.csv",
                            .path = arena_printf(mem, "%s/figures.csv", o->out_dir),
                            .produce = S_produce_figures, .ctx = &b, .arg = 0};
    jobs[n++] = (batch_job){.name = "figures.json",
                            .path = arena_printf(mem, "%s/figures.json", o->out_dir),
                            .produce = S_produce_figures, .ctx = &b, .arg = 1};
    if (setup_status == EXIT_OK)
        jobs[n++] = (batch_job){.name = "national",
                                .path = arena_printf(mem, "%s/national.pdf", o->out_dir),
                                .produce = S_produce_national, .ctx = &b};
    else
        fprintf(stderr, "aireport: national: not built (fonts or templates invalid, see above); "
                        "%s/national.pdf kept as it was\n", o->out_dir);

    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    batch_options bo = {.jobs = o->jobs ? o->jobs : (cores > 0 ? (int)cores : 1),
                        .progress = !o->quiet,
                        .quiet = o->quiet};
    status = batch_run(jobs, n, &bo, stderr);
    if (status == EXIT_OK)
        status = setup_status;

    fontset_free(fonts);
    arena_free(mem);
    survey_free(s);
    diags_free(d);
    return status;
}
