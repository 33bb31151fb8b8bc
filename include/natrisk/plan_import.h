/*
 * plan_import.h - status updates from a CSV action register (the CSV of
 * "natrisk progress --format csv") applied to a plan file: "natrisk plan
 * import-actions PLAN FILE.csv" (formats.md).
 *
 * For each row whose status differs from the action's status (that of
 * its last log entry, or planned), a log entry is appended to the
 * action, dated by the row's `since` and with its `note`. A row that
 * gives the status an earlier row of the same action set changes
 * nothing either (the export repeats an action under each adopted
 * advice of its measure); rows that change one action in turn append in
 * order, their dates never decreasing. The plan's
 * text is kept as it is (comments, order, layout) and entries are only
 * inserted; the result is loaded again before it is written.
 */
#ifndef NATRISK_PLAN_IMPORT_H
#define NATRISK_PLAN_IMPORT_H

#include <stddef.h>

#include "common.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Applies the CSV (CSV_LEN bytes at CSV, named CSV_NAME in diagnostics)
 * to the plan text PLAN (PLAN_LEN bytes, named PLAN_NAME, which also
 * locates its assessment; or ASSESSMENT_LEN bytes at ASSESSMENT are its
 * assessment's text, as natrisk_plan_load_on() takes it). Returns NATRISK_OK with *OUT the new text
 * (malloc'd, NUL-terminated, *OUT_LEN bytes; free it) and *CHANGED the
 * number of entries appended; NATRISK_EINVALID with every problem in
 * DIAG (a plan that does not load; a row with an unknown (measure,
 * action), a bad status, a missing or malformed date, or a date before
 * the action's last entry, each at FILE.csv:LINE:COL of the field) and
 * *OUT NULL; or NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_plan_import_actions(const char *plan_name, const char *plan,
                                size_t plan_len, const char *assessment,
                                size_t assessment_len, const char *csv_name,
                                const char *csv, size_t csv_len, char **out,
                                size_t *out_len, size_t *changed,
                                natrisk_diag *diag);

/* As natrisk_plan_import_actions() on the files PLAN_PATH and CSV_PATH;
 * writes the plan file in place (atomically) when an entry was appended,
 * and nothing at all after any error. Also NATRISK_EIO (a file cannot be
 * read or written: natrisk_error_last()). */
NATRISK_EXTERN
int natrisk_plan_import_actions_file(const char *plan_path,
                                     const char *csv_path, size_t *changed,
                                     natrisk_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
