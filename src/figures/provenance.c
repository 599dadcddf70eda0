/* provenance.c - the printed-number list and its sidecars (see provenance.h). */
#include "provenance.h"

#include "textbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PROV_MAX_ALSO = 8 };

struct prov_list {
    arena *mem;
    int n, cap;
    prov_entry *e;
    int page;
    const char *block;
    int n_also;
    const char *also[PROV_MAX_ALSO]; /* other files printing these numbers */
};

prov_list *prov_new(arena *mem)
{
    prov_list *p = ARENA_NEW(mem, prov_list, 1);
    p->mem = mem;
    p->block = "";
    return p;
}

void prov_also_in(prov_list *p, const char *file)
{
    if (p && p->n_also < PROV_MAX_ALSO)
        p->also[p->n_also++] = arena_strdup(p->mem, file);
}

int prov_count(const prov_list *p) { return p ? p->n : 0; }
const prov_entry *prov_get(const prov_list *p, int i) { return &p->e[i]; }
void prov_set_page(prov_list *p, int page) { p->page = page; }
void prov_set_block(prov_list *p, const char *block)
{
    p->block = arena_strdup(p->mem, block ? block : "");
}

void prov_add(prov_list *p, const prov_entry *e)
{
    if (p->n == p->cap) {
        /* grown in the arena: the old array is simply left behind */
        int cap = p->cap ? p->cap * 2 : 256;
        prov_entry *grown = ARENA_NEW(p->mem, prov_entry, cap);
        if (p->n)
            memcpy(grown, p->e, sizeof *grown * (size_t)p->n);
        p->e = grown;
        p->cap = cap;
    }
    prov_entry *o = &p->e[p->n++];
    *o = *e;
    o->page = p->page;
    o->block = p->block;
    o->text = arena_strdup(p->mem, e->text ? e->text : "");
    o->source = e->source ? arena_strdup(p->mem, e->source) : NULL;
    o->field = e->field ? arena_strdup(p->mem, e->field) : NULL;
}

void prov_add_figure(prov_list *p, const fig_row *r, const char *field, const char *text,
                     prov_rounding rounding)
{
    prov_entry e = {.kind = PROV_FIGURE, .text = text, .row = r, .field = field,
                    .numerator = -1, .denominator = -1, .rounding = rounding};
    if (strcmp(field, "base") == 0)
        e.numerator = r->base;
    else if (strcmp(field, "rank") == 0)
        e.numerator = r->rank;
    else if (strcmp(field, "pref_rank") == 0)
        e.numerator = r->pref_rank;
    else if (strcmp(field, "change") == 0) {
        /* the two printed shares, in tenths: this year's and last year's */
        e.numerator = r->pct10;
        e.denominator = r->pct10 - r->change10;
    }
    else
        e.numerator = r->count;
    if (strncmp(field, "pct", 3) == 0)
        e.denominator = r->base;
    prov_add(p, &e);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

void prov_tokens(const char *text, size_t len, prov_token_fn fn, void *ctx)
{
    size_t i = 0;
    while (i < len) {
        if (!is_digit(text[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len) {
            if (is_digit(text[i]))
                i++;
            else if ((text[i] == ',' || text[i] == '.') && i + 1 < len && is_digit(text[i + 1]))
                i++;
            else
                break;
        }
        fn(ctx, text + start, i - start);
    }
}

bool prov_has_digit(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (is_digit(text[i]))
            return true;
    return false;
}

typedef struct {
    prov_list *p;
    prov_kind kind;
    const char *source;
} token_adder;

static void add_token(void *ctx, const char *tok, size_t len)
{
    token_adder *a = ctx;
    char *t = arena_strndup(a->p->mem, tok, len);
    prov_entry e = {.kind = a->kind, .text = t, .numerator = -1, .denominator = -1,
                    .rounding = PROV_ROUND_NONE, .source = a->source};
    prov_add(a->p, &e);
}

void prov_add_tokens(prov_list *p, prov_kind kind, const char *text, size_t len,
                     const char *source)
{
    token_adder a = {p, kind, source};
    prov_tokens(text, len, add_token, &a);
}

static const char *kind_name(prov_kind k)
{
    static const char *const names[PROV__COUNT] = {
        "figure",   "page_number", "date",  "year",        "case_text",
        "template", "axis",        "label", "body",        "layout",
        "unattributed"};
    return k >= 0 && k < PROV__COUNT ? names[k] : "?";
}

static const char *rounding_name(prov_rounding r)
{
    switch (r) {
    case PROV_ROUND_NONE: return "none";
    case PROV_ROUND_HALF_UP: return "half_up_0.1";
    case PROV_ROUND_HALF_UP_INT: return "half_up_1";
    case PROV_ROUND_LARGEST_REMAINDER: return "largest_remainder_0.1";
    case PROV_ROUND_MAN_HALF_UP: return "half_up_0.1万人";
    case PROV_ROUND_POINTS: return "points_0.1";
    }
    return "?";
}

/* The respondent base of a figure in words ("all bodies"). */
static const char *base_name(fig_base b)
{
    switch (b) {
    case BASE_NONE: return "";
    case BASE_ALL: return "all bodies";
    case BASE_STATUS_1_3: return "bodies with status 導入済/実証中/導入予定";
    case BASE_DETAIL: return "detail respondents";
    case BASE_GUIDELINE: return "bodies with guideline 策定済";
    case BASE_SERVICE_ROWS: return "service rows";
    case BASE_CUSTOMISED_ROWS: return "service rows customised (Q9 = 1)";
    case BASE_STATUS_GROUP: return "bodies with the row's status";
    case BASE_ANSWERED: return "bodies that answered the question";
    }
    return "";
}

/* ---- sidecars ---- */

typedef struct {
    const char *figure, *year, *group, *option_label, *field, *base;
    char scope[16], option[16], num[32], den[32];
} row_cells;

static void cells_of(const prov_entry *e, const fig_catalogue *cat, arena *mem, row_cells *c)
{
    memset(c, 0, sizeof *c);
    c->figure = c->year = c->group = c->option_label = c->field = c->base = "";
    if (e->numerator >= 0)
        snprintf(c->num, sizeof c->num, "%lld", e->numerator);
    if (e->denominator >= 0)
        snprintf(c->den, sizeof c->den, "%lld", e->denominator);
    const fig_row *r = e->row;
    if (!r)
        return;
    c->figure = arena_printf(mem, "%s.%s", r->page, r->figure);
    if (r->year >= 0 && r->year < cat->n_years)
        c->year = cat->years[r->year].key;
    /* as the figures export names scopes: national or the 2-digit code */
    if (r->scope == 0)
        snprintf(c->scope, sizeof c->scope, "national");
    else
        snprintf(c->scope, sizeof c->scope, "%02d", r->scope);
    c->group = r->group ? r->group : "";
    if (r->option > 0)
        snprintf(c->option, sizeof c->option, "%d", r->option);
    c->option_label = r->option_label ? r->option_label : "";
    c->field = e->field ? e->field : "";
    c->base = base_name(r->base_kind);
}

bool prov_format_csv(const prov_list *p, const fig_catalogue *cat, unsigned char **data,
                     size_t *len)
{
    textbuf b = {0};
    TEXTBUF_LIT(&b, "page,kind,block,text,figure,year,scope,group,option_code,option_label,field,"
                    "numerator,denominator,base,rounding,source\n");
    arena *mem = arena_new();
    for (int i = 0; i < prov_count(p); i++) {
        const prov_entry *e = &p->e[i];
        row_cells c;
        cells_of(e, cat, mem, &c);
        char page[16];
        snprintf(page, sizeof page, "%d", e->page);
        const char *cols[] = {page, kind_name(e->kind), e->block, e->text, c.figure, c.year,
                              c.scope, c.group, c.option, c.option_label, c.field, c.num, c.den,
                              c.base, rounding_name(e->rounding),
                              e->source ? e->source : ""};
        size_t n = sizeof cols / sizeof cols[0];
        for (size_t k = 0; k < n; k++) {
            textbuf_csv_field(&b, cols[k]);
            textbuf_putc(&b, k + 1 == n ? '\n' : ',');
        }
    }
    arena_free(mem);
    *data = (unsigned char *)b.data;
    *len = b.len;
    return true;
}

/* A number, or null when the cell is empty. */
static void json_num(textbuf *b, const char *cell)
{
    textbuf_puts(b, *cell ? cell : "null");
}

bool prov_format_json(const prov_list *p, const fig_catalogue *cat, const char *document,
                      unsigned char **data, size_t *len)
{
    textbuf b = {0};
    TEXTBUF_LIT(&b, "{\"document\": ");
    textbuf_json_string(&b, document);
    if (p->n_also) {
        TEXTBUF_LIT(&b, ",\n\"also_in\": [");
        for (int i = 0; i < p->n_also; i++) {
            if (i)
                TEXTBUF_LIT(&b, ", ");
            textbuf_json_string(&b, p->also[i]);
        }
        textbuf_putc(&b, ']');
    }
    TEXTBUF_LIT(&b, ",\n\"entries\": [");
    arena *mem = arena_new();
    for (int i = 0; i < prov_count(p); i++) {
        const prov_entry *e = &p->e[i];
        row_cells c;
        cells_of(e, cat, mem, &c);
        textbuf_printf(&b, "%s\n{\"page\": %d, \"kind\": ", i ? "," : "", e->page);
        textbuf_json_string(&b, kind_name(e->kind));
        TEXTBUF_LIT(&b, ", \"block\": ");
        textbuf_json_string(&b, e->block);
        TEXTBUF_LIT(&b, ", \"text\": ");
        textbuf_json_string(&b, e->text);
        if (e->row) {
            TEXTBUF_LIT(&b, ", \"figure\": ");
            textbuf_json_string(&b, c.figure);
            TEXTBUF_LIT(&b, ", \"year\": ");
            textbuf_json_string(&b, c.year);
            TEXTBUF_LIT(&b, ", \"scope\": ");
            textbuf_json_string(&b, c.scope);
            TEXTBUF_LIT(&b, ", \"group\": ");
            textbuf_json_string(&b, c.group);
            TEXTBUF_LIT(&b, ", \"option_code\": ");
            json_num(&b, c.option);
            TEXTBUF_LIT(&b, ", \"option_label\": ");
            textbuf_json_string(&b, c.option_label);
            TEXTBUF_LIT(&b, ", \"field\": ");
            textbuf_json_string(&b, c.field);
            TEXTBUF_LIT(&b, ", \"base\": ");
            textbuf_json_string(&b, c.base);
        }
        TEXTBUF_LIT(&b, ", \"numerator\": ");
        json_num(&b, c.num);
        TEXTBUF_LIT(&b, ", \"denominator\": ");
        json_num(&b, c.den);
        TEXTBUF_LIT(&b, ", \"rounding\": ");
        textbuf_json_string(&b, rounding_name(e->rounding));
        if (e->source) {
            TEXTBUF_LIT(&b, ", \"source\": ");
            textbuf_json_string(&b, e->source);
        }
        textbuf_putc(&b, '}');
    }
    arena_free(mem);
    TEXTBUF_LIT(&b, "\n]}\n");
    *data = (unsigned char *)b.data;
    *len = b.len;
    return true;
}

char *prov_sidecar_path(const char *doc_path, const char *ext)
{
    size_t n = strlen(doc_path);
    const char *dot = strrchr(doc_path, '.');
    const char *slash = strrchr(doc_path, '/');
    if (dot && (!slash || dot > slash))
        n = (size_t)(dot - doc_path);
    size_t size = n + strlen(".numbers.") + strlen(ext) + 1;
    char *out = xmalloc(size);
    snprintf(out, size, "%.*s.numbers.%s", (int)n, doc_path, ext);
    return out;
}
