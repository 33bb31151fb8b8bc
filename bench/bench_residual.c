/*
 * bench_residual.c - the residual-risk part of the issue-10 benchmark: a
 * generated assessment of SCENARIOS scenarios and MEASURES measures, each
 * measure with a few effects on a few scenarios (a score one or two
 * classes lower, now and then the likelihood). Timed, median of RUNS:
 *
 *   residual assess  the residual assessment with every measure in
 *                    place, its results and its JSON with risk_value
 *                    (what "natrisk assess --plan --measures all" does
 *                    after loading), against the 200 ms of the whole
 *                    check + capabilities + residual assess;
 *   handle set       one natrisk_residual_apply() of a random set of
 *                    about a tenth of the measures and its total: what
 *                    a portfolio search pays per set evaluated.
 *
 *   bench_residual [SCENARIOS [MEASURES [RUNS]]]   (1000 500 15)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include <natrisk/assessment.h>
#include <natrisk/output.h>
#include <natrisk/residual.h>
#include <natrisk/results.h>

#define TARGET_MS 200.0
enum { CRITERIA = 10, MAX_EFFECTS = 4, SETS = 2000 };

static unsigned long long rng_state = 0x2545F4914F6CDD1Dull;

static unsigned next_random(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((rng_state >> 33) % n);
}

static char *generate(size_t scenarios, size_t *len)
{
	static const char *const criteria[CRITERIA] = { "1.1", "1.2", "2.1",
		"2.2", "2.3", "3.1", "4.1", "5.1", "5.2", "5.3" };
	char *text;
	FILE *out = open_memstream(&text, len);
	fprintf(out, "natrisk: 1\ntitle: Residual benchmark\nmethod: nrb-2008\n"
	        "scenarios:\n");
	for (size_t s = 0; s < scenarios; s++) {
		fprintf(out, "  - id: s%04zu\n    title: Scenario %zu\n    kind: "
		        "hazard\n    likelihood: %c\n    impact:\n", s, s,
		        "ABCDE"[next_random(5)]);
		for (int c = 0; c < CRITERIA; c++)
			if (next_random(4))
				fprintf(out, "      \"%s\": %c\n", criteria[c],
				        "ABCDE"[next_random(5)]);
	}
	fclose(out);
	return text;
}

/* A plain class K on every point, as the plan loader would give it. */
static natrisk_score class_score(int k, bool likelihood)
{
	natrisk_score s = { .given = true };
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		s.point[p].cls = (signed char)k;
		s.point[p].position = likelihood ? k + 0.5 : k;
	}
	return s;
}

/* MEASURES measures of 1 to MAX_EFFECTS effects each, one or two classes
 * below the score they are on: effects[m * MAX_EFFECTS + k], k below
 * counts[m]. */
static void make_effects(const natrisk_assessment *a, size_t measures,
                         natrisk_effect *effects, size_t *counts)
{
	size_t n = natrisk_assessment_scenario_count(a);
	for (size_t m = 0; m < measures; m++) {
		counts[m] = 1 + next_random(MAX_EFFECTS);
		for (size_t k = 0; k < counts[m]; k++) {
			natrisk_effect *e = &effects[m * MAX_EFFECTS + k];
			e->scenario = next_random((unsigned)n);
			const natrisk_scenario *s =
				natrisk_assessment_scenario(a, e->scenario);
			bool likelihood = next_random(5) == 0;
			e->criterion = likelihood ? NATRISK_EFFECT_LIKELIHOOD
			                          : (long)next_random(CRITERIA);
			const natrisk_score *now =
				likelihood ? &s->likelihood : &s->impact[e->criterion];
			int k0 = now->point[NATRISK_EV].cls - 1 -
			         (int)next_random(2);
			e->score = class_score(k0 < 0 ? 0 : k0, likelihood);
		}
	}
}

/* The effects of the measures in SET (COUNT of them) into OUT; returns
 * how many. */
static size_t gather(const natrisk_effect *effects, const size_t *counts,
                     const size_t *set, size_t count, natrisk_effect *out)
{
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		for (size_t k = 0; k < counts[set[i]]; k++)
			out[n++] = effects[set[i] * MAX_EFFECTS + k];
	return n;
}

static double residual_assess(const natrisk_assessment *a,
                              const natrisk_effect *all, size_t n,
                              double *reduction)
{
	double t0 = bench_now();
	natrisk_assessment *r = NULL;
	natrisk_results *res = NULL;
	natrisk_json_options options = { .risk_value = true };
	char *json = NULL;
	if (natrisk_residual_assessment_new(&r, a, all, n) == 0 &&
	    natrisk_results_new(&res, r, 0) == 0)
		json = natrisk_results_json_with(res, &options);
	double t1 = bench_now();
	if (!json) {
		fprintf(stderr, "bench_residual: %s\n", natrisk_error_last());
		exit(1);
	}
	natrisk_results *before = NULL;
	if (natrisk_results_new(&before, a, 0) != 0)
		exit(1);
	*reduction = natrisk_results_risk_total(before) -
	             natrisk_results_risk_total(res);
	natrisk_results_free(before);
	free(json);
	natrisk_results_free(res);
	natrisk_assessment_free(r);
	return t1 - t0;
}

/* Seconds per set over SETS random sets of about a tenth of the
 * measures. */
static double handle_sets(const natrisk_assessment *a,
                          const natrisk_effect *effects,
                          const size_t *counts, size_t measures,
                          natrisk_effect *scratch)
{
	natrisk_residual *h;
	if (natrisk_residual_new(&h, a, 0) != 0)
		exit(1);
	size_t *set = calloc(measures + 1, sizeof *set);
	double sum = 0, spent = 0;
	for (int s = 0; s < SETS; s++) {
		size_t count = 0;
		for (size_t m = 0; m < measures; m++)
			if (next_random(10) == 0)
				set[count++] = m;
		size_t n = gather(effects, counts, set, count, scratch);
		double t0 = bench_now();
		if (natrisk_residual_apply(h, scratch, n) != 0)
			exit(1);
		sum += natrisk_residual_total_after(h);
		spent += bench_now() - t0;
	}
	if (!(sum > 0))
		exit(1);
	free(set);
	natrisk_residual_free(h);
	return spent / SETS;
}

int main(int argc, char **argv)
{
	size_t scenarios = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000;
	size_t measures = argc > 2 ? strtoul(argv[2], NULL, 10) : 500;
	size_t runs = argc > 3 ? strtoul(argv[3], NULL, 10) : 15;
	if (!scenarios || !measures || !runs)
		return 2;
	size_t len;
	char *text = generate(scenarios, &len);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	if (natrisk_assessment_load_buffer(&a, "bench.yaml", text, len,
	                                   diag) != 0) {
		fprintf(stderr, "bench_residual: the generated file does not "
		        "load\n");
		return 1;
	}
	natrisk_effect *effects = calloc(measures * MAX_EFFECTS,
	                                 sizeof *effects);
	natrisk_effect *all = calloc(measures * MAX_EFFECTS, sizeof *all);
	size_t *counts = calloc(measures, sizeof *counts);
	size_t *every = calloc(measures, sizeof *every);
	make_effects(a, measures, effects, counts);
	for (size_t m = 0; m < measures; m++)
		every[m] = m;
	size_t n = gather(effects, counts, every, measures, all);

	double *seconds = calloc(runs, sizeof *seconds), reduction = 0;
	for (size_t r = 0; r < runs; r++)
		seconds[r] = residual_assess(a, all, n, &reduction);
	double assess = bench_median(seconds, runs);
	for (size_t r = 0; r < runs; r++)
		seconds[r] = handle_sets(a, effects, counts, measures, all);
	double per_set = bench_median(seconds, runs);

	printf("residual: %zu scenarios, %zu measures, %zu effects; risk "
	       "reduction of all %.6g\n", scenarios, measures, n, reduction);
	printf("  residual assess  %8.2f ms  (of the %.0f ms for check + "
	       "capabilities + residual assess: %.2f)\n", assess * 1e3,
	       TARGET_MS, assess * 1e3 / TARGET_MS);
	printf("  handle set       %8.2f us  per set of ~%zu measures "
	       "(median of %zu x %d sets)\n", per_set * 1e6, measures / 10,
	       runs, SETS);
	free(seconds);
	free(every);
	free(counts);
	free(all);
	free(effects);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
	free(text);
	return 0;
}
