/*
 * portfolio.c - preparing a portfolio problem (portfolio.h): checking
 * it, asking the risk of every subset of each scenario's touching
 * measures once, and building the mixed-integer program of
 * portfolio_model.h. Solving it is portfolio_solve.c.
 */
#define _GNU_SOURCE /* qsort_r */
#include "core/portfolio_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/common.h>

#include "core/error.h"

/* A rise of the risk by at most this share, when a measure is added,
 * is rounding (a power of ten times a sum), not a rising risk. */
#define RISE_SLACK 1e-12

/* Every index of LIST names a measure. */
static bool indices_valid(const natrisk_portfolio_problem *pr,
                          const size_t *list, size_t count, size_t *bad)
{
	for (size_t k = 0; k < count; k++)
		if (list[k] >= pr->measure_count) {
			*bad = list[k];
			return false;
		}
	return true;
}

static int check_measure(const natrisk_portfolio_problem *pr, size_t m)
{
	const natrisk_portfolio_measure *me = &pr->measures[m];
	if (!me->id)
		return error_set(NATRISK_EINVALID, "measure %zu has no id", m);
	if (!(me->cost_once >= 0.0) || !(me->cost_yearly >= 0.0) ||
	    !isfinite(me->cost_once) || !isfinite(me->cost_yearly))
		return error_set(NATRISK_EINVALID,
		                 "measure %s: a cost must be a number >= 0",
		                 me->id);
	size_t bad = 0;
	if (!indices_valid(pr, me->requires, me->require_count, &bad))
		return error_set(NATRISK_EINVALID,
		                 "measure %s requires measure %zu of %zu", me->id,
		                 bad, pr->measure_count);
	if (!indices_valid(pr, me->excludes, me->exclude_count, &bad))
		return error_set(NATRISK_EINVALID,
		                 "measure %s excludes measure %zu of %zu", me->id,
		                 bad, pr->measure_count);
	return NATRISK_OK;
}

static int check_scenario(const natrisk_portfolio_problem *pr, size_t s)
{
	const natrisk_portfolio_scenario *sc = &pr->scenarios[s];
	if (sc->touching_count > NATRISK_PORTFOLIO_MAX_TOUCH)
		return error_set(NATRISK_EINVALID,
		                 "scenario %zu is touched by %zu measures; the "
		                 "exact portfolio handles at most %d", s,
		                 sc->touching_count, NATRISK_PORTFOLIO_MAX_TOUCH);
	if (!pr->risk_fn && !sc->risk)
		return error_set(NATRISK_EINVALID,
		                 "scenario %zu has no risk values", s);
	for (size_t k = 0; k < sc->touching_count; k++) {
		if (sc->touching[k] >= pr->measure_count)
			return error_set(NATRISK_EINVALID,
			                 "scenario %zu is touched by measure %zu "
			                 "of %zu", s, sc->touching[k],
			                 pr->measure_count);
		for (size_t j = 0; j < k; j++)
			if (sc->touching[j] == sc->touching[k])
				return error_set(NATRISK_EINVALID,
				                 "scenario %zu lists measure %s "
				                 "twice", s,
				                 pr->measures[sc->touching[k]].id);
	}
	return NATRISK_OK;
}

static int by_id(const void *a, const void *b, void *problem)
{
	const natrisk_portfolio_measure *ms =
		((const natrisk_portfolio_problem *)problem)->measures;
	return strcmp(ms[*(const size_t *)a].id, ms[*(const size_t *)b].id);
}

/* The measures in the order of their ids; two alike are an error. */
static int sort_ids(natrisk_portfolio *p)
{
	for (size_t m = 0; m < p->measures; m++)
		p->by_id[m] = m;
	qsort_r(p->by_id, p->measures, sizeof *p->by_id, by_id,
	        (void *)p->problem);
	const natrisk_portfolio_measure *ms = p->problem->measures;
	for (size_t k = 1; k < p->measures; k++)
		if (strcmp(ms[p->by_id[k - 1]].id, ms[p->by_id[k]].id) == 0)
			return error_set(NATRISK_EINVALID,
			                 "two measures have the id %s",
			                 ms[p->by_id[k]].id);
	return NATRISK_OK;
}

static int check_problem(natrisk_portfolio *p)
{
	const natrisk_portfolio_problem *pr = p->problem;
	int rc = NATRISK_OK;
	for (size_t m = 0; m < pr->measure_count && rc == NATRISK_OK; m++)
		rc = check_measure(pr, m);
	for (size_t s = 0; s < pr->scenario_count && rc == NATRISK_OK; s++)
		rc = check_scenario(pr, s);
	return rc == NATRISK_OK ? sort_ids(p) : rc;
}

/* Every scenario's risks for all subsets, from the table or the
 * callback, checked not to rise when a measure is added. */
static int fill_tables(natrisk_portfolio *p)
{
	const natrisk_portfolio_problem *pr = p->problem;
	size_t total = 0;
	for (size_t s = 0; s < p->scenarios; s++) {
		p->table_start[s] = total;
		total += 1UL << pr->scenarios[s].touching_count;
		if (total > PORTFOLIO_MAX_TABLE)
			return error_set(NATRISK_EINVALID,
			                 "the scenarios' measures have more than "
			                 "%lu combinations; the exact portfolio "
			                 "handles at most that many",
			                 PORTFOLIO_MAX_TABLE);
	}
	p->table_start[p->scenarios] = total;
	p->table = malloc((total ? total : 1) * sizeof *p->table);
	if (!p->table)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t s = 0; s < p->scenarios; s++) {
		const natrisk_portfolio_scenario *sc = &pr->scenarios[s];
		double *r = p->table + p->table_start[s];
		unsigned long subsets = 1UL << sc->touching_count;
		for (unsigned long mask = 0; mask < subsets; mask++) {
			if (!pr->risk_fn) {
				r[mask] = sc->risk[mask];
				continue;
			}
			int rc = pr->risk_fn(pr->risk_user, s, mask, &r[mask]);
			if (rc != NATRISK_OK)
				return rc;
		}
	}
	return NATRISK_OK;
}

static int check_risks(const natrisk_portfolio *p, size_t s)
{
	const natrisk_portfolio_scenario *sc = &p->problem->scenarios[s];
	const double *r = p->table + p->table_start[s];
	unsigned long subsets = 1UL << sc->touching_count;
	for (unsigned long mask = 0; mask < subsets; mask++) {
		if (!isfinite(r[mask]) || r[mask] < 0.0)
			return error_set(NATRISK_EINVALID,
			                 "scenario %zu: a risk value must be a "
			                 "number >= 0", s);
		for (size_t k = 0; k < sc->touching_count; k++) {
			unsigned long bit = 1UL << k;
			if ((mask & bit) &&
			    r[mask] > r[mask ^ bit] * (1.0 + RISE_SLACK))
				return error_set(NATRISK_EINVALID,
				                 "scenario %zu: the risk rises when "
				                 "measure %s is added", s,
				                 p->problem->measures[sc->touching[k]].id);
		}
	}
	return NATRISK_OK;
}

bool portfolio_efficient(const double *r, unsigned long mask, size_t touching)
{
	for (size_t k = 0; k < touching; k++) {
		unsigned long bit = 1UL << k;
		if ((mask & bit) && !(r[mask] < r[mask ^ bit]))
			return false;
	}
	return true;
}

static void costs_and_alone(natrisk_portfolio *p)
{
	const natrisk_portfolio_problem *pr = p->problem;
	p->risk_before = 0.0;
	p->total_cost = 0.0;
	for (size_t m = 0; m < p->measures; m++) {
		const natrisk_portfolio_measure *me = &pr->measures[m];
		p->cost[m] = me->cost_once + me->cost_yearly * pr->years;
		p->total_cost += p->cost[m];
		p->alone[m] = 0.0;
	}
	for (size_t s = 0; s < p->scenarios; s++) {
		const natrisk_portfolio_scenario *sc = &pr->scenarios[s];
		const double *r = p->table + p->table_start[s];
		p->risk_before += r[0];
		for (size_t k = 0; k < sc->touching_count; k++)
			p->alone[sc->touching[k]] += r[0] - r[1UL << k];
	}
}

/* How many subset columns the program needs; their gains' sum of
 * maxima (the value's scale) in *SCALE. */
static int count_columns(const natrisk_portfolio *p, size_t *columns,
                         double *scale)
{
	*columns = 0;
	*scale = 0.0;
	for (size_t s = 0; s < p->scenarios; s++) {
		size_t touching = p->problem->scenarios[s].touching_count;
		const double *r = p->table + p->table_start[s];
		double best = 0.0;
		for (unsigned long mask = 1; mask < 1UL << touching; mask++)
			if (portfolio_efficient(r, mask, touching)) {
				++*columns;
				if (r[0] - r[mask] > best)
					best = r[0] - r[mask];
			}
		*scale += best;
		if (*columns > PORTFOLIO_MAX_COLUMNS)
			return error_set(NATRISK_EINVALID,
			                 "the measures' combinations need more "
			                 "than %lu columns; the exact portfolio "
			                 "handles at most that many",
			                 PORTFOLIO_MAX_COLUMNS);
	}
	if (!(*scale > 0.0))
		*scale = 1.0;
	return NATRISK_OK;
}

int natrisk_portfolio_new(const natrisk_portfolio_problem *problem,
                          natrisk_portfolio **out)
{
	*out = NULL;
	natrisk_portfolio *p = calloc(1, sizeof *p);
	if (!p)
		return error_set(NATRISK_ENOMEM, "out of memory");
	p->problem = problem;
	p->measures = problem->measure_count;
	p->scenarios = problem->scenario_count;
	size_t n = p->measures ? p->measures : 1;
	p->cost = malloc(n * sizeof *p->cost);
	p->alone = malloc(n * sizeof *p->alone);
	p->by_id = malloc(n * sizeof *p->by_id);
	p->table_start = malloc((p->scenarios + 1) * sizeof *p->table_start);
	int rc = NATRISK_OK;
	if (!p->cost || !p->alone || !p->by_id || !p->table_start)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == NATRISK_OK)
		rc = check_problem(p);
	if (rc == NATRISK_OK)
		rc = fill_tables(p);
	for (size_t s = 0; s < p->scenarios && rc == NATRISK_OK; s++)
		rc = check_risks(p, s);
	size_t columns = 0;
	if (rc == NATRISK_OK) {
		costs_and_alone(p);
		rc = count_columns(p, &columns, &p->value_scale);
		p->submodular = portfolio_submodular(p);
	}
	if (rc == NATRISK_OK)
		rc = portfolio_build(p, columns);
	if (rc != NATRISK_OK) {
		natrisk_portfolio_free(p);
		return rc;
	}
	*out = p;
	return NATRISK_OK;
}

void natrisk_portfolio_free(natrisk_portfolio *p)
{
	if (!p)
		return;
	milp_release(&p->model);
	free(p->cost);
	free(p->alone);
	free(p->by_id);
	free(p->table_start);
	free(p->table);
	free(p);
}

int natrisk_portfolio_measure_alone(const natrisk_portfolio *p,
                                    size_t measure, double *cost,
                                    double *reduction)
{
	if (measure >= p->measures)
		return error_set(NATRISK_ENOTFOUND, "no measure %zu", measure);
	if (cost)
		*cost = p->cost[measure];
	if (reduction)
		*reduction = p->alone[measure];
	return NATRISK_OK;
}

const char *natrisk_portfolio_solver(void)
{
	return milp_solver_name();
}

double portfolio_risk_after(const natrisk_portfolio *p,
                            const bool *selected)
{
	double after = 0.0;
	for (size_t s = 0; s < p->scenarios; s++) {
		const natrisk_portfolio_scenario *sc = &p->problem->scenarios[s];
		unsigned long mask = 0;
		for (size_t k = 0; k < sc->touching_count; k++)
			if (selected[sc->touching[k]])
				mask |= 1UL << k;
		after += p->table[p->table_start[s] + mask];
	}
	return after;
}

double portfolio_cost(const natrisk_portfolio *p, const bool *selected)
{
	double cost = 0.0;
	for (size_t m = 0; m < p->measures; m++)
		if (selected[m])
			cost += p->cost[m];
	return cost;
}
