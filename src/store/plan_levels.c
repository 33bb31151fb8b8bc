/*
 * plan_levels.c - the rest of the plan's writes (plan_store.h): deleting
 * an item, a capability's experts, an expert's own levels and the
 * chair's agreed ones (new rows, never updated), and the cabinet's
 * decision on an advice. Levels and decisions are checked by the plan
 * loader inside their capability or advice, located within the body.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "db.h"
#include "plan_check.h"
#include "plan_write.h"

static char *dump(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                             JSON_REAL_PRECISION(17));
}

static void audit_object(char *out, size_t size, int64_t edition,
                         natrisk_plan_kind kind, const char *key,
                         const char *part)
{
	plan_object_name(out, size, edition, kind, key);
	if (part) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, "/%s", part);
	}
}

/* ---- delete ---- */

typedef struct delete_job {
	int64_t edition;
	natrisk_plan_kind kind;
	const char *key;
	const char *actor;
} delete_job;

/* Removes KEY from the list LIST_KEY of ITEM; whether it was there. */
static bool drop_reference(json_t *body, const char *list_key,
                           const char *key)
{
	json_t *list = json_object_get(body, list_key);
	bool dropped = false;
	for (size_t k = json_array_size(list); k-- > 0;)
		if (strcmp(json_string_value(json_array_get(list, k)) ?: "",
		           key) == 0) {
			json_array_remove(list, k);
			dropped = true;
		}
	return dropped;
}

static bool owns(const plan_rows *rows, const char *organisation)
{
	for (size_t k = 0; k < rows->count; k++) {
		json_t *owners = json_object_get(rows->items[k].body, "owners");
		size_t i;
		json_t *id;
		json_array_foreach(owners, i, id)
			if (strcmp(json_string_value(id) ?: "", organisation) == 0)
				return true;
	}
	return false;
}

/* What names the deleted item no longer does; each change audited. */
static int drop_references(sqlite3 *db, const delete_job *job,
                           const plan_rows *rows)
{
	/* one row per kind: advice and organisations are named by no list */
	static const char *const lists[NATRISK_PLAN_KINDS][3] = {
		[NATRISK_PLAN_CAPABILITIES] = { "capabilities", NULL, NULL },
		[NATRISK_PLAN_MEASURES] = { "requires", "excludes", "measures" },
	};
	int rc = 0;
	for (size_t k = 0; rc == 0 && k < rows->count; k++) {
		plan_item_row *item = &rows->items[k];
		json_t *before = json_deep_copy(item->body);
		bool changed = false;
		for (int l = 0; l < 3 && lists[job->kind][l]; l++)
			changed |= drop_reference(item->body,
			                          lists[job->kind][l], job->key);
		char object[200];
		plan_object_name(object, sizeof object, job->edition,
		                 item->kind, item->key);
		if (changed)
			rc = plan_store_body(db, item->id, item->body);
		if (changed && rc == 0)
			rc = audit_json_change(db, job->actor, "plan.item.edit",
			                       object, before, item->body);
		json_decref(before);
	}
	return rc;
}

static int delete_work(sqlite3 *db, void *ctx)
{
	delete_job *job = ctx;
	int rc = plan_require(db, job->edition, UNTIL_PUBLISHED,
	                      MSG("its plan changes"));
	plan_rows rows = { 0 };
	if (rc == 0)
		rc = plan_rows_read(db, job->edition, NATRISK_CONFIDENTIAL, &rows);
	plan_item_row *item = rc == 0 ? plan_rows_find(&rows, job->kind,
	                                               job->key)
	                              : NULL;
	if (rc == 0 && !item)
		rc = error_set(NATRISK_ENOTFOUND, "no such plan item");
	if (rc == 0 && job->kind == NATRISK_PLAN_ORGANISATIONS &&
	    owns(&rows, job->key))
		rc = error_set(NATRISK_ECONFLICT, "organisation '%s' is first "
		               "responsible for a measure or an advice: name "
		               "another owner there first", job->key);
	natrisk_classification before = NATRISK_CONFIDENTIAL;
	if (rc == 0)
		rc = plan_item_level(db, job->edition, job->kind, job->key,
		                     &before);
	sqlite3_stmt *stmt = rc == 0 ? db_prepare(db, "DELETE FROM plan_items "
	                                              "WHERE id = ?")
	                             : NULL;
	if (rc == 0 && !stmt)
		rc = NATRISK_EIO;
	if (stmt) {
		sqlite3_bind_int64(stmt, 1, item->id);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = db_error(db, "plan item");
		sqlite3_finalize(stmt);
	}
	char object[200];
	plan_object_name(object, sizeof object, job->edition, job->kind,
	                 job->key);
	if (rc == 0)
		rc = audit_json_change(db, job->actor, "plan.item.delete", object,
		                       item->body, json_null());
	if (rc == 0)
		rc = drop_references(db, job, &rows);
	plan_rows_free(&rows);
	return rc == 0 ? edition_bump(db, job->edition, before) : rc;
}

int natrisk_store_plan_item_delete(natrisk_store *s, int64_t edition,
                                   natrisk_plan_kind kind, const char *key,
                                   const char *actor)
{
	delete_job job = { edition, kind, key, actor };
	return db_write(s, delete_work, &job);
}

/* ---- experts ---- */

typedef struct experts_job {
	int64_t edition;
	const char *key;
	const char *const *names;
	size_t count;
	const char *actor;
} experts_job;

static json_t *experts_of(sqlite3 *db, int64_t item_id)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT analyst FROM plan_experts "
	                                    "WHERE item_id = ? ORDER BY analyst");
	json_t *names = json_array();
	if (!stmt)
		return names;
	sqlite3_bind_int64(stmt, 1, item_id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		json_array_append_new(names, json_string((const char *)
			sqlite3_column_text(stmt, 0)));
	sqlite3_finalize(stmt);
	return names;
}

/* NAME is an enabled analyst whose clearance reaches the capability. */
static int check_expert(sqlite3 *db, const experts_job *job,
                        const char *name)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT clearance FROM users "
	                                    "WHERE name = ? AND role = "
	                                    "'analyst' AND NOT disabled");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	int level = sqlite3_step(stmt) == SQLITE_ROW
	                    ? classification_level((const char *)
	                                           sqlite3_column_text(stmt, 0))
	                    : -1;
	sqlite3_finalize(stmt);
	if (level < 0)
		return error_set(NATRISK_EINVALID, "%s is not an enabled analyst",
		                 name);
	natrisk_classification needed;
	int rc = plan_item_level(db, job->edition, NATRISK_PLAN_CAPABILITIES,
	                         job->key, &needed);
	if (rc == 0 && level < (int)needed)
		rc = error_set(NATRISK_ECONFLICT, "analyst '%s' is not cleared "
		               "for this capability", name);
	return rc;
}

static int experts_work(sqlite3 *db, void *ctx)
{
	experts_job *job = ctx;
	int rc = plan_require(db, job->edition, UNTIL_PUBLISHED,
	                      MSG("its plan changes"));
	plan_rows rows = { 0 };
	if (rc == 0)
		rc = plan_rows_read(db, job->edition, NATRISK_CONFIDENTIAL, &rows);
	plan_item_row *item = rc == 0 ? plan_rows_find(
	                                        &rows, NATRISK_PLAN_CAPABILITIES,
	                                        job->key)
	                              : NULL;
	if (rc == 0 && !item)
		rc = error_set(NATRISK_ENOTFOUND, "no such plan item");
	for (size_t k = 0; rc == 0 && k < job->count; k++)
		rc = check_expert(db, job, job->names[k]);
	json_t *before = rc == 0 ? experts_of(db, item->id) : NULL;
	sqlite3_stmt *stmt = rc == 0 ? db_prepare(db, "DELETE FROM "
	                                              "plan_experts WHERE "
	                                              "item_id = ?")
	                             : NULL;
	if (stmt) {
		sqlite3_bind_int64(stmt, 1, item->id);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = db_error(db, "experts");
		sqlite3_finalize(stmt);
	}
	for (size_t k = 0; rc == 0 && k < job->count; k++)
		rc = plan_set_expert(db, item->id, job->names[k]);
	json_t *after = rc == 0 ? experts_of(db, item->id) : NULL;
	char object[200];
	audit_object(object, sizeof object, job->edition,
	             NATRISK_PLAN_CAPABILITIES, job->key, "experts");
	if (rc == 0)
		rc = audit_json_change(db, job->actor, "plan.experts", object,
		                       before, after);
	json_decref(before);
	json_decref(after);
	plan_rows_free(&rows);
	return rc == 0 ? plan_bump(db, job->edition, NATRISK_CONFIDENTIAL,
	                           NATRISK_PLAN_CAPABILITIES, job->key)
	               : rc;
}

int natrisk_store_plan_experts(natrisk_store *s, int64_t edition,
                               const char *key, const char *const *names,
                               size_t count, const char *actor)
{
	experts_job job = { edition, key, names, count, actor };
	return db_write(s, experts_work, &job);
}

/* ---- levels and decisions: a part of an item, checked inside it ---- */

typedef struct part_job {
	int64_t edition;
	natrisk_plan_kind kind;
	const char *key;
	bool agreed;          /* levels: the chair's */
	const char *json;
	size_t len;
	const char *actor;
	natrisk_classification clearance;
	natrisk_diag *diag;
} part_job;

static json_t *body_object(const part_job *job, const char *forbidden)
{
	json_t *body = json_loadb(job->json, job->len, 0, NULL);
	if (!json_is_object(body))
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request", 1,
		                 1, "the body must be a JSON object");
	else if (forbidden && json_object_get(body, forbidden))
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request", 1,
		                 1, "leave 'analyst' out: the levels are those "
		                 "of whoever gives them");
	else
		return body;
	json_decref(body);
	return NULL;
}

/* ITEM's body without KEY, as compact text without its closing brace
 * and with ",\"KEY\":" (or "\"KEY\":" when nothing is left) after it. */
static char *prefix_without(const plan_item_row *item, const char *key,
                            const char *opening)
{
	json_t *copy = json_deep_copy(item->body);
	json_object_del(copy, key);
	char *text = copy ? dump(copy) : NULL;
	bool empty = json_object_size(copy) == 0;
	json_decref(copy);
	size_t len = text ? strlen(text) : 0;
	char *out = text ? malloc(len + strlen(key) + strlen(opening) + 8)
	                 : NULL;
	if (out)
		sprintf(out, "%.*s%s\"%s\":%s", (int)(len - 1), text,
		        empty ? "" : ",", key, opening);
	free(text);
	return out;
}

/* Loads the part's item, checks the body (BODY, LEN) inside it (after
 * PREFIX, before SUFFIX) and gives the item's row. */
static int check_part(sqlite3 *db, part_job *job, plan_rows *rows,
                      plan_item_row **item, const char *part_key,
                      const char *opening, const char *closing,
                      const char *body, size_t len,
                      const body_insert *inserted)
{
	int rc = plan_rows_read(db, job->edition, job->clearance, rows);
	*item = rc == 0 ? plan_rows_find(rows, job->kind, job->key) : NULL;
	if (rc == 0 && (!*item || (*item)->hidden))
		rc = error_set(NATRISK_ENOTFOUND, "no such plan item");
	char *prefix = rc == 0 ? prefix_without(*item, part_key, opening)
	                       : NULL;
	if (rc == 0 && !prefix)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	plan_piece piece = { prefix, body, len, closing, inserted };
	if (rc == 0)
		rc = plan_check_item(db, rows, job->clearance, *item, job->kind,
		                     &piece, job->diag);
	free(prefix);
	return rc;
}

static int levels_work(sqlite3 *db, void *ctx)
{
	part_job *job = ctx;
	int rc = plan_require(db, job->edition,
	                      job->agreed ? WHILE_DRAFT | WHILE_CONSOLIDATION
	                                  : WHILE_SCORING,
	                      job->agreed ? MSG("agreed levels change")
	                                  : MSG("experts give their levels"));
	json_t *body = rc == 0 ? body_object(job, "analyst") : NULL;
	if (rc == 0 && !body)
		rc = error_set(NATRISK_EINVALID, "the request holds errors");
	json_t *name = json_string(job->actor);
	char *quoted = name ? json_dumps(name, JSON_ENCODE_ANY) : NULL;
	json_decref(name);
	char member[200];
	snprintf(member, sizeof member, "\"analyst\":%s", quoted ? quoted : "\"\"");
	free(quoted);
	body_insert inserted = { 0, 0 };
	char *text = rc == 0 ? body_with_member(job->json, job->len, member,
	                                        json_object_size(body) == 0,
	                                        &inserted)
	                     : NULL;
	if (rc == 0 && !text)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	plan_rows rows = { 0 };
	plan_item_row *item = NULL;
	if (rc == 0)
		rc = check_part(db, job, &rows, &item, "levels", "[", "]}", text,
		                strlen(text), &inserted);
	json_t *before = rc == 0 ? (job->agreed ? plan_agreed_levels(db, item->id)
	                                        : plan_current_levels(db, item->id,
	                                                              job->actor))
	                         : NULL;
	if (rc == 0)
		rc = plan_insert_level(db, item->id, job->agreed, job->actor, body);
	char object[200];
	audit_object(object, sizeof object, job->edition, job->kind, job->key,
	             job->agreed ? "agreed" : "levels");
	if (rc == 0)
		rc = audit_json_change(db, job->actor,
		                       job->agreed ? "plan.levels.agreed"
		                                   : "plan.levels",
		                       object, before ? before : json_null(),
		                       body);
	json_decref(before);
	json_decref(body);
	free(text);
	plan_rows_free(&rows);
	return rc == 0 ? plan_bump(db, job->edition, NATRISK_CONFIDENTIAL,
	                           job->kind, job->key)
	               : rc;
}

int natrisk_store_plan_levels_put(natrisk_store *s, int64_t edition,
                                  const char *key, bool agreed,
                                  const char *json, size_t len,
                                  const char *actor,
                                  natrisk_classification clearance,
                                  natrisk_diag *diag)
{
	part_job job = { edition, NATRISK_PLAN_CAPABILITIES, key, agreed, json,
		         len, actor, clearance, diag };
	return db_write(s, levels_work, &job);
}

static int decision_work(sqlite3 *db, void *ctx)
{
	part_job *job = ctx;
	int rc = plan_require(db, job->edition, UNTIL_PUBLISHED,
	                      MSG("its plan changes"));
	json_t *decision = rc == 0 ? body_object(job, NULL) : NULL;
	if (rc == 0 && !decision)
		rc = error_set(NATRISK_EINVALID, "the request holds errors");
	plan_rows rows = { 0 };
	plan_item_row *item = NULL;
	if (rc == 0)
		rc = check_part(db, job, &rows, &item, "decision", "", "}",
		                job->json, job->len, NULL);
	json_t *before = rc == 0 ? json_deep_copy(item->body) : NULL;
	if (rc == 0) {
		json_object_set(item->body, "decision", decision);
		rc = plan_store_body(db, item->id, item->body);
	}
	char object[200];
	audit_object(object, sizeof object, job->edition, job->kind, job->key,
	             "decision");
	if (rc == 0)
		rc = audit_json_change(db, job->actor, "plan.decision", object,
		                       json_object_get(before, "decision")
		                               ?: json_null(),
		                       decision);
	json_decref(before);
	json_decref(decision);
	plan_rows_free(&rows);
	return rc == 0 ? plan_bump(db, job->edition, NATRISK_CONFIDENTIAL,
	                           job->kind, job->key)
	               : rc;
}

int natrisk_store_plan_decision(natrisk_store *s, int64_t edition,
                                const char *key, const char *json, size_t len,
                                const char *actor,
                                natrisk_classification clearance,
                                natrisk_diag *diag)
{
	part_job job = { edition, NATRISK_PLAN_ADVICE, key, false, json, len,
		         actor, clearance, diag };
	return db_write(s, decision_work, &job);
}
