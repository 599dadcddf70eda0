/* utf8.h - UTF-8 primitives used at the input boundary: validating byte
 * sequences (which may arrive split across read chunks), counting characters
 * for error positions, and formatting offending bytes in hex. */
#ifndef AIREPORT_UTF8_H
#define AIREPORT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length of the UTF-8 sequence at s[0..n):
 *   > 0  a valid sequence of that many bytes,
 *   0    a valid but incomplete prefix (n too short; more bytes may follow),
 *   < 0  invalid: -k bytes form the maximal invalid subpart to skip (k >= 1).
 * Overlong forms, surrogates and code points above U+10FFFF are invalid. */
int utf8_seq_len(const unsigned char *s, size_t n);

/* true when s[0..n) is entirely valid UTF-8. */
bool utf8_valid(const char *s, size_t n);

/* Characters (code points) in s[0..n): the bytes that are not continuation
 * bytes, so it is defined for any input. */
size_t utf8_count_chars(const char *s, size_t n);

/* Writes bytes as "0x82 0xA0" into buf (NUL-terminated, truncated to cap). */
void utf8_hex_bytes(char *buf, size_t cap, const unsigned char *bytes, size_t n);

#endif
