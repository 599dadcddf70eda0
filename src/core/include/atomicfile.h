/* atomicfile.h - replace a file all at once or not at all.
 *
 * The data goes to a temporary file in the target's folder (same file
 * system, so the final rename is atomic), is flushed to disk, then renamed
 * over the target. On any failure (no such folder, permission, disk full,
 * file size limit) the temporary file is removed, the previous file is left
 * untouched — the last good PDF survives — and D_IO_WRITE names the path and
 * the system's reason.
 */
#ifndef AIREPORT_ATOMICFILE_H
#define AIREPORT_ATOMICFILE_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

bool write_file_atomic(const char *path, const void *data, size_t n, diags *d);

#endif
