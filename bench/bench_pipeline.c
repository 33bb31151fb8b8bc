/*
 * bench_pipeline.c - the issue-2 benchmark: a generated 1,000-scenario
 * assessment (25 regions x 40 scenarios), timed through load + assess +
 * diagram (SVG) + report (HTML), in memory so that the disk is not
 * measured. Prints the median of RUNS runs per stage, the ratio of the
 * total to the 60 ms target (issue 9, point 20) and the report's size
 * against 3 MB. Then the shape of issue 9, point 21: the whole report,
 * stochastic part included as the server makes it, of 1,000 and 2,000
 * scenarios whose scores are all exact and the same.
 *
 *   bench_pipeline [RUNS] [OUT.yaml]   (OUT: also write the generated file)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include <natrisk/assessment.h>
#include <natrisk/diagram.h>
#include <natrisk/membuf.h>
#include <natrisk/report.h>
#include <natrisk/results.h>

enum { REGIONS = 25, PER_REGION = 40, STAGES = 6 };
#define TARGET_MS 60.0
#define TARGET_BYTES (3.0 * 1000 * 1000)

/* The report is timed twice: the issue-2 pipeline (load, assess, diagram,
 * report) covers the deterministic report; the stochastic part of its
 * robustness section (SMAA, issue 3) is timed on its own. */
static const char *const stage_names[STAGES] = { "load", "assess",
	"diagram", "report", "total", "report with SMAA" };

static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;

static unsigned next_random(unsigned n)
{
	/* xorshift64*: reproducible input, no libc rand() differences */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 0x2545F4914F6CDD1Dull) >> 33) % n;
}

static void score(FILE *out, const char *criterion)
{
	static const char classes[] = "ABCDE";
	int ev = (int)next_random(5);
	int ll = ev > 0 ? ev - (int)next_random(2) : ev;
	int ul = ev < 4 ? ev + (int)next_random(2) : ev;
	fprintf(out, "      \"%s\": { ev: %c, ll: %c, ul: %c, why: \"Scored "
	        "from the regional profile.\" }\n", criterion, classes[ev],
	        classes[ll], classes[ul]);
}

static char *generate(size_t *len)
{
	static const char *const criteria[] = { "1.1", "1.2", "2.1", "2.2",
		"2.3", "3.1", "4.1", "5.1", "5.2", "5.3" };
	char *text;
	FILE *out = open_memstream(&text, len);
	fprintf(out, "natrisk: 1\ntitle: Regional risk profiles 2026\n"
	        "edition: 2026\nmethod: nrb-2008\nthemes:\n");
	for (int r = 0; r < REGIONS; r++)
		/* a colour each: the default palette has eight, and 25 themes
		 * on it would bury the CLI benchmark under warnings */
		fprintf(out, "  - id: region-%02d\n    title: Region %d\n"
		        "    colour: \"#%02x%02x%02x\"\n", r + 1, r + 1,
		        40 + 8 * r, 200 - 6 * r, 60 + (r * 37) % 150);
	fprintf(out, "scenarios:\n");
	for (int r = 0; r < REGIONS; r++)
		for (int s = 0; s < PER_REGION; s++) {
			fprintf(out, "  - id: r%02d-s%02d\n    title: Region %d "
			        "scenario %d\n    theme: region-%02d\n    kind: "
			        "%s\n    description: A generated scenario.\n"
			        "    likelihood: { ev: %c, ll: A, ul: E }\n"
			        "    impact:\n", r + 1, s + 1, r + 1, s + 1, r + 1,
			        s % 3 ? "hazard" : "threat",
			        "ABCDE"[next_random(5)]);
			for (int c = 0; c < 10; c++)
				if (next_random(4))
					score(out, criteria[c]);
		}
	fclose(out);
	return text;
}

/* One run; fills seconds[stage]. Output goes to a memory stream. */
/* N scenarios, every score exact and the same for all. */
static char *generate_exact(size_t n, size_t *len)
{
	char *text;
	FILE *out = open_memstream(&text, len);
	fprintf(out, "natrisk: 1\ntitle: Identical exact scenarios\n"
	        "edition: 2026\nmethod: nrb-2008\nscenarios:\n");
	for (size_t i = 0; i < n; i++)
		fprintf(out, "  - id: s%04zu\n    title: Scenario %zu\n    kind: "
		        "hazard\n    likelihood: C\n    impact: { \"1.1\": C, "
		        "\"2.1\": { ev: C, ll: C, ul: C }, \"3.1\": D }\n", i,
		        i + 1);
	fclose(out);
	return text;
}

static size_t report_bytes;

static int run_once(const char *text, size_t len, double seconds[STAGES])
{
	natrisk_membuf sink = { 0 };
	FILE *out = natrisk_membuf_open(&sink);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	natrisk_results *r = NULL;
	natrisk_scene *scene = NULL;
	double t0 = bench_now();
	int rc = natrisk_assessment_load_buffer(&a, "bench.yaml", text, len,
	                                        diag);
	double t1 = bench_now();
	if (rc == 0)
		rc = natrisk_results_new(&r, a, 0);
	double t2 = bench_now();
	if (rc == 0)
		rc = natrisk_diagram_scene(&scene, r, NULL);
	if (rc == 0)
		rc = natrisk_scene_write_svg(scene, false, out);
	double t3 = bench_now();
	natrisk_report_options options = { .lang = NATRISK_LANG_EN,
		                           .without_smaa = true };
	size_t before = sink.len;
	if (rc == 0)
		rc = natrisk_report_write(r, &options, out);
	fflush(out);
	report_bytes = sink.len - before;
	double t4 = bench_now();
	options.without_smaa = false; /* as the CLI does by default */
	if (rc == 0)
		rc = natrisk_report_write(r, &options, out);
	double t5 = bench_now();
	double stamps[] = { t0, t1, t2, t3, t4 };
	for (int s = 0; s < 4; s++)
		seconds[s] = stamps[s + 1] - stamps[s];
	seconds[4] = t4 - t0;
	seconds[5] = t5 - t4;
	if (rc != 0)
		natrisk_diag_print(diag, stderr);
	natrisk_scene_free(scene);
	natrisk_results_free(r);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
	natrisk_membuf_close(&sink, out);
	free(sink.data);
	return rc;
}

/* The whole report (SMAA included, its default iterations) of N
 * identical exact scenarios: median of RUNS. */
static void time_exact(size_t n, int runs)
{
	size_t len;
	char *text = generate_exact(n, &len);
	double best[3] = { 0 };
	for (int k = 0; k < runs && k < 3; k++) {
		natrisk_membuf sink = { 0 };
		FILE *out = natrisk_membuf_open(&sink);
		natrisk_diag *diag = natrisk_diag_new();
		natrisk_assessment *a = NULL;
		natrisk_results *r = NULL;
		double t0 = bench_now();
		int rc = natrisk_assessment_load_buffer(&a, "exact.yaml", text,
		                                        len, diag);
		if (rc == 0)
			rc = natrisk_results_new(&r, a, 0);
		natrisk_report_options options = { .lang = NATRISK_LANG_EN };
		if (rc == 0)
			rc = natrisk_report_write(r, &options, out);
		best[k] = bench_now() - t0;
		if (rc != 0)
			natrisk_diag_print(diag, stderr);
		natrisk_results_free(r);
		natrisk_assessment_free(a);
		natrisk_diag_free(diag);
		natrisk_membuf_close(&sink, out);
		free(sink.data);
	}
	printf("all exact: %zu identical scenarios, whole report with SMAA "
	       "(median of %d)  %8.2f ms\n", n, runs,
	       bench_median(best, (size_t)(runs < 3 ? runs : 3)) * 1e3);
	free(text);
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 15;
	if (runs < 1)
		runs = 1;
	size_t len;
	char *text = generate(&len);
	if (argc > 2) {
		FILE *f = fopen(argv[2], "w");
		if (f) {
			fwrite(text, 1, len, f);
			fclose(f);
		}
	}
	double *samples = calloc((size_t)runs * STAGES, sizeof *samples);
	for (int i = 0; i < runs; i++)
		if (run_once(text, len, samples + i * STAGES) != 0) {
			fprintf(stderr, "bench_pipeline: the run failed\n");
			return 1;
		}
	printf("pipeline: %d scenarios (%d regions x %d), %zu kB of YAML, "
	       "median of %d runs\n", REGIONS * PER_REGION, REGIONS,
	       PER_REGION, len / 1024, runs);
	double medians[STAGES];
	double *column = calloc((size_t)runs, sizeof *column);
	for (int s = 0; s < STAGES; s++) {
		for (int i = 0; i < runs; i++)
			column[i] = samples[i * STAGES + s];
		medians[s] = bench_median(column, (size_t)runs);
		printf("  %-16s %8.2f ms\n", stage_names[s], medians[s] * 1e3);
		if (s == 4)
			printf("  %-16s %8.2f ms  (total/target = %.2f)\n",
			       "target", TARGET_MS, medians[4] * 1e3 / TARGET_MS);
	}
	printf("  %-16s %8.2f MB  (size/3 MB target = %.2f)\n",
	       "report size", report_bytes / 1e6, report_bytes / TARGET_BYTES);
	time_exact(1000, runs > 3 ? 3 : runs);
	time_exact(2000, 1);
	free(column);
	free(samples);
	free(text);
	return 0;
}
