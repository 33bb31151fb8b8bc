/*
 * user_organisations.c - who an owner is (register_store.h): the
 * organisations a user belongs to, which the admin sets, and each
 * user's token for the reminders' feed, of which the database keeps
 * only the hash, as of a session's.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/register_store.h>

#include "../core/error.h"
#include "db.h"

/* An organisation's id as a plan file writes one: [a-z0-9-]+. */
static bool valid_organisation(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 64)
		return false;
	for (size_t k = 0; k < n; k++)
		if (!((id[k] >= 'a' && id[k] <= 'z') ||
		      (id[k] >= '0' && id[k] <= '9') || id[k] == '-'))
			return false;
	return true;
}

typedef struct organisations_job {
	const char *name, *actor;
	const char *const *names;
	size_t count;
	int64_t user_id;
} organisations_job;

static int user_id_of(sqlite3 *db, const char *name, int64_t *id)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id FROM users WHERE "
	                                    "name = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	bool found = sqlite3_step(stmt) == SQLITE_ROW;
	if (found)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return found ? 0 : error_set(NATRISK_ENOTFOUND, "no user '%s'", name);
}

/* The organisations of USER_ID as a JSON array's text (malloc'd). */
static char *organisations_text(sqlite3 *db, int64_t user_id)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT json_group_array(organisation) FROM (SELECT "
		"organisation FROM user_organisations WHERE user_id = ? ORDER "
		"BY organisation)");
	if (!stmt)
		return NULL;
	sqlite3_bind_int64(stmt, 1, user_id);
	char *text = sqlite3_step(stmt) == SQLITE_ROW
	                     ? db_column_strdup(stmt, 0)
	                     : NULL;
	sqlite3_finalize(stmt);
	return text;
}

static int insert_organisation(sqlite3 *db, int64_t user_id, const char *id)
{
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT OR IGNORE INTO user_organisations (user_id, "
		"organisation) VALUES (?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, user_id);
	sqlite3_bind_text(stmt, 2, id, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "organisations");
}

static int set_organisations(sqlite3 *db, void *ctx)
{
	organisations_job *job = ctx;
	int rc = user_id_of(db, job->name, &job->user_id);
	if (rc != 0)
		return rc;
	char *before = organisations_text(db, job->user_id);
	sqlite3_stmt *stmt = db_prepare(db, "DELETE FROM user_organisations "
	                                    "WHERE user_id = ?");
	if (!stmt)
		rc = NATRISK_EIO;
	if (stmt) {
		sqlite3_bind_int64(stmt, 1, job->user_id);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = db_error(db, "organisations");
		sqlite3_finalize(stmt);
	}
	for (size_t k = 0; rc == 0 && k < job->count; k++)
		rc = insert_organisation(db, job->user_id, job->names[k]);
	char *after = rc == 0 ? organisations_text(db, job->user_id) : NULL;
	char object[96];
	snprintf(object, sizeof object, "user:%s", job->name);
	if (rc == 0)
		rc = audit_append(db, job->actor, "user.organisations", object,
		                  before, after);
	free(before);
	free(after);
	return rc;
}

int natrisk_organisations_check(const char *const *names, size_t count)
{
	if (count > NATRISK_ORGANISATIONS_MAX)
		return error_set(NATRISK_EINVALID, "a user belongs to at most "
		                 "%d organisations", NATRISK_ORGANISATIONS_MAX);
	for (size_t k = 0; k < count; k++)
		if (!valid_organisation(names[k]))
			return error_set(NATRISK_EINVALID, "'%s' is not an "
			                 "organisation's id (1 to 64 of a-z, 0-9 "
			                 "and '-')", names[k]);
	return 0;
}

int natrisk_store_user_set_organisations(natrisk_store *s, const char *name,
                                         const char *const *names,
                                         size_t count, const char *actor)
{
	int rc = natrisk_organisations_check(names, count);
	if (rc != 0)
		return rc;
	organisations_job job = { name, actor, names, count, 0 };
	return db_write(s, set_organisations, &job);
}

void natrisk_organisations_free(char **names, size_t count)
{
	for (size_t k = 0; names && k < count; k++)
		free(names[k]);
	free(names);
}

typedef struct list_job {
	int64_t user_id;
	char **names;
	size_t count;
} list_job;

static int list_organisations(sqlite3 *db, void *ctx)
{
	list_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT organisation FROM user_organisations WHERE user_id = ? "
		"ORDER BY organisation");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->user_id);
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		char **more = realloc(job->names,
		                      (job->count + 1) * sizeof *more);
		char *name = more ? db_column_strdup(stmt, 0) : NULL;
		if (more)
			job->names = more;
		if (!name)
			rc = error_set(NATRISK_ENOMEM, "out of memory");
		else
			job->names[job->count++] = name;
	}
	sqlite3_finalize(stmt);
	return rc;
}

int natrisk_store_user_organisations(natrisk_store *s, int64_t user_id,
                                     char ***names, size_t *count)
{
	list_job job = { user_id, NULL, 0 };
	int rc = db_read(s, list_organisations, &job);
	if (rc != 0) {
		natrisk_organisations_free(job.names, job.count);
		job.names = NULL;
		job.count = 0;
	}
	*names = job.names;
	*count = job.count;
	return rc;
}

typedef struct token_job {
	int64_t user_id;
	const char *actor;
	unsigned char hash[DB_TOKEN_HASH];
	natrisk_user *user;
} token_job;

static int store_token(sqlite3 *db, void *ctx)
{
	token_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT OR REPLACE INTO feed_tokens (user_id, hash, created_at) "
		"VALUES (?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	char hex[2 * DB_TOKEN_HASH + 1], now[21];
	sodium_bin2hex(hex, sizeof hex, job->hash, sizeof job->hash);
	db_now(now);
	sqlite3_bind_int64(stmt, 1, job->user_id);
	sqlite3_bind_text(stmt, 2, hex, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return db_error(db, "feed token");
	char object[48];
	snprintf(object, sizeof object, "user-id:%lld",
	         (long long)job->user_id);
	/* the token itself never reaches the log */
	return audit_append(db, job->actor, "user.feed-token", object, NULL,
	                    "{\"token\": \"new\"}");
}

int natrisk_store_feed_token_new(natrisk_store *s, int64_t user_id,
                                 const char *actor,
                                 char token[NATRISK_TOKEN_TEXT])
{
	if (sodium_init() < 0)
		return error_set(NATRISK_ERROR, "libsodium cannot start");
	token_job job = { .user_id = user_id, .actor = actor };
	db_random_token(token);
	db_token_hash(token, job.hash);
	return db_write(s, store_token, &job);
}

static int find_token(sqlite3 *db, void *ctx)
{
	token_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT u.id, u.name, u.role, u.clearance, u.disabled FROM "
		"feed_tokens f JOIN users u ON u.id = f.user_id WHERE f.hash = ? "
		"AND u.disabled = 0");
	if (!stmt)
		return NATRISK_EIO;
	char hex[2 * DB_TOKEN_HASH + 1];
	sodium_bin2hex(hex, sizeof hex, job->hash, sizeof job->hash);
	sqlite3_bind_text(stmt, 1, hex, -1, SQLITE_STATIC);
	int rc = sqlite3_step(stmt) == SQLITE_ROW
	                 ? db_read_user(stmt, job->user)
	                 : error_set(NATRISK_ENOTFOUND, "no such feed token");
	sqlite3_finalize(stmt);
	return rc;
}

int natrisk_store_feed_token_find(natrisk_store *s, const char *token,
                                  natrisk_user *user)
{
	token_job job = { .user = user };
	memset(user, 0, sizeof *user);
	db_token_hash(token, job.hash);
	return db_read(s, find_token, &job);
}
