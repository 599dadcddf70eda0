/* linebreak_sweep.c - every text of stdin broken at every width, for
 * tests/checks/check_label_breaks.py to judge.
 *
 *   linebreak_sweep FONTS_INI < TEXTS
 *
 * Each line of stdin is a text. For it the program prints
 *   T <tab> text
 * and then, for each width from 2 em to one em past the whole text in steps
 * of half an em (10 pt gothic, the fonts of FONTS_INI), one line
 *   B <tab> width_pt <tab> forced <tab> start,end;start,end;…
 * with the byte ranges of the lines linebreak() made and its count of
 * breaks forced inside a unit wider than the line. */
#include "arena.h"
#include "diag.h"
#include "fontset.h"
#include "linebreak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE_PT 10.0

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: linebreak_sweep FONTS_INI < TEXTS\n", stderr);
        return EXIT_USAGE;
    }
    diags *d = diags_new(stderr);
    fontset *fs = fontset_load(argv[1], d);
    if (!fs) {
        diags_free(d);
        return EXIT_IO;
    }
    static char text[8192];
    while (fgets(text, sizeof text, stdin)) {
        text[strcspn(text, "\r\n")] = '\0';
        if (!*text)
            continue;
        printf("T\t%s\n", text);
        arena *mem = arena_new();
        lb_lines whole = linebreak(fs, FONT_GOTHIC, SIZE_PT, text, 1e9, mem);
        double full = 0;
        for (int i = 0; i < whole.n; i++)
            if (whole.lines[i].width_pt > full)
                full = whole.lines[i].width_pt;
        for (double w = 2 * SIZE_PT; w <= full + SIZE_PT; w += SIZE_PT / 2) {
            lb_lines l = linebreak(fs, FONT_GOTHIC, SIZE_PT, text, w, mem);
            printf("B\t%.1f\t%d\t", w, l.forced);
            for (int i = 0; i < l.n; i++)
                printf("%s%zu,%zu", i ? ";" : "", l.lines[i].start, l.lines[i].end);
            putchar('\n');
        }
        arena_free(mem);
    }
    fontset_free(fs);
    diags_free(d);
    return EXIT_OK;
}
