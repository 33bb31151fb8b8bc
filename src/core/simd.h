/*
 * simd.h - eight lanes of doubles as a gcc vector type, and the few
 * operations the SMAA kernels need on them. gcc maps a v8d to one AVX-512
 * register, two AVX2 registers or four SSE registers, so the same source
 * serves every target clone.
 */
#ifndef NATRISK_SIMD_H
#define NATRISK_SIMD_H

#include <string.h>

/* gcc's __builtin_shuffle takes its lane indices at run time; clang (the
 * fuzzing build, make fuzz) has no such builtin, so there it is a loop
 * over the lanes with the same meaning: an index counts modulo the lane
 * count, or modulo twice that when two vectors are joined. */
#ifdef __clang__
#define SIMD_LANES(v) (sizeof(v) / sizeof((v)[0]))
#define SIMD_SHUFFLE(v, idx) __extension__({                              \
	__typeof__((v) + 0) simd_in_ = (v), simd_out_;                             \
	__typeof__(idx) simd_idx_ = (idx);                                 \
	for (size_t simd_l_ = 0; simd_l_ < SIMD_LANES(simd_in_); simd_l_++) \
		simd_out_[simd_l_] = simd_in_[(size_t)simd_idx_[simd_l_] %   \
		                              SIMD_LANES(simd_in_)];       \
	simd_out_; })
#define SIMD_SHUFFLE2(a, b, idx) __extension__({                          \
	__typeof__((a) + 0) simd_a_ = (a), simd_b_ = (b), simd_out_;             \
	__typeof__(idx) simd_idx_ = (idx);                                 \
	size_t simd_n_ = SIMD_LANES(simd_a_);                              \
	for (size_t simd_l_ = 0; simd_l_ < simd_n_; simd_l_++) {           \
		size_t simd_k_ = (size_t)simd_idx_[simd_l_] % (2 * simd_n_); \
		simd_out_[simd_l_] = simd_k_ < simd_n_ ? simd_a_[simd_k_]    \
		                     : simd_b_[simd_k_ - simd_n_];        \
	}                                                                  \
	simd_out_; })
#else
#define SIMD_SHUFFLE(v, idx) __builtin_shuffle(v, idx)
#define SIMD_SHUFFLE2(a, b, idx) __builtin_shuffle(a, b, idx)
#endif

/* The hot loops are built for AVX-512, AVX2 and plain x86-64, the best
 * chosen when the library loads. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
	!defined(__SANITIZE_ADDRESS__)
#define HOT __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define HOT
#endif

/* Loads and stores go through memcpy: the arena promises 16-byte
 * alignment, not 64. */
typedef double v8d __attribute__((vector_size(64)));
typedef long long v8l __attribute__((vector_size(64)));
static inline v8d load8(const double *p)
{
	v8d v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* A broadcast of lane 0: gcc builds the literal { x, x, ... } of a value
 * loaded from memory lane by lane. */
static inline v8d splat8(double x)
{
	return SIMD_SHUFFLE((v8d){ x }, (v8l){ 0 });
}

static inline v8d max8(v8d a, v8d b)
{
	v8l take_a = a > b;
	return (v8d)(((v8l)a & take_a) | ((v8l)b & ~take_a));
}

static inline v8d min8(v8d a, v8d b)
{
	v8l take_a = a < b;
	return (v8d)(((v8l)a & take_a) | ((v8l)b & ~take_a));
}

static inline void store8(double *p, v8d v)
{
	memcpy(p, &v, sizeof v);
}

/* Sixteen lanes of floats, for the confidence pass's first look. */
typedef float v16f __attribute__((vector_size(64)));
typedef int v16i __attribute__((vector_size(64)));

static inline v16f load16f(const float *p)
{
	v16f v;
	memcpy(&v, p, sizeof v);
	return v;
}

static inline v16f splat16f(float x)
{
	return SIMD_SHUFFLE((v16f){ x }, (v16i){ 0 });
}

static inline v16f max16f(v16f a, v16f b)
{
	v16i take_a = a > b;
	return (v16f)(((v16i)a & take_a) | ((v16i)b & ~take_a));
}

static inline v16f min16f(v16f a, v16f b)
{
	v16i take_a = a < b;
	return (v16f)(((v16i)a & take_a) | ((v16i)b & ~take_a));
}

/* Eight lanes of floats: sixteen rounded from eight doubles at a time. */
typedef float v8f __attribute__((vector_size(32)));

#endif
