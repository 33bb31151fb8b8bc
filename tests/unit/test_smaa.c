/*
 * test_smaa.c - SMAA-2 on assessments (natrisk_smaa_assessment; method.md
 * section 7, formats.md "natrisk smaa"): analytic cases whose results
 * follow from the method by hand, and the determinism promise.
 *
 * Method nrb-2008: 10 criteria (1.1 1.2 2.1 2.2 2.3 3.1 4.1 5.1 5.2 5.3),
 * class values X 0, A 1, B 3, C 9, D 27, E 81, "+" = times sqrt(3);
 * impact positions A = 0 .. E = 4, X = -1; likelihood positions class +
 * 1/2 (A = 0.5 .. E = 4.5). Weights are uniform on the simplex, so a
 * single weight w_c is Beta(1, 9): P(w_c >= x) = (1 - x)^9, and (w_1,
 * w_2) / (w_1 + w_2) is uniform on (0, 1) (Dirichlet aggregation).
 * A value is the weighted sum of the class values; the total's impact class
 * is the largest class whose value it reaches (X when 0).
 *
 * Statistical checks: 4 binomial or normal standard errors, fixed seeds
 * (NATRISK_TEST_SEED changes them; see smaa_support.h).
 */
#include "smaa_support.h"

#include <pthread.h>

enum { N = 20000 };

#define SCENARIO(id, kind, likelihood, impact)                               \
	"  - id: " id "\n"                                                   \
	"    title: " id "\n"                                                \
	"    kind: " kind "\n"                                               \
	"    likelihood: " likelihood "\n"                                   \
	"    impact: " impact "\n"

#define ALL_TEN(g)                                                           \
	"{ \"1.1\": " g ", \"1.2\": " g ", \"2.1\": " g ", \"2.2\": " g       \
	", \"2.3\": " g ", \"3.1\": " g ", \"4.1\": " g ", \"5.1\": " g       \
	", \"5.2\": " g ", \"5.3\": " g " }"

/* Variance of one weight of the uniform 10-simplex: 9 / (100 * 11). */
#define SIMPLEX_VAR (9.0 / 1100)

#define TWIN_IMPACT                                                          \
	"{ \"2.1\": { ll: B, ev: C, ul: D }, \"3.1\": { ll: A, ev: B, ul: C }, " \
	"\"5.2\": { ll: X, ev: A, ul: B } }"

/*
 * 1. Two scenarios with the same uncertain scores: their values are
 * i.i.d., so each ranks first with probability 1/2 (ties have probability
 * 0): b(i, 1) = b(i, 2) = 1/2 within 4 sqrt(0.25 / N). With two
 * alternatives a ranks first exactly when b is not strictly greater:
 * b(a, 1) = 1 - P(b > a). Each rank distribution has entropy
 * H(p) = 1 - (2 / ln 2)(p - 1/2)^2 + ..., at least 1 - 2.9 (4 sigma)^2.
 */
static void test_identical_scenarios(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(SCENARIO("twin-a", "threat", "C",
	                                         TWIN_IMPACT)
	                                SCENARIO("twin-b", "threat", "C",
	                                         TWIN_IMPACT));
	natrisk_smaa_options o = st_options(N, st_seed(101), 2,
	                                    NATRISK_SMAA_ALL);
	natrisk_smaa *s = st_run(a, &o);
	assert_int_equal(natrisk_smaa_alternatives(s), 2);
	assert_int_equal(natrisk_smaa_criteria(s), ST_N);
	assert_string_equal(natrisk_smaa_alternative_name(s, 1), "twin-b");
	assert_string_equal(natrisk_smaa_criterion_name(s, 5), "3.1");
	const double sigma = sqrt(0.25 / N);
	for (size_t i = 0; i < 2; i++) {
		for (size_t r = 0; r < 2; r++)
			assert_within_4sigma(
				natrisk_smaa_rank_acceptability(s, i, r), 0.5,
				sigma);
		assert_near(natrisk_smaa_rank_acceptability(s, i, 0) +
		                    natrisk_smaa_rank_acceptability(s, i, 1),
		            1, 1e-15);
		assert_near(natrisk_smaa_rank_acceptability(s, i, 0),
		            1 - natrisk_smaa_pairwise(s, 1 - i, i), 1e-15);
		assert_within_4sigma(natrisk_smaa_pairwise(s, i, 1 - i), 0.5,
		                     sigma);
		double h = natrisk_smaa_rank_entropy(s, i);
		assert_true(h <= 1);
		assert_true(h >= 1 - 2.9 * 16 * sigma * sigma);
	}
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * 2. Dominance. "top" against "low": 1.1 {C, D, E} against {A, B, C}
 * (positions >= 2 against < 2: a triangle's draws never reach its upper
 * end, and stay above its lower one), 2.1 D (exactly 27) against {B, C,
 * D} (< 27), 3.1 C against C (equal), the rest X against X: top's value
 * is at least low's for every weight vector, and greater whenever
 * w_1.1 + w_2.1 > 0, that is always (w_1.1 is the smallest cut, > 0).
 * "none" (all X, value 0) is below both (3.1 C gives both 9 w_3.1 > 0).
 * So top ranks first in every iteration (b = 1 exactly, its central
 * weights are the mean weight vector, 1/10 each within 4 sqrt(var / N));
 * low always second, none always third: no central weights, no
 * confidence factor. Under top's central weights (all > 0) top still
 * beats both in every draw: confidence factor exactly 1.
 */
static void test_dominated_scenario(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("top", "threat", "B",
		         "{ \"1.1\": { ll: C, ev: D, ul: E }, \"2.1\": D, "
		         "\"3.1\": C }")
		SCENARIO("low", "threat", "D",
		         "{ \"1.1\": { ll: A, ev: B, ul: C }, "
		         "\"2.1\": { ll: B, ev: C, ul: D }, \"3.1\": C }")
		SCENARIO("none", "threat", "E", "{}"));
	natrisk_smaa_options o = st_options(N, st_seed(102), 2,
	                                    NATRISK_SMAA_ALL);
	natrisk_smaa *s = st_run(a, &o);
	enum { TOP, LOW, NONE };
	assert_exact(natrisk_smaa_rank_acceptability(s, TOP, 0), 1);
	assert_exact(natrisk_smaa_rank_acceptability(s, LOW, 0), 0);
	assert_exact(natrisk_smaa_rank_acceptability(s, LOW, 1), 1);
	assert_exact(natrisk_smaa_rank_acceptability(s, NONE, 0), 0);
	assert_exact(natrisk_smaa_rank_acceptability(s, NONE, 2), 1);
	assert_exact(natrisk_smaa_rank_entropy(s, TOP), 0);
	assert_exact(natrisk_smaa_pairwise(s, TOP, LOW), 1);
	assert_exact(natrisk_smaa_pairwise(s, LOW, TOP), 0);
	assert_exact(natrisk_smaa_pairwise(s, LOW, NONE), 1);
	double x = -1;
	double sum = 0;
	for (size_t c = 0; c < ST_N; c++) {
		assert_true(natrisk_smaa_central_weight(s, TOP, c, &x));
		assert_within_4sigma(x, 0.1, sqrt(SIMPLEX_VAR / N));
		sum += x;
		assert_false(natrisk_smaa_central_weight(s, LOW, c, &x));
		assert_false(natrisk_smaa_central_weight(s, NONE, c, &x));
	}
	assert_near(sum, 1, 1e-12);
	assert_true(natrisk_smaa_confidence(s, TOP, &x));
	assert_exact(x, 1);
	assert_false(natrisk_smaa_confidence(s, LOW, &x));
	assert_false(natrisk_smaa_confidence(s, NONE, &x));
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/* A lone scenario ranks first always; its central weights are the mean of
 * all weight vectors, 1/n each within 4 sqrt(var / N); confidence 1. */
static void test_lone_scenario(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(SCENARIO(
		"alone", "threat", "C",
		"{ \"1.1\": A, \"2.2\": { ll: B, ev: C, ul: E } }"));
	natrisk_smaa_options o = st_options(N, st_seed(103), 1,
	                                    NATRISK_SMAA_CENTRAL |
	                                            NATRISK_SMAA_CONFIDENCE);
	natrisk_smaa *s = st_run(a, &o);
	assert_exact(natrisk_smaa_rank_acceptability(s, 0, 0), 1);
	double x, sum = 0;
	for (size_t c = 0; c < ST_N; c++) {
		assert_true(natrisk_smaa_central_weight(s, 0, c, &x));
		assert_within_4sigma(x, 0.1, sqrt(SIMPLEX_VAR / N));
		sum += x;
	}
	assert_near(sum, 1, 1e-12);
	assert_true(natrisk_smaa_confidence(s, 0, &x));
	assert_exact(x, 1);
	/* outputs not asked for are absent */
	assert_int_equal(natrisk_smaa_outputs(s),
	                 NATRISK_SMAA_CENTRAL | NATRISK_SMAA_CONFIDENCE);
	assert_int_equal(natrisk_smaa_iterations(s), N);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * 4 and 5. Impact classes and diagram cells.
 *  - all-c: C on all ten criteria: the total is 9 (w_1 + ... + w_10) = 9
 *    exactly (the weights are multiples of 2^-33, so every sum is exact):
 *    class C with probability 1, every other class 0. Likelihood C
 *    (position 2.5): cell (C, C) = 1.
 *  - all-c-plus: C+ everywhere, 9 sqrt(3) = 15.6 whatever the weights:
 *    class C; likelihood B+ (1.75): cell (B, C) = 1.
 *  - all-x: no criterion scored, total 0: class X = 1; in the cells a 0
 *    counts in impact class A. Likelihood {A, B, D}: positions 0.5, 1.5,
 *    3.5, triangular; F(1) = 0.5^2 / (3 * 1) = 1/12, F(2) = 1 - 1.5^2 /
 *    (3 * 2) = 5/8, F(3) = 1 - 0.5^2 / 6 = 23/24: rows A 1/12, B 13/24,
 *    C 1/3, D 1/24, E 0.
 *  - one-d: D on 1.1 only, total 27 w: A when w < 1/9, B when 1/9 <= w <
 *    1/3, C when w >= 1/3 (D would need w = 1): P(A) = 1 - (8/9)^9,
 *    P(B) = (8/9)^9 - (2/3)^9, P(C) = (2/3)^9; likelihood E: row E.
 *  - fatal: 2.1 given as 300 fatalities, which score their class C
 *    (method.md section 3), worth 9 exactly as in the weighted sum, not
 *    the quantity's place in C's band: total 9 w: A when w < 1/3, B
 *    when w >= 1/3 (C would need w = 1): P(A) = 1 - (2/3)^9, P(B) =
 *    (2/3)^9, P(C) = 0; likelihood probability 0.03 in [0.005, 0.05):
 *    row C.
 */
static void test_classes_and_cells(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("all-c", "threat", "C", ALL_TEN("C"))
		SCENARIO("all-c-plus", "threat", "B+", ALL_TEN("C+"))
		SCENARIO("all-x", "threat", "{ ll: A, ev: B, ul: D }", "{}")
		SCENARIO("one-d", "threat", "E", "{ \"1.1\": D }")
		SCENARIO("fatal", "hazard", "{ probability: 0.03 }",
		         "{ \"2.1\": { value: 300 } }"));
	enum { ALL_C, ALL_C_PLUS, ALL_X, ONE_D, FATAL };
	natrisk_smaa_options o = st_options(N, st_seed(104), 2,
	                                    NATRISK_SMAA_CLASSES |
	                                            NATRISK_SMAA_CELLS |
	                                            NATRISK_SMAA_CLOUD);
	natrisk_smaa *s = st_run(a, &o);
	for (int k = -1; k <= 4; k++) {
		assert_exact(natrisk_smaa_class_probability(s, ALL_C, k),
		             k == 2);
		assert_exact(natrisk_smaa_class_probability(s, ALL_C_PLUS, k),
		             k == 2);
		assert_exact(natrisk_smaa_class_probability(s, ALL_X, k),
		             k == -1);
	}
	for (int l = 0; l < 5; l++)
		for (int k = 0; k < 5; k++) {
			assert_exact(natrisk_smaa_cell_probability(s, ALL_C, l, k),
			             l == 2 && k == 2);
			assert_exact(
				natrisk_smaa_cell_probability(s, ALL_C_PLUS, l, k),
				l == 1 && k == 2);
			if (k > 0)
				assert_exact(
					natrisk_smaa_cell_probability(s, ALL_X, l, k),
					0);
		}
	/* the likelihood triangle {A, B, D} */
	const double rows[5] = { 1.0 / 12, 13.0 / 24, 1.0 / 3, 1.0 / 24, 0 };
	for (int l = 0; l < 5; l++)
		assert_share(natrisk_smaa_cell_probability(s, ALL_X, l, 0),
		             rows[l], N);
	assert_exact(natrisk_smaa_cell_probability(s, ALL_X, 4, 0), 0);
	/* D on one criterion */
	double pa = 1 - pow(8.0 / 9, 9), pc = pow(2.0 / 3, 9);
	double pb = 1 - pa - pc;
	assert_share(natrisk_smaa_class_probability(s, ONE_D, 0), pa, N);
	assert_share(natrisk_smaa_class_probability(s, ONE_D, 1), pb, N);
	assert_share(natrisk_smaa_class_probability(s, ONE_D, 2), pc, N);
	assert_exact(natrisk_smaa_class_probability(s, ONE_D, -1), 0);
	assert_exact(natrisk_smaa_class_probability(s, ONE_D, 3), 0);
	assert_exact(natrisk_smaa_class_probability(s, ONE_D, 4), 0);
	for (int k = 0; k < 5; k++)
		assert_near(natrisk_smaa_cell_probability(s, ONE_D, 4, k),
		            natrisk_smaa_class_probability(s, ONE_D, k), 1e-15);
	/* a quantity, at its class value */
	double up_b = pow(2.0 / 3, 9);
	assert_share(natrisk_smaa_class_probability(s, FATAL, 0), 1 - up_b, N);
	assert_share(natrisk_smaa_class_probability(s, FATAL, 1), up_b, N);
	assert_exact(natrisk_smaa_class_probability(s, FATAL, 2), 0);
	for (int k = 0; k < 5; k++)
		assert_near(natrisk_smaa_cell_probability(s, FATAL, 2, k),
		            natrisk_smaa_class_probability(s, FATAL, k), 1e-15);
	/*
	 * The cloud of all-x: impact bin 0 (a total of 0), likelihood bins of
	 * 1/8: bin 12 is [1.5, 1.625): F(1.625) - F(1.5) = (1 - 1.875^2 / 6)
	 * - 1/3 = 0.080729...; bins 0..7 together are [0, 1): 1/12; bins
	 * from 28 (3.5) on are empty.
	 */
	const size_t bins = NATRISK_SMAA_CLOUD_BINS;
	double first_row = 0;
	for (size_t l = 0; l < bins; l++)
		for (size_t k = 1; k < bins; k++)
			assert_exact(natrisk_smaa_cloud(s, ALL_X, l, k), 0);
	for (size_t l = 0; l < 8; l++)
		first_row += natrisk_smaa_cloud(s, ALL_X, l, 0);
	assert_share(first_row, 1.0 / 12, N);
	assert_share(natrisk_smaa_cloud(s, ALL_X, 12, 0),
	             1 - 1.875 * 1.875 / 6 - 1.0 / 3, N);
	for (size_t l = 28; l < bins; l++)
		assert_exact(natrisk_smaa_cloud(s, ALL_X, l, 0), 0);
	/* all-c: impact position log_3 9 = 2 exactly in bin 16, likelihood
	 * 2.5 in bin 20 */
	assert_near(natrisk_smaa_cloud(s, ALL_C, 20, 16), 1, 1e-15);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * A scenario that scores the same class K on every criterion is worth
 * sum_c w_c v_K = v_K, since the weights sum to 1, whatever weights are
 * drawn: its impact class is K with probability exactly 1, also with
 * constrained or profile weights. Scenarios at B, C, D and E everywhere;
 * weights (a) uniform under a branching order 0 > 1, 0 > 2 (rejection,
 * scalar simplex draws) and (b) Dirichlet around the equal profile with
 * K = 100.
 */
static void check_uniform_classes(const natrisk_smaa_weights *weights,
                                  uint64_t seed)
{
	natrisk_assessment *a = st_load(
		SCENARIO("all-b", "threat", "A", ALL_TEN("B"))
		SCENARIO("all-c", "threat", "A", ALL_TEN("C"))
		SCENARIO("all-d", "threat", "A", ALL_TEN("D"))
		SCENARIO("all-e", "threat", "A", ALL_TEN("E")));
	natrisk_smaa_options o = st_options(4096, seed, 2,
	                                    NATRISK_SMAA_CLASSES);
	o.weights = *weights;
	natrisk_smaa *s = st_run(a, &o);
	double p[4];
	for (size_t i = 0; i < 4; i++)
		p[i] = natrisk_smaa_class_probability(s, i, (int)i + 1);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
	int wrong = 0;
	for (size_t i = 0; i < 4; i++)
		if (p[i] != 1) {
			print_error("%c on every criterion: P(class %c) = "
			            "%.6f, expected exactly 1\n", "BCDE"[i],
			            "BCDE"[i], p[i]);
			wrong++;
		}
	assert_int_equal(wrong, 0);
}

static void test_classes_exact_constrained(void **state)
{
	(void)state;
	size_t greater[] = { 0, 0 }, lesser[] = { 1, 2 };
	natrisk_smaa_weights w = { 0 };
	w.greater = greater;
	w.lesser = lesser;
	w.order_count = 2;
	check_uniform_classes(&w, st_seed(110));
}

static void test_classes_exact_dirichlet(void **state)
{
	(void)state;
	double profile[ST_N];
	for (size_t c = 0; c < ST_N; c++)
		profile[c] = 0.1;
	natrisk_smaa_weights w = { 0 };
	w.mean = profile;
	w.concentration = 100;
	check_uniform_classes(&w, st_seed(111));
}

/*
 * Ties share the better rank (method.md: 1, 1, 3). "c1" and "c2" both
 * score C on 1.1 only: their values, 9 w_1.1, are the same bits in every
 * iteration; "b" scores B there (3 w_1.1, strictly less since w_1.1 > 0).
 * Ranks 1, 1, 3: b(c1, 1) = b(c2, 1) = 1, b(b, 3) = 1, nothing at rank 2;
 * neither twin is strictly above the other; both have central weights and
 * confidence 1 (a tie still counts as first).
 */
static void test_ties_share_rank(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("c1", "threat", "A", "{ \"1.1\": C }")
		SCENARIO("c2", "threat", "A", "{ \"1.1\": C }")
		SCENARIO("b", "threat", "A", "{ \"1.1\": B }"));
	natrisk_smaa_options o = st_options(3 * SMAA_BATCH + 5, st_seed(105),
	                                    1, NATRISK_SMAA_ALL);
	natrisk_smaa *s = st_run(a, &o);
	for (size_t i = 0; i < 2; i++) {
		assert_exact(natrisk_smaa_rank_acceptability(s, i, 0), 1);
		assert_exact(natrisk_smaa_rank_acceptability(s, i, 1), 0);
		double x;
		assert_true(natrisk_smaa_central_weight(s, i, 0, &x));
		assert_true(natrisk_smaa_confidence(s, i, &x));
		assert_exact(x, 1);
	}
	assert_exact(natrisk_smaa_rank_acceptability(s, 2, 2), 1);
	assert_exact(natrisk_smaa_pairwise(s, 0, 1), 0);
	assert_exact(natrisk_smaa_pairwise(s, 1, 0), 0);
	assert_exact(natrisk_smaa_pairwise(s, 0, 2), 1);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * Weighted sums against each other, and central weights.
 *  - "d" (D on 1.1) against "cc" (C on 1.1 and on 2.1): d > cc iff
 *    27 w_1 > 9 w_1 + 9 w_2 iff w_1 / (w_1 + w_2) > 1/3: probability 2/3.
 *  - "c11" (C on 1.1) against "c21" (C on 2.1): c11 first iff w_1 > w_2,
 *    probability 1/2. Given that, w_1 is the larger of two simplex
 *    components, mean (1 + 1/2) / 10 = 0.15, w_2 the smaller, 0.05, every
 *    other weight keeps 1/10 (Rényi's representation, see
 *    test_smaa_weights.c): variances [n sum a^2 - (sum a)^2] / (n^2 (n +
 *    1)) with a = (1, 1/2), (0, 1/2) and (1): 10.25 / 1100, 2.25 / 1100
 *    and 9 / 1100, over about N / 2 iterations. Under its central weights
 *    (w_1 > w_2) c11 is worth more than c21 in every draw: confidence 1;
 *    the same for c21.
 */
static void test_weighted_sums(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("d", "threat", "A", "{ \"1.1\": D }")
		SCENARIO("cc", "threat", "A", "{ \"1.1\": C, \"2.1\": C }"));
	natrisk_smaa_options o = st_options(N, st_seed(106), 2,
	                                    NATRISK_SMAA_ALL);
	natrisk_smaa *s = st_run(a, &o);
	assert_share(natrisk_smaa_pairwise(s, 0, 1), 2.0 / 3, N);
	assert_share(natrisk_smaa_rank_acceptability(s, 0, 0), 2.0 / 3, N);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);

	a = st_load(SCENARIO("c11", "threat", "A", "{ \"1.1\": C }")
	            SCENARIO("c21", "threat", "A", "{ \"2.1\": C }"));
	o.seed = st_seed(107);
	s = st_run(a, &o);
	double first = natrisk_smaa_rank_acceptability(s, 0, 0);
	assert_share(first, 0.5, N);
	/* criterion indices: 1.1 is 0, 2.1 is 2 */
	for (size_t i = 0; i < 2; i++) {
		size_t own = i == 0 ? 0 : 2, rival = i == 0 ? 2 : 0;
		double count = (i == 0 ? first : 1 - first) * N, x;
		assert_true(natrisk_smaa_central_weight(s, i, own, &x));
		assert_within_4sigma(x, 0.15, sqrt(10.25 / 1100 / count));
		assert_true(natrisk_smaa_central_weight(s, i, rival, &x));
		assert_within_4sigma(x, 0.05, sqrt(2.25 / 1100 / count));
		for (size_t c = 0; c < ST_N; c++) {
			if (c == 0 || c == 2)
				continue;
			assert_true(natrisk_smaa_central_weight(s, i, c, &x));
			assert_within_4sigma(x, 0.1, sqrt(SIMPLEX_VAR / count));
		}
		assert_true(natrisk_smaa_confidence(s, i, &x));
		assert_exact(x, 1);
	}
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * Seven scenarios "k<c>", each C on criterion c only (c = 0..6), and one
 * that scores nothing. k<c> is first iff w_c is the largest of w_0..w_6:
 * probability 1/7 each, never for "nil". Given that, w_c is the largest of
 * seven simplex components: mean H_7 / 10 with H_7 = 1 + 1/2 + ... + 1/7
 * = 363/140, variance [10 S - H_7^2] / 1100 with S = sum 1/j^2 (Rényi;
 * see test_smaa_weights.c), over about N/7 iterations; the three criteria
 * outside the seven keep 1/10. Under its central weights (its own weight
 * the largest) each k<c> beats every other in every draw: confidence
 * exactly 1 for all seven, which the confidence pass values in two blocks
 * (six owners, then one).
 */
static void test_seven_owners(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("k0", "threat", "A", "{ \"1.1\": C }")
		SCENARIO("k1", "threat", "A", "{ \"1.2\": C }")
		SCENARIO("k2", "threat", "A", "{ \"2.1\": C }")
		SCENARIO("k3", "threat", "A", "{ \"2.2\": C }")
		SCENARIO("k4", "threat", "A", "{ \"2.3\": C }")
		SCENARIO("k5", "threat", "A", "{ \"3.1\": C }")
		SCENARIO("k6", "threat", "A", "{ \"4.1\": C }")
		SCENARIO("nil", "threat", "A", "{}"));
	natrisk_smaa_options o = st_options(N, st_seed(112), 3,
	                                    NATRISK_SMAA_CENTRAL |
	                                            NATRISK_SMAA_CONFIDENCE);
	natrisk_smaa *s = st_run(a, &o);
	const double h7 = 363.0 / 140;
	double sum2 = 0;
	for (int j = 1; j <= 7; j++)
		sum2 += 1.0 / (j * j);
	const double var = (10 * sum2 - h7 * h7) / 1100;
	for (size_t i = 0; i < 7; i++) {
		double first = natrisk_smaa_rank_acceptability(s, i, 0), x;
		assert_share(first, 1.0 / 7, N);
		assert_true(natrisk_smaa_central_weight(s, i, i, &x));
		assert_within_4sigma(x, h7 / 10, sqrt(var / (first * N)));
		for (size_t c = 7; c < ST_N; c++) {
			assert_true(natrisk_smaa_central_weight(s, i, c, &x));
			assert_within_4sigma(x, 0.1,
			                     sqrt(SIMPLEX_VAR / (first * N)));
		}
		assert_true(natrisk_smaa_confidence(s, i, &x));
		assert_exact(x, 1);
	}
	double x;
	assert_exact(natrisk_smaa_rank_acceptability(s, 7, 0), 0);
	assert_false(natrisk_smaa_confidence(s, 7, &x));
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/*
 * The risk ranking adds the likelihood and impact positions. "hi": D on
 * every criterion (impact position 3), likelihood B (1.5): 4.5. "lo": C
 * everywhere (2), likelihood {A, B, D} (0.5, 1.5, 3.5): 2 + L, above 4.5
 * iff L > 2.5: probability (3.5 - 2.5)^2 / ((3.5 - 0.5)(3.5 - 1.5)) = 1/6.
 * By impact alone hi is always first (27 > 9).
 */
static void test_risk_ranking(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("hi", "threat", "B", ALL_TEN("D"))
		SCENARIO("lo", "threat", "{ ll: A, ev: B, ul: D }",
		         ALL_TEN("C")));
	natrisk_smaa_options o = st_options(N, st_seed(108), 2,
	                                    NATRISK_SMAA_RISK);
	natrisk_smaa *s = st_run(a, &o);
	assert_exact(natrisk_smaa_rank_acceptability(s, 0, 0), 1);
	assert_share(natrisk_smaa_risk_acceptability(s, 1, 0), 1.0 / 6, N);
	assert_share(natrisk_smaa_risk_acceptability(s, 0, 0), 5.0 / 6, N);
	assert_near(natrisk_smaa_risk_acceptability(s, 0, 0) +
	                    natrisk_smaa_risk_acceptability(s, 0, 1),
	            1, 1e-15);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/* Every output of two results, compared bit for bit. */
static void assert_same_results(const natrisk_smaa *a, const natrisk_smaa *b)
{
	size_t m = natrisk_smaa_alternatives(a), n = natrisk_smaa_criteria(a);
	assert_int_equal(natrisk_smaa_alternatives(b), m);
	assert_int_equal(natrisk_smaa_criteria(b), n);
	const size_t bins = NATRISK_SMAA_CLOUD_BINS;
	for (size_t i = 0; i < m; i++) {
		for (size_t r = 0; r < m; r++) {
			assert_exact(natrisk_smaa_rank_acceptability(a, i, r),
			             natrisk_smaa_rank_acceptability(b, i, r));
			assert_exact(natrisk_smaa_risk_acceptability(a, i, r),
			             natrisk_smaa_risk_acceptability(b, i, r));
			assert_exact(natrisk_smaa_pairwise(a, i, r),
			             natrisk_smaa_pairwise(b, i, r));
		}
		for (size_t c = 0; c < n; c++) {
			double x = -1, y = -2;
			bool has = natrisk_smaa_central_weight(a, i, c, &x);
			assert_int_equal(has,
			                 natrisk_smaa_central_weight(b, i, c, &y));
			if (has)
				assert_exact(x, y);
		}
		double x = -1, y = -2;
		bool has = natrisk_smaa_confidence(a, i, &x);
		assert_int_equal(has, natrisk_smaa_confidence(b, i, &y));
		if (has)
			assert_exact(x, y);
		assert_exact(natrisk_smaa_rank_entropy(a, i),
		             natrisk_smaa_rank_entropy(b, i));
		for (int k = -1; k < 5; k++)
			assert_exact(natrisk_smaa_class_probability(a, i, k),
			             natrisk_smaa_class_probability(b, i, k));
		for (int l = 0; l < 5; l++)
			for (int k = 0; k < 5; k++)
				assert_exact(
					natrisk_smaa_cell_probability(a, i, l, k),
					natrisk_smaa_cell_probability(b, i, l, k));
		for (size_t l = 0; l < bins; l++)
			for (size_t k = 0; k < bins; k++)
				assert_exact(natrisk_smaa_cloud(a, i, l, k),
				             natrisk_smaa_cloud(b, i, l, k));
	}
}

static bool results_differ(const natrisk_smaa *a, const natrisk_smaa *b)
{
	size_t m = natrisk_smaa_alternatives(a);
	for (size_t i = 0; i < m; i++)
		for (size_t r = 0; r < m; r++)
			if (natrisk_smaa_rank_acceptability(a, i, r) !=
			    natrisk_smaa_rank_acceptability(b, i, r))
				return true;
	return false;
}

/* Eight scenarios (more than one confidence block of six), uncertain
 * scores and likelihoods. */
static const char DETERMINISM_YAML[] =
	SCENARIO("s1", "threat", "{ ll: A, ev: B, ul: D }",
	         "{ \"1.1\": { ll: B, ev: C, ul: D }, \"2.2\": C+ }")
	SCENARIO("s2", "threat", "{ ll: B, ev: C, ul: C+ }",
	         "{ \"1.2\": { ll: A, ev: C, ul: E }, \"3.1\": B }")
	SCENARIO("s3", "hazard", "{ probability: 0.02 }",
	         "{ \"2.1\": { ll: B, ev: { value: 300 }, ul: D }, "
	         "\"5.1\": { ll: X, ev: A, ul: B } }")
	SCENARIO("s4", "threat", "D",
	         "{ \"4.1\": { ll: C, ev: C+, ul: D }, \"5.3\": B }")
	SCENARIO("s5", "threat", "{ ll: C, ev: D, ul: E }",
	         "{ \"2.3\": { ll: A, ev: B, ul: B+ }, \"1.1\": A }")
	SCENARIO("s6", "threat", "E", "{ \"5.2\": { ll: B, ev: D, ul: E } }")
	SCENARIO("s7", "threat", "A",
	         "{ \"3.1\": { ll: C, ev: C, ul: D }, \"1.2\": B }")
	SCENARIO("s8", "threat", "B+", ALL_TEN("{ ll: X, ev: A, ul: B }"));

/*
 * 6. The same seed gives the same result whatever the number of threads
 * (1, 2, 3, and one per processor), with 10007 iterations (not a multiple
 * of the batch of 32 or the chunk of 4096); another seed changes the rank
 * acceptabilities. Both with plain weights and with constrained ones (a
 * branching order, drawn per iteration by rejection).
 */
static void test_determinism(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(DETERMINISM_YAML);
	size_t greater[] = { 0, 0 }, lesser[] = { 1, 2 };
	for (int constrained = 0; constrained < 2; constrained++) {
		natrisk_smaa_options o = st_options(10007, st_seed(20240601), 1,
		                                    NATRISK_SMAA_ALL);
		if (constrained) {
			o.weights.greater = greater;
			o.weights.lesser = lesser;
			o.weights.order_count = 2;
		}
		natrisk_smaa *one = st_run(a, &o);
		const int threads[] = { 2, 3, 0 };
		for (size_t t = 0; t < 3; t++) {
			o.threads = threads[t];
			natrisk_smaa *s = st_run(a, &o);
			assert_same_results(one, s);
			natrisk_smaa_free(s);
		}
		o.threads = 2;
		o.seed = st_seed(20240601) + 1;
		natrisk_smaa *other = st_run(a, &o);
		assert_true(results_differ(one, other));
		natrisk_smaa_free(other);
		natrisk_smaa_free(one);
	}
	natrisk_assessment_free(a);
}

static double triangle_cdf(double lo, double mode, double hi, double x)
{
	if (x <= lo)
		return 0;
	if (x >= hi)
		return 1;
	if (x <= mode)
		return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo));
	return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
}

/*
 * Confidence factors with uncertain measurements. "a": 1.1 {A, C, E}
 * (position P triangular on 0, 2, 4), value w_1 3^P; "b": 2.1 C, value
 * 9 w_2.
 *  - a ranks first iff U = w_1 / (w_1 + w_2) > 9 / (9 + 3^P), U uniform
 *    on (0, 1): probability g(P) = 1 / (1 + 3^(2 - P)); g(2 + d) +
 *    g(2 - d) = 1 and P is symmetric about 2, so b(a, 1) = 1/2.
 *  - Under a's central weights (c_1, c_2), a is first iff c_1 3^P >
 *    9 c_2, i.e. P > t = 2 + log_3(c_2 / c_1): confidence 1 - F(t), F the
 *    triangular CDF; under b's (d_1, d_2), b is first iff P <= 2 +
 *    log_3(d_2 / d_1): confidence F(t'). The central weights are the
 *    engine's; the confidence factors are then checked within 4 binomial
 *    standard errors.
 */
static void test_confidence_factors(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(
		SCENARIO("a", "threat", "A", "{ \"1.1\": { ll: A, ev: C, ul: E } }")
		SCENARIO("b", "threat", "A", "{ \"2.1\": C }"));
	natrisk_smaa_options o = st_options(N, st_seed(109), 2,
	                                    NATRISK_SMAA_CENTRAL |
	                                            NATRISK_SMAA_CONFIDENCE);
	natrisk_smaa *s = st_run(a, &o);
	assert_share(natrisk_smaa_rank_acceptability(s, 0, 0), 0.5, N);
	double c1, c2, d1, d2, conf_a, conf_b;
	assert_true(natrisk_smaa_central_weight(s, 0, 0, &c1));
	assert_true(natrisk_smaa_central_weight(s, 0, 2, &c2));
	assert_true(natrisk_smaa_central_weight(s, 1, 0, &d1));
	assert_true(natrisk_smaa_central_weight(s, 1, 2, &d2));
	assert_true(natrisk_smaa_confidence(s, 0, &conf_a));
	assert_true(natrisk_smaa_confidence(s, 1, &conf_b));
	double ta = 2 + log(c2 / c1) / log(3), tb = 2 + log(d2 / d1) / log(3);
	assert_share(conf_a, 1 - triangle_cdf(0, 2, 4, ta), N);
	assert_share(conf_b, triangle_cdf(0, 2, 4, tb), N);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

typedef struct progress_log {
	pthread_t caller;
	int calls, foreign, backwards;
	uint64_t last, total;
} progress_log;

static void progress_record(void *user, uint64_t done, uint64_t total)
{
	progress_log *log = user;
	log->calls++;
	if (!pthread_equal(pthread_self(), log->caller))
		log->foreign++;
	if (done < log->last || done > total)
		log->backwards++;
	log->last = done;
	log->total = total;
}

/* Progress: from the calling thread only, never going back, both passes
 * counted (total = 2 x iterations with confidence factors); with one
 * thread the last report is the total. (With several threads the calling
 * thread reports only the chunks it ran itself, possibly none: "now and
 * then".) */
static void test_progress(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(DETERMINISM_YAML);
	const int threads[] = { 1, 3 };
	for (size_t t = 0; t < 2; t++) {
		progress_log log;
		memset(&log, 0, sizeof log);
		log.caller = pthread_self();
		natrisk_smaa_options o = st_options(10007, 5, threads[t],
		                                    NATRISK_SMAA_ALL);
		o.progress = progress_record;
		o.progress_user = &log;
		natrisk_smaa *s = st_run(a, &o);
		assert_int_equal(log.foreign, 0);
		assert_int_equal(log.backwards, 0);
		if (threads[t] == 1) {
			assert_true(log.calls > 0);
			assert_int_equal(log.total, 2 * 10007);
			assert_int_equal(log.last, 2 * 10007);
		}
		natrisk_smaa_free(s);
	}
	natrisk_assessment_free(a);
}

/* Options nothing can meet are NATRISK_EINVALID, with no result. */
static void test_invalid_options(void **state)
{
	(void)state;
	natrisk_assessment *a = st_load(SCENARIO("one", "threat", "A",
	                                         "{ \"1.1\": C }"));
	/* a pointer that is not NULL: the call must reset it */
	natrisk_smaa *s = (natrisk_smaa *)&s;
	natrisk_smaa_options o = st_options(0, 1, 1, NATRISK_SMAA_ALL);
	assert_int_equal(natrisk_smaa_assessment(&s, a, &o), NATRISK_EINVALID);
	assert_null(s);

	o.iterations = 100;
	size_t greater[] = { 0, 1 }, lesser[] = { 1, 0 };
	o.weights.greater = greater;
	o.weights.lesser = lesser;
	o.weights.order_count = 2;
	s = (natrisk_smaa *)&s;
	assert_int_equal(natrisk_smaa_assessment(&s, a, &o), NATRISK_EINVALID);
	assert_null(s);
	assert_true(strlen(natrisk_error_last()) > 0);

	double lower[ST_N], upper[ST_N];
	for (size_t c = 0; c < ST_N; c++) {
		lower[c] = 0.15; /* sum 1.5 */
		upper[c] = 1;
	}
	memset(&o.weights, 0, sizeof o.weights);
	o.weights.lower = lower;
	o.weights.upper = upper;
	s = (natrisk_smaa *)&s;
	assert_int_equal(natrisk_smaa_assessment(&s, a, &o), NATRISK_EINVALID);
	assert_null(s);
	natrisk_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical_scenarios),
		cmocka_unit_test(test_dominated_scenario),
		cmocka_unit_test(test_lone_scenario),
		cmocka_unit_test(test_classes_and_cells),
		cmocka_unit_test(test_classes_exact_constrained),
		cmocka_unit_test(test_classes_exact_dirichlet),
		cmocka_unit_test(test_ties_share_rank),
		cmocka_unit_test(test_weighted_sums),
		cmocka_unit_test(test_seven_owners),
		cmocka_unit_test(test_risk_ranking),
		cmocka_unit_test(test_determinism),
		cmocka_unit_test(test_confidence_factors),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_invalid_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
