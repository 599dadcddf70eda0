/* test_hashidx.c - the one hash table (hashidx.h): every item found by its
 * key, absent keys not found, the first of equal keys first, colliding
 * hashes kept apart by the caller's key comparison, the arena and malloc
 * variants alike. */
#include "harness.h"
#include "hashidx.h"

#include <stdio.h>
#include <string.h>

enum { N = 5000 };
static char S_keys[N][16];

static int find(const hashidx *h, const char *key, uint64_t hash)
{
    hashidx_probe p;
    for (int i = hashidx_first(h, hash, &p); i >= 0; i = hashidx_next(h, &p))
        if (strcmp(S_keys[i], key) == 0)
            return i;
    return -1;
}

static void test_all_found(arena *mem)
{
    hashidx h;
    hashidx_init(&h, N, mem);
    for (int i = 0; i < N; i++) {
        snprintf(S_keys[i], sizeof S_keys[i], "key%d", i / 2); /* each key twice */
        hashidx_add(&h, hash_str(HASH_FNV_SEED, S_keys[i]), i);
    }
    int bad = 0;
    for (int i = 0; i < N; i += 2)
        bad += find(&h, S_keys[i], hash_str(HASH_FNV_SEED, S_keys[i])) != i;
    CHECK_INT(bad, 0); /* the first of the two, every time */
    CHECK_INT(find(&h, "key-1", hash_str(HASH_FNV_SEED, "key-1")), -1);
    CHECK_INT(find(&h, "", hash_str(HASH_FNV_SEED, "")), -1);
    if (!mem)
        hashidx_free(&h);
}

static void test_collisions(void)
{
    /* every item under one hash: found by walking the run */
    hashidx h;
    hashidx_init(&h, 100, NULL);
    for (int i = 0; i < 100; i++) {
        snprintf(S_keys[i], sizeof S_keys[i], "c%d", i);
        hashidx_add(&h, 42, i);
    }
    CHECK_INT(find(&h, "c0", 42), 0);
    CHECK_INT(find(&h, "c99", 42), 99);
    CHECK_INT(find(&h, "c100", 42), -1);
    hashidx_free(&h);

    hashidx empty = {0};
    hashidx_probe p;
    CHECK_INT(hashidx_first(&empty, 1, &p), -1);
}

static void test_hash_functions(void)
{
    /* chained strings are separated: ("ab","c") != ("a","bc") */
    uint64_t a = hash_str(hash_str(HASH_FNV_SEED, "ab"), "c");
    uint64_t b = hash_str(hash_str(HASH_FNV_SEED, "a"), "bc");
    CHECK(a != b);
    CHECK(hash_int(a, 1) != hash_int(a, 2));
    CHECK(hash_str(HASH_FNV_SEED, "x") == hash_str(HASH_FNV_SEED, "x"));
}

int main(void)
{
    arena *mem = arena_new();
    test_all_found(mem);
    test_all_found(NULL);
    arena_free(mem);
    test_collisions();
    test_hash_functions();
    return test_done();
}
