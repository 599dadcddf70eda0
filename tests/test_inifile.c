/* test_inifile.c - the one INI reader (inifile.h): values through
 * iniparser, the line of every section and key, names case-insensitive, and
 * each thing iniparser would misread reported at its line instead of
 * reaching it. */
#include "harness.h"
#include "inifile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char S_path[64];

static void write_ini(const char *text)
{
    FILE *f = fopen(S_path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

static void test_values_and_lines(void)
{
    write_ini("# comment\n[Survey]\ntitle = 自治体\r\nYears = R5, R6 ; inline comment\n\n"
              "[R7]\ncolor = \"#1F3864\"\n");
    arena *mem = arena_new();
    diags *d = diags_new(NULL);
    ini_file ini;
    CHECK(ini_open(&ini, S_path, D_CONFIG, mem, d));
    CHECK_INT(diags_count(d), 0);
    CHECK_STR(ini_get(&ini, "survey", "title"), "自治体");
    CHECK_STR(ini_get(&ini, "SURVEY", "years"), "R5, R6");
    CHECK_STR(ini_get(&ini, "r7", "color"), "#1F3864");
    CHECK(ini_get(&ini, "r7", "nothere") == NULL);
    CHECK_INT(ini_line(&ini, "survey", NULL), 2);
    CHECK_INT(ini_line(&ini, "Survey", "YEARS"), 4);
    CHECK_INT(ini_line(&ini, "r7", "color"), 7);
    CHECK_INT(ini_line(&ini, "r8", NULL), 0);
    CHECK(ini_has_section(&ini, "R7"));
    CHECK(!ini_has_section(&ini, "R8"));
    CHECK_INT(ini.n_pos, 5);
    CHECK_STR(ini.pos[0].section, "survey");
    CHECK(ini.pos[0].key == NULL);
    ini_close(&ini);
    CHECK(ini_get(&ini, "survey", "title") == NULL);
    CHECK_INT(ini_line(&ini, "r7", "color"), 7); /* positions outlive the values */
    diags_free(d);
    arena_free(mem);
}

static void test_problems(void)
{
    static const struct {
        const char *text;
        int line;
        const char *message;
    } cases[] = {
        {"[a]\nno equals sign\n", 2, "expected `key = value` or `[section]`"},
        {"[a\nk = v\n", 1, "section header without `]`"},
        {"[a] ; note\n", 1, "text after `]`"},
        {"k = v\n[a]\n", 1, "key `k` before any [section]"},
        {"[a]\n[b]\n[A]\n", 3, "section [a] repeated (first at line 1)"},
        {"[a]\nk = 1\nK = 2\n", 3, "key `k` repeated in [a] (first at line 2)"},
        {"[a]\ncolor = #1F3864\n", 2, "`#` inside a value starts a comment"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_ini(cases[i].text);
        arena *mem = arena_new();
        diags *d = diags_new(NULL);
        ini_file ini;
        CHECK(!ini_open(&ini, S_path, D_CODEBOOK, mem, d));
        CHECK(ini.dict == NULL);
        CHECK(diags_count(d) >= 1);
        if (diags_count(d) >= 1) {
            CHECK_INT(diags_get(d, 0)->code, D_CODEBOOK);
            CHECK_INT(diags_get(d, 0)->line, cases[i].line);
            CHECK_CONTAINS(diags_get(d, 0)->message, cases[i].message);
        }
        diags_free(d);
        arena_free(mem);
    }

    /* a line longer than iniparser reads */
    char *big = malloc(INI_LINE_MAX + 32);
    strcpy(big, "[a]\nk = ");
    memset(big + 8, 'v', INI_LINE_MAX);
    strcpy(big + 8 + INI_LINE_MAX, "\n");
    write_ini(big);
    free(big);
    arena *mem = arena_new();
    diags *d = diags_new(NULL);
    ini_file ini;
    CHECK(!ini_open(&ini, S_path, D_TEMPLATE, mem, d));
    CHECK_CONTAINS(diags_count(d) ? diags_get(d, 0)->message : "", "at most 1000 are read");
    diags_free(d);

    d = diags_new(NULL);
    CHECK(!ini_open(&ini, "/nonexistent/x.ini", D_TEMPLATE, mem, d));
    CHECK_INT(diags_exit_status(d), EXIT_IO);
    diags_free(d);
    arena_free(mem);
}

int main(void)
{
    snprintf(S_path, sizeof S_path, "/tmp/test_inifile-%ld.ini", (long)getpid());
    test_values_and_lines();
    test_problems();
    unlink(S_path);
    return test_done();
}
