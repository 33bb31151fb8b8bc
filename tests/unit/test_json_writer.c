/*
 * test_json_writer.c - the streaming JSON writer (src/io/json_writer.h)
 * against jansson, the independent reference: the outputs it replaces
 * were json_dumps(JSON_INDENT(2) | JSON_PRESERVE_ORDER |
 * JSON_REAL_PRECISION(17)) of a tree, so for random strings, random
 * doubles and random nested documents the writer must give those bytes.
 * Then what jansson cannot show: bytes that are not UTF-8 fail the
 * document (jansson refuses them as strings), a number that is not
 * finite is null, and misnested containers fail.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_writer.h"

enum { FLAGS = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17) };

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned below(unsigned n)
{
	return (unsigned)(next64() % n);
}

/* One code point of a random kind (ASCII with its specials, a control
 * character, two-, three- and four-byte UTF-8 short of the surrogates)
 * appended at OUT; returns its length. */
static size_t random_code_point(char *out)
{
	static const char specials[] = "\"\\/\b\f\n\r\t\x7f";
	uint32_t cp;
	switch (below(6)) {
	case 0:
		out[0] = specials[below(sizeof specials - 1)];
		return 1;
	case 1:
		out[0] = (char)(1 + below(0x1F));
		return 1;
	case 2:
		cp = 0x80 + below(0x800 - 0x80);
		break;
	case 3:
		cp = 0x800 + below(0xD800 - 0x800);
		if (below(2))
			cp = 0xE000 + below(0x10000 - 0xE000);
		break;
	case 4:
		cp = 0x10000 + below(0x110000 - 0x10000);
		break;
	default:
		out[0] = (char)(0x20 + below(0x5F));
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A random string of up to 40 code points in BUF (room for 161 bytes). */
static const char *random_string(char *buf)
{
	size_t len = 0, n = below(41);
	for (size_t i = 0; i < n; i++)
		len += random_code_point(buf + len);
	buf[len] = '\0';
	return buf;
}

/* A random finite double: any bit pattern, a whole number, a short
 * decimal, a power of ten, a subnormal, a signed zero; and, for the
 * writer's exact integer path (1e-6 to 2^127), any 53-bit significand
 * there, a number next to a power of ten (whose 17 digits may round up
 * to the next), and a multiple of 1/8 between 1e15 and 2^53 (where the
 * 18th digit may be a 5 and nothing after it: a tie, rounded to even). */
static double random_double(void)
{
	double d;
	uint64_t bits;
	switch (below(9)) {
	case 6:
		d = ldexp((double)(next64() >> 11), (int)below(200) - 73);
		return below(2) ? d : -d;
	case 7:
		d = pow(10.0, (int)below(45) - 6);
		return nextafter(d, below(2) ? 0.0 : INFINITY);
	case 8:
		return 1e15 + (double)(next64() % 64000000000000000ull) / 8;
	case 0:
		return (double)(int64_t)(next64() >> below(64)) *
		       (below(2) ? 1 : -1);
	case 1:
		return (double)(int)below(200001) / 1000.0 - 100.0;
	case 2:
		return pow(10.0, (int)below(617) - 308);
	case 3:
		bits = next64() & 0x000FFFFFFFFFFFFFull;
		memcpy(&d, &bits, sizeof d);
		return d;
	case 4:
		return below(2) ? 0.0 : -0.0;
	default:
		do {
			bits = next64();
			memcpy(&d, &bits, sizeof d);
		} while (!isfinite(d));
		return d;
	}
}

/* The writer's text and jansson's of the same document are the same. */
static void assert_same(json_writer *w, json_t *tree)
{
	char *ours = jw_finish(w), *theirs = json_dumps(tree, FLAGS);
	assert_non_null(ours);
	assert_non_null(theirs);
	assert_string_equal(ours, theirs);
	free(ours);
	free(theirs);
	json_decref(tree);
}

static void strings_as_jansson(void **state)
{
	(void)state;
	char key[161], value[161];
	for (int doc = 0; doc < 200; doc++) {
		json_writer w;
		jw_init(&w);
		jw_array(&w);
		json_t *array = json_array(), *object = json_object();
		for (int i = 0; i < 50; i++) {
			jw_string(&w, random_string(value));
			json_array_append_new(array, json_string(value));
		}
		jw_object(&w);
		for (int i = 0; i < 50; i++) {
			/* jansson keeps one member per key: make them unique */
			int len = snprintf(key, sizeof key, "%d ", i);
			random_string(key + len);
			jw_key(&w, key);
			jw_string(&w, random_string(value));
			json_object_set_new(object, key, json_string(value));
		}
		jw_end(&w);
		jw_end(&w);
		json_array_append_new(array, object);
		assert_same(&w, array);
	}
}

static void reals_as_jansson(void **state)
{
	(void)state;
	for (int doc = 0; doc < 200; doc++) {
		json_writer w;
		jw_init(&w);
		jw_array(&w);
		json_t *array = json_array();
		for (int i = 0; i < 1000; i++) {
			double d = random_double();
			jw_real(&w, d);
			json_array_append_new(array, json_real(d));
		}
		jw_end(&w);
		assert_same(&w, array);
	}
}

static void integers_and_literals_as_jansson(void **state)
{
	(void)state;
	json_writer w;
	jw_init(&w);
	jw_object(&w);
	json_t *object = json_object();
	static const long long edges[] = { 0, -1, 1, LLONG_MAX, LLONG_MIN };
	char key[16];
	for (int i = 0; i < 1000; i++) {
		long long v = i < 5 ? edges[i] : (long long)next64();
		snprintf(key, sizeof key, "i%d", i);
		jw_key(&w, key);
		jw_integer(&w, v);
		json_object_set_new(object, key, json_integer(v));
	}
	jw_key(&w, "t");
	jw_bool(&w, true);
	jw_key(&w, "f");
	jw_bool(&w, false);
	jw_key(&w, "n");
	jw_null(&w);
	jw_end(&w);
	json_object_set_new(object, "t", json_true());
	json_object_set_new(object, "f", json_false());
	json_object_set_new(object, "n", json_null());
	assert_same(&w, object);
}

/* A random value written to W and built as jansson's, containers down to
 * DEPTH more levels, empty ones included. */
static json_t *random_value(json_writer *w, int depth)
{
	unsigned kind = depth > 0 ? below(7) : 2 + below(5);
	char text[161];
	if (kind < 2) {
		bool array = kind == 0;
		json_t *tree = array ? json_array() : json_object();
		array ? jw_array(w) : jw_object(w);
		unsigned n = below(3) ? below(5) : 0;
		for (unsigned i = 0; i < n; i++) {
			char key[16];
			snprintf(key, sizeof key, "k%u", i);
			if (!array)
				jw_key(w, key);
			json_t *v = random_value(w, depth - 1);
			array ? json_array_append_new(tree, v)
			      : json_object_set_new(tree, key, v);
		}
		jw_end(w);
		return tree;
	}
	switch (kind) {
	case 2:
		jw_string(w, random_string(text));
		return json_string(text);
	case 3: {
		double d = random_double();
		jw_real(w, d);
		return json_real(d);
	}
	case 4: {
		long long v = (long long)next64() >> below(64);
		jw_integer(w, v);
		return json_integer(v);
	}
	case 5: {
		bool b = below(2);
		jw_bool(w, b);
		return json_boolean(b);
	}
	default:
		jw_null(w);
		return json_null();
	}
}

static void documents_as_jansson(void **state)
{
	(void)state;
	for (int doc = 0; doc < 2000; doc++) {
		json_writer w;
		jw_init(&w);
		bool array = below(2);
		array ? jw_array(&w) : jw_object(&w);
		json_t *tree = array ? json_array() : json_object();
		unsigned n = below(6);
		for (unsigned i = 0; i < n; i++) {
			char key[16];
			snprintf(key, sizeof key, "m%u", i);
			if (!array)
				jw_key(&w, key);
			json_t *v = random_value(&w, 5);
			array ? json_array_append_new(tree, v)
			      : json_object_set_new(tree, key, v);
		}
		jw_end(&w);
		assert_same(&w, tree);
	}
}

static void hand_examples(void **state)
{
	(void)state;
	json_writer w;
	jw_init(&w);
	jw_object(&w);
	jw_key(&w, "a");
	jw_array(&w);
	jw_real(&w, 1.0);
	jw_real(&w, 0.1);
	jw_real(&w, 1e22);
	jw_real(&w, 1e-5);
	jw_real(&w, -0.0);
	jw_real(&w, 1000000000000000.25); /* ties: to even */
	jw_real(&w, 1000000000000000.75);
	jw_real(&w, 9.9999999999999996e27);
	jw_object(&w);
	jw_end(&w);
	jw_end(&w);
	jw_key(&w, "s/\"");
	jw_string(&w, "\t\x01\xc3\xa9/");
	jw_end(&w);
	char *text = jw_finish(&w);
	assert_string_equal(text, "{\n  \"a\": [\n    1.0,\n"
	                          "    0.10000000000000001,\n    1e22,\n"
	                          "    1.0000000000000001e-5,\n    -0.0,\n"
	                          "    1000000000000000.2,\n"
	                          "    1000000000000000.8,\n"
	                          "    9.9999999999999996e27,\n"
	                          "    {}\n  ],\n"
	                          "  \"s/\\\"\": \"\\t\\u0001\xc3\xa9/\"\n}");
	free(text);
}

/* Not UTF-8 (a lone continuation byte, an overlong form, a surrogate,
 * past U+10FFFF, a sequence cut off): jansson will not hold it, and the
 * writer fails the document rather than write it. */
static void not_utf8_fails(void **state)
{
	(void)state;
	static const char *const bad[] = { "a\x80", "\xc0\xaf", "\xed\xa0\x80",
		                           "\xf4\x90\x80\x80", "ok\xe2\x82" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_null(json_string(bad[i]));
		json_writer w;
		jw_init(&w);
		jw_array(&w);
		jw_string(&w, bad[i]);
		jw_end(&w);
		assert_null(jw_finish(&w));
		jw_init(&w);
		jw_object(&w);
		jw_key(&w, bad[i]);
		jw_null(&w);
		jw_end(&w);
		assert_null(jw_finish(&w));
	}
}

static void not_finite_is_null(void **state)
{
	(void)state;
	json_writer w;
	jw_init(&w);
	jw_array(&w);
	jw_real(&w, NAN);
	jw_real(&w, INFINITY);
	jw_real(&w, -INFINITY);
	jw_end(&w);
	char *text = jw_finish(&w);
	assert_string_equal(text, "[\n  null,\n  null,\n  null\n]");
	free(text);
}

static void misnesting_fails(void **state)
{
	(void)state;
	json_writer w;
	jw_init(&w); /* still open */
	jw_object(&w);
	assert_null(jw_finish(&w));
	jw_init(&w); /* one end too many */
	jw_array(&w);
	jw_end(&w);
	jw_end(&w);
	assert_null(jw_finish(&w));
	jw_init(&w); /* a key in an array */
	jw_array(&w);
	jw_key(&w, "k");
	jw_null(&w);
	jw_end(&w);
	assert_null(jw_finish(&w));
	jw_init(&w); /* a key without its value */
	jw_object(&w);
	jw_key(&w, "k");
	jw_end(&w);
	assert_null(jw_finish(&w));
	jw_init(&w); /* nothing written */
	assert_null(jw_finish(&w));
	jw_init(&w); /* deeper than JW_MAX_DEPTH */
	for (int i = 0; i <= JW_MAX_DEPTH; i++)
		jw_array(&w);
	for (int i = 0; i <= JW_MAX_DEPTH; i++)
		jw_end(&w);
	assert_null(jw_finish(&w));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strings_as_jansson),
		cmocka_unit_test(reals_as_jansson),
		cmocka_unit_test(integers_and_literals_as_jansson),
		cmocka_unit_test(documents_as_jansson),
		cmocka_unit_test(hand_examples),
		cmocka_unit_test(not_utf8_fails),
		cmocka_unit_test(not_finite_is_null),
		cmocka_unit_test(misnesting_fails),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
