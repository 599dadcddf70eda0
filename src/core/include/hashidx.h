/* hashidx.h - the program's one hash table: an open-addressing index of the
 * items of a caller's array by a hash of their key (linear probing; the
 * capacity a power of two, at least twice the items, so probes stay short).
 *
 * The items stay where they are; the index holds their numbers. A lookup
 * walks the items whose hash led to the same run of slots, and the caller
 * compares keys, so the index knows nothing of what a key is. An item added
 * earlier is met before a later one with the same hash: the first match is
 * the first item added with that key.
 *
 *     for (int i = hashidx_first(&h, hash, &p); i >= 0; i = hashidx_next(&h, &p))
 *         if (same_key(&items[i], key)) return i;
 */
#ifndef AIREPORT_HASHIDX_H
#define AIREPORT_HASHIDX_H

#include "arena.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    int *slots;  /* item + 1; 0 = empty */
    size_t mask; /* capacity - 1 */
    size_t n, max_items;
} hashidx;

/* An index with room for max_items, its slots in mem (freed with the
 * arena), or malloc'd when mem is NULL (free with hashidx_free). */
void hashidx_init(hashidx *h, size_t max_items, arena *mem);
void hashidx_free(hashidx *h);

/* Adds item (>= 0) under hash. At most max_items may be added. */
void hashidx_add(hashidx *h, uint64_t hash, int item);

/* Walking the candidates of hash: the first, then the next; -1 at the end. */
typedef struct {
    size_t pos;
} hashidx_probe;
int hashidx_first(const hashidx *h, uint64_t hash, hashidx_probe *p);
int hashidx_next(const hashidx *h, hashidx_probe *p);

/* FNV-1a over a string, continuing from h (start with HASH_FNV_SEED); a
 * separator byte is mixed in after it, so that ("ab", "c") and ("a", "bc")
 * hash differently when strings are chained. */
#define HASH_FNV_SEED 14695981039346656037ull /* FNV-1a offset basis */
uint64_t hash_str(uint64_t h, const char *s);
/* Mixes an integer into h. */
uint64_t hash_int(uint64_t h, int64_t v);

#endif
