/* cmd_build.c - `aireport build`: the main job. Loads the survey once,
 * computes every figure set once, loads fonts and templates once, then
 * writes every output document through the batch runner (parallel, written
 * as sets, failures isolated): the figures exports, the national deck, the
 * 47 prefecture reports, each of these with its workbook, HTML page and
 * chart files, index.html and, with --bodies, one sheet per body. --only
 * national,13,131016 builds just those documents (the exports and
 * index.html are then left as they are). `aireport charts --png` is the
 * same run with --only charts. */
#include "batch.h"
#include "build.h"
#include "cli.h"
#include "deck.h"
#include "figures.h"
#include "numfmt.h"
#include "outdir.h"
#include "outname.h"
#include "fontset.h"
#include "indexhtml.h"
#include "provenance.h"
#include "textbuf.h"
#include "survey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The national pages whose first chart index.html shows (from the national
 * HTML page's chart files, charts/national/); `--only charts` (`aireport
 * charts --png`) writes the chart of every page that has one to charts/. */
static const char *const S_headline_charts[] = {"p03", "p04", "p10"};
enum { N_HEADLINE_CHARTS = sizeof S_headline_charts / sizeof S_headline_charts[0] };
enum { MAX_CHART_PAGES = 64 };

/* The national deck's headline charts for index.html, as its job made them
 * (file name, title, alt text; malloc'd). Only the national job writes
 * here, and index.html reads it after every job ended. */
typedef struct {
    int n;
    char *name[N_HEADLINE_CHARTS], *title[N_HEADLINE_CHARTS], *alt[N_HEADLINE_CHARTS];
} headline_charts;

/* Which files reuse a document, as its job made them: [0] national, [pref]
 * (each job writes its own entry). */
typedef struct {
    bool workbook, web;
} doc_files;

typedef struct {
    const cli_options *o;
    outdir *out;                       /* where the run writes */
    const build_limit *lim;            /* what this run may write (never NULL) */
    const survey *s;
    time_t created;                    /* the PDFs' date (sourcedate.h) */
    figset *sets[N_PREFECTURES + 1];   /* [0] national, [pref] */
    /* figures_compute_bodies of each scope, with --bodies (the body sheets
     * share them); a prefecture report without them computes its own */
    figset *body_sets[N_PREFECTURES + 1];
    fig_pref_rank rank[N_PREFECTURES]; /* latest year; [pref - 1] */
    const fontset *fonts;              /* loaded once, shared read-only by workers */
    const deck_templates *national;    /* NULL when the templates are invalid */
    const deck_templates *prefecture;  /* the shared prefecture report */
    const deck_templates *body;        /* the body sheet */
    const char *chart_pages[MAX_CHART_PAGES]; /* file-name prefixes ("p03") */
    int n_chart_pages;
    char chart_caption[MAX_CHART_PAGES][256];
    headline_charts *headline;         /* written by the national job */
    doc_files *made;                   /* [N_PREFECTURES + 1], written by each document's job */
} build_ctx;

/* The figures exports: job arg 0 figures.csv, 1 figures.json, 2 the CSV
 * for Excel users (figures_excel.csv). */
enum { EXPORT_CSV, EXPORT_JSON, EXPORT_EXCEL_CSV };

static bool S_export(const build_ctx *b, int kind, unsigned char **data, size_t *len)
{
    char *buf = NULL;
    FILE *mf = open_memstream(&buf, len);
    if (!mf)
        return false;
    figset *const *sets = (figset *const *)b->sets;
    bool ok = kind == EXPORT_JSON        ? figures_export_json(mf, b->s, sets, N_PREFECTURES + 1)
              : kind == EXPORT_EXCEL_CSV ? figures_export_csv_excel(mf, b->s, sets, N_PREFECTURES + 1)
                                         : figures_export_csv(mf, b->s, sets, N_PREFECTURES + 1);
    if (fclose(mf) != 0)
        ok = false;
    *data = (unsigned char *)buf;
    return ok;
}

static bool S_produce_figures(void *ctx, const batch_job *job, unsigned char **data, size_t *len,
                              int *pages, diags *d)
{
    *pages = 0;
    if (S_export(ctx, job->arg, data, len))
        return true;
    diag_add(d, D_INTERNAL, job->path, 0, 0, "could not format the figures export");
    return false;
}

/* The file names of a document's outputs: "national", "13_東京都" (the
 * prefecture's name made a safe file-name component, outname.h). */
static const char *S_doc_name(const build_ctx *b, int doc, arena *mem)
{
    if (doc == 0)
        return "national";
    char part[OUTNAME_MAX + 1];
    outname_component(part, sizeof part, b->rank[doc - 1].name);
    return arena_printf(mem, "%02d_%s", doc, part);
}

/* Keeps a national chart file for index.html when it is a headline chart
 * (its title and alt text move to b->headline). */
static void S_keep_headline(const build_ctx *b, deck_outfile *f)
{
    headline_charts *h = b->headline;
    const char *base = strrchr(f->path, '/') ? strrchr(f->path, '/') + 1 : f->path;
    for (int i = 0; i < N_HEADLINE_CHARTS && f->alt && h->n < N_HEADLINE_CHARTS; i++) {
        size_t n = strlen(S_headline_charts[i]);
        if (strncmp(base, S_headline_charts[i], n) != 0 || strcmp(base + n, ".svg") != 0)
            continue;
        h->name[h->n] = xstrdup(base);
        h->title[h->n] = f->title;
        h->alt[h->n++] = f->alt;
        f->title = f->alt = NULL;
    }
}

/* One more file of the job's set (its data taken: NULL in the source). */
static void S_extra(batch_extras *x, char *path, unsigned char **data, size_t len)
{
    x->file[x->n].path = path;
    x->file[x->n].data = *data;
    x->file[x->n++].len = len;
    *data = NULL;
}

/* Renders a document and, when the job has room for extra files, the files
 * the runner writes with it as one set (outdir.h), the PDF renamed last:
 *  - a national deck's or prefecture report's workbook, HTML page and
 *    chart files (charts/<name>/), when its [deck] switches ask for them;
 *  - its provenance sidecars (<name>.numbers.csv / .json: every printed
 *    number and where it came from; the JSON names the other files that
 *    reprint them, also_in). */
static bool S_render(const build_ctx *b, const deck_templates *t, deck_scope scope,
                     const batch_job *job, unsigned char **data, size_t *len, int *pages,
                     diags *d)
{
    arena *mem = arena_new();
    scope.prov = job->extras ? prov_new(mem) : NULL;
    scope.created = b->created;
    int docno = scope.pref ? scope.pref->pref : 0;
    deck_outputs outs = {0};
    deck_web_names names = {0};
    if (scope.prov && !scope.body) { /* body sheets are the PDF alone */
        outs = deck_output_switches(t);
        const char *name = S_doc_name(b, docno, mem), *dir = docno ? "prefectures/" : "",
                   *up = docno ? "../" : "";
        names = (deck_web_names){
            .chart_dir = arena_printf(mem, "charts/%s", name),
            .chart_href = arena_printf(mem, "%scharts/%s/", up, name),
            .index_href = arena_printf(mem, "%sindex.html", up),
            .pdf_href = arena_printf(mem, "%s.pdf", name),
            .xlsx_href = outs.workbook ? arena_printf(mem, "%s.xlsx", name) : NULL};
        if (outs.workbook)
            prov_also_in(scope.prov, arena_printf(mem, "%s%s.xlsx", dir, name));
        if (outs.web) {
            prov_also_in(scope.prov, arena_printf(mem, "%s%s.html", dir, name));
            prov_also_in(scope.prov, arena_printf(mem, "charts/%s/", name));
        }
    }
    /* the page's folder of chart files (made here: a prefecture's override
     * file may switch the page on) */
    if (outs.web && !outdir_mkdir(b->out, names.chart_dir, d)) {
        arena_free(mem);
        return false;
    }
    deck_document doc;
    bool ok = deck_render_document(t, &scope, b->fonts, outs.workbook, outs.web ? &names : NULL,
                                   &doc, d);
    /* room for the chart files beside the workbook, page and sidecars */
    enum { OTHER_EXTRAS = 4 };
    if (ok && doc.n_charts > BATCH_MAX_EXTRA - OTHER_EXTRAS) {
        diag_add(d, D_TEMPLATE, job->path, 0, 0,
                 "%d chart files; a document may have at most %d (%d charts)", doc.n_charts,
                 BATCH_MAX_EXTRA - OTHER_EXTRAS, (BATCH_MAX_EXTRA - OTHER_EXTRAS) / 2);
        ok = false;
    }
    if (ok && scope.prov) {
        batch_extras *x = job->extras;
        const char *base = strrchr(job->path, '/') ? strrchr(job->path, '/') + 1 : job->path;
        const char *stem = arena_strndup(mem, job->rel, strlen(job->rel) - strlen(".pdf"));
        x->n = 0;
        /* the chart files before the page that shows them, the page and the
         * workbook before the sidecars that name them, the PDF last */
        for (int i = 0; i < doc.n_charts; i++) {
            deck_outfile *f = &doc.charts[i];
            if (docno == 0)
                S_keep_headline(b, f);
            S_extra(x, f->path, &f->data, f->len);
            f->path = NULL;
        }
        if (doc.html)
            S_extra(x, xstrdup(arena_printf(mem, "%s.html", stem)), &doc.html, doc.html_len);
        if (doc.xlsx)
            S_extra(x, xstrdup(arena_printf(mem, "%s.xlsx", stem)), &doc.xlsx, doc.xlsx_len);
        if (!scope.body)
            b->made[docno] = (doc_files){.workbook = outs.workbook, .web = outs.web};
        /* body sheets get the CSV alone: each file written costs ~1 ms
         * (create, fsync, rename in a folder of thousands), and a second
         * sidecar for each of the 1,788 sheets would add ~2 s to the build */
        bool json = scope.body == NULL;
        const fig_catalogue *cat = figures_catalogue(b->sets[0]);
        unsigned char *csv = NULL, *js = NULL;
        size_t csv_len = 0, js_len = 0;
        if (!prov_format_csv(scope.prov, cat, &csv, &csv_len) ||
            (json && !prov_format_json(scope.prov, cat, base, &js, &js_len))) {
            diag_add(d, D_INTERNAL, job->path, 0, 0, "could not format the provenance sidecars");
            ok = false;
        }
        S_extra(x, prov_sidecar_path(job->rel, "csv"), &csv, csv_len);
        if (json)
            S_extra(x, prov_sidecar_path(job->rel, "json"), &js, js_len);
    }
    if (ok) {
        *data = doc.pdf;
        *len = doc.pdf_len;
        *pages = doc.n_pages;
        doc.pdf = NULL;
    }
    deck_document_free(&doc);
    arena_free(mem);
    return ok;
}

static bool S_produce_national(void *ctx, const batch_job *job, unsigned char **data,
                               size_t *len, int *pages, diags *d)
{
    const build_ctx *b = ctx;
    return S_render(b, b->national, (deck_scope){.f = b->sets[0]}, job, data, len, pages, d);
}

/* A prefecture report; layouts/prefectures/PP.ini, when present, is applied
 * here (on the worker) so that a broken override fails only its prefecture. */
static bool S_produce_prefecture(void *ctx, const batch_job *job, unsigned char **data,
                                 size_t *len, int *pages, diags *d)
{
    const build_ctx *b = ctx;
    int pref = job->arg;
    arena *mem = arena_new();
    deck_scope scope = {.f = b->sets[pref], .nation = b->sets[0], .pref = &b->rank[pref - 1],
                        .bodies = b->body_sets[pref] ? b->body_sets[pref]
                                                     : figures_compute_bodies(b->s, pref, mem)};
    char override[4096];
    snprintf(override, sizeof override, "%s/prefectures/%02d.ini", b->o->layouts_dir, pref);
    const deck_templates *t = b->prefecture;
    if (access(override, F_OK) == 0)
        t = deck_templates_load_override(b->o->layouts_dir, "prefecture.ini", override,
                                         figures_catalogue(b->sets[0]), mem, d);
    bool ok = t && S_render(b, t, scope, job, data, len, pages, d);
    arena_free(mem);
    return ok;
}

static bool S_produce_body(void *ctx, const batch_job *job, unsigned char **data, size_t *len,
                           int *pages, diags *d)
{
    const build_ctx *b = ctx;
    const sv_body *body = &b->s->bodies[job->arg];
    deck_scope scope = {.f = b->sets[body->pref], .nation = b->sets[0],
                        .pref = &b->rank[body->pref - 1],
                        .body = figures_find_body(b->body_sets[body->pref], body->code),
                        .bodies = b->body_sets[body->pref], .nation_bodies = b->body_sets[0]};
    return S_render(b, b->body, scope, job, data, len, pages, d);
}

static bool S_produce_chart(void *ctx, const batch_job *job, unsigned char **data, size_t *len,
                            int *pages, diags *d)
{
    build_ctx *b = ctx;
    deck_scope scope = {.f = b->sets[0]};
    *pages = 0;
    return deck_chart_png(b->national, &scope, b->fonts, b->chart_pages[job->arg], 1.5,
                          data, len, b->chart_caption[job->arg], sizeof b->chart_caption[0], d);
}

/* What --only asks for. */
typedef struct {
    bool all;  /* no --only */
    bool national;
    bool charts; /* every chart of the national deck as PNG */
    bool pref[N_PREFECTURES + 1];
    int n_bodies;
    int *bodies; /* body indices */
} selection;

/* Parses --only; false (with a message) on a token that names nothing. */
static bool S_select(const cli_options *o, const survey *s, arena *mem, selection *sel)
{
    memset(sel, 0, sizeof *sel);
    sel->all = !o->only;
    sel->bodies = ARENA_NEW(mem, int, s->n_bodies);
    if (!o->only)
        return true;
    char *list = arena_strdup(mem, o->only);
    for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ')
            tok++;
        int pref = cli_prefecture_code(tok), body;
        if (strcmp(tok, "national") == 0)
            sel->national = true;
        else if (strcmp(tok, "charts") == 0)
            sel->charts = true;
        else if (pref > 0)
            sel->pref[pref] = true;
        else if (strlen(tok) == 6 && (body = survey_find_body(s, tok)) >= 0)
            sel->bodies[sel->n_bodies++] = body;
        else {
            char shown[128];
            cli_usage_error("--only: \"%s\" is neither national, charts, a prefecture code "
                            "01..47 nor the 6-digit code of a body in the data",
                            text_printable(shown, sizeof shown, tok));
            return false;
        }
    }
    bool any = sel->national || sel->charts || sel->n_bodies > 0;
    for (int p = 1; p <= N_PREFECTURES; p++)
        any |= sel->pref[p];
    if (!any) {
        char shown[128];
        cli_usage_error("--only \"%s\" names no document; expected national, charts, "
                        "prefecture codes or body codes separated by commas",
                        text_printable(shown, sizeof shown, o->only));
        return false;
    }
    return true;
}

/* The page of index.html: every document with its size and pages and
 * links to its workbook and HTML page, and the national deck's headline
 * charts (its chart files, with their data as alt text). Written
 * atomically like every other output. */
static void S_write_index(const build_ctx *b, outdir *out, const batch_job *jobs, int n,
                          arena *mem, diags *d)
{
    index_doc *docs = ARENA_NEW(mem, index_doc, n);
    index_image *images = ARENA_NEW(mem, index_image, MAX_CHART_PAGES + N_HEADLINE_CHARTS);
    int nd = 0, ni = 0;
    for (int i = 0; i < n; i++) {
        const batch_job *j = &jobs[i];
        const char *href = j->rel; /* relative to out/ */
        if (j->produce == S_produce_chart) {
            if (j->status == EXIT_OK)
                images[ni++] = (index_image){.caption = b->chart_caption[j->arg], .href = href};
            continue;
        }
        const char *title = j->name;
        int doc = -1; /* a national deck or prefecture report: its other files */
        if (j->produce == S_produce_national) {
            title = "全国版（national.pdf）";
            doc = 0;
        } else if (j->produce == S_produce_prefecture) {
            doc = j->arg;
        }
        index_doc *e = &docs[nd++];
        *e = (index_doc){.title = title, .href = href, .bytes = j->bytes, .pages = j->pages,
                         .failed = j->status != EXIT_OK};
        if (doc < 0 || e->failed)
            continue;
        const char *stem = arena_strndup(mem, href, strlen(href) - strlen(".pdf"));
        if (b->made[doc].workbook)
            e->xlsx_href = arena_printf(mem, "%s.xlsx", stem);
        if (b->made[doc].web)
            e->html_href = arena_printf(mem, "%s.html", stem);
        if (doc == 0) /* its headline charts: SVG, linked to the 300-dpi PNG */
            for (int k = 0; k < b->headline->n; k++) {
                const char *file = b->headline->name[k];
                images[ni++] = (index_image){
                    .caption = b->headline->title[k], .alt = b->headline->alt[k],
                    .href = arena_printf(mem, "charts/national/%s", file),
                    .full_href = arena_printf(mem, "charts/national/%.*s.png",
                                              (int)(strlen(file) - strlen(".svg")), file)};
            }
    }
    /* the survey year the documents report on, and the edition date the
     * national deck's cover prints (survey.ini's, or the deck file's own) */
    const sv_year *latest = &b->s->years[b->s->n_years - 1];
    const char *edition = latest->label;
    const char *iso = b->national ? deck_edition(b->national) : latest->published;
    char date[64];
    if (iso && numfmt_era_date(date, sizeof date, iso))
        edition = arena_printf(mem, "%s（%s版）", latest->label, date);
    index_page page = {.title = b->s->title ? b->s->title : "自治体における生成AI導入状況",
                       .edition = edition,
                       .sample = b->s->sample, .docs = docs, .n_docs = nd, .images = images,
                       .n_images = ni};
    char *buf = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&buf, &len);
    if (!mf) {
        diag_add(d, D_IO_WRITE, "index.html", 0, 0, "out of memory formatting index.html");
        return;
    }
    bool ok = index_html_write(mf, &page);
    if (fclose(mf) != 0 || !ok)
        diag_add(d, D_INTERNAL, "index.html", 0, 0, "could not format index.html");
    else
        outdir_write(out, "index.html", buf, len, d);
    free(buf);
}

/* Jobs of everything the selection asks for. */
static int S_jobs(build_ctx *b, const selection *sel, bool bodies, arena *mem, batch_job *jobs)
{
    const survey *s = b->s;
    const char *out = b->o->out_dir;
    int n = 0;
    if (sel->all && b->lim->whole) {
        jobs[n++] = (batch_job){.name = "figures.csv",
                                .rel = "figures.csv",
                                .produce = S_produce_figures, .ctx = b, .arg = 0};
        jobs[n++] = (batch_job){.name = "figures.json",
                                .rel = "figures.json",
                                .produce = S_produce_figures, .ctx = b, .arg = EXPORT_JSON};
        if (!b->national || deck_output_switches(b->national).excel_csv)
            jobs[n++] = (batch_job){.name = "figures_excel.csv",
                                    .rel = "figures_excel.csv",
                                    .produce = S_produce_figures, .ctx = b,
                                    .arg = EXPORT_EXCEL_CSV};
    }
    if (b->national && (sel->all || sel->national))
        jobs[n++] = (batch_job){.name = "national",
                                .rel = "national.pdf",
                                .produce = S_produce_national, .ctx = b,
                                .extras = ARENA_NEW(mem, batch_extras, 1)};
    if (b->prefecture)
        for (int p = 1; p <= N_PREFECTURES; p++) {
            if (!(sel->all || sel->pref[p]) || !b->lim->pref[p] || !b->rank[p - 1].name[0])
                continue;
            const char *name = S_doc_name(b, p, mem);
            jobs[n++] = (batch_job){.name = name,
                                    .rel = arena_printf(mem, "prefectures/%s.pdf", name),
                                    .produce = S_produce_prefecture, .ctx = b, .arg = p,
                                    .extras = ARENA_NEW(mem, batch_extras, 1)};
        }
    if (b->national && (sel->all || sel->charts))
        for (int i = 0; i < b->n_chart_pages; i++)
            jobs[n++] = (batch_job){
                .name = arena_printf(mem, "charts/%s.png", b->chart_pages[i]),
                .rel = arena_printf(mem, "charts/%s.png", b->chart_pages[i]),
                .produce = S_produce_chart, .ctx = b, .arg = i};
    if (b->body) {
        int nb = sel->all && bodies ? s->n_bodies : sel->n_bodies;
        for (int k = 0; k < nb; k++) {
            int i = sel->all && bodies ? s->body_by_code[k] : sel->bodies[k];
            /* made, not copied: the name from bodies.csv is a file-name
             * component that cannot leave bodies/ (outname.h) */
            char part[OUTNAME_MAX + 1];
            outname_component(part, sizeof part, s->bodies[i].name);
            const char *name = arena_printf(mem, "%s_%s", s->bodies[i].code, part);
            jobs[n++] = (batch_job){.name = name,
                                    .rel = arena_printf(mem, "bodies/%s.pdf", name),
                                    .produce = S_produce_body, .ctx = b, .arg = i,
                                    .extras = ARENA_NEW(mem, batch_extras, 1)};
        }
    }
    for (int i = 0; i < n; i++) /* for messages */
        jobs[i].path = arena_printf(mem, "%s/%s", out, jobs[i].rel);
    return n;
}

/* Tells r which template files each loaded kind of document was read from. */
static void S_report_templates(const build_ctx *b, build_report *r)
{
    const deck_templates *decks[BUILD_N_KINDS] = {b->national, b->prefecture, b->body};
    for (int k = 0; k < BUILD_N_KINDS; k++) {
        const char *files[256];
        if (decks[k])
            r->templates(r->ctx, (build_kind)k, files,
                         deck_template_files(decks[k], files, (int)(sizeof files / sizeof *files)));
    }
}

int cmd_build(const cli_options *o)
{
    return build_run(o, NULL, NULL, NULL);
}

int build_check_options(const cli_options *o, time_t *created)
{
    if (!cli_source_date(created))
        return EXIT_USAGE;
    if (!*o->out_dir)
        return cli_usage_error("--out wants a folder, got an empty name");
    return EXIT_OK;
}

int build_run(const cli_options *o, outdir *out, const build_limit *lim, build_report *r)
{
    build_limit everything = {.whole = true, .national = true, .bodies = true};
    for (int p = 0; p <= N_PREFECTURES; p++)
        everything.pref[p] = true;
    if (!lim || lim->whole)
        lim = &everything;
    if (r)
        r->documents = r->failed = 0;
    time_t created;
    int status = build_check_options(o, &created);
    if (status != EXIT_OK)
        return status;
    diags *d = diags_new(stderr);
    survey *s = cli_load_survey(o, d, &status);
    if (!s) {
        diags_free(d);
        return status;
    }
    arena *mem = arena_new();
    selection sel;
    if (!S_select(o, s, mem, &sel)) {
        arena_free(mem);
        survey_free(s);
        diags_free(d);
        return EXIT_USAGE;
    }
    /* The output folder: made, locked for this run, cleaned of what dead
     * runs left (outdir.h); a caller that runs several builds (--watch)
     * holds it open for all of them. */
    outdir *own = NULL;
    if (!out) {
        outdir_options oo = {.no_wait = o->no_wait, .progress = stderr};
        out = own = outdir_open(o->out_dir, &oo, d);
        if (!out) {
            arena_free(mem);
            survey_free(s);
            status = diags_exit_status(d);
            diags_free(d);
            return status;
        }
    }
    bool bodies = (o->bodies || sel.n_bodies > 0) && lim->bodies;
    headline_charts headline = {0};
    doc_files made[N_PREFECTURES + 1] = {{0}};
    build_ctx b = {.o = o, .out = out, .lim = lim, .s = s, .created = created, .headline = &headline,
                   .made = made};
    bool want_prefs = false;
    for (int p = 1; p <= N_PREFECTURES; p++)
        want_prefs |= (sel.all || sel.pref[p]) && lim->pref[p];
    /* The prefectures' figure sets (a third of the national deck's own
     * time, with their ranks) only for what prints them: the reports, the
     * body sheets and the figures export. */
    bool pref_sets = want_prefs || bodies || (sel.all && lim->whole);
    for (int scope = 0; scope <= (pref_sets ? N_PREFECTURES : 0); scope++)
        b.sets[scope] = figures_compute(s, scope, mem);
    if (pref_sets)
        figures_rank_prefectures(b.sets); /* the reports' 「47都道府県中」 ranks */
    figures_pref_ranking(s, s->n_years - 1, b.rank);
    if (bodies)
        for (int scope = 0; scope <= N_PREFECTURES; scope++)
            b.body_sets[scope] = figures_compute_bodies(s, scope, mem);

    /* Fixed costs once per process: fonts, templates. A problem with either
     * fails the PDF documents that need them but not the figures export. */
    int setup_status = EXIT_OK;
    fontset *fonts = fontset_load(o->fonts_file, d);
    b.fonts = fonts;
    bool want_national = (sel.all || sel.national || sel.charts) && lim->national;
    const fig_catalogue *cat = figures_catalogue(b.sets[0]);
    if (want_national)
        b.national = deck_templates_load(o->layouts_dir, "deck.ini", cat, mem, d);
    if (want_prefs)
        b.prefecture = deck_templates_load(o->layouts_dir, "prefecture.ini", cat, mem, d);
    if (bodies)
        b.body = deck_templates_load(o->layouts_dir, "body.ini", cat, mem, d);
    diags_print_summary(d, stderr);
    if (!fonts || (want_national && !b.national) || (want_prefs && !b.prefecture) ||
        (bodies && !b.body))
        setup_status = diags_exit_status(d);
    if (!fonts)
        b.national = b.prefecture = b.body = NULL; /* nothing can be drawn */
    if (want_national && !b.national)
        fprintf(stderr, "aireport: national: not built (fonts or templates invalid, see above); "
                        "%s/national.pdf kept as it was\n", o->out_dir);
    if (want_prefs && !b.prefecture)
        fprintf(stderr, "aireport: prefecture reports: not built (fonts or templates invalid, "
                        "see above); %s/prefectures/ kept as it was\n", o->out_dir);
    if (bodies && !b.body)
        fprintf(stderr, "aireport: body sheets: not built (fonts or templates invalid, see "
                        "above); %s/bodies/ kept as it was\n", o->out_dir);

    /* `charts --png`; a whole build has the chart files of every document */
    if (b.national && sel.charts)
        b.n_chart_pages = deck_chart_pages(b.national, b.chart_pages, MAX_CHART_PAGES, mem);
    batch_job *jobs = ARENA_NEW(mem, batch_job, 8 + N_PREFECTURES + MAX_CHART_PAGES + s->n_bodies);
    int n = S_jobs(&b, &sel, bodies, mem, jobs);
    const char *subdirs[] = {"prefectures", "charts", "bodies"};
    bool need[] = {b.prefecture != NULL, b.n_chart_pages > 0, b.body != NULL};
    for (size_t i = 0; i < sizeof subdirs / sizeof subdirs[0]; i++)
        if (need[i] && !outdir_mkdir(out, subdirs[i], d))
            setup_status = EXIT_IO; /* the jobs writing there fail and say so */

    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    batch_options bo = {.out = out,
                        .jobs = o->jobs ? o->jobs : (cores > 0 ? (int)cores : 1),
                        .progress = !o->quiet,
                        .quiet = o->quiet};
    status = batch_run(jobs, n, &bo, stderr);
    if (r) {
        for (int i = 0; i < n; i++)
            *(jobs[i].status == EXIT_OK ? &r->documents : &r->failed) += 1;
        if (r->templates)
            S_report_templates(&b, r);
    }
    if (sel.all && lim->whole) {
        diags *di = diags_new(stderr);
        S_write_index(&b, out, jobs, n, mem, di);
        diags_print_summary(di, stderr);
        if (status == EXIT_OK)
            status = diags_exit_status(di);
        diags_free(di);
    }
    if (status == EXIT_OK)
        status = setup_status;

    for (int i = 0; i < headline.n; i++) {
        free(headline.name[i]);
        free(headline.title[i]);
        free(headline.alt[i]);
    }
    outdir_close(own);
    fontset_free(fonts);
    arena_free(mem);
    survey_free(s);
    diags_free(d);
    return status;
}

/* `aireport charts --png`: a build restricted to the charts. */
int cmd_charts(const cli_options *o)
{
    if (!o->png)
        return cli_usage_error("charts: give --png (PNG is the only image format)");
    /* The build's own chart jobs: same layout, same atomic writes. */
    cli_options charts = *o;
    charts.only = "charts";
    charts.bodies = false;
    return cmd_build(&charts);
}
