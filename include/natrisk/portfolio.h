/*
 * portfolio.h - the best set of measures for a budget (method.md
 * section 6, `natrisk portfolio` in formats.md), exactly.
 *
 * The problem in the abstract: measures with a cost (once + yearly x
 * years), "requires" and "excludes" between them (excludes is
 * symmetric), sets that must and that may never be chosen; scenarios,
 * each touched by some of the measures, with a risk value for every
 * subset of its touching measures in place. The value of a set is not a
 * sum over its measures (two measures on the same score do not add up),
 * so the caller supplies the risk of a scenario for any subset of its
 * touching measures, through a callback (the residual risk computes it)
 * or a table.
 *
 * The optimum is the set with the greatest risk reduction whose cost is
 * within the budget; among sets whose reductions differ by at most 1e-9
 * of the optimum the cheaper wins (costs within 1e-9 relative count as
 * equal), then the smaller, then the one whose sorted ids come first.
 * Solved by a branch and bound of our own when the risks are submodular
 * (a measure's reduction never grows with others in place), else, or
 * when that search runs long, as a mixed-integer program
 * (docs/design.md, "portfolio"): either way the answer is exact, and
 * its reduction is recomputed from the chosen set, never taken from the
 * solver.
 */
#ifndef NATRISK_PORTFOLIO_H
#define NATRISK_PORTFOLIO_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most measures that may touch one scenario: its subsets are
 * enumerated (2^16 risk values). More is refused with NATRISK_EINVALID. */
#define NATRISK_PORTFOLIO_MAX_TOUCH 16

typedef struct natrisk_portfolio_measure {
	const char *id;              /* unique; orders ties */
	double cost_once, cost_yearly; /* >= 0 */
	const size_t *requires;      /* indices of measures it needs */
	size_t require_count;
	const size_t *excludes;      /* indices it cannot go with */
	size_t exclude_count;
} natrisk_portfolio_measure;

/*
 * The risk value of scenario SCENARIO with those of its touching
 * measures in place whose bit is set in IN_PLACE (bit k: the k-th of
 * its `touching` list). Writes it to *RISK and returns NATRISK_OK, or
 * returns a natrisk_error (set with its message) that the call then
 * returns. Adding a measure may never raise the risk (method.md: the
 * most favourable score counts); a callback that does is an error.
 */
typedef int (*natrisk_portfolio_risk_fn)(void *user, size_t scenario,
                                         unsigned long in_place,
                                         double *risk);

typedef struct natrisk_portfolio_scenario {
	const size_t *touching;      /* indices of the measures that change it */
	size_t touching_count;       /* <= NATRISK_PORTFOLIO_MAX_TOUCH */
	/* Without a callback: the risk for each subset, indexed by the
	 * bits as above (2^touching_count values). */
	const double *risk;
} natrisk_portfolio_scenario;

typedef struct natrisk_portfolio_problem {
	const natrisk_portfolio_measure *measures;
	size_t measure_count;
	const natrisk_portfolio_scenario *scenarios;
	size_t scenario_count;
	natrisk_portfolio_risk_fn risk_fn; /* NULL: the scenarios' tables */
	void *risk_user;
	unsigned years;              /* cost = once + yearly x years */
	const bool *must, *never;    /* per measure, or NULL */
} natrisk_portfolio_problem;

/* A problem prepared for solving at any budget. */
typedef struct natrisk_portfolio natrisk_portfolio;

/* What the optimum is at one budget. */
typedef struct natrisk_portfolio_choice {
	bool *selected;              /* per measure */
	size_t selected_count;
	double cost;
	double risk_before, risk_after, reduction;
} natrisk_portfolio_choice;

/*
 * Prepares PROBLEM (which must stay valid, with its callback, until
 * natrisk_portfolio_free): checks it and asks the risk of every subset
 * that matters. Returns NATRISK_OK and *OUT, to be freed with
 * natrisk_portfolio_free; NATRISK_EINVALID for a bad problem (an index
 * out of range, a negative cost, a duplicate id, a scenario touched by
 * too many measures, a risk that rises when a measure is added) with
 * the reason in natrisk_error_last(); or the callback's error.
 */
NATRISK_EXTERN
int natrisk_portfolio_new(const natrisk_portfolio_problem *problem,
                          natrisk_portfolio **out);
/* Frees what natrisk_portfolio_new gave; NULL is allowed. */
NATRISK_EXTERN
void natrisk_portfolio_free(natrisk_portfolio *portfolio);

/*
 * The optimum within BUDGET (>= 0): fills *CHOICE, whose `selected`
 * the caller frees with natrisk_portfolio_choice_release. Returns
 * NATRISK_OK; NATRISK_EINVALID when the measures that must be chosen
 * cannot be (with what stands in the way in natrisk_error_last());
 * NATRISK_ERROR if the solver fails; NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_portfolio_solve(const natrisk_portfolio *portfolio,
                            double budget,
                            natrisk_portfolio_choice *choice);
/* Frees the array inside CHOICE (not CHOICE itself) and empties it. */
NATRISK_EXTERN
void natrisk_portfolio_choice_release(natrisk_portfolio_choice *choice);

/*
 * The cost of measure MEASURE (once + yearly x years) and its risk
 * reduction alone, ignoring requires, in *COST and *REDUCTION (either
 * may be NULL). Returns NATRISK_OK, or NATRISK_ENOTFOUND for an index
 * out of range.
 */
NATRISK_EXTERN
int natrisk_portfolio_measure_alone(const natrisk_portfolio *portfolio,
                                    size_t measure, double *cost,
                                    double *reduction);

/*
 * The budget frontier: the optimum at COUNT budgets evenly spaced from
 * 0 to the cost of all measures together, both included (one budget,
 * the total, when COUNT is 1). Fills CHOICES[0..COUNT-1] (each released
 * with natrisk_portfolio_choice_release) and, when BUDGETS is not NULL,
 * BUDGETS[0..COUNT-1]. Returns as natrisk_portfolio_solve; on failure
 * no choice is left to release.
 */
NATRISK_EXTERN
int natrisk_portfolio_frontier(const natrisk_portfolio *portfolio,
                               size_t count, double *budgets,
                               natrisk_portfolio_choice *choices);

/* Budget K (below COUNT) of the frontier of COUNT budgets, as
 * natrisk_portfolio_frontier spaces them. */
NATRISK_EXTERN
double natrisk_portfolio_sweep_budget(const natrisk_portfolio *portfolio,
                                      size_t count, size_t k);

/* The name of the MILP solver the library uses ("CBC"), a static
 * string. */
NATRISK_EXTERN
const char *natrisk_portfolio_solver(void);

#ifdef __cplusplus
}
#endif
#endif
