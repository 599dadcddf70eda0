/* fixture.h - a small survey built by hand for the figures tests: two
 * prefectures, eight bodies, two years (R6, R7). Every count it leads to is
 * worked out in fixture.c beside the answers. */
#ifndef AIREPORT_TEST_FIGURES_FIXTURE_H
#define AIREPORT_TEST_FIGURES_FIXTURE_H

#include "survey.h"

/* Built in s->mem (a new arena); free with arena_free(s->mem). */
survey *fixture_survey(void);

#endif
