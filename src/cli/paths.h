/* paths.h - where aireport finds the files it is installed with: the page
 * templates, the font configuration and the starting files of `aireport
 * init` (a survey.ini skeleton, the codebook).
 *
 * Search order for the templates and the fonts:
 *   1. the command line (--layouts DIR, --fonts FILE): taken as given;
 *   2. the current folder: ./layouts, ./fonts/fonts.ini;
 *   3. the share folder beside the executable, <bin>/../share/aireport,
 *      found from the executable's own path (/proc/self/exe), so that a
 *      moved or copied installation still finds its files; in the build
 *      tree build/share/aireport links to the sources;
 *   4. the share folder of the configured install prefix
 *      (CMAKE_INSTALL_PREFIX/share/aireport), for where /proc is missing.
 * The survey data is never searched for: it is --data DIR, default ./data.
 */
#ifndef AIREPORT_PATHS_H
#define AIREPORT_PATHS_H

#include <stdbool.h>
#include <stdio.h>

enum { PATHS_MAX_SHARE = 2 };

/* The share folders to search (3. and 4. above, without repeats), into
 * dirs; returns how many. The strings are static. */
int paths_share_dirs(const char *dirs[PATHS_MAX_SHARE]);

/* Sets *layouts_dir and *fonts_file (the options' fields) where the
 * command line left them NULL: the first candidate that exists, else the
 * current folder's (so the loader's message names it). With `report`, a missing one is also said on
 * err with every place looked at and the option that gives it. */
void paths_resolve(const char **layouts_dir, const char **fonts_file, bool report, FILE *err);

/* The first share folder's copy of rel ("init/survey.ini"); NULL when no
 * share folder has it. The string is static until the next call. */
const char *paths_share_file(const char *rel);

/* When data_dir has no survey.ini: where aireport looked and what to do
 * (--data DIR, `aireport init DIR`) on err; false when there is survey.ini. */
bool paths_no_data_hint(const char *data_dir, FILE *err);

#endif
