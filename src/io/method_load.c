/*
 * method_load.c - reads a method file (docs/method-format.md) into a
 * natrisk_method, checking every key, and finds methods by id.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "../core/model.h"
#include "method_loader.h"

/* A number of NODE (KEY in its mapping) in [LO, HI), or an error there
 * saying what it must be: "high_offset must lie in [0, 1)". */
static void bounded_number(loader *l, const ynode *map, const char *key,
                           double lo, double hi, const char *range,
                           double *out)
{
	const ynode *node = ymap_get(map, key);
	if (!node)
		return; /* reported as a missing key */
	if (!ynumber(l->doc, node, key, out)) {
		l->ok = false;
		return;
	}
	if (!(*out >= lo && *out < hi)) {
		yerror(l->doc, node, "%s must lie in %s", key, msg_tr(range));
		l->ok = false;
	}
}

static void load_impact_classes(loader *l, const ynode *node)
{
	static const char *const keys[] = { "*base", "*x_value", "*x_position",
		                            "*high_offset", "*source",
		                            "*labels", NULL };
	natrisk_method *m = l->m;
	if (!ycheck_map(l->doc, node, keys, "impact_classes")) {
		l->ok = false;
		return;
	}
	positive_number(l, ymap_get(node, "base"), "base", &m->base);
	if (m->base <= 1 && m->base > 0) {
		yerror(l->doc, ymap_get(node, "base"), "base must exceed 1");
		l->ok = false;
	}
	/* E is then at most 10^12 times A; SMAA's single-precision draws
	 * are bounded for bases up to this (smaa_draw.h) */
	if (m->base > 1000) {
		yerror(l->doc, ymap_get(node, "base"),
		       "base must be at most 1000");
		l->ok = false;
	}
	/* X counts below A, whose value is 1 and whose place is 0 */
	bounded_number(l, node, "x_value", 0, 1, MSG("[0, 1): below the "
	               "value of A (1)"), &m->x_value);
	bounded_number(l, node, "x_position", -INFINITY, 0, MSG("(-inf, 0): "
	               "below the place of A (0)"), &m->x_position);
	bounded_number(l, node, "high_offset", 0, 1, MSG("[0, 1)"),
	               &m->high_offset);
	m->impact_source = keep_text_of(l, ymap_get(node, "source"), "source",
	                                YTEXT_SOURCE);
	load_class_texts(l, ymap_get(node, "labels"), "labels", YTEXT_TITLE,
	                 true, m->impact_labels);
}

static void load_hazard(loader *l, const ynode *hazard)
{
	static const char *const keys[] = { "*thresholds", "*source", NULL };
	natrisk_method *m = l->m;
	if (!ycheck_map(l->doc, hazard, keys, "hazard")) {
		l->ok = false;
		return;
	}
	load_ladder(l, ymap_get(hazard, "thresholds"), "thresholds",
	            m->hazard_thresholds);
	/* E's band ends at certainty, so E must start below it */
	if (m->hazard_thresholds[3] >= 1) {
		yerror(l->doc, ymap_get(hazard, "thresholds"),
		       "hazard thresholds are probabilities below 1 (E's band "
		       "ends at 1)");
		l->ok = false;
	}
	m->hazard_source = keep_text_of(l, ymap_get(hazard, "source"),
	                                "source", YTEXT_SOURCE);
}

static void load_likelihood(loader *l, const ynode *node)
{
	static const char *const keys[] = { "*factor", "*class_position",
		                            "*high_position", "*source",
		                            "*labels", "*hazard", "*threat",
		                            NULL };
	static const char *const threat_keys[] = { "*levels", "*source", NULL };
	natrisk_method *m = l->m;
	if (!ycheck_map(l->doc, node, keys, "likelihood_classes")) {
		l->ok = false;
		return;
	}
	positive_number(l, ymap_get(node, "factor"), "factor",
	                &m->likelihood_factor);
	bounded_number(l, node, "class_position", 0, 1, MSG("[0, 1)"),
	               &m->likelihood_plain);
	bounded_number(l, node, "high_position", m->likelihood_plain, 1,
	               MSG("[class_position, 1): a \"+\" is in the upper "
	                   "range of its class"), &m->likelihood_high);
	m->likelihood_source = keep_text_of(l, ymap_get(node, "source"),
	                                    "source", YTEXT_SOURCE);
	load_class_texts(l, ymap_get(node, "labels"), "labels", YTEXT_TITLE,
	                 true, m->likelihood_labels);
	load_hazard(l, ymap_get(node, "hazard"));
	const ynode *threat = ymap_get(node, "threat");
	if (ycheck_map(l->doc, threat, threat_keys, "threat")) {
		load_class_texts(l, ymap_get(threat, "levels"), "levels",
		                 YTEXT_DESCRIPTION, true, m->threat_levels);
		m->threat_source = keep_text_of(
			l, ymap_get(threat, "source"), "source", YTEXT_SOURCE);
	} else {
		l->ok = false;
	}
}

static void load_sources(loader *l, const ynode *node)
{
	if (!node)
		return;
	if (!ysources(l->doc, node)) {
		l->ok = false;
		return;
	}
	l->m->sources = arena_array(&l->m->arena, node->count + 1,
	                            sizeof *l->m->sources);
	for (size_t i = 0; l->m->sources && i < node->count; i++)
		l->m->sources[l->m->source_count++] =
			keep_text_of(l, node->items[i], "a source",
			             YTEXT_SOURCE);
}

static void load_top(loader *l, const ynode *root)
{
	static const char *const keys[] = {
		"*natrisk-method", "*id", "*title", "description", "sources",
		"*horizon_years", "*impact_classes", "*likelihood_classes",
		"*interests", "*criteria", "*weights", NULL
	};
	natrisk_method *m = l->m;
	if (!ycheck_map(l->doc, root, keys, "the method")) {
		l->ok = false;
		if (root->kind != YNODE_MAP)
			return;
	}
	const ynode *format = ymap_get(root, "natrisk-method");
	if (format && !yversion(l->doc, format, "natrisk-method",
	                        "method format"))
		l->ok = false;
	const ynode *id = ymap_get(root, "id");
	if (id && !(m->id = keep(l, yid(l->doc, id, "the method id"))))
		l->ok = false;
	if (ymap_get(root, "title"))
		load_text(l, ymap_get(root, "title"), "title", &m->title);
	m->description = keep_text_of(l, ymap_get(root, "description"),
	                              "description", YTEXT_DESCRIPTION);
	load_sources(l, ymap_get(root, "sources"));
	positive_number(l, ymap_get(root, "horizon_years"), "horizon_years",
	                &m->horizon_years);
	if (ymap_get(root, "impact_classes"))
		load_impact_classes(l, ymap_get(root, "impact_classes"));
	if (ymap_get(root, "likelihood_classes"))
		load_likelihood(l, ymap_get(root, "likelihood_classes"));
	const ynode *interests = ymap_get(root, "interests");
	if (interests)
		load_interests(l, interests);
	const ynode *criteria = ymap_get(root, "criteria");
	if (criteria && m->interests)
		load_criteria(l, criteria);
	const ynode *weights = ymap_get(root, "weights");
	if (weights && m->criteria)
		load_weights(l, weights);
}

int natrisk_method_load_buffer(natrisk_method **out, const char *name,
                               const char *buf, size_t len,
                               natrisk_diag *diag)
{
	*out = NULL;
	ydoc doc;
	/* As for assessments: the parse may report a duplicate key and still
	 * give a tree, so errors are counted from here. */
	size_t errors_before = natrisk_diag_error_count(diag);
	int rc = ydoc_parse(&doc, name, buf, len, diag);
	natrisk_method *m = rc == 0 ? arena_owned_new(sizeof *m) : NULL;
	if (!m) {
		ydoc_release(&doc);
		return rc == -1 ? error_set(NATRISK_EINVALID,
		                            "%s: invalid method", name)
		                : error_set(NATRISK_ENOMEM, "out of memory");
	}
	loader l = { .doc = &doc, .m = m, .ok = true };
	m->origin = keep(&l, name);
	load_top(&l, doc.root);
	bool out_of_memory = ydoc_out_of_memory(&doc) || m->arena.out_of_memory;
	ydoc_release(&doc);
	if (out_of_memory) {
		natrisk_method_free(m);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	if (!l.ok || !m->criteria || !m->profiles ||
	    natrisk_diag_error_count(diag) > errors_before) {
		natrisk_method_free(m);
		return error_set(NATRISK_EINVALID, "%s: invalid method", name);
	}
	method_derive(m);
	*out = m;
	return NATRISK_OK;
}
