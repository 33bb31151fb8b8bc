/*
 * plan_import.h - what the two halves of "plan import-actions" share:
 * plan_import.c reads and checks the CSV rows into updates,
 * plan_append.c inserts them into the plan's text as new log entries.
 */
#ifndef NATRISK_PLAN_IMPORT_INTERNAL_H
#define NATRISK_PLAN_IMPORT_INTERNAL_H

#include <stddef.h>

#include <natrisk/diag.h>
#include <natrisk/plan.h>

/* One log entry to append to action ACTION of measure MEASURE. */
typedef struct action_update {
	size_t measure, action; /* indices into the plan */
	natrisk_date date;
	natrisk_action_status status;
	char *note; /* or NULL */
} action_update;

/*
 * Inserts the N UPDATES (in the order of the CSV) into the plan text BUF
 * (LEN bytes, named NAME) of the loaded plan P: after the last entry of
 * each action's log, or as a new `log:` at the end of an action without
 * one. Returns 0 with *OUT (malloc'd, NUL-terminated, *OUT_LEN bytes),
 * NATRISK_EINVALID after a located error in DIAG (an action or log
 * written in flow style, which no line can be added to), or
 * NATRISK_ENOMEM.
 */
int plan_append_logs(const char *name, const char *buf, size_t len,
                     const natrisk_plan *p, const action_update *updates,
                     size_t n, char **out, size_t *out_len,
                     natrisk_diag *diag);

#endif
