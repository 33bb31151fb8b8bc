/*
 * scenarios_read.c - an edition's scenarios as the API shows them, and
 * the analysts assigned to each (scoring.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "db.h"
#include "edition_rows.h"

static json_t *assigned_to(sqlite3 *db, int64_t scenario_id)
{
	json_t *names = json_array();
	sqlite3_stmt *stmt = db_prepare(db, "SELECT analyst FROM assignments "
	                                    "WHERE scenario_id = ? ORDER BY "
	                                    "analyst");
	if (!stmt)
		return names;
	sqlite3_bind_int64(stmt, 1, scenario_id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		json_array_append_new(names, json_string((const char *)
			sqlite3_column_text(stmt, 0)));
	sqlite3_finalize(stmt);
	return names;
}

static int finish(json_t *value, char **json)
{
	*json = value ? json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER |
	                                          JSON_REAL_PRECISION(17))
	              : NULL;
	json_decref(value);
	return *json ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

typedef struct read_job {
	int64_t edition;
	const char *key;
	natrisk_classification clearance;
	json_t *out;
} read_job;

static int list_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	int rc = edition_require(db, job->edition, ~0u, "", NULL);
	sqlite3_stmt *stmt = rc ? NULL : db_prepare(db,
		"SELECT id, " FIELD_COLUMNS " FROM scenarios WHERE "
		"assessment_id = ? ORDER BY position");
	if (rc != 0 || !stmt)
		return rc ? rc : NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->edition);
	job->out = json_array();
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if (classification_level((const char *)sqlite3_column_text(stmt, 6)) >
		    (int)job->clearance)
			continue;
		json_t *fields = scenario_fields(stmt, 1);
		json_object_del(fields, "description");
		json_object_del(fields, "sources");
		json_object_set_new(fields, "assigned", assigned_to(
			db, sqlite3_column_int64(stmt, 0)));
		json_array_append_new(job->out, fields);
	}
	sqlite3_finalize(stmt);
	return 0;
}

int natrisk_store_scenarios(natrisk_store *s, int64_t edition,
                            natrisk_classification clearance, char **json)
{
	read_job job = { edition, NULL, clearance, NULL };
	*json = NULL;
	int rc = db_read(s, list_work, &job);
	return rc == 0 ? finish(job.out, json) : rc;
}

static int themes_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	int rc = edition_require(db, job->edition, ~0u, "", NULL);
	if (rc == 0)
		job->out = visible_themes(db, job->edition, job->clearance);
	return rc;
}

int natrisk_store_themes(natrisk_store *s, int64_t edition,
                         natrisk_classification clearance, char **json)
{
	read_job job = { edition, NULL, clearance, NULL };
	*json = NULL;
	int rc = db_read(s, themes_work, &job);
	return rc == 0 ? finish(job.out, json) : rc;
}

static json_t *consolidated_impact(sqlite3 *db, int64_t scenario_id)
{
	json_t *impact = json_object();
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT criterion, score FROM scores WHERE id IN "
		"(SELECT MAX(id) FROM scores WHERE scenario_id = ? AND "
		"consolidated = 1 GROUP BY criterion) AND score IS NOT NULL "
		"ORDER BY criterion");
	if (!stmt)
		return impact;
	sqlite3_bind_int64(stmt, 1, scenario_id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		json_object_set_new(impact,
		                    (const char *)sqlite3_column_text(stmt, 0),
		                    json_loads((const char *)sqlite3_column_text(
			                               stmt, 1), 0, NULL));
	sqlite3_finalize(stmt);
	return impact;
}

static int get_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT id, " FIELD_COLUMNS ", likelihood FROM scenarios "
		"WHERE assessment_id = ? AND key = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->edition);
	sqlite3_bind_text(stmt, 2, job->key, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		job->out = scenario_fields(stmt, 1);
		json_object_set_new(job->out, "likelihood", json_loads(
			(const char *)sqlite3_column_text(stmt, 9), 0, NULL));
		json_object_set_new(job->out, "impact",
		                    consolidated_impact(db, id));
		json_object_set_new(job->out, "assigned", assigned_to(db, id));
	}
	sqlite3_finalize(stmt);
	return job->out ? 0 : error_set(NATRISK_ENOTFOUND, "no such scenario");
}

int natrisk_store_scenario(natrisk_store *s, int64_t edition,
                           const char *scenario, char **json)
{
	read_job job = { edition, scenario, NATRISK_CONFIDENTIAL, NULL };
	*json = NULL;
	int rc = db_read(s, get_work, &job);
	return rc == 0 ? finish(job.out, json) : rc;
}

typedef struct assign_job {
	int64_t edition;
	const char *key;
	const char *const *analysts;
	size_t count;
	const char *actor;
} assign_job;

/* Whether NAME may be assigned to a scenario so classified. */
static int check_analyst(sqlite3 *db, const char *name,
                         natrisk_classification classification)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT role, clearance, disabled "
	                                    "FROM users WHERE name = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	int rc;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		rc = error_set(NATRISK_EINVALID, "there is no user %s", name);
	} else if (strcmp((const char *)sqlite3_column_text(stmt, 0),
	                  "analyst") != 0 || sqlite3_column_int(stmt, 2)) {
		rc = error_set(NATRISK_EINVALID, "%s is not an enabled "
		               "analyst", name);
	} else if (classification_level((const char *)sqlite3_column_text(stmt, 1)) <
	           (int)classification) {
		rc = error_set(NATRISK_EINVALID, "%s is not cleared for %s "
		               "scenarios", name,
		               msg_tr(natrisk_classification_name(
			               classification)));
	} else {
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int replace_assignments(sqlite3 *db, const assign_job *job,
                               int64_t scenario_id)
{
	sqlite3_stmt *del = db_prepare(db, "DELETE FROM assignments WHERE "
	                                   "scenario_id = ?");
	if (!del)
		return NATRISK_EIO;
	sqlite3_bind_int64(del, 1, scenario_id);
	int step = sqlite3_step(del);
	sqlite3_finalize(del);
	sqlite3_stmt *add = step == SQLITE_DONE ? db_prepare(db,
		"INSERT OR IGNORE INTO assignments (scenario_id, analyst) "
		"VALUES (?, ?)") : NULL;
	if (!add)
		return step == SQLITE_DONE ? NATRISK_EIO
		                           : db_error(db, "assignments");
	int rc = 0;
	for (size_t k = 0; rc == 0 && k < job->count; k++) {
		sqlite3_reset(add);
		sqlite3_bind_int64(add, 1, scenario_id);
		sqlite3_bind_text(add, 2, job->analysts[k], -1, SQLITE_STATIC);
		if (sqlite3_step(add) != SQLITE_DONE)
			rc = db_error(db, "assignments");
	}
	sqlite3_finalize(add);
	return rc;
}

static int assign_work(sqlite3 *db, void *ctx)
{
	assign_job *job = ctx;
	scenario_row row = { 0 };
	int rc = edition_require(db, job->edition, UNTIL_PUBLISHED,
	                         "assignments change", NULL);
	if (rc == 0)
		rc = scenario_find(db, job->edition, job->key, &row);
	free(row.likelihood);
	for (size_t k = 0; rc == 0 && k < job->count; k++)
		rc = check_analyst(db, job->analysts[k], row.classification);
	json_t *before = rc == 0 ? assigned_to(db, row.id) : NULL;
	if (rc == 0)
		rc = replace_assignments(db, job, row.id);
	json_t *after = rc == 0 ? assigned_to(db, row.id) : NULL;
	char object[160];
	object_name(object, sizeof object, job->edition, job->key, NULL);
	if (rc == 0)
		rc = audit_json_change(db, job->actor, "scenario.assign", object,
		                       before, after);
	json_decref(before);
	json_decref(after);
	return rc == 0 ? edition_bump(db, job->edition, row.classification)
	               : rc;
}

int natrisk_store_assign(natrisk_store *s, int64_t edition,
                         const char *scenario, const char *const *analysts,
                         size_t count, const char *actor)
{
	assign_job job = { edition, scenario, analysts, count, actor };
	return db_write(s, assign_work, &job);
}
