/*
 * monitor_levels.c - an indicator's alert levels in a monitor file:
 * ascending thresholds, each with the CAP 1.2 fields of its warning
 * (codes, texts in English and Dutch, an area), checked as the validator
 * of messages checks them, so that every message natrisk writes passes.
 */
#include <string.h>

#include <natrisk/cap.h>

#include "../core/messages.h"
#include "monitor_loader.h"

static const char *load_code(mloader *l, const ynode *level,
                             const char *key, natrisk_cap_field field)
{
	const ynode *node = ymap_get(level, key);
	const char *text = node ? ytext(l->doc, node, key) : NULL;
	if (text && natrisk_cap_code_valid(field, text))
		return arena_strdup(&l->m->arena, text);
	if (text)
		yerror(l->doc, node, "%s must be one of %s, not '%s'", key,
		       natrisk_cap_codes(field), text);
	l->ok = false;
	return NULL;
}

/* A text in both languages: { en: ..., nl: ... }, at least one. */
static void load_texts(mloader *l, const ynode *node, const char *what,
                       ytext_kind kind, natrisk_cap_text *out)
{
	static const char *const keys[] = { "en", "nl", NULL };
	if (!ycheck_map(l->doc, node, keys, what)) {
		l->ok = false;
		return;
	}
	out->en = monitor_keep_text(l, ymap_get(node, "en"), what, kind);
	out->nl = monitor_keep_text(l, ymap_get(node, "nl"), what, kind);
	if (node->count == 0) {
		yerror(l->doc, node, "%s needs a text in en or nl",
		       msg_tr(what));
		l->ok = false;
	}
}

/* The languages of TEXT must be the headline's: one info each. */
static void same_languages(mloader *l, const ynode *node, const char *what,
                           const natrisk_cap_text *text,
                           const natrisk_cap_text *headline)
{
	if (!node || !l->ok)
		return;
	if (!text->en != !headline->en || !text->nl != !headline->nl) {
		yerror(l->doc, node, "%s must have the languages of the "
		       "headline", msg_tr(what));
		l->ok = false;
	}
}

static void load_area(mloader *l, const ynode *node,
                      natrisk_alert_level *v)
{
	static const char *const keys[] = { "*desc", "polygon", "circle",
		                            NULL };
	if (!ycheck_map(l->doc, node, keys, "an area")) {
		l->ok = false;
		if (node->kind != YNODE_MAP)
			return;
	}
	v->area_desc = monitor_keep_text(l, ymap_get(node, "desc"),
	                                 "area desc", YTEXT_TITLE);
	const ynode *shape = ymap_get(node, "polygon");
	v->polygon = monitor_keep_text(l, shape, "polygon", YTEXT_SOURCE);
	const char *problem = v->polygon
	                              ? natrisk_cap_polygon_problem(v->polygon)
	                              : NULL;
	if (problem) {
		yerror(l->doc, shape, "%s", msg_tr(problem));
		l->ok = false;
	}
	shape = ymap_get(node, "circle");
	v->circle = monitor_keep_text(l, shape, "circle", YTEXT_LABEL);
	problem = v->circle ? natrisk_cap_circle_problem(v->circle) : NULL;
	if (problem) {
		yerror(l->doc, shape, "%s", msg_tr(problem));
		l->ok = false;
	}
}

/* The cell-broadcast length of the info in each language. */
static void check_length(mloader *l, const ynode *node,
                         const natrisk_alert_level *v)
{
	const char *langs[] = { "en", "nl" };
	const char *headline[] = { v->headline.en, v->headline.nl };
	const char *description[] = { v->description.en, v->description.nl };
	const char *instruction[] = { v->instruction.en, v->instruction.nl };
	for (int i = 0; i < 2; i++) {
		if (!headline[i])
			continue;
		natrisk_cb_alphabet alphabet;
		size_t n = natrisk_cb_length(headline[i], description[i],
		                             instruction[i], &alphabet);
		if (n <= natrisk_cb_max(alphabet))
			continue;
		if (alphabet == NATRISK_CB_GSM7)
			yerror(l->doc, node, "the %s texts are %zu characters "
			       "in GSM 7-bit, more than cell broadcast carries "
			       "(%d)", langs[i], n, NATRISK_CB_MAX_GSM7);
		else
			yerror(l->doc, node, "the %s texts are %zu characters "
			       "in UCS-2, more than cell broadcast carries (%d)",
			       langs[i], n, NATRISK_CB_MAX_UCS2);
		l->ok = false;
	}
}

static void load_level(mloader *l, const ynode *item, natrisk_alert_level *v)
{
	static const char *const keys[] = {
		"*at", "*event", "*category", "*urgency", "*severity",
		"*certainty", "*headline", "description", "instruction",
		"area", NULL
	};
	if (!ycheck_map(l->doc, item, keys, "a level")) {
		l->ok = false;
		if (item->kind != YNODE_MAP)
			return;
	}
	const ynode *node = ymap_get(item, "at");
	if (node && !ynumber(l->doc, node, "at", &v->at))
		l->ok = false;
	v->event = monitor_keep_text(l, ymap_get(item, "event"), "event",
	                             YTEXT_TITLE);
	v->category = load_code(l, item, "category", NATRISK_CAP_CATEGORY);
	v->urgency = load_code(l, item, "urgency", NATRISK_CAP_URGENCY);
	v->severity = load_code(l, item, "severity", NATRISK_CAP_SEVERITY);
	v->certainty = load_code(l, item, "certainty",
	                         NATRISK_CAP_CERTAINTY);
	const ynode *headline = ymap_get(item, "headline");
	if (headline)
		load_texts(l, headline, "headline", YTEXT_TITLE, &v->headline);
	const ynode *description = ymap_get(item, "description");
	if (description)
		load_texts(l, description, "description", YTEXT_DESCRIPTION,
		           &v->description);
	const ynode *instruction = ymap_get(item, "instruction");
	if (instruction)
		load_texts(l, instruction, "instruction", YTEXT_DESCRIPTION,
		           &v->instruction);
	same_languages(l, description, "description", &v->description,
	               &v->headline);
	same_languages(l, instruction, "instruction", &v->instruction,
	               &v->headline);
	if ((node = ymap_get(item, "area")))
		load_area(l, node, v);
	if (l->ok)
		check_length(l, item, v);
}

void monitor_load_levels(mloader *l, const ynode *node, natrisk_indicator *ind)
{
	if (!yexpect(l->doc, node, YNODE_SEQ, "levels")) {
		l->ok = false;
		return;
	}
	if (node->count == 0) {
		yerror(l->doc, node, "an indicator needs at least one level");
		l->ok = false;
		return;
	}
	natrisk_alert_level *levels = monitor_array(l, node->count,
	                                            sizeof *levels);
	if (!levels)
		return;
	for (size_t i = 0; i < node->count; i++) {
		load_level(l, node->items[i], &levels[i]);
		if (i > 0 && l->ok && levels[i].at <= levels[i - 1].at) {
			yerror(l->doc, ymap_get(node->items[i], "at"),
			       "levels must ascend by at: %g follows %g",
			       levels[i].at, levels[i - 1].at);
			l->ok = false;
		}
	}
	ind->levels = levels;
	ind->level_count = node->count;
}
