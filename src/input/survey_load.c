/* survey_load.c - survey_load(): survey.ini, the codebook, the body master
 * (bodies.csv), then each year (survey_answers.c). Every problem is reported;
 * the model is returned only when there was none. */
#include "fileread.h"
#include "inifile.h"
#include "numfmt.h"
#include "outname.h"
#include "survey_priv.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* The 47 prefectures in code order (JIS X 0401). */
static const char *const PREF_NAMES[N_PREFECTURES + 1] = {
    "",         "北海道",   "青森県",   "岩手県",   "宮城県", "秋田県", "山形県",
    "福島県",   "茨城県",   "栃木県",   "群馬県",   "埼玉県", "千葉県", "東京都",
    "神奈川県", "新潟県",   "富山県",   "石川県",   "福井県", "山梨県", "長野県",
    "岐阜県",   "静岡県",   "愛知県",   "三重県",   "滋賀県", "京都府", "大阪府",
    "兵庫県",   "奈良県",   "和歌山県", "鳥取県",   "島根県", "岡山県", "広島県",
    "山口県",   "徳島県",   "香川県",   "愛媛県",   "高知県", "福岡県", "佐賀県",
    "長崎県",   "熊本県",   "大分県",   "宮崎県",   "鹿児島県", "沖縄県"};

static char *join_path(arena *mem, const char *dir, const char *rel)
{
    if (rel[0] == '/')
        return arena_strdup(mem, rel);
    return arena_printf(mem, "%s/%s", dir, rel);
}


/* ---- survey.ini --------------------------------------------------------- */

struct ini_ctx {
    const char *path;
    const ini_file *ini;
    diags *d;
    bool data_files; /* the files it names must exist (not when only the definitions are read) */
};

static void config_problem(struct ini_ctx *c, const char *sec, const char *key, const char *fmt,
                           ...) __attribute__((format(printf, 4, 5)));
static void config_problem(struct ini_ctx *c, const char *sec, const char *key, const char *fmt,
                           ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line = key ? ini_line(c->ini, sec, key) : 0;
    if (!line)
        line = ini_line(c->ini, sec, NULL);
    if (key)
        diag_add(c->d, D_CONFIG, c->path, line, 0, "[%s] %s: %s", sec, key, msg);
    else
        diag_add(c->d, D_CONFIG, c->path, line, 0, "[%s] %s", sec, msg);
}

static const char *cfg_get(struct ini_ctx *c, const char *sec, const char *key)
{
    return ini_get(c->ini, sec, key);
}

static bool ini_bool(struct ini_ctx *c, const char *sec, const char *key, bool dflt)
{
    const char *v = cfg_get(c, sec, key);
    if (!v)
        return dflt;
    if (strcmp(v, "true") == 0)
        return true;
    if (strcmp(v, "false") == 0)
        return false;
    config_problem(c, sec, key, "\"%s\"; expected true or false", v);
    return dflt;
}

/* A real calendar date YYYY-MM-DD that the documents can print in the
 * Japanese era (numfmt.h: from 1926-12-25, 昭和, on). */
static bool iso_date(const char *s)
{
    char era[64];
    return numfmt_era_date(era, sizeof era, s);
}

static const char *ini_date(struct ini_ctx *c, arena *mem, const char *sec, const char *key,
                            bool required)
{
    const char *v = cfg_get(c, sec, key);
    if (!v || !*v) {
        if (required)
            config_problem(c, sec, key, "missing; expected an ISO date such as 2025-10-31");
        return NULL;
    }
    if (!iso_date(v)) {
        config_problem(c, sec, key, "\"%s\"; expected a real date YYYY-MM-DD from 1926-12-25 "
                                    "on, such as 2025-10-31",
                       v);
        return NULL;
    }
    return arena_strdup(mem, v);
}

/* A year's dates in their order: the survey period's start on or before its
 * end, and everything on or before the publication. ISO dates compare as
 * strings. */
static void check_date_order(struct ini_ctx *c, const char *sec, const sv_year *y)
{
    if (y->period_from && y->period_to && strcmp(y->period_from, y->period_to) > 0)
        config_problem(c, sec, "period_to", "%s is before period_from %s; expected the "
                                            "survey period to end on or after its start",
                       y->period_to, y->period_from);
    if (!y->published)
        return;
    const struct {
        const char *key, *value;
    } before[] = {{"as_of", y->as_of}, {"period_from", y->period_from},
                  {"period_to", y->period_to}};
    for (size_t i = 0; i < sizeof before / sizeof before[0]; i++)
        if (before[i].value && strcmp(before[i].value, y->published) > 0)
            config_problem(c, sec, "published", "%s is before %s %s; expected the publication "
                                                "on or after the survey's dates",
                           y->published, before[i].key, before[i].value);
}

/* A file named by survey.ini: must be a regular file within limit (what:
 * the kind of file, for the message), unless only the definitions are read
 * and it is a data file (c->data_files false). */
static const char *cfg_file(struct ini_ctx *c, survey *s, const char *sec, const char *key,
                            const char *dflt, bool required, size_t limit, const char *what)
{
    const char *v = cfg_get(c, sec, key);
    if (!v || !*v) {
        if (!dflt) {
            if (required)
                config_problem(c, sec, key, "missing; expected the path of the file "
                                            "relative to the data directory");
            return NULL;
        }
        v = dflt;
    }
    char *path = join_path(s->mem, s->data_dir, v);
    char why[256];
    if (c->data_files && !file_check(path, limit, what, why, sizeof why)) {
        config_problem(c, sec, key, "names %s, which %s (%s)", v, why, path);
        return NULL;
    }
    return path;
}

/* Position of year key `since` relative to year `yi`: asked from then on.
 * Keys not among the years compare by their number when they share the era
 * letter (R4 is before R5). -2 when incomparable. */
static int asked_in_year(const survey *s, int yi, const char *since)
{
    if (!since)
        return 1;
    int r = survey_find_year(s, since);
    if (r >= 0)
        return yi >= r;
    const char *k = s->years[yi].key;
    size_t pk = strcspn(k, "0123456789"), ps = strcspn(since, "0123456789");
    if (pk == 0 || pk != ps || strncasecmp(k, since, pk) != 0 || !k[pk] || !since[ps])
        return -2;
    return atoi(k + pk) >= atoi(since + ps);
}

struct year_files {
    const char *answers, *services, *cases;
};

static bool read_survey_ini(survey *s, const char *ini_path, bool data_files, diags *d,
                            struct year_files **yfp, const char **bodies, const char **cb_path,
                            text_encoding *enc)
{
    int before = diags_count(d);
    ini_file ini;
    if (!ini_open(&ini, ini_path, D_CONFIG, s->mem, d))
        return false;
    struct ini_ctx c = {ini_path, &ini, d, data_files};
    const char *v;

    if (!ini_has_section(&ini, "survey"))
        diag_add(d, D_CONFIG, ini_path, 0, 0, "no [survey] section; expected title, years, "
                                              "bodies and codebook there");
    v = cfg_get(&c, "survey", "title");
    s->title = arena_strdup(s->mem, v && *v ? v : "");
    if (!v || !*v)
        config_problem(&c, "survey", "title", "missing; expected the publication title");
    s->sample = ini_bool(&c, "survey", "sample", false);
    v = cfg_get(&c, "survey", "encoding");
    *enc = TEXTENC_AUTO;
    if (v && !textenc_parse(v, enc))
        config_problem(&c, "survey", "encoding", "\"%s\"; expected auto, utf-8 or cp932", v);
    *bodies = cfg_file(&c, s, "survey", "bodies", "bodies.csv", true, FILE_LIMIT_SURVEY_CSV,
                       "a CSV file");
    /* the codebook is a definition: it must exist either way */
    c.data_files = true;
    *cb_path = cfg_file(&c, s, "survey", "codebook", "codebook.ini", true, FILE_LIMIT_CONFIG,
                        "an INI file");
    c.data_files = data_files;

    /* years = R5, R6, R7 */
    v = cfg_get(&c, "survey", "years");
    if (!v || !*v) {
        config_problem(&c, "survey", "years", "missing; expected the year keys oldest first, "
                                              "e.g. R5, R6, R7");
        v = "";
    }
    char *list = arena_strdup(s->mem, v);
    int n = 1;
    for (const char *p = list; *p; p++)
        n += *p == ',';
    s->years = ARENA_NEW(s->mem, sv_year, n);
    *yfp = ARENA_NEW(s->mem, struct year_files, n);
    char *save = NULL;
    for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ' || *tok == '\t')
            tok++;
        size_t len = strlen(tok);
        while (len && (tok[len - 1] == ' ' || tok[len - 1] == '\t'))
            tok[--len] = '\0';
        if (!*tok)
            continue;
        if (survey_find_year(s, tok) >= 0) {
            config_problem(&c, "survey", "years", "\"%s\" is listed twice; expected each year "
                                                  "once",
                           tok);
            continue;
        }
        if (!ini_has_section(&ini, tok)) {
            config_problem(&c, "survey", "years", "year %s has no [%s] section; expected one "
                                                  "with label, as_of, answers and services",
                           tok, tok);
            continue;
        }
        sv_year *y = &s->years[s->n_years];
        struct year_files *f = &(*yfp)[s->n_years];
        s->n_years++;
        y->key = tok;
        v = cfg_get(&c, tok, "label");
        if (!v || !*v)
            config_problem(&c, tok, "label", "missing; expected the year as printed, e.g. "
                                             "令和7年度");
        y->label = arena_strdup(s->mem, v ? v : tok);
        y->as_of = ini_date(&c, s->mem, tok, "as_of", true);
        y->period_from = ini_date(&c, s->mem, tok, "period_from", false);
        y->period_to = ini_date(&c, s->mem, tok, "period_to", false);
        y->published = ini_date(&c, s->mem, tok, "published", false);
        check_date_order(&c, tok, y);
        y->detail_rate = ini_bool(&c, tok, "detail_rate", true);
        f->answers = cfg_file(&c, s, tok, "answers", NULL, true, FILE_LIMIT_SURVEY_CSV, "a CSV file");
        f->services =
            cfg_file(&c, s, tok, "services", NULL, true, FILE_LIMIT_SURVEY_CSV, "a CSV file");
        f->cases = cfg_file(&c, s, tok, "cases", NULL, false, FILE_LIMIT_SURVEY_CSV, "a CSV file");
    }
    if (s->n_years == 0 && before == diags_count(d))
        config_problem(&c, "survey", "years", "no survey year; expected at least one");
    ini_close(&ini);
    return diags_count(d) == before;
}

/* ---- bodies.csv --------------------------------------------------------- */

enum { BC_CODE, BC_PREF, BC_PREF_NAME, BC_NAME, BC_KIND, BC_POP, BC__COUNT };

struct body_load {
    survey *s;
    diags *d;
    const char *file;
    int field_of[BC__COUNT];
    bool header_ok;
    sv_body *rows;
    long *line;
    int n, cap;
};

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return s[n] == '\0';
}

static void body_row(void *ctx, const csv_row *row)
{
    struct body_load *B = ctx;
    static const csv_column cols[BC__COUNT] = {{"団体コード", true, NULL},
                                               {"都道府県コード", true, NULL},
                                               {"都道府県名", true, NULL},
                                               {"団体名", true, NULL},
                                               {"団体区分", true, NULL},
                                               {"人口", true, NULL}};
    if (row->index == 0) {
        B->header_ok = csv_map_header(row, B->file, cols, BC__COUNT, B->field_of, B->d);
        return;
    }
    if (!B->header_ok || row->ragged)
        return;
    const char *f[BC__COUNT];
    for (int c = 0; c < BC__COUNT; c++) {
        if (row->bad[B->field_of[c]])
            return; /* reported by the reader */
        f[c] = row->field[B->field_of[c]];
    }
    long line = row->line;
#define COL(c) (B->field_of[c] + 1)
    const char *code = f[BC_CODE];
    size_t n = strlen(code);
    if (n != 6 || !digits(code, 6)) {
        diag_add(B->d, D_BODY_CODE, B->file, line, COL(BC_CODE),
                 "団体コード \"%s\" is not 6 digits%s", code,
                 n == 5 && digits(code, 5) ? " (a leading zero lost in a spreadsheet?)" : "");
        return; /* not a usable key */
    }
    int check = survey_check_digit(code);
    if (check != code[5] - '0')
        diag_add(B->d, D_BODY_CHECK_DIGIT, B->file, line, COL(BC_CODE),
                 "団体コード %s: check digit is %c; expected %d (computed from %.5s)", code,
                 code[5], check, code);
    if (B->n == B->cap) {
        B->cap = B->cap ? B->cap * 2 : 2048;
        B->rows = xrealloc(B->rows, sizeof *B->rows * (size_t)B->cap);
        B->line = xrealloc(B->line, sizeof *B->line * (size_t)B->cap);
    }
    sv_body *b = &B->rows[B->n];
    memset(b, 0, sizeof *b);
    memcpy(b->code, code, 7);
    B->line[B->n++] = line;

    int pref_of_code = (code[0] - '0') * 10 + (code[1] - '0');
    const char *pc = f[BC_PREF];
    size_t pn = strlen(pc);
    int pref = (pn == 1 || pn == 2) && digits(pc, pn) ? atoi(pc) : -1;
    if (pref < 1 || pref > N_PREFECTURES)
        diag_add(B->d, D_BODY_PREF_MISMATCH, B->file, line, COL(BC_PREF),
                 "都道府県コード \"%s\"; expected 01 to 47", pc);
    else if (pref != pref_of_code)
        diag_add(B->d, D_BODY_PREF_MISMATCH, B->file, line, COL(BC_PREF),
                 "都道府県コード %02d disagrees with 団体コード %s; expected %.2s", pref, code,
                 code);
    b->pref = (uint8_t)(pref_of_code >= 1 && pref_of_code <= N_PREFECTURES ? pref_of_code : 0);
    if (!b->pref)
        diag_add(B->d, D_BODY_CODE, B->file, line, COL(BC_CODE),
                 "団体コード %s: its first two digits %.2s are not a prefecture code 01-47",
                 code, code);

    b->pref_name = arena_strdup(B->s->mem, f[BC_PREF_NAME]);
    if (b->pref && strcmp(f[BC_PREF_NAME], PREF_NAMES[b->pref]) != 0)
        diag_add(B->d, D_BODY_PREF_NAME, B->file, line, COL(BC_PREF_NAME),
                 "都道府県名 \"%s\" for 都道府県コード %02d; expected %s", f[BC_PREF_NAME],
                 b->pref, PREF_NAMES[b->pref]);

    b->name = arena_strdup(B->s->mem, f[BC_NAME]);
    if (!*f[BC_NAME])
        diag_add(B->d, D_ANSWER_REQUIRED, B->file, line, COL(BC_NAME),
                 "団体名 is empty for %s; expected the body's name", code);
    /* The name goes into file names and onto terminals (outname.h). */
    size_t at;
    if (outname_has_control(f[BC_NAME], &at))
        diag_add(B->d, D_BODY_NAME, B->file, line, COL(BC_NAME),
                 "団体名 \"%s\" of %s holds a control character (character %zu: TAB, CR, "
                 "ESC, ...); expected the body's name as printed",
                 f[BC_NAME], code, at);

    int kind = 0;
    while (kind < KIND__COUNT && strcmp(f[BC_KIND], survey_kind_label((body_kind)kind)) != 0)
        kind++;
    if (kind == KIND__COUNT) {
        diag_add(B->d, D_BODY_KIND, B->file, line, COL(BC_KIND),
                 "団体区分 \"%s\"; expected 都道府県, 指定都市, 市, 特別区, 町 or 村", f[BC_KIND]);
        kind = KIND_CITY;
    } else if ((kind == KIND_PREFECTURE) != (memcmp(code + 2, "000", 3) == 0)) {
        diag_add(B->d, D_BODY_KIND, B->file, line, COL(BC_KIND),
                 "団体区分 %s for 団体コード %s; expected %s", f[BC_KIND], code,
                 kind == KIND_PREFECTURE ? "a municipality kind (a prefecture's code is "
                                           "NN000 + check digit)"
                                         : "都道府県 (the code is a prefecture's)");
    } else if (kind == KIND_PREFECTURE && b->pref && strcmp(b->name, PREF_NAMES[b->pref]) != 0) {
        diag_add(B->d, D_BODY_PREF_NAME, B->file, line, COL(BC_NAME),
                 "団体名 \"%s\" of the 都道府県 body %s; expected %s", b->name, code,
                 PREF_NAMES[b->pref]);
    }
    b->kind = (uint8_t)kind;

    const char *pop = f[BC_POP];
    size_t popn = strlen(pop);
    unsigned long long pv = popn && popn <= 10 && digits(pop, popn) ? strtoull(pop, NULL, 10) : 0;
    if (!popn || popn > 10 || !digits(pop, popn) || pv > UINT32_MAX)
        diag_add(B->d, D_BODY_POPULATION, B->file, line, COL(BC_POP),
                 "人口 \"%s\"; expected a whole number of residents (digits only, no commas)",
                 pop);
    b->population = (uint32_t)pv;
#undef COL
}

static const sv_body *sorting_bodies;

static int cmp_by_code(const void *a, const void *b)
{
    return strcmp(sorting_bodies[*(const int *)a].code, sorting_bodies[*(const int *)b].code);
}

static bool load_bodies(survey *s, const char *path, text_encoding enc, diags *d)
{
    int before = diags_count(d);
    struct body_load B = {.s = s, .d = d, .file = path};
    csv_options opt = {.encoding = enc};
    csv_read_file(path, &opt, body_row, &B, d);

    s->n_bodies = B.n;
    s->bodies = ARENA_NEW(s->mem, sv_body, B.n);
    if (B.n)
        memcpy(s->bodies, B.rows, sizeof *B.rows * (size_t)B.n);
    s->body_by_code = ARENA_NEW(s->mem, int, B.n);
    for (int i = 0; i < B.n; i++)
        s->body_by_code[i] = i;
    /* bodies.csv is normally written in code order: one pass checks that and
     * saves the sort (~3 M instructions of strcmp for 1,788 bodies). */
    bool in_order = true;
    for (int i = 1; i < B.n && in_order; i++)
        in_order = strcmp(s->bodies[i - 1].code, s->bodies[i].code) <= 0;
    if (!in_order) {
        sorting_bodies = s->bodies; /* qsort has no context argument in C17 */
        qsort(s->body_by_code, (size_t)B.n, sizeof(int), cmp_by_code);
    }

    /* Duplicates sit next to each other in code order; the row with the
     * later line is the duplicate. Both stay in the index (survey_load fails
     * anyway), and the years skip their missing-body check (see below). */
    for (int i = 1; i < B.n; i++) {
        int a = s->body_by_code[i - 1], b = s->body_by_code[i];
        if (strcmp(s->bodies[a].code, s->bodies[b].code) != 0)
            continue;
        if (B.line[a] > B.line[b]) {
            int t = a;
            a = b;
            b = t;
        }
        diag_add(d, D_BODY_DUPLICATE, path, B.line[b], B.field_of[BC_CODE] + 1,
                 "団体コード %s (%s) appears again; first on line %ld. Expected each body once",
                 s->bodies[b].code, s->bodies[b].name, B.line[a]);
    }

    /* Exactly one 都道府県 body per prefecture that has bodies. */
    bool has_body[N_PREFECTURES + 1] = {false};
    for (int p = 0; p <= N_PREFECTURES; p++)
        s->pref_body[p] = -1;
    for (int i = 0; i < B.n; i++) {
        const sv_body *b = &s->bodies[i];
        has_body[b->pref] = true;
        if (b->kind != KIND_PREFECTURE || !b->pref)
            continue;
        if (s->pref_body[b->pref] >= 0 && strcmp(s->bodies[s->pref_body[b->pref]].code,
                                                 b->code) != 0)
            diag_add(d, D_BODY_DUPLICATE, path, B.line[i], B.field_of[BC_KIND] + 1,
                     "second 都道府県 body for 都道府県コード %02d (%s); expected exactly one",
                     b->pref, b->code);
        else
            s->pref_body[b->pref] = i;
    }
    for (int p = 1; p <= N_PREFECTURES; p++) {
        if (!has_body[p] || s->pref_body[p] >= 0)
            continue;
        char code5[8];
        snprintf(code5, sizeof code5, "%02d000", p);
        diag_add(d, D_BODY_MISSING, path, 0, 0,
                 "no 都道府県 body for 都道府県コード %02d (%s); expected a row %s%d,%02d,%s,%s,"
                 "都道府県,...",
                 p, PREF_NAMES[p], code5, survey_check_digit(code5), p, PREF_NAMES[p],
                 PREF_NAMES[p]);
    }
    free(B.rows);
    free(B.line);
    return diags_count(d) == before;
}

/* ---- the whole ---------------------------------------------------------- */

static bool check_codebook(survey *s, const char *path, diags *d)
{
    struct {
        const char *id;
        int *index;
        cb_file file;
    } need[] = {{"Q1", &s->q_status, CB_FILE_ANSWERS},
                {"Q6", &s->q_guideline, CB_FILE_ANSWERS},
                {"Q5", &s->q_service, CB_FILE_SERVICES}};
    bool ok = true;
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        int q = codebook_find(&s->cb, need[i].id);
        *need[i].index = q;
        if (q < 0 || s->cb.q[q].multi || s->cb.q[q].file != need[i].file) {
            diag_add(d, D_CODEBOOK, path, q < 0 ? 0 : ini_line(&s->cb.ini, need[i].id, NULL), 0,
                     "[%s] %s; the report needs it as a single-select %s question", need[i].id,
                     q < 0 ? "missing" : "has the wrong shape",
                     need[i].file == CB_FILE_ANSWERS ? "answers" : "services");
            ok = false;
        }
    }
    if (ok && s->cb.q[s->q_status].n_options < 3) {
        diag_add(d, D_CODEBOOK, path, ini_line(&s->cb.ini, "Q1", "options"), 0,
                 "[Q1] options: %d; expected at least 3 (codes 1-3 are the adopting statuses)",
                 s->cb.q[s->q_status].n_options);
        ok = false;
    }
    /* since = a year key: resolved against survey.ini's years. */
    for (int yi = 0; yi < s->n_years; yi++)
        for (int q = 0; q < s->cb.n; q++) {
            int a = asked_in_year(s, yi, s->cb.q[q].since);
            if (a == -2) {
                if (yi == 0)
                    diag_add(d, D_CODEBOOK, path, ini_line(&s->cb.ini, s->cb.q[q].id, "since"), 0,
                             "[%s] since: \"%s\" is not comparable with the years of "
                             "survey.ini; expected a key like %s",
                             s->cb.q[q].id, s->cb.q[q].since, s->years[0].key);
                ok = false;
                a = 1;
            }
            s->years[yi].asked[q] = a;
        }
    return ok;
}

/* survey_load, or with answers false survey_load_definitions. */
static survey *load(const char *data_dir, bool answers, diags *d)
{
    int before = diags_count(d);
    arena *mem = arena_new();
    survey *s = ARENA_NEW(mem, survey, 1);
    s->mem = mem;
    s->data_dir = arena_strdup(mem, data_dir);
    s->q_status = s->q_guideline = s->q_service = -1;

    const char *ini_path = join_path(mem, data_dir, "survey.ini");
    struct year_files *yf = NULL;
    const char *bodies = NULL, *cb_path = NULL;
    text_encoding enc = TEXTENC_AUTO;
    struct stat st;
    if (stat(ini_path, &st) != 0) {
        diag_add(d, D_IO_READ, ini_path, 0, 0, "cannot read survey.ini; expected it in the "
                                               "data directory %s",
                 data_dir);
        arena_free(mem);
        return NULL;
    }
    read_survey_ini(s, ini_path, answers, d, &yf, &bodies, &cb_path, &enc);

    bool cb_ok = cb_path && codebook_load(&s->cb, cb_path, mem, d) &&
                 check_codebook(s, cb_path, d);
    if (!answers)
        bodies = NULL; /* the definitions only: no body, no answer */
    bool bodies_ok = bodies && load_bodies(s, bodies, enc, d);

    /* Years are checked even when the master had problems: the bodies with a
     * usable code are in it, so the answers' own problems still show. */
    if (cb_ok && bodies && s->n_bodies > 0) {
        /* A master with problems would make every year report its bodies as
         * missing: that check waits until the master is clean. */
        sv_loader L = {s, d, enc, bodies_ok};
        for (int y = 0; y < s->n_years; y++)
            if (yf[y].answers && yf[y].services)
                survey_load_year(&L, y, yf[y].answers, yf[y].services, yf[y].cases);
    }
    if (diags_count(d) != before) {
        arena_free(mem);
        return NULL;
    }
    return s;
}

survey *survey_load(const char *data_dir, diags *d)
{
    return load(data_dir, true, d);
}

survey *survey_load_definitions(const char *data_dir, diags *d)
{
    return load(data_dir, false, d);
}
