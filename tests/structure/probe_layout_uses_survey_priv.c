/* probe_layout_uses_survey_priv.c - a source of the layout stage that wants
 * the input stage's private header. It must not build: only input's own
 * files see survey_priv.h. */
#include "layout.h"
#include "survey_priv.h"

int probe_layout_uses_survey_priv(void);
int probe_layout_uses_survey_priv(void) { return (int)sizeof(sv_loader); }
