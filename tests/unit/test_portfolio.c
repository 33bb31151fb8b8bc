/*
 * test_portfolio.c - the exact portfolio (portfolio.h): on random
 * problems of up to 16 measures the optimum, ties included, equals
 * exhaustive enumeration of all 2^n sets done here; small cases worked
 * by hand with overlapping effects; infeasible must sets and bad
 * problems give clear errors.
 */
#include "unit_support.h"

#include <pthread.h>

#include <natrisk/portfolio.h>

#include "core/portfolio_model.h"

#include "portfolio_enum.h"


/* Three budgets, each solved by the branch and bound (portfolio_bnb.c,
 * these risks being submodular) and by the MILP alone. */
static void check_against_enumeration(shape *sh, uint64_t *rng, int *ties)
{
	natrisk_portfolio *p;
	assert_int_equal(natrisk_portfolio_new(&sh->problem, &p), NATRISK_OK);
	assert_true(p->submodular);
	double total = set_cost(sh, (1u << sh->measures) - 1);
	for (int trial = 0; trial < 3; trial++) {
		double budget = floor(shape_uniform(rng) * (total + 1.0));
		best want;
		for (int milp_alone = 0; milp_alone < 2; milp_alone++) {
			p->milp_only = milp_alone;
			expect_enumerated(p, sh, budget, &want);
		}
		*ties += want.found && want.count > 0 && want.reduction == 0.0;
	}
	natrisk_portfolio_free(p);
}

static void random_problems_match_enumeration(void **state)
{
	uint64_t rng = 20121205;
	int ties = 0;
	for (int round = 0; round < 120; round++) {
		size_t n = 1 + shape_below(&rng, 16);
		size_t scenarios = 1 + shape_below(&rng, 8);
		bool coarse = round % 3 != 2;
		shape sh;
		assert_int_equal(shape_make(&sh, shape_next(&rng), n, scenarios,
		                            2, 0.15, coarse), NATRISK_OK);
		sh.problem.years = (unsigned)shape_below(&rng, 3);
		if (round % 2)
			mark(&sh, &rng);
		check_against_enumeration(&sh, &rng, &ties);
		shape_free(&sh);
	}
}


/* ---- small cases worked by hand ---- */

static const char *const shape_ids[17] = {
	"m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10",
	"m11", "m12", "m13", "m14", "m15", "m16",
};

/* Solves PR at BUDGET, expecting the ids in WANT (space-separated,
 * sorted) and the reduction REDUCTION. */
static void expect_choice(const natrisk_portfolio_problem *pr, double budget,
                          const char *want, double reduction, double cost)
{
	natrisk_portfolio *p;
	assert_int_equal(natrisk_portfolio_new(pr, &p), NATRISK_OK);
	natrisk_portfolio_choice c;
	assert_int_equal(natrisk_portfolio_solve(p, budget, &c), NATRISK_OK);
	char got[256] = "";
	for (size_t m = 0; m < pr->measure_count; m++)
		if (c.selected[m])
			strcat(strcat(got, pr->measures[m].id), " ");
	assert_string_equal(got, want);
	assert_exact(c.reduction, reduction);
	assert_exact(c.cost, cost);
	natrisk_portfolio_choice_release(&c);
	natrisk_portfolio_free(p);
}

/* One scenario: likelihood 2, impacts 3 and 2, r = 10^2 x 5 = 500.
 * a: first impact 1 (r 300); b: first impact 2 (400); c: likelihood 1
 * (10 x 5 = 50). a and b on one score: the better counts, 300, not the
 * 500 - 200 - 100 = 200 of a sum. */
static const size_t abc[] = { 0, 1, 2 };
static const double abc_risk[8] = {
	500,      /* none */
	300,      /* a: 100 x (1 + 2) */
	400,      /* b: 100 x (2 + 2) */
	300,      /* a b: first impact min(1, 2) = 1 */
	50,       /* c: 10 x (3 + 2) */
	30,       /* a c: 10 x (1 + 2) */
	40,       /* b c: 10 x (2 + 2) */
	30,       /* a b c */
};

static void overlapping_effects_do_not_add(void **state)
{
	natrisk_portfolio_measure ms[3] = {
		{ .id = "a", .cost_once = 3 }, { .id = "b", .cost_once = 1 },
		{ .id = "c", .cost_once = 4, .cost_yearly = 0.5 },
	};
	natrisk_portfolio_scenario sc = { abc, 3, abc_risk };
	natrisk_portfolio_problem pr = { .measures = ms, .measure_count = 3,
	                                 .scenarios = &sc, .scenario_count = 1,
	                                 .years = 2 }; /* c costs 5 */
	expect_choice(&pr, 0, "", 0, 0);
	expect_choice(&pr, 2, "b ", 100, 1);
	/* a b would be 300 if effects added; it is 200, as a alone */
	expect_choice(&pr, 4, "a ", 200, 3);
	expect_choice(&pr, 5, "c ", 450, 5);
	expect_choice(&pr, 7, "b c ", 460, 6);
	expect_choice(&pr, 8, "a c ", 470, 8);
	/* a b c is as good as a c, and dearer */
	expect_choice(&pr, 100, "a c ", 470, 8);
}

/* Equal reduction and cost: the fewer measures; then the first ids. */
static void ties_go_to_fewer_then_first_ids(void **state)
{
	/* s0 and s1: 10 -> 4 by zeta and by alpha alone; s2: 10 (impacts 5
	 * and 5 at likelihood 0) -> 5 by p (both impacts 2.5), 7.5 by y or
	 * z (one each), 5 by y and z together. */
	natrisk_portfolio_measure ms[6] = {
		{ .id = "zeta", .cost_once = 1 }, { .id = "alpha", .cost_once = 1 },
		{ .id = "beta" }, { .id = "p", .cost_once = 2 },
		{ .id = "y", .cost_once = 1 }, { .id = "z", .cost_once = 1 },
	};
	static const size_t t0[] = { 0 }, t1[] = { 1 }, t2[] = { 3, 4, 5 };
	static const double r01[] = { 10, 4 };
	static const double r2[] = { 10, 5, 7.5, 5, 7.5, 5, 5, 5 };
	natrisk_portfolio_scenario sc[3] = { { t0, 1, r01 }, { t1, 1, r01 },
	                                     { t2, 3, r2 } };
	natrisk_portfolio_problem pr = { .measures = ms, .measure_count = 6,
	                                 .scenarios = sc, .scenario_count = 3 };
	/* zeta or alpha: alpha, whose id comes first; beta (free, no
	 * effect) never enters */
	expect_choice(&pr, 1, "alpha ", 6, 1);
	/* 2: zeta + alpha (12) beats p or y + z (5) */
	expect_choice(&pr, 2, "zeta alpha ", 12, 2);
	bool never[6] = { true, true };
	pr.never = never;
	/* p, or y and z: 5 for 2 either way; p is one measure */
	expect_choice(&pr, 2, "p ", 5, 2);
	/* y alone: 2.5 for 1 */
	expect_choice(&pr, 1, "y ", 2.5, 1);
}

/* a requires b and excludes c (listed on a only: symmetric). */
static const size_t ta[] = { 0 }, tc[] = { 2 };
static const double ra[] = { 100, 10 }, rc[] = { 50, 20 };
static const size_t a_requires[] = { 1 }, a_excludes[] = { 2 };

static natrisk_portfolio_problem linked(natrisk_portfolio_measure *ms,
                                        natrisk_portfolio_scenario *sc)
{
	ms[0] = (natrisk_portfolio_measure){ .id = "a", .cost_once = 2,
		.requires = a_requires, .require_count = 1,
		.excludes = a_excludes, .exclude_count = 1 };
	ms[1] = (natrisk_portfolio_measure){ .id = "b", .cost_once = 1 };
	ms[2] = (natrisk_portfolio_measure){ .id = "c", .cost_once = 1 };
	sc[0] = (natrisk_portfolio_scenario){ ta, 1, ra };
	sc[1] = (natrisk_portfolio_scenario){ tc, 1, rc };
	return (natrisk_portfolio_problem){ .measures = ms, .measure_count = 3,
	                                    .scenarios = sc,
	                                    .scenario_count = 2 };
}

static void requires_and_excludes_hold(void **state)
{
	natrisk_portfolio_measure ms[3];
	natrisk_portfolio_scenario sc[2];
	natrisk_portfolio_problem pr = linked(ms, sc);
	expect_choice(&pr, 3, "a b ", 90, 3);
	/* a without b is not allowed: c (b would add nothing) */
	expect_choice(&pr, 2, "c ", 30, 1);
	/* a c excluded, from a's side only */
	expect_choice(&pr, 10, "a b ", 90, 3);
	bool must[3] = { false, false, true };
	pr.must = must;
	expect_choice(&pr, 10, "c ", 30, 1);
}

static void expect_solve_error(const natrisk_portfolio_problem *pr,
                               double budget, const char *message)
{
	natrisk_portfolio *p;
	assert_int_equal(natrisk_portfolio_new(pr, &p), NATRISK_OK);
	natrisk_portfolio_choice c;
	assert_int_equal(natrisk_portfolio_solve(p, budget, &c),
	                 NATRISK_EINVALID);
	assert_string_equal(natrisk_error_last(), message);
	assert_null(c.selected);
	natrisk_portfolio_free(p);
}

static void infeasible_must_sets_are_errors(void **state)
{
	natrisk_portfolio_measure ms[3];
	natrisk_portfolio_scenario sc[2];
	natrisk_portfolio_problem pr = linked(ms, sc);
	bool must[3] = { true, false, false }, never[3] = { false, true };
	pr.must = must;
	pr.never = never;
	expect_solve_error(&pr, 10, "measure b is needed by the measures that "
	                   "must be chosen but may never be chosen");
	pr.never = NULL;
	must[2] = true;
	expect_solve_error(&pr, 10, "the measures that must be chosen need "
	                   "both a and c, which exclude each other");
	must[2] = false;
	expect_solve_error(&pr, 2.5, "the measures that must be chosen, with "
	                   "those they require, cost more than the budget");
	expect_solve_error(&pr, -1, "the budget must be a number >= 0");
	expect_choice(&pr, 3, "a b ", 90, 3);
}

static int failing_risk(void *user, size_t scenario, unsigned long mask,
                        double *risk)
{
	*risk = 0;
	return mask == 1 ? NATRISK_ENOTFOUND : NATRISK_OK;
}

static void expect_new_error(const natrisk_portfolio_problem *pr, int code,
                             const char *message)
{
	natrisk_portfolio *p = (natrisk_portfolio *)pr;
	assert_int_equal(natrisk_portfolio_new(pr, &p), code);
	assert_null(p);
	if (message)
		assert_string_equal(natrisk_error_last(), message);
}

static void bad_problems_are_errors(void **state)
{
	natrisk_portfolio_measure ms[17];
	size_t touching[17];
	for (size_t m = 0; m < 17; m++) {
		ms[m] = (natrisk_portfolio_measure){ .id = shape_ids[m] };
		touching[m] = m;
	}
	static const double rising[] = { 10, 20 };
	natrisk_portfolio_scenario sc = { touching, 1, rising };
	natrisk_portfolio_problem pr = { .measures = ms, .measure_count = 17,
	                                 .scenarios = &sc, .scenario_count = 1 };
	expect_new_error(&pr, NATRISK_EINVALID,
	                 "scenario 0: the risk rises when measure m0 is added");
	sc.touching_count = 17;
	expect_new_error(&pr, NATRISK_EINVALID,
	                 "scenario 0 is touched by 17 measures; the exact "
	                 "portfolio handles at most 16");
	sc.touching_count = 1;
	ms[3].cost_yearly = -1;
	expect_new_error(&pr, NATRISK_EINVALID,
	                 "measure m3: a cost must be a number >= 0");
	ms[3].cost_yearly = 0;
	ms[5].id = "m4";
	expect_new_error(&pr, NATRISK_EINVALID, "two measures have the id m4");
	ms[5].id = shape_ids[5];
	size_t beyond = 17;
	ms[2].requires = &beyond;
	ms[2].require_count = 1;
	expect_new_error(&pr, NATRISK_EINVALID,
	                 "measure m2 requires measure 17 of 17");
	ms[2].require_count = 0;
	pr.risk_fn = failing_risk;
	expect_new_error(&pr, NATRISK_ENOTFOUND, NULL);
}

/* The frontier: budgets 0, 4.5, 9 over the overlapping case. */
static void frontier_spans_zero_to_all(void **state)
{
	natrisk_portfolio_measure ms[3] = {
		{ .id = "a", .cost_once = 3 }, { .id = "b", .cost_once = 1 },
		{ .id = "c", .cost_once = 5 },
	};
	natrisk_portfolio_scenario sc = { abc, 3, abc_risk };
	natrisk_portfolio_problem pr = { .measures = ms, .measure_count = 3,
	                                 .scenarios = &sc, .scenario_count = 1 };
	natrisk_portfolio *p;
	assert_int_equal(natrisk_portfolio_new(&pr, &p), NATRISK_OK);
	double budgets[3], cost, alone;
	natrisk_portfolio_choice c[3];
	assert_int_equal(natrisk_portfolio_frontier(p, 3, budgets, c),
	                 NATRISK_OK);
	assert_exact(budgets[0], 0);
	assert_exact(budgets[1], 4.5);
	assert_exact(budgets[2], 9);
	assert_exact(c[0].reduction, 0);
	assert_exact(c[1].reduction, 200); /* a; b would make it no better */
	assert_exact(c[2].reduction, 470);
	assert_exact(c[2].risk_before, 500);
	assert_exact(c[2].risk_after, 30);
	for (int k = 0; k < 3; k++)
		natrisk_portfolio_choice_release(&c[k]);
	assert_int_equal(natrisk_portfolio_measure_alone(p, 2, &cost, &alone),
	                 NATRISK_OK);
	assert_exact(cost, 5);
	assert_exact(alone, 450);
	assert_int_equal(natrisk_portfolio_measure_alone(p, 3, &cost, &alone),
	                 NATRISK_ENOTFOUND);
	assert_string_equal(natrisk_portfolio_solver(), "CBC");
	natrisk_portfolio_free(p);
}

/* Two threads solving at once get what one thread gets (CBC's C
 * interface garbles its settings when two solves overlap). */
typedef struct racer {
	const natrisk_portfolio *p;
	double budget;
	uint32_t set;
	double reduction;
	int failures;
} racer;

static void *race(void *arg)
{
	racer *r = arg;
	for (int k = 0; k < 8; k++) {
		natrisk_portfolio_choice c;
		if (natrisk_portfolio_solve(r->p, r->budget, &c) != NATRISK_OK ||
		    chosen_set(&c, 12) != r->set || c.reduction != r->reduction)
			r->failures++;
		natrisk_portfolio_choice_release(&c);
	}
	return NULL;
}

static void threads_solve_alike(void **state)
{
	shape sh;
	assert_int_equal(shape_make(&sh, 77, 12, 10, 2, 0.1, false),
	                 NATRISK_OK);
	natrisk_portfolio *p;
	assert_int_equal(natrisk_portfolio_new(&sh.problem, &p), NATRISK_OK);
	double budget = 0.4 * set_cost(&sh, (1u << 12) - 1);
	best want = enumerate(&sh, budget);
	/* the MILP (CBC under its lock), then the branch and bound */
	for (int milp_alone = 1; milp_alone >= 0; milp_alone--) {
		p->milp_only = milp_alone;
		racer r[2] = { { p, budget, want.set, want.reduction, 0 },
		               { p, budget, want.set, want.reduction, 0 } };
		pthread_t other;
		assert_int_equal(pthread_create(&other, NULL, race, &r[1]), 0);
		race(&r[0]);
		pthread_join(other, NULL);
		assert_int_equal(r[0].failures + r[1].failures, 0);
	}
	natrisk_portfolio_free(p);
	shape_free(&sh);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(random_problems_match_enumeration),
		cmocka_unit_test(overlapping_effects_do_not_add),
		cmocka_unit_test(ties_go_to_fewer_then_first_ids),
		cmocka_unit_test(requires_and_excludes_hold),
		cmocka_unit_test(infeasible_must_sets_are_errors),
		cmocka_unit_test(bad_problems_are_errors),
		cmocka_unit_test(frontier_spans_zero_to_all),
		cmocka_unit_test(threads_solve_alike),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
