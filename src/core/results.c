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
	double *risk_values;   /* per scenario, see risk_value() */
};

static void interest_subtotals(const natrisk_method *m,
                               const natrisk_profile *profile,
                               const natrisk_scenario *s, double *scratch,
                               double *out)
{
	for (size_t i = 0; i < m->interest_count; i++)
		out[i] = grade_sum_value(m, weighted_grades(m, profile->raw,
		                                            s->impact, NATRISK_EV,
		                                            (long)i, scratch)) /
		         profile->raw_sum;
}

/* A scenario's EV impact sum, and its risk value from it: 0 without
 * any impact (a total that is not above 0). */
static grade_sum ev_sum(const natrisk_method *m, const natrisk_profile *profile,
                        const natrisk_scenario *s, double *scratch)
{
	return weighted_grades(m, profile->raw, s->impact, NATRISK_EV, -1,
	                       scratch);
}

static double scenario_risk_value(const natrisk_method *m,
                                  const natrisk_profile *profile,
                                  const natrisk_scenario *s, grade_sum ev)
{
	if (!(grade_sum_value(m, ev) / profile->raw_sum > 0.0))
		return 0.0;
	int k;
	double fraction;
	likelihood_place(m, &s->likelihood.point[NATRISK_EV], &k, &fraction);
	return risk_value(m, ev, k, fraction);
}

/* Fills R; the return value is the scenario's risk value. */
static double assess_scenario(const natrisk_method *m,
                              const natrisk_profile *profile,
                              const natrisk_scenario *s, double *scratch,
                              natrisk_scenario_result *r, double *interests)
{
	grade_sum ev = { 0, 0 };
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		r->likelihood_position[p] =
			likelihood_position(m, &s->likelihood.point[p]);
		grade_sum sum = weighted_grades(m, profile->raw, s->impact, p,
		                                -1, scratch);
		impact_level(m, grade_sum_value(m, sum), profile->raw_sum,
		             &r->impact[p]);
		if (p == NATRISK_EV)
			ev = sum;
	}
	interest_subtotals(m, profile, s, scratch, interests);
	r->interests = interests;
	double impact = r->impact[NATRISK_EV].position;
	/* A scenario with no impact at all ranks below every other. */
	r->risk = isnan(impact) ? -INFINITY
	                        : r->likelihood_position[NATRISK_EV] + impact;
	return scenario_risk_value(m, profile, s, ev);
}

static _Thread_local const double *sort_values;

static int by_risk(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	double ra = sort_values[a], rb = sort_values[b];
	if (ra != rb)
		return ra > rb ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Ranks by risk value, never by the summed logarithms of r->risk, which
 * round differently for equal risks (5 at C, 15 at B, 45 at A): ORDER
 * (N) receives the scenarios highest risk first, RANKS[i] scenario i's
 * rank, ties sharing the better one. */
static void rank_by_risk(const double *risk_values, size_t n, size_t *order,
                         int *ranks)
{
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	/* qsort has no context argument in C17, hence a thread-local. */
	sort_values = risk_values;
	qsort(order, n, sizeof *order, by_risk);
	for (size_t i = 0; i < n; i++) {
		size_t now = order[i];
		size_t before = i > 0 ? order[i - 1] : now;
		if (i > 0 && risk_values[now] == risk_values[before])
			ranks[now] = ranks[before];
		else
			ranks[now] = (int)i + 1;
	}
}

static int rank_scenarios(natrisk_results *r)
{
	int *ranks = malloc((r->count + 1) * sizeof *ranks);
	if (!ranks)
		return error_set(NATRISK_ENOMEM, "out of memory");
	rank_by_risk(r->risk_values, r->count, r->order, ranks);
	for (size_t i = 0; i < r->count; i++)
		r->scenarios[i].rank = ranks[i];
	free(ranks);
	return NATRISK_OK;
}

static void results_release(natrisk_results *r)
{
	if (!r)
		return;
	free(r->interest_block);
	free(r->scenarios);
	free(r->order);
	free(r->risk_values);
	free(r);
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
	double *scratch = calloc(2 * m->criterion_count + 1, sizeof *scratch);
	if (r) {
		r->scenarios = calloc(n ? n : 1, sizeof *r->scenarios);
		r->order = calloc(n ? n : 1, sizeof *r->order);
		r->interest_block = calloc(n * ni + 1, sizeof *r->interest_block);
		r->risk_values = calloc(n ? n : 1, sizeof *r->risk_values);
	}
	if (!r || !scratch || !r->scenarios || !r->order ||
	    !r->interest_block || !r->risk_values) {
		results_release(r);
		free(scratch);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	r->assessment = a;
	r->profile = profile;
	r->count = n;
	for (size_t i = 0; i < n; i++)
		r->risk_values[i] = assess_scenario(
			m, &m->profiles[profile], &a->scenarios[i], scratch,
			&r->scenarios[i], r->interest_block + i * ni);
	free(scratch);
	int rc = rank_scenarios(r);
	if (rc != NATRISK_OK) {
		results_release(r);
		return rc;
	}
	*out = r;
	return NATRISK_OK;
}

int results_ev_totals(const natrisk_assessment *a, size_t profile,
                      double *totals)
{
	const natrisk_method *m = a->method;
	const natrisk_profile *pr = &m->profiles[profile];
	double *scratch = calloc(2 * m->criterion_count + 1, sizeof *scratch);
	if (!scratch)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t i = 0; i < a->scenario_count; i++)
		totals[i] = grade_sum_value(m, ev_sum(m, pr, &a->scenarios[i],
		                                      scratch)) / pr->raw_sum;
	free(scratch);
	return NATRISK_OK;
}

int natrisk_results_ranks(const natrisk_assessment *a, size_t profile,
                          int *ranks)
{
	const natrisk_method *m = a->method;
	if (profile >= m->profile_count)
		return error_set(NATRISK_ENOTFOUND, "no weight profile %zu",
		                 profile);
	size_t n = a->scenario_count;
	const natrisk_profile *pr = &m->profiles[profile];
	double *scratch = calloc(2 * m->criterion_count + 1, sizeof *scratch);
	double *values = calloc(n + 1, sizeof *values);
	size_t *order = calloc(n + 1, sizeof *order);
	int rc = NATRISK_OK;
	if (!scratch || !values || !order) {
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	} else {
		for (size_t i = 0; i < n; i++) {
			const natrisk_scenario *s = &a->scenarios[i];
			values[i] = scenario_risk_value(
				m, pr, s, ev_sum(m, pr, s, scratch));
		}
		rank_by_risk(values, n, order, ranks);
	}
	free(scratch), free(values), free(order);
	return rc;
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
	results_release(r);
}

int natrisk_results_compare_risk(const natrisk_results *a, size_t i,
                                 const natrisk_results *b, size_t j)
{
	const natrisk_method *ma = a->assessment->method;
	const natrisk_method *mb = b->assessment->method;
	double va = a->risk_values[i], vb = b->risk_values[j];
	if (ma->base != mb->base || ma->high_factor != mb->high_factor) {
		/* no common scale: the positions are all there is */
		va = a->scenarios[i].risk;
		vb = b->scenarios[j].risk;
	} else {
		/* risk values are N * base^L; the totals N / W */
		double wa = ma->profiles[a->profile].raw_sum;
		double wb = mb->profiles[b->profile].raw_sum;
		if (wa != wb) {
			va *= wb;
			vb *= wa;
		}
	}
	return (va > vb) - (va < vb);
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
