#include "arena.h"

#include "exitcode.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks grow geometrically; a request larger than a block gets its own. */
enum { ARENA_MIN_BLOCK = 64 * 1024, ARENA_ALIGN = 16 };

struct block {
    struct block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

struct arena {
    struct block *head;
    size_t next_size;
};

/* Out of memory is a resource running out, like a full disk: exit 5 with
 * a message, never an abort. exit() runs the atexit handlers, so a build
 * still removes its temporary files (outdir.c); every file keeps its
 * previous content. */
static void die_oom(size_t size)
{
    fprintf(stderr, "aireport: out of memory (%zu bytes more were needed); stopped, the "
                    "previous outputs are kept\n",
            size);
    exit(EXIT_IO);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        die_oom(size);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die_oom(n * size);
    return p;
}

void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        die_oom(size);
    return q;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

arena *arena_new(void)
{
    arena *a = xcalloc(1, sizeof *a);
    a->next_size = ARENA_MIN_BLOCK;
    return a;
}

void arena_free(arena *a)
{
    if (!a)
        return;
    for (struct block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *arena_alloc_uninit(arena *a, size_t size)
{
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    struct block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t bsize = a->next_size;
        if (bsize < size)
            bsize = size;
        else if (a->next_size < 8u * 1024 * 1024)
            a->next_size *= 2;
        b = xmalloc(sizeof *b + bsize);
        b->used = 0;
        b->size = bsize;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

void *arena_alloc(arena *a, size_t size)
{
    return memset(arena_alloc_uninit(a, size), 0, size);
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_uninit(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc_uninit(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
