/*
 * plan_actions.c - the actions of a measure in a plan file: their due
 * period, stated at the precision the government commits to (2012,
 * 2012-H2, 2013-Q1, 2013-03, 2013-03-31; it must be a real period), and
 * their append-only log, whose dates never decrease.
 */
#include <string.h>

#include "../core/messages.h"
#include "plan_loader.h"

/* TEXT (LEN bytes) as a due period; false when it has none of the forms
 * or names no real period. */
static bool parse_due(const char *text, size_t len, natrisk_due *d)
{
	memset(d, 0, sizeof *d);
	d->year = plan_digits(text, len < 4 ? len : 4);
	if (len < 4 || d->year < 1)
		return false;
	if (len == 4)
		d->precision = NATRISK_DUE_YEAR;
	else if (len == 7 && text[4] == '-' && (text[5] == 'H' ||
	                                        text[5] == 'Q')) {
		d->precision = text[5] == 'H' ? NATRISK_DUE_HALF
		                              : NATRISK_DUE_QUARTER;
		d->part = plan_digits(text + 6, 1);
	} else if (len == 7 && text[4] == '-') {
		d->precision = NATRISK_DUE_MONTH;
		d->part = plan_digits(text + 5, 2);
	} else if (len == 10 && text[4] == '-' && text[7] == '-') {
		d->precision = NATRISK_DUE_DAY;
		d->part = plan_digits(text + 5, 2);
		d->day = plan_digits(text + 8, 2);
	} else {
		return false;
	}
	natrisk_date deadline;
	return natrisk_due_deadline(d, &deadline) == 0;
}

static bool load_due(ploader *l, const ynode *node, natrisk_due *out)
{
	const char *text = ytext(l->doc, node, "due");
	if (text && parse_due(text, node->len, out))
		return true;
	if (text)
		yerror(l->doc, node, "due '%s' is not a real period: write "
		       "YYYY, YYYY-H1 or -H2, YYYY-Q1 to -Q4, YYYY-MM or "
		       "YYYY-MM-DD", text);
	l->ok = false;
	return false;
}

static bool load_status(ploader *l, const ynode *node,
                        natrisk_action_status *out)
{
	const char *text = ytext(l->doc, node, "status");
	for (int i = 0; text && i <= NATRISK_ACTION_DROPPED; i++)
		if (strcmp(text, natrisk_action_status_name(
			                 (natrisk_action_status)i)) == 0) {
			*out = (natrisk_action_status)i;
			return true;
		}
	if (text)
		yerror(l->doc, node, "an action's status must be planned, "
		       "on-track, late, done or dropped, not '%s'", text);
	l->ok = false;
	return false;
}

static void load_log(ploader *l, const ynode *node, natrisk_action *a)
{
	static const char *const keys[] = { "*date", "*status", "note", NULL };
	if (!yexpect(l->doc, node, YNODE_SEQ, "log")) {
		l->ok = false;
		return;
	}
	natrisk_log_entry *log = plan_array(l, node->count, sizeof *log);
	if (!log)
		return;
	size_t n = 0;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "a log entry")) {
			l->ok = false;
			continue;
		}
		natrisk_log_entry *e = &log[n];
		const ynode *date = ymap_get(item, "date");
		bool ok = plan_load_date(l, date, "date", &e->date);
		ok = load_status(l, ymap_get(item, "status"), &e->status) &&
		     ok;
		e->note = plan_keep_text(l, ymap_get(item, "note"), "note",
		                         YTEXT_WHY);
		if (ok && n > 0 &&
		    natrisk_date_compare(&e->date, &log[n - 1].date) < 0) {
			yerror(l->doc, date, "the log goes back in time: %s "
			       "comes after %04d-%02d-%02d; entries are "
			       "appended in date order", date->text,
			       log[n - 1].date.year, log[n - 1].date.month,
			       log[n - 1].date.day);
			l->ok = false;
			ok = false;
		}
		if (ok)
			n++;
	}
	a->log = log;
	a->log_count = n;
}

void plan_load_actions(ploader *l, const ynode *node, natrisk_measure *m)
{
	static const char *const keys[] = { "*id", "*what", "*due", "log",
		                            NULL };
	if (!yexpect(l->doc, node, YNODE_SEQ, "actions")) {
		l->ok = false;
		return;
	}
	natrisk_action *actions = plan_array(l, node->count, sizeof *actions);
	const ynode **ids = plan_array(l, node->count, sizeof *ids);
	if (!actions || !ids)
		return;
	for (size_t i = 0; i < node->count; i++) {
		const ynode *item = node->items[i];
		if (!ycheck_map(l->doc, item, keys, "an action")) {
			l->ok = false;
			if (item->kind != YNODE_MAP)
				continue;
		}
		natrisk_action *a = &actions[m->action_count];
		ids[i] = ymap_get(item, "id");
		const char *id = ids[i] ? yid(l->doc, ids[i], "action id")
		                        : NULL;
		a->id = id ? arena_strdup(&l->p->arena, id) : NULL;
		a->what = plan_keep_text(l, ymap_get(item, "what"), "what",
		                         YTEXT_DESCRIPTION);
		const ynode *due = ymap_get(item, "due");
		if (due)
			load_due(l, due, &a->due);
		const ynode *log = ymap_get(item, "log");
		if (log)
			load_log(l, log, a);
		if (a->id)
			m->action_count++;
		else
			l->ok = false;
	}
	if (!ycheck_unique(l->doc, ids, node->count, "action id"))
		l->ok = false;
	m->actions = actions;
}
