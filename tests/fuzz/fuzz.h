/* fuzz.h - the libFuzzer entry point shared by the harnesses in this folder.
 *
 * Each harness is built twice: with -fsanitize=fuzzer for fuzzing
 * (scripts/fuzz.sh, -DAIREPORT_FUZZ=ON with clang), and with replay.c as its
 * main for ctest, where it runs over its committed corpus in every build
 * (including the ASan+UBSan one), so a fixed crash stays fixed.
 *
 * Harnesses check properties of the output, not only that nothing crashed:
 * a violated property calls fuzz_fail(), which aborts (a crash to libFuzzer,
 * a failed test to ctest). */
#ifndef AIREPORT_FUZZ_H
#define AIREPORT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints "fuzz: property violated: ..." and aborts. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#define FUZZ_ASSERT(cond, ...)                                                                     \
    do {                                                                                           \
        if (!(cond))                                                                               \
            fuzz_fail(__VA_ARGS__);                                                                \
    } while (0)

#endif
