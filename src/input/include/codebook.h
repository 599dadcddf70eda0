/* codebook.h - the questionnaire: questions, option codes, labels, limits and
 * who is asked, read from codebook.ini (format: docs/data-format.md). */
#ifndef AIREPORT_CODEBOOK_H
#define AIREPORT_CODEBOOK_H

#include "arena.h"
#include "diag.h"
#include "inifile.h"

#include <stdbool.h>
#include <stdint.h>

enum { CB_MAX_OPTIONS = 31, CB_MAX_QUESTIONS = 64 };

typedef enum { CB_FILE_ANSWERS, CB_FILE_SERVICES } cb_file;

/* A set of option codes: bit (code - 1). 0 = empty cell. */
typedef uint32_t cb_mask;
#define CB_BIT(code) ((cb_mask)1u << ((code) - 1))

typedef struct {
    const char *id;      /* "Q4" as spelled in the section name (upper case) */
    const char *column;  /* CSV header */
    const char *title;   /* question title as the deck names it */
    cb_file file;
    bool multi;
    bool detail;         /* one of the detail questions */
    int max;             /* multi: most codes per answer, 0 = no limit */
    int n_options;       /* codes 1..n_options */
    const char *label[CB_MAX_OPTIONS + 1];       /* [code]; [0] unused */
    const char *short_label[CB_MAX_OPTIONS + 1]; /* [code]; = label when none given */
    cb_mask exclusive;   /* codes that cannot be combined with others */
    int asked_q;         /* index of the conditioning question, -1 = asked of all */
    cb_mask asked_codes; /* asked when that answer is one of these */
    const char *since;   /* first survey year key, NULL = always */
} cb_question;

typedef struct {
    int n;
    cb_question q[CB_MAX_QUESTIONS];
    ini_file ini; /* codebook.ini's section and key lines (closed), for
                     problems found later (survey_load's checks) */
} codebook;

/* Loads path into cb (strings in mem). Problems go to d as "path:line: ...".
 * Returns false when any was found. */
bool codebook_load(codebook *cb, const char *path, arena *mem, diags *d);

/* The single code of a single-select answer (its lowest code), 0 when empty. */
int codebook_mask_code(cb_mask m);

/* Index of question id ("Q1", case-insensitive), -1 when absent. */
int codebook_find(const codebook *cb, const char *id);

#endif
