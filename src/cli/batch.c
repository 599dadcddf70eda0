#include "batch.h"

#include "arena.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* A document made and not yet written: what its producer returned. */
typedef struct {
    batch_job *job;
    bool ok;
    unsigned char *data;
    size_t len;
    int pages;
    diags *d;
} made_doc;

/* The workers make documents; one writer thread writes them (outdir.h), so
 * that a worker never waits for the disk: writing a set ends with flushing
 * it to stable storage (~10 ms of waiting for a document with its chart
 * files, an fdatasync for each small set), and with as many workers as
 * cores a worker that waited left its core idle. The writer takes the
 * documents in the order they were made; at most MAX_WAITING wait for it
 * per worker (a worker that would add one more waits instead, so memory
 * stays bounded when the disk is slower than the producers). */
enum { MAX_WAITING = 2 };

typedef struct {
    batch_job *jobs;
    int n, next, done;
    const batch_options *o;
    FILE *err;
    bool tty;
    struct timespec t0;
    pthread_mutex_t lock;
    /* documents made, waiting for the writer: a ring of cap */
    pthread_cond_t made_cond, room_cond;
    made_doc *ring;
    int cap, head, count;
    int producing; /* workers still making documents */
} batch_state;

static double S_elapsed_s(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Writes a made document with its extra files as one set, and prints its
 * diagnostics under the lock. */
static void S_write_doc(batch_state *st, made_doc *m)
{
    batch_job *job = m->job;
    diags *d = m->d;
    bool ok = m->ok;
    outdir_result written = OUTDIR_KEPT;
    int n_extra = job->extras ? job->extras->n : 0;
    if (ok) {
        /* the extra files first, the document last: one set */
        outdir_file files[BATCH_MAX_EXTRA + 1];
        for (int i = 0; i < n_extra; i++)
            files[i] = (outdir_file){job->extras->file[i].path, job->extras->file[i].data,
                                     job->extras->file[i].len};
        files[n_extra] = (outdir_file){job->rel, m->data, m->len};
        written = outdir_write_set(st->o->out, files, n_extra + 1, d);
        ok = written == OUTDIR_WRITTEN;
    }
    free(m->data);
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
        job->bytes = m->len;
        job->pages = m->pages;
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

/* Makes documents until none is left, handing each to the writer. */
static void *S_worker(void *arg)
{
    batch_state *st = arg;
    for (;;) {
        pthread_mutex_lock(&st->lock);
        int i = st->next < st->n ? st->next++ : -1;
        pthread_mutex_unlock(&st->lock);
        if (i < 0)
            break;
        batch_job *job = &st->jobs[i];
        made_doc m = {.job = job, .d = diags_new(NULL)};
        m.ok = job->produce(job->ctx, job, &m.data, &m.len, &m.pages, m.d);
        pthread_mutex_lock(&st->lock);
        while (st->count == st->cap)
            pthread_cond_wait(&st->room_cond, &st->lock);
        st->ring[(st->head + st->count++) % st->cap] = m;
        pthread_cond_signal(&st->made_cond);
        pthread_mutex_unlock(&st->lock);
    }
    pthread_mutex_lock(&st->lock);
    st->producing--;
    pthread_cond_signal(&st->made_cond);
    pthread_mutex_unlock(&st->lock);
    return NULL;
}

/* Writes the documents the workers made, until they are all written. */
static void *S_writer(void *arg)
{
    batch_state *st = arg;
    for (;;) {
        pthread_mutex_lock(&st->lock);
        while (st->count == 0 && st->producing > 0)
            pthread_cond_wait(&st->made_cond, &st->lock);
        if (st->count == 0) { /* every worker ended, nothing left */
            pthread_mutex_unlock(&st->lock);
            return NULL;
        }
        made_doc m = st->ring[st->head];
        st->head = (st->head + 1) % st->cap;
        st->count--;
        pthread_cond_signal(&st->room_cond);
        pthread_mutex_unlock(&st->lock);
        S_write_doc(st, &m);
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
    pthread_cond_init(&st.made_cond, NULL);
    pthread_cond_init(&st.room_cond, NULL);
    st.cap = MAX_WAITING * (n_threads > 0 ? n_threads : 1);
    st.ring = xcalloc((size_t)st.cap, sizeof *st.ring);
    pthread_t *threads = xcalloc((size_t)n_threads + 1, sizeof *threads);
    /* threads[0]: the writer; the calling thread works too. Without a
     * writer thread (none could be started) the calling thread writes,
     * after making every document, with room for all of them. */
    st.producing = 1;
    bool writer = pthread_create(&threads[0], NULL, S_writer, &st) == 0;
    if (!writer) {
        free(st.ring);
        st.cap = n > 0 ? n : 1;
        st.ring = xcalloc((size_t)st.cap, sizeof *st.ring);
    }
    int started = 0;
    for (int t = 1; t < n_threads; t++) {
        pthread_mutex_lock(&st.lock);
        st.producing++;
        pthread_mutex_unlock(&st.lock);
        if (pthread_create(&threads[t], NULL, S_worker, &st) == 0) {
            started = t;
        } else {
            pthread_mutex_lock(&st.lock);
            st.producing--;
            pthread_mutex_unlock(&st.lock);
            break;
        }
    }
    S_worker(&st);
    for (int t = 1; t <= started; t++)
        pthread_join(threads[t], NULL);
    if (writer)
        pthread_join(threads[0], NULL);
    else
        S_writer(&st);
    free(threads);
    free(st.ring);
    pthread_cond_destroy(&st.made_cond);
    pthread_cond_destroy(&st.room_cond);
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
