/*
 * smaa_kernel.c - see smaa_kernel.h. Every loop over b runs over the lanes
 * of a batch; the hot ones are written so that gcc vectorises them, and the
 * file is built with -O3 and target clones for AVX-512, AVX2 and plain
 * x86-64. No allocation happens here after smaa_worker_init.
 *
 * Values are exact where the method is exact: a degenerate score (LL = EV =
 * UL) yields its class value bit for bit; other draws go through an exp2
 * polynomial accurate to a few units in the last place.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "philox.h"
#include "smaa_kernel.h"

#define B SMAA_BATCH

#include "simd.h"



#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
	!defined(__SANITIZE_ADDRESS__)
#define HOT __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define HOT
#endif

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

typedef uint64_t v8u __attribute__((vector_size(64)));
typedef uint32_t v8w __attribute__((vector_size(32)));

static inline v8u rotl8(v8u x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* COUNT words (a multiple of 2 * SMAA_LANES) into BITS. Written with
 * vector types: gcc does not vectorise the rotations on its own. */
static HOT void random_bits(smaa_lanes *l, size_t count, uint32_t *bits)
{
	v8u s0, s1, s2, s3;
	memcpy(&s0, l->s[0], sizeof s0);
	memcpy(&s1, l->s[1], sizeof s1);
	memcpy(&s2, l->s[2], sizeof s2);
	memcpy(&s3, l->s[3], sizeof s3);
	for (size_t k = 0; k < count; k += 2 * SMAA_LANES) {
		v8u out = rotl8(s0 + s3, 23) + s0;
		v8u t = s1 << 17;
		s2 ^= s0;
		s3 ^= s1;
		s1 ^= s2;
		s0 ^= s3;
		s2 ^= t;
		s3 = rotl8(s3, 45);
		v8w low = __builtin_convertvector(out, v8w);
		v8w high = __builtin_convertvector(out >> 32, v8w);
		memcpy(bits + k, &low, sizeof low);
		memcpy(bits + k + SMAA_LANES, &high, sizeof high);
	}
	memcpy(l->s[0], &s0, sizeof s0);
	memcpy(l->s[1], &s1, sizeof s1);
	memcpy(l->s[2], &s2, sizeof s2);
	memcpy(l->s[3], &s3, sizeof s3);
}

/* Words for ROWS rows of B lanes, rounded up to whole generator steps. */
static size_t words_for(size_t rows)
{
	size_t words = rows * B, step = 2 * SMAA_LANES;
	return (words + step - 1) / step * step;
}

/* 2^y for |y| < 1000: 2^round(y) times the degree-11 Taylor polynomial of
 * e^t, |t| <= ln(2)/2, whose relative error stays below 1e-14. */
static inline double exp2_poly(double y)
{
	double k = floor(y + 0.5);
	double t = (y - k) * 0x1.62e42fefa39efp-1; /* ln 2 */
	double r = 1.0 / 39916800;
	r = r * t + 1.0 / 3628800;
	r = r * t + 1.0 / 362880;
	r = r * t + 1.0 / 40320;
	r = r * t + 1.0 / 5040;
	r = r * t + 1.0 / 720;
	r = r * t + 1.0 / 120;
	r = r * t + 1.0 / 24;
	r = r * t + 1.0 / 6;
	r = r * t + 0.5;
	r = r * t + 1;
	r = r * t + 1;
	/* 2^k through the exponent bits: k + 1023 in the low bits of
	 * 2^52 + k + 1023, shifted into place */
	double biased = k + (0x1p52 + 1023);
	uint64_t bits;
	memcpy(&bits, &biased, sizeof bits);
	bits <<= 52;
	double scale;
	memcpy(&scale, &bits, sizeof scale);
	return r * scale;
}

/*
 * A triangular position from two uniforms, without a square root: the
 * triangle is the mixture of its rising part (probability SPLIT, density
 * like that of the larger of two uniforms) and its falling part (like the
 * smaller of two). The first uniform picks the part and, rescaled, serves
 * as one of the two.
 */
static inline double triangle_position(const smaa_triangle *t, uint32_t w0,
                                       uint32_t w1)
{
	double u0 = ((double)w0 + 0.5) * 0x1p-32;
	double u1 = ((double)w1 + 0.5) * 0x1p-32;
	/* ternaries, not fmax/fmin: those keep NaN rules that block SIMD */
	double scaled = u0 * t->to_left;
	double rise = scaled > u1 ? scaled : u1;
	double rest = (u0 - t->split) * t->to_right;
	double fall = rest < u1 ? rest : u1;
	return u0 < t->split ? t->lo + (t->mode - t->lo) * rise
	                     : t->mode + (t->hi - t->mode) * fall;
}

static inline double position_value(const smaa_problem *p, double position)
{
	double linear = p->x_value + p->x_slope * (position - p->x_position);
	double power = exp2_poly(position * p->log2_base);
	return position < 0 ? linear : power;
}

/* Values of cell T for each lane. Most cells never reach below A, and
 * skip the linear stretch towards X. */
static HOT void cell_values(const smaa_problem *p, const smaa_triangle *t,
                            const uint32_t *bits, double *x)
{
	const uint32_t *other = bits + B;
	if (t->degenerate) {
		for (size_t b = 0; b < B; b++)
			x[b] = t->constant;
	} else if (t->lo >= 0) {
		for (size_t b = 0; b < B; b++)
			x[b] = exp2_poly(triangle_position(t, bits[b], other[b]) *
			                 p->log2_base);
	} else {
		for (size_t b = 0; b < B; b++)
			x[b] = position_value(
				p, triangle_position(t, bits[b], other[b]));
	}
}

/* V[b] += W[b] * value of cell T for each lane. */
static HOT void add_cell(const smaa_problem *p, const smaa_triangle *t,
                         const uint32_t *bits, const double *w, double *v,
                         double *x)
{
	cell_values(p, t, bits, x);
	for (size_t b = 0; b < B; b++)
		v[b] += w[b] * x[b];
}

/* greater[i][b] = #{j : v[j][b] > v[i][b]}, as 64-bit integers; PAIRS[j *
 * m + i] += that indicator summed over the valid lanes, when PAIRS is
 * given. Written with vector types so that each alternative's counts stay
 * in registers while it is compared with every other. */
static HOT void count_greater(size_t m, const double *v, int64_t *greater,
                              uint64_t *pairs, size_t valid)
{
	enum { V = B / 8 };
	for (size_t i = 0; i < m; i++) {
		v8d mine[V];
		v8l count[V];
		for (size_t q = 0; q < V; q++) {
			mine[q] = load8(v + i * B + 8 * q);
			count[q] = (v8l){ 0 };
		}
		for (size_t j = 0; j < m; j++)
			for (size_t q = 0; q < V; q++)
				count[q] -= load8(v + j * B + 8 * q) > mine[q];
		memcpy(greater + i * B, count, sizeof count);
		if (!pairs)
			continue;
		for (size_t j = 0; j < m; j++) {
			uint64_t wins = 0;
			for (size_t b = 0; b < valid; b++)
				wins += v[j * B + b] > v[i * B + b];
			if (j != i)
				pairs[j * m + i] += wins;
		}
	}
}

static void count_ranks(size_t m, const int64_t *greater, uint64_t *counts,
                        size_t valid)
{
	for (size_t i = 0; i < m; i++)
		for (size_t b = 0; b < valid; b++)
			counts[i * m + (size_t)greater[i * B + b]]++;
}

static void count_first(smaa_worker *w, size_t valid)
{
	size_t m = w->p->m, n = w->p->n;
	for (size_t i = 0; i < m; i++)
		for (size_t b = 0; b < valid; b++) {
			if (w->greater[i * B + b] != 0)
				continue;
			w->first_counts[i]++;
			if (!(w->outputs & NATRISK_SMAA_CENTRAL))
				continue;
			double *sum = w->central_chunk + i * n;
			for (size_t c = 0; c < n; c++)
				sum[c] += w->weights[c * B + b];
		}
}

/* Impact class of a total: X (0), then A..E (1..5). A total within
 * rounding of a class value belongs to that class: weights that are not
 * dyadic fractions (a Dirichlet draw) sum to 1 only within an ulp, and a
 * scenario scoring C everywhere must still be worth C. */
static int total_class(const smaa_problem *p, double total)
{
	if (!(total > 0))
		return 0;
	const double rounding = 1 - 0x1p-40;
	int k = 0;
	while (k < 4 && total >= p->class_values[k + 1] * rounding)
		k++;
	return k + 1;
}

static void count_classes(smaa_worker *w, size_t valid)
{
	const smaa_problem *p = w->p;
	for (size_t i = 0; i < p->m; i++)
		for (size_t b = 0; b < valid; b++) {
			int k = total_class(p, w->values[i * B + b]);
			if (w->class_counts)
				w->class_counts[i * 6 + (size_t)k]++;
			if (!w->cell_counts)
				continue;
			double l = floor(w->likelihood[i * B + b]);
			size_t row = l < 0 ? 0 : l > 4 ? 4 : (size_t)l;
			size_t column = k == 0 ? 0 : (size_t)(k - 1);
			w->cell_counts[i * 25 + row * 5 + column]++;
		}
}

static HOT void draw_likelihoods(smaa_worker *w, uint64_t first)
{
	const smaa_problem *p = w->p;
	random_bits(&w->likelihood_lanes, words_for(2 * p->m), w->bits);
	for (size_t i = 0; i < p->m; i++) {
		const smaa_triangle *t = &p->likelihood[i];
		double *l = w->likelihood + i * B;
		for (size_t b = 0; b < B; b++)
			l[b] = t->degenerate
			               ? t->lo
			               : triangle_position(t, w->bits[2 * i * B + b],
			                                   w->bits[(2 * i + 1) * B + b]);
		if (!w->risk_counts)
			continue;
		double *r = w->risk + i * B;
		const double *v = w->values + i * B;
		for (size_t b = 0; b < B; b++)
			r[b] = v[b] * exp2_poly(l[b] * p->likelihood_log2_base);
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

int smaa_batch(smaa_worker *w, uint64_t first, size_t valid)
{
	const smaa_problem *p = w->p;
	size_t m = p->m, n = p->n;
	if (p->weights_plain)
		random_bits(&w->weight_lanes, words_for(n), w->bits);
	if (smaa_draw_weights(p, first, w->bits, w->weights,
	                      w->weight_scratch) != 0)
		return -1;
	random_bits(&w->measurement_lanes, words_for(2 * m * n), w->bits);
	for (size_t i = 0; i < m; i++) {
		double *v = w->values + i * B;
		for (size_t b = 0; b < B; b++)
			v[b] = 0;
		for (size_t c = 0; c < n; c++)
			add_cell(p, &p->cells[i * n + c],
			         w->bits + 2 * (i * n + c) * B, w->weights + c * B, v,
			         w->cell);
	}
	count_greater(m, w->values, w->greater, w->pair_counts, valid);
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
		count_greater(m, w->risk, w->greater, NULL, valid);
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
}

#define OWNERS 6 /* central-weight owners valued together */

/* Whether owner I ranks first on lane B, valued in double precision:
 * the exact answer where single precision could not tell. */
static bool first_exactly(const smaa_worker *w, const smaa_block *k,
                          size_t q, size_t b)
{
	size_t n = w->p->n, i = k->owners[q];
	double own = 0;
	for (size_t c = 0; c < n; c++)
		own += k->coef[c * OWNERS + q] * w->draws[(i * n + c) * B + b];
	for (size_t r = 0; r < k->rival_count; r++) {
		size_t j = k->rivals[r];
		double value = 0;
		for (size_t c = 0; c < n; c++)
			value += k->coef[c * OWNERS + q] *
			         w->draws[(j * n + c) * B + b];
		if (j != i && value > own)
			return false;
	}
	return true;
}

/*
 * For a block of owners, on sixteen lanes from LANE: whether each owner
 * ranks first when every rival is valued with the owner's central weights.
 * A first look in single precision (twice the lanes of double) decides all
 * but the near ties; values are sums of non-negative terms, so single
 * precision is off by at most (n + 2) * 2^-24 of each value, and any lane
 * whose margin is within four times that is decided again in double. The
 * result is that of a double-precision comparison.
 */
static HOT void confidence_block(const smaa_worker *w, const smaa_block *k,
                                 size_t lane, uint64_t *wins, size_t valid)
{
	size_t n = w->p->n;
	v16f best[OWNERS], own[OWNERS];
	for (size_t q = 0; q < OWNERS; q++)
		best[q] = own[q] = splat16f(-INFINITY);
	for (size_t r = 0; r < k->rival_count; r++) {
		size_t j = k->rivals[r];
		const float *x = w->draws_single + j * n * B + lane;
		/* written out: gcc must keep these six sums in registers */
		v16f s0 = splat16f(0), s1 = s0, s2 = s0, s3 = s0, s4 = s0,
		     s5 = s0;
		for (size_t c = 0; c < n; c++) {
			v16f draw = load16f(x + c * B);
			const float *coef = k->coef_single + c * OWNERS;
			s0 += draw * coef[0];
			s1 += draw * coef[1];
			s2 += draw * coef[2];
			s3 += draw * coef[3];
			s4 += draw * coef[4];
			s5 += draw * coef[5];
		}
		v16f sums[OWNERS] = { s0, s1, s2, s3, s4, s5 };
		for (size_t q = 0; q < k->count; q++) {
			if (k->owners[q] == j)
				own[q] = sums[q];
			else
				best[q] = max16f(best[q], sums[q]);
		}
	}
	float margin = 4.0f * (float)(n + 2) * 0x1p-24f;
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
		for (int b = 0; any_unsure && b < 16; b++)
			if (unsure[b])
				wins[k->owners[q]] +=
					first_exactly(w, k, q, lane + (size_t)b);
	}
}

void smaa_confidence_batch(smaa_worker *w, size_t valid,
                           const smaa_block *blocks, size_t block_count)
{
	const smaa_problem *p = w->p;
	size_t m = p->m, n = p->n;
	random_bits(&w->measurement_lanes, words_for(2 * m * n), w->bits);
	for (size_t k = 0; k < m * n; k++)
		cell_values(p, &p->cells[k], w->bits + 2 * k * B,
		            w->draws + k * B);
	for (size_t k = 0; k < m * n * B; k++)
		w->draws_single[k] = (float)w->draws[k];
	for (size_t k = 0; k < block_count; k++)
		for (size_t lane = 0; lane < valid; lane += 16)
			confidence_block(w, &blocks[k], lane,
			                 w->confidence_counts, valid);
}

int smaa_worker_init(smaa_worker *w, const smaa_problem *p, unsigned outputs,
                     arena *a)
{
	size_t m = p->m, n = p->n;
	memset(w, 0, sizeof *w);
	w->p = p;
	w->outputs = outputs;
	w->weights = arena_array(a, n * B, sizeof(double));
	w->weight_scratch = arena_array(a, (n + 2) * B + 2 * n, sizeof(double));
	w->bits = arena_array(a, words_for(2 * m * n > n ? 2 * m * n : n),
	                      sizeof(uint32_t));
	w->values = arena_array(a, m * B, sizeof(double));
	w->cell = arena_array(a, B, sizeof(double));
	w->greater = arena_array(a, m * B, sizeof(int64_t));
	w->rank_counts = arena_array(a, m * m, sizeof(uint64_t));
	w->first_counts = arena_array(a, m, sizeof(uint64_t));
	w->central_chunk = arena_array(a, m * n, sizeof(double));
	w->central_fixed = arena_array(a, m * n, sizeof(__int128));
	if (outputs & NATRISK_SMAA_CONFIDENCE) {
		w->draws = arena_array(a, m * n * B, sizeof(double));
		w->draws_single = arena_array(a, m * n * B, sizeof(float));
		w->confidence_counts = arena_array(a, m, sizeof(uint64_t));
	}
	if (outputs & NATRISK_SMAA_PAIRWISE)
		w->pair_counts = arena_array(a, m * m, sizeof(uint64_t));
	if (p->likelihood && (outputs & NATRISK_SMAA_CLASSES))
		w->class_counts = arena_array(a, m * 6, sizeof(uint64_t));
	if (p->likelihood && (outputs & (NATRISK_SMAA_CELLS | NATRISK_SMAA_RISK |
	                                 NATRISK_SMAA_CLOUD)))
		w->likelihood = arena_array(a, m * B, sizeof(double));
	if (p->likelihood && (outputs & NATRISK_SMAA_CLOUD))
		w->cloud_counts = arena_array(a, m * NATRISK_SMAA_CLOUD_BINS *
		                                 NATRISK_SMAA_CLOUD_BINS,
		                              sizeof(uint64_t));
	if (p->likelihood && (outputs & NATRISK_SMAA_CELLS))
		w->cell_counts = arena_array(a, m * 25, sizeof(uint64_t));
	if (p->likelihood && (outputs & NATRISK_SMAA_RISK)) {
		w->risk = arena_array(a, m * B, sizeof(double));
		w->risk_counts = arena_array(a, m * m, sizeof(uint64_t));
	}
	int ok = w->weights && w->weight_scratch && w->bits && w->values &&
	         w->cell &&
	         w->greater && w->rank_counts && w->first_counts &&
	         w->central_chunk && w->central_fixed;
	if (outputs & NATRISK_SMAA_CONFIDENCE)
		ok = ok && w->draws && w->draws_single && w->confidence_counts;
	if (outputs & NATRISK_SMAA_PAIRWISE)
		ok = ok && w->pair_counts;
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
