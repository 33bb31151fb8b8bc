/*
 * smaa_kernel.c - see smaa_kernel.h. Every loop over b runs over the lanes
 * of a batch; the hot ones are written so that gcc vectorises them, and the
 * file is built with -O3 and target clones for AVX-512, AVX2 and plain
 * x86-64. No allocation happens here after smaa_worker_init.
 *
 * Values are exact where the method is exact: a degenerate score (LL = EV =
 * UL) yields its class value bit for bit; other draws go through an exp2
 * accurate to a few units in the last place (smaa_draw.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "philox.h"
#include "smaa_draw.h"
#include "smaa_kernel.h"

#define B SMAA_BATCH


/*
 * Random words come from one xoshiro256++ generator (Blackman & Vigna) per
 * SIMD lane, seeded per chunk and per purpose by Philox4x32-10 from (seed,
 * chunk, stream, lane): one independent stream per chunk of iterations,
 * cheap enough (a dozen vector operations per 16 words) that drawing does
 * not pay for the generator. The confidence pass reseeds the measurement
 * streams and gets the same words back.
 */
void smaa_lanes_seed(smaa_lanes *l, const uint32_t key[2], uint64_t chunk,
                     uint32_t stream)
{
	for (uint32_t lane = 0; lane < SMAA_LANES; lane++) {
		uint32_t words[8];
		for (uint32_t half = 0; half < 2; half++) {
			uint32_t counter[4] = { (uint32_t)chunk,
				                (uint32_t)(chunk >> 32),
				                stream | 0x80000000u,
				                lane * 2 + half };
			philox4x32(counter, key, words + 4 * half);
		}
		for (int k = 0; k < 4; k++)
			l->s[k][lane] = (uint64_t)words[2 * k] << 32 |
			                words[2 * k + 1];
		if (!(l->s[0][lane] | l->s[1][lane] | l->s[2][lane] |
		      l->s[3][lane]))
			l->s[0][lane] = 1; /* the one state xoshiro cannot leave */
	}
}

/* COUNT words (a multiple of 2 * SMAA_LANES) into BITS. Static: the
 * clones of a global function are global ifuncs, which hidden visibility
 * does not reach, and the library must export natrisk_* names only. */
static HOT void random_bits(smaa_lanes *l, size_t count, uint32_t *bits)
{
	lanes_state g = lanes_load(l);
	for (size_t k = 0; k < count; k += 2 * SMAA_LANES) {
		v8u out = lanes_next(&g);
		v8w low = low_words(out), high = high_words(out);
		memcpy(bits + k, &low, sizeof low);
		memcpy(bits + k + SMAA_LANES, &high, sizeof high);
	}
	lanes_store(l, &g);
}

void smaa_random_bits(smaa_lanes *l, size_t count, uint32_t *bits)
{
	random_bits(l, count, bits);
}

/* Words for ROWS rows of B lanes, rounded up to whole generator steps. */
size_t smaa_words_for(size_t rows)
{
	size_t words = rows * B, step = 2 * SMAA_LANES;
	return (words + step - 1) / step * step;
}

/* The value of every alternative in every lane: VALUES[i * B + b] is the
 * sum over criteria of W[c * B + b] times alternative i's value on
 * criterion c. The lane groups of a cell are drawn together: four
 * independent chains keep the vector units busy. */
static HOT void value_alternatives(const smaa_problem *p, smaa_lanes *lanes,
                                   const double *w, double *values)
{
	enum { G = B / 8 };
	size_t n = p->n;
	lanes_state g = lanes_load(lanes);
	for (size_t i = 0; i < p->m; i++) {
		v8d sum[G];
		for (size_t q = 0; q < G; q++)
			sum[q] = splat8(0);
		for (size_t c = 0; c < n; c++) {
			const smaa_triangle *t = &p->cells[i * n + c];
			const double *weight = w + c * B;
			/* an exact cell draws no words */
			if (t->degenerate) {
				for (size_t q = 0; q < G; q++)
					sum[q] += load8(weight + 8 * q) *
					          splat8(t->constant);
				continue;
			}
			v8u steps[SMAA_CELL_STEPS];
			cell_steps(&g, steps);
			for (size_t q = 0; q < G; q++)
				sum[q] += load8(weight + 8 * q) *
				          group_value(p, t, steps, q);
		}
		memcpy(values + i * B, sum, sizeof sum);
	}
	lanes_store(lanes, &g);
}

/* Cell K's values in lane group Q from its kept STEPS (an exact cell's,
 * which draws no words, its value). */
static INLINE v8d kept_value(const smaa_problem *p, const uint64_t *steps,
                             size_t k, size_t q)
{
	const smaa_triangle *t = &p->cells[k];
	if (t->degenerate)
		return splat8(t->constant);
	v8u cell[SMAA_CELL_STEPS];
	kept_load(steps, k, cell);
	return group_value(p, t, cell, q);
}

/* Alternative I's values in lane group Q (lanes 8q..8q+7) into OUT, as
 * value_alternatives computes them, bit for bit, from the generator steps
 * it drew them from (STEPS: SMAA_CELL_STEPS of eight 64-bit lanes a
 * cell, see cell_steps): the lanes that single precision could not rank
 * (smaa_single.c). */
static HOT void value_lanes(const smaa_problem *p, const uint64_t *steps,
                            const double *w, size_t i, size_t q, double *out)
{
	size_t n = p->n;
	v8d sum = splat8(0);
	for (size_t c = 0; c < n; c++)
		sum += load8(w + c * B + 8 * q) *
		       kept_value(p, steps, i * n + c, q);
	store8(out, sum);
}

void smaa_value_lanes(const smaa_problem *p, const uint64_t *steps,
                      const double *w, size_t i, size_t q, double *out)
{
	value_lanes(p, steps, w, i, q, out);
}

static HOT void draw_group(const smaa_problem *p, const uint64_t *steps,
                           size_t k, size_t q, double *out)
{
	store8(out, kept_value(p, steps, k, q));
}

void smaa_draw_group(const smaa_problem *p, const uint64_t *steps, size_t k,
                     size_t q, double *out)
{
	draw_group(p, steps, k, q, out);
}

typedef uint8_t v32b __attribute__((vector_size(B)));
typedef uint8_t v8c __attribute__((vector_size(8)));
_Static_assert(SMAA_CHUNK / SMAA_BATCH <= 255,
               "a chunk's pairwise counts must fit in a byte per lane");

/*
 * PAIRS[j * m + i] += #{valid lanes b : v[j][b] > v[i][b]}. That is
 * greater[j][b] < greater[i][b] (all that beats j beats i too, and j
 * itself), a comparison of small integers: with at most 256 alternatives
 * they fit a byte, and a chunk's counts accumulate lane by lane in bytes
 * (PAIR_BYTES), added up when the chunk is done.
 */
static HOT void count_pairs(smaa_worker *w, size_t valid)
{
	size_t m = w->p->m;
	const int32_t *greater = w->greater;
	if (!w->pair_bytes) {
		for (size_t i = 0; i < m; i++)
			for (size_t j = 0; j < m; j++)
				for (size_t b = 0; b < valid; b++)
					w->pair_counts[j * m + i] +=
						greater[j * B + b] < greater[i * B + b];
		return;
	}
	uint8_t *ranks = w->ranks;
	for (size_t k = 0; k < m * B; k++)
		ranks[k] = k % B < valid ? (uint8_t)greater[k] : 0;
	for (size_t i = 0; i < m; i++) {
		v32b mine;
		memcpy(&mine, ranks + i * B, sizeof mine);
		for (size_t j = 0; j < m; j++) {
			v32b theirs, count;
			uint8_t *into = w->pair_bytes + (j * m + i) * B;
			memcpy(&theirs, ranks + j * B, sizeof theirs);
			memcpy(&count, into, sizeof count);
			count -= (v32b)(theirs < mine);
			memcpy(into, &count, sizeof count);
		}
	}
}

static void flush_pairs(smaa_worker *w)
{
	size_t m = w->p->m;
	for (size_t k = 0; w->pair_bytes && k < m * m; k++) {
		uint64_t sum = 0;
		for (size_t b = 0; b < B; b++)
			sum += w->pair_bytes[k * B + b];
		w->pair_counts[k] += sum;
		memset(w->pair_bytes + k * B, 0, B);
	}
}

/* Lane by lane across alternatives, as count_classes. */
static void count_ranks(size_t m, const int32_t *greater, uint64_t *counts,
                        size_t valid)
{
	for (size_t b = 0; b < valid; b++)
		for (size_t i = 0; i < m; i++)
			counts[i * m + (size_t)greater[i * B + b]]++;
}

/* The lanes (bit b for lane b) where ROW is 0. */
static INLINE uint32_t zero_lanes(const int32_t *row)
{
	uint32_t lanes = 0;
	for (unsigned b = 0; b < B; b++)
		lanes |= (uint32_t)(row[b] == 0) << b;
	return lanes;
}

/* Who ranks first in each lane, and the weights of the lanes each ranks
 * first in: found a row of lanes at a time, since in most rows no lane
 * is first. */
static HOT void count_first(smaa_worker *w, size_t valid)
{
	size_t m = w->p->m, n = w->p->n;
	uint32_t live = valid >= B ? UINT32_MAX : (1u << valid) - 1;
	for (size_t i = 0; i < m; i++) {
		uint32_t first = zero_lanes(w->greater + i * B) & live;
		if (!first)
			continue;
		w->first_counts[i] += (uint64_t)__builtin_popcount(first);
		if (!(w->outputs & NATRISK_SMAA_CENTRAL))
			continue;
		double *sum = w->central_chunk + i * n;
		for (; first; first &= first - 1) {
			unsigned b = (unsigned)__builtin_ctz(first);
			for (size_t c = 0; c < n; c++)
				sum[c] += w->weights[c * B + b];
		}
	}
}

/*
 * Impact classes of the totals of lanes FROM..FROM+7: X (0), then A..E
 * (1..5). A total within rounding of a class value belongs to that class:
 * weights that are not dyadic fractions (a Dirichlet draw) sum to 1 only
 * within an ulp, and a scenario scoring C everywhere must still be worth
 * C.
 */
static INLINE v8l total_classes(const smaa_problem *p, v8d total)
{
	const double rounding = 1 - 0x1p-40;
	v8l positive = total > 0;
	v8l k = -positive;
	for (int c = 1; c < 5; c++)
		k -= total >= p->class_values[c] * rounding;
	/* masked once at the end: gcc makes every target clone scalar when
	 * two comparisons are combined by & */
	return k & positive;
}

/* Likelihood rows A..E (0..4) of positions: below A counts as A. */
static INLINE v8l likelihood_rows(v8d position)
{
	v8l row = { 0 };
	for (int l = 1; l < 5; l++)
		row -= position >= l;
	return row;
}

/* The lanes' impact classes and diagram cells are found first, then
 * counted lane by lane across alternatives: consecutive increments hit
 * different counters, where one alternative's lanes, often in the same
 * class, would wait on each other. */
static HOT void count_classes(smaa_worker *w, size_t valid)
{
	const smaa_problem *p = w->p;
	size_t m = p->m;
	uint8_t *classes = w->classes, *cells = w->cells;
	for (size_t i = 0; i < m; i++)
		for (size_t b = 0; b < B; b += 8) {
			v8d total = load8(w->values + i * B + b);
			v8l k = total_classes(p, total);
			v8l row = w->cell_counts ? likelihood_rows(load8(
			                   w->likelihood + i * B + b))
			                         : (v8l){ 0 };
			v8l cell = row * 5 + k - ((total > 0) & 1);
			v8c k8 = __builtin_convertvector(k, v8c);
			v8c cell8 = __builtin_convertvector(cell, v8c);
			memcpy(classes + i * B + b, &k8, sizeof k8);
			memcpy(cells + i * B + b, &cell8, sizeof cell8);
		}
	for (size_t b = 0; b < valid; b++)
		for (size_t i = 0; i < m; i++) {
			if (w->class_counts)
				w->class_counts[i * 6 + classes[i * B + b]]++;
			if (w->cell_counts)
				w->cell_counts[i * 25 + cells[i * B + b]]++;
		}
}

static HOT void draw_likelihoods(smaa_worker *w, uint64_t first)
{
	const smaa_problem *p = w->p;
	smaa_random_bits(&w->likelihood_lanes, smaa_words_for(p->m), w->bits);
	for (size_t i = 0; i < p->m; i++) {
		const smaa_triangle *t = &p->likelihood[i];
		const uint32_t *row = w->bits + i * B;
		for (size_t b = 0; b < B; b += 8) {
			v8d l = t->degenerate
			                ? splat8(t->lo)
			                : triangle_v8(t, load8w(row + b));
			store8(w->likelihood + i * B + b, l);
			if (w->risk_counts)
				store8(w->risk + i * B + b,
				       load8(w->values + i * B + b) *
				               exp2_v8(l * p->likelihood_log2_base));
		}
	}
	/* a risk equal to an earlier one in every draw is that one's, bit
	 * for bit: its own product would round differently */
	for (size_t i = 0; w->risk && p->risk_twin && i < p->m; i++)
		if (p->risk_twin[i] != i)
			memcpy(w->risk + i * B, w->risk + p->risk_twin[i] * B,
			       B * sizeof *w->risk);
}

static size_t cloud_bin(double position)
{
	const double bins = NATRISK_SMAA_CLOUD_BINS;
	double at = floor(position * bins / 5);
	return at < 0 ? 0 : at >= bins ? (size_t)bins - 1 : (size_t)at;
}

/* Where each scenario falls in the diagram: likelihood position against
 * the impact position log_base(total). */
static void count_cloud(smaa_worker *w, size_t valid)
{
	const smaa_problem *p = w->p;
	const size_t bins = NATRISK_SMAA_CLOUD_BINS;
	for (size_t i = 0; i < p->m; i++)
		for (size_t b = 0; b < valid; b++) {
			double total = w->values[i * B + b];
			double impact = total > 0 ? log2(total) / p->log2_base : 0;
			size_t l = cloud_bin(w->likelihood[i * B + b]);
			w->cloud_counts[(i * bins + l) * bins + cloud_bin(impact)]++;
		}
}

/* The ranks of the batch's values: in single precision where the outputs
 * need no more (smaa_single.c), unless ties keep coming back. */
static void rank_alternatives(smaa_worker *w)
{
	const smaa_problem *p = w->p;
	uint32_t *skip = &w->rank_skip[0];
	if (w->ranks_only && *skip == 0) {
		if (smaa_rank_single(w))
			*skip = SMAA_SKIP_BATCHES;
		return;
	}
	value_alternatives(p, &w->measurement_lanes, w->weights, w->values);
	smaa_count_greater(p->m, w->values, w->greater, w->rank_single, skip);
}

int smaa_batch(smaa_worker *w, uint64_t first, size_t valid)
{
	const smaa_problem *p = w->p;
	size_t m = p->m, n = p->n;
	if (p->weights_plain)
		smaa_random_bits(&w->weight_lanes, smaa_words_for(n), w->bits);
	if (smaa_draw_weights(p, first, w->bits, w->weights,
	                      w->weight_scratch) != 0)
		return -1;
	rank_alternatives(w);
	if (w->pair_counts)
		count_pairs(w, valid);
	count_ranks(m, w->greater, w->rank_counts, valid);
	count_first(w, valid);
	if (p->likelihood && (w->cell_counts || w->risk_counts ||
	                      w->cloud_counts))
		draw_likelihoods(w, first);
	if (w->cloud_counts)
		count_cloud(w, valid);
	if (w->class_counts || w->cell_counts)
		count_classes(w, valid);
	if (w->risk_counts) {
		smaa_count_greater(m, w->risk, w->greater, w->rank_single,
		                   &w->rank_skip[1]);
		count_ranks(m, w->greater, w->risk_counts, valid);
	}
	return 0;
}

void smaa_chunk_begin(smaa_worker *w, uint64_t chunk)
{
	const uint32_t *key = w->p->key;
	smaa_lanes_seed(&w->weight_lanes, key, chunk, STREAM_WEIGHTS);
	smaa_lanes_seed(&w->measurement_lanes, key, chunk, STREAM_MEASUREMENTS);
	smaa_lanes_seed(&w->likelihood_lanes, key, chunk, STREAM_LIKELIHOOD);
}

void smaa_chunk_done(smaa_worker *w)
{
	size_t cells = w->p->m * w->p->n;
	for (size_t k = 0; k < cells; k++) {
		/* exact and order-free: whatever thread ran which chunk, the
		 * totals are the same bits */
		w->central_fixed[k] += (__int128)(w->central_chunk[k] * 0x1p64);
		w->central_chunk[k] = 0;
	}
	flush_pairs(w);
}

/* The single-precision draws' cells that draw words, listed once; the
 * exact ones take their value, rounded, in every lane for good. */
static void single_cells(smaa_worker *w)
{
	const smaa_problem *p = w->p;
	w->random_cell_count = 0;
	for (size_t k = 0; k < p->m * p->n; k++) {
		const smaa_triangle *t = &p->cells[k];
		if (!t->degenerate) {
			w->random_cells[w->random_cell_count++] = (uint32_t)k;
			continue;
		}
		v16f value = splat16f((float)t->constant);
		for (size_t h = 0; h < B / 16; h++)
			memcpy(w->draws_single + smaa_half_row(p, k, h), &value,
			       sizeof value);
	}
}

/* Rows of lanes start on a cache line, so that a 64-byte vector load
 * reads one line, not two: the arena promises 16-byte alignment. */
static void *lane_rows(arena *a, size_t count, size_t size)
{
	if (size && count > (SIZE_MAX - 64) / size)
		return NULL;
	unsigned char *p = arena_alloc(a, count * size + 63);
	return p ? p + (64 - (uintptr_t)p % 64) % 64 : NULL;
}

int smaa_worker_init(smaa_worker *w, const smaa_problem *p, unsigned outputs,
                     arena *a)
{
	size_t m = p->m, n = p->n;
	memset(w, 0, sizeof *w);
	w->p = p;
	w->outputs = outputs;
	w->weights = lane_rows(a, n * B, sizeof(double));
	w->weight_scratch = lane_rows(a, (n + 2) * B + 2 * n, sizeof(double));
	w->bits = lane_rows(a, smaa_words_for(m > n ? m : n),
	                      sizeof(uint32_t));
	w->values = lane_rows(a, m * B, sizeof(double));
	w->greater = lane_rows(a, m * B, sizeof(int32_t));
	w->rank_single = lane_rows(a, m * B, sizeof(float));
	w->rank_counts = arena_array(a, m * m, sizeof(uint64_t));
	w->first_counts = arena_array(a, m, sizeof(uint64_t));
	w->central_chunk = arena_array(a, m * n, sizeof(double));
	w->central_fixed = arena_array(a, m * n, sizeof(__int128));
	if (outputs & NATRISK_SMAA_CONFIDENCE) {
		w->confidence_counts = arena_array(a, m, sizeof(uint64_t));
		w->owner_rows = lane_rows(a, 48 * m, sizeof(float));
		w->owner_least = arena_array(a, m, sizeof(float));
		w->demand_drawn = arena_array(a, m, 1);
	}
	if (outputs & NATRISK_SMAA_PAIRWISE)
		w->pair_counts = arena_array(a, m * m, sizeof(uint64_t));
	if ((outputs & NATRISK_SMAA_PAIRWISE) && m <= 256)
		w->pair_bytes = lane_rows(a, m * m * B, 1);
	w->ranks = lane_rows(a, m * B, 1);
	w->classes = lane_rows(a, m * B, 1);
	w->cells = lane_rows(a, m * B, 1);
	if (p->likelihood && (outputs & NATRISK_SMAA_CLASSES))
		w->class_counts = arena_array(a, m * 6, sizeof(uint64_t));
	if (p->likelihood && (outputs & (NATRISK_SMAA_CELLS | NATRISK_SMAA_RISK |
	                                 NATRISK_SMAA_CLOUD)))
		w->likelihood = lane_rows(a, m * B, sizeof(double));
	if (p->likelihood && (outputs & NATRISK_SMAA_CLOUD))
		w->cloud_counts = arena_array(a, m * NATRISK_SMAA_CLOUD_BINS *
		                                 NATRISK_SMAA_CLOUD_BINS,
		                              sizeof(uint64_t));
	if (p->likelihood && (outputs & NATRISK_SMAA_CELLS))
		w->cell_counts = arena_array(a, m * 25, sizeof(uint64_t));
	if (p->likelihood && (outputs & NATRISK_SMAA_RISK)) {
		w->risk = lane_rows(a, m * B, sizeof(double));
		w->risk_counts = arena_array(a, m * m, sizeof(uint64_t));
	}
	w->ranks_only = !(outputs & (NATRISK_SMAA_CLASSES | NATRISK_SMAA_CELLS |
	                             NATRISK_SMAA_RISK | NATRISK_SMAA_CLOUD)) &&
	                m <= SMAA_SINGLE_ALTERNATIVES;
	bool single = w->ranks_only || (outputs & NATRISK_SMAA_CONFIDENCE);
	if (single) {
		w->draws_single = lane_rows(a, m * n * B, sizeof(float));
		w->steps = lane_rows(a, m * n * SMAA_KEPT_WORDS,
		                     sizeof(uint64_t));
		w->random_cells = arena_array(a, m * n, sizeof(uint32_t));
		if (w->draws_single && w->random_cells && m * n <= UINT32_MAX)
			single_cells(w);
	}
	if (w->ranks_only) {
		w->weights_single = lane_rows(a, n * B, sizeof(float));
		w->rank_high = lane_rows(a, m * B, sizeof(float));
		w->lane_bounds = lane_rows(a, 2 * m, sizeof(float));
	}
	int ok = w->weights && w->weight_scratch && w->bits && w->values &&
	         w->ranks && w->classes && w->cells && w->greater &&
	         w->rank_single &&
	         w->rank_counts && w->first_counts &&
	         w->central_chunk && w->central_fixed;
	if (outputs & NATRISK_SMAA_CONFIDENCE)
		ok = ok && w->confidence_counts && w->owner_rows &&
		     w->owner_least && w->demand_drawn;
	if (single)
		ok = ok && w->draws_single && w->steps && w->random_cells &&
		     m * n <= UINT32_MAX;
	if (w->ranks_only)
		ok = ok && w->weights_single && w->rank_high && w->lane_bounds;
	if (outputs & NATRISK_SMAA_PAIRWISE)
		ok = ok && w->pair_counts && (m > 256 || w->pair_bytes);
	if (p->likelihood) {
		unsigned wants = outputs;
		ok = ok && (!(wants & NATRISK_SMAA_CLASSES) || w->class_counts);
		ok = ok && (!(wants & NATRISK_SMAA_CELLS) || w->cell_counts);
		ok = ok && (!(wants & NATRISK_SMAA_RISK) ||
		            (w->risk && w->risk_counts));
		ok = ok && (!(wants & NATRISK_SMAA_CLOUD) || w->cloud_counts);
		ok = ok && (!(wants & (NATRISK_SMAA_CELLS | NATRISK_SMAA_RISK |
		                       NATRISK_SMAA_CLOUD)) ||
		            w->likelihood);
	}
	return ok ? 0 : -1;
}
