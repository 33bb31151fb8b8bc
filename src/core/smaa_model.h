/*
 * smaa_model.h - the stochastic analysis inside the library: the problem
 * as the kernels see it (one triangular distribution per alternative and
 * criterion, the likelihoods, the weight description) and the result's
 * layout. Shared by smaa.c (driver, threads, result), smaa_kernel.c (the
 * per-batch arithmetic), smaa_weights.c (weight draws) and smaa_given.c
 * (given samples).
 */
#ifndef NATRISK_SMAA_MODEL_H
#define NATRISK_SMAA_MODEL_H

#include <natrisk/score.h>
#include <natrisk/smaa.h>

#include "arena.h"

/* Iterations processed side by side, one per SIMD lane group. */
#define SMAA_BATCH 32
/* Generator lanes: 64-bit words in one AVX-512 register. */
#define SMAA_LANES 8
/* Iterations per chunk: the unit of work handed to a thread. */
#define SMAA_CHUNK 4096

/* Random streams: the third counter word says what a number is for. */
enum { STREAM_WEIGHTS = 0, STREAM_MEASUREMENTS = 1, STREAM_LIKELIHOOD = 2 };

/*
 * A triangular distribution on the class-position scale, mapped to values:
 * value(p) = base^p for p >= 0; below 0 (towards X at the method's
 * x_position) the value falls linearly from 1 (A) to the method's X value.
 */
typedef struct smaa_triangle {
	double lo, mode, hi;
	double rise_area;    /* (hi - lo)(mode - lo) */
	double fall_area;    /* (hi - lo)(hi - mode) */
	uint32_t left_words; /* words w < this draw the rising part */
	double constant;     /* the exact value when lo == hi */
	int degenerate;
	/* the same in single precision and in sixteenths of the exponent
	 * (z = 16 log2(value), smaa_draw.h): lo and hi times 16 log2(base),
	 * the areas times its square and 2^-32, and halves of those */
	struct {
		float lo, hi, rise_area, rise_half, fall_area, fall_half;
	} single;
} smaa_triangle;

typedef struct smaa_problem {
	size_t m, n;                 /* alternatives, criteria */
	const smaa_triangle *cells;  /* m * n, alternative-major */
	const smaa_triangle *likelihood; /* m, or NULL (given samples) */
	const size_t *risk_twin;     /* m, or NULL: see smaa.c */
	double log2_base;            /* impact values: 2^(p * log2_base) */
	float single_error;          /* the relative error bound of a draw in
	                                single precision (smaa_draw.h) */
	double x_value, x_position;  /* X's value and place (below A) */
	double x_slope;              /* (1 - x_value) / -x_position */
	double class_values[5];      /* A..E: impact class boundaries */
	double likelihood_log2_base; /* risk = T * 2^(L * this) */
	natrisk_smaa_weights weights;
	int weights_plain;           /* uniform simplex, no constraints */
	size_t *chain_members;       /* ordinal chains, see smaa_weights.c */
	size_t *chain_starts;        /* chain k: members[starts[k]..starts[k+1]) */
	size_t chain_count;
	int needs_rejection;         /* constraints need rejection sampling */
	uint32_t key[2];             /* the seed */
} smaa_problem;

struct natrisk_smaa {
	arena arena;                 /* first: owns the result */
	uint64_t iterations;
	size_t m, n;
	unsigned outputs;
	int from_assessment;
	const char **alternative_names;
	const char **criterion_names;
	uint64_t *rank_counts;       /* m * m: [i * m + r] */
	double *central;             /* m * n: means */
	int *has_central;            /* m */
	uint64_t *first_counts;      /* m: iterations ranked first */
	uint64_t *confidence_counts; /* m */
	uint64_t *class_counts;      /* m * 6: X, A..E */
	uint64_t *cell_counts;       /* m * 25: [l * 5 + k] */
	uint64_t *pair_counts;       /* m * m: [i * m + j] = #(v_i > v_j) */
	uint64_t *risk_counts;       /* m * m */
	uint64_t *cloud_counts;      /* m * BINS * BINS, or NULL */
	/* owner-rival pairs the confidence pass values per iteration: what
	 * its cost grows with (tests hold it linear on identical scenarios) */
	uint64_t confidence_pairs;
};

/* Allocates a result with every array the outputs need, zeroed. */
natrisk_smaa *smaa_result_new(size_t m, size_t n, unsigned outputs);

/* The impact scale's base, and the error bound of the single-precision
 * draws that follows from it (smaa_draw.h). */
void smaa_set_base(smaa_problem *p, double base);
/* Value of a position on the impact scale. */
double smaa_position_value(const smaa_problem *p, double position);
/* Sets up a triangle from three positions (lo <= mode <= hi). */
void smaa_triangle_set(smaa_triangle *t, const smaa_problem *p, double lo,
                       double mode, double hi, int for_impact);

/* The impact triangle of SCORE: its LL, EV and UL positions, an exact
 * score worth exactly its class value (t->constant). */
void smaa_impact_triangle(const natrisk_method *m,
                          const smaa_problem *p, const natrisk_score *score,
                          smaa_triangle *t);
/* A position drawn from T with the uniforms U0 and U1 in (0, 1), as the
 * kernels draw it lane by lane (smaa_draw.h: triangle_wide). */
double smaa_triangle_draw(const smaa_triangle *t, uint32_t word);
/* One weight vector for ITERATION, drawn from its own Philox stream
 * whatever the constraints (SCRATCH: 2n + 2 doubles). Returns 0, or -1
 * when rejection sampling gives up. */
int smaa_draw_weights_one(const smaa_problem *p, uint64_t iteration,
                          double *w, double *scratch);
/* Weight draws for SMAA_BATCH iterations starting at FIRST: W[c * BATCH +
 * b]. Uniform weights use BITS, (n - 1) rows of random words; constrained
 * ones draw from per-iteration Philox streams. Returns 0, or -1 when
 * rejection sampling gives up. */
int smaa_draw_weights(const smaa_problem *p, uint64_t first,
                      const uint32_t *bits, double *w, double *scratch);
/* Prepares the ordinal chains and decides the sampling path. Returns 0
 * or NATRISK_EINVALID with a message (constraints nothing satisfies). */
int smaa_weights_prepare(smaa_problem *p, arena *a);

#endif
