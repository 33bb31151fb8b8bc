/*
 * capabilities.c - the figures of a capability analysis (capabilities.h,
 * method.md section 6): medians of the experts' levels, gaps, the flag
 * for experts two or more levels apart, the totals per phase and the
 * gaps in the safety chain.
 */
#include <stdlib.h>

#include <natrisk/capabilities.h>

#include "arena.h"
#include "error.h"
#include "plan_model.h"

/* Levels two or more apart flag a capability, as scores do. */
enum { FLAG_SPREAD = 2 };

struct natrisk_capabilities {
	arena arena; /* first: it owns the figures */
	const natrisk_plan *plan;
	natrisk_capability_figures *figures;
	natrisk_phase_figures phases[NATRISK_PHASE_COUNT];
	natrisk_chain_gap *chain_gaps;
	size_t chain_gap_count;
};

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double natrisk_median(double *values, size_t n)
{
	if (n == 0)
		return 0;
	qsort(values, n, sizeof *values, by_value);
	return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Medians, gap and flag of capability C; SCRATCH holds its levels. */
static void figure_levels(const natrisk_capability *c, double *scratch,
                          natrisk_capability_figures *f)
{
	f->experts = c->level_count;
	f->has_levels = c->level_count > 0;
	if (!f->has_levels)
		return;
	int low = NATRISK_LEVEL_MAX, high = 0;
	for (size_t k = 0; k < c->level_count; k++) {
		int current = c->levels[k].current;
		scratch[k] = current;
		low = current < low ? current : low;
		high = current > high ? current : high;
	}
	f->current = natrisk_median(scratch, c->level_count);
	for (size_t k = 0; k < c->level_count; k++)
		scratch[k] = c->levels[k].target;
	f->target = natrisk_median(scratch, c->level_count);
	f->gap = f->target - f->current;
	f->flagged = high - low >= FLAG_SPREAD;
}

/* The measures that name capability I, in the plan's order. */
static bool find_measures(natrisk_capabilities *c, size_t i,
                          natrisk_capability_figures *f)
{
	const natrisk_plan *p = c->plan;
	size_t *list = arena_array(&c->arena, p->measure_count + 1,
	                           sizeof *list);
	if (!list)
		return false;
	for (size_t m = 0; m < p->measure_count; m++)
		for (size_t k = 0; k < p->measures[m].capability_count; k++)
			if (p->measures[m].capabilities[k] == i) {
				list[f->measure_count++] = m;
				break;
			}
	f->measures = list;
	return true;
}

/* Which phases name each scenario, then one entry per named scenario. */
static bool find_chain_gaps(natrisk_capabilities *c)
{
	const natrisk_plan *p = c->plan;
	size_t n = natrisk_assessment_scenario_count(p->assessment);
	bool (*named)[NATRISK_PHASE_COUNT] = calloc(n + 1, sizeof *named);
	bool *any = calloc(n + 1, sizeof *any);
	c->chain_gaps = arena_array(&c->arena, n + 1, sizeof *c->chain_gaps);
	bool ok = named && any && c->chain_gaps;
	for (size_t i = 0; ok && i < p->capability_count; i++) {
		const natrisk_capability *cap = &p->capabilities[i];
		for (size_t k = 0; k < cap->scenario_count; k++) {
			named[cap->scenarios[k]][cap->phase] = true;
			any[cap->scenarios[k]] = true;
		}
	}
	for (size_t s = 0; ok && s < n; s++) {
		if (!any[s])
			continue;
		natrisk_chain_gap *g = &c->chain_gaps[c->chain_gap_count++];
		g->scenario = s;
		for (int ph = 0; ph < NATRISK_PHASE_COUNT; ph++) {
			g->missing[ph] = !named[s][ph];
			g->missing_count += g->missing[ph];
		}
	}
	free(named);
	free(any);
	return ok;
}

static bool compute(natrisk_capabilities *c)
{
	const natrisk_plan *p = c->plan;
	size_t most = 1;
	for (size_t i = 0; i < p->capability_count; i++)
		if (p->capabilities[i].level_count > most)
			most = p->capabilities[i].level_count;
	double *scratch = malloc(most * sizeof *scratch);
	c->figures = arena_array(&c->arena, p->capability_count + 1,
	                         sizeof *c->figures);
	bool ok = scratch && c->figures;
	for (size_t i = 0; ok && i < p->capability_count; i++) {
		const natrisk_capability *cap = &p->capabilities[i];
		natrisk_capability_figures *f = &c->figures[i];
		figure_levels(cap, scratch, f);
		ok = find_measures(c, i, f);
		natrisk_phase_figures *phase = &c->phases[cap->phase];
		phase->capabilities++;
		if (f->has_levels && f->gap > 0)
			phase->gap += f->gap;
	}
	free(scratch);
	return ok && find_chain_gaps(c);
}

int natrisk_capabilities_new(natrisk_capabilities **out,
                             const natrisk_plan *p)
{
	*out = NULL;
	natrisk_capabilities *c = arena_owned_new(sizeof *c);
	if (!c)
		return error_set(NATRISK_ENOMEM, "out of memory");
	c->plan = p;
	if (!compute(c)) {
		arena_owned_free(c);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	*out = c;
	return NATRISK_OK;
}

void natrisk_capabilities_free(natrisk_capabilities *c)
{
	if (c)
		arena_owned_free(c);
}

const natrisk_plan *natrisk_capabilities_plan(const natrisk_capabilities *c)
{
	return c->plan;
}

const natrisk_capability_figures *
natrisk_capabilities_figures(const natrisk_capabilities *c, size_t i)
{
	return &c->figures[i];
}

const natrisk_phase_figures *
natrisk_capabilities_phase(const natrisk_capabilities *c, natrisk_phase phase)
{
	return &c->phases[phase];
}

size_t natrisk_capabilities_chain_gap_count(const natrisk_capabilities *c)
{
	return c->chain_gap_count;
}

const natrisk_chain_gap *
natrisk_capabilities_chain_gap(const natrisk_capabilities *c, size_t i)
{
	return &c->chain_gaps[i];
}
