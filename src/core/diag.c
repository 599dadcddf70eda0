#include "diag.h"

#include "arena.h"
#include "textbuf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    int status;
    const char *id;
} S_table[D__COUNT] = {
#define DIAG_ROW(name, status, id) [name] = {status, id},
    DIAG_CODES(DIAG_ROW)
#undef DIAG_ROW
};

struct file_count {
    char *file;
    int count;
};

struct diags {
    FILE *out;
    diag *items;
    int n, cap, total;
    struct file_count *files;
    int n_files;
    bool seen[D__COUNT];
};

const char *diag_code_id(diag_code code)
{
    return (unsigned)code < D__COUNT ? S_table[code].id : "?";
}

int diag_code_status(diag_code code)
{
    return (unsigned)code < D__COUNT ? S_table[code].status : EXIT_INTERNAL;
}

diags *diags_new(FILE *out)
{
    diags *d = xcalloc(1, sizeof *d);
    d->out = out;
    return d;
}

void diags_free(diags *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->n; i++) {
        free((char *)d->items[i].file);
        free((char *)d->items[i].message);
    }
    for (int i = 0; i < d->n_files; i++)
        free(d->files[i].file);
    free(d->files);
    free(d->items);
    free(d);
}

/* s with its control characters and non-UTF-8 bytes escaped (malloc'd). */
static char *printable_copy(const char *s)
{
    textbuf b = {0};
    textbuf_printable(&b, s);
    textbuf_putc(&b, '\0');
    return b.data;
}

static struct file_count *file_slot(diags *d, const char *file)
{
    for (int i = 0; i < d->n_files; i++)
        if (strcmp(d->files[i].file, file) == 0)
            return &d->files[i];
    d->files = xrealloc(d->files, sizeof *d->files * (size_t)(d->n_files + 1));
    d->files[d->n_files] = (struct file_count){xstrdup(file), 0};
    return &d->files[d->n_files++];
}

void diag_add(diags *d, diag_code code, const char *file, long line, long column, const char *fmt,
              ...)
{
    if (!file)
        file = "aireport";
    d->total++;
    d->seen[code] = true;
    struct file_count *fc = file_slot(d, file);
    if (++fc->count > DIAG_CAP_PER_FILE)
        return;

    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *raw = xmalloc((size_t)(len > 0 ? len : 0) + 1);
    va_start(ap, fmt);
    vsnprintf(raw, (size_t)(len > 0 ? len : 0) + 1, fmt, ap);
    va_end(ap);
    /* Messages quote values from the data and paths from the command line:
     * a control character (ESC!) or a byte that is not UTF-8 reaches the
     * terminal escaped (textbuf_printable). */
    char *msg = printable_copy(raw);
    free(raw);

    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = xrealloc(d->items, sizeof *d->items * (size_t)d->cap);
    }
    d->items[d->n++] = (diag){code, printable_copy(file), line, column, msg};
    file = d->items[d->n - 1].file;

    if (d->out) {
        if (line > 0 && column > 0)
            fprintf(d->out, "%s:%ld:%ld: %s [%s]\n", file, line, column, msg, S_table[code].id);
        else if (line > 0)
            fprintf(d->out, "%s:%ld: %s [%s]\n", file, line, msg, S_table[code].id);
        else
            fprintf(d->out, "%s: %s [%s]\n", file, msg, S_table[code].id);
    }
}

int diags_count(const diags *d)
{
    return d->total;
}

int diags_kept(const diags *d)
{
    return d->n;
}

const diag *diags_get(const diags *d, int i)
{
    return i >= 0 && i < d->n ? &d->items[i] : NULL;
}

bool diags_has(const diags *d, diag_code code)
{
    return (unsigned)code < D__COUNT && d->seen[code];
}

int diags_exit_status(const diags *d)
{
    static const int rank[] = {EXIT_INTERNAL, EXIT_IO, EXIT_FONT, EXIT_TEMPLATE, EXIT_DATA,
                               EXIT_USAGE};
    for (size_t r = 0; r < sizeof rank / sizeof rank[0]; r++)
        for (int c = 0; c < D__COUNT; c++)
            if (d->seen[c] && S_table[c].status == rank[r])
                return rank[r];
    return EXIT_OK;
}

void diags_print_summary(const diags *d, FILE *out)
{
    for (int i = 0; i < d->n_files; i++)
        if (d->files[i].count > DIAG_CAP_PER_FILE)
            fprintf(out, "%s: %d more problems not shown (first %d listed)\n", d->files[i].file,
                    d->files[i].count - DIAG_CAP_PER_FILE, DIAG_CAP_PER_FILE);
}
