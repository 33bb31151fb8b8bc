/*
 * progress.h - progress on adopted measures (method.md section 6b): the
 * status of every action on a date, since when, whether it is overdue,
 * what changed between two dates and the counts per owner; the register
 * behind "natrisk progress" and the progress letter.
 *
 * Pure computation on a loaded plan (plan.h): the register borrows the
 * plan and its log entries, so free it before the plan.
 */
#ifndef NATRISK_PROGRESS_H
#define NATRISK_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An action's state on a date. */
typedef struct natrisk_action_state {
	natrisk_action_status status;   /* planned when no entry yet */
	const natrisk_log_entry *entry; /* the entry that gives it, or NULL */
	natrisk_date deadline;          /* the last day of its due period */
	bool overdue; /* deadline before the date, status not done/dropped */
} natrisk_action_state;

/*
 * The state of action A on date ON into *OUT: the status of the last log
 * entry dated on or before ON (of entries of one date the last in the
 * log; none: planned), and overdue when the deadline is before ON and
 * that status is neither done nor dropped. Returns 0, or NATRISK_ERROR
 * when A's due period is not a real period (a loaded plan has none).
 */
NATRISK_EXTERN
int natrisk_action_state_on(const natrisk_action *a, const natrisk_date *on,
                            natrisk_action_state *out);

/* Whether the log entries of A dated after SINCE and on or before ON
 * exist: *FIRST the index of the first of them, *COUNT how many (they
 * are consecutive, as the log's dates never decrease). */
NATRISK_EXTERN
void natrisk_action_changes(const natrisk_action *a, const natrisk_date *since,
                            const natrisk_date *on, size_t *first,
                            size_t *count);

/* One action of an adopted advice in the register (an action whose
 * measure serves two adopted advices has a row under each). */
typedef struct natrisk_progress_row {
	size_t advice, measure, action; /* indices into the plan */
	natrisk_action_state state;     /* on the register's date */
	size_t changed_first, changed_count; /* log entries in (since, on] */
	natrisk_action_status before;   /* the status on SINCE */
} natrisk_progress_row;

/* The counts of one owner: the actions of adopted advice whose measure
 * it owns, each counted once; done; overdue. */
typedef struct natrisk_progress_owner {
	size_t organisation; /* index into the plan */
	size_t actions, done, overdue;
} natrisk_progress_owner;

typedef struct natrisk_progress natrisk_progress;

/*
 * The register of P on ON, with what changed after SINCE (which must not
 * be after ON). Rows follow the file: adopted advice, its measures, their
 * actions; owners follow the plan's organisations, those that own a
 * measure of adopted advice. Returns NATRISK_OK with *OUT (free it with
 * natrisk_progress_free() before P), NATRISK_EINVALID when SINCE is
 * after ON, or NATRISK_ENOMEM; *OUT is NULL then.
 */
NATRISK_EXTERN
int natrisk_progress_new(natrisk_progress **out, const natrisk_plan *p,
                         const natrisk_date *on, const natrisk_date *since);
NATRISK_EXTERN
void natrisk_progress_free(natrisk_progress *pr);

/* The plan PR was made from (borrowed: PR does not free it). */
NATRISK_EXTERN
const natrisk_plan *natrisk_progress_plan(const natrisk_progress *pr);
/* The dates PR was made for: its date and what counts as changed after. */
NATRISK_EXTERN
natrisk_date natrisk_progress_on(const natrisk_progress *pr);
NATRISK_EXTERN
natrisk_date natrisk_progress_since(const natrisk_progress *pr);
/* The number of rows of PR, and row I (below that number), owned by PR
 * and valid until natrisk_progress_free(). */
NATRISK_EXTERN
size_t natrisk_progress_row_count(const natrisk_progress *pr);
NATRISK_EXTERN
const natrisk_progress_row *natrisk_progress_row_at(const natrisk_progress *pr,
                                                    size_t i);
/* The number of owners of PR, and owner I (below that number), owned by
 * PR and valid until natrisk_progress_free(). */
NATRISK_EXTERN
size_t natrisk_progress_owner_count(const natrisk_progress *pr);
NATRISK_EXTERN
const natrisk_progress_owner *
natrisk_progress_owner_at(const natrisk_progress *pr, size_t i);

/* TEXT as a date YYYY-MM-DD that is a real date into *OUT; returns 0, or
 * NATRISK_ERROR leaving *OUT alone. */
NATRISK_EXTERN
int natrisk_date_parse(const char *text, natrisk_date *out);
/* D shifted by YEARS whole years (29 February to 28 February when the
 * year it lands in has none). */
NATRISK_EXTERN
natrisk_date natrisk_date_add_years(natrisk_date d, int years);
/* D shifted by DAYS days forward (DAYS >= 0; a negative DAYS changes
 * nothing), across months, years and 29 February. */
NATRISK_EXTERN
natrisk_date natrisk_date_add_days(natrisk_date d, int days);
/* D as "YYYY-MM-DD" into BUF (the caller's, at least 11 bytes; nothing
 * to free); returns BUF. */
NATRISK_EXTERN
char *natrisk_date_format(const natrisk_date *d, char *buf);
/* DUE as the file writes it (2012, 2012-H2, 2013-Q1, 2013-03,
 * 2013-03-31) into BUF (the caller's, at least 11 bytes; nothing to
 * free); returns BUF. */
NATRISK_EXTERN
char *natrisk_due_format(const natrisk_due *due, char *buf);

#ifdef __cplusplus
}
#endif
#endif
