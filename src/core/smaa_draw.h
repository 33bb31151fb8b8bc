/*
 * smaa_draw.h - the arithmetic of one draw, eight lanes at a time (sixteen
 * in single precision): the random words of a cell, one per lane, a
 * triangular position from each word and the value of a position
 * (base^position, or the linear stretch towards X below A). Shared by the
 * kernels of the main pass (smaa_kernel.c) and of the confidence pass
 * (smaa_confidence.c), which must draw the same values bit for bit.
 * Written with gcc vector types so that every target clone gets the same
 * arithmetic in its own registers.
 */
#ifndef NATRISK_SMAA_DRAW_H
#define NATRISK_SMAA_DRAW_H

#include <stdint.h>
#include <string.h>

#include "simd.h"
#include "smaa_kernel.h"

/* Always inlined: a vector argument or result passed between target
 * clones would not agree on the registers that carry it. */
#define INLINE inline __attribute__((always_inline))

typedef uint32_t v8w __attribute__((vector_size(32)));

static INLINE v8w load8w(const uint32_t *p)
{
	v8w v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* 2^(j/16), j = 0..15, each correctly rounded. */
#define SMAA_EXP2_TABLE_LOW                                                   \
	{ 0x1.0000000000000p+0, 0x1.0b5586cf9890fp+0, 0x1.172b83c7d517bp+0,  \
	  0x1.2387a6e756238p+0, 0x1.306fe0a31b715p+0, 0x1.3dea64c123422p+0,  \
	  0x1.4bfdad5362a27p+0, 0x1.5ab07dd485429p+0 }
#define SMAA_EXP2_TABLE_HIGH                                                  \
	{ 0x1.6a09e667f3bcdp+0, 0x1.7a11473eb0187p+0, 0x1.8ace5422aa0dbp+0,  \
	  0x1.9c49182a3f090p+0, 0x1.ae89f995ad3adp+0, 0x1.c199bdd85529cp+0,  \
	  0x1.d5818dcfba487p+0, 0x1.ea4afa2a490dap+0 }

/*
 * 2^y for |y| < 1000, to within about two units in the last place.
 * y = k/16 + r with k whole and |r| <= 1/32: 2^y = 2^(k >> 4) *
 * 2^((k & 15)/16) * e^(r ln 2). The middle factor comes from a table of 16
 * (one two-register permute), the last from its degree-7 Taylor polynomial
 * (|r ln 2| <= 0.0217, truncation below 1.3e-18), evaluated by Estrin's
 * scheme so that the four lanes groups of a batch overlap. The first is
 * added to the exponent field of the table entry.
 */
static INLINE v8d exp2_v8(v8d y)
{
	const double shift = 0x1.8p52; /* rounds to a whole number */
	const v8d low = SMAA_EXP2_TABLE_LOW, high = SMAA_EXP2_TABLE_HIGH;
	v8d big = y * 16 + shift;
	v8l k = (v8l)big - (v8l)splat8(shift);
	v8d t = (y - (big - shift) * 0.0625) * 0x1.62e42fefa39efp-1;
	v8d t2 = t * t;
	v8d p01 = 1 + t;
	v8d p23 = 1.0 / 2 + t * (1.0 / 6);
	v8d p45 = 1.0 / 24 + t * (1.0 / 120);
	v8d p67 = 1.0 / 720 + t * (1.0 / 5040);
	v8d p = (p01 + t2 * p23) + (t2 * t2) * (p45 + t2 * p67);
	v8d entry = SIMD_SHUFFLE2(low, high, k & 15);
	v8d scale = (v8d)((v8l)entry + ((k >> 4) << 52));
	return p * scale;
}

typedef uint64_t v8u __attribute__((vector_size(64)));

/*
 * philox_unit in eight lanes: (w + 1/2) 2^-32, from words held in 64-bit
 * lanes (zero-extended). No conversion instruction: the bits of 2^52 with
 * w in the low mantissa are the double 2^52 + w, and (2^52 + w) 2^-32 +
 * (2^-33 - 2^20) is exactly w 2^-32 + 2^-33, with a multiply-add or
 * without.
 */
static INLINE v8d unit_wide(v8u w)
{
	v8d biased = (v8d)(w | 0x4330000000000000ull);
	return biased * 0x1p-32 + (0x1p-33 - 0x1p20);
}

/* Words from memory, zero-extended. */
static INLINE v8u widen8(v8w w)
{
	return __builtin_convertvector(w, v8u);
}

/* Square roots lane by lane: gcc makes each loop one vector instruction
 * in every target clone (-fno-math-errno), and the roots are correctly
 * rounded whatever the instruction. */
static INLINE v8d sqrt8(v8d v)
{
	v8d root;
	for (int l = 0; l < 8; l++)
		root[l] = __builtin_sqrt(v[l]);
	return root;
}

static INLINE v16f sqrt16f(v16f v)
{
	v16f root;
	for (int l = 0; l < 16; l++)
		root[l] = __builtin_sqrtf(v[l]);
	return root;
}

/*
 * Triangular positions from one word per lane, by the inverse of the
 * distribution function: a word below LEFT_WORDS lands on the rising
 * part at lo + sqrt(u (hi - lo)(mode - lo)), any other on the falling part
 * at hi - sqrt(u' (hi - lo)(hi - mode)), with u and u' the uniforms of the
 * word and of its complement (u' = 1 - u exactly, and as accurate near 1
 * as near 0).
 */
static INLINE v8d triangle_wide(const smaa_triangle *t, v8u w)
{
	v8l in_left = (v8l)(w < (uint64_t)t->left_words);
	v8u word = w ^ ((v8u)~in_left & 0xffffffffull);
	v8d area = (v8d)(((v8l)splat8(t->rise_area) & in_left) |
	                 ((v8l)splat8(t->fall_area) & ~in_left));
	v8d root = sqrt8(unit_wide(word) * area);
	v8d left = t->lo + root, right = t->hi - root;
	return (v8d)(((v8l)left & in_left) | ((v8l)right & ~in_left));
}

static INLINE v8d triangle_v8(const smaa_triangle *t, v8w w)
{
	return triangle_wide(t, widen8(w));
}

/* The value of cell T in eight lanes, from its words W. Most cells
 * never reach below A, and skip the linear stretch towards X. */
static INLINE v8d cell_value_wide(const smaa_problem *p,
                                  const smaa_triangle *t, v8u w)
{
	v8d position = triangle_wide(t, w);
	v8d power = exp2_v8(position * p->log2_base);
	if (t->lo >= 0)
		return power;
	v8d linear = p->x_value + p->x_slope * (position - p->x_position);
	v8l below = position < 0;
	return (v8d)(((v8l)linear & below) | ((v8l)power & ~below));
}

static INLINE v8d cell_value_v8(const smaa_problem *p, const smaa_triangle *t,
                                v8w w)
{
	return cell_value_wide(p, t, widen8(w));
}

/* ---- random words: xoshiro256++ in eight lanes (see smaa_kernel.c) */

/* xoshiro256++ in eight lanes, its state in registers. */
typedef struct lanes_state {
	v8u s0, s1, s2, s3;
} lanes_state;

static INLINE v8u rotl8(v8u x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static INLINE lanes_state lanes_load(const smaa_lanes *l)
{
	lanes_state g;
	memcpy(&g.s0, l->s[0], sizeof g.s0);
	memcpy(&g.s1, l->s[1], sizeof g.s1);
	memcpy(&g.s2, l->s[2], sizeof g.s2);
	memcpy(&g.s3, l->s[3], sizeof g.s3);
	return g;
}

static INLINE void lanes_store(smaa_lanes *l, const lanes_state *g)
{
	memcpy(l->s[0], &g->s0, sizeof g->s0);
	memcpy(l->s[1], &g->s1, sizeof g->s1);
	memcpy(l->s[2], &g->s2, sizeof g->s2);
	memcpy(l->s[3], &g->s3, sizeof g->s3);
}

/* One step: a 64-bit word in each lane. Written with vector types: gcc
 * does not vectorise the rotations on its own. */
static INLINE v8u lanes_next(lanes_state *g)
{
	v8u out = rotl8(g->s0 + g->s3, 23) + g->s0;
	v8u t = g->s1 << 17;
	g->s2 ^= g->s0;
	g->s3 ^= g->s1;
	g->s1 ^= g->s2;
	g->s0 ^= g->s3;
	g->s2 ^= t;
	g->s3 = rotl8(g->s3, 45);
	return out;
}

/* A step's sixteen 32-bit words, in the order the rows of a batch hold
 * them: the low halves of the eight lanes, then the high halves. */
static INLINE v8w low_words(v8u out)
{
	return __builtin_convertvector(out, v8w);
}

static INLINE v8w high_words(v8u out)
{
	return __builtin_convertvector(out >> 32, v8w);
}

/*
 * The generator steps of one cell, as smaa_random_bits would lay out
 * their words: lane group q (lanes 8q..8q+7) of the cell's row of
 * SMAA_BATCH lanes is the low (q even) or high (q odd) half of step q / 2.
 * The passes draw this way, without a round trip through memory.
 */
#define SMAA_CELL_STEPS (SMAA_BATCH / (2 * SMAA_LANES))

static INLINE void cell_steps(lanes_state *g, v8u steps[SMAA_CELL_STEPS])
{
	for (size_t k = 0; k < SMAA_CELL_STEPS; k++)
		steps[k] = lanes_next(g);
}

/* The steps of a batch's cells kept for drawing again (smaa_worker's
 * steps): 64-bit words a cell, cell K's from K * SMAA_KEPT_WORDS. */
#define SMAA_KEPT_WORDS (SMAA_CELL_STEPS * SMAA_LANES)

static INLINE void kept_store(uint64_t *kept, size_t k,
                              const v8u steps[SMAA_CELL_STEPS])
{
	memcpy(kept + k * SMAA_KEPT_WORDS, steps,
	       SMAA_CELL_STEPS * sizeof *steps);
}

static INLINE void kept_load(const uint64_t *kept, size_t k,
                             v8u steps[SMAA_CELL_STEPS])
{
	memcpy(steps, kept + k * SMAA_KEPT_WORDS,
	       SMAA_CELL_STEPS * sizeof *steps);
}

/* Lane group Q of the cell's row, zero-extended. */
static INLINE v8u group_words(const v8u steps[SMAA_CELL_STEPS], size_t q)
{
	v8u step = steps[q / 2];
	return q % 2 ? step >> 32 : step & 0xffffffffull;
}

/* Cell T's values in double in lane group Q (lanes 8q..8q+7), from the
 * generator steps it draws (cell_steps): every double draw of the engine
 * goes through here, so that the passes and the lanes valued again agree
 * bit for bit. */
static INLINE v8d group_value(const smaa_problem *p, const smaa_triangle *t,
                              const v8u steps[SMAA_CELL_STEPS], size_t q)
{
	return cell_value_wide(p, t, group_words(steps, q));
}

/* ---- single precision, sixteen lanes: the confidence pass's first look */

typedef uint32_t v16w __attribute__((vector_size(64)));

static INLINE v16w load16w(const uint32_t *p)
{
	v16w v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* Lanes 16h..16h+15 of the cell's row (see cell_steps): a step's low
 * halves, then its high halves. */
static INLINE v16w half_words(const v8u steps[SMAA_CELL_STEPS], size_t h)
{
	const v16w order = { 0, 2, 4, 6, 8, 10, 12, 14,
		             1, 3, 5, 7, 9, 11, 13, 15 };
	return SIMD_SHUFFLE((v16w)steps[h], order);
}

/* 2^(z/16) in single precision for |z| < 1600: z = n + r with n whole
 * and |r| <= 1/2, 2^(z/16) = 2^(n >> 4) * 2^((n & 15)/16) * e^(r ln 2/16);
 * the last factor by its degree-3 Taylor polynomial in r (|r ln 2 / 16|
 * <= 0.0217: truncation below 1e-8, a sixth of a unit in the last place),
 * the middle one from a table. Taking the exponent in sixteenths spares
 * the multiplications that would scale it. */
static INLINE v16f exp2_sixteenths_v16(v16f z)
{
	const float shift = 0x1.8p23f;
	const float c1 = 0x1.62e430p-5f;  /* ln 2 / 16 */
	const float c2 = 0x1.ebfbe0p-11f; /* (ln 2 / 16)^2 / 2 */
	const float c3 = 0x1.c6b08ep-17f; /* (ln 2 / 16)^3 / 6 */
	const v16f table = {
		0x1.000000p+0f, 0x1.0b5586p+0f, 0x1.172b84p+0f, 0x1.2387a6p+0f,
		0x1.306fe0p+0f, 0x1.3dea64p+0f, 0x1.4bfdaep+0f, 0x1.5ab07ep+0f,
		0x1.6a09e6p+0f, 0x1.7a1148p+0f, 0x1.8ace54p+0f, 0x1.9c4918p+0f,
		0x1.ae89fap+0f, 0x1.c199bep+0f, 0x1.d5818ep+0f, 0x1.ea4afap+0f,
	};
	v16f big = z + shift; /* rounds z to the nearest whole n */
	v16i n = (v16i)big - (v16i)splat16f(shift);
	v16f r = z - (big - shift);
	v16f p = 1 + r * (c1 + r * (c2 + r * c3));
	v16f entry = SIMD_SHUFFLE(table, n & 15);
	return p * (v16f)((v16i)entry + ((n >> 4) << 23));
}

/*
 * The value of cell T in sixteen lanes, in single precision, for a cell
 * within [0, SMAA_TOP_POSITION] (A to the top of E): the arithmetic of
 * cell_value_v8, on the scale of z = 16 log2(value) = 16 L position (L =
 * log2(base)), whose bounds and areas the triangle holds scaled
 * (smaa_triangle_set). In units of u = 2^-24, each rounding at most u
 * relative: the word converted within u, the scaled area a within u (its
 * double's error is far below), and fl(w) a + a/2, the uniform (w + 1/2)
 * 2^-32 times the area, rounded once: within 3u of itself, and accurate
 * relative to itself down to the least word's (the square root of the
 * rising or falling part needs that near 0). The root is then within
 * 2.5u of itself and, being at most 16 L (hi -
 * lo) <= 80 L, within 240 L u absolute; rounding lo or hi (at most 80 L)
 * and the sum add 80 L u each: z is within 400 L u, the exponent z/16
 * within 25 L u, which becomes a relative error of ln 2 times that (17.4
 * L u) in the value; exp2_sixteenths_v16 adds about 6u (table, polynomial,
 * product). smaa_set_base sets the bound to (32 L + 16) u: 67u for the
 * bundled methods' base 3, 122u for base 10.
 */
#define SMAA_TOP_POSITION 5.0

static INLINE v16f cell_value_v16(const smaa_triangle *t, v16w w)
{
	v16i in_left = (v16i)(w < t->left_words);
	v16w word = w ^ (v16w)~in_left;
	/* (w + 1/2) 2^-32 area in one multiply-add: fl(w) a + a/2, a the
	 * area times 2^-32 (exact scalings, done in smaa_triangle_set) */
	v16f a = (v16f)(((v16i)splat16f(t->single.rise_area) & in_left) |
	                ((v16i)splat16f(t->single.fall_area) & ~in_left));
	v16f half = (v16f)(((v16i)splat16f(t->single.rise_half) & in_left) |
	                   ((v16i)splat16f(t->single.fall_half) & ~in_left));
	v16f root = sqrt16f(__builtin_convertvector(word, v16f) * a + half);
	/* lo + root on the rising part, hi - root on the falling: the sign
	 * and the end chosen by the mask, one addition */
	v16f end = (v16f)(((v16i)splat16f(t->single.lo) & in_left) |
	                  ((v16i)splat16f(t->single.hi) & ~in_left));
	v16f signed_root = (v16f)((v16i)root ^ (~in_left & (int)0x80000000u));
	return exp2_sixteenths_v16(end + signed_root);
}

#endif
