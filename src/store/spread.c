/*
 * spread.c - where the analysts disagree (scoring.h): per scenario and
 * criterion, every analyst's current expected value as a class, flagged
 * when the lowest and the highest lie two classes or more apart. The
 * class of each score is kept with it when it is written (ev_class), so
 * this is one query, without the method.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"

typedef struct spread_job {
	int64_t edition;
	natrisk_classification clearance;
	json_t *out;
} spread_job;

static void close_group(json_t *group)
{
	if (!group)
		return;
	json_int_t low = 99, high = -99;
	const char *name;
	json_t *value;
	json_object_foreach(json_object_get(group, "analysts"), name, value) {
		json_int_t cls = json_integer_value(json_object_get(value,
		                                                    "class"));
		low = cls < low ? cls : low;
		high = cls > high ? cls : high;
	}
	json_object_set_new(group, "low", json_string(natrisk_class_letter(
		                                  (int)low)));
	json_object_set_new(group, "high", json_string(natrisk_class_letter(
		                                   (int)high)));
	json_object_set_new(group, "flagged", json_boolean(high - low >= 2));
}

static int spread_work(sqlite3 *db, void *ctx)
{
	spread_job *job = ctx;
	int rc = edition_require(db, job->edition, ~0u, "", NULL);
	sqlite3_stmt *stmt = rc ? NULL : db_prepare(db,
		"SELECT s.key, s.classification, c.criterion, c.author, "
		"c.ev_class FROM scores c JOIN scenarios s ON s.id = "
		"c.scenario_id WHERE s.assessment_id = ? AND c.id IN (SELECT "
		"MAX(id) FROM scores WHERE consolidated = 0 GROUP BY "
		"scenario_id, criterion, author) AND c.score IS NOT NULL "
		"ORDER BY s.position, c.criterion <> 'likelihood', "
		"c.criterion, c.author");
	if (rc != 0 || !stmt)
		return rc ? rc : NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->edition);
	job->out = json_array();
	json_t *group = NULL;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(stmt, 0);
		const char *criterion =
			(const char *)sqlite3_column_text(stmt, 2);
		if (classification_level((const char *)sqlite3_column_text(
			    stmt, 1)) > (int)job->clearance)
			continue;
		if (!group ||
		    strcmp(key, json_string_value(json_object_get(
			                group, "scenario"))) != 0 ||
		    strcmp(criterion, json_string_value(json_object_get(
			                      group, "criterion"))) != 0) {
			close_group(group);
			group = json_pack("{s:s,s:s,s:{}}", "scenario", key,
			                  "criterion", criterion, "analysts");
			json_array_append_new(job->out, group);
		}
		int cls = sqlite3_column_int(stmt, 4);
		json_object_set_new(json_object_get(group, "analysts"),
		                    (const char *)sqlite3_column_text(stmt, 3),
		                    json_pack("{s:s,s:i}", "ev",
		                              natrisk_class_letter(cls), "class",
		                              cls));
	}
	close_group(group);
	sqlite3_finalize(stmt);
	return 0;
}

int natrisk_store_spread(natrisk_store *s, int64_t edition,
                         natrisk_classification clearance, char **json)
{
	spread_job job = { edition, clearance, NULL };
	*json = NULL;
	int rc = db_read(s, spread_work, &job);
	if (rc == 0)
		*json = job.out ? json_dumps(job.out, JSON_COMPACT |
		                                              JSON_PRESERVE_ORDER)
		                : NULL;
	json_decref(job.out);
	return rc != 0 || *json ? rc : error_set(NATRISK_ENOMEM, "out of memory");
}
