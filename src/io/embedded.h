/*
 * embedded.h - files compiled into the binary by tools/embed (the bundled
 * method files; later the web UI). The tables end with a NULL name.
 */
#ifndef NATRISK_EMBEDDED_H
#define NATRISK_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};

extern const struct embedded_file embedded_methods[];
extern const struct embedded_file embedded_web[];
extern const struct embedded_file embedded_schemas[];

#endif
