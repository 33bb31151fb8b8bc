/*
 * membuf.h - a FILE that writes into a growing memory buffer.
 *
 * Every writer in natrisk takes a FILE *, and the CLI and the server
 * collect output in memory before committing it. glibc's open_memstream
 * zero-fills and copies its buffer each time it grows, which for an 8 MB
 * report touches three times as many fresh pages as needed; this stream
 * appends to a buffer that realloc grows in place (mremap for large ones).
 */
#ifndef NATRISK_MEMBUF_H
#define NATRISK_MEMBUF_H

#include <stddef.h>
#include <stdio.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_membuf {
	char *data;      /* NUL-terminated after natrisk_membuf_close */
	size_t len;
	size_t capacity;
	int failed;      /* out of memory while writing */
} natrisk_membuf;

/* Opens a stream writing to MB (zero it first): the caller's, closed
 * (and freed) by natrisk_membuf_close(), never by fclose(). NULL when
 * out of memory. */
NATRISK_EXTERN
FILE *natrisk_membuf_open(natrisk_membuf *mb);
/* Flushes and closes STREAM; returns 0, or -1 if anything failed (out of
 * memory while writing). MB keeps the data, which the caller owns:
 * free(mb->data) when done, even after a failure. */
NATRISK_EXTERN
int natrisk_membuf_close(natrisk_membuf *mb, FILE *stream);

#ifdef __cplusplus
}
#endif
#endif
