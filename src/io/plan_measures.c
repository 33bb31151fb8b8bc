/*
 * plan_measures.c - the measures of a plan file: their capabilities and
 * owners, cost, requires and excludes (with no cycle of requires), and
 * their expected effects, scores read by the assessment's own score
 * reader (score_load.c) so that they take the same forms and checks.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/messages.h"
#include "plan_loader.h"

static bool load_cost_part(ploader *l, const ynode *node, const char *what,
                           double *out)
{
	if (!node)
		return true;
	if (!ynumber(l->doc, node, what, out)) {
		l->ok = false;
		return false;
	}
	if (*out < 0) {
		yerror(l->doc, node, "%s may not be negative, not %s",
		       msg_tr(what), node->text);
		l->ok = false;
		return false;
	}
	return true;
}

static void load_cost(ploader *l, const ynode *node, natrisk_measure *m)
{
	static const char *const keys[] = { "once", "yearly", NULL };
	if (!ycheck_map(l->doc, node, keys, "a cost")) {
		l->ok = false;
		if (node->kind != YNODE_MAP)
			return;
	}
	load_cost_part(l, ymap_get(node, "once"), "a one-off cost",
	               &m->cost_once);
	load_cost_part(l, ymap_get(node, "yearly"), "a yearly cost",
	               &m->cost_yearly);
}

/* Effects of one scenario: its likelihood and impact scores. */
static size_t load_scenario_effects(ploader *l, const ynode *node,
                                    size_t scenario, natrisk_effect *into)
{
	static const char *const keys[] = { "impact", "likelihood", NULL };
	if (!ycheck_map(l->doc, node, keys, "an effect")) {
		l->ok = false;
		if (node->kind != YNODE_MAP)
			return 0;
	}
	const natrisk_scenario *s =
		natrisk_assessment_scenario(l->p->assessment, scenario);
	const natrisk_method *method = l->scores.m;
	size_t n = 0;
	const ynode *likelihood = ymap_get(node, "likelihood");
	if (likelihood) {
		into[n] = (natrisk_effect){ .scenario = scenario,
		                            .criterion = NATRISK_EFFECT_LIKELIHOOD };
		load_likelihood_score(&l->scores, likelihood, s->kind,
		                      &into[n++].score);
	}
	const ynode *impact = ymap_get(node, "impact");
	if (!impact)
		return n;
	if (!yexpect(l->doc, impact, YNODE_MAP, "impact")) {
		l->ok = false;
		return n;
	}
	for (size_t i = 0; i < impact->count; i++) {
		const ynode *key = impact->items[2 * i];
		if (key->kind != YNODE_SCALAR) {
			l->ok = false;
			continue;
		}
		long c = natrisk_method_find_criterion(method, key->text,
		                                       key->len);
		if (c < 0) {
			yerror(l->doc, key, "unknown criterion '%s' in method "
			       "%s", key->text, natrisk_method_id(method));
			l->ok = false;
			continue;
		}
		into[n] = (natrisk_effect){ .scenario = scenario, .criterion = c };
		load_impact_score(&l->scores, impact->items[2 * i + 1],
		                  (size_t)c, &into[n++].score);
	}
	return n;
}

/* The number of scores under every scenario of an effect mapping. */
static size_t count_scores(const ynode *node)
{
	size_t n = 0;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *v = node->items[2 * i + 1];
		if (v->kind != YNODE_MAP)
			continue;
		const ynode *impact = ymap_get(v, "impact");
		n += 1 + (impact && impact->kind == YNODE_MAP ? impact->count
		                                              : 0);
	}
	return n;
}

static void load_effects(ploader *l, const ynode *node, natrisk_measure *m)
{
	if (!yexpect(l->doc, node, YNODE_MAP, "effect")) {
		l->ok = false;
		return;
	}
	natrisk_effect *effects = plan_array(l, count_scores(node),
	                                     sizeof *effects);
	if (!effects)
		return;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *key = node->items[2 * i];
		const char *id = yid(l->doc, key, "scenario");
		long s = id ? plan_find_scenario(l->p, id) : -1;
		if (id && s < 0)
			yerror(l->doc, key, "unknown scenario '%s'", id);
		if (s < 0) {
			l->ok = false;
			continue;
		}
		m->effect_count += load_scenario_effects(
			l, node->items[2 * i + 1], (size_t)s,
			effects + m->effect_count);
	}
	m->effects = effects;
}

static void load_measure(ploader *l, const ynode *item, natrisk_measure *m)
{
	m->title = plan_keep_text(l, ymap_get(item, "title"), "title",
	                          YTEXT_TITLE);
	const ynode *node;
	if ((node = ymap_get(item, "capabilities")))
		plan_load_refs(l, node, "capability",
		               natrisk_plan_find_capability, &m->capabilities,
		               &m->capability_count);
	if ((node = ymap_get(item, "owners")))
		plan_load_refs(l, node, "owner", natrisk_plan_find_organisation,
		               &m->owners, &m->owner_count);
	if ((node = ymap_get(item, "cost")))
		load_cost(l, node, m);
	if ((node = ymap_get(item, "requires")))
		plan_load_refs(l, node, "measure", natrisk_plan_find_measure,
		               &m->requires, &m->require_count);
	if ((node = ymap_get(item, "excludes")))
		plan_load_refs(l, node, "measure", natrisk_plan_find_measure,
		               &m->excludes, &m->exclude_count);
	if ((node = ymap_get(item, "effect")))
		load_effects(l, node, m);
	if ((node = ymap_get(item, "actions")))
		plan_load_actions(l, node, m);
}

/* Depth-first search for a cycle of requires from measure START; STATE:
 * 0 unseen, 1 on the path, 2 done. PATH holds the measures on the path
 * and NEXT, for each, the next of its requires to follow: iterative, so
 * that a chain of thousands of measures cannot exhaust the stack. Returns
 * the index in PATH where the cycle starts (with *DEPTH its end), or -1. */
static long find_cycle(const natrisk_plan *p, size_t start,
                       unsigned char *state, size_t *path, size_t *next,
                       size_t *depth)
{
	*depth = 0;
	state[start] = 1;
	path[(*depth)++] = start;
	next[0] = 0;
	while (*depth > 0) {
		size_t top = *depth - 1, m = path[top];
		const natrisk_measure *measure = &p->measures[m];
		if (next[top] == measure->require_count) {
			state[m] = 2;
			(*depth)--;
			continue;
		}
		size_t to = measure->requires[next[top]++];
		if (state[to] == 1) {
			for (size_t i = 0; i < *depth; i++)
				if (path[i] == to)
					return (long)i;
		} else if (state[to] == 0) {
			state[to] = 1;
			path[*depth] = to;
			next[(*depth)++] = 0;
		}
	}
	return -1;
}

/* "a -> b -> a" for the cycle PATH[START..DEPTH), into an arena string. */
static const char *cycle_text(ploader *l, const size_t *path, size_t start,
                              size_t depth)
{
	size_t size = 1;
	for (size_t i = start; i < depth; i++)
		size += strlen(l->p->measures[path[i]].id) + 4;
	size += strlen(l->p->measures[path[start]].id);
	char *text = arena_alloc(&l->p->arena, size);
	if (!text)
		return "";
	for (size_t i = start; i < depth; i++) {
		strcat(text, l->p->measures[path[i]].id);
		strcat(text, " -> ");
	}
	strcat(text, l->p->measures[path[start]].id);
	return text;
}

/* A measure cannot require itself, even through others: the first
 * cycle found is reported, at the requires of its first measure. */
static void check_cycles(ploader *l, const ynode *const *nodes)
{
	natrisk_plan *p = l->p;
	unsigned char *state = calloc(p->measure_count + 1, 1);
	size_t *path = calloc(p->measure_count + 1, sizeof *path);
	size_t *next = calloc(p->measure_count + 1, sizeof *next);
	for (size_t m = 0; state && path && next && m < p->measure_count;
	     m++) {
		size_t depth = 0;
		long start = state[m] ? -1 : find_cycle(p, m, state, path,
		                                        next, &depth);
		if (start < 0)
			continue;
		size_t first = path[start];
		yerror(l->doc, ymap_get(nodes[first], "requires"),
		       "measure '%s' requires itself: %s",
		       p->measures[first].id,
		       cycle_text(l, path, (size_t)start, depth));
		l->ok = false;
		break;
	}
	if (!state || !path || !next)
		l->doc->out_of_memory = true;
	free(state);
	free(path);
	free(next);
}

void plan_load_measures(ploader *l, const ynode *node)
{
	static const char *const keys[] = {
		"*id", "*title", "*capabilities", "*owners", "cost",
		"requires", "excludes", "effect", "actions", NULL
	};
	natrisk_plan *p = l->p;
	if (!yexpect(l->doc, node, YNODE_SEQ, "measures")) {
		l->ok = false;
		return;
	}
	p->measures = plan_array(l, node->count, sizeof *p->measures);
	const ynode **items = plan_array(l, node->count, sizeof *items);
	const ynode **ids = plan_array(l, node->count, sizeof *ids);
	if (!p->measures || !items || !ids)
		return;
	/* the ids first: requires and excludes may name a later measure */
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "a measure")) {
			l->ok = false;
			if (item->kind != YNODE_MAP)
				continue;
		}
		ids[i] = ymap_get(item, "id");
		const char *id = ids[i] ? yid(l->doc, ids[i], "measure id")
		                        : NULL;
		if (!id) {
			l->ok = false;
			continue;
		}
		const char *copy = arena_strdup(&p->arena, id);
		if (!copy) {
			l->doc->out_of_memory = true;
			l->ok = false;
			continue;
		}
		items[p->measure_count] = item;
		p->measures[p->measure_count++].id = copy;
	}
	if (!ycheck_unique(l->doc, ids, node->count, "measure id"))
		l->ok = false;
	else
		plan_index_ids(l, &p->measure_index, p->measures,
		               p->measure_count, sizeof *p->measures);
	for (size_t m = 0; m < p->measure_count; m++)
		load_measure(l, items[m], &p->measures[m]);
	check_cycles(l, items);
}
