/*
 * test_smaa_weights.c - the weight generator of the stochastic analysis
 * (src/core/smaa_weights.c), driven through the engine's own main pass
 * (smaa_batch on a smaa_problem of one alternative, as smaa.c sets it up,
 * so that plain simplex weights come from the worker's random words) and
 * compared with closed forms:
 *
 *  - uniform on the simplex (method.md section 7): every marginal is
 *    Beta(1, n - 1), mean 1/n, variance (n - 1) / (n^2 (n + 1)); a sum of
 *    two weights is Beta(2, n - 2) (aggregation property of the
 *    Dirichlet); P(w_c > x) = (1 - x)^(n - 1);
 *  - ordinal chains: uniform on the ordered region, the k-th member of a
 *    chain of L has mean (1/n) sum_{j=k}^{L} 1/j (see renyi_variance());
 *  - other orders and intervals by rejection: the uniform distribution
 *    restricted to the region; impossible or contradictory constraints are
 *    NATRISK_EINVALID;
 *  - Dirichlet around a profile: mean m_c, variance m_c (1 - m_c) / (K + 1).
 *
 * Every expected value below is derived in the comment next to it; the
 * standard errors come from the same distributions (4 sigma).
 */
#include "smaa_support.h"

/* Iterations of each statistical check: a multiple of SMAA_BATCH. */
enum { N = 20000 };

/* The raw moments E[X^k] = prod_{j<k} (a + j) / (a + b + j) of Beta(a, b),
 * and from them the mean, the variance and the fourth central moment
 * mu4 = m4 - 4 m1 m3 + 6 m1^2 m2 - 3 m1^4. */
typedef struct beta_stats {
	double mean, var, mu4;
} beta_stats;

static beta_stats beta_of(double a, double b)
{
	double m[5] = { 1, 0, 0, 0, 0 };
	for (int k = 1; k <= 4; k++)
		m[k] = m[k - 1] * (a + k - 1) / (a + b + k - 1);
	beta_stats s;
	s.mean = m[1];
	s.var = m[2] - m[1] * m[1];
	s.mu4 = m[4] - 4 * m[1] * m[3] + 6 * m[1] * m[1] * m[2] -
	        3 * m[1] * m[1] * m[1] * m[1];
	return s;
}

/* The standard error of the sample variance of COUNT draws:
 * sqrt((mu4 - var^2) / count) (large-sample form). */
static double variance_se(beta_stats s, double count)
{
	return sqrt((s.mu4 - s.var * s.var) / count);
}

/*
 * Variance of sum_j a_j V_j for V uniform on the n-simplex, i.e.
 * Dirichlet(1, ..., 1): Var V_j = (n - 1) / (n^2 (n + 1)),
 * Cov(V_j, V_l) = -1 / (n^2 (n + 1)), so
 *   Var = [(n - 1) sum a^2 - (sum_{j != l} a_j a_l)] / (n^2 (n + 1))
 *       = [n sum a^2 - (sum a)^2] / (n^2 (n + 1)).
 *
 * Why ordered weights are such sums (Rényi's representation): write the
 * uniform simplex as X / S with X_1..X_n i.i.d. Exp(1) and S their sum.
 * The order statistics of the L exponentials of a chain are
 * X_(k-th largest) = sum_{j=k}^{L} Y_j / j with Y_1..Y_L i.i.d. Exp(1) and
 * sum_j Y_j = the sum of those L exponentials, so (Y, the other X) / S is
 * again uniform on the simplex, and the k-th largest weight of the chain is
 * sum_{j=k}^{L} V_j / j: mean (1/n) sum_{j=k}^{L} 1/j.
 */
static double renyi_variance(const double *a, size_t count, size_t n)
{
	double sum = 0, sum2 = 0;
	for (size_t j = 0; j < count; j++) {
		sum += a[j];
		sum2 += a[j] * a[j];
	}
	double nn = (double)n;
	return (nn * sum2 - sum * sum) / (nn * nn * (nn + 1));
}

/* The k-th largest (1-based) of a chain of L among n weights: its mean and
 * variance from the representation above (a_j = 1/j for k <= j <= L). */
static void chain_member(size_t k, size_t length, size_t n, double *mean,
                         double *var)
{
	double a[64] = { 0 };
	double sum = 0;
	for (size_t j = k; j <= length; j++) {
		a[j - 1] = 1.0 / (double)j;
		sum += a[j - 1];
	}
	*mean = sum / (double)n;
	*var = renyi_variance(a, length, n);
}

/* ITERATIONS weight vectors from the engine, row by row (N x n). */
static double *draw_all(st_kernel *k, size_t iterations)
{
	size_t n = k->p.n;
	assert_int_equal(iterations % SMAA_BATCH, 0);
	double *out = malloc(iterations * n * sizeof *out);
	assert_non_null(out);
	for (size_t first = 0; first < iterations; first += SMAA_BATCH) {
		st_kernel_batch(k, first);
		for (size_t b = 0; b < SMAA_BATCH; b++)
			for (size_t c = 0; c < n; c++)
				out[(first + b) * n + c] =
					k->w.weights[c * SMAA_BATCH + b];
	}
	return out;
}

/* Every vector non-negative and summing to 1 within 1e-12. */
static void assert_on_simplex(const double *w, size_t count, size_t n)
{
	for (size_t i = 0; i < count; i++) {
		double sum = 0;
		for (size_t c = 0; c < n; c++) {
			if (!(w[i * n + c] >= 0)) {
				print_error("draw %zu: w[%zu] = %g\n", i, c,
				            w[i * n + c]);
				fail();
			}
			sum += w[i * n + c];
		}
		assert_near(sum, 1.0, 1e-12);
	}
}

static st_moments column(const double *w, size_t count, size_t n, size_t c)
{
	st_moments m = { 0, 0, 0 };
	for (size_t i = 0; i < count; i++)
		st_add(&m, w[i * n + c]);
	return m;
}

/* Draws from a problem of N_CRITERIA criteria and weights SPEC. */
static double *draw_spec(size_t n_criteria, const natrisk_smaa_weights *spec,
                         uint64_t seed, size_t iterations)
{
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, 1, n_criteria, 3, 0, spec, seed),
	                 0);
	double *w = draw_all(&k, iterations);
	st_kernel_free(&k);
	return w;
}

/* Uniform on the simplex, n = 10: the marginal moments of Beta(1, 9),
 * the tail P(w > 1/3) = (2/3)^9, and Var(w_0 + w_1) of Beta(2, 8), which
 * holds only with the covariance -1/(n^2 (n + 1)) of the true simplex (n
 * normalised uniforms would fail the variance checks). */
static void test_simplex_moments(void **state)
{
	(void)state;
	const size_t n = ST_N;
	double *w = draw_spec(n, NULL, st_seed(11), N);
	assert_on_simplex(w, N, n);
	/* Beta(1, 9): mean 0.1, variance 9 / (100 * 11) = 0.0081818... */
	beta_stats one = beta_of(1, (double)n - 1);
	assert_near(one.mean, 0.1, 1e-15);
	assert_near(one.var, 9.0 / 1100, 1e-15);
	for (size_t c = 0; c < n; c++) {
		st_moments m = column(w, N, n, c);
		assert_within_4sigma(st_mean(&m), one.mean, sqrt(one.var / N));
		assert_within_4sigma(st_variance(&m), one.var,
		                     variance_se(one, N));
		size_t above = 0;
		for (size_t i = 0; i < N; i++)
			above += w[i * n + c] > 1.0 / 3;
		double tail = pow(2.0 / 3, (double)n - 1); /* 0.026012... */
		assert_share((double)above / N, tail, N);
	}
	/* w_0 + w_1 ~ Beta(2, 8): mean 0.2, variance 16 / 1100 */
	beta_stats two = beta_of(2, (double)n - 2);
	assert_near(two.var, 2.0 * 8 / (100 * 11), 1e-15);
	st_moments pair = { 0, 0, 0 };
	for (size_t i = 0; i < N; i++)
		st_add(&pair, w[i * n] + w[i * n + 1]);
	assert_within_4sigma(st_mean(&pair), two.mean, sqrt(two.var / N));
	assert_within_4sigma(st_variance(&pair), two.var, variance_se(two, N));
	free(w);
}

/* n = 1: the one weight is exactly 1 in every draw. */
static void test_simplex_single_criterion(void **state)
{
	(void)state;
	double *w = draw_spec(1, NULL, st_seed(12), 4 * SMAA_BATCH);
	for (size_t i = 0; i < 4 * SMAA_BATCH; i++)
		assert_exact(w[i], 1.0);
	free(w);
}

/* n = 2: w_0 is uniform on (0, 1): mean 1/2, variance 1/12, P(w_0 < 1/4)
 * = 1/4, and w_1 = 1 - w_0 exactly (differences of 33-bit fractions are
 * exact in double). */
static void test_simplex_two_criteria(void **state)
{
	(void)state;
	double *w = draw_spec(2, NULL, st_seed(13), N);
	st_moments m = column(w, N, 2, 0);
	assert_within_4sigma(st_mean(&m), 0.5, sqrt(1.0 / 12 / N));
	/* uniform: mu4 = 1/80, so SE(s^2) = sqrt((1/80 - 1/144) / N) */
	assert_within_4sigma(st_variance(&m), 1.0 / 12,
	                     sqrt((1.0 / 80 - 1.0 / 144) / N));
	size_t low = 0;
	for (size_t i = 0; i < N; i++) {
		low += w[2 * i] < 0.25;
		assert_exact(w[2 * i] + w[2 * i + 1], 1.0);
	}
	assert_share((double)low / N, 0.25, N);
	free(w);
}

/* The first 16 iterations of chunk 0 and of chunk 1 differ (streams per
 * chunk), and a chunk's draws do not depend on which chunks ran before in
 * the same worker (smaa_chunk_begin reseeds). */
static void test_simplex_chunk_streams(void **state)
{
	(void)state;
	const size_t n = 4;
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, 1, n, 3, 0, NULL, 77), 0);
	double first[SMAA_BATCH * 4], again[SMAA_BATCH * 4];
	st_kernel_batch(&k, SMAA_CHUNK); /* chunk 1 first */
	memcpy(first, k.w.weights, sizeof first);
	st_kernel_batch(&k, 0);          /* chunk 0 */
	double other[SMAA_BATCH * 4];
	memcpy(other, k.w.weights, sizeof other);
	st_kernel_batch(&k, SMAA_CHUNK); /* chunk 1 again */
	memcpy(again, k.w.weights, sizeof again);
	assert_memory_equal(first, again, sizeof first);
	assert_memory_not_equal(first, other, sizeof first);
	st_kernel_free(&k);
}

static void assert_order_held(const double *w, size_t count, size_t n,
                              const size_t *greater, const size_t *lesser,
                              size_t pairs)
{
	for (size_t i = 0; i < count; i++)
		for (size_t k = 0; k < pairs; k++)
			if (w[i * n + greater[k]] < w[i * n + lesser[k]]) {
				print_error("draw %zu: w[%zu] = %.17g < w[%zu] = "
				            "%.17g\n", i, greater[k],
				            w[i * n + greater[k]], lesser[k],
				            w[i * n + lesser[k]]);
				fail();
			}
}

/* A full order 0 > 1 > ... > 9 (pairs listed from the bottom up): every
 * draw ordered, and the k-th weight has the mean of the k-th largest
 * component of the uniform simplex, (1/n) sum_{j=k}^{n} 1/j (k = 1:
 * H_10 / 10 = 0.29290; k = 10: 1/100), variance from renyi_variance(). */
static void test_order_full_chain(void **state)
{
	(void)state;
	const size_t n = ST_N;
	size_t greater[ST_N - 1], lesser[ST_N - 1];
	for (size_t k = 0; k + 1 < n; k++) {
		greater[k] = n - 2 - k;
		lesser[k] = n - 1 - k;
	}
	natrisk_smaa_weights spec = { 0 };
	spec.greater = greater;
	spec.lesser = lesser;
	spec.order_count = n - 1;
	double *w = draw_spec(n, &spec, st_seed(21), N);
	assert_on_simplex(w, N, n);
	assert_order_held(w, N, n, greater, lesser, n - 1);
	double h10 = 7381.0 / 2520; /* 1 + 1/2 + ... + 1/10 */
	for (size_t c = 0; c < n; c++) {
		double mean, var;
		chain_member(c + 1, n, n, &mean, &var);
		if (c == 0)
			assert_near(mean, h10 / 10, 1e-15);
		if (c == n - 1)
			assert_near(mean, 0.01, 1e-15);
		st_moments m = column(w, N, n, c);
		assert_within_4sigma(st_mean(&m), mean, sqrt(var / N));
	}
	free(w);
}

/* Two chains on scattered criteria, 7 > 2 > 5 (pairs given in reverse
 * order) and 0 > 9: the means of a chain of 3 are (1/n)(1 + 1/2 + 1/3),
 * (1/n)(1/2 + 1/3), (1/n)(1/3); of a chain of 2, (1/n)(3/2), (1/n)(1/2);
 * the criteria outside every chain keep 1/n. */
static void test_order_scattered_chains(void **state)
{
	(void)state;
	const size_t n = ST_N;
	size_t greater[] = { 2, 7, 0 }, lesser[] = { 5, 2, 9 };
	natrisk_smaa_weights spec = { 0 };
	spec.greater = greater;
	spec.lesser = lesser;
	spec.order_count = 3;
	double *w = draw_spec(n, &spec, st_seed(22), N);
	assert_on_simplex(w, N, n);
	assert_order_held(w, N, n, greater, lesser, 3);
	struct { size_t c, k, length; } members[] = {
		{ 7, 1, 3 }, { 2, 2, 3 }, { 5, 3, 3 }, { 0, 1, 2 }, { 9, 2, 2 },
		{ 1, 1, 1 }, { 3, 1, 1 }, { 4, 1, 1 }, { 6, 1, 1 }, { 8, 1, 1 },
	};
	for (size_t q = 0; q < sizeof members / sizeof *members; q++) {
		double mean, var;
		chain_member(members[q].k, members[q].length, n, &mean, &var);
		st_moments m = column(w, N, n, members[q].c);
		assert_within_4sigma(st_mean(&m), mean, sqrt(var / N));
	}
	free(w);
}

/*
 * A branching order, 0 > 1 and 0 > 2 (not a chain: rejection sampling):
 * every draw satisfies it; w_0 is the largest of three simplex components,
 * mean (1/n)(1 + 1/2 + 1/3) = 11 / (6n); w_1 and w_2 are the second and
 * third largest in random order, mean ((1/2 + 1/3) + 1/3) / (2n) =
 * 7 / (12n); E[w_1^2] = (E[W_(2)^2] + E[W_(3)^2]) / 2 for the variance.
 */
static void test_order_branching(void **state)
{
	(void)state;
	const size_t n = ST_N;
	size_t greater[] = { 0, 0 }, lesser[] = { 1, 2 };
	natrisk_smaa_weights spec = { 0 };
	spec.greater = greater;
	spec.lesser = lesser;
	spec.order_count = 2;
	double *w = draw_spec(n, &spec, st_seed(23), N);
	assert_on_simplex(w, N, n);
	assert_order_held(w, N, n, greater, lesser, 2);
	double mean1, var1, mean2, var2, mean3, var3;
	chain_member(1, 3, n, &mean1, &var1);
	chain_member(2, 3, n, &mean2, &var2);
	chain_member(3, 3, n, &mean3, &var3);
	assert_near(mean1, 11.0 / 60, 1e-15);
	double mixed = (mean2 + mean3) / 2;
	assert_near(mixed, 7.0 / 120, 1e-15);
	double second = (var2 + mean2 * mean2 + var3 + mean3 * mean3) / 2;
	double mixed_var = second - mixed * mixed;
	st_moments m0 = column(w, N, n, 0), m1 = column(w, N, n, 1),
	           m2 = column(w, N, n, 2);
	assert_within_4sigma(st_mean(&m0), mean1, sqrt(var1 / N));
	assert_within_4sigma(st_mean(&m1), mixed, sqrt(mixed_var / N));
	assert_within_4sigma(st_mean(&m2), mixed, sqrt(mixed_var / N));
	for (size_t c = 3; c < n; c++) {
		st_moments m = column(w, N, n, c);
		assert_within_4sigma(st_mean(&m), 0.1, sqrt(9.0 / 1100 / N));
	}
	free(w);
}

/* Orders nothing satisfies (w_0 >= w_1 >= w_0 needs w_0 = w_1, which has
 * probability 0) are rejected. */
static void test_order_contradictory(void **state)
{
	(void)state;
	size_t two_g[] = { 0, 1 }, two_l[] = { 1, 0 };
	size_t three_g[] = { 0, 1, 2 }, three_l[] = { 1, 2, 0 };
	size_t cycle_and_chain_g[] = { 3, 4, 5 }, cycle_and_chain_l[] = { 4,
		                                                         3, 6 };
	struct { size_t *g, *l, count; } cases[] = {
		{ two_g, two_l, 2 },
		{ three_g, three_l, 3 },
		{ cycle_and_chain_g, cycle_and_chain_l, 3 },
	};
	for (size_t q = 0; q < 3; q++) {
		natrisk_smaa_weights spec = { 0 };
		spec.greater = cases[q].g;
		spec.lesser = cases[q].l;
		spec.order_count = cases[q].count;
		st_kernel k;
		int rc = st_kernel_init(&k, 1, ST_N, 3, 0, &spec, 5);
		st_kernel_free(&k);
		assert_int_equal(rc, NATRISK_EINVALID);
	}
}

/* A lower limit on one weight: w_0 >= 0.2 cuts from the simplex a copy of
 * it scaled by 0.8, so w_0 = 0.2 + 0.8 B with B ~ Beta(1, 9): mean 0.28,
 * variance 0.64 * 9/1100; the others are 0.8 Beta(1, 9), mean 0.08. */
static void test_interval_lower(void **state)
{
	(void)state;
	const size_t n = ST_N;
	double lower[ST_N] = { 0.2 }, upper[ST_N];
	for (size_t c = 0; c < n; c++)
		upper[c] = 1;
	natrisk_smaa_weights spec = { 0 };
	spec.lower = lower;
	spec.upper = upper;
	double *w = draw_spec(n, &spec, st_seed(31), N);
	assert_on_simplex(w, N, n);
	for (size_t i = 0; i < N; i++)
		assert_true(w[i * n] >= 0.2);
	double var = 0.64 * 9.0 / 1100;
	st_moments m0 = column(w, N, n, 0);
	assert_within_4sigma(st_mean(&m0), 0.28, sqrt(var / N));
	for (size_t c = 1; c < n; c++) {
		st_moments m = column(w, N, n, c);
		assert_within_4sigma(st_mean(&m), 0.08, sqrt(var / N));
	}
	free(w);
}

/* Upper limits of 0.25 on every weight: every draw within them; the
 * weights stay exchangeable, so each mean is 1/n; a weight in [0, 0.25]
 * has variance at most 0.25^2 / 4. Mixed with an order 0 > 1 (a chain
 * folded, then the intervals checked). */
static void test_interval_upper_with_chain(void **state)
{
	(void)state;
	const size_t n = ST_N;
	double lower[ST_N] = { 0 }, upper[ST_N];
	for (size_t c = 0; c < n; c++)
		upper[c] = 0.25;
	size_t greater[] = { 0 }, lesser[] = { 1 };
	natrisk_smaa_weights spec = { 0 };
	spec.lower = lower;
	spec.upper = upper;
	spec.greater = greater;
	spec.lesser = lesser;
	spec.order_count = 1;
	double *w = draw_spec(n, &spec, st_seed(32), N);
	assert_on_simplex(w, N, n);
	assert_order_held(w, N, n, greater, lesser, 1);
	for (size_t i = 0; i < N * n; i++)
		assert_true(w[i] <= 0.25);
	for (size_t c = 2; c < n; c++) {
		st_moments m = column(w, N, n, c);
		assert_within_4sigma(st_mean(&m), 0.1, 0.125 / sqrt(N));
	}
	/* w_0 + w_1 is exchangeable with the other pairs: mean 2/n */
	st_moments pair = { 0, 0, 0 };
	for (size_t i = 0; i < N; i++)
		st_add(&pair, w[i * n] + w[i * n + 1]);
	assert_within_4sigma(st_mean(&pair), 0.2, 0.25 / sqrt(N));
	free(w);
}

/* Intervals no weight vector meets. */
static void test_interval_impossible(void **state)
{
	(void)state;
	const size_t n = ST_N;
	struct { double lower, upper, lower0, upper0; } cases[] = {
		{ 0.15, 1, 0.15, 1 },   /* lower limits sum to 1.5 */
		{ 0, 0.05, 0, 0.05 },   /* upper limits sum to 0.5 */
		{ 0, 1, 0.6, 0.4 },     /* lower above upper */
		{ 0, 1, 0, 1.5 },       /* upper above 1 */
		{ 0, 1, -0.1, 1 },      /* lower below 0 */
	};
	for (size_t q = 0; q < sizeof cases / sizeof *cases; q++) {
		double lower[ST_N], upper[ST_N];
		for (size_t c = 0; c < n; c++) {
			lower[c] = cases[q].lower;
			upper[c] = cases[q].upper;
		}
		lower[0] = cases[q].lower0;
		upper[0] = cases[q].upper0;
		natrisk_smaa_weights spec = { 0 };
		spec.lower = lower;
		spec.upper = upper;
		st_kernel k;
		int rc = st_kernel_init(&k, 1, n, 3, 0, &spec, 5);
		st_kernel_free(&k);
		if (rc != NATRISK_EINVALID)
			print_error("case %zu\n", q);
		assert_int_equal(rc, NATRISK_EINVALID);
	}
}

/* Dirichlet around a profile with K = 10000: the marginal of weight c is
 * Beta(K m_c, K (1 - m_c)): mean m_c, variance m_c (1 - m_c) / (K + 1); a
 * zero in the profile is a weight of exactly 0. */
static void test_dirichlet_concentrated(void **state)
{
	(void)state;
	const size_t n = ST_N;
	const double profile[ST_N] = { 0.3, 0.2, 0.1, 0.1, 0.1,
		                       0.05, 0.05, 0.05, 0.05, 0 };
	const double K = 10000;
	natrisk_smaa_weights spec = { 0 };
	spec.mean = profile;
	spec.concentration = K;
	double *w = draw_spec(n, &spec, st_seed(41), N);
	assert_on_simplex(w, N, n);
	for (size_t c = 0; c + 1 < n; c++) {
		beta_stats b = beta_of(K * profile[c], K * (1 - profile[c]));
		assert_near(b.var, profile[c] * (1 - profile[c]) / (K + 1),
		            1e-15);
		st_moments m = column(w, N, n, c);
		assert_within_4sigma(st_mean(&m), profile[c], sqrt(b.var / N));
		assert_within_4sigma(st_variance(&m), b.var, variance_se(b, N));
	}
	for (size_t i = 0; i < N; i++)
		assert_exact(w[i * n + n - 1], 0.0);
	free(w);
}

/* Dirichlet with every alpha = 1 (profile 1/n, K = n) is the uniform
 * simplex: Beta(1, 9) marginals. With alpha = 1/2 (K = 5) the gamma
 * draws take the alpha < 1 path: Beta(1/2, 9/2), mean 0.1, variance
 * 0.09 / 6 = 0.015. */
static void test_dirichlet_flat_and_sparse(void **state)
{
	(void)state;
	const size_t n = ST_N;
	double profile[ST_N];
	for (size_t c = 0; c < n; c++)
		profile[c] = 0.1;
	const double concentrations[] = { 10, 5 };
	for (size_t q = 0; q < 2; q++) {
		double K = concentrations[q];
		natrisk_smaa_weights spec = { 0 };
		spec.mean = profile;
		spec.concentration = K;
		double *w = draw_spec(n, &spec, st_seed(42 + q), N);
		assert_on_simplex(w, N, n);
		beta_stats b = beta_of(K * 0.1, K * 0.9);
		assert_near(b.var, 0.09 / (K + 1), 1e-15);
		for (size_t c = 0; c < n; c++) {
			st_moments m = column(w, N, n, c);
			assert_within_4sigma(st_mean(&m), 0.1,
			                     sqrt(b.var / N));
			assert_within_4sigma(st_variance(&m), b.var,
			                     variance_se(b, N));
		}
		free(w);
	}
}

/*
 * A Dirichlet profile with an ordinal constraint between two criteria of
 * different alpha. n = 2, profile (1/4, 3/4), K = 4: w_0 ~ Beta(1, 3),
 * density 3 (1 - x)^2. The constraint w_0 >= w_1 means w_0 >= 1/2, which
 * has probability (1/2)^3 = 1/8; the weights restricted to it (what
 * rejection sampling gives, and what smaa_weights.c's header promises for
 * Dirichlet draws) have density 24 (1 - x)^2 on [1/2, 1]: with y = 1 - x,
 * E[y] = int_0^{1/2} 24 y^3 dy = 3/8, so E[w_0] = 5/8; E[y^2] = 24 (1/2)^5
 * / 5 = 3/20, Var = 3/20 - 9/64 = 3/320.
 *
 * Folding the draw instead (w_0 = max(B, 1 - B)) would give E[w_0] =
 * E[B; B >= 1/2] + E[1 - B; B < 1/2] = 5/64 + (3/4 - 3/64) = 25/32.
 */
static void test_dirichlet_with_order(void **state)
{
	(void)state;
	const double profile[2] = { 0.25, 0.75 };
	size_t greater[] = { 0 }, lesser[] = { 1 };
	natrisk_smaa_weights spec = { 0 };
	spec.mean = profile;
	spec.concentration = 4;
	spec.greater = greater;
	spec.lesser = lesser;
	spec.order_count = 1;
	double *w = draw_spec(2, &spec, st_seed(45), N);
	assert_on_simplex(w, N, 2);
	assert_order_held(w, N, 2, greater, lesser, 1);
	st_moments m = column(w, N, 2, 0);
	free(w);
	assert_within_4sigma(st_mean(&m), 5.0 / 8, sqrt(3.0 / 320 / N));
}

/* Constrained draws are addressed by iteration: iteration 37 is the same
 * vector whether it is lane 5 of the batch from 32 or lane 0 of a batch
 * from 37 (smaa_draw_weights called directly; the bits are unused on this
 * path). */
static void test_constrained_by_iteration(void **state)
{
	(void)state;
	const size_t n = ST_N;
	size_t greater[] = { 0, 0 }, lesser[] = { 1, 2 };
	natrisk_smaa_weights spec = { 0 };
	spec.greater = greater;
	spec.lesser = lesser;
	spec.order_count = 2;
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, 1, n, 3, 0, &spec, 99), 0);
	double a[ST_N * SMAA_BATCH], b[ST_N * SMAA_BATCH];
	double scratch[(ST_N + 2) * SMAA_BATCH + 2 * ST_N];
	uint32_t bits[ST_N * SMAA_BATCH] = { 0 };
	assert_int_equal(smaa_draw_weights(&k.p, 32, bits, a, scratch), 0);
	assert_int_equal(smaa_draw_weights(&k.p, 37, bits, b, scratch), 0);
	for (size_t c = 0; c < n; c++)
		assert_exact(a[c * SMAA_BATCH + 5], b[c * SMAA_BATCH]);
	st_kernel_free(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simplex_moments),
		cmocka_unit_test(test_simplex_single_criterion),
		cmocka_unit_test(test_simplex_two_criteria),
		cmocka_unit_test(test_simplex_chunk_streams),
		cmocka_unit_test(test_order_full_chain),
		cmocka_unit_test(test_order_scattered_chains),
		cmocka_unit_test(test_order_branching),
		cmocka_unit_test(test_order_contradictory),
		cmocka_unit_test(test_interval_lower),
		cmocka_unit_test(test_interval_upper_with_chain),
		cmocka_unit_test(test_interval_impossible),
		cmocka_unit_test(test_dirichlet_concentrated),
		cmocka_unit_test(test_dirichlet_flat_and_sparse),
		cmocka_unit_test(test_dirichlet_with_order),
		cmocka_unit_test(test_constrained_by_iteration),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
