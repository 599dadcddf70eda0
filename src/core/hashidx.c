/* hashidx.c - open addressing with linear probing (hashidx.h). */
#include "hashidx.h"

#include <stdio.h>
#include <stdlib.h>

void hashidx_init(hashidx *h, size_t max_items, arena *mem)
{
    size_t cap = 16;
    while (cap < max_items * 2)
        cap *= 2;
    h->slots = mem ? ARENA_NEW(mem, int, cap) : xcalloc(cap, sizeof *h->slots);
    h->mask = cap - 1;
    h->n = 0;
    h->max_items = max_items;
}

void hashidx_free(hashidx *h)
{
    free(h->slots);
    *h = (hashidx){0};
}

/* The hash's bits spread over the slot number: the low bits of FNV-1a are
 * the weakest. */
static size_t home(const hashidx *h, uint64_t hash)
{
    return (size_t)(hash ^ (hash >> 29) ^ (hash >> 47)) & h->mask;
}

void hashidx_add(hashidx *h, uint64_t hash, int item)
{
    if (h->n >= h->max_items || item < 0) {
        /* a caller's bug: the index was sized for fewer items */
        fprintf(stderr, "aireport: internal error: hash index over its %zu items\n",
                h->max_items);
        abort();
    }
    size_t i = home(h, hash);
    while (h->slots[i] != 0)
        i = (i + 1) & h->mask;
    h->slots[i] = item + 1;
    h->n++;
}

int hashidx_first(const hashidx *h, uint64_t hash, hashidx_probe *p)
{
    if (!h->slots)
        return -1;
    p->pos = home(h, hash);
    return h->slots[p->pos] - 1;
}

int hashidx_next(const hashidx *h, hashidx_probe *p)
{
    if (h->slots[p->pos] == 0)
        return -1;
    p->pos = (p->pos + 1) & h->mask;
    return h->slots[p->pos] - 1;
}

uint64_t hash_str(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return (h ^ 0xffu) * 1099511628211ull; /* the separator */
}

uint64_t hash_int(uint64_t h, int64_t v)
{
    h ^= (uint64_t)v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}
