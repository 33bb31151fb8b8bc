/*
 * smaa_exact.c - which alternatives of a SMAA problem are exact copies of
 * one another: every cell degenerate (LL = EV = UL) with the same value.
 * Copies are worth the same, bit for bit, under any weights and in every
 * draw, so the confidence pass values one of each set of copies against
 * an owner instead of all of them: a thousand identical exact scenarios
 * cost one rival each, not a thousand (issue 9, point 21).
 */
#define _GNU_SOURCE /* qsort_r */
#include <stdlib.h>

#include "smaa_kernel.h"

static bool all_exact(const smaa_problem *p, size_t i)
{
	for (size_t c = 0; c < p->n; c++)
		if (!p->cells[i * p->n + c].degenerate)
			return false;
	return true;
}

/* Exact alternatives before the others; then by their values criterion
 * by criterion; then by index, so that a set of copies starts with its
 * first alternative. */
static int by_values(const void *x, const void *y, void *context)
{
	const smaa_problem *p = context;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	bool ei = all_exact(p, i), ej = all_exact(p, j);
	if (ei != ej)
		return ei ? -1 : 1;
	for (size_t c = 0; ei && c < p->n; c++) {
		double a = p->cells[i * p->n + c].constant;
		double b = p->cells[j * p->n + c].constant;
		if (a != b)
			return a < b ? -1 : 1;
	}
	return (i > j) - (i < j);
}

static bool same_values(const smaa_problem *p, size_t i, size_t j)
{
	for (size_t c = 0; c < p->n; c++)
		if (p->cells[i * p->n + c].constant !=
		    p->cells[j * p->n + c].constant)
			return false;
	return true;
}

size_t *smaa_exact_copies(const smaa_problem *p, arena *a)
{
	size_t m = p->m;
	size_t *first = arena_array(a, m + 1, sizeof *first);
	size_t *order = malloc((m + 1) * sizeof *order);
	if (!first || !order) {
		free(order);
		return NULL;
	}
	for (size_t i = 0; i < m; i++)
		first[i] = order[i] = i;
	qsort_r(order, m, sizeof *order, by_values, (void *)p);
	for (size_t k = 1; k < m && all_exact(p, order[k]); k++)
		if (same_values(p, order[k - 1], order[k]))
			first[order[k]] = first[order[k - 1]];
	free(order);
	return first;
}
