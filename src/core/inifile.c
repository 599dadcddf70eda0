/* inifile.c - the INI reader: our scan of the text for line numbers and for
 * what iniparser would misread, then iniparser for the values (inifile.h). */
#include "inifile.h"

#include "fileread.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    ini_file *ini;
    diag_code code;
    diags *d;
    bool ok;
    int cap;
} scanner;

static void problem(scanner *sc, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(scanner *sc, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(sc->d, sc->code, sc->ini->path, line, 0, "%s", msg);
    sc->ok = false;
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

static void add_pos(scanner *sc, const char *sec, const char *key, int line)
{
    ini_file *ini = sc->ini;
    if (ini->n_pos == sc->cap) {
        sc->cap = sc->cap ? sc->cap * 2 : 64;
        ini_pos *p = ARENA_NEW(ini->mem, ini_pos, sc->cap);
        if (ini->n_pos)
            memcpy(p, ini->pos, sizeof *p * (size_t)ini->n_pos);
        ini->pos = p;
    }
    ini->pos[ini->n_pos++] = (ini_pos){sec, key, line};
}

/* A value that iniparser would cut short: `#` or `;` not after a space. */
static void check_value(scanner *sc, const char *v, size_t n, int line)
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
        problem(sc, line,
                "`%c` inside a value starts a comment: put the value in double quotes "
                "(\"#1F3864\")",
                v[i]);
        return;
    }
}

static void scan_section(scanner *sc, const char *s, size_t k, size_t n, int line,
                         const char **section)
{
    ini_file *ini = sc->ini;
    const char *close = memchr(s + k, ']', n - k);
    if (!close) {
        problem(sc, line, "section header without `]`");
        return;
    }
    for (const char *t = close + 1; t < s + n; t++)
        if (!isspace((unsigned char)*t)) {
            /* iniparser rejects the whole file for this */
            problem(sc, line,
                    "text after `]` of a section header (a comment must have a line of its own)");
            break;
        }
    *section = lower_trim(ini->mem, s + k + 1, (size_t)(close - s - k - 1));
    for (int j = 0; j < ini->n_pos; j++)
        if (!ini->pos[j].key && strcmp(ini->pos[j].section, *section) == 0)
            problem(sc, line, "section [%s] repeated (first at line %d)", *section,
                    ini->pos[j].line);
    add_pos(sc, *section, NULL, line);
}

static void scan_key(scanner *sc, const char *s, size_t k, size_t n, int line,
                     const char *section)
{
    ini_file *ini = sc->ini;
    const char *eq = memchr(s + k, '=', n - k);
    if (!eq) {
        problem(sc, line, "expected `key = value` or `[section]`");
        return;
    }
    const char *key = lower_trim(ini->mem, s + k, (size_t)(eq - s - k));
    for (int j = 0; j < ini->n_pos; j++)
        if (ini->pos[j].key && strcmp(ini->pos[j].section, section) == 0 &&
            strcmp(ini->pos[j].key, key) == 0)
            problem(sc, line, "key `%s` repeated in [%s] (first at line %d)", key, section,
                    ini->pos[j].line);
    if (!*section)
        problem(sc, line, "key `%s` before any [section]", key);
    add_pos(sc, section, key, line);
    check_value(sc, eq + 1, (size_t)(s + n - eq - 1), line);
}

static void scan(scanner *sc, const char *text, size_t len)
{
    int line = 0;
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
            problem(sc, line, "line of %zu bytes; at most %d are read", n, INI_LINE_MAX);
        size_t k = 0;
        while (k < n && isspace((unsigned char)s[k]))
            k++;
        if (k == n || s[k] == ';' || s[k] == '#') {
            /* blank or comment */
        } else if (s[k] == '[') {
            scan_section(sc, s, k, n, line, &section);
        } else {
            scan_key(sc, s, k, n, line, section);
        }
        i = e + 1;
    }
}

/* iniparser reports syntax errors through one global callback: captured
 * for the call in progress (a file the scan passed should give none). */
static _Thread_local char S_ini_error[512];

static int capture_ini_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int capture_ini_error(const char *fmt, ...)
{
    size_t used = strlen(S_ini_error);
    if (used + 1 >= sizeof S_ini_error)
        return 0;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(S_ini_error + used, sizeof S_ini_error - used, fmt, ap);
    va_end(ap);
    return n;
}

static dictionary *load_dict(scanner *sc)
{
    const char *path = sc->ini->path;
    S_ini_error[0] = '\0';
    iniparser_set_error_callback(capture_ini_error);
    dictionary *dict = iniparser_load(path);
    iniparser_set_error_callback(NULL);
    if (dict && !S_ini_error[0])
        return dict;
    /* "iniparser: syntax error in FILE (LINE):\n-> TEXT" */
    long line = 0;
    const char *paren = strstr(S_ini_error, " (");
    if (paren)
        line = strtol(paren + 2, NULL, 10);
    for (char *p = S_ini_error; *p; p++)
        if (*p == '\n')
            *p = ' ';
    problem(sc, (int)line, "not a valid INI file: %s",
            S_ini_error[0] ? S_ini_error : "iniparser could not parse it");
    if (dict)
        iniparser_freedict(dict);
    return NULL;
}

bool ini_open(ini_file *ini, const char *path, diag_code code, arena *mem, diags *d)
{
    *ini = (ini_file){.path = arena_strdup(mem, path), .mem = mem};
    scanner sc = {.ini = ini, .code = code, .d = d, .ok = true};
    size_t len = 0;
    char *text = file_read_all(path, FILE_LIMIT_CONFIG, "an INI file", code, &len, d);
    if (!text)
        return false;
    scan(&sc, text, len);
    free(text);
    if (!sc.ok)
        return false; /* iniparser would misread it; the scan said why */
    ini->dict = load_dict(&sc);
    return ini->dict != NULL;
}

void ini_close(ini_file *ini)
{
    if (ini->dict)
        iniparser_freedict(ini->dict);
    ini->dict = NULL;
}

/* Names as iniparser folds them. */
static bool same_name(const char *folded, const char *name)
{
    return strcasecmp(folded, name) == 0;
}

int ini_line(const ini_file *ini, const char *section, const char *key)
{
    for (int i = 0; i < ini->n_pos; i++) {
        const ini_pos *p = &ini->pos[i];
        if (!same_name(p->section, section))
            continue;
        if (!key ? !p->key : (p->key && same_name(p->key, key)))
            return p->line;
    }
    return 0;
}

const char *ini_get(const ini_file *ini, const char *section, const char *key)
{
    if (!ini->dict)
        return NULL;
    char full[512];
    int n = snprintf(full, sizeof full, "%s:%s", section, key);
    if (n < 0 || (size_t)n >= sizeof full)
        return NULL;
    for (char *p = full; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return iniparser_getstring(ini->dict, full, NULL);
}

bool ini_has_section(const ini_file *ini, const char *section)
{
    return ini_line(ini, section, NULL) > 0;
}
