/*
 * register_rows.h - the register's side of the plan's rows, shared by
 * the status log (action_log.c), the plan's reads (plan_rows.c) and the
 * register, letter and reminders (register.c).
 */
#ifndef NATRISK_STORE_REGISTER_ROWS_H
#define NATRISK_STORE_REGISTER_ROWS_H

#include <natrisk/register_store.h>

#include "plan_rows.h"

/* Appends the entries of action_log to the logs of their actions in
 * ROWS (every item's body, hidden or not). */
int action_log_attach(sqlite3 *db, plan_rows *rows);
/* Action ACTION of the measure body MEASURE_BODY, or NULL. */
json_t *action_find(const json_t *measure_body, const char *action);
/* Whether one of READER's organisations (every one when it names none)
 * owns MEASURE or an adopted advice of ROWS, visible, that names it. */
bool action_owned(const plan_rows *rows, const plan_item_row *measure,
                  const natrisk_register_reader *reader);

#endif
