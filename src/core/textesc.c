/* textesc.c - see textesc.h. */
#include "textesc.h"

#include <string.h>

void textesc_xml(FILE *out, const char *s, const char *sep)
{
    while (s && *s) {
        /* the run without anything to escape, in one write */
        size_t n = strcspn(s, "&<>\"'\n");
        if (n) {
            fwrite(s, 1, n, out);
            s += n;
            if (!*s)
                break;
        }
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        case '\n':
            if (sep) {
                fputs(sep, out);
                break;
            }
            /* fall through */
        default: fputc(*s, out);
        }
        s++;
    }
}
