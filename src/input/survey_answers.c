/* survey_answers.c - one survey year: answers.csv (one row per body),
 * services.csv (one row per service a body uses) and cases.csv. Each cell is
 * checked against the codebook: syntax, codes, single/multi, limits,
 * repeats, exclusive options, and whether the question was asked of that
 * body at all. */
#include "survey_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct year_load {
    sv_loader *L;
    survey *s;
    sv_year *y;
    const char *file;
    cb_file kind;
    /* columns: [0] 団体コード, then one per question of this file and year */
    csv_column cols[CB_MAX_QUESTIONS + 1];
    int col_q[CB_MAX_QUESTIONS + 1];
    int field_of[CB_MAX_QUESTIONS + 1];
    int n_cols;
    bool header_ok; /* 団体コード present: rows can be read */

    long *first_line;       /* answers: [body] line of its row, 0 = none yet */
    /* services: growing rows */
    int n_rows, cap_rows;
    int *row_body;
    long *row_line;
    cb_mask *row_masks;
    bool *has_service;      /* [body] */
    cb_mask *service_seen;  /* [body] services named so far */
    int code_pos;           /* position in body_by_code of the last row's body */
};

/* A 団体コード that is not in bodies.csv, with a hint for the usual slips: a
 * wrong check digit, a leading zero lost in a spreadsheet. */
static void report_unknown_body(diags *d, const char *file, long line, long column,
                                const char *code)
{
    char hint[96] = "";
    size_t n = strlen(code);
    if (n == 6 && strspn(code, "0123456789") == 6) {
        int check = survey_check_digit(code);
        if (check != code[5] - '0')
            snprintf(hint, sizeof hint, " (its check digit should be %d: %.5s%d?)", check, code,
                     check);
    } else if (n == 5 && strspn(code, "0123456789") == 5) {
        snprintf(hint, sizeof hint, " (5 digits: a leading zero lost in a spreadsheet?)");
    }
    diag_add(d, D_BODY_UNKNOWN, file, line, column,
             "団体コード \"%s\" is not in bodies.csv%s; expected a body of the master", code, hint);
}

static void setup_columns(struct year_load *Y, int yi)
{
    const codebook *cb = &Y->s->cb;
    Y->cols[0] = (csv_column){"団体コード", true, NULL};
    Y->col_q[0] = -1;
    Y->n_cols = 1;
    for (int q = 0; q < cb->n; q++) {
        if (cb->q[q].file != Y->kind)
            continue;
        const char *why = NULL;
        if (!Y->s->years[yi].asked[q])
            why = arena_printf(Y->s->mem, "%s (%s) is asked from %s on, not in %s",
                               cb->q[q].column, cb->q[q].id, cb->q[q].since, Y->y->key);
        Y->cols[Y->n_cols] = (csv_column){cb->q[q].column, true, why};
        Y->col_q[Y->n_cols++] = q;
    }
}

static long field_col(const struct year_load *Y, int c)
{
    return Y->field_of[c] + 1;
}

/* Parses a cell of question q ("" or "1;4;12"); false after reporting. */
static bool parse_cell(struct year_load *Y, const cb_question *q, const char *cell, long line,
                       long col, cb_mask *out)
{
    diags *d = Y->L->d;
    const char *f = Y->file;
    *out = 0;
    if (!*cell)
        return true;
    int count = 0, first_excl = 0;
    cb_mask m = 0;
    const char *p = cell;
    for (;;) {
        while (*p == ' ')
            p++;
        const char *start = p;
        long v = 0;
        while (*p >= '0' && *p <= '9' && v < 1000)
            v = v * 10 + (*p++ - '0');
        bool is_num = p > start;
        while (*p == ' ')
            p++;
        if (!is_num || (*p != ';' && *p != '\0')) {
            diag_add(d, D_ANSWER_SYNTAX, f, line, col,
                     "%s \"%s\" is not a list of option codes; expected %s 1-%d%s", q->column,
                     cell, q->multi ? "codes" : "one code", q->n_options,
                     q->multi ? " separated by \";\" (e.g. 1;4)" : "");
            return false;
        }
        if (v == 0 || v > q->n_options) {
            diag_add(d, D_ANSWER_CODE, f, line, col,
                     "%s \"%s\": option %ld does not exist; expected codes 1-%d", q->column, cell,
                     v, q->n_options);
            return false;
        }
        if (!(Y->y->offered[q - Y->s->cb.q] & CB_BIT(v))) {
            diag_add(d, D_ANSWER_CODE, f, line, col,
                     "%s \"%s\": option %ld (%s) is offered from %s on (codebook %s %ld.since), "
                     "not in %s",
                     q->column, cell, v, q->label[v], q->option_since[v], q->id, v, Y->y->key);
            return false;
        }
        if (m & CB_BIT(v)) {
            diag_add(d, D_ANSWER_REPEAT, f, line, col,
                     "%s \"%s\" names option %ld twice; expected each option at most once",
                     q->column, cell, v);
            return false;
        }
        m |= CB_BIT(v);
        count++;
        if ((q->exclusive & CB_BIT(v)) && !first_excl)
            first_excl = (int)v;
        if (*p == '\0')
            break;
        p++; /* ';' */
    }
    if (!q->multi && count > 1) {
        diag_add(d, D_ANSWER_SINGLE, f, line, col,
                 "%s \"%s\" names %d options; it is single-select: expected one code 1-%d",
                 q->column, cell, count, q->n_options);
        return false;
    }
    if (q->max && count > q->max) {
        diag_add(d, D_ANSWER_LIMIT, f, line, col, "%s \"%s\" names %d options; at most %d allowed",
                 q->column, cell, count, q->max);
        return false;
    }
    if (first_excl && count > 1) {
        diag_add(d, D_ANSWER_EXCLUSIVE, f, line, col,
                 "%s \"%s\": option %d (%s) cannot be combined with other options", q->column,
                 cell, first_excl, q->label[first_excl]);
        return false;
    }
    *out = m;
    return true;
}

static const char *codes_text(char *buf, size_t cap, cb_mask m)
{
    size_t used = 0;
    buf[0] = '\0';
    int n = 0, total = __builtin_popcount(m);
    for (int c = 1; c <= CB_MAX_OPTIONS; c++) {
        if (!(m & CB_BIT(c)))
            continue;
        n++;
        int w = snprintf(buf + used, cap - used, "%s%d", n == 1 ? "" : n == total ? " or " : ", ",
                         c);
        if (w < 0 || (size_t)w >= cap - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

/* Reads the cells of a row into masks[q]; cell_ok[q] says it parsed. Then
 * checks who is asked. cond_row: masks the `asked` condition reads for
 * questions of the other file (the body's answers), NULL in answers.csv. */
static void read_cells(struct year_load *Y, const csv_row *row, cb_mask *masks, bool *cell_ok,
                       const cb_mask *cond_row)
{
    const codebook *cb = &Y->s->cb;
    for (int c = 1; c < Y->n_cols; c++) {
        int q = Y->col_q[c], f = Y->field_of[c];
        cell_ok[q] = false;
        if (f < 0 || Y->cols[c].not_here || row->bad[f])
            continue;
        cell_ok[q] = parse_cell(Y, &cb->q[q], row->field[f], row->line, f + 1, &masks[q]);
    }
    for (int c = 1; c < Y->n_cols; c++) {
        int q = Y->col_q[c];
        const cb_question *qq = &cb->q[q];
        if (!cell_ok[q] || !masks[q] || qq->asked_q < 0)
            continue;
        const cb_question *cq = &cb->q[qq->asked_q];
        bool same_file = cq->file == Y->kind;
        if (same_file && !cell_ok[qq->asked_q])
            continue; /* the condition's own cell is broken: reported there */
        cb_mask cond = same_file ? masks[qq->asked_q] : cond_row ? cond_row[qq->asked_q] : 0;
        if (cond & qq->asked_codes)
            continue;
        char want[96], got[16];
        codes_text(want, sizeof want, qq->asked_codes);
        snprintf(got, sizeof got, "%d", codebook_mask_code(cond));
        diag_add(Y->L->d, D_ANSWER_NOT_ASKED, Y->file, row->line, field_col(Y, c),
                 "%s \"%s\" answered, but %s is asked only when %s is %s (this %s: %s)", qq->column,
                 row->field[Y->field_of[c]], qq->column, cq->column, want,
                 same_file ? "row" : "body's answer", cond ? got : "empty");
    }
}

/* Where code sits in survey->body_by_code (as survey_find_body), -1 if absent. */
static int code_position(const survey *s, const char *code)
{
    int lo = 0, hi = s->n_bodies - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(s->bodies[s->body_by_code[mid]].code, code);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* The body of a row, or -1 after reporting. */
static int row_body(struct year_load *Y, const csv_row *row)
{
    int f = Y->field_of[0];
    if (f >= row->n_fields || row->bad[f])
        return -1;
    const char *code = row->field[f];
    /* Files are normally in body-code order (one row per body in answers.csv,
     * runs of rows per body in services.csv): try the last row's body and the
     * next one in code order before a binary search (~400 instructions). */
    const survey *s = Y->s;
    int b = -1;
    for (int pos = Y->code_pos; pos <= Y->code_pos + 1 && pos < s->n_bodies; pos++)
        if (strcmp(s->bodies[s->body_by_code[pos]].code, code) == 0) {
            b = s->body_by_code[pos];
            Y->code_pos = pos;
            break;
        }
    if (b < 0) {
        int pos = code_position(s, code);
        if (pos >= 0) {
            b = s->body_by_code[pos];
            Y->code_pos = pos;
        }
    }
    if (b < 0)
        report_unknown_body(Y->L->d, Y->file, row->line, f + 1, code);
    return b;
}

static void answers_row(void *ctx, const csv_row *row)
{
    struct year_load *Y = ctx;
    survey *s = Y->s;
    if (row->index == 0) {
        csv_map_header(row, Y->file, Y->cols, Y->n_cols, Y->field_of, Y->L->d);
        Y->header_ok = Y->field_of[0] >= 0;
        return;
    }
    if (!Y->header_ok)
        return;
    int b = row_body(Y, row);
    if (b < 0)
        return;
    if (Y->first_line[b]) {
        diag_add(Y->L->d, D_BODY_DUPLICATE, Y->file, row->line, field_col(Y, 0),
                 "団体コード %s (%s) appears again; first on line %ld. Expected one row per body",
                 s->bodies[b].code, s->bodies[b].name, Y->first_line[b]);
        return;
    }
    Y->first_line[b] = row->line;
    if (row->ragged)
        return; /* reported; its cells cannot be matched to columns */

    cb_mask *masks = &Y->y->answers[(size_t)b * (size_t)s->cb.n];
    bool cell_ok[CB_MAX_QUESTIONS];
    read_cells(Y, row, masks, cell_ok, NULL);

    int qs = s->q_status;
    for (int c = 1; c < Y->n_cols; c++)
        if (Y->col_q[c] == qs && Y->field_of[c] >= 0 && cell_ok[qs] && !masks[qs])
            diag_add(Y->L->d, D_ANSWER_REQUIRED, Y->file, row->line, field_col(Y, c),
                     "%s is empty for %s %s; every body must answer it (1-%d)",
                     s->cb.q[qs].column, s->bodies[b].code, s->bodies[b].name,
                     s->cb.q[qs].n_options);
}

static void services_row(void *ctx, const csv_row *row)
{
    struct year_load *Y = ctx;
    survey *s = Y->s;
    size_t n = (size_t)s->cb.n;
    if (row->index == 0) {
        csv_map_header(row, Y->file, Y->cols, Y->n_cols, Y->field_of, Y->L->d);
        Y->header_ok = Y->field_of[0] >= 0;
        return;
    }
    if (!Y->header_ok)
        return;
    int b = row_body(Y, row);
    if (b < 0 || row->ragged)
        return;
    const cb_mask *answers = &Y->y->answers[(size_t)b * n];
    int status = codebook_mask_code(answers[s->q_status]);
    if (status > 3) {
        diag_add(Y->L->d, D_ANSWER_NOT_ASKED, Y->file, row->line, field_col(Y, 0),
                 "service row from %s %s, whose %s is %d; service rows are accepted only from "
                 "bodies with %s 1-3",
                 s->bodies[b].code, s->bodies[b].name, s->cb.q[s->q_status].column, status,
                 s->cb.q[s->q_status].column);
        return;
    }
    if (Y->n_rows == Y->cap_rows) {
        Y->cap_rows = Y->cap_rows ? Y->cap_rows * 2 : 1024;
        Y->row_body = xrealloc(Y->row_body, sizeof(int) * (size_t)Y->cap_rows);
        Y->row_line = xrealloc(Y->row_line, sizeof(long) * (size_t)Y->cap_rows);
        Y->row_masks = xrealloc(Y->row_masks, sizeof(cb_mask) * n * (size_t)Y->cap_rows);
    }
    cb_mask *masks = &Y->row_masks[(size_t)Y->n_rows * n];
    memset(masks, 0, sizeof(cb_mask) * n);
    bool cell_ok[CB_MAX_QUESTIONS];
    read_cells(Y, row, masks, cell_ok, answers);

    int qv = s->q_service, cv = 0;
    for (int c = 1; c < Y->n_cols; c++)
        if (Y->col_q[c] == qv)
            cv = c;
    if (cv && Y->field_of[cv] >= 0 && cell_ok[qv]) {
        int code = codebook_mask_code(masks[qv]);
        if (!code) {
            diag_add(Y->L->d, D_ANSWER_REQUIRED, Y->file, row->line, field_col(Y, cv),
                     "%s is empty; every service row must name its service (1-%d)",
                     s->cb.q[qv].column, s->cb.q[qv].n_options);
        } else {
            if (Y->service_seen[b] & CB_BIT(code)) {
                long first = 0; /* only on this error: find the earlier row */
                for (int r = 0; r < Y->n_rows && !first; r++)
                    if (Y->row_body[r] == b &&
                        codebook_mask_code(Y->row_masks[(size_t)r * n + (size_t)qv]) == code)
                        first = Y->row_line[r];
                diag_add(Y->L->d, D_SERVICE_DUPLICATE, Y->file, row->line, field_col(Y, cv),
                         "%s %d (%s) named twice by %s %s; first on line %ld. Expected one "
                         "row per service",
                         s->cb.q[qv].column, code, s->cb.q[qv].label[code], s->bodies[b].code,
                         s->bodies[b].name, first);
                return;
            }
            Y->service_seen[b] |= CB_BIT(code);
        }
    }
    Y->row_body[Y->n_rows] = b;
    Y->row_line[Y->n_rows] = row->line;
    Y->n_rows++;
    Y->has_service[b] = true;
}

/* ---- cases.csv ---------------------------------------------------------- */

enum { CC_CODE, CC_USE, CC_EFFECT, CC_BEFORE, CC_AFTER, CC__COUNT };

struct case_load {
    sv_loader *L;
    const char *file;
    int field_of[CC__COUNT];
    bool header_ok;
    sv_case *rows;
    int n, cap;
};

static int parse_hours(struct case_load *C, const csv_row *row, int c, bool *given)
{
    int f = C->field_of[c];
    *given = false;
    if (f < 0 || row->bad[f] || !*row->field[f])
        return 0;
    const char *v = row->field[f];
    size_t n = strlen(v);
    bool ok = n > 0 && n <= 6;
    for (size_t i = 0; i < n && ok; i++)
        ok = v[i] >= '0' && v[i] <= '9';
    if (!ok) {
        diag_add(C->L->d, D_ANSWER_SYNTAX, C->file, row->line, f + 1,
                 "%s \"%s\"; expected a whole number of hours per month (or empty)",
                 c == CC_BEFORE ? "削減前時間" : "削減後時間", v);
        return 0;
    }
    *given = true;
    return atoi(v);
}

static void cases_row(void *ctx, const csv_row *row)
{
    static const csv_column cols[CC__COUNT] = {{"団体コード", true, NULL},
                                               {"活用事例", true, NULL},
                                               {"導入効果", true, NULL},
                                               {"削減前時間", false, NULL},
                                               {"削減後時間", false, NULL}};
    struct case_load *C = ctx;
    survey *s = C->L->s;
    if (row->index == 0) {
        C->header_ok = csv_map_header(row, C->file, cols, CC__COUNT, C->field_of, C->L->d);
        return;
    }
    if (!C->header_ok || row->ragged)
        return;
    for (int c = 0; c < CC__COUNT; c++)
        if (C->field_of[c] >= 0 && row->bad[C->field_of[c]])
            return;
    const char *code = row->field[C->field_of[CC_CODE]];
    int b = survey_find_body(s, code);
    if (b < 0) {
        report_unknown_body(C->L->d, C->file, row->line, C->field_of[CC_CODE] + 1, code);
        return;
    }
    for (int c = CC_USE; c <= CC_EFFECT; c++)
        if (!*row->field[C->field_of[c]])
            diag_add(C->L->d, D_ANSWER_REQUIRED, C->file, row->line, C->field_of[c] + 1,
                     "%s is empty for %s %s; expected the text the deck prints", cols[c].name,
                     s->bodies[b].code, s->bodies[b].name);
    bool has_before, has_after;
    int before = parse_hours(C, row, CC_BEFORE, &has_before);
    int after = parse_hours(C, row, CC_AFTER, &has_after);
    if (has_before != has_after)
        diag_add(C->L->d, D_ANSWER_REQUIRED, C->file, row->line,
                 C->field_of[has_before ? CC_AFTER : CC_BEFORE] + 1,
                 "%s is given without %s; expected both hours or neither",
                 has_before ? "削減前時間" : "削減後時間", has_before ? "削減後時間" : "削減前時間");
    else if (has_before && (before == 0 || after > before))
        diag_add(C->L->d, D_ANSWER_SYNTAX, C->file, row->line, C->field_of[CC_BEFORE] + 1,
                 "削減前時間 %d and 削減後時間 %d; expected hours before > 0 and after <= before",
                 before, after);
    if (C->n == C->cap) {
        C->cap = C->cap ? C->cap * 2 : 16;
        C->rows = xrealloc(C->rows, sizeof *C->rows * (size_t)C->cap);
    }
    C->rows[C->n++] = (sv_case){.body = b,
                                .use_case = arena_strdup(s->mem, row->field[C->field_of[CC_USE]]),
                                .effect = arena_strdup(s->mem, row->field[C->field_of[CC_EFFECT]]),
                                .hours_before = has_before ? before : 0,
                                .hours_after = has_before ? after : 0};
}

/* ---- one year ----------------------------------------------------------- */

/* y->service_by_pref: a counting sort of the rows by their body's prefecture. */
static void index_services_by_pref(const survey *s, sv_year *y)
{
    int *first = ARENA_NEW(s->mem, int, N_PREFECTURES + 2);
    int *by_pref = ARENA_NEW_UNINIT(s->mem, int, y->n_services);
    for (int r = 0; r < y->n_services; r++) {
        int p = s->bodies[y->service_body[r]].pref;
        first[(p >= 1 && p <= N_PREFECTURES ? p : 0) + 1]++;
    }
    for (int p = 1; p <= N_PREFECTURES + 1; p++)
        first[p] += first[p - 1];
    int fill[N_PREFECTURES + 1];
    memcpy(fill, first, sizeof fill);
    for (int r = 0; r < y->n_services; r++) {
        int p = s->bodies[y->service_body[r]].pref;
        by_pref[fill[p >= 1 && p <= N_PREFECTURES ? p : 0]++] = r;
    }
    y->service_pref_first = first;
    y->service_by_pref = by_pref;
}

void survey_load_year(sv_loader *L, int yi, const char *answers, const char *services,
                  const char *cases)
{
    survey *s = L->s;
    sv_year *y = &s->years[yi];
    size_t n = (size_t)s->cb.n, nb = (size_t)s->n_bodies;
    csv_options opt = {.encoding = L->encoding};
    y->answers = ARENA_NEW(s->mem, cb_mask, nb * n);
    y->detail_respondent = ARENA_NEW(s->mem, bool, nb);

    struct year_load A = {.L = L, .s = s, .y = y, .file = answers, .kind = CB_FILE_ANSWERS};
    setup_columns(&A, yi);
    A.first_line = xcalloc(nb, sizeof *A.first_line);
    csv_result r = csv_read_file(answers, &opt, answers_row, &A, L->d);
    if (L->master_ok && A.header_ok && r.opened && !r.truncated)
        for (size_t b = 0; b < nb; b++)
            if (!A.first_line[b])
                diag_add(L->d, D_BODY_MISSING, answers, 0, 0,
                         "no row for %s %s (%s); every body of bodies.csv must appear once",
                         s->bodies[b].code, s->bodies[b].name, s->bodies[b].pref_name);
    free(A.first_line);

    struct year_load S = {.L = L, .s = s, .y = y, .file = services, .kind = CB_FILE_SERVICES};
    setup_columns(&S, yi);
    S.has_service = xcalloc(nb, sizeof *S.has_service);
    S.service_seen = xcalloc(nb, sizeof *S.service_seen);
    csv_read_file(services, &opt, services_row, &S, L->d);
    y->n_services = S.n_rows;
    y->service_body = ARENA_NEW_UNINIT(s->mem, int, S.n_rows);
    y->services = ARENA_NEW_UNINIT(s->mem, cb_mask, (size_t)S.n_rows * n);
    if (S.n_rows) {
        memcpy(y->service_body, S.row_body, sizeof(int) * (size_t)S.n_rows);
        memcpy(y->services, S.row_masks, sizeof(cb_mask) * n * (size_t)S.n_rows);
    }
    index_services_by_pref(s, y);

    /* Detail respondents: status 1-3 and a detail answer or a service row. */
    for (size_t b = 0; b < nb; b++) {
        const cb_mask *m = &y->answers[b * n];
        int status = codebook_mask_code(m[s->q_status]);
        bool detail = S.has_service[b];
        for (size_t q = 0; q < n && !detail; q++)
            detail = s->cb.q[q].detail && m[q];
        y->detail_respondent[b] = status >= 1 && status <= 3 && detail;
    }
    free(S.has_service);
    free(S.service_seen);
    free(S.row_body);
    free(S.row_line);
    free(S.row_masks);

    if (cases) {
        struct case_load C = {.L = L, .file = cases};
        csv_read_file(cases, &opt, cases_row, &C, L->d);
        y->n_cases = C.n;
        y->cases = ARENA_NEW_UNINIT(s->mem, sv_case, C.n);
        if (C.n)
            memcpy(y->cases, C.rows, sizeof *C.rows * (size_t)C.n);
        free(C.rows);
    }
}
