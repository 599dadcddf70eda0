/* deck_driver.c - renders the national deck through the deck API, the way
 * `aireport build` does: survey, national figset, fonts and templates loaded
 * once, then deck_render_scope() (or deck_dump_layout()), dated like
 * aireport dates a document (SOURCE_DATE_EPOCH or now).
 *
 *   deck_driver DATA_DIR FONTS_INI LAYOUTS_DIR OUT.pdf [--dump] [--repeat N]
 *
 * --dump writes the layout dump to stdout instead of the PDF; --repeat
 * renders N documents with the same templates (timing, leaks). Exit status
 * as the aireport command (diag.h). */
#include "atomicfile.h"
#include "deck.h"
#include "diag.h"
#include "figures.h"
#include "fontset.h"
#include "sourcedate.h"
#include "survey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 5) {
        fputs("usage: deck_driver DATA_DIR FONTS_INI LAYOUTS_DIR OUT.pdf [--dump] [--repeat N]\n",
              stderr);
        return EXIT_USAGE;
    }
    bool dump = false;
    int repeat = 1;
    for (int i = 5; i < argc; i++) {
        if (strcmp(argv[i], "--dump") == 0)
            dump = true;
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]);
    }
    diags *d = diags_new(stderr);
    int status = EXIT_OK;
    arena *mem = arena_new();
    fontset *fonts = NULL;
    survey *s = survey_load(argv[1], d);
    if (!s)
        goto done;
    figset *national = figures_compute(s, 0, mem);
    fonts = fontset_load(argv[2], d);
    if (!national || !fonts)
        goto done;
    deck_templates *t =
        deck_templates_load(argv[3], "deck.ini", figures_catalogue(national), mem, d);
    if (!t)
        goto done;
    if (dump) {
        deck_dump_layout(t, national, fonts, stdout, d);
        goto done;
    }
    /* dated as aireport dates it: SOURCE_DATE_EPOCH or now */
    deck_scope scope = {.f = national};
    const char *why;
    if (!source_date_get(&scope.created, &why)) {
        fprintf(stderr, "deck_driver: SOURCE_DATE_EPOCH: %s\n", why);
        status = EXIT_USAGE;
        goto done;
    }
    for (int i = 0; i < repeat; i++) {
        unsigned char *pdf = NULL;
        size_t len = 0;
        int pages = 0;
        if (!deck_render_scope(t, &scope, fonts, &pdf, &len, &pages, d))
            break;
        if (i == repeat - 1 && write_file_atomic(argv[4], pdf, len, d))
            fprintf(stderr, "deck_driver: %s: %d pages, %zu bytes\n", argv[4], pages, len);
        free(pdf);
    }
done:
    if (status == EXIT_OK)
        status = diags_exit_status(d);
    if (!status && !s)
        status = EXIT_DATA;
    diags_print_summary(d, stderr);
    if (fonts)
        fontset_free(fonts);
    if (s)
        survey_free(s);
    arena_free(mem);
    diags_free(d);
    return status;
}
