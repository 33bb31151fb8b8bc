/*
 * residual.c - residual risk (residual.h): choosing each score among the
 * current one and the effects on it, the residual assessment that
 * borrows the original, the risk value F^L * T, and the handle that
 * recomputes only the scenarios a set touches.
 *
 * The risk value is computed from the same likelihood position and
 * impact total that results.c computes (likelihood_position, and the
 * weighted EV sum over the profile's raw sum), so the handle's numbers
 * and those of the residual assessment's results agree bit for bit.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/residual.h>

#include "aggregate.h"
#include "error.h"

/* ---- choosing a score ---------------------------------------------- */

/* A grade's value as the engine ranks it: an impact grade by its class
 * value (a quantity by its class), a likelihood by its axis position. */
static double engine_value(const natrisk_method *m, bool likelihood,
                           const natrisk_grade *g)
{
	return likelihood ? likelihood_position(m, g) : grade_value(m, g);
}

/* Whether CANDIDATE beats CURRENT: lower EV, then lower UL, then lower
 * LL; a full tie keeps CURRENT. */
static bool more_favourable(const natrisk_method *m, bool likelihood,
                            const natrisk_score *candidate,
                            const natrisk_score *current)
{
	static const int order[] = { NATRISK_EV, NATRISK_UL, NATRISK_LL };
	for (size_t k = 0; k < 3; k++) {
		double c = engine_value(m, likelihood, &candidate->point[order[k]]);
		double now = engine_value(m, likelihood, &current->point[order[k]]);
		if (c != now)
			return c < now;
	}
	return false;
}

static bool grade_valid(const natrisk_grade *g, bool likelihood)
{
	if (likelihood && g->has_quantity)
		return g->quantity > 0 && g->quantity <= 1;
	int lowest = likelihood ? NATRISK_CLASS_A : NATRISK_CLASS_X;
	return g->cls >= lowest && g->cls <= NATRISK_CLASS_E;
}

/* NATRISK_OK, or NATRISK_EINVALID with a message for an effect that A
 * cannot take. */
static int effect_check(const natrisk_assessment *a, const natrisk_effect *e)
{
	const natrisk_method *m = a->method;
	if (e->scenario >= a->scenario_count)
		return error_set(NATRISK_EINVALID, "an effect names scenario "
		                 "%zu of %zu", e->scenario, a->scenario_count);
	bool likelihood = e->criterion == NATRISK_EFFECT_LIKELIHOOD;
	if (!likelihood && (e->criterion < 0 ||
	                    (size_t)e->criterion >= m->criterion_count))
		return error_set(NATRISK_EINVALID, "an effect names criterion "
		                 "%ld of %zu", e->criterion, m->criterion_count);
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		if (!grade_valid(&e->score.point[p], likelihood))
			return error_set(NATRISK_EINVALID, "an effect on "
			                 "scenario %s holds no valid score",
			                 a->scenarios[e->scenario].id);
	return NATRISK_OK;
}

/* The score of S that effect E is on. */
static const natrisk_score *target_score(const natrisk_scenario *s,
                                         const natrisk_effect *e)
{
	return e->criterion == NATRISK_EFFECT_LIKELIHOOD
	               ? &s->likelihood
	               : &s->impact[e->criterion];
}

/* Whether effect E replaces NOW, the score it is on as chosen so far;
 * ORIGINAL is that score in the assessment (X there stays X). */
static bool effect_wins(const natrisk_method *m, const natrisk_effect *e,
                        const natrisk_score *original,
                        const natrisk_score *now)
{
	bool likelihood = e->criterion == NATRISK_EFFECT_LIKELIHOOD;
	if (!likelihood && original->point[NATRISK_EV].cls == NATRISK_CLASS_X)
		return false;
	return more_favourable(m, likelihood, &e->score, now);
}

int natrisk_effect_changes(const natrisk_assessment *a,
                           const natrisk_effect *e)
{
	const natrisk_score *now = target_score(&a->scenarios[e->scenario], e);
	return effect_wins(a->method, e, now, now);
}

/* ---- the risk value ------------------------------------------------ */

static double risk_of(const natrisk_method *m, double likelihood,
                      double total)
{
	return total > 0 ? pow(m->likelihood_factor, likelihood) * total : 0.0;
}

/* r of a scenario whose likelihood is LIKELIHOOD and impact IMPACT;
 * SCRATCH as weighted_grades() needs it. */
static double scenario_risk(const natrisk_method *m,
                            const natrisk_profile *profile,
                            const natrisk_score *likelihood,
                            const natrisk_score *impact, double *scratch)
{
	grade_sum sum = weighted_grades(m, profile->raw, impact, NATRISK_EV,
	                                -1, scratch);
	double total = grade_sum_value(m, sum) / profile->raw_sum;
	return risk_of(m, likelihood_position(m, &likelihood->point[NATRISK_EV]),
	               total);
}

double natrisk_results_risk_value(const natrisk_results *r, size_t i)
{
	const natrisk_method *m = natrisk_results_assessment(r)->method;
	const natrisk_scenario_result *s = natrisk_results_get(r, i);
	return risk_of(m, s->likelihood_position[NATRISK_EV],
	               s->impact[NATRISK_EV].total);
}

double natrisk_results_risk_total(const natrisk_results *r)
{
	neumaier acc = { 0, 0 };
	for (size_t i = 0; i < natrisk_results_count(r); i++)
		neumaier_add(&acc, natrisk_results_risk_value(r, i));
	return acc.sum + acc.compensation;
}

/* ---- the residual assessment --------------------------------------- */

/* Puts the chosen score in place, its rationale copied into OUT's arena
 * (the effect's strings are its owner's). */
static void take_score(natrisk_assessment *out, natrisk_score *place,
                       const natrisk_score *chosen)
{
	*place = *chosen;
	place->why = arena_strdup(&out->arena, chosen->why);
}

/* Gives scenario S of OUT an impact array of its own, once. */
static bool own_impact(natrisk_assessment *out, natrisk_scenario *s,
                       bool *owned)
{
	if (*owned)
		return true;
	size_t c = out->method->criterion_count;
	natrisk_score *copy = arena_array(&out->arena, c ? c : 1, sizeof *copy);
	if (!copy)
		return false;
	memcpy(copy, s->impact, c * sizeof *copy);
	s->impact = copy;
	*owned = true;
	return true;
}

static int apply_effects(natrisk_assessment *out, const natrisk_assessment *a,
                         const natrisk_effect *effects, size_t count)
{
	bool *owned = arena_array(&out->arena, a->scenario_count + 1,
	                          sizeof *owned);
	if (!owned)
		return NATRISK_ENOMEM;
	for (size_t k = 0; k < count; k++) {
		const natrisk_effect *e = &effects[k];
		int rc = effect_check(a, e);
		if (rc != NATRISK_OK)
			return rc;
		natrisk_scenario *s = &out->scenarios[e->scenario];
		const natrisk_score *original =
			target_score(&a->scenarios[e->scenario], e);
		if (!effect_wins(a->method, e, original, target_score(s, e)))
			continue;
		if (e->criterion == NATRISK_EFFECT_LIKELIHOOD)
			take_score(out, &s->likelihood, &e->score);
		else if (own_impact(out, s, &owned[e->scenario]))
			take_score(out, &s->impact[e->criterion], &e->score);
	}
	return out->arena.out_of_memory ? NATRISK_ENOMEM : NATRISK_OK;
}

int natrisk_residual_assessment_new(natrisk_assessment **out,
                                    const natrisk_assessment *a,
                                    const natrisk_effect *effects,
                                    size_t count)
{
	*out = NULL;
	natrisk_assessment *r = arena_owned_new(sizeof *r);
	if (!r)
		return error_set(NATRISK_ENOMEM, "out of memory");
	arena own = r->arena;
	*r = *a;
	r->arena = own;
	r->method_borrowed = true;
	size_t n = a->scenario_count;
	r->scenarios = arena_array(&r->arena, n ? n : 1, sizeof *r->scenarios);
	int rc = NATRISK_ENOMEM;
	if (r->scenarios) {
		memcpy(r->scenarios, a->scenarios, n * sizeof *r->scenarios);
		rc = apply_effects(r, a, effects, count);
	}
	if (rc != NATRISK_OK) {
		natrisk_assessment_free(r);
		return rc == NATRISK_ENOMEM ? error_set(rc, "out of memory") : rc;
	}
	*out = r;
	return NATRISK_OK;
}

/* ---- the handle ---------------------------------------------------- */

struct natrisk_residual {
	const natrisk_assessment *assessment;
	const natrisk_profile *profile;
	size_t slots;              /* scores per scenario: 1 + criteria */
	double *before, *after;    /* r per scenario */
	double total_before, total_after;
	bool *changed;             /* per scenario, by the last set */
	size_t *touched;           /* scenarios the last set had effects on */
	size_t touched_count;
	/* per scenario and slot (0 the likelihood, 1 + c criterion c): the
	 * effect score chosen so far, NULL for the current one; set only
	 * during natrisk_residual_apply() */
	const natrisk_score **chosen;
	natrisk_score *impact;     /* one scenario's impact, for r */
	double *scratch;           /* weighted_grades() */
};

void natrisk_residual_free(natrisk_residual *r)
{
	if (!r)
		return;
	free(r->before);
	free(r->after);
	free(r->changed);
	free(r->touched);
	free(r->chosen);
	free(r->impact);
	free(r->scratch);
	free(r);
}

static bool residual_alloc(natrisk_residual *r, size_t n, size_t c)
{
	r->before = calloc(n + 1, sizeof *r->before);
	r->after = calloc(n + 1, sizeof *r->after);
	r->changed = calloc(n + 1, sizeof *r->changed);
	r->touched = calloc(n + 1, sizeof *r->touched);
	r->chosen = calloc(n * r->slots + 1, sizeof *r->chosen);
	r->impact = calloc(c + 1, sizeof *r->impact);
	r->scratch = calloc(2 * c + 1, sizeof *r->scratch);
	return r->before && r->after && r->changed && r->touched &&
	       r->chosen && r->impact && r->scratch;
}

int natrisk_residual_new(natrisk_residual **out, const natrisk_assessment *a,
                         size_t profile)
{
	*out = NULL;
	const natrisk_method *m = a->method;
	if (profile >= m->profile_count)
		return error_set(NATRISK_ENOTFOUND, "no weight profile %zu",
		                 profile);
	size_t n = a->scenario_count, c = m->criterion_count;
	natrisk_residual *r = calloc(1, sizeof *r);
	if (r)
		r->slots = c + 1;
	if (!r || !residual_alloc(r, n, c)) {
		natrisk_residual_free(r);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	r->assessment = a;
	r->profile = &m->profiles[profile];
	for (size_t i = 0; i < n; i++)
		r->before[i] = r->after[i] =
			scenario_risk(m, r->profile, &a->scenarios[i].likelihood,
			              a->scenarios[i].impact, r->scratch);
	r->total_before = r->total_after = compensated_sum(r->before, n);
	*out = r;
	return NATRISK_OK;
}

/* Back to no measure in place. */
static void residual_reset(natrisk_residual *r)
{
	for (size_t k = 0; k < r->touched_count; k++) {
		size_t i = r->touched[k];
		r->after[i] = r->before[i];
		r->changed[i] = false;
	}
	r->touched_count = 0;
	r->total_after = r->total_before;
}

/* Puts E's score in *SLOT (NULL: the scenario's own score so far) when
 * it wins there; returns whether it did. */
static bool choose_one(const natrisk_assessment *a, const natrisk_effect *e,
                       const natrisk_score **slot)
{
	const natrisk_score *original = target_score(&a->scenarios[e->scenario], e);
	if (!effect_wins(a->method, e, original, *slot ? *slot : original))
		return false;
	*slot = &e->score;
	return true;
}

int natrisk_residual_choose(const natrisk_assessment *a,
                            const natrisk_effect *effects, size_t count,
                            size_t i, const natrisk_score **chosen)
{
	size_t criteria = a->method->criterion_count;
	memset(chosen, 0, (criteria + 1) * sizeof *chosen);
	for (size_t k = 0; k < count; k++) {
		int rc = effect_check(a, &effects[k]);
		if (rc != NATRISK_OK)
			return rc;
		if (effects[k].scenario == i)
			choose_one(a, &effects[k],
			           &chosen[(size_t)(effects[k].criterion + 1)]);
	}
	const natrisk_scenario *s = &a->scenarios[i];
	if (!chosen[0])
		chosen[0] = &s->likelihood;
	for (size_t c = 0; c < criteria; c++)
		if (!chosen[c + 1])
			chosen[c + 1] = &s->impact[c];
	return NATRISK_OK;
}

/* Chooses among the effects, recording in CHOSEN and TOUCHED. */
static int residual_choose(natrisk_residual *r, const natrisk_effect *effects,
                           size_t count)
{
	const natrisk_assessment *a = r->assessment;
	for (size_t k = 0; k < count; k++) {
		const natrisk_effect *e = &effects[k];
		int rc = effect_check(a, e);
		if (rc != NATRISK_OK)
			return rc;
		const natrisk_score **slot =
			&r->chosen[e->scenario * r->slots + (size_t)(e->criterion + 1)];
		if (!choose_one(a, e, slot))
			continue;
		if (!r->changed[e->scenario]) {
			r->changed[e->scenario] = true;
			r->touched[r->touched_count++] = e->scenario;
		}
		*slot = &e->score;
	}
	return NATRISK_OK;
}

/* r of scenario I with its chosen scores; clears them. */
static double rescore(natrisk_residual *r, size_t i)
{
	const natrisk_method *m = r->assessment->method;
	const natrisk_scenario *s = &r->assessment->scenarios[i];
	const natrisk_score **chosen = &r->chosen[i * r->slots];
	const natrisk_score *likelihood = chosen[0] ? chosen[0] : &s->likelihood;
	for (size_t c = 0; c + 1 < r->slots; c++)
		r->impact[c] = chosen[c + 1] ? *chosen[c + 1] : s->impact[c];
	double value = scenario_risk(m, r->profile, likelihood, r->impact,
	                             r->scratch);
	memset(chosen, 0, r->slots * sizeof *chosen);
	return value;
}

int natrisk_residual_apply(natrisk_residual *r, const natrisk_effect *effects,
                           size_t count)
{
	residual_reset(r);
	int rc = residual_choose(r, effects, count);
	for (size_t k = 0; k < r->touched_count; k++) {
		size_t i = r->touched[k];
		if (rc == NATRISK_OK)
			r->after[i] = rescore(r, i);
		else /* forget the half-made choice */
			memset(&r->chosen[i * r->slots], 0,
			       r->slots * sizeof *r->chosen);
	}
	if (rc != NATRISK_OK) {
		residual_reset(r);
		return rc;
	}
	r->total_after = compensated_sum(r->after, r->assessment->scenario_count);
	return NATRISK_OK;
}

double natrisk_residual_total_before(const natrisk_residual *r)
{
	return r->total_before;
}

double natrisk_residual_total_after(const natrisk_residual *r)
{
	return r->total_after;
}

double natrisk_residual_risk_value(const natrisk_residual *r, size_t i)
{
	return i < r->assessment->scenario_count ? r->after[i] : 0.0;
}

bool natrisk_residual_changed(const natrisk_residual *r, size_t i)
{
	return i < r->assessment->scenario_count && r->changed[i];
}
