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
 * decided again from the double-precision draws, recomputed from the
 * generator steps kept for the batch by the main pass's arithmetic.
 *
 * Each owner values its rivals strongest first (smaa_kernel.h), the first
 * six whatever they are worth, the rest only while one could still beat
 * the owner in a lane where no rival has yet: on the reference workload
 * about 10 of its 49 alternatives. An alternative that only later rivals
 * include is drawn when a lane group first needs it (SMAA_ON_DEMAND).
 */
#include <math.h>
#include <string.h>

#include "smaa_draw.h"
#include "smaa_kernel.h"

#define B SMAA_BATCH

/* Cell K's value in lane L in double precision, from the generator
 * steps kept for the batch (smaa_draw_single): the main pass's draw, bit
 * for bit (smaa_draw_group runs in the same target clone). */
static double draw_double(const smaa_problem *p, size_t k,
                          const uint64_t *steps, size_t l)
{
	double group[8];
	smaa_draw_group(p, steps, k, l / 8, group);
	return group[l % 8];
}

/* Alternative J's value under owner O's weights in lane L, in double. */
static double value_double(const smaa_worker *w, const smaa_owner *o,
                           size_t j, size_t l)
{
	const smaa_problem *p = w->p;
	double value = 0;
	for (size_t c = 0; c < p->n; c++)
		value += o->coef[c] * draw_double(p, j * p->n + c, w->steps, l);
	return value;
}

/* Alternative J's value under owner O's weights in lane L, in single
 * precision. */
static float value_single_lane(const smaa_worker *w, const smaa_owner *o,
                               size_t j, size_t l)
{
	size_t n = w->p->n;
	const float *x = w->draws_single + smaa_half_row(w->p, j * n, l / 16) +
	                 l % 16;
	float value = 0;
	for (size_t c = 0; c < n; c++)
		value += x[c * 16] * o->coef_single[c];
	return value;
}

/* Rival J's single-precision draws on lanes 16h..16h+15 before it is
 * valued there: an alternative drawn on demand is drawn from its kept
 * steps the first time a lane group needs it in the batch. */
static INLINE void need_drawn(smaa_worker *w, size_t j, size_t h)
{
	if (!w->valued || w->valued[j] != SMAA_ON_DEMAND ||
	    (w->demand_drawn[j] >> h) & 1)
		return;
	w->demand_drawn[j] |= (uint8_t)(1u << h);
	smaa_draw_half(w->p, w->steps, w->draws_single, j, h);
}

/* Whether owner O ranks first in lane L, valued in double precision:
 * the exact answer where single precision could not tell. Only rivals
 * that single precision puts near or above the owner are valued again;
 * those whose ceiling is below that cannot be. */
static bool first_exactly(smaa_worker *w, const smaa_owner *o,
                          size_t l, float margin)
{
	double own = value_double(w, o, o->alternative, l);
	float near = value_single_lane(w, o, o->alternative, l) *
	             (1 - 2 * margin);
	for (size_t r = 0; r < o->rival_count && o->ceiling[r] >= near; r++) {
		size_t j = o->rivals[r];
		/* a rival remaining_rivals did not reach lies below the
		 * owner in this lane; drawn all the same, so that no value
		 * read here is a stale one */
		need_drawn(w, j, l / 16);
		if (value_single_lane(w, o, j, l) < near)
			continue;
		if (value_double(w, o, j, l) > own)
			return false;
	}
	return true;
}

/* Alternative J's values under owner O's weights in single precision, on
 * sixteen lanes from LANE: two chains of sums, half the latency. */
static INLINE v16f value_single(const smaa_worker *w, const smaa_owner *o,
                                size_t j, size_t lane)
{
	size_t n = w->p->n;
	const float *coef = o->coef_single;
	const float *x = w->draws_single + smaa_half_row(w->p, j * n, lane / 16);
	v16f even = splat16f(0), odd = splat16f(0);
	size_t c = 0;
	for (; c + 1 < n; c += 2) {
		even += load16f(x + c * 16) * coef[c];
		odd += load16f(x + (c + 1) * 16) * coef[c + 1];
	}
	if (c < n)
		even += load16f(x + c * 16) * coef[c];
	return even + odd;
}

/* Lane orders that fold sixteen lanes onto one in four steps. */
static const v16i fold_half = { 8, 9, 10, 11, 12, 13, 14, 15,
	                        0, 1, 2, 3, 4, 5, 6, 7 };
static const v16i fold_quarter = { 4, 5, 6, 7, 0, 1, 2, 3,
	                           12, 13, 14, 15, 8, 9, 10, 11 };
static const v16i fold_pair = { 2, 3, 0, 1, 6, 7, 4, 5,
	                        10, 11, 8, 9, 14, 15, 12, 13 };
static const v16i fold_one = { 1, 0, 3, 2, 5, 4, 7, 6,
	                       9, 8, 11, 10, 13, 12, 15, 14 };

/* The least of V's lanes where OPEN is set (+inf if none). */
static INLINE float least_open(v16f v, v16i open)
{
	v16f x = (v16f)(((v16i)v & open) |
	                ((v16i)splat16f(INFINITY) & ~open));
	x = min16f(x, SIMD_SHUFFLE(x, fold_half));
	x = min16f(x, SIMD_SHUFFLE(x, fold_quarter));
	x = min16f(x, SIMD_SHUFFLE(x, fold_pair));
	x = min16f(x, SIMD_SHUFFLE(x, fold_one));
	return x[0];
}

/* The sum of V's lanes. */
static INLINE int sum_lanes(v16i v)
{
	v += SIMD_SHUFFLE(v, fold_half);
	v += SIMD_SHUFFLE(v, fold_quarter);
	v += SIMD_SHUFFLE(v, fold_pair);
	v += SIMD_SHUFFLE(v, fold_one);
	return v[0];
}

/* How far the owner's value OWN and the best rival's BEST may lie from
 * their doubles together: MARGIN of the two values. */
static INLINE v16f doubt(v16f own, v16f best, float margin)
{
	return margin * (own + max16f(best, splat16f(0)));
}

/* Lanes where the owner is beaten beyond doubt by the best rival so far. */
static INLINE v16i beaten(v16f own, v16f best, float margin)
{
	return best > own + doubt(own, best, margin);
}

/* Owner O's values and its SMAA_FIRST_RIVALS strongest rivals' (the first
 * again where it has fewer) on sixteen lanes from LANE, into SUMS:
 * criterion by criterion, each weight broadcast once for all, the sums
 * independent chains. O has a rival. */
static INLINE void first_values(const smaa_worker *w, const smaa_owner *o,
                                size_t lane, v16f sums[SMAA_FIRST_RIVALS + 1])
{
	size_t n = w->p->n;
	const float *x[SMAA_FIRST_RIVALS + 1];
	for (size_t r = 0; r <= SMAA_FIRST_RIVALS; r++) {
		size_t j = r == 0 ? o->alternative
		           : r <= o->rival_count ? o->rivals[r - 1]
		                                 : o->rivals[0];
		x[r] = w->draws_single + smaa_half_row(w->p, j * n, lane / 16);
		sums[r] = splat16f(0);
	}
	for (size_t c = 0; c < n; c++) {
		v16f coef = splat16f(o->coef_single[c]);
		for (size_t r = 0; r <= SMAA_FIRST_RIVALS; r++)
			sums[r] += load16f(x[r] + c * 16) * coef;
	}
}

/*
 * On sixteen lanes from LANE, for every owner in turn: its own values and
 * its SMAA_FIRST_RIVALS strongest rivals', whatever they are worth, then which
 * lanes none of them beats beyond doubt (open) and the owner's least value
 * among those, kept for remaining_rivals. Without a branch that depends
 * on the values, one owner's arithmetic overlaps the next one's.
 */
static HOT void strongest_rivals(smaa_worker *w, const smaa_owner *owners,
                                 size_t count, size_t lane, size_t valid)
{
	float margin = smaa_single_margin(w->p), keep = 1 - margin;
	v16i live;
	for (int b = 0; b < 16; b++)
		live[b] = lane + (size_t)b < valid ? -1 : 0;
	for (size_t k = 0; k < count; k++) {
		const smaa_owner *o = &owners[k];
		v16f own, best = splat16f(-INFINITY);
		if (o->rival_count == 0) {
			own = value_single(w, o, o->alternative, lane);
		} else {
			v16f sums[SMAA_FIRST_RIVALS + 1];
			first_values(w, o, lane, sums);
			own = sums[0];
			for (size_t r = 1; r <= SMAA_FIRST_RIVALS; r++)
				best = max16f(best, sums[r]);
		}
		v16i open = live & ~beaten(own, best, margin);
		memcpy(w->owner_rows + 48 * k, &own, sizeof own);
		memcpy(w->owner_rows + 48 * k + 16, &best, sizeof best);
		memcpy(w->owner_rows + 48 * k + 32, &open, sizeof open);
		w->owner_least[k] = least_open(own, open) * keep;
	}
}

/*
 * Whether owner O (the K-th) ranks first on sixteen lanes from LANE,
 * after strongest_rivals: the rest of its rivals are valued, strongest
 * ceiling first, only while the next ceiling reaches the owner's least
 * value among the lanes still open; every later rival is below the owner
 * in all of them. A lane still open whose best rival is within the
 * margin of the owner is decided again in double.
 */
static HOT void remaining_rivals(smaa_worker *w, const smaa_owner *o,
                                 size_t k, size_t lane, uint64_t *wins)
{
	float margin = smaa_single_margin(w->p);
	v16f own, best;
	v16i open;
	memcpy(&own, w->owner_rows + 48 * k, sizeof own);
	memcpy(&best, w->owner_rows + 48 * k + 16, sizeof best);
	memcpy(&open, w->owner_rows + 48 * k + 32, sizeof open);
	float least = w->owner_least[k];
	/* with no lane open the least is +inf, and the loop ends */
	for (size_t r = SMAA_FIRST_RIVALS;
	     r < o->rival_count && o->ceiling[r] >= least; r++) {
		need_drawn(w, o->rivals[r], lane / 16);
		best = max16f(best, value_single(w, o, o->rivals[r], lane));
	}
	open &= ~beaten(own, best, margin);
	v16i win = (best < own - doubt(own, best, margin)) & open;
	v16i unsure = ~win & open;
	/* both counts in one sum: sixteen lanes stay below bit 16 */
	int counts = sum_lanes((win & 1) | (unsure & 0x10000));
	wins[o->alternative] += (uint64_t)(counts & 0xffff);
	if (counts >> 16 == 0)
		return;
	for (int b = 0; b < 16; b++)
		if (unsure[b])
			wins[o->alternative] +=
				first_exactly(w, o, lane + (size_t)b, margin);
}

void smaa_confidence_batch(smaa_worker *w, size_t valid,
                           const smaa_confidence_plan *plan)
{
	const smaa_owner *owners = plan->owners;
	size_t owner_count = plan->owner_count;
	smaa_draw_single(w, plan->valued);
	w->valued = plan->valued;
	memset(w->demand_drawn, 0, w->p->m);
	/* lane group by lane group: its draws (a cache line a cell) stay
	 * in the cache through the owners */
	for (size_t lane = 0; lane < valid; lane += 16) {
		strongest_rivals(w, owners, owner_count, lane, valid);
		for (size_t k = 0; k < owner_count; k++)
			remaining_rivals(w, &owners[k], k, lane,
			                 w->confidence_counts);
	}
}
