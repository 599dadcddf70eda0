/* template_pref.c - the blocks only prefecture reports, the national
 * appendix and body sheets use:
 *
 *   [munitable]  box_mm, size_pt        the prefecture's municipalities; the
 *                                        box is the table area of every page
 *                                        the table runs over
 *   [ranking]    box_mm, size_pt, by = adopted | guideline, columns = 1..4
 *   [bodysheet]  box_mm, size_pt        one body's answers beside its
 *                                        prefecture, population band, nation
 */
#include "template_priv.h"

#include <string.h>

bool tpl_pref_block_key(const char *key)
{
    static const char *const names[] = {"box_mm", "size_pt", "by", "columns", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(key, names[i]) == 0)
            return true;
    return false;
}

void tpl_load_pref_block(tpl_ini *ini, tpl_block *b, const tpl_theme *th)
{
    const char *sec = b->section;
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
