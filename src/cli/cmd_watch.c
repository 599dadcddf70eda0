/* cmd_watch.c - `aireport build --watch`: build once, then rebuild what a
 * change affects, until Ctrl-C.
 *
 * Watched (inotify, folders rather than files, because editors save by
 * writing a new file and renaming it over the old one): --data and --layouts
 * with their subfolders, and the folder of the font configuration. Changes
 * are collected until none came for DEBOUNCE_MS (an editor's save is
 * several events), then one rebuild runs through build_run(), the build
 * command itself, limited to:
 *   - a prefecture's override (layouts/prefectures/PP.ini): that report;
 *   - a file a deck was read from (its deck file, a page): the documents
 *     of that deck (the national deck and its charts, the 47 reports, the
 *     body sheets), as the last successful load of the deck listed them;
 *   - anything else: the theme, a file no deck names yet, the data, the
 *     font configuration (or a font file beside it): everything.
 * The user's --only still applies. A rebuild that fails keeps the previous
 * files (the build's writes: each document with its sidecars as a set) and
 * the watch goes on. One line per rebuild on stdout; the build's messages on
 * stderr as always.
 *
 * The watch opens --out once (outdir.h) and holds it, with its lock, for
 * its whole life: it writes whenever an edit settles, so another run into
 * the same folder waits for the watch to end (or fails with --no-wait),
 * and the folder never mixes the two runs' documents.
 *
 * SIGINT and SIGTERM are blocked and read from a signalfd, so the output
 * folder starts no signal thread of its own (caller_signals): a Ctrl-C
 * during a rebuild ends the watch once that rebuild has written its files
 * (no temporary file is left then), and the watch always ends with exit 0. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "arena.h"
#include "build.h"
#include "cli.h"
#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
    DEBOUNCE_MS = 150, /* quiet time that ends a burst of events */
    MAX_WAIT_MS = 2000, /* rebuild at the latest this long after the first */
    RETRY_MS = 1000     /* looking again for a watched folder that is gone */
};

#define WATCH_MASK                                                                                 \
    (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF |       \
     IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR)

typedef enum { ROOT_LAYOUTS, ROOT_DATA, ROOT_FONTS, N_ROOTS } root_kind;

typedef struct {
    int wd;
    root_kind root;
    char *dir; /* canonical */
} watch_dir;

/* A change seen, for the next rebuild. */
typedef struct {
    root_kind root;
    bool all;    /* affects everything, whatever the path */
    char *path;  /* canonical; NULL with all */
    char *shown; /* for the rebuild's line */
} change;

typedef struct {
    const cli_options *o;
    outdir *outd; /* --out, held (and locked) for the watch's life */
    int fd; /* inotify */
    const char *shown[N_ROOTS]; /* the folders as given, for messages */
    char *root[N_ROOTS];        /* canonical; NULL while missing */
    const char *fonts_name;     /* file name of the font configuration */
    char *out;                  /* canonical --out: never watched */
    watch_dir *dirs;
    int n_dirs, cap_dirs;
    bool rescan;                /* folders appeared or went: watch them anew */
    bool started;               /* the roots were looked for once */
    /* the canonical template files of each kind, from the last load */
    char **tpl[BUILD_N_KINDS];
    int n_tpl[BUILD_N_KINDS];
    /* the changes waiting for their rebuild */
    change *changes;
    int n_changes, cap_changes;
} watcher;

static long long S_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* path with its folder resolved (the file itself may be gone or a link);
 * malloc'd, NULL when the folder does not exist. */
static char *S_canonical(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX], real[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (slash == path)
        snprintf(dir, sizeof dir, "/");
    if (!realpath(dir, real))
        return NULL;
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(real) + strlen(base) + 2;
    char *out = xmalloc(n);
    snprintf(out, n, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base);
    return out;
}

/* path is dir or inside it. */
static bool S_under(const char *path, const char *dir)
{
    size_t n = dir ? strlen(dir) : 0;
    return dir && strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Editors' and our own temporary files: hidden files (the build's
 * .name.tmp-XXXXXX, vim's .swp), backups (name~), vim's 4913 probe, emacs's
 * #autosave#. Their changes are followed by the real file's. */
static bool S_scratch(const char *name)
{
    size_t n = strlen(name);
    return name[0] == '.' || name[0] == '#' || (n && name[n - 1] == '~') ||
           strcmp(name, "4913") == 0;
}

/* ---- the watches ------------------------------------------------------- */

static void S_add_dir(watcher *w, root_kind root, const char *dir)
{
    if (w->out && S_under(dir, w->out))
        return;
    int wd = inotify_add_watch(w->fd, dir, WATCH_MASK);
    if (wd < 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            fprintf(stderr, "aireport: --watch: cannot watch %s: %s\n", dir, strerror(errno));
        return;
    }
    for (int i = 0; i < w->n_dirs; i++)
        if (w->dirs[i].wd == wd)
            return; /* already watched for an earlier root (folders nested) */
    if (w->n_dirs == w->cap_dirs) {
        w->cap_dirs = w->cap_dirs ? 2 * w->cap_dirs : 64;
        w->dirs = xrealloc(w->dirs, sizeof *w->dirs * (size_t)w->cap_dirs);
    }
    w->dirs[w->n_dirs++] = (watch_dir){.wd = wd, .root = root, .dir = xstrdup(dir)};
    if (root == ROOT_FONTS)
        return; /* only the folder of the font configuration itself */
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    const struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.')
            continue;
        char sub[PATH_MAX];
        struct stat st;
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
            S_add_dir(w, root, sub);
    }
    closedir(dp);
}

static void S_forget_dirs(watcher *w)
{
    for (int i = 0; i < w->n_dirs; i++)
        free(w->dirs[i].dir);
    w->n_dirs = 0;
}

static void S_change_all(watcher *w, root_kind root, const char *shown);

/* Watches every root afresh on a new inotify descriptor (the simplest
 * correct answer to folders that were created, moved, deleted or replaced:
 * the rebuild that follows reads everything as it is now). A root that
 * appeared since the last time is a change of everything. */
static bool S_watch_all(watcher *w)
{
    if (w->fd >= 0)
        close(w->fd);
    S_forget_dirs(w);
    w->rescan = false;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0) {
        fprintf(stderr, "aireport: --watch: cannot use inotify: %s\n", strerror(errno));
        return false;
    }
    for (int r = 0; r < N_ROOTS; r++) {
        char real[PATH_MAX];
        char *dir = realpath(w->shown[r], real) ? xstrdup(real) : NULL;
        if (dir && !w->root[r] && w->started) /* a root that was missing is back */
            S_change_all(w, (root_kind)r, w->shown[r]);
        free(w->root[r]);
        w->root[r] = dir;
        if (dir)
            S_add_dir(w, (root_kind)r, dir);
    }
    w->started = true;
    return true;
}

static bool S_missing_root(const watcher *w)
{
    for (int r = 0; r < N_ROOTS; r++)
        if (!w->root[r])
            return true;
    return false;
}

/* ---- what a change affects --------------------------------------------- */

/* Records a change for the next rebuild (once per file). all: everything
 * is affected whatever path is (a folder came or went, a root, overflow). */
static void S_record(watcher *w, root_kind root, bool all, const char *path, const char *shown)
{
    for (int i = 0; i < w->n_changes; i++)
        if (w->changes[i].all == all && strcmp(w->changes[i].shown, shown) == 0)
            return;
    if (w->n_changes == w->cap_changes) {
        w->cap_changes = w->cap_changes ? 2 * w->cap_changes : 16;
        w->changes = xrealloc(w->changes, sizeof *w->changes * (size_t)w->cap_changes);
    }
    w->changes[w->n_changes++] = (change){.root = root, .all = all,
                                          .path = path ? xstrdup(path) : NULL,
                                          .shown = xstrdup(shown)};
}

static void S_change_all(watcher *w, root_kind root, const char *shown)
{
    S_record(w, root, true, NULL, shown);
}

/* "prefectures/13.ini" -> 13; 0 when rel is no prefecture's override. */
static int S_override_pref(const char *rel)
{
    char code[3];
    if (strncmp(rel, "prefectures/", 12) != 0 || strlen(rel) != 18 ||
        strcmp(rel + 14, ".ini") != 0)
        return 0;
    memcpy(code, rel + 12, 2);
    code[2] = '\0';
    int pref = cli_prefecture_code(code);
    return pref > 0 ? pref : 0;
}

/* Adds to lim the documents that a file of --layouts (path, canonical)
 * is part of; false when it is part of none that is known. */
static bool S_layout_affects(const watcher *w, const char *path, build_limit *lim)
{
    const char *root = w->root[ROOT_LAYOUTS];
    const char *rel = root && S_under(path, root) ? path + strlen(root) + 1 : path;
    int pref = S_override_pref(rel);
    if (pref) {
        lim->pref[pref] = true;
        return true;
    }
    bool used = false;
    for (int k = 0; k < BUILD_N_KINDS; k++)
        for (int i = 0; i < w->n_tpl[k]; i++) {
            if (strcmp(w->tpl[k][i], path) != 0)
                continue;
            used = true;
            if (k == BUILD_NATIONAL)
                lim->national = true;
            else if (k == BUILD_BODIES)
                lim->bodies = true;
            else
                for (int p = 1; p <= N_PREFECTURES; p++)
                    lim->pref[p] = true;
            break;
        }
    return used;
}

static bool S_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The documents the recorded changes affect, into lim, and what changed,
 * into what. A file that is gone again and belongs to no document, while
 * others changed that are there, was a temporary file (sed -i's sedXXXXXX,
 * an editor's save) and counts for nothing. A file of --layouts that no
 * deck names (the theme, a new page) affects everything; so does any file
 * of --data and the font configuration. */
static void S_affected(const watcher *w, build_limit *lim, char *what, size_t size)
{
    memset(lim, 0, sizeof *lim);
    bool any_there = false;
    for (int i = 0; i < w->n_changes; i++)
        any_there |= !w->changes[i].all && S_exists(w->changes[i].path);
    const char *first = NULL;
    int n = 0;
    for (int i = 0; i < w->n_changes; i++) {
        const change *c = &w->changes[i];
        bool known = !c->all && c->root == ROOT_LAYOUTS && S_layout_affects(w, c->path, lim);
        if (!c->all && !known && any_there && !S_exists(c->path))
            continue;
        if (!known)
            lim->whole = true;
        first = first ? first : c->shown;
        n++;
    }
    if (!first) /* only temporaries: nothing to do */
        what[0] = '\0';
    else if (n > 1)
        snprintf(what, size, "%s and %d more changed", first, n - 1);
    else
        snprintf(what, size, "%s changed", first);
}

static void S_event(watcher *w, const struct inotify_event *ev)
{
    if (ev->mask & IN_Q_OVERFLOW) {
        w->rescan = true;
        S_change_all(w, ROOT_DATA, "(more changes than inotify could queue)");
        return;
    }
    const watch_dir *wd = NULL;
    for (int i = 0; i < w->n_dirs && !wd; i++)
        if (w->dirs[i].wd == ev->wd)
            wd = &w->dirs[i];
    if (!wd)
        return;
    root_kind root = wd->root;
    const char *name = ev->len ? ev->name : "";
    if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
        /* a watched folder went: its parent saw it go, unless it was a root */
        w->rescan = true;
        if (w->root[root] && strcmp(wd->dir, w->root[root]) == 0)
            S_change_all(w, root, w->shown[root]);
        return;
    }
    if (!*name || S_scratch(name))
        return;
    char path[PATH_MAX + NAME_MAX + 2];
    snprintf(path, sizeof path, "%s/%s", wd->dir, name);
    if (w->out && S_under(path, w->out))
        return;
    if (!(ev->mask & IN_ISDIR) && ev->mask == IN_CREATE)
        return; /* a new file: its IN_CLOSE_WRITE follows */
    const char *rel = w->root[root] ? path + strlen(w->root[root]) : path;
    rel += *rel == '/';
    char shown[PATH_MAX + 64];
    snprintf(shown, sizeof shown, "%s/%s", w->shown[root], rel);
    if (ev->mask & IN_ISDIR) {
        w->rescan = true; /* and what came with the folder is a change */
        if (root != ROOT_FONTS)
            S_change_all(w, root, shown);
        return;
    }
    if (root == ROOT_FONTS) {
        /* only the font configuration, or a font file kept beside it */
        const char *dot = strrchr(name, '.');
        if (strcmp(name, w->fonts_name) != 0 &&
            !(dot && (strcmp(dot, ".ttf") == 0 || strcmp(dot, ".ttc") == 0 ||
                      strcmp(dot, ".otf") == 0)))
            return;
    }
    S_record(w, root, false, path, shown);
}

/* Reads every queued event. */
static void S_read_events(watcher *w)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            return; /* EAGAIN: all read */
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            S_event(w, ev);
            p += sizeof *ev + ev->len;
        }
    }
}

/* ---- the builds -------------------------------------------------------- */

/* build_report.templates: keeps the canonical files of each kind. */
static void S_templates(void *ctx, build_kind kind, const char *const *files, int n)
{
    watcher *w = ctx;
    for (int i = 0; i < w->n_tpl[kind]; i++)
        free(w->tpl[kind][i]);
    free(w->tpl[kind]);
    w->tpl[kind] = xcalloc((size_t)n + 1, sizeof(char *));
    w->n_tpl[kind] = 0;
    for (int i = 0; i < n; i++)
        if ((w->tpl[kind][w->n_tpl[kind]] = S_canonical(files[i])))
            w->n_tpl[kind]++;
}

/* "national, prefecture 13"; only: the user's --only */
static void S_describe(const build_limit *l, const char *only, char *out, size_t size)
{
    if (l->whole) {
        if (only)
            snprintf(out, size, "everything selected (--only %s)", only);
        else
            snprintf(out, size, "everything");
        return;
    }
    int n_pref = 0;
    for (int p = 1; p <= N_PREFECTURES; p++)
        n_pref += l->pref[p];
    size_t len = 0;
    out[0] = '\0';
#define S_ADD(...) len += (size_t)snprintf(out + len, len < size ? size - len : 0, __VA_ARGS__)
    if (l->national)
        S_ADD("national");
    if (n_pref == N_PREFECTURES)
        S_ADD("%sthe prefecture reports", len ? ", " : "");
    else
        for (int p = 1; p <= N_PREFECTURES; p++)
            if (l->pref[p])
                S_ADD("%sprefecture %02d", len ? ", " : "", p);
    if (l->bodies)
        S_ADD("%sbody sheets", len ? ", " : "");
#undef S_ADD
}

static const char *S_status_meaning(int status)
{
    switch (status) {
    case EXIT_USAGE: return "bad command line";
    case EXIT_DATA: return "invalid survey data";
    case EXIT_TEMPLATE: return "invalid page template";
    case EXIT_IO: return "a file could not be read or written";
    case EXIT_FONT: return "font problem";
    default: return "internal error";
    }
}

/* Runs the build limited to lim and prints its line, after `what` (the
 * change, or the first build). */
static void S_build(watcher *w, const build_limit *lim, const char *what)
{
    cli_options o = *w->o;
    o.quiet = true; /* the watch prints its own line per build */
    o.watch = false;
    build_report r = {.templates = S_templates, .ctx = w};
    long long t0 = S_now_ms();
    int status = build_run(&o, w->outd, lim, &r);
    double s = (double)(S_now_ms() - t0) / 1000.0;
    char scope[512], clock[16];
    S_describe(lim, w->o->only, scope, sizeof scope);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(clock, sizeof clock, "%H:%M:%S", &tm);
    printf("[%s] %s: ", clock, what);
    if (status == EXIT_OK && r.documents == 0)
        printf("no selected document uses it (--only %s)\n", w->o->only ? w->o->only : "");
    else if (status == EXIT_OK)
        printf("%s: %d document%s in %.2f s\n", scope, r.documents, r.documents == 1 ? "" : "s",
               s);
    else if (r.documents > 0)
        printf("%s: %d document%s in %.2f s, %d FAILED (exit %d, %s; see the messages above): "
               "their previous files are kept\n",
               scope, r.documents, r.documents == 1 ? "" : "s", s, r.failed, status,
               S_status_meaning(status));
    else
        printf("%s: FAILED (exit %d, %s; see the messages above): the previous files are "
               "kept\n",
               scope, status, S_status_meaning(status));
    fflush(stdout);
}

static void S_forget_changes(watcher *w)
{
    for (int i = 0; i < w->n_changes; i++) {
        free(w->changes[i].path);
        free(w->changes[i].shown);
    }
    w->n_changes = 0;
}

static void S_rebuild(watcher *w)
{
    char what[PATH_MAX + 128];
    build_limit lim;
    S_affected(w, &lim, what, sizeof what);
    S_forget_changes(w);
    if (what[0])
        S_build(w, &lim, what);
}

/* ---- the command ------------------------------------------------------- */

int cmd_watch(const cli_options *o)
{
    time_t created;
    int status = build_check_options(o, &created);
    if (status != EXIT_OK)
        return status;
    /* --out first, so that it is known and never watched, and locked for
     * the watch's life. Before the signals are blocked: a Ctrl-C while
     * waiting for another run's lock just ends the process. */
    diags *d = diags_new(stderr);
    outdir_options oo = {.no_wait = o->no_wait, .progress = stderr, .caller_signals = true};
    outdir *outd = outdir_open(o->out_dir, &oo, d);
    diags_print_summary(d, stderr);
    status = diags_exit_status(d);
    diags_free(d);
    if (!outd)
        return status != EXIT_OK ? status : EXIT_IO;

    sigset_t sigs, old;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, &old); /* the build's threads inherit it */
    int sfd = signalfd(-1, &sigs, SFD_CLOEXEC);
    if (sfd < 0) {
        fprintf(stderr, "aireport: --watch: cannot receive signals: %s\n", strerror(errno));
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        outdir_close(outd);
        return EXIT_INTERNAL;
    }
    watcher w = {.o = o, .outd = outd, .fd = -1};
    w.shown[ROOT_LAYOUTS] = o->layouts_dir;
    w.shown[ROOT_DATA] = o->data_dir;
    const char *slash = strrchr(o->fonts_file, '/');
    char *fonts_dir = NULL;
    if (slash) {
        fonts_dir = xstrdup(o->fonts_file);
        fonts_dir[slash - o->fonts_file] = '\0';
    }
    w.shown[ROOT_FONTS] = fonts_dir ? (*fonts_dir ? fonts_dir : "/") : ".";
    w.fonts_name = slash ? slash + 1 : o->fonts_file;

    /* the watches before the first build, so that an edit during it is
     * seen */
    char out[PATH_MAX];
    w.out = realpath(o->out_dir, out) ? xstrdup(out) : NULL;
    status = S_watch_all(&w) ? EXIT_OK : EXIT_IO;
    char first[PATH_MAX + 128];
    snprintf(first, sizeof first, "first build, watching %s, %s and %s (Ctrl-C ends)",
             o->data_dir, o->layouts_dir, o->fonts_file);
    build_limit everything = {.whole = true};
    if (status == EXIT_OK)
        S_build(&w, &everything, first);

    long long first_ms = 0, last_ms = 0;
    while (status == EXIT_OK) {
        int timeout = -1;
        long long now = S_now_ms();
        if (w.n_changes > 0) {
            long long until = last_ms + DEBOUNCE_MS;
            if (first_ms + MAX_WAIT_MS < until)
                until = first_ms + MAX_WAIT_MS;
            timeout = until > now ? (int)(until - now) : 0;
        } else if (S_missing_root(&w)) {
            timeout = RETRY_MS;
        }
        struct pollfd fds[2] = {{.fd = sfd, .events = POLLIN}, {.fd = w.fd, .events = POLLIN}};
        if (poll(fds, 2, timeout) < 0 && errno != EINTR) {
            fprintf(stderr, "aireport: --watch: %s\n", strerror(errno));
            status = EXIT_INTERNAL;
            break;
        }
        if (fds[0].revents & POLLIN)
            break; /* Ctrl-C or SIGTERM: the end, exit 0 */
        if (fds[1].revents & POLLIN) {
            bool was_pending = w.n_changes > 0;
            S_read_events(&w);
            last_ms = S_now_ms();
            if (!was_pending)
                first_ms = last_ms;
        }
        if (w.rescan || (w.n_changes == 0 && S_missing_root(&w))) {
            bool was_pending = w.n_changes > 0;
            if (!S_watch_all(&w))
                status = EXIT_IO;
            if (w.n_changes > 0 && !was_pending)
                first_ms = last_ms = S_now_ms();
        }
        now = S_now_ms();
        if (w.n_changes > 0 && (now - last_ms >= DEBOUNCE_MS || now - first_ms >= MAX_WAIT_MS))
            S_rebuild(&w);
    }

    if (w.fd >= 0)
        close(w.fd);
    close(sfd);
    S_forget_dirs(&w);
    free(w.dirs);
    S_forget_changes(&w);
    free(w.changes);
    for (int r = 0; r < N_ROOTS; r++)
        free(w.root[r]);
    for (int k = 0; k < BUILD_N_KINDS; k++) {
        for (int i = 0; i < w.n_tpl[k]; i++)
            free(w.tpl[k][i]);
        free(w.tpl[k]);
    }
    free(w.out);
    free(fonts_dir);
    outdir_close(outd); /* the lock too: every rebuild has ended */
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return status;
}
