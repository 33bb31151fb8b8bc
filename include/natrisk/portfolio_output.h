/*
 * portfolio_output.h - writing the portfolio of a plan (`natrisk
 * portfolio` in formats.md): the optimum at a budget with every
 * measure's cost, selection and reduction alone, the frontier of
 * --sweep, the acceptabilities of --robust and the explanation of each
 * selected measure, as a table, the JSON of the contract (with the extra
 * member "explain") or CSV.
 */
#ifndef NATRISK_PORTFOLIO_OUTPUT_H
#define NATRISK_PORTFOLIO_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "output.h"
#include "plan_portfolio.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Everything one run computed; what it did not compute is NULL / 0. */
typedef struct natrisk_portfolio_report {
	const natrisk_plan *plan;
	const natrisk_portfolio *portfolio;
	double budget;
	unsigned years;
	const natrisk_portfolio_choice *choice;  /* the optimum at BUDGET */
	const natrisk_portfolio_explain *explain; /* per selected measure */
	size_t explain_count;
	const double *frontier_budgets;          /* --sweep K */
	const natrisk_portfolio_choice *frontier;
	size_t frontier_count;
	const uint64_t *accepted;                /* --robust N: per measure */
	uint64_t draws;
} natrisk_portfolio_report;

/*
 * Writes R to OUT in FORMAT. CSV holds one row per measure (id, cost,
 * selected, reduction_alone and, with draws, acceptability), or with a
 * frontier one row per budget (budget, cost, reduction, selected: ids
 * separated by spaces). Returns NATRISK_OK, NATRISK_ENOMEM or NATRISK_EIO.
 */
NATRISK_EXTERN
int natrisk_portfolio_write(const natrisk_portfolio_report *r,
                            natrisk_format format, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
