/*
 * alert_outbox.c - webhooks and the outbox of their deliveries
 * (alert_store.h). An outbox row is made in the transaction that stores
 * its message, so that a message stored is a message that will be
 * delivered, whatever happens to the process; it is marked delivered
 * only after the receiver answered 2xx (at least once: a crash between
 * the answer and the mark sends it again, with the same idempotency
 * key), and given up after the retry cap.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/alert_store.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"

typedef struct hook_job {
	const char *url, *actor;
	natrisk_classification clearance;
	char *secret;
	int64_t id;
	json_t *out;
} hook_job;

static int hook_add_work(sqlite3 *db, void *ctx)
{
	hook_job *job = ctx;
	char now[21];
	db_now(now);
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO webhooks (url, "
	                                    "secret, clearance, created_by, "
	                                    "created_at) VALUES (?, ?, ?, ?, "
	                                    "?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, job->url, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, job->secret, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, (int)job->clearance);
	sqlite3_bind_text(stmt, 4, job->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return db_error(db, "webhook");
	job->id = sqlite3_last_insert_rowid(db);
	char object[48];
	snprintf(object, sizeof object, "webhook:%lld", (long long)job->id);
	/* the secret never reaches the audit log */
	json_t *after = json_pack("{s:s, s:s}", "url", job->url, "clearance",
	                          natrisk_classification_name(job->clearance));
	int rc = after ? audit_created(db, job->actor, "webhook.add", object,
	                               after)
	               : error_set(NATRISK_ENOMEM, "out of memory");
	json_decref(after);
	return rc;
}

int natrisk_store_webhook_add(natrisk_store *s, const char *url,
                              natrisk_classification clearance,
                              const char *actor, char secret[65],
                              int64_t *id)
{
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(secret, 65, bytes, sizeof bytes);
	hook_job job = { .url = url, .actor = actor, .clearance = clearance,
		         .secret = secret };
	int rc = db_write(s, hook_add_work, &job);
	*id = job.id;
	return rc;
}

typedef struct remove_job {
	int64_t id;
	const char *actor;
	int64_t cancelled;
} remove_job;

/* Into *HOOK the webhook's url and clearance, for the audit entry, if it
 * is there and not removed; NATRISK_ENOTFOUND otherwise. */
static int live_hook(sqlite3 *db, int64_t id, json_t **hook)
{
	*hook = NULL;
	sqlite3_stmt *stmt = db_prepare(db, "SELECT url, clearance FROM "
	                                    "webhooks WHERE id = ? AND id NOT "
	                                    "IN (SELECT webhook_id FROM "
	                                    "webhook_removals)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, id);
	int rc = 0;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*hook = json_pack("{s:s, s:s}", "url",
		                  (const char *)sqlite3_column_text(stmt, 0),
		                  "clearance", natrisk_classification_name(
			                  (natrisk_classification)
				                  sqlite3_column_int(stmt, 1)));
		if (!*hook)
			rc = error_set(NATRISK_ENOMEM, "out of memory");
	} else {
		rc = error_set(NATRISK_ENOTFOUND,
		               "no webhook %lld (or it was removed)",
		               (long long)id);
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Marks the webhook removed and gives up its pending rows, in one
 * transaction with the audit entry: no delivery starts after it. */
static int hook_remove_work(sqlite3 *db, void *ctx)
{
	remove_job *job = ctx;
	json_t *before;
	int rc = live_hook(db, job->id, &before);
	if (rc != 0)
		return rc;
	char now[21];
	db_now(now);
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO webhook_removals "
	                                    "(webhook_id, removed_by, "
	                                    "removed_at) VALUES (?, ?, ?)");
	int step = SQLITE_ERROR;
	if (stmt) {
		sqlite3_bind_int64(stmt, 1, job->id);
		sqlite3_bind_text(stmt, 2, job->actor, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
		step = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
	}
	stmt = step == SQLITE_DONE
	               ? db_prepare(db, "UPDATE alert_outbox SET state = "
	                                "'failed', last_error = 'the webhook "
	                                "was removed', done_at = ? WHERE "
	                                "webhook_id = ? AND state = 'pending'")
	               : NULL;
	step = SQLITE_ERROR;
	if (stmt) {
		sqlite3_bind_text(stmt, 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, job->id);
		step = sqlite3_step(stmt);
		job->cancelled = sqlite3_changes(db);
		sqlite3_finalize(stmt);
	}
	char object[48];
	snprintf(object, sizeof object, "webhook:%lld", (long long)job->id);
	rc = step == SQLITE_DONE
	                 ? audit_json_change(db, job->actor, "webhook.remove",
	                                     object, before, json_null())
	                 : db_error(db, "webhook");
	json_decref(before);
	return rc;
}

int natrisk_store_webhook_remove(natrisk_store *s, int64_t id,
                                 const char *actor, int64_t *cancelled)
{
	remove_job job = { .id = id, .actor = actor };
	int rc = db_write(s, hook_remove_work, &job);
	*cancelled = rc == 0 ? job.cancelled : 0;
	return rc;
}

static int hooks_work(sqlite3 *db, void *ctx)
{
	hook_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT w.id, w.url, w.clearance, w.created_by, w.created_at, "
		"(SELECT COUNT(*) FROM alert_outbox o WHERE o.webhook_id = w.id "
		"AND o.state = 'pending'), (SELECT COUNT(*) FROM alert_outbox o "
		"WHERE o.webhook_id = w.id AND o.state = 'delivered'), (SELECT "
		"COUNT(*) FROM alert_outbox o WHERE o.webhook_id = w.id AND "
		"o.state = 'failed') FROM webhooks w WHERE w.id NOT IN (SELECT "
		"webhook_id FROM webhook_removals) ORDER BY w.id");
	if (!stmt || !(job->out = json_array()))
		return stmt ? error_set(NATRISK_ENOMEM, "out of memory")
		            : NATRISK_EIO;
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		json_t *hook = json_pack(
			"{s:I, s:s, s:s, s:s, s:s, s:I, s:I, s:I}", "id",
			(json_int_t)sqlite3_column_int64(stmt, 0), "url",
			(const char *)sqlite3_column_text(stmt, 1), "clearance",
			natrisk_classification_name((natrisk_classification)
				sqlite3_column_int(stmt, 2)),
			"created_by", (const char *)sqlite3_column_text(stmt, 3),
			"created_at", (const char *)sqlite3_column_text(stmt, 4),
			"pending", (json_int_t)sqlite3_column_int64(stmt, 5),
			"delivered", (json_int_t)sqlite3_column_int64(stmt, 6),
			"failed", (json_int_t)sqlite3_column_int64(stmt, 7));
		if (!hook || json_array_append_new(job->out, hook) != 0)
			rc = error_set(NATRISK_ENOMEM, "out of memory");
	}
	sqlite3_finalize(stmt);
	return rc;
}

int natrisk_store_webhooks_json(natrisk_store *s, json_t **out)
{
	hook_job job = { 0 };
	int rc = db_read(s, hooks_work, &job);
	if (rc != 0) {
		json_decref(job.out);
		job.out = NULL;
	}
	*out = job.out;
	return rc;
}

void natrisk_deliveries_free(natrisk_delivery *list, size_t count)
{
	for (size_t k = 0; k < count; k++) {
		free(list[k].url);
		free(list[k].secret);
		free(list[k].key);
		free(list[k].cap);
	}
	free(list);
}

typedef struct due_job {
	double now;
	size_t limit;
	natrisk_delivery *list;
	size_t count;
} due_job;

static int due_work(sqlite3 *db, void *ctx)
{
	due_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT o.id, w.url, w.secret, a.identifier, a.cap, o.attempts "
		"FROM alert_outbox o JOIN webhooks w ON w.id = o.webhook_id "
		"JOIN alerts a ON a.id = o.alert_id WHERE o.state = 'pending' "
		"AND w.id NOT IN (SELECT webhook_id FROM webhook_removals) "
		"AND o.next_attempt <= ? ORDER BY o.next_attempt, o.id LIMIT ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_double(stmt, 1, job->now);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)job->limit);
	job->list = calloc(job->limit + 1, sizeof *job->list);
	int rc = job->list ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		natrisk_delivery *d = &job->list[job->count++];
		d->id = sqlite3_column_int64(stmt, 0);
		d->url = db_column_strdup(stmt, 1);
		d->secret = db_column_strdup(stmt, 2);
		d->key = db_column_strdup(stmt, 3);
		d->cap = db_column_strdup(stmt, 4);
		d->attempts = sqlite3_column_int(stmt, 5);
		if (!d->url || !d->secret || !d->key || !d->cap)
			rc = NATRISK_ENOMEM;
	}
	sqlite3_finalize(stmt);
	return rc;
}

int natrisk_store_deliveries_due(natrisk_store *s, double now, size_t limit,
                                 natrisk_delivery **out, size_t *count)
{
	due_job job = { .now = now, .limit = limit };
	int rc = db_read(s, due_work, &job);
	if (rc != 0) {
		natrisk_deliveries_free(job.list, job.count);
		job.list = NULL;
		job.count = 0;
	}
	*out = job.list;
	*count = job.count;
	return rc;
}

typedef struct mark_job {
	int64_t id;
	double next;
	const char *state, *error;
} mark_job;

static int mark_work(sqlite3 *db, void *ctx)
{
	mark_job *job = ctx;
	char now[21];
	db_now(now);
	sqlite3_stmt *stmt = db_prepare(db,
		"UPDATE alert_outbox SET state = ?, attempts = attempts + 1, "
		"next_attempt = ?, last_error = ?, done_at = CASE WHEN ? = "
		"'pending' THEN NULL ELSE ? END WHERE id = ? AND state = "
		"'pending'");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, job->state, -1, SQLITE_STATIC);
	sqlite3_bind_double(stmt, 2, job->next);
	sqlite3_bind_text(stmt, 3, job->error, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, job->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 6, job->id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "outbox");
}

int natrisk_store_delivery_done(natrisk_store *s, int64_t id)
{
	mark_job job = { id, 0, "delivered", NULL };
	return db_write(s, mark_work, &job);
}

int natrisk_store_delivery_failed(natrisk_store *s, int64_t id, double next,
                                  bool give_up, const char *error)
{
	mark_job job = { id, next, give_up ? "failed" : "pending", error };
	return db_write(s, mark_work, &job);
}
