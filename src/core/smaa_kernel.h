/*
 * smaa_kernel.h - the arithmetic of one batch of SMAA_BATCH iterations,
 * laid out lane by lane (one lane per iteration) so that the compiler
 * vectorises it: random bits, triangular draws mapped to values, weighted
 * sums, ranks by pairwise comparison (smaa_rank.c), and the accumulators
 * of one worker.
 */
#ifndef NATRISK_SMAA_KERNEL_H
#define NATRISK_SMAA_KERNEL_H

#include "simd.h" /* HOT */
#include "smaa_model.h"


/*
 * An alternative with central weights (an owner) in the confidence pass:
 * its weights (COEF, and the same in single precision), and the
 * alternatives that could ever beat it under them (its rivals), highest
 * CEILING first: the most each can be worth under the owner's weights,
 * rounded up for the single-precision comparison. The others cannot change
 * whether the owner ranks first, and are never valued; the pass values
 * the rivals in this order and stops at the first whose ceiling lies below
 * the owner in every lane it could still win.
 */
typedef struct smaa_owner {
	size_t alternative;
	double *coef;
	float *coef_single;
	size_t *rivals;
	float *ceiling;
	size_t rival_count;
} smaa_owner;

/* The rivals every owner values before it looks at the lanes still open
 * (smaa_confidence.c): most lanes a rival closes, the strongest close.
 * Fewer leave more to the loop whose end waits on the values (3 was 3%
 * slower than 6 on the reference workload, 9 no faster). */
#define SMAA_FIRST_RIVALS 6

/* How the confidence pass draws an alternative: not at all (nobody's
 * owner or rival), with every batch (an owner, or one of an owner's first
 * rivals), or only when a lane group needs it (a later rival, which the
 * owners' lanes are often closed before: its generator steps are kept and
 * drawn from on demand). */
enum { SMAA_UNDRAWN = 0, SMAA_DRAWN = 1, SMAA_ON_DEMAND = 2 };

/* The confidence pass's plan (smaa.c): its owners, and how each
 * alternative is drawn (VALUED[i], one of the above). */
typedef struct smaa_confidence_plan {
	smaa_owner *owners;
	size_t owner_count;
	uint8_t *valued;
} smaa_confidence_plan;

/* FIRST[i]: the first alternative that is an exact copy of i (every cell
 * degenerate, the same values), else i; in A. NULL when out of memory. */
size_t *smaa_exact_copies(const smaa_problem *p, arena *a);

typedef struct smaa_lanes {
	uint64_t s[4][SMAA_LANES]; /* xoshiro256++ state, lane by lane */
} smaa_lanes;

void smaa_lanes_seed(smaa_lanes *l, const uint32_t key[2], uint64_t chunk,
                     uint32_t stream);
/* COUNT words (a multiple of 2 * SMAA_LANES) into BITS. */
void smaa_random_bits(smaa_lanes *l, size_t count, uint32_t *bits);
/* Words for ROWS rows of SMAA_BATCH lanes, in whole generator steps. */
size_t smaa_words_for(size_t rows);

typedef struct smaa_worker {
	const smaa_problem *p;
	unsigned outputs;
	smaa_lanes weight_lanes, measurement_lanes, likelihood_lanes;
	/* scratch, SMAA_BATCH lanes per row */
	double *weights;        /* n rows */
	double *weight_scratch; /* (n + 2) rows + 2n */
	uint32_t *bits;         /* n or m rows: words of the weights and of
	                           the likelihoods */
	bool ranks_only;        /* the outputs need no value but the ranks */
	float *draws_single;    /* m * n rows (confidence pass, and the main
	                           pass when ranks_only); an exact cell's
	                           rows hold its value from the start */
	uint32_t *random_cells; /* the cells that are not exact, in order */
	size_t random_cell_count;
	uint64_t *steps;        /* the generator steps of the batch's cells,
	                           16 words a cell, for the lanes valued again in
	                           double (with draws_single) */
	float *weights_single;  /* n rows (ranks_only) */
	float *owner_rows;      /* 3 m rows of 16: each owner's values, best
	                           rival and open lanes, between the strongest
	                           rivals and the rest (confidence pass) */
	float *owner_least;     /* m: its least value among the open lanes */
	const uint8_t *valued;  /* the plan's, for the batch (confidence) */
	uint8_t *demand_drawn;  /* m: halves (bit h: lanes 16h..16h+15) of
	                           an alternative drawn on demand that are
	                           drawn in this batch */
	double *values;         /* m rows */
	int32_t *greater;       /* m rows: how many are strictly greater */
	float *rank_single;     /* m rows: scratch of smaa_count_greater; the
	                           values' lower bounds when ranks_only */
	float *rank_high;       /* m rows: their upper bounds (ranks_only) */
	float *lane_bounds;     /* 2m: one lane's bounds (ranks_only) */
	uint32_t rank_skip[2];  /* its state, for values and for risks */
	uint8_t *ranks;         /* m rows: the same in bytes (pairwise) */
	uint8_t *classes;       /* m rows: impact classes, X..E as 0..5 */
	uint8_t *cells;         /* m rows: risk-diagram cells, l * 5 + k */
	uint8_t *pair_bytes;    /* m * m rows: the chunk's pairwise counts,
	                           lane by lane, when m <= 256 */
	double *likelihood;     /* m rows */
	double *risk;           /* m rows */
	/* accumulators */
	uint64_t *rank_counts, *first_counts, *confidence_counts;
	uint64_t *class_counts, *cell_counts, *pair_counts, *risk_counts;
	uint64_t *cloud_counts;
	double *central_chunk;   /* m * n: sums within the current chunk */
	__int128 *central_fixed; /* m * n: chunk sums, fixed point 2^-64 */
} smaa_worker;

int smaa_worker_init(smaa_worker *w, const smaa_problem *p,
                     unsigned outputs, arena *a);
/* Batches that go straight to double after one whose every lane was
 * tied in single precision (smaa_rank.c, smaa_single.c). */
#define SMAA_SKIP_BATCHES 32

/* Where the single-precision draws of cell K (alternative-major) begin
 * for lanes 16h..16h+15 (HALF h) of a batch: half by half, so that the
 * rows a group of sixteen lanes reads lie together and spread over the
 * first-level cache's sets, where rows of a whole batch (two cache lines
 * each) would fill only every other set. */
static inline size_t smaa_half_row(const smaa_problem *p, size_t k,
                                   size_t half)
{
	return (half * p->m * p->n + k) * 16;
}

/* The most alternatives the main pass ranks in single precision: near-ties
 * grow with the square of their number, and at 2,000 (x 10 criteria) the
 * lanes valued again in double made it 11% slower than the double path. */
#define SMAA_SINGLE_ALTERNATIVES 1500

/* GREATER[i * SMAA_BATCH + b] = #{j : V[j * SMAA_BATCH + b] > V[i *
 * SMAA_BATCH + b]}, for M rows, compared exactly; SINGLE is scratch of M
 * rows, SKIP the caller's state between batches (0 at first) or NULL
 * (smaa_rank.c). */
void smaa_count_greater(size_t m, const double *v, int32_t *greater,
                        float *single, uint32_t *skip);
/* The same counts for values known only to lie within [LOW[k], HIGH[k]]
 * (M rows each): exact in every lane whose intervals are disjoint;
 * returns a mask of the other lanes (bit b for lane b), all of them when
 * M > 4096 (smaa_rank.c). */
uint32_t smaa_greater_bounded(size_t m, const float *low, const float *high,
                              int32_t *greater);
/* Exact counts from the doubles V in the lane groups of GROUPS (bit q
 * for lanes 8q..8q+7). */
void smaa_greater_exact(size_t m, const double *v, int32_t *greater,
                        uint32_t groups);
/* Alternative I's values in lanes 8q..8q+7 of a batch in double, bit for
 * bit as the main pass computes them, from the generator steps of the
 * batch's cells (STEPS, see smaa_draw_single) under the weights W, into
 * OUT[0..7] (smaa_kernel.c). */
void smaa_value_lanes(const smaa_problem *p, const uint64_t *steps,
                      const double *w, size_t i, size_t q, double *out);
/* Cell K's draws in lanes 8q..8q+7 in double, bit for bit as the main
 * pass draws them, from the kept STEPS (an exact cell's value), into
 * OUT[0..7]. */
void smaa_draw_group(const smaa_problem *p, const uint64_t *steps, size_t k,
                     size_t q, double *out);
/* Every cell's values in single precision (within p->single_error) into
 * W->draws_single (m * n rows), from the measurement streams, which
 * advance as the double draws would. W->steps receives the generator's
 * steps of each cell drawn, SMAA_CELL_STEPS * SMAA_LANES words of 64 bits
 * a cell. Alternative i is drawn as VALUED[i] says (SMAA_DRAWN when VALUED
 * is NULL); its steps are kept unless it is SMAA_UNDRAWN (smaa_single.c). */
void smaa_draw_single(smaa_worker *w, const uint8_t *valued);
/* Alternative I's draws on lanes 16h..16h+15 into DRAWS, from the steps
 * kept by smaa_draw_single: as that draws them, bit for bit. */
void smaa_draw_half(const smaa_problem *p, const uint64_t *steps,
                    float *draws, size_t i, size_t h);
/* Twice the relative error a value summed in single precision from those
 * draws may carry against its double: the draws' and the sum's, of n
 * non-negative terms in any order. */
float smaa_single_margin(const smaa_problem *p);
/* The main pass's ranks (GREATER) of a batch whose outputs need the ranks
 * alone: valued in single precision, and in double only where two values
 * come within the margin, pair by pair or a group of eight lanes at once
 * (smaa_single.c). Returns 1 when every lane needed the double, else 0. */
int smaa_rank_single(smaa_worker *w);
/* The main pass over iterations [first, first + valid), valid <=
 * SMAA_BATCH. Returns 0, or -1 when no weights met the constraints. */
int smaa_batch(smaa_worker *w, uint64_t first, size_t valid);
/* Seeds the chunk's random streams; call before its first batch, in
 * either pass. */
void smaa_chunk_begin(smaa_worker *w, uint64_t chunk);
/* Adds the chunk's central-weight sums to the fixed-point totals and its
 * pairwise counts to theirs. */
void smaa_chunk_done(smaa_worker *w);
/* The confidence pass (smaa_confidence.c): the same measurement draws,
 * valued with each owner's central weights. */
void smaa_confidence_batch(smaa_worker *w, size_t valid,
                           const smaa_confidence_plan *plan);

#endif
