/*
 * test_limits.c - the loader's limits (docs/design.md, "Limits"): nesting
 * depth, number of nodes and what the parser may hold ahead, checked while
 * the YAML is read; and the length of free text, in characters, with
 * titles never blank. Each limit is met exactly by one input (which loads,
 * or fails for another reason only) and passed by one character, level or
 * node by another, whose error must name the limit at the right place.
 *
 * The inputs are built here, line by line; the comments number the lines.
 * (The assessment loader's other diagnostics are in test_loader.c.)
 */
#include "unit_support.h"

#include <natrisk/common.h>
#include <natrisk/membuf.h>

typedef struct fixture {
	natrisk_diag *diag;
	natrisk_assessment *a;
	natrisk_membuf text;
	FILE *out;
} fixture;

static int setup(void **state)
{
	unit_use_tree_methods();
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->diag = natrisk_diag_new();
	f->out = natrisk_membuf_open(&f->text);
	*state = f;
	return f->diag && f->out ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *f = *state;
	natrisk_assessment_free(f->a);
	natrisk_diag_free(f->diag);
	if (f->out)
		natrisk_membuf_close(&f->text, f->out);
	free(f->text.data);
	free(f);
	return 0;
}

/* Appends TEXT N times to the input being built. */
static void put_times(fixture *f, const char *text, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fputs(text, f->out);
}

/* Loads what was built; returns the load's code. */
static int load_built(fixture *f)
{
	assert_int_equal(natrisk_membuf_close(&f->text, f->out), 0);
	f->out = NULL;
	return natrisk_assessment_load_buffer(&f->a, "in.yaml", f->text.data,
	                                      f->text.len, f->diag);
}

static void expect_loads(fixture *f)
{
	int rc = load_built(f);
	if (rc != 0)
		unit_diag_dump(f->diag);
	assert_int_equal(rc, 0);
	assert_non_null(f->a);
}

static void expect_rejected(fixture *f)
{
	int rc = load_built(f);
	if (rc != NATRISK_EINVALID)
		unit_diag_dump(f->diag);
	assert_int_equal(rc, NATRISK_EINVALID);
	assert_null(f->a);
}

/* Lines 1-6: the head of an assessment and one scenario; "    title: "
 * follows (line 6), and then TAIL. */
#define HEAD                                                                 \
	"natrisk: 1\n"                                 /* 1 */               \
	"title: T\n"                                   /* 2 */               \
	"method: nrb-2008\n"                           /* 3 */               \
	"scenarios:\n"                                 /* 4 */               \
	"  - id: s1\n"                                 /* 5 */
#define TAIL                                                                 \
	"    kind: hazard\n"                                                 \
	"    likelihood: C\n"                                                \
	"    impact: {\"2.1\": C}\n"

/* ------------------------------------------------------------- titles */

/* 200 characters of two bytes each (400 bytes) are a title; 201 are not. */
static void test_title_length_in_characters(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: ", f->out);
	put_times(f, "\xC3\xA9", 200); /* é */
	fputs("\n" TAIL, f->out);
	expect_loads(f);
	assert_int_equal(
		strlen(natrisk_assessment_scenario(f->a, 0)->title), 400);
}

static void test_title_too_long(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: ", f->out);
	put_times(f, "\xC3\xA9", 201);
	fputs("\n" TAIL, f->out);
	expect_rejected(f);
	/* "    title: " is 11 characters: the value starts at 6:12. */
	assert_error_at(f->diag, 0, 6, 12,
	                "title is too long: 201 characters, at most 200");
	assert_error_count(f->diag, 1);
}

/* Spaces, a tab, a no-break space, an ideographic space: blank. */
static void test_title_blank(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: \" \\t\\u00a0\\u3000\"\n" TAIL, f->out);
	expect_rejected(f);
	/* The double-quoted value starts at its quote, 6:12. */
	assert_error_at(f->diag, 0, 6, 12, "title is blank");
	assert_error_count(f->diag, 1);
}

/* Empty titles, of the assessment and of a theme; white space around a
 * word is no blank title. The theme stays declared: its scenario's theme
 * is no second error. */
static void test_titles_empty_and_padded(void **state)
{
	fixture *f = *state;
	fputs("natrisk: 1\n"                            /* 1 */
	      "title: ''\n"                             /* 2 */
	      "method: nrb-2008\n"                      /* 3 */
	      "themes:\n"                               /* 4 */
	      "  - {id: water, title: \"\"}\n"          /* 5 */
	      "scenarios:\n"                            /* 6 */
	      "  - id: s1\n"                            /* 7 */
	      "    title: \"  River flood \"\n"         /* 8 */
	      "    theme: water\n"                      /* 9 */
	      TAIL, f->out);
	expect_rejected(f);
	assert_has_diag(f->diag, NATRISK_SEVERITY_ERROR, 2, 8,
	                "title is empty: write 1 to 200 characters");
	/* "  - {id: water, title: " is 23 characters. */
	assert_has_diag(f->diag, NATRISK_SEVERITY_ERROR, 5, 24,
	                "title is empty");
	assert_error_count(f->diag, 2);
}

/* ------------------------------------------------- rationales, texts */

/* A rationale of 10,000 characters is kept whole; 10,001 are refused. */
static void test_why_limit(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n"
	      "    kind: hazard\n"                      /* 7 */
	      "    likelihood: {ev: C, why: ", f->out); /* 8 */
	put_times(f, "w", 10000);
	fputs("}\n"
	      "    impact:\n"                           /* 9 */
	      "      \"2.1\": {ev: C, why: ", f->out);  /* 10 */
	put_times(f, "w", 10001);
	fputs("}\n", f->out);
	expect_rejected(f);
	/* "      \"2.1\": {ev: C, why: " is 26 characters. */
	assert_error_at(f->diag, 0, 10, 27,
	                "why is too long: 10001 characters, at most 10000");
	assert_error_count(f->diag, 1);
}

static void test_why_at_limit_kept(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n"
	      "    kind: hazard\n"
	      "    likelihood: {ev: C, why: ", f->out);
	put_times(f, "\xE2\x82\xAC", 10000); /* €: three bytes */
	fputs("}\n    impact: {\"2.1\": C}\n", f->out);
	expect_loads(f);
	const natrisk_score *s =
		&natrisk_assessment_scenario(f->a, 0)->likelihood;
	assert_int_equal(strlen(s->why), 30000);
}

/* 20,000 characters of description load; a block scalar of 20,001 (line
 * breaks count) is refused at its '|'. */
static void test_description_limit(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n"
	      "    description: ", f->out);           /* 7 */
	put_times(f, "d", 20000);
	fputs("\n" TAIL, f->out);
	expect_loads(f);
	assert_int_equal(
		strlen(natrisk_assessment_scenario(f->a, 0)->description),
		20000);
}

static void test_description_too_long(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n"
	      "    description: |-  # a comment\n", f->out); /* 7 */
	put_times(f, "      ddddddddddddddddddddddddddddddddddddddd\n", 500);
	fputs("      d\n" TAIL, f->out);
	expect_rejected(f);
	/* 500 lines of 39 characters and a line break, and "d" (|- strips
	 * the last break): 20,001, reported at the '|'. */
	assert_error_at(f->diag, 0, 7, 18, "description is too long: 20001 "
	                "characters, at most 20000");
	assert_error_count(f->diag, 1);
}

/* ------------------------------------------------------------ sources */

static void test_sources_limits(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n"
	      "    sources:\n"                          /* 7 */
	      "      - ", f->out);                      /* 8 */
	put_times(f, "s", 5000);
	fputs("\n      - ", f->out);                    /* 9 */
	put_times(f, "s", 5001);
	fputs("\n" TAIL, f->out);
	expect_rejected(f);
	assert_error_at(f->diag, 0, 9, 9,
	                "a source is too long: 5001 characters, at most 5000");
	assert_error_count(f->diag, 1);
}

static void test_too_many_sources(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n"
	      "    sources: [", f->out);                /* 7 */
	put_times(f, "a, ", 100);
	fputs("a]\n" TAIL, f->out);
	expect_rejected(f);
	/* "    sources: " is 13 characters. */
	assert_error_at(f->diag, 0, 7, 14,
	                "101 sources are too many: at most 100");
	assert_error_count(f->diag, 1);
}

/* ------------------------------------------------------------ nesting */

/*
 * The file, the scenario list and a scenario are three levels: a
 * description of N lists nests 3 + N deep. 61 lists make 64, the limit:
 * read, then refused as no text. 62 make 65: refused at the 62nd '[',
 * 61 characters after the first at 7:18.
 */
static void test_nesting_at_limit(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n    description: ", f->out);
	put_times(f, "[", 61);
	put_times(f, "]", 61);
	fputs("\n" TAIL, f->out);
	expect_rejected(f);
	assert_error_at(f->diag, 0, 7, 18, "description must be text, not a "
	                "list");
	assert_error_count(f->diag, 1);
}

static void test_nesting_past_limit(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n    description: ", f->out);
	put_times(f, "[", 62);
	put_times(f, "]", 62);
	fputs("\n" TAIL, f->out);
	expect_rejected(f);
	assert_error_at(f->diag, 0, 7, 18 + 61, "YAML nested more than 64 "
	                "levels deep: natrisk reads at most 64 levels");
	assert_error_count(f->diag, 1);
}

/* Block lists by indentation: the 62nd is one too deep. Line 8 holds the
 * first '-' at column 7; list K (from 1) is on line 7 + K at 5 + 2K. */
static void test_block_nesting_past_limit(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n    description:\n", f->out);
	for (int k = 1; k <= 70; k++)
		fprintf(f->out, "%*s-\n", 4 + 2 * k, "");
	fputs(TAIL, f->out);
	expect_rejected(f);
	assert_error_at(f->diag, 0, 7 + 62, 5 + 2 * 62, "nested more than 64");
	assert_error_count(f->diag, 1);
}

/* A million '[': the parser would hold them all before its first event.
 * The feed stops it; the error is the nesting limit's, at the 62nd. */
static void test_deep_nesting_read_ahead(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n    description: ", f->out);
	put_times(f, "[", 1000000);
	fputs("\n" TAIL, f->out);
	expect_rejected(f);
	assert_error_at(f->diag, 0, 7, 18 + 61, "nested more than 64 levels");
	assert_error_count(f->diag, 1);
}

/* Brackets in quotes and comments do not nest, and a closed list does not
 * count: the report finds the 62nd real level, on line 9 column 8. */
static void test_read_ahead_skips_quotes_and_comments(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n"
	      "    description: [\"[[[[\", '[[''[', [x], # [[[[\n" /* 7 */
	      "      ", f->out);                                    /* 8 */
	put_times(f, "[", 30);
	fputs("\n       ", f->out);                                  /* 9 */
	put_times(f, "[", 1000000);
	fputs("\n" TAIL, f->out);
	expect_rejected(f);
	/* line 7: level 4; line 8: levels 5 to 34; line 9: 35 on, so the
	 * 65th is its 31st '[', column 7 + 31. */
	assert_error_at(f->diag, 0, 9, 38, "nested more than 64 levels");
}

/* ------------------------------------------------- nodes, reading ahead */

/*
 * The head is 24 nodes: the root (1), natrisk, title, method (6 keys and
 * values), scenarios and its list (2), the scenario (1), its id, title,
 * kind, likelihood (8), impact and its mapping of one pair (4), sources
 * and its list (2). 499,976 sources make 500,000 nodes: read (and then
 * refused as too many sources); one more is the 500,001st node: the
 * sources begin on line 11, so source K is on line 10 + K.
 */
static void put_many_sources(fixture *f, size_t n)
{
	fputs(HEAD "    title: S1\n" TAIL "    sources:\n", f->out);
	put_times(f, "      - x\n", n);
}

static void test_nodes_at_limit(void **state)
{
	fixture *f = *state;
	put_many_sources(f, 499976);
	expect_rejected(f);
	/* the list starts with its first '-', at 11:7 */
	assert_error_at(f->diag, 0, 11, 7, "499976 sources are too many");
	assert_error_count(f->diag, 1);
}

static void test_nodes_past_limit(void **state)
{
	fixture *f = *state;
	put_many_sources(f, 499977);
	expect_rejected(f);
	assert_error_at(f->diag, 0, 10 + 499977, 9, "more than 500000 YAML "
	                "nodes (keys, values and lists): natrisk reads at "
	                "most 500000 in a file");
	assert_error_count(f->diag, 1);
}

/* A list in a list on one line is held whole by the parser until it
 * ends: 100,000 items (200,000 tokens) are too many, reported at the
 * inner '[' (7:19). */
static void test_read_ahead_limit(void **state)
{
	fixture *f = *state;
	fputs(HEAD "    title: S1\n    description: [[", f->out);
	put_times(f, "0,", 100000);
	fputs("0]]\n" TAIL, f->out);
	expect_rejected(f);
	assert_error_at(f->diag, 0, 7, 19, "this '[' holds too much to read "
	                "at once (more than 131072 YAML tokens");
	assert_error_count(f->diag, 1);
}

/* An assessment written as JSON on one line, as the server builds its
 * requests, reads as before. */
static void test_json_on_one_line(void **state)
{
	fixture *f = *state;
	fputs("{\"natrisk\":1,\"title\":\"T\",\"method\":\"nrb-2008\","
	      "\"scenarios\":[{\"id\":\"s1\",\"title\":\"S1\",\"kind\":"
	      "\"hazard\",\"likelihood\":\"C\",\"impact\":{\"2.1\":{\"ev\":"
	      "\"C\",\"why\":\"[[[ {{ \\\"\"}},\"sources\":[", f->out);
	put_times(f, "\"a source\",", 99);
	fputs("\"the last\"]}]}\n", f->out);
	expect_loads(f);
	const natrisk_scenario *s = natrisk_assessment_scenario(f->a, 0);
	assert_int_equal(s->source_count, 100);
	assert_string_equal(s->sources[99], "the last");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_title_length_in_characters),
		T(test_title_too_long),
		T(test_title_blank),
		T(test_titles_empty_and_padded),
		T(test_why_limit),
		T(test_why_at_limit_kept),
		T(test_description_limit),
		T(test_description_too_long),
		T(test_sources_limits),
		T(test_too_many_sources),
		T(test_nesting_at_limit),
		T(test_nesting_past_limit),
		T(test_block_nesting_past_limit),
		T(test_deep_nesting_read_ahead),
		T(test_read_ahead_skips_quotes_and_comments),
		T(test_nodes_at_limit),
		T(test_nodes_past_limit),
		T(test_read_ahead_limit),
		T(test_json_on_one_line),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
