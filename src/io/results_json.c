/*
 * results_json.c - the "assess" JSON document of formats.md, built with
 * jansson. Numbers keep full double precision (17 significant digits) so
 * that other tools can check against them exactly; a position that does
 * not exist (a total of 0) is null.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/output.h>
#include <natrisk/residual.h>

#include "../core/model.h"

static json_t *number_or_null(double value)
{
	return isfinite(value) ? json_real(value) : json_null();
}

static json_t *likelihood_point(const natrisk_grade *g, double position)
{
	json_t *point = json_object();
	json_object_set_new(point, "class",
	                    json_string(natrisk_class_letter(g->cls)));
	json_object_set_new(point, "high", json_boolean(g->high));
	json_object_set_new(point, "position", number_or_null(position));
	if (g->has_quantity)
		json_object_set_new(point, "probability", json_real(g->quantity));
	return point;
}

static json_t *impact_point(const natrisk_impact_level *level)
{
	char range[4];
	natrisk_impact_range(level, range);
	json_t *point = json_object();
	json_object_set_new(point, "total", json_real(level->total));
	json_object_set_new(point, "position", number_or_null(level->position));
	json_object_set_new(point, "class",
	                    json_string(natrisk_class_letter(level->cls)));
	json_object_set_new(point, "range", json_string(range));
	return point;
}

static const char *const point_names[] = { "ll", "ev", "ul" };

static json_t *scenario_json(const natrisk_results *results, size_t i,
                             const natrisk_json_options *options)
{
	const natrisk_assessment *a = natrisk_results_assessment(results);
	const natrisk_scenario_result *r = natrisk_results_get(results, i);
	const natrisk_scenario *s = &a->scenarios[i];
	const natrisk_method *m = a->method;
	json_t *likelihood = json_object(), *impact = json_object();
	static const int order[] = { NATRISK_EV, NATRISK_LL, NATRISK_UL };
	for (size_t k = 0; k < 3; k++) {
		int p = order[k];
		json_object_set_new(likelihood, point_names[p],
		                    likelihood_point(&s->likelihood.point[p],
		                                     r->likelihood_position[p]));
		json_object_set_new(impact, point_names[p],
		                    impact_point(&r->impact[p]));
	}
	json_t *interests = json_object();
	for (size_t k = 0; k < m->interest_count; k++)
		json_object_set_new(interests, m->interests[k].id,
		                    json_real(r->interests[k]));
	json_object_set_new(impact, "interests", interests);

	json_t *out = json_object();
	json_object_set_new(out, "id", json_string(s->id));
	json_object_set_new(out, "title", json_string(s->title));
	if (s->theme >= 0)
		json_object_set_new(out, "theme",
		                    json_string(a->themes[s->theme].id));
	json_object_set_new(out, "kind", json_string(natrisk_kind_name(s->kind)));
	json_object_set_new(out, "new", json_boolean(s->is_new));
	json_object_set_new(out, "classification",
	                    json_string(natrisk_classification_name(
				    s->classification)));
	json_object_set_new(out, "likelihood", likelihood);
	json_object_set_new(out, "impact", impact);
	json_object_set_new(out, "risk", number_or_null(r->risk));
	json_object_set_new(out, "rank", json_integer(r->rank));
	if (options->risk_value)
		json_object_set_new(out, "risk_value",
		                    json_real(natrisk_results_risk_value(results,
		                                                         i)));
	return out;
}

static json_t *results_json(const natrisk_results *r,
                            const natrisk_json_options *options)
{
	const natrisk_assessment *a = natrisk_results_assessment(r);
	const natrisk_method *m = a->method;
	json_t *root = json_object();
	json_object_set_new(root, "title", json_string(a->title));
	if (a->edition)
		json_object_set_new(root, "edition", json_string(a->edition));
	json_object_set_new(root, "method", json_string(m->id));
	json_object_set_new(root, "weights",
	                    json_string(m->profiles[natrisk_results_profile(r)].id));
	json_t *scenarios = json_array();
	for (size_t i = 0; i < a->scenario_count; i++)
		json_array_append_new(scenarios,
		                      scenario_json(r, i, options));
	json_object_set_new(root, "scenarios", scenarios);
	return root;
}

char *natrisk_results_json(const natrisk_results *r)
{
	return natrisk_results_json_with(r, NULL);
}

char *natrisk_results_json_with(const natrisk_results *r,
                                const natrisk_json_options *options)
{
	static const natrisk_json_options none = { .risk_value = false };
	json_t *root = results_json(r, options ? options : &none);
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                                      JSON_REAL_PRECISION(17));
	json_decref(root);
	return text;
}
