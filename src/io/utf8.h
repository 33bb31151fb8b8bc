/*
 * utf8.h - UTF-8 for text that leaves natrisk: making any bytes valid
 * UTF-8, so that a message which quotes input (a URL, a name) can always
 * be put in JSON; and measuring text that comes in, in characters.
 * (The check of input files is utf8_check(), ytree.h.)
 */
#ifndef NATRISK_IO_UTF8_H
#define NATRISK_IO_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Replaces every byte of TEXT that is not part of a valid UTF-8 sequence
 * (a sequence cut off at the end included) and every control character
 * by '?', in place. */
void utf8_sanitize(char *text);

/* Length of the UTF-8 sequence at P (1..4, at most LEFT), or 0 when it
 * is malformed: overlong forms, surrogates and code points past U+10FFFF
 * included. */
size_t utf8_sequence(const unsigned char *p, size_t left);

/* The number of characters (Unicode code points) of the LEN bytes of
 * valid UTF-8 at TEXT. */
size_t utf8_length(const char *text, size_t len);

/* Whether the LEN bytes at TEXT hold nothing but white space (Unicode's
 * White_Space, and the invisible U+200B and U+FEFF): true when empty. */
bool utf8_blank(const char *text, size_t len);

#endif
