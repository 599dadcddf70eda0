/* probe_figures_uses_layout.c - a source of the figures stage that reaches
 * up the pipeline for layout.h. It must not build: the layout stage's
 * headers are not on the figures stage's include path. */
#include "figures.h"
#include "layout.h"

int probe_figures_uses_layout(void);
int probe_figures_uses_layout(void) { return (int)sizeof(layout_ctx); }
