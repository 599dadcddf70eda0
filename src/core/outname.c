/* outname.c - names from the data made into file-name components (outname.h). */
#include "outname.h"

#include "utf8.h"

#include <string.h>

/* Length of the character at s[0..n) that may stay in a component: > 0 its
 * bytes; <= 0 the bytes (negated, at least 1) to replace with '_'. */
static int keep_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return c < 0x20 || c == 0x7F || c == '/' || c == '\\' ? -1 : 1;
    int len = utf8_seq_len(s, n);
    if (len <= 0)
        return len < 0 ? len : -(int)n; /* invalid, or cut short at the end */
    if (len == 2 && c == 0xC2 && s[1] < 0xA0)
        return -2; /* a C1 control, U+0080..U+009F */
    return len;
}

size_t outname_component(char *out, size_t size, const char *name)
{
    if (size == 0)
        return 0;
    size_t cap = size - 1 < OUTNAME_MAX ? size - 1 : OUTNAME_MAX;
    const unsigned char *s = (const unsigned char *)(name ? name : "");
    size_t n = strlen((const char *)s), used = 0;
    for (size_t i = 0; i < n;) {
        int k = keep_len(s + i, n - i);
        if (k > 0) {
            if (used + (size_t)k > cap)
                break;
            memcpy(out + used, s + i, (size_t)k);
            used += (size_t)k;
            i += (size_t)k;
        } else {
            for (int j = 0; j < -k && used < cap; j++)
                out[used++] = '_';
            if (used >= cap)
                break;
            i += (size_t)-k;
        }
    }
    if (used > 0 && (out[0] == '.' || out[0] == '-'))
        out[0] = '_';
    if (used == 0 && cap > 0)
        out[used++] = '_';
    out[used] = '\0';
    return used;
}

bool outname_is_component(const char *s)
{
    char buf[OUTNAME_MAX + 1];
    size_t n = outname_component(buf, sizeof buf, s);
    return n == strlen(s) && memcmp(buf, s, n) == 0;
}

bool outname_has_control(const char *s, size_t *at)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), chars = 0;
    for (size_t i = 0; i < n;) {
        chars++;
        unsigned char c = p[i];
        bool control = c < 0x20 || c == 0x7F || (c == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 &&
                                                 p[i + 1] < 0xA0);
        if (control) {
            if (at)
                *at = chars;
            return true;
        }
        int len = c < 0x80 ? 1 : utf8_seq_len(p + i, n - i);
        i += len > 0 ? (size_t)len : 1;
    }
    return false;
}
