/*
 * chairs.c - an edition's own chairs (edition.h): the chairs who manage
 * it (its status, scenarios, assignments and consolidation). The chair
 * who uploads an edition is its first chair; `natrisk import --chair`
 * names them from the CLI; its chairs or an admin name others. An
 * edition without chairs is managed by admins alone.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/edition.h>

#include "../core/error.h"
#include "db.h"
#include "edition_rows.h"

enum { MAX_CHAIRS = 64 };

/* Whether NAME is an enabled user of the chair role. */
static int check_chair(sqlite3 *db, const char *name)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT role = 'chair' AND "
	                                    "disabled = 0 FROM users WHERE "
	                                    "name = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	int rc;
	if (sqlite3_step(stmt) != SQLITE_ROW)
		rc = error_set(NATRISK_EINVALID, "there is no user %s", name);
	else if (!sqlite3_column_int(stmt, 0))
		rc = error_set(NATRISK_EINVALID, "%s is not an enabled chair",
		               name);
	else
		rc = 0;
	sqlite3_finalize(stmt);
	return rc;
}

static json_t *chairs_of(sqlite3 *db, int64_t edition)
{
	json_t *names = json_array();
	sqlite3_stmt *stmt = db_prepare(db, "SELECT chair FROM edition_chairs "
	                                    "WHERE assessment_id = ? ORDER BY "
	                                    "chair");
	if (!stmt || !names) {
		sqlite3_finalize(stmt);
		json_decref(names);
		return NULL;
	}
	sqlite3_bind_int64(stmt, 1, edition);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		json_array_append_new(names, json_string((const char *)
			sqlite3_column_text(stmt, 0)));
	sqlite3_finalize(stmt);
	return names;
}

int chairs_replace(sqlite3 *db, int64_t edition, const char *const *names,
                   size_t count)
{
	if (count > MAX_CHAIRS)
		return error_set(NATRISK_EINVALID, "at most %d chairs",
		                 MAX_CHAIRS);
	int rc = 0;
	for (size_t k = 0; rc == 0 && k < count; k++)
		rc = check_chair(db, names[k]);
	sqlite3_stmt *del = rc == 0 ? db_prepare(db, "DELETE FROM "
	                                             "edition_chairs WHERE "
	                                             "assessment_id = ?")
	                            : NULL;
	if (rc != 0 || !del)
		return rc != 0 ? rc : NATRISK_EIO;
	sqlite3_bind_int64(del, 1, edition);
	int step = sqlite3_step(del);
	sqlite3_finalize(del);
	sqlite3_stmt *add = step == SQLITE_DONE
	                            ? db_prepare(db, "INSERT OR IGNORE INTO "
	                                             "edition_chairs VALUES "
	                                             "(?, ?)")
	                            : NULL;
	if (!add)
		return step == SQLITE_DONE ? NATRISK_EIO
		                           : db_error(db, "chairs");
	for (size_t k = 0; rc == 0 && k < count; k++) {
		sqlite3_reset(add);
		sqlite3_bind_int64(add, 1, edition);
		sqlite3_bind_text(add, 2, names[k], -1, SQLITE_STATIC);
		if (sqlite3_step(add) != SQLITE_DONE)
			rc = db_error(db, "chairs");
	}
	sqlite3_finalize(add);
	return rc;
}

typedef struct chairs_job {
	int64_t edition;
	const char *const *names;
	size_t count;
	const char *actor;
	const char *who;  /* is_chair: the user asked about */
	bool found;
	char *json;
} chairs_job;

static int set_work(sqlite3 *db, void *ctx)
{
	chairs_job *job = ctx;
	int rc = edition_require(db, job->edition, UNTIL_PUBLISHED,
	                         "its chairs change", NULL);
	json_t *before = rc == 0 ? chairs_of(db, job->edition) : NULL;
	if (rc == 0)
		rc = chairs_replace(db, job->edition, job->names, job->count);
	json_t *after = rc == 0 ? chairs_of(db, job->edition) : NULL;
	char object[48];
	snprintf(object, sizeof object, "edition:%lld",
	         (long long)job->edition);
	if (rc == 0)
		rc = audit_json_change(db, job->actor, "edition.chairs", object,
		                       before, after);
	json_decref(before);
	json_decref(after);
	/* every reader sees who chairs an edition */
	return rc == 0 ? edition_bump(db, job->edition, NATRISK_PUBLIC) : rc;
}

int natrisk_store_set_chairs(natrisk_store *s, int64_t edition,
                             const char *const *names, size_t count,
                             const char *actor)
{
	chairs_job job = { .edition = edition, .names = names, .count = count,
		           .actor = actor };
	return db_write(s, set_work, &job);
}

static int list_work(sqlite3 *db, void *ctx)
{
	chairs_job *job = ctx;
	json_t *names = chairs_of(db, job->edition);
	job->json = names ? json_dumps(names, JSON_COMPACT) : NULL;
	json_decref(names);
	return job->json ? 0 : error_set(NATRISK_ENOMEM, "out of memory");
}

int natrisk_store_chairs(natrisk_store *s, int64_t edition, char **json)
{
	chairs_job job = { .edition = edition };
	int rc = db_read(s, list_work, &job);
	*json = job.json;
	return rc;
}

static int is_chair_work(sqlite3 *db, void *ctx)
{
	chairs_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db, "SELECT 1 FROM edition_chairs "
	                                    "WHERE assessment_id = ? AND "
	                                    "chair = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->edition);
	sqlite3_bind_text(stmt, 2, job->who, -1, SQLITE_STATIC);
	job->found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return 0;
}

int natrisk_store_is_chair(natrisk_store *s, int64_t edition,
                           const char *name, bool *is_chair)
{
	chairs_job job = { .edition = edition, .who = name };
	int rc = db_read(s, is_chair_work, &job);
	*is_chair = rc == 0 && job.found;
	return rc;
}
