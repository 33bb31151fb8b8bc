/*
 * scoring_overview.c - who has scored what (scoring.h): for the chair,
 * per scenario a reader may see, every assigned analyst (and any other
 * who scored), how many criteria each has scored, their current scores,
 * and the consolidated scores beside them, so that the overview and the
 * spread need no request per scenario.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"

typedef struct overview_job {
	int64_t edition;
	natrisk_classification clearance;
	char method[128];
	json_t *out;
} overview_job;

/* The method's criteria, the likelihood first: what a full score covers. */
static json_t *criteria_list(const char *method_id)
{
	natrisk_method *m;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_method_load(&m, method_id, NULL, diag);
	natrisk_diag_free(diag);
	if (rc != 0)
		return NULL;
	json_t *list = json_pack("[s]", NATRISK_LIKELIHOOD);
	for (size_t c = 0; list && c < natrisk_method_criterion_count(m); c++)
		json_array_append_new(list, json_string(
			natrisk_method_criterion(m, c)->id));
	natrisk_method_free(m);
	return list;
}

/* A stored score (its full form, as the other reads give it). */
static json_t *stored_score(const unsigned char *text)
{
	return json_loads((const char *)text, JSON_DECODE_ANY, NULL);
}

/* The entry of analyst NAME in SCENARIO, made when missing. */
static json_t *analyst_entry(json_t *scenario, const char *name,
                             bool assigned)
{
	json_t *analysts = json_object_get(scenario, "analysts");
	json_t *entry = json_object_get(analysts, name);
	if (!entry) {
		entry = json_pack("{s:b,s:i,s:{}}", "assigned", assigned,
		                  "scored", 0, "scores");
		json_object_set_new(analysts, name, entry);
	}
	return entry;
}

/* The analysts assigned to the scenario: its "assigned" list, each one an
 * entry of its own, scored or not. */
static void add_assigned(json_t *scenario, const unsigned char *names)
{
	json_t *list = json_loads((const char *)names, 0, NULL);
	size_t k;
	json_t *name;
	json_array_foreach(list, k, name)
		analyst_entry(scenario, json_string_value(name), true);
	json_object_set_new(scenario, "assigned",
	                    list ? list : json_array());
}

/* One current score row: an analyst's own, or the consolidated one. */
static void add_score(json_t *scenario, sqlite3_stmt *stmt)
{
	const char *criterion = (const char *)sqlite3_column_text(stmt, 0);
	json_t *score = stored_score(sqlite3_column_text(stmt, 3));
	if (!score)
		return;
	if (sqlite3_column_int(stmt, 1)) {
		json_object_set_new(json_object_get(scenario, "consolidated"),
		                    criterion, score);
		return;
	}
	json_t *entry = analyst_entry(
		scenario, (const char *)sqlite3_column_text(stmt, 2), false);
	json_object_set_new(json_object_get(entry, "scores"), criterion,
	                    score);
	json_object_set_new(entry, "scored", json_integer(json_object_size(
		json_object_get(entry, "scores"))));
}

/* The current scores of a scenario: the newest of each analyst's and of
 * the consolidated ones per criterion; a dropped one (NULL) is none. */
static int add_scores(sqlite3 *db, int64_t scenario_id, json_t *scenario)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT criterion, consolidated, author, score FROM scores "
		"WHERE id IN (SELECT MAX(id) FROM scores WHERE scenario_id = ? "
		"GROUP BY criterion, consolidated, CASE WHEN consolidated "
		"THEN '' ELSE author END) AND score IS NOT NULL "
		"ORDER BY author, id");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, scenario_id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		add_score(scenario, stmt);
	sqlite3_finalize(stmt);
	return 0;
}

static json_t *scenario_entry(sqlite3_stmt *stmt)
{
	json_t *likelihood = stored_score(sqlite3_column_text(stmt, 4));
	return json_pack("{s:s,s:s,s:s,s:[],s:{},s:{s:o*}}", "id",
	                 (const char *)sqlite3_column_text(stmt, 1), "title",
	                 (const char *)sqlite3_column_text(stmt, 2),
	                 "classification",
	                 (const char *)sqlite3_column_text(stmt, 3),
	                 "assigned", "analysts", "consolidated",
	                 NATRISK_LIKELIHOOD, likelihood);
}

static int add_scenarios(sqlite3 *db, overview_job *job, json_t *list)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT id, key, title, classification, likelihood, (SELECT "
		"json_group_array(analyst) FROM (SELECT analyst FROM "
		"assignments WHERE scenario_id = s.id ORDER BY analyst)) FROM "
		"scenarios s WHERE assessment_id = ? ORDER BY position");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->edition);
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		if (classification_level((const char *)sqlite3_column_text(
			    stmt, 3)) > (int)job->clearance)
			continue;
		json_t *scenario = scenario_entry(stmt);
		if (!scenario) {
			rc = error_set(NATRISK_ENOMEM, "out of memory");
			break;
		}
		json_array_append_new(list, scenario);
		add_assigned(scenario, sqlite3_column_text(stmt, 5));
		rc = add_scores(db, sqlite3_column_int64(stmt, 0), scenario);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int overview_work(sqlite3 *db, void *ctx)
{
	overview_job *job = ctx;
	int rc = edition_require(db, job->edition, ~0u, "", job->method);
	if (rc != 0)
		return rc;
	json_t *criteria = criteria_list(job->method);
	if (!criteria)
		return error_set(NATRISK_EIO, "the method %s of edition %lld "
		                 "cannot be read", job->method,
		                 (long long)job->edition);
	json_t *scenarios = json_array();
	job->out = json_pack("{s:o,s:o*}", "criteria", criteria, "scenarios",
	                     scenarios);
	return job->out && scenarios ? add_scenarios(db, job, scenarios)
	                             : error_set(NATRISK_ENOMEM, "out of memory");
}

int natrisk_store_scoring(natrisk_store *s, int64_t edition,
                          natrisk_classification clearance, char **json)
{
	overview_job job = { edition, clearance, "", NULL };
	*json = NULL;
	int rc = db_read(s, overview_work, &job);
	if (rc == 0)
		*json = json_dumps(job.out, JSON_COMPACT | JSON_PRESERVE_ORDER |
		                                    JSON_REAL_PRECISION(17));
	json_decref(job.out);
	return rc != 0 || *json ? rc : error_set(NATRISK_ENOMEM, "out of memory");
}
