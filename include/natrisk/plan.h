/*
 * plan.h - a plan: the capability analysis of one assessment and the
 * follow-up of what was decided (method.md sections 6 and 6b): the
 * organisations that can be first responsible, the capabilities of the
 * safety chain with the experts' levels, the measures that strengthen them
 * (owners, cost, requires/excludes, expected effects, actions with their
 * due periods and logs) and the advice to the cabinet with its decision.
 *
 * Loaded from the YAML plan file of docs/formats.md by natrisk_plan_load(),
 * which loads the assessment the plan names as well; the plan owns it.
 * Lists keep the order of the file; references between them are indices.
 */
#ifndef NATRISK_PLAN_H
#define NATRISK_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "common.h"
#include "diag.h"
#include "effect.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_plan natrisk_plan;

/* The five phases of the safety chain, in the chain's order. */
typedef enum {
	NATRISK_PHASE_PROACTION = 0,
	NATRISK_PHASE_PREVENTION = 1,
	NATRISK_PHASE_PREPARATION = 2,
	NATRISK_PHASE_RESPONSE = 3,
	NATRISK_PHASE_AFTERCARE = 4,
} natrisk_phase;

#define NATRISK_PHASE_COUNT 5

/* Capability levels run from 0 (absent) to this (robust). */
#define NATRISK_LEVEL_MAX 4

/* A calendar date. */
typedef struct natrisk_date {
	int year, month, day;
} natrisk_date;

typedef struct natrisk_organisation {
	const char *id;
	const char *title;
} natrisk_organisation;

/* One expert's judgement of a capability: levels 0..4. */
typedef struct natrisk_level {
	const char *analyst;
	int current, target;
	const char *why; /* or NULL */
} natrisk_level;

typedef struct natrisk_capability {
	const char *id;
	const char *title;
	natrisk_phase phase;
	const size_t *scenarios;    /* indices into the assessment */
	size_t scenario_count;
	const natrisk_level *levels; /* one per expert, file order */
	size_t level_count;
} natrisk_capability;

/* The precision at which a deadline is stated (method.md section 6b). */
typedef enum {
	NATRISK_DUE_YEAR = 0,    /* 2012 */
	NATRISK_DUE_HALF = 1,    /* 2012-H2 */
	NATRISK_DUE_QUARTER = 2, /* 2013-Q1 */
	NATRISK_DUE_MONTH = 3,   /* 2013-03 */
	NATRISK_DUE_DAY = 4,     /* 2013-03-31 */
} natrisk_due_precision;

/* A due period: YEAR, and PART the half (1-2), quarter (1-4) or month
 * (1-12) by its precision (0 for a year); DAY for a day (else 0). */
typedef struct natrisk_due {
	natrisk_due_precision precision;
	int year, part, day;
} natrisk_due;

typedef enum {
	NATRISK_ACTION_PLANNED = 0,
	NATRISK_ACTION_ON_TRACK = 1,
	NATRISK_ACTION_LATE = 2,
	NATRISK_ACTION_DONE = 3,
	NATRISK_ACTION_DROPPED = 4,
} natrisk_action_status;

/* One entry of an action's append-only log; dates never decrease. */
typedef struct natrisk_log_entry {
	natrisk_date date;
	natrisk_action_status status;
	const char *note; /* or NULL */
} natrisk_log_entry;

typedef struct natrisk_action {
	const char *id; /* unique within its measure */
	const char *what;
	natrisk_due due;
	const natrisk_log_entry *log;
	size_t log_count;
} natrisk_action;

typedef struct natrisk_measure {
	const char *id;
	const char *title;
	const size_t *capabilities; /* indices into the plan's capabilities */
	size_t capability_count;
	const size_t *owners;       /* indices into the organisations */
	size_t owner_count;
	double cost_once, cost_yearly; /* euro, >= 0; 0 when not given */
	const size_t *requires;     /* indices into the measures */
	size_t require_count;
	const size_t *excludes;
	size_t exclude_count;
	const natrisk_effect *effects; /* scenario by scenario, file order */
	size_t effect_count;
	const natrisk_action *actions;
	size_t action_count;
} natrisk_measure;

typedef enum {
	NATRISK_DECISION_PENDING = 0,
	NATRISK_DECISION_ADOPTED = 1,
	NATRISK_DECISION_REJECTED = 2,
} natrisk_decision;

typedef struct natrisk_advice {
	const char *id;
	const char *title;
	const size_t *owners;   /* indices into the organisations; >= 1 */
	size_t owner_count;
	const size_t *measures; /* indices into the measures */
	size_t measure_count;
	natrisk_decision decision; /* pending when the file gives none */
	bool decision_dated;
	natrisk_date decision_date; /* when DECISION_DATED */
} natrisk_advice;

/*
 * Loads and validates the plan file at PATH and the assessment it names
 * (its path relative to PATH's directory). Every problem goes to DIAG
 * (which must not be NULL) as FILE:LINE:COL; an assessment with errors
 * rejects the plan with the assessment's own located errors.
 *
 * Returns NATRISK_OK with *OUT a new plan, which owns its assessment and
 * everything the accessors below return: free it with natrisk_plan_free().
 * Otherwise NATRISK_EINVALID (the problems are in DIAG), NATRISK_EIO (PATH
 * cannot be read: see natrisk_error_last) or NATRISK_ENOMEM, and *OUT is
 * NULL.
 */
NATRISK_EXTERN
int natrisk_plan_load(natrisk_plan **out, const char *path,
                      natrisk_diag *diag);

/* As natrisk_plan_load(), from the LEN bytes at BUF; NAME is the file's
 * name in diagnostics and the directory the assessment path is relative
 * to. Returns the same codes; free *OUT with natrisk_plan_free(). */
NATRISK_EXTERN
int natrisk_plan_load_buffer(natrisk_plan **out, const char *name,
                             const char *buf, size_t len,
                             natrisk_diag *diag);

/* As natrisk_plan_load_buffer(), with the text of its assessment given
 * (ASSESSMENT, ASSESSMENT_LEN bytes: a store's export of an edition)
 * instead of read from the path the plan names, which is kept as the
 * plan's reference all the same; NULL ASSESSMENT reads the path.
 * Returns the codes of natrisk_plan_load_buffer(); free *OUT with
 * natrisk_plan_free(). */
NATRISK_EXTERN
int natrisk_plan_load_on(natrisk_plan **out, const char *name,
                         const char *buf, size_t len,
                         const char *assessment, size_t assessment_len,
                         natrisk_diag *diag);

/* The assessment reference as the plan's file writes it (its
 * `assessment:` key), owned by P. */
NATRISK_EXTERN
const char *natrisk_plan_assessment_ref(const natrisk_plan *p);

/* Whether the file at PATH reads as a plan rather than an assessment:
 * its top-level mapping has a `plan` key, or plan lists (capabilities,
 * measures, advice) and no `scenarios`. Returns 1 or 0 (also when PATH
 * cannot be read or parsed: its loader will say why). */
NATRISK_EXTERN
int natrisk_plan_detect(const char *path);

/* Frees P and everything it owns (its assessment included); NULL is
 * allowed. */
NATRISK_EXTERN
void natrisk_plan_free(natrisk_plan *p);

/* The plan's title (its `plan:` key) and the path of its file, owned by
 * P and valid until natrisk_plan_free(). */
NATRISK_EXTERN
const char *natrisk_plan_title(const natrisk_plan *p);
NATRISK_EXTERN
const char *natrisk_plan_path(const natrisk_plan *p);

/* The assessment the plan refers to, owned by P (valid until
 * natrisk_plan_free()). */
NATRISK_EXTERN
const natrisk_assessment *natrisk_plan_assessment(const natrisk_plan *p);

/* The lists of the plan, in file order. Each element is owned by P and
 * valid until natrisk_plan_free(); I must be below the list's count. */
NATRISK_EXTERN
size_t natrisk_plan_organisation_count(const natrisk_plan *p);
NATRISK_EXTERN
const natrisk_organisation *natrisk_plan_organisation(const natrisk_plan *p,
                                                      size_t i);
NATRISK_EXTERN
size_t natrisk_plan_capability_count(const natrisk_plan *p);
NATRISK_EXTERN
const natrisk_capability *natrisk_plan_capability(const natrisk_plan *p,
                                                  size_t i);
NATRISK_EXTERN
size_t natrisk_plan_measure_count(const natrisk_plan *p);
NATRISK_EXTERN
const natrisk_measure *natrisk_plan_measure(const natrisk_plan *p, size_t i);
NATRISK_EXTERN
size_t natrisk_plan_advice_count(const natrisk_plan *p);
NATRISK_EXTERN
const natrisk_advice *natrisk_plan_advice(const natrisk_plan *p, size_t i);

/* The index of the item with id ID, or -1 when there is none. */
NATRISK_EXTERN
long natrisk_plan_find_organisation(const natrisk_plan *p, const char *id);
NATRISK_EXTERN
long natrisk_plan_find_capability(const natrisk_plan *p, const char *id);
NATRISK_EXTERN
long natrisk_plan_find_measure(const natrisk_plan *p, const char *id);

/* The effects of measure M of P (its `effect`, one natrisk_effect per
 * score), an array of natrisk_measure_effect_count() entries owned by P
 * and valid until natrisk_plan_free(). */
NATRISK_EXTERN
const natrisk_effect *natrisk_measure_effects(const natrisk_measure *m);
NATRISK_EXTERN
size_t natrisk_measure_effect_count(const natrisk_measure *m);

/* The names of the file: "pro-action".."aftercare", "planned"..
 * "dropped", "pending"/"adopted"/"rejected"; static strings. */
NATRISK_EXTERN
const char *natrisk_phase_name(natrisk_phase phase);
NATRISK_EXTERN
const char *natrisk_action_status_name(natrisk_action_status status);
NATRISK_EXTERN
const char *natrisk_decision_name(natrisk_decision decision);

/* The last day of the due period D (the deadline, method.md section 6b)
 * into *OUT. Returns 0, or -1 (NATRISK_ERROR) when D is not a real period
 * (month 13, 2013-02-29, Q5), leaving *OUT alone. */
NATRISK_EXTERN
int natrisk_due_deadline(const natrisk_due *d, natrisk_date *out);

/* Whether Y-M-D is a real date of the Gregorian calendar; returns 1 or
 * 0. */
NATRISK_EXTERN
int natrisk_date_valid(int year, int month, int day);

/* <0, 0 or >0 as A is before, on or after B; returns that sign. */
NATRISK_EXTERN
int natrisk_date_compare(const natrisk_date *a, const natrisk_date *b);

#ifdef __cplusplus
}
#endif
#endif
