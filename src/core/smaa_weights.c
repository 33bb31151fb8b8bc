/*
 * smaa_weights.c - drawing weight vectors for the stochastic analysis.
 *
 * Uniform on the simplex (method.md section 7): n - 1 uniforms, sorted, with
 * 0 and 1 added, differences taken; the uniforms come from the worker's
 * per-chunk weight stream. The sort runs lane by lane over a batch
 * of iterations as an insertion network of min/max steps, which the
 * compiler turns into SIMD.
 *
 * Ordinal constraints that form disjoint chains (a > b > c, d > e) are met
 * exactly without rejection: a uniform draw is folded into the ordered
 * region by sorting the chain's weights, which maps each of the k! orders
 * onto the one wanted with the same volume (true of uniform weights, whose
 * density does not change when coordinates are exchanged; a Dirichlet
 * around a profile goes through rejection instead). Other orders, intervals and the
 * Dirichlet draws around a profile go through a per-iteration stream and
 * rejection sampling.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "error.h"
#include "philox.h"
#include "simd.h"
#include "smaa_kernel.h"

enum { MAX_ATTEMPTS = 1 << 16 };

/* A sequential stream of uniforms for one iteration and attempt. */
typedef struct unit_stream {
	uint32_t counter[4];
	uint32_t words[4];
	int used;
	const uint32_t *key;
} unit_stream;

static void stream_start(unit_stream *s, const smaa_problem *p,
                         uint64_t iteration, uint32_t attempt)
{
	s->counter[0] = (uint32_t)iteration;
	s->counter[1] = (uint32_t)(iteration >> 32);
	s->counter[2] = STREAM_WEIGHTS | (attempt << 8);
	s->counter[3] = 0;
	s->used = 4;
	s->key = p->key;
}

static double stream_unit(unit_stream *s)
{
	if (s->used == 4) {
		philox4x32(s->counter, s->key, s->words);
		s->counter[3]++;
		s->used = 0;
	}
	return philox_unit(s->words[s->used++]);
}

static void simplex_scalar(unit_stream *s, size_t n, double *w,
                           double *cuts)
{
	for (size_t c = 0; c + 1 < n; c++)
		cuts[c] = stream_unit(s);
	sort_ascending(cuts, n - 1);
	double previous = 0;
	for (size_t c = 0; c + 1 < n; c++) {
		w[c] = cuts[c] - previous;
		previous = cuts[c];
	}
	w[n - 1] = 1 - previous;
}

/* Marsaglia & Tsang (2000), with Box-Muller normals. */
static double gamma_draw(unit_stream *s, double alpha)
{
	if (alpha < 1) {
		double boost = pow(stream_unit(s), 1 / alpha);
		return gamma_draw(s, alpha + 1) * boost;
	}
	double d = alpha - 1.0 / 3, c = 1 / sqrt(9 * d);
	for (;;) {
		double z = sqrt(-2 * log(stream_unit(s))) *
		           cos(2 * M_PI * stream_unit(s));
		double v = 1 + c * z;
		if (v <= 0)
			continue;
		v = v * v * v;
		double u = stream_unit(s);
		if (log(u) < 0.5 * z * z + d - d * v + d * log(v))
			return d * v;
	}
}

static void dirichlet_scalar(const smaa_problem *p, unit_stream *s, double *w)
{
	const natrisk_smaa_weights *spec = &p->weights;
	double sum = 0;
	for (size_t c = 0; c < p->n; c++) {
		double alpha = spec->concentration * spec->mean[c];
		w[c] = alpha > 0 ? gamma_draw(s, alpha) : 0;
		sum += w[c];
	}
	for (size_t c = 0; c < p->n; c++)
		w[c] = sum > 0 ? w[c] / sum : 1.0 / p->n;
}

/* Puts each chain's weights in decreasing order along the chain. */
static void fold_chains(const smaa_problem *p, double *w, double *scratch)
{
	for (size_t k = 0; k < p->chain_count; k++) {
		size_t first = p->chain_starts[k], count =
			p->chain_starts[k + 1] - first;
		for (size_t j = 0; j < count; j++)
			scratch[j] = w[p->chain_members[first + j]];
		sort_ascending(scratch, count);
		for (size_t j = 0; j < count; j++)
			w[p->chain_members[first + j]] = scratch[count - 1 - j];
	}
}

static int satisfies(const smaa_problem *p, const double *w)
{
	const natrisk_smaa_weights *spec = &p->weights;
	for (size_t k = 0; k < spec->order_count; k++)
		if (w[spec->greater[k]] < w[spec->lesser[k]])
			return 0;
	for (size_t c = 0; spec->lower && c < p->n; c++)
		if (w[c] < spec->lower[c] || w[c] > spec->upper[c])
			return 0;
	return 1;
}

/* One constrained weight vector for ITERATION; -1 when none was found. */
static int draw_constrained(const smaa_problem *p, uint64_t iteration,
                            double *w, double *scratch)
{
	for (uint32_t attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		unit_stream s;
		stream_start(&s, p, iteration, attempt);
		if (p->weights.mean)
			dirichlet_scalar(p, &s, w);
		else
			simplex_scalar(&s, p->n, w, scratch);
		fold_chains(p, w, scratch);
		if (!p->needs_rejection || satisfies(p, w))
			return 0;
	}
	return -1;
}

int smaa_draw_weights_one(const smaa_problem *p, uint64_t iteration,
                          double *w, double *scratch)
{
	return draw_constrained(p, iteration, w, scratch);
}

/* The plain case for a whole batch, lane by lane. */
static HOT void simplex_batch(const smaa_problem *p, const uint32_t *bits,
                          double *w, double *cuts)
{
	size_t n = p->n;
	for (size_t k = 0; k + 1 < n; k++)
		for (size_t b = 0; b < SMAA_BATCH; b++)
			cuts[k * SMAA_BATCH + b] =
				philox_unit(bits[k * SMAA_BATCH + b]);
	/* insertion network: sorts every lane at once */
	for (size_t j = 1; j + 1 < n; j++)
		for (size_t k = j; k > 0; k--) {
			double *lo = cuts + (k - 1) * SMAA_BATCH;
			double *hi = cuts + k * SMAA_BATCH;
			for (size_t b = 0; b < SMAA_BATCH; b += 8) {
				v8d a = load8(lo + b), c = load8(hi + b);
				store8(lo + b, min8(a, c));
				store8(hi + b, max8(a, c));
			}
		}
	for (size_t b = 0; b < SMAA_BATCH; b++)
		w[b] = n > 1 ? cuts[b] : 1;
	for (size_t c = 1; c + 1 < n; c++)
		for (size_t b = 0; b < SMAA_BATCH; b++)
			w[c * SMAA_BATCH + b] = cuts[c * SMAA_BATCH + b] -
			                        cuts[(c - 1) * SMAA_BATCH + b];
	if (n > 1)
		for (size_t b = 0; b < SMAA_BATCH; b++)
			w[(n - 1) * SMAA_BATCH + b] =
				1 - cuts[(n - 2) * SMAA_BATCH + b];
}

int smaa_draw_weights(const smaa_problem *p, uint64_t first,
                      const uint32_t *bits, double *w, double *scratch)
{
	if (p->weights_plain) {
		simplex_batch(p, bits, w, scratch);
		return 0;
	}
	double *one = scratch + p->n; /* scratch holds 2n + BATCH * n */
	for (size_t b = 0; b < SMAA_BATCH; b++) {
		if (draw_constrained(p, first + b, one, scratch) != 0)
			return -1;
		for (size_t c = 0; c < p->n; c++)
			w[c * SMAA_BATCH + b] = one[c];
	}
	return 0;
}

/* Whether the pairs form disjoint paths; if so, lists them as chains. */
static int chains_from_pairs(smaa_problem *p, arena *a)
{
	const natrisk_smaa_weights *spec = &p->weights;
	size_t n = p->n;
	long *next = arena_array(a, n, sizeof *next);
	long *prev = arena_array(a, n, sizeof *prev);
	p->chain_members = arena_array(a, n + 1, sizeof *p->chain_members);
	p->chain_starts = arena_array(a, n + 2, sizeof *p->chain_starts);
	if (!next || !prev || !p->chain_members || !p->chain_starts)
		return -1;
	for (size_t c = 0; c < n; c++)
		next[c] = prev[c] = -1;
	for (size_t k = 0; k < spec->order_count; k++) {
		size_t g = spec->greater[k], l = spec->lesser[k];
		if (next[g] >= 0 || prev[l] >= 0)
			return 0; /* branching: not a set of chains */
		next[g] = (long)l;
		prev[l] = (long)g;
	}
	size_t count = 0, members = 0;
	for (size_t c = 0; c < n; c++) {
		if (prev[c] >= 0 || next[c] < 0)
			continue; /* not the head of a chain */
		p->chain_starts[count++] = members;
		for (long at = (long)c; at >= 0 && members < n; at = next[at])
			p->chain_members[members++] = (size_t)at;
	}
	p->chain_starts[count] = members;
	p->chain_count = count;
	/* a cycle has no head: its members were never reached */
	return members == (size_t)spec->order_count + count ? 1 : 0;
}

/* Intervals with either side missing default to [0, 1]. */
static int complete_intervals(smaa_problem *p, arena *a)
{
	natrisk_smaa_weights *spec = &p->weights;
	double *lower = arena_array(a, p->n, sizeof *lower);
	double *upper = arena_array(a, p->n, sizeof *upper);
	if (!lower || !upper)
		return NATRISK_ENOMEM;
	for (size_t c = 0; c < p->n; c++) {
		lower[c] = spec->lower ? spec->lower[c] : 0;
		upper[c] = spec->upper ? spec->upper[c] : 1;
	}
	spec->lower = lower;
	spec->upper = upper;
	return 0;
}

static int check_dirichlet(const smaa_problem *p)
{
	const natrisk_smaa_weights *spec = &p->weights;
	double sum = 0;
	for (size_t c = 0; c < p->n; c++) {
		if (!(spec->mean[c] >= 0))
			return error_set(NATRISK_EINVALID, "the mean weight of "
			                 "criterion %zu is not a number >= 0",
			                 c + 1);
		sum += spec->mean[c];
	}
	if (!(sum > 0) || !(spec->concentration > 0) ||
	    !isfinite(spec->concentration))
		return error_set(NATRISK_EINVALID, "a Dirichlet needs mean "
		                 "weights summing above 0 and a concentration "
		                 "above 0");
	return 0;
}

static int check_order_pairs(const smaa_problem *p)
{
	const natrisk_smaa_weights *spec = &p->weights;
	for (size_t k = 0; k < spec->order_count; k++)
		if (spec->greater[k] >= p->n || spec->lesser[k] >= p->n)
			return error_set(NATRISK_EINVALID, "ordinal constraint "
			                 "%zu names criterion %zu of %zu", k + 1,
			                 spec->greater[k] >= p->n
			                         ? spec->greater[k] + 1
			                         : spec->lesser[k] + 1,
			                 p->n);
	return 0;
}

static int check_intervals(const smaa_problem *p)
{
	const natrisk_smaa_weights *spec = &p->weights;
	double low = 0, high = 0;
	for (size_t c = 0; c < p->n; c++) {
		if (!(spec->lower[c] >= 0 && spec->upper[c] <= 1 &&
		      spec->lower[c] <= spec->upper[c]))
			return error_set(NATRISK_EINVALID, "weight interval %zu "
			                 "must lie within [0, 1], lower <= "
			                 "upper", c + 1);
		low += spec->lower[c];
		high += spec->upper[c];
	}
	if (low > 1 || high < 1)
		return error_set(NATRISK_EINVALID, "no weights within the "
		                 "intervals sum to 1 (lower limits sum to %g, "
		                 "upper limits to %g)", low, high);
	return 0;
}

static int check_reachable(const smaa_problem *p, arena *a)
{
	double *w = arena_array(a, 3 * p->n + 2, sizeof *w);
	if (!w)
		return NATRISK_ENOMEM;
	/* the first iterations must find weights well within the budget */
	for (uint64_t k = 0; k < 16; k++)
		if (draw_constrained(p, k, w, w + p->n + 1) != 0)
			return error_set(NATRISK_EINVALID, "the weight "
			                 "constraints leave too little room: no "
			                 "weights met them in %d draws",
			                 MAX_ATTEMPTS);
	return 0;
}

int smaa_weights_prepare(smaa_problem *p, arena *a)
{
	const natrisk_smaa_weights *spec = &p->weights;
	p->chain_count = 0;
	p->needs_rejection = spec->lower || spec->upper;
	int rc = check_order_pairs(p);
	if (rc == 0 && spec->mean)
		rc = check_dirichlet(p);
	if (rc == 0 && p->needs_rejection &&
	    (rc = complete_intervals(p, a)) == 0)
		rc = check_intervals(p);
	if (rc)
		return rc;
	if (spec->order_count) {
		int chains = chains_from_pairs(p, a);
		if (chains < 0)
			return NATRISK_ENOMEM;
		/* Folding is conditioning only for an exchangeable draw:
		 * uniform weights, not a Dirichlet around a profile. */
		if (!chains || spec->mean) {
			p->chain_count = 0;
			p->needs_rejection = 1;
		}
	}
	p->weights_plain = !spec->mean && !spec->order_count && !spec->lower;
	if (p->weights_plain)
		return 0;
	return check_reachable(p, a);
}
