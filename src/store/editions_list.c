/*
 * editions_list.c - reading editions (the list, one edition) and moving
 * one through its statuses: draft, scoring, consolidation, published.
 * Publishing is final.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/edition.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"

void natrisk_edition_info_clear(natrisk_edition_info *info)
{
	if (!info)
		return;
	free(info->title);
	free(info->edition);
	free(info->method);
	memset(info, 0, sizeof *info);
}

void natrisk_edition_list_free(natrisk_edition_info *list, size_t count)
{
	for (size_t k = 0; list && k < count; k++)
		natrisk_edition_info_clear(&list[k]);
	free(list);
}

/* 0, or NATRISK_ENOMEM with *E holding nothing. */
static int read_info(sqlite3_stmt *stmt, natrisk_edition_info *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(stmt, 0);
	if (!(e->title = db_column_strdup(stmt, 1)) ||
	    !(e->edition = db_column_strdup(stmt, 2)) ||
	    !(e->method = db_column_strdup(stmt, 3))) {
		natrisk_edition_info_clear(e);
		return NATRISK_ENOMEM;
	}
	natrisk_status_parse((const char *)sqlite3_column_text(stmt, 4),
	                     &e->status);
	e->version = sqlite3_column_int64(stmt, 5);
	for (int k = 0; k <= NATRISK_CONFIDENTIAL; k++)
		e->changes[k] = sqlite3_column_int64(stmt, 6 + k);
	e->previous = sqlite3_column_int64(stmt, 9); /* NULL reads 0 */
	return 0;
}

#define INFO_COLUMNS "id, title, edition, method, status, version, " \
	"changes_public, changes_restricted, changes_confidential, " \
	"previous_id"

int64_t natrisk_edition_version_for(const natrisk_edition_info *info,
                                    natrisk_classification clearance)
{
	int64_t version = 1;
	for (int k = 0; k <= (int)clearance && k <= NATRISK_CONFIDENTIAL; k++)
		version += info->changes[k];
	return version;
}

static int read_info_item(sqlite3_stmt *stmt, void *item)
{
	return read_info(stmt, item);
}

static void clear_info_item(void *item) { natrisk_edition_info_clear(item); }

int natrisk_store_editions(natrisk_store *s, natrisk_edition_info **list,
                           size_t *count)
{
	void *items;
	int rc = db_list(s, "SELECT " INFO_COLUMNS " FROM assessments "
	                 "ORDER BY id DESC", sizeof **list, read_info_item,
	                 clear_info_item, &items, count);
	*list = items;
	return rc;
}

typedef struct get_job {
	int64_t id;
	natrisk_edition_info *info;
} get_job;

static int get_work(sqlite3 *db, void *ctx)
{
	get_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db, "SELECT " INFO_COLUMNS
	                                    " FROM assessments WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->id);
	int rc = sqlite3_step(stmt) == SQLITE_ROW ? read_info(stmt, job->info)
	                                           : NATRISK_ENOTFOUND;
	sqlite3_finalize(stmt);
	return rc != NATRISK_ENOTFOUND ? rc
	                               : error_set(rc, "no edition %lld",
	                                           (long long)job->id);
}

int natrisk_store_edition(natrisk_store *s, int64_t id,
                          natrisk_edition_info *out)
{
	get_job job = { id, out };
	memset(out, 0, sizeof *out);
	return db_read(s, get_work, &job);
}

typedef struct status_job {
	int64_t id;
	natrisk_status status;
	const char *actor;
	natrisk_classification clearance;
} status_job;

/* Whether a scenario of edition ID is classified above CLEARANCE. */
static int any_above(sqlite3 *db, int64_t id,
                     natrisk_classification clearance, bool *above)
{
	static const char *const sql[] = {
		"SELECT EXISTS (SELECT 1 FROM scenarios WHERE assessment_id = ? "
		"AND classification <> 'public')",
		"SELECT EXISTS (SELECT 1 FROM scenarios WHERE assessment_id = ? "
		"AND classification = 'confidential')",
		"SELECT 0 WHERE ? IS NOT NULL",
	};
	sqlite3_stmt *stmt = db_prepare(db, sql[clearance]);
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, id);
	*above = sqlite3_step(stmt) == SQLITE_ROW &&
	         sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return 0;
}

static int status_work(sqlite3 *db, void *ctx)
{
	status_job *job = ctx;
	natrisk_edition_info info = { 0 };
	get_job get = { job->id, &info };
	int rc = get_work(db, &get);
	natrisk_status was = info.status;
	natrisk_edition_info_clear(&info);
	if (rc != 0)
		return rc;
	if (was == NATRISK_STATUS_PUBLISHED)
		return error_set(NATRISK_EIMMUTABLE, "edition %lld is "
		                 "published and cannot change",
		                 (long long)job->id);
	bool above = false;
	if (job->status == NATRISK_STATUS_PUBLISHED &&
	    (rc = any_above(db, job->id, job->clearance, &above)) != 0)
		return rc;
	if (above)
		return error_set(NATRISK_EDENIED, "publishing an edition takes a "
		                 "clearance for every scenario in it");
	sqlite3_stmt *stmt = db_prepare(db,
		"UPDATE assessments SET status = ?, version = version + 1, "
		"changes_public = changes_public + 1 WHERE id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, natrisk_status_name(job->status), -1,
	                  SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, job->id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return db_error(db, "status");
	char object[48], before[64], after[64];
	snprintf(object, sizeof object, "edition:%lld", (long long)job->id);
	snprintf(before, sizeof before, "{\"status\": \"%s\"}",
	         natrisk_status_name(was));
	snprintf(after, sizeof after, "{\"status\": \"%s\"}",
	         natrisk_status_name(job->status));
	return audit_append(db, job->actor, "edition.status", object, before,
	                    after);
}

int natrisk_store_set_status(natrisk_store *s, int64_t id,
                             natrisk_status status, const char *actor,
                             natrisk_classification clearance)
{
	status_job job = { id, status, actor, clearance };
	return db_write(s, status_work, &job);
}

typedef struct previous_job {
	int64_t id, previous;
	const char *actor;
} previous_job;

static int previous_work(sqlite3 *db, void *ctx)
{
	previous_job *job = ctx;
	natrisk_edition_info info = { 0 }, before = { 0 };
	get_job get = { job->id, &info };
	int rc = edition_require(db, job->id, UNTIL_PUBLISHED,
	                         "the edition it follows changes", NULL);
	if (rc == 0)
		rc = get_work(db, &get);
	get_job other = { job->previous, &before };
	if (rc == 0 && job->previous == job->id)
		rc = error_set(NATRISK_EINVALID, "an edition cannot follow "
		               "itself");
	else if (rc == 0 && job->previous)
		rc = get_work(db, &other);
	int64_t was = info.previous;
	natrisk_edition_info_clear(&info);
	natrisk_edition_info_clear(&before);
	sqlite3_stmt *stmt = rc == 0 ? db_prepare(db,
		"UPDATE assessments SET previous_id = ? WHERE id = ?") : NULL;
	if (rc != 0 || !stmt)
		return rc != 0 ? rc : NATRISK_EIO;
	if (job->previous)
		sqlite3_bind_int64(stmt, 1, job->previous);
	sqlite3_bind_int64(stmt, 2, job->id);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return db_error(db, "previous");
	char object[48], old[24], now[24];
	snprintf(object, sizeof object, "edition:%lld", (long long)job->id);
	snprintf(old, sizeof old, "%lld", (long long)was);
	snprintf(now, sizeof now, "%lld", (long long)job->previous);
	rc = audit_append(db, job->actor, "edition.previous", object,
	                  was ? old : "null",
	                  job->previous ? now : "null");
	/* every reader's diagram and report change with it */
	return rc == 0 ? edition_bump(db, job->id, NATRISK_PUBLIC) : rc;
}

int natrisk_store_set_previous(natrisk_store *s, int64_t id, int64_t previous,
                               const char *actor)
{
	previous_job job = { id, previous, actor };
	return db_write(s, previous_work, &job);
}

typedef struct access_job {
	int64_t edition;
	const char *scenario, *analyst;
	natrisk_classification classification;
	bool assigned;
} access_job;

static int access_work(sqlite3 *db, void *ctx)
{
	access_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT s.classification, EXISTS (SELECT 1 FROM assignments a "
		"WHERE a.scenario_id = s.id AND a.analyst = ?) FROM scenarios s "
		"WHERE s.assessment_id = ? AND s.key = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, job->analyst ? job->analyst : "", -1,
	                  SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, job->edition);
	sqlite3_bind_text(stmt, 3, job->scenario, -1, SQLITE_STATIC);
	int found = sqlite3_step(stmt) == SQLITE_ROW;
	if (found) {
		natrisk_classification_parse(
			(const char *)sqlite3_column_text(stmt, 0),
			&job->classification);
		job->assigned = sqlite3_column_int(stmt, 1) != 0;
	}
	sqlite3_finalize(stmt);
	return found ? 0 : error_set(NATRISK_ENOTFOUND, "no such scenario");
}

int natrisk_store_scenario_access(natrisk_store *s, int64_t edition,
                                  const char *scenario, const char *analyst,
                                  natrisk_classification *classification,
                                  bool *assigned)
{
	access_job job = { edition, scenario, analyst, NATRISK_CONFIDENTIAL,
		           false };
	int rc = db_read(s, access_work, &job);
	*classification = job.classification;
	*assigned = job.assigned;
	return rc;
}
