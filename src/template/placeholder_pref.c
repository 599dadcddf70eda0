/* placeholder_pref.c - {pref.…} and {body.…}: the prefecture a report is
 * about (its name, its shares and its rank among the 47) and the body a
 * sheet is about. See placeholder.h for the names. */
#include "placeholder_priv.h"

#include "numfmt.h"

#include <stdio.h>
#include <string.h>

static const char PREF_FIELDS[] =
    "name, code, municipalities, adopted.count, adopted.pct, guideline.count, guideline.pct, "
    "rank.adopted, rank.guideline, tie.adopted or tie.guideline";
static const char BODY_FIELDS[] = "name, code, pref, kind, population or band";

bool ph_scope_known(const char *spec, char *err, size_t err_size)
{
    static const char *const pref[] = {"name",          "code",           "municipalities",
                                       "adopted.count", "adopted.pct",    "guideline.count",
                                       "guideline.pct", "rank.adopted",   "rank.guideline",
                                       "tie.adopted",   "tie.guideline"};
    static const char *const body[] = {"name", "code", "pref", "kind", "population", "band"};
    bool is_pref = strncmp(spec, "pref.", 5) == 0;
    const char *const *names = is_pref ? pref : body;
    size_t n = is_pref ? sizeof pref / sizeof pref[0] : sizeof body / sizeof body[0];
    for (size_t i = 0; i < n; i++)
        if (strcmp(spec + 5, names[i]) == 0)
            return true;
    return ph_fail(err, err_size, "%s field `%s`: expected %s", is_pref ? "pref" : "body", spec + 5,
                is_pref ? PREF_FIELDS : BODY_FIELDS);
}

static bool put(char *out, size_t size, const char *s)
{
    snprintf(out, size, "%s", s);
    return true;
}

static bool put_int(char *out, size_t size, long long v)
{
    char num[NUMFMT_MAX];
    return put(out, size, numfmt_int(num, v));
}

static bool put_pct(char *out, size_t size, int pct10, char *err, size_t err_size)
{
    if (pct10 < 0)
        return ph_fail(err, err_size, "the prefecture has no municipalities, so no percentage");
    char num[NUMFMT_MAX];
    numfmt_pct10_str(num, pct10);
    return put(out, size, num);
}

static bool pref_field(const char *f, const fig_pref_rank *p, char *out, size_t size, char *err,
                       size_t err_size)
{
    if (strcmp(f, "name") == 0)
        return put(out, size, p->name);
    if (strcmp(f, "code") == 0) {
        snprintf(out, size, "%02d", p->pref);
        return true;
    }
    if (strcmp(f, "municipalities") == 0)
        return put_int(out, size, p->municipalities);
    if (strcmp(f, "adopted.count") == 0)
        return put_int(out, size, p->adopted);
    if (strcmp(f, "adopted.pct") == 0)
        return put_pct(out, size, p->adopted_pct10, err, err_size);
    if (strcmp(f, "guideline.count") == 0)
        return put_int(out, size, p->guideline);
    if (strcmp(f, "guideline.pct") == 0)
        return put_pct(out, size, p->guideline_pct10, err, err_size);
    if (strcmp(f, "rank.adopted") == 0)
        return put_int(out, size, p->adopted_rank);
    if (strcmp(f, "rank.guideline") == 0)
        return put_int(out, size, p->guideline_rank);
    /* 「47都道府県中{pref.tie.adopted}{pref.rank.adopted}位」: 同率 when another
     * prefecture prints the same share */
    if (strcmp(f, "tie.adopted") == 0)
        return put(out, size, p->adopted_tied ? "同率" : "");
    if (strcmp(f, "tie.guideline") == 0)
        return put(out, size, p->guideline_tied ? "同率" : "");
    return ph_fail(err, err_size, "pref field `%s`: expected %s", f, PREF_FIELDS);
}

static bool body_field(const char *f, const fig_body *b, char *out, size_t size, char *err,
                       size_t err_size)
{
    if (strcmp(f, "name") == 0)
        return put(out, size, b->name);
    if (strcmp(f, "code") == 0)
        return put(out, size, b->code);
    if (strcmp(f, "pref") == 0)
        return put(out, size, b->pref_name);
    if (strcmp(f, "kind") == 0)
        return put(out, size, b->kind);
    if (strcmp(f, "population") == 0)
        return put_int(out, size, b->population);
    if (strcmp(f, "band") == 0)
        return put(out, size, b->band);
    return ph_fail(err, err_size, "body field `%s`: expected %s", f, BODY_FIELDS);
}

bool ph_expand_scope(const char *spec, const fig_pref_rank *pref, const fig_body *body, char *out,
                     size_t size, char *err, size_t err_size)
{
    if (strncmp(spec, "pref.", 5) == 0) {
        if (!pref)
            return ph_fail(err, err_size, "{pref.…} is only known in a prefecture report");
        return pref_field(spec + 5, pref, out, size, err, err_size);
    }
    if (!body)
        return ph_fail(err, err_size, "{body.…} is only known in a body sheet");
    return body_field(spec + 5, body, out, size, err, err_size);
}

void ph_scope_source(const char *spec, const figset *nation, const fig_pref_rank *pref,
                     const fig_body *body, const fig_row **row, const char **field)
{
    static const struct {
        const char *spec, *figure, *field;
    } a1[] = {
        {"pref.municipalities", "adopted_share", "base"},
        {"pref.adopted.count", "adopted_share", "count"},
        {"pref.adopted.pct", "adopted_share", "pct"},
        {"pref.rank.adopted", "adopted_share", "rank"},
        {"pref.guideline.count", "guideline_share", "count"},
        {"pref.guideline.pct", "guideline_share", "pct"},
        {"pref.rank.guideline", "guideline_share", "rank"},
    };
    *row = NULL;
    *field = spec;
    if (body && body->population_row && strcmp(spec, "body.population") == 0) {
        *row = body->population_row;
        *field = "count";
        return;
    }
    if (!pref || !nation)
        return;
    int latest = figures_catalogue(nation)->n_years - 1;
    for (size_t i = 0; i < sizeof a1 / sizeof a1[0]; i++)
        if (strcmp(spec, a1[i].spec) == 0) {
            *row = figures_get(nation, "A1", a1[i].figure, latest, "", pref->pref);
            if (*row)
                *field = a1[i].field;
            return;
        }
}
