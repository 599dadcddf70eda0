/* probe_figures_uses_input.c - the control probe: a source of the figures
 * stage that includes its own stage's header and what figures builds on
 * (survey.h of input, numfmt.h of core). It must build, or the failing
 * probes prove nothing. Built only by tests/structure/probe.sh. */
#include "figures.h"
#include "numfmt.h"
#include "survey.h"

int probe_figures_uses_input(void);
int probe_figures_uses_input(void) { return N_PREFECTURES; }
