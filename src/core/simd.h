/*
 * simd.h - eight lanes of doubles as a gcc vector type, and the few
 * operations the SMAA kernels need on them. gcc maps a v8d to one AVX-512
 * register, two AVX2 registers or four SSE registers, so the same source
 * serves every target clone.
 */
#ifndef NATRISK_SIMD_H
#define NATRISK_SIMD_H

#include <string.h>

/* The hot loops are built for AVX-512, AVX2 and plain x86-64, the best
 * chosen when the library loads. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
	!defined(__SANITIZE_ADDRESS__)
#define HOT __attribute__((target_clones("avx512f", "avx2", "default")))
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
	return __builtin_shuffle((v8d){ x }, (v8l){ 0 });
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
	return __builtin_shuffle((v16f){ x }, (v16i){ 0 });
}

static inline v16f max16f(v16f a, v16f b)
{
	v16i take_a = a > b;
	return (v16f)(((v16i)a & take_a) | ((v16i)b & ~take_a));
}

#endif
