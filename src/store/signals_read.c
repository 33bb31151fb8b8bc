/*
 * signals_read.c - reading signals (signals.h) as a reader may see them.
 * A signal's level is computed when it is read, from its own
 * classification and those of everything it names now (its scenarios,
 * its themes, the scenarios its triage proposes to change): a chair who
 * raises a scenario hides its signals from the readers below at once.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "db.h"
#include "signal_rows.h"

#define LEVEL_OF(x) "CASE " x " WHEN 'public' THEN 0 WHEN 'restricted' " \
	"THEN 1 ELSE 2 END"

/* The signal G's level: the highest of what it is and what it names,
 * and (?4) of its triage: the scenarios proposals name, the decisions'
 * own classifications (a note may say more than the signal) and the
 * scenario the signal became. */
#define SIGNAL_LEVEL                                                      \
	"MAX(" LEVEL_OF("g.classification") ", "                          \
	"COALESCE((SELECT MAX(" LEVEL_OF("c.classification") ") FROM "    \
	"signal_scenarios l JOIN scenarios c ON c.id = l.scenario_id "    \
	"WHERE l.signal_id = g.id), 0), "                                 \
	"COALESCE((SELECT MAX(" LEVEL_OF("json_extract(t.value, "         \
	"'$.classification')") ") FROM signal_themes h, assessments a, "  \
	"json_each(a.themes) t WHERE h.signal_id = g.id AND "             \
	"a.id = g.assessment_id AND json_extract(t.value, '$.id') = "     \
	"h.theme), 0), "                                                  \
	"COALESCE((SELECT MAX(" LEVEL_OF("c.classification") ") FROM "    \
	"signal_triage r JOIN scenarios c ON c.id = r.scenario_id "       \
	"WHERE r.signal_id = g.id AND ?4), 0), "                          \
	"COALESCE((SELECT MAX(" LEVEL_OF("r.classification") ") FROM "    \
	"signal_triage r WHERE r.signal_id = g.id AND ?4), 0), "          \
	"COALESCE((SELECT " LEVEL_OF("c.classification") " FROM "         \
	"signal_adoptions d JOIN scenarios c ON c.id = d.scenario_id "    \
	"WHERE d.signal_id = g.id AND ?4), 0))"

#define SIGNAL_STATUS                                                    \
	"COALESCE((SELECT CASE decision WHEN 'dismiss' THEN 'dismissed' " \
	"WHEN 'watch' THEN 'watching' ELSE 'proposed' END FROM "          \
	"signal_triage WHERE signal_id = g.id ORDER BY id DESC LIMIT 1), " \
	"'new')"

/* The signals WHO may see (?1 clearance, ?2 the author or NULL, ?3 a
 * key or NULL, ?4 whether the triage counts), newest first. A reporter
 * receives no triage notes, so the scenarios a proposal names do not
 * raise the level of what a reporter receives. */
static const char visible_sql[] =
	"SELECT * FROM (SELECT g.id, g.key, g.author, g.text, g.source, "
	"g.observed, g.confidence, g.assessment_id, g.submitted_at, "
	"g.edited_at, " SIGNAL_LEVEL " AS level, " SIGNAL_STATUS " AS status "
	"FROM signals g WHERE (?2 IS NULL OR g.author = ?2) AND "
	"(?3 IS NULL OR g.key = ?3)) WHERE level <= ?1 "
	"ORDER BY submitted_at DESC, id DESC";

static sqlite3_stmt *visible(sqlite3 *db, const natrisk_signal_reader *who,
                             const char *key)
{
	sqlite3_stmt *stmt = db_prepare(db, visible_sql);
	if (!stmt)
		return NULL;
	sqlite3_bind_int(stmt, 1, (int)who->clearance);
	if (who->own_only)
		sqlite3_bind_text(stmt, 2, who->name, -1, SQLITE_STATIC);
	if (key)
		sqlite3_bind_text(stmt, 3, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 4, !who->own_only);
	return stmt;
}

int signal_find(sqlite3 *db, const natrisk_signal_reader *who,
                const char *key, signal_found *out)
{
	sqlite3_stmt *stmt = visible(db, who, key);
	if (!stmt)
		return NATRISK_EIO;
	int step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		out->id = sqlite3_column_int64(stmt, 0);
		out->level = (natrisk_classification)sqlite3_column_int(stmt, 10);
		snprintf(out->status, sizeof out->status, "%s",
		         (const char *)sqlite3_column_text(stmt, 11));
	}
	sqlite3_finalize(stmt);
	if (step == SQLITE_ROW)
		return 0;
	return step == SQLITE_DONE ? error_set(NATRISK_ENOTFOUND,
	                                       "no such signal")
	                           : db_error(db, "signals");
}

static json_t *text_or_null(sqlite3_stmt *stmt, int column)
{
	const char *text = (const char *)sqlite3_column_text(stmt, column);
	return text ? json_string(text) : json_null();
}

static json_t *id_or_null(sqlite3_stmt *stmt, int column)
{
	return sqlite3_column_type(stmt, column) == SQLITE_NULL
	               ? json_null()
	               : json_integer(sqlite3_column_int64(stmt, column));
}

/* The first column of SQL's rows for signal ID, as a JSON array. */
static json_t *column_list(sqlite3 *db, const char *sql, int64_t id)
{
	json_t *list = json_array();
	sqlite3_stmt *stmt = db_prepare(db, sql);
	if (!stmt || !list) {
		json_decref(list);
		return NULL;
	}
	sqlite3_bind_int64(stmt, 1, id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		json_array_append_new(list, text_or_null(stmt, 0));
	sqlite3_finalize(stmt);
	return list;
}

static json_t *proposal_json(sqlite3_stmt *stmt)
{
	if (sqlite3_column_type(stmt, 2) == SQLITE_NULL)
		return json_null();
	return json_pack("{s:o, s:o, s:o, s:o}", "title",
	                 text_or_null(stmt, 2), "description",
	                 text_or_null(stmt, 3), "edition", id_or_null(stmt, 4),
	                 "scenario", text_or_null(stmt, 5));
}

/* Signal ID's triage decisions, oldest first. */
static json_t *triage_list(sqlite3 *db, int64_t id)
{
	json_t *list = json_array();
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT r.decision, r.note, r.title, r.description, "
		"r.assessment_id, c.key, r.author, r.created_at, "
		"r.classification FROM "
		"signal_triage r LEFT JOIN scenarios c ON c.id = r.scenario_id "
		"WHERE r.signal_id = ? ORDER BY r.id");
	if (!stmt || !list) {
		json_decref(list);
		return NULL;
	}
	sqlite3_bind_int64(stmt, 1, id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		json_array_append_new(list, json_pack(
			"{s:o, s:o, s:o, s:o, s:o, s:o}", "decision",
			text_or_null(stmt, 0), "note", text_or_null(stmt, 1),
			"classification", text_or_null(stmt, 8), "proposal",
			proposal_json(stmt), "by", text_or_null(stmt, 6), "at",
			text_or_null(stmt, 7)));
	sqlite3_finalize(stmt);
	return list;
}

/* The scenario signal ID became ({edition, scenario, by, at}), or null;
 * NULL when out of memory or the store fails. */
static json_t *adoption(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT c.assessment_id, c.key, d.author, d.created_at FROM "
		"signal_adoptions d JOIN scenarios c ON c.id = d.scenario_id "
		"WHERE d.signal_id = ?");
	if (!stmt)
		return NULL;
	sqlite3_bind_int64(stmt, 1, id);
	json_t *out = NULL;
	int step = sqlite3_step(stmt);
	if (step == SQLITE_ROW)
		out = json_pack("{s:I, s:o, s:o, s:o}", "edition",
		                (json_int_t)sqlite3_column_int64(stmt, 0),
		                "scenario", text_or_null(stmt, 1), "by",
		                text_or_null(stmt, 2), "at",
		                text_or_null(stmt, 3));
	else if (step == SQLITE_DONE)
		out = json_null();
	sqlite3_finalize(stmt);
	return out;
}

/* The signal of the row STMT (visible_sql's columns). */
static json_t *row_json(sqlite3 *db, const natrisk_signal_reader *who,
                        sqlite3_stmt *stmt)
{
	int64_t id = sqlite3_column_int64(stmt, 0);
	json_t *o = json_pack(
		"{s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, "
		"s:o}",
		"id", text_or_null(stmt, 1), "status", text_or_null(stmt, 11),
		"classification", natrisk_classification_name(
			(natrisk_classification)sqlite3_column_int(stmt, 10)),
		"text", text_or_null(stmt, 3), "source", text_or_null(stmt, 4),
		"observed", text_or_null(stmt, 5), "confidence",
		text_or_null(stmt, 6), "edition", id_or_null(stmt, 7),
		"scenarios", column_list(db, "SELECT c.key FROM "
		             "signal_scenarios l JOIN scenarios c ON c.id = "
		             "l.scenario_id WHERE l.signal_id = ? ORDER BY "
		             "l.position", id),
		"themes", column_list(db, "SELECT theme FROM signal_themes "
		          "WHERE signal_id = ? ORDER BY position", id),
		"author", text_or_null(stmt, 2), "submitted",
		text_or_null(stmt, 8), "edited", text_or_null(stmt, 9));
	if (o && !who->own_only &&
	    (json_object_set_new(o, "triage", triage_list(db, id)) != 0 ||
	     json_object_set_new(o, "adopted", adoption(db, id)) != 0)) {
		json_decref(o);
		o = NULL;
	}
	return o;
}

int signal_read_json(sqlite3 *db, const natrisk_signal_reader *who,
                     const char *key, json_t **out)
{
	*out = NULL;
	sqlite3_stmt *stmt = visible(db, who, key);
	if (!stmt)
		return NATRISK_EIO;
	int step = sqlite3_step(stmt);
	if (step == SQLITE_ROW)
		*out = row_json(db, who, stmt);
	sqlite3_finalize(stmt);
	if (step == SQLITE_DONE)
		return error_set(NATRISK_ENOTFOUND, "no such signal");
	if (step != SQLITE_ROW)
		return db_error(db, "signals");
	return *out ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

typedef struct read_job {
	const natrisk_signal_reader *who;
	const char *key;
	char *json;
} read_job;

static int dump_to(read_job *job, json_t *value)
{
	job->json = value ? json_dumps(value, JSON_COMPACT |
	                                              JSON_PRESERVE_ORDER)
	                  : NULL;
	json_decref(value);
	return job->json ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

static int one_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	json_t *signal = NULL;
	int rc = signal_read_json(db, job->who, job->key, &signal);
	return rc == 0 ? dump_to(job, signal) : rc;
}

int natrisk_store_signal(natrisk_store *s, const natrisk_signal_reader *who,
                         const char *id, char **json)
{
	read_job job = { .who = who, .key = id };
	int rc = db_read(s, one_work, &job);
	if (json)
		*json = job.json;
	else
		free(job.json);
	return rc;
}

static int list_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	json_t *list = json_array();
	sqlite3_stmt *stmt = list ? visible(db, job->who, NULL) : NULL;
	if (!stmt) {
		json_decref(list);
		return list ? NATRISK_EIO : error_set(NATRISK_ENOMEM,
		                                      "out of memory");
	}
	int step;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW)
		json_array_append_new(list, row_json(db, job->who, stmt));
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE) {
		json_decref(list);
		return db_error(db, "signals");
	}
	return dump_to(job, list);
}

int natrisk_store_signals(natrisk_store *s, const natrisk_signal_reader *who,
                          char **json)
{
	read_job job = { .who = who };
	int rc = db_read(s, list_work, &job);
	*json = job.json;
	return rc;
}
