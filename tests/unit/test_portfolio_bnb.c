/*
 * test_portfolio_bnb.c - the portfolio's own branch and bound
 * (src/core/portfolio_bnb.c) against two independent references: the
 * MILP alone (CBC, the engine before it) on problems of up to 45
 * measures, and exhaustive enumeration when the search gives up part
 * way and the MILP takes over. Risks that are not submodular go to the
 * MILP. And the 60 x 100 benchmark's 20-point frontier point by point
 * as the MILP alone finds it (its speed is bench/bench_portfolio.c's:
 * speed is measured in benchmarks, not in timed tests).
 */
#include "unit_support.h"

#include <natrisk/portfolio.h>

#include "core/portfolio_model.h"

#include "portfolio_enum.h"

/* Solves P at BUDGET into *C, through the MILP alone or not. */
static int solve_with(natrisk_portfolio *p, bool milp_alone, double budget,
                      natrisk_portfolio_choice *c)
{
	p->milp_only = milp_alone;
	int rc = natrisk_portfolio_solve(p, budget, c);
	p->milp_only = false;
	return rc;
}

static void same_choice(const natrisk_portfolio_choice *a,
                        const natrisk_portfolio_choice *b, size_t n)
{
	for (size_t m = 0; m < n; m++)
		assert_int_equal(a->selected[m], b->selected[m]);
	assert_int_equal(a->selected_count, b->selected_count);
	assert_exact(a->reduction, b->reduction);
	assert_exact(a->cost, b->cost);
	assert_exact(a->risk_after, b->risk_after);
}

/* The branch and bound settles BUDGET on its own (no MILP), and its
 * set is the MILP's; or both fail alike (a must set that cannot be). */
static void expect_as_milp(natrisk_portfolio *p, double budget)
{
	size_t n = p->measures;
	natrisk_portfolio_choice ours, milp_choice;
	int rc = solve_with(p, true, budget, &milp_choice);
	assert_int_equal(solve_with(p, false, budget, &ours), rc);
	if (rc == NATRISK_OK) {
		same_choice(&ours, &milp_choice, n);
		bool *set = calloc(n + 1, sizeof *set), solved = false;
		assert_non_null(set);
		assert_int_equal(portfolio_bnb_solve(p, budget, set, &solved),
		                 NATRISK_OK);
		assert_true(solved);
		for (size_t m = 0; m < n; m++)
			assert_int_equal(set[m], ours.selected[m]);
		free(set);
	}
	natrisk_portfolio_choice_release(&ours);
	natrisk_portfolio_choice_release(&milp_choice);
}

static void larger_problems_match_the_milp(void **state)
{
	uint64_t rng = 4747;
	for (int round = 0; round < 24; round++) {
		size_t n = 17 + shape_below(&rng, 29);
		size_t scenarios = 10 + shape_below(&rng, 60);
		shape sh;
		/* coarse scores and costs tie often */
		assert_int_equal(shape_make(&sh, shape_next(&rng), n, scenarios,
		                            3, 0.08, round % 2 == 0), NATRISK_OK);
		sh.problem.years = (unsigned)shape_below(&rng, 3);
		if (round % 3 == 1)
			mark(&sh, &rng);
		natrisk_portfolio *p;
		assert_int_equal(natrisk_portfolio_new(&sh.problem, &p),
		                 NATRISK_OK);
		assert_true(p->submodular);
		for (int trial = 0; trial < 2; trial++)
			expect_as_milp(p, floor(shape_uniform(&rng) *
			                        p->total_cost));
		natrisk_portfolio_free(p);
		shape_free(&sh);
	}
}

/* A search that gives up after a few nodes, in any of its stages,
 * leaves the answer to the MILP: still the enumeration's. */
static void giving_up_part_way_is_still_exact(void **state)
{
	static const size_t limits[] = { 1, 4, 20, 60, 200, 1000 };
	uint64_t rng = 1212;
	int gave_up = 0;
	for (int round = 0; round < 30; round++) {
		size_t n = 4 + shape_below(&rng, 11);
		shape sh;
		assert_int_equal(shape_make(&sh, shape_next(&rng), n, 2 * n, 2,
		                            0.15, round % 3 != 2), NATRISK_OK);
		if (round % 2)
			mark(&sh, &rng);
		natrisk_portfolio *p;
		assert_int_equal(natrisk_portfolio_new(&sh.problem, &p),
		                 NATRISK_OK);
		double budget = floor(shape_uniform(&rng) * (p->total_cost + 1));
		for (size_t k = 0; k < sizeof limits / sizeof *limits; k++) {
			p->bnb_node_limit = limits[k];
			best want;
			expect_enumerated(p, &sh, budget, &want);
			bool *set = calloc(n, sizeof *set), solved = true;
			assert_non_null(set);
			if (want.found) {
				assert_int_equal(portfolio_bnb_solve(p, budget, set,
				                                     &solved),
				                 NATRISK_OK);
				gave_up += !solved;
			}
			free(set);
		}
		natrisk_portfolio_free(p);
		shape_free(&sh);
	}
	assert_true(gave_up > 30); /* the fallback was taken, often */
}

/* Two measures worth little alone and much together: the reduction of
 * one grows when the other is in place, so no bound by sums holds and
 * the MILP solves. r: none 100, a 90, b 90, both 10. */
static void rising_gains_go_to_the_milp(void **state)
{
	static const size_t ab[] = { 0, 1 }, only_c[] = { 2 };
	static const double r_ab[] = { 100, 90, 90, 10 }, r_c[] = { 50, 20 };
	natrisk_portfolio_measure ms[3] = {
		{ .id = "b", .cost_once = 1 }, { .id = "a", .cost_once = 1 },
		{ .id = "c", .cost_once = 1 },
	};
	natrisk_portfolio_scenario sc[2] = { { ab, 2, r_ab },
	                                     { only_c, 1, r_c } };
	natrisk_portfolio_problem pr = { .measures = ms, .measure_count = 3,
	                                 .scenarios = sc, .scenario_count = 2 };
	natrisk_portfolio *p;
	assert_int_equal(natrisk_portfolio_new(&pr, &p), NATRISK_OK);
	assert_false(p->submodular);
	natrisk_portfolio_choice c;
	/* budget 2: a and b (90) beat c with either (30 + 10) */
	assert_int_equal(natrisk_portfolio_solve(p, 2, &c), NATRISK_OK);
	assert_true(c.selected[0] && c.selected[1] && !c.selected[2]);
	assert_exact(c.reduction, 90);
	natrisk_portfolio_choice_release(&c);
	/* budget 1: c (30) */
	assert_int_equal(natrisk_portfolio_solve(p, 1, &c), NATRISK_OK);
	assert_true(!c.selected[0] && !c.selected[1] && c.selected[2]);
	assert_exact(c.reduction, 30);
	natrisk_portfolio_choice_release(&c);
	natrisk_portfolio_free(p);
}

/* bench/bench_portfolio.c's problem: the frontier the benchmark times
 * (4.0-4.4 s of CPU through the MILP alone) is the MILP's, point by
 * point. */
static void the_benchmark_frontier_matches_the_milp(void **state)
{
	shape sh;
	assert_int_equal(shape_make(&sh, 2012, 60, 100, 3, 0.05, false),
	                 NATRISK_OK);
	natrisk_portfolio *p;
	assert_int_equal(natrisk_portfolio_new(&sh.problem, &p), NATRISK_OK);
	natrisk_portfolio_choice c[20];
	assert_int_equal(natrisk_portfolio_frontier(p, 20, NULL, c), NATRISK_OK);
	/* every point as the MILP alone finds it (4 s of CPU) */
	for (size_t k = 0; k < 20; k++) {
		natrisk_portfolio_choice milp_choice;
		double budget = natrisk_portfolio_sweep_budget(p, 20, k);
		assert_int_equal(solve_with(p, true, budget, &milp_choice),
		                 NATRISK_OK);
		same_choice(&c[k], &milp_choice, p->measures);
		natrisk_portfolio_choice_release(&milp_choice);
		natrisk_portfolio_choice_release(&c[k]);
	}
	natrisk_portfolio_free(p);
	shape_free(&sh);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(larger_problems_match_the_milp),
		cmocka_unit_test(giving_up_part_way_is_still_exact),
		cmocka_unit_test(rising_gains_go_to_the_milp),
		cmocka_unit_test(the_benchmark_frontier_matches_the_milp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
