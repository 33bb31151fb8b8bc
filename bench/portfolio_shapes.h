/*
 * portfolio_shapes.h - random portfolio problems, shared by the unit
 * test (tests/unit/test_portfolio.c, against exhaustive enumeration)
 * and the benchmark (bench/bench_portfolio.c). Only static functions.
 *
 * Each scenario has a likelihood position and impact scores on a few
 * criteria; each measure touches a few scenarios and, on each, lowers
 * some of those scores. With a set of measures in place each score is
 * the most favourable (lowest) among the current one and the measures'
 * (method.md section 6), and the risk is 10^L x the sum of the impacts:
 * two measures on one score do not add up. "coarse" problems draw
 * scores and costs from few values, so that ties are frequent.
 */
#ifndef NATRISK_PORTFOLIO_SHAPES_H
#define NATRISK_PORTFOLIO_SHAPES_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include <natrisk/common.h>
#include <natrisk/portfolio.h>

#define SHAPE_CRITERIA 3
#define SHAPE_MAX_TOUCH 12
#define SHAPE_MAX_LINKS 3

typedef struct shape_scenario {
	double likelihood;
	double impact[SHAPE_CRITERIA];
	size_t touching[SHAPE_MAX_TOUCH];
	size_t touching_count;
	/* per touching measure: the score it gives, or NAN for none */
	double effect_likelihood[SHAPE_MAX_TOUCH];
	double effect_impact[SHAPE_MAX_TOUCH][SHAPE_CRITERIA];
} shape_scenario;

typedef struct shape {
	size_t measures, scenarios;
	char (*ids)[24];
	natrisk_portfolio_measure *measure;
	size_t (*requires)[SHAPE_MAX_LINKS], (*excludes)[SHAPE_MAX_LINKS];
	shape_scenario *scenario;
	natrisk_portfolio_scenario *view;
	bool *must, *never;
	natrisk_portfolio_problem problem;
} shape;

static uint64_t shape_next(uint64_t *state)
{
	/* splitmix64 */
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double shape_uniform(uint64_t *state)
{
	return (double)(shape_next(state) >> 11) * 0x1.0p-53;
}

static size_t shape_below(uint64_t *state, size_t n)
{
	return (size_t)(shape_uniform(state) * (double)n);
}

/* The risk of scenario SC with the touching measures in MASK in place. */
static double shape_risk(const shape_scenario *sc, unsigned long mask)
{
	double likelihood = sc->likelihood, total = 0.0;
	for (size_t k = 0; k < sc->touching_count; k++)
		if ((mask >> k & 1) && sc->effect_likelihood[k] < likelihood)
			likelihood = sc->effect_likelihood[k];
	for (int c = 0; c < SHAPE_CRITERIA; c++) {
		double v = sc->impact[c];
		for (size_t k = 0; k < sc->touching_count; k++)
			if ((mask >> k & 1) && sc->effect_impact[k][c] < v)
				v = sc->effect_impact[k][c];
		total += v;
	}
	return pow(10.0, likelihood) * total;
}

static int shape_risk_fn(void *user, size_t scenario, unsigned long mask,
                         double *risk)
{
	*risk = shape_risk(&((const shape *)user)->scenario[scenario], mask);
	return NATRISK_OK;
}

/* A score: coarse ones are whole classes, others anywhere. */
static double shape_score(uint64_t *rng, bool coarse, double top)
{
	double v = shape_uniform(rng) * top;
	return coarse ? floor(v) : v;
}

/* Measure M touches scenario S: on one or two of its scores it gives a
 * lower one. */
static void shape_touch(shape *sh, uint64_t *rng, size_t m, size_t s,
                        bool coarse)
{
	shape_scenario *sc = &sh->scenario[s];
	if (sc->touching_count == SHAPE_MAX_TOUCH)
		return;
	for (size_t k = 0; k < sc->touching_count; k++)
		if (sc->touching[k] == m)
			return;
	size_t k = sc->touching_count++;
	sc->touching[k] = m;
	sc->effect_likelihood[k] = NAN;
	for (int c = 0; c < SHAPE_CRITERIA; c++)
		sc->effect_impact[k][c] = NAN;
	size_t scores = 1 + shape_below(rng, 2);
	for (size_t i = 0; i < scores; i++) {
		size_t which = shape_below(rng, SHAPE_CRITERIA + 1);
		double *current = which == SHAPE_CRITERIA ? &sc->likelihood :
		                  &sc->impact[which];
		double *effect = which == SHAPE_CRITERIA ?
		                 &sc->effect_likelihood[k] :
		                 &sc->effect_impact[k][which];
		*effect = shape_score(rng, coarse, *current);
	}
}

/* Requires and excludes: a few, to measures of lower index (no
 * cycles), none between a measure and itself. */
static void shape_links(shape *sh, uint64_t *rng, size_t m, double share)
{
	natrisk_portfolio_measure *me = &sh->measure[m];
	me->requires = sh->requires[m];
	me->excludes = sh->excludes[m];
	for (size_t k = 0; k < SHAPE_MAX_LINKS && m > 0; k++) {
		if (shape_uniform(rng) < share)
			sh->requires[m][me->require_count++] = shape_below(rng, m);
		if (shape_uniform(rng) < share)
			sh->excludes[m][me->exclude_count++] = shape_below(rng, m);
	}
}

static void shape_free(shape *sh)
{
	free(sh->ids);
	free(sh->measure);
	free(sh->requires);
	free(sh->excludes);
	free(sh->scenario);
	free(sh->view);
	free(sh->must);
	free(sh->never);
	memset(sh, 0, sizeof *sh);
}

/* A problem of MEASURES x SCENARIOS, each measure touching about
 * TOUCHES scenarios, with a share LINKS of requires and excludes. */
static int shape_make(shape *sh, uint64_t seed, size_t measures,
                      size_t scenarios, size_t touches, double links,
                      bool coarse)
{
	memset(sh, 0, sizeof *sh);
	uint64_t rng = seed;
	sh->measures = measures;
	sh->scenarios = scenarios;
	size_t n = measures ? measures : 1, s = scenarios ? scenarios : 1;
	sh->ids = calloc(n, sizeof *sh->ids);
	sh->measure = calloc(n, sizeof *sh->measure);
	sh->requires = calloc(n, sizeof *sh->requires);
	sh->excludes = calloc(n, sizeof *sh->excludes);
	sh->scenario = calloc(s, sizeof *sh->scenario);
	sh->view = calloc(s, sizeof *sh->view);
	sh->must = calloc(n, sizeof *sh->must);
	sh->never = calloc(n, sizeof *sh->never);
	if (!sh->ids || !sh->measure || !sh->requires || !sh->excludes ||
	    !sh->scenario || !sh->view || !sh->must || !sh->never) {
		shape_free(sh);
		return NATRISK_ENOMEM;
	}
	for (size_t k = 0; k < scenarios; k++) {
		shape_scenario *sc = &sh->scenario[k];
		sc->likelihood = 1.0 + shape_score(&rng, coarse, 4.0);
		for (int c = 0; c < SHAPE_CRITERIA; c++)
			sc->impact[c] = shape_score(&rng, coarse, 5.0);
	}
	for (size_t m = 0; m < measures; m++) {
		/* ids not in index order, so that ties by id are tested */
		snprintf(sh->ids[m], sizeof sh->ids[m], "m%02zu",
		         measures - 1 - m);
		natrisk_portfolio_measure *me = &sh->measure[m];
		me->id = sh->ids[m];
		me->cost_once = coarse ? (double)shape_below(&rng, 4) :
		                1e5 * (1.0 + floor(shape_uniform(&rng) * 50.0));
		me->cost_yearly = coarse ? (double)shape_below(&rng, 2) :
		                  1e4 * floor(shape_uniform(&rng) * 20.0);
		size_t count = 1 + shape_below(&rng, 2 * touches);
		for (size_t t = 0; t < count && scenarios; t++)
			shape_touch(sh, &rng, m, shape_below(&rng, scenarios),
			            coarse);
		shape_links(sh, &rng, m, links);
	}
	for (size_t k = 0; k < scenarios; k++) {
		sh->view[k].touching = sh->scenario[k].touching;
		sh->view[k].touching_count = sh->scenario[k].touching_count;
	}
	sh->problem = (natrisk_portfolio_problem){
		.measures = sh->measure, .measure_count = measures,
		.scenarios = sh->view, .scenario_count = scenarios,
		.risk_fn = shape_risk_fn, .risk_user = sh, .years = 1,
	};
	return NATRISK_OK;
}

#endif
