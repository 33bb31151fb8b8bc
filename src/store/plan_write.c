/*
 * plan_write.c - the chair's work on an edition's plan (plan_store.h):
 * importing a plan file, adding, replacing and deleting items. Each write
 * is one transaction: the edition allows it, the loader accepts the plan
 * with the change, the rows change, the audit log says what was before
 * and after, and the edition's version rises at the lowest clearance
 * that sees the change.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "db.h"
#include "plan_check.h"
#include "plan_write.h"

int plan_require(sqlite3 *db, int64_t edition, unsigned allowed,
                 const char *what)
{
	return edition_require(db, edition, allowed, what, NULL);
}

int plan_item_level(sqlite3 *db, int64_t edition, natrisk_plan_kind kind,
                    const char *key, natrisk_classification *level)
{
	for (int c = NATRISK_PUBLIC; c <= NATRISK_CONFIDENTIAL; c++) {
		plan_rows rows;
		int rc = plan_rows_read(db, edition, (natrisk_classification)c,
		                        &rows);
		if (rc != 0)
			return rc;
		const plan_item_row *item = plan_rows_find(&rows, kind, key);
		bool seen = item && !item->hidden;
		plan_rows_free(&rows);
		if (seen) {
			*level = (natrisk_classification)c;
			return 0;
		}
	}
	*level = NATRISK_CONFIDENTIAL;
	return 0;
}

int plan_bump(sqlite3 *db, int64_t edition, natrisk_classification before,
              natrisk_plan_kind kind, const char *key)
{
	natrisk_classification after = NATRISK_CONFIDENTIAL;
	int rc = key ? plan_item_level(db, edition, kind, key, &after) : 0;
	if (rc != 0)
		return rc;
	return edition_bump(db, edition, before < after ? before : after);
}

static char *dump(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                             JSON_REAL_PRECISION(17));
}

int plan_store_body(sqlite3 *db, int64_t item_id, const json_t *body)
{
	char *text = dump(body);
	sqlite3_stmt *stmt = text ? db_prepare(db, "UPDATE plan_items SET "
	                                           "body = ? WHERE id = ?")
	                          : NULL;
	if (!stmt) {
		free(text);
		return text ? NATRISK_EIO : error_set(NATRISK_ENOMEM,
		                                      "out of memory");
	}
	sqlite3_bind_text(stmt, 1, text, -1, free);
	sqlite3_bind_int64(stmt, 2, item_id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "plan item");
}

static int insert_item(sqlite3 *db, int64_t edition, natrisk_plan_kind kind,
                       const char *key, int64_t position, const json_t *body,
                       int64_t *id)
{
	char *text = dump(body);
	sqlite3_stmt *stmt = text ? db_prepare(db,
		"INSERT INTO plan_items (assessment_id, kind, key, position, "
		"body) VALUES (?, ?, ?, ?, ?)") : NULL;
	if (!stmt) {
		free(text);
		return text ? NATRISK_EIO : error_set(NATRISK_ENOMEM,
		                                      "out of memory");
	}
	sqlite3_bind_int64(stmt, 1, edition);
	sqlite3_bind_int(stmt, 2, (int)kind);
	sqlite3_bind_text(stmt, 3, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, position);
	sqlite3_bind_text(stmt, 5, text, -1, free);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return step == SQLITE_DONE ? 0 : db_error(db, "plan item");
}

int plan_insert_level(sqlite3 *db, int64_t item_id, bool agreed,
                      const char *author, const json_t *level)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO plan_levels (item_id, agreed, author, current, "
		"target, why, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	char now[21];
	db_now(now);
	sqlite3_bind_int64(stmt, 1, item_id);
	sqlite3_bind_int(stmt, 2, agreed);
	sqlite3_bind_text(stmt, 3, author, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, json_integer_value(
		json_object_get(level, "current")));
	sqlite3_bind_int64(stmt, 5, json_integer_value(
		json_object_get(level, "target")));
	sqlite3_bind_text(stmt, 6, json_string_value(json_object_get(level,
	                                                             "why")),
	                  -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, now, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "levels");
}

/* ---- import ---- */

typedef struct import_job {
	int64_t edition;
	const char *yaml;
	size_t len;
	const char *actor;
	natrisk_classification clearance;
	natrisk_diag *diag;
} import_job;

/* Whether CLEARANCE reaches every scenario of EDITION. */
static int cleared_for_all(sqlite3 *db, int64_t edition,
                           natrisk_classification clearance)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT classification FROM "
	                                    "scenarios WHERE assessment_id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, edition);
	bool above = false;
	while (!above && sqlite3_step(stmt) == SQLITE_ROW)
		above = classification_level((const char *)sqlite3_column_text(
		                stmt, 0)) > (int)clearance;
	sqlite3_finalize(stmt);
	return above ? error_set(NATRISK_EDENIED, "the edition holds a "
	                         "scenario above your clearance: only someone "
	                         "cleared for all of it may replace its plan")
	             : 0;
}

static int insert_capability(sqlite3 *db, int64_t edition,
                             const natrisk_plan *p, size_t i)
{
	json_t *body = plan_item_json(p, NATRISK_PLAN_CAPABILITIES, i);
	int64_t id = 0;
	int rc = body ? insert_item(db, edition, NATRISK_PLAN_CAPABILITIES,
	                            natrisk_plan_capability(p, i)->id,
	                            (int64_t)i, body, &id)
	              : error_set(NATRISK_ENOMEM, "out of memory");
	json_decref(body);
	json_t *levels = rc == 0 ? plan_levels_json(p, i) : NULL;
	size_t k;
	json_t *level;
	json_array_foreach(levels, k, level) {
		const char *analyst =
			json_string_value(json_object_get(level, "analyst"));
		if (rc == 0)
			rc = plan_insert_level(db, id, false, analyst, level);
		if (rc == 0)
			rc = plan_set_expert(db, id, analyst);
	}
	json_decref(levels);
	return rc;
}

int plan_set_expert(sqlite3 *db, int64_t item_id, const char *analyst)
{
	sqlite3_stmt *stmt = db_prepare(db, "INSERT OR IGNORE INTO "
	                                    "plan_experts VALUES (?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, item_id);
	sqlite3_bind_text(stmt, 2, analyst, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "experts");
}

static int insert_plan(sqlite3 *db, int64_t edition, const natrisk_plan *p)
{
	static size_t (*const counts[])(const natrisk_plan *) = {
		natrisk_plan_organisation_count, natrisk_plan_capability_count,
		natrisk_plan_measure_count, natrisk_plan_advice_count
	};
	int rc = 0;
	for (int kind = 0; rc == 0 && kind < NATRISK_PLAN_KINDS; kind++)
		for (size_t i = 0; rc == 0 && i < counts[kind](p); i++) {
			if (kind == NATRISK_PLAN_CAPABILITIES) {
				rc = insert_capability(db, edition, p, i);
				continue;
			}
			json_t *body = plan_item_json(p, kind, i);
			rc = body ? insert_item(db, edition, kind,
			                        json_string_value(json_object_get(
			                                body, "id")),
			                        (int64_t)i, body, NULL)
			          : error_set(NATRISK_ENOMEM, "out of memory");
			json_decref(body);
		}
	return rc;
}

static int set_head(sqlite3 *db, int64_t edition, const natrisk_plan *p)
{
	json_t *head = json_pack("{s:s,s:s}", "plan", natrisk_plan_title(p),
	                         "assessment", natrisk_plan_assessment_ref(p));
	char *text = head ? dump(head) : NULL;
	json_decref(head);
	sqlite3_stmt *stmt = text ? db_prepare(db, "UPDATE assessments SET "
	                                           "plan = ? WHERE id = ?")
	                          : NULL;
	if (!stmt) {
		free(text);
		return text ? NATRISK_EIO : error_set(NATRISK_ENOMEM,
		                                      "out of memory");
	}
	sqlite3_bind_text(stmt, 1, text, -1, free);
	sqlite3_bind_int64(stmt, 2, edition);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return db_error(db, "plan");
	stmt = db_prepare(db, "DELETE FROM plan_items WHERE assessment_id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, edition);
	step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "plan");
}

/* The whole plan with every level, for the audit log. */
json_t *plan_audit_document(sqlite3 *db, int64_t edition)
{
	plan_rows rows;
	if (plan_rows_read(db, edition, NATRISK_CONFIDENTIAL, &rows) != 0)
		return NULL;
	natrisk_plan_reader all = { NATRISK_CONFIDENTIAL, NULL };
	json_t *doc = plan_rows_document(db, &rows, &all, NULL, 0, 0, false);
	plan_rows_free(&rows);
	return doc;
}

static int import_work(sqlite3 *db, void *ctx)
{
	import_job *job = ctx;
	int rc = plan_require(db, job->edition, UNTIL_PUBLISHED,
	                      MSG("its plan changes"));
	if (rc == 0)
		rc = cleared_for_all(db, job->edition, job->clearance);
	natrisk_plan *p = NULL;
	if (rc == 0)
		rc = plan_load_text(db, job->edition, NATRISK_CONFIDENTIAL,
		                    job->yaml, job->len, job->diag, &p);
	json_t *before = rc == 0 ? plan_audit_document(db, job->edition) : NULL;
	if (rc == 0 && !before)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == 0)
		rc = set_head(db, job->edition, p);
	if (rc == 0)
		rc = insert_plan(db, job->edition, p);
	json_t *after = rc == 0 ? plan_audit_document(db, job->edition) : NULL;
	char object[64];
	snprintf(object, sizeof object, "edition:%lld/plan",
	         (long long)job->edition);
	if (rc == 0)
		rc = after ? audit_json_change(db, job->actor, "plan.import",
		                               object, before, after)
		           : error_set(NATRISK_ENOMEM, "out of memory");
	json_decref(before);
	json_decref(after);
	natrisk_plan_free(p);
	return rc == 0 ? edition_bump(db, job->edition, NATRISK_PUBLIC) : rc;
}

int natrisk_store_plan_import(natrisk_store *s, int64_t edition,
                              const char *yaml, size_t len,
                              const char *actor,
                              natrisk_classification clearance,
                              natrisk_diag *diag)
{
	import_job job = { edition, yaml, len, actor, clearance, diag };
	return db_write(s, import_work, &job);
}

/* ---- items ---- */

typedef struct item_job {
	int64_t edition;
	natrisk_plan_kind kind;
	const char *key; /* NULL: a new item */
	const char *json;
	size_t len;
	const char *actor;
	natrisk_classification clearance;
	natrisk_diag *diag;
	char made[STEM_MAX + RANDOM_CHARS + 2];
} item_job;

/* The body's checks before the loader's: an object, without the members
 * the store gives (id; a capability's levels). */
static json_t *item_body(const item_job *job)
{
	json_t *body = json_loadb(job->json, job->len, 0, NULL);
	if (!json_is_object(body))
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request", 1,
		                 1, "the body must be a JSON object");
	else if (json_object_get(body, "id"))
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request", 1,
		                 1, "leave 'id' out: the server gives a new item "
		                 "its id, and an item keeps it");
	else if (job->kind == NATRISK_PLAN_CAPABILITIES &&
	         json_object_get(body, "levels"))
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request", 1,
		                 1, "leave 'levels' out: each expert gives their "
		                 "own levels, and the chair the agreed ones");
	else
		return body;
	json_decref(body);
	return NULL;
}

/* An id no item of the kind holds, seen or hidden. */
static int free_item_id(sqlite3 *db, item_job *job, const json_t *body)
{
	char stem[STEM_MAX + 1];
	id_stem(json_string_value(json_object_get(body, "title")), "item",
	        stem, sizeof stem);
	sqlite3_stmt *stmt = db_prepare(db, "SELECT 1 FROM plan_items WHERE "
	                                    "assessment_id = ? AND kind = ? "
	                                    "AND key = ?");
	if (!stmt)
		return NATRISK_EIO;
	for (int tries = 0; tries < ID_TRIES; tries++) {
		make_id(stem, job->made, sizeof job->made);
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, job->edition);
		sqlite3_bind_int(stmt, 2, (int)job->kind);
		sqlite3_bind_text(stmt, 3, job->made, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_DONE) {
			sqlite3_finalize(stmt);
			return 0;
		}
	}
	sqlite3_finalize(stmt);
	return error_set(NATRISK_EIO, "no free id after %d tries", ID_TRIES);
}

static int next_position(sqlite3 *db, int64_t edition,
                         natrisk_plan_kind kind, int64_t *position)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT COALESCE(MAX(position), "
	                                    "-1) + 1 FROM plan_items WHERE "
	                                    "assessment_id = ? AND kind = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, edition);
	sqlite3_bind_int(stmt, 2, (int)kind);
	int step = sqlite3_step(stmt);
	*position = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return step == SQLITE_ROW ? 0 : db_error(db, "plan item");
}

/* Writes the checked item TEXT (the body with its id) and its audit
 * entry. */
static int write_item(sqlite3 *db, item_job *job, plan_item_row *old,
                      const char *key, const char *text)
{
	json_t *body = json_loads(text, 0, NULL);
	if (!body)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc;
	if (old) {
		rc = plan_store_body(db, old->id, body);
	} else {
		int64_t position;
		rc = next_position(db, job->edition, job->kind, &position);
		if (rc == 0)
			rc = insert_item(db, job->edition, job->kind, key,
			                 position, body, NULL);
	}
	char object[200];
	plan_object_name(object, sizeof object, job->edition, job->kind, key);
	if (rc == 0)
		rc = audit_json_change(db, job->actor,
		                       old ? "plan.item.edit" : "plan.item.add",
		                       object, old ? old->body : json_null(),
		                       body);
	json_decref(body);
	return rc;
}

static int item_work(sqlite3 *db, void *ctx)
{
	item_job *job = ctx;
	int rc = plan_require(db, job->edition, UNTIL_PUBLISHED,
	                      MSG("its plan changes"));
	plan_rows rows = { 0 };
	if (rc == 0)
		rc = plan_rows_read(db, job->edition, job->clearance, &rows);
	plan_item_row *old = NULL;
	if (rc == 0 && job->key) {
		old = plan_rows_find(&rows, job->kind, job->key);
		if (!old || old->hidden)
			rc = error_set(NATRISK_ENOTFOUND, "no such plan item");
	}
	json_t *body = rc == 0 ? item_body(job) : NULL;
	if (rc == 0 && !body)
		rc = error_set(NATRISK_EINVALID, "the request holds errors");
	if (rc == 0 && !job->key)
		rc = free_item_id(db, job, body);
	const char *key = job->key ? job->key : job->made;
	natrisk_classification before = NATRISK_CONFIDENTIAL;
	if (rc == 0 && old)
		rc = plan_item_level(db, job->edition, job->kind, key, &before);
	char member[160];
	snprintf(member, sizeof member, "\"id\":\"%s\"", key);
	body_insert inserted = { 0, 0 };
	char *text = rc == 0 ? body_with_member(job->json, job->len, member,
	                                        json_object_size(body) == 0,
	                                        &inserted)
	                     : NULL;
	if (rc == 0 && !text)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	plan_piece piece = { "", text, text ? strlen(text) : 0, "",
		             &inserted };
	if (rc == 0)
		rc = plan_check_item(db, &rows, job->clearance, old, job->kind,
		                     &piece, job->diag);
	if (rc == 0)
		rc = write_item(db, job, old, key, text);
	if (rc == 0)
		rc = plan_bump(db, job->edition, before, job->kind, key);
	free(text);
	json_decref(body);
	plan_rows_free(&rows);
	return rc;
}

int natrisk_store_plan_item_put(natrisk_store *s, int64_t edition,
                                natrisk_plan_kind kind, const char *key,
                                const char *json, size_t len,
                                const char *actor,
                                natrisk_classification clearance,
                                natrisk_diag *diag, char **made)
{
	item_job job = { edition, kind, key, json, len, actor, clearance, diag,
		         "" };
	if (made)
		*made = NULL;
	int rc = db_write(s, item_work, &job);
	if (rc == 0 && made && !key) {
		*made = strdup(job.made);
		if (!*made)
			rc = error_set(NATRISK_ENOMEM, "out of memory");
	}
	return rc;
}
