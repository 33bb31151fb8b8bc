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

/*
 * Turns a weighted sum into a level: total = numerator / weight_sum, its
 * position log_base(total) and class. Dividing once at the end keeps the
 * total exact when weights and class values are integers, so a total that
 * equals a class value is recognised as such.
 */
void impact_level(const natrisk_method *method, double numerator,
                  double weight_sum, natrisk_impact_level *level);

/* Likelihood position of a grade (formats.md): k+0.5, k+0.75 for "+", or
 * the probability's place in its band. */
double likelihood_position(const natrisk_method *method,
                           const natrisk_grade *grade);

#endif
