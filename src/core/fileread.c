/* fileread.c - checked opening and reading of input files (fileread.h). */
#include "fileread.h"

#include "arena.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 1.5 MB, 3.0 GB, 512 KB, 900 B */
static void human_size(char *buf, size_t size, unsigned long long bytes)
{
    static const char *const units[] = {"B", "KB", "MB", "GB", "TB"};
    double v = (double)bytes;
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        u++;
    }
    if (u == 0)
        snprintf(buf, size, "%llu B", bytes);
    else if (v == (double)(unsigned long long)v)
        snprintf(buf, size, "%.0f %s", v, units[u]);
    else
        snprintf(buf, size, "%.1f %s", v, units[u]);
}

bool file_kind_ok(const struct stat *st, size_t limit, const char *what, char *why,
                  size_t why_size)
{
    const char *is = NULL;
    if (S_ISDIR(st->st_mode))
        is = "is a folder";
    else if (S_ISFIFO(st->st_mode))
        is = "is a FIFO (named pipe)";
    else if (S_ISCHR(st->st_mode))
        is = "is a character device";
    else if (S_ISBLK(st->st_mode))
        is = "is a block device";
    else if (S_ISSOCK(st->st_mode))
        is = "is a socket";
    else if (!S_ISREG(st->st_mode))
        is = "is not a regular file";
    if (is) {
        snprintf(why, why_size, "%s; expected a regular file (%s)", is, what);
        return false;
    }
    if ((unsigned long long)st->st_size > limit) {
        char have[32], most[32];
        human_size(have, sizeof have, (unsigned long long)st->st_size);
        human_size(most, sizeof most, limit);
        snprintf(why, why_size, "is %s; %s is read up to %s", have, what, most);
        return false;
    }
    return true;
}

bool file_check(const char *path, size_t limit, const char *what, char *why, size_t why_size)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(why, why_size, "%s", errno == ENOENT ? "does not exist" : strerror(errno));
        return false;
    }
    return file_kind_ok(&st, limit, what, why, why_size);
}

FILE *file_open_read(const char *path, size_t limit, const char *what, diag_code kind_code,
                     diags *d)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
     * below anyway. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        diag_add(d, D_IO_READ, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    char why[256];
    if (fstat(fd, &st) != 0) {
        diag_add(d, D_IO_READ, path, 0, 0, "cannot read: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (!file_kind_ok(&st, limit, what, why, sizeof why)) {
        diag_add(d, kind_code, path, 0, 0, "%s", why);
        close(fd);
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        diag_add(d, D_IO_READ, path, 0, 0, "cannot read: %s", strerror(errno));
        close(fd);
    }
    return f;
}

char *file_read_all(const char *path, size_t limit, const char *what, diag_code kind_code,
                    size_t *len, diags *d)
{
    FILE *f = file_open_read(path, limit, what, kind_code, d);
    if (!f)
        return NULL;
    /* The size was checked; reading stops at the limit all the same (a
     * file that grows meanwhile). */
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n + 1 >= cap)
            buf = xrealloc(buf, cap *= 2);
        size_t want = cap - n - 1;
        if (want > limit + 1 - n)
            want = limit + 1 - n;
        size_t got = fread(buf + n, 1, want, f);
        n += got;
        if (got == 0 || n > limit)
            break;
    }
    int err = errno;
    bool failed = ferror(f);
    fclose(f);
    if (failed || n > limit) {
        if (failed)
            diag_add(d, D_IO_READ, path, 0, 0, "read error: %s", strerror(err));
        else
            diag_add(d, kind_code, path, 0, 0, "grew past %zu bytes while read; %s is read up "
                                               "to that",
                     limit, what);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}
