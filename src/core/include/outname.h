/* outname.h - the file-name component made from a name read from the data
 * (a body's or a prefecture's name), for the documents' file names
 * (bodies/<code>_<name>.pdf). A name is never copied into a path: the
 * component cannot leave its folder, hide, pass for an option or upset a
 * terminal, and fits any Linux file system together with the code before it
 * and the suffixes after it.
 *
 * Rules: valid UTF-8 only; '/', '\', control characters (C0, DEL, C1) and
 * bytes that are not UTF-8 become '_' (one per byte); a leading '.' or '-'
 * becomes '_'; at most OUTNAME_MAX bytes, cut at a character boundary; an
 * empty result is "_". The mapping is idempotent: a component maps to
 * itself. (tests/fuzz/fuzz_outname.c checks these properties.) */
#ifndef AIREPORT_OUTNAME_H
#define AIREPORT_OUTNAME_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of a component. A file name may have 255 bytes (NAME_MAX); the
 * temporary file of "<code>_<name>.numbers.json" adds 7 + 14 + 12 more. */
enum { OUTNAME_MAX = 150 };

/* The component for name into out (size >= OUTNAME_MAX + 1), NUL-terminated;
 * returns its length. */
size_t outname_component(char *out, size_t size, const char *name);

/* true when s is a component outname_component would leave as it is. */
bool outname_is_component(const char *s);

/* true when s (a name from the data) holds a control character: TAB, CR,
 * LF, ESC, DEL, a C1 control. *at is then its character position (1-based). */
bool outname_has_control(const char *s, size_t *at);

#endif
