/*
 * progress.c - the register of progress on adopted measures (method.md
 * section 6b, progress.h): each action's status on a date from its
 * append-only log, its deadline and whether it is overdue, the log
 * entries between two dates, and the counts per owner.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/progress.h>

#include "error.h"
#include "plan_model.h"

struct natrisk_progress {
	const natrisk_plan *plan;
	natrisk_date on, since;
	natrisk_progress_row *rows;
	size_t row_count;
	natrisk_progress_owner *owners;
	size_t owner_count;
};

/* The index just past the last entry of A dated on or before D: the
 * entries are in date order, so those dated on or before D come first. */
static size_t entries_until(const natrisk_action *a, const natrisk_date *d)
{
	size_t n = 0;
	while (n < a->log_count &&
	       natrisk_date_compare(&a->log[n].date, d) <= 0)
		n++;
	return n;
}

int natrisk_action_state_on(const natrisk_action *a, const natrisk_date *on,
                            natrisk_action_state *out)
{
	natrisk_date deadline;
	if (natrisk_due_deadline(&a->due, &deadline) != 0)
		return NATRISK_ERROR;
	size_t n = entries_until(a, on);
	out->entry = n ? &a->log[n - 1] : NULL;
	out->status = n ? a->log[n - 1].status : NATRISK_ACTION_PLANNED;
	out->deadline = deadline;
	out->overdue = natrisk_date_compare(&deadline, on) < 0 &&
	               out->status != NATRISK_ACTION_DONE &&
	               out->status != NATRISK_ACTION_DROPPED;
	return NATRISK_OK;
}

void natrisk_action_changes(const natrisk_action *a, const natrisk_date *since,
                            const natrisk_date *on, size_t *first,
                            size_t *count)
{
	size_t start = entries_until(a, since), end = entries_until(a, on);
	*first = start;
	*count = end > start ? end - start : 0;
}

/* The rows of adopted advice, in file order; when ROWS is NULL only
 * counts them. */
static size_t fill_rows(natrisk_progress *pr, natrisk_progress_row *rows)
{
	const natrisk_plan *p = pr->plan;
	size_t n = 0;
	for (size_t i = 0; i < p->advice_count; i++) {
		const natrisk_advice *adv = &p->advice[i];
		if (adv->decision != NATRISK_DECISION_ADOPTED)
			continue;
		for (size_t k = 0; k < adv->measure_count; k++) {
			const natrisk_measure *m = &p->measures[adv->measures[k]];
			for (size_t j = 0; j < m->action_count; j++, n++) {
				if (!rows)
					continue;
				natrisk_progress_row *r = &rows[n];
				const natrisk_action *a = &m->actions[j];
				*r = (natrisk_progress_row){ .advice = i,
					.measure = adv->measures[k], .action = j };
				natrisk_action_state_on(a, &pr->on, &r->state);
				natrisk_action_changes(a, &pr->since, &pr->on,
				                       &r->changed_first,
				                       &r->changed_count);
				natrisk_action_state before;
				natrisk_action_state_on(a, &pr->since, &before);
				r->before = before.status;
			}
		}
	}
	return n;
}

/* Marks in ADOPTED (one flag per measure) the measures of adopted
 * advice. */
static void mark_adopted(const natrisk_plan *p, bool *adopted)
{
	for (size_t i = 0; i < p->advice_count; i++)
		if (p->advice[i].decision == NATRISK_DECISION_ADOPTED)
			for (size_t k = 0; k < p->advice[i].measure_count; k++)
				adopted[p->advice[i].measures[k]] = true;
}

/* Adds the actions of measure M on ON to the counts of OWNER. */
static void count_measure(natrisk_progress_owner *owner,
                          const natrisk_measure *m, const natrisk_date *on)
{
	for (size_t j = 0; j < m->action_count; j++) {
		natrisk_action_state s;
		natrisk_action_state_on(&m->actions[j], on, &s);
		owner->actions++;
		owner->done += s.status == NATRISK_ACTION_DONE;
		owner->overdue += s.overdue;
	}
}

/* The owners' counts: every measure of adopted advice once. */
static int fill_owners(natrisk_progress *pr)
{
	const natrisk_plan *p = pr->plan;
	bool *adopted = calloc(p->measure_count + 1, sizeof *adopted);
	pr->owners = calloc(p->organisation_count + 1, sizeof *pr->owners);
	if (!adopted || !pr->owners) {
		free(adopted);
		return NATRISK_ENOMEM;
	}
	mark_adopted(p, adopted);
	for (size_t o = 0; o < p->organisation_count; o++) {
		natrisk_progress_owner owner = { .organisation = o };
		bool owns = false;
		for (size_t mi = 0; mi < p->measure_count; mi++) {
			const natrisk_measure *m = &p->measures[mi];
			for (size_t k = 0; adopted[mi] && k < m->owner_count; k++)
				if (m->owners[k] == o) {
					owns = true;
					count_measure(&owner, m, &pr->on);
				}
		}
		if (owns)
			pr->owners[pr->owner_count++] = owner;
	}
	free(adopted);
	return NATRISK_OK;
}

int natrisk_progress_new(natrisk_progress **out, const natrisk_plan *p,
                         const natrisk_date *on, const natrisk_date *since)
{
	*out = NULL;
	if (natrisk_date_compare(since, on) > 0)
		return error_set(NATRISK_EINVALID, "--since comes after --on");
	natrisk_progress *pr = calloc(1, sizeof *pr);
	if (!pr)
		return error_set(NATRISK_ENOMEM, "out of memory");
	*pr = (natrisk_progress){ .plan = p, .on = *on, .since = *since };
	pr->row_count = fill_rows(pr, NULL);
	pr->rows = calloc(pr->row_count + 1, sizeof *pr->rows);
	if (!pr->rows || fill_owners(pr) != NATRISK_OK) {
		natrisk_progress_free(pr);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	fill_rows(pr, pr->rows);
	*out = pr;
	return NATRISK_OK;
}

void natrisk_progress_free(natrisk_progress *pr)
{
	if (!pr)
		return;
	free(pr->rows);
	free(pr->owners);
	free(pr);
}

const natrisk_plan *natrisk_progress_plan(const natrisk_progress *pr)
{
	return pr->plan;
}

natrisk_date natrisk_progress_on(const natrisk_progress *pr)
{
	return pr->on;
}

natrisk_date natrisk_progress_since(const natrisk_progress *pr)
{
	return pr->since;
}

size_t natrisk_progress_row_count(const natrisk_progress *pr)
{
	return pr->row_count;
}

const natrisk_progress_row *natrisk_progress_row_at(const natrisk_progress *pr,
                                                    size_t i)
{
	return &pr->rows[i];
}

size_t natrisk_progress_owner_count(const natrisk_progress *pr)
{
	return pr->owner_count;
}

const natrisk_progress_owner *
natrisk_progress_owner_at(const natrisk_progress *pr, size_t i)
{
	return &pr->owners[i];
}

/* The N digits at TEXT as a number, or -1. */
static int digits(const char *text, int n)
{
	int value = 0;
	for (int i = 0; i < n; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		value = value * 10 + (text[i] - '0');
	}
	return value;
}

int natrisk_date_parse(const char *text, natrisk_date *out)
{
	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return NATRISK_ERROR;
	int y = digits(text, 4), m = digits(text + 5, 2), d = digits(text + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !natrisk_date_valid(y, m, d))
		return NATRISK_ERROR;
	*out = (natrisk_date){ y, m, d };
	return NATRISK_OK;
}

natrisk_date natrisk_date_add_years(natrisk_date d, int years)
{
	d.year += years;
	if (d.month == 2 && d.day == 29 && !natrisk_date_valid(d.year, 2, 29))
		d.day = 28;
	return d;
}

natrisk_date natrisk_date_add_days(natrisk_date d, int days)
{
	static const int lengths[] = { 31, 28, 31, 30, 31, 30,
		                       31, 31, 30, 31, 30, 31 };
	for (; days > 0; days--) {
		int last = lengths[d.month - 1] +
		           (d.month == 2 && natrisk_date_valid(d.year, 2, 29));
		if (++d.day > last) {
			d.day = 1;
			if (++d.month > 12) {
				d.month = 1;
				d.year++;
			}
		}
	}
	return d;
}

char *natrisk_date_format(const natrisk_date *d, char *buf)
{
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d->year % 10000,
	         (unsigned)d->month % 100, (unsigned)d->day % 100);
	return buf;
}

char *natrisk_due_format(const natrisk_due *due, char *buf)
{
	unsigned y = (unsigned)due->year % 10000, part = (unsigned)due->part % 100;
	switch (due->precision) {
	case NATRISK_DUE_HALF: snprintf(buf, 11, "%04u-H%u", y, part % 10); break;
	case NATRISK_DUE_QUARTER: snprintf(buf, 11, "%04u-Q%u", y, part % 10); break;
	case NATRISK_DUE_MONTH: snprintf(buf, 11, "%04u-%02u", y, part); break;
	case NATRISK_DUE_DAY:
		snprintf(buf, 11, "%04u-%02u-%02u", y, part,
		         (unsigned)due->day % 100);
		break;
	default: snprintf(buf, 11, "%04u", y); break;
	}
	return buf;
}
