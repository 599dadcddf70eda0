/* template_ini.c - one template INI file, read by the INI reader of core
 * (inifile.h: line numbers, what iniparser would misread), and the value
 * parsers that report `file:line: message`, its texts' placeholders checked
 * against the catalogue among them. */
#include "template_priv.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tpl_error(tpl_ini *ini, diag_code code, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(ini->d, code, ini->path, line, 0, "%s", msg);
    ini->ok = false;
}

bool tpl_ini_open(tpl_ini *ini, const char *path, arena *mem, diags *d)
{
    memset(ini, 0, sizeof *ini);
    ini->mem = mem;
    ini->d = d;
    ini->ok = ini_open(&ini->file, path, D_TEMPLATE, mem, d);
    /* the views the template files walk */
    ini->path = ini->file.path;
    ini->dict = ini->file.dict;
    ini->n_pos = ini->file.n_pos;
    ini->pos = ini->file.pos;
    return ini->ok;
}

void tpl_ini_close(tpl_ini *ini)
{
    ini_close(&ini->file);
    ini->dict = NULL;
}

int tpl_ini_line(const tpl_ini *ini, const char *section, const char *key)
{
    return ini_line(&ini->file, section, key);
}

const char *tpl_ini_get(const tpl_ini *ini, const char *section, const char *key)
{
    return ini_get(&ini->file, section, key);
}

void tpl_check_keys(tpl_ini *ini, const char *section, bool (*known)(const char *key))
{
    for (int i = 0; i < ini->n_pos; i++) {
        const tpl_ini_pos *p = &ini->pos[i];
        if (p->key && strcmp(p->section, section) == 0 && !known(p->key))
            tpl_error(ini, D_TEMPLATE, p->line, "unknown key `%s` in [%s]", p->key, section);
    }
}

void tpl_check_sections(tpl_ini *ini, const char *const *known)
{
    for (int i = 0; i < ini->n_pos; i++)
        if (!ini->pos[i].key && !tpl_in_list(ini->pos[i].section, known))
            tpl_error(ini, D_TEMPLATE, ini->pos[i].line, "unknown section [%s]",
                      ini->pos[i].section);
}

bool tpl_in_list(const char *key, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(key, names[i]) == 0)
            return true;
    return false;
}

bool tpl_any_key(const char *k)
{
    (void)k;
    return true;
}

bool tpl_parse_number(const char *s, double *out)
{
    const char *p = s;
    bool neg = *p == '-';
    if (neg)
        p++;
    double v = 0, scale = 1;
    bool digits = false, frac = false;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            digits = true;
            if (frac) {
                scale /= 10;
                v += (*p - '0') * scale;
            } else {
                v = v * 10 + (*p - '0');
            }
        } else if (*p == '.' && !frac) {
            frac = true;
        } else {
            return false;
        }
        if (v > 1e9)
            return false;
    }
    if (!digits)
        return false;
    *out = neg ? -v : v;
    return true;
}

bool tpl_get_number(tpl_ini *ini, const char *sec, const char *key, bool required, double lo,
                    double hi, double *out)
{
    const char *v = tpl_ini_get(ini, sec, key);
    if (!v) {
        if (required)
            tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, NULL),
                      "[%s] misses the required key `%s`", sec, key);
        return !required;
    }
    double x;
    if (!tpl_parse_number(v, &x) || x < lo || x > hi) {
        tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, key),
                  "%s = `%s`: expected a number from %g to %g", key, v, lo, hi);
        return false;
    }
    *out = x;
    return true;
}

bool tpl_parse_color(const char *s, uint32_t *rgb)
{
    if (!s || s[0] != '#' || strlen(s) != 7)
        return false;
    uint32_t v = 0;
    for (int i = 1; i < 7; i++) {
        int c = tolower((unsigned char)s[i]);
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (h < 0)
            return false;
        v = v << 4 | (uint32_t)h;
    }
    *rgb = v;
    return true;
}

bool tpl_get_color(tpl_ini *ini, const char *sec, const char *key, uint32_t *out)
{
    const char *v = tpl_ini_get(ini, sec, key);
    if (!v)
        return true; /* keep the default */
    if (!tpl_parse_color(v, out)) {
        tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, key),
                  "%s = `%s`: expected a colour \"#RRGGBB\"", key, v);
        return false;
    }
    return true;
}

char *tpl_unescape(arena *mem, const char *s)
{
    char *out = arena_strdup(mem, s), *w = out;
    for (const char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return out;
}

const char *tpl_get_string(tpl_ini *ini, const char *sec, const char *key, bool required)
{
    const char *v = tpl_ini_get(ini, sec, key);
    if (v && !*v)
        v = NULL;
    if (!v && required)
        tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, NULL),
                  "[%s] misses the required key `%s`", sec, key);
    return v ? tpl_unescape(ini->mem, v) : NULL;
}

int tpl_get_enum(tpl_ini *ini, const char *sec, const char *key, const char *const *names,
                 int def)
{
    const char *v = tpl_ini_get(ini, sec, key);
    if (!v)
        return def;
    char expected[256] = "";
    for (int i = 0; names[i]; i++) {
        if (strcmp(v, names[i]) == 0)
            return i;
        size_t n = strlen(expected);
        snprintf(expected + n, sizeof expected - n, "%s%s", i ? " | " : "", names[i]);
    }
    tpl_error(ini, D_TEMPLATE, tpl_ini_line(ini, sec, key), "%s = `%s`: expected %s", key, v,
              expected);
    return -1;
}

bool tpl_get_font(tpl_ini *ini, const char *sec, const char *key, font_role *out)
{
    static const char *const names[] = {"gothic", "gothic-bold", "mincho", NULL};
    int i = tpl_get_enum(ini, sec, key, names, (int)*out);
    if (i < 0)
        return false;
    *out = (font_role)i;
    return true;
}

int tpl_split_list(const char *s, const char **items, int max, arena *mem)
{
    int n = 0;
    while (s && *s) {
        const char *comma = strchr(s, ',');
        size_t len = comma ? (size_t)(comma - s) : strlen(s);
        const char *a = s, *b = s + len;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (b > a) {
            if (n == max)
                return -1;
            items[n++] = arena_strndup(mem, a, (size_t)(b - a));
        }
        s = comma ? comma + 1 : NULL;
    }
    return n;
}

int tpl_get_columns(tpl_ini *ini, const char *sec, const char *key, bool required, int max,
                    const char **head, double *pct, arena *mem)
{
    const char *cols = tpl_get_string(ini, sec, key, required);
    int line = tpl_ini_line(ini, sec, key);
    const char **items = ARENA_NEW(mem, const char *, max);
    int n = cols ? tpl_split_list(cols, items, max, mem) : 0;
    if (cols && n <= 0)
        tpl_error(ini, D_TEMPLATE, line, "%s: expected 1 to %d `header:width%%` items", key, max);
    double sum = 0;
    for (int i = 0; i < n; i++) {
        const char *colon = strrchr(items[i], ':');
        if (!colon || !tpl_parse_number(colon + 1, &pct[i]) || pct[i] <= 0 || pct[i] > 100) {
            tpl_error(ini, D_TEMPLATE, line, "column `%s`: expected header:width%% (活用事例:28)",
                      items[i]);
            return 0;
        }
        head[i] = arena_strndup(mem, items[i], (size_t)(colon - items[i]));
        sum += pct[i];
    }
    if (n > 0 && (sum < 99.5 || sum > 100.5)) {
        tpl_error(ini, D_TEMPLATE, line, "column widths add up to %g%%, expected 100%%", sum);
        return 0;
    }
    return n > 0 ? n : 0;
}

/* ---- template texts: parsed and checked against the catalogue ---- */

void tpl_check_text(tpl_ini *ini, const ph_text *t, int line, const tpl_deck *deck,
                    const fig_catalogue *cat, int year)
{
    char err[512];
    ph_check_context cc = {.cat = cat, .year = year, .edition = deck->edition,
                           .n_vars = deck->n_vars, .var_name = deck->var_name,
                           .var_text = deck->var_text};
    if (!ph_check(t, &cc, err, sizeof err))
        tpl_error(ini, strstr(err, "no figure") ? D_TEMPLATE_FIGURE : D_TEMPLATE, line, "%s",
                  err);
}

const ph_text *tpl_parse_checked(tpl_ini *ini, const char *text, int line, const tpl_deck *deck,
                                 const fig_catalogue *cat, int year, arena *mem)
{
    const ph_text *t = ph_parse(text, mem);
    tpl_check_text(ini, t, line, deck, cat, year);
    return t;
}
