/*
 * portfolio_enum.h - the exhaustive enumeration of all 2^n sets of a
 * random portfolio problem (bench/portfolio_shapes.h), independent of
 * the library: the unit tests' reference for the exact optimum and its
 * tie rules (tests/unit/test_portfolio.c, test_portfolio_bnb.c). Only
 * static functions.
 */
#ifndef NATRISK_PORTFOLIO_ENUM_H
#define NATRISK_PORTFOLIO_ENUM_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <natrisk/portfolio.h>

#include "../../bench/portfolio_shapes.h"
#include "unit_support.h"

typedef struct best {
	bool found;
	uint32_t set;
	double reduction, cost;
	int count;
} best;

static double set_cost(const shape *sh, uint32_t set)
{
	double cost = 0.0;
	for (size_t m = 0; m < sh->measures; m++)
		if (set >> m & 1)
			cost += sh->measure[m].cost_once +
			        sh->measure[m].cost_yearly * sh->problem.years;
	return cost;
}

static double set_reduction(const shape *sh, uint32_t set)
{
	double before = 0.0, after = 0.0;
	for (size_t s = 0; s < sh->scenarios; s++) {
		const shape_scenario *sc = &sh->scenario[s];
		unsigned long mask = 0;
		for (size_t k = 0; k < sc->touching_count; k++)
			if (set >> sc->touching[k] & 1)
				mask |= 1UL << k;
		before += shape_risk(sc, 0);
		after += shape_risk(sc, mask);
	}
	return before - after;
}

static bool set_allowed(const shape *sh, uint32_t set, double budget)
{
	for (size_t m = 0; m < sh->measures; m++) {
		bool in = set >> m & 1;
		if ((sh->must[m] && !in) || (sh->never[m] && in))
			return false;
		const natrisk_portfolio_measure *me = &sh->measure[m];
		for (size_t k = 0; in && k < me->require_count; k++)
			if (!(set >> me->requires[k] & 1))
				return false;
		for (size_t k = 0; in && k < me->exclude_count; k++)
			if (set >> me->excludes[k] & 1)
				return false;
	}
	return set_cost(sh, set) <= budget;
}

/* The sorted ids of SET, joined: comparing these compares the sorted
 * id lists (ids have one length). */
static void sorted_ids(const shape *sh, uint32_t set, char *out)
{
	const char *ids[32];
	size_t count = 0;
	for (size_t m = 0; m < sh->measures; m++)
		if (set >> m & 1)
			ids[count++] = sh->ids[m];
	for (size_t i = 1; i < count; i++)
		for (size_t j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
			const char *t = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
	out[0] = '\0';
	for (size_t i = 0; i < count; i++)
		strcat(strcat(out, ids[i]), " ");
}

/* formats.md's order: reduction (within 1e-9), cost (within 1e-9),
 * count, sorted ids. */
static best enumerate(const shape *sh, double budget)
{
	best b = { 0 };
	uint32_t all = 1u << sh->measures;
	double top = -1.0;
	for (uint32_t set = 0; set < all; set++)
		if (set_allowed(sh, set, budget))
			top = fmax(top, set_reduction(sh, set));
	if (top < 0.0)
		return b;
	double floor_value = top - 1e-9 * top, least = HUGE_VAL;
	for (uint32_t set = 0; set < all; set++)
		if (set_allowed(sh, set, budget) &&
		    set_reduction(sh, set) >= floor_value)
			least = fmin(least, set_cost(sh, set));
	double cap = least + 1e-9 * fmax(least, 1.0);
	char ids[512], best_ids[512];
	for (uint32_t set = 0; set < all; set++) {
		if (!set_allowed(sh, set, budget) ||
		    set_reduction(sh, set) < floor_value ||
		    set_cost(sh, set) > cap)
			continue;
		int count = __builtin_popcount(set);
		sorted_ids(sh, set, ids);
		if (b.found && (count > b.count ||
		                (count == b.count && strcmp(ids, best_ids) >= 0)))
			continue;
		b = (best){ true, set, set_reduction(sh, set),
		            set_cost(sh, set), count };
		strcpy(best_ids, ids);
	}
	return b;
}

static uint32_t chosen_set(const natrisk_portfolio_choice *c, size_t n)
{
	uint32_t set = 0;
	for (size_t m = 0; m < n; m++)
		if (c->selected[m])
			set |= 1u << m;
	return set;
}

/* Random must and never marks, rarely, some of them infeasible. */
static void mark(shape *sh, uint64_t *rng)
{
	for (size_t m = 0; m < sh->measures; m++) {
		double u = shape_uniform(rng);
		sh->must[m] = u < 0.06;
		sh->never[m] = u > 0.94;
	}
	sh->problem.must = sh->must;
	sh->problem.never = sh->never;
}

/* P, prepared from SH, solves at BUDGET as the enumeration (in *WANT)
 * does: the same set, reduction and cost to the bit, or an error when
 * no set is allowed. */
static void expect_enumerated(const natrisk_portfolio *p, const shape *sh,
                              double budget, best *want)
{
	*want = enumerate(sh, budget);
	natrisk_portfolio_choice got;
	int rc = natrisk_portfolio_solve(p, budget, &got);
	if (!want->found) {
		assert_int_equal(rc, NATRISK_EINVALID);
		assert_true(strlen(natrisk_error_last()) > 10);
		return;
	}
	assert_int_equal(rc, NATRISK_OK);
	uint32_t set = chosen_set(&got, sh->measures);
	if (set != want->set)
		print_error("budget %g: got set %#x (%.17g, cost %g), "
		            "want %#x (%.17g, cost %g)\n", budget, set,
		            got.reduction, got.cost, want->set,
		            want->reduction, want->cost);
	assert_int_equal(set, want->set);
	assert_exact(got.reduction, want->reduction);
	assert_exact(got.cost, want->cost);
	assert_int_equal(got.selected_count, (size_t)want->count);
	assert_exact(got.risk_before - got.risk_after, got.reduction);
	natrisk_portfolio_choice_release(&got);
}

#endif
