#include "iniline.h"

#include "arena.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

long ini_line_of(const char *path, const char *section, const char *key)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char buf[4096];
    long line = 0, found = 0;
    bool in_section = false;
    while (!found && fgets(buf, sizeof buf, f)) {
        line++;
        char *s = trim(buf);
        if (*s == '[') {
            char *end = strchr(s, ']');
            if (!end)
                continue;
            *end = '\0';
            in_section = strcasecmp(trim(s + 1), section) == 0;
            if (in_section && !key)
                found = line;
        } else if (in_section && key) {
            char *eq = strchr(s, '=');
            if (!eq)
                continue;
            *eq = '\0';
            if (strcasecmp(trim(s), key) == 0)
                found = line;
        }
    }
    fclose(f);
    return found;
}

/* iniparser reports syntax errors through one global callback; it is
 * captured here for the call in progress (loading is single-threaded). */
static char S_ini_error[512];

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

dictionary *ini_load_checked(const char *path, diags *d, diag_code code)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_add(d, D_IO_READ, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    fclose(f);
    S_ini_error[0] = '\0';
    iniparser_set_error_callback(capture_ini_error);
    dictionary *ini = iniparser_load(path);
    iniparser_set_error_callback(NULL);
    if (!ini || S_ini_error[0]) {
        /* "iniparser: syntax error in FILE (LINE):\n-> TEXT" */
        long line = 0;
        const char *paren = strstr(S_ini_error, " (");
        if (paren)
            line = strtol(paren + 2, NULL, 10);
        for (char *p = S_ini_error; *p; p++)
            if (*p == '\n')
                *p = ' ';
        diag_add(d, code, path, line, 0, "not a valid INI file: %s",
                 S_ini_error[0] ? S_ini_error : "iniparser failed");
        if (ini)
            iniparser_freedict(ini);
        return NULL;
    }
    return ini;
}

