/*
 * plan_portfolio.c - the portfolio of a plan (plan_portfolio.h): the
 * abstract problem of portfolio.h made from the plan's measures, each
 * scenario's risk for a subset of its touching measures asked of the
 * residual risk (residual.h); and the explanation of a selected measure.
 * The robustness draws are plan_portfolio_robust.c.
 */
#include "core/plan_portfolio_model.h"

#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/portfolio_model.h"

size_t plan_portfolio_gather(const natrisk_plan_portfolio *pp, size_t s,
                             unsigned long mask, natrisk_effect *out,
                             size_t *from)
{
	size_t count = 0;
	for (size_t j = pp->effect_start[s]; j < pp->effect_start[s + 1]; j++) {
		if (!(mask >> pp->effects[j].k & 1))
			continue;
		if (from)
			from[count] = j - pp->effect_start[s];
		out[count++] = pp->effects[j].effect;
	}
	return count;
}

/* The residual risk of scenario S with the subset IN_PLACE of its
 * touching measures: natrisk_portfolio_risk_fn. */
static int subset_risk(void *user, size_t s, unsigned long in_place,
                       double *risk)
{
	natrisk_plan_portfolio *pp = user;
	size_t count = plan_portfolio_gather(pp, s, in_place, pp->scratch, NULL);
	int rc = natrisk_residual_apply(pp->residual, pp->scratch, count);
	*risk = natrisk_residual_risk_value(pp->residual, s);
	return rc;
}

/* Whether measure M has an effect on scenario S. */
static bool touches(const natrisk_measure *m, size_t s)
{
	for (size_t e = 0; e < m->effect_count; e++)
		if (m->effects[e].scenario == s)
			return true;
	return false;
}

/* Counts first (touching, effects per scenario), then fills. */
static int link_scenarios(natrisk_plan_portfolio *pp)
{
	const natrisk_plan *p = pp->plan;
	size_t n = natrisk_plan_measure_count(p);
	size_t scenarios = natrisk_assessment_scenario_count(pp->assessment);
	size_t touch_total = 0, effect_total = 0;
	for (size_t m = 0; m < n; m++) {
		const natrisk_measure *me = natrisk_plan_measure(p, m);
		effect_total += me->effect_count;
		for (size_t s = 0; s < scenarios; s++)
			touch_total += touches(me, s);
	}
	pp->touching = malloc((touch_total + 1) * sizeof *pp->touching);
	pp->effects = malloc((effect_total + 1) * sizeof *pp->effects);
	pp->scratch = malloc((effect_total + 1) * sizeof *pp->scratch);
	pp->effect_start = malloc((scenarios + 1) * sizeof *pp->effect_start);
	pp->scenarios = calloc(scenarios + 1, sizeof *pp->scenarios);
	if (!pp->touching || !pp->effects || !pp->scratch ||
	    !pp->effect_start || !pp->scenarios)
		return error_set(NATRISK_ENOMEM, "out of memory");
	size_t *touch = pp->touching, effects = 0;
	for (size_t s = 0; s < scenarios; s++) {
		natrisk_portfolio_scenario *sc = &pp->scenarios[s];
		sc->touching = touch;
		pp->effect_start[s] = effects;
		for (size_t m = 0; m < n; m++) {
			const natrisk_measure *me = natrisk_plan_measure(p, m);
			if (!touches(me, s))
				continue;
			for (size_t e = 0; e < me->effect_count; e++)
				if (me->effects[e].scenario == s)
					pp->effects[effects++] = (touch_effect){
						sc->touching_count, me->effects[e] };
			touch[sc->touching_count++] = m;
		}
		touch += sc->touching_count;
	}
	pp->effect_start[scenarios] = effects;
	return NATRISK_OK;
}

static int copy_measures(natrisk_plan_portfolio *pp)
{
	size_t n = natrisk_plan_measure_count(pp->plan);
	const natrisk_plan_portfolio_options *o = &pp->options;
	pp->measures = calloc(n + 1, sizeof *pp->measures);
	pp->must = calloc(n + 1, sizeof *pp->must);
	pp->never = calloc(n + 1, sizeof *pp->never);
	if (!pp->measures || !pp->must || !pp->never)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t m = 0; m < n; m++) {
		const natrisk_measure *me = natrisk_plan_measure(pp->plan, m);
		pp->measures[m] = (natrisk_portfolio_measure){
			me->id, me->cost_once, me->cost_yearly, me->requires,
			me->require_count, me->excludes, me->exclude_count };
		pp->must[m] = o->must && o->must[m];
		pp->never[m] = o->never && o->never[m];
	}
	pp->options.must = pp->must;
	pp->options.never = pp->never;
	return NATRISK_OK;
}

int natrisk_plan_portfolio_new(natrisk_plan_portfolio **out,
                               const natrisk_plan *plan,
                               const natrisk_plan_portfolio_options *options)
{
	*out = NULL;
	natrisk_plan_portfolio *pp = calloc(1, sizeof *pp);
	if (!pp)
		return error_set(NATRISK_ENOMEM, "out of memory");
	pp->plan = plan;
	pp->assessment = natrisk_plan_assessment(plan);
	pp->options = *options;
	int rc = copy_measures(pp);
	if (rc == NATRISK_OK)
		rc = link_scenarios(pp);
	if (rc == NATRISK_OK)
		rc = natrisk_residual_new(&pp->residual, pp->assessment,
		                          options->profile);
	if (rc == NATRISK_OK) {
		pp->problem = (natrisk_portfolio_problem){
			pp->measures, natrisk_plan_measure_count(plan),
			pp->scenarios,
			natrisk_assessment_scenario_count(pp->assessment),
			subset_risk, pp, options->years, pp->must, pp->never };
		rc = natrisk_portfolio_new(&pp->problem, &pp->portfolio);
	}
	if (rc != NATRISK_OK) {
		natrisk_plan_portfolio_free(pp);
		return rc;
	}
	*out = pp;
	return NATRISK_OK;
}

void natrisk_plan_portfolio_free(natrisk_plan_portfolio *pp)
{
	if (!pp)
		return;
	natrisk_portfolio_free(pp->portfolio);
	natrisk_residual_free(pp->residual);
	free(pp->measures);
	free(pp->must);
	free(pp->never);
	free(pp->scenarios);
	free(pp->touching);
	free(pp->effects);
	free(pp->scratch);
	free(pp->effect_start);
	free(pp);
}

const natrisk_portfolio *natrisk_plan_portfolio_problem(
	const natrisk_plan_portfolio *pp)
{
	return pp->portfolio;
}

/* ---- the explanation ------------------------------------------------ */

/* Scenario S's change by measure M (its bit K there), criteria from the
 * effects of M on S. */
static int fill_change(const natrisk_plan_portfolio *pp, size_t s, size_t k,
                       natrisk_portfolio_change *c)
{
	const natrisk_portfolio *p = pp->portfolio;
	const double *r = p->table + p->table_start[s];
	long *criteria = malloc((pp->effect_start[s + 1] - pp->effect_start[s] + 1) *
	                        sizeof *criteria);
	if (!criteria)
		return error_set(NATRISK_ENOMEM, "out of memory");
	*c = (natrisk_portfolio_change){ .scenario = s, .criteria = criteria,
	                                 .risk_before = r[0],
	                                 .risk_after = r[1UL << k] };
	for (size_t j = pp->effect_start[s]; j < pp->effect_start[s + 1]; j++)
		if (pp->effects[j].k == k)
			criteria[c->criterion_count++] =
				pp->effects[j].effect.criterion;
	return NATRISK_OK;
}

static int fill_changes(const natrisk_plan_portfolio *pp, size_t m,
                        natrisk_portfolio_explain *e)
{
	size_t scenarios = pp->problem.scenario_count;
	e->changes = calloc(scenarios + 1, sizeof *e->changes);
	if (!e->changes)
		return error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t s = 0; s < scenarios; s++) {
		const natrisk_portfolio_scenario *sc = &pp->scenarios[s];
		for (size_t k = 0; k < sc->touching_count; k++) {
			if (sc->touching[k] != m)
				continue;
			int rc = fill_change(pp, s, k, &e->changes[e->change_count]);
			if (rc != NATRISK_OK)
				return rc;
			e->change_count++;
		}
	}
	return NATRISK_OK;
}

/* CHOICE's reduction minus that of CHOICE without M and whatever needs
 * M, in turn (the set must stay a portfolio). */
static int marginal(const natrisk_plan_portfolio *pp,
                    const natrisk_portfolio_choice *choice, size_t m,
                    double *out)
{
	size_t n = pp->problem.measure_count;
	bool *without = malloc((n + 1) * sizeof *without);
	if (!without)
		return error_set(NATRISK_ENOMEM, "out of memory");
	memcpy(without, choice->selected, n * sizeof *without);
	without[m] = false;
	for (bool dropped = true; dropped;) {
		dropped = false;
		for (size_t j = 0; j < n; j++)
			for (size_t k = 0; without[j] &&
			     k < pp->measures[j].require_count; k++)
				if (!without[pp->measures[j].requires[k]]) {
					without[j] = false;
					dropped = true;
				}
	}
	*out = portfolio_risk_after(pp->portfolio, without) - choice->risk_after;
	free(without);
	return NATRISK_OK;
}

/* The optimum at BUDGET with M forbidden too; none when the must set
 * needs M. */
static int alternative(const natrisk_plan_portfolio *pp, double budget,
                       size_t m, natrisk_portfolio_explain *e)
{
	if (pp->must[m])
		return NATRISK_OK;
	natrisk_plan_portfolio_options o = pp->options;
	size_t n = pp->problem.measure_count;
	bool *never = malloc((n + 1) * sizeof *never);
	if (!never)
		return error_set(NATRISK_ENOMEM, "out of memory");
	memcpy(never, pp->never, n * sizeof *never);
	never[m] = true;
	o.never = never;
	natrisk_plan_portfolio *other;
	int rc = natrisk_plan_portfolio_new(&other, pp->plan, &o);
	free(never);
	if (rc != NATRISK_OK)
		return rc;
	rc = natrisk_portfolio_solve(other->portfolio, budget, &e->alternative);
	natrisk_plan_portfolio_free(other);
	if (rc == NATRISK_EINVALID) /* the must set needs M */
		return NATRISK_OK;
	e->has_alternative = rc == NATRISK_OK;
	return rc;
}

int natrisk_plan_portfolio_explain(const natrisk_plan_portfolio *pp,
                                   const natrisk_portfolio_choice *choice,
                                   double budget, size_t m,
                                   natrisk_portfolio_explain *out)
{
	memset(out, 0, sizeof *out);
	out->measure = m;
	if (m >= pp->problem.measure_count)
		return error_set(NATRISK_ENOTFOUND, "no measure %zu", m);
	int rc = fill_changes(pp, m, out);
	if (rc == NATRISK_OK)
		rc = marginal(pp, choice, m, &out->marginal);
	if (rc == NATRISK_OK)
		rc = alternative(pp, budget, m, out);
	if (rc != NATRISK_OK)
		natrisk_portfolio_explain_release(out);
	return rc;
}

void natrisk_portfolio_explain_release(natrisk_portfolio_explain *e)
{
	if (!e)
		return;
	for (size_t k = 0; e->changes && k < e->change_count; k++)
		free((long *)e->changes[k].criteria);
	free(e->changes);
	natrisk_portfolio_choice_release(&e->alternative);
	memset(e, 0, sizeof *e);
}
