/*
 * aggregate.h - the arithmetic of method.md section 4: class values, the
 * weighted sum and the logarithmic impact position. Pure functions, shared
 * by the deterministic engine (results.c) and its tests.
 */
#ifndef NATRISK_AGGREGATE_H
#define NATRISK_AGGREGATE_H

#include "model.h"

/* The value of one impact grade: base^(k [+ high offset]), X -> x_value. */
double grade_value(const natrisk_method *method, const natrisk_grade *grade);

/* Insertion sort: the arrays here are a few dozen terms long. */
void sort_ascending(double *terms, size_t n);

/*
 * Sum of N non-negative terms, compensated (Neumaier) after sorting, so that
 * the same multiset of terms always gives the same, nearly exact sum. The
 * terms are reordered in place.
 */
double stable_sum(double *terms, size_t n);
/* Sum of N terms, compensated (Neumaier) in the order given: the same
 * terms in the same order always give the same, nearly exact sum. The
 * same one term at a time: add to an accumulator that starts { 0, 0 },
 * the sum is then sum + compensation. */
double compensated_sum(const double *terms, size_t n);
typedef struct neumaier {
	double sum, compensation;
} neumaier;
void neumaier_add(neumaier *acc, double term);

/*
 * Turns a weighted sum into a level: total = numerator / weight_sum, its
 * position log_base(total) and class. Dividing once at the end keeps the
 * total exact when weights and class values are integers, so a total that
 * equals a class value is recognised as such.
 */
void impact_level(const natrisk_method *method, double numerator,
                  double weight_sum, natrisk_impact_level *level);

/*
 * A weighted sum of impact grade values in two parts: PLAIN over classes,
 * quantities and X, and HIGH over the "+" grades, as weight * base^k; the
 * sum is plain + high * base^high_offset. With integer weights both parts
 * are exact integers, so that sums equal in exact arithmetic are equal bit
 * for bit (three C+ and one D+ are both 27 * sqrt(3)), and risks can be
 * compared exactly (risk_value).
 */
typedef struct grade_sum {
	double plain, high;
} grade_sum;

/* The weighted sum of point POINT (LL, EV, UL) of SCORES, one per
 * criterion of the method, over all criteria (INTEREST < 0) or those of
 * one vital interest. SCRATCH holds twice the criteria. */
grade_sum weighted_grades(const natrisk_method *method, const double *weights,
                          const natrisk_score *scores, int point,
                          long interest, double *scratch);
/* plain + high * base^high_offset */
double grade_sum_value(const natrisk_method *method, grade_sum sum);

/* Likelihood place of a grade on the horizontal axis (formats.md): class
 * K and the FRACTION of the way through it, from the method's plain and
 * "+" positions, or the probability's place in its band (p = 1: K = 5,
 * fraction 0). */
void likelihood_place(const natrisk_method *method, const natrisk_grade *grade,
                      int *k, double *fraction);
/* The same as one number, k + fraction. */
double likelihood_position(const natrisk_method *method,
                           const natrisk_grade *grade);

/*
 * N * base^L for the weighted impact sum N and the likelihood L = K +
 * FRACTION: proportional to base^(L + log_base T), so it orders risks as
 * their positions do, without a logarithm. Written as c1 * base^phi1 + c2
 * * base^phi2, phi in [0, 1): the plain part at the likelihood's
 * fraction, the "+" part high_offset further (a whole class up past 1),
 * each coefficient an exact integer for integer weights. For a base that
 * is no whole power (3), base^phi for different phi are independent over
 * the rationals, so two risks are equal in exact arithmetic exactly when
 * their coefficients at each phi are: then the same operations on the
 * same numbers give the same double. T 5 at C, T 15 at B and T 45 at A
 * tie; so do 2.7 at p = 1 (the top of E, 5.0) and D+ over ten criteria at
 * E (4.5), whose sqrt(3)s meet. 0 when N is 0.
 */
double risk_value(const natrisk_method *method, grade_sum impact, int k,
                  double fraction);

/* The EV impact totals of A's scenarios under PROFILE (which must
 * exist) into TOTALS, one per scenario: what natrisk_results_new() gives
 * as impact[NATRISK_EV].total, without the rest. Returns 0 or
 * NATRISK_ENOMEM. */
int results_ev_totals(const natrisk_assessment *a, size_t profile,
                      double *totals);

#endif
