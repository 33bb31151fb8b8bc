/*
 * smaa_support.h - helpers shared by the SMAA unit tests (test_smaa*.c):
 * statistical assertions, the seed, assessments built from YAML, one run of
 * the analysis, and a harness that drives the engine's internals (a
 * smaa_problem and one smaa_worker, as smaa.c sets them up) so that weight
 * draws, triangular draws and values can be looked at one batch at a time.
 * Only static inline functions, as in unit_support.h.
 *
 * Statistical checks use a fixed seed and are deterministic, but they are
 * meant to hold for any seed: NATRISK_TEST_SEED=S in the environment runs
 * them with another one (every check stays within 4 standard errors).
 */
#ifndef NATRISK_SMAA_SUPPORT_H
#define NATRISK_SMAA_SUPPORT_H

#include "unit_support.h"

#include <inttypes.h>

#include <natrisk/common.h>
#include <natrisk/smaa.h>

#include "core/arena.h"
#include "core/philox.h"
#include "core/smaa_kernel.h"
#include "core/smaa_model.h"

/* Criteria of nrb-2008, in the method's order. */
#define ST_N 10

/* The seed of the statistical tests: $NATRISK_TEST_SEED, else DEFAULT. */
static inline uint64_t st_seed(uint64_t fallback)
{
	const char *text = getenv("NATRISK_TEST_SEED");
	if (text && *text)
		return strtoull(text, NULL, 0) ^ fallback;
	return fallback;
}

/* |ACTUAL - EXPECTED| <= 4 SIGMA, with the z-score printed on failure. */
#define assert_within_4sigma(actual, expected, sigma)                        \
	st_assert_sigma((actual), (expected), (sigma), #actual, __FILE__,    \
	                __LINE__)

static inline void st_assert_sigma(double actual, double expected,
                                   double sigma, const char *what,
                                   const char *file, int line)
{
	if (fabs(actual - expected) <= 4 * sigma)
		return;
	print_error("%s = %.10g, expected %.10g +- 4 * %.3g (z = %.2f)\n",
	            what, actual, expected, sigma,
	            (actual - expected) / sigma);
	_fail(file, line);
}

/* A share estimated from N Bernoulli trials with success probability P:
 * within 4 binomial standard errors. */
#define assert_share(actual, p, n)                                           \
	st_assert_sigma((actual), (p), sqrt((p) * (1 - (p)) / (double)(n)),  \
	                #actual, __FILE__, __LINE__)

/* Loads an nrb-2008 assessment whose scenarios are SCENARIOS (YAML list
 * items, indented by two spaces). */
static inline natrisk_assessment *st_load(const char *scenarios)
{
	unit_use_tree_methods();
	static const char head[] = "natrisk: 1\n"
	                           "title: SMAA unit\n"
	                           "edition: 2024\n"
	                           "method: nrb-2008\n"
	                           "scenarios:\n";
	size_t size = sizeof head + strlen(scenarios);
	char *text = malloc(size);
	assert_non_null(text);
	snprintf(text, size, "%s%s", head, scenarios);
	natrisk_diag *diag = natrisk_diag_new();
	assert_non_null(diag);
	natrisk_assessment *a = NULL;
	int rc = unit_load(&a, diag, "smaa.yaml", text);
	if (rc != 0)
		unit_diag_dump(diag);
	assert_int_equal(rc, 0);
	assert_non_null(a);
	natrisk_diag_free(diag);
	free(text);
	return a;
}

static inline natrisk_smaa_options st_options(uint64_t iterations,
                                              uint64_t seed, int threads,
                                              unsigned outputs)
{
	natrisk_smaa_options o;
	memset(&o, 0, sizeof o);
	o.iterations = iterations;
	o.seed = seed;
	o.threads = threads;
	o.outputs = outputs;
	return o;
}

/* One analysis that must succeed. */
static inline natrisk_smaa *st_run(const natrisk_assessment *a,
                                   const natrisk_smaa_options *o)
{
	natrisk_smaa *s = NULL;
	int rc = natrisk_smaa_assessment(&s, a, o);
	if (rc != 0)
		print_error("natrisk_smaa_assessment: %d %s\n", rc,
		            natrisk_error_last());
	assert_int_equal(rc, 0);
	assert_non_null(s);
	return s;
}

/*
 * The engine's internals, set up as smaa.c's build_problem and
 * setup_threads do: a problem of M alternatives and N criteria whose cells
 * are all X (degenerate, worth X_VALUE) until st_cell() changes them,
 * values base^position, and one worker.
 */
typedef struct st_kernel {
	arena a;
	smaa_problem p;
	smaa_triangle *cells;
	smaa_worker w;
	int worker_ready;
} st_kernel;

/* Returns smaa_weights_prepare's code; the harness is usable when 0. */
static inline int st_kernel_init(st_kernel *k, size_t m, size_t n,
                                 double base, double x_value,
                                 const natrisk_smaa_weights *weights,
                                 uint64_t seed)
{
	memset(k, 0, sizeof *k);
	arena_init(&k->a);
	smaa_problem *p = &k->p;
	p->m = m;
	p->n = n;
	smaa_set_base(p, base);
	p->likelihood_log2_base = log2(base);
	p->x_value = x_value;
	p->x_position = -1; /* the bundled methods' place of X */
	p->x_slope = 1 - x_value;
	double value = 1;
	for (int c = 0; c < 5; c++, value *= base)
		p->class_values[c] = value;
	if (weights)
		p->weights = *weights;
	p->key[0] = (uint32_t)seed;
	p->key[1] = (uint32_t)(seed >> 32);
	k->cells = arena_array(&k->a, m * n + 1, sizeof *k->cells);
	assert_non_null(k->cells);
	for (size_t c = 0; c < m * n; c++) {
		smaa_triangle_set(&k->cells[c], p, -1, -1, -1, 1);
		k->cells[c].constant = x_value;
	}
	p->cells = k->cells;
	p->likelihood = NULL;
	return smaa_weights_prepare(p, &k->a);
}

/* Cell (I, C) drawn triangular between the positions LO, MODE, HI. */
static inline void st_cell(st_kernel *k, size_t i, size_t c, double lo,
                           double mode, double hi)
{
	smaa_triangle_set(&k->cells[i * k->p.n + c], &k->p, lo, mode, hi, 1);
}

/* Runs the main pass on iterations [FIRST, FIRST + SMAA_BATCH); FIRST a
 * multiple of SMAA_BATCH, batches in order. Weights land in
 * k->w.weights[c * SMAA_BATCH + b], values in k->w.values[i * SMAA_BATCH
 * + b]. */
static inline void st_kernel_batch(st_kernel *k, uint64_t first)
{
	if (!k->worker_ready) {
		/* the values in double, as the outputs beyond ranks need */
		assert_int_equal(smaa_worker_init(&k->w, &k->p,
		                                  NATRISK_SMAA_CLASSES, &k->a),
		                 0);
		k->worker_ready = 1;
	}
	if (first % SMAA_CHUNK == 0)
		smaa_chunk_begin(&k->w, first / SMAA_CHUNK);
	assert_int_equal(smaa_batch(&k->w, first, SMAA_BATCH), 0);
}

static inline void st_kernel_free(st_kernel *k)
{
	arena_release(&k->a);
}

/* xoshiro256++ as published (Blackman & Vigna, prng.di.unimi.it):
 * result = rotl(s0 + s3, 23) + s0, then the state update. */
static inline uint64_t rotl64(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t xoshiro_next(uint64_t s[4])
{
	uint64_t result = rotl64(s[0] + s[3], 23) + s[0];
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl64(s[3], 45);
	return result;
}

/* Moments of draws, accumulated one value at a time. */
typedef struct st_moments {
	double n, sum, sum2;
} st_moments;

static inline void st_add(st_moments *m, double x)
{
	m->n += 1;
	m->sum += x;
	m->sum2 += x * x;
}

static inline double st_mean(const st_moments *m) { return m->sum / m->n; }

/* The sample variance (divisor n - 1). */
static inline double st_variance(const st_moments *m)
{
	double mean = st_mean(m);
	return (m->sum2 - m->n * mean * mean) / (m->n - 1);
}

#endif
