/*
 * test_ordinal.c - the robustness methods of ordinal.h on examples worked
 * out by hand: the medal method with ties, Evamix step by step on a small
 * mixed ordinal/cardinal problem, Kendall's tau-b with and without ties,
 * the method-dependent scenarios, and the bundle on an assessment. The
 * fast algorithms against their definitions on random inputs are in
 * test_ordinal_random.c.
 */
#include "unit_support.h"

#include <natrisk/ordinal.h>

/* ---- ranking scores ---- */

/* Scores 0.5, 0.5 + 1e-12, 0.2, 0.9 with tolerance 1e-9: the first two
 * are closer than the tolerance and tie. 0.9 is first; the tied pair has
 * one score above it, so both are rank 2; 0.2 has three above: rank 4. */
static void test_rank_scores(void **state)
{
	(void)state;
	const double scores[] = { 0.5, 0.5 + 1e-12, 0.2, 0.9 };
	int ranks[4];
	natrisk_rank_scores(scores, 4, 1e-9, ranks);
	assert_int_equal(ranks[0], 2);
	assert_int_equal(ranks[1], 2);
	assert_int_equal(ranks[2], 4);
	assert_int_equal(ranks[3], 1);
	/* Without tolerance the 1e-12 counts. */
	natrisk_rank_scores(scores, 4, 0.0, ranks);
	assert_int_equal(ranks[0], 3);
	assert_int_equal(ranks[1], 2);
}

/* ---- the medal method ---- */

/*
 * Counts per scenario, as (A, B, C, D, E):
 *
 *   s0  (0, 0, 2, 0, 1)   one E, no D, two C
 *   s1  (0, 0, 0, 3, 0)   no E, three D
 *   s2  (0, 0, 2, 0, 1)   as s0
 *   s3  (0, 0, 0, 1, 1)   one E, one D
 *   s4  (0, 1, 0, 3, 0)   no E, three D, one B
 *
 * Compare E first: s0, s2, s3 have one E, s1 and s4 none. Among the first
 * three, D decides: s3 has one, s0 and s2 none; s0 and s2 are equal in
 * every class and tie. Among s1 and s4: E and D are equal (0, 3), C is
 * equal (0), B decides for s4. Order: s3; s0 = s2; s4; s1. With the
 * competition rule: s3 1, s0 2, s2 2, s4 4, s1 5.
 */
static void test_medal_counts(void **state)
{
	(void)state;
	const size_t counts[] = {
		0, 0, 2, 0, 1,
		0, 0, 0, 3, 0,
		0, 0, 2, 0, 1,
		0, 0, 0, 1, 1,
		0, 1, 0, 3, 0,
	};
	int ranks[5];
	natrisk_medal_rank_counts(counts, 5, ranks);
	assert_int_equal(ranks[0], 2);
	assert_int_equal(ranks[1], 5);
	assert_int_equal(ranks[2], 2);
	assert_int_equal(ranks[3], 1);
	assert_int_equal(ranks[4], 4);
}

/*
 * The same on an assessment (nrb-2008), to see what counts as a medal: a
 * "+" counts in its class (5.3 C+ is a C, 1.2 E+ an E), a quantity in the
 * class the thresholds give it (300 fatalities: C; 13e9 euros: D), X
 * nowhere. Counts (C, D, E):
 *
 *   alpha        1.1 E, 2.1 300 (C), 5.3 C+          E1 D0 C2
 *   beta         2.2 D, 3.1 13e9 (D), 5.1 D          E0 D3
 *   gamma        1.2 E+, 4.1 C, 5.2 C                E1 D0 C2
 *   delta        1.1 E, 2.3 D                        E1 D1
 *   eps          2.2 D, 3.1 D, 5.1 D, 5.2 B          E0 D3 B1
 *   alpha-copy   as alpha                            E1 D0 C2
 *   nil          nothing (all X)                     -
 *
 * delta 1; alpha, gamma, alpha-copy tie at 2; eps 5 (B beats beta);
 * beta 6; nil 7.
 */
static const char MEDAL_YAML[] =
	"natrisk: 1\n"
	"title: Unit ordinal\n"
	"method: nrb-2008\n"
	"scenarios:\n"
	"  - id: alpha\n    title: Alpha\n    kind: hazard\n"
	"    likelihood: C\n"
	"    impact: { \"1.1\": E, \"2.1\": { value: 300 }, \"5.3\": C+ }\n"
	"  - id: beta\n    title: Beta\n    kind: hazard\n"
	"    likelihood: C\n"
	"    impact: { \"2.2\": D, \"3.1\": { value: 13e9 }, \"5.1\": D }\n"
	"  - id: gamma\n    title: Gamma\n    kind: threat\n"
	"    likelihood: C\n"
	"    impact: { \"1.2\": E+, \"4.1\": C, \"5.2\": C }\n"
	"  - id: delta\n    title: Delta\n    kind: hazard\n"
	"    likelihood: C\n"
	"    impact: { \"1.1\": E, \"2.3\": D }\n"
	"  - id: eps\n    title: Eps\n    kind: hazard\n"
	"    likelihood: C\n"
	"    impact: { \"2.2\": D, \"3.1\": D, \"5.1\": D, \"5.2\": B }\n"
	"  - id: alpha-copy\n    title: Alpha again\n    kind: hazard\n"
	"    likelihood: C\n"
	"    impact: { \"1.1\": E, \"2.1\": { value: 300 }, \"5.3\": C+ }\n"
	"  - id: nil\n    title: Nothing\n    kind: hazard\n"
	"    likelihood: A\n"
	"    impact: {}\n";

enum { ALPHA, BETA, GAMMA, DELTA, EPS, ALPHA_COPY, NIL, SCENARIOS };

static int setup(void **state)
{
	unit_use_tree_methods();
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	if (unit_load(&a, diag, "ordinal.yaml", MEDAL_YAML) != 0) {
		unit_diag_dump(diag);
		natrisk_diag_free(diag);
		return -1;
	}
	natrisk_diag_free(diag);
	*state = a;
	return 0;
}

static int teardown(void **state)
{
	natrisk_assessment_free(*state);
	return 0;
}

static void test_medal_assessment(void **state)
{
	const natrisk_assessment *a = *state;
	size_t counts[NATRISK_CLASS_COUNT];
	natrisk_medal_counts(a, ALPHA, counts);
	assert_int_equal(counts[NATRISK_CLASS_E], 1);
	assert_int_equal(counts[3], 0);
	assert_int_equal(counts[2], 2);
	assert_int_equal(counts[1], 0);
	assert_int_equal(counts[0], 0);
	natrisk_medal_counts(a, NIL, counts);
	for (int k = 0; k < NATRISK_CLASS_COUNT; k++)
		assert_int_equal(counts[k], 0);

	int ranks[SCENARIOS];
	assert_int_equal(natrisk_medal_assessment(a, ranks), 0);
	static const int want[SCENARIOS] = { 2, 6, 2, 1, 5, 2, 7 };
	for (size_t i = 0; i < SCENARIOS; i++)
		assert_int_equal(ranks[i], want[i]);
}

/* ---- Evamix ---- */

/*
 * Three scenarios P, Q, R; criteria c1, c2 ordinal (values are classes,
 * A = 0 .. E = 4), c3, c4 cardinal (values are class values).
 * Weights w = (0.25, 0.15, 0.40, 0.20): w_O = 0.40, w_C = 0.60.
 *
 *        c1  c2   c3  c4
 *   P     3   1   27   1
 *   Q     2   2    9   9
 *   R     2   0    3   3
 *
 * Ranges of the cardinal criteria: c3 27 - 3 = 24, c4 9 - 1 = 8.
 *
 * Ordinal dominance alpha_ij = 0.25 sgn(c1_i - c1_j) + 0.15 sgn(c2_i - c2_j):
 *   alpha_PQ = 0.25 (+1) + 0.15 (-1) = 0.10
 *   alpha_PR = 0.25 (+1) + 0.15 (+1) = 0.40
 *   alpha_QR = 0.25 ( 0) + 0.15 (+1) = 0.15
 * and alpha_ji = -alpha_ij. Sum of |alpha| over the six ordered pairs:
 *   2 (0.10 + 0.40 + 0.15) = 1.30
 *
 * Cardinal dominance a_ij = 0.40 (c3_i - c3_j) / 24 + 0.20 (c4_i - c4_j) / 8:
 *   a_PQ = 0.40 (18/24) + 0.20 (-8/8) = 0.30 - 0.20 = 0.10
 *   a_PR = 0.40 (24/24) + 0.20 (-2/8) = 0.40 - 0.05 = 0.35
 *   a_QR = 0.40 ( 6/24) + 0.20 ( 6/8) = 0.10 + 0.15 = 0.25
 * Sum of |a|: 2 (0.10 + 0.35 + 0.25) = 1.40
 *
 * m_ij = 0.40 alpha_ij / 1.30 + 0.60 a_ij / 1.40:
 *   m_PQ = 0.04/1.3 + 0.06/1.4 =  2/65 +  3/70 = (28 + 39)/910   = 134/1820
 *   m_PR = 0.16/1.3 + 0.21/1.4 =  8/65 +  3/20 = (32 + 39)/260   = 497/1820
 *   m_QR = 0.06/1.3 + 0.15/1.4 =  3/65 +  3/28 = (84 + 195)/1820 = 279/1820
 *
 * Appraisal scores s_i = sum_j m_ij:
 *   s_P =  m_PQ + m_PR = ( 134 + 497)/1820 =  631/1820 =  0.346703...
 *   s_Q = -m_PQ + m_QR = (-134 + 279)/1820 =  145/1820 =  0.079670...
 *   s_R = -m_PR - m_QR = (-497 - 279)/1820 = -776/1820 = -0.426373...
 * (they sum to 0). Ranking: P 1, Q 2, R 3.
 */
static void test_evamix_by_hand(void **state)
{
	(void)state;
	const double values[] = {
		3, 1, 27, 1,
		2, 2, 9, 9,
		2, 0, 3, 3,
	};
	const bool cardinal[] = { false, false, true, true };
	const double weights[] = { 0.25, 0.15, 0.40, 0.20 };
	natrisk_evamix_problem p = { 3, 4, values, cardinal, weights };
	double s[3], m[9];
	assert_int_equal(natrisk_evamix(&p, s, m), 0);
	enum { P, Q, R };
	assert_near(m[P * 3 + Q], 134.0 / 1820, 1e-15);
	assert_near(m[P * 3 + R], 497.0 / 1820, 1e-15);
	assert_near(m[Q * 3 + R], 279.0 / 1820, 1e-15);
	assert_near(m[Q * 3 + P], -134.0 / 1820, 1e-15);
	assert_near(m[R * 3 + P], -497.0 / 1820, 1e-15);
	assert_near(m[R * 3 + Q], -279.0 / 1820, 1e-15);
	for (int i = 0; i < 3; i++)
		assert_exact(m[i * 3 + i], 0.0);
	assert_near(s[P], 631.0 / 1820, 1e-15);
	assert_near(s[Q], 145.0 / 1820, 1e-15);
	assert_near(s[R], -776.0 / 1820, 1e-15);
	int ranks[3];
	natrisk_rank_scores(s, 3, NATRISK_EVAMIX_TIE, ranks);
	assert_int_equal(ranks[P], 1);
	assert_int_equal(ranks[Q], 2);
	assert_int_equal(ranks[R], 3);
	/* Without the dominance matrix the scores are the same. */
	double again[3];
	assert_int_equal(natrisk_evamix(&p, again, NULL), 0);
	for (int i = 0; i < 3; i++)
		assert_exact(again[i], s[i]);
}

/*
 * Degenerate parts drop out. Two scenarios; c1 ordinal with equal values
 * (so every alpha is 0 and the ordinal term contributes nothing), c2
 * cardinal and constant (range 0: left out), c3 cardinal 0 and 10.
 * Weights (0.5, 0.25, 0.25): w_C = 0.5.
 *   a_12 = 0.25 (0 - 10) / 10 = -0.25, a_21 = 0.25, sum |a| = 0.5
 *   m_12 = 0.5 (-0.25) / 0.5 = -0.25, m_21 = 0.25
 *   s = (-0.25, 0.25): scenario 2 ranks first.
 */
static void test_evamix_degenerate(void **state)
{
	(void)state;
	const double values[] = { 1, 5, 0, 1, 5, 10 };
	const bool cardinal[] = { false, true, true };
	const double weights[] = { 0.5, 0.25, 0.25 };
	natrisk_evamix_problem p = { 2, 3, values, cardinal, weights };
	double s[2];
	assert_int_equal(natrisk_evamix(&p, s, NULL), 0);
	assert_near(s[0], -0.25, 1e-15);
	assert_near(s[1], 0.25, 1e-15);
	/* All equal: everything is 0, and all tie. */
	const double flat[] = { 1, 5, 7, 1, 5, 7 };
	p.values = flat;
	assert_int_equal(natrisk_evamix(&p, s, NULL), 0);
	assert_exact(s[0], 0.0);
	assert_exact(s[1], 0.0);
}

/*
 * What Evamix measures on an assessment: 2.1, 2.2 and 3.1 have
 * thresholds and are cardinal, the rest ordinal. Cardinal: class values
 * (D = 27, X = 0), a quantity the value of the class it falls in, as in
 * the weighted sum (method.md section 3: 300 fatalities are C, 9, not
 * 3^2.477 = 15.17 for their place in C's band). Ordinal:
 * 2 * class + "+", X = -2 (C+ = 5, E = 8).
 */
static void test_evamix_values(void **state)
{
	const natrisk_assessment *a = *state;
	const natrisk_method *m = natrisk_assessment_method(a);
	long c21 = natrisk_method_find_criterion(m, "2.1", 3);
	long c22 = natrisk_method_find_criterion(m, "2.2", 3);
	long c31 = natrisk_method_find_criterion(m, "3.1", 3);
	long c11 = natrisk_method_find_criterion(m, "1.1", 3);
	long c53 = natrisk_method_find_criterion(m, "5.3", 3);
	assert_true(natrisk_evamix_cardinal(a, (size_t)c21));
	assert_true(natrisk_evamix_cardinal(a, (size_t)c22));
	assert_true(natrisk_evamix_cardinal(a, (size_t)c31));
	assert_false(natrisk_evamix_cardinal(a, (size_t)c11));
	assert_false(natrisk_evamix_cardinal(a, (size_t)c53));
	assert_exact(natrisk_evamix_value(a, ALPHA, (size_t)c21), 9.0);
	assert_exact(natrisk_evamix_value(a, BETA, (size_t)c22), 27.0);
	assert_exact(natrisk_evamix_value(a, ALPHA, (size_t)c31), 0.0);
	assert_exact(natrisk_evamix_value(a, ALPHA, (size_t)c53), 5.0);
	assert_exact(natrisk_evamix_value(a, ALPHA, (size_t)c11), 8.0);
	assert_exact(natrisk_evamix_value(a, BETA, (size_t)c11), -2.0);
}

/* Identical scenarios tie under Evamix; the empty one is last. */
static void test_evamix_assessment(void **state)
{
	const natrisk_assessment *a = *state;
	const natrisk_method *m = natrisk_assessment_method(a);
	double scores[SCENARIOS];
	int ranks[SCENARIOS];
	assert_int_equal(natrisk_evamix_assessment(
		a, natrisk_method_default_profile(m), scores, ranks), 0);
	assert_int_equal(ranks[ALPHA], ranks[ALPHA_COPY]);
	assert_int_equal(ranks[NIL], SCENARIOS);
	double sum = 0;
	for (size_t i = 0; i < SCENARIOS; i++)
		sum += scores[i];
	assert_near(sum, 0.0, 1e-12);
	assert_int_equal(natrisk_evamix_assessment(a, 99, NULL, ranks),
	                 NATRISK_ENOTFOUND);
}

/* ---- Kendall's tau-b ---- */

static void test_kendall_known(void **state)
{
	(void)state;
	const int x[] = { 1, 2, 3, 4, 5 };
	const int reversed[] = { 5, 4, 3, 2, 1 };
	assert_near(natrisk_kendall_tau_b(x, x, 5), 1.0, 1e-15);
	assert_near(natrisk_kendall_tau_b(x, reversed, 5), -1.0, 1e-15);
	/* Ties that keep the order in both: still 1. */
	const int tied[] = { 1, 1, 3, 4, 4 };
	assert_near(natrisk_kendall_tau_b(tied, tied, 5), 1.0, 1e-15);
}

/*
 * x = (1, 2, 2, 4), y = (2, 1, 3, 4). The six pairs:
 *   (0,1) x 1<2, y 2>1  discordant
 *   (0,2) x 1<2, y 2<3  concordant
 *   (0,3) x 1<4, y 2<4  concordant
 *   (1,2) x 2=2         tied in x
 *   (1,3) x 2<4, y 1<4  concordant
 *   (2,3) x 2<4, y 3<4  concordant
 * n_c = 4, n_d = 1, n_0 = 6, n_x = 1, n_y = 0:
 *   tau_b = (4 - 1) / sqrt((6 - 1)(6 - 0)) = 3 / sqrt(30) = 0.5477...
 *
 * y' = (2, 1, 3, 3) ties the last pair in y as well:
 *   (0,1) discordant; (0,2) concordant; (0,3) concordant;
 *   (1,2) tied in x; (1,3) concordant; (2,3) tied in y
 * n_c = 3, n_d = 1, n_x = 1, n_y = 1:
 *   tau_b = 2 / sqrt(5 * 5) = 0.4
 */
static void test_kendall_ties(void **state)
{
	(void)state;
	const int x[] = { 1, 2, 2, 4 };
	const int y[] = { 2, 1, 3, 4 };
	const int y2[] = { 2, 1, 3, 3 };
	assert_near(natrisk_kendall_tau_b(x, y, 4), 3.0 / sqrt(30.0), 1e-15);
	assert_near(natrisk_kendall_tau_b(y, x, 4), 3.0 / sqrt(30.0), 1e-15);
	assert_near(natrisk_kendall_tau_b(x, y2, 4), 0.4, 1e-15);
}

/* A ranking that ties everything, or a single scenario: undefined. */
static void test_kendall_undefined(void **state)
{
	(void)state;
	const int x[] = { 1, 2, 3 };
	const int flat[] = { 1, 1, 1 };
	assert_true(isnan(natrisk_kendall_tau_b(x, flat, 3)));
	assert_true(isnan(natrisk_kendall_tau_b(x, x, 1)));
}

/* ---- method-dependent scenarios ---- */

/*
 * r1 = (1, 2, 3, 4), r2 = (2, 1, 4, 3), r3 = (1, 3, 2, 4). Spans: s0 1-2
 * (1 place), s1 1-3 (2), s2 2-4 (2), s3 3-4 (1). With 2 places: s1, s2.
 */
static void test_dependent(void **state)
{
	(void)state;
	const int r1[] = { 1, 2, 3, 4 }, r2[] = { 2, 1, 4, 3 },
		  r3[] = { 1, 3, 2, 4 };
	const int *all[] = { r1, r2, r3 };
	size_t out[4];
	assert_int_equal(natrisk_rank_dependent(all, 3, 4, 2, out), 2);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 2);
	assert_int_equal(natrisk_rank_dependent(all, 3, 4, 1, out), 4);
	assert_int_equal(natrisk_rank_dependent(all, 1, 4, 1, out), 0);
}

/* ---- the bundle ---- */

static void test_robustness_bundle(void **state)
{
	const natrisk_assessment *a = *state;
	const natrisk_method *m = natrisk_assessment_method(a);
	size_t np = natrisk_method_profile_count(m);
	natrisk_robustness *r;
	assert_int_equal(natrisk_robustness_new(&r, a), 0);
	size_t k = natrisk_robustness_count(r);
	assert_int_equal(k, np + 3);
	for (size_t p = 0; p < np; p++)
		assert_string_equal(natrisk_robustness_ranking(r, p)->id,
		                    natrisk_method_profile(m, p)->id);
	assert_string_equal(natrisk_robustness_ranking(r, np)->id,
	                    "weighted-sum");
	assert_string_equal(natrisk_robustness_ranking(r, np + 1)->id, "medal");
	assert_string_equal(natrisk_robustness_ranking(r, np + 2)->id, "evamix");
	/* The weighted sum is the default profile's ranking. */
	const int *ws = natrisk_robustness_ranking(r, np)->ranks;
	const int *def = natrisk_robustness_ranking(
		r, natrisk_method_default_profile(m))->ranks;
	const int *medal = natrisk_robustness_ranking(r, np + 1)->ranks;
	static const int want_medal[SCENARIOS] = { 2, 6, 2, 1, 5, 2, 7 };
	for (size_t i = 0; i < SCENARIOS; i++) {
		assert_int_equal(ws[i], def[i]);
		assert_int_equal(medal[i], want_medal[i]);
	}
	for (size_t x = 0; x < k; x++)
		for (size_t y = 0; y < k; y++) {
			double tau = natrisk_robustness_tau(r, x, y);
			assert_exact(tau, natrisk_robustness_tau(r, y, x));
			assert_true(tau >= -1.0 && tau <= 1.0);
			if (x == y)
				assert_near(tau, 1.0, 1e-12);
		}
	/* The order follows the weighted sum; each dependent scenario
	 * spans at least two places. */
	const size_t *order = natrisk_robustness_order(r);
	for (size_t o = 1; o < SCENARIOS; o++)
		assert_true(ws[order[o - 1]] <= ws[order[o]]);
	for (size_t d = 0; d < natrisk_robustness_dependent_count(r); d++) {
		int best, worst;
		natrisk_robustness_span(r, natrisk_robustness_dependent(r)[d],
		                        &best, &worst);
		assert_true(worst - best >= NATRISK_DEPENDENT_RANGE);
	}
	natrisk_robustness_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rank_scores),
		cmocka_unit_test(test_medal_counts),
		cmocka_unit_test_setup_teardown(test_medal_assessment, setup,
		                                teardown),
		cmocka_unit_test(test_evamix_by_hand),
		cmocka_unit_test(test_evamix_degenerate),
		cmocka_unit_test_setup_teardown(test_evamix_values, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_evamix_assessment, setup,
		                                teardown),
		cmocka_unit_test(test_kendall_known),
		cmocka_unit_test(test_kendall_ties),
		cmocka_unit_test(test_kendall_undefined),
		cmocka_unit_test(test_dependent),
		cmocka_unit_test_setup_teardown(test_robustness_bundle, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
