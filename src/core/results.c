/*
 * results.c - the deterministic engine: an assessment and a weight profile
 * in, totals, positions, interest subtotals and the risk ranking out.
 *
 * One allocation holds everything; natrisk_results_new() does all the work,
 * so results are immutable once built and may be shared between threads.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "error.h"

struct natrisk_results {
	const natrisk_assessment *assessment;
	size_t profile;
	size_t count;
	natrisk_scenario_result *scenarios;
	size_t *order;
	double *interest_block;
};

/* Weighted numerator of one point (LL, EV or UL), over all criteria. */
static double point_numerator(const natrisk_method *m,
                              const natrisk_profile *profile,
                              const natrisk_scenario *s, int point,
                              double *scratch)
{
	for (size_t c = 0; c < m->criterion_count; c++)
		scratch[c] = profile->raw[c] *
		             grade_value(m, &s->impact[c].point[point]);
	return stable_sum(scratch, m->criterion_count);
}

static void interest_subtotals(const natrisk_method *m,
                               const natrisk_profile *profile,
                               const natrisk_scenario *s, double *scratch,
                               double *out)
{
	for (size_t i = 0; i < m->interest_count; i++) {
		size_t n = 0;
		for (size_t c = 0; c < m->criterion_count; c++)
			if (m->criteria[c].interest == i)
				scratch[n++] = profile->raw[c] *
				               grade_value(m, &s->impact[c].point[NATRISK_EV]);
		out[i] = stable_sum(scratch, n) / profile->raw_sum;
	}
}

static void assess_scenario(const natrisk_method *m,
                            const natrisk_profile *profile,
                            const natrisk_scenario *s, double *scratch,
                            natrisk_scenario_result *r, double *interests)
{
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		r->likelihood_position[p] =
			likelihood_position(m, &s->likelihood.point[p]);
		impact_level(m, point_numerator(m, profile, s, p, scratch),
		             profile->raw_sum, &r->impact[p]);
	}
	interest_subtotals(m, profile, s, scratch, interests);
	r->interests = interests;
	double impact = r->impact[NATRISK_EV].position;
	/* A scenario with no impact at all ranks below every other. */
	r->risk = isnan(impact) ? -INFINITY
	                        : r->likelihood_position[NATRISK_EV] + impact;
}

static _Thread_local const natrisk_scenario_result *sort_base;

static int by_risk(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	double ra = sort_base[a].risk, rb = sort_base[b].risk;
	if (ra != rb)
		return ra > rb ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void rank_scenarios(natrisk_results *r)
{
	for (size_t i = 0; i < r->count; i++)
		r->order[i] = i;
	/* qsort has no context argument in C17, hence a thread-local. */
	sort_base = r->scenarios;
	qsort(r->order, r->count, sizeof *r->order, by_risk);
	for (size_t i = 0; i < r->count; i++) {
		natrisk_scenario_result *s = &r->scenarios[r->order[i]];
		if (i > 0 && s->risk == r->scenarios[r->order[i - 1]].risk)
			s->rank = r->scenarios[r->order[i - 1]].rank;
		else
			s->rank = (int)i + 1;
	}
}

int natrisk_results_new(natrisk_results **out, const natrisk_assessment *a,
                        size_t profile)
{
	*out = NULL;
	const natrisk_method *m = a->method;
	if (profile >= m->profile_count)
		return error_set(NATRISK_ENOTFOUND, "no weight profile %zu",
		                 profile);
	size_t n = a->scenario_count, ni = m->interest_count;
	natrisk_results *r = calloc(1, sizeof *r);
	natrisk_scenario_result *scenarios = calloc(n ? n : 1, sizeof *scenarios);
	size_t *order = calloc(n ? n : 1, sizeof *order);
	double *interests = calloc(n * ni + 1, sizeof *interests);
	double *scratch = calloc(m->criterion_count + 1, sizeof *scratch);
	if (!r || !scenarios || !order || !interests || !scratch) {
		free(r), free(scenarios), free(order), free(interests),
			free(scratch);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	*r = (natrisk_results){ a, profile, n, scenarios, order, interests };
	for (size_t i = 0; i < n; i++)
		assess_scenario(m, &m->profiles[profile], &a->scenarios[i],
		                scratch, &scenarios[i], interests + i * ni);
	free(scratch);
	rank_scenarios(r);
	*out = r;
	return NATRISK_OK;
}

int natrisk_results_new_like(natrisk_results **out,
                             const natrisk_assessment *a,
                             const natrisk_results *like)
{
	const natrisk_method *now = like->assessment->method;
	const char *id = now->profiles[like->profile].id;
	long profile = natrisk_method_find_profile(a->method, id);
	if (profile < 0)
		profile = (long)natrisk_method_default_profile(a->method);
	return natrisk_results_new(out, a, (size_t)profile);
}

void natrisk_results_free(natrisk_results *r)
{
	if (!r)
		return;
	free(r->interest_block);
	free(r->scenarios);
	free(r->order);
	free(r);
}

const natrisk_assessment *natrisk_results_assessment(const natrisk_results *r)
{
	return r->assessment;
}

size_t natrisk_results_profile(const natrisk_results *r) { return r->profile; }
size_t natrisk_results_count(const natrisk_results *r) { return r->count; }

const natrisk_scenario_result *natrisk_results_get(const natrisk_results *r,
                                                   size_t i)
{
	return i < r->count ? &r->scenarios[i] : NULL;
}

const size_t *natrisk_results_order(const natrisk_results *r)
{
	return r->order;
}

void natrisk_impact_range(const natrisk_impact_level *level, char out[4])
{
	const char *letter = natrisk_class_letter(level->cls);
	if (level->cls == NATRISK_CLASS_X || level->cls == NATRISK_CLASS_E ||
	    level->on_class_value || level->position < 0) {
		strcpy(out, letter);
		return;
	}
	out[0] = letter[0];
	out[1] = '-';
	out[2] = natrisk_class_letter(level->cls + 1)[0];
	out[3] = '\0';
}
