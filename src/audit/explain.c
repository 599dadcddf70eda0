/* explain.c - a figure's definition in words and the members behind each of
 * its numbers, re-derived from the survey model (not from figures.c's
 * tallies), so that anyone can audit a number against the raw CSV. */
#include "explain.h"

#include "numfmt.h"
#include "popband.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Codes the deck's definitions rest on (codebook.ini). */
enum { STATUS_ADOPTED = 1, STATUS_PLANNED = 3, STATUS_CONSIDERING = 4, GUIDELINE_DONE = 1,
       CUSTOMISED = 1 };

/* --- parsing a reference ------------------------------------------------ */

static char *S_trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    return s;
}

/* "R7", "latest", "latest-1" -> year index, -1 when unknown. */
static int S_year(const survey *s, const char *key)
{
    if (strcasecmp(key, "latest") == 0)
        return s->n_years - 1;
    if (strncasecmp(key, "latest-", 7) == 0) {
        char *end;
        long back = strtol(key + 7, &end, 10);
        if (*end || end == key + 7 || back < 0 || back >= s->n_years)
            return -1;
        return s->n_years - 1 - (int)back;
    }
    return survey_find_year(s, key);
}

bool explain_parse(const survey *s, const char *spec, arena *mem, explain_ref *ref, char *err,
                   size_t err_size)
{
    *ref = (explain_ref){.year = -1, .group = ""};
    char *text = arena_strdup(mem, spec);
    char *open = strchr(text, '[');
    if (open) {
        size_t n = strlen(open);
        if (n < 2 || open[n - 1] != ']') {
            snprintf(err, err_size, "\"%s\": expected FIGURE[year,group,option] ending in ']'",
                     spec);
            return false;
        }
        open[n - 1] = '\0';
        *open = '\0';
    }
    char *dot = strchr(text, '.');
    if (!dot || dot == text || !dot[1]) {
        snprintf(err, err_size, "\"%s\": expected PAGE.FIGURE, e.g. P4.status_by_group", spec);
        return false;
    }
    *dot = '\0';
    text[0] = (char)toupper((unsigned char)text[0]); /* p4 -> P4 */
    ref->page = text;
    ref->figure = dot + 1;
    if (!open)
        return true;

    char *field[3];
    char *p = open + 1;
    int n = 0;
    for (; n < 3; n++) {
        field[n] = p;
        char *comma = strchr(p, ',');
        if (!comma) {
            n++;
            break;
        }
        *comma = '\0';
        p = comma + 1;
        if (n == 2) { /* a fourth field */
            n = 4;
            break;
        }
    }
    if (n != 3) {
        snprintf(err, err_size,
                 "\"%s\": expected three fields [year,group,option], e.g. "
                 "[R7,その他市区町村,1] (use - where the figure has no group or option)",
                 spec);
        return false;
    }
    const char *year = S_trim(field[0]), *group = S_trim(field[1]), *option = S_trim(field[2]);
    ref->single = true;
    ref->year = strcmp(year, "-") == 0 ? -1 : S_year(s, year); /* -: M.population */
    if (ref->year < 0 && strcmp(year, "-") != 0) {
        int m = snprintf(err, err_size, "\"%s\": unknown survey year \"%s\"; expected latest, "
                         "latest-N or one of", spec, year);
        for (int y = 0; y < s->n_years && m > 0 && (size_t)m < err_size; y++)
            m += snprintf(err + m, err_size - (size_t)m, " %s", s->years[y].key);
        return false;
    }
    ref->group = strcmp(group, "-") == 0 ? "" : group;
    if (strcmp(option, "-") == 0 || !*option) {
        ref->option = 0;
    } else {
        char *end;
        long v = strtol(option, &end, 10);
        if (*end || v < 0 || v > 1000) {
            snprintf(err, err_size, "\"%s\": option \"%s\": expected an option code or -", spec,
                     option);
            return false;
        }
        ref->option = (int)v;
    }
    return true;
}

/* --- figure names ------------------------------------------------------- */

/* true when some row of f is that figure. */
static bool S_known(const figset *f, const char *page, const char *figure)
{
    for (int i = 0; i < figures_count(f); i++) {
        const fig_row *r = figures_row(f, i);
        if (strcmp(r->figure, figure) == 0 && strcmp(r->page, page) == 0)
            return true;
    }
    return false;
}

/* Levenshtein distance over bytes, case-folded (names are ASCII). */
static int S_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int *row = xmalloc((lb + 1) * sizeof *row);
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int corner = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int best = corner + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            corner = up;
        }
    }
    int d = row[lb];
    free(row);
    return d;
}

static bool S_contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return false;
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

int explain_close_names(const figset *f, const char *name, arena *mem, const char **out, int max)
{
    /* Distinct names in row order (rows of a figure are contiguous per year). */
    int cap = 64, n_names = 0;
    const char **names = xmalloc((size_t)cap * sizeof *names);
    int *dist = xmalloc((size_t)cap * sizeof *dist);
    const char *bare = strchr(name, '.') ? strchr(name, '.') + 1 : name;
    for (int i = 0; i < figures_count(f); i++) {
        const fig_row *r = figures_row(f, i);
        char *full = arena_printf(mem, "%s.%s", r->page, r->figure);
        bool seen = false;
        for (int k = 0; k < n_names && !seen; k++)
            seen = strcmp(names[k], full) == 0;
        if (seen)
            continue;
        int d = S_distance(name, full);
        int d_bare = S_distance(bare, r->figure);
        if (d_bare < d)
            d = d_bare;
        if (S_contains_nocase(full, bare) && d > 1)
            d = 1;
        if (n_names == cap) {
            cap *= 2;
            names = xrealloc(names, (size_t)cap * sizeof *names);
            dist = xrealloc(dist, (size_t)cap * sizeof *dist);
        }
        names[n_names] = full;
        dist[n_names++] = d;
    }
    int limit = (int)strlen(name) / 3;
    if (limit < 3)
        limit = 3;
    int n_out = 0;
    for (int d = 0; d <= limit && n_out < max; d++)
        for (int k = 0; k < n_names && n_out < max; k++)
            if (dist[k] == d)
                out[n_out++] = names[k];
    free(names);
    free(dist);
    return n_out;
}

/* --- membership --------------------------------------------------------- */

static int S_single(cb_mask m)
{
    return m && !(m & (m - 1)) ? codebook_mask_code(m) : 0;
}

static bool S_in_scope(const sv_body *b, int scope)
{
    return scope == 0 || b->pref == scope;
}

/* The deck group a row's group names, -1 when none. */
static int S_deck_group(const char *group)
{
    for (int g = 0; g < GROUP__COUNT; g++)
        if (strcmp(group, survey_group_label((body_group)g)) == 0)
            return g;
    return -1;
}

/* The population band a row's group names (B), -1 when none. */
static int S_band_group(const char *group)
{
    for (int band = 0; band < POP_N_BANDS; band++)
        if (strcmp(group, pop_band_label(band)) == 0)
            return band;
    return -1;
}

/* The body an M row is about (its group is the 団体コード), -1 for other rows. */
static int S_row_body(const survey *s, const fig_row *r)
{
    return strcmp(r->page, "M") == 0 ? survey_find_body(s, r->group) : -1;
}

/* The Q1 code whose label is the row's group (P11), 0 when none. */
static int S_status_group(const survey *s, const fig_row *r)
{
    if (r->base_kind != BASE_STATUS_GROUP && strcmp(r->page, "P11") != 0)
        return 0;
    const cb_question *q1 = &s->cb.q[s->q_status];
    for (int c = 1; c <= q1->n_options; c++)
        if (strcmp(q1->label[c], r->group) == 0)
            return c;
    return 0;
}

static bool S_is(const fig_row *r, const char *page, const char *figure)
{
    return strcmp(r->page, page) == 0 && (!figure || strcmp(r->figure, figure) == 0);
}

/* Does body b belong to the row's population (scope and group)? */
static bool S_body_in(const survey *s, const sv_year *y, const fig_row *r, int b)
{
    const sv_body *body = &s->bodies[b];
    if (S_is(r, "A1", NULL)) /* a prefecture's municipalities, the prefecture excluded */
        return body->pref == r->scope && body->kind != KIND_PREFECTURE;
    if (!S_in_scope(body, r->scope))
        return false;
    if (S_is(r, "M", NULL)) /* one body's own answers */
        return strcmp(body->code, r->group) == 0;
    int band = S_band_group(r->group);
    if (band >= 0 && pop_band(body->population) != band)
        return false;
    int g = S_deck_group(r->group);
    if (g >= 0 && (int)survey_body_group(body) != g)
        return false;
    if (strcmp(r->group, FIG_MUNI_GROUP) == 0 && body->kind == KIND_PREFECTURE)
        return false; /* 指定都市 and その他市区町村 together */
    int status = S_status_group(s, r);
    if (status && S_single(survey_answer(s, y, b, s->q_status)) != status)
        return false;
    return true;
}

static bool S_body_in_base(const survey *s, const sv_year *y, int b, fig_base kind)
{
    int status = S_single(survey_answer(s, y, b, s->q_status));
    switch (kind) {
    case BASE_STATUS_1_3:
        return status >= 1 && status <= STATUS_PLANNED;
    case BASE_DETAIL: return y->detail_respondent && y->detail_respondent[b];
    case BASE_GUIDELINE:
        return S_single(survey_answer(s, y, b, s->q_guideline)) == GUIDELINE_DONE;
    default:
        return true; /* BASE_ALL, BASE_STATUS_GROUP: the population itself */
    }
}

/* BASE_ANSWERED (B): the body answered the row's question. */
static bool S_body_answered(const survey *s, const sv_year *y, const fig_row *r, int b)
{
    return r->question >= 0 && survey_answer(s, y, b, r->question) != 0;
}

/* Does body b (in the population) count for the row? */
static bool S_body_counts(const survey *s, const sv_year *y, const fig_row *r, int b)
{
    int status = S_single(survey_answer(s, y, b, s->q_status));
    if (S_is(r, "P2", "answered"))
        return status > 0;
    if (S_is(r, "P2", "detail"))
        return y->detail_respondent && y->detail_respondent[b];
    if (S_is(r, "P4", "status_1_4"))
        return status >= 1 && status <= STATUS_CONSIDERING;
    if (S_is(r, "A1", NULL)) /* 導入済 / 策定済: code 1 of the row's question */
        return r->question >= 0 && S_single(survey_answer(s, y, b, r->question)) == 1;
    if (r->question < 0 || r->option <= 0 || r->option > CB_MAX_OPTIONS)
        return false;
    return (survey_answer(s, y, b, r->question) & CB_BIT(r->option)) != 0;
}

static void S_push(explain_set *set, int item)
{
    set->items[set->n++] = item;
}

void explain_members(const survey *s, const fig_row *r, arena *mem, explain_set *counted,
                     explain_set *base)
{
    *counted = (explain_set){.unit = EXPLAIN_BODIES, .derived = true};
    *base = (explain_set){.unit = EXPLAIN_BODIES, .derived = r->base_kind != BASE_NONE};
    if (S_is(r, "M", "population")) { /* a datum of bodies.csv: the body it belongs to */
        counted->derived = base->derived = false;
        counted->items = ARENA_NEW(mem, int, 1);
        int b = S_row_body(s, r);
        if (b >= 0)
            S_push(counted, b);
        return;
    }
    if (r->year < 0 || r->year >= s->n_years) {
        counted->derived = base->derived = false;
        return;
    }
    const sv_year *y = &s->years[r->year];
    bool service_q = r->question >= 0 && s->cb.q[r->question].file == CB_FILE_SERVICES &&
                     !S_is(r, "A1", NULL);
    bool service_base = r->base_kind == BASE_SERVICE_ROWS || r->base_kind == BASE_CUSTOMISED_ROWS;
    counted->items = ARENA_NEW(mem, int, (service_q ? y->n_services : s->n_bodies) + 1);
    base->items = ARENA_NEW(mem, int, (service_base ? y->n_services : s->n_bodies) + 1);

    if (S_is(r, "P6", NULL)) { /* a case study: the body quoted, its value not a count */
        counted->derived = base->derived = false;
        int i = r->option - 1;
        if (i >= 0 && i < y->n_cases && y->cases[i].body >= 0)
            S_push(counted, y->cases[i].body);
        return;
    }
    if (service_q || service_base) {
        int q9 = codebook_find(&s->cb, "Q9");
        for (int row = 0; row < y->n_services; row++) {
            int b = y->service_body[row];
            if (b < 0 || b >= s->n_bodies || !S_in_scope(&s->bodies[b], r->scope) ||
                (S_is(r, "M", NULL) && b != S_row_body(s, r)))
                continue;
            if (service_q && r->option > 0 && r->option <= CB_MAX_OPTIONS &&
                (survey_service(s, y, row, r->question) & CB_BIT(r->option)))
                S_push(counted, row);
            if (r->base_kind == BASE_SERVICE_ROWS ||
                (r->base_kind == BASE_CUSTOMISED_ROWS && q9 >= 0 &&
                 S_single(survey_service(s, y, row, q9)) == CUSTOMISED))
                S_push(base, row);
        }
        counted->unit = service_q ? EXPLAIN_SERVICE_ROWS : EXPLAIN_BODIES;
        base->unit = service_base ? EXPLAIN_SERVICE_ROWS : EXPLAIN_BODIES;
    }
    for (int b = 0; b < s->n_bodies; b++) {
        if (!S_body_in(s, y, r, b))
            continue;
        if (!service_q && S_body_counts(s, y, r, b))
            S_push(counted, b);
        if (!service_base && r->base_kind != BASE_NONE &&
            (r->base_kind == BASE_ANSWERED ? S_body_answered(s, y, r, b)
                                           : S_body_in_base(s, y, b, r->base_kind)))
            S_push(base, b);
    }
}

/* --- words -------------------------------------------------------------- */

/* 「導入済」「実証中」「導入予定」 from the codebook labels of Q1 codes 1-3. */
static const char *S_status13_words(const survey *s, arena *mem)
{
    const cb_question *q1 = &s->cb.q[s->q_status];
    const char *w = "";
    for (int c = 1; c <= STATUS_PLANNED && c <= q1->n_options; c++)
        w = arena_printf(mem, "%s「%s」", w, q1->label[c]);
    return w;
}

/* The respondent base in words, e.g. 全団体, 「導入済」「実証中」「導入予定」と回答し
 * 詳細設問に回答した団体, サービス別回答. In mem. */
static const char *S_base_words(const survey *s, const fig_row *r, arena *mem)
{
    switch (r->base_kind) {
    case BASE_ALL:
        if (S_is(r, "A1", NULL))
            return "都道府県内の市区町村（都道府県を除く）";
        if (S_deck_group(r->group) >= 0)
            return arena_printf(mem, "%sの全団体", r->group);
        if (strcmp(r->group, FIG_MUNI_GROUP) == 0)
            return "市区町村（指定都市を含み、都道府県を除く）の全団体";
        return "全団体";
    case BASE_STATUS_1_3: return arena_printf(mem, "%sと回答した団体", S_status13_words(s, mem));
    case BASE_DETAIL:
        return arena_printf(mem, "%sと回答し詳細設問に回答した団体", S_status13_words(s, mem));
    case BASE_GUIDELINE:
        return arena_printf(mem, "%sが「%s」の団体", s->cb.q[s->q_guideline].title,
                            s->cb.q[s->q_guideline].label[GUIDELINE_DONE]);
    case BASE_SERVICE_ROWS: return "サービス別回答（利用しているサービス1件につき1行）";
    case BASE_CUSTOMISED_ROWS: return "「カスタマイズしている」と回答したサービス別回答";
    case BASE_STATUS_GROUP: return arena_printf(mem, "導入状況が「%s」の団体", r->group);
    case BASE_ANSWERED:
        return arena_printf(mem, "%s%sに回答した団体",
                            S_band_group(r->group) >= 0 ? arena_printf(mem, "%sのうち", r->group)
                                                        : "",
                            r->question >= 0 ? s->cb.q[r->question].id : "設問");
    case BASE_NONE: break;
    }
    return "なし（割合を示さない数値）";
}

/* Who is asked the question, from the codebook. */
static const char *S_asked_words(const survey *s, const cb_question *q, arena *mem)
{
    const char *who = q->file == CB_FILE_SERVICES ? "サービス別回答の全行" : "全団体";
    if (q->asked_q >= 0) {
        const cb_question *c = &s->cb.q[q->asked_q];
        const char *codes = "";
        for (int code = 1; code <= c->n_options; code++)
            if (q->asked_codes & CB_BIT(code))
                codes = arena_printf(mem, "%s「%s」", codes, c->label[code]);
        bool row_condition = q->file == CB_FILE_SERVICES && c->file == CB_FILE_SERVICES;
        who = arena_printf(mem, "%s%s が%s%s", row_condition ? "サービス別回答のうち " : "",
                           c->id, codes, row_condition ? "の行" : "の団体");
    }
    if (q->since)
        who = arena_printf(mem, "%s（%s から調査）", who, q->since);
    return who;
}

/* Special figures, not one question's options. */
static const char *S_counts_words(const survey *s, const fig_row *r, arena *mem)
{
    if (S_is(r, "P2", "answered"))
        return "導入状況に回答した団体";
    if (S_is(r, "P2", "detail"))
        return "詳細設問に回答した団体（回答率の分子）";
    if (S_is(r, "P4", "status_1_4"))
        return "導入状況が「導入済」「実証中」「導入予定」「導入検討中」の団体";
    if (S_is(r, "P6", "cases"))
        return "導入効果の事例（数値 = 事例団体の人口）";
    if (S_is(r, "P6", "hours_before"))
        return "事例の削減前の業務時間（時間/月）";
    if (S_is(r, "P6", "hours_after"))
        return "事例の削減後の業務時間（時間/月）";
    if (S_is(r, "P6", "reduction"))
        return "事例の削減時間（時間/月、分母 = 削減前）";
    if (S_is(r, "A1", "adopted_share"))
        return "導入状況が「導入済」の市区町村（都道府県別）";
    if (S_is(r, "A1", "guideline_share"))
        return "ガイドラインが「策定済」の市区町村（都道府県別）";
    if (S_is(r, "M", "population"))
        return "団体の人口（bodies.csv）";
    if (r->question < 0)
        return "";
    if (S_is(r, "B", NULL))
        return arena_printf(mem, "%sでその選択肢を選んだ団体（団体票の割合）",
                            s->cb.q[r->question].id);
    if (S_is(r, "M", NULL))
        return s->cb.q[r->question].file == CB_FILE_SERVICES
                   ? arena_printf(mem, "団体のサービス別回答のうち、%sでそのサービスを挙げた行",
                                  s->cb.q[r->question].id)
                   : arena_printf(mem, "団体の%sの回答（選んだ選択肢ごとに1）",
                                  s->cb.q[r->question].id);
    const cb_question *q = &s->cb.q[r->question];
    return arena_printf(mem, "%sの回答（%s）", q->id,
                        q->file == CB_FILE_SERVICES ? "件、サービス別回答1行につき1件"
                        : q->multi                  ? "件、複数回答"
                                                    : "団体");
}

/* --- printing ----------------------------------------------------------- */

static const char *S_scope_words(const survey *s, int scope, arena *mem)
{
    if (scope <= 0)
        return "全国";
    int b = s->pref_body[scope];
    return arena_printf(mem, "%02d %s", scope, b >= 0 ? s->bodies[b].name : "");
}

static bool S_selected(const fig_row *r, const explain_ref *ref, int scope_filter)
{
    return strcmp(r->figure, ref->figure) == 0 && strcmp(r->page, ref->page) == 0 &&
           (scope_filter < 0 || r->scope == scope_filter);
}

static void S_print_row_value(FILE *out, const survey *s, const fig_row *r)
{
    char a[NUMFMT_MAX], b[NUMFMT_MAX], p[NUMFMT_MAX];
    fprintf(out, "%s %s %s", r->year >= 0 ? s->years[r->year].key : "-",
            *r->group ? r->group : "-", r->option > 0 ? numfmt_int(a, r->option) : "-");
    if (*r->option_label)
        fprintf(out, " %s", r->option_label);
    if (S_is(r, "A1", NULL) || r->scope > 0)
        fprintf(out, " (%s)", r->scope > 0 ? numfmt_int(a, r->scope) : "全国");
    fprintf(out, ": %s", numfmt_int(a, r->count));
    if (r->base > 0)
        fprintf(out, " / %s = %s%%", numfmt_int(b, r->base), numfmt_pct10_str(p, r->pct10));
}

static void S_print_member(FILE *out, const survey *s, const sv_year *y, explain_unit unit,
                           int item)
{
    int b = unit == EXPLAIN_SERVICE_ROWS ? y->service_body[item] : item;
    const sv_body *body = &s->bodies[b];
    fprintf(out, "      %s %s", body->code, body->kind == KIND_PREFECTURE ? "" : body->pref_name);
    fprintf(out, "%s%s", body->kind == KIND_PREFECTURE ? "" : " ", body->name);
    int q5 = codebook_find(&s->cb, "Q5");
    if (unit == EXPLAIN_SERVICE_ROWS && q5 >= 0) {
        int service = S_single(survey_service(s, y, item, q5));
        if (service > 0)
            fprintf(out, " (%s)", s->cb.q[q5].label[service]);
    }
    fputc('\n', out);
}

/* The members of one row: their count, a check against the figure, and with
 * list their codes and names. Returns false when the re-derivation disagrees. */
static bool S_print_members(FILE *out, const survey *s, const fig_row *r, bool list, arena *mem)
{
    explain_set counted, base;
    explain_members(s, r, mem, &counted, &base);
    const char *unit = counted.unit == EXPLAIN_SERVICE_ROWS ? "行（サービス別回答）" : "団体";
    bool ok = true;
    if (counted.derived) {
        char n_str[NUMFMT_MAX];
        fprintf(out, " — %s %s\n", numfmt_int(n_str, counted.n), unit);
        if (counted.n != r->count) {
            fprintf(out, "    ! re-derived %d %s, but the figure counts %d\n", counted.n,
                    unit, r->count);
            ok = false;
        }
    } else {
        fprintf(out, "%s\n",
                !counted.n            ? ""
                : S_is(r, "P6", NULL) ? " — case study of:"
                                      : " — of:");
    }
    if (base.derived && base.n != r->base) {
        fprintf(out, "    ! re-derived base %d, but the figure's base is %d\n", base.n, r->base);
        ok = false;
    }
    if (list || !counted.derived)
        for (int i = 0; i < counted.n; i++)
            S_print_member(out, s, &s->years[r->year >= 0 ? r->year : s->n_years - 1],
                           counted.unit, counted.items[i]);
    return ok;
}

static void S_print_definition(FILE *out, const survey *s, const fig_row *rep,
                               const figset *rows_of, const explain_ref *ref, int scope_filter,
                               arena *mem)
{
    fprintf(out, "%s.%s\n", ref->page, ref->figure);
    fprintf(out, "  page:     %s\n", ref->page);
    const cb_question *q = rep->question >= 0 ? &s->cb.q[rep->question] : NULL;
    if (q)
        fprintf(out, "  question: %s %s (column %s, %s)\n", q->id, q->title, q->column,
                q->multi ? (q->max ? arena_printf(mem, "multiple answers, at most %d", q->max)
                                   : "multiple answers")
                         : "single answer");
    fprintf(out, "  counts:   %s\n", S_counts_words(s, rep, mem));
    const char *base = S_base_words(s, rep, mem);
    /* The whole of a grouped figure: each row has its own group's base. */
    if (!ref->single && (S_deck_group(rep->group) >= 0 || strcmp(rep->group, FIG_MUNI_GROUP) == 0) &&
        rep->base_kind == BASE_ALL)
        base = "団体区分ごとの全団体（行の区分の団体数）";
    else if (!ref->single && rep->base_kind == BASE_STATUS_GROUP)
        base = "導入状況ごとの団体（行の区分の導入状況と回答した団体数）";
    fprintf(out, "  base:     %s\n", base);
    if (q && !S_is(rep, "A1", NULL) && rep->option > 0) {
        fputs("  options:\n", out);
        for (int c = 1; c <= q->n_options; c++)
            fprintf(out, "    %d %s\n", c, q->label[c]);
    }
    fprintf(out, "  scope:    %s\n", S_is(rep, "A1", NULL) && scope_filter < 0
                                         ? "47都道府県（都道府県ごとの数値）"
                                         : S_scope_words(s, scope_filter < 0 ? rep->scope
                                                                             : scope_filter,
                                                         mem));
    /* The groups the figure has, in row order. */
    const char *groups = ", "; /* each ", NAME, ": 市区町村 is not その他市区町村 */
    for (int i = 0; i < figures_count(rows_of); i++) {
        const fig_row *r = figures_row(rows_of, i);
        if (!S_selected(r, ref, scope_filter) || r->year != rep->year || !*r->group)
            continue;
        if (!strstr(groups, arena_printf(mem, ", %s, ", r->group)))
            groups = arena_printf(mem, "%s%s, ", groups, r->group);
    }
    if (groups[2])
        fprintf(out, "  groups:   %.*s\n", (int)strlen(groups) - 4, groups + 2);
    if (q)
        fprintf(out, "  asked:    %s\n", S_asked_words(s, q, mem));
}

const figset *explain_rows_of(const figset *national, const figset *scoped, int scope,
                              const explain_ref *ref, int *scope_filter)
{
    *scope_filter = scope;
    if (S_known(scoped, ref->page, ref->figure)) {
        /* In the national set, rows of a figure all have scope 0 except the
         * per-prefecture A1 rows, whose scope is their prefecture. */
        for (int i = 0; scope == 0 && i < figures_count(scoped); i++) {
            const fig_row *r = figures_row(scoped, i);
            if (strcmp(r->figure, ref->figure) == 0 && strcmp(r->page, ref->page) == 0) {
                if (r->scope != 0)
                    *scope_filter = -1;
                break;
            }
        }
        return scoped;
    }
    if (scope != 0 && S_known(national, ref->page, ref->figure))
        return national; /* A1 rows of one prefecture */
    return NULL;
}

int explain_print(FILE *out, const survey *s, const figset *rows_of, const explain_ref *ref,
                  int scope_filter, bool list)
{
    arena *mem = arena_new();
    int status = EXIT_OK;
    /* The representative row: one with a base, so the base kind is known
     * (a row whose base is 0 carries BASE_NONE). */
    const fig_row *rep = NULL;
    for (int i = 0; i < figures_count(rows_of); i++) {
        const fig_row *r = figures_row(rows_of, i);
        if (!S_selected(r, ref, scope_filter))
            continue;
        if (!rep || (rep->base_kind == BASE_NONE && r->base_kind != BASE_NONE))
            rep = r;
    }
    /* One number: its own row, so that the base names its group. */
    const fig_row *sel = ref->single ? figures_get(rows_of, ref->page, ref->figure, ref->year,
                                                   ref->group, ref->option)
                                     : NULL;
    if (sel && (sel->base_kind != BASE_NONE || !rep || rep->base_kind == BASE_NONE))
        rep = sel;
    if (!rep) {
        fprintf(out, "%s.%s: no numbers in %s\n", ref->page, ref->figure,
                S_scope_words(s, scope_filter, mem));
        arena_free(mem);
        return EXIT_OK;
    }
    S_print_definition(out, s, rep, rows_of, ref, scope_filter, mem);

    if (!ref->single) {
        fputs("\nvalues (count / base = percent — members re-derived from the answers):\n", out);
        for (int i = 0; i < figures_count(rows_of); i++) {
            const fig_row *r = figures_row(rows_of, i);
            if (!S_selected(r, ref, scope_filter))
                continue;
            fputs("  ", out);
            S_print_row_value(out, s, r);
            if (!S_print_members(out, s, r, list, mem))
                status = EXIT_INTERNAL;
        }
    } else if (ref->year < 0) { /* a datum without a year (M.population) */
        fputs("\nvalue:\n", out);
        if (sel) {
            fputs("* ", out);
            S_print_row_value(out, s, sel);
            fputc('\n', out);
            fputs("\nmembers", out);
            if (!S_print_members(out, s, sel, list, mem))
                status = EXIT_INTERNAL;
        }
    } else {
        fputs("\nvalue by survey year (count / base = percent):\n", out);
        for (int y = 0; y < s->n_years; y++) {
            const fig_row *r =
                figures_get(rows_of, ref->page, ref->figure, y, ref->group, ref->option);
            if (!r) {
                fprintf(out, "  %s: %s\n", s->years[y].key,
                        S_is(rep, "M", NULL) ? "no such answer" : "not asked");
                continue;
            }
            fprintf(out, "%s ", r == sel ? "*" : " ");
            S_print_row_value(out, s, r);
            fputc('\n', out);
        }
        if (sel) {
            fprintf(out, "\nmembers (%s)", s->years[sel->year].key);
            if (!S_print_members(out, s, sel, list, mem))
                status = EXIT_INTERNAL;
        }
    }
    arena_free(mem);
    return status;
}
