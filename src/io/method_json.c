/*
 * method_json.c - a method as JSON, for those who score against it (the
 * web UI's class pickers and their help): interests, criteria with their
 * class descriptions, units and thresholds, the likelihood scales, and
 * the weight profiles. Texts keep both languages ({"en", "nl"}).
 */
#include <jansson.h>
#include <stdlib.h>

#include <natrisk/method.h>

#include "../core/model.h"

static json_t *text_json(const natrisk_text *text)
{
	json_t *o = json_object();
	if (text->en)
		json_object_set_new(o, "en", json_string(text->en));
	if (text->nl)
		json_object_set_new(o, "nl", json_string(text->nl));
	return o;
}

static json_t *texts_json(const natrisk_text *texts)
{
	json_t *list = json_array();
	for (int k = 0; k < NATRISK_CLASS_COUNT; k++)
		json_array_append_new(list, text_json(&texts[k]));
	return list;
}

static json_t *limits_json(const double limits[4])
{
	json_t *list = json_array();
	for (int k = 0; k < 4; k++)
		json_array_append_new(list, json_real(limits[k]));
	return list;
}

static json_t *criterion_json(const natrisk_method *m, size_t c)
{
	const natrisk_criterion *k = &m->criteria[c];
	json_t *o = json_pack("{s:s,s:s,s:o}", "id", k->id, "interest",
	                      m->interests[k->interest].id, "name",
	                      text_json(&k->name));
	/* class descriptions, where the method gives them (a criterion with
	 * thresholds may have none) */
	bool described = false;
	for (int cls = 0; cls < NATRISK_CLASS_COUNT; cls++)
		described |= k->levels[cls].en || k->levels[cls].nl;
	if (described)
		json_object_set_new(o, "levels", texts_json(k->levels));
	if (k->quantitative) {
		json_object_set_new(o, "unit", text_json(&k->unit));
		json_object_set_new(o, "thresholds", limits_json(k->thresholds));
	}
	return o;
}

static json_t *profile_json(const natrisk_method *m, size_t p)
{
	const natrisk_profile *profile = &m->profiles[p];
	json_t *weights = json_object();
	for (size_t c = 0; c < m->criterion_count; c++)
		json_object_set_new(weights, m->criteria[c].id,
		                    json_real(profile->weights[c]));
	return json_pack("{s:s,s:o,s:o,s:b}", "id", profile->id, "title",
	                 text_json(&profile->title), "weights", weights,
	                 "default", p == m->default_profile);
}

char *natrisk_method_json(const natrisk_method *m)
{
	json_t *interests = json_array(), *criteria = json_array();
	json_t *profiles = json_array();
	for (size_t i = 0; i < m->interest_count; i++)
		json_array_append_new(interests, json_pack(
			"{s:s,s:o}", "id", m->interests[i].id, "name",
			text_json(&m->interests[i].name)));
	for (size_t c = 0; c < m->criterion_count; c++)
		json_array_append_new(criteria, criterion_json(m, c));
	for (size_t p = 0; p < m->profile_count; p++)
		json_array_append_new(profiles, profile_json(m, p));
	json_t *doc = json_pack(
		"{s:s,s:o,s:f,s:o,s:o,s:{s:o,s:o,s:f,s:f,s:o},s:o,s:o,s:o}", "id", m->id,
		"title", text_json(&m->title), "horizon_years", m->horizon_years,
		"classes", json_pack("[sssss]", "A", "B", "C", "D", "E"),
		"impact_labels", texts_json(m->impact_labels), "likelihood",
		"labels", texts_json(m->likelihood_labels), "hazard_thresholds",
		limits_json(m->hazard_thresholds), "class_position",
		m->likelihood_plain, "high_position", m->likelihood_high,
		"threat_levels",
		texts_json(m->threat_levels), "interests", interests, "criteria",
		criteria, "profiles", profiles);
	char *text = doc ? json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                                           JSON_REAL_PRECISION(17))
	                 : NULL;
	json_decref(doc);
	return text;
}
