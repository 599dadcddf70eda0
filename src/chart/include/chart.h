/* chart.h - charts as pure geometry: a chart_spec in, drawlist items out.
 *
 * A chart knows nothing about the survey: it gets categories, series, values
 * and (usually) preformatted labels, and a box in page points (top-left
 * origin, y down, as drawlist.h). Shapes are built with cairo paths and copied
 * into the drawlist as DL_FILL / DL_STROKE items; every label is a DL_TEXT
 * item, so the PDF carries real text. Everything a chart emits lies inside its
 * box, so charts compose (two side by side on P19).
 *
 * Chart types and how the spec's arrays are read:
 *   CHART_STACKED100  one bar per category, one segment per series, each bar
 *                     scaled to 100 % of its own total (P3, P4, P11).
 *   CHART_GROUPED_BARS one bar per series (year) per category (P5, P8, P9, P17).
 *   CHART_BARS        one series (P12, P15, P16, P18, P19).
 *   CHART_DONUT       a ring per category (up to 4, side by side, titled by
 *                     the category when more than one); the series are its
 *                     slices (P10, P13, P14): a stacked bar bent into a circle.
 *                     Slice labels carry the series name unless a legend is
 *                     shown.
 * values[cat * n_series + series] in every case.
 */
#ifndef AIREPORT_CHART_H
#define AIREPORT_CHART_H

#include "diag.h"
#include "drawlist.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Advance width of utf8 set in font at size_pt, in pt. */
typedef double (*chart_measure_fn)(void *ctx, const char *utf8, double size_pt, font_role font);

typedef enum { CHART_STACKED100, CHART_GROUPED_BARS, CHART_BARS, CHART_DONUT } chart_type;

/* CHART_LEGEND_AUTO: top for stacked bars and grouped bars, none for single
 * series bars, right for donuts. */
typedef enum {
    CHART_LEGEND_AUTO,
    CHART_LEGEND_NONE,
    CHART_LEGEND_TOP,
    CHART_LEGEND_BOTTOM,
    CHART_LEGEND_RIGHT
} chart_legend_pos;

/* How labels are formatted when value_labels is NULL (with numfmt.h, as
 * every number of the deck). Percentages are of the bar's total (stacked,
 * donut) or of spec.total (bars), rounded half up to one decimal; callers
 * that need another rounding pass value_labels. AUTO: count and % for stacked bars and donuts, and for bars
 * when spec.total is set; count alone otherwise. */
typedef enum {
    CHART_LABEL_AUTO,
    CHART_LABEL_COUNT,
    CHART_LABEL_PCT,
    CHART_LABEL_COUNT_PCT, /* 785 over 45.6%, or 785（45.6%） */
    CHART_LABEL_PCT_COUNT  /* 45.6% over 785, or 45.6%（785） */
} chart_label_format;

/* What a text the chart prints shows (for provenance: every printed number
 * is accounted for by the caller). */
typedef enum {
    CHART_TEXT_VALUE,    /* the value label of (cat, series) */
    CHART_TEXT_TICK,     /* an axis tick label */
    CHART_TEXT_CATEGORY, /* cats[cat] (a ring title for donuts) */
    CHART_TEXT_SERIES,   /* series[series] (legend, donut slice name) */
    CHART_TEXT_GROUP,    /* cat_groups[cat] */
    CHART_TEXT_CENTRE    /* the donut's centre text */
} chart_text_role;

/* Called once per printed text, with the whole label (before wrapping);
 * cat / series are -1 where they do not apply. */
typedef void (*chart_printed_fn)(void *ctx, chart_text_role role, int cat, int series,
                                 const char *text);

typedef struct {
    chart_type type;
    double x_pt, y_pt, w_pt, h_pt; /* the box; nothing is drawn outside it */

    int n_series;
    const char *const *series;   /* legend / slice labels */
    const uint32_t *series_rgb;  /* 0xRRGGBB per series; NULL = default palette */

    int n_cats;
    const char *const *cats;       /* bar labels, in drawing order (top first) */
    const char *const *cat_groups; /* optional heading per category (P4); a
                                      heading row is drawn where it changes */

    const double *values; /* [cat * n_series + series], >= 0 */
    /* Optional, same indexing: no value at all (an option the year did not
     * offer): bars draw nothing there, not even a 0 label. NULL = none. */
    const bool *absent;
    /* Optional preformatted labels, same indexing; NULL entries or a NULL
     * array = formatted from values. A '\n' separates two lines (count over
     * percentage) which are joined as "785（45.6%）" where two lines do not fit. */
    const char *const *value_labels;

    chart_legend_pos legend;
    /* Legend rows or a top/bottom legend laid out as a grid of this many
     * columns, entries row by row (0: as many per row as fit). */
    int legend_columns;
    /* Optional key to the value labels (「全体に占める%, 団体数」; '\n' =
     * lines), set right-aligned beside the legend's first row (or at the
     * top of the box without a legend). */
    const char *label_key;
    chart_label_format label_format;
    double total;        /* CHART_BARS / GROUPED: base of percentages (0 = none) */
    /* CHART_BARS / GROUPED: the axis reaches at least this value, so that
     * charts of one unit on a page share a scale (P19); 0 = its own. */
    double scale_max;
    double font_size_pt; /* 0 = 8 pt */
    /* Category and legend labels are set smaller, down to this, before a
     * word of theirs is broken (linebreak.h); 0 = never smaller. */
    double min_font_size_pt;
    uint32_t text_rgb;   /* 0 = dark grey 0x333333 */
    bool no_grid;        /* no gridlines and tick labels */
    /* CHART_BARS / GROUPED: the values are percentages of a base (0..100):
     * the axis ends at 100 at the most (never on an empty 120 %), ticks read
     * "20%", and a label that does not fit after its bar goes inside it. */
    bool pct_axis;
    const char *centre_text; /* CHART_DONUT: optional text in the hole ('\n' = lines) */
    /* CHART_STACKED100: the categories come in pairs (a prefecture's bar, then
     * the nation's): the two bars of a pair stand close together and the
     * labels of the second bar's thin segments go below it, so that every
     * label sits by its own bar. */
    bool pairs;
    chart_printed_fn printed; /* optional */
    void *printed_ctx;
} chart_spec;

/* Where the chart put things, for tests and for callers that align notes. */
typedef struct {
    double plot_x_pt, plot_y_pt, plot_w_pt, plot_h_pt; /* bars: the value axis area */
    double cx_pt, cy_pt, r_outer_pt, r_inner_pt;       /* donut */
    double axis_max;                                   /* bars: value at plot right edge */
} chart_geom;

/* Appends the chart to out. On a spec that cannot be drawn (no series, a box
 * too small for the categories, labels that cannot fit) reports D_TEMPLATE or
 * D_TEXT_OVERFLOW against context (e.g. "layouts/p04.ini [chart]"), leaves out
 * as it was and returns false. */
bool chart_draw(const chart_spec *c, drawlist *out, chart_measure_fn measure, void *ctx,
                diags *d, const char *context);
/* The same, also reporting the geometry (geom may be NULL). */
bool chart_draw_geom(const chart_spec *c, drawlist *out, chart_measure_fn measure, void *ctx,
                     diags *d, const char *context, chart_geom *geom);

/* The words of a chart's alternative text that its spec does not hold. */
typedef struct {
    const char *title; /* the chart's heading, else the page title, as printed */
    const char *scope; /* who answered and which years: "全団体、令和5年度～令和7年度"; NULL */
    const char *unit;  /* after each count: "団体", "件"; NULL for none */
} chart_alt_words;

/* The chart's data as text, in the order the chart draws it, from the spec's
 * own categories, series and value labels (values formatted as counts where
 * the spec has no labels): "title。対象は scope。" then one sentence per
 * category (chart_alt.c has the pattern). The same text serves the HTML
 * pages' alt and the PDF's Figure /Alt. String in mem. */
const char *chart_alt_text(const chart_spec *c, const chart_alt_words *w, arena *mem);

/* Default palettes: muted navy-to-grey for statuses (6), one hue light to
 * dark for years (the latest year darkest). */
extern const uint32_t chart_palette_status[6];
extern const uint32_t chart_palette_years3[3];

/* Gridline step for values up to max, about target_ticks steps:
 * 1, 2, 2.5 or 5 x 10^k, at least 1 (counts have no fractions). */
double chart_nice_step(double max, int target_ticks);

#endif
