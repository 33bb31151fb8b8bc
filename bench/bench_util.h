/*
 * bench_util.h - what the benchmark programs share: a monotonic clock and
 * the median of a set of timings.
 */
#ifndef NATRISK_BENCH_UTIL_H
#define NATRISK_BENCH_UTIL_H

#include <stdlib.h>
#include <time.h>

static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline int bench_by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of N timings (reorders them). */
static inline double bench_median(double *seconds, size_t n)
{
	qsort(seconds, n, sizeof *seconds, bench_by_value);
	return seconds[n / 2];
}

#endif
