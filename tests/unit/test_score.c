/*
 * test_score.c - the class vocabulary of score.h: natrisk_class_parse()
 * and natrisk_class_letter() (formats.md: "a score is X, A-E, optionally
 * followed by +").
 */
#include "unit_support.h"

#include <natrisk/score.h>

/* Parses TEXT (its whole length) and checks the outcome. */
static void check_parse(const char *text, int expect_rc, int expect_cls,
                        bool expect_high)
{
	int cls = 12345;
	bool high = !expect_high;
	int rc = natrisk_class_parse(text, strlen(text), &cls, &high);
	if (rc != expect_rc)
		print_error("natrisk_class_parse(\"%s\") returned %d\n", text,
		            rc);
	assert_int_equal(rc, expect_rc);
	if (expect_rc != 0)
		return;
	assert_int_equal(cls, expect_cls);
	assert_int_equal(high, expect_high);
}

static void test_parse_plain_classes(void **state)
{
	(void)state;
	/* A..E are 0..4 (common.h), X is -1, none of them "high". */
	check_parse("X", 0, NATRISK_CLASS_X, false);
	check_parse("A", 0, 0, false);
	check_parse("B", 0, 1, false);
	check_parse("C", 0, 2, false);
	check_parse("D", 0, 3, false);
	check_parse("E", 0, 4, false);
}

static void test_parse_high_classes(void **state)
{
	(void)state;
	/* "+" = the upper range of the class ("C high"). */
	check_parse("A+", 0, 0, true);
	check_parse("B+", 0, 1, true);
	check_parse("C+", 0, 2, true);
	check_parse("D+", 0, 3, true);
	check_parse("E+", 0, 4, true);
}

static void test_parse_rejects(void **state)
{
	(void)state;
	/* X has no upper range: "X+" is not a score. */
	check_parse("X+", -1, 0, false);
	/* Classes are capital letters. */
	check_parse("a", -1, 0, false);
	check_parse("c+", -1, 0, false);
	check_parse("x", -1, 0, false);
	/* Outside A..E. */
	check_parse("F", -1, 0, false);
	check_parse("Z", -1, 0, false);
	check_parse("@", -1, 0, false); /* 'A' - 1 */
	/* Empty, two letters, two pluses, other suffixes, spaces. */
	check_parse("", -1, 0, false);
	check_parse("AB", -1, 0, false);
	check_parse("A++", -1, 0, false);
	check_parse("A-", -1, 0, false);
	check_parse("+", -1, 0, false);
	check_parse("+A", -1, 0, false);
	check_parse(" A", -1, 0, false);
	check_parse("A ", -1, 0, false);
	check_parse("B+ ", -1, 0, false);
}

static void test_parse_respects_length(void **state)
{
	(void)state;
	int cls = -7;
	bool high = true;
	/* Only the first LEN bytes count: "BC" read with length 1 is "B". */
	assert_int_equal(natrisk_class_parse("BC", 1, &cls, &high), 0);
	assert_int_equal(cls, 1);
	assert_false(high);
	/* "D+junk" with length 2 is "D+". */
	assert_int_equal(natrisk_class_parse("D+junk", 2, &cls, &high), 0);
	assert_int_equal(cls, 3);
	assert_true(high);
	/* "E+" with length 0 is the empty string. */
	assert_int_equal(natrisk_class_parse("E+", 0, &cls, &high), -1);
	/* Text that is not NUL-terminated after LEN bytes. */
	const char bytes[3] = { 'C', '+', '+' };
	assert_int_equal(natrisk_class_parse(bytes, 2, &cls, &high), 0);
	assert_int_equal(cls, 2);
	assert_true(high);
	assert_int_equal(natrisk_class_parse(bytes, 3, &cls, &high), -1);
}

static void test_letters(void **state)
{
	(void)state;
	assert_string_equal(natrisk_class_letter(NATRISK_CLASS_X), "X");
	assert_string_equal(natrisk_class_letter(0), "A");
	assert_string_equal(natrisk_class_letter(1), "B");
	assert_string_equal(natrisk_class_letter(2), "C");
	assert_string_equal(natrisk_class_letter(3), "D");
	assert_string_equal(natrisk_class_letter(4), "E");
	/* Anything outside A..E reads as X. */
	assert_string_equal(natrisk_class_letter(5), "X");
	assert_string_equal(natrisk_class_letter(-2), "X");
	assert_string_equal(natrisk_class_letter(1000), "X");
}

static void test_letter_parse_round_trip(void **state)
{
	(void)state;
	/* Every class letter parses back to its class, and so does the
	 * letter with "+" (except X). */
	for (int k = NATRISK_CLASS_X; k <= NATRISK_CLASS_E; k++) {
		const char *letter = natrisk_class_letter(k);
		int cls = 99;
		bool high = true;
		assert_int_equal(natrisk_class_parse(letter, strlen(letter),
		                                     &cls, &high), 0);
		assert_int_equal(cls, k);
		assert_false(high);
		char plus[3] = { letter[0], '+', '\0' };
		int rc = natrisk_class_parse(plus, 2, &cls, &high);
		if (k == NATRISK_CLASS_X) {
			assert_int_equal(rc, -1);
		} else {
			assert_int_equal(rc, 0);
			assert_int_equal(cls, k);
			assert_true(high);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_plain_classes),
		cmocka_unit_test(test_parse_high_classes),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_parse_respects_length),
		cmocka_unit_test(test_letters),
		cmocka_unit_test(test_letter_parse_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
