/* outdir.h - the output folder of a run (--out). Every file a build writes
 * goes through here, so that:
 *
 *  - nothing is written outside it: files are named by paths relative to
 *    the folder whose every part is a plain name (no "..", no "/" inside,
 *    not hidden), and each folder below is opened from the folder's
 *    descriptor with openat and O_NOFOLLOW: a symbolic link inside --out
 *    (out/bodies -> /elsewhere) is refused, not followed;
 *  - a document is its files together: its PDF and its sidecars are written
 *    to temporary files first, then renamed into place, the sidecars first
 *    and the PDF last; when a step fails, the files already renamed are put
 *    back (from a hard link to the previous file), so a document is either
 *    wholly new or wholly as it was, and the message says which; a set's
 *    files are on stable storage before the first rename (one syncfs for
 *    a set of more than two files, an fdatasync each for a smaller one:
 *    outdir.c says why);
 *  - one build writes into a folder at a time: the run holds a lock (flock)
 *    on --out/.aireport.lock, which names it (pid, host, start); a second
 *    run waits for it, saying so, or with --no-wait fails naming it;
 *  - temporary files (".<name>.tmp-*", ".<name>.bak-*") that a run which
 *    died left behind are removed when the next run takes the lock, and
 *    SIGINT or SIGTERM (or running out of memory) remove the run's own
 *    before it ends: a signal waits for a document being renamed into place
 *    to be complete, then ends the run with that signal.
 */
#ifndef AIREPORT_OUTDIR_H
#define AIREPORT_OUTDIR_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct outdir outdir;

/* The lock file inside the folder: not an output (empty between runs). */
#define OUTDIR_LOCK_FILE ".aireport.lock"

typedef struct {
    bool no_wait;   /* another run holds the lock: fail instead of waiting */
    FILE *progress; /* where "waiting for ..." is said (NULL: nowhere) */
    /* The caller takes SIGINT and SIGTERM itself: it has them blocked in
     * every thread before opening (build --watch reads them from a
     * signalfd) and ends the run only between sets, when no temporary file
     * exists. No signal thread is started then. */
    bool caller_signals;
} outdir_options;

/* Creates path (and its parents) when missing, opens it, takes its lock
 * and removes the temporary files of dead runs; from then on SIGINT and
 * SIGTERM clean up before ending the process (unless caller_signals).
 * NULL after reporting (D_IO_WRITE: the folder cannot be created or
 * opened; another run holds it and no_wait). One outdir per process at a
 * time; it may serve several builds (build --watch holds it, and with it
 * the lock, for its whole life). */
outdir *outdir_open(const char *path, const outdir_options *opt, diags *d);
/* Releases the lock and the signal handling. */
void outdir_close(outdir *o);

/* Creates path and its parents (mkdir -p), as outdir_open does with its
 * folder; for folders written outside a run (init). false after reporting
 * (D_IO_WRITE). */
bool outdir_mkdirs(const char *path, diags *d);

/* The folder as given ("out"). */
const char *outdir_path(const outdir *o);

/* Creates the folder rel inside (and its parents), refusing links. */
bool outdir_mkdir(outdir *o, const char *rel, diags *d);

/* One file of a set: rel is its path inside the folder, e.g.
 * "bodies/011002_札幌市.pdf"; its folder must exist (outdir_mkdir). */
typedef struct {
    const char *rel;
    const void *data;
    size_t len;
} outdir_file;

/* What outdir_write_set did. */
typedef enum {
    OUTDIR_WRITTEN, /* every file replaced */
    OUTDIR_KEPT,    /* failed; every file keeps its previous content */
    OUTDIR_MIXED    /* failed, and a file could not be put back (reported) */
} outdir_result;

/* Writes files[0..n) as one set, renamed in order (the document last).
 * Problems go to d (D_IO_WRITE, naming the file, the step and what the
 * files hold now). Thread-safe. */
outdir_result outdir_write_set(outdir *o, const outdir_file *files, int n, diags *d);
/* One file: true when written. */
bool outdir_write(outdir *o, const char *rel, const void *data, size_t len, diags *d);

/* Replaces dirfd/name atomically (temporary file, fdatasync, rename): what
 * write_file_atomic() does, outside any output folder. shown is the path
 * messages name. */
bool outdir_replace_at(int dirfd, const char *name, const char *shown, const void *data,
                       size_t len, diags *d);

#endif
