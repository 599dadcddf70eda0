/* cmd_check.c - `aireport check`: validate every input file. The data of
 * --data; with --layouts the page templates too, checked against the
 * catalogue of figures that survey.ini and the codebook define (the
 * answers are not read, so `check --layouts DIR` works without them; with
 * --data given as well both are checked). */
#include "cli.h"
#include "deck.h"
#include "figures.h"
#include "paths.h"
#include "survey.h"

#include <stdio.h>
#include <unistd.h>

/* The survey data: every file of --data loaded and validated; NULL when
 * any problem was reported. */
static survey *check_data(const cli_options *o, diags *d)
{
    survey *s = survey_load(o->data_dir, d);
    if (s && !o->quiet) {
        int services = 0;
        for (int y = 0; y < s->n_years; y++)
            services += s->years[y].n_services;
        printf("%s: ok: %d bodies, %d survey years (%s-%s), %d service rows%s\n", o->data_dir,
               s->n_bodies, s->n_years, s->years[0].key, s->years[s->n_years - 1].key, services,
               s->sample ? " [synthetic sample data]" : "");
    }
    return s;
}

/* The templates: deck.ini, and prefecture.ini, body.ini and each
 * prefectures/PP.ini override where present, loaded as a build loads them,
 * against the catalogue of the survey's definitions (survey.ini, the
 * codebook: s when the data was loaded, else read alone). */
static void check_layouts(const cli_options *o, const survey *s, bool data_checked, diags *d)
{
    int before = diags_count(d);
    survey *defs = NULL;
    if (!s) {
        /* the data's own problems were reported by its check: not twice */
        diags *quiet = data_checked ? diags_new(NULL) : d;
        s = defs = survey_load_definitions(o->data_dir, quiet);
        if (quiet != d)
            diags_free(quiet);
        if (!s)
            return; /* reported: the names cannot be known */
    }
    arena *mem = arena_new();
    const fig_catalogue *cat = figures_catalogue_new(s, mem);
    static const char *const decks[] = {"deck.ini", "prefecture.ini", "body.ini"};
    int n_decks = 0, n_pages = 0, n_overrides = 0;
    for (int i = 0; i < 3; i++) {
        const char *path = arena_printf(mem, "%s/%s", o->layouts_dir, decks[i]);
        if (i > 0 && access(path, F_OK) != 0)
            continue; /* the national deck is required, the other two optional */
        deck_templates *t = deck_templates_load(o->layouts_dir, decks[i], cat, mem, d);
        n_decks++;
        n_pages += t ? deck_page_count(t) : 0;
        for (int p = 1; i == 1 && p <= N_PREFECTURES; p++) {
            const char *ov = arena_printf(mem, "%s/prefectures/%02d.ini", o->layouts_dir, p);
            if (access(ov, F_OK) != 0)
                continue;
            deck_templates_load_override(o->layouts_dir, decks[i], ov, cat, mem, d);
            n_overrides++;
        }
    }
    if (diags_count(d) == before && !o->quiet)
        printf("%s: ok: %d deck files, %d pages, %d prefecture overrides (checked against "
               "survey.ini and the codebook of %s)\n",
               o->layouts_dir, n_decks, n_pages, n_overrides, o->data_dir);
    arena_free(mem);
    survey_free(defs);
}

int cmd_check(const cli_options *o)
{
    diags *d = diags_new(stderr);
    bool data = !o->layouts_given || o->data_given;
    survey *s = data ? check_data(o, d) : NULL;
    if (o->layouts_given)
        check_layouts(o, s, data, d);
    survey_free(s);
    diags_print_summary(d, stderr);
    if (data && !s)
        paths_no_data_hint(o->data_dir, stderr); /* no survey.ini: where to get one */
    int status = diags_exit_status(d);
    if (diags_count(d) > 0) {
        fprintf(stderr, "%s: %d problem%s found\n",
                o->layouts_given && !o->data_given ? o->layouts_dir : o->data_dir,
                diags_count(d), diags_count(d) == 1 ? "" : "s");
        if (status == EXIT_OK)
            status = EXIT_INTERNAL; /* a problem without an exit class: a bug */
    }
    diags_free(d);
    return status;
}
