/* codebook.c - loads and checks codebook.ini (format: docs/data-format.md).
 * Every problem is reported as "codebook.ini:LINE: [Q4] key ...", the line
 * from the INI reader (inifile.h). */
#include "codebook.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Parses "1,2,3" into a mask of codes 1..max; false on any bad item. */
static bool codebook_parse_codes(const char *s, int max, cb_mask *out)
{
    cb_mask m = 0;
    const char *p = s;
    *out = 0;
    for (;;) {
        while (*p == ' ')
            p++;
        if (!isdigit((unsigned char)*p))
            return false;
        char *end;
        long v = strtol(p, &end, 10);
        if (v < 1 || v > max)
            return false;
        m |= CB_BIT((int)v);
        p = end;
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        if (*p != ',')
            return false;
        p++;
    }
    *out = m;
    return true;
}

int codebook_find(const codebook *cb, const char *id)
{
    for (int i = 0; i < cb->n; i++)
        if (strcasecmp(cb->q[i].id, id) == 0)
            return i;
    return -1;
}

int codebook_mask_code(cb_mask m)
{
    if (!m)
        return 0;
    int code = 1;
    while (!(m & 1u)) {
        m >>= 1;
        code++;
    }
    return code;
}

struct loader {
    const char *path;
    diags *d;
    arena *mem;
    bool ok;
    const ini_file *ini;
};

static void problem(struct loader *L, const char *sec, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void problem(struct loader *L, const char *sec, const char *key, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line = ini_line(L->ini, sec, key);
    if (!line && key)
        line = ini_line(L->ini, sec, NULL);
    char id[32];
    snprintf(id, sizeof id, "%s", sec);
    for (char *p = id; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    if (key)
        diag_add(L->d, D_CODEBOOK, L->path, line, 0, "[%s] %s: %s", id, key, msg);
    else
        diag_add(L->d, D_CODEBOOK, L->path, line, 0, "[%s] %s", id, msg);
    L->ok = false;
}

static const char *get(const ini_file *ini, const char *sec, const char *key)
{
    return ini_get(ini, sec, key);
}

/* A key of a question section: a known name or "N", "N.short", "N.full". */
static bool known_key(const char *k, int n_options)
{
    static const char *names[] = {"column", "file",  "type",    "max",     "asked",
                                  "since",  "detail", "title",  "options", "exclusive"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(k, names[i]) == 0)
            return true;
    char *end;
    long code = strtol(k, &end, 10);
    if (end == k || code < 1 || code > n_options)
        return false;
    return *end == '\0' || strcmp(end, ".short") == 0 || strcmp(end, ".full") == 0;
}

static int parse_int(const char *s, int lo, int hi, bool *ok)
{
    char *end;
    errno = 0;
    long v = s ? strtol(s, &end, 10) : 0;
    *ok = s && *s && *end == '\0' && errno == 0 && v >= lo && v <= hi;
    return (int)v;
}

static void load_question(struct loader *L, const char *sec, cb_question *q,
                          const char **asked_spec)
{
    const ini_file *ini = L->ini;
    char id[16];
    snprintf(id, sizeof id, "%s", sec);
    for (char *p = id; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    q->id = arena_strdup(L->mem, id);
    q->asked_q = -1;

    const char *v = get(ini, sec, "column");
    if (!v || !*v)
        problem(L, sec, "column", "missing; expected the CSV header of the question");
    q->column = arena_strdup(L->mem, v ? v : "");
    v = get(ini, sec, "title");
    if (!v || !*v)
        problem(L, sec, "title", "missing; expected the question title the deck prints");
    q->title = arena_strdup(L->mem, v ? v : "");

    v = get(ini, sec, "file");
    if (v && strcmp(v, "answers") == 0)
        q->file = CB_FILE_ANSWERS;
    else if (v && strcmp(v, "services") == 0)
        q->file = CB_FILE_SERVICES;
    else
        problem(L, sec, "file", "\"%s\"; expected answers or services", v ? v : "");

    v = get(ini, sec, "type");
    if (v && strcmp(v, "multi") == 0)
        q->multi = true;
    else if (!v || strcmp(v, "single") != 0)
        problem(L, sec, "type", "\"%s\"; expected single or multi", v ? v : "");

    bool ok;
    v = get(ini, sec, "options");
    q->n_options = parse_int(v, 1, CB_MAX_OPTIONS, &ok);
    if (!ok) {
        problem(L, sec, "options", "\"%s\"; expected the number of option codes, 1 to %d",
                v ? v : "", CB_MAX_OPTIONS);
        q->n_options = 0;
    }

    v = get(ini, sec, "max");
    if (v) {
        q->max = parse_int(v, 0, CB_MAX_OPTIONS, &ok);
        if (!ok)
            problem(L, sec, "max", "\"%s\"; expected a whole number 0 to %d", v, CB_MAX_OPTIONS);
        else if (!q->multi && q->max)
            problem(L, sec, "max", "given for a single-select question; expected type = multi");
    }

    v = get(ini, sec, "detail");
    if (v) {
        if (strcmp(v, "true") == 0)
            q->detail = true;
        else if (strcmp(v, "false") != 0)
            problem(L, sec, "detail", "\"%s\"; expected true or false", v);
    }

    v = get(ini, sec, "since");
    q->since = v && *v ? arena_strdup(L->mem, v) : NULL;

    v = get(ini, sec, "exclusive");
    if (v && q->n_options) {
        if (!codebook_parse_codes(v, q->n_options, &q->exclusive))
            problem(L, sec, "exclusive", "\"%s\"; expected option codes 1-%d separated by commas",
                    v, q->n_options);
        else if (!q->multi)
            problem(L, sec, "exclusive", "given for a single-select question; expected type = multi");
    }

    for (int c = 1; c <= q->n_options; c++) {
        char k[16], ks[24];
        snprintf(k, sizeof k, "%d", c);
        v = get(ini, sec, k);
        if (!v || !*v)
            problem(L, sec, k, "label of option %d missing; options = %d needs labels 1-%d", c,
                    q->n_options, q->n_options);
        q->label[c] = arena_strdup(L->mem, v ? v : "");
        snprintf(ks, sizeof ks, "%d.short", c);
        v = get(ini, sec, ks);
        q->short_label[c] = v && *v ? arena_strdup(L->mem, v) : q->label[c];
    }

    for (int i = 0; i < ini->n_pos; i++) {
        const ini_pos *p = &ini->pos[i];
        if (p->key && strcmp(p->section, sec) == 0 && !known_key(p->key, q->n_options))
            problem(L, sec, p->key, "unknown key; expected column, file, type, max, asked, "
                                    "since, detail, title, options, exclusive or labels 1-%d",
                    q->n_options);
    }

    v = get(ini, sec, "asked");
    *asked_spec = v ? arena_strdup(L->mem, v) : NULL;
}

/* "all" or "Qn:codes", resolved once every question is known. */
static void resolve_asked(struct loader *L, codebook *cb, int i, const char *spec)
{
    cb_question *q = &cb->q[i];
    char sec[16];
    snprintf(sec, sizeof sec, "%s", q->id);
    if (!spec || strcmp(spec, "all") == 0)
        return;
    const char *colon = strchr(spec, ':');
    char ref[16];
    size_t n = colon ? (size_t)(colon - spec) : 0;
    if (!colon || n == 0 || n >= sizeof ref) {
        problem(L, sec, "asked", "\"%s\"; expected all or Qn:codes (e.g. Q1:1,2,3)", spec);
        return;
    }
    memcpy(ref, spec, n);
    ref[n] = '\0';
    int r = codebook_find(cb, ref);
    if (r < 0 || r == i) {
        problem(L, sec, "asked", "\"%s\" names %s, %s; expected another question's id", spec,
                ref, r < 0 ? "which is not in the codebook" : "the question itself");
        return;
    }
    const cb_question *c = &cb->q[r];
    if (c->multi) {
        problem(L, sec, "asked", "\"%s\": %s is multi-select; expected a single-select question",
                spec, c->id);
        return;
    }
    if (q->file == CB_FILE_ANSWERS && c->file == CB_FILE_SERVICES) {
        problem(L, sec, "asked", "\"%s\": an answers question cannot depend on the services "
                                 "question %s",
                spec, c->id);
        return;
    }
    if (!codebook_parse_codes(colon + 1, c->n_options, &q->asked_codes)) {
        problem(L, sec, "asked", "\"%s\"; expected codes 1-%d of %s separated by commas", spec,
                c->n_options, c->id);
        return;
    }
    q->asked_q = r;
}

bool codebook_load(codebook *cb, const char *path, arena *mem, diags *d)
{
    memset(cb, 0, sizeof *cb);
    if (!ini_open(&cb->ini, path, D_CODEBOOK, mem, d))
        return false;
    struct loader L = {path, d, mem, true, &cb->ini};
    const char *asked[CB_MAX_QUESTIONS] = {0};

    for (int s = 0; s < cb->ini.n_pos; s++) {
        if (cb->ini.pos[s].key)
            continue;
        const char *sec = cb->ini.pos[s].section;
        const char *p = sec + 1;
        if ((sec[0] != 'q' && sec[0] != 'Q') || !isdigit((unsigned char)*p)) {
            problem(&L, sec, NULL, "is not a question; expected sections Q1, Q2, ...");
            continue;
        }
        while (isdigit((unsigned char)*p))
            p++;
        if (*p) {
            problem(&L, sec, NULL, "is not a question; expected sections Q1, Q2, ...");
            continue;
        }
        if (cb->n == CB_MAX_QUESTIONS) {
            problem(&L, sec, NULL, "one question too many; at most %d", CB_MAX_QUESTIONS);
            break;
        }
        load_question(&L, sec, &cb->q[cb->n], &asked[cb->n]);
        cb->n++;
    }
    if (cb->n == 0) {
        diag_add(d, D_CODEBOOK, path, 0, 0, "no questions; expected sections [Q1], [Q2], ...");
        L.ok = false;
    }
    for (int i = 0; i < cb->n; i++) {
        resolve_asked(&L, cb, i, asked[i]);
        for (int j = 0; j < i; j++)
            if (cb->q[i].file == cb->q[j].file && cb->q[i].column[0] &&
                strcmp(cb->q[i].column, cb->q[j].column) == 0)
                problem(&L, cb->q[i].id, "column", "\"%s\" is also the column of %s; expected "
                                                   "one question per column",
                        cb->q[i].column, cb->q[j].id);
        if (strcmp(cb->q[i].column, "団体コード") == 0)
            problem(&L, cb->q[i].id, "column", "団体コード is the key column of every file; "
                                               "expected a question's own header");
    }
    ini_close(&cb->ini);
    return L.ok;
}
