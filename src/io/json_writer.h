/*
 * json_writer.h - JSON written as it is produced, without building a
 * tree: the text of json_text.h (jansson's json_dumps with JSON_INDENT(2),
 * JSON_PRESERVE_ORDER and JSON_REAL_PRECISION(17)) byte for byte, for
 * outputs too large to build as a jansson tree first (a thousand
 * scenarios' assess document). The caller opens and closes containers
 * and names each member before its value; the writer puts the commas,
 * line breaks and indentation.
 *
 *   json_writer w;
 *   jw_init(&w);
 *   jw_object(&w);
 *   jw_key(&w, "title"); jw_string(&w, title);
 *   jw_end(&w);
 *   char *text = jw_finish(&w);    (NULL when out of memory)
 */
#ifndef NATRISK_IO_JSON_WRITER_H
#define NATRISK_IO_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { JW_MAX_DEPTH = 64 };

typedef struct json_writer {
	char *data;
	size_t len, capacity;
	int depth;
	/* per depth (bit DEPTH - 1): a value was written in the container
	 * open there; that container is an array */
	uint64_t filled, arrays;
	/* the next value follows a key (no separator of its own) */
	bool after_key;
	/* out of memory, text that is not UTF-8, or containers misnested:
	 * jw_finish() gives NULL */
	bool failed;
	bool out_of_memory; /* the first of those */
} json_writer;

void jw_init(json_writer *w);
/* Opens an object or an array as the next value; jw_end() closes the
 * innermost one. */
void jw_object(json_writer *w);
void jw_array(json_writer *w);
void jw_end(json_writer *w);
/* The next member's name, in an object. */
void jw_key(json_writer *w, const char *key);
/* Values. A string must be valid UTF-8 (else the document fails, as
 * jansson refuses it); it is escaped as jansson escapes it. A real is
 * printed as "%.17g" with ".0" added to a whole number and the exponent
 * without '+' or leading zeros; one that is not finite is null (JSON
 * has no such number; jansson would not hold it at all). */
void jw_string(json_writer *w, const char *text);
void jw_real(json_writer *w, double value);
void jw_integer(json_writer *w, long long value);
void jw_bool(json_writer *w, bool value);
void jw_null(json_writer *w);
/* The text as a NUL-terminated string the caller frees with free(), or
 * NULL (then nothing to free) when the writer failed or a container is
 * still open, with the last error set: NATRISK_ENOMEM, or
 * NATRISK_EINVALID for text that is not UTF-8 or misnesting. */
char *jw_finish(json_writer *w);

/* The text jw_real() writes for VALUE into BUF (at least 32 bytes),
 * NUL-terminated; returns its length. */
size_t jw_format_real(char *buf, double value);

#endif
