/* sourcedate.c - SOURCE_DATE_EPOCH, strictly (sourcedate.h). */
#include "sourcedate.h"

#include <stdlib.h>

bool source_date_parse(const char *text, time_t *out, const char **why)
{
    static const char expected[] =
        "expected the seconds since 1970-01-01 UTC in decimal digits, up to 253402300799 "
        "(9999-12-31 23:59:59 UTC)";
    const char *dummy;
    if (!why)
        why = &dummy;
    *why = expected;
    if (!text || !*text)
        return false;
    long long v = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        v = v * 10 + (*p - '0');
        if (v > SOURCE_DATE_MAX)
            return false; /* before it could overflow */
    }
    *out = (time_t)v;
    *why = NULL;
    return true;
}

bool source_date_get(time_t *out, const char **why)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (!sde) {
        *out = time(NULL);
        if (why)
            *why = NULL;
        return true;
    }
    return source_date_parse(sde, out, why);
}
