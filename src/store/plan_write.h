/*
 * plan_write.h - what the plan's writes share (plan_write.c, the item
 * writes and the import; plan_levels.c, deletes, experts, levels and
 * decisions).
 */
#ifndef NATRISK_STORE_PLAN_WRITE_H
#define NATRISK_STORE_PLAN_WRITE_H

#include "plan_rows.h"

/* 0 when EDITION exists and its status is in ALLOWED (edition_rows.h),
 * WHAT naming the change ("its plan changes"). */
int plan_require(sqlite3 *db, int64_t edition, unsigned allowed,
                 const char *what);
/* The lowest clearance that sees item KEY of KIND (confidential when
 * none does, or it does not exist). */
int plan_item_level(sqlite3 *db, int64_t edition, natrisk_plan_kind kind,
                    const char *key, natrisk_classification *level);
/* Raises the version at the lowest of BEFORE and the level the item
 * (KEY NULL: none) has now: whoever saw it before or sees it now. */
int plan_bump(sqlite3 *db, int64_t edition, natrisk_classification before,
              natrisk_plan_kind kind, const char *key);
/* Replaces the body of item row ITEM_ID. */
int plan_store_body(sqlite3 *db, int64_t item_id, const json_t *body);
/* A new row of levels ({current, target, why}) of AUTHOR. */
int plan_insert_level(sqlite3 *db, int64_t item_id, bool agreed,
                      const char *author, const json_t *level);
/* Makes ANALYST an expert of item ITEM_ID (nothing when they are). */
int plan_set_expert(sqlite3 *db, int64_t item_id, const char *analyst);
/* The whole plan with every level, for the audit log (or NULL). */
json_t *plan_audit_document(sqlite3 *db, int64_t edition);

#endif
