/*
 * plan_json.c - a loaded plan's items back in the plan file's form, as
 * the store keeps them: what an imported file becomes. Every reference
 * by id, effects as scores in the assessment's short forms, due periods
 * and dates as the file writes them, so that the export of an imported
 * plan loads to the same plan.
 */
#include <stdio.h>

#include <natrisk/method.h>

#include "plan_check.h"
#include "score_json.h"

static json_t *ids(const size_t *indices, size_t count,
                   const char *(*id_of)(const natrisk_plan *, size_t),
                   const natrisk_plan *p)
{
	json_t *list = json_array();
	for (size_t k = 0; k < count; k++)
		json_array_append_new(list, json_string(id_of(p, indices[k])));
	return list;
}

static const char *organisation_id(const natrisk_plan *p, size_t i)
{
	return natrisk_plan_organisation(p, i)->id;
}

static const char *capability_id(const natrisk_plan *p, size_t i)
{
	return natrisk_plan_capability(p, i)->id;
}

static const char *measure_id(const natrisk_plan *p, size_t i)
{
	return natrisk_plan_measure(p, i)->id;
}

static const char *scenario_id(const natrisk_plan *p, size_t i)
{
	return natrisk_assessment_scenario(natrisk_plan_assessment(p), i)->id;
}

static json_t *date_json(const natrisk_date *d)
{
	char text[16];
	snprintf(text, sizeof text, "%04d-%02d-%02d", d->year, d->month,
	         d->day);
	return json_string(text);
}

static json_t *due_json(const natrisk_due *d)
{
	static const char *const parts[] = { "", "%04d-H%d", "%04d-Q%d",
		                             "%04d-%02d" };
	char text[16];
	if (d->precision == NATRISK_DUE_YEAR)
		return json_integer(d->year);
	if (d->precision == NATRISK_DUE_DAY)
		snprintf(text, sizeof text, "%04d-%02d-%02d", d->year, d->part,
		         d->day);
	else
		snprintf(text, sizeof text, parts[d->precision], d->year,
		         d->part);
	return json_string(text);
}

static json_t *score_json(const natrisk_score *score, bool likelihood)
{
	json_t *full = score_to_json(score, likelihood);
	json_t *shown = full ? score_shortest(full) : NULL;
	json_decref(full);
	return shown;
}

/* {SCENARIO: {likelihood: ..., impact: {CRITERION: ...}}}, file order. */
static json_t *effects_json(const natrisk_plan *p, const natrisk_measure *m)
{
	const natrisk_method *method =
		natrisk_assessment_method(natrisk_plan_assessment(p));
	json_t *effect = json_object();
	for (size_t k = 0; k < m->effect_count; k++) {
		const natrisk_effect *e = &m->effects[k];
		const char *scenario = scenario_id(p, e->scenario);
		json_t *scores = json_object_get(effect, scenario);
		if (!scores)
			json_object_set_new(effect, scenario,
			                    scores = json_object());
		bool likelihood = e->criterion == NATRISK_EFFECT_LIKELIHOOD;
		if (likelihood) {
			json_object_set_new(scores, "likelihood",
			                    score_json(&e->score, true));
			continue;
		}
		json_t *impact = json_object_get(scores, "impact");
		if (!impact)
			json_object_set_new(scores, "impact",
			                    impact = json_object());
		json_object_set_new(
			impact,
			natrisk_method_criterion(method, (size_t)e->criterion)->id,
			score_json(&e->score, false));
	}
	return effect;
}

static json_t *actions_json(const natrisk_measure *m)
{
	json_t *actions = json_array();
	for (size_t k = 0; k < m->action_count; k++) {
		const natrisk_action *a = &m->actions[k];
		json_t *log = json_array();
		for (size_t e = 0; e < a->log_count; e++) {
			json_t *entry = json_pack(
				"{s:o,s:s}", "date", date_json(&a->log[e].date),
				"status",
				natrisk_action_status_name(a->log[e].status));
			if (a->log[e].note)
				json_object_set_new(entry, "note",
				                    json_string(a->log[e].note));
			json_array_append_new(log, entry);
		}
		json_t *action = json_pack("{s:s,s:s,s:o}", "id", a->id, "what",
		                           a->what, "due", due_json(&a->due));
		if (a->log_count)
			json_object_set(action, "log", log);
		json_decref(log);
		json_array_append_new(actions, action);
	}
	return actions;
}

/* Sets KEY to VALUE (stolen) when the list is not empty. */
static void set_list(json_t *item, const char *key, json_t *value)
{
	if (json_array_size(value) > 0 || json_object_size(value) > 0)
		json_object_set(item, key, value);
	json_decref(value);
}

static json_t *measure_json(const natrisk_plan *p, const natrisk_measure *m)
{
	json_t *item = json_pack(
		"{s:s,s:s,s:o,s:o}", "id", m->id, "title", m->title,
		"capabilities",
		ids(m->capabilities, m->capability_count, capability_id, p),
		"owners", ids(m->owners, m->owner_count, organisation_id, p));
	if (m->cost_once != 0 || m->cost_yearly != 0)
		json_object_set_new(item, "cost",
		                    json_pack("{s:f,s:f}", "once", m->cost_once,
		                              "yearly", m->cost_yearly));
	set_list(item, "requires",
	         ids(m->requires, m->require_count, measure_id, p));
	set_list(item, "excludes",
	         ids(m->excludes, m->exclude_count, measure_id, p));
	set_list(item, "effect", effects_json(p, m));
	set_list(item, "actions", actions_json(m));
	return item;
}

static json_t *advice_json(const natrisk_plan *p, const natrisk_advice *a)
{
	json_t *item = json_pack(
		"{s:s,s:s,s:o,s:o}", "id", a->id, "title", a->title, "owners",
		ids(a->owners, a->owner_count, organisation_id, p), "measures",
		ids(a->measures, a->measure_count, measure_id, p));
	json_t *decision = json_pack("{s:s}", "status",
	                             natrisk_decision_name(a->decision));
	if (a->decision_dated)
		json_object_set_new(decision, "date",
		                    date_json(&a->decision_date));
	json_object_set_new(item, "decision", decision);
	return item;
}

json_t *plan_item_json(const natrisk_plan *p, natrisk_plan_kind kind,
                       size_t i)
{
	switch (kind) {
	case NATRISK_PLAN_ORGANISATIONS: {
		const natrisk_organisation *o = natrisk_plan_organisation(p, i);
		return json_pack("{s:s,s:s}", "id", o->id, "title", o->title);
	}
	case NATRISK_PLAN_CAPABILITIES: {
		const natrisk_capability *c = natrisk_plan_capability(p, i);
		return json_pack("{s:s,s:s,s:s,s:o}", "id", c->id, "title",
		                 c->title, "phase", natrisk_phase_name(c->phase),
		                 "scenarios",
		                 ids(c->scenarios, c->scenario_count,
		                     scenario_id, p));
	}
	case NATRISK_PLAN_MEASURES:
		return measure_json(p, natrisk_plan_measure(p, i));
	default:
		return advice_json(p, natrisk_plan_advice(p, i));
	}
}

json_t *plan_levels_json(const natrisk_plan *p, size_t i)
{
	const natrisk_capability *c = natrisk_plan_capability(p, i);
	json_t *levels = json_array();
	for (size_t k = 0; k < c->level_count; k++) {
		const natrisk_level *l = &c->levels[k];
		json_t *level = json_pack("{s:s,s:i,s:i}", "analyst", l->analyst,
		                          "current", l->current, "target",
		                          l->target);
		if (l->why)
			json_object_set_new(level, "why", json_string(l->why));
		json_array_append_new(levels, level);
	}
	return levels;
}
