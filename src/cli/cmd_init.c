/* cmd_init.c - `aireport init DIR [YEAR]`: a new survey edition to fill in.
 *
 * Writes into DIR (created, or an existing empty folder; anything else is
 * refused, exit 2, nothing written): survey.ini from the installed skeleton
 * (share/aireport/init/survey.ini, with the year filled in), codebook.ini
 * (the installed questionnaire), and the CSVs of the documented format
 * (docs/data-format.md) as header lines only: bodies.csv and YEAR/answers.csv,
 * services.csv, cases.csv, the answer columns taken from the codebook. Then
 * prints what is left to fill in. Such an edition is not yet valid data:
 * `aireport check` names each missing piece (exit 3) until it is filled. */
#include "arena.h"
#include "atomicfile.h"
#include "cli.h"
#include "codebook.h"
#include "fileread.h"
#include "outdir.h"
#include "paths.h"
#include "textbuf.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The loader's fixed headers (survey_load.c, survey_answers.c) as
 * docs/data-format.md gives them; tests/test_init.sh fills an init'ed
 * edition with the sample's rows and checks that it loads. */
static const char S_bodies_header[] = "団体コード,都道府県コード,都道府県名,団体名,団体区分,人口\n";
static const char S_cases_header[] = "団体コード,活用事例,導入効果,削減前時間,削減後時間\n";

/* The Reiwa year (R8) of the fiscal year under way (April to March). */
static int S_current_reiwa(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    int fiscal = tm.tm_year + 1900 - (tm.tm_mon < 3);
    return fiscal - 2018;
}

/* "R8" -> 8; -1 when not R followed by 1..99. */
static int S_reiwa(const char *key)
{
    if ((key[0] != 'R' && key[0] != 'r') || !key[1] || strlen(key) > 3 ||
        strspn(key + 1, "0123456789") != strlen(key + 1))
        return -1;
    int n = atoi(key + 1);
    return n >= 1 && n <= 99 ? n : -1;
}

/* NULL: DIR may be used (missing or an empty folder); else why not, with
 * *status EXIT_USAGE (a folder init must not touch) or EXIT_IO (one that
 * cannot be looked at). */
static const char *S_unusable(const char *dir, int *status)
{
    struct stat st;
    *status = EXIT_IO;
    if (stat(dir, &st) != 0)
        return errno == ENOENT ? NULL : strerror(errno);
    *status = EXIT_USAGE;
    if (!S_ISDIR(st.st_mode))
        return "it exists and is not a folder";
    DIR *dp = opendir(dir);
    if (!dp) {
        *status = EXIT_IO;
        return strerror(errno);
    }
    const struct dirent *e;
    bool empty = true;
    while (empty && (e = readdir(dp)))
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(dp);
    return empty ? NULL : "it is not empty";
}

/* The whole of an installed INI file, NUL-terminated, in mem; NULL after
 * reporting to d (fileread.h: a regular file within the INI limit). */
static char *S_slurp(const char *path, arena *mem, size_t *len, diags *d)
{
    char *text = file_read_all(path, FILE_LIMIT_CONFIG, "an INI file", D_IO_READ, len, d);
    if (!text)
        return NULL;
    char *copy = arena_alloc(mem, *len + 1);
    memcpy(copy, text, *len + 1);
    free(text);
    return copy;
}

/* text with every @NAME@ of names[] replaced by values[]. */
static char *S_fill(const char *text, const char *const *names, const char *const *values,
                    int n, arena *mem)
{
    char *out = arena_strdup(mem, text);
    for (int i = 0; i < n; i++) {
        const char *at;
        while ((at = strstr(out, names[i])))
            out = arena_printf(mem, "%.*s%s%s", (int)(at - out), out, values[i],
                               at + strlen(names[i]));
    }
    return out;
}

/* "団体コード,<column of every question of that file asked in year n>\n",
 * each column a CSV field (textbuf.h). */
static char *S_answers_header(const codebook *cb, cb_file file, int year, arena *mem)
{
    textbuf b = {0};
    TEXTBUF_LIT(&b, "団体コード");
    for (int q = 0; q < cb->n; q++) {
        const cb_question *c = &cb->q[q];
        int since = c->since ? S_reiwa(c->since) : -1;
        if (c->file == file && since <= year) {
            textbuf_putc(&b, ',');
            textbuf_csv_field(&b, c->column);
        }
    }
    textbuf_putc(&b, '\n');
    char *h = arena_strndup(mem, b.data, b.len);
    textbuf_free(&b);
    return h;
}

typedef struct {
    const char *rel;  /* in DIR */
    const char *data;
    size_t len;
    const char *what; /* what to fill in, printed afterwards */
} init_file;

/* Removes what a failed init wrote (files, then the folders it made). */
static void S_undo(const char *dir, const char *year, const init_file *files, int n,
                   bool made_dir, arena *mem)
{
    for (int i = 0; i < n; i++)
        unlink(arena_printf(mem, "%s/%s", dir, files[i].rel));
    rmdir(arena_printf(mem, "%s/%s", dir, year));
    if (made_dir)
        rmdir(dir);
}

int cmd_init(const cli_options *o)
{
    if (o->n_args < 1)
        return cli_usage_error("init: give the folder of the new edition: aireport init DIR "
                               "[YEAR]");
    const char *dir = o->args[0];
    char year_buf[16];
    const char *year = o->n_args > 1 ? o->args[1] : year_buf;
    snprintf(year_buf, sizeof year_buf, "R%d", S_current_reiwa());
    int reiwa = S_reiwa(year);
    if (reiwa < 0) {
        char shown[64];
        return cli_usage_error("init: year \"%s\": expected a Reiwa year key such as R8",
                               text_printable(shown, sizeof shown, year));
    }
    int status;
    const char *why = S_unusable(dir, &status);
    if (why) {
        fprintf(stderr, "aireport: init: %s: %s; init writes only into a new or empty folder "
                        "(nothing written)\n", dir, why);
        return status;
    }

    arena *mem = arena_new();
    diags *d = diags_new(stderr);
    status = EXIT_OK;
    /* the installed starting files */
    const char *skeleton = paths_share_file("init/survey.ini");
    skeleton = skeleton ? arena_strdup(mem, skeleton) : NULL;
    const char *cb_path = paths_share_file("init/codebook.ini");
    size_t skel_len = 0, cb_len = 0;
    char *skel = skeleton ? S_slurp(skeleton, mem, &skel_len, d) : NULL;
    char *cb_text = cb_path ? S_slurp(cb_path, mem, &cb_len, d) : NULL;
    codebook *cb = ARENA_NEW(mem, codebook, 1);
    if (!skel || !cb_text) {
        diags_print_summary(d, stderr);
        const char *share[PATHS_MAX_SHARE];
        int n = paths_share_dirs(share);
        fprintf(stderr, "aireport: init: the installed %s was not found or not readable "
                        "(looked in %s/init%s%s%s); reinstall aireport\n",
                !skel ? "survey.ini skeleton" : "codebook", n ? share[0] : "",
                n > 1 ? " and " : "", n > 1 ? share[1] : "", n > 1 ? "/init" : "");
        status = EXIT_IO;
    } else if (!codebook_load(cb, cb_path, mem, d)) {
        diags_print_summary(d, stderr);
        status = diags_exit_status(d);
    }
    if (status != EXIT_OK) {
        diags_free(d);
        arena_free(mem);
        return status;
    }

    const char *names[] = {"@YEAR@", "@LABEL@", "@DIR@"};
    const char *values[] = {year, arena_printf(mem, "令和%d年度", reiwa), dir};
    char *ini = S_fill(skel, names, values, 3, mem);
    char *answers = S_answers_header(cb, CB_FILE_ANSWERS, reiwa, mem);
    char *services = S_answers_header(cb, CB_FILE_SERVICES, reiwa, mem);
    init_file files[] = {
        {"survey.ini", ini, strlen(ini),
         arena_printf(mem, "[%s] as_of (調査基準日), and the dates when known", year)},
        {"codebook.ini", cb_text, cb_len, "the questionnaire: change it only if the questions did"},
        {"bodies.csv", S_bodies_header, strlen(S_bodies_header),
         "団体マスタ: one row per body (1,788), prefectures included"},
        {arena_printf(mem, "%s/answers.csv", year), answers, strlen(answers),
         "個票: one row per body, its answers as option codes (1;4;12)"},
        {arena_printf(mem, "%s/services.csv", year), services, strlen(services),
         "one row per service a body uses"},
        {arena_printf(mem, "%s/cases.csv", year), S_cases_header, strlen(S_cases_header),
         "optional: the case studies the deck shows"},
    };
    int n_files = (int)(sizeof files / sizeof files[0]);
    bool made_dir = access(dir, F_OK) != 0;
    int written = 0;
    if (outdir_mkdirs(arena_printf(mem, "%s/%s", dir, year), d))
        for (; written < n_files; written++)
            if (!write_file_atomic(arena_printf(mem, "%s/%s", dir, files[written].rel),
                                   files[written].data, files[written].len, d))
                break;
    if (written < n_files) {
        S_undo(dir, year, files, written, made_dir, mem);
        diags_print_summary(d, stderr);
        fprintf(stderr, "aireport: init: %s not written (what was written is removed)\n", dir);
        status = EXIT_IO;
    } else if (!o->quiet) {
        printf("aireport: a new survey edition (%s, %s) in %s. Fill in:\n", year, values[1],
               dir);
        for (int i = 0; i < n_files; i++)
            printf("  %-20s %s\n", files[i].rel, files[i].what);
        const char *doc = paths_share_file("docs/data-format.md");
        printf("The format of every file: %s. Then check and build:\n"
               "  aireport check --data %s\n  aireport build --data %s --out OUT\n",
               doc ? doc : "docs/data-format.md", dir, dir);
        printf("The national deck compares the latest year with the ones before: to show\n"
               "them, copy their folders into %s and name them in `years` of survey.ini.\n",
               dir);
    }
    diags_free(d);
    arena_free(mem);
    return status;
}
