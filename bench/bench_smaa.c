/*
 * bench_smaa.c - the issue-3 benchmark: SMAA-2 on a generated problem of
 * SCENARIOS x 10 criteria (the reference workload is 50 x 10 x 10^6),
 * computing rank acceptabilities, central weights and confidence factors,
 * as ../shared/peers/smaa_numpy.py does. The problem is drawn as the peer
 * draws its own: EV uniform over the classes A..E, LL one class lower and
 * UL one class higher with probability 1/2 each.
 *
 *   bench_smaa SCENARIOS ITERATIONS THREADS [RUNS [OUTPUTS]]
 * OUTPUTS is "core" (rank acceptabilities, central weights and confidence
 * factors, what the peer computes; the default) or "default" (what
 * `natrisk smaa` computes when --outputs is not given).
 * Prints the median and the peak resident memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench_util.h"
#include <natrisk/smaa.h>

static unsigned long long state = 0x853C49E6748FEA9Bull;

static unsigned next_random(unsigned n)
{
	state = state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((state >> 33) % n);
}

static char *generate(int scenarios, size_t *len)
{
	static const char *const criteria[] = { "1.1", "1.2", "2.1", "2.2",
		"2.3", "3.1", "4.1", "5.1", "5.2", "5.3" };
	char *text;
	FILE *out = open_memstream(&text, len);
	fprintf(out, "natrisk: 1\ntitle: SMAA benchmark\nmethod: nrb-2008\n"
	        "scenarios:\n");
	for (int s = 0; s < scenarios; s++) {
		fprintf(out, "  - id: s%03d\n    title: Scenario %d\n    kind: "
		        "hazard\n    likelihood: C\n    impact:\n", s, s);
		for (int c = 0; c < 10; c++) {
			int ev = (int)next_random(5);
			int ll = ev - (int)next_random(2), ul = ev + (int)next_random(2);
			ll = ll < 0 ? 0 : ll;
			ul = ul > 4 ? 4 : ul;
			fprintf(out, "      \"%s\": { ev: %c, ll: %c, ul: %c }\n",
			        criteria[c], "ABCDE"[ev], "ABCDE"[ll], "ABCDE"[ul]);
		}
	}
	fclose(out);
	return text;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench_smaa SCENARIOS ITERATIONS THREADS "
		        "[RUNS]\n");
		return 2;
	}
	int scenarios = atoi(argv[1]);
	uint64_t iterations = strtoull(argv[2], NULL, 10);
	int threads = atoi(argv[3]);
	int runs = argc > 4 ? atoi(argv[4]) : 5;
	const char *which = argc > 5 ? argv[5] : "core";
	unsigned outputs = NATRISK_SMAA_CENTRAL | NATRISK_SMAA_CONFIDENCE;
	if (strcmp(which, "default") == 0)
		outputs = NATRISK_SMAA_ALL & ~NATRISK_SMAA_CLOUD;
	else if (strcmp(which, "core") != 0) {
		fprintf(stderr, "bench_smaa: OUTPUTS is core or default\n");
		return 2;
	}
	size_t len;
	char *text = generate(scenarios, &len);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a;
	if (natrisk_assessment_load_buffer(&a, "bench.yaml", text, len, diag)) {
		natrisk_diag_print(diag, stderr);
		return 1;
	}
	natrisk_smaa_options options = {
		.iterations = iterations, .seed = 42, .threads = threads,
		.outputs = outputs,
	};
	double *seconds = calloc((size_t)runs, sizeof *seconds);
	for (int r = 0; r < runs; r++) {
		natrisk_smaa *s;
		double t = bench_now();
		if (natrisk_smaa_assessment(&s, a, &options) != 0) {
			fprintf(stderr, "bench_smaa: %s\n", natrisk_error_last());
			return 1;
		}
		seconds[r] = bench_now() - t;
		natrisk_smaa_free(s);
	}
	double median = bench_median(seconds, (size_t)runs);
	struct rusage usage;
	getrusage(RUSAGE_SELF, &usage);
	printf("natrisk outputs=%s scenarios=%d criteria=10 iterations=%llu "
	       "threads=%d median=%.3fs per_iteration=%.3fus peak_rss=%.1fMB\n",
	       which, scenarios, (unsigned long long)iterations, threads,
	       median, median / (double)iterations * 1e6,
	       usage.ru_maxrss / 1024.0);
	free(seconds);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
	free(text);
	return 0;
}
