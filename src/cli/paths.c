/* paths.c - where the installed defaults are (paths.h). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by src/cli/CMakeLists.txt from GNUInstallDirs: the share folder
 * relative to the folder of the executable ("../share/aireport") and the
 * configured prefix's share folder ("/usr/local/share/aireport"). */
#ifndef AIREPORT_BIN_TO_SHARE
#error "AIREPORT_BIN_TO_SHARE is set by src/cli/CMakeLists.txt"
#endif
#ifndef AIREPORT_PREFIX_SHARE
#error "AIREPORT_PREFIX_SHARE is set by src/cli/CMakeLists.txt"
#endif

static bool S_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool S_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* <folder of the running executable>/AIREPORT_BIN_TO_SHARE, resolved when
 * it exists, else with its leading ../ taken off the folder (to say where
 * it was looked for); false when /proc/self/exe cannot be read. */
static bool S_exe_share(char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = '\0';
    const char *rel = AIREPORT_BIN_TO_SHARE;
    for (; strncmp(rel, "../", 3) == 0 && (slash = strrchr(exe, '/')) && slash != exe; rel += 3)
        *slash = '\0';
    char joined[2 * PATH_MAX], resolved[PATH_MAX];
    snprintf(joined, sizeof joined, "%s/%s", exe, rel);
    const char *dir = realpath(joined, resolved) ? resolved : joined;
    if (strlen(dir) >= size)
        return false;
    memcpy(out, dir, strlen(dir) + 1);
    return true;
}

int paths_share_dirs(const char *dirs[PATHS_MAX_SHARE])
{
    static char exe_share[PATH_MAX];
    static char prefix_share[PATH_MAX];
    int n = 0;
    if (S_exe_share(exe_share, sizeof exe_share))
        dirs[n++] = exe_share;
    /* the configured prefix, unless it is the folder found above */
    if (!realpath(AIREPORT_PREFIX_SHARE, prefix_share))
        snprintf(prefix_share, sizeof prefix_share, "%s", AIREPORT_PREFIX_SHARE);
    if (n == 0 || strcmp(exe_share, prefix_share) != 0)
        dirs[n++] = prefix_share;
    return n;
}

/* The first existing of ./local and SHARE/rel for every share folder;
 * NULL when none exists, with the candidates listed in looked (", "). */
static const char *S_find(const char *local, const char *rel, bool dir, char *found,
                          size_t found_size, char *looked, size_t looked_size)
{
    bool (*exists)(const char *) = dir ? S_is_dir : S_is_file;
    snprintf(looked, looked_size, "./%s", local);
    if (exists(local))
        return local;
    const char *share[PATHS_MAX_SHARE];
    int n = paths_share_dirs(share);
    for (int i = 0; i < n; i++) {
        snprintf(found, found_size, "%s/%s", share[i], rel);
        if (exists(found))
            return found;
        size_t len = strlen(looked);
        snprintf(looked + len, looked_size - len, ", %s", found);
    }
    return NULL;
}

void paths_resolve(const char **layouts_dir, const char **fonts_file, bool report, FILE *err)
{
    static char layouts[PATH_MAX + 64], fonts[PATH_MAX + 64];
    char looked[4 * PATH_MAX];
    if (!*layouts_dir) {
        *layouts_dir = S_find("layouts", "layouts", true, layouts, sizeof layouts, looked,
                                sizeof looked);
        if (!*layouts_dir) {
            *layouts_dir = "layouts";
            if (report)
                fprintf(err, "aireport: no page templates found; looked in %s. Give the "
                             "folder with --layouts DIR\n", looked);
        }
    }
    if (!*fonts_file) {
        *fonts_file = S_find("fonts/fonts.ini", "fonts/fonts.ini", false, fonts, sizeof fonts,
                               looked, sizeof looked);
        if (!*fonts_file) {
            *fonts_file = "fonts/fonts.ini";
            if (report)
                fprintf(err, "aireport: no font configuration found; looked in %s. Give the "
                             "file with --fonts FILE\n", looked);
        }
    }
}

const char *paths_share_file(const char *rel)
{
    static char path[PATH_MAX + 64];
    const char *share[PATHS_MAX_SHARE];
    int n = paths_share_dirs(share);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", share[i], rel);
        if (S_is_file(path))
            return path;
    }
    return NULL;
}

bool paths_no_data_hint(const char *data_dir, FILE *err)
{
    char ini[PATH_MAX + 16];
    snprintf(ini, sizeof ini, "%s/survey.ini", data_dir);
    if (S_is_file(ini))
        return false;
    /* say where that is: the folder, absolute, or the current folder */
    char where[PATH_MAX], cwd[PATH_MAX];
    if (realpath(data_dir, where))
        fprintf(err, "aireport: no survey data: %s has no survey.ini (looked in %s).\n",
                data_dir, where);
    else if (getcwd(cwd, sizeof cwd))
        fprintf(err, "aireport: no survey data: there is no folder %s in %s.\n", data_dir,
                cwd);
    else
        fprintf(err, "aireport: no survey data: there is no folder %s.\n", data_dir);
    fputs("  Give the folder that holds survey.ini with --data DIR, or start a new survey\n"
          "  edition with `aireport init DIR` (then fill in the files it lists).\n",
          err);
    return true;
}
