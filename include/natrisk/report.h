/*
 * report.h - the findings report: one self-contained HTML file with print
 * CSS, holding the risk diagram (inline SVG), the ranked summary, a section
 * per scenario with every score, its LL/UL and rationale and a bar chart
 * per vital interest, the ranking under every weight profile side by side,
 * with a previous edition the movements since, and with a plan the
 * capability analysis: the chain chart, the advice, the measures and the
 * residual risk diagram.
 */
#ifndef NATRISK_REPORT_H
#define NATRISK_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "results.h"

struct natrisk_plan; /* plan.h */
struct natrisk_portfolio_report; /* portfolio_output.h */

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_report_options {
	natrisk_lang lang;
	/* Results of the previous edition (same profile), or NULL. */
	const natrisk_results *previous;
	/* The stochastic part of the robustness section (SMAA-2): its
	 * iterations (0: NATRISK_REPORT_SMAA_DRAWS draws' worth, between
	 * 1,000 and 10,000 iterations) and seed; WITHOUT_SMAA leaves it
	 * out. */
	uint64_t smaa_iterations;
	uint64_t smaa_seed;
	bool without_smaa;
	/* The banner at the top and bottom and on every printed page: the
	 * highest classification of what the report holds, STATUS (the
	 * edition's status in the store: draft, scoring, consolidation,
	 * published; NULL for a report from a file: none shown) and DATE
	 * (YYYY-MM-DD; NULL: today in UTC, or the day of SOURCE_DATE_EPOCH). */
	const char *status;
	const char *date;
	/* The capability analysis (method.md section 6; NULL PLAN leaves it
	 * out): the plan, whose scenarios are found in R's assessment by
	 * id; RESIDUAL, the results of R's assessment with a set of the
	 * plan's measures in place (residual.h), under R's profile; CHOSEN,
	 * for each of the plan's measures, whether it is in that set; and
	 * MEASURES, the set as the user named it ("adopted", "all" or a
	 * comma list of ids), for the text. */
	const struct natrisk_plan *plan;
	const natrisk_results *residual;
	const bool *chosen;
	const char *measures;
	/* The best set of the plan's measures for a budget, shown in the
	 * capability analysis (portfolio_output.h, computed on PLAN under
	 * R's profile); NULL leaves it out. */
	const struct natrisk_portfolio_report *portfolio;
} natrisk_report_options;

/* The default budget of measurement draws (iterations x scenarios x
 * criteria) of the report's stochastic part: it keeps a report of a
 * thousand scenarios quick while a national assessment gets 10,000
 * iterations. */
#define NATRISK_REPORT_SMAA_DRAWS 10000000.0

/* Returns the iterations a report on A runs when asked for 0: the
 * budget of draws over A's scenarios and criteria, within 1,000 and
 * 10,000. */
NATRISK_EXTERN
uint64_t natrisk_report_smaa_iterations(const natrisk_assessment *a);

/*
 * Writes the report on R to OUT (the caller's, left open), with OPTIONS
 * (NULL: English, no previous edition, the default SMAA part, no status,
 * today). It may start one thread of its own for the robustness section
 * and joins it before returning. Returns NATRISK_OK, NATRISK_ERROR (R or
 * OUT NULL), NATRISK_ENOMEM, NATRISK_EINVALID (the SMAA part cannot be
 * run) or NATRISK_EIO (OUT reports an error); on failure OUT holds part
 * of a report.
 */
NATRISK_EXTERN
int natrisk_report_write(const natrisk_results *r,
                         const natrisk_report_options *options, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
