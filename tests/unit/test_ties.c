/*
 * test_ties.c - risks and totals that are equal in exact arithmetic tie
 * wherever natrisk ranks (issue 9, point 1): the risk ranking of the
 * engine (results.h), the comparison of two editions' risks, the
 * weighted-sum rankings of the robustness analysis (ordinal.h) and the
 * risk ranking of SMAA. And a quantity scores its class in SMAA too (point
 * 2): an exact score is never uncertain.
 *
 * Method nrb-2008: ten criteria, equal weights, so a total is (sum of the
 * class values) / 10 with A 1, B 3, C 9, D 27, E 81 and "+" times sqrt 3;
 * likelihood A at 0.5, B 1.5, C 2.5, E 4.5; p = 1 at 5; risk = likelihood
 * position + log3 of the total, that is 3^risk = T * 3^L.
 */
#include "smaa_support.h"

#include <natrisk/ordinal.h>

#define SCENARIO(id, likelihood, impact)                                     \
	"  - id: " id "\n"                                                   \
	"    title: " id "\n"                                                \
	"    kind: hazard\n"                                                 \
	"    likelihood: " likelihood "\n"                                   \
	"    impact: " impact "\n"

/*
 * 5 at C, 15 at B and 45 at A: 3^risk = 5 * 3^2.5 = 15 * 3^1.5 = 45 *
 * 3^0.5, although log(45)/log(3) rounds: the three-way tie.
 * 9,000 deaths (D: 27, the class of the quantity) at p = 1 (5.0) against
 * D+ (27 sqrt 3) at E (4.5): 2.7 * 3^5 both, their square roots meet.
 * Nine B+ (9 * 3 sqrt 3) against one D+ (27 sqrt 3) at B: the same total.
 * "near" is 5.1 at C: a hair above the three-way tie, never tied with it.
 */
static const char TIES[] =
	SCENARIO("five-at-c", "C",
	         "{ \"1.1\": D, \"1.2\": C, \"2.1\": C, \"2.2\": B, "
	         "\"2.3\": A, \"3.1\": A }")
	SCENARIO("fifteen-at-b", "B",
	         "{ \"1.1\": E, \"1.2\": D, \"2.1\": D, \"2.2\": C, "
	         "\"2.3\": B, \"3.1\": B }")
	SCENARIO("forty-five-at-a", "A",
	         "{ \"1.1\": E, \"1.2\": E, \"2.1\": E, \"2.2\": E, "
	         "\"2.3\": E, \"3.1\": D, \"4.1\": C, \"5.1\": C }")
	SCENARIO("certain", "{ probability: 1 }", "{ \"2.1\": { value: 9000 } }")
	SCENARIO("d-plus-at-e", "E", "{ \"2.1\": D+ }")
	SCENARIO("nine-b-plus", "B",
	         "{ \"1.1\": B+, \"1.2\": B+, \"2.1\": B+, \"2.2\": B+, "
	         "\"2.3\": B+, \"3.1\": B+, \"4.1\": B+, \"5.1\": B+, "
	         "\"5.2\": B+ }")
	SCENARIO("one-d-plus", "B", "{ \"5.3\": D+ }")
	SCENARIO("near", "C",
	         "{ \"1.1\": D, \"1.2\": C, \"2.1\": C, \"2.2\": B, "
	         "\"2.3\": A, \"3.1\": A, \"5.3\": A }");
enum { FIVE, FIFTEEN, FORTY_FIVE, CERTAIN, D_PLUS, NINE_B_PLUS, ONE_D_PLUS,
       NEAR, COUNT };

static natrisk_results *assess(const natrisk_assessment *a)
{
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, a, natrisk_method_default_profile(
		                                            natrisk_assessment_method(a))),
	                 0);
	return r;
}

/* Ranks by risk: 1, 1 for the pair at 5.90; 3 for near (3.98); 4, 4, 4
 * for the three-way tie (3.96); 7, 7 for the pair at 2.90. */
static void test_risk_ranks(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(TIES);
	natrisk_results *r = assess(a);
	static const int want[COUNT] = { 4, 4, 4, 1, 1, 7, 7, 3 };
	for (size_t i = 0; i < COUNT; i++)
		assert_int_equal(natrisk_results_get(r, i)->rank, want[i]);
	/* Ties in file order in the ranked order. */
	static const size_t order[COUNT] = { CERTAIN, D_PLUS, NEAR, FIVE,
		                             FIFTEEN, FORTY_FIVE, NINE_B_PLUS,
		                             ONE_D_PLUS };
	for (size_t k = 0; k < COUNT; k++)
		assert_int_equal(natrisk_results_order(r)[k], order[k]);
	/* The totals of nine B+ and one D+ are the same double. */
	assert_exact(natrisk_results_get(r, NINE_B_PLUS)->impact[NATRISK_EV].total,
	             natrisk_results_get(r, ONE_D_PLUS)->impact[NATRISK_EV].total);
	natrisk_results_free(r);
	natrisk_assessment_free(a);
}

/* Comparing two editions' risks is exact too: a scenario that moves from
 * 5 at C to 15 at B keeps its risk ("the same" in the report). */
static void test_compare_editions(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(TIES);
	natrisk_assessment *b = st_load(SCENARIO(
		"moved", "B", "{ \"1.1\": E, \"1.2\": D, \"2.1\": D, \"2.2\": C, "
		              "\"2.3\": B, \"3.1\": B }"));
	natrisk_results *ra = assess(a), *rb = assess(b);
	assert_int_equal(natrisk_results_compare_risk(ra, FIVE, rb, 0), 0);
	assert_int_equal(natrisk_results_compare_risk(ra, FORTY_FIVE, rb, 0), 0);
	assert_int_equal(natrisk_results_compare_risk(ra, NEAR, rb, 0), 1);
	assert_int_equal(natrisk_results_compare_risk(rb, 0, ra, NEAR), -1);
	assert_int_equal(natrisk_results_compare_risk(ra, CERTAIN, ra, D_PLUS),
	                 0);
	natrisk_results_free(ra);
	natrisk_results_free(rb);
	natrisk_assessment_free(a);
	natrisk_assessment_free(b);
}

/* The weighted-sum rankings of the robustness analysis order by total:
 * nine B+ and one D+ tie there too under equal weights (27 sqrt 3 / 10
 * each; the other profiles weigh their criteria differently). */
static void test_robustness_totals(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(TIES);
	natrisk_robustness *r = NULL;
	assert_int_equal(natrisk_robustness_new(&r, a), 0);
	int checked = 0;
	for (size_t k = 0; k < natrisk_robustness_count(r); k++) {
		const natrisk_ranking *ranking = natrisk_robustness_ranking(r, k);
		if (strcmp(ranking->id, "equal") != 0 &&
		    strcmp(ranking->id, "weighted-sum") != 0)
			continue;
		assert_int_equal(ranking->ranks[NINE_B_PLUS],
		                 ranking->ranks[ONE_D_PLUS]);
		checked++;
	}
	assert_int_equal(checked, 2);
	natrisk_robustness_free(r);
	natrisk_assessment_free(a);
}

/*
 * SMAA ranks risks too (risk rank acceptabilities): 5 at C and 15 at B
 * score the same criteria one class apart, so their risks are equal under
 * every weight vector; so are 9,000 deaths at p = 1 and D+ at E. Equal
 * risks share the better rank, so the twins' rows are identical, draw by
 * draw. Their impact ranks differ, and there 9,000 deaths (D) is below D+
 * in every draw: a quantity scores its class.
 */
static void test_smaa_risk_twins(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(TIES);
	natrisk_smaa_options o = st_options(4096, st_seed(901), 2,
	                                    NATRISK_SMAA_RISK);
	natrisk_smaa *s = st_run(a, &o);
	for (size_t r = 0; r < COUNT; r++) {
		assert_exact(natrisk_smaa_risk_acceptability(s, FIVE, r),
		             natrisk_smaa_risk_acceptability(s, FIFTEEN, r));
		assert_exact(natrisk_smaa_risk_acceptability(s, CERTAIN, r),
		             natrisk_smaa_risk_acceptability(s, D_PLUS, r));
	}
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * A quantity scores its class in SMAA as in the weighted sum: 9,000
 * deaths on 2.1 is D, worth 27 exactly in every draw, so it ties with a
 * plain D (both rank 1 in every iteration: ties share the better rank)
 * and ranks below D+ in every iteration. Before, 9,000 sat at 3.95 in
 * D's band and beat D+ (3.5) every time.
 */
static void test_smaa_quantity_scores_its_class(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("nine-thousand", "C", "{ \"2.1\": { value: 9000 } }")
		SCENARIO("plain-d", "C", "{ \"2.1\": D }")
		SCENARIO("d-plus", "C", "{ \"2.1\": D+ }"));
	enum { NINE_THOUSAND, PLAIN_D, DPLUS };
	natrisk_smaa_options o = st_options(4096, st_seed(902), 2,
	                                    NATRISK_SMAA_ALL);
	natrisk_smaa *s = st_run(a, &o);
	assert_exact(natrisk_smaa_rank_acceptability(s, DPLUS, 0), 1);
	assert_exact(natrisk_smaa_rank_acceptability(s, NINE_THOUSAND, 1), 1);
	assert_exact(natrisk_smaa_rank_acceptability(s, PLAIN_D, 1), 1);
	assert_exact(natrisk_smaa_pairwise(s, NINE_THOUSAND, PLAIN_D), 0);
	assert_exact(natrisk_smaa_pairwise(s, PLAIN_D, NINE_THOUSAND), 0);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * An exact score is never uncertain: 9,000 deaths alone, everywhere else
 * X, is worth 27 w_2.1 in every draw, so its impact class is exactly that
 * of a plain D: A when w < 1/9, B when w < 1/3, C from 1/3 (D needs w =
 * 1), the same counts draw for draw as for the plain D.
 */
static void test_smaa_exact_quantity_classes(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("nine-thousand", "C", "{ \"2.1\": { value: 9000 } }")
		SCENARIO("plain-d", "C", "{ \"2.1\": D }"));
	natrisk_smaa_options o = st_options(8192, st_seed(903), 2,
	                                    NATRISK_SMAA_CLASSES);
	natrisk_smaa *s = st_run(a, &o);
	for (int k = -1; k <= 4; k++)
		assert_exact(natrisk_smaa_class_probability(s, 0, k),
		             natrisk_smaa_class_probability(s, 1, k));
	assert_exact(natrisk_smaa_class_probability(s, 0, 3), 0);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_risk_ranks),
		cmocka_unit_test(test_compare_editions),
		cmocka_unit_test(test_robustness_totals),
		cmocka_unit_test(test_smaa_risk_twins),
		cmocka_unit_test(test_smaa_quantity_scores_its_class),
		cmocka_unit_test(test_smaa_exact_quantity_classes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
