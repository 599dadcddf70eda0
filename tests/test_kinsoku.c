/* test_kinsoku.c - every character of the kinsoku rule table, tested.
 *
 *   test_kinsoku SRC_DIR
 *
 * The rule table is read at test time from linebreak.c (found by its
 * basename anywhere under SRC_DIR, so the test survives files moving between
 * folders): the arrays of no_line_start() (行頭禁則) and no_line_end()
 * (行末禁則). Then
 *  1. the table is compared both ways with the rule set linebreak.h
 *     documents (written out again below, the test's own copy): a character
 *     dropped from, mistyped in or wrongly added to the table fails by name;
 *  2. for every character of the table and of the documented set,
 *     linebreak() is run over a text that offers a break before (or after)
 *     that character at many widths: a line may never start (or end) with it
 *     and nothing of the text is lost.
 * test_linebreak.c keeps the hand-written cases; this file owns coverage. */
#include "harness.h"
#include "linebreak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONTS_INI TEST_FIXTURES "/../fonts/fonts.ini"
#define MAX_RULE 128

/* The documented rule set (linebreak.h, JIS X 4051 basics). */
static const char DOC_NO_START[] = "、。，．・：；？！）」』】〕］｝ー〜～ゝゞヽヾ々"
                                   "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
                                   ")]},.:;?!%％";
static const char DOC_NO_END[] = "（「『【〔［｛([{";

typedef struct {
    uint32_t cp[MAX_RULE];
    int n;
} cpset;

/* UTF-8 by hand: the test does not lean on the module it checks. */
static uint32_t utf8_next(const char *t, size_t n, size_t *i)
{
    const unsigned char *s = (const unsigned char *)t;
    uint32_t c = s[*i];
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    c &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
    (*i)++;
    for (int k = 0; k < extra && *i < n; k++, (*i)++)
        c = (c << 6) | (s[*i] & 0x3F);
    return c;
}

static size_t utf8_put(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static bool has(const cpset *s, uint32_t c)
{
    for (int i = 0; i < s->n; i++)
        if (s->cp[i] == c)
            return true;
    return false;
}

static void add(cpset *s, uint32_t c)
{
    if (!has(s, c) && s->n < MAX_RULE)
        s->cp[s->n++] = c;
}

static void from_utf8(cpset *s, const char *text)
{
    size_t i = 0, n = strlen(text);
    while (i < n) {
        uint32_t c = utf8_next(text, n, &i);
        add(s, c);
    }
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

/* The initialiser `list[] = { ... };` that follows `function` in src: hex
 * code points and character literals. Returns false when it is not found. */
static bool read_table(const char *src, const char *function, cpset *out)
{
    const char *fn = strstr(src, function);
    if (!fn)
        return false;
    const char *open = strstr(fn, "list[] = {");
    if (!open)
        return false;
    const char *close = strstr(open, "};");
    if (!close)
        return false;
    for (const char *p = open + strlen("list[] = {"); p < close; p++) {
        if (p[0] == '/' && p[1] == '*') { /* comments show the characters: skip */
            const char *end = strstr(p + 2, "*/");
            p = end ? end + 1 : close;
        } else if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            char *end;
            add(out, (uint32_t)strtoul(p, &end, 16));
            p = end - 1;
        } else if (p[0] == '\'' && p[2] == '\'') {
            add(out, (uint32_t)(unsigned char)p[1]);
            p += 2;
        } else if (p[0] == '\'' && p[1] == '\\' && p[3] == '\'') {
            add(out, (uint32_t)(unsigned char)p[2]);
            p += 3;
        }
    }
    return out->n > 0;
}

static char *find_file(const char *dir, const char *base)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "find '%s' -name '%s' -type f | head -n 1", dir, base);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    static char line[1024];
    bool got = fgets(line, sizeof line, p) != NULL;
    pclose(p);
    if (!got)
        return NULL;
    line[strcspn(line, "\n")] = '\0';
    return line;
}

static void name_of(uint32_t c, char out[16])
{
    char u[8];
    size_t n = utf8_put(c, u);
    u[n] = '\0';
    snprintf(out, 16, "%s", u);
}

/* a and b hold the same characters; each difference is named. */
static void compare_sets(const char *what, const cpset *table, const cpset *doc)
{
    char nm[16];
    for (int i = 0; i < doc->n; i++)
        if (!has(table, doc->cp[i])) {
            name_of(doc->cp[i], nm);
            test_fail(__FILE__, __LINE__, "%s: U+%04X %s is documented but not in the table",
                      what, (unsigned)doc->cp[i], nm);
        }
    for (int i = 0; i < table->n; i++)
        if (!has(doc, table->cp[i])) {
            name_of(table->cp[i], nm);
            test_fail(__FILE__, __LINE__, "%s: U+%04X %s is in the table but not documented",
                      what, (unsigned)table->cp[i], nm);
        }
}

static const fontset *S_fs;
static arena *S_mem;

/* Breaks `text` at widths 25..120 pt (10 pt type; narrower lines hold
 * fewer than the two characters a kinsoku pair needs): line i > 0 must not start
 * with c (start) / line i < last must not end with c (!start); no byte lost. */
static void check_char(uint32_t c, bool start)
{
    char u[8], nm[16];
    size_t un = utf8_put(c, u);
    u[un] = '\0';
    name_of(c, nm);
    /* kana around the character so a break is offered on both sides of it at
     * some width; an ASCII mark is set between kana too (no Latin word rule) */
    char text[256];
    snprintf(text, sizeof text, "あい%sうえお%sかきくけ%sこさし%sす", u, u, u, u);
    size_t len = strlen(text);
    int bad = 0;
    for (double w = 25.0; w <= 120.0 && !bad; w += 2.5) {
        lb_lines l = linebreak(S_fs, FONT_GOTHIC, 10.0, text, w, S_mem);
        size_t covered = 0;
        for (int i = 0; i < l.n && !bad; i++) {
            size_t a = l.lines[i].start, b = l.lines[i].end;
            covered += b - a;
            if (start && i > 0 && b - a >= un && memcmp(text + a, u, un) == 0)
                bad = 1;
            if (!start && i < l.n - 1 && b - a >= un && memcmp(text + b - un, u, un) == 0)
                bad = 1;
            if (bad)
                test_fail(__FILE__, __LINE__, "U+%04X %s %s line %d at %.1f pt", (unsigned)c, nm,
                          start ? "starts" : "ends", i + 1, w);
        }
        if (!bad && covered != len) {
            test_fail(__FILE__, __LINE__, "U+%04X %s: %zu of %zu bytes kept at %.1f pt",
                      (unsigned)c, nm, covered, len, w);
            bad = 1;
        }
    }
    test_checks++;
}

int main(int argc, char **argv)
{
    CHECK(argc == 2);
    if (argc != 2)
        return test_done();
    const char *path = find_file(argv[1], "linebreak.c");
    CHECK(path != NULL);
    char *src = path ? slurp(path) : NULL;
    CHECK(src != NULL);
    if (!src)
        return test_done();

    static cpset t_start, t_end, d_start, d_end;
    CHECK(read_table(src, "static bool no_line_start(", &t_start));
    CHECK(read_table(src, "static bool no_line_end(", &t_end));
    from_utf8(&d_start, DOC_NO_START);
    from_utf8(&d_end, DOC_NO_END);
    printf("table: %d may not start a line, %d may not end one (documented: %d, %d)\n",
           t_start.n, t_end.n, d_start.n, d_end.n);
    compare_sets("行頭禁則", &t_start, &d_start);
    compare_sets("行末禁則", &t_end, &d_end);

    diags *d = diags_new(stderr);
    fontset *fs = fontset_load(FONTS_INI, d);
    CHECK(fs != NULL);
    if (fs) {
        S_fs = fs;
        S_mem = arena_new();
        cpset all_start = t_start, all_end = t_end;
        for (int i = 0; i < d_start.n; i++)
            add(&all_start, d_start.cp[i]);
        for (int i = 0; i < d_end.n; i++)
            add(&all_end, d_end.cp[i]);
        for (int i = 0; i < all_start.n; i++)
            check_char(all_start.cp[i], true);
        for (int i = 0; i < all_end.n; i++)
            check_char(all_end.cp[i], false);
        printf("checked %d + %d characters\n", all_start.n, all_end.n);
        arena_free(S_mem);
        fontset_free(fs);
    }
    diags_free(d);
    free(src);
    return test_done();
}
