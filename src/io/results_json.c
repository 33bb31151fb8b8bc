/*
 * results_json.c - the "assess" JSON document of formats.md, written as
 * it goes (json_writer.h): at a thousand scenarios a jansson tree cost
 * more to build, print and free than the assessment itself. Numbers keep
 * full double precision (17 significant digits) so that other tools can
 * check against them exactly; a position that does not exist (a total
 * of 0) is null.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/output.h>
#include <natrisk/residual.h>

#include "../core/model.h"
#include "json_writer.h"

static void member_string(json_writer *w, const char *key, const char *text)
{
	jw_key(w, key);
	jw_string(w, text);
}

static void member_real(json_writer *w, const char *key, double value)
{
	jw_key(w, key);
	jw_real(w, value);
}

static void likelihood_point(json_writer *w, const natrisk_grade *g,
                             double position)
{
	jw_object(w);
	member_string(w, "class", natrisk_class_letter(g->cls));
	jw_key(w, "high");
	jw_bool(w, g->high);
	member_real(w, "position", position);
	if (g->has_quantity)
		member_real(w, "probability", g->quantity);
	jw_end(w);
}

static void impact_point(json_writer *w, const natrisk_impact_level *level)
{
	char range[4];
	natrisk_impact_range(level, range);
	jw_object(w);
	member_real(w, "total", level->total);
	member_real(w, "position", level->position);
	member_string(w, "class", natrisk_class_letter(level->cls));
	member_string(w, "range", range);
	jw_end(w);
}

static const char *const point_names[] = { "ll", "ev", "ul" };
static const int point_order[] = { NATRISK_EV, NATRISK_LL, NATRISK_UL };

static void likelihood_json(json_writer *w, const natrisk_scenario *s,
                            const natrisk_scenario_result *r)
{
	jw_object(w);
	for (size_t k = 0; k < 3; k++) {
		int p = point_order[k];
		jw_key(w, point_names[p]);
		likelihood_point(w, &s->likelihood.point[p],
		                 r->likelihood_position[p]);
	}
	jw_end(w);
}

static void impact_json(json_writer *w, const natrisk_method *m,
                        const natrisk_scenario_result *r)
{
	jw_object(w);
	for (size_t k = 0; k < 3; k++) {
		int p = point_order[k];
		jw_key(w, point_names[p]);
		impact_point(w, &r->impact[p]);
	}
	jw_key(w, "interests");
	jw_object(w);
	for (size_t k = 0; k < m->interest_count; k++)
		member_real(w, m->interests[k].id, r->interests[k]);
	jw_end(w);
	jw_end(w);
}

static void scenario_json(json_writer *w, const natrisk_results *results,
                          size_t i, const natrisk_json_options *options)
{
	const natrisk_assessment *a = natrisk_results_assessment(results);
	const natrisk_scenario_result *r = natrisk_results_get(results, i);
	const natrisk_scenario *s = &a->scenarios[i];
	jw_object(w);
	member_string(w, "id", s->id);
	member_string(w, "title", s->title);
	if (s->theme >= 0)
		member_string(w, "theme", a->themes[s->theme].id);
	member_string(w, "kind", natrisk_kind_name(s->kind));
	jw_key(w, "new");
	jw_bool(w, s->is_new);
	member_string(w, "classification",
	              natrisk_classification_name(s->classification));
	jw_key(w, "likelihood");
	likelihood_json(w, s, r);
	jw_key(w, "impact");
	impact_json(w, a->method, r);
	member_real(w, "risk", r->risk);
	jw_key(w, "rank");
	jw_integer(w, r->rank);
	if (options->risk_value)
		member_real(w, "risk_value",
		            natrisk_results_risk_value(results, i));
	jw_end(w);
}

char *natrisk_results_json(const natrisk_results *r)
{
	return natrisk_results_json_with(r, NULL);
}

char *natrisk_results_json_with(const natrisk_results *r,
                                const natrisk_json_options *options)
{
	static const natrisk_json_options none = { .risk_value = false };
	const natrisk_assessment *a = natrisk_results_assessment(r);
	const natrisk_method *m = a->method;
	json_writer w;
	jw_init(&w);
	jw_object(&w);
	member_string(&w, "title", a->title);
	if (a->edition)
		member_string(&w, "edition", a->edition);
	member_string(&w, "method", m->id);
	member_string(&w, "weights",
	              m->profiles[natrisk_results_profile(r)].id);
	jw_key(&w, "scenarios");
	jw_array(&w);
	for (size_t i = 0; i < a->scenario_count; i++)
		scenario_json(&w, r, i, options ? options : &none);
	jw_end(&w);
	jw_end(&w);
	return jw_finish(&w);
}
