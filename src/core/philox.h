/*
 * philox.h - Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC 2011): a counter-based generator. Four
 * 32-bit words come out of a 128-bit counter and a 64-bit key, with no
 * state, so every random number of the stochastic analysis is addressed by
 * (seed, iteration, stream, index) and any thread can produce any of them.
 * That is what makes the results independent of the number of threads,
 * and lets the confidence-factor pass regenerate the measurement draws
 * instead of storing them.
 */
#ifndef NATRISK_PHILOX_H
#define NATRISK_PHILOX_H

#include <stdint.h>

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

static inline void philox4x32(const uint32_t counter[4],
                              const uint32_t key[2], uint32_t out[4])
{
	uint32_t c0 = counter[0], c1 = counter[1], c2 = counter[2],
	         c3 = counter[3];
	uint32_t k0 = key[0], k1 = key[1];
	for (int round = 0; round < 10; round++) {
		uint64_t p0 = (uint64_t)PHILOX_M0 * c0;
		uint64_t p1 = (uint64_t)PHILOX_M1 * c2;
		uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1 ^ k0;
		uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3 ^ k1;
		c1 = (uint32_t)p1;
		c3 = (uint32_t)p0;
		c0 = n0;
		c2 = n2;
		k0 += PHILOX_W0;
		k1 += PHILOX_W1;
	}
	out[0] = c0;
	out[1] = c1;
	out[2] = c2;
	out[3] = c3;
}

/* A uniform number in (0, 1) from 32 random bits: never 0 or 1, so that
 * logarithms and inverse CDFs stay finite. */
static inline double philox_unit(uint32_t bits)
{
	return ((double)bits + 0.5) * 0x1p-32;
}

#endif
