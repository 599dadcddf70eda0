/* atomicfile.c - temp file, write, fsync, rename. */
#include "atomicfile.h"

#include "arena.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* New files get the permissions an ordinary fopen() would give. The umask
 * can only be read by setting it, which races between the batch's worker
 * threads, so it is read once per process. */
static pthread_once_t S_mode_once = PTHREAD_ONCE_INIT;
static mode_t S_mode;

static void S_read_umask(void)
{
    mode_t mask = umask(022);
    umask(mask);
    S_mode = 0666 & ~mask;
}

static mode_t creation_mode(void)
{
    pthread_once(&S_mode_once, S_read_umask);
    return S_mode;
}

bool write_file_atomic(const char *path, const void *data, size_t n, diags *d)
{
    /* "<dir>/.<name>.tmp-XXXXXX": hidden, next to the target. */
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dir_len;
    size_t tmp_size = strlen(path) + 16;
    char *tmp = xmalloc(tmp_size);
    memcpy(tmp, path, dir_len);
    snprintf(tmp + dir_len, tmp_size - dir_len, ".%s.tmp-XXXXXX", base);

    const char *step = "create a temporary file for";
    int fd = mkstemp(tmp);
    if (fd < 0)
        goto fail_nofile;

    step = "write";
    const unsigned char *p = data;
    size_t left = n;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        p += w;
        left -= (size_t)w;
    }
    step = "flush to disk";
    if (fsync(fd) != 0)
        goto fail;
    step = "set permissions of";
    if (fchmod(fd, creation_mode()) != 0)
        goto fail;
    step = "close";
    int rc = close(fd);
    fd = -1;
    if (rc != 0)
        goto fail;
    step = "rename the temporary file onto";
    if (rename(tmp, path) != 0)
        goto fail;
    free(tmp);
    return true;

fail: {
    int err = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    errno = err;
}
fail_nofile:
    diag_add(d, D_IO_WRITE, path, 0, 0, "cannot %s %s: %s; the previous file is kept", step, path,
             strerror(errno));
    free(tmp);
    return false;
}
