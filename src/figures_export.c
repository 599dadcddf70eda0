/* figures_export.c - the figures as CSV (RFC 4180) and JSON: one record per
 * number, the same fields in both, for the CI diff and for other tools. */
#include "figures.h"

#include "numfmt.h"

#include <stdio.h>
#include <string.h>

static const char *year_key(const survey *s, int year)
{
    return year >= 0 && year < s->n_years && s->years[year].key ? s->years[year].key : "";
}

enum { SCOPE_MAX = 12 };

static void scope_str(char buf[SCOPE_MAX], int scope)
{
    if (scope == 0)
        snprintf(buf, SCOPE_MAX, "national");
    else
        snprintf(buf, SCOPE_MAX, "%02d", scope % 100);
}

/* ---- CSV ---- */

static void csv_field(FILE *out, const char *v)
{
    if (strpbrk(v, ",\"\r\n") == NULL) {
        fputs(v, out);
        return;
    }
    fputc('"', out);
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

static void csv_int(FILE *out, bool present, int v)
{
    if (present)
        fprintf(out, "%d", v);
}

bool figures_export_csv(FILE *out, const survey *s, figset *const *sets, int n_sets)
{
    fputs("page,figure,year,scope,group,option_code,option_label,count,base,percent\r\n", out);
    for (int k = 0; k < n_sets; k++) {
        const figset *f = sets[k];
        for (int i = 0; i < figures_count(f); i++) {
            const fig_row *r = figures_row(f, i);
            char scope[SCOPE_MAX], pct[NUMFMT_MAX];
            scope_str(scope, r->scope);
            csv_field(out, r->page);
            fputc(',', out);
            csv_field(out, r->figure);
            fputc(',', out);
            csv_field(out, year_key(s, r->year));
            fputc(',', out);
            fputs(scope, out);
            fputc(',', out);
            csv_field(out, r->group);
            fputc(',', out);
            csv_int(out, r->option > 0, r->option);
            fputc(',', out);
            csv_field(out, r->option_label);
            fputc(',', out);
            csv_int(out, true, r->count);
            fputc(',', out);
            csv_int(out, r->base > 0, r->base);
            fputc(',', out);
            fputs(numfmt_pct10_str(pct, r->pct10), out);
            fputs("\r\n", out);
        }
    }
    return fflush(out) == 0 && !ferror(out);
}

/* ---- JSON ---- */

static void json_str(FILE *out, const char *v)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(v ? v : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out); /* UTF-8 passes through */
        }
    }
    fputc('"', out);
}

static void json_int_or_null(FILE *out, bool present, int v)
{
    if (present)
        fprintf(out, "%d", v);
    else
        fputs("null", out);
}

static void json_year(FILE *out, const sv_year *y)
{
    fputs("{\"key\": ", out);
    json_str(out, y->key);
    fputs(", \"label\": ", out);
    json_str(out, y->label);
    fputs(", \"as_of\": ", out);
    json_str(out, y->as_of);
    fprintf(out, ", \"detail_rate\": %s}", y->detail_rate ? "true" : "false");
}

bool figures_export_json(FILE *out, const survey *s, figset *const *sets, int n_sets)
{
    fputs("{\n  \"title\": ", out);
    json_str(out, s->title);
    fprintf(out, ",\n  \"sample\": %s,\n  \"years\": [", s->sample ? "true" : "false");
    for (int y = 0; y < s->n_years; y++) {
        fputs(y ? ",\n    " : "\n    ", out);
        json_year(out, &s->years[y]);
    }
    fputs("\n  ],\n  \"rows\": [", out);
    bool first = true;
    for (int k = 0; k < n_sets; k++) {
        const figset *f = sets[k];
        for (int i = 0; i < figures_count(f); i++) {
            const fig_row *r = figures_row(f, i);
            char scope[SCOPE_MAX], pct[NUMFMT_MAX];
            scope_str(scope, r->scope);
            fputs(first ? "\n    {\"page\": " : ",\n    {\"page\": ", out);
            first = false;
            json_str(out, r->page);
            fputs(", \"figure\": ", out);
            json_str(out, r->figure);
            fputs(", \"year\": ", out);
            json_str(out, year_key(s, r->year));
            fputs(", \"scope\": ", out);
            json_str(out, scope);
            fputs(", \"group\": ", out);
            json_str(out, r->group);
            fputs(", \"option_code\": ", out);
            json_int_or_null(out, r->option > 0, r->option);
            fputs(", \"option_label\": ", out);
            json_str(out, r->option_label);
            fprintf(out, ", \"count\": %d, \"base\": ", r->count);
            json_int_or_null(out, r->base > 0, r->base);
            /* the percent as printed (45.6), a JSON number */
            fputs(", \"percent\": ", out);
            fputs(r->pct10 >= 0 ? numfmt_pct10_str(pct, r->pct10) : "null", out);
            fputs(", \"rank\": ", out);
            json_int_or_null(out, r->rank > 0, r->rank);
            fputc('}', out);
        }
    }
    fputs(first ? "]\n}\n" : "\n  ]\n}\n", out);
    return fflush(out) == 0 && !ferror(out);
}
