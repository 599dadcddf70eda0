#include "batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    batch_job *jobs;
    int n, next, done;
    const batch_options *o;
    FILE *err;
    bool tty;
    struct timespec t0;
    pthread_mutex_t lock;
} batch_state;

static double S_elapsed_s(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Runs one job with its own diagnostics; prints them under the lock. */
static void S_run_job(batch_state *st, batch_job *job)
{
    diags *d = diags_new(NULL);
    unsigned char *data = NULL;
    size_t len = 0;
    int pages = 0;
    bool ok = job->produce(job->ctx, job, &data, &len, &pages, d);
    outdir_result written = OUTDIR_KEPT;
    int n_extra = job->extras ? job->extras->n : 0;
    if (ok) {
        /* the extra files first, the document last: one set */
        outdir_file files[BATCH_MAX_EXTRA + 1];
        for (int i = 0; i < n_extra; i++)
            files[i] = (outdir_file){job->extras->file[i].path, job->extras->file[i].data,
                                     job->extras->file[i].len};
        files[n_extra] = (outdir_file){job->rel, data, len};
        written = outdir_write_set(st->o->out, files, n_extra + 1, d);
        ok = written == OUTDIR_WRITTEN;
    }
    free(data);
    for (int i = 0; i < n_extra; i++) {
        free(job->extras->file[i].path);
        free(job->extras->file[i].data);
    }
    if (job->extras)
        job->extras->n = 0;
    job->status = ok ? EXIT_OK : diags_exit_status(d);
    if (!ok && job->status == EXIT_OK)
        job->status = EXIT_INTERNAL;
    if (ok) {
        job->bytes = len;
        job->pages = pages;
    }

    pthread_mutex_lock(&st->lock);
    st->done++;
    if (st->tty)
        fputs("\r\033[K", st->err);
    for (int i = 0; i < diags_kept(d); i++) {
        const diag *g = diags_get(d, i);
        if (g->line > 0 && g->column > 0)
            fprintf(st->err, "%s: %s:%ld:%ld: %s [%s]\n", job->name, g->file, g->line, g->column,
                    g->message, diag_code_id(g->code));
        else if (g->line > 0)
            fprintf(st->err, "%s: %s:%ld: %s [%s]\n", job->name, g->file, g->line, g->message,
                    diag_code_id(g->code));
        else
            fprintf(st->err, "%s: %s: %s [%s]\n", job->name, g->file, g->message,
                    diag_code_id(g->code));
    }
    if (!ok && written == OUTDIR_MIXED)
        fprintf(st->err, "%s: FAILED, %s not written; some of its files could not be put back "
                         "(see above)\n",
                job->name, job->path);
    else if (!ok)
        fprintf(st->err, "%s: FAILED, %s not written (previous file%s kept)\n", job->name,
                job->path, n_extra ? "s" : "");
    if (st->tty)
        fprintf(st->err, "[%d/%d] %.1f s  %s", st->done, st->n, S_elapsed_s(&st->t0), job->name);
    fflush(st->err);
    pthread_mutex_unlock(&st->lock);
    diags_free(d);
}

static void *S_worker(void *arg)
{
    batch_state *st = arg;
    for (;;) {
        pthread_mutex_lock(&st->lock);
        int i = st->next < st->n ? st->next++ : -1;
        pthread_mutex_unlock(&st->lock);
        if (i < 0)
            return NULL;
        S_run_job(st, &st->jobs[i]);
    }
}

int batch_run(batch_job *jobs, int n, const batch_options *o, FILE *err)
{
    batch_state st = {.jobs = jobs, .n = n, .o = o, .err = err};
    st.tty = o->progress && isatty(fileno(err));
    clock_gettime(CLOCK_MONOTONIC, &st.t0);
    pthread_mutex_init(&st.lock, NULL);

    int n_threads = o->jobs < 1 ? 1 : o->jobs;
    if (n_threads > n)
        n_threads = n;
    pthread_t *threads = calloc((size_t)n_threads, sizeof *threads);
    int started = 0;
    for (int t = 1; t < n_threads && threads; t++)
        if (pthread_create(&threads[t], NULL, S_worker, &st) == 0)
            started = t;
    S_worker(&st); /* the calling thread works too */
    for (int t = 1; t <= started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    pthread_mutex_destroy(&st.lock);

    int status = EXIT_OK, failed = 0, pages = 0;
    size_t bytes = 0;
    static const int severity[] = {EXIT_INTERNAL, EXIT_IO, EXIT_FONT, EXIT_TEMPLATE, EXIT_DATA};
    for (int i = 0; i < n; i++) {
        if (jobs[i].status != EXIT_OK)
            failed++;
        pages += jobs[i].pages;
        bytes += jobs[i].bytes;
    }
    for (size_t r = 0; r < sizeof severity / sizeof severity[0] && status == EXIT_OK; r++)
        for (int i = 0; i < n; i++)
            if (jobs[i].status == severity[r])
                status = severity[r];
    if (st.tty)
        fputs("\r\033[K", err);
    if (!o->quiet)
        fprintf(err, "aireport: %d document%s, %d pages, %zu bytes in %.2f s%s\n", n - failed,
                n - failed == 1 ? "" : "s", pages, bytes, S_elapsed_s(&st.t0),
                failed ? "; FAILED: see above" : "");
    if (failed)
        fprintf(err, "aireport: %d of %d documents failed\n", failed, n);
    return status;
}
