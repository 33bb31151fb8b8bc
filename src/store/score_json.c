/*
 * score_json.c - see score_json.h.
 */
#include "score_json.h"

#include <string.h>

static json_t *grade_to_json(const natrisk_grade *g, int likelihood)
{
	if (g->has_quantity)
		return json_pack("{s:f}", likelihood ? "probability" : "value",
		                 g->quantity);
	char letters[3];
	natrisk_grade_letters(g, letters);
	return json_string(letters);
}

json_t *score_to_json(const natrisk_score *score, int likelihood)
{
	json_t *out = json_object();
	static const char *const names[] = { "ll", "ev", "ul" };
	static const int order[] = { NATRISK_EV, NATRISK_LL, NATRISK_UL };
	for (int k = 0; out && k < 3; k++)
		if (json_object_set_new(out, names[order[k]],
		                        grade_to_json(&score->point[order[k]],
		                                      likelihood)) != 0) {
			json_decref(out);
			return NULL;
		}
	if (out && score->why)
		json_object_set_new(out, "why", json_string(score->why));
	return out;
}

json_t *score_shortest(json_t *full)
{
	json_t *ev = json_object_get(full, "ev");
	if (json_object_get(full, "why") || !ev ||
	    !json_equal(ev, json_object_get(full, "ll")) ||
	    !json_equal(ev, json_object_get(full, "ul")))
		return json_incref(full);
	return json_incref(ev);
}
