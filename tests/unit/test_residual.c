/*
 * test_residual.c - residual risk (residual.h): which score wins among the
 * current one and the effects on it, the residual assessment and its
 * ranks, the risk value F^L * T, the total and its reduction, the
 * handle that recomputes only touched scenarios, and risk_value in the
 * assess JSON.
 *
 * Method nrb-2008: 10 criteria (1.1 1.2 | 2.1 2.2 2.3 | 3.1 | 4.1 |
 * 5.1 5.2 5.3), equal weights, so T = (sum of class values) / 10 with
 * X = 0, A = 1, B = 3, C = 9, D = 27, E = 81, "+" = times sqrt(3); a
 * plain likelihood class k sits at k + 0.5, a "+" at k + 0.75, and a
 * probability p in hazard band [lo, 10 lo) at k + log10(p / lo), the
 * bands starting at 0.0005, 0.005, 0.05, 0.5. F = 10.
 *
 * By hand (current):
 *   alpha  C (2.5);  2.1 D, 2.2 C, 3.1 {C, ll B, ul D}
 *          T = (27 + 9 + 9) / 10 = 4.5, r = 10^2.5 * 4.5 = 1423.0249470757708
 *          risk position 2.5 + log3 4.5 = 3.869
 *   beta   threat D (3.5);  1.1 B, 5.1 B
 *          T = 0.6, r = 10^3.5 * 0.6 = 1897.3665961010277, risk 3.035
 *   gamma  p = 0.03: 2 + log10 6 = 2.7782, 10^L = 600;  2.1 {value 300}
 *          (C), 4.1 C+:  T = (9 + 9 sqrt 3) / 10 = 2.4588457268119894,
 *          r = 600 T = 1475.3074360871938, risk 3.597
 *   ranks alpha 1, gamma 2, beta 3; total 4795.698979263992
 * Effect scores come from EFFECTS_YAML, loaded as an assessment of the
 * same method so that they have the loader's forms and checks.
 */
#include "unit_support.h"

#include <jansson.h>

#include <natrisk/common.h>
#include <natrisk/diagram.h>
#include <natrisk/effect.h>
#include <natrisk/output.h>
#include <natrisk/residual.h>

enum { ALPHA = 0, BETA = 1, GAMMA = 2 };

#define R_ALPHA 1423.0249470757708
#define R_BETA 1897.3665961010277
#define R_GAMMA 1475.3074360871938
#define T_GAMMA 2.4588457268119894

static const char BASE_YAML[] =
	"natrisk: 1\n"
	"title: Residual base\n"
	"method: nrb-2008\n"
	"scenarios:\n"
	"  - id: alpha\n"
	"    title: Alpha\n"
	"    kind: hazard\n"
	"    likelihood: C\n"
	"    impact:\n"
	"      \"2.1\": D\n"
	"      \"2.2\": C\n"
	"      \"3.1\": { ev: C, ll: B, ul: D }\n"
	"  - id: beta\n"
	"    title: Beta\n"
	"    kind: threat\n"
	"    likelihood: D\n"
	"    impact: { \"1.1\": B, \"5.1\": B }\n"
	"  - id: gamma\n"
	"    title: Gamma\n"
	"    kind: hazard\n"
	"    likelihood: { probability: 0.03 }\n"
	"    impact:\n"
	"      \"2.1\": { value: 300 }\n"
	"      \"4.1\": C+\n";

/* Each scenario here is a bag of effect scores, named by its id. */
static const char EFFECTS_YAML[] =
	"natrisk: 1\n"
	"title: Effect scores\n"
	"method: nrb-2008\n"
	"scenarios:\n"
	"  - id: s1\n"
	"    title: One\n"
	"    kind: hazard\n"
	"    likelihood: B\n"
	"    impact:\n"
	"      \"1.1\": A\n"
	"      \"2.1\": B\n"
	"      \"2.2\": D\n"
	"      \"3.1\": { ev: C, ll: B, ul: C }\n"
	"  - id: s2\n"
	"    title: Two\n"
	"    kind: hazard\n"
	"    likelihood: { probability: 0.006 }\n"
	"    impact:\n"
	"      \"2.1\": C\n"
	"      \"2.2\": X\n"
	"      \"3.1\": { ev: C, ll: A, ul: D }\n"
	"  - id: s3\n"
	"    title: Three\n"
	"    kind: hazard\n"
	"    likelihood: C+\n"
	"    impact:\n"
	"      \"2.1\": { value: 150 }\n"
	"      \"3.1\": { ev: C, ll: A, ul: E }\n"
	"  - id: s4\n"
	"    title: Four\n"
	"    kind: hazard\n"
	"    likelihood: { probability: 0.04 }\n"
	"    impact:\n"
	"      \"2.1\": { value: 90 }\n"
	"      \"3.1\": { ev: C, ll: B, ul: D }\n";

typedef struct fixture {
	natrisk_diag *diag;
	natrisk_assessment *base, *scores;
	natrisk_results *before;
	natrisk_assessment *residual;   /* made by a test */
	natrisk_results *after;
} fixture;

static int setup(void **state)
{
	unit_use_tree_methods();
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->diag = natrisk_diag_new();
	if (unit_load(&f->base, f->diag, "base.yaml", BASE_YAML) != 0 ||
	    unit_load(&f->scores, f->diag, "effects.yaml", EFFECTS_YAML) != 0) {
		unit_diag_dump(f->diag);
		return -1;
	}
	if (natrisk_results_new(&f->before, f->base, 0) != 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	natrisk_results_free(f->after);
	natrisk_assessment_free(f->residual);
	natrisk_results_free(f->before);
	natrisk_assessment_free(f->scores);
	natrisk_assessment_free(f->base);
	natrisk_diag_free(f->diag);
	free(f);
	return 0;
}

/* The effect on scenario ON of the base: the score that scenario FROM of
 * EFFECTS_YAML has on CRITERION (an id, or NULL for the likelihood). */
static natrisk_effect effect(void **state, const char *from,
                             const char *criterion, size_t on)
{
	fixture *f = *state;
	long i = natrisk_assessment_find_scenario(f->scores, from);
	assert_true(i >= 0);
	const natrisk_scenario *s = natrisk_assessment_scenario(f->scores,
	                                                        (size_t)i);
	natrisk_effect e = { .scenario = on,
		             .criterion = NATRISK_EFFECT_LIKELIHOOD };
	if (!criterion) {
		e.score = s->likelihood;
		return e;
	}
	const natrisk_method *m = natrisk_assessment_method(f->base);
	e.criterion = natrisk_method_find_criterion(m, criterion, strlen(criterion));
	assert_true(e.criterion >= 0);
	e.score = s->impact[e.criterion];
	return e;
}

/* Makes f->residual and f->after from the N EFFECTS. */
static void residual(void **state, const natrisk_effect *effects, size_t n)
{
	fixture *f = *state;
	assert_int_equal(natrisk_residual_assessment_new(&f->residual, f->base,
	                                                 effects, n),
	                 NATRISK_OK);
	assert_int_equal(natrisk_results_new(&f->after, f->residual, 0),
	                 NATRISK_OK);
}

static const natrisk_scenario_result *after(void **state, size_t i)
{
	fixture *f = *state;
	return natrisk_results_get(f->after, i);
}

static const natrisk_score *residual_score(void **state, size_t i,
                                           const char *criterion)
{
	fixture *f = *state;
	const natrisk_scenario *s = natrisk_assessment_scenario(f->residual, i);
	if (!criterion)
		return &s->likelihood;
	long c = natrisk_method_find_criterion(
		natrisk_assessment_method(f->residual), criterion,
		strlen(criterion));
	return &s->impact[c];
}

/* Relative 1e-12. */
static void check_r(double got, double want)
{
	assert_near(got, want, 1e-12 * fabs(want));
}

/* A handle on A (profile 0) with the N EFFECTS applied; the caller frees
 * it. */
static natrisk_residual *handle_with(const natrisk_assessment *a,
                                     const natrisk_effect *effects, size_t n)
{
	natrisk_residual *h;
	assert_int_equal(natrisk_residual_new(&h, a, 0), NATRISK_OK);
	assert_int_equal(natrisk_residual_apply(h, effects, n), NATRISK_OK);
	return h;
}

/* The handle on the same effects gives r bit for bit as the residual
 * assessment's results do, and the same total. */
static void check_handle_agrees(void **state, const natrisk_effect *effects,
                                size_t n)
{
	fixture *f = *state;
	natrisk_residual *h = handle_with(f->base, effects, n);
	for (size_t i = 0; i < 3; i++)
		assert_exact(natrisk_residual_risk_value(h, i),
		             natrisk_results_risk_value(f->after, i));
	assert_exact(natrisk_residual_total_after(h),
	             natrisk_results_risk_total(f->after));
	assert_exact(natrisk_residual_total_before(h),
	             natrisk_results_risk_total(f->before));
	natrisk_residual_free(h);
}

static void test_risk_values_by_hand(void **state)
{
	fixture *f = *state;
	check_r(natrisk_results_risk_value(f->before, ALPHA), R_ALPHA);
	check_r(natrisk_results_risk_value(f->before, BETA), R_BETA);
	check_r(natrisk_results_risk_value(f->before, GAMMA), R_GAMMA);
	check_r(natrisk_results_risk_total(f->before), 4795.698979263992);
	assert_int_equal(natrisk_results_get(f->before, ALPHA)->rank, 1);
	assert_int_equal(natrisk_results_get(f->before, GAMMA)->rank, 2);
	assert_int_equal(natrisk_results_get(f->before, BETA)->rank, 3);
}

/* alpha 2.1 D -> B: T = (3 + 9 + 9) / 10 = 2.1, r = 10^2.5 * 2.1 =
 * 664.0783086353597; its risk 2.5 + log3 2.1 = 3.175 falls below
 * gamma's 3.597 (still above beta's 3.035). */
static void test_lower_class_and_ranks(void **state)
{
	natrisk_effect e[] = { effect(state, "s1", "2.1", ALPHA) };
	residual(state, e, 1);
	assert_int_equal(residual_score(state, ALPHA, "2.1")
	                         ->point[NATRISK_EV].cls, 1);
	assert_near(after(state, ALPHA)->impact[NATRISK_EV].total, 2.1, 1e-12);
	check_r(natrisk_results_risk_value(((fixture *)*state)->after, ALPHA),
	        664.0783086353597);
	assert_int_equal(after(state, GAMMA)->rank, 1);
	assert_int_equal(after(state, ALPHA)->rank, 2);
	assert_int_equal(after(state, BETA)->rank, 3);
	/* the others as they were */
	check_r(natrisk_results_risk_value(((fixture *)*state)->after, BETA),
	        R_BETA);
	check_handle_agrees(state, e, 1);
}

/* alpha 3.1 {C, ll B, ul D}: {C, B, C} has the same EV and a lower UL:
 * it wins, UL total (27 + 9 + 27) / 10 = 6.3 -> (27 + 9 + 9) / 10 =
 * 4.5, EV and r unchanged. */
static void test_equal_ev_lower_ul(void **state)
{
	natrisk_effect e[] = { effect(state, "s1", "3.1", ALPHA) };
	residual(state, e, 1);
	const natrisk_score *s = residual_score(state, ALPHA, "3.1");
	assert_int_equal(s->point[NATRISK_UL].cls, 2);
	assert_near(after(state, ALPHA)->impact[NATRISK_UL].total, 4.5, 1e-12);
	assert_near(after(state, ALPHA)->impact[NATRISK_EV].total, 4.5, 1e-12);
	check_r(natrisk_results_risk_value(((fixture *)*state)->after, ALPHA),
	        R_ALPHA);
	fixture *f = *state;
	natrisk_residual *h = handle_with(f->base, e, 1);
	assert_true(natrisk_residual_changed(h, ALPHA));
	assert_false(natrisk_residual_changed(h, BETA));
	check_r(natrisk_residual_risk_value(h, ALPHA), R_ALPHA);
	natrisk_residual_free(h);
}

/* Same EV and UL, lower LL ({C, A, D}): wins, LL total (27 + 9 + 3) /
 * 10 = 3.9 -> (27 + 9 + 1) / 10 = 3.7. {C, A, E}: a lower LL but a
 * higher UL loses. {C, B, D}: the same score, nothing changes. */
static void test_equal_ev_ul_then_ll(void **state)
{
	natrisk_effect e[] = { effect(state, "s2", "3.1", ALPHA),
		               effect(state, "s3", "3.1", ALPHA),
		               effect(state, "s4", "3.1", ALPHA) };
	residual(state, e, 3);
	const natrisk_score *s = residual_score(state, ALPHA, "3.1");
	assert_int_equal(s->point[NATRISK_LL].cls, 0);
	assert_int_equal(s->point[NATRISK_UL].cls, 3);
	assert_near(after(state, ALPHA)->impact[NATRISK_LL].total, 3.7, 1e-12);
	assert_near(after(state, ALPHA)->impact[NATRISK_UL].total, 6.3, 1e-12);

	fixture *f = *state;
	natrisk_residual *h = handle_with(f->base, e + 1, 2);
	assert_false(natrisk_residual_changed(h, ALPHA));
	natrisk_residual_free(h);
}

/* alpha 2.2 C -> D is worse: no change at all. */
static void test_worse_effect_changes_nothing(void **state)
{
	natrisk_effect e[] = { effect(state, "s1", "2.2", ALPHA) };
	residual(state, e, 1);
	assert_int_equal(residual_score(state, ALPHA, "2.2")
	                         ->point[NATRISK_EV].cls, 2);
	check_r(natrisk_results_risk_value(((fixture *)*state)->after, ALPHA),
	        R_ALPHA);
	fixture *f = *state;
	natrisk_residual *h = handle_with(f->base, e, 1);
	assert_false(natrisk_residual_changed(h, ALPHA));
	assert_exact(natrisk_residual_total_after(h),
	             natrisk_residual_total_before(h));
	natrisk_residual_free(h);
}

/* alpha 2.1 D with C and B: B counts (T 2.1), not the two reductions
 * added (D -> C saves 18, D -> B 24: added they would leave T = 0.3),
 * in either order. */
static void test_two_effects_best_not_sum(void **state)
{
	natrisk_effect e[] = { effect(state, "s2", "2.1", ALPHA),
		               effect(state, "s1", "2.1", ALPHA) };
	residual(state, e, 2);
	assert_near(after(state, ALPHA)->impact[NATRISK_EV].total, 2.1, 1e-12);
	check_r(natrisk_results_risk_value(((fixture *)*state)->after, ALPHA),
	        664.0783086353597);
	check_handle_agrees(state, e, 2);
	natrisk_effect swapped[] = { e[1], e[0] };
	fixture *f = *state;
	natrisk_residual *h = handle_with(f->base, swapped, 2);
	check_r(natrisk_residual_risk_value(h, ALPHA), 664.0783086353597);
	natrisk_residual_free(h);
}

/* alpha's 1.1 is not listed (X): an effect A there changes nothing,
 * where it would otherwise add 0.1 to T. An effect X on a scored
 * criterion takes it away: 2.2 C -> X, T = (27 + 0 + 9) / 10 = 3.6,
 * r = 10^2.5 * 3.6 = 1138.4199576606168. */
static void test_x_criteria(void **state)
{
	natrisk_effect e[] = { effect(state, "s1", "1.1", ALPHA),
		               effect(state, "s2", "2.2", ALPHA) };
	residual(state, e, 2);
	assert_int_equal(residual_score(state, ALPHA, "1.1")
	                         ->point[NATRISK_EV].cls, NATRISK_CLASS_X);
	assert_near(after(state, ALPHA)->impact[NATRISK_EV].total, 3.6, 1e-12);
	check_r(natrisk_results_risk_value(((fixture *)*state)->after, ALPHA),
	        1138.4199576606168);
	check_handle_agrees(state, e, 2);
}

/* A criterion scored X with an upper limit (2.1 {ev X, ul B}, 2.2 C):
 * the effect X, whose UL is lower, still changes nothing there: the UL
 * total stays (3 + 9) / 10 = 1.2, not 0.9. */
static void test_x_with_upper_limit(void **state)
{
	static const char yaml[] =
		"natrisk: 1\ntitle: X with UL\nmethod: nrb-2008\nscenarios:\n"
		"  - id: delta\n    title: Delta\n    kind: hazard\n"
		"    likelihood: C\n"
		"    impact: { \"2.1\": { ev: X, ul: B }, \"2.2\": C }\n";
	fixture *f = *state;
	natrisk_assessment *a, *r;
	assert_int_equal(unit_load(&a, f->diag, "x.yaml", yaml), NATRISK_OK);
	natrisk_effect e = effect(state, "s2", "2.2", 0); /* X */
	e.criterion = 2; /* 2.1 */
	assert_int_equal(natrisk_residual_assessment_new(&r, a, &e, 1),
	                 NATRISK_OK);
	natrisk_results *res;
	assert_int_equal(natrisk_results_new(&res, r, 0), NATRISK_OK);
	assert_near(natrisk_results_get(res, 0)->impact[NATRISK_UL].total, 1.2,
	            1e-12);
	natrisk_residual *h = handle_with(a, &e, 1);
	assert_false(natrisk_residual_changed(h, 0));
	natrisk_residual_free(h);
	natrisk_results_free(res);
	natrisk_assessment_free(r);
	natrisk_assessment_free(a);
}

/* Likelihood, class form: beta D (3.5) -> B (1.5), r = 10^1.5 * 0.6 =
 * 18.973665961010276. Probability form: gamma 0.03 -> 0.006 (2 +
 * log10 1.2), 10^L = 120, r = 120 T = 295.06148721743875. */
static void test_likelihood_effects(void **state)
{
	natrisk_effect e[] = { effect(state, "s1", NULL, BETA),
		               effect(state, "s2", NULL, GAMMA) };
	residual(state, e, 2);
	fixture *f = *state;
	assert_near(after(state, BETA)->likelihood_position[NATRISK_EV], 1.5,
	            1e-12);
	check_r(natrisk_results_risk_value(f->after, BETA), 18.973665961010276);
	assert_near(after(state, GAMMA)->likelihood_position[NATRISK_EV],
	            2.0791812460476249, 1e-12);
	check_r(natrisk_results_risk_value(f->after, GAMMA), 295.06148721743875);
	check_handle_agrees(state, e, 2);
}

/* A likelihood compares by its place on the axis: C+ (2.75) is below
 * p = 0.03 (2.778) and wins, r = 10^2.75 T = 1382.7105644540811;
 * p = 0.04 (2 + log10 8 = 2.903) is above and loses. */
static void test_likelihood_class_against_probability(void **state)
{
	natrisk_effect e[] = { effect(state, "s4", NULL, GAMMA),
		               effect(state, "s3", NULL, GAMMA) };
	residual(state, e, 2);
	const natrisk_score *s = residual_score(state, GAMMA, NULL);
	assert_false(s->point[NATRISK_EV].has_quantity);
	assert_true(s->point[NATRISK_EV].high);
	check_r(natrisk_results_risk_value(((fixture *)*state)->after, GAMMA),
	        1382.7105644540811);

	fixture *f = *state;
	natrisk_residual *h = handle_with(f->base, e, 1);
	assert_false(natrisk_residual_changed(h, GAMMA));
	natrisk_residual_free(h);
}

/* gamma 2.1 is 300 deaths (C): 150 is C too, the same as the engine
 * values it, so it changes nothing; 90 is B and wins: T = (3 + 9 sqrt 3)
 * / 10 = 1.8588457268119896, r = 600 T = 1115.3074360871938. */
static void test_quantities_by_class(void **state)
{
	fixture *f = *state;
	natrisk_effect same[] = { effect(state, "s3", "2.1", GAMMA) };
	natrisk_residual *h = handle_with(f->base, same, 1);
	assert_false(natrisk_residual_changed(h, GAMMA));
	check_r(natrisk_residual_risk_value(h, GAMMA), R_GAMMA);
	natrisk_residual_free(h);

	natrisk_effect e[] = { same[0], effect(state, "s4", "2.1", GAMMA) };
	residual(state, e, 2);
	const natrisk_score *s = residual_score(state, GAMMA, "2.1");
	assert_true(s->point[NATRISK_EV].has_quantity);
	assert_near(s->point[NATRISK_EV].quantity, 90, 0);
	check_r(natrisk_results_risk_value(f->after, GAMMA), 1115.3074360871938);
}

/* The set {alpha 2.1 -> B, beta likelihood -> B, gamma 2.1 -> 90}:
 * after 664.0783086353597 + 18.973665961010276 + 1115.3074360871938 =
 * 1798.3594106835637, reduction 4795.698979263992 - that =
 * 2997.339568580429; ranks gamma 1 (3.342), alpha 2 (3.175), beta 3
 * (1.035). */
static void test_total_reduction(void **state)
{
	fixture *f = *state;
	natrisk_effect e[] = { effect(state, "s1", "2.1", ALPHA),
		               effect(state, "s1", NULL, BETA),
		               effect(state, "s4", "2.1", GAMMA) };
	residual(state, e, 3);
	check_r(natrisk_results_risk_total(f->after), 1798.3594106835637);
	assert_int_equal(after(state, GAMMA)->rank, 1);
	assert_int_equal(after(state, ALPHA)->rank, 2);
	assert_int_equal(after(state, BETA)->rank, 3);

	natrisk_residual *h;
	assert_int_equal(natrisk_residual_new(&h, f->base, 0), NATRISK_OK);
	check_r(natrisk_residual_total_before(h), 4795.698979263992);
	assert_exact(natrisk_residual_total_after(h),
	             natrisk_residual_total_before(h));
	assert_int_equal(natrisk_residual_apply(h, e, 3), NATRISK_OK);
	check_r(natrisk_residual_total_before(h) -
	                natrisk_residual_total_after(h),
	        2997.339568580429);
	double full = natrisk_residual_total_after(h);
	/* another set, then this one again: the same number, bit for bit,
	 * and the scenarios only the other set touched are back */
	assert_int_equal(natrisk_residual_apply(h, e + 1, 1), NATRISK_OK);
	check_r(natrisk_residual_risk_value(h, ALPHA), R_ALPHA);
	check_r(natrisk_residual_risk_value(h, GAMMA), R_GAMMA);
	assert_false(natrisk_residual_changed(h, ALPHA));
	assert_int_equal(natrisk_residual_apply(h, e, 3), NATRISK_OK);
	assert_exact(natrisk_residual_total_after(h), full);
	assert_int_equal(natrisk_residual_apply(h, NULL, 0), NATRISK_OK);
	assert_exact(natrisk_residual_total_after(h),
	             natrisk_residual_total_before(h));
	natrisk_residual_free(h);
	check_handle_agrees(state, e, 3);
}

/* The residual borrows the base's method and copies what it takes: the
 * base and the effects' owner are unchanged, and the residual outlives
 * the effects' owner. */
static void test_ownership(void **state)
{
	fixture *f = *state;
	natrisk_effect e[] = { effect(state, "s1", "2.1", ALPHA) };
	residual(state, e, 1);
	assert_ptr_equal(natrisk_assessment_method(f->residual),
	                 natrisk_assessment_method(f->base));
	assert_int_equal(natrisk_assessment_scenario(f->base, ALPHA)
	                         ->impact[2].point[NATRISK_EV].cls, 3);
	natrisk_assessment_free(f->scores);
	f->scores = NULL;
	assert_string_equal(natrisk_assessment_scenario(f->residual, GAMMA)->id,
	                    "gamma");
	assert_int_equal(residual_score(state, ALPHA, "2.1")
	                         ->point[NATRISK_EV].cls, 1);
}

static void test_bad_effects(void **state)
{
	fixture *f = *state;
	natrisk_effect good = effect(state, "s1", "2.1", ALPHA);
	natrisk_effect bad[4] = { good, good, good, good };
	bad[0].scenario = 3;
	bad[1].criterion = 10;
	bad[2].criterion = -2;
	bad[3] = effect(state, "s2", "2.2", ALPHA); /* X */
	bad[3].criterion = NATRISK_EFFECT_LIKELIHOOD;
	natrisk_residual *h;
	assert_int_equal(natrisk_residual_new(&h, f->base, 0), NATRISK_OK);
	for (size_t k = 0; k < 4; k++) {
		natrisk_effect set[] = { good, bad[k] };
		natrisk_assessment *out = (natrisk_assessment *)1;
		assert_int_equal(natrisk_residual_assessment_new(&out, f->base,
		                                                 set, 2),
		                 NATRISK_EINVALID);
		assert_null(out);
		assert_int_equal(natrisk_residual_apply(h, set, 2),
		                 NATRISK_EINVALID);
		assert_true(strlen(natrisk_error_last()) > 0);
		/* a failed set leaves none in place */
		assert_exact(natrisk_residual_total_after(h),
		             natrisk_residual_total_before(h));
		assert_false(natrisk_residual_changed(h, ALPHA));
	}
	natrisk_residual_free(h);
	natrisk_residual *none = (natrisk_residual *)1;
	assert_int_equal(natrisk_residual_new(&none, f->base, 99),
	                 NATRISK_ENOTFOUND);
	assert_null(none);
}

/* The assess JSON carries risk_value only when asked. */
static void test_json_risk_value(void **state)
{
	fixture *f = *state;
	natrisk_effect e[] = { effect(state, "s1", NULL, BETA) };
	residual(state, e, 1);
	natrisk_json_options options = { .risk_value = true };
	char *text = natrisk_results_json_with(f->after, &options);
	assert_non_null(text);
	json_t *root = json_loads(text, 0, NULL);
	free(text);
	assert_non_null(root);
	json_t *beta = json_array_get(json_object_get(root, "scenarios"), BETA);
	assert_string_equal(json_string_value(json_object_get(beta, "id")),
	                    "beta");
	check_r(json_real_value(json_object_get(beta, "risk_value")),
	        18.973665961010276);
	assert_int_equal(json_integer_value(json_object_get(beta, "rank")), 3);
	json_decref(root);

	text = natrisk_results_json(f->after);
	assert_non_null(text);
	assert_null(strstr(text, "risk_value"));
	free(text);
}

/* One handle through 300 random sets from a pool of every effect score
 * of EFFECTS_YAML on every base scenario: after each set its risk values
 * and total are those of a residual assessment made afresh, bit for bit,
 * whatever sets came before. */
static void test_handle_matches_fresh_residuals(void **state)
{
	fixture *f = *state;
	const natrisk_method *m = natrisk_assessment_method(f->base);
	size_t criteria = natrisk_method_criterion_count(m);
	natrisk_effect pool[4 * 11 * 3];
	size_t n = 0;
	for (size_t j = 0; j < 4; j++) {
		const natrisk_scenario *s = natrisk_assessment_scenario(f->scores, j);
		for (long c = -1; c < (long)criteria; c++) {
			const natrisk_score *score = c < 0 ? &s->likelihood
			                                   : &s->impact[c];
			if (c >= 0 && !score->given)
				continue;
			for (size_t on = 0; on < 3; on++)
				pool[n++] = (natrisk_effect){ on, c, *score };
		}
	}
	natrisk_residual *h = handle_with(f->base, NULL, 0);
	unsigned long long x = 88172645463325252ull;
	for (int round = 0; round < 300; round++) {
		natrisk_effect set[8];
		size_t k = 0;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		for (size_t want = x % 9; k < want; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			set[k] = pool[x % n];
		}
		assert_int_equal(natrisk_residual_apply(h, set, k), NATRISK_OK);
		natrisk_assessment *r;
		natrisk_results *res;
		assert_int_equal(natrisk_residual_assessment_new(&r, f->base, set, k),
		                 NATRISK_OK);
		assert_int_equal(natrisk_results_new(&res, r, 0), NATRISK_OK);
		for (size_t i = 0; i < 3; i++)
			assert_exact(natrisk_residual_risk_value(h, i),
			             natrisk_results_risk_value(res, i));
		assert_exact(natrisk_residual_total_after(h),
		             natrisk_results_risk_total(res));
		natrisk_results_free(res);
		natrisk_assessment_free(r);
	}
	natrisk_residual_free(h);
}

/* Occurrences of NEEDLE in TEXT. */
static size_t count_of(const char *text, const char *needle)
{
	size_t n = 0;
	for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* The residual diagram: with alpha moved (2.1 D -> B) and gamma changed
 * only in a way that leaves its place (a lower UL on 3.1 would; here
 * 2.1 300 -> 150, the same class), one "previous" mark and one arrow,
 * both alpha's, and the legend says where arrows start. */
static void test_diagram_arrows(void **state)
{
	fixture *f = *state;
	natrisk_effect e[] = { effect(state, "s1", "2.1", ALPHA),
		               effect(state, "s1", "3.1", ALPHA),
		               effect(state, "s3", "2.1", GAMMA) };
	residual(state, e, 3);
	natrisk_diagram_options options = {
		.lang = NATRISK_LANG_EN, .previous = f->before,
		.previous_before_measures = true };
	natrisk_scene *scene;
	assert_int_equal(natrisk_diagram_scene(&scene, f->after, &options),
	                 NATRISK_OK);
	char *svg = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&svg, &len);
	assert_int_equal(natrisk_scene_write_svg(scene, false, out),
	                 NATRISK_OK);
	fclose(out);
	natrisk_scene_free(scene);
	assert_int_equal(count_of(svg, "class=\"previous\" data-scenario=\"alpha\""),
	                 1);
	assert_true(count_of(svg, "class=\"arrow\" data-scenario=\"alpha\"") >= 1);
	assert_int_equal(count_of(svg, "class=\"previous\" data-scenario="), 1);
	assert_int_equal(count_of(svg, "class=\"arrow\" data-scenario=\"gamma\""), 0);
	assert_int_equal(count_of(svg, "class=\"arrow\" data-scenario=\"beta\""), 0);
	assert_non_null(strstr(svg, "from before the measures"));
	assert_null(strstr(svg, "from previous edition"));
	free(svg);
}

/* natrisk_residual_choose: alpha's scores with C and B on 2.1 (B wins),
 * D on 2.2 (worse: alpha's own C stays), {C, B, C} on 3.1 (same EV,
 * lower UL: wins), A on 1.1 (alpha scores X there: stays), and B on
 * beta's likelihood (another scenario: skipped, alpha's own stays). */
static void test_choose_points_to_the_winner(void **state)
{
	fixture *f = *state;
	natrisk_effect e[] = { effect(state, "s2", "2.1", ALPHA),
		               effect(state, "s1", "2.1", ALPHA),
		               effect(state, "s1", "2.2", ALPHA),
		               effect(state, "s1", "3.1", ALPHA),
		               effect(state, "s1", "1.1", ALPHA),
		               effect(state, "s1", NULL, BETA) };
	const natrisk_method *m = natrisk_assessment_method(f->base);
	const natrisk_score *chosen[11];
	assert_int_equal(natrisk_method_criterion_count(m), 10);
	assert_int_equal(natrisk_residual_choose(f->base, e, 6, ALPHA, chosen),
	                 NATRISK_OK);
	const natrisk_scenario *alpha = natrisk_assessment_scenario(f->base,
	                                                            ALPHA);
	long c21 = natrisk_method_find_criterion(m, "2.1", 3);
	long c22 = natrisk_method_find_criterion(m, "2.2", 3);
	long c31 = natrisk_method_find_criterion(m, "3.1", 3);
	long c11 = natrisk_method_find_criterion(m, "1.1", 3);
	assert_ptr_equal(chosen[0], &alpha->likelihood);
	assert_ptr_equal(chosen[1 + c21], &e[1].score);
	assert_ptr_equal(chosen[1 + c22], &alpha->impact[c22]);
	assert_ptr_equal(chosen[1 + c31], &e[3].score);
	assert_ptr_equal(chosen[1 + c11], &alpha->impact[c11]);
	/* beta: only its likelihood effect counts */
	assert_int_equal(natrisk_residual_choose(f->base, e, 6, BETA, chosen),
	                 NATRISK_OK);
	assert_ptr_equal(chosen[0], &e[5].score);
	const natrisk_scenario *beta = natrisk_assessment_scenario(f->base,
	                                                           BETA);
	assert_ptr_equal(chosen[1 + c21], &beta->impact[c21]);
	/* an effect on no scenario of the assessment is refused */
	e[0].scenario = 7;
	assert_int_equal(natrisk_residual_choose(f->base, e, 1, ALPHA, chosen),
	                 NATRISK_EINVALID);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_risk_values_by_hand),
		T(test_lower_class_and_ranks),
		T(test_equal_ev_lower_ul),
		T(test_equal_ev_ul_then_ll),
		T(test_worse_effect_changes_nothing),
		T(test_two_effects_best_not_sum),
		T(test_x_criteria),
		T(test_x_with_upper_limit),
		T(test_likelihood_effects),
		T(test_likelihood_class_against_probability),
		T(test_quantities_by_class),
		T(test_total_reduction),
		T(test_ownership),
		T(test_bad_effects),
		T(test_json_risk_value),
		T(test_diagram_arrows),
		T(test_handle_matches_fresh_residuals),
		T(test_choose_points_to_the_winner),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
