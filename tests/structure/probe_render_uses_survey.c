/* probe_render_uses_survey.c - a source of the render stage that reaches
 * sideways for survey.h (input). It must not build: render builds on core
 * only, so the stages form a DAG, not a chain. */
#include "drawlist.h"
#include "survey.h"

int probe_render_uses_survey(void);
int probe_render_uses_survey(void) { return (int)sizeof(survey); }
