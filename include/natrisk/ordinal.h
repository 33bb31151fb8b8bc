/*
 * ordinal.h - the robustness of the ranking of scenarios by impact: the
 * ordinal aggregation methods the 2008 round ran beside the weighted sum
 * (method.md section 4), the rank correlation between two rankings, and
 * the scenarios whose place depends on the choice of method or weights.
 *
 * Every ranking here orders scenarios by impact (the aggregation of their
 * EV impact scores), not by risk: the medal method and Evamix aggregate
 * the impact criteria only, and give no number that could be added to a
 * likelihood. Rank 1 is the most severe scenario; ties share the better
 * rank (the competition rule 1, 1, 3, as in results.h and SMAA).
 *
 * Medal method. Each scenario counts its criteria whose EV impact score
 * is in class E, D, C, B and A (a "+" and a quantity count in their class,
 * X counts nowhere). Scenarios are ordered by their count of E scores,
 * then D, C, B and A (lexicographically, like a medal table). Scenarios
 * with equal counts in all five classes tie.
 *
 * Evamix (Voogd, H. (1982), "Multicriteria evaluation with mixed
 * qualitative and quantitative data", Environment and Planning B 9:221-236;
 * Voogd, H. (1983), Multicriteria Evaluation for Urban and Regional
 * Planning, Pion, London). The criteria are split into a set O measured on
 * an ordinal scale and a set C measured on a cardinal scale; e_ic is the
 * score of scenario i on criterion c, greater = more severe, and w_c its
 * weight (sum 1). For every ordered pair (i, j), i != j:
 *
 *   ordinal dominance   alpha_ij = sum_{c in O} w_c * sgn(e_ic - e_jc)
 *   cardinal dominance  a_ij     = sum_{c in C} w_c * (e_ic - e_jc)
 *                                                  / (max_c - min_c)
 *
 * where max_c and min_c are taken over the scenarios and a criterion whose
 * range is 0 is left out (it cannot tell two scenarios apart). This is
 * Voogd's general form [sum (w_c * d_c)^k]^(1/k) with k = 1, the
 * cardinal scores standardised by their range. Both are standardised by
 * the sum of their absolute values over all ordered pairs, which is the
 * variant Voogd calls the subtractive summation technique (beside the
 * subtractive shifted interval and the additive interval techniques; see
 * also Nijkamp, P., Rietveld, P. & Voogd, H. (1990), Multicriteria
 * Evaluation in Physical Planning, North-Holland, Amsterdam), and weighted
 * by the total weight of their criteria, w_O = sum_{c in O} w_c and
 * w_C = sum_{c in C} w_c:
 *
 *   m_ij = w_O * alpha_ij / sum_{k != l} |alpha_kl|
 *        + w_C * a_ij     / sum_{k != l} |a_kl|
 *
 * (a term whose sum of absolute values is 0 contributes 0). The appraisal
 * score of scenario i is s_i = sum_{j != i} m_ij, and scenarios rank by s_i,
 * greatest first. Because m_ji = -m_ij, the scores sum to 0. Scores within
 * NATRISK_EVAMIX_TIE of each other tie: |m_ij| <= 1, so anything closer
 * is rounding, not a difference in the scores.
 *
 * On an assessment (natrisk_evamix_assessment): the criteria with
 * thresholds in the method (nrb-2008: 2.1, 2.2 and 3.1) are cardinal, each
 * scenario measured by the class value of its EV score (X = 0, A = 1,
 * B = 3 ..., "+" half a class up; a quantity by the class it falls in, as
 * everywhere: method.md section 3); every other
 * criterion is ordinal, measured by its EV class as written (X below A,
 * C+ above C). The weights are a profile's normalised weights.
 *
 * Kendall's tau-b between two rankings x and y of n scenarios:
 *
 *   tau_b = (n_c - n_d) / sqrt((n_0 - n_x) * (n_0 - n_y))
 *
 * with n_c and n_d the pairs ordered alike and oppositely, n_0 = n(n-1)/2,
 * and n_x, n_y the pairs tied in x and in y. It is NaN when a ranking
 * ties every pair (or n < 2): there is then nothing to correlate.
 *
 * A scenario's position depends on the method when its ranks across the
 * rankings compared span at least NATRISK_DEPENDENT_RANGE places
 * (max - min >= 2): a swap of two neighbours is common and means little,
 * a move of two places or more is a change of the picture.
 */
#ifndef NATRISK_ORDINAL_H
#define NATRISK_ORDINAL_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Evamix appraisal scores closer than this tie. */
#define NATRISK_EVAMIX_TIE 1e-9
/* The rank range (max - min) from which a position depends on the method. */
#define NATRISK_DEPENDENT_RANGE 2

/*
 * RANKS[i] = 1 + the number of scores greater than SCORES[i] by more than
 * TOLERANCE: greatest first, ties sharing the better rank. SCORES and
 * RANKS are the caller's arrays of N.
 */
NATRISK_EXTERN
void natrisk_rank_scores(const double *scores, size_t n, double tolerance,
                         int *ranks);

/* The medal method on counts: COUNTS[i * NATRISK_CLASS_COUNT + k] is the
 * number of criteria on which scenario i scores class k (A = 0 .. E = 4);
 * RANKS, the caller's array of N, receives the ranks. */
NATRISK_EXTERN
void natrisk_medal_rank_counts(const size_t *counts, size_t n, int *ranks);
/* Scenario I's counts of EV impact scores per class A..E, into the
 * caller's COUNTS. */
NATRISK_EXTERN
void natrisk_medal_counts(const natrisk_assessment *a, size_t i,
                          size_t counts[NATRISK_CLASS_COUNT]);
/* The medal ranking of A's scenarios into RANKS (the caller's, one per
 * scenario, file order). Returns 0 or NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_medal_assessment(const natrisk_assessment *a, int *ranks);

/* An Evamix problem: VALUES[i * criteria + c] is e_ic (greater = more
 * severe); CARDINAL[c] says whether criterion c is cardinal (else
 * ordinal); WEIGHTS[c] is w_c, the weights summing to 1. */
typedef struct natrisk_evamix_problem {
	size_t alternatives, criteria;
	const double *values;
	const bool *cardinal;
	const double *weights;
} natrisk_evamix_problem;

/*
 * Evamix: SCORES[i] = s_i. DOMINANCE, when not NULL, receives m_ij at
 * [i * alternatives + j] (0 on the diagonal). Both are the caller's
 * arrays. Returns 0 or NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_evamix(const natrisk_evamix_problem *p, double *scores,
                   double *dominance);
/* Evamix on A's scenarios with the weights of profile PROFILE, into the
 * caller's SCORES (may be NULL) and RANKS, one per scenario. Returns 0,
 * NATRISK_ENOTFOUND (no such profile) or NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_evamix_assessment(const natrisk_assessment *a, size_t profile,
                              double *scores, int *ranks);
/* The measurement Evamix uses for scenario I on criterion C, and whether
 * criterion C is cardinal (see above). */
NATRISK_EXTERN
double natrisk_evamix_value(const natrisk_assessment *a, size_t i, size_t c);
NATRISK_EXTERN
bool natrisk_evamix_cardinal(const natrisk_assessment *a, size_t c);

/* Kendall's tau-b between two rankings of N; NaN when undefined. */
NATRISK_EXTERN
double natrisk_kendall_tau_b(const int *x, const int *y, size_t n);

/*
 * The scenarios (indices into 0..N-1, ascending) whose ranks across the
 * K rankings RANKINGS[0..K-1] (each N ranks) span at least MIN_RANGE
 * places, written to OUT (room for N). Returns how many.
 */
NATRISK_EXTERN
size_t natrisk_rank_dependent(const int *const *rankings, size_t k, size_t n,
                              int min_range, size_t *out);

/*
 * Everything natrisk compares on one assessment: the weighted-sum ranking
 * under every weight profile of the method (named by the profile's id),
 * then "weighted-sum" (the default profile; the reference), "medal" and
 * "evamix" (the default profile's weights); tau-b between every two; and
 * the scenarios whose position depends on the method (all rankings
 * compared, range NATRISK_DEPENDENT_RANGE).
 */
typedef struct natrisk_robustness natrisk_robustness;

typedef struct natrisk_ranking {
	const char *id;         /* profile id, "weighted-sum", "medal", "evamix" */
	natrisk_text title;
	long profile;           /* the weight profile used, or -1 (medal) */
	const int *ranks;       /* one per scenario, in file order */
} natrisk_ranking;

/*
 * Compares the rankings of A. Returns NATRISK_OK with *OUT, which the
 * caller frees with natrisk_robustness_free(); or NATRISK_ENOMEM with
 * *OUT NULL. *OUT borrows A: free it before A.
 */
NATRISK_EXTERN
int natrisk_robustness_new(natrisk_robustness **out,
                           const natrisk_assessment *a);
/* Frees R and everything its accessors gave out. NULL is allowed. */
NATRISK_EXTERN
void natrisk_robustness_free(natrisk_robustness *r);

/*
 * Accessors. Every pointer they return is owned by R (the assessment by
 * the caller) and stays valid while R lives. Indices K, L must be below
 * natrisk_robustness_count(), I below the assessment's scenario count.
 */
/* The assessment R borrows. */
NATRISK_EXTERN
const natrisk_assessment *natrisk_robustness_assessment(
	const natrisk_robustness *r);
/* The number of rankings, and ranking K (owned by R, valid while R
 * lives): the profiles', then "weighted-sum", "medal", "evamix". */
NATRISK_EXTERN
size_t natrisk_robustness_count(const natrisk_robustness *r);
NATRISK_EXTERN
const natrisk_ranking *natrisk_robustness_ranking(const natrisk_robustness *r,
                                                  size_t k);
/* Tau-b between rankings K and L. */
NATRISK_EXTERN
double natrisk_robustness_tau(const natrisk_robustness *r, size_t k,
                              size_t l);
/* Scenario indices by the weighted-sum rank (ties in file order): one
 * per scenario, owned by R, valid while R lives. */
NATRISK_EXTERN
const size_t *natrisk_robustness_order(const natrisk_robustness *r);
/* The method-dependent scenarios (their count, and their indices in
 * the order above, owned by R and valid while R lives). */
NATRISK_EXTERN
size_t natrisk_robustness_dependent_count(const natrisk_robustness *r);
NATRISK_EXTERN
const size_t *natrisk_robustness_dependent(const natrisk_robustness *r);
/* Lowest and highest rank of scenario I over all rankings. */
NATRISK_EXTERN
void natrisk_robustness_span(const natrisk_robustness *r, size_t i,
                             int *best, int *worst);

#ifdef __cplusplus
}
#endif
#endif
