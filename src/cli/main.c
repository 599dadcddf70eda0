/* main.c - the aireport command: option parsing and dispatch. */
#include "build.h"
#include "cli.h"
#include "diag.h"
#include "paths.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* In two parts: ISO C guarantees string literals of 4,095 bytes only. */
static const char S_usage_commands[] =
    "Usage: aireport [OPTIONS] COMMAND [ARGS]\n"
    "\n"
    "Regenerates the publication 「自治体における生成AI導入状況」 and the\n"
    "per-prefecture reports from the raw survey answers.\n"
    "\n"
    "Commands:\n"
    "  check                 Validate every input file and report every problem as\n"
    "                        FILE:LINE:COLUMN: MESSAGE. Exit 0 when the data is clean.\n"
    "                        With --layouts DIR the page templates are checked (against\n"
    "                        survey.ini and the codebook of --data: no answer file is\n"
    "                        needed); the data too when --data is given as well.\n"
    "  figures               Print every figure of every page, one row per number.\n"
    "      --format FMT      csv (default) or json.\n"
    "      --prefecture CODE Only that prefecture's figures (01..47), or \"all\":\n"
    "                        the nation and the 47 prefectures. Default: the nation.\n"
    "      --bodies          Also the figures of the body sheets and municipality\n"
    "                        tables (pages B and M; M rows are a prefecture's),\n"
    "                        after the others.\n"
    "  build                 The main job: write the outputs into --out: the\n"
    "                        figures export (figures.csv, figures.json, and\n"
    "                        figures_excel.csv for Excel), the national deck, the\n"
    "                        prefecture reports (prefectures/PP_name.pdf), each\n"
    "                        document's workbook (.xlsx) and HTML page with its\n"
    "                        charts as SVG and PNG (charts/NAME/), and index.html.\n"
    "      -j, --jobs N      Documents built in parallel (default: number of cores).\n"
    "      --only LIST       Only these documents: national, charts, prefecture\n"
    "                        codes (13), body codes (131016); e.g. --only national,13.\n"
    "      --bodies          Also one sheet per body into out/bodies/.\n"
    "      --watch           Build, then rebuild the documents a change under\n"
    "                        --data, --layouts or the font configuration affects,\n"
    "                        one line per rebuild, until Ctrl-C (exit 0). A failed\n"
    "                        rebuild keeps the previous files. The watch holds\n"
    "                        --out's lock until it ends.\n"
    "      --no-wait         When another run is writing into --out, fail (exit 5)\n"
    "                        instead of waiting for it.\n"
    "  explain FIGURE        Define a figure and show the bodies behind it, e.g.\n"
    "                        P4.status_by_group or P4.status_by_group[R7,その他市区町村,1].\n"
    "      --prefecture CODE Restrict to one prefecture.\n"
    "      --list            List the bodies (codes and names).\n"
    "  diff OLD NEW          Compare two figure exports or two data folders; print\n"
    "                        every changed number per page. Exit 1 when any changed.\n"
    "      --bodies          Of data folders, also pages B and M (as figures --bodies).\n"
    "  charts --png          Every chart of the national deck as a screen-size PNG\n"
    "                        into --out/charts/ (build writes the chart files).\n"
    "  init DIR [YEAR]       Start a new survey edition in DIR (new or empty):\n"
    "                        survey.ini, codebook.ini, bodies.csv and YEAR/*.csv\n"
    "                        as header lines to fill in. YEAR: a Reiwa year key\n"
    "                        (R8); default: the current fiscal year. Refuses a\n"
    "                        folder that is not empty (exit 2).\n"
    "\n";
static const char S_usage_options[] =
    "Options:\n"
    "  --data DIR            Survey data folder (default: data). It holds survey.ini,\n"
    "                        which names the survey years and their files.\n"
    "  --out DIR             Output folder (default: out).\n"
    "  --layouts DIR         Page templates (default: ./layouts, else the installed\n"
    "                        ones in <bin>/../share/aireport/layouts).\n"
    "  --fonts FILE          Font configuration (default: ./fonts/fonts.ini, else the\n"
    "                        installed <bin>/../share/aireport/fonts/fonts.ini).\n"
    "  -q, --quiet           No progress output.\n"
    "  -h, --help            Show this text.\n"
    "  --version             Show the version and those of the libraries it uses.\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  diff: the inputs differ\n"
    "  2  bad command line (init: DIR is not empty)\n"
    "  3  invalid survey data, codebook or survey.ini\n"
    "  4  invalid page template, or text that does not fit its box\n"
    "  5  a file could not be read or written (the last good output is kept)\n"
    "  6  a font is missing, unreadable or lacks a character\n"
    "  70 internal error (a bug: please report it)\n"
    "\n"
    "Examples:\n"
    "  aireport check\n"
    "  aireport figures --format csv --prefecture 13 > tokyo.csv\n"
    "  aireport build --out out\n"
    "  aireport --data mydata build --watch --only national\n"
    "  aireport init edition-r8 R8\n";

/* "aireport: MESSAGE" and the --help hint (cli.c) */
#define usage_error cli_usage_error

/* What was printed must have reached standard output: a full device is an
 * I/O error (exit 5), not a success (a command that said so itself returns
 * EXIT_IO already). */
static int S_finish(int status)
{
    bool failed = fflush(stdout) != 0 || ferror(stdout);
    if (failed && status != EXIT_IO && status != EXIT_INTERNAL) {
        perror("aireport: writing to standard output");
        status = EXIT_IO;
    }
    return status;
}

int main(int argc, char **argv)
{
    cli_options o = {.data_dir = "data",
                     .out_dir = "out",
                     .format = "csv"};
    enum { OPT_DATA = 256, OPT_OUT, OPT_LAYOUTS, OPT_FONTS, OPT_FORMAT, OPT_PREF, OPT_ONLY,
           OPT_BODIES, OPT_PNG, OPT_LIST, OPT_VERSION, OPT_WATCH, OPT_NO_WAIT };
    static const struct option longopts[] = {
        {"data", required_argument, NULL, OPT_DATA},
        {"out", required_argument, NULL, OPT_OUT},
        {"layouts", required_argument, NULL, OPT_LAYOUTS},
        {"fonts", required_argument, NULL, OPT_FONTS},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"prefecture", required_argument, NULL, OPT_PREF},
        {"only", required_argument, NULL, OPT_ONLY},
        {"jobs", required_argument, NULL, 'j'},
        {"bodies", no_argument, NULL, OPT_BODIES},
        {"watch", no_argument, NULL, OPT_WATCH},
        {"no-wait", no_argument, NULL, OPT_NO_WAIT},
        {"png", no_argument, NULL, OPT_PNG},
        {"list", no_argument, NULL, OPT_LIST},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    /* Options may come before or after the command (GNU getopt permutes). */
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DATA: o.data_dir = optarg, o.data_given = true; break;
        case OPT_OUT: o.out_dir = optarg; break;
        case OPT_LAYOUTS: o.layouts_dir = optarg, o.layouts_given = true; break;
        case OPT_FONTS: o.fonts_file = optarg; break;
        case OPT_FORMAT: o.format = optarg; break;
        case OPT_PREF: o.prefecture = optarg; break;
        case OPT_ONLY: o.only = optarg; break;
        case OPT_BODIES: o.bodies = true; break;
        case OPT_WATCH: o.watch = true; break;
        case OPT_NO_WAIT: o.no_wait = true; break;
        case OPT_PNG: o.png = true; break;
        case OPT_LIST: o.list = true; break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 256)
                return usage_error("-j wants a number of jobs from 1 to 256, got \"%s\"", optarg);
            o.jobs = (int)n;
            break;
        }
        case 'q': o.quiet = true; break;
        case 'h':
            fputs(S_usage_commands, stdout), fputs(S_usage_options, stdout);
            return S_finish(EXIT_OK);
        case OPT_VERSION: return S_finish(cmd_version());
        case ':': return usage_error("option %s needs a value", argv[optind - 1]);
        default: return usage_error("unknown option %s", argv[optind - 1]);
        }
    }
    if (optind >= argc) {
        int status = usage_error("%s", "no command given (check, figures, build, explain, "
                                       "diff, charts, init)");
        paths_no_data_hint(o.data_dir, stderr); /* a first run: where the data goes */
        return status;
    }
    const char *cmd = argv[optind];
    o.args = argv + optind + 1;
    o.n_args = argc - optind - 1;

    if (o.prefecture && strcmp(o.prefecture, "all") != 0 && cli_prefecture_code(o.prefecture) < 0)
        return usage_error("--prefecture wants a prefecture code 01..47, got \"%s\"",
                           o.prefecture);
    if (strcmp(o.format, "csv") != 0 && strcmp(o.format, "json") != 0)
        return usage_error("--format wants csv or json, got \"%s\"", o.format);
    if (o.watch && strcmp(cmd, "build") != 0)
        return usage_error("--watch is an option of build, not of %s", cmd);

    /* --layouts and --fonts not given: ./ or the installed ones (paths.h) */
    paths_resolve(&o.layouts_dir, &o.fonts_file, strcmp(cmd, "build") == 0 || strcmp(cmd, "charts") == 0, stderr);

    static const struct {
        const char *name;
        int (*run)(const cli_options *);
        int max_args;
    } commands[] = {
        {"check", cmd_check, 0},
        {"figures", cmd_figures, 0},
        {"build", cmd_build, 0},
        {"explain", cmd_explain, 1},
        {"diff", cmd_diff, 2},
        {"charts", cmd_charts, 0},
        {"init", cmd_init, 2},
    };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(cmd, commands[i].name) != 0)
            continue;
        if (o.n_args > commands[i].max_args)
            return usage_error("unexpected argument \"%s\"", o.args[commands[i].max_args]);
        /* build --watch: the build, then rebuilds (cmd_watch.c) */
        return S_finish((o.watch ? cmd_watch : commands[i].run)(&o));
    }
    return usage_error("unknown command \"%s\" (check, figures, build, explain, diff, charts, "
                       "init)", cmd);
}
