/* test_atomicfile.c - success replaces, failure keeps the old file. */
#include "atomicfile.h"
#include "harness.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Files in dir other than . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

int main(void)
{
    char dir[] = "/tmp/test_atomicfile_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/deck.pdf", dir);
    diags *d = diags_new(NULL);

    /* creates, then replaces an existing file */
    CHECK(write_file_atomic(path, "old contents", 12, d));
    CHECK_STR(slurp(path), "old contents");
    CHECK(write_file_atomic(path, "new", 3, d));
    CHECK_STR(slurp(path), "new");
    CHECK_INT(count_entries(dir), 1);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0444) == 0444 && (st.st_mode & 0022) == 0);
    CHECK_INT(diags_count(d), 0);

    /* folder does not exist: D_IO_WRITE naming the path and the reason */
    CHECK(!write_file_atomic("/nonexistent-dir-aireport/deck.pdf", "x", 1, d));
    CHECK_INT(diags_count(d), 1);
    CHECK(diags_has(d, D_IO_WRITE));
    CHECK_CONTAINS(diags_get(d, 0)->message, "/nonexistent-dir-aireport/deck.pdf");
    CHECK_CONTAINS(diags_get(d, 0)->message, "No such file or directory");

    /* the write itself fails (file size limit, as a full disk would): the
     * old file stays and no temporary file is left behind */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit old_lim, lim;
    getrlimit(RLIMIT_FSIZE, &old_lim);
    lim = old_lim;
    lim.rlim_cur = 4;
    CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);
    CHECK(!write_file_atomic(path, "much longer contents", 20, d));
    setrlimit(RLIMIT_FSIZE, &old_lim);
    CHECK_INT(diags_count(d), 2);
    CHECK_CONTAINS(diags_get(d, 1)->message, "File too large");
    CHECK_CONTAINS(diags_get(d, 1)->message, "previous file is kept");
    CHECK_STR(slurp(path), "new");
    CHECK_INT(count_entries(dir), 1);

    remove(path);
    rmdir(dir);
    diags_free(d);
    return test_done();
}
