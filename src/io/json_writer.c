/*
 * json_writer.c - see json_writer.h. The layout is jansson's dump.c with
 * an indent of two: a container's first value on a new line one level
 * in, "," and a new line between values, the closing bracket on a line
 * of its own at the container's level, an empty container as "{}" or
 * "[]", ": " after a key. tests/unit/test_json_writer.c holds it against
 * json_dumps on random documents, strings and numbers.
 */
#include "json_writer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "utf8.h"

enum { INDENT = 2, FIRST_CAPACITY = 4096 };

void jw_init(json_writer *w)
{
	memset(w, 0, sizeof *w);
}

/* Room for N more bytes and a NUL; false (and the writer failed) when
 * there is none to be had. */
static bool reserve(json_writer *w, size_t n)
{
	if (w->failed)
		return false;
	if (w->len + n + 1 <= w->capacity)
		return true;
	size_t capacity = w->capacity ? w->capacity : FIRST_CAPACITY;
	while (capacity < w->len + n + 1)
		capacity *= 2;
	char *grown = realloc(w->data, capacity);
	if (!grown) {
		w->failed = true;
		w->out_of_memory = true;
		return false;
	}
	w->data = grown;
	w->capacity = capacity;
	return true;
}

static void put(json_writer *w, const char *text, size_t n)
{
	if (reserve(w, n)) {
		memcpy(w->data + w->len, text, n);
		w->len += n;
	}
}

/* A line break and the indentation of DEPTH. */
static void new_line(json_writer *w, int depth)
{
	size_t n = (size_t)depth * INDENT;
	if (reserve(w, n + 1)) {
		w->data[w->len] = '\n';
		memset(w->data + w->len + 1, ' ', n);
		w->len += n + 1;
	}
}

/* What goes before a value or a key in the open container: "," unless
 * it is the first, then a new line at its contents' level. A value after
 * its key, or the document itself, needs nothing. */
static void separate(json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	uint64_t bit = 1ull << (w->depth - 1);
	if (w->filled & bit)
		put(w, ",", 1);
	w->filled |= bit;
	new_line(w, w->depth);
}

static void open_container(json_writer *w, bool array)
{
	separate(w);
	if (w->depth >= JW_MAX_DEPTH) {
		w->failed = true;
		return;
	}
	uint64_t bit = 1ull << w->depth;
	w->filled &= ~bit;
	w->arrays = array ? w->arrays | bit : w->arrays & ~bit;
	w->depth++;
	put(w, array ? "[" : "{", 1);
}

void jw_object(json_writer *w)
{
	open_container(w, false);
}

void jw_array(json_writer *w)
{
	open_container(w, true);
}

void jw_end(json_writer *w)
{
	if (w->depth == 0 || w->after_key) {
		w->failed = true;
		return;
	}
	uint64_t bit = 1ull << (w->depth - 1);
	w->depth--;
	if (w->filled & bit)
		new_line(w, w->depth);
	put(w, w->arrays & bit ? "]" : "}", 1);
}

/* The escape of the ASCII byte C that JSON requires or jansson uses,
 * into OUT; its length, or 0 when C goes as it is. */
static size_t escape(unsigned char c, char out[7])
{
	static const char hex[] = "0123456789ABCDEF";
	const char *named = c == '"' ? "\\\"" : c == '\\' ? "\\\\"
		: c == '\b' ? "\\b" : c == '\f' ? "\\f" : c == '\n' ? "\\n"
		: c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
	if (named) {
		memcpy(out, named, 2);
		return 2;
	}
	if (c >= 0x20)
		return 0;
	memcpy(out, "\\u00", 4);
	out[4] = hex[c >> 4];
	out[5] = hex[c & 15];
	return 6;
}

/* The bytes of TEXT from its start that go as they are: printable ASCII
 * (DEL too, as jansson leaves it) but '"' and '\\', as two bit masks
 * of the bytes below 64 and below 128: one test a byte. */
static size_t plain_run(const unsigned char *text)
{
	static const uint64_t low = 0xFFFFFFFF00000000ull & ~(1ull << '"');
	static const uint64_t high = ~(1ull << ('\\' - 64));
	size_t i = 0;
	for (;; i++) {
		unsigned c = text[i];
		uint64_t mask = c < 64 ? low : c < 128 ? high : 0;
		if (!(mask >> (c & 63) & 1))
			return i;
	}
}

/* TEXT, from START on, escaped; the writer fails on bytes that are not
 * UTF-8. */
static void escaped(json_writer *w, const char *text, size_t start)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t len = start + strlen(text + start), i = start;
	while (i < len) {
		unsigned char c = p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			size_t n = utf8_sequence(p + i, len - i);
			if (n == 0) {
				w->failed = true;
				return;
			}
			i += n;
			continue;
		}
		char seq[7];
		put(w, text + start, i - start);
		put(w, seq, escape(c, seq));
		start = ++i;
	}
	put(w, text + start, len - start);
}

/* TEXT quoted, then SUFFIX (SUFFIX_LEN bytes): most text is plain ASCII
 * and goes in one copy. */
static void quoted(json_writer *w, const char *text, const char *suffix,
                   size_t suffix_len)
{
	size_t run = plain_run((const unsigned char *)text);
	if (!reserve(w, run + 2 + suffix_len))
		return;
	char *at = w->data + w->len;
	*at++ = '"';
	memcpy(at, text, run);
	if (text[run] == '\0') {
		at[run] = '"';
		memcpy(at + run + 1, suffix, suffix_len);
		w->len += run + 2 + suffix_len;
		return;
	}
	w->len += run + 1;
	escaped(w, text, run);
	put(w, "\"", 1);
	put(w, suffix, suffix_len);
}

void jw_key(json_writer *w, const char *key)
{
	if (w->after_key || w->depth == 0 ||
	    (w->arrays & (1ull << (w->depth - 1)))) {
		w->failed = true;
		return;
	}
	separate(w);
	quoted(w, key, ": ", 2);
	w->after_key = true;
}

void jw_string(json_writer *w, const char *text)
{
	separate(w);
	quoted(w, text, "", 0);
}

void jw_real(json_writer *w, double value)
{
	if (!isfinite(value)) {
		jw_null(w);
		return;
	}
	char buf[32];
	size_t len = jw_format_real(buf, value);
	separate(w);
	put(w, buf, len);
}

void jw_integer(json_writer *w, long long value)
{
	char buf[24];
	int len = snprintf(buf, sizeof buf, "%lld", value);
	separate(w);
	put(w, buf, (size_t)len);
}

void jw_bool(json_writer *w, bool value)
{
	separate(w);
	put(w, value ? "true" : "false", value ? 4 : 5);
}

void jw_null(json_writer *w)
{
	separate(w);
	put(w, "null", 4);
}

char *jw_finish(json_writer *w)
{
	if (w->failed || w->depth != 0 || w->after_key || !w->data) {
		if (w->out_of_memory || !w->data)
			error_set(NATRISK_ENOMEM, "out of memory");
		else
			error_set(NATRISK_EINVALID, "a JSON document with text "
			          "that is not UTF-8, or misnested");
		free(w->data);
		jw_init(w);
		return NULL;
	}
	w->data[w->len] = '\0';
	char *text = w->data;
	jw_init(w);
	return text;
}
