/* harness.h - a tiny assertion harness: each failed check prints where,
 * what was got and what was expected; test_done() returns the exit status. */
#ifndef AIREPORT_TEST_HARNESS_H
#define AIREPORT_TEST_HARNESS_H

#include <stdbool.h>

extern int test_failures, test_checks;

void test_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int test_done(void);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        test_checks++;                                                                             \
        if (!(cond))                                                                               \
            test_fail(__FILE__, __LINE__, "check failed: %s", #cond);                              \
    } while (0)

#define CHECK_INT(got, expected)                                                                   \
    do {                                                                                           \
        long long g_ = (long long)(got), e_ = (long long)(expected);                               \
        test_checks++;                                                                             \
        if (g_ != e_)                                                                              \
            test_fail(__FILE__, __LINE__, "%s: got %lld, expected %lld", #got, g_, e_);            \
    } while (0)

#define CHECK_STR(got, expected)                                                                   \
    do {                                                                                           \
        const char *g_ = (got), *e_ = (expected);                                                  \
        test_checks++;                                                                             \
        if (!g_ || !e_ || strcmp(g_, e_) != 0)                                                     \
            test_fail(__FILE__, __LINE__, "%s: got \"%s\", expected \"%s\"", #got,                 \
                      g_ ? g_ : "(null)", e_ ? e_ : "(null)");                                     \
    } while (0)

/* got contains expected as a substring */
#define CHECK_CONTAINS(got, expected)                                                              \
    do {                                                                                           \
        const char *g_ = (got), *e_ = (expected);                                                  \
        test_checks++;                                                                             \
        if (!g_ || !strstr(g_, e_))                                                                \
            test_fail(__FILE__, __LINE__, "%s: \"%s\" does not contain \"%s\"", #got,              \
                      g_ ? g_ : "(null)", e_);                                                     \
    } while (0)

#endif
