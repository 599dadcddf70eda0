/* test_oom.c - out of memory ends the program with status 5 and a message,
 * never with an abort (arena.h). The failing allocation runs in a child. */
#include "arena.h"
#include "diag.h"
#include "harness.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef void (*alloc_fn)(void);

static void big_malloc(void) { xmalloc(SIZE_MAX / 4); }
static void big_calloc(void) { xcalloc(SIZE_MAX / 16, 8); }
static void big_realloc(void) { xrealloc(xmalloc(16), SIZE_MAX / 4); }
static void big_arena(void) { arena_alloc(arena_new(), SIZE_MAX / 4); }

static void check_child(alloc_fn fn, const char *name)
{
    int pipefd[2];
    CHECK(pipe(pipefd) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], 2);
        close(pipefd[0]);
        fn();
        _exit(0); /* not reached */
    }
    close(pipefd[1]);
    char err[512] = "";
    size_t n = 0;
    ssize_t got;
    while (n + 1 < sizeof err && (got = read(pipefd[0], err + n, sizeof err - 1 - n)) > 0)
        n += (size_t)got;
    err[n] = '\0';
    close(pipefd[0]);
    int st = 0;
    waitpid(pid, &st, 0);
    if (!WIFEXITED(st))
        test_fail(__FILE__, __LINE__, "%s: killed by signal %d, expected exit 5", name,
                  WIFSIGNALED(st) ? WTERMSIG(st) : -1);
    else
        CHECK_INT(WEXITSTATUS(st), EXIT_IO);
    CHECK_CONTAINS(err, "aireport: out of memory");
}

int main(void)
{
    check_child(big_malloc, "xmalloc");
    check_child(big_calloc, "xcalloc");
    check_child(big_realloc, "xrealloc");
    check_child(big_arena, "arena_alloc");
    return test_done();
}
