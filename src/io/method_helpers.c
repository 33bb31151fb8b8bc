/*
 * method_helpers.c - small typed readers used by the method loader.
 */
#include "../core/messages.h"
#include "method_loader.h"

const char *keep(loader *l, const char *text)
{
	return text ? arena_strdup(&l->m->arena, text) : NULL;
}

const char *keep_text_of(loader *l, const ynode *node, const char *what,
                         ytext_kind kind)
{
	return ykeep_text(l->doc, &l->m->arena, node, what, kind, &l->ok);
}

static void load_text_of(loader *l, const ynode *node, const char *what,
                         ytext_kind kind, natrisk_text *out)
{
	static const char *const keys[] = { "*en", "*nl", NULL };
	if (!ycheck_map(l->doc, node, keys, what)) {
		l->ok = false;
		return;
	}
	out->en = keep_text_of(l, ymap_get(node, "en"), what, kind);
	out->nl = keep_text_of(l, ymap_get(node, "nl"), what, kind);
}

void load_text(loader *l, const ynode *node, const char *what,
               natrisk_text *out)
{
	load_text_of(l, node, what, YTEXT_TITLE, out);
}

void load_class_texts(loader *l, const ynode *node, const char *what,
                      ytext_kind kind, bool all,
                      natrisk_text out[NATRISK_CLASS_COUNT])
{
	static const char *const all_keys[] = { "*A", "*B", "*C", "*D", "*E",
		                                NULL };
	static const char *const any_keys[] = { "A", "B", "C", "D", "E", NULL };
	if (!ycheck_map(l->doc, node, all ? all_keys : any_keys, what)) {
		l->ok = false;
		return;
	}
	for (int k = 0; k < NATRISK_CLASS_COUNT; k++) {
		const ynode *text = ymap_get(node, any_keys[k]);
		if (text)
			load_text_of(l, text, what, kind, &out[k]);
	}
}

bool positive_number(loader *l, const ynode *node, const char *what,
                     double *out)
{
	if (!node)
		return false;
	if (!ynumber(l->doc, node, what, out)) {
		l->ok = false;
		return false;
	}
	if (!(*out > 0)) {
		yerror(l->doc, node, "%s must be above 0", msg_tr(what));
		l->ok = false;
		return false;
	}
	return true;
}

void load_ladder(loader *l, const ynode *node, const char *what,
                        double out[4])
{
	if (!yexpect(l->doc, node, YNODE_SEQ, what) || node->count != 4) {
		if (node->kind == YNODE_SEQ)
			yerror(l->doc, node, "%s must list 4 lower limits (of "
			       "classes B, C, D and E), not %u", msg_tr(what),
			       (unsigned)node->count);
		l->ok = false;
		return;
	}
	for (size_t i = 0; i < 4; i++) {
		const ynode *item = node->items[i];
		if (!positive_number(l, item, what, &out[i]))
			return;
		if (i > 0 && !(out[i] > out[i - 1])) {
			yerror(l->doc, item, "%s must ascend strictly",
			       msg_tr(what));
			l->ok = false;
			return;
		}
	}
}

