/* textesc.h - text escaped for the markup the program writes (HTML pages,
 * SVG, the workbook's XML is libxlsxwriter's own). The one place that knows
 * the five XML metacharacters; index.html, the document pages and the SVG
 * chart files all go through it. */
#ifndef AIREPORT_TEXTESC_H
#define AIREPORT_TEXTESC_H

#include <stdio.h>

/* s with & < > " ' as entities (safe in element text and in a quoted
 * attribute); a '\n' becomes sep when sep is not NULL (e.g. "<br>" or " "),
 * else is kept. NULL writes nothing. */
void textesc_xml(FILE *out, const char *s, const char *sep);

#endif
