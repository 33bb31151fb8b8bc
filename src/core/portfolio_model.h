/*
 * portfolio_model.h - the prepared portfolio problem (portfolio.h),
 * shared by its preparation (portfolio.c) and its solving
 * (portfolio_solve.c).
 *
 * The mixed-integer program (docs/design.md, "portfolio"): a binary
 * x_m per measure; per scenario a column z_S in [0, 1] for every
 * "efficient" non-empty subset S of its touching measures (one in which
 * every measure lowers the risk: a subset with a passenger has the
 * value of the subset without it), sum_S z_S <= 1 and, per measure m,
 * sum_{S containing m} z_S <= x_m. The value sum_S gain(S) z_S, with
 * gain(S) = r(empty) - r(S), is then the risk reduction of x: the risk
 * never rises when a measure is added, so the best subset of the
 * measures in place is all of them, and an efficient subset has its
 * value. Rows for requires (x_a <= x_b), excludes (x_a + x_b <= 1),
 * the budget, the value, and the count serve the tie-breaking stages.
 */
#ifndef NATRISK_PORTFOLIO_MODEL_H
#define NATRISK_PORTFOLIO_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include <natrisk/portfolio.h>

#include "core/milp.h"

/* At most this many risk values in all the scenarios' tables (32 MB),
 * and this many subset columns in the program. */
#define PORTFOLIO_MAX_TABLE (1UL << 22)
#define PORTFOLIO_MAX_COLUMNS 200000UL

struct natrisk_portfolio {
	const natrisk_portfolio_problem *problem;
	size_t measures, scenarios;
	double *cost;           /* per measure: once + yearly x years */
	double *alone;          /* per measure: its reduction alone */
	size_t *by_id;          /* measure indices in the order of their ids */
	size_t *table_start;    /* per scenario: where its risks begin */
	double *table;          /* risk per scenario and subset */
	double risk_before;     /* sum of r(empty), in scenario order */
	double total_cost;      /* of all measures, in index order */
	milp model;             /* budget, value and count rows unbounded */
	size_t budget_row, value_row, count_row;
	double value_scale;     /* the value row's coefficients are gains
	                           divided by this */
	double cost_scale;      /* the cost objective's, likewise */
	bool submodular;        /* every scenario's risks: portfolio_bnb.c
	                           may solve before the MILP */
	bool milp_only;         /* tests: solve through the MILP alone */
	size_t bnb_node_limit;  /* tests: give up sooner (0: the default) */
};

/* Whether every measure of subset MASK of a scenario's TOUCHING
 * measures lowers its risk R[MASK] (no passenger): the subsets that get
 * a column. */
bool portfolio_efficient(const double *r, unsigned long mask,
                         size_t touching);

/* Whether no measure's reduction grows when other measures are in
 * place, in every scenario (within rounding). */
bool portfolio_submodular(const natrisk_portfolio *p);

/*
 * The optimum within BUDGET by our own branch and bound (P->submodular
 * only): the set in BEST (per measure) and *SOLVED true, or *SOLVED
 * false when it gave up (too many nodes; the MILP solves then). The
 * must set is known to fit. NATRISK_OK or NATRISK_ENOMEM.
 */
int portfolio_bnb_solve(const natrisk_portfolio *p, double budget,
                        bool *best, bool *solved);

/* Builds P->model with COLUMNS subset columns (portfolio_build.c). */
int portfolio_build(natrisk_portfolio *p, size_t columns);

/* The risk after and the cost of the set SELECTED (per measure), as
 * formats.md has them recomputed: sums in index order. */
double portfolio_risk_after(const natrisk_portfolio *p,
                            const bool *selected);
double portfolio_cost(const natrisk_portfolio *p, const bool *selected);

#endif
