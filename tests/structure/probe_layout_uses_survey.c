/* probe_layout_uses_survey.c - a source of the layout stage that reaches
 * for the survey model (survey.h of input) to count answers itself. It must
 * not build: layout places figures, every number it prints is a figure row,
 * so the input stage's headers are not on its include path (ar_figures links
 * ar_input privately and figures.h names the survey only as an opaque type). */
#include "layout.h"
#include "survey.h"

int probe_layout_uses_survey(void);
int probe_layout_uses_survey(void) { return (int)sizeof(sv_body); }
