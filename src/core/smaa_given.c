/*
 * smaa_given.c - SMAA on given samples (formats.md, "natrisk smaa
 * --measurements M.csv --weights W.csv"): every measurement and weight of
 * every iteration is supplied, nothing is drawn, so that results can be
 * compared exactly with other SMAA implementations. Sums run in iteration
 * order in double precision, as a plain reference loop would.
 */
#include <string.h>

#include "error.h"
#include "smaa_model.h"

static double value_of(const natrisk_smaa_samples *g, size_t k, size_t i,
                       const double *w)
{
	const double *x = g->measurements + (k * g->alternatives + i) *
	                                            g->criteria;
	double v = 0;
	for (size_t c = 0; c < g->criteria; c++)
		v += w[c] * x[c];
	return v;
}

/* 1 + the number of alternatives with a strictly greater value. */
static size_t rank_of(const double *values, size_t m, size_t i)
{
	size_t greater = 0;
	for (size_t j = 0; j < m; j++)
		greater += values[j] > values[i];
	return greater;
}

static void main_pass(natrisk_smaa *s, const natrisk_smaa_samples *g,
                      double *values, double *sums)
{
	size_t m = s->m, n = s->n;
	for (size_t k = 0; k < g->iterations; k++) {
		const double *w = g->weights + k * n;
		for (size_t i = 0; i < m; i++)
			values[i] = value_of(g, k, i, w);
		for (size_t i = 0; i < m; i++) {
			size_t r = rank_of(values, m, i);
			s->rank_counts[i * m + r]++;
			if (s->outputs & NATRISK_SMAA_PAIRWISE)
				for (size_t j = 0; j < m; j++)
					s->pair_counts[i * m + j] +=
						values[i] > values[j];
			if (r != 0)
				continue;
			s->first_counts[i]++;
			for (size_t c = 0; c < n; c++)
				sums[i * n + c] += w[c];
		}
	}
	for (size_t i = 0; i < m; i++) {
		s->has_central[i] = s->first_counts[i] > 0;
		for (size_t c = 0; c < n && s->has_central[i]; c++)
			s->central[i * n + c] = sums[i * n + c] /
			                        (double)s->first_counts[i];
	}
}

static void confidence_pass(natrisk_smaa *s, const natrisk_smaa_samples *g,
                            double *values)
{
	size_t m = s->m, n = s->n;
	for (size_t k = 0; k < g->iterations; k++)
		for (size_t i = 0; i < m; i++) {
			if (!s->has_central[i])
				continue;
			for (size_t j = 0; j < m; j++)
				values[j] = value_of(g, k, j, s->central + i * n);
			s->confidence_counts[i] += rank_of(values, m, i) == 0;
		}
}

static int copy_names(natrisk_smaa *s, const natrisk_smaa_samples *g)
{
	for (size_t i = 0; i < s->m; i++)
		if (!(s->alternative_names[i] = arena_strdup(
			      &s->arena, g->alternative_names[i])))
			return -1;
	for (size_t c = 0; c < s->n; c++)
		if (!(s->criterion_names[c] = arena_strdup(
			      &s->arena, g->criterion_names[c])))
			return -1;
	return 0;
}

int natrisk_smaa_given(natrisk_smaa **out, const natrisk_smaa_samples *g,
                       unsigned outputs)
{
	*out = NULL;
	if (!g->iterations || !g->alternatives || !g->criteria)
		return error_set(NATRISK_EINVALID, "no samples");
	outputs &= NATRISK_SMAA_CENTRAL | NATRISK_SMAA_CONFIDENCE |
	           NATRISK_SMAA_PAIRWISE;
	natrisk_smaa *s = smaa_result_new(g->alternatives, g->criteria,
	                                  outputs | NATRISK_SMAA_CENTRAL);
	double *values = s ? arena_array(&s->arena, s->m, sizeof *values)
	                   : NULL;
	double *sums = s ? arena_array(&s->arena, s->m * s->n, sizeof *sums)
	                 : NULL;
	if (!values || !sums || copy_names(s, g) != 0) {
		natrisk_smaa_free(s);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	s->outputs = outputs;
	s->iterations = g->iterations;
	main_pass(s, g, values, sums);
	if (outputs & NATRISK_SMAA_CONFIDENCE)
		confidence_pass(s, g, values);
	*out = s;
	return NATRISK_OK;
}
