/* template_deck.c - a deck file (deck.ini, prefecture.ini, body.ini): its
 * [deck] and [report], then the theme (template_theme.c), a prefecture's
 * override (template_override.c) and every page (template_page.c). */
#include "template_priv.h"

#include "numfmt.h"

#include <stdio.h>
#include <string.h>

static bool deck_key(const char *k)
{
    static const char *const names[] = {"title",   "subject",     "keywords", "author",
                                        "theme",   "pages",       "edition",  "years_shown",
                                        "appendix", "workbook",    "web",      "excel_csv",
                                        "chart_png", NULL};
    return tpl_in_list(k, names);
}

static const char *join_path(arena *mem, const char *dir, const char *file)
{
    if (file[0] == '/' || !dir || !*dir)
        return arena_strdup(mem, file);
    return arena_printf(mem, "%s/%s", dir, file);
}

/* The edition date (the cover's 「令和8年4月24日版」): an edition is data, so
 * it is the latest survey year's `published` unless the deck file (or a
 * prefecture's override) names its own, e.g. for a revised edition. An own
 * date older than the latest year's publication is a left-over of the
 * previous edition: reported at its line. */
static void resolve_edition(tpl_ini *ini, tpl_ini *ov, tpl_deck *deck, const fig_catalogue *cat)
{
    bool own = ov->dict && tpl_ini_get(ov, "deck", "edition");
    tpl_ini *from = own ? ov : ini;
    int line = tpl_ini_line(from, "deck", "edition");
    const fig_year *latest = cat->n_years > 0 ? &cat->years[cat->n_years - 1] : NULL;
    deck->edition_override = deck->edition != NULL;
    if (!deck->edition_override) {
        deck->edition = latest ? latest->published : NULL;
        return;
    }
    char date[NUMFMT_MAX];
    if (!numfmt_era_date(date, sizeof date, deck->edition)) {
        tpl_error(from, D_TEMPLATE, line, "edition = `%s`: expected an ISO date (2027-04-23)",
                  deck->edition);
        return;
    }
    if (latest && latest->published && strcmp(deck->edition, latest->published) < 0)
        tpl_error(from, D_TEMPLATE, line,
                  "edition = %s is older than the latest survey year's publication "
                  "([%s] published = %s in survey.ini): the cover would print a past edition; "
                  "remove the key so that the edition follows survey.ini, or give a date on or "
                  "after %s",
                  deck->edition, latest->key, latest->published, latest->published);
}

tpl_deck *tpl_deck_load(const char *layouts_dir, const char *deck_file, const fig_catalogue *cat,
                        arena *mem, diags *d)
{
    return tpl_deck_load_override(layouts_dir, deck_file, NULL, cat, mem, d);
}

tpl_deck *tpl_deck_load_override(const char *layouts_dir, const char *deck_file,
                                 const char *override_file, const fig_catalogue *cat,
                                 arena *mem, diags *d)
{
    int n_years = cat->n_years;
    tpl_deck *deck = ARENA_NEW(mem, tpl_deck, 1);
    deck->dir = arena_strdup(mem, layouts_dir);
    deck->file = join_path(mem, layouts_dir, deck_file ? deck_file : "deck.ini");
    deck->years_shown = 3;
    tpl_ini ini;
    if (!tpl_ini_open(&ini, deck->file, mem, d)) {
        tpl_ini_close(&ini);
        return NULL;
    }
    static const char *const sections[] = {"deck", "report", NULL};
    tpl_check_sections(&ini, sections);
    if (!tpl_ini_line(&ini, "deck", NULL))
        tpl_error(&ini, D_TEMPLATE, 0, "missing section [deck]");
    tpl_check_keys(&ini, "deck", deck_key);
    deck->title = tpl_get_string(&ini, "deck", "title", true);
    deck->subject = tpl_get_string(&ini, "deck", "subject", false);
    deck->keywords = tpl_get_string(&ini, "deck", "keywords", false);
    deck->author = tpl_get_string(&ini, "deck", "author", false);
    deck->edition = tpl_get_string(&ini, "deck", "edition", false);
    double shown = 3;
    if (tpl_get_number(&ini, "deck", "years_shown", false, 1, 10, &shown))
        deck->years_shown = (int)shown;
    if (deck->years_shown > n_years)
        deck->years_shown = n_years; /* fewer years in the data: show them all */

    tpl_read_vars(&ini, deck);
    tpl_ini ov = {0};
    bool ok = ini.ok;
    if (override_file && !tpl_override_open(&ov, override_file, deck, mem, d))
        ok = false;
    resolve_edition(&ini, &ov, deck, cat);
    /* its texts, as the override left them: parsed once; the title checked
     * (the variables where a text uses them) */
    for (int v = 0; v < deck->n_vars; v++)
        deck->var_text[v] = ph_parse(deck->var_value[v], mem);
    deck->title_text = ph_parse(deck->title ? deck->title : "", mem);
    bool own_title = ov.dict && tpl_ini_get(&ov, "deck", "title");
    tpl_check_text(own_title ? &ov : &ini, deck->title_text,
                   tpl_ini_line(own_title ? &ov : &ini, "deck", "title"), deck, cat, -1);
    const char *theme = tpl_get_string(&ini, "deck", "theme", false);
    if (!tpl_theme_load(&deck->theme, join_path(mem, layouts_dir, theme ? theme : "theme.ini"),
                        mem, d))
        ok = false;
    if (ov.dict)
        tpl_override_theme(&ov, &deck->theme);

    const char *items[TPL_MAX_PAGES];
    int n = tpl_split_list(tpl_ini_get(&ini, "deck", "pages"), items, TPL_MAX_PAGES, mem);
    int pages_line = tpl_ini_line(&ini, "deck", "pages");
    if (ov.dict)
        n = tpl_override_pages(&ov, items, n, TPL_MAX_PAGES);
    if (n <= 0) {
        tpl_error(&ini, D_TEMPLATE, pages_line ? pages_line : tpl_ini_line(&ini, "deck", NULL),
                  "pages: expected 1 to %d page files, comma separated", TPL_MAX_PAGES);
        ok = false;
        n = 0;
    }
    /* appendix = true: the 47-prefecture ranking page after the others */
    static const char *const bools[] = {"false", "true", NULL};
    deck->appendix = tpl_get_enum(&ini, "deck", "appendix", bools, 0) == 1;
    /* the outputs that reuse the document beside its PDF (on unless switched off) */
    deck->workbook = tpl_get_enum(&ini, "deck", "workbook", bools, 1) == 1;
    deck->web = tpl_get_enum(&ini, "deck", "web", bools, 1) == 1;
    deck->excel_csv = tpl_get_enum(&ini, "deck", "excel_csv", bools, 1) == 1;
    deck->chart_png = tpl_get_enum(&ini, "deck", "chart_png", bools, 1) == 1;
    if (deck->appendix && n > 0 && n < TPL_MAX_PAGES)
        items[n++] = TPL_APPENDIX_PAGE;
    deck->pages = ARENA_NEW(mem, tpl_page, n ? n : 1);
    deck->n_pages = n;
    ok = ok && ini.ok && (!ov.dict || ov.ok);
    tpl_ini_close(&ini);
    tpl_ini_close(&ov);
    if (!ok)
        return NULL; /* the pages need a valid theme for their boxes */
    for (int i = 0; i < n; i++)
        if (!tpl_page_load(&deck->pages[i], join_path(mem, layouts_dir, items[i]), deck,
                           cat, mem, d))
            ok = false;
    return ok ? deck : NULL;
}
