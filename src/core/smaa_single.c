/*
 * smaa_single.c - draws and values in single precision: the confidence
 * pass's first look (smaa_confidence.c), and the main pass when its
 * outputs need the ranks alone (rank acceptabilities, central weights,
 * pairwise winning): sixteen lanes a vector, and an exp2 of a quarter of
 * the work.
 *
 * A rank is what the comparison of the main pass's double-precision
 * values says. A value summed here lies within a bounded relative error
 * of that double (single_error for each draw, smaa_draw.h, and the
 * sum's own), so it stands for an interval that holds the double; two
 * values whose intervals do not meet compare as their doubles do, and a
 * lane whose intervals are pairwise disjoint is ranked without a double.
 * The lanes where two meet (near-ties, and the ties the method makes,
 * such as identical exact scenarios) are settled in double from the
 * generator steps kept for the batch, bit for bit as the double path
 * values them (smaa_value_lanes): pair by pair, or a whole group of eight
 * lanes when many of its lanes are tied.
 */
#include <math.h>
#include <string.h>

#include "smaa_draw.h"
#include "smaa_kernel.h"

#define B SMAA_BATCH


/* Cell T's single-precision values on lanes 16h..16h+15, from its words
 * (see cell_steps), into X. Cells that reach below A (the linear stretch
 * towards X, whose values near 0 single precision cannot bound
 * relatively), or above the top of E, where the error bound was not
 * reckoned, are drawn in double and rounded. */
static INLINE void draw_half(const smaa_problem *p, const smaa_triangle *t,
                             const v8u steps[SMAA_CELL_STEPS], size_t h,
                             float *x)
{
	if (t->lo < 0 || t->hi > SMAA_TOP_POSITION) {
		for (size_t q = 2 * h; q < 2 * h + 2; q++) {
			v8d value = group_value(p, t, steps, q);
			v8f single = __builtin_convertvector(value, v8f);
			memcpy(x + q % 2 * 8, &single, sizeof single);
		}
		return;
	}
	v16f value = cell_value_v16(t, half_words(steps, h));
	memcpy(x, &value, sizeof value);
}

/* Every cell's single-precision values, the words straight from the
 * generator, for the cells that draw any (RANDOM_CELLS, COUNT of them;
 * the exact ones' values were written once, by smaa_worker_init):
 * without a branch on whether a cell is exact, which no predictor guesses
 * across a batch's cells. The steps of each cell drawn are kept in KEPT,
 * for the lanes that must be valued again in double and for the
 * alternatives drawn on demand (VALUED, see smaa_kernel.h; NULL: all
 * drawn). A loop over the alternatives, each its mode once and its cells
 * inside, was 1-5% slower than this one loop over the cells. */
static HOT void draw_all_single(const smaa_problem *p, smaa_lanes *lanes,
                                const uint32_t *random_cells, size_t count,
                                float *draws, uint64_t *kept,
                                const uint8_t *valued)
{
	lanes_state g = lanes_load(lanes);
	for (size_t d = 0; d < count; d++) {
		size_t k = random_cells[d];
		v8u steps[SMAA_CELL_STEPS];
		cell_steps(&g, steps);
		/* the words of a cell nobody values are drawn and left */
		int how = valued ? valued[k / p->n] : SMAA_DRAWN;
		if (how == SMAA_UNDRAWN)
			continue;
		kept_store(kept, k, steps);
		if (how == SMAA_ON_DEMAND)
			continue;
		/* both halves in one block: written as a loop, gcc kept it
		 * one and the draws lost 3-5% */
		const smaa_triangle *t = &p->cells[k];
		draw_half(p, t, steps, 0, draws + smaa_half_row(p, k, 0));
		draw_half(p, t, steps, 1, draws + smaa_half_row(p, k, 1));
	}
	lanes_store(lanes, &g);
}

void smaa_draw_single(smaa_worker *w, const uint8_t *valued)
{
	draw_all_single(w->p, &w->measurement_lanes, w->random_cells,
	                w->random_cell_count, w->draws_single, w->steps,
	                valued);
}

static HOT void draw_on_demand(const smaa_problem *p, const uint64_t *kept,
                               float *draws, size_t i, size_t h)
{
	for (size_t k = i * p->n; k < (i + 1) * p->n; k++) {
		const smaa_triangle *t = &p->cells[k];
		if (t->degenerate)
			continue; /* written once, by smaa_worker_init */
		v8u steps[SMAA_CELL_STEPS];
		kept_load(kept, k, steps);
		draw_half(p, t, steps, h, draws + smaa_half_row(p, k, h));
	}
}

void smaa_draw_half(const smaa_problem *p, const uint64_t *steps,
                    float *draws, size_t i, size_t h)
{
	draw_on_demand(p, steps, draws, i, h);
}

float smaa_single_margin(const smaa_problem *p)
{
	return 2 * (p->single_error + (float)(p->n + 2) * 0x1p-24f);
}

/* The weights W (n rows of doubles) in single precision. */
static INLINE void weights_single(size_t n, const double *w, float *single)
{
	for (size_t k = 0; k < n * B; k += 8) {
		v8f narrow = __builtin_convertvector(load8(w + k), v8f);
		memcpy(single + k, &narrow, sizeof narrow);
	}
}

/*
 * Every alternative's value from the single-precision DRAWS under the
 * weights W, as the interval [LOW, HIGH] that holds its double: the sum
 * widened by the margin, twice its relative error, so that the rounding
 * of the widening itself stays inside.
 */
static HOT void value_intervals(const smaa_problem *p, const float *draws,
                                const float *w, float *low, float *high)
{
	size_t n = p->n;
	float spread = smaa_single_margin(p);
	for (size_t i = 0; i < p->m; i++) {
		const float *x = draws + smaa_half_row(p, i * n, 0);
		const float *y = draws + smaa_half_row(p, i * n, 1);
		v16f first = splat16f(0), second = splat16f(0);
		for (size_t c = 0; c < n; c++) {
			first += load16f(w + c * B) * load16f(x + c * 16);
			second += load16f(w + c * B + 16) * load16f(y + c * 16);
		}
		v16f below[2] = { first * (1 - spread), second * (1 - spread) };
		v16f above[2] = { first * (1 + spread), second * (1 + spread) };
		memcpy(low + i * B, below, sizeof below);
		memcpy(high + i * B, above, sizeof above);
	}
}

/* Alternative I's double in lane L, kept in VALUES once computed (NaN
 * until then). */
static double lane_value(smaa_worker *w, size_t i, size_t l)
{
	double *slot = &w->values[i * B + l];
	if (isnan(*slot)) {
		double group[8];
		smaa_value_lanes(w->p, w->steps, w->weights, i, l / 8, group);
		*slot = group[l % 8];
	}
	return *slot;
}

/* Lane L's counts made exact: the pairs whose intervals meet, which the
 * single-precision count left out both ways, compared in double. The
 * lane's intervals are gathered first, so that finding which meet one is
 * a count over contiguous floats. */
static HOT void settle_lane(smaa_worker *w, size_t l)
{
	size_t m = w->p->m;
	float *low = w->lane_bounds, *high = w->lane_bounds + m;
	for (size_t i = 0; i < m; i++) {
		low[i] = w->rank_single[i * B + l];
		high[i] = w->rank_high[i * B + l];
		w->values[i * B + l] = NAN;
	}
	for (size_t i = 0; i < m; i++) {
		int meeting = 0;
		for (size_t j = i + 1; j < m; j++)
			meeting += (low[j] <= high[i]) & (low[i] <= high[j]);
		for (size_t j = i + 1; meeting > 0 && j < m; j++) {
			if (low[j] > high[i] || low[i] > high[j])
				continue;
			meeting--;
			double mine = lane_value(w, i, l);
			double theirs = lane_value(w, j, l);
			w->greater[i * B + l] += theirs > mine;
			w->greater[j * B + l] += mine > theirs;
		}
	}
}

/* Lane group Q's counts made exact from every value in double: cheaper
 * than pair by pair when many of its lanes are tied. */
static void settle_group(smaa_worker *w, size_t q)
{
	size_t m = w->p->m;
	for (size_t i = 0; i < m; i++)
		smaa_value_lanes(w->p, w->steps, w->weights, i, q,
		                 w->values + i * B + 8 * q);
	smaa_greater_exact(m, w->values, w->greater, 1u << q);
}

int smaa_rank_single(smaa_worker *w)
{
	_Static_assert(B == 32, "two vectors of sixteen lanes a row");
	const smaa_problem *p = w->p;
	size_t m = p->m, n = p->n;
	smaa_draw_single(w, NULL);
	weights_single(n, w->weights, w->weights_single);
	value_intervals(p, w->draws_single, w->weights_single, w->rank_single,
	                w->rank_high);
	uint32_t tied = smaa_greater_bounded(m, w->rank_single, w->rank_high,
	                                     w->greater);
	for (size_t q = 0; q < B / 8; q++) {
		unsigned lanes = (tied >> (8 * q)) & 0xff;
		if (!lanes)
			continue;
		/* a lane costs m^2 / 2 comparisons, the group m * n draws */
		if ((size_t)__builtin_popcount(lanes) * m > 32 * n) {
			settle_group(w, q);
			continue;
		}
		for (size_t b = 0; b < 8; b++)
			if ((lanes >> b) & 1)
				settle_lane(w, 8 * q + b);
	}
	return tied == (uint32_t)-1;
}
