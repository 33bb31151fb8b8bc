/*
 * report_parts.h - what the files of the HTML report share: the state of
 * one report being written and the writers of its parts.
 *
 *   report.c          the document, head and CSS, title, diagram, summary
 *   report_sections.c one section per scenario, with its bar chart
 *   report_compare.c  the ranking per weight profile and the movements
 *   report_robustness.c the rankings per aggregation method, their
 *                     agreement, and the stochastic acceptabilities
 *   report_plan.c     the capability analysis: advice, measures and
 *                     residual risk (with a plan)
 *   report_plan_chain.c its chain chart: phases x top scenarios by gap
 *   report_plan_residual.c its residual risk diagram
 *   report_plan_portfolio.c its best set of measures for a budget
 */
#ifndef NATRISK_REPORT_PARTS_H
#define NATRISK_REPORT_PARTS_H

#include <stdio.h>

#include <natrisk/report.h>

#include <natrisk/assessment.h>
#include <natrisk/method.h>
#include <natrisk/results.h>
#include "html.h"

typedef struct report {
	FILE *out;
	natrisk_lang lang;
	const natrisk_results *r;
	const natrisk_assessment *a;
	const natrisk_method *m;
	const natrisk_profile *profile;
	const natrisk_results *previous; /* or NULL */
	uint64_t smaa_iterations;        /* 0: no stochastic part */
	uint64_t smaa_seed;
	double chart_max; /* largest interest contribution of any bar chart */
	const char *status;              /* the banner's (options) */
	const char *date;
	/* the capability analysis (options); PLAN NULL: none */
	const struct natrisk_plan *plan;
	const natrisk_results *residual;
	const bool *chosen;
	const char *measures;
	/* its portfolio (options); NULL: none */
	const struct natrisk_portfolio_report *portfolio;
} report;

/* The id of the charts' shared end cap (report_sections.c), which the
 * style sheet (report.c) puts on the ends of their LL-UL lines. */
#define CHART_CAP "chart-cap"

/* Between a value now and with measures in place: " → ". */
#define ARROW " \xE2\x86\x92 "

/* The fixed text of the report's language. */
#define TR(rp, en, nl) html_tr((rp)->lang, (en), (nl))

/* "C (D+–E)": a likelihood's EV class, with LL..UL when they differ. */
void report_likelihood_cell(const report *rp, const natrisk_score *s);
/* The anchor of a scenario's section. */
void report_scenario_href(const report *rp, const natrisk_scenario *s);
/* <a href="...">title</a>: the link to scenario S's section. */
void report_scenario_link(const report *rp, const natrisk_scenario *s);
/* Name of a kind or classification in the report's language. */
const char *report_kind_name(const report *rp, natrisk_kind kind);

/*
 * Contribution of vital interest K to scenario S's total at POINT (LL, EV
 * or UL) under the report's profile: the sum over the interest's criteria
 * of raw weight times class value, over the sum of the raw weights.
 */
double report_interest_value(const report *rp, const natrisk_scenario *s,
                             size_t k, int point);

/* The name of a classification in the report's language. */
const char *report_classification_name(const report *rp,
                                       natrisk_classification c);
/* The banner's text: the highest classification in capitals, the status
 * and the date (report_banner.c). */
void report_banner_text(const report *rp, char *out, size_t size);
/* The banner as an element, of class "banner WHERE" (top, bottom). */
void report_banner(const report *rp, const char *where);
/* The banner in the margins of every printed page, as CSS. */
void report_banner_css(const report *rp);

/* Each returns 0 or a NATRISK_E* code. */
int report_scenarios(const report *rp);
int report_profiles(const report *rp);
/* What the robustness section shows, computed apart from writing so that
 * it can run beside the other sections (report.c): the rankings per
 * method and, unless left out, the stochastic analysis. */
typedef struct report_robustness_data {
	struct natrisk_robustness *rankings;
	struct natrisk_smaa *smaa; /* or NULL */
} report_robustness_data;

int report_robustness_compute(const report *rp, report_robustness_data *d);
void report_robustness_release(report_robustness_data *d);
int report_robustness(const report *rp, const report_robustness_data *d);
void report_movements(const report *rp);

/* A phase of the safety chain by its name in the report's language. */
const char *report_phase_name(const report *rp, int phase);
/* VALUE with at most one decimal, a decimal comma in Dutch and a true
 * minus sign, into BUF (48 bytes). */
void report_number_text(const report *rp, double value, char *buf);

/* The capability analysis (report_plan.c): its entry in the contents,
 * its style sheet, and the section itself. */
void report_plan_nav(const report *rp);
void report_plan_css(const report *rp);
int report_plan(const report *rp);
/* Its residual risk: the totals, the diagram and the moved scenarios
 * (report_plan_residual.c). */
int report_plan_residual(const report *rp);
/* Its portfolio: the optimum, the measures and the frontier, and their
 * style sheet (report_plan_portfolio.c); nothing without one. */
void report_plan_portfolio_css(const report *rp);
int report_plan_portfolio(const report *rp);

/* The chain chart and its table (report_plan_chain.c): MAP takes each
 * of the plan's scenarios to RP's assessment, CAPS are the plan's
 * figures (capabilities.h). */
struct natrisk_capabilities;
void report_plan_chain_css(FILE *out);
int report_plan_chain(const report *rp, const struct natrisk_capabilities *caps,
                      const size_t *map);

#endif
