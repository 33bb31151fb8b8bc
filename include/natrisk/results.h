/*
 * results.h - the engine's verdict on an assessment under one weight
 * profile: impact totals and positions for LL, EV and UL, subtotals per
 * vital interest, likelihood positions and the risk ranking.
 *
 * Exactly method.md section 4 and the "assess" contract of formats.md.
 */
#ifndef NATRISK_RESULTS_H
#define NATRISK_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_results natrisk_results;

typedef struct natrisk_impact_level {
	double total;     /* weighted sum of class values */
	double position;  /* log_base(total), A = 0; NaN when total is 0 */
	int cls;          /* class whose band [k, k+1) holds position (A for
	                     positions below 0); X when total is 0 */
	bool on_class_value; /* total equals a class value exactly */
} natrisk_impact_level;

typedef struct natrisk_scenario_result {
	double likelihood_position[NATRISK_POINT_COUNT];
	natrisk_impact_level impact[NATRISK_POINT_COUNT];
	const double *interests; /* EV contribution per vital interest */
	double risk;             /* likelihood + impact EV positions */
	int rank;                /* 1 = highest risk; ties share a rank. Risks
	                            are compared exactly, never on this sum of
	                            logarithms (see docs/design.md). */
} natrisk_scenario_result;

/*
 * Assesses A under weight profile PROFILE (an index of its method).
 * Returns NATRISK_OK with *OUT, which the caller frees with
 * natrisk_results_free(); or NATRISK_ENOTFOUND (no such profile) or
 * NATRISK_ENOMEM, with *OUT NULL. The results borrow A (its scenarios
 * and method): free them before A.
 */
NATRISK_EXTERN
int natrisk_results_new(natrisk_results **out, const natrisk_assessment *a,
                        size_t profile);
/* The results of A (a previous edition, say) under the weight profile
 * of LIKE, found by its id in A's method, or A's default profile when
 * that method has no profile of that id: comparable with LIKE. Returns
 * as natrisk_results_new; free *OUT with natrisk_results_free() before
 * A. LIKE is only read.
 */
NATRISK_EXTERN
int natrisk_results_new_like(natrisk_results **out,
                             const natrisk_assessment *a,
                             const natrisk_results *like);
/*
 * The risk ranks alone of A's scenarios under weight profile PROFILE, into
 * the caller's RANKS (one per scenario, file order): the same as the
 * ranks of natrisk_results_new(), without the rest of the results, so
 * that comparing many profiles costs a fraction of building results for
 * each. Returns 0, NATRISK_ENOTFOUND (no such profile) or
 * NATRISK_ENOMEM. A is only read.
 */
NATRISK_EXTERN
int natrisk_results_ranks(const natrisk_assessment *a, size_t profile,
                          int *ranks);
/* Frees RESULTS and everything its accessors gave out (not the
 * assessment). NULL is allowed. */
NATRISK_EXTERN
void natrisk_results_free(natrisk_results *results);

/*
 * Accessors. Every pointer they return is owned by R and stays valid
 * while R lives (the assessment while the caller keeps it). I must be
 * below natrisk_results_count(), which is the scenario count.
 */
/* The assessment R borrows, the profile index it was made with, and the
 * number of scenario results. */
NATRISK_EXTERN
const natrisk_assessment *natrisk_results_assessment(const natrisk_results *r);
NATRISK_EXTERN
size_t natrisk_results_profile(const natrisk_results *r);
NATRISK_EXTERN
size_t natrisk_results_count(const natrisk_results *r);
/* Result of scenario I, in the order of the file: owned by R, valid while
 * R lives. */
NATRISK_EXTERN
const natrisk_scenario_result *natrisk_results_get(const natrisk_results *r,
                                                   size_t i);
/* Scenario indices ordered by rank (ties in file order): one per
 * scenario, owned by R, valid while R lives. */
NATRISK_EXTERN
const size_t *natrisk_results_order(const natrisk_results *r);
/*
 * How the risk of scenario I in A compares with that of scenario J in B
 * (B may be another edition): -1 lower, 0 the same, 1 higher. Exact, as
 * the ranking is, when the two methods share the class base and the "+"
 * offset; otherwise by the risk positions. Two scenarios without impact
 * have the same risk.
 */
NATRISK_EXTERN
int natrisk_results_compare_risk(const natrisk_results *a, size_t i,
                                 const natrisk_results *b, size_t j);

/* LEVEL's class range as text into the caller's OUT: "C-D", or "C" when
 * the level sits on a class value or at E; "X" without impact. */
NATRISK_EXTERN
void natrisk_impact_range(const natrisk_impact_level *level, char out[4]);

#ifdef __cplusplus
}
#endif
#endif
