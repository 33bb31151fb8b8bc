/*
 * scores.c - scoring a scenario (scoring.h): an analyst's own score or the
 * chair's consolidated one, each checked by the assessment loader against
 * the edition's method, kept with its whole history (rows are added, never
 * changed), and written to the audit log with the value it replaces.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../io/parser_messages.h"
#include "db.h"
#include "edition_rows.h"
#include "score_json.h"

typedef struct score_job {
	int64_t edition;
	const char *key, *criterion;
	bool consolidated;
	const char *json;
	size_t len;
	const char *actor;
	natrisk_diag *diag;
	char method[128];
} score_job;

static bool is_likelihood(const score_job *job)
{
	return strcmp(job->criterion, NATRISK_LIKELIHOOD) == 0;
}

/* TEXT as a JSON string (free it). */
static char *quoted(const char *text)
{
	json_t *value = json_string(text);
	char *out = value ? json_dumps(value, JSON_ENCODE_ANY) : NULL;
	json_decref(value);
	return out;
}

/* The one-scenario file around the score, head first. */
static char *score_head(const score_job *job, const scenario_row *row)
{
	char *key = quoted(job->key), *criterion = quoted(job->criterion);
	size_t size = 256 + strlen(row->likelihood) +
	              (key ? strlen(key) : 0) +
	              (criterion ? strlen(criterion) : 0);
	char *head = key && criterion ? malloc(size) : NULL;
	if (head && is_likelihood(job))
		snprintf(head, size, "{\"id\":%s,\"title\":\"-\",\"kind\":\"%s\","
		         "\"impact\":{},\"likelihood\":", key, row->kind);
	else if (head)
		snprintf(head, size, "{\"id\":%s,\"title\":\"-\",\"kind\":\"%s\","
		         "\"likelihood\":%s,\"impact\":{%s:", key, row->kind,
		         row->likelihood, criterion);
	free(key);
	free(criterion);
	return head;
}

/* NATRISK_ENOTFOUND when the criterion is not the method's. */
static int check_criterion(const score_job *job)
{
	if (is_likelihood(job))
		return 0;
	natrisk_method *m;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_method_load(&m, job->method, NULL, diag);
	natrisk_diag_free(diag);
	if (rc != 0)
		return rc;
	long index = natrisk_method_find_criterion(m, job->criterion,
	                                           strlen(job->criterion));
	natrisk_method_free(m);
	return index >= 0 ? 0 : error_set(NATRISK_ENOTFOUND, "method %s has "
	                                  "no criterion '%s'", job->method,
	                                  job->criterion);
}

/* The score the body gives, checked; NULL in *OUT for "null". */
static int read_score(sqlite3 *db, score_job *job, const scenario_row *row,
                      natrisk_assessment **a, const natrisk_score **out)
{
	*a = NULL;
	*out = NULL;
	json_t *body = json_loadb(job->json, job->len, JSON_DECODE_ANY, NULL);
	bool dropped = json_is_null(body);
	json_decref(body);
	if (dropped && is_likelihood(job)) {
		natrisk_diag_add(job->diag, NATRISK_SEVERITY_ERROR, "request", 1,
		                 1, "a likelihood cannot be dropped: score it");
		return error_set(NATRISK_EINVALID, "the request holds errors");
	}
	if (dropped)
		return check_criterion(job);
	char *head = score_head(job, row);
	if (!head)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = validate_text(db, job->edition, NATRISK_CONFIDENTIAL, head,
	                       job->json, job->len,
	                       is_likelihood(job) ? "}" : "}}", job->diag, a);
	free(head);
	if (rc != 0)
		return check_criterion(job) ? NATRISK_ENOTFOUND : rc;
	const natrisk_scenario *s = natrisk_assessment_scenario(*a, 0);
	*out = is_likelihood(job)
	               ? &s->likelihood
	               : &s->impact[natrisk_method_find_criterion(
	                         natrisk_assessment_method(*a), job->criterion,
	                         strlen(job->criterion))];
	return 0;
}

/* The current score text that this one replaces (free it), or NULL. */
static char *current_score(sqlite3 *db, const score_job *job,
                           const scenario_row *row)
{
	if (job->consolidated && is_likelihood(job))
		return strdup(row->likelihood);
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT score FROM scores WHERE scenario_id = ? AND criterion = ? "
		"AND consolidated = ? AND (consolidated OR author = ?) "
		"ORDER BY id DESC LIMIT 1");
	if (!stmt)
		return NULL;
	sqlite3_bind_int64(stmt, 1, row->id);
	sqlite3_bind_text(stmt, 2, job->criterion, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, job->consolidated);
	sqlite3_bind_text(stmt, 4, job->actor, -1, SQLITE_STATIC);
	char *text = NULL;
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		text = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return text;
}

static int set_likelihood(sqlite3 *db, int64_t scenario_id,
                          const natrisk_score *score)
{
	sqlite3_stmt *stmt = db_prepare(db, "UPDATE scenarios SET likelihood "
	                                    "= ? WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	bind_json(stmt, 1, score_to_json(score, 1));
	sqlite3_bind_int64(stmt, 2, scenario_id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "likelihood");
}

static int write_score(sqlite3 *db, score_job *job, const scenario_row *row,
                       const natrisk_score *score)
{
	if (job->consolidated && is_likelihood(job))
		return set_likelihood(db, row->id, score);
	return insert_score(db, row->id, job->criterion, job->consolidated,
	                    job->actor, score);
}

static int audit_score(sqlite3 *db, const score_job *job, const char *before,
                       const natrisk_score *score)
{
	json_t *value = score ? score_to_json(score, is_likelihood(job)) : NULL;
	char *after = value ? json_dumps(value, JSON_COMPACT |
	                                                JSON_PRESERVE_ORDER |
	                                                JSON_REAL_PRECISION(17))
	                    : NULL;
	json_decref(value);
	char object[200];
	object_name(object, sizeof object, job->edition, job->key,
	            job->criterion);
	int rc = audit_append(db, job->actor, job->consolidated
	                                              ? "score.consolidated"
	                                              : "score",
	                      object, before, after);
	free(after);
	return rc;
}

/* Writes the checked SCORE of JOB (NULL: dropped) with its audit entry. */
static int score_write_audited(sqlite3 *db, score_job *job,
                               const scenario_row *row,
                               const natrisk_score *score)
{
	char *before = current_score(db, job, row);
	int rc = write_score(db, job, row, score);
	if (rc == 0)
		rc = audit_score(db, job, before, score);
	free(before);
	return rc;
}

/* The edition allows JOB's kind of score; its method goes to JOB. */
static int score_allowed(sqlite3 *db, score_job *job)
{
	return edition_require(
		db, job->edition,
		job->consolidated ? WHILE_DRAFT | WHILE_CONSOLIDATION
		                  : WHILE_SCORING,
		job->consolidated ? "consolidated scores change"
		                  : "analysts score", job->method);
}

static int score_work(sqlite3 *db, void *ctx)
{
	score_job *job = ctx;
	int rc = score_allowed(db, job);
	scenario_row row = { 0 };
	if (rc == 0)
		rc = scenario_find(db, job->edition, job->key, &row);
	natrisk_assessment *a = NULL;
	const natrisk_score *score = NULL;
	if (rc == 0)
		rc = read_score(db, job, &row, &a, &score);
	if (rc == 0)
		rc = score_write_audited(db, job, &row, score);
	free(row.likelihood);
	natrisk_assessment_free(a);
	return rc == 0 ? edition_bump(db, job->edition, row.classification) : rc;
}

int natrisk_store_score(natrisk_store *s, int64_t edition,
                        const char *scenario, const char *criterion,
                        bool consolidated, const char *json, size_t len,
                        const char *actor, natrisk_diag *diag)
{
	score_job job = { edition, scenario, criterion, consolidated, json,
		          len, actor, diag, "" };
	return db_write(s, score_work, &job);
}

/* One score of a batch: its job, its text and what the loader made of it. */
typedef struct batch_item {
	score_job job;
	char *text;
	natrisk_assessment *a;
	const natrisk_score *score;
} batch_item;

typedef struct batch_job {
	score_job base; /* edition, scenario, kind, actor, method */
	json_t *scores;
	batch_item *items;
	size_t count;
} batch_job;

/* DIAG's errors into OUT, each under CRITERION (the file it names). */
static void move_errors(const natrisk_diag *diag, natrisk_diag *out,
                        const char *criterion)
{
	for (size_t k = 0; k < natrisk_diag_count(diag); k++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, k);
		if (d->severity == NATRISK_SEVERITY_ERROR)
			natrisk_diag_add(out, d->severity, criterion, d->line,
			                 d->column, "%s", d->message);
	}
}

/* Checks one score of the batch; 0, NATRISK_EINVALID (its problems in the
 * batch's diagnostics) or a failure of the store. */
static int batch_check(sqlite3 *db, batch_job *b, const scenario_row *row,
                       batch_item *item, const char *criterion,
                       json_t *value)
{
	item->job = b->base;
	item->job.criterion = criterion;
	item->job.diag = natrisk_diag_new();
	item->text = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY |
	                                       JSON_REAL_PRECISION(17));
	if (!item->job.diag || !item->text)
		return error_set(NATRISK_ENOMEM, "out of memory");
	item->job.json = item->text;
	item->job.len = strlen(item->text);
	int rc = read_score(db, &item->job, row, &item->a, &item->score);
	if (rc == NATRISK_ENOTFOUND &&
	    natrisk_diag_error_count(item->job.diag) == 0)
		natrisk_diag_add(item->job.diag, NATRISK_SEVERITY_ERROR,
		                 "request", 1, 1, "%s", natrisk_error_last());
	move_errors(item->job.diag, b->base.diag, criterion);
	natrisk_diag_free(item->job.diag);
	item->job.diag = NULL;
	return rc == NATRISK_ENOTFOUND ? NATRISK_EINVALID : rc;
}

/* Checks every score of the batch, each whatever the others gave. */
static int batch_check_all(sqlite3 *db, batch_job *b,
                           const scenario_row *row)
{
	int rc = 0;
	const char *criterion;
	json_t *value;
	json_object_foreach(b->scores, criterion, value) {
		int one = batch_check(db, b, row, &b->items[b->count++],
		                      criterion, value);
		if (one != 0 && one != NATRISK_EINVALID)
			return one;
		if (one != 0)
			rc = one;
	}
	if (rc != 0)
		error_set(rc, "the request holds errors");
	return rc;
}

static int batch_work(sqlite3 *db, void *ctx)
{
	batch_job *b = ctx;
	int rc = score_allowed(db, &b->base);
	scenario_row row = { 0 };
	if (rc == 0)
		rc = scenario_find(db, b->base.edition, b->base.key, &row);
	if (rc == 0)
		rc = batch_check_all(db, b, &row);
	for (size_t k = 0; rc == 0 && k < b->count; k++)
		rc = score_write_audited(db, &b->items[k].job, &row,
		                         b->items[k].score);
	free(row.likelihood);
	if (rc != 0 || b->count == 0)
		return rc;
	return edition_bump(db, b->base.edition, row.classification);
}

/* The body as a JSON object, or NULL with the problem in DIAG. */
static json_t *batch_body(const char *json, size_t len, natrisk_diag *diag)
{
	json_error_t error;
	json_t *body = json_loadb(json, len, JSON_REJECT_DUPLICATES, &error);
	char problem[JSON_ERROR_TEXT_LENGTH * 2];
	if (!body)
		natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, "request",
		                 error.line, error.column, "expected an object "
		                 "{criterion: score, ...}: %s",
		                 json_problem(&error, problem, sizeof problem));
	else if (!json_is_object(body))
		natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, "request", 1, 1,
		                 "expected an object {criterion: score, ...}");
	if (!json_is_object(body)) {
		json_decref(body);
		return NULL;
	}
	return body;
}

int natrisk_store_score_batch(natrisk_store *s, int64_t edition,
                              const char *scenario, bool consolidated,
                              const char *json, size_t len,
                              const char *actor, natrisk_diag *diag)
{
	batch_job b = { { edition, scenario, NULL, consolidated, NULL, 0,
		          actor, diag, "" }, NULL, NULL, 0 };
	b.scores = batch_body(json, len, diag);
	if (!b.scores)
		return error_set(NATRISK_EINVALID, "the request holds errors");
	size_t size = json_object_size(b.scores);
	b.items = calloc(size ? size : 1, sizeof *b.items);
	int rc = b.items ? db_write(s, batch_work, &b)
	                 : error_set(NATRISK_ENOMEM, "out of memory");
	for (size_t k = 0; k < b.count; k++) {
		free(b.items[k].text);
		natrisk_assessment_free(b.items[k].a);
	}
	free(b.items);
	json_decref(b.scores);
	return rc;
}

typedef struct scores_job {
	int64_t edition;
	const char *key, *analyst;
	json_t *analysts;
} scores_job;

/* Adds a row (newest first per author and criterion) to the tree. */
static void add_row(json_t *analysts, sqlite3_stmt *stmt)
{
	const char *author = (const char *)sqlite3_column_text(stmt, 0);
	const char *criterion = (const char *)sqlite3_column_text(stmt, 1);
	const char *text = (const char *)sqlite3_column_text(stmt, 2);
	json_t *score = text ? json_loads(text, 0, NULL) : json_null();
	json_t *at = json_string((const char *)sqlite3_column_text(stmt, 3));
	json_t *mine = json_object_get(analysts, author);
	if (!mine)
		json_object_set_new(analysts, author, mine = json_object());
	json_t *entry = json_object_get(mine, criterion);
	if (!entry) {
		json_object_set_new(mine, criterion,
		                    json_pack("{s:o,s:o,s:[]}", "score", score,
		                              "at", at, "history"));
		return;
	}
	json_array_append_new(json_object_get(entry, "history"),
	                      json_pack("{s:o,s:o}", "score", score, "at", at));
}

static int scores_work(sqlite3 *db, void *ctx)
{
	scores_job *job = ctx;
	scenario_row row;
	int rc = scenario_find(db, job->edition, job->key, &row);
	free(row.likelihood);
	if (rc != 0)
		return rc;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT author, criterion, score, created_at FROM scores WHERE "
		"scenario_id = ? AND consolidated = 0 AND (? IS NULL OR "
		"author = ?) ORDER BY author, criterion, id DESC");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, row.id);
	sqlite3_bind_text(stmt, 2, job->analyst, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, job->analyst, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		add_row(job->analysts, stmt);
	sqlite3_finalize(stmt);
	return 0;
}

int natrisk_store_scores(natrisk_store *s, int64_t edition,
                         const char *scenario, const char *analyst,
                         char **json)
{
	scores_job job = { edition, scenario, analyst, json_object() };
	*json = NULL;
	int rc = job.analysts ? db_read(s, scores_work, &job)
	                      : error_set(NATRISK_ENOMEM, "out of memory");
	json_t *out = rc == 0 ? json_pack("{s:O}", "analysts", job.analysts)
	                      : NULL;
	json_decref(job.analysts);
	if (rc == 0)
		*json = out ? json_dumps(out, JSON_COMPACT | JSON_PRESERVE_ORDER |
		                                      JSON_REAL_PRECISION(17))
		            : NULL;
	json_decref(out);
	return rc != 0 || *json ? rc : error_set(NATRISK_ENOMEM, "out of memory");
}
