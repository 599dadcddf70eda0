/* template_override.c - deck variables ([report]) and a prefecture's own
 * override file (layouts/prefectures/PP.ini), applied on top of the shared
 * prefecture report while it is loaded:
 *
 *   [deck]      title, subject, keywords, author, edition   replace the shared value
 *               pages = a, b, …    a page list of its own
 *               omit  = a, b, …    pages of the shared list left out
 *               add   = a, b, …    pages appended (before the appendix)
 *   [report]    NAME = text        replaces a variable of the shared [report]
 *   [colors]    as theme.ini       its colours
 *   [palettes]  as theme.ini       replaces or adds palettes
 *
 * Only the keys it names change. It is validated like every template: an
 * unknown section or key is an error with its line.
 */
#include "template_priv.h"

#include <string.h>

static bool deck_key(const char *k)
{
    static const char *const names[] = {"title", "subject", "keywords", "author", "edition",
                                        "pages", "omit",    "add",      NULL};
    return tpl_in_list(k, names);
}

void tpl_read_vars(tpl_ini *ini, tpl_deck *deck)
{
    for (int i = 0; i < ini->n_pos; i++) {
        const tpl_ini_pos *p = &ini->pos[i];
        if (!p->key || strcmp(p->section, "report") != 0)
            continue;
        if (deck->n_vars == TPL_MAX_VARS) {
            tpl_error(ini, D_TEMPLATE, p->line, "more than %d [report] variables", TPL_MAX_VARS);
            return;
        }
        const char *v = tpl_ini_get(ini, "report", p->key);
        deck->var_name[deck->n_vars] = p->key;
        deck->var_value[deck->n_vars++] = tpl_unescape(ini->mem, v ? v : "");
    }
}

bool tpl_override_open(tpl_ini *ov, const char *path, tpl_deck *deck, arena *mem, diags *d)
{
    if (!tpl_ini_open(ov, path, mem, d))
        return false;
    static const char *const sections[] = {"deck", "report", "colors", "palettes", NULL};
    for (int i = 0; i < ov->n_pos; i++)
        if (!ov->pos[i].key && !tpl_in_list(ov->pos[i].section, sections))
            tpl_error(ov, D_TEMPLATE, ov->pos[i].line,
                      "unknown section [%s]: an override has deck, report, colors, palettes",
                      ov->pos[i].section);
    tpl_check_keys(ov, "deck", deck_key);
    tpl_check_keys(ov, "colors", tpl_theme_color_key);
    tpl_check_keys(ov, "palettes", tpl_any_key);

    const char **fields[] = {&deck->title, &deck->subject, &deck->keywords, &deck->author,
                             &deck->edition};
    static const char *const names[] = {"title", "subject", "keywords", "author", "edition"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *v = tpl_get_string(ov, "deck", names[i], false);
        if (v)
            *fields[i] = v;
    }
    for (int i = 0; i < ov->n_pos; i++) {
        const tpl_ini_pos *p = &ov->pos[i];
        if (!p->key || strcmp(p->section, "report") != 0)
            continue;
        int v = 0;
        while (v < deck->n_vars && strcmp(deck->var_name[v], p->key) != 0)
            v++;
        if (v == deck->n_vars) {
            tpl_error(ov, D_TEMPLATE, p->line,
                      "unknown key `%s` in [report]: the shared deck file defines no such "
                      "variable",
                      p->key);
            continue;
        }
        const char *val = tpl_ini_get(ov, "report", p->key);
        deck->var_value[v] = tpl_unescape(mem, val ? val : "");
    }
    return ov->ok;
}

void tpl_override_theme(tpl_ini *ov, tpl_theme *t)
{
    struct { const char *key; uint32_t *v; } colors[] = {
        {"title", &t->c_title},   {"title_text", &t->c_title_text}, {"text", &t->c_text},
        {"accent", &t->c_accent}, {"lead_bg", &t->c_lead_bg},       {"rule", &t->c_rule},
        {"sample", &t->c_sample}, {"muted", &t->c_muted},           {"table_head", &t->c_table_head},
        {"table_rule", &t->c_table_rule},
    };
    for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++)
        tpl_get_color(ov, "colors", colors[i].key, colors[i].v);

    for (int i = 0; i < ov->n_pos; i++) {
        const tpl_ini_pos *p = &ov->pos[i];
        if (!p->key || strcmp(p->section, "palettes") != 0)
            continue;
        tpl_palette pal = {.name = p->key};
        const char *items[TPL_MAX_COLORS];
        int n = tpl_split_list(tpl_ini_get(ov, "palettes", p->key), items, TPL_MAX_COLORS,
                               ov->mem);
        bool good = n > 0;
        for (int j = 0; good && j < n; j++)
            good = tpl_parse_color(items[j], &pal.rgb[j]);
        if (!good) {
            tpl_error(ov, D_TEMPLATE, p->line,
                      "palette `%s`: expected 1 to %d colours \"#RRGGBB, #RRGGBB\"", p->key,
                      TPL_MAX_COLORS);
            continue;
        }
        pal.n = n;
        int k = 0;
        while (k < t->n_palettes && strcmp(t->palettes[k].name, p->key) != 0)
            k++;
        if (k == TPL_MAX_PALETTES) {
            tpl_error(ov, D_TEMPLATE, p->line, "more than %d palettes", TPL_MAX_PALETTES);
            continue;
        }
        if (k == t->n_palettes)
            t->n_palettes++;
        t->palettes[k] = pal;
    }
}

int tpl_override_pages(tpl_ini *ov, const char **items, int n, int max)
{
    const char *own = tpl_ini_get(ov, "deck", "pages");
    if (own) {
        n = tpl_split_list(own, items, max, ov->mem);
        if (n <= 0)
            tpl_error(ov, D_TEMPLATE, tpl_ini_line(ov, "deck", "pages"),
                      "pages: expected 1 to %d page files, comma separated", max);
    }
    const char *list[TPL_MAX_PAGES];
    int k = tpl_split_list(tpl_ini_get(ov, "deck", "omit"), list, TPL_MAX_PAGES, ov->mem);
    for (int i = 0; i < k; i++) {
        int j = 0;
        while (j < n && strcmp(items[j], list[i]) != 0)
            j++;
        if (j == n) {
            tpl_error(ov, D_TEMPLATE, tpl_ini_line(ov, "deck", "omit"),
                      "omit: `%s` is not a page of the report", list[i]);
            continue;
        }
        memmove(&items[j], &items[j + 1], sizeof *items * (size_t)(n - j - 1));
        n--;
    }
    k = tpl_split_list(tpl_ini_get(ov, "deck", "add"), list, TPL_MAX_PAGES, ov->mem);
    for (int i = 0; i < k; i++) {
        if (n >= max - 1) { /* room for the appendix */
            tpl_error(ov, D_TEMPLATE, tpl_ini_line(ov, "deck", "add"), "more than %d pages",
                      max - 1);
            break;
        }
        items[n++] = list[i];
    }
    return n;
}
