/* fuzz_template.c - the page templates through tpl_deck_load(), checked
 * against the real survey (data/) and its national figures, as a build does.
 *
 * Input: byte 0 chooses the file the rest replaces:
 *   0  a page template (with the committed theme.ini)
 *   1  theme.ini (with the committed first page)
 *   2  deck.ini (with the committed layouts/ folder for theme and pages)
 * The fuzzed file is written to a temporary folder; a small deck.ini there
 * names the committed files by absolute path.
 * Properties: the loader returns a deck exactly when it reported nothing;
 * a loaded deck keeps its bounds (page and block counts, text lines, columns)
 * and every block's box lies inside the page; every diagnostic names a file
 * and a line of it. */
#include "figures.h"
#include "fuzz.h"
#include "survey.h"
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LAYOUTS FUZZ_SOURCE_DIR "/layouts"

typedef struct {
    survey *s;
    figset *national;
    arena *mem;
    char dir[64];
    char first_page[256]; /* the first page deck.ini names, as written there */
} tpl_fuzz_env;

static void S_write(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    FUZZ_ASSERT(f != NULL, "cannot write %s", path);
    FUZZ_ASSERT(fwrite(data, 1, size, f) == size && fclose(f) == 0, "cannot write %s", path);
}

/* The first entry of `pages = a, b, ...` in the committed deck.ini. */
static void S_find_first_page(tpl_fuzz_env *e)
{
    FILE *f = fopen(LAYOUTS "/deck.ini", "r");
    FUZZ_ASSERT(f != NULL, "cannot read " LAYOUTS "/deck.ini");
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, "pages", 5) != 0)
            continue;
        p = strchr(p, '=');
        if (!p)
            continue;
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t n = strcspn(p, ", \t\r\n;");
        FUZZ_ASSERT(n > 0 && n < sizeof e->first_page, "pages = has no first page");
        memcpy(e->first_page, p, n);
        e->first_page[n] = '\0';
        break;
    }
    fclose(f);
    FUZZ_ASSERT(e->first_page[0], "no pages = in " LAYOUTS "/deck.ini");
}

static tpl_fuzz_env S_e;

/* Leaves no temporary files behind, and nothing for the leak checker. */
static void S_cleanup(void)
{
    static const char *const names[] = {"deck.ini", "theme.ini", "page.ini"};
    char path[512];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", S_e.dir, names[i]);
        unlink(path);
    }
    rmdir(S_e.dir);
    arena_free(S_e.mem);
    survey_free(S_e.s);
}

static tpl_fuzz_env *S_env(void)
{
    if (S_e.s)
        return &S_e;
    diags *d = diags_new(stderr);
    S_e.s = survey_load(FUZZ_SOURCE_DIR "/data", d);
    diags_free(d);
    FUZZ_ASSERT(S_e.s != NULL, "cannot load " FUZZ_SOURCE_DIR "/data");
    S_e.mem = arena_new();
    S_e.national = figures_compute(S_e.s, 0, S_e.mem);
    snprintf(S_e.dir, sizeof S_e.dir, "/tmp/aireport-fuzz-template-%ld", (long)getpid());
    FUZZ_ASSERT(mkdir(S_e.dir, 0700) == 0 || access(S_e.dir, W_OK) == 0, "cannot create %s",
                S_e.dir);
    S_find_first_page(&S_e);
    atexit(S_cleanup);
    return &S_e;
}

static void S_check_deck(const tpl_deck *deck)
{
    const tpl_theme *t = &deck->theme;
    FUZZ_ASSERT(deck->n_pages >= 1 && deck->n_pages <= TPL_MAX_PAGES, "%d pages", deck->n_pages);
    FUZZ_ASSERT(deck->years_shown >= 1, "years_shown %d", deck->years_shown);
    FUZZ_ASSERT(t->width_mm > 0 && t->height_mm > 0, "page %g x %g mm", t->width_mm, t->height_mm);
    FUZZ_ASSERT(t->n_palettes >= 0 && t->n_palettes <= TPL_MAX_PALETTES, "%d palettes",
                t->n_palettes);
    for (int p = 0; p < deck->n_pages; p++) {
        const tpl_page *pg = &deck->pages[p];
        FUZZ_ASSERT(pg->n_blocks >= 0 && (pg->n_blocks == 0 || pg->blocks), "page %d blocks", p);
        for (int b = 0; b < pg->n_blocks; b++) {
            const tpl_block *k = &pg->blocks[b];
            const tpl_box *x = &k->box;
            FUZZ_ASSERT(x->x_mm >= 0 && x->y_mm >= 0 && x->w_mm >= 0 && x->h_mm >= 0 &&
                            x->x_mm + x->w_mm <= t->width_mm + 1e-9 &&
                            x->y_mm + x->h_mm <= t->height_mm + 1e-9,
                        "%s [%s]: box %g,%g,%g,%g off the %g x %g mm page", pg->file, k->section,
                        x->x_mm, x->y_mm, x->w_mm, x->h_mm, t->width_mm, t->height_mm);
            const tpl_lines *lines = tpl_block_lines(k);
            if (lines) {
                FUZZ_ASSERT(lines->n >= 0 && lines->n <= TPL_MAX_TEXT, "%d text lines", lines->n);
                for (int i = 0; i < lines->n; i++)
                    FUZZ_ASSERT(lines->at[i].text != NULL, "text%d is NULL", i + 1);
            }
            if (k->kind == TPL_CHART) {
                const tpl_chart_block *ch = &k->as.chart;
                FUZZ_ASSERT(ch->n_groups >= 0 && ch->n_groups <= TPL_MAX_GROUPS, "%d groups",
                            ch->n_groups);
                FUZZ_ASSERT(ch->n_codes >= 0 && ch->n_codes <= TPL_MAX_CODES, "%d codes",
                            ch->n_codes);
                FUZZ_ASSERT(ch->size_pt >= 0, "size %g pt", ch->size_pt);
            }
            if (k->kind == TPL_TABLE) {
                const tpl_table_block *tb = &k->as.table;
                FUZZ_ASSERT(tb->cols.n_cols >= 0 && tb->cols.n_cols <= TPL_MAX_COLUMNS,
                            "%d columns", tb->cols.n_cols);
                FUZZ_ASSERT(tb->nation_cols.n_cols >= 0 &&
                                tb->nation_cols.n_cols <= TPL_MAX_COLUMNS,
                            "%d nation columns", tb->nation_cols.n_cols);
                FUZZ_ASSERT(tb->size_pt >= 0, "size %g pt", tb->size_pt);
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    tpl_fuzz_env *e = S_env();
    char fuzzed[512], deck_ini[512];
    const char *layouts_dir = e->dir, *deck_file = deck_ini;
    snprintf(deck_ini, sizeof deck_ini, "%s/deck.ini", e->dir);
    FILE *f;
    switch (data[0] % 3) {
    case 0: /* a page */
        snprintf(fuzzed, sizeof fuzzed, "%s/page.ini", e->dir);
        f = fopen(deck_ini, "w");
        FUZZ_ASSERT(f != NULL, "cannot write %s", deck_ini);
        fprintf(f, "[deck]\ntitle = fuzz\nedition = 2026-04-24\ntheme = %s/theme.ini\npages = %s\n",
                LAYOUTS, fuzzed);
        fclose(f);
        break;
    case 1: /* the theme */
        snprintf(fuzzed, sizeof fuzzed, "%s/theme.ini", e->dir);
        f = fopen(deck_ini, "w");
        FUZZ_ASSERT(f != NULL, "cannot write %s", deck_ini);
        fprintf(f, "[deck]\ntitle = fuzz\nedition = 2026-04-24\ntheme = %s\npages = %s/%s\n",
                fuzzed, LAYOUTS, e->first_page);
        fclose(f);
        break;
    default: /* deck.ini itself, next to the committed files */
        snprintf(fuzzed, sizeof fuzzed, "%s/deck.ini", e->dir);
        layouts_dir = LAYOUTS;
        deck_file = fuzzed; /* absolute: not joined to layouts_dir */
        break;
    }
    S_write(fuzzed, data + 1, size - 1);

    long lines = 2;
    for (size_t i = 1; i < size; i++)
        lines += data[i] == '\n' || data[i] == '\r';

    diags *d = diags_new(NULL);
    arena *mem = arena_new();
    tpl_deck *deck = tpl_deck_load(layouts_dir, deck_file, figures_catalogue(e->national), mem, d);
    FUZZ_ASSERT((deck != NULL) == (diags_count(d) == 0), "deck %s with %d diagnostics",
                deck ? "loaded" : "refused", diags_count(d));
    for (int i = 0; i < diags_kept(d); i++) {
        const diag *g = diags_get(d, i);
        FUZZ_ASSERT(g->file != NULL, "diagnostic names no file: %s", g->message);
        FUZZ_ASSERT(g->line >= 0, "diagnostic line %ld", g->line);
        if (strcmp(g->file, fuzzed) == 0)
            FUZZ_ASSERT(g->line <= lines, "%s: line %ld of %ld", g->file, g->line, lines);
        FUZZ_ASSERT(g->code != D_INTERNAL, "internal error: %s", g->message);
    }
    if (getenv("FUZZ_VERBOSE")) { /* to see what a corpus input exercises */
        fprintf(stderr, "fuzz_template: mode %d: %s, %d diagnostics\n", data[0] % 3,
                deck ? "loaded" : "refused", diags_count(d));
        for (int i = 0; i < diags_kept(d); i++)
            fprintf(stderr, "  %s:%ld: %s\n", diags_get(d, i)->file, diags_get(d, i)->line,
                    diags_get(d, i)->message);
    }
    if (deck)
        S_check_deck(deck);
    arena_free(mem);
    diags_free(d);
    return 0;
}
