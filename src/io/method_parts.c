/*
 * method_parts.c - the lists of a method file: vital interests, criteria
 * and weight profiles, each checked for unique ids and valid references.
 */
#include <string.h>

#include "../core/messages.h"
#include "method_loader.h"

/* Ids of criteria and interests are written as the reports write them
 * ("2.1"), so they are text without spaces rather than [a-z0-9-]+. */
static const char *dotted_id(loader *l, const ynode *node, const char *what)
{
	const char *text = ytext(l->doc, node, what);
	if (!text) {
		l->ok = false;
		return NULL;
	}
	bool ok = node->len > 0 && node->len <= 32;
	for (size_t i = 0; ok && i < node->len; i++)
		ok = (text[i] >= '0' && text[i] <= '9') ||
		     (text[i] >= 'a' && text[i] <= 'z') || text[i] == '.' ||
		     text[i] == '-';
	if (!ok) {
		yerror(l->doc, node, "%s '%s' must be 1 to 32 of 0-9, a-z, "
		       "'.' and '-'", msg_tr(what), text);
		l->ok = false;
		return NULL;
	}
	return keep(l, text);
}

void load_interests(loader *l, const ynode *node)
{
	static const char *const keys[] = { "*id", "*name", NULL };
	natrisk_method *m = l->m;
	if (!yexpect(l->doc, node, YNODE_SEQ, "interests") || !node->count) {
		if (node->kind == YNODE_SEQ)
			yerror(l->doc, node, "a method needs at least one "
			       "vital interest");
		l->ok = false;
		return;
	}
	m->interests = arena_array(&m->arena, node->count, sizeof *m->interests);
	if (!m->interests) {
		l->ok = false;
		return;
	}
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "an interest")) {
			l->ok = false;
			continue;
		}
		const ynode *id = ymap_get(item, "id");
		natrisk_interest *interest = &m->interests[m->interest_count];
		interest->id = dotted_id(l, id, "interest id");
		load_text(l, ymap_get(item, "name"), "name", &interest->name);
		if (!interest->id)
			continue;
		for (size_t j = 0; j < m->interest_count; j++)
			if (strcmp(m->interests[j].id, interest->id) == 0) {
				yerror(l->doc, id, "duplicate interest id '%s'",
				       interest->id);
				l->ok = false;
			}
		m->interest_count++;
	}
}

static long find_interest(const natrisk_method *m, const char *id)
{
	for (size_t i = 0; i < m->interest_count; i++)
		if (strcmp(m->interests[i].id, id) == 0)
			return (long)i;
	return -1;
}

static void load_criterion(loader *l, const ynode *item, natrisk_criterion *c)
{
	c->id = dotted_id(l, ymap_get(item, "id"), "criterion id");
	const ynode *interest = ymap_get(item, "interest");
	const char *interest_id = ytext(l->doc, interest, "interest");
	long index = interest_id ? find_interest(l->m, interest_id) : -1;
	if (interest_id && index < 0)
		yerror(l->doc, interest, "unknown interest '%s'", interest_id);
	if (index < 0)
		l->ok = false;
	c->interest = index < 0 ? 0 : (size_t)index;
	load_text(l, ymap_get(item, "name"), "name", &c->name);
	const ynode *thresholds = ymap_get(item, "thresholds");
	if (thresholds) {
		c->quantitative = true;
		load_ladder(l, thresholds, "thresholds", c->thresholds);
		if (!ymap_get(item, "source")) {
			yerror(l->doc, thresholds, "thresholds need a 'source' "
			       "note beside them");
			l->ok = false;
		}
	}
	const ynode *unit = ymap_get(item, "unit");
	if (unit && !thresholds) {
		yerror(l->doc, unit, "a unit belongs to a criterion with "
		       "thresholds");
		l->ok = false;
	}
	if (unit)
		load_text(l, unit, "unit", &c->unit);
	c->source = keep_text_of(l, ymap_get(item, "source"), "source",
	                         YTEXT_SOURCE);
	if (ymap_get(item, "levels"))
		load_class_texts(l, ymap_get(item, "levels"), "levels",
		                 YTEXT_DESCRIPTION, false, c->levels);
	c->levels_source = keep_text_of(l, ymap_get(item, "levels_source"),
	                                "levels_source", YTEXT_SOURCE);
}

void load_criteria(loader *l, const ynode *node)
{
	static const char *const keys[] = { "*id", "*interest", "*name",
		                            "unit", "thresholds", "source",
		                            "levels", "levels_source", NULL };
	natrisk_method *m = l->m;
	if (!yexpect(l->doc, node, YNODE_SEQ, "criteria") || !node->count) {
		if (node->kind == YNODE_SEQ)
			yerror(l->doc, node, "a method needs at least one "
			       "criterion");
		l->ok = false;
		return;
	}
	m->criteria = arena_array(&m->arena, node->count, sizeof *m->criteria);
	if (!m->criteria) {
		l->ok = false;
		return;
	}
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "a criterion")) {
			l->ok = false;
			continue;
		}
		natrisk_criterion *c = &m->criteria[m->criterion_count];
		load_criterion(l, item, c);
		if (!c->id)
			continue;
		if (natrisk_method_find_criterion(m, c->id, strlen(c->id)) >= 0) {
			yerror(l->doc, ymap_get(item, "id"),
			       "duplicate criterion id '%s'", c->id);
			l->ok = false;
		}
		m->criterion_count++;
	}
}

static void load_profile_weights(loader *l, const ynode *node,
                                 natrisk_profile *p)
{
	natrisk_method *m = l->m;
	if (!yexpect(l->doc, node, YNODE_MAP, "weights")) {
		l->ok = false;
		return;
	}
	for (size_t i = 0; i < node->count; i++) {
		const ynode *key = node->items[2 * i];
		const ynode *value = node->items[2 * i + 1];
		if (key->kind != YNODE_SCALAR) {
			l->ok = false; /* reported by the parser; no text */
			continue;
		}
		long c = natrisk_method_find_criterion(m, key->text, key->len);
		if (c < 0) {
			yerror(l->doc, key, "unknown criterion '%s'", key->text);
			l->ok = false;
			continue;
		}
		double w = 0; /* ynumber leaves it alone when it fails */
		if (!ynumber(l->doc, value, "a weight", &w) || w < 0) {
			if (w < 0)
				yerror(l->doc, value, "a weight may not be "
				       "negative");
			l->ok = false;
			continue;
		}
		p->raw[c] = w;
	}
}

static void load_profile(loader *l, const ynode *item, natrisk_profile *p)
{
	natrisk_method *m = l->m;
	p->id = keep(l, yid(l->doc, ymap_get(item, "id"), "profile id"));
	if (!p->id)
		l->ok = false;
	load_text(l, ymap_get(item, "title"), "title", &p->title);
	p->description = keep_text_of(l, ymap_get(item, "description"),
	                              "description", YTEXT_DESCRIPTION);
	p->source = keep_text_of(l, ymap_get(item, "source"), "source",
	                         YTEXT_SOURCE);
	p->raw = arena_array(&m->arena, m->criterion_count, sizeof *p->raw);
	p->weights = arena_array(&m->arena, m->criterion_count,
	                         sizeof *p->weights);
	if (!p->raw || !p->weights) {
		l->ok = false;
		return;
	}
	double others = 1;
	const ynode *others_node = ymap_get(item, "others");
	if (others_node && (!ynumber(l->doc, others_node, "others", &others) ||
	                    others < 0)) {
		if (others < 0)
			yerror(l->doc, others_node, "others may not be negative");
		l->ok = false;
	}
	for (size_t c = 0; c < m->criterion_count; c++)
		p->raw[c] = others;
	if (ymap_get(item, "weights"))
		load_profile_weights(l, ymap_get(item, "weights"), p);
	double sum = 0;
	for (size_t c = 0; c < m->criterion_count; c++)
		sum += p->raw[c];
	if (!(sum > 0)) {
		yerror(l->doc, item, "profile '%s' gives every criterion "
		       "weight 0", p->id ? p->id : "");
		l->ok = false;
	}
}

static void load_profiles(loader *l, const ynode *node)
{
	static const char *const keys[] = { "*id", "*title", "*description",
		                            "*source", "others", "weights",
		                            NULL };
	natrisk_method *m = l->m;
	if (!yexpect(l->doc, node, YNODE_SEQ, "profiles") || !node->count) {
		if (node->kind == YNODE_SEQ)
			yerror(l->doc, node, "a method needs at least one "
			       "weight profile");
		l->ok = false;
		return;
	}
	m->profiles = arena_array(&m->arena, node->count, sizeof *m->profiles);
	if (!m->profiles) {
		l->ok = false;
		return;
	}
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "a weight profile")) {
			l->ok = false;
			continue;
		}
		natrisk_profile *p = &m->profiles[m->profile_count];
		load_profile(l, item, p);
		if (!p->id)
			continue;
		if (natrisk_method_find_profile(m, p->id) >= 0) {
			yerror(l->doc, ymap_get(item, "id"),
			       "duplicate profile id '%s'", p->id);
			l->ok = false;
		}
		m->profile_count++;
	}
}

void load_weights(loader *l, const ynode *node)
{
	static const char *const keys[] = { "*default", "*profiles", NULL };
	natrisk_method *m = l->m;
	if (!ycheck_map(l->doc, node, keys, "weights")) {
		l->ok = false;
		return;
	}
	load_profiles(l, ymap_get(node, "profiles"));
	const ynode *chosen = ymap_get(node, "default");
	const char *id = ytext(l->doc, chosen, "default");
	long index = id && m->profiles ? natrisk_method_find_profile(m, id) : -1;
	if (id && m->profiles && index < 0)
		yerror(l->doc, chosen, "default names no profile: '%s'", id);
	if (index < 0)
		l->ok = false;
	m->default_profile = index < 0 ? 0 : (size_t)index;
}
