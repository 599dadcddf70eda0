/* atomicfile.c - one file replaced atomically, outside an output folder:
 * the temporary file, fsync and rename of outdir.c, in the target's folder. */
#include "atomicfile.h"

#include "arena.h"
#include "outdir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool write_file_atomic(const char *path, const void *data, size_t n, diags *d)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrdup(path) : xstrdup(".");
    if (slash)
        dir[slash - path + (slash == path)] = '\0'; /* "/x" -> "/" */
    const char *base = slash ? slash + 1 : path;
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool ok = false;
    if (dirfd < 0)
        diag_add(d, D_IO_WRITE, path, 0, 0,
                 "cannot create a temporary file for %s: %s; the previous file is kept", path,
                 strerror(errno));
    else
        ok = outdir_replace_at(dirfd, base, path, data, n, d);
    if (dirfd >= 0)
        close(dirfd);
    free(dir);
    return ok;
}
