/*
 * smaa_confidence.c - the confidence pass (see smaa_kernel.h): for each
 * alternative with central weights (an owner), whether it ranks first
 * when every alternative is valued with the owner's central weights, on
 * the measurement draws of the main pass, regenerated from their streams.
 *
 * The answer is that of a comparison in double precision, as drawn in the
 * main pass. Most lanes are decided by a first look in single precision
 * (sixteen lanes a vector, and an exp2 of a quarter of the work), whose
 * error is bounded (smaa_draw.h); a lane within that bound of a tie is
 * decided again from the double-precision draws, recomputed from the same
 * words by the main pass's arithmetic.
 */
#include <math.h>
#include <string.h>

#include "smaa_draw.h"
#include "smaa_kernel.h"

#define B SMAA_BATCH
#define OWNERS SMAA_OWNERS

typedef float v8f __attribute__((vector_size(32)));

/* Cell T's single-precision values in every lane, from its words (see
 * cell_steps). Cells that reach below A (the linear stretch towards X,
 * whose values near 0 single precision cannot bound relatively) and exact
 * cells are drawn in double and rounded. */
static INLINE void draw_single(const smaa_problem *p, const smaa_triangle *t,
                               const v8u steps[4], float *x)
{
	if (t->degenerate || t->lo < 0) {
		for (size_t q = 0; q < B / 8; q++) {
			v8d value = t->degenerate
			                    ? splat8(t->constant)
			                    : cell_value_wide(
						      p, t, group_words(steps, 0, q),
						      group_words(steps, 1, q));
			v8f single = __builtin_convertvector(value, v8f);
			memcpy(x + 8 * q, &single, sizeof single);
		}
		return;
	}
	for (size_t h = 0; h < B / 16; h++) {
		v16f value = cell_value_v16(p, t, half_words(steps, 0, h),
		                            half_words(steps, 1, h));
		memcpy(x + 16 * h, &value, sizeof value);
	}
}

/* Every cell's single-precision values, the words straight from the
 * generator (the main pass's, regenerated): the words themselves are
 * written out only if a lane must be decided in double (see
 * double_words). */
static HOT void draw_all_single(const smaa_problem *p, smaa_lanes *lanes,
                                float *draws)
{
	lanes_state g = lanes_load(lanes);
	for (size_t k = 0; k < p->m * p->n; k++) {
		v8u steps[4];
		cell_steps(&g, steps);
		draw_single(p, &p->cells[k], steps, draws + k * B);
	}
	lanes_store(lanes, &g);
}

/* The batch's words, for draws in double: generated again from the
 * state the batch started with, once per batch at most. */
static void double_words(smaa_worker *w)
{
	if (w->bits_ready)
		return;
	smaa_lanes again = w->batch_lanes;
	smaa_random_bits(&again, smaa_words_for(2 * w->p->m * w->p->n),
	                 w->bits);
	w->bits_ready = true;
}

/* Cell K's value in lane L in double precision, exactly as the main pass
 * drew it. */
static double draw_double(const smaa_problem *p, size_t k,
                          const uint32_t *bits, size_t l)
{
	const smaa_triangle *t = &p->cells[k];
	if (t->degenerate)
		return t->constant;
	const uint32_t *row = bits + 2 * k * B + l / 8 * 8;
	v8d value = cell_value_v8(p, t, load8w(row), load8w(row + B));
	return value[l % 8];
}

/* Alternative J's value under owner Q's weights in lane L, in double. */
static double value_double(const smaa_worker *w, const smaa_block *k,
                           size_t q, size_t j, size_t l)
{
	const smaa_problem *p = w->p;
	double value = 0;
	for (size_t c = 0; c < p->n; c++)
		value += k->coef[c * OWNERS + q] *
		         draw_double(p, j * p->n + c, w->bits, l);
	return value;
}

/* Alternative J's value under owner Q's weights in lane L, in single
 * precision. */
static float value_single_lane(const smaa_worker *w, const smaa_block *k,
                               size_t q, size_t j, size_t l)
{
	size_t n = w->p->n;
	const float *x = w->draws_single + j * n * B + l;
	float value = 0;
	for (size_t c = 0; c < n; c++)
		value += x[c * B] * k->coef_single[c * OWNERS + q];
	return value;
}

/* Whether owner Q ranks first in lane L, valued in double precision:
 * the exact answer where single precision could not tell. Only rivals
 * that single precision puts near or above the owner are valued again. */
static bool first_exactly(const smaa_worker *w, const smaa_block *k,
                          size_t q, size_t l, float margin)
{
	size_t i = k->owners[q];
	double own = value_double(w, k, q, i, l);
	float near = value_single_lane(w, k, q, i, l) * (1 - 2 * margin);
	for (size_t r = 0; r < k->rival_count; r++) {
		size_t j = k->rivals[r];
		if (j == i || value_single_lane(w, k, q, j, l) < near)
			continue;
		if (value_double(w, k, q, j, l) > own)
			return false;
	}
	return true;
}

/* Twice the relative error single precision may make on a value: the
 * draws' (SMAA_SINGLE_ERROR) and the weighted sum's ((n + 2) 2^-24, the
 * terms being non-negative). */
static float single_margin(size_t n)
{
	return 2 * (SMAA_SINGLE_ERROR + (float)(n + 2) * 0x1p-24f);
}

/* Alternative J's values under owner Q's weights in single precision. */
static INLINE v16f value_single(const smaa_worker *w, const smaa_block *k,
                             size_t q, size_t j, size_t lane)
{
	size_t n = w->p->n;
	const float *x = w->draws_single + j * n * B + lane;
	v16f sum = splat16f(0);
	for (size_t c = 0; c < n; c++)
		sum += load16f(x + c * B) * k->coef_single[c * OWNERS + q];
	return sum;
}

/* Whether rival R could beat some owner in lanes where owner q is worth
 * at least LEAST[q]. */
static bool rival_needed(const smaa_block *k, size_t r, const float *least)
{
	for (size_t q = 0; q < k->count; q++)
		if (k->ceiling[r * OWNERS + q] >= least[q])
			return true;
	return false;
}

/* A rival's values (draws X) under the first WIDTH owners' weights COEF,
 * WIDTH a constant where it is called. */
static INLINE void rival_sums(const float *x, const float *coef, size_t n,
                              v16f sums[OWNERS], const int width)
{
	_Static_assert(OWNERS == 6, "six sums written out");
	/* written out: gcc must keep these sums in registers */
	v16f s0 = splat16f(0), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0;
	for (size_t c = 0; c < n; c++) {
		v16f draw = load16f(x + c * B);
		const float *weight = coef + c * OWNERS;
		s0 += draw * weight[0];
		s1 += draw * weight[1];
		s2 += draw * weight[2];
		if (width > 3) {
			s3 += draw * weight[3];
			s4 += draw * weight[4];
			s5 += draw * weight[5];
		}
	}
	v16f all[OWNERS] = { s0, s1, s2, s3, s4, s5 };
	memcpy(sums, all, sizeof all);
}

/*
 * For a block of owners, on sixteen lanes from LANE: whether each owner
 * ranks first. The owners' own values come first; a rival whose ceiling
 * lies below every owner's least value in these lanes cannot beat any of
 * them, and is not valued. A lane whose best rival is within the margin
 * of the owner is decided again in double.
 */
static HOT void confidence_block(smaa_worker *w, const smaa_block *k,
                                 size_t lane, uint64_t *wins, size_t valid)
{
	size_t n = w->p->n;
	float margin = single_margin(n);
	v16f best[OWNERS], own[OWNERS];
	float least[OWNERS];
	for (size_t q = 0; q < k->count; q++) {
		best[q] = splat16f(-INFINITY);
		own[q] = value_single(w, k, q, k->owners[q], lane);
		least[q] = INFINITY;
		for (int b = 0; b < 16; b++)
			least[q] = own[q][b] < least[q] ? own[q][b] : least[q];
		least[q] *= 1 - margin;
	}
	for (size_t r = 0; r < k->rival_count; r++) {
		if (!rival_needed(k, r, least))
			continue;
		const float *x = w->draws_single + k->rivals[r] * n * B + lane;
		v16f sums[OWNERS];
		/* a block of three or fewer does half the work */
		if (k->count > OWNERS / 2)
			rival_sums(x, k->coef_single, n, sums, OWNERS);
		else
			rival_sums(x, k->coef_single, n, sums, OWNERS / 2);
		for (size_t q = 0; q < k->count; q++)
			if (k->owners[q] != k->rivals[r])
				best[q] = max16f(best[q], sums[q]);
	}
	v16i live;
	for (int b = 0; b < 16; b++)
		live[b] = lane + (size_t)b < valid ? -1 : 0;
	for (size_t q = 0; q < k->count; q++) {
		v16f doubt = margin * (own[q] + max16f(best[q], splat16f(0)));
		v16i win = (best[q] < own[q] - doubt) & live;
		v16i unsure = ~win & ~(best[q] > own[q] + doubt) & live;
		int count = 0, any_unsure = 0;
		for (int b = 0; b < 16; b++) {
			count -= win[b];
			any_unsure |= unsure[b];
		}
		wins[k->owners[q]] += (uint64_t)count;
		if (any_unsure)
			double_words(w);
		for (int b = 0; any_unsure && b < 16; b++)
			if (unsure[b])
				wins[k->owners[q]] +=
					first_exactly(w, k, q, lane + (size_t)b,
					              margin);
	}
}

void smaa_confidence_batch(smaa_worker *w, size_t valid,
                           const smaa_block *blocks, size_t block_count)
{
	w->batch_lanes = w->measurement_lanes;
	w->bits_ready = false;
	draw_all_single(w->p, &w->measurement_lanes, w->draws_single);
	/* lane group by lane group: its draws (a cache line a cell) stay
	 * in the first-level cache through the blocks */
	for (size_t lane = 0; lane < valid; lane += 16)
		for (size_t k = 0; k < block_count; k++)
			confidence_block(w, &blocks[k], lane,
			                 w->confidence_counts, valid);
}
