/*
 * scenarios.c - adding and editing an edition's scenarios (scoring.h).
 * Both go through the assessment loader (validate_text), so that a
 * scenario the store accepts is one a file could hold.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/model.h"
#include "db.h"
#include "edition_rows.h"

typedef struct scenario_job {
	int64_t edition;
	const char *key;          /* the scenario edited, or NULL */
	const char *json;
	size_t len;
	const char *actor;
	natrisk_classification clearance;
	natrisk_diag *diag;
} scenario_job;

static int next_position(sqlite3 *db, int64_t edition, int64_t *position)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT COALESCE(MAX(position) "
	                                    "+ 1, 0) FROM scenarios WHERE "
	                                    "assessment_id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, edition);
	int step = sqlite3_step(stmt);
	*position = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return step == SQLITE_ROW ? 0 : db_error(db, "position");
}

static char *dump(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
}

static int add_work(sqlite3 *db, void *ctx)
{
	scenario_job *job = ctx;
	int rc = edition_require(db, job->edition, UNTIL_PUBLISHED,
	                         "scenarios change", NULL);
	natrisk_assessment *a = NULL;
	if (rc == 0)
		rc = validate_text(db, job->edition, job->clearance, "",
		                   job->json, job->len, "", job->diag, &a);
	if (rc != 0)
		return rc;
	scenario_row existing;
	const char *key = a->scenarios[0].id;
	int64_t position = 0;
	rc = scenario_find(db, job->edition, key, &existing);
	free(existing.likelihood);
	if (rc == 0)
		rc = error_set(NATRISK_ECONFLICT, "the edition has a scenario "
		               "'%s' already", key);
	else if (rc == NATRISK_ENOTFOUND)
		rc = next_position(db, job->edition, &position);
	if (rc == 0)
		rc = insert_scenario(db, job->edition, a, 0, position,
		                     job->actor);
	char object[160];
	object_name(object, sizeof object, job->edition, key, NULL);
	/* the body as JSON text of its own: it need not end in a NUL */
	json_t *body = json_loadb(job->json, job->len, JSON_DECODE_ANY, NULL);
	char *after = body ? dump(body) : NULL;
	json_decref(body);
	if (rc == 0)
		rc = after ? audit_append(db, job->actor, "scenario.add", object,
		                          NULL, after)
		           : error_set(NATRISK_ENOMEM, "out of memory");
	free(after);
	natrisk_classification level = a->scenarios[0].classification;
	natrisk_assessment_free(a);
	return rc == 0 ? edition_bump(db, job->edition, level) : rc;
}

int natrisk_store_scenario_add(natrisk_store *s, int64_t edition,
                               const char *json, size_t len,
                               const char *actor,
                               natrisk_classification clearance,
                               natrisk_diag *diag)
{
	scenario_job job = { edition, NULL, json, len, actor, clearance, diag };
	return db_write(s, add_work, &job);
}

json_t *scenario_fields(sqlite3_stmt *row, int first)
{
	json_t *o = json_object();
	const char *names[] = { "id", "title", "theme", "kind", "description",
		                "classification" };
	for (int k = 0; k < 6; k++) {
		const char *text =
			(const char *)sqlite3_column_text(row, first + k);
		if (text)
			json_object_set_new(o, names[k], json_string(text));
	}
	json_object_set_new(o, "new", json_boolean(sqlite3_column_int(
		                                row, first + 6)));
	json_object_set_new(o, "sources", json_loads(
		(const char *)sqlite3_column_text(row, first + 7), 0, NULL));
	return o;
}

static json_t *current_fields(sqlite3 *db, int64_t edition, const char *key)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT " FIELD_COLUMNS " FROM "
	                                    "scenarios WHERE assessment_id = ? "
	                                    "AND key = ?");
	if (!stmt)
		return NULL;
	sqlite3_bind_int64(stmt, 1, edition);
	sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
	json_t *fields = sqlite3_step(stmt) == SQLITE_ROW
	                         ? scenario_fields(stmt, 0)
	                         : NULL;
	sqlite3_finalize(stmt);
	return fields;
}

/* The fields after the edit, or NULL after reporting an unknown key. */
static json_t *edited_fields(const scenario_job *job, const json_t *before,
                             const json_t *changes)
{
	static const char *const editable[] = { "title", "theme", "kind",
		"description", "classification", "new", "sources", NULL };
	json_t *after = json_deep_copy(before);
	const char *name;
	json_t *value;
	json_object_foreach((json_t *)changes, name, value) {
		bool known = false;
		for (int k = 0; editable[k] && !known; k++)
			known = strcmp(name, editable[k]) == 0;
		if (!known) {
			natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR,
			                 "request", 1, 1, "'%s' cannot be edited "
			                 "here (editable: title, theme, kind, "
			                 "description, classification, new, "
			                 "sources; scores have their own routes)",
			                 name);
			json_decref(after);
			return NULL;
		}
		if (json_is_null(value))
			json_object_del(after, name);
		else
			json_object_set(after, name, value);
	}
	return after;
}

/* Whether every analyst assigned may still see the scenario. */
static int check_assigned(sqlite3 *db, int64_t scenario_id,
                          natrisk_classification classification)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT u.name, u.clearance FROM assignments a JOIN users u ON "
		"u.name = a.analyst WHERE a.scenario_id = ? ORDER BY u.name");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, scenario_id);
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		natrisk_classification clearance = NATRISK_PUBLIC;
		natrisk_classification_parse(
			(const char *)sqlite3_column_text(stmt, 1), &clearance);
		if (clearance < classification)
			rc = error_set(NATRISK_ECONFLICT, "analyst %s, assigned "
			               "to this scenario, is not cleared for %s: "
			               "change the assignments first",
			               sqlite3_column_text(stmt, 0),
			               natrisk_classification_name(
				               classification));
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int update_fields(sqlite3 *db, int64_t id, const natrisk_assessment *a)
{
	const natrisk_scenario *s = &a->scenarios[0];
	sqlite3_stmt *stmt = db_prepare(db,
		"UPDATE scenarios SET title = ?, theme = ?, kind = ?, "
		"description = ?, classification = ?, is_new = ?, sources = ? "
		"WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	bind_scenario_fields(stmt, 1, a, s);
	sqlite3_bind_int64(stmt, 8, id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "edit scenario");
}

/* Validates AFTER (with the scenario's likelihood) and writes it. */
static int apply_edit(sqlite3 *db, scenario_job *job, const scenario_row *row,
                      json_t *after, natrisk_classification *level)
{
	json_object_set_new(after, "likelihood",
	                    json_loads(row->likelihood, 0, NULL));
	json_object_set_new(after, "impact", json_object());
	char *text = dump(after);
	json_object_del(after, "likelihood");
	json_object_del(after, "impact");
	if (!text)
		return error_set(NATRISK_ENOMEM, "out of memory");
	natrisk_assessment *a;
	int rc = validate_text(db, job->edition, job->clearance, "", text,
	                       strlen(text), "", job->diag, &a);
	free(text);
	if (rc != 0)
		return rc;
	/* a change is seen by whoever saw the scenario before or after */
	natrisk_classification now = a->scenarios[0].classification;
	*level = now < row->classification ? now : row->classification;
	rc = check_assigned(db, row->id, now);
	if (rc == 0)
		rc = update_fields(db, row->id, a);
	natrisk_assessment_free(a);
	return rc;
}

static int edit_work(sqlite3 *db, void *ctx)
{
	scenario_job *job = ctx;
	int rc = edition_require(db, job->edition, UNTIL_PUBLISHED,
	                         "scenarios change", NULL);
	scenario_row row = { 0 };
	if (rc == 0)
		rc = scenario_find(db, job->edition, job->key, &row);
	json_t *changes = rc == 0 ? json_loadb(job->json, job->len, 0, NULL)
	                          : NULL;
	json_t *before = changes ? current_fields(db, job->edition, job->key)
	                         : NULL;
	json_t *after = before && json_is_object(changes)
	                        ? edited_fields(job, before, changes)
	                        : NULL;
	if (rc == 0 && !json_is_object(changes))
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request",
		                 1, 1, "the body must be a JSON object");
	if (rc == 0 && !after)
		rc = error_set(NATRISK_EINVALID, "the request holds errors");
	natrisk_classification level = NATRISK_PUBLIC;
	if (rc == 0)
		rc = apply_edit(db, job, &row, after, &level);
	char object[160], *old_text = NULL, *new_text = NULL;
	object_name(object, sizeof object, job->edition, job->key, NULL);
	if (rc == 0) {
		old_text = dump(before);
		new_text = dump(after);
		rc = audit_append(db, job->actor, "scenario.edit", object,
		                  old_text, new_text);
	}
	free(old_text);
	free(new_text);
	free(row.likelihood);
	json_decref(changes);
	json_decref(before);
	json_decref(after);
	return rc == 0 ? edition_bump(db, job->edition, level) : rc;
}

int natrisk_store_scenario_edit(natrisk_store *s, int64_t edition,
                                const char *scenario, const char *json,
                                size_t len, const char *actor,
                                natrisk_classification clearance,
                                natrisk_diag *diag)
{
	scenario_job job = { edition, scenario, json, len, actor, clearance,
		             diag };
	return db_write(s, edit_work, &job);
}
