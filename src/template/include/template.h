/* template.h - the deck's INI templates (deck.ini, theme.ini, pages/pNN.ini)
 * loaded and validated once, read-only afterwards.
 *
 * Format: docs/templates.md. iniparser reads the values; because it keeps no
 * line numbers, the loader scans each file's text itself so that every
 * problem is reported as `file:line: message` (D_TEMPLATE, D_TEMPLATE_FIGURE,
 * D_TEMPLATE_BOX). Every text is parsed once (placeholder.h) and its figure
 * names and placeholders are checked against the catalogue of figures at
 * load, without values: a typo fails before any number is computed.
 * All memory belongs to the arena given to tpl_deck_load().
 */
#ifndef AIREPORT_TEMPLATE_H
#define AIREPORT_TEMPLATE_H

#include "arena.h"
#include "chart.h"
#include "diag.h"
#include "drawlist.h"
#include "figures.h"
#include "placeholder.h"

#include <stdbool.h>
#include <stdint.h>

enum {
    TPL_MAX_TEXT = 12,    /* text1 .. text12 per block */
    TPL_MAX_GROUPS = 8,
    TPL_MAX_CODES = FIG_MAX_OPTIONS,
    TPL_MAX_COLUMNS = 6,
    TPL_MAX_PALETTES = 16,
    TPL_MAX_COLORS = 16,
    TPL_MAX_PAGES = 64,
    TPL_MAX_VARS = 16,    /* [report] variables of a deck file */
    TPL_MAX_KEYROWS = 24, /* row1 .. row24 of a [keytable] */
    TPL_KEY_COLUMNS = 8   /* question, indicator, base, own, n, nation, rank, change */
};
/* A chart's or key table's share of a prefecture counted on fewer bodies
 * (or answers) than this is printed as a count, with a caveat note. */
#define TPL_SMALL_BASE_DEFAULT 10

typedef enum {
    TPL_LEAD,   /* ● / - bullets on a tinted box */
    TPL_TEXT,   /* free text lines (cover, overview) */
    TPL_CHART,  /* chart, chart2 */
    TPL_TABLE,  /* the P6 case table */
    TPL_NOTES,  /* ※ footnotes */
    TPL_SOURCE, /* source lines, one per shown year */
    TPL_MUNITABLE, /* prefecture report: its municipalities, over as many pages as needed */
    TPL_RANKING,   /* the 47 prefectures ranked (appendix, prefecture report) */
    TPL_BODYSHEET, /* body sheet: one body's answers beside its prefecture, band, nation */
    TPL_KEYTABLE   /* prefecture report: one row per question, beside the nation */
} tpl_block_kind;

/* Where a block does not say min_size_pt: labels and cells may be set this
 * share of their size before a word of theirs is broken (linebreak.h). */
#define TPL_MIN_SIZE_SHARE 0.85

/* The page `appendix = true` in a deck file appends (relative to layouts/). */
#define TPL_APPENDIX_PAGE "pages/a01_pref_ranking.ini"

typedef enum { TPL_YEARS_SHOWN, TPL_YEARS_LATEST } tpl_years;
typedef enum { TPL_ORDER_RANK, TPL_ORDER_CODE } tpl_order;
/* Percent labels of a bar's (or ring's) shares: each half up (the deck's
 * rule; the rounding note is added when they miss 100.0), or largest
 * remainder so that they sum to exactly 100.0. */
typedef enum { TPL_ROUND_HALF_UP, TPL_ROUND_LARGEST_REMAINDER } tpl_rounding;
typedef enum { TPL_OPT_ALL, TPL_OPT_TOP, TPL_OPT_CODES } tpl_opt_mode;
typedef enum {
    TPL_COL_USE_CASE,
    TPL_COL_EFFECT,
    TPL_COL_POPULATION,
    TPL_COL_PREF /* the prefecture of the case's body */
} tpl_column_field;

typedef struct {
    double x_mm, y_mm, w_mm, h_mm;
} tpl_box;

/* A text line printed once, or once per year shown (`textN.years =
 * oldest-first | newest-first`, `Y` naming the year; a year that lacks what
 * the line says, ph_year_has, is left out). */
typedef enum { TPL_LINE_ONCE, TPL_LINE_OLDEST_FIRST, TPL_LINE_NEWEST_FIRST } tpl_line_years;
/* What text is in the document's structure (tagged PDF): auto = a list
 * item when it starts with a list marker (●, ■, ・), else a paragraph; or
 * a heading. */
typedef enum { TPL_TAG_AUTO, TPL_TAG_H1, TPL_TAG_H2 } tpl_tag;

typedef struct {
    const char *text;  /* raw, with placeholders */
    int line;
    const ph_text *ph; /* parsed */
    tpl_line_years years;
    tpl_tag tag;       /* [text] tagN: this paragraph's role */
} tpl_text;

typedef struct {
    const char *name;    /* palette name */
    int n;
    uint32_t rgb[TPL_MAX_COLORS];
} tpl_palette;

/* The text lines of a block (text, text1 .. text12). */
typedef struct {
    int n;
    tpl_text at[TPL_MAX_TEXT];
} tpl_lines;

/* [text], [text2] …: free text in its own style. */
typedef struct {
    tpl_lines lines;
    double size_pt;
    font_role font;
    uint32_t rgb;        /* text colour */
    dl_align align;
    bool valign_bottom;  /* text sits at the bottom of its box */
    bool framed;         /* a thin frame around the box */
    tpl_tag tag;         /* H1/H2: the whole block is one heading */
} tpl_text_block;

/* [source]: each line once per shown year (or for the latest only). */
typedef struct {
    tpl_lines lines;
    tpl_years years;
} tpl_source_block;

/* A `figure = PAGE.name` key: "P4", "status_by_group", its line. */
typedef struct {
    const char *page, *name;
    int line;
} tpl_figure;

/* [chart], [chart2] …: a figure drawn as a chart. */
typedef struct {
    tpl_figure fig;
    chart_type type;
    tpl_years years;
    int n_groups;
    const char *groups[TPL_MAX_GROUPS];
    tpl_opt_mode opt_mode;
    int top_n;
    int n_codes;
    int codes[TPL_MAX_CODES];
    tpl_order order;
    chart_label_format labels;
    tpl_rounding rounding; /* stacked100 / donut */
    bool rounding_note;    /* half-up shares missing 100.0 give the page the rounding note */
    chart_legend_pos legend;
    int legend_columns;    /* a grid of this many columns; 0 = as many as fit */
    const char *label_key; /* what the value labels show (「全体に占める%, 団体数」) */
    const tpl_palette *palette; /* NULL = chart default */
    bool short_labels;
    const ph_text *heading;     /* optional heading line above the chart */
    const ph_text *centre;      /* donut: text in the hole */
    double size_pt;
    double min_size_pt;  /* labels shrink down to this before a word is broken */
    bool compare_nation; /* the scope's bars beside the nation's (compare = nation) */
    /* compare = nation: a bar of the scope counted on fewer than small_base
     * bodies (or answers) prints counts, and the page gets small_note */
    int small_base;
    const ph_text *small_note; /* NULL: the layout's own wording */
} tpl_chart_block;

/* The columns of a [table]: header, width (% of the box) and field. */
typedef struct {
    int n_cols; /* 0: none */
    const char *col_header[TPL_MAX_COLUMNS];
    double col_pct[TPL_MAX_COLUMNS];
    tpl_column_field col_field[TPL_MAX_COLUMNS];
} tpl_table_columns;

/* [table]: the P6 case table. */
typedef struct {
    tpl_figure fig;
    double size_pt;
    double min_size_pt; /* a cell is set smaller, down to this, before a word of it is broken */
    tpl_table_columns cols;
    /* a prefecture report's scope without case lists the nation's cases in
     * these columns (`nation_columns`, `nation_fields`; n_cols 0: it prints
     * `empty`) */
    tpl_table_columns nation_cols;
    const ph_text *empty; /* printed instead when the scope has no case (NULL: none) */
} tpl_table_block;

/* [ranking] (template_pref.c). */
typedef struct {
    double size_pt;
    bool by_guideline; /* by the 策定済 share instead of the 導入済 share */
    int columns;       /* the 47 rows set in this many column groups */
} tpl_ranking_block;

/* [munitable], [bodysheet] (template_pref.c): tables laid out from the
 * document's scope; only their type size is set in the template. */
typedef struct {
    double size_pt;
} tpl_sheet_block;

/* One row of a [keytable]: `rowN = FIGURE[group,option] | 設問 | 指標 | 対象`, the
 * figure read in the latest year; a text left empty is the question's title
 * (設問) or the option's short label (指標). */
typedef struct {
    tpl_figure fig;
    const char *group;        /* "" for `-` */
    int option;               /* 0 for `-` */
    const ph_text *text[3];   /* 設問, 指標, 対象; NULL = the default */
    int line;
} tpl_keyrow;

/* [keytable] (template_pref.c): the prefecture's key indicators, one row per
 * question of the national deck: its value, the nation's, its rank among the
 * 47 and the change since the year before. */
typedef struct {
    double size_pt;
    const ph_text *head[TPL_KEY_COLUMNS]; /* `columns = header:width%, …` */
    double pct[TPL_KEY_COLUMNS];
    int small_base;                       /* a base below it: the value in （ ） */
    const ph_text *small_note;            /* the note added when a row is small */
    int n_rows;
    tpl_keyrow rows[TPL_MAX_KEYROWS];
} tpl_keytable_block;

/* One [section] of a page: what every block has, then the data of its kind
 * (as cmark's node->as): read `as.chart` only when kind is TPL_CHART. */
typedef struct {
    tpl_block_kind kind;
    const char *section; /* as spelled in the file, lower case ("chart2") */
    int line;            /* line of the [section] header */
    tpl_box box;
    union {
        tpl_lines lines;           /* TPL_LEAD, TPL_NOTES (the theme's style) */
        tpl_text_block text;       /* TPL_TEXT */
        tpl_source_block source;   /* TPL_SOURCE */
        tpl_chart_block chart;     /* TPL_CHART */
        tpl_table_block table;     /* TPL_TABLE */
        tpl_ranking_block ranking; /* TPL_RANKING */
        tpl_sheet_block sheet;     /* TPL_MUNITABLE, TPL_BODYSHEET */
        tpl_keytable_block *keytable; /* TPL_KEYTABLE (large: kept aside) */
    } as;
} tpl_block;

typedef struct {
    const char *file;     /* path as opened, for messages */
    const ph_text *title; /* title bar and outline entry; NULL = none */
    bool cover;          /* no title bar, no page number */
    int n_blocks;
    tpl_block *blocks;
} tpl_page;

typedef struct {
    double width_mm, height_mm, margin_mm;
    double title_band_mm;  /* height of the title bar band at the top */
    double footer_band_mm; /* band at the bottom for the page number */
    font_role font_body, font_title;
    double title_pt, lead_pt, body_pt, note_pt, source_pt, chart_pt, page_no_pt;
    uint32_t c_title, c_title_text, c_text, c_accent, c_lead_bg, c_rule, c_sample, c_muted,
        c_table_head, c_table_rule;
    int n_palettes;
    tpl_palette palettes[TPL_MAX_PALETTES];
} tpl_theme;

typedef struct {
    const char *dir;     /* layouts directory */
    const char *file;    /* deck.ini path */
    const char *title, *subject, *keywords, *author; /* as written */
    const ph_text *title_text; /* the document title, parsed */
    /* ISO date of {deck.edition}: the deck file's `edition` (or a
     * prefecture override's) when given, else the latest survey year's
     * `published`; NULL when neither exists */
    const char *edition;
    bool edition_override; /* it came from a deck or override file */
    int years_shown;
    tpl_theme theme;
    int n_pages;
    tpl_page *pages;
    bool appendix;       /* deck.ini appendix = true: TPL_APPENDIX_PAGE was appended */
    /* what `build` writes beside the PDF (true unless switched off): the
     * workbook, the HTML page with its chart files, and (read from the
     * national deck.ini only) the figures export for Excel; chart_png:
     * the web page's charts also as PNG at 300 dpi beside the SVG (most of
     * the whole build's time: README, Performance) */
    bool workbook, web, excel_csv, chart_png;
    /* [report] NAME = text: {deck.NAME} in any template (a cover line, extra
     * notes), replaceable by a prefecture's own override file */
    int n_vars;
    const char *var_name[TPL_MAX_VARS];
    const char *var_value[TPL_MAX_VARS];   /* as written */
    const ph_text *var_text[TPL_MAX_VARS]; /* parsed */
} tpl_deck;

/* Loads layouts_dir/deck_file, the theme and every page it names; figure
 * names and placeholders are checked against cat. NULL when any problem was
 * reported (every problem is reported, not only the first). */
tpl_deck *tpl_deck_load(const char *layouts_dir, const char *deck_file, const fig_catalogue *cat,
                        arena *mem, diags *d);

/* The same with a prefecture's override file (layouts/prefectures/PP.ini;
 * NULL = none) applied: [deck] title, subject, keywords, author, edition,
 * pages, omit (pages left out), add (pages appended); [report] variables;
 * [colors] and [palettes] of the theme. Only the keys it names change; an
 * unknown section or key, or a [report] variable the deck file does not
 * define, is an error. (template_override.c) */
tpl_deck *tpl_deck_load_override(const char *layouts_dir, const char *deck_file,
                                 const char *override_file, const fig_catalogue *cat,
                                 arena *mem, diags *d);

/* The text lines of a lead, notes, text or source block; NULL for the
 * other kinds. */
const tpl_lines *tpl_block_lines(const tpl_block *b);

/* The years a text line of deck is printed for, in order, into
 * years[0..deck->years_shown): the shown years that have what it says for
 * a per-year line, {-1} (once, no `Y`) for the others. Returns how many. */
int tpl_line_years_of(const tpl_text *t, const tpl_deck *deck, const fig_catalogue *cat,
                      int *years);

#endif
