/* template_page.c - one page template: its blocks, boxes, figures and
 * placeholders, validated against the theme and the catalogue of figures
 * (names and parameters: no value is needed). */
#include "template_priv.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    tpl_ini *ini;
    const tpl_deck *deck;
    const fig_catalogue *cat;
    arena *mem;
} page_ctx;

static bool in_list(const char *key, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(key, names[i]) == 0)
            return true;
    return false;
}

/* stem, stem1 .. stem12 (text, text1 …; tag, tag1 …): 0, 1 .. 12; else -1 */
static int numbered_index(const char *k, const char *stem)
{
    size_t len = strlen(stem);
    if (strncmp(k, stem, len) != 0)
        return -1;
    if (!k[len])
        return 0;
    int n = 0;
    for (const char *p = k + len; *p; p++) {
        if (*p < '0' || *p > '9' || n > TPL_MAX_TEXT)
            return -1;
        n = n * 10 + (*p - '0');
    }
    return n >= 1 && n <= TPL_MAX_TEXT ? n : -1;
}

static int text_index(const char *k) { return numbered_index(k, "text"); }

/* textN followed by suffix (".years", ".extra"): N as text_index; else -1 */
static int text_index_of(const char *k, const char *suffix)
{
    size_t n = strlen(k), tail = strlen(suffix);
    char head[32];
    if (n <= tail || n - tail >= sizeof head || strcmp(k + n - tail, suffix) != 0)
        return -1;
    memcpy(head, k, n - tail);
    head[n - tail] = '\0';
    return text_index(head);
}

/* textN, textN.years or textN.extra (lead, notes, text blocks). `.extra =
 * true` marks a line that the published deck does not have, an addition
 * switched on in the template: the layout prints it like any other, the
 * comparison with the publication (tests/checks/check_published.py) lets
 * it be. */
static bool line_key(const char *k)
{
    return text_index(k) >= 0 || text_index_of(k, ".years") >= 0 || text_index_of(k, ".extra") >= 0;
}

static bool page_key(const char *k)
{
    static const char *const names[] = {"title", "base", "kind", NULL};
    return in_list(k, names);
}
static bool lead_key(const char *k) { return strcmp(k, "box_mm") == 0 || line_key(k); }
static bool text_key(const char *k)
{
    static const char *const names[] = {"box_mm", "size_pt", "font",  "color",
                                        "align",  "valign",  "frame", NULL};
    return in_list(k, names) || line_key(k) || numbered_index(k, "tag") >= 0;
}
static bool source_key(const char *k)
{
    return strcmp(k, "box_mm") == 0 || strcmp(k, "years") == 0 || text_index(k) >= 0;
}
static bool chart_key(const char *k)
{
    static const char *const names[] = {
        "type",      "box_mm",      "figure",  "years",    "groups",        "options",
        "order",     "labels",      "legend",  "palette",  "short_labels",  "heading",
        "centre",    "size_pt",     "compare", "rounding", "rounding_note", "legend_columns",
        "label_key", "min_size_pt", "small_base", "small_note", NULL};
    return in_list(k, names);
}
static bool table_key(const char *k)
{
    static const char *const names[] = {"box_mm",         "figure",        "columns",
                                        "fields",         "size_pt",       "min_size_pt",
                                        "empty",          "nation_columns", "nation_fields",
                                        NULL};
    return in_list(k, names);
}

/* Section name -> block kind; -1 for an unknown section. "chart2", "text3". */
static int block_kind(const char *sec)
{
    static const struct { const char *name; tpl_block_kind kind; bool numbered; } kinds[] = {
        {"lead", TPL_LEAD, false},   {"notes", TPL_NOTES, false}, {"source", TPL_SOURCE, false},
        {"table", TPL_TABLE, false}, {"text", TPL_TEXT, true},    {"chart", TPL_CHART, true},
        {"munitable", TPL_MUNITABLE, false}, {"ranking", TPL_RANKING, false},
        {"bodysheet", TPL_BODYSHEET, false}, {"keytable", TPL_KEYTABLE, false},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t n = strlen(kinds[i].name);
        if (strncmp(sec, kinds[i].name, n) != 0)
            continue;
        if (!sec[n])
            return (int)kinds[i].kind;
        if (kinds[i].numbered && sec[n] >= '2' && sec[n] <= '9' && !sec[n + 1])
            return (int)kinds[i].kind;
    }
    return -1;
}

int tpl_line_years_of(const tpl_text *t, const tpl_deck *deck, const fig_catalogue *cat,
                      int *years)
{
    if (t->years == TPL_LINE_ONCE) {
        years[0] = -1;
        return 1;
    }
    int n = 0, first = cat->n_years - deck->years_shown;
    for (int i = 0; i < deck->years_shown; i++) {
        int y = t->years == TPL_LINE_OLDEST_FIRST ? first + i : cat->n_years - 1 - i;
        if (ph_year_has(t->ph, cat, y))
            years[n++] = y;
    }
    return n;
}

/* The texts of a block. source: every line once per year shown (the
 * [source] block's `years`); otherwise a line with `textN.years` is. */
static void load_texts(page_ctx *c, const tpl_block *b, tpl_lines *lines, bool source)
{
    const char *sec = b->section;
    static const char *const orders[] = {"once", "oldest-first", "newest-first", NULL};
    for (int i = 0; i <= TPL_MAX_TEXT; i++) {
        char key[16], years_key[24], extra_key[24];
        snprintf(key, sizeof key, i ? "text%d" : "text", i);
        snprintf(years_key, sizeof years_key, "%s.years", key);
        snprintf(extra_key, sizeof extra_key, "%s.extra", key);
        const char *v = tpl_ini_get(c->ini, sec, key);
        const char *orphan = tpl_ini_get(c->ini, sec, years_key)   ? years_key
                             : tpl_ini_get(c->ini, sec, extra_key) ? extra_key
                                                                   : NULL;
        if (!v) {
            if (orphan)
                tpl_error(c->ini, D_TEMPLATE, tpl_ini_line(c->ini, sec, orphan),
                          "%s: [%s] has no %s", orphan, sec, key);
            continue;
        }
        static const char *const bools[] = {"false", "true", NULL};
        tpl_get_enum(c->ini, sec, extra_key, bools, 0); /* checked; the layout prints it alike */
        tpl_text *t = &lines->at[lines->n++];
        t->tag = TPL_TAG_AUTO;
        t->text = tpl_unescape(c->mem, v);
        t->line = tpl_ini_line(c->ini, sec, key);
        t->ph = ph_parse(t->text, c->mem);
        if (!source) {
            int o = tpl_get_enum(c->ini, sec, years_key, orders, 0);
            t->years = o < 0 ? TPL_LINE_ONCE : (tpl_line_years)o;
        }
        if (source || t->years == TPL_LINE_ONCE) {
            /* `Y` of a source line: each year shown */
            if (source)
                for (int y = c->cat->n_years - c->deck->years_shown; y < c->cat->n_years; y++)
                    tpl_check_text(c->ini, t->ph, t->line, c->deck, c->cat, y);
            else
                tpl_check_text(c->ini, t->ph, t->line, c->deck, c->cat, -1);
            continue;
        }
        /* a per-year line: checked for each year it is printed for */
        int years[16];
        int n = tpl_line_years_of(t, c->deck, c->cat, years);
        for (int k = 0; k < n; k++)
            tpl_check_text(c->ini, t->ph, t->line, c->deck, c->cat, years[k]);
    }
}

static void load_box(page_ctx *c, tpl_block *b, bool cover)
{
    const tpl_theme *th = &c->deck->theme;
    int line = tpl_ini_line(c->ini, b->section, "box_mm");
    const char *v = tpl_ini_get(c->ini, b->section, "box_mm");
    if (!v) {
        tpl_error(c->ini, D_TEMPLATE, b->line, "[%s] misses the required key `box_mm`",
                  b->section);
        return;
    }
    const char *items[5];
    double xywh[4];
    int n = tpl_split_list(v, items, 5, c->mem);
    bool ok = n == 4;
    for (int i = 0; ok && i < 4; i++)
        ok = tpl_parse_number(items[i], &xywh[i]);
    if (!ok || xywh[2] <= 0 || xywh[3] <= 0) {
        tpl_error(c->ini, D_TEMPLATE, line,
                  "box_mm = `%s`: expected x, y, width, height in mm (width and height > 0)", v);
        return;
    }
    b->box = (tpl_box){xywh[0], xywh[1], xywh[2], xywh[3]};
    double top = cover ? 0 : th->title_band_mm;
    double bottom = cover ? th->height_mm : th->height_mm - th->footer_band_mm;
    const double eps = 1e-6;
    if (xywh[0] < -eps || xywh[1] < top - eps || xywh[0] + xywh[2] > th->width_mm + eps ||
        xywh[1] + xywh[3] > bottom + eps)
        tpl_error(c->ini, D_TEMPLATE_BOX, line,
                  "box_mm = `%s` (right %g, bottom %g mm) lies outside the page area x 0..%g, "
                  "y %g..%g mm",
                  v, xywh[0] + xywh[2], xywh[1] + xywh[3], th->width_mm, top, bottom);
}

static bool split_figure(page_ctx *c, const tpl_block *b, tpl_figure *fig)
{
    const char *v = tpl_get_string(c->ini, b->section, "figure", true);
    if (!v)
        return false;
    fig->line = tpl_ini_line(c->ini, b->section, "figure");
    const char *dot = strchr(v, '.');
    if (!dot || dot == v || !dot[1]) {
        tpl_error(c->ini, D_TEMPLATE_FIGURE, fig->line,
                  "figure = `%s`: expected PAGE.figure (P5.Q2)", v);
        return false;
    }
    fig->page = arena_strndup(c->mem, v, (size_t)(dot - v));
    fig->name = arena_strdup(c->mem, dot + 1);
    return true;
}

static void load_chart(page_ctx *c, tpl_block *b)
{
    tpl_ini *ini = c->ini;
    const char *sec = b->section;
    tpl_chart_block *ch = &b->as.chart;
    static const char *const types[] = {"stacked100", "grouped", "bars", "donut", NULL};
    static const char *const years[] = {"shown", "latest", NULL};
    static const char *const orders[] = {"rank", "code", NULL};
    static const char *const labels[] = {"count", "pct", "count_pct", "pct_count", NULL};
    static const char *const legends[] = {"auto", "none", "top", "bottom", "right", NULL};
    static const char *const bools[] = {"false", "true", NULL};

    if (!tpl_ini_get(ini, sec, "type"))
        tpl_error(ini, D_TEMPLATE, b->line, "[%s] misses the required key `type`", sec);
    int t = tpl_get_enum(ini, sec, "type", types, 2);
    ch->type = t < 0 ? CHART_BARS : (chart_type)t;
    int y = tpl_get_enum(ini, sec, "years", years,
                         ch->type == CHART_GROUPED_BARS || ch->type == CHART_STACKED100 ? 0 : 1);
    ch->years = y == 0 ? TPL_YEARS_SHOWN : TPL_YEARS_LATEST;
    /* statuses and other series keep their code order; bars rank by default */
    bool series_are_options = ch->type == CHART_STACKED100 || ch->type == CHART_DONUT;
    ch->order = tpl_get_enum(ini, sec, "order", orders, series_are_options) == 1 ? TPL_ORDER_CODE
                                                                               : TPL_ORDER_RANK;
    int l = tpl_get_enum(ini, sec, "labels", labels, 0);
    static const chart_label_format formats[] = {CHART_LABEL_COUNT, CHART_LABEL_PCT,
                                                 CHART_LABEL_COUNT_PCT, CHART_LABEL_PCT_COUNT};
    ch->labels = l < 0 ? CHART_LABEL_COUNT : formats[l];
    static const char *const roundings[] = {"half_up", "largest_remainder", NULL};
    ch->rounding = tpl_get_enum(ini, sec, "rounding", roundings, 0) == 1
                      ? TPL_ROUND_LARGEST_REMAINDER
                      : TPL_ROUND_HALF_UP;
    if (tpl_ini_get(ini, sec, "rounding") && ch->type != CHART_STACKED100 &&
        ch->type != CHART_DONUT)
        tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, "rounding"),
                  "rounding = `%s`: expected no rounding key on a %s chart; it chooses how the "
                  "shares of a stacked100 or donut chart add up to 100%%",
                  tpl_ini_get(ini, sec, "rounding"), t == 1 ? "grouped" : "bars");
    /* the page's 「※割合は四捨五入しており…」 when the shares miss 100.0; off
     * where the publication does without it (P4, P13) */
    static const char *const notes[] = {"auto", "off", NULL};
    ch->rounding_note = tpl_get_enum(ini, sec, "rounding_note", notes, 0) != 1;
    int lg = tpl_get_enum(ini, sec, "legend", legends, 0);
    ch->legend = lg < 0 ? CHART_LEGEND_AUTO : (chart_legend_pos)lg;
    ch->short_labels = tpl_get_enum(ini, sec, "short_labels", bools, 1) == 1;
    double columns = 0;
    if (tpl_get_number(ini, sec, "legend_columns", false, 1, 8, &columns) &&
        columns != (int)columns)
        tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, "legend_columns"),
                  "legend_columns = `%g`: expected a whole number 1 to 8", columns);
    ch->legend_columns = (int)columns;
    const char *key = tpl_get_string(ini, sec, "label_key", false);
    ch->label_key = key ? tpl_unescape(c->mem, key) : NULL;
    ch->size_pt = c->deck->theme.chart_pt;
    tpl_get_number(ini, sec, "size_pt", false, 4, 48, &ch->size_pt);
    ch->min_size_pt = ch->size_pt * TPL_MIN_SIZE_SHARE;
    tpl_get_number(ini, sec, "min_size_pt", false, 4, ch->size_pt, &ch->min_size_pt);
    const char *heading = tpl_get_string(ini, sec, "heading", false);
    const char *centre = tpl_get_string(ini, sec, "centre", false);
    static const char *const compares[] = {"none", "nation", NULL};
    ch->compare_nation = tpl_get_enum(ini, sec, "compare", compares, 0) == 1;
    double small = TPL_SMALL_BASE_DEFAULT;
    tpl_get_number(ini, sec, "small_base", false, 0, 1000, &small);
    ch->small_base = (int)small;
    const char *small_note = tpl_get_string(ini, sec, "small_note", false);
    if ((small_note || tpl_ini_get(ini, sec, "small_base")) && !ch->compare_nation)
        tpl_error(ini, D_TEMPLATE,
                  tpl_ini_line(ini, sec, small_note ? "small_note" : "small_base"),
                  "[%s] small_base and small_note belong to a chart with compare = nation", sec);
    if (small_note)
        ch->small_note = tpl_parse_checked(ini, small_note, tpl_ini_line(ini, sec, "small_note"),
                                           c->deck, c->cat, -1, c->mem);
    if (heading)
        ch->heading = tpl_parse_checked(ini, heading, tpl_ini_line(ini, sec, "heading"), c->deck,
                                        c->cat, -1, c->mem);
    if (centre)
        ch->centre = tpl_parse_checked(ini, centre, tpl_ini_line(ini, sec, "centre"), c->deck,
                                       c->cat, -1, c->mem);

    const char *pal = tpl_ini_get(ini, sec, "palette");
    if (pal) {
        ch->palette = tpl_theme_palette(&c->deck->theme, pal);
        if (!ch->palette)
            tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, "palette"),
                      "palette = `%s`: no such palette in the theme's [palettes]", pal);
    }

    const char *opts = tpl_ini_get(ini, sec, "options");
    ch->opt_mode = TPL_OPT_ALL;
    if (opts && strcmp(opts, "all") != 0) {
        int line = tpl_ini_line(ini, sec, "options");
        double n;
        if (strncmp(opts, "top ", 4) == 0 && tpl_parse_number(opts + 4, &n) && n >= 1 &&
            n <= TPL_MAX_CODES && n == (int)n) {
            ch->opt_mode = TPL_OPT_TOP;
            ch->top_n = (int)n;
        } else if (strncmp(opts, "codes ", 6) == 0) {
            const char *items[TPL_MAX_CODES + 1];
            int k = tpl_split_list(opts + 6, items, TPL_MAX_CODES, c->mem);
            ch->opt_mode = TPL_OPT_CODES;
            for (int i = 0; i < k; i++) {
                if (!tpl_parse_number(items[i], &n) || n < 1 || n > TPL_MAX_CODES ||
                    n != (int)n) {
                    k = -1;
                    break;
                }
                ch->codes[i] = (int)n;
            }
            if (k <= 0)
                tpl_error(ini, D_TEMPLATE, line,
                          "options = `%s`: expected codes N, N, … (option codes 1..%d)", opts,
                          TPL_MAX_CODES);
            ch->n_codes = k < 0 ? 0 : k;
        } else {
            tpl_error(ini, D_TEMPLATE, line, "options = `%s`: expected all, top N or codes N, N",
                      opts);
        }
    }

    const char *groups = tpl_ini_get(ini, sec, "groups");
    ch->n_groups = groups ? tpl_split_list(groups, ch->groups, TPL_MAX_GROUPS, c->mem) : 0;
    if (ch->n_groups < 0) {
        tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, "groups"), "more than %d groups",
                  TPL_MAX_GROUPS);
        ch->n_groups = 0;
    }
    if (ch->n_groups == 0) {
        ch->groups[0] = "全体";
        ch->n_groups = 1;
    }
    if (ch->type == CHART_DONUT && (ch->n_groups > 1 || ch->years == TPL_YEARS_SHOWN))
        tpl_error(ini, D_TEMPLATE, b->line,
                  "[%s] a donut shows one ring: use years = latest and at most one group", sec);

    if (!split_figure(c, b, &ch->fig))
        return;
    int latest = c->cat->n_years - 1;
    const fig_def *d = figures_def(c->cat, ch->fig.page, ch->fig.name);
    bool in_latest = d && !d->no_year && d->in_year[latest];
    for (int g = 0; g < ch->n_groups; g++)
        if (!in_latest || !figures_def_group(d, ch->groups[g]))
            tpl_error(ini, D_TEMPLATE_FIGURE, ch->fig.line,
                      "figure = `%s.%s`, group `%s`: no such figure in the figures of year %s "
                      "(see figures.h for the names)",
                      ch->fig.page, ch->fig.name, ch->groups[g], c->cat->years[latest].key);
    for (int i = 0; d && i < ch->n_codes; i++)
        if (!figures_def_option(d, ch->codes[i]))
            tpl_error(ini, D_TEMPLATE_FIGURE, tpl_ini_line(ini, sec, "options"),
                      "options = `%s`: %s.%s has no option %d (its codes are 1..%d)", opts,
                      ch->fig.page, ch->fig.name, ch->codes[i], d->n_options);
}

/* The columns of a [table] (cols_key) and the field each shows (fields_key;
 * by default 活用事例, 導入効果, 人口規模 in that order). */
static void load_columns(tpl_ini *ini, const char *sec, const char *cols_key,
                         const char *fields_key, bool required, tpl_table_columns *tc, arena *mem)
{
    int n = tpl_get_columns(ini, sec, cols_key, required, TPL_MAX_COLUMNS, tc->col_header,
                            tc->col_pct, mem);
    for (int i = 0; i < n; i++)
        tc->col_field[i] = (tpl_column_field)(i < 3 ? i : 2);
    tc->n_cols = n;
    const char *fields = tpl_ini_get(ini, sec, fields_key);
    if (!fields)
        return;
    const char *f[TPL_MAX_COLUMNS];
    int k = tpl_split_list(fields, f, TPL_MAX_COLUMNS, mem);
    static const char *const names[] = {"use_case", "effect", "population", "pref", NULL};
    int line = tpl_ini_line(ini, sec, fields_key);
    if (k != tc->n_cols)
        tpl_error(ini, D_TEMPLATE, line, "%s: %d given for %d columns", fields_key, k, tc->n_cols);
    for (int i = 0; i < k && i < tc->n_cols; i++) {
        int j = 0;
        while (names[j] && strcmp(names[j], f[i]) != 0)
            j++;
        if (!names[j])
            tpl_error(ini, D_TEMPLATE, line, "field `%s`: expected use_case, effect, population or pref",
                      f[i]);
        else
            tc->col_field[i] = (tpl_column_field)j;
    }
}

static void load_table(page_ctx *c, tpl_block *b)
{
    tpl_ini *ini = c->ini;
    const char *sec = b->section;
    tpl_table_block *tb = &b->as.table;
    const fig_def *d = split_figure(c, b, &tb->fig)
                           ? figures_def(c->cat, tb->fig.page, tb->fig.name)
                           : NULL;
    if (tb->fig.page &&
        (!d || d->no_year || !d->in_year[c->cat->n_years - 1] || !figures_def_group(d, "") ||
         !figures_def_option(d, 1)))
        tpl_error(ini, D_TEMPLATE_FIGURE, tb->fig.line,
                  "figure = `%s.%s`: no such table figure in year %s (expected P6.cases)",
                  tb->fig.page, tb->fig.name, c->cat->years[c->cat->n_years - 1].key);
    tb->size_pt = c->deck->theme.body_pt;
    tpl_get_number(ini, sec, "size_pt", false, 4, 48, &tb->size_pt);
    tb->min_size_pt = tb->size_pt * TPL_MIN_SIZE_SHARE;
    tpl_get_number(ini, sec, "min_size_pt", false, 4, tb->size_pt, &tb->min_size_pt);
    const char *empty = tpl_get_string(ini, sec, "empty", false);
    if (empty)
        tb->empty = tpl_parse_checked(ini, empty, tpl_ini_line(ini, sec, "empty"), c->deck, c->cat,
                                      -1, c->mem);
    load_columns(ini, sec, "columns", "fields", true, &tb->cols, c->mem);
    load_columns(ini, sec, "nation_columns", "nation_fields", false, &tb->nation_cols, c->mem);
}

static void load_text_style(page_ctx *c, tpl_block *b)
{
    tpl_ini *ini = c->ini;
    const char *sec = b->section;
    static const char *const aligns[] = {"left", "center", "right", NULL};
    static const char *const valigns[] = {"top", "bottom", NULL};
    static const char *const bools[] = {"false", "true", NULL};
    const tpl_theme *th = &c->deck->theme;
    tpl_text_block *tx = &b->as.text;
    tx->size_pt = th->body_pt;
    tx->font = th->font_body;
    tx->rgb = th->c_text;
    tpl_get_number(ini, sec, "size_pt", false, 4, 96, &tx->size_pt);
    tpl_get_font(ini, sec, "font", &tx->font);
    tpl_get_color(ini, sec, "color", &tx->rgb);
    int a = tpl_get_enum(ini, sec, "align", aligns, 0);
    tx->align = a < 0 ? DL_ALIGN_LEFT : (dl_align)a;
    tx->valign_bottom = tpl_get_enum(ini, sec, "valign", valigns, 0) == 1;
    tx->framed = tpl_get_enum(ini, sec, "frame", bools, 0) == 1;
}

/* [text] tag = h1 | h2 | auto (the whole block) and tagN (paragraph textN),
 * after its texts are loaded. */
static void load_text_tags(page_ctx *c, tpl_block *b)
{
    tpl_ini *ini = c->ini;
    const char *sec = b->section;
    static const char *const tags[] = {"auto", "h1", "h2", NULL};
    tpl_text_block *tx = &b->as.text;
    int whole = tpl_get_enum(ini, sec, "tag", tags, 0);
    tx->tag = whole > 0 ? (tpl_tag)whole : TPL_TAG_AUTO;
    for (int i = 0; i < ini->n_pos; i++) {
        const tpl_ini_pos *p = &ini->pos[i];
        int n = p->key && strcmp(p->section, sec) == 0 ? numbered_index(p->key, "tag") : -1;
        if (n < 1)
            continue;
        int t = tpl_get_enum(ini, sec, p->key, tags, 0);
        char text_key[16];
        snprintf(text_key, sizeof text_key, "text%d", n);
        int text_line = tpl_ini_line(ini, sec, text_key);
        int k = 0;
        while (k < tx->lines.n && tx->lines.at[k].line != text_line)
            k++;
        if (!tpl_ini_get(ini, sec, text_key) || k == tx->lines.n)
            tpl_error(ini, D_TEMPLATE, p->line, "%s: [%s] has no %s to tag", p->key, sec,
                      text_key);
        else if (tx->tag != TPL_TAG_AUTO)
            tpl_error(ini, D_TEMPLATE, p->line,
                      "%s: expected no tagN where `tag = %s` makes the whole block one heading",
                      p->key, tags[tx->tag]);
        else if (t > 0)
            tx->lines.at[k].tag = (tpl_tag)t;
    }
}

static void check_overlaps(page_ctx *c, const tpl_page *pg)
{
    for (int i = 0; i < pg->n_blocks; i++)
        for (int j = i + 1; j < pg->n_blocks; j++) {
            const tpl_box *a = &pg->blocks[i].box, *b = &pg->blocks[j].box;
            if (a->w_mm <= 0 || b->w_mm <= 0)
                continue; /* already reported */
            const double eps = 1e-6;
            if (a->x_mm + a->w_mm > b->x_mm + eps && b->x_mm + b->w_mm > a->x_mm + eps &&
                a->y_mm + a->h_mm > b->y_mm + eps && b->y_mm + b->h_mm > a->y_mm + eps)
                tpl_error(c->ini, D_TEMPLATE_BOX,
                          tpl_ini_line(c->ini, pg->blocks[j].section, "box_mm"),
                          "box of [%s] overlaps the box of [%s] (line %d)",
                          pg->blocks[j].section, pg->blocks[i].section,
                          tpl_ini_line(c->ini, pg->blocks[i].section, "box_mm"));
        }
}

const tpl_lines *tpl_block_lines(const tpl_block *b)
{
    switch (b->kind) {
    case TPL_LEAD:
    case TPL_NOTES:
        return &b->as.lines;
    case TPL_TEXT:
        return &b->as.text.lines;
    case TPL_SOURCE:
        return &b->as.source.lines;
    case TPL_CHART:
    case TPL_TABLE:
    case TPL_MUNITABLE:
    case TPL_RANKING:
    case TPL_BODYSHEET:
    case TPL_KEYTABLE:
        break;
    }
    return NULL;
}

bool tpl_page_load(tpl_page *pg, const char *path, const tpl_deck *deck,
                   const fig_catalogue *cat, arena *mem, diags *d)
{
    memset(pg, 0, sizeof *pg);
    pg->file = arena_strdup(mem, path);
    tpl_ini ini;
    if (!tpl_ini_open(&ini, path, mem, d)) {
        tpl_ini_close(&ini);
        return false;
    }
    page_ctx c = {.ini = &ini, .deck = deck, .cat = cat, .mem = mem};

    if (!tpl_ini_line(&ini, "page", NULL))
        tpl_error(&ini, D_TEMPLATE, 0, "missing section [page]");
    tpl_check_keys(&ini, "page", page_key);
    static const char *const kinds[] = {"content", "cover", NULL};
    pg->cover = tpl_get_enum(&ini, "page", "kind", kinds, 0) == 1;
    const char *title = tpl_get_string(&ini, "page", "title", true);
    if (title)
        pg->title = tpl_parse_checked(&ini, title, tpl_ini_line(&ini, "page", "title"), deck, cat,
                                      -1, mem);

    int n_sections = 0;
    for (int i = 0; i < ini.n_pos; i++)
        n_sections += !ini.pos[i].key;
    pg->blocks = ARENA_NEW(mem, tpl_block, n_sections ? n_sections : 1);
    for (int i = 0; i < ini.n_pos; i++) {
        const tpl_ini_pos *p = &ini.pos[i];
        if (p->key || strcmp(p->section, "page") == 0)
            continue;
        int kind = block_kind(p->section);
        if (kind < 0) {
            tpl_error(&ini, D_TEMPLATE, p->line,
                      "unknown section [%s]: expected page, lead, text, text2…, chart, "
                      "chart2…, table, notes, source, munitable, ranking, bodysheet or keytable",
                      p->section);
            continue;
        }
        tpl_block *b = &pg->blocks[pg->n_blocks++];
        b->kind = (tpl_block_kind)kind;
        b->section = p->section;
        b->line = p->line;
        bool (*known)(const char *) = kind == TPL_LEAD || kind == TPL_NOTES ? lead_key
                                      : kind == TPL_TEXT                    ? text_key
                                      : kind == TPL_SOURCE                  ? source_key
                                      : kind == TPL_CHART                   ? chart_key
                                      : kind == TPL_TABLE                   ? table_key
                                      : kind == TPL_KEYTABLE                ? tpl_keytable_key
                                                                            : tpl_pref_block_key;
        tpl_check_keys(&ini, b->section, known);
        load_box(&c, b, pg->cover);
        switch (b->kind) {
        case TPL_CHART:
            load_chart(&c, b);
            break;
        case TPL_TABLE:
            load_table(&c, b);
            break;
        case TPL_SOURCE: {
            static const char *const years[] = {"shown", "latest", NULL};
            b->as.source.years = tpl_get_enum(&ini, b->section, "years", years, 0) == 1
                                     ? TPL_YEARS_LATEST
                                     : TPL_YEARS_SHOWN;
            load_texts(&c, b, &b->as.source.lines, true);
            break;
        }
        case TPL_TEXT:
            load_text_style(&c, b);
            load_texts(&c, b, &b->as.text.lines, false);
            load_text_tags(&c, b);
            break;
        case TPL_LEAD:
        case TPL_NOTES:
            load_texts(&c, b, &b->as.lines, false);
            break;
        case TPL_MUNITABLE:
        case TPL_RANKING:
        case TPL_BODYSHEET:
        case TPL_KEYTABLE:
            tpl_load_pref_block(&ini, b, deck, cat, mem);
            break;
        }
        const tpl_lines *lines = tpl_block_lines(b);
        if (lines && lines->n == 0)
            tpl_error(&ini, D_TEMPLATE, b->line, "[%s] has no text (text = … or text1 = …)",
                      b->section);
    }
    check_overlaps(&c, pg);
    bool ok = ini.ok;
    tpl_ini_close(&ini);
    return ok;
}
