/* main.c - the aireport command. */
#include "diag.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("aireport: not yet implemented\n", stderr);
    return EXIT_INTERNAL;
}
