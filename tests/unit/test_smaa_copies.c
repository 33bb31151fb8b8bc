/*
 * test_smaa_copies.c - the confidence pass on exact copies (issue 9,
 * point 21): scenarios whose scores are all exact (LL = EV = UL) and the
 * same are worth the same bits in every draw, so the pass values one of
 * them against each owner, not all of them. Its cost is counted, not
 * timed: confidence_pairs is the number of owner-rival pairs the pass
 * may value per iteration. Before, 2,000 identical exact scenarios made
 * 2,000 x 2,000 pairs (minutes of a report).
 *
 * Method nrb-2008, class values A 1, B 3, C 9, D 27, E 81.
 */
#include "smaa_support.h"

enum { ITERATIONS = SMAA_BATCH, COPIES = 2000 };

/* NAME: an exact scenario scoring C on 1.1 and D on 2.1. */
static void exact_scenario(FILE *out, const char *name)
{
	fprintf(out, "  - id: %s\n    title: %s\n    kind: hazard\n"
	        "    likelihood: C\n    impact: { \"1.1\": C, \"2.1\": D }\n",
	        name, name);
}

/* The scenario U, uncertain on 1.1 (A..E around C), then COUNT exact
 * copies e1..eCOUNT (U only when WITH_U). */
static natrisk_assessment *load_copies(size_t count, bool with_u)
{
	char *text;
	size_t len;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	if (with_u)
		fputs("  - id: u\n    title: u\n    kind: hazard\n"
		      "    likelihood: C\n    impact: { \"1.1\": { ll: A, ev: "
		      "C, ul: E }, \"2.1\": D }\n", out);
	for (size_t i = 1; i <= count; i++) {
		char name[32];
		snprintf(name, sizeof name, "e%zu", i);
		exact_scenario(out, name);
	}
	fclose(out);
	natrisk_assessment *a = st_load(text);
	free(text);
	return a;
}

/*
 * 2,000 identical exact scenarios: all tie in every iteration, so each
 * ranks first every time (ties share the better rank) and keeps first
 * under its central weights: confidence exactly 1. A copy of an owner
 * ties with it in every draw and never beats it, so no owner has a rival:
 * no pair at all (it was COPIES^2 = 4e6).
 */
static void test_identical_exact_linear(void **state)
{
	(void)state;
	natrisk_assessment *a = load_copies(COPIES, false);
	natrisk_smaa_options o = st_options(ITERATIONS, st_seed(901), 1,
	                                    NATRISK_SMAA_CENTRAL |
	                                    NATRISK_SMAA_CONFIDENCE);
	natrisk_smaa *s = st_run(a, &o);
	for (size_t i = 0; i < COPIES; i++) {
		double x;
		assert_exact(natrisk_smaa_rank_acceptability(s, i, 0), 1);
		assert_true(natrisk_smaa_confidence(s, i, &x));
		assert_exact(x, 1);
	}
	assert_int_equal(s->confidence_pairs, 0);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * Skipping copies changes no result. U (first, so that its draws are the
 * same whatever follows; one batch of iterations) against one exact e1,
 * then against eight copies of it: U ranks first
 * when its 1.1 draw reaches C, in the same iterations either way, so its
 * first count, central weights and confidence factor are the same bits,
 * and every copy has e1's. Both outcomes occur (the draw is symmetric
 * around C), so the comparison is not between two zeros. Each owner has
 * one rival: U has e1 (its copies are e1's), and each copy has U (the
 * other copies tie with it): 2 pairs with one copy, 9 with eight.
 */
static void test_copies_keep_results(void **state)
{
	(void)state;
	natrisk_assessment *one = load_copies(1, true);
	natrisk_assessment *eight = load_copies(8, true);
	natrisk_smaa_options o = st_options(ITERATIONS, st_seed(902), 1,
	                                    NATRISK_SMAA_CENTRAL |
	                                    NATRISK_SMAA_CONFIDENCE);
	natrisk_smaa *s1 = st_run(one, &o), *s8 = st_run(eight, &o);
	assert_int_equal(s1->confidence_pairs, 2);
	assert_int_equal(s8->confidence_pairs, 9);
	double u1, u8, e1, e8;
	assert_true(natrisk_smaa_confidence(s1, 0, &u1));
	assert_true(natrisk_smaa_confidence(s8, 0, &u8));
	assert_exact(u8, u1);
	assert_true(u1 > 0 && u1 < 1);
	assert_exact(natrisk_smaa_rank_acceptability(s8, 0, 0),
	             natrisk_smaa_rank_acceptability(s1, 0, 0));
	for (size_t c = 0; c < ST_N; c++) {
		assert_true(natrisk_smaa_central_weight(s1, 0, c, &e1));
		assert_true(natrisk_smaa_central_weight(s8, 0, c, &e8));
		assert_exact(e8, e1);
	}
	assert_true(natrisk_smaa_confidence(s1, 1, &e1));
	assert_true(e1 > 0 && e1 < 1);
	for (size_t i = 1; i <= 8; i++) {
		assert_true(natrisk_smaa_confidence(s8, i, &e8));
		assert_exact(e8, e1);
	}
	natrisk_smaa_free(s1);
	natrisk_smaa_free(s8);
	natrisk_assessment_free(one);
	natrisk_assessment_free(eight);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical_exact_linear),
		cmocka_unit_test(test_copies_keep_results),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
