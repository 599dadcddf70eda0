/* placeholder_pref.h - {pref.…} and {body.…} (placeholder_pref.c): the
 * prefecture a report is about and the body a sheet is about. Private to
 * the template stage: placeholder.c expands them, template_page.c checks
 * templates against the stand-ins. */
#ifndef AIREPORT_PLACEHOLDER_PREF_H
#define AIREPORT_PLACEHOLDER_PREF_H

#include "figures.h"

#include <stdbool.h>
#include <stddef.h>

/* {pref.…} and {body.…} (spec without braces) into out; false with the
 * reason in err (also when the document has no such prefecture or body:
 * pref, body NULL). */
bool ph_expand_scope(const char *spec, const fig_pref_rank *pref, const fig_body *body, char *out,
                     size_t size, char *err, size_t err_size);

/* Where a {pref.…} / {body.…} value comes from, for provenance: the
 * prefecture's shares, counts and ranks are the A1 rows of the national
 * figures (latest year), *row and *field ("count", "base", "pct", "rank")
 * set; a body's population is its M.population row ("count"); anything else
 * (names, the band) gives *row NULL and *field = spec. */
void ph_scope_source(const char *spec, const figset *nation, const fig_pref_rank *pref,
                     const fig_body *body, const fig_row **row, const char **field);

/* A stand-in prefecture and body for checking templates at load. */
const fig_pref_rank *ph_check_pref(void);
const fig_body *ph_check_body(void);

#endif
