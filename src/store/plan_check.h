/*
 * plan_check.h - the plan loader on the store's side: a plan's text
 * loaded against an edition's scenarios (plan_check.c), an item checked
 * in the plan its writer sees, and a loaded plan's items back in the
 * file's form (plan_json.c).
 */
#ifndef NATRISK_STORE_PLAN_CHECK_H
#define NATRISK_STORE_PLAN_CHECK_H

#include <natrisk/plan.h>

#include "edition_rows.h"
#include "plan_rows.h"

/* Loads the plan TEXT (LEN bytes) against EDITION's export at
 * CLEARANCE: the codes of natrisk_plan_load_on(). */
int plan_load_text(sqlite3 *db, int64_t edition,
                   natrisk_classification clearance, const char *text,
                   size_t len, natrisk_diag *diag, natrisk_plan **out);

/* An item's text as the client sent it, and what the store puts around
 * it: PREFIX (no line break) and SUFFIX, and what it put inside. */
typedef struct plan_piece {
	const char *prefix;
	const char *body;
	size_t len;
	const char *suffix;
	const body_insert *inserted; /* or NULL */
} plan_piece;

/* Checks PIECE as an item of KIND in the plan CLEARANCE sees, in place
 * of REPLACED (NULL: after the last): 0, NATRISK_EINVALID with the
 * loader's errors in DIAG (in the body's lines and columns), or a
 * failure. */
int plan_check_item(sqlite3 *db, const plan_rows *rows,
                    natrisk_classification clearance,
                    const plan_item_row *replaced, natrisk_plan_kind kind,
                    const plan_piece *piece, natrisk_diag *diag);

/* Item I of KIND of the loaded plan P in the file's form, without
 * levels (a new reference, or NULL). */
json_t *plan_item_json(const natrisk_plan *p, natrisk_plan_kind kind,
                       size_t i);
/* The levels of capability I of P in the file's form. */
json_t *plan_levels_json(const natrisk_plan *p, size_t i);

#endif
