/*
 * plan.c - the accessors of a loaded plan (plan.h), the names of its
 * phases, statuses and decisions, and the calendar of due periods: a
 * deadline is the last day of the period a commitment states.
 */
#include <string.h>

#include "id_index.h"
#include "plan_model.h"

void natrisk_plan_free(natrisk_plan *p)
{
	if (!p)
		return;
	natrisk_assessment_free(p->assessment);
	arena_owned_free(p);
}

const char *natrisk_plan_title(const natrisk_plan *p)
{
	return p->title;
}

const char *natrisk_plan_path(const natrisk_plan *p)
{
	return p->path;
}

const char *natrisk_plan_assessment_ref(const natrisk_plan *p)
{
	return p->assessment_ref;
}

const natrisk_assessment *natrisk_plan_assessment(const natrisk_plan *p)
{
	return p->assessment;
}

size_t natrisk_plan_organisation_count(const natrisk_plan *p)
{
	return p->organisation_count;
}

const natrisk_organisation *natrisk_plan_organisation(const natrisk_plan *p,
                                                      size_t i)
{
	return &p->organisations[i];
}

size_t natrisk_plan_capability_count(const natrisk_plan *p)
{
	return p->capability_count;
}

const natrisk_capability *natrisk_plan_capability(const natrisk_plan *p,
                                                  size_t i)
{
	return &p->capabilities[i];
}

size_t natrisk_plan_measure_count(const natrisk_plan *p)
{
	return p->measure_count;
}

const natrisk_measure *natrisk_plan_measure(const natrisk_plan *p, size_t i)
{
	return &p->measures[i];
}

size_t natrisk_plan_advice_count(const natrisk_plan *p)
{
	return p->advice_count;
}

const natrisk_advice *natrisk_plan_advice(const natrisk_plan *p, size_t i)
{
	return &p->advice[i];
}

long natrisk_plan_find_organisation(const natrisk_plan *p, const char *id)
{
	return id_index_find(NULL, p->organisations, p->organisation_count,
	                     sizeof *p->organisations, id);
}

long natrisk_plan_find_capability(const natrisk_plan *p, const char *id)
{
	return id_index_find(p->capability_index, p->capabilities,
	                     p->capability_count, sizeof *p->capabilities, id);
}

long natrisk_plan_find_measure(const natrisk_plan *p, const char *id)
{
	return id_index_find(p->measure_index, p->measures, p->measure_count,
	                     sizeof *p->measures, id);
}

const natrisk_effect *natrisk_measure_effects(const natrisk_measure *m)
{
	return m->effects;
}

size_t natrisk_measure_effect_count(const natrisk_measure *m)
{
	return m->effect_count;
}

const char *natrisk_phase_name(natrisk_phase phase)
{
	static const char *const names[NATRISK_PHASE_COUNT] = {
		"pro-action", "prevention", "preparation", "response",
		"aftercare"
	};
	return (unsigned)phase < NATRISK_PHASE_COUNT ? names[phase] : "?";
}

const char *natrisk_action_status_name(natrisk_action_status status)
{
	static const char *const names[] = { "planned", "on-track", "late",
		                             "done", "dropped" };
	return (unsigned)status < 5 ? names[status] : "?";
}

const char *natrisk_decision_name(natrisk_decision decision)
{
	static const char *const names[] = { "pending", "adopted",
		                             "rejected" };
	return (unsigned)decision < 3 ? names[decision] : "?";
}

static bool leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
		                      31, 31, 30, 31, 30, 31 };
	return month == 2 && leap_year(year) ? 29 : days[month - 1];
}

int natrisk_date_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= days_in_month(year, month);
}

int natrisk_date_compare(const natrisk_date *a, const natrisk_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return (a->day > b->day) - (a->day < b->day);
}

/* The last month of part PART of a year cut into PARTS equal parts;
 * 0 when PART is not one of them. */
static int last_month(int part, int parts)
{
	return part >= 1 && part <= parts ? part * (12 / parts) : 0;
}

int natrisk_due_deadline(const natrisk_due *d, natrisk_date *out)
{
	int month = 0, day;
	switch (d->precision) {
	case NATRISK_DUE_YEAR: month = 12; break;
	case NATRISK_DUE_HALF: month = last_month(d->part, 2); break;
	case NATRISK_DUE_QUARTER: month = last_month(d->part, 4); break;
	case NATRISK_DUE_MONTH:
	case NATRISK_DUE_DAY: month = last_month(d->part, 12); break;
	}
	if (!month || !natrisk_date_valid(d->year, month, 1))
		return NATRISK_ERROR;
	day = d->precision == NATRISK_DUE_DAY ? d->day
	                                      : days_in_month(d->year, month);
	if (!natrisk_date_valid(d->year, month, day))
		return NATRISK_ERROR;
	*out = (natrisk_date){ d->year, month, day };
	return NATRISK_OK;
}
