/*
 * alerts.c - alerts in the store (alert_store.h): messages with their
 * chains, their outbox rows and the monitor's progress, committed
 * together; and the lists the server reads (the API, the Atom feed).
 * A message is never updated: its history is its chain.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/alert_store.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"

int audit_created(sqlite3 *db, const char *actor, const char *action,
                  const char *object, const json_t *after)
{
	char *text = json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER);
	int rc = text ? audit_append(db, actor, action, object, NULL, text)
	              : error_set(NATRISK_ENOMEM, "out of memory");
	free(text);
	return rc;
}

typedef struct add_job {
	const natrisk_alert_new *alerts;
	size_t count;
	const natrisk_alert_progress *progress;
	const char *actor;
} add_job;

/* The chain of the message PREVIOUS (its own identifier when it starts
 * one); malloc'd, or NULL when PREVIOUS is not stored. */
static char *chain_of(sqlite3 *db, const natrisk_alert_new *a)
{
	if (!a->previous)
		return strdup(a->identifier);
	sqlite3_stmt *stmt = db_prepare(db, "SELECT chain FROM alerts WHERE "
	                                    "identifier = ?");
	char *chain = NULL;
	if (!stmt)
		return NULL;
	sqlite3_bind_text(stmt, 1, a->previous, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		chain = db_column_strdup(stmt, 0);
	sqlite3_finalize(stmt);
	/* a chain whose start was never stored (a state older than the
	 * store) starts at the reference */
	return chain ? chain : strdup(a->previous);
}

static int insert_alert(sqlite3 *db, const natrisk_alert_new *a,
                        const char *actor, int64_t *id)
{
	char now[21], *chain = chain_of(db, a);
	db_now(now);
	sqlite3_stmt *stmt = chain ? db_prepare(db,
		"INSERT INTO alerts (identifier, chain, sender, sent, status, "
		"msg_type, source, indicator, assessment_id, scenarios, "
		"classification, headline, cap, created_by, created_at) VALUES "
		"(?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?)")
	                           : NULL;
	if (!stmt) {
		free(chain);
		return chain ? NATRISK_EIO
		             : error_set(NATRISK_ENOMEM, "out of memory");
	}
	const char *texts[] = { a->identifier, chain, a->sender };
	for (int k = 0; k < 3; k++)
		sqlite3_bind_text(stmt, k + 1, texts[k], -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, a->sent);
	sqlite3_bind_text(stmt, 5, a->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, a->msg_type, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, a->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, a->indicator, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 9, a->edition);
	sqlite3_bind_text(stmt, 10, a->scenarios ? a->scenarios : "[]", -1,
	                  SQLITE_STATIC);
	sqlite3_bind_int(stmt, 11, (int)a->classification);
	sqlite3_bind_text(stmt, 12, a->headline, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 13, a->cap, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 14, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 15, now, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	free(chain);
	if (step == SQLITE_CONSTRAINT)
		return error_set(NATRISK_ECONFLICT, "alert %s exists already",
		                 a->identifier);
	if (step != SQLITE_DONE)
		return db_error(db, "alert");
	*id = sqlite3_last_insert_rowid(db);
	return 0;
}

/* An outbox row for every webhook cleared for the message ID. */
static int queue_deliveries(sqlite3 *db, int64_t id,
                            natrisk_classification classification)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO alert_outbox (alert_id, webhook_id, next_attempt) "
		"SELECT ?, id, 0 FROM webhooks WHERE clearance >= ? AND id "
		"NOT IN (SELECT webhook_id FROM webhook_removals)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, (int)classification);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "outbox");
}

static int audit_alert(sqlite3 *db, const natrisk_alert_new *a,
                       const char *actor, int64_t id)
{
	char object[64];
	snprintf(object, sizeof object, "alert:%lld", (long long)id);
	json_t *after = json_pack("{s:s, s:s?, s:s, s:s, s:s, s:s?, s:I}",
	                          "identifier", a->identifier, "references",
	                          a->previous, "status", a->status, "msg_type",
	                          a->msg_type, "source", a->source,
	                          "indicator", a->indicator, "edition",
	                          (json_int_t)a->edition);
	if (!after)
		return error_set(NATRISK_ENOMEM, "out of memory");
	json_t *scenarios = json_loads(a->scenarios ? a->scenarios : "[]", 0,
	                               NULL);
	json_object_set_new(after, "scenarios", scenarios ? scenarios
	                                                  : json_array());
	int rc = audit_created(db, actor, "alert.issue", object, after);
	json_decref(after);
	return rc;
}

static int save_progress(sqlite3 *db, const natrisk_alert_progress *p)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT OR REPLACE INTO monitor_state VALUES (?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	const natrisk_indicator_state *st = &p->state;
	sqlite3_bind_text(stmt, 1, p->indicator, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, st->seen);
	sqlite3_bind_int64(stmt, 3, st->last_time);
	sqlite3_bind_int(stmt, 4, st->level);
	sqlite3_bind_int(stmt, 5, st->chain_open);
	sqlite3_bind_int64(stmt, 6, st->chain_sent);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "monitor state");
}

static int add_work(sqlite3 *db, void *ctx)
{
	add_job *job = ctx;
	int rc = 0;
	for (size_t k = 0; rc == 0 && k < job->count; k++) {
		const natrisk_alert_new *a = &job->alerts[k];
		int64_t id = 0;
		rc = insert_alert(db, a, job->actor, &id);
		if (rc == 0)
			rc = queue_deliveries(db, id, a->classification);
		if (rc == 0)
			rc = audit_alert(db, a, job->actor, id);
	}
	if (rc == 0 && job->progress)
		rc = save_progress(db, job->progress);
	return rc;
}

int natrisk_store_alerts_add(natrisk_store *s, const natrisk_alert_new *alerts,
                             size_t count,
                             const natrisk_alert_progress *progress,
                             const char *actor)
{
	add_job job = { alerts, count, progress, actor };
	return db_write(s, add_work, &job);
}

typedef struct read_job {
	const char *key;
	natrisk_classification clearance;
	int64_t id, edition;
	size_t limit;
	natrisk_indicator_state *state;
	json_t *out;
} read_job;

static int progress_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db, "SELECT seen, last_time, level, "
	                                    "chain_open, chain_sent FROM "
	                                    "monitor_state WHERE indicator = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, job->key, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		natrisk_indicator_state *st = job->state;
		st->seen = sqlite3_column_int(stmt, 0) != 0;
		st->last_time = sqlite3_column_int64(stmt, 1);
		st->level = sqlite3_column_int(stmt, 2);
		st->chain_open = sqlite3_column_int(stmt, 3) != 0;
		st->chain_sent = sqlite3_column_int64(stmt, 4);
	}
	sqlite3_finalize(stmt);
	return 0;
}

int natrisk_store_alert_progress(natrisk_store *s, const char *indicator,
                                 natrisk_indicator_state *out)
{
	*out = (natrisk_indicator_state)NATRISK_INDICATOR_STATE_INIT;
	read_job job = { .key = indicator, .state = out };
	return db_read(s, progress_work, &job);
}

typedef struct feed_job {
	const char *indicator, *state, *message;
	natrisk_classification classification;
} feed_job;

static int feed_work(sqlite3 *db, void *ctx)
{
	feed_job *job = ctx;
	char now[21];
	db_now(now);
	sqlite3_stmt *stmt = db_prepare(db, "INSERT OR REPLACE INTO "
	                                    "monitor_feeds VALUES (?, ?, ?, "
	                                    "?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, job->indicator, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, (int)job->classification);
	sqlite3_bind_text(stmt, 3, job->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, job->message, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "monitor feeds");
}

int natrisk_store_feed_polled(natrisk_store *s, const char *indicator,
                              natrisk_classification classification,
                              const char *state, const char *message)
{
	feed_job job = { indicator, state, message, classification };
	return db_write(s, feed_work, &job);
}

/* Column K of STMT as a JSON string, or null. */
static json_t *text_or_null(sqlite3_stmt *stmt, int k)
{
	const char *text = (const char *)sqlite3_column_text(stmt, k);
	return text ? json_string(text) : json_null();
}

#define MESSAGE_COLUMNS "a.id, a.identifier, a.sent, a.status, " \
                        "a.msg_type, a.headline, a.created_by, a.sender"

/* A message from the MESSAGE_COLUMNS of STMT. */
static json_t *message_json(sqlite3_stmt *stmt)
{
	char sent[32];
	natrisk_time_format(sqlite3_column_int64(stmt, 2), sent, sizeof sent);
	return json_pack("{s:I, s:o, s:s, s:o, s:o, s:o, s:o, s:o}", "id",
	                 (json_int_t)sqlite3_column_int64(stmt, 0),
	                 "identifier", text_or_null(stmt, 1), "sent", sent,
	                 "status", text_or_null(stmt, 3), "msg_type",
	                 text_or_null(stmt, 4), "headline",
	                 text_or_null(stmt, 5), "created_by",
	                 text_or_null(stmt, 6), "sender",
	                 text_or_null(stmt, 7));
}

/* The chain of the row STMT is on, as the first message of a new entry
 * of CHAINS: its fields. */
static json_t *chain_json(sqlite3_stmt *stmt)
{
	json_t *scenarios = json_loads((const char *)sqlite3_column_text(
		                               stmt, 12), 0, NULL);
	return json_pack("{s:o, s:o, s:o, s:o, s:s, s:o, s:[]}", "chain",
	                 text_or_null(stmt, 8), "source",
	                 text_or_null(stmt, 9), "indicator",
	                 text_or_null(stmt, 10), "edition",
	                 sqlite3_column_type(stmt, 11) == SQLITE_NULL
	                         ? json_null()
	                         : json_integer(sqlite3_column_int64(stmt, 11)),
	                 "classification",
	                 natrisk_classification_name(
	                         (natrisk_classification)
	                                 sqlite3_column_int(stmt, 13)),
	                 "scenarios", scenarios ? scenarios : json_array(),
	                 "history");
}

/* Appends the message of STMT's row to its chain in CHAINS (the rows
 * come by chain, then id). */
static int add_to_chains(json_t *chains, sqlite3_stmt *stmt)
{
	json_t *last = json_array_get(chains, json_array_size(chains) - 1);
	const char *chain = (const char *)sqlite3_column_text(stmt, 8);
	if (!last || strcmp(json_string_value(json_object_get(last, "chain")),
	                    chain) != 0) {
		last = chain_json(stmt);
		if (!last || json_array_append_new(chains, last) != 0)
			return error_set(NATRISK_ENOMEM, "out of memory");
	}
	json_t *message = message_json(stmt);
	json_t *history = json_object_get(last, "history");
	if (!message || json_array_append(history, message) != 0 ||
	    json_object_set_new(last, "current", message) != 0)
		return error_set(NATRISK_ENOMEM, "out of memory");
	json_object_set(last, "msg_type", json_object_get(message,
	                                                  "msg_type"));
	json_object_set(last, "status", json_object_get(message, "status"));
	return 0;
}

/* Chains are listed by their first message, newest first. */
static int chains_work(sqlite3 *db, json_t *chains,
                       natrisk_classification clearance)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT " MESSAGE_COLUMNS ", a.chain, a.source, a.indicator, "
		"a.assessment_id, a.scenarios, c.top FROM alerts a "
		"JOIN (SELECT chain, MIN(id) AS first, MAX(classification) AS "
		"top FROM alerts GROUP BY chain) c ON c.chain = a.chain "
		"WHERE c.top <= ? ORDER BY c.first DESC, a.id");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int(stmt, 1, (int)clearance);
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW)
		rc = add_to_chains(chains, stmt);
	sqlite3_finalize(stmt);
	return rc;
}

static int feeds_work(sqlite3 *db, json_t *feeds,
                      natrisk_classification clearance)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT indicator, state, "
	                                    "message, checked_at FROM "
	                                    "monitor_feeds WHERE "
	                                    "classification <= ? ORDER BY "
	                                    "indicator");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int(stmt, 1, (int)clearance);
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW)
		if (json_array_append_new(feeds, json_pack(
			    "{s:o, s:o, s:o, s:o}", "indicator",
			    text_or_null(stmt, 0), "state",
			    text_or_null(stmt, 1), "message",
			    text_or_null(stmt, 2), "checked_at",
			    text_or_null(stmt, 3))) != 0)
			rc = error_set(NATRISK_ENOMEM, "out of memory");
	sqlite3_finalize(stmt);
	return rc;
}

static int list_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	json_t *chains = json_array(), *feeds = json_array();
	job->out = json_pack("{s:o, s:o}", "alerts", chains, "feeds", feeds);
	if (!job->out)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = chains_work(db, chains, job->clearance);
	return rc == 0 ? feeds_work(db, feeds, job->clearance) : rc;
}

static int read_json(natrisk_store *s, read_job *job,
                     int (*work)(sqlite3 *db, void *ctx), json_t **out)
{
	int rc = db_read(s, work, job);
	if (rc != 0) {
		json_decref(job->out);
		job->out = NULL;
	}
	*out = job->out;
	return rc;
}

int natrisk_store_alerts_json(natrisk_store *s,
                              natrisk_classification clearance,
                              json_t **out)
{
	read_job job = { .clearance = clearance };
	return read_json(s, &job, list_work, out);
}

/* A chain is as classified as its highest message: an Update about a
 * confidential scenario hides the whole chain from lower readers. */
static int recent_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT " MESSAGE_COLUMNS ", a.cap FROM alerts a WHERE "
		"(SELECT MAX(classification) FROM alerts b WHERE b.chain = "
		"a.chain) <= ? ORDER BY a.id DESC LIMIT ?");
	if (!stmt || !(job->out = json_array()))
		return stmt ? error_set(NATRISK_ENOMEM, "out of memory")
		            : NATRISK_EIO;
	sqlite3_bind_int(stmt, 1, (int)job->clearance);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)job->limit);
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		json_t *m = message_json(stmt);
		if (!m || json_object_set_new(m, "cap", text_or_null(stmt, 8)) ||
		    json_array_append_new(job->out, m))
			rc = error_set(NATRISK_ENOMEM, "out of memory");
	}
	sqlite3_finalize(stmt);
	return rc;
}

int natrisk_store_alerts_recent(natrisk_store *s,
                                natrisk_classification clearance,
                                size_t limit, json_t **out)
{
	read_job job = { .clearance = clearance, .limit = limit };
	return read_json(s, &job, recent_work, out);
}

static int chain_last_work(sqlite3 *db, void *ctx)
{
	read_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT l.identifier, l.sender, l.sent, l.msg_type, l.scenarios, "
		"(SELECT MAX(classification) FROM alerts c WHERE c.chain = "
		"l.chain) FROM alerts a JOIN alerts l ON l.chain = a.chain "
		"WHERE a.id = ? AND a.assessment_id = ? ORDER BY l.id DESC "
		"LIMIT 1");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->id);
	sqlite3_bind_int64(stmt, 2, job->edition);
	int rc = NATRISK_ENOTFOUND;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_int(stmt, 5) <= (int)job->clearance) {
		json_t *scenarios = json_loads((const char *)
			sqlite3_column_text(stmt, 4), 0, NULL);
		job->out = json_pack("{s:o, s:o, s:I, s:o, s:o, s:i}",
		                     "identifier", text_or_null(stmt, 0),
		                     "sender", text_or_null(stmt, 1), "sent",
		                     (json_int_t)sqlite3_column_int64(stmt, 2),
		                     "msg_type", text_or_null(stmt, 3),
		                     "scenarios",
		                     scenarios ? scenarios : json_array(),
		                     "classification",
		                     sqlite3_column_int(stmt, 5));
		rc = job->out ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
	}
	sqlite3_finalize(stmt);
	if (rc == NATRISK_ENOTFOUND)
		error_set(rc, "no such alert");
	return rc;
}

int natrisk_store_alert_chain_last(natrisk_store *s, int64_t alert_id,
                                   int64_t edition,
                                   natrisk_classification clearance,
                                   json_t **out)
{
	read_job job = { .id = alert_id, .edition = edition,
		         .clearance = clearance };
	return read_json(s, &job, chain_last_work, out);
}
