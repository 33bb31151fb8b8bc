/*
 * utf8.h - UTF-8 for text that leaves natrisk: making any bytes valid
 * UTF-8, so that a message which quotes input (a URL, a name) can always
 * be put in JSON. (The check of input files is utf8_check(), ytree.h.)
 */
#ifndef NATRISK_IO_UTF8_H
#define NATRISK_IO_UTF8_H

/* Replaces every byte of TEXT that is not part of a valid UTF-8 sequence
 * (a sequence cut off at the end included) and every control character
 * by '?', in place. */
void utf8_sanitize(char *text);

#endif
