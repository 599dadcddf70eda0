/* arena.h - one owner of memory per run: an arena of bump-allocated blocks.
 *
 * Everything the survey model, the figures and a document's layout hold is
 * allocated from an arena and freed at once with arena_free(). Allocation
 * failure exits with status 5 and an "aireport: out of memory" message (see
 * xmalloc); callers do not check for NULL.
 */
#ifndef AIREPORT_ARENA_H
#define AIREPORT_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);

/* Zero-filled, aligned for any type. */
void *arena_alloc(arena *a, size_t size);
#define ARENA_NEW(a, type, n) ((type *)arena_alloc((a), sizeof(type) * (size_t)(n)))
/* Not zeroed: for arrays the caller overwrites whole (copies, emitted rows),
 * where zeroing first is wasted work. */
void *arena_alloc_uninit(arena *a, size_t size);
#define ARENA_NEW_UNINIT(a, type, n) \
    ((type *)arena_alloc_uninit((a), sizeof(type) * (size_t)(n)))
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
/* printf into the arena. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Allocation that exits on failure: "aireport: out of memory", status 5
 * (EXIT_IO), atexit handlers run (never an abort). */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

#endif
