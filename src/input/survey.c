/* survey.c - small helpers over the survey model: labels, lookups, the
 * 団体コード check digit, freeing. */
#include "survey.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

body_group survey_body_group(const sv_body *b)
{
    switch (b->kind) {
    case KIND_PREFECTURE:
        return GROUP_PREFECTURE;
    case KIND_DESIGNATED:
        return GROUP_DESIGNATED;
    default:
        return GROUP_OTHER;
    }
}

const char *survey_kind_label(body_kind k)
{
    static const char *labels[KIND__COUNT] = {"都道府県", "指定都市", "市", "特別区", "町", "村"};
    return (unsigned)k < KIND__COUNT ? labels[k] : "?";
}

const char *survey_group_label(body_group g)
{
    static const char *labels[GROUP__COUNT] = {"都道府県", "指定都市", "その他市区町村"};
    return (unsigned)g < GROUP__COUNT ? labels[g] : "?";
}

int survey_find_body(const survey *s, const char *code)
{
    int lo = 0, hi = s->n_bodies - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int b = s->body_by_code[mid];
        int c = strcmp(s->bodies[b].code, code);
        if (c == 0)
            return b;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int survey_find_year(const survey *s, const char *key)
{
    for (int i = 0; i < s->n_years; i++)
        if (strcasecmp(s->years[i].key, key) == 0)
            return i;
    return -1;
}

int survey_check_digit(const char *code5)
{
    static const int weight[5] = {6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 5; i++) {
        if (code5[i] < '0' || code5[i] > '9')
            return -1;
        sum += weight[i] * (code5[i] - '0');
    }
    return (11 - sum % 11) % 10;
}

void survey_free(survey *s)
{
    if (s)
        arena_free(s->mem); /* the survey itself lives in its arena */
}
