/*
 * plan_load.c - reads a plan file (formats.md, "Plan file") into a
 * natrisk_plan: the top level and the assessment it names, the
 * organisations, the capabilities with the experts' levels and the
 * advice. Measures are read by plan_measures.c, their actions by
 * plan_actions.c. Every problem is reported with its place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "file.h"
#include "plan_loader.h"
#include "plan_prefetch.h"

static const char *keep_id(ploader *l, const ynode *node, const char *what)
{
	const char *id = node ? yid(l->doc, node, what) : NULL;
	if (!id) {
		l->ok = false;
		return NULL;
	}
	return arena_strdup(&l->p->arena, id);
}

static void load_organisations(ploader *l, const ynode *node)
{
	static const char *const keys[] = { "*id", "*title", NULL };
	natrisk_plan *p = l->p;
	if (!yexpect(l->doc, node, YNODE_SEQ, "organisations")) {
		l->ok = false;
		return;
	}
	p->organisations = plan_array(l, node->count, sizeof *p->organisations);
	if (!p->organisations)
		return;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "an organisation")) {
			l->ok = false;
			if (item->kind != YNODE_MAP)
				continue;
		}
		natrisk_organisation *o =
			&p->organisations[p->organisation_count];
		o->id = keep_id(l, ymap_get(item, "id"), "organisation id");
		o->title = plan_keep_text(l, ymap_get(item, "title"), "title",
		                          YTEXT_TITLE);
		if (o->id)
			p->organisation_count++;
	}
	const ynode **ids = plan_array(l, node->count, sizeof *ids);
	for (size_t i = 0; ids && i < node->count; i++)
		ids[i] = ymap_get(node->items[i], "id");
	if (ids && !ycheck_unique(l->doc, ids, node->count, "organisation id"))
		l->ok = false;
}

static bool load_phase(ploader *l, const ynode *node, natrisk_phase *out)
{
	const char *text = ytext(l->doc, node, "phase");
	for (int i = 0; text && i < NATRISK_PHASE_COUNT; i++)
		if (strcmp(text, natrisk_phase_name((natrisk_phase)i)) == 0) {
			*out = (natrisk_phase)i;
			return true;
		}
	if (text)
		yerror(l->doc, node, "phase must be pro-action, prevention, "
		       "preparation, response or aftercare, not '%s'", text);
	l->ok = false;
	return false;
}

/* A level: an integer 0..4 (a plain YAML number). */
static bool load_level_value(ploader *l, const ynode *node, const char *what,
                             int *out)
{
	double value;
	if (!ynumber(l->doc, node, what, &value)) {
		l->ok = false;
		return false;
	}
	/* the range first: a huge value does not fit an int */
	if (!(value >= 0 && value <= NATRISK_LEVEL_MAX) || value != (int)value) {
		yerror(l->doc, node, "%s must be a whole number from 0 to 4, "
		       "not %s", msg_tr(what), node->text);
		l->ok = false;
		return false;
	}
	*out = (int)value;
	return true;
}

static void load_levels(ploader *l, const ynode *node, natrisk_capability *c)
{
	static const char *const keys[] = { "*analyst", "*current", "*target",
		                            "why", NULL };
	if (!yexpect(l->doc, node, YNODE_SEQ, "levels")) {
		l->ok = false;
		return;
	}
	natrisk_level *levels = plan_array(l, node->count, sizeof *levels);
	const ynode **names = plan_array(l, node->count, sizeof *names);
	if (!levels || !names)
		return;
	size_t n = 0;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "an expert's levels")) {
			l->ok = false;
			continue;
		}
		natrisk_level *v = &levels[n];
		names[i] = ymap_get(item, "analyst");
		v->analyst = plan_keep_text(l, names[i], "analyst",
		                            YTEXT_LABEL);
		v->why = plan_keep_text(l, ymap_get(item, "why"), "why",
		                        YTEXT_WHY);
		bool ok = load_level_value(l, ymap_get(item, "current"),
		                           "current level", &v->current);
		ok = load_level_value(l, ymap_get(item, "target"),
		                      "target level", &v->target) && ok;
		if (ok && v->analyst)
			n++;
	}
	if (!ycheck_unique(l->doc, names, node->count, "analyst"))
		l->ok = false;
	c->levels = levels;
	c->level_count = n;
}

static void load_capability(ploader *l, const ynode *item,
                            natrisk_capability *c)
{
	c->title = plan_keep_text(l, ymap_get(item, "title"), "title",
	                          YTEXT_TITLE);
	const ynode *phase = ymap_get(item, "phase");
	if (phase)
		load_phase(l, phase, &c->phase);
	const ynode *scenarios = ymap_get(item, "scenarios");
	if (scenarios)
		plan_load_refs(l, scenarios, "scenario", plan_find_scenario,
		               &c->scenarios, &c->scenario_count);
	const ynode *levels = ymap_get(item, "levels");
	if (levels)
		load_levels(l, levels, c);
}

static void load_capabilities(ploader *l, const ynode *node)
{
	static const char *const keys[] = { "*id", "*title", "*phase",
		                            "*scenarios", "levels", NULL };
	natrisk_plan *p = l->p;
	if (!yexpect(l->doc, node, YNODE_SEQ, "capabilities")) {
		l->ok = false;
		return;
	}
	p->capabilities = plan_array(l, node->count, sizeof *p->capabilities);
	const ynode **ids = plan_array(l, node->count, sizeof *ids);
	if (!p->capabilities || !ids)
		return;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "a capability")) {
			l->ok = false;
			if (item->kind != YNODE_MAP)
				continue;
		}
		ids[i] = ymap_get(item, "id");
		natrisk_capability *c = &p->capabilities[p->capability_count];
		c->id = keep_id(l, ids[i], "capability id");
		load_capability(l, item, c);
		if (c->id)
			p->capability_count++;
	}
	if (!ycheck_unique(l->doc, ids, node->count, "capability id"))
		l->ok = false;
	else
		plan_index_ids(l, &p->capability_index, p->capabilities,
		               p->capability_count, sizeof *p->capabilities);
}

static void load_decision(ploader *l, const ynode *node, natrisk_advice *a)
{
	static const char *const keys[] = { "*status", "date", NULL };
	if (!ycheck_map(l->doc, node, keys, "a decision")) {
		l->ok = false;
		if (node->kind != YNODE_MAP)
			return;
	}
	const ynode *status = ymap_get(node, "status");
	const char *text = status ? ytext(l->doc, status, "status") : NULL;
	bool known = false;
	for (int i = 0; text && i < 3; i++)
		if (strcmp(text, natrisk_decision_name((natrisk_decision)i)) ==
		    0) {
			a->decision = (natrisk_decision)i;
			known = true;
		}
	if (text && !known)
		yerror(l->doc, status, "a decision's status must be adopted, "
		       "rejected or pending, not '%s'", text);
	if (!known)
		l->ok = false;
	const ynode *date = ymap_get(node, "date");
	if (date)
		a->decision_dated = plan_load_date(l, date, "decision date",
		                                   &a->decision_date);
}

static void load_one_advice(ploader *l, const ynode *item, natrisk_advice *a)
{
	a->title = plan_keep_text(l, ymap_get(item, "title"), "title",
	                          YTEXT_TITLE);
	const ynode *owners = ymap_get(item, "owners");
	if (owners && plan_load_refs(l, owners, "owner",
	                             natrisk_plan_find_organisation,
	                             &a->owners, &a->owner_count) &&
	    a->owner_count == 0) {
		yerror(l->doc, owners, "advice '%s' has no owner: name the "
		       "organisations first responsible", a->id ? a->id : "");
		l->ok = false;
	}
	const ynode *measures = ymap_get(item, "measures");
	if (measures)
		plan_load_refs(l, measures, "measure", natrisk_plan_find_measure,
		               &a->measures, &a->measure_count);
	const ynode *decision = ymap_get(item, "decision");
	if (decision)
		load_decision(l, decision, a);
}

static void load_advice(ploader *l, const ynode *node)
{
	static const char *const keys[] = { "*id", "*title", "*owners",
		                            "measures", "decision", NULL };
	natrisk_plan *p = l->p;
	if (!yexpect(l->doc, node, YNODE_SEQ, "advice")) {
		l->ok = false;
		return;
	}
	p->advice = plan_array(l, node->count, sizeof *p->advice);
	const ynode **ids = plan_array(l, node->count, sizeof *ids);
	if (!p->advice || !ids)
		return;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "an advice")) {
			l->ok = false;
			if (item->kind != YNODE_MAP)
				continue;
		}
		ids[i] = ymap_get(item, "id");
		natrisk_advice *a = &p->advice[p->advice_count];
		a->id = keep_id(l, ids[i], "advice id");
		load_one_advice(l, item, a);
		if (a->id)
			p->advice_count++;
	}
	if (!ycheck_unique(l->doc, ids, node->count, "advice id"))
		l->ok = false;
}

/* The assessment the plan names; its errors are the plan's. */
static bool load_assessment(ploader *l, const ynode *node)
{
	const char *ref = ytext(l->doc, node, "assessment");
	if (!ref) {
		l->ok = false;
		return false;
	}
	l->p->assessment_ref = arena_strdup(&l->p->arena, ref);
	char *path = plan_relative_path(l->doc->name, ref);
	if (!path) {
		l->doc->out_of_memory = true;
		l->ok = false;
		return false;
	}
	int rc;
	if (!plan_prefetch_take(l->prefetch, ref, l->doc->diag,
	                        &l->p->assessment, &rc))
		rc = l->assessment_text
		             ? natrisk_assessment_load_buffer(
		                       &l->p->assessment, path, l->assessment_text,
		                       l->assessment_len, l->doc->diag)
		             : natrisk_assessment_load(&l->p->assessment, path,
		                                       l->doc->diag);
	if (rc == NATRISK_ENOMEM)
		l->doc->out_of_memory = true;
	else if (rc == NATRISK_EIO)
		yerror(l->doc, node, "%s", natrisk_error_last());
	else if (rc != 0 && natrisk_diag_error_count(l->doc->diag) == 0)
		yerror(l->doc, node, "assessment '%s' is invalid", ref);
	free(path);
	if (rc != 0) {
		l->ok = false;
		return false;
	}
	l->scores.a = l->p->assessment;
	l->scores.m = natrisk_assessment_method(l->p->assessment);
	return true;
}

static void load_top(ploader *l, const ynode *root)
{
	static const char *const keys[] = { "*natrisk", "*plan",
		                            "*assessment", "organisations",
		                            "capabilities", "measures",
		                            "advice", NULL };
	if (!ycheck_map(l->doc, root, keys, "the plan")) {
		l->ok = false;
		if (root->kind != YNODE_MAP)
			return;
	}
	const ynode *format = ymap_get(root, "natrisk");
	if (format && !yversion(l->doc, format, "natrisk", "format version"))
		l->ok = false;
	l->p->title = plan_keep_text(l, ymap_get(root, "plan"), "plan",
	                             YTEXT_TITLE);
	const ynode *assessment = ymap_get(root, "assessment");
	/* without its assessment no scenario can be checked: stop */
	if (!assessment || !load_assessment(l, assessment))
		return;
	const ynode *list = ymap_get(root, "organisations");
	if (list)
		load_organisations(l, list);
	if ((list = ymap_get(root, "capabilities")))
		load_capabilities(l, list);
	if ((list = ymap_get(root, "measures")))
		plan_load_measures(l, list);
	if ((list = ymap_get(root, "advice")))
		load_advice(l, list);
}

int natrisk_plan_load_buffer(natrisk_plan **out, const char *name,
                             const char *buf, size_t len, natrisk_diag *diag)
{
	return natrisk_plan_load_on(out, name, buf, len, NULL, 0, diag);
}

int natrisk_plan_load_on(natrisk_plan **out, const char *name,
                         const char *buf, size_t len,
                         const char *assessment, size_t assessment_len,
                         natrisk_diag *diag)
{
	static const natrisk_load_options defaults = { false };
	*out = NULL;
	ydoc doc;
	size_t errors_before = natrisk_diag_error_count(diag);
	plan_prefetch prefetch;
	plan_prefetch_start(&prefetch, name, buf, len, assessment,
	                    assessment_len);
	int rc = ydoc_parse(&doc, name, buf, len, diag);
	natrisk_plan *p = rc == 0 ? arena_owned_new(sizeof *p) : NULL;
	if (!p) {
		plan_prefetch_end(&prefetch);
		ydoc_release(&doc);
		return rc == -1 ? error_set(NATRISK_EINVALID,
		                            "%s: invalid plan", name)
		                : error_set(NATRISK_ENOMEM, "out of memory");
	}
	ploader l = { .doc = &doc, .p = p, .ok = true,
		      .assessment_text = assessment,
		      .assessment_len = assessment_len,
		      .prefetch = &prefetch };
	l.scores = (aloader){ .doc = &doc, .options = &defaults, .ok = true };
	p->path = arena_strdup(&p->arena, name);
	load_top(&l, doc.root);
	plan_prefetch_end(&prefetch);
	bool out_of_memory = ydoc_out_of_memory(&doc) || p->arena.out_of_memory;
	ydoc_release(&doc);
	if (out_of_memory) {
		natrisk_plan_free(p);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	if (!l.ok || !l.scores.ok ||
	    natrisk_diag_error_count(diag) > errors_before) {
		natrisk_plan_free(p);
		return error_set(NATRISK_EINVALID, "%s: invalid plan", name);
	}
	*out = p;
	return NATRISK_OK;
}

int natrisk_plan_load(natrisk_plan **out, const char *path,
                      natrisk_diag *diag)
{
	*out = NULL;
	char *data;
	size_t len;
	int rc = file_read(path, &data, &len);
	if (rc != 0)
		return rc;
	rc = natrisk_plan_load_buffer(out, path, data, len, diag);
	free(data);
	return rc;
}

/* What natrisk_plan_detect() has seen of the top-level keys. */
typedef struct detected {
	bool plan, scenarios, lists;
} detected;

static bool detect_key(const char *key, size_t len, const char *value,
                       size_t value_len, void *ctx)
{
	(void)value, (void)value_len;
	detected *d = ctx;
	static const char *const lists[] = { "capabilities", "measures",
		                             "advice" };
#define IS(word) (len == strlen(word) && memcmp(key, word, len) == 0)
	if (IS("plan")) {
		d->plan = true;
		return false; /* a plan, whatever follows */
	}
	d->scenarios |= IS("scenarios");
	for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
		d->lists |= IS(lists[k]);
#undef IS
	return true;
}

int natrisk_plan_detect(const char *path)
{
	detected d = { false, false, false };
	int rc = ytop_file_keys(path, detect_key, &d);
	/* a text that fails before its `plan` key: its loader says why */
	return d.plan || (rc == 0 && !d.scenarios && d.lists);
}
