/*
 * bench_portfolio.c - the issue-11 benchmark: the exact portfolio
 * (portfolio.h) on random problems (bench/portfolio_shapes.h: each
 * measure touches a few scenarios, lowering one or two scores, with
 * costs of 0.1-5 M euro once and up to 0.2 M yearly and a few requires
 * and excludes).
 *
 *   bench_portfolio JSON [PLAN]
 * Prints, each a median:
 *   - the optimum of 60 measures x 100 scenarios at 30% of the cost of
 *     all (target 0.5 s), preparation included;
 *   - a 20-point frontier on the same problem (target 3 s);
 *   - one MILP solve (stage 1, the greatest reduction) through CBC, the
 *     library's solver when its own branch and bound cannot settle a
 *     problem, and through GLPK (bench/milp_glpk.c);
 *   - the optimum against exhaustive enumeration of all 2^n sets at
 *     n = 10, 14, 18 measures;
 *   - with PLAN (bench/plan_workload.py's plan of 60 measures on 100
 *     scenarios: robustness draws need scores, which the abstract
 *     shapes lack), the time of ROBUST_DRAWS robustness draws at 30% of
 *     the cost of all, scaled to 1,000 draws (target 10 s).
 * and writes the 60 x 100 problem, with every scenario's risk for every
 * subset of its measures, to JSON for bench/portfolio_pulp.py (the same
 * MILP through PuLP and CBC, the peer).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "portfolio_shapes.h"

#include "core/portfolio_model.h"

#include <natrisk/method.h>
#include <natrisk/plan_portfolio.h>

int milp_glpk_solve(const milp *model, double *x);

static void die(const char *what)
{
	fprintf(stderr, "bench_portfolio: %s: %s\n", what, natrisk_error_last());
	exit(1);
}

static double total_cost(const natrisk_portfolio *p)
{
	double total = 0.0;
	for (size_t m = 0; m < p->measures; m++)
		total += p->cost[m];
	return total;
}

/* Prepare and solve at SHARE of the total cost; seconds. */
static double time_optimum(const shape *sh, double share, double *reduction)
{
	double start = bench_now();
	natrisk_portfolio *p;
	if (natrisk_portfolio_new(&sh->problem, &p) != NATRISK_OK)
		die("prepare");
	natrisk_portfolio_choice c;
	if (natrisk_portfolio_solve(p, share * total_cost(p), &c) != NATRISK_OK)
		die("solve");
	double seconds = bench_now() - start;
	*reduction = c.reduction;
	natrisk_portfolio_choice_release(&c);
	natrisk_portfolio_free(p);
	return seconds;
}

static double time_frontier(const shape *sh, size_t points)
{
	double start = bench_now();
	natrisk_portfolio *p;
	if (natrisk_portfolio_new(&sh->problem, &p) != NATRISK_OK)
		die("prepare");
	natrisk_portfolio_choice *c = calloc(points, sizeof *c);
	if (!c || natrisk_portfolio_frontier(p, points, NULL, c) != NATRISK_OK)
		die("frontier");
	double seconds = bench_now() - start;
	for (size_t k = 0; k < points; k++)
		natrisk_portfolio_choice_release(&c[k]);
	free(c);
	natrisk_portfolio_free(p);
	return seconds;
}

/* One stage-1 solve of the prepared program through SOLVE. */
static double time_stage1(const natrisk_portfolio *p, double budget,
                          int (*solve)(const milp *, double *))
{
	milp model;
	if (milp_copy(&model, &p->model) != NATRISK_OK)
		die("copy");
	model.maximise = true;
	const milp_row *value = &model.rows[p->value_row];
	for (size_t k = 0; k < value->count; k++)
		model.objective[value->column[k]] = value->value[k];
	model.rows[p->budget_row].upper = budget / p->cost_scale;
	double *x = malloc(model.columns * sizeof *x);
	double start = bench_now();
	if (!x || solve(&model, x) != MILP_OPTIMAL)
		die("stage 1");
	double seconds = bench_now() - start;
	free(x);
	milp_release(&model);
	return seconds;
}

/* The best reduction over all 2^n sets within BUDGET (requires and
 * excludes honoured), from the prepared tables; seconds. */
static double time_exhaustive(const natrisk_portfolio *p, double budget,
                              double *reduction)
{
	double start = bench_now();
	size_t n = p->measures;
	bool *set = calloc(n, sizeof *set);
	double best = -1.0;
	for (unsigned long bits = 0; bits < 1UL << n; bits++) {
		for (size_t m = 0; m < n; m++)
			set[m] = bits >> m & 1;
		if (portfolio_cost(p, set) > budget)
			continue;
		bool ok = true;
		for (size_t m = 0; m < n && ok; m++) {
			const natrisk_portfolio_measure *me = &p->problem->measures[m];
			for (size_t k = 0; set[m] && k < me->require_count; k++)
				ok = ok && set[me->requires[k]];
			for (size_t k = 0; set[m] && k < me->exclude_count; k++)
				ok = ok && !set[me->excludes[k]];
		}
		double r = ok ? p->risk_before - portfolio_risk_after(p, set) : -1;
		if (r > best)
			best = r;
	}
	free(set);
	*reduction = best;
	return bench_now() - start;
}

static void write_json(const shape *sh, const natrisk_portfolio *p,
                       double budget, const char *path)
{
	FILE *out = fopen(path, "w");
	if (!out)
		die("json");
	fprintf(out, "{\"budget\": %.17g, \"measures\": [", budget);
	for (size_t m = 0; m < sh->measures; m++) {
		const natrisk_portfolio_measure *me = &sh->measure[m];
		fprintf(out, "%s\n{\"id\": \"%s\", \"cost\": %.17g, \"requires\": [",
		        m ? "," : "", me->id, p->cost[m]);
		for (size_t k = 0; k < me->require_count; k++)
			fprintf(out, "%s%zu", k ? ", " : "", me->requires[k]);
		fprintf(out, "], \"excludes\": [");
		for (size_t k = 0; k < me->exclude_count; k++)
			fprintf(out, "%s%zu", k ? ", " : "", me->excludes[k]);
		fprintf(out, "]}");
	}
	fprintf(out, "],\n\"scenarios\": [");
	for (size_t s = 0; s < sh->scenarios; s++) {
		const shape_scenario *sc = &sh->scenario[s];
		fprintf(out, "%s\n{\"touching\": [", s ? "," : "");
		for (size_t k = 0; k < sc->touching_count; k++)
			fprintf(out, "%s%zu", k ? ", " : "", sc->touching[k]);
		fprintf(out, "], \"risk\": [");
		for (unsigned long mask = 0; mask < 1UL << sc->touching_count; mask++)
			fprintf(out, "%s%.17g", mask ? ", " : "",
			        p->table[p->table_start[s] + mask]);
		fprintf(out, "]}");
	}
	fprintf(out, "]}\n");
	fclose(out);
}

#define RUNS 5

/* Seconds of CPU this process has used: the machine is shared, and
 * the wall clock counts others' work too. */
static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void reference(const char *json)
{
	shape sh;
	if (shape_make(&sh, 2012, 60, 100, 3, 0.05, false) != NATRISK_OK)
		die("shape");
	double t[RUNS], reduction = 0.0, cpu = cpu_now();
	for (int r = 0; r < RUNS; r++)
		t[r] = time_optimum(&sh, 0.3, &reduction);
	double optimum = bench_median(t, RUNS);
	double optimum_cpu = (cpu_now() - cpu) / RUNS;
	cpu = cpu_now();
	for (int r = 0; r < RUNS; r++)
		t[r] = time_frontier(&sh, 20);
	double frontier = bench_median(t, RUNS);
	double frontier_cpu = (cpu_now() - cpu) / RUNS;
	natrisk_portfolio *p;
	if (natrisk_portfolio_new(&sh.problem, &p) != NATRISK_OK)
		die("prepare");
	double budget = 0.3 * total_cost(p), cbc[RUNS], glpk[RUNS];
	for (int r = 0; r < RUNS; r++) {
		cbc[r] = time_stage1(p, budget, milp_solve);
		glpk[r] = time_stage1(p, budget, milp_glpk_solve);
	}
	printf("portfolio 60x100: columns=%zu rows=%zu optimum=%.6fs "
	       "(cpu %.6fs) reduction=%.17g frontier20=%.6fs (cpu %.6fs)\n",
	       p->model.columns, p->model.row_count, optimum, optimum_cpu,
	       reduction, frontier, frontier_cpu);
	printf("portfolio stage1: cbc=%.6fs glpk=%.6fs\n",
	       bench_median(cbc, RUNS), bench_median(glpk, RUNS));
	write_json(&sh, p, budget, json);
	natrisk_portfolio_free(p);
	shape_free(&sh);
}

static void against_enumeration(size_t n)
{
	shape sh;
	if (shape_make(&sh, 1000 + n, n, 2 * n, 3, 0.05, false) != NATRISK_OK)
		die("shape");
	double ours = 0.0, theirs = 0.0;
	double t = time_optimum(&sh, 0.3, &ours);
	natrisk_portfolio *p;
	if (natrisk_portfolio_new(&sh.problem, &p) != NATRISK_OK)
		die("prepare");
	double e = time_exhaustive(p, 0.3 * total_cost(p), &theirs);
	printf("portfolio n=%zu: milp=%.6fs exhaustive=%.6fs same=%s\n", n, t,
	       e, ours == theirs ? "yes" : "NO");
	natrisk_portfolio_free(p);
	shape_free(&sh);
}

/* Draws timed on the plan: the target's 1,000 (a second since the
 * branch and bound; through CBC alone they took minutes). */
#define ROBUST_DRAWS 1000

static void robust_draws(const char *path)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_plan *plan;
	if (!diag || natrisk_plan_load(&plan, path, diag) != NATRISK_OK)
		die("plan");
	const natrisk_assessment *a = natrisk_plan_assessment(plan);
	natrisk_plan_portfolio_options o = {
		1, NULL, NULL,
		natrisk_method_default_profile(natrisk_assessment_method(a)) };
	natrisk_plan_portfolio *pp;
	if (natrisk_plan_portfolio_new(&pp, plan, &o) != NATRISK_OK)
		die("plan portfolio");
	size_t n = natrisk_plan_measure_count(plan);
	uint64_t *counts = calloc(n + 1, sizeof *counts);
	double budget = 0.3 * total_cost(natrisk_plan_portfolio_problem(pp));
	double start = bench_now(), cpu = cpu_now();
	if (!counts || natrisk_plan_portfolio_robust(pp, budget, ROBUST_DRAWS, 1,
	                                             2, counts) != NATRISK_OK)
		die("robust");
	double wall = bench_now() - start;
	cpu = cpu_now() - cpu;
	printf("portfolio robust %zux%zu: draws=%d wall=%.6fs cpu=%.6fs "
	       "per1000=%.6fs (cpu %.6fs)\n", n,
	       natrisk_assessment_scenario_count(a), ROBUST_DRAWS, wall, cpu,
	       wall * 1000 / ROBUST_DRAWS, cpu * 1000 / ROBUST_DRAWS);
	free(counts);
	natrisk_plan_portfolio_free(pp);
	natrisk_plan_free(plan);
	natrisk_diag_free(diag);
}

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: bench_portfolio JSON [PLAN]\n");
		return 2;
	}
	reference(argv[1]);
	against_enumeration(10);
	against_enumeration(14);
	against_enumeration(18);
	if (argc == 3)
		robust_draws(argv[2]);
	return 0;
}
