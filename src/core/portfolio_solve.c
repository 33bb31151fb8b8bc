/*
 * portfolio_solve.c - the exact optimum of a prepared portfolio at one
 * budget (portfolio.h), and the frontier over many budgets.
 *
 * The solver's answers are candidates, never the result: each is
 * rounded to a set of measures and checked with our own arithmetic
 * (requires, excludes, must, never, cost <= budget, and what the
 * stage demands); a set that fails is cut off by a no-good row and the
 * program solved again. The stages follow formats.md's order:
 *   1. the greatest reduction V*;
 *   2. among sets within 1e-9 of V*, the least cost C*;
 *   3. among those within 1e-9 of C* too, the fewest measures K*;
 *   4. among those, the one whose sorted ids come first: unless no
 *      other set is left (one solve asks), measures in id order are
 *      fixed in when some admissible set has them, out when none has.
 * After stage 1 one solve asks whether any other set comes within 1e-9
 * of V*; most often none does and the stages 2-4 are skipped. That
 * solve also catches a stage 1 that the solver closed within its own
 * tolerance only: a better set found there becomes the optimum.
 */
#include "core/portfolio_model.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/common.h>

#include "core/error.h"

/* Ties: reductions within this share of the optimum, costs within this
 * share of the least cost (formats.md). */
#define TIE 1e-9
/* The solver's bounds are loosened by this much (in its scaled units)
 * so that rounding there never cuts off a set that our arithmetic
 * admits; what it lets through in excess is cut off by the check. */
#define SOLVER_SLACK 1e-9
/* Solves per budget before giving up rather than answering wrongly. */
#define MAX_SOLVES 10000

typedef struct search {
	const natrisk_portfolio *p;
	milp model;             /* the prepared program, bounds and cuts added */
	double *x;              /* the solver's values */
	bool *set;              /* rounded to measures */
	bool *best;             /* the best admissible set so far */
	double budget;
	double optimum;         /* the greatest reduction found */
	double value_floor;     /* admissible: reduction >= this */
	double cost_cap;        /* and cost <= this (and <= budget) */
	size_t count_cap;       /* and at most this many measures */
	size_t solves;
} search;

typedef struct evaluation {
	double reduction, cost;
	size_t count;
} evaluation;

static evaluation evaluate(const natrisk_portfolio *p, const bool *set)
{
	evaluation e = { 0 };
	e.reduction = p->risk_before - portfolio_risk_after(p, set);
	e.cost = portfolio_cost(p, set);
	for (size_t m = 0; m < p->measures; m++)
		e.count += set[m];
	return e;
}

static bool relations_hold(const natrisk_portfolio *p, const bool *set)
{
	for (size_t m = 0; m < p->measures; m++) {
		if (!set[m])
			continue;
		const natrisk_portfolio_measure *me = &p->problem->measures[m];
		for (size_t k = 0; k < me->require_count; k++)
			if (!set[me->requires[k]])
				return false;
		for (size_t k = 0; k < me->exclude_count; k++)
			if (set[me->excludes[k]])
				return false;
	}
	return true;
}

/* SET meets every constraint of the search, in our arithmetic. */
static bool admissible(const search *s, const bool *set)
{
	for (size_t m = 0; m < s->p->measures; m++)
		if ((double)set[m] < s->model.lower[m] ||
		    (double)set[m] > s->model.upper[m])
			return false;
	if (!relations_hold(s->p, set))
		return false;
	evaluation e = evaluate(s->p, set);
	return e.cost <= s->budget && e.cost <= s->cost_cap &&
	       e.reduction >= s->value_floor && e.count <= s->count_cap;
}

/* A row no set but SET violates: sum_{not in SET} x - sum_{in SET} x
 * >= 1 - |SET|. Its index in *ROW. */
static int cut_off(search *s, const bool *set, size_t *row)
{
	size_t n = s->p->measures, in = 0;
	size_t *column = malloc((n ? n : 1) * sizeof *column);
	double *value = malloc((n ? n : 1) * sizeof *value);
	if (!column || !value) {
		free(column);
		free(value);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	for (size_t m = 0; m < n; m++) {
		column[m] = m;
		value[m] = set[m] ? -1.0 : 1.0;
		in += set[m];
	}
	int rc = milp_add_row(&s->model, n, column, value,
	                      1.0 - (double)in, HUGE_VAL, row);
	free(column);
	free(value);
	return rc;
}

/* An admissible set in s->set (*FOUND), or none exists: solves, and
 * cuts off what the solver proposes that our check rejects. */
static int find(search *s, bool *found)
{
	for (;;) {
		if (++s->solves > MAX_SOLVES)
			return error_set(NATRISK_ERROR,
			                 "the MILP solver did not settle on an "
			                 "optimum after %d solves", MAX_SOLVES);
		int status = milp_solve(&s->model, s->x);
		if (status < 0)
			return status;
		if (status == MILP_INFEASIBLE) {
			*found = false;
			return NATRISK_OK;
		}
		if (status != MILP_OPTIMAL)
			return error_set(NATRISK_ERROR,
			                 "the MILP solver failed on the portfolio");
		for (size_t m = 0; m < s->p->measures; m++)
			s->set[m] = s->x[m] > 0.5;
		if (admissible(s, s->set)) {
			*found = true;
			return NATRISK_OK;
		}
		int rc = cut_off(s, s->set, NULL);
		if (rc != NATRISK_OK)
			return rc;
	}
}

static void keep(search *s)
{
	memcpy(s->best, s->set, s->p->measures * sizeof *s->best);
}

/* The objective: the value (maximised), cost or count (minimised). */
enum goal { MOST_VALUE, LEAST_COST, FEWEST };

static void aim(search *s, enum goal goal)
{
	milp *model = &s->model;
	memset(model->objective, 0, model->columns * sizeof *model->objective);
	model->maximise = goal == MOST_VALUE;
	const milp_row *row = &model->rows[goal == MOST_VALUE ?
	                                   s->p->value_row :
	                                   goal == LEAST_COST ?
	                                   s->p->budget_row : s->p->count_row];
	for (size_t k = 0; k < row->count; k++)
		model->objective[row->column[k]] = row->value[k];
}

static void set_value_floor(search *s, double optimum)
{
	s->optimum = optimum;
	s->value_floor = optimum - TIE * fabs(optimum);
	s->model.rows[s->p->value_row].lower =
		s->value_floor / s->p->value_scale - SOLVER_SLACK;
}

static void set_cost_cap(search *s, double cap)
{
	s->cost_cap = cap;
	s->model.rows[s->p->budget_row].upper =
		fmin(cap, s->budget) / s->p->cost_scale + SOLVER_SLACK;
}

/* What stands in the way of the must set. */
enum must_conflict { MUST_FITS, MUST_NEEDS_NEVER, MUST_EXCLUDED,
                     MUST_TOO_DEAR };

/* Whether *CLOSURE, the must set with all it requires, can be chosen
 * within BUDGET; the measures in the way in *A and *B. */
static enum must_conflict must_conflict(const natrisk_portfolio *p,
                                        bool *closure, size_t *stack,
                                        double budget, const char **a,
                                        const char **b)
{
	const natrisk_portfolio_problem *pr = p->problem;
	size_t top = 0;
	for (size_t m = 0; m < p->measures; m++)
		if ((closure[m] = pr->must && pr->must[m]))
			stack[top++] = m;
	while (top > 0) {
		const natrisk_portfolio_measure *me = &pr->measures[stack[--top]];
		for (size_t k = 0; k < me->require_count; k++)
			if (!closure[me->requires[k]]) {
				closure[me->requires[k]] = true;
				stack[top++] = me->requires[k];
			}
	}
	for (size_t m = 0; m < p->measures; m++) {
		if (!closure[m])
			continue;
		*a = pr->measures[m].id;
		if (pr->never && pr->never[m])
			return MUST_NEEDS_NEVER;
		const natrisk_portfolio_measure *me = &pr->measures[m];
		for (size_t k = 0; k < me->exclude_count; k++)
			if (closure[me->excludes[k]]) {
				*b = pr->measures[me->excludes[k]].id;
				return MUST_EXCLUDED;
			}
	}
	return portfolio_cost(p, closure) > budget ? MUST_TOO_DEAR : MUST_FITS;
}

static int check_must(const natrisk_portfolio *p, double budget)
{
	size_t n = p->measures ? p->measures : 1;
	bool *closure = malloc(n * sizeof *closure);
	size_t *stack = malloc(n * sizeof *stack);
	if (!closure || !stack) {
		free(closure);
		free(stack);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	const char *a = "", *b = "";
	enum must_conflict why = must_conflict(p, closure, stack, budget, &a, &b);
	free(closure);
	free(stack);
	switch (why) {
	case MUST_NEEDS_NEVER:
		return error_set(NATRISK_EINVALID,
		                 "measure %s is needed by the measures that must "
		                 "be chosen but may never be chosen", a);
	case MUST_EXCLUDED:
		return error_set(NATRISK_EINVALID,
		                 "the measures that must be chosen need both %s "
		                 "and %s, which exclude each other", a, b);
	case MUST_TOO_DEAR:
		return error_set(NATRISK_EINVALID,
		                 "the measures that must be chosen, with those "
		                 "they require, cost more than the budget");
	case MUST_FITS:
		break;
	}
	return NATRISK_OK;
}

static int search_init(search *s, const natrisk_portfolio *p, double budget)
{
	memset(s, 0, sizeof *s);
	s->p = p;
	s->budget = budget;
	s->value_floor = -HUGE_VAL;
	s->cost_cap = HUGE_VAL;
	s->count_cap = SIZE_MAX;
	size_t n = p->measures ? p->measures : 1;
	int rc = milp_copy(&s->model, &p->model);
	if (rc != NATRISK_OK)
		return rc;
	s->x = malloc((s->model.columns ? s->model.columns : 1) * sizeof *s->x);
	s->set = calloc(n, sizeof *s->set);
	s->best = calloc(n, sizeof *s->best);
	if (!s->x || !s->set || !s->best)
		return error_set(NATRISK_ENOMEM, "out of memory");
	set_cost_cap(s, budget);
	return NATRISK_OK;
}

static void search_release(search *s)
{
	milp_release(&s->model);
	free(s->x);
	free(s->set);
	free(s->best);
}

/* Whether an admissible set other than s->best exists (*FOUND; it is
 * then in s->set). */
static int another(search *s, bool *found)
{
	size_t row;
	int rc = cut_off(s, s->best, &row);
	if (rc != NATRISK_OK)
		return rc;
	rc = find(s, found);
	/* the cut was for this question only */
	s->model.rows[row].lower = -HUGE_VAL;
	return rc;
}

/* Stage 1, then whether another set ties with it (*UNIQUE). */
static int most_value(search *s, bool *unique)
{
	bool found;
	aim(s, MOST_VALUE);
	int rc = find(s, &found);
	if (rc != NATRISK_OK)
		return rc;
	if (!found)
		return error_set(NATRISK_EINVALID,
		                 "no set of measures within the budget meets "
		                 "the must and never sets");
	keep(s);
	set_value_floor(s, evaluate(s->p, s->best).reduction);
	rc = another(s, &found);
	*unique = !found;
	if (rc == NATRISK_OK && found &&
	    evaluate(s->p, s->set).reduction > s->optimum) {
		/* the solver's stage 1 was within its tolerance only */
		keep(s);
		set_value_floor(s, evaluate(s->p, s->best).reduction);
	}
	return rc;
}

/* Stage 2: the least cost among the best; a better value found on the
 * way (the solver's stage 1 within its tolerance) raises the floor. */
static int least_cost(search *s)
{
	aim(s, LEAST_COST);
	for (;;) {
		bool found;
		int rc = find(s, &found);
		if (rc != NATRISK_OK)
			return rc;
		if (!found)
			break; /* s->best stands */
		keep(s);
		double reduction = evaluate(s->p, s->best).reduction;
		if (!(reduction > s->optimum))
			break;
		set_value_floor(s, reduction);
	}
	double cost = evaluate(s->p, s->best).cost;
	set_cost_cap(s, cost + TIE * fmax(cost, 1.0));
	return NATRISK_OK;
}

/* Stage 3: the fewest measures among those. */
static int fewest(search *s)
{
	bool found;
	aim(s, FEWEST);
	int rc = find(s, &found);
	if (rc != NATRISK_OK)
		return rc;
	if (found)
		keep(s);
	s->count_cap = evaluate(s->p, s->best).count;
	s->model.rows[s->p->count_row].upper = (double)s->count_cap + 0.5;
	return NATRISK_OK;
}

/* Stage 4: the first sorted ids; each measure in id order is in when
 * some admissible set has it. */
static int first_ids(search *s)
{
	bool found;
	int rc = another(s, &found);
	if (rc != NATRISK_OK || !found)
		return rc; /* most often the cost or the count settled it */
	size_t fixed_in = 0;
	for (size_t k = 0; k < s->p->measures; k++) {
		size_t m = s->p->by_id[k];
		if (fixed_in == s->count_cap)
			s->model.upper[m] = 0.0;
		if (s->model.lower[m] == s->model.upper[m]) {
			fixed_in += s->model.lower[m] > 0.5;
			continue;
		}
		double upper = s->model.upper[m];
		s->model.lower[m] = 1.0;
		found = s->best[m];
		if (!found) {
			rc = find(s, &found);
			if (rc != NATRISK_OK)
				return rc;
			if (found)
				keep(s);
		}
		s->model.lower[m] = found ? 1.0 : 0.0;
		s->model.upper[m] = found ? upper : 0.0;
		fixed_in += found;
	}
	return NATRISK_OK;
}

/* CHOICE for the set BEST, which it takes over. */
static void fill_choice(const natrisk_portfolio *p, bool *best,
                        natrisk_portfolio_choice *choice)
{
	choice->selected = best;
	evaluation e = evaluate(p, best);
	choice->selected_count = e.count;
	choice->cost = e.cost;
	choice->risk_before = p->risk_before;
	choice->risk_after = portfolio_risk_after(p, best);
	choice->reduction = e.reduction;
}

/* The optimum through the MILP's stages, in BEST. */
static int milp_stages(const natrisk_portfolio *p, double budget, bool *best)
{
	search s;
	bool unique = p->measures == 0;
	int rc = search_init(&s, p, budget);
	if (rc == NATRISK_OK && !unique)
		rc = most_value(&s, &unique);
	if (rc == NATRISK_OK && !unique)
		rc = least_cost(&s);
	if (rc == NATRISK_OK && !unique)
		rc = fewest(&s);
	if (rc == NATRISK_OK && !unique)
		rc = first_ids(&s);
	if (rc == NATRISK_OK)
		memcpy(best, s.best, p->measures * sizeof *best);
	search_release(&s);
	return rc;
}

int natrisk_portfolio_solve(const natrisk_portfolio *p, double budget,
                            natrisk_portfolio_choice *choice)
{
	memset(choice, 0, sizeof *choice);
	if (!(budget >= 0.0) || !isfinite(budget))
		return error_set(NATRISK_EINVALID,
		                 "the budget must be a number >= 0");
	int rc = check_must(p, budget);
	if (rc != NATRISK_OK)
		return rc;
	bool *best = calloc(p->measures ? p->measures : 1, sizeof *best);
	if (!best)
		return error_set(NATRISK_ENOMEM, "out of memory");
	bool solved = false;
	if (p->submodular && !p->milp_only)
		rc = portfolio_bnb_solve(p, budget, best, &solved);
	if (rc == NATRISK_OK && !solved)
		rc = milp_stages(p, budget, best);
	if (rc != NATRISK_OK) {
		free(best);
		return rc;
	}
	fill_choice(p, best, choice);
	return NATRISK_OK;
}

void natrisk_portfolio_choice_release(natrisk_portfolio_choice *choice)
{
	if (!choice)
		return;
	free(choice->selected);
	memset(choice, 0, sizeof *choice);
}

double natrisk_portfolio_sweep_budget(const natrisk_portfolio *p,
                                     size_t count, size_t k)
{
	if (k + 1 >= count)
		return p->total_cost; /* exactly, not by the division */
	return p->total_cost * (double)k / (double)(count - 1);
}

int natrisk_portfolio_frontier(const natrisk_portfolio *p, size_t count,
                               double *budgets,
                               natrisk_portfolio_choice *choices)
{
	for (size_t k = 0; k < count; k++) {
		double budget = natrisk_portfolio_sweep_budget(p, count, k);
		if (budgets)
			budgets[k] = budget;
		int rc = natrisk_portfolio_solve(p, budget, &choices[k]);
		if (rc != NATRISK_OK) {
			while (k > 0)
				natrisk_portfolio_choice_release(&choices[--k]);
			return rc;
		}
	}
	return NATRISK_OK;
}
