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
	double sum = 0.0, compensation = 0.0;
	for (size_t i = 0; i < n; i++) {
		double t = sum + terms[i];
		if (fabs(sum) >= fabs(terms[i]))
			compensation += (sum - t) + terms[i];
		else
			compensation += (terms[i] - t) + sum;
		sum = t;
	}
	return sum + compensation;
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

double likelihood_position(const natrisk_method *m, const natrisk_grade *g)
{
	if (g->has_quantity)
		return natrisk_method_probability_position(m, g->quantity);
	return g->cls + (g->high ? 0.75 : 0.5);
}
