/* outdir.c - the output folder of a run (outdir.h): paths kept inside it,
 * documents replaced as a set, one run at a time, no temporary file left. */
#define _GNU_SOURCE /* syncfs(2), Linux's */
#include "outdir.h"

#include "arena.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

/* ---- creating files --------------------------------------------------- */

/* New files get the permissions an ordinary fopen() would give: open()'s
 * mode 0666 less the umask (applied by the kernel). */
static const mode_t S_file_mode = 0666;

/* Writes all of data to fd; false with errno set. */
static bool write_all(int fd, const void *data, size_t n)
{
    const unsigned char *p = data;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* The temporary and backup names: hidden, next to the target, unique in the
 * process (and the lock keeps other runs out). */
static atomic_uint S_counter;

static void side_name(char *out, size_t size, const char *base, const char *kind)
{
    unsigned k = atomic_fetch_add(&S_counter, 1u);
    snprintf(out, size, ".%s.%s-%x-%x", base, kind, (unsigned)getpid(), k);
}

/* ---- the registry of this run's temporary files ------------------------ */

typedef struct {
    int dirfd;
    char name[NAME_MAX + 1];
} reg_entry;

struct outdir {
    char *path;
    int fd;      /* the folder */
    int lock_fd; /* .aireport.lock */
    bool locked; /* ... and this run holds it */
    /* temporary and backup files that exist now, for a signal's cleanup */
    pthread_mutex_t reg_lock;
    reg_entry *reg;
    int n_reg, reg_cap;
    /* renames of a set hold it shared; the cleanup takes it exclusive, so a
     * document is never left half renamed */
    pthread_rwlock_t gate;
    pthread_t sig_thread;
    bool sig_started;
    sigset_t sigs;       /* the signals the thread takes */
    sigset_t old_mask;
    atomic_bool closing;
};

static outdir *S_current; /* the open folder, for the exit and signal cleanup */

static void reg_add_locked(outdir *o, int dirfd, const char *name)
{
    if (o->n_reg == o->reg_cap) {
        o->reg_cap = o->reg_cap ? o->reg_cap * 2 : 32;
        o->reg = xrealloc(o->reg, sizeof *o->reg * (size_t)o->reg_cap);
    }
    reg_entry *e = &o->reg[o->n_reg++];
    e->dirfd = dirfd;
    snprintf(e->name, sizeof e->name, "%s", name);
}

static void reg_remove(outdir *o, int dirfd, const char *name)
{
    if (!o)
        return;
    pthread_mutex_lock(&o->reg_lock);
    for (int i = 0; i < o->n_reg; i++)
        if (o->reg[i].dirfd == dirfd && strcmp(o->reg[i].name, name) == 0) {
            o->reg[i] = o->reg[--o->n_reg];
            break;
        }
    pthread_mutex_unlock(&o->reg_lock);
}

/* Creates dirfd/name exclusively and registers it in one step, so that a
 * cleanup never misses a file that exists. */
static int create_registered(outdir *o, int dirfd, const char *name)
{
    if (o)
        pthread_mutex_lock(&o->reg_lock);
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                    S_file_mode);
    if (fd >= 0 && o)
        reg_add_locked(o, dirfd, name);
    if (o)
        pthread_mutex_unlock(&o->reg_lock);
    return fd;
}

/* Removes every registered file (the run is ending). lock: take the
 * registry's lock (not when it may be held by the caller's own thread). */
static void remove_registered(outdir *o, bool lock)
{
    bool locked = lock ? pthread_mutex_lock(&o->reg_lock) == 0
                       : pthread_mutex_trylock(&o->reg_lock) == 0;
    for (int i = 0; i < o->n_reg; i++)
        unlinkat(o->reg[i].dirfd, o->reg[i].name, 0);
    o->n_reg = 0;
    if (locked && !lock)
        pthread_mutex_unlock(&o->reg_lock);
    /* with lock, the registry stays locked: no file is created any more */
}

/* ---- a set of files ----------------------------------------------------- */

typedef struct {
    const char *shown;       /* for messages */
    const char *kept;        /* what a message adds when the set is kept */
    int dirfd;
    bool own_dirfd;
    int fd;                  /* the temporary file while staged; -1 when closed */
    char base[NAME_MAX + 1];
    char tmp[NAME_MAX + 1];  /* "" once renamed or removed */
    char bak[NAME_MAX + 1];  /* the previous file, hard-linked; "" when none */
    bool had_old;            /* the target existed */
    bool moved_old;          /* the previous file was renamed to bak (no hard links) */
    bool renamed;
} slot;

static void report(diags *d, const char *shown, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void report(diags *d, const char *shown, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(d, D_IO_WRITE, shown, 0, 0, "%s", msg);
}

/* What stays when a set of n files is not written. */
static const char *kept_text(int n)
{
    return n > 1 ? "the document and its other files keep their previous content"
                 : "the previous file is kept";
}

/* Drops the temporary file of s after a failure (its fd closed). */
static void drop_staged(outdir *o, slot *s)
{
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
    if (s->tmp[0]) {
        unlinkat(s->dirfd, s->tmp, 0);
        reg_remove(o, s->dirfd, s->tmp);
        s->tmp[0] = '\0';
    }
}

/* Writes the temporary file of s; its fd stays open (s->fd) for the set's
 * durability barrier (make_durable). */
static bool stage(outdir *o, slot *s, const void *data, size_t len, diags *d)
{
    s->fd = -1;
    for (int tries = 0; tries < 100 && s->fd < 0; tries++) {
        side_name(s->tmp, sizeof s->tmp, s->base, "tmp");
        s->fd = create_registered(o, s->dirfd, s->tmp);
        if (s->fd < 0 && errno != EEXIST)
            break;
    }
    const char *step = "create a temporary file for";
    if (s->fd < 0) {
        s->tmp[0] = '\0';
    } else {
        step = "write";
        if (write_all(s->fd, data, len))
            return true;
    }
    int err = errno;
    drop_staged(o, s);
    report(d, s->shown, "cannot %s %s: %s; %s", step, s->shown, strerror(err), s->kept);
    return false;
}

/* ---- one durability barrier per set -------------------------------------- */

/* The files of a set are renamed into place only once their data is on
 * stable storage: a name then always holds a complete file, the previous
 * one or the new one, even after a crash or a power cut (a rename that
 * reaches the disk before the data it names would leave an empty or
 * partial file under the name). Each file used to get an fsync of its own,
 * and on ext4 every fsync is a journal commit and a cache flush: a whole
 * build (some 850 files) spent most of its wall time in them. So a set of
 * more than SMALL_SET files gets one barrier: its temporary files are all
 * written first, then syncfs() on the file system that holds them writes
 * back all its dirty data and waits for it (one journal commit, one cache
 * flush). Every write() of the set returned before syncfs() is called, so
 * every temporary file is on the disk when it returns; only then is the
 * first one renamed. What makes that safe to rely on:
 *  - a write-back error must not pass unseen: syncfs() reports one (on the
 *    file system, since the file was opened) from Linux 5.8 on; an older
 *    kernel returns 0 whatever happened, so there each file gets its own
 *    fdatasync() as before;
 *  - a folder inside --out may be another file system (a mount point):
 *    syncfs() runs once per file system the set's files are on;
 *  - syncfs() cannot be used (ENOSYS, e.g. a sandbox): fdatasync() each.
 * fdatasync() rather than fsync(): a new file's data and size are what it
 * flushes; its times do not matter. A small set (a body sheet and its CSV,
 * figures.csv, index.html) keeps one fdatasync() per file: syncfs() writes
 * back everything the file system has pending, other programs' data too,
 * which for one or two files costs more than it saves.
 * The renames themselves are not flushed (as before): after a power cut a
 * set renamed in its last moments may be partly new, each file whole; the
 * next build rewrites it. The set's all-or-nothing promise is about
 * failures the run sees (outdir.h). */
enum { SMALL_SET = 2 };

/* Whether syncfs() reports write-back errors: Linux >= 5.8. */
static bool syncfs_reports_errors(void)
{
    static atomic_int known; /* 0 not yet, 1 yes, 2 no */
    int k = atomic_load(&known);
    if (k == 0) {
        struct utsname u;
        int major = 0, minor = 0;
        bool yes = uname(&u) == 0 && sscanf(u.release, "%d.%d", &major, &minor) == 2 &&
                   (major > 5 || (major == 5 && minor >= 8));
        k = yes ? 1 : 2;
        atomic_store(&known, k);
    }
    return k == 1;
}

/* The barrier of the set's staged files (all open); false after reporting
 * (naming the file whose flush failed). */
static bool make_durable(slot *slots, int n, diags *d)
{
    bool whole_fs = n > SMALL_SET && syncfs_reports_errors();
    dev_t synced[8]; /* the file systems synced so far */
    int n_synced = 0;
    for (int i = 0; i < n; i++) {
        slot *s = &slots[i];
        bool done = false;
        int rc = 0;
        struct stat st;
        if (whole_fs && fstat(s->fd, &st) == 0) {
            for (int k = 0; k < n_synced && !done; k++)
                done = synced[k] == st.st_dev;
            if (!done && n_synced < (int)(sizeof synced / sizeof synced[0])) {
                rc = syncfs(s->fd);
                if (rc == 0)
                    synced[n_synced++] = st.st_dev;
                else if (errno == ENOSYS)
                    whole_fs = false; /* this file and the rest one by one */
                done = rc == 0 || errno != ENOSYS;
            }
        }
        if (!done)
            rc = fdatasync(s->fd);
        if (rc != 0) {
            report(d, s->shown, "cannot flush to disk %s: %s; %s", s->shown, strerror(errno),
                   s->kept);
            return false;
        }
    }
    return true;
}

/* Keeps the previous file of s under its backup name: a hard link (the
 * target stays in place), or, where the file system has none, a rename. */
static bool keep_old(outdir *o, slot *s, diags *d)
{
    struct stat st;
    if (fstatat(s->dirfd, s->base, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return true; /* a new file */
        report(d, s->shown, "cannot look at %s: %s; %s", s->shown, strerror(errno), s->kept);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        report(d, s->shown, "cannot replace %s: it is a folder; %s", s->shown, s->kept);
        return false;
    }
    s->had_old = true;
    for (int tries = 0; tries < 100; tries++) {
        side_name(s->bak, sizeof s->bak, s->base, "bak");
        if (o)
            pthread_mutex_lock(&o->reg_lock);
        int rc = linkat(s->dirfd, s->base, s->dirfd, s->bak, 0);
        if (rc != 0 && errno != EEXIST) {
            /* no hard links here (EPERM, ENOTSUP, EMLINK): move it aside */
            rc = renameat(s->dirfd, s->base, s->dirfd, s->bak);
            s->moved_old = rc == 0;
        }
        if (rc == 0 && o)
            reg_add_locked(o, s->dirfd, s->bak);
        int err = errno;
        if (o)
            pthread_mutex_unlock(&o->reg_lock);
        if (rc == 0)
            return true;
        if (err != EEXIST) {
            report(d, s->shown, "cannot keep the previous %s while replacing it: %s; %s",
                   s->shown, strerror(err), s->kept);
            s->bak[0] = '\0';
            return false;
        }
    }
    s->bak[0] = '\0';
    report(d, s->shown, "cannot keep the previous %s: no free backup name; %s", s->shown,
           s->kept);
    return false;
}

/* Puts the previous file of s back (or removes the new one when there was
 * none); false when that failed. */
static bool restore_old(outdir *o, slot *s)
{
    bool ok = true;
    if (s->had_old && s->bak[0]) {
        if (s->renamed || s->moved_old)
            ok = renameat(s->dirfd, s->bak, s->dirfd, s->base) == 0;
        else
            unlinkat(s->dirfd, s->bak, 0);
        if (ok) {
            reg_remove(o, s->dirfd, s->bak);
            s->bak[0] = '\0';
        }
    } else if (s->renamed) {
        ok = unlinkat(s->dirfd, s->base, 0) == 0;
    }
    return ok;
}

static outdir_result commit(outdir *o, slot *slots, int n, diags *d)
{
    int done = 0;
    bool failed = false;
    for (; done < n; done++) {
        slot *s = &slots[done];
        if (!keep_old(o, s, d)) {
            failed = true;
            break;
        }
        if (renameat(s->dirfd, s->tmp, s->dirfd, s->base) != 0) {
            report(d, s->shown, "cannot rename the temporary file onto %s: %s; %s", s->shown,
                   strerror(errno), s->kept);
            restore_old(o, s); /* its backup: moved back, or the extra link removed */
            failed = true;
            break;
        }
        s->renamed = true;
        reg_remove(o, s->dirfd, s->tmp);
        s->tmp[0] = '\0';
    }
    outdir_result result = OUTDIR_WRITTEN;
    if (failed) {
        /* back to the previous files, newest first */
        result = OUTDIR_KEPT;
        for (int i = done - 1; i >= 0; i--)
            if (!restore_old(o, &slots[i])) {
                report(d, slots[i].shown,
                       "could not put the previous %s back (%s): it holds the new version%s",
                       slots[i].shown, strerror(errno),
                       slots[i].bak[0] ? "; the previous one is beside it as a hidden .bak file"
                                       : "");
                result = OUTDIR_MIXED;
            }
    }
    /* the previous files are no longer needed */
    for (int i = 0; i < n; i++)
        if (slots[i].bak[0] && !failed) {
            unlinkat(slots[i].dirfd, slots[i].bak, 0);
            reg_remove(o, slots[i].dirfd, slots[i].bak);
        }
    return result;
}

static outdir_result write_slots(outdir *o, slot *slots, const outdir_file *files, int n,
                                 diags *d)
{
    int staged = 0;
    bool ok = true;
    for (; staged < n && ok; staged++)
        ok = stage(o, &slots[staged], files[staged].data, files[staged].len, d);
    if (!ok)
        staged--;
    ok = ok && make_durable(slots, n, d);
    for (int i = 0; i < staged; i++) {
        slot *s = &slots[i];
        if (s->fd >= 0 && close(s->fd) != 0 && ok) {
            report(d, s->shown, "cannot close %s: %s; %s", s->shown, strerror(errno), s->kept);
            ok = false;
        }
        s->fd = -1;
    }
    outdir_result result = OUTDIR_KEPT;
    if (ok) {
        if (o)
            pthread_rwlock_rdlock(&o->gate);
        result = commit(o, slots, n, d);
        if (o)
            pthread_rwlock_unlock(&o->gate);
    }
    for (int i = 0; i < staged; i++)
        if (slots[i].tmp[0])
            drop_staged(o, &slots[i]);
    return result;
}

/* ---- paths inside the folder -------------------------------------------- */

/* A part of a path inside --out: a plain, visible name. */
static bool plain_part(const char *p, size_t n)
{
    return n > 0 && n <= NAME_MAX && p[0] != '.' && !memchr(p, '\\', n) && !memchr(p, '\0', n);
}

/* Opens the folder of rel (creating the missing ones when create) and puts
 * its last part into base; -1 after reporting. Every folder is opened from
 * its parent's descriptor without following a link. */
static int open_parent(outdir *o, const char *rel, bool create, char *base, const char *shown,
                       const char *kept, diags *d)
{
    int cur = dup(o->fd);
    if (cur < 0) {
        report(d, shown, "cannot open %s: %s; %s", o->path, strerror(errno), kept);
        return -1;
    }
    const char *p = rel;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (!plain_part(p, n)) {
            report(d, shown, "internal error: \"%s\" is not a plain path inside %s", rel, o->path);
            close(cur);
            return -1;
        }
        if (!slash) {
            memcpy(base, p, n);
            base[n] = '\0';
            return cur;
        }
        char part[NAME_MAX + 1];
        memcpy(part, p, n);
        part[n] = '\0';
        int next = openat(cur, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT && create) {
            if (mkdirat(cur, part, 0777) != 0 && errno != EEXIST) {
                report(d, shown, "cannot create the output folder %s/%.*s: %s; %s", o->path,
                       (int)(slash - rel), rel, strerror(errno), kept);
                close(cur);
                return -1;
            }
            next = openat(cur, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (next < 0) {
            int err = errno;
            struct stat st;
            bool link = fstatat(cur, part, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
            if (link)
                report(d, shown,
                       "%s/%.*s is a symbolic link; the folders inside --out must be real "
                       "folders (nothing is written through a link); %s",
                       o->path, (int)(slash - rel), rel, kept);
            else
                report(d, shown, "cannot open the output folder %s/%.*s: %s; %s", o->path,
                       (int)(slash - rel), rel, strerror(err), kept);
            close(cur);
            return -1;
        }
        close(cur);
        cur = next;
        p = slash + 1;
    }
}

outdir_result outdir_write_set(outdir *o, const outdir_file *files, int n, diags *d)
{
    slot *slots = xcalloc((size_t)(n > 0 ? n : 1), sizeof *slots);
    arena *mem = arena_new();
    outdir_result result = OUTDIR_KEPT;
    int opened = 0;
    for (; opened < n; opened++) {
        slot *s = &slots[opened];
        s->shown = arena_printf(mem, "%s/%s", o->path, files[opened].rel);
        s->kept = kept_text(n);
        s->dirfd = open_parent(o, files[opened].rel, false, s->base, s->shown, s->kept, d);
        s->own_dirfd = true;
        if (s->dirfd < 0)
            break;
    }
    if (opened == n)
        result = write_slots(o, slots, files, n, d);
    for (int i = 0; i < opened; i++)
        close(slots[i].dirfd);
    arena_free(mem);
    free(slots);
    return result;
}

bool outdir_write(outdir *o, const char *rel, const void *data, size_t len, diags *d)
{
    outdir_file f = {rel, data, len};
    return outdir_write_set(o, &f, 1, d) == OUTDIR_WRITTEN;
}

bool outdir_replace_at(int dirfd, const char *name, const char *shown, const void *data,
                       size_t len, diags *d)
{
    slot s = {.shown = shown, .kept = kept_text(1), .dirfd = dirfd};
    snprintf(s.base, sizeof s.base, "%s", name);
    outdir_file f = {name, data, len};
    return write_slots(NULL, &s, &f, 1, d) == OUTDIR_WRITTEN;
}

bool outdir_mkdir(outdir *o, const char *rel, diags *d)
{
    /* open_parent creates every folder before the last part: give it one */
    size_t size = strlen(rel) + 3;
    char *inside = xmalloc(size);
    snprintf(inside, size, "%s/x", rel);
    char base[NAME_MAX + 1];
    int fd = open_parent(o, inside, true, base, o->path, "nothing is written there", d);
    free(inside);
    if (fd < 0)
        return false;
    close(fd);
    return true;
}

const char *outdir_path(const outdir *o)
{
    return o->path;
}

/* ---- one run at a time --------------------------------------------------- */

/* "pid=123 host=ci-7 started=2026-11-28T10:00:01Z" of the run holding it. */
static void lock_holder(int fd, char *out, size_t size)
{
    ssize_t n = pread(fd, out, size - 1, 0);
    if (n <= 0) {
        snprintf(out, size, "no details recorded");
        return;
    }
    out[n] = '\0';
    out[strcspn(out, "\r\n")] = '\0';
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = '?';
}

static bool take_lock(outdir *o, const outdir_options *opt, diags *d)
{
    o->lock_fd = openat(o->fd, OUTDIR_LOCK_FILE, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                        S_file_mode);
    if (o->lock_fd < 0) {
        report(d, o->path, "cannot open the lock file %s/%s: %s", o->path, OUTDIR_LOCK_FILE,
               strerror(errno));
        return false;
    }
    if (flock(o->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK) {
            report(d, o->path, "cannot lock %s/%s: %s", o->path, OUTDIR_LOCK_FILE,
                   strerror(errno));
            return false;
        }
        char who[256];
        lock_holder(o->lock_fd, who, sizeof who);
        if (opt && opt->no_wait) {
            report(d, o->path,
                   "another aireport run is writing into %s (%s); not waiting for it "
                   "(--no-wait)",
                   o->path, who);
            return false;
        }
        if (opt && opt->progress) {
            fprintf(opt->progress,
                    "aireport: another aireport run is writing into %s (%s); waiting for it to "
                    "finish\n",
                    o->path, who);
            fflush(opt->progress);
        }
        int rc;
        while ((rc = flock(o->lock_fd, LOCK_EX)) != 0 && errno == EINTR)
            ;
        if (rc != 0) {
            report(d, o->path, "cannot lock %s/%s: %s", o->path, OUTDIR_LOCK_FILE,
                   strerror(errno));
            return false;
        }
    }
    o->locked = true;
    char host[256] = "?", when[32] = "?", line[600];
    gethostname(host, sizeof host);
    host[sizeof host - 1] = '\0';
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm))
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    int n = snprintf(line, sizeof line, "pid=%ld host=%s started=%s\n", (long)getpid(), host,
                     when);
    if (ftruncate(o->lock_fd, 0) != 0 || pwrite(o->lock_fd, line, (size_t)n, 0) != n) {
        /* only the message of a waiting run would lack the details */
    }
    return true;
}

/* ".<name>.tmp-..." and ".<name>.bak-...": this program's temporary files. */
static bool is_side_file(const char *name)
{
    if (name[0] != '.' || !name[1])
        return false;
    const char *tmp = strstr(name + 1, ".tmp-"), *bak = strstr(name + 1, ".bak-");
    const char *mark = tmp ? tmp : bak;
    return mark && mark > name + 1 && mark[5] != '\0';
}

/* Removes the temporary files of dead runs in dirfd; returns how many. */
static int remove_side_files(int dirfd)
{
    int fd = dup(dirfd);
    if (fd < 0)
        return 0;
    DIR *dir = fdopendir(fd);
    if (!dir) {
        close(fd);
        return 0;
    }
    rewinddir(dir); /* a dup shares the offset of dirfd's earlier reading */
    int removed = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;)
        if (is_side_file(e->d_name) && unlinkat(dirfd, e->d_name, 0) == 0)
            removed++;
    closedir(dir);
    return removed;
}

/* In the folder and the folders right inside it (prefectures/, bodies/,
 * charts/); links are not followed. */
static void remove_stale(outdir *o)
{
    remove_side_files(o->fd);
    int fd = dup(o->fd);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        if (fd >= 0)
            close(fd);
        return;
    }
    rewinddir(dir);
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        int sub = openat(o->fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0)
            continue;
        remove_side_files(sub);
        close(sub);
    }
    closedir(dir);
}

/* ---- ending early: signals and exit ---------------------------------------- */

/* The signals that end a run, SIGINT and SIGTERM, are caught by a thread of
 * their own (sigwait), so that the cleanup may take locks. One the run was
 * started with ignored (SIGINT for a background job) stays ignored. */
static void run_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    struct sigaction sa;
    if (sigaction(SIGINT, NULL, &sa) == 0 && sa.sa_handler != SIG_IGN)
        sigaddset(set, SIGINT);
}

static void *signal_thread(void *arg)
{
    outdir *o = arg;
    sigset_t set = o->sigs;
    int sig = 0;
    while (sigwait(&set, &sig) != 0)
        ;
    if (atomic_load(&o->closing))
        return NULL;
    /* no document half renamed: wait for the sets being renamed, then keep
     * new ones out (the gate and the registry stay locked) */
    pthread_rwlock_wrlock(&o->gate);
    remove_registered(o, true);
    static const char msg[] = "aireport: interrupted; the temporary files of this run are "
                              "removed, the previous outputs are kept\n";
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
        /* nothing more to say */
    }
    /* end with the signal, as if it had not been caught */
    signal(sig, SIG_DFL);
    pthread_sigmask(SIG_UNBLOCK, &o->sigs, NULL);
    raise(sig);
    _exit(128 + sig);
}

/* exit() before outdir_close (out of memory): remove what exists. */
static void at_exit(void)
{
    if (S_current)
        remove_registered(S_current, false);
}

static void register_at_exit(void)
{
    atexit(at_exit);
}

static void start_signals(outdir *o)
{
    run_signals(&o->sigs);
    /* blocked in this thread and every thread started from now on (the
     * batch's workers): only signal_thread takes them */
    pthread_sigmask(SIG_BLOCK, &o->sigs, &o->old_mask);
    o->sig_started = pthread_create(&o->sig_thread, NULL, signal_thread, o) == 0;
    if (!o->sig_started)
        pthread_sigmask(SIG_SETMASK, &o->old_mask, NULL);
}

static void stop_signals(outdir *o)
{
    if (!o->sig_started)
        return;
    atomic_store(&o->closing, true);
    pthread_kill(o->sig_thread, SIGTERM);
    pthread_join(o->sig_thread, NULL);
    o->sig_started = false;
    /* a signal that came meanwhile is delivered now, with nothing to clean */
    pthread_sigmask(SIG_SETMASK, &o->old_mask, NULL);
}

/* ---- opening and closing ------------------------------------------------- */

bool outdir_mkdirs(const char *path, diags *d)
{
    if (!*path) {
        report(d, "", "cannot create a folder without a name");
        return false;
    }
    char *p = xstrdup(path);
    bool ok = true;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            report(d, p, "cannot create the output folder %s: %s", p, strerror(errno));
            ok = false;
            break;
        }
        *s = c;
        if (!c)
            break;
    }
    free(p);
    return ok;
}

outdir *outdir_open(const char *path, const outdir_options *opt, diags *d)
{
    if (!outdir_mkdirs(path, d))
        return NULL;
    outdir *o = xcalloc(1, sizeof *o);
    o->path = xstrdup(path);
    o->lock_fd = -1;
    pthread_mutex_init(&o->reg_lock, NULL);
    /* a signal's cleanup (the writer) must not wait behind a stream of sets */
    pthread_rwlockattr_t attr;
    pthread_rwlockattr_init(&attr);
    pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&o->gate, &attr);
    pthread_rwlockattr_destroy(&attr);
    /* --out itself may be a link the user made; what is inside may not */
    o->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (o->fd < 0) {
        report(d, path, "cannot open the output folder %s: %s", path, strerror(errno));
        outdir_close(o);
        return NULL;
    }
    if (!take_lock(o, opt, d)) {
        outdir_close(o);
        return NULL;
    }
    remove_stale(o);
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_at_exit);
    S_current = o;
    if (!opt || !opt->caller_signals)
        start_signals(o);
    return o;
}

void outdir_close(outdir *o)
{
    if (!o)
        return;
    stop_signals(o);
    if (S_current == o)
        S_current = NULL;
    if (o->lock_fd >= 0) {
        /* empty between runs: only the run holding it names itself there */
        if (o->locked && ftruncate(o->lock_fd, 0) != 0) {
            /* the next run overwrites it */
        }
        close(o->lock_fd);
    }
    if (o->fd >= 0)
        close(o->fd);
    pthread_mutex_destroy(&o->reg_lock);
    pthread_rwlock_destroy(&o->gate);
    free(o->reg);
    free(o->path);
    free(o);
}
