/*
 * test_smaa_reference.c - the optimised engine (smaa_kernel.c,
 * smaa_confidence.c) against a slow, straightforward SMAA-2 written here
 * from the method and the documented random streams, on the same samples:
 * the counts must be equal, not merely close.
 *
 * The reference draws as the engine documents it (smaa.c, smaa_kernel.c):
 * per chunk of SMAA_CHUNK iterations, eight xoshiro256++ generators per
 * purpose seeded by smaa_lanes_seed; per batch of SMAA_BATCH iterations,
 * rows of 32-bit words, each generator step giving the low halves of the
 * eight lanes' words, then the high halves. Weights: n - 1 uniforms,
 * sorted, differences. A cell that is not exact takes the next row of
 * the measurement words (an exact one, LL = EV = UL, takes none): the
 * triangular position of its word by the inverse distribution function,
 * valued 3^position (pow) at or above A and
 * linearly from X (0 at -1) to A (1 at 0) below. Then everything in plain
 * double precision, one iteration at a time: values, ranks by counting
 * the strictly greater, central weights, pairwise wins, impact classes
 * and, with the engine's central weights, the confidence pass.
 *
 * The engine's exp2 and the reference's pow may differ in the last place;
 * draws of continuous distributions that close together never happen in
 * this many iterations, and the exact scores (the ties that matter) are
 * class values in both.
 */
#include "smaa_support.h"

#define M 8
#define ITERATIONS (2 * SMAA_CHUNK + 1000) /* a short chunk, a short batch */

/* Scores in the method's order of criteria: "LL EV UL" letters, X below
 * A; "-" is X exactly. Scenarios 2 and 3 are the same exact scores (a tie
 * in every iteration), 0 and 1 the same uncertain ones, 4 reaches below A,
 * 5 has triangles without a rising and without a falling part, 6 is
 * nothing at all. */
static const char *const scores[M][ST_N] = {
	{ "BCD", "-", "ABC", "-", "-", "CCD", "-", "-", "XAB", "-" },
	{ "BCD", "-", "ABC", "-", "-", "CCD", "-", "-", "XAB", "-" },
	{ "CCC", "-", "-", "BBB", "-", "CCC", "-", "-", "-", "AAA" },
	{ "CCC", "-", "-", "BBB", "-", "CCC", "-", "-", "-", "AAA" },
	{ "XAB", "-", "-", "-", "CDE", "-", "-", "BBB", "-", "-" },
	{ "-", "DEE", "AAB", "-", "-", "-", "BCC", "-", "-", "ABB" },
	{ "-", "-", "-", "-", "-", "-", "-", "-", "-", "-" },
	{ "EEE", "-", "CDE", "-", "-", "-", "-", "-", "-", "-" },
};

static const char *const criteria[ST_N] = { "1.1", "1.2", "2.1", "2.2", "2.3",
	                                    "3.1", "4.1", "5.1", "5.2", "5.3" };

static natrisk_assessment *load_problem(void)
{
	static char text[8192];
	size_t used = 0;
	for (int i = 0; i < M; i++) {
		used += (size_t)snprintf(text + used, sizeof text - used,
		                         "  - id: s%d\n    title: Scenario %d\n"
		                         "    kind: threat\n    likelihood: C\n"
		                         "    impact: {",
		                         i, i);
		const char *comma = "";
		for (int c = 0; c < ST_N; c++) {
			const char *g = scores[i][c];
			if (g[0] == '-')
				continue;
			used += (size_t)snprintf(
				text + used, sizeof text - used,
				"%s \"%s\": { ll: %c, ev: %c, ul: %c }", comma,
				criteria[c], g[0], g[1], g[2]);
			comma = ",";
		}
		used += (size_t)snprintf(text + used, sizeof text - used, " }\n");
	}
	return st_load(text);
}

static double position(char grade)
{
	return grade == 'X' ? -1 : grade - 'A';
}

static double value_at(double p)
{
	return p < 0 ? p + 1 : pow(3, p);
}

/* Whether cell (I, C) is exact, which draws no words. */
static bool exact(int i, int c)
{
	const char *g = scores[i][c];
	return g[0] == '-' || (g[0] == g[1] && g[1] == g[2]);
}

/* Cell (I, C)'s value from its word W: the inverse of the triangle's
 * distribution function at u = (w + 1/2) 2^-32, the falling part computed
 * from 1 - u; the greatest word always takes the falling part. */
static double draw(int i, int c, uint32_t w)
{
	const char *g = scores[i][c];
	if (g[0] == '-')
		return 0;
	double lo = position(g[0]), mode = position(g[1]), hi = position(g[2]);
	if (lo == hi)
		return value_at(lo);
	double u = philox_unit(w), rest = philox_unit(~w), p;
	if (u < (mode - lo) / (hi - lo) && w != 0xffffffffu)
		p = lo + sqrt(u * ((hi - lo) * (mode - lo)));
	else
		p = hi - sqrt(rest * ((hi - lo) * (hi - mode)));
	return value_at(p);
}

/* The words of one batch from eight scalar generators: ROWS rows of
 * SMAA_BATCH, row r's lane b at [r * SMAA_BATCH + b]. */
static void batch_words(uint64_t s[SMAA_LANES][4], size_t rows,
                        uint32_t *words)
{
	size_t steps = (rows * SMAA_BATCH + 15) / 16;
	for (size_t step = 0; step < steps; step++)
		for (int lane = 0; lane < SMAA_LANES; lane++) {
			uint64_t word = xoshiro_next(s[lane]);
			words[16 * step + (size_t)lane] = (uint32_t)word;
			words[16 * step + 8 + (size_t)lane] = (uint32_t)(word >> 32);
		}
}

static void seed(uint64_t s[SMAA_LANES][4], const uint32_t key[2],
                 uint64_t chunk, uint32_t stream)
{
	smaa_lanes lanes;
	smaa_lanes_seed(&lanes, key, chunk, stream);
	for (int lane = 0; lane < SMAA_LANES; lane++)
		for (int j = 0; j < 4; j++)
			s[lane][j] = lanes.s[j][lane];
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The iteration's weights and every alternative's value of every
 * criterion, for each iteration in turn. */
typedef void (*visit_fn)(void *user, const double *w, double x[M][ST_N]);

static void each_iteration(const uint32_t key[2], visit_fn visit, void *user)
{
	static uint32_t wwords[ST_N * SMAA_BATCH + 16];
	static uint32_t mwords[M * ST_N * SMAA_BATCH + 16];
	uint64_t ws[SMAA_LANES][4], ms[SMAA_LANES][4];
	size_t drawn = 0;
	for (int i = 0; i < M; i++)
		for (int c = 0; c < ST_N; c++)
			drawn += !exact(i, c);
	for (uint64_t k = 0; k < ITERATIONS; k++) {
		if (k % SMAA_CHUNK == 0) {
			seed(ws, key, k / SMAA_CHUNK, STREAM_WEIGHTS);
			seed(ms, key, k / SMAA_CHUNK, STREAM_MEASUREMENTS);
		}
		if (k % SMAA_BATCH == 0) {
			batch_words(ws, ST_N, wwords);
			batch_words(ms, drawn, mwords);
		}
		size_t b = k % SMAA_BATCH;
		double cuts[ST_N + 1], w[ST_N], x[M][ST_N];
		for (int c = 0; c < ST_N - 1; c++)
			cuts[c] = philox_unit(wwords[c * SMAA_BATCH + b]);
		qsort(cuts, ST_N - 1, sizeof *cuts, by_value);
		double previous = 0;
		for (int c = 0; c < ST_N - 1; c++) {
			w[c] = cuts[c] - previous;
			previous = cuts[c];
		}
		w[ST_N - 1] = 1 - previous;
		size_t row = 0; /* the next cell's row of words */
		for (int i = 0; i < M; i++)
			for (int c = 0; c < ST_N; c++) {
				if (exact(i, c)) {
					x[i][c] = draw(i, c, 0);
					continue;
				}
				x[i][c] = draw(i, c, mwords[row * SMAA_BATCH + b]);
				row++;
			}
		visit(user, w, x);
	}
}

typedef struct reference {
	uint64_t ranks[M][M], pairs[M][M], classes[M][6], confidence[M];
	double central[M][ST_N];
	double owner_weights[M][ST_N]; /* the engine's central weights */
	bool owner[M];
} reference;

static double weighted(const double *w, const double *x)
{
	double v = 0;
	for (int c = 0; c < ST_N; c++)
		v += w[c] * x[c];
	return v;
}

static int impact_class(double total)
{
	static const double values[5] = { 1, 3, 9, 27, 81 };
	if (!(total > 0))
		return 0;
	int k = 1;
	while (k < 5 && total >= values[k] * (1 - 0x1p-40))
		k++;
	return k;
}

static void main_pass(void *user, const double *w, double x[M][ST_N])
{
	reference *r = user;
	double v[M];
	for (int i = 0; i < M; i++)
		v[i] = weighted(w, x[i]);
	for (int i = 0; i < M; i++) {
		int greater = 0;
		for (int j = 0; j < M; j++) {
			greater += v[j] > v[i];
			r->pairs[i][j] += v[i] > v[j];
		}
		r->ranks[i][greater]++;
		r->classes[i][impact_class(v[i])]++;
		for (int c = 0; c < ST_N && greater == 0; c++)
			r->central[i][c] += w[c];
	}
}

static void confidence_pass(void *user, const double *w, double x[M][ST_N])
{
	(void)w;
	reference *r = user;
	for (int i = 0; i < M; i++) {
		if (!r->owner[i])
			continue;
		double own = weighted(r->owner_weights[i], x[i]);
		bool first = true;
		for (int j = 0; j < M; j++)
			first = first && !(weighted(r->owner_weights[i], x[j]) > own);
		r->confidence[i] += first;
	}
}

static uint64_t count_of(double share)
{
	return (uint64_t)llround(share * ITERATIONS);
}

/* OUTPUTS with the classes make the engine value every lane in double;
 * without them it ranks in single precision and settles near-ties in
 * double (smaa_single.c): the counts must be the reference's either way. */
static void check_against_reference(int threads, unsigned outputs)
{
	natrisk_assessment *a = load_problem();
	uint64_t seed_value = st_seed(0x5eed);
	natrisk_smaa_options o = st_options(ITERATIONS, seed_value, threads,
	                                    outputs);
	natrisk_smaa *s = st_run(a, &o);
	static reference r;
	memset(&r, 0, sizeof r);
	const uint32_t key[2] = { (uint32_t)seed_value,
		                  (uint32_t)(seed_value >> 32) };
	each_iteration(key, main_pass, &r);
	for (size_t i = 0; i < M; i++) {
		for (size_t k = 0; k < M; k++)
			assert_int_equal(
				count_of(natrisk_smaa_rank_acceptability(s, i, k)),
				r.ranks[i][k]);
		for (size_t j = 0; j < M; j++)
			if (j != i)
				assert_int_equal(
					count_of(natrisk_smaa_pairwise(s, i, j)),
					r.pairs[i][j]);
		for (int k = -1; k < 5 && (outputs & NATRISK_SMAA_CLASSES); k++)
			assert_int_equal(
				count_of(natrisk_smaa_class_probability(s, i, k)),
				r.classes[i][k + 1]);
		r.owner[i] = r.ranks[i][0] > 0;
		for (size_t c = 0; c < ST_N; c++) {
			double mean = r.central[i][c] / (double)r.ranks[i][0];
			assert_int_equal(natrisk_smaa_central_weight(
				                 s, i, c, &r.owner_weights[i][c]),
			                 r.owner[i]);
			if (r.owner[i])
				assert_near(r.owner_weights[i][c], mean, 1e-12);
		}
	}
	each_iteration(key, confidence_pass, &r);
	for (size_t i = 0; i < M; i++) {
		double cf = -1;
		assert_int_equal(natrisk_smaa_confidence(s, i, &cf), r.owner[i]);
		if (r.owner[i])
			assert_int_equal(count_of(cf), r.confidence[i]);
	}
	/* the problem has what it is meant to have: a tie in every
	 * iteration, owners with and without a sure confidence factor */
	assert_int_equal(r.pairs[2][3] + r.pairs[3][2], 0);
	assert_true(r.owner[0] && r.owner[7] && !r.owner[6]);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

enum {
	RANKS = NATRISK_SMAA_CENTRAL | NATRISK_SMAA_CONFIDENCE |
	        NATRISK_SMAA_PAIRWISE,
	WITH_VALUES = RANKS | NATRISK_SMAA_CLASSES | NATRISK_SMAA_CELLS |
	              NATRISK_SMAA_RISK,
};

static void test_reference_one_thread(void **state)
{
	(void)state;
	check_against_reference(1, WITH_VALUES);
}

static void test_reference_two_threads(void **state)
{
	(void)state;
	check_against_reference(2, WITH_VALUES);
}

static void test_reference_ranks_only(void **state)
{
	(void)state;
	check_against_reference(1, RANKS);
	check_against_reference(2, RANKS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_one_thread),
		cmocka_unit_test(test_reference_two_threads),
		cmocka_unit_test(test_reference_ranks_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
