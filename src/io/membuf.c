/*
 * membuf.c - see membuf.h. A cookie stream: glibc buffers the small writes
 * and hands us large chunks, which we append.
 */
#define _GNU_SOURCE /* fopencookie */
#include <natrisk/membuf.h>

#include "../core/error.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

enum { STREAM_BUFFER = 65536 };

static ssize_t membuf_write(void *cookie, const char *data, size_t size)
{
	natrisk_membuf *mb = cookie;
	if (mb->len + size + 1 > mb->capacity) {
		size_t capacity = mb->capacity ? mb->capacity : STREAM_BUFFER;
		while (capacity < mb->len + size + 1)
			capacity *= 2;
		char *grown = realloc(mb->data, capacity);
		if (!grown) {
			mb->failed = 1;
			return -1;
		}
		mb->data = grown;
		mb->capacity = capacity;
	}
	memcpy(mb->data + mb->len, data, size);
	mb->len += size;
	mb->data[mb->len] = '\0';
	return (ssize_t)size;
}

FILE *natrisk_membuf_open(natrisk_membuf *mb)
{
	cookie_io_functions_t functions = { .write = membuf_write };
	FILE *stream = fopencookie(mb, "w", functions);
	if (stream)
		setvbuf(stream, NULL, _IOFBF, STREAM_BUFFER);
	return stream;
}

int natrisk_membuf_close(natrisk_membuf *mb, FILE *stream)
{
	int failed = ferror(stream);
	if (fclose(stream) != 0)
		failed = 1;
	if (!mb->data && !mb->failed) {
		mb->data = malloc(1);
		if (mb->data)
			mb->data[0] = '\0';
		else
			mb->failed = 1;
	}
	if (mb->failed)
		error_set(NATRISK_ENOMEM, "out of memory");
	return failed || mb->failed ? -1 : 0;
}
