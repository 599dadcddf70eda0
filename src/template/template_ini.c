/* template_ini.c - one template INI file: iniparser for the values, our own
 * scan of the text for line numbers and for what iniparser silently drops;
 * the value parsers every template file shares, its texts' placeholders
 * checked against the catalogue among them. */
#include "template_priv.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* iniparser 4.1 reads lines of at most 1024 bytes; longer ones are cut. */
enum { INI_LINE_MAX = 1000 };

static char *read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 >= cap)
            buf = xrealloc(buf, cap *= 2);
    }
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

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

static char *lower_trim(arena *mem, const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *out = arena_strndup(mem, s, n);
    for (char *p = out; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return out;
}

static void add_pos(tpl_ini *ini, int *cap, const char *sec, const char *key, int line)
{
    if (ini->n_pos == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        tpl_ini_pos *p = ARENA_NEW(ini->mem, tpl_ini_pos, *cap);
        if (ini->n_pos)
            memcpy(p, ini->pos, sizeof *p * (size_t)ini->n_pos);
        ini->pos = p;
    }
    ini->pos[ini->n_pos++] = (tpl_ini_pos){sec, key, line};
}

/* A value that iniparser would cut short: `#` or `;` not after a space. */
static void check_value(tpl_ini *ini, const char *v, size_t n, int line)
{
    while (n && isspace((unsigned char)*v))
        v++, n--;
    if (n && (*v == '"' || *v == '\''))
        return;
    for (size_t i = 0; i < n; i++) {
        if (v[i] != '#' && v[i] != ';')
            continue;
        if (i > 0 && (v[i - 1] == ' ' || v[i - 1] == '\t'))
            return; /* an inline comment */
        tpl_error(ini, D_TEMPLATE, line,
                  "`%c` inside a value starts a comment: put the value in double quotes "
                  "(\"#1F3864\")",
                  v[i]);
        return;
    }
}

static void scan(tpl_ini *ini, const char *text, size_t len)
{
    int cap = 0, line = 0;
    const char *section = "";
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        line++;
        size_t n = e - i;
        if (n && text[i + n - 1] == '\r')
            n--;
        const char *s = text + i;
        if (n > INI_LINE_MAX)
            tpl_error(ini, D_TEMPLATE, line, "line of %zu bytes; at most %d are read", n,
                      INI_LINE_MAX);
        size_t k = 0;
        while (k < n && isspace((unsigned char)s[k]))
            k++;
        if (k == n || s[k] == ';' || s[k] == '#') {
            /* blank or comment */
        } else if (s[k] == '[') {
            const char *close = memchr(s + k, ']', n - k);
            if (!close) {
                tpl_error(ini, D_TEMPLATE, line, "section header without `]`");
            } else {
                for (const char *t = close + 1; t < s + n; t++)
                    if (!isspace((unsigned char)*t)) {
                        /* iniparser rejects the whole file for this */
                        tpl_error(ini, D_TEMPLATE, line,
                                  "text after `]` of a section header (a comment must have a "
                                  "line of its own)");
                        break;
                    }
                section = lower_trim(ini->mem, s + k + 1, (size_t)(close - s - k - 1));
                for (int j = 0; j < ini->n_pos; j++)
                    if (!ini->pos[j].key && strcmp(ini->pos[j].section, section) == 0)
                        tpl_error(ini, D_TEMPLATE, line,
                                  "section [%s] repeated (first at line %d)", section,
                                  ini->pos[j].line);
                add_pos(ini, &cap, section, NULL, line);
            }
        } else {
            const char *eq = memchr(s + k, '=', n - k);
            if (!eq) {
                tpl_error(ini, D_TEMPLATE, line, "expected `key = value` or `[section]`");
            } else {
                const char *key = lower_trim(ini->mem, s + k, (size_t)(eq - s - k));
                for (int j = 0; j < ini->n_pos; j++)
                    if (ini->pos[j].key && strcmp(ini->pos[j].section, section) == 0 &&
                        strcmp(ini->pos[j].key, key) == 0)
                        tpl_error(ini, D_TEMPLATE, line,
                                  "key `%s` repeated in [%s] (first at line %d)", key, section,
                                  ini->pos[j].line);
                if (!*section)
                    tpl_error(ini, D_TEMPLATE, line, "key `%s` before any [section]", key);
                add_pos(ini, &cap, section, key, line);
                check_value(ini, eq + 1, (size_t)(s + n - eq - 1), line);
            }
        }
        i = e + 1;
    }
}

bool tpl_ini_open(tpl_ini *ini, const char *path, arena *mem, diags *d)
{
    memset(ini, 0, sizeof *ini);
    ini->path = arena_strdup(mem, path);
    ini->mem = mem;
    ini->d = d;
    ini->ok = true;
    size_t len = 0;
    char *text = read_text(path, &len);
    if (!text) {
        diag_add(d, D_IO_READ, path, 0, 0, "cannot read the template file");
        ini->ok = false;
        return false;
    }
    scan(ini, text, len);
    free(text);
    if (!ini->ok)
        return false; /* iniparser would misread it; the scan said why */
    ini->dict = iniparser_load(path);
    if (!ini->dict) {
        tpl_error(ini, D_TEMPLATE, 0, "iniparser could not parse the file");
        return false;
    }
    return true;
}

void tpl_ini_close(tpl_ini *ini)
{
    if (ini->dict)
        iniparser_freedict(ini->dict);
    ini->dict = NULL;
}

int tpl_ini_line(const tpl_ini *ini, const char *section, const char *key)
{
    for (int i = 0; i < ini->n_pos; i++) {
        const tpl_ini_pos *p = &ini->pos[i];
        if (strcmp(p->section, section) != 0)
            continue;
        if (!key ? !p->key : (p->key && strcmp(p->key, key) == 0))
            return p->line;
    }
    return 0;
}

const char *tpl_ini_get(const tpl_ini *ini, const char *section, const char *key)
{
    char full[256];
    snprintf(full, sizeof full, "%s:%s", section, key);
    return iniparser_getstring(ini->dict, full, NULL);
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

int tpl_get_columns(tpl_ini *ini, const char *sec, int max, const char **head, double *pct,
                    arena *mem)
{
    const char *cols = tpl_get_string(ini, sec, "columns", true);
    int line = tpl_ini_line(ini, sec, "columns");
    const char **items = ARENA_NEW(mem, const char *, max);
    int n = cols ? tpl_split_list(cols, items, max, mem) : 0;
    if (cols && n <= 0)
        tpl_error(ini, D_TEMPLATE, line, "columns: expected 1 to %d `header:width%%` items", max);
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
