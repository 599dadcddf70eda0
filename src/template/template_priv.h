/* template_priv.h - shared by the template files (template_deck.c: the deck
 * file; template_theme.c, template_page.c, template_pref.c,
 * template_override.c): one INI file with its line numbers, and value
 * parsers that report `file:line: message` (template_ini.c); what each file
 * offers the others. Private to the template stage. */
#ifndef AIREPORT_TEMPLATE_PRIV_H
#define AIREPORT_TEMPLATE_PRIV_H

#include "template.h"

#include "inifile.h"

/* A section or key line: section and key in lower case, key NULL for the
 * [section] line (inifile.h). */
typedef ini_pos tpl_ini_pos;

/* One loaded INI file. */
typedef struct {
    ini_file file; /* the reader (inifile.h) */
    /* views of file's, for the template files that walk them */
    const char *path;
    dictionary *dict; /* NULL when the file could not be used */
    int n_pos;
    tpl_ini_pos *pos;
    arena *mem;
    diags *d;
    bool ok; /* false once any problem was reported for this file */
} tpl_ini;

/* Reads path with the INI reader (inifile.h): line numbers, and problems
 * iniparser would hide (a value cut at `#` or `;`, a line too long)
 * reported. false when the file cannot be read or has such a problem. */
bool tpl_ini_open(tpl_ini *ini, const char *path, arena *mem, diags *d);
void tpl_ini_close(tpl_ini *ini);

/* Line of [section] key (key NULL: the section header); 0 when unknown. */
int tpl_ini_line(const tpl_ini *ini, const char *section, const char *key);
/* The value, NULL when absent. */
const char *tpl_ini_get(const tpl_ini *ini, const char *section, const char *key);

void tpl_error(tpl_ini *ini, diag_code code, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports every key of section not accepted by `known` (returns true when
 * the key is allowed). */
void tpl_check_keys(tpl_ini *ini, const char *section, bool (*known)(const char *key));
/* Reports every section whose name is not in known (NULL-terminated). */
void tpl_check_sections(tpl_ini *ini, const char *const *known);
/* Key predicates for tpl_check_keys. */
bool tpl_in_list(const char *key, const char *const *names); /* names NULL-terminated */
bool tpl_any_key(const char *k);                             /* any key ([palettes]) */

/* Value parsers: each reports its own error and returns false. */
bool tpl_get_number(tpl_ini *ini, const char *sec, const char *key, bool required, double lo,
                    double hi, double *out);
bool tpl_get_color(tpl_ini *ini, const char *sec, const char *key, uint32_t *out);
const char *tpl_get_string(tpl_ini *ini, const char *sec, const char *key, bool required);
bool tpl_get_font(tpl_ini *ini, const char *sec, const char *key, font_role *out);
/* One of names[] (NULL-terminated); returns its index, def when absent, -1 bad. */
int tpl_get_enum(tpl_ini *ini, const char *sec, const char *key, const char *const *names,
                 int def);

/* `key = header:width%, …` of sec (`columns`; required or not): at most max
 * items, each header (in mem) and width (%, the widths adding up to 100)
 * into head[] and pct[]; a problem is reported at the key's line. Returns
 * the count, 0 when absent or bad. */
int tpl_get_columns(tpl_ini *ini, const char *sec, const char *key, bool required, int max,
                    const char **head, double *pct, arena *mem);
/* Splits a comma-separated list into at most max trimmed items (in mem).
 * Returns the count, or -1 when there are more than max. */
int tpl_split_list(const char *s, const char **items, int max, arena *mem);
/* A copy of s in mem with each `\n` turned into a line break. */
char *tpl_unescape(arena *mem, const char *s);
/* Locale-free decimal: [-]digits[.digits], whole string. */
bool tpl_parse_number(const char *s, double *out);

/* "#1F3864" -> 0x1F3864; false when not exactly # + 6 hex digits. */
bool tpl_parse_color(const char *s, uint32_t *rgb);

/* The theme palette of that name, NULL when absent. (template_theme.c) */
const tpl_palette *tpl_theme_palette(const tpl_theme *t, const char *name);

/* theme.ini (template_theme.c): defaults, then the file's values into *t;
 * false after reporting. */
bool tpl_theme_load(tpl_theme *t, const char *path, arena *mem, diags *d);
/* A key of theme.ini's [colors] (also allowed in a prefecture's override). */
bool tpl_theme_color_key(const char *k);

/* The blocks of prefecture reports and body sheets (template_pref.c):
 * [munitable], [ranking], [bodysheet], [keytable]. */
bool tpl_pref_block_key(const char *key);
bool tpl_keytable_key(const char *key);
void tpl_load_pref_block(tpl_ini *ini, tpl_block *b, const tpl_deck *deck,
                         const fig_catalogue *cat, arena *mem);

/* The [report] variables of a deck file into deck (template_override.c). */
void tpl_read_vars(tpl_ini *ini, tpl_deck *deck);
/* A prefecture's override file: opened and checked, its [deck] and [report]
 * keys applied to deck. false when it cannot be used. */
bool tpl_override_open(tpl_ini *ov, const char *path, tpl_deck *deck, arena *mem, diags *d);
/* Its [colors] and [palettes] applied to the theme. */
void tpl_override_theme(tpl_ini *ov, tpl_theme *t);
/* Its pages / omit / add applied to the page list; the new count. */
int tpl_override_pages(tpl_ini *ov, const char **items, int n, int max);

/* Loads one page file (template_page.c). */
bool tpl_page_load(tpl_page *pg, const char *path, const tpl_deck *deck,
                   const fig_catalogue *cat, arena *mem, diags *d);

/* text parsed (in mem) and checked against the catalogue and the deck's
 * [report] variables (year: the index `Y` names, -1 none); a problem is
 * reported at line of ini. (template_ini.c, with the other value parsers) */
const ph_text *tpl_parse_checked(tpl_ini *ini, const char *text, int line, const tpl_deck *deck,
                                 const fig_catalogue *cat, int year, arena *mem);
/* An already parsed text checked the same way. */
void tpl_check_text(tpl_ini *ini, const ph_text *t, int line, const tpl_deck *deck,
                    const fig_catalogue *cat, int year);

#endif
