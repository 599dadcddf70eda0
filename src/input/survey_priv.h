/* survey_priv.h - shared by the survey loader's files (survey_load.c: the
 * survey.ini, codebook and bodies; survey_answers.c: each year's answers,
 * services and cases). Not part of the public API. */
#ifndef AIREPORT_SURVEY_PRIV_H
#define AIREPORT_SURVEY_PRIV_H

#include "csvread.h"
#include "survey.h"

typedef struct {
    survey *s;
    diags *d;
    text_encoding encoding;
    bool master_ok; /* bodies.csv had no problem: report bodies missing from a year */
} sv_loader;

/* Reads the year's files into s->years[y] (its key, label and asked[] set).
 * cases may be NULL. */
void survey_load_year(sv_loader *L, int y, const char *answers, const char *services,
                  const char *cases);

#endif
