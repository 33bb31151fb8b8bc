/*
 * signals.c - writing signals (signals.h): a reporter's submission and
 * edits, and the analysts' triage. Each write is one transaction with
 * its audit entry (signal.submit, signal.edit, signal.triage on object
 * signal:KEY, the signal before and after); a triage decision is a new
 * row of the append-only history, and a triaged signal is no longer
 * its reporter's to edit.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"
#include "signal_rows.h"

typedef struct signal_job {
	const natrisk_signal_reader *who;
	const char *key;          /* an existing signal's, or NULL */
	const char *body;
	size_t len;
	char made[32];            /* a new signal's key */
	char *json;
} signal_job;

static int parse_body(signal_job *job, json_t **out)
{
	*out = json_loadb(job->body, job->len, 0, NULL);
	if (json_is_object(*out))
		return 0;
	json_decref(*out);
	*out = NULL;
	return error_set(NATRISK_EINVALID, "the body must be a JSON object");
}

static int step_done(sqlite3 *db, sqlite3_stmt *stmt)
{
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "signals");
}

static int insert_links(sqlite3 *db, int64_t id, const signal_fields *f)
{
	int rc = 0;
	for (size_t k = 0; rc == 0 && k < f->scenario_count; k++) {
		sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO "
		                                    "signal_scenarios VALUES "
		                                    "(?, ?, ?)");
		if (!stmt)
			return NATRISK_EIO;
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, (int64_t)k);
		sqlite3_bind_int64(stmt, 3, f->scenarios[k]);
		rc = step_done(db, stmt);
	}
	for (size_t k = 0; rc == 0 && k < f->theme_count; k++) {
		sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO signal_themes "
		                                    "VALUES (?, ?, ?)");
		if (!stmt)
			return NATRISK_EIO;
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, (int64_t)k);
		sqlite3_bind_text(stmt, 3, f->themes[k], -1, SQLITE_STATIC);
		rc = step_done(db, stmt);
	}
	return rc;
}

/* Binds F's fields to parameters 1 to 7: text, source, observed,
 * confidence, classification, edition, and the time. */
static void bind_fields(sqlite3_stmt *stmt, const signal_fields *f,
                        const char *now)
{
	sqlite3_bind_text(stmt, 1, f->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, f->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, f->observed, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, f->confidence, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, natrisk_classification_name(
		                          f->classification), -1, SQLITE_STATIC);
	if (f->edition)
		sqlite3_bind_int64(stmt, 6, f->edition);
	sqlite3_bind_text(stmt, 7, now, -1, SQLITE_TRANSIENT);
}

/* A key no signal holds. */
static int free_key(sqlite3 *db, char *out, size_t size)
{
	for (int tries = 0; tries < ID_TRIES; tries++) {
		make_id("signal", out, size);
		sqlite3_stmt *stmt = db_prepare(db, "SELECT 1 FROM signals "
		                                    "WHERE key = ?");
		if (!stmt)
			return NATRISK_EIO;
		sqlite3_bind_text(stmt, 1, out, -1, SQLITE_STATIC);
		bool taken = sqlite3_step(stmt) == SQLITE_ROW;
		sqlite3_finalize(stmt);
		if (!taken)
			return 0;
	}
	return error_set(NATRISK_EIO, "no free signal id after %d tries",
	                 ID_TRIES);
}

/* Audits ACTION on the signal KEY from BEFORE (borrowed) to how it is
 * now, and keeps the signal's JSON as the job's answer. */
static int audit_signal(sqlite3 *db, signal_job *job, const char *key,
                        const char *action, const json_t *before)
{
	json_t *after = NULL;
	int rc = signal_read_json(db, job->who, key, &after);
	char object[48];
	snprintf(object, sizeof object, "signal:%s", key);
	json_t *none = json_null();
	if (rc == 0)
		rc = audit_json_change(db, job->who->name, action, object,
		                       before ? before : none, after);
	job->json = rc == 0 ? json_dumps(after, JSON_COMPACT |
	                                                JSON_PRESERVE_ORDER)
	                    : NULL;
	json_decref(after);
	return rc == 0 && !job->json ? error_set(NATRISK_ENOMEM,
	                                         "out of memory")
	                             : rc;
}

static int submit_work(sqlite3 *db, void *ctx)
{
	signal_job *job = ctx;
	json_t *body;
	signal_fields f;
	int rc = parse_body(job, &body);
	if (rc == 0)
		rc = signal_fields_check(db, job->who, body, &f);
	if (rc == 0)
		rc = free_key(db, job->made, sizeof job->made);
	sqlite3_stmt *stmt = rc == 0 ? db_prepare(db,
		"INSERT INTO signals (text, source, observed, confidence, "
		"classification, assessment_id, submitted_at, key, author) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") : NULL;
	if (rc == 0 && !stmt)
		rc = NATRISK_EIO;
	if (rc == 0) {
		char now[21];
		db_now(now);
		bind_fields(stmt, &f, now);
		sqlite3_bind_text(stmt, 8, job->made, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 9, job->who->name, -1, SQLITE_STATIC);
		rc = step_done(db, stmt);
	}
	if (rc == 0)
		rc = insert_links(db, sqlite3_last_insert_rowid(db), &f);
	if (rc == 0)
		rc = audit_signal(db, job, job->made, "signal.submit", NULL);
	json_decref(body);
	return rc;
}

int natrisk_store_signal_submit(natrisk_store *s,
                                const natrisk_signal_reader *who,
                                const char *body, size_t len, char **json)
{
	signal_job job = { .who = who, .body = body, .len = len };
	int rc = db_write(s, submit_work, &job);
	*json = job.json;
	return rc;
}

static int replace_fields(sqlite3 *db, int64_t id, const signal_fields *f)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"UPDATE signals SET text = ?, source = ?, observed = ?, "
		"confidence = ?, classification = ?, assessment_id = ?, "
		"edited_at = ? WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	char now[21];
	db_now(now);
	bind_fields(stmt, f, now);
	sqlite3_bind_int64(stmt, 8, id);
	int rc = step_done(db, stmt);
	for (int k = 0; rc == 0 && k < 2; k++) {
		stmt = db_prepare(db, k ? "DELETE FROM signal_themes WHERE "
		                          "signal_id = ?"
		                        : "DELETE FROM signal_scenarios WHERE "
		                          "signal_id = ?");
		if (!stmt)
			return NATRISK_EIO;
		sqlite3_bind_int64(stmt, 1, id);
		rc = step_done(db, stmt);
	}
	return rc == 0 ? insert_links(db, id, f) : rc;
}

static int edit_work(sqlite3 *db, void *ctx)
{
	signal_job *job = ctx;
	json_t *body = NULL, *before = NULL;
	signal_found found;
	signal_fields f;
	int rc = signal_find(db, job->who, job->key, &found);
	if (rc == 0 && strcmp(found.status, "new") != 0)
		rc = error_set(NATRISK_ECONFLICT, "the signal has been triaged: "
		               "it can no longer be edited");
	if (rc == 0)
		rc = parse_body(job, &body);
	if (rc == 0)
		rc = signal_fields_check(db, job->who, body, &f);
	if (rc == 0)
		rc = signal_read_json(db, job->who, job->key, &before);
	if (rc == 0)
		rc = replace_fields(db, found.id, &f);
	if (rc == 0)
		rc = audit_signal(db, job, job->key, "signal.edit", before);
	json_decref(body);
	json_decref(before);
	return rc;
}

int natrisk_store_signal_edit(natrisk_store *s,
                              const natrisk_signal_reader *who,
                              const char *id, const char *body, size_t len,
                              char **json)
{
	signal_job job = { .who = who, .key = id, .body = body, .len = len };
	int rc = db_write(s, edit_work, &job);
	*json = job.json;
	return rc;
}

static int insert_triage(sqlite3 *db, int64_t id, const triage_fields *t,
                         const char *author)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO signal_triage (signal_id, decision, note, title, "
		"description, assessment_id, scenario_id, author, created_at, "
		"classification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	char now[21];
	db_now(now);
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, t->decision, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, t->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, t->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, t->description, -1, SQLITE_STATIC);
	if (t->title && t->edition)
		sqlite3_bind_int64(stmt, 6, t->edition);
	if (t->scenario)
		sqlite3_bind_int64(stmt, 7, t->scenario);
	sqlite3_bind_text(stmt, 8, author, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 10, natrisk_classification_name(
		                            t->classification), -1, SQLITE_STATIC);
	return step_done(db, stmt);
}

/* The edition signal ID names, or 0. */
static int64_t signal_edition(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT assessment_id FROM "
	                                    "signals WHERE id = ?");
	if (!stmt)
		return 0;
	sqlite3_bind_int64(stmt, 1, id);
	int64_t edition = sqlite3_step(stmt) == SQLITE_ROW
	                          ? sqlite3_column_int64(stmt, 0)
	                          : 0;
	sqlite3_finalize(stmt);
	return edition;
}

static int triage_work(sqlite3 *db, void *ctx)
{
	signal_job *job = ctx;
	json_t *body = NULL, *before = NULL;
	signal_found found;
	triage_fields t;
	int rc = signal_find(db, job->who, job->key, &found);
	if (rc == 0)
		rc = parse_body(job, &body);
	if (rc == 0)
		rc = triage_fields_check(db, job->who, body,
		                         signal_edition(db, found.id), &t);
	if (rc == 0)
		rc = signal_read_json(db, job->who, job->key, &before);
	if (rc == 0)
		rc = insert_triage(db, found.id, &t, job->who->name);
	if (rc == 0)
		rc = audit_signal(db, job, job->key, "signal.triage", before);
	json_decref(body);
	json_decref(before);
	return rc;
}

int natrisk_store_signal_triage(natrisk_store *s,
                                const natrisk_signal_reader *who,
                                const char *id, const char *body,
                                size_t len, char **json)
{
	signal_job job = { .who = who, .key = id, .body = body, .len = len };
	int rc = db_write(s, triage_work, &job);
	*json = job.json;
	return rc;
}
