/* chart_alt.c - a chart's data as text: the alternative text of a chart
 * image (the HTML pages' <img alt>, the PDF's Figure /Alt).
 *
 * Built from the spec alone — the categories, series and value labels the
 * chart draws, in the order it draws them — so the text cannot drift from
 * the picture and knows nothing of the survey. Pattern (design §6):
 *   title。[対象は scope。][centre。] body
 * where a value is its printed label with the unit put in: "852\n47.7%" ->
 * 852団体（47.7%）, "1,180" -> 1,180団体, "47.7%" -> 47.7%. Labels are
 * quoted 「…」 because they contain 、. Zero values are included, so every
 * category lists the same series.
 *   stacked100, donut  per category: [group の]category：「s1」v、「s2」v。
 *                      (a single ring without a category name: no lead)
 *   grouped            per category: 「cat」：series v、series v。
 *   bars               「cat」v、「cat」v。 */
#include "chart.h"

#include "numfmt.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *p;
    size_t len, cap;
} alt_buf;

static void put(alt_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(alt_buf *b, const char *s) { put(b, s, strlen(s)); }

/* Text with its line breaks dropped ("計\n1,743件" -> 計1,743件). */
static void put_flat(alt_buf *b, const char *s)
{
    for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1)
        put(b, s, (size_t)(nl - s));
    puts_(b, s);
}

static void quoted(alt_buf *b, const char *s)
{
    puts_(b, "「");
    put_flat(b, s ? s : "");
    puts_(b, "」");
}

/* One value as printed, with the unit after its count. */
static void value(alt_buf *b, const chart_spec *c, int cat, int series, const char *unit)
{
    int i = cat * c->n_series + series;
    const char *label = c->value_labels ? c->value_labels[i] : NULL;
    char num[NUMFMT_MAX];
    if (!label)
        label = numfmt_int(num, (long long)(c->values[i] + 0.5));
    const char *nl = strchr(label, '\n');
    const char *count = label, *count_end = nl ? nl : label + strlen(label);
    bool is_pct = count_end > count && count_end[-1] == '%';
    put(b, count, (size_t)(count_end - count));
    if (!is_pct && unit)
        puts_(b, unit);
    if (nl) {
        puts_(b, "（");
        puts_(b, nl + 1);
        puts_(b, "）");
    }
}

static const char *cat_name(const chart_spec *c, int k)
{
    return c->cats && c->cats[k] ? c->cats[k] : "";
}

static void shares(alt_buf *b, const chart_spec *c, const char *unit)
{
    bool single_ring = c->type == CHART_DONUT && c->n_cats == 1;
    for (int k = 0; k < c->n_cats; k++) {
        if (!single_ring) {
            if (c->cat_groups && c->cat_groups[k]) {
                put_flat(b, c->cat_groups[k]);
                puts_(b, "の");
            }
            put_flat(b, cat_name(c, k));
            puts_(b, "：");
        }
        for (int s = 0; s < c->n_series; s++) {
            if (s)
                puts_(b, "、");
            quoted(b, c->series ? c->series[s] : "");
            value(b, c, k, s, unit);
        }
        puts_(b, "。");
    }
}

static void grouped(alt_buf *b, const chart_spec *c, const char *unit)
{
    for (int k = 0; k < c->n_cats; k++) {
        quoted(b, cat_name(c, k));
        puts_(b, "：");
        for (int s = 0; s < c->n_series; s++) {
            if (s)
                puts_(b, "、");
            put_flat(b, c->series ? c->series[s] : "");
            value(b, c, k, s, unit);
        }
        puts_(b, "。");
    }
}

static void bars(alt_buf *b, const chart_spec *c, const char *unit)
{
    for (int k = 0; k < c->n_cats; k++) {
        if (k)
            puts_(b, "、");
        quoted(b, cat_name(c, k));
        value(b, c, k, 0, unit);
    }
    if (c->n_cats > 0)
        puts_(b, "。");
}

const char *chart_alt_text(const chart_spec *c, const chart_alt_words *w, arena *mem)
{
    alt_buf b = {0};
    puts_(&b, "");
    if (w && w->title && *w->title) {
        put_flat(&b, w->title);
        puts_(&b, "。");
    }
    if (w && w->scope && *w->scope) {
        puts_(&b, "対象は");
        puts_(&b, w->scope);
        puts_(&b, "。");
    }
    if (c->type == CHART_DONUT && c->centre_text && *c->centre_text) {
        put_flat(&b, c->centre_text);
        puts_(&b, "。");
    }
    const char *unit = w ? w->unit : NULL;
    if (c->values && c->n_series > 0)
        switch (c->type) {
        case CHART_STACKED100:
        case CHART_DONUT: shares(&b, c, unit); break;
        case CHART_GROUPED_BARS: grouped(&b, c, unit); break;
        case CHART_BARS: bars(&b, c, unit); break;
        }
    const char *out = arena_strdup(mem, b.p);
    free(b.p);
    return out;
}
