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
#include "textbuf.h"

#include <string.h>

/* Text with its line breaks dropped ("計\n1,743件" -> 計1,743件). */
static void put_flat(textbuf *b, const char *s)
{
    for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1)
        textbuf_put(b, s, (size_t)(nl - s));
    textbuf_puts(b, s);
}

static void quoted(textbuf *b, const char *s)
{
    textbuf_puts(b, "「");
    put_flat(b, s ? s : "");
    textbuf_puts(b, "」");
}

/* One value as printed, with the unit after its count. */
static void value(textbuf *b, const chart_spec *c, int cat, int series, const char *unit)
{
    int i = cat * c->n_series + series;
    const char *label = c->value_labels ? c->value_labels[i] : NULL;
    char num[NUMFMT_MAX];
    if (!label)
        label = numfmt_int(num, (long long)(c->values[i] + 0.5));
    const char *nl = strchr(label, '\n');
    const char *count = label, *count_end = nl ? nl : label + strlen(label);
    bool is_pct = count_end > count && count_end[-1] == '%';
    textbuf_put(b, count, (size_t)(count_end - count));
    if (!is_pct && unit)
        textbuf_puts(b, unit);
    if (nl) {
        textbuf_puts(b, "（");
        textbuf_puts(b, nl + 1);
        textbuf_puts(b, "）");
    }
}

static const char *cat_name(const chart_spec *c, int k)
{
    return c->cats && c->cats[k] ? c->cats[k] : "";
}

static void shares(textbuf *b, const chart_spec *c, const char *unit)
{
    bool single_ring = c->type == CHART_DONUT && c->n_cats == 1;
    for (int k = 0; k < c->n_cats; k++) {
        if (!single_ring) {
            if (c->cat_groups && c->cat_groups[k]) {
                put_flat(b, c->cat_groups[k]);
                textbuf_puts(b, "の");
            }
            put_flat(b, cat_name(c, k));
            textbuf_puts(b, "：");
        }
        for (int s = 0; s < c->n_series; s++) {
            if (s)
                textbuf_puts(b, "、");
            quoted(b, c->series ? c->series[s] : "");
            value(b, c, k, s, unit);
        }
        textbuf_puts(b, "。");
    }
}

static void grouped(textbuf *b, const chart_spec *c, const char *unit)
{
    for (int k = 0; k < c->n_cats; k++) {
        quoted(b, cat_name(c, k));
        textbuf_puts(b, "：");
        for (int s = 0; s < c->n_series; s++) {
            if (s)
                textbuf_puts(b, "、");
            put_flat(b, c->series ? c->series[s] : "");
            value(b, c, k, s, unit);
        }
        textbuf_puts(b, "。");
    }
}

static void bars(textbuf *b, const chart_spec *c, const char *unit)
{
    for (int k = 0; k < c->n_cats; k++) {
        if (k)
            textbuf_puts(b, "、");
        quoted(b, cat_name(c, k));
        value(b, c, k, 0, unit);
    }
    if (c->n_cats > 0)
        textbuf_puts(b, "。");
}

const char *chart_alt_text(const chart_spec *c, const chart_alt_words *w, arena *mem)
{
    textbuf b = {0};
    if (w && w->title && *w->title) {
        put_flat(&b, w->title);
        textbuf_puts(&b, "。");
    }
    if (w && w->scope && *w->scope) {
        textbuf_puts(&b, "対象は");
        textbuf_puts(&b, w->scope);
        textbuf_puts(&b, "。");
    }
    if (c->type == CHART_DONUT && c->centre_text && *c->centre_text) {
        put_flat(&b, c->centre_text);
        textbuf_puts(&b, "。");
    }
    const char *unit = w ? w->unit : NULL;
    if (c->values && c->n_series > 0)
        switch (c->type) {
        case CHART_STACKED100:
        case CHART_DONUT: shares(&b, c, unit); break;
        case CHART_GROUPED_BARS: grouped(&b, c, unit); break;
        case CHART_BARS: bars(&b, c, unit); break;
        }
    const char *out = arena_strndup(mem, b.data ? b.data : "", b.len);
    textbuf_free(&b);
    return out;
}
