/* template_theme.c - theme.ini: page size and bands, fonts, sizes, colours
 * and palettes, over built-in defaults; and the lookups the other template
 * files make in a theme. */
#include "template_priv.h"

#include <string.h>

static bool page_key(const char *k)
{
    static const char *const names[] = {"width_mm",      "height_mm",      "margin_mm",
                                        "title_band_mm", "footer_band_mm", NULL};
    return tpl_in_list(k, names);
}
static bool fonts_key(const char *k)
{
    static const char *const names[] = {"body", "title", NULL};
    return tpl_in_list(k, names);
}
static bool sizes_key(const char *k)
{
    static const char *const names[] = {"title_pt",  "lead_pt",  "body_pt",    "note_pt",
                                        "source_pt", "chart_pt", "page_no_pt", NULL};
    return tpl_in_list(k, names);
}
bool tpl_theme_color_key(const char *k)
{
    static const char *const names[] = {"title", "title_text", "text",       "accent",
                                        "lead_bg", "rule",     "sample",     "muted",
                                        "table_head", "table_rule", NULL};
    return tpl_in_list(k, names);
}
const tpl_palette *tpl_theme_palette(const tpl_theme *t, const char *name)
{
    for (int i = 0; i < t->n_palettes; i++)
        if (strcmp(t->palettes[i].name, name) == 0)
            return &t->palettes[i];
    return NULL;
}

static void theme_defaults(tpl_theme *t)
{
    *t = (tpl_theme){
        .width_mm = 338.67, .height_mm = 190.5, .margin_mm = 10,
        .title_band_mm = 20, .footer_band_mm = 9,
        .font_body = FONT_GOTHIC, .font_title = FONT_GOTHIC_BOLD,
        .title_pt = 22, .lead_pt = 14, .body_pt = 11, .note_pt = 8.5, .source_pt = 7.5,
        .chart_pt = 9, .page_no_pt = 9,
        .c_title = 0x1F3864, .c_title_text = 0xFFFFFF, .c_text = 0x222222,
        .c_accent = 0x2E75B6, .c_lead_bg = 0xEEF3FA, .c_rule = 0x1F3864,
        .c_sample = 0xC00000, .c_muted = 0x595959, .c_table_head = 0xDEEBF7,
        .c_table_rule = 0x8EA9C8,
    };
}

bool tpl_theme_load(tpl_theme *t, const char *path, arena *mem, diags *d)
{
    tpl_ini ini;
    theme_defaults(t);
    if (!tpl_ini_open(&ini, path, mem, d)) {
        tpl_ini_close(&ini);
        return false;
    }
    static const char *const sections[] = {"page", "fonts", "sizes", "colors", "palettes", NULL};
    tpl_check_sections(&ini, sections);
    tpl_check_keys(&ini, "page", page_key);
    tpl_check_keys(&ini, "fonts", fonts_key);
    tpl_check_keys(&ini, "sizes", sizes_key);
    tpl_check_keys(&ini, "colors", tpl_theme_color_key);
    tpl_check_keys(&ini, "palettes", tpl_any_key);

    if (!tpl_ini_line(&ini, "page", NULL))
        tpl_error(&ini, D_TEMPLATE, 0, "missing section [page]");
    tpl_get_number(&ini, "page", "width_mm", true, 50, 2000, &t->width_mm);
    tpl_get_number(&ini, "page", "height_mm", true, 50, 2000, &t->height_mm);
    tpl_get_number(&ini, "page", "margin_mm", false, 0, 100, &t->margin_mm);
    tpl_get_number(&ini, "page", "title_band_mm", false, 5, 100, &t->title_band_mm);
    tpl_get_number(&ini, "page", "footer_band_mm", false, 3, 100, &t->footer_band_mm);

    tpl_get_font(&ini, "fonts", "body", &t->font_body);
    tpl_get_font(&ini, "fonts", "title", &t->font_title);

    struct { const char *key; double *v; } sizes[] = {
        {"title_pt", &t->title_pt},   {"lead_pt", &t->lead_pt},   {"body_pt", &t->body_pt},
        {"note_pt", &t->note_pt},     {"source_pt", &t->source_pt}, {"chart_pt", &t->chart_pt},
        {"page_no_pt", &t->page_no_pt},
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        tpl_get_number(&ini, "sizes", sizes[i].key, false, 4, 72, sizes[i].v);

    struct { const char *key; uint32_t *v; } colors[] = {
        {"title", &t->c_title},   {"title_text", &t->c_title_text}, {"text", &t->c_text},
        {"accent", &t->c_accent}, {"lead_bg", &t->c_lead_bg},       {"rule", &t->c_rule},
        {"sample", &t->c_sample}, {"muted", &t->c_muted},           {"table_head", &t->c_table_head},
        {"table_rule", &t->c_table_rule},
    };
    for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++)
        tpl_get_color(&ini, "colors", colors[i].key, colors[i].v);

    for (int i = 0; i < ini.n_pos; i++) {
        const tpl_ini_pos *p = &ini.pos[i];
        if (!p->key || strcmp(p->section, "palettes") != 0)
            continue;
        if (t->n_palettes == TPL_MAX_PALETTES) {
            tpl_error(&ini, D_TEMPLATE, p->line, "more than %d palettes", TPL_MAX_PALETTES);
            break;
        }
        tpl_palette *pal = &t->palettes[t->n_palettes++];
        pal->name = p->key;
        const char *items[TPL_MAX_COLORS];
        int n = tpl_split_list(tpl_ini_get(&ini, "palettes", p->key), items, TPL_MAX_COLORS, mem);
        if (n <= 0) {
            tpl_error(&ini, D_TEMPLATE, p->line, "palette `%s`: expected 1 to %d colours",
                      p->key, TPL_MAX_COLORS);
            continue;
        }
        pal->n = n;
        for (int j = 0; j < n; j++)
            if (!tpl_parse_color(items[j], &pal->rgb[j]))
                tpl_error(&ini, D_TEMPLATE, p->line,
                          "palette `%s`, colour %d `%s`: expected #RRGGBB", p->key, j + 1,
                          items[j]);
    }
    if (t->margin_mm * 2 >= t->width_mm || t->title_band_mm + t->footer_band_mm >= t->height_mm)
        tpl_error(&ini, D_TEMPLATE, tpl_ini_line(&ini, "page", NULL),
                  "margins and bands leave no room on a %gx%g mm page", t->width_mm,
                  t->height_mm);
    bool ok = ini.ok;
    tpl_ini_close(&ini);
    return ok;
}
