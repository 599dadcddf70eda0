/* figdiff.h - compare two sets of figures: which printed numbers changed.
 *
 * Each side is a figures CSV export (the file `aireport figures --format csv`
 * writes: page,figure,year,scope,group,option_code,option_label,count,base,
 * percent) or a data folder (a directory holding survey.ini), which is loaded,
 * computed (the nation and the 47 prefectures) and exported in memory, so both
 * kinds of input compare through the same reader.
 *
 * A row is keyed by (page, figure, year, scope, group, option_code); the label
 * is not part of the key. Keys are hashed, so two full exports (~30,000 rows
 * each) compare in a few milliseconds.
 */
#ifndef AIREPORT_FIGDIFF_H
#define AIREPORT_FIGDIFF_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The rows of one side. */
typedef struct figdiff_table figdiff_table;

/* scope_filter for the readers: keep every scope. */
enum { FIGDIFF_ALL_SCOPES = -1 };

/* Parses an export held in memory; name is used in diagnostics
 * (name:line:column, column = 1-based field number). scope_filter keeps only
 * the rows of one scope (0 national, 1..47) or FIGDIFF_ALL_SCOPES. Returns
 * NULL after reporting to d when the export is malformed. */
figdiff_table *figdiff_read_buffer(const char *name, const char *data, size_t len,
                                   int scope_filter, diags *d);
/* Reads an export file (D_IO_READ when it cannot be read). */
figdiff_table *figdiff_read_csv(const char *path, int scope_filter, diags *d);
/* A folder when path is a directory, otherwise an export file (which holds
 * B and M rows when it was written with --bodies). A data folder is loaded
 * with survey_load and its national set and 47 prefecture sets (only what
 * scope_filter keeps) exported in memory; with bodies also their pages B
 * and M (figures_compute_bodies), as `aireport figures --bodies` exports
 * them. */
figdiff_table *figdiff_open(const char *path, int scope_filter, bool bodies, diags *d);
void figdiff_table_free(figdiff_table *t);

/* Keeps only the rows of t's latest survey year (the last year key to
 * appear in the export: exports list years oldest first) and keys them
 * without their year, so that the latest years of two editions compare:
 * what moved since the previous edition (`diff --latest`). Rows without a
 * year (M.population) go. The printed key names both years (R7→R8). */
void figdiff_keep_latest(figdiff_table *t);

/* What figdiff_compare found. */
typedef struct {
    int changed, added, removed;
} figdiff_counts;

/* Prints every number that differs between old and new, grouped per page
 * (pages in the order they first appear in new, then pages only old has).
 * Within a page: changed rows, largest absolute percentage-point change
 * first, then largest absolute count change, then export order; then added
 * rows, then removed rows, in export order. Prints nothing when the two are
 * equal. */
figdiff_counts figdiff_compare(FILE *out, const figdiff_table *old_t, const figdiff_table *new_t);

#endif
