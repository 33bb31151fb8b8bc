/*
 * smaa.h - stochastic multicriteria acceptability analysis (SMAA-2,
 * Lahdelma & Salminen 2001; method.md section 7).
 *
 * Per iteration: draw a weight vector and every measurement, value every
 * alternative by the weighted sum, rank (rank = 1 + the number of
 * alternatives with a strictly greater value). Out come the rank
 * acceptability indices, the central weight vectors, the confidence
 * factors and, on an assessment, the probabilities of each impact class
 * and risk-diagram cell, the pairwise index, the rank entropy and the rank
 * acceptability of the risk ranking.
 *
 * Two sources of samples:
 *   - an assessment: measurements drawn triangular between LL, EV and UL on
 *     the class-position scale and mapped through the class values;
 *     weights from a natrisk_smaa_weights description;
 *   - given samples (natrisk_smaa_samples): every measurement and weight of
 *     every iteration supplied, so that results can be compared exactly
 *     with other implementations.
 * Results are deterministic: the same seed gives the same result whatever
 * the number of threads.
 */
#ifndef NATRISK_SMAA_H
#define NATRISK_SMAA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assessment.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_smaa natrisk_smaa;

/* How weights are drawn. All criteria of the method take part. */
typedef struct natrisk_smaa_weights {
	/* Dirichlet around MEAN (normalised weights, one per criterion) with
	 * concentration K: alpha_c = K * mean_c. NULL: uniform on the
	 * simplex. */
	const double *mean;
	double concentration;
	/* Ordinal constraints: pairs (greater[k], lesser[k]) of criterion
	 * indices, w[greater] >= w[lesser]. */
	const size_t *greater, *lesser;
	size_t order_count;
	/* Intervals per criterion: LOWER[c] <= w[c] <= UPPER[c]; NULL for
	 * none. */
	const double *lower, *upper;
} natrisk_smaa_weights;

/* What to compute beyond rank acceptabilities (always computed). */
enum {
	NATRISK_SMAA_CENTRAL = 1 << 0,     /* central weights */
	NATRISK_SMAA_CONFIDENCE = 1 << 1,  /* confidence factors (2nd pass) */
	NATRISK_SMAA_CLASSES = 1 << 2,     /* impact class probabilities */
	NATRISK_SMAA_CELLS = 1 << 3,       /* risk-diagram cell probabilities */
	NATRISK_SMAA_PAIRWISE = 1 << 4,    /* P(i more severe than j) */
	NATRISK_SMAA_RISK = 1 << 5,        /* rank acceptability of risk */
	NATRISK_SMAA_CLOUD = 1 << 6,       /* where each scenario falls in the
	                                      risk diagram, finely binned */
	NATRISK_SMAA_ALL = (1 << 7) - 1,
};

/* Bins per axis of the cloud: the diagram's [0, 5) on both axes. */
#define NATRISK_SMAA_CLOUD_BINS 40

typedef struct natrisk_smaa_options {
	uint64_t iterations;
	uint64_t seed;
	int threads;                  /* 0: one per processor */
	natrisk_smaa_weights weights;
	unsigned outputs;             /* NATRISK_SMAA_* bits */
	/* Called now and then from the calling thread with the iterations
	 * done so far (both passes counted), or NULL. */
	void (*progress)(void *user, uint64_t done, uint64_t total);
	void *progress_user;
} natrisk_smaa_options;

/*
 * SMAA on an assessment: the alternatives are its scenarios, the value
 * the total impact. It runs OPTIONS->threads threads of its own and
 * joins them before returning. Returns NATRISK_OK with *OUT, which the
 * caller frees with natrisk_smaa_free(); or NATRISK_EINVALID (options
 * that cannot be met, e.g. weight constraints nothing satisfies; see
 * natrisk_error_last) or NATRISK_ENOMEM, with *OUT NULL. *OUT copies
 * the names it needs: A may be freed before it.
 */
NATRISK_EXTERN
int natrisk_smaa_assessment(natrisk_smaa **out, const natrisk_assessment *a,
                            const natrisk_smaa_options *options);

/* Given samples: M[(k * m + i) * n + c] is the partial value of
 * alternative i on criterion c in iteration k; W[k * n + c] the weight. */
typedef struct natrisk_smaa_samples {
	size_t iterations, alternatives, criteria;
	const char *const *alternative_names;
	const char *const *criterion_names;
	const double *measurements;
	const double *weights;
} natrisk_smaa_samples;

/* SMAA on given samples S, computing OUTPUTS (only
 * NATRISK_SMAA_CENTRAL, _CONFIDENCE and _PAIRWISE apply). Returns
 * NATRISK_OK with *OUT, which the caller frees with natrisk_smaa_free();
 * or NATRISK_EINVALID (no samples) or NATRISK_ENOMEM, with *OUT NULL.
 * S is only read: *OUT copies the names. */
NATRISK_EXTERN
int natrisk_smaa_given(natrisk_smaa **out, const natrisk_smaa_samples *s,
                       unsigned outputs);

/* Frees SMAA and everything its accessors gave out. NULL is allowed. */
NATRISK_EXTERN
void natrisk_smaa_free(natrisk_smaa *smaa);

/*
 * Accessors: I and J index alternatives, C criteria, R ranks (0-based),
 * each below its count; strings are owned by S and valid while S lives.
 * What was not computed (see OUTPUTS) reads 0.
 */
/* The iterations run, the alternatives and criteria compared. */
NATRISK_EXTERN
uint64_t natrisk_smaa_iterations(const natrisk_smaa *s);
NATRISK_EXTERN
size_t natrisk_smaa_alternatives(const natrisk_smaa *s);
NATRISK_EXTERN
size_t natrisk_smaa_criteria(const natrisk_smaa *s);
/* The names of alternative I and criterion C (scenario and criterion
 * ids on an assessment), owned by S: valid while S lives. */
NATRISK_EXTERN
const char *natrisk_smaa_alternative_name(const natrisk_smaa *s, size_t i);
NATRISK_EXTERN
const char *natrisk_smaa_criterion_name(const natrisk_smaa *s, size_t c);
/* The NATRISK_SMAA_* bits of what was computed. */
NATRISK_EXTERN
unsigned natrisk_smaa_outputs(const natrisk_smaa *s);

/* b(i, r): share of iterations in which i had rank r + 1. */
NATRISK_EXTERN
double natrisk_smaa_rank_acceptability(const natrisk_smaa *s, size_t i,
                                       size_t r);
/* Expected rank of i: the sum of (r + 1) * b(i, r). */
NATRISK_EXTERN
double natrisk_smaa_expected_rank(const natrisk_smaa *s, size_t i);
/* The rank (0-based) i takes most often; the better one on a tie. */
NATRISK_EXTERN
size_t natrisk_smaa_most_likely_rank(const natrisk_smaa *s, size_t i);
/* The alternatives by expected rank, most severe first (ties in input
 * order), into ORDER (room for every alternative). 0 or NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_smaa_order(const natrisk_smaa *s, size_t *order);
/* Central weight of criterion c for i; false when i never ranked first. */
NATRISK_EXTERN
bool natrisk_smaa_central_weight(const natrisk_smaa *s, size_t i, size_t c,
                                 double *out);
/* Confidence factor; false when i has no central weights. */
NATRISK_EXTERN
bool natrisk_smaa_confidence(const natrisk_smaa *s, size_t i, double *out);
/* Shannon entropy of i's rank distribution, in bits. */
NATRISK_EXTERN
double natrisk_smaa_rank_entropy(const natrisk_smaa *s, size_t i);
/* P(impact class k), k = X (-1) or A..E (0..4); assessments only. */
NATRISK_EXTERN
double natrisk_smaa_class_probability(const natrisk_smaa *s, size_t i,
                                      int k);
/* P(likelihood class l and impact class k), A..E each; assessments only.
 * A total of 0 (X) counts in impact class A. */
NATRISK_EXTERN
double natrisk_smaa_cell_probability(const natrisk_smaa *s, size_t i, int l,
                                     int k);
/* P(likelihood position in bin l and impact position in bin k), bins of
 * width 5 / NATRISK_SMAA_CLOUD_BINS from 0; positions outside [0, 5) fall
 * in the first or last bin, a total of 0 in impact bin 0. */
NATRISK_EXTERN
double natrisk_smaa_cloud(const natrisk_smaa *s, size_t i, size_t l,
                          size_t k);
/* P(value of i > value of j). */
NATRISK_EXTERN
double natrisk_smaa_pairwise(const natrisk_smaa *s, size_t i, size_t j);
/* Rank acceptability of the risk ranking (likelihood and impact positions
 * added); assessments only. */
NATRISK_EXTERN
double natrisk_smaa_risk_acceptability(const natrisk_smaa *s, size_t i,
                                       size_t r);

#ifdef __cplusplus
}
#endif
#endif
