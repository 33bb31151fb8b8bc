/*
 * portfolio_run.h - one run of `natrisk portfolio` on a loaded plan:
 * the optimum at a budget with the explanation of each selected
 * measure, with a sweep the frontier, with draws the acceptabilities.
 * The CLI's portfolio and report commands and the server's endpoint
 * all compute through it, so that the three answer the same on the
 * same plan; what it computed is a natrisk_portfolio_report, which
 * portfolio_output.h writes.
 */
#ifndef NATRISK_PORTFOLIO_RUN_H
#define NATRISK_PORTFOLIO_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"
#include "portfolio_output.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What to compute. */
typedef struct natrisk_portfolio_request {
	double budget;               /* >= 0 */
	bool has_budget;             /* false: the total cost of all measures */
	unsigned years;              /* cost = once + yearly x years */
	const char *const *must;     /* measure ids that must be chosen */
	size_t must_count;
	const char *const *never;    /* measure ids that may never be */
	size_t never_count;
	size_t profile;              /* weight profile of the plan's method */
	uint64_t sweep;              /* budgets of the frontier; 0: none */
	uint64_t draws, seed;        /* robustness draws; 0: none */
	unsigned threads;            /* for the draws; 0: one per processor */
} natrisk_portfolio_request;

typedef struct natrisk_portfolio_run natrisk_portfolio_run;

/*
 * Computes REQUEST on PLAN (which must outlive the run). Returns
 * NATRISK_OK with *OUT, freed with natrisk_portfolio_run_free(); else
 * NATRISK_EINVALID (an id the plan lacks, a measure in both must and
 * never, a must set that cannot be chosen), NATRISK_ENOTFOUND (no such
 * profile), NATRISK_ERROR (the solver) or NATRISK_ENOMEM, with the
 * reason in natrisk_error_last() and *OUT NULL. With a must set, the
 * budgets of the sweep that cannot hold it are left out.
 */
NATRISK_EXTERN
int natrisk_portfolio_run_new(natrisk_portfolio_run **out,
                              const natrisk_plan *plan,
                              const natrisk_portfolio_request *request);
NATRISK_EXTERN
void natrisk_portfolio_run_free(natrisk_portfolio_run *run);

/* What the run computed; valid until natrisk_portfolio_run_free. */
NATRISK_EXTERN
const natrisk_portfolio_report *natrisk_portfolio_run_report(
	const natrisk_portfolio_run *run);

#ifdef __cplusplus
}
#endif
#endif
