/*
 * bench_monitor.c - the issue-13 benchmark: INDICATORS indicators with
 * the five geomagnetic storm levels (Kp 5 to 9, method.md section 9),
 * each with OBSERVATIONS observations (a day at one a minute: a random
 * walk of the K-index with storms), evaluated into level changes
 * (natrisk_indicator_evaluate). Timed, median of RUNS, against 1 s:
 *
 *   in order     the observations in time order, as feeds give them;
 *   out of order every indicator's day with one observation in fifty
 *                moved elsewhere and one in a hundred repeated, so that
 *                the sort and the repeated times are paid for too.
 *
 *   bench_monitor [INDICATORS [OBSERVATIONS [RUNS]]]   (10000 1440 7)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include <natrisk/monitor.h>

#define TARGET_S 1.0

static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;

static unsigned next_random(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((rng_state >> 33) % n);
}

/* A day of the K-index, one a minute from midnight. */
static void generate_day(natrisk_observation *obs, size_t n)
{
	double kp = next_random(40) / 10.0;
	for (size_t i = 0; i < n; i++) {
		kp += (next_random(21) - 10) / 40.0;
		if (next_random(2000) == 0)
			kp += 4; /* a storm sets in */
		kp = kp < 0 ? 0 : kp > 9 ? 9 : kp;
		obs[i] = (natrisk_observation){ (int64_t)(1791590400 + 60 * i),
			                        kp };
	}
}

/* Moves one observation in fifty elsewhere and repeats one in a
 * hundred (a copy of its time with another value). */
static void disorder(natrisk_observation *obs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (next_random(50) == 0) {
			size_t j = next_random((unsigned)n);
			natrisk_observation t = obs[i];
			obs[i] = obs[j];
			obs[j] = t;
		} else if (next_random(100) == 0 && i > 0) {
			obs[i].time = obs[i - 1].time;
		}
	}
}

/* Evaluates every indicator once over a fresh copy of its day; the
 * number of level changes. */
static size_t evaluate_all(const natrisk_indicator *ind, size_t indicators,
                           const natrisk_observation *days,
                           natrisk_observation *work,
                           natrisk_level_change *changes, size_t n)
{
	size_t total = 0;
	for (size_t k = 0; k < indicators; k++) {
		natrisk_indicator_state st = NATRISK_INDICATOR_STATE_INIT;
		memcpy(work, days + k * n, n * sizeof *work);
		total += natrisk_indicator_evaluate(ind, work, n, &st, changes);
	}
	return total;
}

static void run(const char *name, const natrisk_indicator *ind,
                size_t indicators, size_t n, const natrisk_observation *days,
                int runs)
{
	natrisk_observation *work = malloc(n * sizeof *work);
	natrisk_level_change *changes = malloc(n * sizeof *changes);
	double *times = malloc((size_t)runs * sizeof *times);
	if (!work || !changes || !times) {
		fprintf(stderr, "bench_monitor: out of memory\n");
		exit(1);
	}
	size_t total = 0;
	for (int r = 0; r < runs; r++) {
		double t = bench_now();
		total = evaluate_all(ind, indicators, days, work, changes, n);
		times[r] = bench_now() - t;
	}
	double m = bench_median(times, (size_t)runs);
	printf("  %-12s %8.1f ms  (%zu level changes; median/1 s target = "
	       "%.3f)\n", name, m * 1e3, total, m / TARGET_S);
	free(work);
	free(changes);
	free(times);
}

int main(int argc, char **argv)
{
	size_t indicators = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;
	size_t n = argc > 2 ? strtoul(argv[2], NULL, 10) : 1440;
	int runs = argc > 3 ? atoi(argv[3]) : 7;
	if (indicators == 0 || n == 0 || runs < 1)
		return 2;
	static const natrisk_alert_level levels[] = {
		{ .at = 5 }, { .at = 6 }, { .at = 7 }, { .at = 8 }, { .at = 9 },
	};
	natrisk_indicator ind = { .id = "kp", .levels = levels,
		                  .level_count = 5 };
	natrisk_observation *days = malloc(indicators * n * sizeof *days);
	if (!days)
		return 1;
	for (size_t k = 0; k < indicators; k++)
		generate_day(days + k * n, n);
	printf("monitor (issue 13): %zu indicators x %zu observations, "
	       "median of %d\n", indicators, n, runs);
	run("in order", &ind, indicators, n, days, runs);
	for (size_t k = 0; k < indicators; k++)
		disorder(days + k * n, n);
	run("out of order", &ind, indicators, n, days, runs);
	free(days);
	return 0;
}
