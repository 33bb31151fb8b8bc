/*
 * ykeys.c - repeated texts in the located YAML tree of ytree.h: the keys
 * of every mapping as ytree.c closes it, and the ids of a list for the
 * loaders (ycheck_unique), each repeat reported at its place with the
 * line of the first.
 */
#include "ytree.h"

#include <stdlib.h>
#include <string.h>

#include "../core/messages.h"

struct node_ref {
	const ynode *node;
	size_t index;
};

static int by_text(const void *pa, const void *pb)
{
	const struct node_ref *a = pa, *b = pb;
	int order = strcmp(a->node->text, b->node->text);
	if (order)
		return order;
	return a->index < b->index ? -1 : a->index > b->index;
}

bool ycheck_unique(ydoc *doc, const ynode *const *nodes, size_t n,
                   const char *what)
{
	struct node_ref *refs = malloc((n + 1) * sizeof *refs);
	if (!refs) {
		doc->out_of_memory = true;
		return false;
	}
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (nodes[i] && nodes[i]->kind == YNODE_SCALAR)
			refs[count++] = (struct node_ref){ nodes[i], i };
	qsort(refs, count, sizeof *refs, by_text);
	bool unique = true;
	size_t first = 0; /* sorted by text, then by place in the file */
	for (size_t i = 1; i < count; i++) {
		const ynode *again = refs[i].node;
		if (strcmp(refs[first].node->text, again->text) != 0) {
			first = i;
			continue;
		}
		yerror(doc, again, "duplicate %s '%s' (first at line %d)",
		       msg_tr(what), again->text, refs[first].node->line);
		unique = false;
	}
	free(refs);
	return unique;
}

/* Whether the text keys of a map of up to SMALL_MAP keys are all
 * different, by comparing each with those before it: most maps are small,
 * and sorting their keys cost more than building them. */
enum { SMALL_MAP = 16 };

static bool small_keys_distinct(const ynode *map)
{
	for (size_t i = 1; i < map->count; i++) {
		const ynode *key = map->items[2 * i];
		for (size_t j = 0; key->kind == YNODE_SCALAR && j < i; j++) {
			const ynode *before = map->items[2 * j];
			if (before->kind == YNODE_SCALAR &&
			    strcmp(before->text, key->text) == 0)
				return false;
		}
	}
	return true;
}

void ycheck_map_keys(ydoc *doc, const ynode *map)
{
	for (size_t i = 0; i < map->count; i++)
		if (map->items[2 * i]->kind != YNODE_SCALAR)
			yerror(doc, map->items[2 * i], "a key must be text, "
			       "not a %s", msg_tr(ykind_name(map->items[2 * i])));
	if (map->count <= SMALL_MAP && small_keys_distinct(map))
		return;
	const ynode **keys = malloc((map->count + 1) * sizeof *keys);
	if (!keys) {
		doc->out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < map->count; i++)
		keys[i] = map->items[2 * i];
	ycheck_unique(doc, keys, map->count, "key");
	free(keys);
}
