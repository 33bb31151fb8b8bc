/*
 * portfolio_run.c - one run of `natrisk portfolio` on a loaded plan (see
 * portfolio_run.h): the must and never sets by id, the prepared
 * problem, the optimum and its explanation, the frontier and the
 * acceptabilities, gathered in the report that portfolio_output.c
 * writes.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/plan_portfolio.h>
#include <natrisk/portfolio_run.h>

#include "../core/error.h"

struct natrisk_portfolio_run {
	const natrisk_plan *plan;
	bool *must, *never;
	natrisk_plan_portfolio *pp;
	natrisk_portfolio_choice choice;
	natrisk_portfolio_explain *explain;
	double *budgets;
	natrisk_portfolio_choice *frontier;
	uint64_t *accepted;
	natrisk_portfolio_report report;
};

void natrisk_portfolio_run_free(natrisk_portfolio_run *r)
{
	if (!r)
		return;
	for (size_t k = 0; r->explain && k < r->report.explain_count; k++)
		natrisk_portfolio_explain_release(&r->explain[k]);
	for (size_t k = 0; r->frontier && k < r->report.frontier_count; k++)
		natrisk_portfolio_choice_release(&r->frontier[k]);
	natrisk_portfolio_choice_release(&r->choice);
	natrisk_plan_portfolio_free(r->pp);
	free(r->explain);
	free(r->budgets);
	free(r->frontier);
	free(r->accepted);
	free(r->must);
	free(r->never);
	free(r);
}

const natrisk_portfolio_report *natrisk_portfolio_run_report(
	const natrisk_portfolio_run *r)
{
	return &r->report;
}

/* Marks in SET the measures IDS[0..COUNT) (given as OPTION). */
static int mark_ids(const natrisk_plan *p, const char *option,
                    const char *const *ids, size_t count, bool *set)
{
	for (size_t k = 0; k < count; k++) {
		long m = natrisk_plan_find_measure(p, ids[k]);
		if (m < 0)
			return error_set(NATRISK_EINVALID, "%s has no measure "
			                 "'%s' (%s)", natrisk_plan_path(p),
			                 ids[k], option);
		set[m] = true;
	}
	return NATRISK_OK;
}

static int prepare(natrisk_portfolio_run *r,
                   const natrisk_portfolio_request *q)
{
	size_t n = natrisk_plan_measure_count(r->plan);
	r->must = calloc(n + 1, sizeof *r->must);
	r->never = calloc(n + 1, sizeof *r->never);
	if (!r->must || !r->never)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = mark_ids(r->plan, "--must", q->must, q->must_count, r->must);
	if (rc == 0)
		rc = mark_ids(r->plan, "--never", q->never, q->never_count,
		              r->never);
	for (size_t m = 0; rc == 0 && m < n; m++)
		if (r->must[m] && r->never[m])
			rc = error_set(NATRISK_EINVALID, "measure '%s' is in "
			               "both --must and --never",
			               natrisk_plan_measure(r->plan, m)->id);
	natrisk_plan_portfolio_options o = { q->years, r->must, r->never,
		                             q->profile };
	if (rc == 0)
		rc = natrisk_plan_portfolio_new(&r->pp, r->plan, &o);
	return rc;
}

static int explain(natrisk_portfolio_run *r)
{
	size_t n = natrisk_plan_measure_count(r->plan);
	r->explain = calloc(r->choice.selected_count + 1, sizeof *r->explain);
	if (!r->explain)
		return error_set(NATRISK_ENOMEM, "out of memory");
	r->report.explain = r->explain;
	for (size_t m = 0; m < n; m++) {
		if (!r->choice.selected[m])
			continue;
		int rc = natrisk_plan_portfolio_explain(
			r->pp, &r->choice, r->report.budget, m,
			&r->explain[r->report.explain_count]);
		if (rc != 0)
			return rc;
		r->report.explain_count++;
	}
	return NATRISK_OK;
}

/* The frontier; with a must set, the budgets that cannot hold it are
 * left out. */
static int sweep(natrisk_portfolio_run *r, const natrisk_portfolio_request *q)
{
	const natrisk_portfolio *p = natrisk_plan_portfolio_problem(r->pp);
	r->budgets = calloc(q->sweep, sizeof *r->budgets);
	r->frontier = calloc(q->sweep, sizeof *r->frontier);
	if (!r->budgets || !r->frontier)
		return error_set(NATRISK_ENOMEM, "out of memory");
	r->report.frontier_budgets = r->budgets;
	r->report.frontier = r->frontier;
	size_t *count = &r->report.frontier_count;
	for (size_t k = 0; k < q->sweep; k++) {
		r->budgets[*count] = natrisk_portfolio_sweep_budget(p, q->sweep,
		                                                    k);
		int rc = natrisk_portfolio_solve(p, r->budgets[*count],
		                                 &r->frontier[*count]);
		if (rc == NATRISK_EINVALID && q->must_count)
			continue;
		if (rc != NATRISK_OK)
			return rc;
		++*count;
	}
	return NATRISK_OK;
}

static int robust(natrisk_portfolio_run *r, const natrisk_portfolio_request *q)
{
	size_t n = natrisk_plan_measure_count(r->plan);
	r->accepted = calloc(n + 1, sizeof *r->accepted);
	if (!r->accepted)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = natrisk_plan_portfolio_robust(r->pp, r->report.budget,
	                                       q->draws, q->seed, q->threads,
	                                       r->accepted);
	if (rc != 0)
		return rc;
	r->report.accepted = r->accepted;
	r->report.draws = q->draws;
	return NATRISK_OK;
}

/* The optimum at the budget (without one: at the cost of all measures,
 * the frontier's last budget), then what the request asks. */
static int compute(natrisk_portfolio_run *r,
                   const natrisk_portfolio_request *q)
{
	const natrisk_portfolio *p = natrisk_plan_portfolio_problem(r->pp);
	double budget = q->budget;
	if (!q->has_budget) {
		budget = 0;
		for (size_t m = 0; m < natrisk_plan_measure_count(r->plan); m++) {
			double cost;
			natrisk_portfolio_measure_alone(p, m, &cost, NULL);
			budget += cost;
		}
	}
	r->report = (natrisk_portfolio_report){
		.plan = r->plan, .portfolio = p, .budget = budget,
		.years = q->years, .choice = &r->choice };
	int rc = natrisk_portfolio_solve(p, budget, &r->choice);
	if (rc == 0)
		rc = explain(r);
	if (rc == 0 && q->sweep)
		rc = sweep(r, q);
	if (rc == 0 && q->draws)
		rc = robust(r, q);
	return rc;
}

int natrisk_portfolio_run_new(natrisk_portfolio_run **out,
                              const natrisk_plan *plan,
                              const natrisk_portfolio_request *request)
{
	*out = NULL;
	natrisk_portfolio_run *r = calloc(1, sizeof *r);
	if (!r)
		return error_set(NATRISK_ENOMEM, "out of memory");
	r->plan = plan;
	int rc = prepare(r, request);
	if (rc == 0)
		rc = compute(r, request);
	if (rc != 0)
		natrisk_portfolio_run_free(r);
	else
		*out = r;
	return rc;
}
