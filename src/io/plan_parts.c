/*
 * plan_parts.c - the pieces every part of the plan loader reads with:
 * arrays and texts kept in the plan, lists of references resolved to
 * indices, and dates.
 */
#include "../core/id_index.h"
#include "../core/messages.h"
#include "plan_loader.h"

void *plan_array(ploader *l, size_t count, size_t size)
{
	void *array = arena_array(&l->p->arena, count + 1, size);
	if (!array) {
		l->doc->out_of_memory = true;
		l->ok = false;
	}
	return array;
}

const char *plan_keep_text(ploader *l, const ynode *node, const char *what,
                           ytext_kind kind)
{
	return ykeep_text(l->doc, &l->p->arena, node, what, kind, &l->ok);
}

void plan_index_ids(ploader *l, size_t **index, const void *entries,
                    size_t count, size_t size)
{
	*index = id_index_new(&l->p->arena, entries, count, size);
	if (!*index) {
		l->doc->out_of_memory = true;
		l->ok = false;
	}
}

long plan_find_scenario(const natrisk_plan *p, const char *id)
{
	return natrisk_assessment_find_scenario(p->assessment, id);
}

bool plan_load_refs(ploader *l, const ynode *node, const char *what,
                    plan_find_fn find, const size_t **out, size_t *count)
{
	*count = 0;
	if (!yexpect(l->doc, node, YNODE_SEQ, what)) {
		l->ok = false;
		return false;
	}
	size_t *refs = plan_array(l, node->count, sizeof *refs);
	if (!refs)
		return false;
	bool ok = true;
	for (size_t i = 0; i < node->count; i++) {
		const char *id = yid(l->doc, node->items[i], what);
		long index = id ? find(l->p, id) : -1;
		if (id && index < 0)
			yerror(l->doc, node->items[i], "unknown %s '%s'",
			       msg_tr(what), id);
		if (index < 0)
			ok = false;
		else
			refs[(*count)++] = (size_t)index;
	}
	ok = ycheck_unique(l->doc, (const ynode *const *)node->items,
	                   node->count, what) && ok;
	*out = refs;
	if (!ok)
		l->ok = false;
	return ok;
}

int plan_digits(const char *text, size_t n)
{
	int value = 0;
	for (size_t i = 0; i < n; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		value = value * 10 + (text[i] - '0');
	}
	return value;
}

bool plan_load_date(ploader *l, const ynode *node, const char *what,
                    natrisk_date *out)
{
	const char *text = ytext(l->doc, node, what);
	if (!text) {
		l->ok = false;
		return false;
	}
	int y = plan_digits(text, 4), m = -1, d = -1;
	if (y >= 0 && node->len == 10 && text[4] == '-' && text[7] == '-') {
		m = plan_digits(text + 5, 2);
		d = plan_digits(text + 8, 2);
	}
	if (m < 0 || d < 0 || !natrisk_date_valid(y, m, d)) {
		yerror(l->doc, node, "%s '%s' is not a real date YYYY-MM-DD",
		       msg_tr(what), text);
		l->ok = false;
		return false;
	}
	*out = (natrisk_date){ y, m, d };
	return true;
}
