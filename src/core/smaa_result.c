/*
 * smaa_result.c - the result of a stochastic analysis: counts kept as
 * integers (exact, whatever the number of threads) and read out as shares.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "smaa_model.h"

natrisk_smaa *smaa_result_new(size_t m, size_t n, unsigned outputs)
{
	natrisk_smaa *s = arena_owned_new(sizeof *s);
	if (!s)
		return NULL;
	arena *a = &s->arena;
	s->m = m;
	s->n = n;
	s->outputs = outputs;
	s->alternative_names = arena_array(a, m + 1, sizeof(char *));
	s->criterion_names = arena_array(a, n + 1, sizeof(char *));
	s->rank_counts = arena_array(a, m * m + 1, sizeof(uint64_t));
	s->central = arena_array(a, m * n + 1, sizeof(double));
	s->has_central = arena_array(a, m + 1, sizeof(int));
	s->first_counts = arena_array(a, m + 1, sizeof(uint64_t));
	s->confidence_counts = arena_array(a, m + 1, sizeof(uint64_t));
	s->class_counts = arena_array(a, m * 6 + 1, sizeof(uint64_t));
	s->cell_counts = arena_array(a, m * 25 + 1, sizeof(uint64_t));
	/* the m x m tables only when asked for: at a thousand scenarios
	 * each is 8 MB */
	size_t pairs = outputs & NATRISK_SMAA_PAIRWISE ? m * m : 0;
	size_t risks = outputs & NATRISK_SMAA_RISK ? m * m : 0;
	s->pair_counts = arena_array(a, pairs + 1, sizeof(uint64_t));
	s->risk_counts = arena_array(a, risks + 1, sizeof(uint64_t));
	size_t bins = NATRISK_SMAA_CLOUD_BINS * NATRISK_SMAA_CLOUD_BINS;
	if (outputs & NATRISK_SMAA_CLOUD) {
		s->cloud_counts = arena_array(a, m * bins + 1, sizeof(uint64_t));
		if (!s->cloud_counts) {
			arena_owned_free(s);
			return NULL;
		}
	}
	if (!s->alternative_names || !s->criterion_names || !s->rank_counts ||
	    !s->central || !s->has_central || !s->first_counts ||
	    !s->confidence_counts || !s->class_counts || !s->cell_counts ||
	    !s->pair_counts || !s->risk_counts) {
		arena_owned_free(s);
		return NULL;
	}
	return s;
}

void natrisk_smaa_free(natrisk_smaa *s) { arena_owned_free(s); }

uint64_t natrisk_smaa_iterations(const natrisk_smaa *s)
{
	return s->iterations;
}
size_t natrisk_smaa_alternatives(const natrisk_smaa *s) { return s->m; }
size_t natrisk_smaa_criteria(const natrisk_smaa *s) { return s->n; }
unsigned natrisk_smaa_outputs(const natrisk_smaa *s) { return s->outputs; }

const char *natrisk_smaa_alternative_name(const natrisk_smaa *s, size_t i)
{
	return i < s->m ? s->alternative_names[i] : NULL;
}

const char *natrisk_smaa_criterion_name(const natrisk_smaa *s, size_t c)
{
	return c < s->n ? s->criterion_names[c] : NULL;
}

static double share(const natrisk_smaa *s, uint64_t count)
{
	return s->iterations ? (double)count / (double)s->iterations : 0;
}

double natrisk_smaa_rank_acceptability(const natrisk_smaa *s, size_t i,
                                       size_t r)
{
	return i < s->m && r < s->m ? share(s, s->rank_counts[i * s->m + r])
	                            : 0;
}

double natrisk_smaa_expected_rank(const natrisk_smaa *s, size_t i)
{
	double expected = 0;
	for (size_t r = 0; i < s->m && r < s->m; r++)
		expected += (double)(r + 1) * natrisk_smaa_rank_acceptability(s, i, r);
	return expected;
}

size_t natrisk_smaa_most_likely_rank(const natrisk_smaa *s, size_t i)
{
	size_t best = 0;
	for (size_t r = 1; i < s->m && r < s->m; r++)
		if (s->rank_counts[i * s->m + r] > s->rank_counts[i * s->m + best])
			best = r;
	return best;
}

typedef struct expected_entry {
	double expected;
	size_t index;
} expected_entry;

static int by_expected(const void *pa, const void *pb)
{
	const expected_entry *a = pa, *b = pb;
	if (a->expected != b->expected)
		return a->expected < b->expected ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

int natrisk_smaa_order(const natrisk_smaa *s, size_t *order)
{
	expected_entry *entries = malloc((s->m + 1) * sizeof *entries);
	if (!entries)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t i = 0; i < s->m; i++)
		entries[i] = (expected_entry){ natrisk_smaa_expected_rank(s, i),
			                       i };
	qsort(entries, s->m, sizeof *entries, by_expected);
	for (size_t i = 0; i < s->m; i++)
		order[i] = entries[i].index;
	free(entries);
	return NATRISK_OK;
}

bool natrisk_smaa_central_weight(const natrisk_smaa *s, size_t i, size_t c,
                                 double *out)
{
	if (i >= s->m || c >= s->n || !s->has_central[i] ||
	    !(s->outputs & NATRISK_SMAA_CENTRAL))
		return false;
	*out = s->central[i * s->n + c];
	return true;
}

bool natrisk_smaa_confidence(const natrisk_smaa *s, size_t i, double *out)
{
	if (i >= s->m || !s->has_central[i] ||
	    !(s->outputs & NATRISK_SMAA_CONFIDENCE))
		return false;
	*out = share(s, s->confidence_counts[i]);
	return true;
}

double natrisk_smaa_rank_entropy(const natrisk_smaa *s, size_t i)
{
	double entropy = 0;
	for (size_t r = 0; i < s->m && r < s->m; r++) {
		double b = natrisk_smaa_rank_acceptability(s, i, r);
		if (b > 0)
			entropy -= b * log2(b);
	}
	return entropy == 0 ? 0 : entropy; /* never -0 */
}

double natrisk_smaa_class_probability(const natrisk_smaa *s, size_t i, int k)
{
	if (i >= s->m || k < -1 || k > 4 || !s->from_assessment)
		return 0;
	return share(s, s->class_counts[i * 6 + (size_t)(k + 1)]);
}

double natrisk_smaa_cell_probability(const natrisk_smaa *s, size_t i, int l,
                                     int k)
{
	if (i >= s->m || l < 0 || l > 4 || k < 0 || k > 4 ||
	    !s->from_assessment)
		return 0;
	return share(s, s->cell_counts[i * 25 + (size_t)(l * 5 + k)]);
}

double natrisk_smaa_cloud(const natrisk_smaa *s, size_t i, size_t l,
                          size_t k)
{
	const size_t bins = NATRISK_SMAA_CLOUD_BINS;
	if (!s->cloud_counts || i >= s->m || l >= bins || k >= bins)
		return 0;
	return share(s, s->cloud_counts[(i * bins + l) * bins + k]);
}

double natrisk_smaa_pairwise(const natrisk_smaa *s, size_t i, size_t j)
{
	if (!(s->outputs & NATRISK_SMAA_PAIRWISE) || i >= s->m || j >= s->m)
		return 0;
	return share(s, s->pair_counts[i * s->m + j]);
}

double natrisk_smaa_risk_acceptability(const natrisk_smaa *s, size_t i,
                                       size_t r)
{
	if (!(s->outputs & NATRISK_SMAA_RISK) || !s->from_assessment ||
	    i >= s->m || r >= s->m)
		return 0;
	return share(s, s->risk_counts[i * s->m + r]);
}
