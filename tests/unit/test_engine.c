/*
 * test_engine.c - the deterministic engine (results.h) on small assessments
 * loaded from memory: totals, positions, classes, ranges, interest
 * subtotals, likelihood positions, risk and ranks, and weight profiles
 * (the bundled ones and a user's method file with its own profile).
 *
 * Method nrb-2008: 10 criteria (1.1 1.2 | 2.1 2.2 2.3 | 3.1 | 4.1 |
 * 5.1 5.2 5.3), equal weights, so total = (sum of class values) / 10 with
 * X = 0, A = 1, B = 3, C = 9, D = 27, E = 81, "+" = times sqrt(3).
 * Thresholds: 2.1 fatalities [10, 100, 1000, 10000]; 3.1 costs [5e7, 5e8,
 * 5e9, 5e10]; hazard likelihood [0.0005, 0.005, 0.05, 0.5].
 */
#include "unit_support.h"

#include <natrisk/common.h>

/* Scenario order in ENGINE_YAML. */
enum { FLOOD = 0, FLOOD_COPY = 1, CYBER = 2, QUAKE = 3, NIL = 4 };

static const char ENGINE_YAML[] =
	"natrisk: 1\n"
	"title: Unit engine\n"
	"edition: 2024\n"
	"method: nrb-2008\n"
	"scenarios:\n"
	"  - id: flood\n"
	"    title: Flood\n"
	"    kind: hazard\n"
	"    likelihood: { probability: 0.03 }\n"
	"    impact:\n"
	"      \"2.1\": { ev: { value: 300 }, ll: B, ul: { value: 5000 } }\n"
	"      \"2.2\": D\n"
	"      \"3.1\": { value: 13e9 }\n"
	"      \"5.1\": D\n"
	"  - id: flood-copy\n"
	"    title: Flood again\n"
	"    kind: hazard\n"
	"    likelihood: { probability: 0.03 }\n"
	"    impact:\n"
	"      \"2.1\": { ev: { value: 300 }, ll: B, ul: { value: 5000 } }\n"
	"      \"2.2\": D\n"
	"      \"3.1\": { value: 13e9 }\n"
	"      \"5.1\": D\n"
	"  - id: cyber\n"
	"    title: Cyber attack\n"
	"    kind: threat\n"
	"    likelihood: B\n"
	"    impact: { \"1.1\": C, \"1.2\": C, \"2.1\": C, \"2.2\": C, \"2.3\": C,\n"
	"              \"3.1\": C, \"4.1\": C, \"5.1\": C, \"5.2\": C, \"5.3\": C }\n"
	"  - id: quake\n"
	"    title: Earthquake\n"
	"    kind: hazard\n"
	"    likelihood: E\n"
	"    impact:\n"
	"      \"3.1\": { value: 4.99e9 }\n"
	"  - id: nil\n"
	"    title: Nothing\n"
	"    kind: hazard\n"
	"    likelihood: A\n"
	"    impact: {}\n";

typedef struct fixture {
	natrisk_diag *diag;
	natrisk_assessment *a;
	natrisk_results *r;
} fixture;

static int setup(void **state)
{
	unit_use_tree_methods();
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->diag = natrisk_diag_new();
	if (unit_load(&f->a, f->diag, "engine.yaml", ENGINE_YAML) != 0) {
		unit_diag_dump(f->diag);
		natrisk_diag_free(f->diag);
		free(f);
		return -1;
	}
	const natrisk_method *m = natrisk_assessment_method(f->a);
	if (natrisk_results_new(&f->r, f->a,
	                        natrisk_method_default_profile(m)) != 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	natrisk_results_free(f->r);
	natrisk_assessment_free(f->a);
	natrisk_diag_free(f->diag);
	free(f);
	return 0;
}

static const natrisk_scenario_result *result(void **state, size_t i)
{
	fixture *f = *state;
	const natrisk_scenario_result *r = natrisk_results_get(f->r, i);
	assert_non_null(r);
	return r;
}

static void check_range(const natrisk_impact_level *level, const char *want)
{
	char range[4];
	natrisk_impact_range(level, range);
	assert_string_equal(range, want);
}

/* Interest subtotals (EV) add up to the EV total. */
static void check_interests_sum(const natrisk_method *m,
                                const natrisk_scenario_result *r)
{
	double sum = 0;
	for (size_t i = 0; i < natrisk_method_interest_count(m); i++)
		sum += r->interests[i];
	assert_near(sum, r->impact[NATRISK_EV].total,
	            1e-12 * (1 + r->impact[NATRISK_EV].total));
}

static void test_loaded(void **state)
{
	fixture *f = *state;
	assert_int_equal(natrisk_assessment_scenario_count(f->a), 5);
	assert_string_equal(natrisk_assessment_title(f->a), "Unit engine");
	assert_string_equal(natrisk_assessment_edition(f->a), "2024");
	assert_string_equal(natrisk_assessment_method_ref(f->a), "nrb-2008");
	const natrisk_method *m = natrisk_assessment_method(f->a);
	assert_string_equal(natrisk_method_id(m), "nrb-2008");
	assert_int_equal(natrisk_method_criterion_count(m), 10);
	assert_int_equal(natrisk_results_count(f->r), 5);
	assert_ptr_equal(natrisk_results_assessment(f->r), f->a);
	assert_null(natrisk_results_get(f->r, 5));
	assert_int_equal(natrisk_assessment_find_scenario(f->a, "quake"),
	                 QUAKE);
	assert_int_equal(natrisk_assessment_find_scenario(f->a, "none"), -1);
	/* Only the "nil" scenario draws a warning; no errors. */
	assert_error_count(f->diag, 0);
	assert_int_equal(natrisk_diag_count(f->diag), 1);
}

static void test_quantity_classes(void **state)
{
	fixture *f = *state;
	const natrisk_method *m = natrisk_assessment_method(f->a);
	long c21 = natrisk_method_find_criterion(m, "2.1", 3);
	long c31 = natrisk_method_find_criterion(m, "3.1", 3);
	assert_true(c21 >= 0 && c31 >= 0);
	const natrisk_scenario *flood = natrisk_assessment_scenario(f->a, FLOOD);
	/* 300 fatalities: C (100 <= 300 < 1000), LL B, UL 5000 -> D. */
	assert_int_equal(flood->impact[c21].point[NATRISK_EV].cls, 2);
	assert_true(flood->impact[c21].point[NATRISK_EV].has_quantity);
	assert_exact(flood->impact[c21].point[NATRISK_EV].quantity, 300.0);
	assert_int_equal(flood->impact[c21].point[NATRISK_LL].cls, 1);
	assert_int_equal(flood->impact[c21].point[NATRISK_UL].cls, 3);
	/* 13e9 euros: D (5e9 <= 13e9 < 5e10), same on all three points. */
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		assert_int_equal(flood->impact[c31].point[p].cls, 3);
	/* 4.99e9 euros: C, just under the D limit of 5e9. */
	const natrisk_scenario *quake = natrisk_assessment_scenario(f->a, QUAKE);
	assert_int_equal(quake->impact[c31].point[NATRISK_EV].cls, 2);
	/* A criterion that is not listed scores X. */
	assert_int_equal(quake->impact[c21].point[NATRISK_EV].cls,
	                 NATRISK_CLASS_X);
	assert_false(quake->impact[c21].given);
	assert_true(quake->impact[c31].given);
}

static void test_totals_on_class_value(void **state)
{
	const natrisk_scenario_result *r = result(state, FLOOD);
	/* EV: 2.1 C (9) + 2.2 D (27) + 3.1 D (27) + 5.1 D (27) = 90;
	 * 90 / 10 = 9 = C exactly: position 2, range "C". */
	assert_exact(r->impact[NATRISK_EV].total, 9.0);
	assert_exact(r->impact[NATRISK_EV].position, 2.0);
	assert_int_equal(r->impact[NATRISK_EV].cls, 2);
	assert_true(r->impact[NATRISK_EV].on_class_value);
	check_range(&r->impact[NATRISK_EV], "C");

	/* Cyber: C on all ten: 10 * 9 / 10 = 9, position 2. */
	r = result(state, CYBER);
	assert_exact(r->impact[NATRISK_EV].total, 9.0);
	assert_exact(r->impact[NATRISK_EV].position, 2.0);
	check_range(&r->impact[NATRISK_EV], "C");
}

static void test_ll_ul(void **state)
{
	const natrisk_scenario_result *r = result(state, FLOOD);
	/* LL: 2.1 B (3) + 27 + 27 + 27 = 84 -> 8.4, class B;
	 * log3(8.4) = ln 8.4 / ln 3 = 2.128231705849268 / 1.0986122886681098
	 * = 1.9371999820149524, range "B-C". */
	assert_near(r->impact[NATRISK_LL].total, 8.4, 1e-14);
	assert_near(r->impact[NATRISK_LL].position, 1.9371999820149524,
	            1e-13);
	assert_int_equal(r->impact[NATRISK_LL].cls, 1);
	check_range(&r->impact[NATRISK_LL], "B-C");
	/* UL: 2.1 5000 -> D (27) + 27 + 27 + 27 = 108 -> 10.8, class C;
	 * log3(10.8) = 2.379546134130174 / 1.0986122886681098
	 * = 2.1659562328535302, range "C-D". */
	assert_near(r->impact[NATRISK_UL].total, 10.8, 1e-14);
	assert_near(r->impact[NATRISK_UL].position, 2.1659562328535302,
	            1e-13);
	assert_int_equal(r->impact[NATRISK_UL].cls, 2);
	check_range(&r->impact[NATRISK_UL], "C-D");
	/* Cyber has no LL/UL: they equal EV. */
	r = result(state, CYBER);
	assert_exact(r->impact[NATRISK_LL].total, 9.0);
	assert_exact(r->impact[NATRISK_UL].total, 9.0);
}

static void test_below_a_and_nil(void **state)
{
	const natrisk_scenario_result *r = result(state, QUAKE);
	/* 3.1 C (9) alone: 9 / 10 = 0.9, below A (1): class A,
	 * position log3(0.9) = ln 0.9 / ln 3 = -0.10536051565782628 /
	 * 1.0986122886681098 = -0.09590327428938458. */
	assert_near(r->impact[NATRISK_EV].total, 0.9, 1e-15);
	assert_near(r->impact[NATRISK_EV].position, -0.09590327428938458,
	            1e-14);
	assert_int_equal(r->impact[NATRISK_EV].cls, 0);
	assert_false(r->impact[NATRISK_EV].on_class_value);

	/* Nothing scored: total 0, X, NaN, range "X". */
	r = result(state, NIL);
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		assert_exact(r->impact[p].total, 0.0);
		assert_int_equal(r->impact[p].cls, NATRISK_CLASS_X);
		assert_true(isnan(r->impact[p].position));
		check_range(&r->impact[p], "X");
	}
}

static void test_likelihood_positions(void **state)
{
	/* Flood: p = 0.03 in C [0.005, 0.05): 2 + log10(6) = 2.778151250383644
	 * on all three points. */
	const natrisk_scenario_result *r = result(state, FLOOD);
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		assert_near(r->likelihood_position[p], 2.778151250383644,
		            1e-14);
	/* Cyber: B -> 1 + 0.5. Quake: E -> 4.5. Nil: A -> 0.5. */
	assert_exact(result(state, CYBER)->likelihood_position[NATRISK_EV],
	             1.5);
	assert_exact(result(state, QUAKE)->likelihood_position[NATRISK_EV],
	             4.5);
	assert_exact(result(state, NIL)->likelihood_position[NATRISK_EV], 0.5);
}

static void test_interests(void **state)
{
	fixture *f = *state;
	const natrisk_method *m = natrisk_assessment_method(f->a);
	assert_int_equal(natrisk_method_interest_count(m), 5);
	/* Flood: interest 1 (1.1, 1.2): 0; interest 2 (2.1 C, 2.2 D, 2.3 X):
	 * (9 + 27) / 10 = 3.6; interest 3 (3.1 D): 2.7; interest 4: 0;
	 * interest 5 (5.1 D): 2.7. Sum 9. */
	const natrisk_scenario_result *r = result(state, FLOOD);
	assert_exact(r->interests[0], 0.0);
	assert_near(r->interests[1], 3.6, 1e-15);
	assert_near(r->interests[2], 2.7, 1e-15);
	assert_exact(r->interests[3], 0.0);
	assert_near(r->interests[4], 2.7, 1e-15);
	/* Cyber, C everywhere: 2, 3, 1, 1, 3 criteria x 0.9. */
	r = result(state, CYBER);
	assert_near(r->interests[0], 1.8, 1e-15);
	assert_near(r->interests[1], 2.7, 1e-15);
	assert_near(r->interests[2], 0.9, 1e-15);
	assert_near(r->interests[3], 0.9, 1e-15);
	assert_near(r->interests[4], 2.7, 1e-15);
	/* Quake: all in interest 3. */
	r = result(state, QUAKE);
	assert_near(r->interests[2], 0.9, 1e-15);
	assert_exact(r->interests[0] + r->interests[1] + r->interests[3] +
	             r->interests[4], 0.0);
	for (size_t i = 0; i < natrisk_results_count(f->r); i++)
		check_interests_sum(m, result(state, i));
}

static void test_risk_and_ranks(void **state)
{
	fixture *f = *state;
	/* Risk = likelihood EV position + impact EV position:
	 * flood, flood-copy: 2.778151250383644 + 2 = 4.778151250383644;
	 * quake: 4.5 - 0.09590327428938458 = 4.404096725710615;
	 * cyber: 1.5 + 2 = 3.5; nil: no impact, below everything. */
	assert_near(result(state, FLOOD)->risk, 4.778151250383644, 1e-14);
	assert_exact(result(state, FLOOD_COPY)->risk,
	             result(state, FLOOD)->risk);
	assert_near(result(state, QUAKE)->risk, 4.404096725710615, 1e-14);
	assert_exact(result(state, CYBER)->risk, 3.5);
	assert_true(result(state, NIL)->risk < 0);
	/* Ties share the better rank and the next rank skips: 1, 1, 3. */
	assert_int_equal(result(state, FLOOD)->rank, 1);
	assert_int_equal(result(state, FLOOD_COPY)->rank, 1);
	assert_int_equal(result(state, QUAKE)->rank, 3);
	assert_int_equal(result(state, CYBER)->rank, 4);
	assert_int_equal(result(state, NIL)->rank, 5);
	/* The order by rank keeps ties in file order. */
	const size_t *order = natrisk_results_order(f->r);
	assert_int_equal(order[0], FLOOD);
	assert_int_equal(order[1], FLOOD_COPY);
	assert_int_equal(order[2], QUAKE);
	assert_int_equal(order[3], CYBER);
	assert_int_equal(order[4], NIL);
}

static void test_bundled_profile_physical(void **state)
{
	fixture *f = *state;
	const natrisk_method *m = natrisk_assessment_method(f->a);
	long physical = natrisk_method_find_profile(m, "physical");
	assert_true(physical >= 0);
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, f->a, (size_t)physical), 0);
	assert_int_equal(natrisk_results_profile(r), (size_t)physical);
	/* Weights 3 on 2.1, 2.2, 2.3 and 1 on the other seven: sum 16.
	 * Flood: 3*9 + 3*27 + 27 + 27 = 162 -> 162 / 16 = 10.125;
	 * log3(10.125) = log3(81 / 8) = 4 - 3 log3 2
	 * = 4 - 3 * 0.6309297535714574 = 2.107210739285628, range C-D. */
	const natrisk_scenario_result *s = natrisk_results_get(r, FLOOD);
	assert_exact(s->impact[NATRISK_EV].total, 10.125);
	assert_near(s->impact[NATRISK_EV].position, 2.107210739285628, 1e-14);
	check_range(&s->impact[NATRISK_EV], "C-D");
	/* Interests: 2: (27 + 81) / 16 = 6.75; 3 and 5: 27 / 16 = 1.6875. */
	assert_exact(s->interests[1], 6.75);
	assert_exact(s->interests[2], 1.6875);
	assert_exact(s->interests[4], 1.6875);
	check_interests_sum(m, s);
	/* Cyber: C everywhere is 9 whatever the weights (144 / 16). */
	s = natrisk_results_get(r, CYBER);
	assert_exact(s->impact[NATRISK_EV].total, 9.0);
	assert_exact(s->impact[NATRISK_EV].position, 2.0);
	/* Quake: 9 / 16 = 0.5625; log3(9/16) = 2 - 4 log3 2
	 * = -0.5237190142858297. */
	s = natrisk_results_get(r, QUAKE);
	assert_exact(s->impact[NATRISK_EV].total, 0.5625);
	assert_near(s->impact[NATRISK_EV].position, -0.5237190142858297,
	            1e-14);
	natrisk_results_free(r);
}

static void test_bundled_profile_economic_reorders(void **state)
{
	fixture *f = *state;
	const natrisk_method *m = natrisk_assessment_method(f->a);
	long economic = natrisk_method_find_profile(m, "economic");
	assert_true(economic >= 0);
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, f->a, (size_t)economic), 0);
	/* Weight 3 on 3.1, 1 on the other nine: sum 12.
	 * Flood: 9 + 27 + 3*27 + 27 = 144 -> 12; log3 12 = 1 + 2 log3 2
	 * = 2.2618595071429146; risk 2.778151250383644 + 2.2618595071429146
	 * = 5.040010757526559.
	 * Quake: 3*9 / 12 = 2.25; log3 2.25 = 2 - 2 log3 2
	 * = 0.7381404928570852; risk 4.5 + 0.7381404928570852
	 * = 5.238140492857085: quake now ranks first. */
	const natrisk_scenario_result *flood = natrisk_results_get(r, FLOOD);
	const natrisk_scenario_result *quake = natrisk_results_get(r, QUAKE);
	assert_exact(flood->impact[NATRISK_EV].total, 12.0);
	assert_near(flood->impact[NATRISK_EV].position, 2.2618595071429146,
	            1e-14);
	assert_near(flood->risk, 5.040010757526559, 1e-13);
	assert_exact(quake->impact[NATRISK_EV].total, 2.25);
	assert_near(quake->impact[NATRISK_EV].position, 0.7381404928570852,
	            1e-14);
	assert_near(quake->risk, 5.238140492857085, 1e-13);
	assert_int_equal(quake->rank, 1);
	assert_int_equal(flood->rank, 2);
	assert_int_equal(natrisk_results_get(r, FLOOD_COPY)->rank, 2);
	assert_int_equal(natrisk_results_get(r, CYBER)->rank, 4);
	assert_int_equal(natrisk_results_get(r, NIL)->rank, 5);
	const size_t *order = natrisk_results_order(r);
	assert_int_equal(order[0], QUAKE);
	assert_int_equal(order[1], FLOOD);
	assert_int_equal(order[2], FLOOD_COPY);
	natrisk_results_free(r);
}

static void test_bad_profile(void **state)
{
	fixture *f = *state;
	const natrisk_method *m = natrisk_assessment_method(f->a);
	static char sentinel;
	natrisk_results *r = (natrisk_results *)(void *)&sentinel; /* reset? */
	assert_int_equal(natrisk_results_new(&r, f->a,
	                                     natrisk_method_profile_count(m)),
	                 NATRISK_ENOTFOUND);
	assert_null(r);
}

/* The ranks alone: 1, 1, 3, 4, 5 as above under the default profile,
 * and under every profile the ranks of the whole results. */
static void test_ranks_alone(void **state)
{
	fixture *f = *state;
	const natrisk_method *m = natrisk_assessment_method(f->a);
	size_t n = natrisk_assessment_scenario_count(f->a);
	int ranks[16];
	assert_true(n <= 16);
	assert_int_equal(natrisk_results_ranks(f->a, natrisk_results_profile(f->r),
	                                       ranks), 0);
	assert_int_equal(ranks[FLOOD], 1);
	assert_int_equal(ranks[FLOOD_COPY], 1);
	assert_int_equal(ranks[QUAKE], 3);
	assert_int_equal(ranks[CYBER], 4);
	assert_int_equal(ranks[NIL], 5);
	for (size_t p = 0; p < natrisk_method_profile_count(m); p++) {
		natrisk_results *r;
		assert_int_equal(natrisk_results_new(&r, f->a, p), 0);
		assert_int_equal(natrisk_results_ranks(f->a, p, ranks), 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(ranks[i], natrisk_results_get(r, i)->rank);
		natrisk_results_free(r);
	}
	assert_int_equal(natrisk_results_ranks(f->a,
	                                       natrisk_method_profile_count(m),
	                                       ranks),
	                 NATRISK_ENOTFOUND);
}

/* ---- a user's method file with its own profile ------------------------ */

/* Three criteria over two interests; profile "lives" weighs 2.1 three
 * times. Base 3, X = 0, "+" half a class up, as the bundled methods. */
static const char MINI_METHOD[] =
	"natrisk-method: 1\n"
	"id: mini\n"
	"title: {en: Mini, nl: Mini}\n"
	"horizon_years: 5\n"
	"impact_classes:\n"
	"  base: 3\n"
	"  x_value: 0\n"
	"  x_position: -1\n"
	"  high_offset: 0.5\n"
	"  source: unit test\n"
	"  labels:\n"
	"    A: {en: a, nl: a}\n"
	"    B: {en: b, nl: b}\n"
	"    C: {en: c, nl: c}\n"
	"    D: {en: d, nl: d}\n"
	"    E: {en: e, nl: e}\n"
	"likelihood_classes:\n"
	"  factor: 10\n"
	"  class_position: 0.5\n"
	"  high_position: 0.75\n"
	"  source: unit test\n"
	"  labels:\n"
	"    A: {en: a, nl: a}\n"
	"    B: {en: b, nl: b}\n"
	"    C: {en: c, nl: c}\n"
	"    D: {en: d, nl: d}\n"
	"    E: {en: e, nl: e}\n"
	"  hazard:\n"
	"    thresholds: [0.0005, 0.005, 0.05, 0.5]\n"
	"    source: unit test\n"
	"  threat:\n"
	"    levels:\n"
	"      A: {en: a, nl: a}\n"
	"      B: {en: b, nl: b}\n"
	"      C: {en: c, nl: c}\n"
	"      D: {en: d, nl: d}\n"
	"      E: {en: e, nl: e}\n"
	"    source: unit test\n"
	"interests:\n"
	"  - id: \"1\"\n"
	"    name: {en: One, nl: Een}\n"
	"  - id: \"2\"\n"
	"    name: {en: Two, nl: Twee}\n"
	"criteria:\n"
	"  - id: \"1.1\"\n"
	"    interest: \"1\"\n"
	"    name: {en: c11, nl: c11}\n"
	"  - id: \"2.1\"\n"
	"    interest: \"2\"\n"
	"    name: {en: Fatalities, nl: Doden}\n"
	"    unit: {en: people, nl: personen}\n"
	"    thresholds: [10, 100, 1000, 10000]\n"
	"    source: unit test\n"
	"  - id: \"2.2\"\n"
	"    interest: \"2\"\n"
	"    name: {en: c22, nl: c22}\n"
	"weights:\n"
	"  default: equal\n"
	"  profiles:\n"
	"    - id: equal\n"
	"      title: {en: Equal, nl: Gelijk}\n"
	"      description: equal\n"
	"      source: unit test\n"
	"      others: 1\n"
	"      weights: {}\n"
	"    - id: lives\n"
	"      title: {en: Lives, nl: Levens}\n"
	"      description: lives\n"
	"      source: unit test\n"
	"      others: 1\n"
	"      weights: {\"2.1\": 3}\n";

static const char MINI_SCENARIOS[] =
	"scenarios:\n"
	"  - id: outbreak\n"
	"    title: Outbreak\n"
	"    kind: hazard\n"
	"    likelihood: C+\n"
	"    impact:\n"
	"      \"1.1\": A\n"
	"      \"2.1\": { value: 300 }\n"
	"      \"2.2\": B\n";

/* Loads an assessment of MINI_SCENARIOS whose method line is METHOD_LINE. */
static natrisk_assessment *load_mini(const char *name,
                                     const char *method_line,
                                     natrisk_diag *diag)
{
	char text[1024];
	snprintf(text, sizeof text, "natrisk: 1\ntitle: Mini\n%s\n%s",
	         method_line, MINI_SCENARIOS);
	natrisk_assessment *a = NULL;
	int rc = unit_load(&a, diag, name, text);
	if (rc != 0)
		unit_diag_dump(diag);
	assert_int_equal(rc, 0);
	return a;
}

static void check_mini(const natrisk_assessment *a)
{
	const natrisk_method *m = natrisk_assessment_method(a);
	assert_string_equal(natrisk_method_id(m), "mini");
	assert_int_equal(natrisk_method_criterion_count(m), 3);
	long lives = natrisk_method_find_profile(m, "lives");
	assert_int_equal(lives, 1);
	assert_int_equal(natrisk_method_default_profile(m), 0);

	/* Equal: (1.1 A = 1) + (2.1 300 -> C = 9) + (2.2 B = 3) = 13 over
	 * 3 -> 4.333...; log3(13/3) = 1.466337068793427 / 1.0986122886681098
	 * = 1.3347175194727925, class B, range B-C. */
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, a, 0), 0);
	const natrisk_scenario_result *s = natrisk_results_get(r, 0);
	assert_near(s->impact[NATRISK_EV].total, 13.0 / 3.0, 1e-15);
	assert_near(s->impact[NATRISK_EV].position, 1.3347175194727925,
	            1e-14);
	assert_int_equal(s->impact[NATRISK_EV].cls, 1);
	check_range(&s->impact[NATRISK_EV], "B-C");
	/* Likelihood C+: 2 + 0.75. */
	assert_exact(s->likelihood_position[NATRISK_EV], 2.75);
	assert_near(s->risk, 2.75 + 1.3347175194727925, 1e-14);
	natrisk_results_free(r);

	/* Lives: weights 1, 3, 1 (sum 5): (1 + 3*9 + 3) / 5 = 31 / 5 = 6.2;
	 * log3 6.2 = 1.824549292051046 / 1.0986122886681098
	 * = 1.6607763365390877. Interests: 1 -> 1/5 = 0.2;
	 * 2 -> (27 + 3) / 5 = 6. */
	assert_int_equal(natrisk_results_new(&r, a, (size_t)lives), 0);
	s = natrisk_results_get(r, 0);
	assert_near(s->impact[NATRISK_EV].total, 6.2, 1e-15);
	assert_near(s->impact[NATRISK_EV].position, 1.6607763365390877,
	            1e-14);
	assert_int_equal(s->impact[NATRISK_EV].cls, 1);
	assert_near(s->interests[0], 0.2, 1e-15);
	assert_exact(s->interests[1], 6.0);
	natrisk_results_free(r);
}

static void remove_tree(const char *dir, const char *file)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	unlink(path);
	rmdir(dir);
}

static void test_user_method_by_path(void **state)
{
	(void)state;
	char dir[4096], path[4200];
	unit_tmpdir(dir, sizeof dir);
	unit_write_file(dir, "mini.yaml", MINI_METHOD, path, sizeof path);
	natrisk_diag *diag = natrisk_diag_new();

	/* An absolute path. */
	char line[4300];
	snprintf(line, sizeof line, "method: %s", path);
	natrisk_assessment *a = load_mini("mini-assessment.yaml", line, diag);
	check_mini(a);
	natrisk_assessment_free(a);

	/* A relative path is taken from the assessment's directory. */
	char name[4200];
	snprintf(name, sizeof name, "%s/assessment.yaml", dir);
	a = load_mini(name, "method: ./mini.yaml", diag);
	check_mini(a);
	natrisk_assessment_free(a);

	natrisk_diag_free(diag);
	remove_tree(dir, "mini.yaml");
}

static void test_user_method_on_search_path(void **state)
{
	(void)state;
	char dir[4096], path[4200];
	unit_tmpdir(dir, sizeof dir);
	unit_write_file(dir, "mini.yaml", MINI_METHOD, path, sizeof path);
	/* An id looked up in $NATRISK_METHOD_PATH (an empty entry and a
	 * missing directory before it are skipped). */
	char search[8400];
	snprintf(search, sizeof search, "::/nonexistent-natrisk-dir:%s:%s",
	         dir, unit_methods_dir());
	setenv("NATRISK_METHOD_PATH", search, 1);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = load_mini("mini.yaml", "method: mini", diag);
	check_mini(a);
	assert_string_equal(natrisk_method_origin(natrisk_assessment_method(a)),
	                    path);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
	unit_use_tree_methods();
	remove_tree(dir, "mini.yaml");
}

/* ---- "+" grades and probabilities on LL and UL ------------------------ */

static void test_high_grades_and_probability_points(void **state)
{
	(void)state;
	unit_use_tree_methods();
	static const char text[] =
		"natrisk: 1\n"
		"title: Points\n"
		"method: nrb-2008\n"
		"scenarios:\n"
		"  - id: mixed\n"
		"    title: Mixed\n"
		"    kind: hazard\n"
		"    likelihood: { ev: { probability: 0.03 },\n"
		"                  ll: { probability: 0.001 }, ul: D+ }\n"
		"    impact:\n"
		"      \"1.1\": E\n"
		"      \"5.3\": { ev: C+, ll: C, ul: D }\n";
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	int rc = unit_load(&a, diag, "points.yaml", text);
	if (rc != 0)
		unit_diag_dump(diag);
	assert_int_equal(rc, 0);
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, a, 0), 0);
	const natrisk_scenario_result *s = natrisk_results_get(r, 0);

	/* EV: E (81) + C+ (9 sqrt 3 = 15.588457268119894) = 96.58845726811989;
	 * / 10 = 9.658845726811989; log3 = 2 + log3(1.0732050807568877)
	 * = 2 + 0.07064957377065624 / 1.0986122886681098
	 * = 2.0643080133905176; class C, range C-D. */
	assert_near(s->impact[NATRISK_EV].total, 9.658845726811989, 1e-14);
	assert_near(s->impact[NATRISK_EV].position, 2.0643080133905176,
	            1e-14);
	assert_int_equal(s->impact[NATRISK_EV].cls, 2);
	assert_false(s->impact[NATRISK_EV].on_class_value);
	check_range(&s->impact[NATRISK_EV], "C-D");
	/* LL: 81 + 9 = 90 -> 9, exactly C. */
	assert_exact(s->impact[NATRISK_LL].total, 9.0);
	assert_exact(s->impact[NATRISK_LL].position, 2.0);
	check_range(&s->impact[NATRISK_LL], "C");
	/* UL: 81 + 27 = 108 -> 10.8 -> 2.1659562328535302. */
	assert_near(s->impact[NATRISK_UL].position, 2.1659562328535302,
	            1e-13);
	/* Interests: 1 -> 8.1; 5 -> 0.9 sqrt 3 = 1.5588457268119896. */
	assert_near(s->interests[0], 8.1, 1e-14);
	assert_near(s->interests[4], 1.5588457268119896, 1e-14);
	assert_exact(s->interests[1] + s->interests[2] + s->interests[3], 0);
	/* Likelihood: LL 0.001 in B [0.0005, 0.005): 1 + log10 2
	 * = 1.3010299956639813; EV 0.03: 2.778151250383644; UL D+: 3.75. */
	assert_near(s->likelihood_position[NATRISK_LL], 1.3010299956639813,
	            1e-14);
	assert_near(s->likelihood_position[NATRISK_EV], 2.778151250383644,
	            1e-14);
	assert_exact(s->likelihood_position[NATRISK_UL], 3.75);
	/* The likelihood grades keep their classes: B, C, D+. */
	const natrisk_scenario *sc = natrisk_assessment_scenario(a, 0);
	assert_int_equal(sc->likelihood.point[NATRISK_LL].cls, 1);
	assert_int_equal(sc->likelihood.point[NATRISK_EV].cls, 2);
	assert_int_equal(sc->likelihood.point[NATRISK_UL].cls, 3);
	assert_true(sc->likelihood.point[NATRISK_UL].high);
	/* Risk: 2.778151250383644 + 2.0643080133905176 = 4.842459263774162;
	 * alone, rank 1. */
	assert_near(s->risk, 4.842459263774162, 1e-13);
	assert_int_equal(s->rank, 1);
	natrisk_results_free(r);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quantity_classes, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_totals_on_class_value,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_ll_ul, setup, teardown),
		cmocka_unit_test_setup_teardown(test_below_a_and_nil, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_likelihood_positions, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_interests, setup, teardown),
		cmocka_unit_test_setup_teardown(test_risk_and_ranks, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_bundled_profile_physical,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_bundled_profile_economic_reorders, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_profile, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_ranks_alone, setup,
		                                teardown),
		cmocka_unit_test(test_high_grades_and_probability_points),
		cmocka_unit_test(test_user_method_by_path),
		cmocka_unit_test(test_user_method_on_search_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
