/* batch.h - runs a list of output documents, in parallel, each written into
 * the run's output folder (outdir.h) as a set: the document with its extra
 * files, all replaced or none. A document that fails leaves no file (and
 * keeps the last good ones), is reported with its name, and does not stop
 * the others. The workers make the documents; one more thread writes them,
 * so no worker waits for the disk (batch.c). */
#ifndef AIREPORT_BATCH_H
#define AIREPORT_BATCH_H

#include "diag.h"
#include "outdir.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct batch_job batch_job;

/* Files a job writes beside its document (the provenance sidecars next to a
 * PDF; a document's workbook, HTML page and chart files): the producer
 * fills them (malloc'd path inside the output folder, and data); the runner
 * writes them with the document as one set (outdir.h: these first, the
 * document last, all or none), then frees them. */
enum { BATCH_MAX_EXTRA = 64 }; /* most of them a document's chart files */
typedef struct {
    int n;
    struct {
        char *path;
        unsigned char *data;
        size_t len;
    } file[BATCH_MAX_EXTRA];
} batch_extras;

/* Produces the document's bytes into *data (malloc'd; the runner frees it).
 * Problems go to d. Returns false on failure. Runs on a worker thread: it
 * may only read shared state. */
typedef bool (*batch_produce_fn)(void *ctx, const batch_job *job, unsigned char **data,
                                 size_t *len, int *pages, diags *d);

struct batch_job {
    const char *name;    /* shown in progress and errors: "national", "13_東京都" */
    const char *rel;     /* output file inside the output folder: "prefectures/13_東京都.pdf" */
    const char *path;    /* the same with the folder, for messages: "out/prefectures/..." */
    batch_produce_fn produce;
    void *ctx;
    int arg;             /* free for the producer (e.g. a prefecture code) */
    batch_extras *extras; /* optional: storage for the producer's extra files */
    /* results */
    int status;          /* exit status of this document, EXIT_OK on success */
    size_t bytes;
    int pages;
};

typedef struct {
    outdir *out;         /* where the documents go */
    int jobs;            /* worker threads, >= 1 */
    bool progress;       /* a progress line on stderr (when it is a terminal) */
    bool quiet;          /* no summary line */
} batch_options;

/* Runs every job; returns the most severe exit status of all jobs (EXIT_OK
 * when all succeeded). Diagnostics are printed to err, prefixed with the
 * job's name, after each job finishes. */
int batch_run(batch_job *jobs, int n, const batch_options *o, FILE *err);

#endif
