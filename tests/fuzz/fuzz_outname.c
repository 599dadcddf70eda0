/* fuzz_outname.c - names from the data made into file-name components
 * (outname.h), which bodies/<code>_<name>.pdf is built from.
 *
 * Input: a name (bytes up to the first NUL, as a C string from the CSV).
 * Properties: the component is non-empty, at most OUTNAME_MAX bytes, valid
 * UTF-8, holds no '/', '\' or control character, does not start with '.'
 * or '-' (so it is never "." or "..", never hidden, never an option), is a
 * fixed point of the mapping (outname_is_component), and a name that is
 * already a component comes out unchanged. */
#include "fuzz.h"
#include "outname.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *name = malloc(size + 1);
    FUZZ_ASSERT(name != NULL, "out of memory");
    memcpy(name, data, size);
    name[size] = '\0';

    char out[OUTNAME_MAX + 1];
    memset(out, 'Z', sizeof out);
    size_t n = outname_component(out, sizeof out, name);
    FUZZ_ASSERT(n == strlen(out), "length %zu, strlen %zu", n, strlen(out));
    FUZZ_ASSERT(n >= 1 && n <= OUTNAME_MAX, "length %zu", n);
    FUZZ_ASSERT(utf8_valid(out, n), "not UTF-8: %s", out);
    FUZZ_ASSERT(!strpbrk(out, "/\\"), "a separator in %s", out);
    size_t at;
    FUZZ_ASSERT(!outname_has_control(out, &at), "a control character at %zu", at);
    FUZZ_ASSERT(out[0] != '.' && out[0] != '-', "starts with %c", out[0]);
    FUZZ_ASSERT(outname_is_component(out), "not a fixed point: %s", out);

    /* a name that is already a component is left as it is */
    if (outname_is_component(name))
        FUZZ_ASSERT(strcmp(out, name) == 0, "changed a component: %s -> %s", name, out);

    /* a small buffer still gives a terminated, shorter component */
    char small[8];
    size_t k = outname_component(small, sizeof small, name);
    FUZZ_ASSERT(k == strlen(small) && k <= sizeof small - 1 && utf8_valid(small, k),
                "small buffer: %zu", k);
    free(name);
    return 0;
}
