/*
 * aggregate.c - see aggregate.h.
 */
#include "aggregate.h"

#include <math.h>
#include <stdlib.h>

double grade_value(const natrisk_method *m, const natrisk_grade *g)
{
	return natrisk_method_class_value(m, g->cls, g->high && !g->has_quantity);
}

void sort_ascending(double *terms, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		double value = terms[i];
		size_t j = i;
		while (j > 0 && terms[j - 1] > value) {
			terms[j] = terms[j - 1];
			j--;
		}
		terms[j] = value;
	}
}

double stable_sum(double *terms, size_t n)
{
	sort_ascending(terms, n);
	return compensated_sum(terms, n);
}

void neumaier_add(neumaier *acc, double term)
{
	double t = acc->sum + term;
	if (fabs(acc->sum) >= fabs(term))
		acc->compensation += (acc->sum - t) + term;
	else
		acc->compensation += (term - t) + acc->sum;
	acc->sum = t;
}

double compensated_sum(const double *terms, size_t n)
{
	neumaier acc = { 0, 0 };
	for (size_t i = 0; i < n; i++)
		neumaier_add(&acc, terms[i]);
	return acc.sum + acc.compensation;
}

void impact_level(const natrisk_method *m, double numerator,
                  double weight_sum, natrisk_impact_level *level)
{
	double total = numerator / weight_sum;
	level->total = total;
	level->on_class_value = false;
	if (!(total > 0.0)) {
		level->position = NAN;
		level->cls = NATRISK_CLASS_X;
		return;
	}
	int cls = NATRISK_CLASS_A;
	while (cls < NATRISK_CLASS_E && total >= m->class_values[cls + 1])
		cls++;
	level->cls = cls;
	if (total == m->class_values[cls]) {
		level->on_class_value = true;
		level->position = cls;
		return;
	}
	double position = log(total) / log(m->base);
	/* Keep log rounding from moving a total across a class boundary. */
	if (total > m->class_values[cls] && position < cls)
		position = cls;
	if (cls < NATRISK_CLASS_E && position >= cls + 1)
		position = nextafter((double)(cls + 1), 0.0);
	level->position = position;
}

/* Whether G counts in the "+" part of a sum: a "+" class, never a
 * quantity (it scores its class) or X. */
static bool is_high(const natrisk_grade *g)
{
	return g->high && !g->has_quantity && g->cls != NATRISK_CLASS_X;
}

grade_sum weighted_grades(const natrisk_method *m, const double *weights,
                          const natrisk_score *scores, int point,
                          long interest, double *scratch)
{
	double *plain = scratch, *high = scratch + m->criterion_count;
	size_t np = 0, nh = 0;
	for (size_t c = 0; c < m->criterion_count; c++) {
		if (interest >= 0 && m->criteria[c].interest != (size_t)interest)
			continue;
		const natrisk_grade *g = &scores[c].point[point];
		if (is_high(g))
			high[nh++] = weights[c] * m->class_values[g->cls];
		else
			plain[np++] = weights[c] * grade_value(m, g);
	}
	return (grade_sum){ stable_sum(plain, np), stable_sum(high, nh) };
}

double grade_sum_value(const natrisk_method *m, grade_sum sum)
{
	return sum.plain + sum.high * m->high_factor;
}

void likelihood_place(const natrisk_method *m, const natrisk_grade *g,
                      int *k, double *fraction)
{
	if (g->has_quantity) {
		probability_place(m, g->quantity, k, fraction);
		return;
	}
	*k = g->cls;
	*fraction = g->high ? m->likelihood_high : m->likelihood_plain;
}

double likelihood_position(const natrisk_method *m, const natrisk_grade *g)
{
	if (g->has_quantity)
		return natrisk_method_probability_position(m, g->quantity);
	int k;
	double fraction;
	likelihood_place(m, g, &k, &fraction);
	return k + fraction;
}

double risk_value(const natrisk_method *m, grade_sum impact, int k,
                  double fraction)
{
	double whole = 1.0;
	for (int i = 0; i < k; i++)
		whole *= m->base;
	/* plain * base^(k + fraction) + high * base^(k + offset + fraction),
	 * each term a whole power of the base times base^phi, phi in [0, 1) */
	double plain = impact.plain * whole, high = impact.high * whole;
	double phi_plain = fraction, phi_high = m->high_offset + fraction;
	if (phi_high >= 1) {
		high *= m->base;
		phi_high -= 1;
	}
	if (phi_high == phi_plain)
		return (plain + high) * pow(m->base, phi_plain);
	double a = plain * pow(m->base, phi_plain);
	double b = high * pow(m->base, phi_high);
	return phi_plain < phi_high ? a + b : b + a;
}
