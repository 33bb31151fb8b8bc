/*
 * test_smaa_rank.c - the ranks of a batch (smaa_rank.c, issue 9, point
 * 19): counted in single precision with an exact re-count in double where
 * floats tie, they must equal the counts of a plain double-precision loop
 * written here, on values made to defeat single precision: neighbouring
 * doubles that round to one float, values on either side of a float
 * rounding boundary (a tie between floats that is an order between
 * doubles), exact ties the method makes (identical exact scenarios),
 * zeros, subnormals and large values, one tied lane among distinct ones
 * at each place in the batch, and batches that tie in every lane, which
 * switch the counting to double for a while (SKIP state).
 */
#include "smaa_support.h"

#define B SMAA_BATCH
#define MAX_M 64

/* The reference: a plain loop on the doubles. */
static void reference(size_t m, const double *v, int32_t *greater)
{
	for (size_t i = 0; i < m; i++)
		for (size_t b = 0; b < B; b++) {
			int32_t count = 0;
			for (size_t j = 0; j < m; j++)
				count += v[j * B + b] > v[i * B + b];
			greater[i * B + b] = count;
		}
}

/* Counts V through smaa_count_greater (with state SKIP, or none) and
 * compares them with the reference, lane by lane. */
static void check(size_t m, const double *v, uint32_t *skip)
{
	static int32_t expected[MAX_M * B], actual[MAX_M * B];
	static float single[MAX_M * B];
	reference(m, v, expected);
	memset(actual, 0xff, sizeof actual);
	smaa_count_greater(m, v, actual, single, skip);
	for (size_t k = 0; k < m * B; k++) {
		if (actual[k] != expected[k])
			print_error("alternative %zu lane %zu: %d, expected %d\n",
			            k / B, k % B, actual[k], expected[k]);
		assert_int_equal(actual[k], expected[k]);
	}
}

static uint64_t rng_state[4] = { 11, 22, 33, 44 };

static double uniform(void)
{
	return (double)(xoshiro_next(rng_state) >> 11) * 0x1p-53;
}

/* Distinct values in every lane, far apart: the single-precision count
 * alone decides (and must be right). */
static void fill_distinct(size_t m, double *v)
{
	for (size_t k = 0; k < m * B; k++)
		v[k] = 1 + 80 * uniform();
}

static void test_distinct_values(void **state)
{
	(void)state;
	static double v[MAX_M * B];
	for (size_t m = 1; m <= MAX_M; m += 7) {
		fill_distinct(m, v);
		check(m, v, NULL);
	}
}

/*
 * Neighbouring doubles around a value: x, x + ulp, x + 2 ulp, ..., all of
 * which round to one float, in a shuffled order per lane; the floats say
 * "all equal", the doubles are all different.
 */
static void test_neighbouring_doubles(void **state)
{
	(void)state;
	enum { M = 12 };
	static double v[M * B];
	for (size_t b = 0; b < B; b++) {
		double x = 1 + 80 * uniform();
		for (size_t i = 0; i < M; i++) {
			double y = x;
			size_t steps = (i * 5 + b) % M; /* a permutation */
			for (size_t s = 0; s < steps; s++)
				y = nextafter(y, 100);
			v[i * B + b] = y;
		}
	}
	check(M, v, NULL);
}

/*
 * Around a rounding boundary: 1 + 2^-24 lies halfway between the floats 1
 * and 1 + 2^-23 and rounds to 1 (even); its upper neighbour rounds up and
 * its lower one down. So the doubles below, at and above the boundary
 * round to 1, 1, 1 + 2^-23: an order between floats where they differ,
 * and a tie where the doubles differ.
 */
static void test_rounding_boundary(void **state)
{
	(void)state;
	enum { M = 6 };
	static double v[M * B];
	const double half = 1 + 0x1p-24;
	assert_true((float)half == 1.0f);
	assert_true((float)nextafter(half, 2) == 1 + 0x1p-23f);
	const double values[M] = { nextafter(half, 0), half, nextafter(half, 2),
		                   1.0, 1 + 0x1p-23, nextafter(1.0, 0) };
	for (size_t b = 0; b < B; b++)
		for (size_t i = 0; i < M; i++)
			v[i * B + b] = values[(i + b) % M];
	check(M, v, NULL);
}

/* Exact ties (the same double in several alternatives: identical exact
 * scenarios share a rank), with zeros, subnormals and large values that
 * floats round to 0 or keep apart. */
static void test_exact_ties_and_extremes(void **state)
{
	(void)state;
	enum { M = 9 };
	static double v[M * B];
	const double values[M] = { 9, 9, 0, 0x1p-1070, 0x1p-1060, 0,
		                   1e300, 1e300 * (1 + 0x1p-52), 9 };
	for (size_t b = 0; b < B; b++)
		for (size_t i = 0; i < M; i++)
			v[i * B + b] = values[(i * 2 + b) % M];
	check(M, v, NULL);
}

/* One tied lane among distinct ones, at each place in the batch: the
 * re-count in double covers a group of eight lanes, and must not disturb
 * the others, nor miss its lane. */
static void test_one_tied_lane(void **state)
{
	(void)state;
	enum { M = 20 };
	static double v[M * B];
	for (size_t lane = 0; lane < B; lane++) {
		fill_distinct(M, v);
		v[3 * B + lane] = nextafter(v[11 * B + lane], 100);
		check(M, v, NULL);
		v[3 * B + lane] = v[11 * B + lane];
		check(M, v, NULL);
	}
}

/* Batches tied in every lane switch the counting to double for a while;
 * the counts stay exact through the switch and back. */
static void test_skip_state(void **state)
{
	(void)state;
	enum { M = 10 };
	static double tied[M * B], distinct[M * B];
	for (size_t k = 0; k < M * B; k++)
		tied[k] = 5 + (double)(k / B % 3); /* three values, repeated */
	uint32_t skip = 0;
	check(M, tied, &skip);
	assert_true(skip > 0);
	uint32_t before = skip;
	for (uint32_t k = 0; k < before + 2; k++) {
		fill_distinct(M, distinct);
		check(M, distinct, &skip);
		/* neighbouring doubles while the double counting is on, too */
		distinct[2 * B + 5] = nextafter(distinct[7 * B + 5], 0);
		check(M, distinct, &skip);
	}
	assert_int_equal(skip, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distinct_values),
		cmocka_unit_test(test_neighbouring_doubles),
		cmocka_unit_test(test_rounding_boundary),
		cmocka_unit_test(test_exact_ties_and_extremes),
		cmocka_unit_test(test_one_tied_lane),
		cmocka_unit_test(test_skip_state),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
