/*
 * test_loader.c - the assessment loader's diagnostics (formats.md
 * "Errors"): every rejected input names the line and column and what was
 * expected; loaders report every problem, not only the first; warnings do
 * not make a load fail.
 *
 * Lines and columns are 1-based; each input below is written one line per
 * string literal, numbered in the comment at its right.
 */
#include "unit_support.h"

#include <natrisk/common.h>

typedef struct fixture {
	natrisk_diag *diag;
	natrisk_assessment *a;
} fixture;

static int setup(void **state)
{
	unit_use_tree_methods();
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->diag = natrisk_diag_new();
	*state = f;
	return f->diag ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *f = *state;
	natrisk_assessment_free(f->a);
	natrisk_diag_free(f->diag);
	free(f);
	return 0;
}

/* Loads TEXT (LEN bytes) and expects it to be rejected. */
static void expect_rejected_len(fixture *f, const char *text, size_t len)
{
	f->a = (natrisk_assessment *)(void *)f; /* must be reset to NULL */
	int rc = natrisk_assessment_load_buffer(&f->a, "in.yaml", text, len,
	                                        f->diag);
	if (rc != NATRISK_EINVALID)
		unit_diag_dump(f->diag);
	assert_int_equal(rc, NATRISK_EINVALID);
	assert_null(f->a);
	assert_true(natrisk_diag_error_count(f->diag) >= 1);
	/* Every diagnostic names the input. */
	for (size_t i = 0; i < natrisk_diag_count(f->diag); i++)
		assert_string_equal(natrisk_diag_get(f->diag, i)->file,
		                    "in.yaml");
}

static void expect_rejected(fixture *f, const char *text)
{
	expect_rejected_len(f, text, strlen(text));
}

/* The head of a valid assessment: lines 1-4. */
#define HEAD                                                                 \
	"natrisk: 1\n"                                 /* 1 */               \
	"title: T\n"                                   /* 2 */               \
	"method: nrb-2008\n"                           /* 3 */               \
	"scenarios:\n"                                 /* 4 */

static void test_valid_loads(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact:\n"                        /* 9 */
		"      \"2.1\": C\n";                  /* 10 */
	assert_int_equal(unit_load(&f->a, f->diag, "in.yaml", text), 0);
	assert_non_null(f->a);
	assert_int_equal(natrisk_diag_count(f->diag), 0);
	const natrisk_scenario *s = natrisk_assessment_scenario(f->a, 0);
	/* The scenario remembers where it is written: the "id" of line 5. */
	assert_int_equal(s->line, 5);
	assert_int_equal(s->column, 5);
	/* And each score: "C" on line 10, column 14. */
	long c = natrisk_method_find_criterion(natrisk_assessment_method(f->a),
	                                       "2.1", 3);
	assert_int_equal(s->impact[c].line, 10);
	assert_int_equal(s->impact[c].column, 14);
}

static void test_unknown_key_top(void **state)
{
	fixture *f = *state;
	static const char text[] =
		"natrisk: 1\n"                         /* 1 */
		"titel: T\n"                           /* 2 */
		"method: nrb-2008\n"                   /* 3 */
		"scenarios:\n"                         /* 4 */
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	expect_rejected(f, text);
	/* The key itself, 2:1, with a suggestion. The suggestion already
	 * names the missing required key, so "lacks the required key
	 * 'title'" is not repeated: one error. */
	assert_error_at(f->diag, 0, 2, 1, "unknown key 'titel'");
	assert_error_at(f->diag, 0, 2, 1, "did you mean 'title'?");
	assert_error_count(f->diag, 1);
}

static void test_missing_key_without_misspelling(void **state)
{
	fixture *f = *state;
	static const char text[] =
		"natrisk: 1\n"                         /* 1 */
		"method: nrb-2008\n"                   /* 2 */
		"scenarios:\n"                         /* 3 */
		"  - id: s1\n"                         /* 4 */
		"    title: S1\n"                      /* 5 */
		"    kind: hazard\n"                   /* 6 */
		"    likelihood: C\n"                  /* 7 */
		"    impact: {\"2.1\": C}\n";          /* 8 */
	expect_rejected(f, text);
	/* No key resembles "title": the missing key is reported at the
	 * mapping that lacks it, the document's top (1:1). */
	assert_error_at(f->diag, 0, 1, 1,
	                "the assessment lacks the required key 'title'");
	assert_error_count(f->diag, 1);
}

static void test_unknown_key_in_scenario(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihod: C\n"                   /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	expect_rejected(f, text);
	assert_error_at(f->diag, 0, 8, 5,
	                "unknown key 'likelihod' in a scenario; did you mean "
	                "'likelihood'?");
	assert_error_count(f->diag, 1);
}

static void test_unknown_key_no_suggestion(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    zzzzzzzz: 1\n"                    /* 9 */
		"    impact: {\"2.1\": C}\n";          /* 10 */
	expect_rejected(f, text);
	/* Nothing is close to "zzzzzzzz": no "did you mean". */
	assert_error_at(f->diag, 0, 9, 5, "unknown key 'zzzzzzzz'");
	assert_null(strstr(unit_diag_nth(f->diag, NATRISK_SEVERITY_ERROR,
	                                 0)->message, "did you mean"));
	assert_error_count(f->diag, 1);
}

static void test_ll_above_ev(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact:\n"                        /* 9 */
		"      \"2.1\": { ev: B, ll: C }\n";   /* 10 */
	/* Reported at the point out of order, the LL value: 6 spaces,
	 * "2.1" quoted (7-11), ':' 12, ' ' 13, '{' 14, ' ' 15, "ev" 16-17,
	 * ':' 18, ' ' 19, 'B' 20, ',' 21, ' ' 22, "ll" 23-24, ':' 25,
	 * ' ' 26, 'C' 27. */
	expect_rejected(f, text);
	assert_error_at(f->diag, 0, 10, 27, "LL (C) is above EV (B)");
	assert_error_count(f->diag, 1);
}

static void test_ev_above_ul_and_plus(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: { ev: C, ll: D }\n"   /* 8 */
		"    impact:\n"                        /* 9 */
		"      \"2.1\": { ev: C+, ul: C }\n"   /* 10 */
		"      \"3.1\": { ev: { value: 3e9 }, ll: { value: 4e9 } }\n";
	/*                                               11 */
	expect_rejected(f, text);
	/* Each at the LL or UL that is out of order.
	 * Likelihood: LL D above EV C; "    likelihood: { ev: C, ll: " is
	 * 29 characters, so 'D' is at 8:30. */
	assert_error_at(f->diag, 0, 8, 30, "LL (D) is above EV (C)");
	/* C+ is above C: "      \"2.1\": { ev: C+, ul: " is 27, UL at 28. */
	assert_error_at(f->diag, 1, 10, 28, "EV (C+) is above UL (C)");
	/* Two quantities of the same class compare by number:
	 * "      \"3.1\": { ev: { value: 3e9 }, ll: " is 39, so the LL
	 * mapping starts at 11:40. */
	assert_error_at(f->diag, 2, 11, 40, "LL (4e+09) is above EV (3e+09)");
	assert_error_count(f->diag, 3);
}

static void test_duplicate_scenario_id(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n"           /* 9 */
		"  - id: s2\n"                         /* 10 */
		"    title: S2\n"                      /* 11 */
		"    kind: hazard\n"                   /* 12 */
		"    likelihood: C\n"                  /* 13 */
		"    impact: {\"2.1\": C}\n"           /* 14 */
		"  - id: s1\n"                         /* 15 */
		"    title: S1 again\n"                /* 16 */
		"    kind: hazard\n"                   /* 17 */
		"    likelihood: C\n"                  /* 18 */
		"    impact: {\"2.1\": C}\n";          /* 19 */
	expect_rejected(f, text);
	/* At the second occurrence (the id value, 15:9), naming the first. */
	assert_error_at(f->diag, 0, 15, 9, "duplicate scenario id 's1'");
	assert_error_at(f->diag, 0, 15, 9, "first at line 5");
	assert_error_count(f->diag, 1);
}

static void test_unknown_theme(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    theme: floods\n"                  /* 7 */
		"    kind: hazard\n"                   /* 8 */
		"    likelihood: C\n"                  /* 9 */
		"    impact: {\"2.1\": C}\n";          /* 10 */
	expect_rejected(f, text);
	/* "    theme: " is 11 characters: the value starts at column 12. */
	assert_error_at(f->diag, 0, 7, 12, "unknown theme 'floods'");
	assert_error_at(f->diag, 0, 7, 12, "declare it under 'themes'");
	assert_error_count(f->diag, 1);
}

static void test_unknown_theme_with_themes(void **state)
{
	fixture *f = *state;
	static const char text[] =
		"natrisk: 1\n"                         /* 1 */
		"title: T\n"                           /* 2 */
		"method: nrb-2008\n"                   /* 3 */
		"themes:\n"                            /* 4 */
		"  - id: water\n"                      /* 5 */
		"    title: Water\n"                   /* 6 */
		"scenarios:\n"                         /* 7 */
		"  - id: s1\n"                         /* 8 */
		"    title: S1\n"                      /* 9 */
		"    theme: waterr\n"                  /* 10 */
		"    kind: hazard\n"                   /* 11 */
		"    likelihood: C\n"                  /* 12 */
		"    impact: {\"2.1\": C}\n";          /* 13 */
	expect_rejected(f, text);
	assert_error_at(f->diag, 0, 10, 12, "unknown theme 'waterr'");
	assert_error_at(f->diag, 0, 10, 12, "the themes list does not name it");
	assert_error_count(f->diag, 1);
}

static void test_invalid_utf8(void **state)
{
	fixture *f = *state;
	/* A lone lead byte 0xC3 followed by '(': "    title: S" is 12
	 * characters, so the bad byte is at 6:13. */
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S\xC3(1\n"                 /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	expect_rejected(f, text);
	assert_error_at(f->diag, 0, 6, 13, "invalid UTF-8");
	assert_error_at(f->diag, 0, 6, 13, "0xC3");
	assert_error_count(f->diag, 1);
}

static void test_invalid_utf8_columns_count_characters(void **state)
{
	fixture *f = *state;
	/* "    title: R" (12) + "é" (two bytes, one character, column 13)
	 * + 0xFF at column 14. */
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: R\xC3\xA9\xFF\n"           /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	expect_rejected(f, text);
	assert_error_at(f->diag, 0, 6, 14, "0xFF");
	assert_error_count(f->diag, 1);
}

static void test_invalid_utf8_forms(void **state)
{
	fixture *f = *state;
	/* Overlong "/" (C0 AF), a surrogate (ED A0 80), a code point past
	 * U+10FFFF (F4 90 80 80), a sequence cut by the end of the input:
	 * each on line 2 at column 8 ("title: " is 7). CRLF line ends count
	 * as one line break. */
	static const char *const inputs[] = {
		"natrisk: 1\r\ntitle: \xC0\xAF\r\n",
		"natrisk: 1\ntitle: \xED\xA0\x80\n",
		"natrisk: 1\ntitle: \xF4\x90\x80\x80\n",
		"natrisk: 1\ntitle: \xE2\x82",
	};
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		natrisk_diag_free(f->diag);
		f->diag = natrisk_diag_new();
		expect_rejected(f, inputs[i]);
		assert_error_at(f->diag, 0, 2, 8, "invalid UTF-8");
		assert_error_count(f->diag, 1);
	}
}

static void test_control_character(void **state)
{
	fixture *f = *state;
	/* A NUL byte inside the buffer, at 2:9 ("title: T" then NUL). */
	static const char text[] = "natrisk: 1\ntitle: T\0x\n";
	expect_rejected_len(f, text, sizeof text - 1);
	assert_error_at(f->diag, 0, 2, 9, "control character 0x00");
	assert_error_count(f->diag, 1);
}

static void test_empty_file(void **state)
{
	fixture *f = *state;
	expect_rejected_len(f, "", 0);
	assert_error_at(f->diag, 0, 1, 1, "empty");
	assert_error_count(f->diag, 1);
}

static void test_blank_file(void **state)
{
	fixture *f = *state;
	/* Only blank lines and a comment: as empty as "". */
	expect_rejected(f, "\n\n# nothing here\n\n");
	assert_error_at(f->diag, 0, 1, 1, "empty");
	assert_error_count(f->diag, 1);
}

static void test_probability_on_threat(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: threat\n"                   /* 7 */
		"    likelihood: { probability: 0.03 }\n"   /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	/* "    likelihood: " is 16 characters: '{' at 8:17. */
	expect_rejected(f, text);
	assert_error_at(f->diag, 0, 8, 17, "a probability is for hazards");
	assert_error_count(f->diag, 1);
}

static void test_score_forms(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: X\n"                  /* 8 */
		"    impact:\n"                        /* 9 */
		"      \"2.1\": 300\n"                 /* 10 */
		"      \"1.1\": { value: 3 }\n"        /* 11 */
		"      \"2.2\": G\n"                   /* 12 */
		"      \"3.1\": { value: \"5e9\" }\n"  /* 13 */
		"  - id: s2\n"                         /* 14 */
		"    title: S2\n"                      /* 15 */
		"    kind: hazard\n"                   /* 16 */
		"    likelihood: { probability: 1.5 }\n"    /* 17 */
		"    impact: {\"2.1\": { value: -1 }}\n";   /* 18 */
	expect_rejected(f, text);
	/* A likelihood cannot be X: 8:17. */
	assert_error_at(f->diag, 0, 8, 17, "a likelihood cannot be X");
	/* A bare number: "2.1" 300 at 10:14, with the fix. */
	assert_error_at(f->diag, 1, 10, 14, "write { value: 300 }");
	/* A quantity on a criterion without thresholds: 11:14. */
	assert_error_at(f->diag, 2, 11, 14, "criterion 1.1 has no thresholds");
	/* Not a class: 12:14. */
	assert_error_at(f->diag, 3, 12, 14, "'G' is not a class");
	/* A quoted number: the quote at 13:23 ("      \"3.1\": { value: " is
	 * 22 characters). */
	assert_error_at(f->diag, 4, 13, 23, "remove the quotes");
	/* A probability above 1: the number at 17:32. */
	assert_error_at(f->diag, 5, 17, 32, "a probability must lie in (0, 1]");
	/* A negative quantity: the number at 18:30. */
	assert_error_at(f->diag, 6, 18, 30, "may not be negative");
	assert_error_count(f->diag, 7);
}

static void test_unknown_criterion_and_method(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact:\n"                        /* 9 */
		"      \"9.9\": C\n";                  /* 10 */
	expect_rejected(f, text);
	/* At the key, whose quote is at column 7. */
	assert_error_at(f->diag, 0, 10, 7, "unknown criterion '9.9'");
	assert_error_count(f->diag, 1);

	natrisk_diag_free(f->diag);
	f->diag = natrisk_diag_new();
	static const char method[] =
		"natrisk: 1\n"                         /* 1 */
		"title: T\n"                           /* 2 */
		"method: nrb-1999\n"                   /* 3 */
		"scenarios:\n"                         /* 4 */
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	expect_rejected(f, method);
	assert_error_at(f->diag, 0, 3, 9, "unknown method 'nrb-1999'");
}

static void test_format_version(void **state)
{
	fixture *f = *state;
	static const char text[] =
		"natrisk: 2\n"                         /* 1 */
		"title: T\n"                           /* 2 */
		"method: nrb-2008\n"                   /* 3 */
		"scenarios:\n"                         /* 4 */
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	expect_rejected(f, text);
	assert_error_at(f->diag, 0, 1, 10, "unsupported format version 2");
	assert_error_count(f->diag, 1);
}

static void test_three_independent_errors(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: a\n"                          /* 5 */
		"    title: A\n"                       /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    theme: floods\n"                  /* 8: error 1 */
		"    likelihood: C\n"                  /* 9 */
		"    impact: {\"2.1\": C}\n"           /* 10 */
		"  - id: b\n"                          /* 11 */
		"    title: B\n"                       /* 12 */
		"    kind: hazard\n"                   /* 13 */
		"    likelihood: C\n"                  /* 14 */
		"    impact:\n"                        /* 15 */
		"      \"2.1\": { ev: B, ll: C }\n"    /* 16: error 2 */
		"  - id: c\n"                          /* 17 */
		"    title: C\n"                       /* 18 */
		"    kind: hazard\n"                   /* 19 */
		"    likelihood: C\n"                  /* 20 */
		"    impact:\n"                        /* 21 */
		"      \"9.9\": C\n";                  /* 22: error 3 */
	expect_rejected(f, text);
	assert_error_count(f->diag, 3);
	assert_error_at(f->diag, 0, 8, 12, "unknown theme 'floods'");
	assert_error_at(f->diag, 1, 16, 27, "LL (C) is above EV (B)");
	assert_error_at(f->diag, 2, 22, 7, "unknown criterion '9.9'");
}

static void test_warning_does_not_fail(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n"           /* 9 */
		"  - id: idle\n"                       /* 10 */
		"    title: Idle\n"                    /* 11 */
		"    kind: hazard\n"                   /* 12 */
		"    likelihood: C\n"                  /* 13 */
		"    impact: {\"2.1\": X, \"5.3\": X}\n";   /* 14 */
	assert_int_equal(unit_load(&f->a, f->diag, "in.yaml", text), 0);
	assert_non_null(f->a);
	assert_int_equal(natrisk_assessment_scenario_count(f->a), 2);
	assert_error_count(f->diag, 0);
	assert_int_equal(natrisk_diag_count(f->diag), 1);
	/* Reported at the scenario (its first key, 10:5). */
	assert_warning_at(f->diag, 0, 10, 5,
	                  "scenario 'idle' scores X on every criterion");
}

static void test_warning_unused_theme(void **state)
{
	fixture *f = *state;
	static const char text[] =
		"natrisk: 1\n"                         /* 1 */
		"title: T\n"                           /* 2 */
		"method: nrb-2008\n"                   /* 3 */
		"themes:\n"                            /* 4 */
		"  - id: water\n"                      /* 5 */
		"    title: Water\n"                   /* 6 */
		"  - id: fire\n"                       /* 7 */
		"    title: Fire\n"                    /* 8 */
		"scenarios:\n"                         /* 9 */
		"  - id: s1\n"                         /* 10 */
		"    title: S1\n"                      /* 11 */
		"    theme: water\n"                   /* 12 */
		"    kind: hazard\n"                   /* 13 */
		"    likelihood: C\n"                  /* 14 */
		"    impact: {\"2.1\": C}\n";          /* 15 */
	assert_int_equal(unit_load(&f->a, f->diag, "in.yaml", text), 0);
	assert_non_null(f->a);
	assert_error_count(f->diag, 0);
	assert_int_equal(natrisk_diag_count(f->diag), 1);
	assert_int_equal(natrisk_diag_get(f->diag, 0)->severity,
	                 NATRISK_SEVERITY_WARNING);
	assert_non_null(strstr(natrisk_diag_get(f->diag, 0)->message,
	                       "theme 'fire' is not used"));
	assert_int_equal(natrisk_assessment_theme_count(f->a), 2);
	assert_int_equal(natrisk_assessment_scenario(f->a, 0)->theme, 0);
}

static void test_anchor_refused(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: s1\n"                         /* 5 */
		"    title: &t S1\n"                   /* 6 */
		"    kind: hazard\n"                   /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	expect_rejected(f, text);
	/* The anchored scalar: the anchor starts at 6:12. */
	assert_error_at(f->diag, 0, 6, 12, "anchors");
}

/* A scenario without an id is reported as missing its id, and the load
 * goes on (it must not crash). */
static void test_missing_scenario_id(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - title: S1\n"                      /* 5 */
		"    kind: hazard\n"                   /* 6 */
		"    likelihood: C\n"                  /* 7 */
		"    impact: {\"2.1\": C}\n";          /* 8 */
	expect_rejected(f, text);
	assert_error_at(f->diag, 0, 5, 5, "required key 'id'");
}

static void test_duplicate_keys_and_themes(void **state)
{
	fixture *f = *state;
	static const char text[] =
		"natrisk: 1\n"                         /* 1 */
		"title: T\n"                           /* 2 */
		"method: nrb-2008\n"                   /* 3 */
		"themes:\n"                            /* 4 */
		"  - id: water\n"                      /* 5 */
		"    title: Water\n"                   /* 6 */
		"  - id: water\n"                      /* 7 */
		"    title: Water again\n"             /* 8 */
		"scenarios:\n"                         /* 9 */
		"  - id: s1\n"                         /* 10 */
		"    title: S1\n"                      /* 11 */
		"    theme: water\n"                   /* 12 */
		"    kind: hazard\n"                   /* 13 */
		"    title: S1 again\n"                /* 14 */
		"    likelihood: C\n"                  /* 15 */
		"    impact: {\"2.1\": C}\n";          /* 16 */
	expect_rejected(f, text);
	/* Both at the second occurrence: the key "title" of line 14 and the
	 * theme id of line 7 ("  - id: " is 8 characters). */
	assert_has_diag(f->diag, NATRISK_SEVERITY_ERROR, 14, 5,
	                "duplicate key 'title' (first at line 11)");
	assert_has_diag(f->diag, NATRISK_SEVERITY_ERROR, 7, 9,
	                "duplicate theme id 'water' (first at line 5)");
	assert_error_count(f->diag, 2);
}

static void test_bad_ids(void **state)
{
	fixture *f = *state;
	static const char text[] = HEAD
		"  - id: Flood\n"                      /* 5 */
		"    title: S1\n"                      /* 6 */
		"    kind: disaster\n"                 /* 7 */
		"    likelihood: C\n"                  /* 8 */
		"    impact: {\"2.1\": C}\n";          /* 9 */
	expect_rejected(f, text);
	/* An id with a capital: 5:9. A kind that is neither: 7:11. */
	assert_error_at(f->diag, 0, 5, 9, "'Flood' is not a valid id");
	assert_error_at(f->diag, 1, 7, 11, "kind must be 'hazard'");
	assert_error_count(f->diag, 2);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_valid_loads),
		T(test_unknown_key_top),
		T(test_missing_key_without_misspelling),
		T(test_unknown_key_in_scenario),
		T(test_unknown_key_no_suggestion),
		T(test_ll_above_ev),
		T(test_ev_above_ul_and_plus),
		T(test_duplicate_scenario_id),
		T(test_unknown_theme),
		T(test_unknown_theme_with_themes),
		T(test_invalid_utf8),
		T(test_invalid_utf8_columns_count_characters),
		T(test_invalid_utf8_forms),
		T(test_control_character),
		T(test_empty_file),
		T(test_blank_file),
		T(test_probability_on_threat),
		T(test_score_forms),
		T(test_unknown_criterion_and_method),
		T(test_format_version),
		T(test_three_independent_errors),
		T(test_warning_does_not_fail),
		T(test_warning_unused_theme),
		T(test_anchor_refused),
		T(test_duplicate_keys_and_themes),
		T(test_bad_ids),
		/* Last: a NULL dereference here would end the run. */
		T(test_missing_scenario_id),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
