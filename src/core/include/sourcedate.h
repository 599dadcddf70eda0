/* sourcedate.h - the date the documents carry (PDF CreationDate and
 * ModDate): SOURCE_DATE_EPOCH when set, so that the same input gives
 * byte-identical files (https://reproducible-builds.org/specs/source-date-epoch/),
 * else the time of the run.
 *
 * The value is parsed strictly: decimal digits only (no sign, no spaces, no
 * exponent), a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z (a PDF
 * date has four digits of year). Anything else is the user's mistake, which
 * the command reports as a usage error (exit 2) rather than ignoring it. */
#ifndef AIREPORT_SOURCEDATE_H
#define AIREPORT_SOURCEDATE_H

#include <stdbool.h>
#include <time.h>

/* 9999-12-31T23:59:59Z in seconds since 1970 */
#define SOURCE_DATE_MAX 253402300799LL

/* Parses text as SOURCE_DATE_EPOCH into *out. false when it is not a valid
 * value; *why (may be NULL) then says what was expected. */
bool source_date_parse(const char *text, time_t *out, const char **why);

/* The documents' date: SOURCE_DATE_EPOCH from the environment when it is
 * set, else now. false (with *why) when it is set but invalid. */
bool source_date_get(time_t *out, const char **why);

#endif
