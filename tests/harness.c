#include "harness.h"

#include <stdarg.h>
#include <stdio.h>

int test_failures, test_checks;

void test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    test_failures++;
    fprintf(stderr, "%s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int test_done(void)
{
    printf("%d checks, %d failed\n", test_checks, test_failures);
    if (test_checks == 0) {
        fprintf(stderr, "no checks ran\n");
        return 1;
    }
    return test_failures ? 1 : 0;
}
