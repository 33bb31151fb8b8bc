/*
 * plan_rows.h - an edition's plan as the store holds it, shared by the
 * plan's reads (plan_read.c), its checks (plan_check.c) and its writes
 * (plan_write.c): every item row with its body in the file's form, and
 * which items a clearance may not see (the need-to-know rule of
 * docs/server.md, decided here alone).
 */
#ifndef NATRISK_STORE_PLAN_ROWS_H
#define NATRISK_STORE_PLAN_ROWS_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdbool.h>

#include <natrisk/plan_store.h>

typedef struct plan_item_row {
	int64_t id;
	natrisk_plan_kind kind;
	char *key;
	int64_t position;
	json_t *body;  /* the item in the file's form, without levels */
	bool hidden;   /* from the clearance the rows were read for */
} plan_item_row;

typedef struct plan_rows {
	int64_t edition;
	json_t *head;  /* {"plan": title, "assessment": reference} */
	plan_item_row *items; /* by kind, then position */
	size_t count;
} plan_rows;

/* Reads EDITION's plan, marking what CLEARANCE may not see. */
int plan_rows_read(sqlite3 *db, int64_t edition,
                   natrisk_classification clearance, plan_rows *out);
void plan_rows_free(plan_rows *rows);
/* The visible or hidden item KEY of KIND, or NULL. */
plan_item_row *plan_rows_find(const plan_rows *rows, natrisk_plan_kind kind,
                              const char *key);

/* The plan file's JSON of the items a reader sees (hidden ones left
 * out), each capability with the levels READER may see; SKIP (or NULL)
 * is left out and PLACE (or NULL) gets a placeholder string at KIND's
 * POSITION-th visible place (plan_check.c). A new reference, or NULL. */
json_t *plan_rows_document(sqlite3 *db, const plan_rows *rows,
                           const natrisk_plan_reader *reader,
                           const plan_item_row *skip, natrisk_plan_kind kind,
                           size_t position, bool place);

/* The placeholder's text in a compact dump of the document. */
#define PLAN_PLACEHOLDER "\"\\u0001\""
#define PLAN_PLACEHOLDER_VALUE "\001"

/* The current levels of capability row ITEM_ID in the file's form
 * ([{analyst, current, target, why}], first expert first); only
 * LEVELS_OF's when not NULL. */
json_t *plan_current_levels(sqlite3 *db, int64_t item_id,
                            const char *levels_of);
/* The chair's agreed levels of ITEM_ID ({current, target, why, by, at})
 * or JSON null. */
json_t *plan_agreed_levels(sqlite3 *db, int64_t item_id);

/* The edition's export at CLEARANCE as text (malloc'd), for the plan
 * loader (editions_export.c). */
int edition_export_text(sqlite3 *db, int64_t edition,
                        natrisk_classification clearance, char **text,
                        size_t *len);

/* "edition:N/plan/KIND/KEY" for the audit log. */
void plan_object_name(char *out, size_t size, int64_t edition,
                      natrisk_plan_kind kind, const char *key);

#endif
