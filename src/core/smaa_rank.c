/*
 * smaa_rank.c - the ranks of a batch: for each alternative and lane, how
 * many alternatives are worth strictly more, exactly as a comparison of
 * the double-precision values would count them.
 *
 * The counting is done first in single precision, sixteen lanes a vector
 * (twice the lanes of doubles, and half the memory). Rounding to the
 * nearest float is monotonic: x <= y gives fl(x) <= fl(y), so fl(y) >
 * fl(x) proves y > x, and a lane whose floats are all different has the
 * same order, and the same counts, as its doubles. Whether they are all
 * different costs one sum: the counts of m different values are 0, 1, ...,
 * m - 1, summing to m(m - 1)/2, and any tie between floats makes a tied
 * value's count smaller (the tie is not counted as greater) and the sum
 * with it. Lanes whose sum falls short are counted again in double, eight
 * at a time: two values within rounding of each other (or exactly equal:
 * ties the method makes, such as identical exact scenarios) are compared
 * exactly.
 *
 * A problem whose ties come back batch after batch (identical scenarios)
 * would pay for both countings; after a batch counted again in every
 * lane, the next SMAA_SKIP_BATCHES go straight to double. Either way the
 * counts are the same, so the choice changes the time only.
 */
#include <math.h>
#include <string.h>

#include "smaa_draw.h"
#include "smaa_kernel.h"

#define B SMAA_BATCH

_Static_assert(B == 32, "a batch's lanes are the bits of a uint32_t");

/* The most alternatives counted in single precision: a lane's counts
 * sum to m(m - 1)/2, which must stay within an int32. */
#define SINGLE_COUNTED 4096

typedef int32_t v8i32 __attribute__((vector_size(32)));

/* Counts in double precision for lanes [FROM, FROM + 8). */
static INLINE void greater_double(size_t m, const double *v, int32_t *greater,
                                  size_t from)
{
	for (size_t i = 0; i < m; i++) {
		v8d mine = load8(v + i * B + from);
		v8l count = { 0 };
		for (size_t j = 0; j < m; j++)
			count -= load8(v + j * B + from) > mine;
		v8i32 narrow = __builtin_convertvector(count, v8i32);
		memcpy(greater + i * B + from, &narrow, sizeof narrow);
	}
}

/* Counts in double precision in the lane groups of GROUPS. */
static INLINE void exact_groups(size_t m, const double *v, int32_t *greater,
                                uint32_t groups)
{
	for (size_t from = 0; from < B; from += 8)
		if ((groups >> from / 8) & 1)
			greater_double(m, v, greater, from);
}

/* The lane groups (bit q for lanes 8q..8q+7) with a lane in TIED. */
static INLINE uint32_t tied_groups(uint32_t tied)
{
	uint32_t groups = 0;
	for (unsigned q = 0; q < B / 8; q++)
		groups |= (uint32_t)(((tied >> (8 * q)) & 0xff) != 0) << q;
	return groups;
}

/* V's rows rounded to single precision. */
static INLINE void to_single(size_t m, const double *v, float *single)
{
	for (size_t k = 0; k < m * B; k += 8) {
		v8f narrow = __builtin_convertvector(load8(v + k), v8f);
		memcpy(single + k, &narrow, sizeof narrow);
	}
}

/* Counts in single precision, of values known only to lie within
 * [LOW, HIGH] (the same array twice for values exactly rounded): J
 * counts as greater than I where LOW[J] > HIGH[I]. The values are sums
 * of non-negative terms begun at +0, never -0 or NaN: their bits, read
 * as integers, order them as the floats. Returns a mask of the
 * lanes where some two intervals meet (bit b for lane b): of two
 * disjoint intervals exactly one is greater, so the counts of a lane
 * sum to m(m - 1)/2 if and only if no two meet. */
static INLINE uint32_t greater_bounded(size_t m, const float *low,
                                       const float *high, int32_t *greater)
{
	/* R alternatives at a time: each of J's bounds loaded once for R
	 * comparisons */
	enum { V = B / 16, R = 4 };
	v16i total[V];
	for (size_t q = 0; q < V; q++)
		total[q] = (v16i){ 0 };
	for (size_t i = 0; i < m; i += R) {
		size_t rows = m - i < R ? m - i : R;
		v16i mine[R][V];
		v16i count[R][V];
		for (size_t r = 0; r < R; r++)
			for (size_t q = 0; q < V; q++) {
				/* past the last row: nothing is greater */
				mine[r][q] = (v16i)(r < rows
				                    ? load16f(high + (i + r) * B +
				                              16 * q)
				                    : splat16f(INFINITY));
				count[r][q] = (v16i){ 0 };
			}
		/* compared as integers, which order non-negative floats as
		 * the floats (see above), on the vector units' integer
		 * pipes: twice the comparisons a cycle */
		for (size_t j = 0; j < m; j++)
			for (size_t q = 0; q < V; q++) {
				v16i theirs = (v16i)load16f(low + j * B + 16 * q);
				for (size_t r = 0; r < R; r++)
					count[r][q] -= theirs > mine[r][q];
			}
		for (size_t r = 0; r < rows; r++) {
			memcpy(greater + (i + r) * B, count[r], sizeof count[r]);
			for (size_t q = 0; q < V; q++)
				total[q] += count[r][q];
		}
	}
	const int distinct = (int)(m * (m - 1) / 2);
	uint32_t tied = 0;
	for (size_t q = 0; q < V; q++)
		for (int b = 0; b < 16; b++)
			tied |= (uint32_t)(total[q][b] != distinct)
			        << (16 * q + (size_t)b);
	return tied;
}

static HOT void count_greater(size_t m, const double *v, int32_t *greater,
                              float *single, uint32_t *skip)
{
	/* sums of counts stay within an int32 */
	if ((skip && *skip > 0) || m > SINGLE_COUNTED) {
		for (size_t from = 0; from < B; from += 8)
			greater_double(m, v, greater, from);
		if (skip && *skip > 0)
			(*skip)--;
		return;
	}
	to_single(m, v, single);
	uint32_t tied = greater_bounded(m, single, single, greater);
	exact_groups(m, v, greater, tied_groups(tied));
	if (skip && tied == (uint32_t)-1)
		*skip = SMAA_SKIP_BATCHES;
}

void smaa_count_greater(size_t m, const double *v, int32_t *greater,
                        float *single, uint32_t *skip)
{
	count_greater(m, v, greater, single, skip);
}

static HOT uint32_t count_bounded(size_t m, const float *low,
                                  const float *high, int32_t *greater)
{
	return m > SINGLE_COUNTED ? (uint32_t)-1 : greater_bounded(m, low, high, greater);
}

uint32_t smaa_greater_bounded(size_t m, const float *low, const float *high,
                              int32_t *greater)
{
	return count_bounded(m, low, high, greater);
}

static HOT void count_exact(size_t m, const double *v, int32_t *greater,
                            uint32_t groups)
{
	exact_groups(m, v, greater, groups);
}

void smaa_greater_exact(size_t m, const double *v, int32_t *greater,
                        uint32_t groups)
{
	count_exact(m, v, greater, groups);
}
