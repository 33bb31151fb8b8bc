/*
 * test_smaa_kernel.c - the random numbers and the arithmetic of one batch
 * of the stochastic analysis (src/core/philox.h, smaa_kernel.c), against
 * published vectors and closed forms:
 *
 *  - Philox4x32-10: the known-answer vectors of Random123 (kat_vectors);
 *  - the worker's random words: the vectorised xoshiro256++ gives the same
 *    words as the scalar reference algorithm (Blackman & Vigna), written
 *    out here from the paper;
 *  - values of positions: base^position for positions >= 0 (the kernel's
 *    exp2 polynomial), linear from X to A below 0;
 *  - triangular draws on the position scale: the CDF
 *    F(x) = (x - lo)^2 / ((hi - lo)(mode - lo))       for x <= mode,
 *         = 1 - (hi - x)^2 / ((hi - lo)(hi - mode))   for x >= mode,
 *    mean (lo + mode + hi) / 3, variance (a^2 + b^2 + c^2 - ab - ac - bc)
 *    / 18.
 *
 * The batch runs through smaa_batch on a problem of one criterion, whose
 * weight is exactly 1, so each alternative's value is its cell's draw.
 */
#include "smaa_support.h"

#include "core/smaa_draw.h"

enum { N = 20000 };

/* Random123 kat_vectors, "philox 4 32 10". */
static void test_philox_known_answers(void **state)
{
	(void)state;
	static const struct {
		uint32_t counter[4], key[2], out[4];
	} kat[] = {
		{ { 0, 0, 0, 0 }, { 0, 0 },
		  { 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8 } },
		{ { 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff },
		  { 0xffffffff, 0xffffffff },
		  { 0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd } },
		{ { 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344 },
		  { 0xa4093822, 0x299f31d0 },
		  { 0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1 } },
	};
	for (size_t k = 0; k < sizeof kat / sizeof *kat; k++) {
		uint32_t out[4];
		philox4x32(kat[k].counter, kat[k].key, out);
		for (int j = 0; j < 4; j++)
			assert_int_equal(out[j], kat[k].out[j]);
	}
}

/* philox_unit maps 32 bits to (bits + 1/2) / 2^32: never 0 or 1. */
static void test_philox_unit(void **state)
{
	(void)state;
	assert_exact(philox_unit(0), 0x1p-33);
	assert_exact(philox_unit(0xffffffffu), 1 - 0x1p-33);
	assert_exact(philox_unit(0x80000000u), 0.5 + 0x1p-33);
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/*
 * With two criteria the first weight of each iteration is one uniform,
 * philox_unit of one random word. A batch of 32 iterations draws a row of
 * 32 words per criterion (n rows, of which the simplex uses n - 1): two
 * steps of the eight lanes' generators per row, each 64-bit output giving
 * its low and its high half. Whatever lane the kernel puts each word in,
 * the 32 weights of batch j are the units of the words of the first two of
 * its four steps (4j and 4j + 1) of the scalar generators seeded as
 * smaa_lanes_seed seeds them (chunk 0, the weight stream).
 */
static void test_lanes_match_scalar_xoshiro(void **state)
{
	(void)state;
	st_kernel k;
	const uint64_t seed = 0x0123456789abcdefull;
	assert_int_equal(st_kernel_init(&k, 1, 2, 3, 0, NULL, seed), 0);
	smaa_lanes lanes;
	smaa_lanes_seed(&lanes, k.p.key, 0, STREAM_WEIGHTS);
	uint64_t s[SMAA_LANES][4];
	for (int lane = 0; lane < SMAA_LANES; lane++)
		for (int j = 0; j < 4; j++)
			s[lane][j] = lanes.s[j][lane];
	for (uint64_t batch = 0; batch < 3; batch++) {
		double expected[SMAA_BATCH], actual[SMAA_BATCH];
		size_t count = 0;
		for (int step = 0; step < 4; step++)
			for (int lane = 0; lane < SMAA_LANES; lane++) {
				uint64_t word = xoshiro_next(s[lane]);
				if (step >= 2)
					continue; /* the unused second row */
				expected[count++] = philox_unit((uint32_t)word);
				expected[count++] =
					philox_unit((uint32_t)(word >> 32));
			}
		assert_int_equal(count, SMAA_BATCH);
		st_kernel_batch(&k, batch * SMAA_BATCH);
		memcpy(actual, k.w.weights, sizeof actual);
		qsort(expected, SMAA_BATCH, sizeof *expected, compare_doubles);
		qsort(actual, SMAA_BATCH, sizeof *actual, compare_doubles);
		for (size_t b = 0; b < SMAA_BATCH; b++)
			assert_exact(actual[b], expected[b]);
	}
	st_kernel_free(&k);
}

/*
 * Values of positions through the kernel. Each alternative's only cell is
 * a triangle (p, p, p + 2^-46): every draw lies within 2^-46 of p, whose
 * value base^p then moves by at most 2^-46 ln(10) < 4e-14 relative. The
 * expected values: base^k exact for whole k, base^k * sqrt(base) for
 * k + 1/2, pow() elsewhere; below 0 the value is linear from X (X_VALUE at
 * -1) to A (1 at 0): x + (1 - x)(p + 1).
 */
static void check_values(double base, double x_value)
{
	static const double positions[] = {
		0,    0.5,  1,     1.5,   2,   2.5,     3,    3.5, 4,
		4.5,  0.1,  0.999, 1.37,  2.2, 2.71828, 3.14159, 4.99,
		-1,   -0.5, -0.25, -0.999,
	};
	const size_t m = sizeof positions / sizeof *positions;
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, m, 1, base, x_value, NULL, 3), 0);
	double expected[sizeof positions / sizeof *positions];
	for (size_t i = 0; i < m; i++) {
		double p = positions[i];
		st_cell(&k, i, 0, p, p, p + 0x1p-46);
		double whole = floor(p), power = 1;
		for (int j = 0; j < (int)whole; j++)
			power *= base;
		if (p < 0)
			expected[i] = x_value + (1 - x_value) * (p + 1);
		else if (p == whole)
			expected[i] = power;
		else if (p - whole == 0.5)
			expected[i] = power * sqrt(base);
		else
			expected[i] = pow(base, p);
	}
	for (uint64_t first = 0; first < 4 * SMAA_BATCH; first += SMAA_BATCH) {
		st_kernel_batch(&k, first);
		for (size_t i = 0; i < m; i++)
			for (size_t b = 0; b < SMAA_BATCH; b++) {
				double v = k.w.values[i * SMAA_BATCH + b];
				double tol = positions[i] < 0
				                     ? 1e-13
				                     : 1e-13 * expected[i];
				if (fabs(v - expected[i]) > tol)
					print_error("position %g\n", positions[i]);
				assert_near(v, expected[i], tol);
			}
	}
	st_kernel_free(&k);
}

static void test_values_base3(void **state)
{
	(void)state;
	check_values(3, 0);
	check_values(3, 0.25);
}

static void test_values_base10(void **state)
{
	(void)state;
	check_values(10, 0);
}

/* smaa_position_value (the exact path for constants and bounds). */
static void test_position_value(void **state)
{
	(void)state;
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, 1, 1, 3, 0.25, NULL, 1), 0);
	assert_near(smaa_position_value(&k.p, 0), 1, 1e-15);
	assert_near(smaa_position_value(&k.p, 2), 9, 9e-15);
	assert_near(smaa_position_value(&k.p, 2.5), 9 * sqrt(3), 2e-14);
	assert_near(smaa_position_value(&k.p, 4), 81, 81e-15);
	/* linear below A: 0.25 + 0.75 (p + 1) */
	assert_exact(smaa_position_value(&k.p, -1), 0.25);
	assert_exact(smaa_position_value(&k.p, -0.5), 0.625);
	st_kernel_free(&k);
}

/* smaa_triangle_set: the areas (hi - lo)(mode - lo) and (hi - lo)(hi -
 * mode), the words that draw the rising part ((w + 1/2) 2^-32 below
 * (mode - lo) / (hi - lo)), and a degenerate triangle's constant. */
static void test_triangle_set(void **state)
{
	(void)state;
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, 1, 1, 3, 0, NULL, 1), 0);
	smaa_triangle t;
	smaa_triangle_set(&t, &k.p, 1, 2, 4, 1);
	assert_int_equal(t.degenerate, 0);
	assert_exact(t.rise_area, 3);
	assert_exact(t.fall_area, 6);
	/* 2^32 / 3 = 1431655765.33: (1431655764 + 1/2) 2^-32 < 1/3 and
	 * (1431655765 + 1/2) 2^-32 > 1/3 */
	assert_int_equal(t.left_words, 1431655765u);
	smaa_triangle_set(&t, &k.p, 1, 1.5, 2, 1);
	assert_int_equal(t.left_words, 0x80000000u); /* 2^31 - 1/2 < 2^31 */
	smaa_triangle_set(&t, &k.p, 0, 0, 2, 1);
	assert_exact(t.rise_area, 0);
	assert_exact(t.fall_area, 4);
	assert_int_equal(t.left_words, 0); /* no rising part */
	smaa_triangle_set(&t, &k.p, 2, 4, 4, 1);
	assert_exact(t.rise_area, 4);
	assert_exact(t.fall_area, 0);
	/* all words but the last rise; the last falls from 4 by sqrt(0) */
	assert_int_equal(t.left_words, 0xffffffffu);
	smaa_triangle_set(&t, &k.p, 3, 3, 3, 1);
	assert_int_equal(t.degenerate, 1);
	assert_near(t.constant, 27, 27e-15);
	smaa_triangle_set(&t, &k.p, 3.5, 3.5, 3.5, 0); /* a likelihood */
	assert_exact(t.constant, 3.5);
	st_kernel_free(&k);
}

static double triangle_cdf(double lo, double mode, double hi, double x)
{
	if (x <= lo)
		return 0;
	if (x >= hi)
		return 1;
	if (x <= mode)
		return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo));
	return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
}

/*
 * Triangular draws through the kernel, one alternative per triangle, the
 * position read back from the value (log_3 v at or above 1, the linear map
 * inverted below it, X worth 1/4). Checked: every draw within [lo, hi];
 * the CDF at three points (binomial, 4 sigma); the mean position (4 sigma
 * of sqrt(variance / N)). Triangles: a general one (1, 2, 4) = B, C, E;
 * one across A, from X (-1, 0, 1), taking both value branches; a falling
 * one (0, 0, 2) and a rising one (2, 4, 4), all on one side of the mode;
 * a wide one from X to D (-1, -1, 3).
 */
static void test_triangle_draws(void **state)
{
	(void)state;
	static const struct {
		double lo, mode, hi, at[3];
	} t[] = {
		{ 1, 2, 4, { 1.5, 2, 3 } },
		{ -1, 0, 1, { -0.5, 0, 0.5 } },
		{ 0, 0, 2, { 0.25, 0.5, 1 } },
		{ 2, 4, 4, { 3, 3.5, 3.9 } },
		{ -1, -1, 3, { -0.5, 0, 2 } },
	};
	const size_t m = sizeof t / sizeof *t;
	const double x_value = 0.25;
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, m, 1, 3, x_value, NULL,
	                                 st_seed(51)),
	                 0);
	for (size_t i = 0; i < m; i++)
		st_cell(&k, i, 0, t[i].lo, t[i].mode, t[i].hi);
	size_t below[sizeof t / sizeof *t][3] = { { 0 } };
	st_moments pos[sizeof t / sizeof *t];
	memset(pos, 0, sizeof pos);
	for (uint64_t first = 0; first < N; first += SMAA_BATCH) {
		st_kernel_batch(&k, first);
		for (size_t i = 0; i < m; i++)
			for (size_t b = 0; b < SMAA_BATCH; b++) {
				double v = k.w.values[i * SMAA_BATCH + b];
				double p = v >= 1 ? log(v) / log(3)
				                  : (v - x_value) / (1 - x_value) -
				                            1;
				assert_true(p >= t[i].lo - 1e-12);
				assert_true(p <= t[i].hi + 1e-12);
				st_add(&pos[i], p);
				for (int j = 0; j < 3; j++)
					below[i][j] += p < t[i].at[j];
			}
	}
	for (size_t i = 0; i < m; i++) {
		double a = t[i].lo, b = t[i].mode, c = t[i].hi;
		double mean = (a + b + c) / 3;
		double var = (a * a + b * b + c * c - a * b - a * c - b * c) /
		             18;
		assert_within_4sigma(st_mean(&pos[i]), mean, sqrt(var / N));
		for (int j = 0; j < 3; j++) {
			double f = triangle_cdf(a, b, c, t[i].at[j]);
			assert_share((double)below[i][j] / N, f, N);
		}
	}
	st_kernel_free(&k);
}

/* The expected CDF values of test_triangle_draws, by hand, so that the
 * helper itself is checked: (1,2,4) at 1.5: 0.25/3; at 2: 1/3; at 3:
 * 1 - 1/6. (-1,0,1) at -0.5: 0.25/2. (0,0,2) at 0.5: 1 - 2.25/4.
 * (2,4,4) at 3: 1/4. (-1,-1,3) at 0: 1 - 9/16. */
static void test_triangle_cdf_by_hand(void **state)
{
	(void)state;
	assert_near(triangle_cdf(1, 2, 4, 1.5), 1.0 / 12, 1e-15);
	assert_near(triangle_cdf(1, 2, 4, 2), 1.0 / 3, 1e-15);
	assert_near(triangle_cdf(1, 2, 4, 3), 5.0 / 6, 1e-15);
	assert_near(triangle_cdf(-1, 0, 1, -0.5), 0.125, 1e-15);
	assert_near(triangle_cdf(0, 0, 2, 0.5), 0.4375, 1e-15);
	assert_near(triangle_cdf(2, 4, 4, 3), 0.25, 1e-15);
	assert_near(triangle_cdf(-1, -1, 3, 0), 0.4375, 1e-15);
}

/*
 * A word is drawn by the inverse of the distribution function: the
 * position x of word w has F(x) = (w + 1/2) 2^-32. Checked against the
 * CDF above on words across the range, both sides of the mode included,
 * for smaa_triangle_draw and for the kernel's eight lanes (triangle_v8),
 * which must agree bit for bit; and by hand at the ends: word 0 of (1, 2,
 * 4) is 1 + sqrt(2^-33 * 3), word 2^32 - 1 is 4 - sqrt(2^-33 * 6).
 */
static void test_triangle_inverse(void **state)
{
	(void)state;
	static const double shapes[][3] = {
		{ 1, 2, 4 }, { 0, 0, 2 }, { 2, 4, 4 }, { -1, 0.25, 3 },
		{ 0, 2.5, 5 },
	};
	static const uint32_t words[8] = { 0, 1, 1431655764u, 1431655765u,
		                           0x80000000u, 3000000000u,
		                           0xfffffffeu, 0xffffffffu };
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, 1, 1, 3, 0, NULL, 1), 0);
	for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
		const double *a = shapes[s];
		smaa_triangle t;
		smaa_triangle_set(&t, &k.p, a[0], a[1], a[2], 1);
		v8d lanes = triangle_v8(&t, load8w(words));
		for (int l = 0; l < 8; l++) {
			double x = smaa_triangle_draw(&t, words[l]);
			assert_exact(lanes[l], x);
			assert_true(x >= a[0] && x <= a[2]);
			double u = ((double)words[l] + 0.5) * 0x1p-32;
			assert_near(triangle_cdf(a[0], a[1], a[2], x), u, 1e-9);
		}
	}
	smaa_triangle t;
	smaa_triangle_set(&t, &k.p, 1, 2, 4, 1);
	assert_exact(smaa_triangle_draw(&t, 0), 1 + sqrt(0x1p-33 * 3));
	assert_exact(smaa_triangle_draw(&t, 0xffffffffu),
	             4 - sqrt(0x1p-33 * 6));
	st_kernel_free(&k);
}

/*
 * A lane the confidence pass decides in double draws exactly what the
 * main pass drew: with one criterion (weight 1) the main pass's double
 * values are the draws themselves, and smaa_draw_group, from the steps
 * the single-precision draw kept for the same batch, must give them bit
 * for bit, in every lane of a chunk, for triangles above and across A
 * (the kept steps' layout, the lane groups and the arithmetic).
 */
static void test_kept_draws_are_the_main_pass(void **state)
{
	(void)state;
	enum { ALTS = 4 };
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, ALTS, 1, 3, 0.25, NULL, 14), 0);
	st_cell(&k, 0, 0, 1, 2, 4);
	st_cell(&k, 1, 0, -1, 0, 1);
	st_cell(&k, 2, 0, 0, 0, 2);
	st_cell(&k, 3, 0, 2.25, 4.5, 4.75);
	smaa_worker conf;
	assert_int_equal(smaa_worker_init(&conf, &k.p, NATRISK_SMAA_CONFIDENCE,
	                                  &k.a),
	                 0);
	for (uint64_t at = 0; at < SMAA_CHUNK; at += SMAA_BATCH) {
		st_kernel_batch(&k, at);
		if (at == 0)
			smaa_chunk_begin(&conf, 0);
		smaa_draw_single(&conf, NULL);
		for (size_t i = 0; i < ALTS; i++)
			for (size_t q = 0; q < SMAA_BATCH / 8; q++) {
				double group[8];
				smaa_draw_group(&k.p, conf.steps, i, q, group);
				assert_memory_equal(group,
				                    k.w.values + i * SMAA_BATCH +
				                            8 * q,
				                    sizeof group);
			}
	}
	st_kernel_free(&k);
}

/*
 * A rival after the first SMAA_FIRST_RIVALS is drawn only when a lane
 * group needs it (SMAA_ON_DEMAND), and the counts are those of every
 * value drawn. One criterion, so the confidence pass ranks as the main
 * pass does (see above): owner 0 a triangle C to D; rivals 1 to 6 from A
 * to D+ with the mode at A (often closing a lane, the highest ceilings);
 * rival 7 from C to D, whose ceiling (27) is below theirs but above the
 * owner's least open value in most groups, so it is drawn on demand and
 * decides lanes; rival 8 exact B (3), below the owner everywhere: never
 * drawn. Owner 0's confidence count must equal its first count.
 */
static void test_confidence_draws_on_demand(void **state)
{
	(void)state;
	enum { ITER = 2 * SMAA_CHUNK, ALTS = 9 };
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, ALTS, 1, 3, 0, NULL, 13), 0);
	st_cell(&k, 0, 0, 2, 2.5, 3);
	for (size_t i = 1; i <= 6; i++)
		st_cell(&k, i, 0, 0, 0, 3.5);
	st_cell(&k, 7, 0, 2, 2.5, 3);
	st_cell(&k, 8, 0, 1, 1, 1);
	uint64_t first = 0;
	for (uint64_t at = 0; at < ITER; at += SMAA_BATCH) {
		st_kernel_batch(&k, at);
		for (size_t b = 0; b < SMAA_BATCH; b++)
			first += k.w.greater[b] == 0;
	}
	double one = 1;
	float one_single = 1;
	/* 3^3.5 = 46.77 for 1 to 6, 27 for 7, 3 for 8, rounded up */
	float ceiling[8] = { 47, 47, 47, 47, 47, 47, 27.01f, 3.01f };
	size_t rivals[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	smaa_owner owner = { .alternative = 0, .coef = &one,
		             .coef_single = &one_single, .rivals = rivals,
		             .ceiling = ceiling, .rival_count = 8 };
	uint8_t valued[ALTS] = { SMAA_DRAWN, SMAA_DRAWN, SMAA_DRAWN,
		                 SMAA_DRAWN, SMAA_DRAWN, SMAA_DRAWN,
		                 SMAA_DRAWN, SMAA_ON_DEMAND, SMAA_ON_DEMAND };
	smaa_confidence_plan plan = { &owner, 1, valued };
	smaa_worker conf;
	assert_int_equal(smaa_worker_init(&conf, &k.p, NATRISK_SMAA_CONFIDENCE,
	                                  &k.a),
	                 0);
	size_t drawn_seven = 0;
	for (uint64_t at = 0; at < ITER; at += SMAA_BATCH) {
		if (at % SMAA_CHUNK == 0)
			smaa_chunk_begin(&conf, at / SMAA_CHUNK);
		smaa_confidence_batch(&conf, SMAA_BATCH, &plan);
		drawn_seven += conf.demand_drawn[7] != 0;
		assert_int_equal(conf.demand_drawn[8], 0);
	}
	assert_int_equal(conf.confidence_counts[0], first);
	/* 7 beats the owner in about half the lanes the first six leave */
	assert_true(drawn_seven > ITER / SMAA_BATCH / 2);
	assert_true(first > ITER / 8 && first < 3 * ITER / 4);
	st_kernel_free(&k);
}

/* Two problems with the same seed give the same words and values; the
 * alternatives' streams differ from one another. */
/*
 * The first look in single precision (the confidence pass, and the main
 * pass when it needs the ranks alone): for triangles anywhere within A to
 * the top of E (positions 0..5, whole and not, narrow and wide), bases 3,
 * 10, 100 and 1000, every lane's single-precision value lies within the
 * problem's single_error (relative) of the double-precision value the main
 * pass draws from the same word, the bound the margins are made of. The
 * words include the least and the greatest and those beside the mode,
 * where the uniform of the word or of its complement is smallest.
 */
static void test_single_precision_bound(void **state)
{
	(void)state;
	static const double bases[] = { 3, 10, 100, 1000 };
	uint64_t s[4] = { 1, 2, 3, 4 };
	for (size_t k = 0; k < sizeof bases / sizeof *bases; k++) {
		smaa_problem p;
		memset(&p, 0, sizeof p);
		smaa_set_base(&p, bases[k]);
		double worst = 0;
		for (int trial = 0; trial < 20000; trial++) {
			double a[3];
			for (int j = 0; j < 3; j++)
				a[j] = (double)(xoshiro_next(s) % 5001) / 1000;
			if (trial % 3 == 0)
				for (int j = 0; j < 3; j++)
					a[j] = floor(a[j]);
			if (trial % 7 == 0) /* narrow */
				a[1] = a[2] = a[0] + 0x1p-20 * (double)(trial % 5);
			double lo = fmin(a[0], fmin(a[1], a[2]));
			double hi = fmax(a[0], fmax(a[1], a[2]));
			if (lo == hi || hi > 5)
				continue;
			smaa_triangle t;
			smaa_triangle_set(&t, &p, lo, a[0] + a[1] + a[2] - lo - hi,
			                  hi, 1);
			uint32_t bits[16];
			for (int j = 0; j < 16; j++)
				bits[j] = (uint32_t)xoshiro_next(s);
			bits[0] = 0;
			bits[1] = 0xffffffffu;
			bits[2] = t.left_words - (t.left_words > 0);
			bits[3] = t.left_words;
			bits[4] = (uint32_t)(xoshiro_next(s) % 64);
			bits[5] = 0xffffffffu - (uint32_t)(xoshiro_next(s) % 64);
			v16f single = cell_value_v16(&t, load16w(bits));
			for (int g = 0; g < 2; g++) {
				v8d exact = cell_value_v8(&p, &t, load8w(bits + 8 * g));
				for (int l = 0; l < 8; l++)
					worst = fmax(worst,
					             fabs(single[8 * g + l] - exact[l]) /
					                     exact[l]);
			}
		}
		assert_true(worst > 0); /* it is single precision */
		if (worst > p.single_error)
			print_error("base %g: worst relative error %g, bound "
			            "%g\n", bases[k], worst, p.single_error);
		assert_true(worst <= p.single_error);
	}
}

/*
 * The same bound on the library's own draws, in the target clone it runs
 * (the test's inline copy above is built for the plain target): 200
 * triangles within A to the top of E, drawn in single precision by
 * smaa_draw_single and in double from the kept steps by smaa_draw_group,
 * every lane of 64 batches, bases 3, 10 and 1000.
 */
static void test_single_precision_bound_library(void **state)
{
	(void)state;
	enum { ALTS = 200, BATCHES = 64 };
	static const double bases[] = { 3, 10, 1000 };
	uint64_t s[4] = { 5, 6, 7, 8 };
	for (size_t b = 0; b < sizeof bases / sizeof *bases; b++) {
		st_kernel k;
		assert_int_equal(st_kernel_init(&k, ALTS, 1, bases[b], 0, NULL,
		                                 15),
		                 0);
		for (size_t i = 0; i < ALTS; i++) {
			double a[3];
			for (int j = 0; j < 3; j++)
				a[j] = (double)(xoshiro_next(s) % 5001) / 1000;
			double lo = fmin(a[0], fmin(a[1], a[2]));
			double hi = fmax(a[0], fmax(a[1], a[2]));
			st_cell(&k, i, 0, lo, a[0] + a[1] + a[2] - lo - hi,
			        lo == hi ? lo + 0.5 : hi);
		}
		smaa_worker w;
		assert_int_equal(smaa_worker_init(&w, &k.p,
		                                  NATRISK_SMAA_CONFIDENCE, &k.a),
		                 0);
		smaa_chunk_begin(&w, 0);
		double worst = 0;
		for (int batch = 0; batch < BATCHES; batch++) {
			smaa_draw_single(&w, NULL);
			for (size_t i = 0; i < ALTS; i++)
				for (size_t q = 0; q < SMAA_BATCH / 8; q++) {
					double exact[8];
					smaa_draw_group(&k.p, w.steps, i, q, exact);
					const float *single =
						w.draws_single +
						smaa_half_row(&k.p, i, q / 2) +
						8 * (q % 2);
					for (int l = 0; l < 8; l++)
						worst = fmax(worst,
						             fabs(single[l] - exact[l]) /
						                     exact[l]);
				}
		}
		assert_true(worst > 0);
		if (worst > k.p.single_error)
			print_error("base %g: worst relative error %g, bound "
			            "%g\n", bases[b], worst, k.p.single_error);
		assert_true(worst <= k.p.single_error);
		st_kernel_free(&k);
	}
}

/*
 * The main pass ranks in single precision when the outputs need the ranks
 * alone (smaa_single.c); its counts must be those of the double values,
 * exactly. Two workers on one problem, one valuing every lane in double
 * (the classes need the values), one in single precision, batch by batch:
 * alternatives 0 and 1 exact and equal (a tie in every lane), 2 a triangle
 * 2^-30 wide at C and 3 exact C (within single precision's margin in
 * every lane, yet different), 4 and 5 worth X (0) on both criteria, 6 to 9
 * wide triangles (ranked in single precision); every batch needs the
 * double, and most lanes of 6 to 9 do not. With CRITS 2 a group of lanes
 * all tied is valued in double at once, with 3 pair by pair (the cheaper
 * way for each, see smaa_rank_single).
 */
static void check_single_ranks(size_t crits)
{
	enum { ALTS = 10 };
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, ALTS, crits, 3, 0, NULL, 11), 0);
	for (size_t c = 0; c < crits; c++) {
		st_cell(&k, 0, c, 1, 1, 1);
		st_cell(&k, 1, c, 1, 1, 1);
		st_cell(&k, 2, c, 2, 2, 2 + 0x1p-30);
		st_cell(&k, 3, c, 2, 2, 2);
		for (size_t i = 6; i < ALTS; i++)
			st_cell(&k, i, c, 0.5 * (double)(i - 6), 2, 4);
	}
	smaa_worker single;
	assert_int_equal(smaa_worker_init(&single, &k.p, 0, &k.a), 0);
	assert_true(single.ranks_only);
	uint64_t settled = 0;
	for (uint64_t first = 0; first < 2 * SMAA_CHUNK; first += SMAA_BATCH) {
		st_kernel_batch(&k, first);
		assert_false(k.w.ranks_only);
		if (first % SMAA_CHUNK == 0)
			smaa_chunk_begin(&single, first / SMAA_CHUNK);
		/* the skip after a batch tied everywhere would hide the
		 * single-precision counting: every batch counts afresh */
		single.rank_skip[0] = 0;
		assert_int_equal(smaa_batch(&single, first, SMAA_BATCH), 0);
		assert_memory_equal(single.greater, k.w.greater,
		                    ALTS * SMAA_BATCH * sizeof *k.w.greater);
		for (size_t b = 0; b < SMAA_BATCH; b++) {
			settled += k.w.greater[2 * SMAA_BATCH + b] !=
			           k.w.greater[3 * SMAA_BATCH + b];
			assert_int_equal(k.w.greater[0 * SMAA_BATCH + b],
			                 k.w.greater[1 * SMAA_BATCH + b]);
		}
	}
	/* 2 is worth more than 3 in almost every lane, by less than the
	 * margin: the double decided it */
	assert_true(settled > SMAA_CHUNK);
	st_kernel_free(&k);
}

static void test_single_ranks_exact(void **state)
{
	(void)state;
	check_single_ranks(2);
	check_single_ranks(3);
}

/*
 * The confidence pass decides in double where single precision cannot
 * tell. Alternative 0 a triangle 2^-29 wide around C, 1 exact C, on one
 * criterion: their values are within the margin in every lane, so every
 * lane is decided in double. With one criterion every weight vector is
 * (1), the central weights too, so an owner ranks first in the confidence
 * pass exactly where it ranks first in the main pass (no strictly greater
 * value): the counts must be equal, and 0 is first in about half the
 * lanes, 1 in the other half.
 */
static void test_confidence_decides_in_double(void **state)
{
	(void)state;
	enum { ITER = 2 * SMAA_CHUNK };
	st_kernel k;
	assert_int_equal(st_kernel_init(&k, 2, 1, 3, 0, NULL, 12), 0);
	st_cell(&k, 0, 0, 2 - 0x1p-30, 2, 2 + 0x1p-30);
	st_cell(&k, 1, 0, 2, 2, 2);
	uint64_t first[2] = { 0, 0 };
	for (uint64_t at = 0; at < ITER; at += SMAA_BATCH) {
		st_kernel_batch(&k, at);
		for (size_t i = 0; i < 2; i++)
			for (size_t b = 0; b < SMAA_BATCH; b++)
				first[i] += k.w.greater[i * SMAA_BATCH + b] == 0;
	}
	double one = 1;
	float one_single = 1, ceiling = INFINITY;
	size_t rival_of[2] = { 1, 0 };
	smaa_owner owners[2];
	for (size_t i = 0; i < 2; i++)
		owners[i] = (smaa_owner){ .alternative = i, .coef = &one,
			                  .coef_single = &one_single,
			                  .rivals = &rival_of[i],
			                  .ceiling = &ceiling,
			                  .rival_count = 1 };
	uint8_t valued[2] = { 1, 1 };
	smaa_confidence_plan plan = { owners, 2, valued };
	smaa_worker conf;
	assert_int_equal(smaa_worker_init(&conf, &k.p, NATRISK_SMAA_CONFIDENCE,
	                                  &k.a),
	                 0);
	for (uint64_t at = 0; at < ITER; at += SMAA_BATCH) {
		if (at % SMAA_CHUNK == 0)
			smaa_chunk_begin(&conf, at / SMAA_CHUNK);
		smaa_confidence_batch(&conf, SMAA_BATCH, &plan);
	}
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(conf.confidence_counts[i], first[i]);
		assert_true(first[i] > ITER / 4 && first[i] < 3 * ITER / 4);
	}
	st_kernel_free(&k);
}

static void test_batch_repeatable(void **state)
{
	(void)state;
	st_kernel a, b;
	assert_int_equal(st_kernel_init(&a, 2, 3, 3, 0, NULL, 8), 0);
	assert_int_equal(st_kernel_init(&b, 2, 3, 3, 0, NULL, 8), 0);
	for (size_t i = 0; i < 2; i++)
		for (size_t c = 0; c < 3; c++) {
			st_cell(&a, i, c, 1, 2, 3);
			st_cell(&b, i, c, 1, 2, 3);
		}
	st_kernel_batch(&a, 0);
	st_kernel_batch(&b, 0);
	assert_memory_equal(a.w.values, b.w.values,
	                    2 * SMAA_BATCH * sizeof(double));
	assert_memory_equal(a.w.weights, b.w.weights,
	                    3 * SMAA_BATCH * sizeof(double));
	assert_memory_not_equal(a.w.values, a.w.values + SMAA_BATCH,
	                        SMAA_BATCH * sizeof(double));
	st_kernel_free(&a);
	st_kernel_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_philox_known_answers),
		cmocka_unit_test(test_philox_unit),
		cmocka_unit_test(test_lanes_match_scalar_xoshiro),
		cmocka_unit_test(test_single_ranks_exact),
		cmocka_unit_test(test_confidence_decides_in_double),
		cmocka_unit_test(test_confidence_draws_on_demand),
		cmocka_unit_test(test_kept_draws_are_the_main_pass),
		cmocka_unit_test(test_values_base3),
		cmocka_unit_test(test_values_base10),
		cmocka_unit_test(test_position_value),
		cmocka_unit_test(test_triangle_set),
		cmocka_unit_test(test_triangle_cdf_by_hand),
		cmocka_unit_test(test_triangle_draws),
		cmocka_unit_test(test_triangle_inverse),
		cmocka_unit_test(test_single_precision_bound),
		cmocka_unit_test(test_single_precision_bound_library),
		cmocka_unit_test(test_batch_repeatable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
