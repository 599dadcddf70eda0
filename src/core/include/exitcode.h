/* exitcode.h - the exit statuses of the aireport command (README.md
 * documents them). Apart from diag.h so that the allocators (arena.c), which
 * diag.c itself uses, can exit with EXIT_IO without depending on diagnostics.
 */
#ifndef AIREPORT_EXITCODE_H
#define AIREPORT_EXITCODE_H

/* Exit statuses of the aireport command (documented in README.md). */
enum {
    EXIT_OK = 0,
    EXIT_CHANGED = 1,  /* diff: the two inputs differ */
    EXIT_USAGE = 2,    /* bad command line */
    EXIT_DATA = 3,     /* invalid survey data, codebook or survey.ini */
    EXIT_TEMPLATE = 4, /* invalid page template, text that does not fit */
    EXIT_IO = 5,       /* cannot read or write a file, disk full */
    EXIT_FONT = 6,     /* font missing, unreadable or lacking a glyph */
    EXIT_INTERNAL = 70 /* a bug: please report */
};

#endif
