/* template_pref.c - the blocks only prefecture reports, the national
 * appendix and body sheets use:
 *
 *   [munitable]  box_mm, size_pt        the prefecture's municipalities; the
 *                                        box is the table area of every page
 *                                        the table runs over
 *   [ranking]    box_mm, size_pt, by = adopted | guideline, columns = 1..4
 *   [bodysheet]  box_mm, size_pt        one body's answers beside its
 *                                        prefecture, population band, nation
 *   [keytable]   box_mm, size_pt, columns, small_base, small_note, row1 … row24
 *                                        the key indicators, one row per question
 */
#include "template_priv.h"

#include <stdio.h>
#include <string.h>

bool tpl_pref_block_key(const char *key)
{
    static const char *const names[] = {"box_mm", "size_pt", "by", "columns", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(key, names[i]) == 0)
            return true;
    return false;
}

/* row1 .. row24 */
static int row_index(const char *k)
{
    if (strncmp(k, "row", 3) != 0 || !k[3] || strlen(k) > 5 || strspn(k + 3, "0123456789") !=
                                                                   strlen(k + 3))
        return -1;
    int n = 0;
    for (const char *p = k + 3; *p; p++)
        n = n * 10 + (*p - '0');
    return n >= 1 && n <= TPL_MAX_KEYROWS && k[3] != '0' ? n : -1;
}

bool tpl_keytable_key(const char *key)
{
    static const char *const names[] = {"box_mm", "size_pt", "columns", "small_base",
                                        "small_note", NULL};
    return tpl_in_list(key, names) || row_index(key) > 0;
}

typedef struct {
    tpl_ini *ini;
    const tpl_deck *deck;
    const fig_catalogue *cat;
    arena *mem;
    const char *sec;
} key_ctx;

/* `PAGE.figure[group,option]` of a row, checked against the catalogue
 * (latest year); false after reporting. */
static bool key_figure(key_ctx *k, const char *spec, int line, tpl_keyrow *row)
{
    const char *open = strchr(spec, '['), *dot = strchr(spec, '.');
    size_t len = strlen(spec);
    const char *items[3];
    int n = -1;
    if (open && dot && dot < open && dot > spec && len > 0 && spec[len - 1] == ']') {
        char *args = arena_strndup(k->mem, open + 1, len - (size_t)(open - spec) - 2);
        n = tpl_split_list(args, items, 2, k->mem);
    }
    if (n != 2) {
        tpl_error(k->ini, D_TEMPLATE, line,
                  "[%s] row `%s`: expected PAGE.figure[group,option] (P4.status_by_group[市区町村,1])",
                  k->sec, spec);
        return false;
    }
    row->fig = (tpl_figure){.page = arena_strndup(k->mem, spec, (size_t)(dot - spec)),
                            .name = arena_strndup(k->mem, dot + 1, (size_t)(open - dot - 1)),
                            .line = line};
    row->group = strcmp(items[0], "-") == 0 ? "" : items[0];
    double code = 0;
    if (strcmp(items[1], "-") != 0 && (!tpl_parse_number(items[1], &code) || code != (int)code)) {
        tpl_error(k->ini, D_TEMPLATE, line, "[%s] row `%s`: option `%s`: expected a code or -",
                  k->sec, spec, items[1]);
        return false;
    }
    row->option = (int)code;
    int latest = k->cat->n_years - 1;
    const fig_def *d = figures_def(k->cat, row->fig.page, row->fig.name);
    if (!d || d->no_year || !d->in_year[latest] || !figures_def_group(d, row->group) ||
        !figures_def_option(d, row->option)) {
        tpl_error(k->ini, D_TEMPLATE_FIGURE, line,
                  "[%s] row `%s`: no such figure, group or option in the figures of year %s "
                  "(see figures.h for the names)",
                  k->sec, spec, k->cat->years[latest].key);
        return false;
    }
    return true;
}

static void load_keytable(key_ctx *k, tpl_block *b)
{
    tpl_keytable_block *kt = ARENA_NEW(k->mem, tpl_keytable_block, 1);
    b->as.keytable = kt;
    tpl_ini *ini = k->ini;
    kt->size_pt = k->deck->theme.body_pt - 1.5;
    tpl_get_number(ini, k->sec, "size_pt", false, 5, 24, &kt->size_pt);
    double small = TPL_SMALL_BASE_DEFAULT;
    tpl_get_number(ini, k->sec, "small_base", false, 0, 1000, &small);
    kt->small_base = (int)small;
    const char *note = tpl_get_string(ini, k->sec, "small_note", false);
    if (note)
        kt->small_note = tpl_parse_checked(ini, note, tpl_ini_line(ini, k->sec, "small_note"),
                                           k->deck, k->cat, -1, k->mem);

    const char *heads[TPL_KEY_COLUMNS + 1]; /* one more: too many is an error */
    double pct[TPL_KEY_COLUMNS + 1];
    int line = tpl_ini_line(ini, k->sec, "columns");
    int n = tpl_get_columns(ini, k->sec, "columns", true, TPL_KEY_COLUMNS + 1, heads, pct, k->mem);
    if (n > 0 && n != TPL_KEY_COLUMNS)
        tpl_error(ini, D_TEMPLATE, line,
                  "columns: expected %d `header:width%%` items (設問, 指標, 対象, the prefecture, "
                  "n, 全国, 順位, 前年度差)",
                  TPL_KEY_COLUMNS);
    for (int i = 0; n == TPL_KEY_COLUMNS && i < n; i++) { /* headers may name the prefecture */
        kt->head[i] = tpl_parse_checked(ini, heads[i], line, k->deck, k->cat, -1, k->mem);
        kt->pct[i] = pct[i];
    }

    for (int i = 1; i <= TPL_MAX_KEYROWS; i++) {
        char key[16];
        snprintf(key, sizeof key, "row%d", i);
        const char *v = tpl_ini_get(ini, k->sec, key);
        if (!v)
            continue;
        int rl = tpl_ini_line(ini, k->sec, key);
        /* FIGURE | 設問 | 指標 | 対象 */
        char *copy = arena_strdup(k->mem, v);
        char *part[4] = {0};
        int np = 0;
        for (char *p = copy; np < 4;) {
            part[np++] = p;
            char *bar = strchr(p, '|');
            if (!bar)
                break;
            *bar = '\0';
            p = bar + 1;
        }
        if (np != 4 || strchr(part[3], '|')) {
            tpl_error(ini, D_TEMPLATE, rl,
                      "%s = `%s`: expected FIGURE[group,option] | 設問 | 指標 | 対象", key, v);
            continue;
        }
        tpl_keyrow *row = &kt->rows[kt->n_rows];
        row->line = rl;
        const char *parts[4];
        for (int j = 0; j < 4; j++) {
            char *t = part[j];
            while (*t == ' ')
                t++;
            size_t len = strlen(t);
            while (len && t[len - 1] == ' ')
                t[--len] = '\0';
            parts[j] = t;
        }
        if (!key_figure(k, parts[0], rl, row))
            continue;
        for (int j = 0; j < 3; j++)
            row->text[j] = parts[j + 1][0] ? tpl_parse_checked(ini, parts[j + 1], rl, k->deck,
                                                               k->cat, -1, k->mem)
                                           : NULL;
        kt->n_rows++;
    }
    if (kt->n_rows == 0)
        tpl_error(ini, D_TEMPLATE, b->line, "[%s] has no rows (row1 = FIGURE[group,option] | …)",
                  k->sec);
}

void tpl_load_pref_block(tpl_ini *ini, tpl_block *b, const tpl_deck *deck,
                         const fig_catalogue *cat, arena *mem)
{
    const char *sec = b->section;
    const tpl_theme *th = &deck->theme;
    if (b->kind == TPL_KEYTABLE) {
        key_ctx k = {.ini = ini, .deck = deck, .cat = cat, .mem = mem, .sec = sec};
        load_keytable(&k, b);
        return;
    }
    double size_pt = b->kind == TPL_RANKING ? th->body_pt - 1 : th->body_pt - 2;
    tpl_get_number(ini, sec, "size_pt", false, 5, 24, &size_pt);
    if (b->kind != TPL_RANKING) {
        b->as.sheet.size_pt = size_pt;
        /* by and columns belong to [ranking] only */
        static const char *const only[] = {"by", "columns"};
        for (size_t i = 0; i < sizeof only / sizeof only[0]; i++)
            if (tpl_ini_get(ini, sec, only[i]))
                tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, only[i]),
                          "unknown key `%s` in [%s]", only[i], sec);
        return;
    }
    tpl_ranking_block *rk = &b->as.ranking;
    rk->size_pt = size_pt;
    static const char *const bys[] = {"adopted", "guideline", NULL};
    rk->by_guideline = tpl_get_enum(ini, sec, "by", bys, 0) == 1;
    double cols = 3;
    tpl_get_number(ini, sec, "columns", false, 1, 4, &cols);
    if (cols != (int)cols) {
        tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, "columns"),
                  "columns = %g: expected a whole number from 1 to 4", cols);
        cols = 3;
    }
    rk->columns = (int)cols;
}
