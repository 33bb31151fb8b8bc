/*
 * plan_portfolio.h - the portfolio of a plan (`natrisk portfolio` in
 * formats.md, method.md section 6): the abstract problem of portfolio.h
 * made from a plan's measures (cost, requires, excludes) and their
 * effects, each scenario's risk for a set of measures coming from the
 * residual risk (residual.h) under one weight profile; what each
 * selected measure does and what its money would otherwise have bought
 * (the explanation); and the robustness of the optimum under SMAA draws.
 *
 * Candidates are all measures of the plan, whatever their advice's
 * decision; a scenario is touched by the measures that have an effect on
 * it.
 */
#ifndef NATRISK_PLAN_PORTFOLIO_H
#define NATRISK_PLAN_PORTFOLIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"
#include "portfolio.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_plan_portfolio_options {
	unsigned years;           /* cost = once + yearly x years */
	const bool *must, *never; /* per measure of the plan, or NULL */
	size_t profile;           /* weight profile of the plan's method */
} natrisk_plan_portfolio_options;

typedef struct natrisk_plan_portfolio natrisk_plan_portfolio;

/*
 * Prepares the portfolio of PLAN (which must outlive it) under OPTIONS
 * (copied). Returns NATRISK_OK with *OUT, freed with
 * natrisk_plan_portfolio_free(); else the error of natrisk_portfolio_new
 * or NATRISK_ENOTFOUND (no such profile), with the reason in
 * natrisk_error_last().
 */
NATRISK_EXTERN
int natrisk_plan_portfolio_new(natrisk_plan_portfolio **out,
                               const natrisk_plan *plan,
                               const natrisk_plan_portfolio_options *options);
NATRISK_EXTERN
void natrisk_plan_portfolio_free(natrisk_plan_portfolio *pp);

/* The prepared problem: solve, frontier and per-measure figures; the
 * measure indices are the plan's. Owned by PP, valid until
 * natrisk_plan_portfolio_free(PP). */
NATRISK_EXTERN
const natrisk_portfolio *natrisk_plan_portfolio_problem(
	const natrisk_plan_portfolio *pp);

/* One scenario a measure changes: its risk value with no measure in
 * place and with the measure alone, and what the measure's effect there
 * is on (CRITERIA: criterion indices, NATRISK_EFFECT_LIKELIHOOD for the
 * likelihood, in the effect's order). */
typedef struct natrisk_portfolio_change {
	size_t scenario;
	const long *criteria;
	size_t criterion_count;
	double risk_before, risk_after;
} natrisk_portfolio_change;

/*
 * The explanation of selected measure M of CHOICE (the optimum at
 * BUDGET): what it changes, scenario by scenario; its share of the
 * optimum (CHOICE's reduction minus that of CHOICE without M and the
 * measures that require it); and the next best use of its money: the
 * optimum at the same budget with M forbidden (HAS_ALTERNATIVE false
 * when M must be chosen, or the must set requires it). Whatever it allocates is freed with
 * natrisk_portfolio_explain_release().
 */
typedef struct natrisk_portfolio_explain {
	size_t measure;
	natrisk_portfolio_change *changes;
	size_t change_count;
	double marginal;
	bool has_alternative;
	natrisk_portfolio_choice alternative;
} natrisk_portfolio_explain;

/* Fills *OUT as above for measure M (a plan index) of CHOICE, PP's
 * optimum at BUDGET. Returns NATRISK_OK, NATRISK_ENOTFOUND (no measure
 * M) or an error of the re-optimisation or NATRISK_ENOMEM, and then *OUT
 * holds nothing to release. */
NATRISK_EXTERN
int natrisk_plan_portfolio_explain(const natrisk_plan_portfolio *pp,
                                   const natrisk_portfolio_choice *choice,
                                   double budget, size_t m,
                                   natrisk_portfolio_explain *out);
/* Frees what natrisk_plan_portfolio_explain put in E (not E itself)
 * and empties it; NULL is allowed. */
NATRISK_EXTERN
void natrisk_portfolio_explain_release(natrisk_portfolio_explain *e);

/*
 * Robustness: in each of DRAWS SMAA draws (weights uniform on the
 * simplex, every score, likelihood included, triangular between its LL,
 * EV and UL on the class-position scale, as `natrisk smaa` draws; the
 * most favourable score is chosen on EV, then drawn), the optimum at
 * BUDGET; COUNTS[m] (per measure of the plan) how many of those optima
 * hold measure m. Every draw's numbers are addressed by (SEED, draw), so
 * the counts do not depend on THREADS (0: one per processor). Returns
 * NATRISK_OK, or the error of the first draw that failed (an infeasible
 * must set fails the first).
 */
NATRISK_EXTERN
int natrisk_plan_portfolio_robust(const natrisk_plan_portfolio *pp,
                                  double budget, uint64_t draws,
                                  uint64_t seed, unsigned threads,
                                  uint64_t *counts);

#ifdef __cplusplus
}
#endif
#endif
