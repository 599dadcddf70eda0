/* test_outdir_set.c - the output folder (outdir.h) through its API: a set
 * of files all replaced or none (a file that cannot be replaced puts the
 * ones already renamed back), paths kept inside the folder, links inside
 * refused, the lock refusing a second opener with no_wait, no temporary or
 * backup file left. */
#include "harness.h"
#include "outdir.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char S_dir[64];

static char *slurp(const char *rel)
{
    static char buf[256];
    char path[256];
    snprintf(path, sizeof path, "%s/%s", S_dir, rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        return strcpy(buf, "(none)");
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Hidden files in dir other than the lock: temporary or backup files. */
static int side_files(const char *rel)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", S_dir, rel);
    DIR *d = opendir(path);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;)
        n += e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
             strcmp(e->d_name, OUTDIR_LOCK_FILE);
    if (d)
        closedir(d);
    return n;
}

int main(void)
{
    snprintf(S_dir, sizeof S_dir, "/tmp/test_outdir_set-%ld", (long)getpid());
    diags *d = diags_new(NULL);
    outdir *o = outdir_open(S_dir, &(outdir_options){.no_wait = true}, d);
    CHECK(o != NULL);
    if (!o)
        return test_done();
    CHECK(outdir_mkdir(o, "docs", d));

    /* a set: all three written */
    outdir_file v1[] = {{"docs/a.csv", "a1", 2}, {"docs/a.json", "j1", 2}, {"docs/a.pdf", "p1", 2}};
    CHECK_INT(outdir_write_set(o, v1, 3, d), OUTDIR_WRITTEN);
    CHECK_STR(slurp("docs/a.csv"), "a1");
    CHECK_STR(slurp("docs/a.pdf"), "p1");
    CHECK_INT(diags_count(d), 0);

    /* the second file cannot be replaced (a folder in its place): the first,
     * already renamed, is put back; the last is never touched */
    char path[256];
    snprintf(path, sizeof path, "%s/docs/a.json", S_dir);
    CHECK(remove(path) == 0 && mkdir(path, 0777) == 0);
    outdir_file v2[] = {{"docs/a.csv", "a2", 2}, {"docs/a.json", "j2", 2}, {"docs/a.pdf", "p2", 2}};
    CHECK_INT(outdir_write_set(o, v2, 3, d), OUTDIR_KEPT);
    CHECK_STR(slurp("docs/a.csv"), "a1");
    CHECK_STR(slurp("docs/a.pdf"), "p1");
    CHECK(diags_count(d) >= 1 && strstr(diags_get(d, 0)->message, "it is a folder"));
    CHECK(diags_count(d) >= 1 &&
          strstr(diags_get(d, 0)->message, "keep their previous content"));
    CHECK_INT(side_files("docs"), 0);
    rmdir(path);

    /* a new set where nothing existed: written; then replaced whole */
    CHECK_INT(outdir_write_set(o, v2, 3, d), OUTDIR_WRITTEN);
    CHECK_STR(slurp("docs/a.json"), "j2");
    CHECK_INT(side_files("docs"), 0);

    /* paths that would leave the folder, or hide, are refused */
    diags *d2 = diags_new(NULL);
    CHECK(!outdir_write(o, "../escaped.pdf", "x", 1, d2));
    CHECK(!outdir_write(o, "docs/../../escaped.pdf", "x", 1, d2));
    CHECK(!outdir_write(o, ".hidden", "x", 1, d2));
    CHECK(!outdir_write(o, "docs//x.pdf", "x", 1, d2));
    CHECK_INT(diags_exit_status(d2), EXIT_IO);
    snprintf(path, sizeof path, "/tmp/escaped.pdf");
    CHECK(access(path, F_OK) != 0);
    diags_free(d2);

    /* a link inside the folder is not followed */
    char target[256], link[256];
    snprintf(target, sizeof target, "%s-elsewhere", S_dir);
    snprintf(link, sizeof link, "%s/linked", S_dir);
    CHECK(mkdir(target, 0777) == 0 && symlink(target, link) == 0);
    d2 = diags_new(NULL);
    CHECK(!outdir_write(o, "linked/x.pdf", "x", 1, d2));
    CHECK(diags_count(d2) >= 1 && strstr(diags_get(d2, 0)->message, "is a symbolic link"));
    CHECK(!outdir_mkdir(o, "linked", d2));
    CHECK(rmdir(target) == 0); /* still empty */
    diags_free(d2);
    unlink(link);

    /* a second opener of the same folder: refused with no_wait, naming us */
    d2 = diags_new(NULL);
    CHECK(outdir_open(S_dir, &(outdir_options){.no_wait = true}, d2) == NULL);
    char pid[32];
    snprintf(pid, sizeof pid, "pid=%ld ", (long)getpid());
    CHECK(diags_count(d2) == 1 && strstr(diags_get(d2, 0)->message, pid));
    diags_free(d2);

    outdir_close(o);
    /* the lock file is empty between runs */
    CHECK_STR(slurp(OUTDIR_LOCK_FILE), "");
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", S_dir);
    CHECK(system(cmd) == 0);
    diags_free(d);
    return test_done();
}
