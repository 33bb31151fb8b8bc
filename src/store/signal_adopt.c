/*
 * signal_adopt.c - a proposal made a scenario in one action (signals.h):
 * the newest triage decision of a signal proposes a new scenario of an
 * edition; a chair of that edition (the server decides who) adds it,
 * with the proposal's title and description unless the body gives
 * others, in the transaction that records which scenario the signal
 * became and audits it. The scenario is classified at least as the
 * signal: it carries the signal's words, and a reader who may not see
 * the signal may not see them there either.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"
#include "signal_rows.h"

/* The adoptable proposal of a signal, and the signal's level as the
 * reader sees it. */
typedef struct proposal {
	int64_t signal_id, edition;
	char *title, *description;
	natrisk_classification level;
} proposal;

static void proposal_clear(proposal *p)
{
	free(p->title);
	free(p->description);
	memset(p, 0, sizeof *p);
}

/* Whether signal ID has become a scenario: 1, 0, or a code. */
static int adopted_already(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT 1 FROM signal_adoptions "
	                                    "WHERE signal_id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return db_error(db, "signals");
	return step == SQLITE_ROW;
}

/* Reads the newest decision on signal ID into P when it proposes a new
 * scenario; NATRISK_ECONFLICT when it does not. */
static int newest_proposal(sqlite3 *db, int64_t id, proposal *p)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT decision = 'propose' AND scenario_id IS NULL AND "
		"assessment_id IS NOT NULL, title, description, assessment_id "
		"FROM signal_triage WHERE signal_id = ? ORDER BY id DESC "
		"LIMIT 1");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, id);
	int step = sqlite3_step(stmt);
	int rc = 0;
	if (step == SQLITE_ROW && sqlite3_column_int(stmt, 0)) {
		p->signal_id = id;
		p->edition = sqlite3_column_int64(stmt, 3);
		p->title = db_column_strdup(stmt, 1);
		p->description = sqlite3_column_type(stmt, 2) == SQLITE_NULL
		                         ? NULL
		                         : db_column_strdup(stmt, 2);
		if (!p->title)
			rc = error_set(NATRISK_ENOMEM, "out of memory");
	} else if (step == SQLITE_ROW || step == SQLITE_DONE) {
		rc = error_set(NATRISK_ECONFLICT, "only a proposal of a new "
		               "scenario becomes a scenario, and the signal's "
		               "newest decision is not one");
	} else {
		rc = db_error(db, "signals");
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Signal KEY as WHO sees it, with a proposal of a new scenario that has
 * not become one yet, into P. */
static int find_proposal(sqlite3 *db, const natrisk_signal_reader *who,
                         const char *key, proposal *p)
{
	signal_found found;
	int rc = signal_find(db, who, key, &found);
	if (rc == 0) {
		p->level = found.level;
		rc = newest_proposal(db, found.id, p);
	}
	int done = rc == 0 ? adopted_already(db, found.id) : 0;
	if (done < 0)
		rc = done;
	else if (done)
		rc = error_set(NATRISK_ECONFLICT, "the signal has become a "
		               "scenario already");
	if (rc != 0)
		proposal_clear(p);
	return rc;
}

typedef struct adopt_job {
	const natrisk_signal_reader *who;
	const char *key, *body;
	size_t len;
	int64_t edition;
	natrisk_diag *diag;
	char *json;
} adopt_job;

static int proposal_work(sqlite3 *db, void *ctx)
{
	adopt_job *job = ctx;
	proposal p = { 0 };
	int rc = find_proposal(db, job->who, job->key, &p);
	job->edition = p.edition;
	proposal_clear(&p);
	return rc;
}

int natrisk_store_signal_proposal(natrisk_store *s,
                                  const natrisk_signal_reader *who,
                                  const char *key, int64_t *edition)
{
	adopt_job job = { .who = who, .key = key };
	int rc = db_read(s, proposal_work, &job);
	*edition = rc == 0 ? job.edition : 0;
	return rc;
}

/* BODY (a JSON object of scenario fields) completed from the proposal:
 * its title and description unless BODY gives them, and a
 * classification of at least the signal's level (that level unless BODY
 * gives one). NULL with the error set otherwise. */
static json_t *scenario_body(const adopt_job *job, const proposal *p)
{
	natrisk_classification level = p->level;
	json_t *body = json_loadb(job->body, job->len, 0, NULL);
	if (!json_is_object(body)) {
		json_decref(body);
		error_set(NATRISK_EINVALID, "expected a JSON object of the "
		          "scenario's fields");
		return NULL;
	}
	if (!json_object_get(body, "title"))
		json_object_set_new(body, "title", json_string(p->title));
	if (!json_object_get(body, "description") && p->description)
		json_object_set_new(body, "description",
		                    json_string(p->description));
	natrisk_classification given;
	json_t *classification = json_object_get(body, "classification");
	if (!classification)
		json_object_set_new(body, "classification", json_string(
			natrisk_classification_name(level)));
	else if (natrisk_classification_parse(
		         json_string_value(classification), &given) == 0 &&
	         given < level) {
		error_set(NATRISK_EINVALID, "the signal is %s: the scenario it "
		          "becomes is classified %s or higher",
		          natrisk_classification_name(level),
		          natrisk_classification_name(level));
		json_decref(body);
		return NULL;
	}
	return body;
}

/* Records that signal P became scenario KEY of P's edition. */
static int record_adoption(sqlite3 *db, const adopt_job *job,
                           const proposal *p, const char *key)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO signal_adoptions (signal_id, scenario_id, author, "
		"created_at) SELECT ?, id, ?, ? FROM scenarios WHERE "
		"assessment_id = ? AND key = ?");
	if (!stmt)
		return NATRISK_EIO;
	char now[21];
	db_now(now);
	sqlite3_bind_int64(stmt, 1, p->signal_id);
	sqlite3_bind_text(stmt, 2, job->who->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, p->edition);
	sqlite3_bind_text(stmt, 5, key, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE || sqlite3_changes(db) != 1)
		return db_error(db, "signals");
	char object[64];
	snprintf(object, sizeof object, "signal:%s", job->key);
	json_t *after = json_pack("{s:I, s:s}", "edition",
	                          (json_int_t)p->edition, "scenario", key);
	int rc = after ? audit_created(db, job->who->name, "signal.adopt",
	                               object, after)
	               : error_set(NATRISK_ENOMEM, "out of memory");
	json_decref(after);
	return rc;
}

static int adopt_work(sqlite3 *db, void *ctx)
{
	adopt_job *job = ctx;
	proposal p = { 0 };
	int rc = find_proposal(db, job->who, job->key, &p);
	if (rc == 0 && p.edition != job->edition)
		rc = error_set(NATRISK_ECONFLICT, "the proposal has changed; "
		               "read the signal again");
	json_t *body = rc == 0 ? scenario_body(job, &p) : NULL;
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	if (rc == 0 && !text)
		rc = body ? error_set(NATRISK_ENOMEM, "out of memory")
		          : NATRISK_EINVALID;
	char *key = NULL;
	if (rc == 0)
		rc = scenario_add_tx(db, p.edition, text, strlen(text),
		                     job->who->name, job->who->clearance,
		                     job->diag, &key);
	if (rc == 0)
		rc = record_adoption(db, job, &p, key);
	json_t *signal = NULL;
	if (rc == 0)
		rc = signal_read_json(db, job->who, job->key, &signal);
	if (rc == 0 && !(job->json = json_dumps(signal, JSON_COMPACT |
	                                                 JSON_PRESERVE_ORDER)))
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	json_decref(signal);
	free(key);
	free(text);
	json_decref(body);
	proposal_clear(&p);
	return rc;
}

int natrisk_store_signal_adopt(natrisk_store *s,
                               const natrisk_signal_reader *who,
                               const char *key, int64_t edition,
                               const char *body, size_t len,
                               natrisk_diag *diag, char **json)
{
	adopt_job job = { .who = who, .key = key, .body = body, .len = len,
		          .edition = edition, .diag = diag };
	int rc = db_write(s, adopt_work, &job);
	if (rc != 0) {
		free(job.json);
		job.json = NULL;
	}
	*json = job.json;
	return rc;
}
