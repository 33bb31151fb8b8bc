/*
 * progress_output.h - writing the register of progress on adopted
 * measures (progress.h) as "natrisk progress" does: the table, the JSON
 * document of formats.md and the CSV action register that "natrisk plan
 * import-actions" reads back.
 *
 * JSON (exactly the contract of formats.md): {on, advice: [{id, decision,
 * owners, measures: [{id, actions: [{id, due, deadline, status, since,
 * overdue}]}]}], owners: {id: {actions, done, overdue}}}; with CHANGES
 * also "since" (the date) and "changed": [{advice, measure, action, date,
 * from, status, note}], the log entries after that date.
 * CSV: the header advice,measure,action,what,owners,due,deadline,status,
 * since,overdue,note and one row per row of the register; owners
 * separated by spaces, since empty when no entry gives the status, note
 * that entry's note.
 */
#ifndef NATRISK_PROGRESS_OUTPUT_H
#define NATRISK_PROGRESS_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "common.h"
#include "output.h"
#include "progress.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The JSON document as a NUL-terminated string (free it), or NULL when
 * out of memory; CHANGES adds what changed after the register's since. */
NATRISK_EXTERN
char *natrisk_progress_json(const natrisk_progress *pr, bool changes);

/* Writes PR to OUT (the caller's, left open) as a table (in LANG), JSON
 * or CSV; CHANGES adds what changed after the register's since to the
 * table and the JSON. Returns NATRISK_OK, NATRISK_ENOMEM or NATRISK_EIO
 * (with natrisk_error_last()). */
NATRISK_EXTERN
int natrisk_progress_write(const natrisk_progress *pr, natrisk_format format,
                           natrisk_lang lang, bool changes, FILE *out);

/* The header of the CSV action register, without its line end. */
NATRISK_EXTERN
const char *natrisk_progress_csv_header(void);

#ifdef __cplusplus
}
#endif
#endif
