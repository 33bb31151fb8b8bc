/*
 * action_log.c - the status log of a published edition's actions
 * (register_store.h). The plan file's own log stays in the measure's
 * body; what owners and chairs report afterwards is a row of action_log,
 * which triggers keep from any UPDATE or DELETE, and every read of the
 * plan appends those rows to the log of their action, so that the plan
 * file, its export and the register all hold the whole log.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/progress.h>
#include <natrisk/register_store.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "db.h"
#include "edition_rows.h"
#include "plan_write.h"
#include "register_rows.h"

/* The longest note a status update may carry. */
enum { NOTE_MAX = 2000 };

json_t *action_find(const json_t *measure_body, const char *action)
{
	size_t k;
	json_t *item;
	json_array_foreach(json_object_get(measure_body, "actions"), k, item)
		if (strcmp(json_string_value(json_object_get(item, "id")) ?: "",
		           action) == 0)
			return item;
	return NULL;
}

/* Appends the log entry of the row STMT is on to its action in ROWS. */
static int attach_row(plan_rows *rows, sqlite3_stmt *stmt)
{
	plan_item_row *m = plan_rows_find(
		rows, NATRISK_PLAN_MEASURES,
		(const char *)sqlite3_column_text(stmt, 0));
	json_t *action = m ? action_find(m->body, (const char *)
	                                 sqlite3_column_text(stmt, 1))
	                   : NULL;
	if (!action)
		return 0;
	json_t *log = json_object_get(action, "log");
	if (!json_is_array(log))
		json_object_set_new(action, "log", log = json_array());
	json_t *entry = json_pack(
		"{s:s,s:s}", "date", (const char *)sqlite3_column_text(stmt, 2),
		"status", (const char *)sqlite3_column_text(stmt, 3));
	if (entry && sqlite3_column_text(stmt, 4))
		json_object_set_new(entry, "note",
		                    json_string((const char *)
		                                sqlite3_column_text(stmt, 4)));
	if (!entry || json_array_append_new(log, entry) != 0)
		return error_set(NATRISK_ENOMEM, "out of memory");
	return 0;
}

int action_log_attach(sqlite3 *db, plan_rows *rows)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT measure, action, date, status, note FROM action_log "
		"WHERE assessment_id = ? ORDER BY id");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, rows->edition);
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW)
		rc = attach_row(rows, stmt);
	sqlite3_finalize(stmt);
	return rc;
}

/* Whether a string of LIST is one of NAMES. */
static bool names_one_of(const json_t *list, const char *const *names,
                         size_t count)
{
	size_t k;
	json_t *id;
	json_array_foreach(list, k, id)
		for (size_t i = 0; i < count; i++)
			if (strcmp(json_string_value(id) ?: "", names[i]) == 0)
				return true;
	return false;
}

bool action_owned(const plan_rows *rows, const plan_item_row *measure,
                  const natrisk_register_reader *reader)
{
	if (!reader->organisations)
		return true;
	const char *const *orgs = reader->organisations;
	size_t n = reader->organisation_count;
	if (names_one_of(json_object_get(measure->body, "owners"), orgs, n))
		return true;
	for (size_t k = 0; k < rows->count; k++) {
		const plan_item_row *a = &rows->items[k];
		const char *decision = json_string_value(json_object_get(
			json_object_get(a->body, "decision"), "status"));
		if (a->kind != NATRISK_PLAN_ADVICE || a->hidden ||
		    strcmp(decision ?: "", "adopted") != 0)
			continue;
		const char *id = measure->key;
		if (names_one_of(json_object_get(a->body, "measures"), &id, 1) &&
		    names_one_of(json_object_get(a->body, "owners"), orgs, n))
			return true;
	}
	return false;
}

typedef struct action_job {
	int64_t edition;
	const char *measure, *action;
	const natrisk_register_reader *reader;
	natrisk_classification clearance;
	bool *owns;
	json_t *body; /* the update, or the answer */
	const natrisk_date *today;
	const char *actor;
} action_job;

/* The visible measure and its action in ROWS (read at CLEARANCE), or
 * NATRISK_ENOTFOUND. */
static int find_visible_action(sqlite3 *db, const action_job *job,
                               natrisk_classification clearance,
                               plan_rows *rows, plan_item_row **measure,
                               json_t **action)
{
	int rc = plan_rows_read(db, job->edition, clearance, rows);
	if (rc != 0)
		return rc;
	*measure = plan_rows_find(rows, NATRISK_PLAN_MEASURES, job->measure);
	*action = *measure && !(*measure)->hidden
	                  ? action_find((*measure)->body, job->action)
	                  : NULL;
	return *action ? 0 : error_set(NATRISK_ENOTFOUND, "no such action");
}

static int access_work(sqlite3 *db, void *ctx)
{
	action_job *job = ctx;
	plan_rows rows;
	plan_item_row *measure;
	json_t *action;
	int rc = find_visible_action(db, job, job->reader->clearance, &rows,
	                             &measure, &action);
	if (rc == 0)
		*job->owns = action_owned(&rows, measure, job->reader);
	plan_rows_free(&rows);
	return rc;
}

int natrisk_store_action_access(natrisk_store *s, int64_t edition,
                                const char *measure, const char *action,
                                const natrisk_register_reader *reader,
                                bool *owns)
{
	action_job job = { .edition = edition, .measure = measure,
		           .action = action, .reader = reader, .owns = owns };
	*owns = false;
	return db_read(s, access_work, &job);
}

/* The date of the last entry of ACTION's log into *LAST; false when it
 * has none. */
static bool last_date(const json_t *action, natrisk_date *last)
{
	json_t *log = json_object_get(action, "log");
	size_t n = json_array_size(log);
	return n > 0 &&
	       natrisk_date_parse(json_string_value(json_object_get(
	                                  json_array_get(log, n - 1), "date"))
	                                  ?: "",
	                          last) == 0;
}

static bool is_status(const char *text)
{
	for (int k = NATRISK_ACTION_PLANNED; text && k <= NATRISK_ACTION_DROPPED;
	     k++)
		if (strcmp(text, natrisk_action_status_name(k)) == 0)
			return true;
	return false;
}

/* The update's fields, checked: 0 with *DATE, or NATRISK_EINVALID. */
static int check_update(const action_job *job, const json_t *action,
                        natrisk_date *date)
{
	const json_t *b = job->body;
	json_t *note = json_object_get(b, "note");
	json_t *when = json_object_get(b, "date");
	size_t known = 1 + (note != NULL) + (when != NULL);
	if (!json_is_object(b) || json_object_size(b) != known ||
	    !is_status(json_string_value(json_object_get(b, "status"))))
		return error_set(NATRISK_EINVALID, "expected {\"status\": "
		                 "planned|on-track|late|done|dropped, \"note\", "
		                 "\"date\": YYYY-MM-DD}");
	if (note && !json_is_null(note) &&
	    (!json_is_string(note) || json_string_length(note) > NOTE_MAX))
		return error_set(NATRISK_EINVALID, "a note is text of at most "
		                 "%d bytes", NOTE_MAX);
	*date = *job->today;
	if (when && (!json_is_string(when) ||
	             natrisk_date_parse(json_string_value(when), date) != 0))
		return error_set(NATRISK_EINVALID, "the date is a real date "
		                 "YYYY-MM-DD");
	natrisk_date last;
	char text[11];
	if (natrisk_date_compare(date, job->today) > 0)
		return error_set(NATRISK_EINVALID, "a status cannot be dated "
		                 "after today (%s)",
		                 natrisk_date_format(job->today, text));
	if (last_date(action, &last) && natrisk_date_compare(date, &last) < 0)
		return error_set(NATRISK_EINVALID, "the log is append-only: its "
		                 "last entry is dated %s, and a new one cannot "
		                 "come before it",
		                 natrisk_date_format(&last, text));
	return 0;
}

/* The edition is published: the plan is settled and its actions run. */
static int require_published(sqlite3 *db, int64_t edition)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT status FROM assessments "
	                                    "WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, edition);
	natrisk_status status = NATRISK_STATUS_DRAFT;
	bool found = sqlite3_step(stmt) == SQLITE_ROW;
	if (found)
		natrisk_status_parse((const char *)sqlite3_column_text(stmt, 0),
		                     &status);
	sqlite3_finalize(stmt);
	if (!found)
		return error_set(NATRISK_ENOTFOUND, "no edition %lld",
		                 (long long)edition);
	if (status == NATRISK_STATUS_PUBLISHED)
		return 0;
	return error_set(NATRISK_ECONFLICT, "edition %lld is in %s: its "
	                 "actions report their status once it is published "
	                 "(until then the plan itself changes)",
	                 (long long)edition,
	                 msg_tr(natrisk_status_name(status)));
}

static int insert_entry(sqlite3 *db, const action_job *job,
                        const char *date)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO action_log (assessment_id, measure, action, date, "
		"status, note, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
		"?)");
	if (!stmt)
		return NATRISK_EIO;
	char now[21];
	db_now(now);
	json_t *note = json_object_get(job->body, "note");
	sqlite3_bind_int64(stmt, 1, job->edition);
	sqlite3_bind_text(stmt, 2, job->measure, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, job->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, json_string_value(json_object_get(
		                           job->body, "status")), -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, json_string_value(note), -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, job->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, now, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "action log");
}

/* The audit entry: the action's last entry before, the new one after. */
static int audit_status(sqlite3 *db, const action_job *job,
                        const json_t *action, const char *date)
{
	json_t *log = json_object_get(action, "log");
	json_t *last = json_array_get(log, json_array_size(log) - 1);
	json_t *after = json_pack("{s:s,s:O}", "date", date, "status",
	                          json_object_get(job->body, "status"));
	json_t *note = json_object_get(job->body, "note");
	if (after && json_is_string(note))
		json_object_set(after, "note", note);
	char *before_text = last ? json_dumps(last, JSON_COMPACT) : NULL;
	char *after_text = after ? json_dumps(after, JSON_COMPACT) : NULL;
	json_decref(after);
	char object[256];
	snprintf(object, sizeof object, "edition:%lld/plan/measures/%s/"
	         "actions/%s", (long long)job->edition, job->measure,
	         job->action);
	int rc = after_text ? audit_append(db, job->actor, "plan.action.status",
	                                   object, before_text, after_text)
	                    : error_set(NATRISK_ENOMEM, "out of memory");
	free(before_text);
	free(after_text);
	return rc;
}

static int status_work(sqlite3 *db, void *ctx)
{
	action_job *job = ctx;
	int rc = require_published(db, job->edition);
	plan_rows rows = { 0 };
	plan_item_row *measure = NULL;
	json_t *action = NULL;
	if (rc == 0)
		rc = find_visible_action(db, job, job->clearance, &rows,
		                         &measure, &action);
	natrisk_date date;
	char text[11];
	if (rc == 0)
		rc = check_update(job, action, &date);
	if (rc == 0)
		rc = insert_entry(db, job, natrisk_date_format(&date, text));
	if (rc == 0)
		rc = audit_status(db, job, action, text);
	natrisk_classification level = NATRISK_CONFIDENTIAL;
	if (rc == 0)
		rc = plan_item_level(db, job->edition, NATRISK_PLAN_MEASURES,
		                     job->measure, &level);
	if (rc == 0)
		rc = edition_bump(db, job->edition, level);
	plan_rows_free(&rows);
	return rc;
}

int natrisk_store_action_status(natrisk_store *s, int64_t edition,
                                const char *measure, const char *action,
                                const char *json, size_t len,
                                const natrisk_date *today, const char *actor,
                                natrisk_classification clearance)
{
	json_t *body = json_loadb(json, len, 0, NULL);
	action_job job = { .edition = edition, .measure = measure,
		           .action = action, .clearance = clearance,
		           .body = body, .today = today, .actor = actor };
	int rc = body ? db_write(s, status_work, &job)
	              : error_set(NATRISK_EINVALID, "the body is not JSON");
	json_decref(body);
	return rc;
}

/* The entries of the action that action_log holds, oldest first, with
 * who wrote them and when. */
static json_t *reported(sqlite3 *db, const action_job *job)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT author, created_at FROM action_log WHERE assessment_id "
		"= ? AND measure = ? AND action = ? ORDER BY id");
	json_t *out = json_array();
	if (!stmt)
		return out;
	sqlite3_bind_int64(stmt, 1, job->edition);
	sqlite3_bind_text(stmt, 2, job->measure, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, job->action, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		json_array_append_new(
			out, json_pack("{s:s,s:s}", "by",
			               (const char *)sqlite3_column_text(stmt, 0),
			               "at",
			               (const char *)sqlite3_column_text(stmt, 1)));
	sqlite3_finalize(stmt);
	return out;
}

/* The action's log, each entry with by and at (null for the file's). */
static json_t *log_with_authors(sqlite3 *db, const action_job *job,
                                const json_t *action)
{
	json_t *log = json_deep_copy(json_object_get(action, "log"));
	if (!json_is_array(log)) {
		json_decref(log);
		log = json_array();
	}
	json_t *authors = reported(db, job);
	size_t n = json_array_size(log), m = json_array_size(authors);
	for (size_t k = 0; k < n; k++) {
		json_t *entry = json_array_get(log, k);
		json_t *who = k + m >= n ? json_array_get(authors, k + m - n)
		                         : NULL;
		json_object_set(entry, "by", who ? json_object_get(who, "by")
		                                 : json_null());
		json_object_set(entry, "at", who ? json_object_get(who, "at")
		                                 : json_null());
	}
	json_decref(authors);
	return log;
}

static int log_work(sqlite3 *db, void *ctx)
{
	action_job *job = ctx;
	plan_rows rows;
	plan_item_row *measure;
	json_t *action;
	int rc = find_visible_action(db, job, job->clearance, &rows, &measure,
	                             &action);
	if (rc == 0)
		job->body = json_pack(
			"{s:s,s:s,s:O,s:O,s:o}", "measure", job->measure,
			"action", job->action, "what",
			json_object_get(action, "what"), "due",
			json_object_get(action, "due"), "log",
			log_with_authors(db, job, action));
	if (rc == 0 && !job->body)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	plan_rows_free(&rows);
	return rc;
}

int natrisk_store_action_log(natrisk_store *s, int64_t edition,
                             const char *measure, const char *action,
                             natrisk_classification clearance, char **json)
{
	action_job job = { .edition = edition, .measure = measure,
		           .action = action, .clearance = clearance };
	int rc = db_read(s, log_work, &job);
	*json = rc == 0 ? json_dumps(job.body, JSON_COMPACT |
	                                               JSON_PRESERVE_ORDER)
	                : NULL;
	json_decref(job.body);
	if (rc == 0 && !*json)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	return rc;
}
