/*
 * sessions.c - login sessions. A token is 32 random bytes from
 * randombytes_buf, given to the client once; the database keeps only its
 * BLAKE2b hash, so that a stolen database yields no usable session. Each
 * session also has a CSRF token that state-changing requests must echo.
 */
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "../core/error.h"
#include "db.h"

enum { TOKEN_BYTES = 32, HASH_BYTES = DB_TOKEN_HASH };

void db_random_token(char out[NATRISK_TOKEN_TEXT])
{
	unsigned char bytes[TOKEN_BYTES];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2base64(out, NATRISK_TOKEN_TEXT, bytes, sizeof bytes,
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(bytes, sizeof bytes);
}

void db_token_hash(const char *token, unsigned char out[DB_TOKEN_HASH])
{
	crypto_generichash(out, HASH_BYTES, (const unsigned char *)token,
	                   strlen(token), NULL, 0);
}

typedef struct new_job {
	int64_t user_id, expires;
	unsigned char hash[HASH_BYTES];
	const char *csrf;
} new_job;

static int insert_session(sqlite3 *db, void *ctx)
{
	new_job *job = ctx;
	/* expired sessions go when new ones come */
	sqlite3_stmt *stmt = db_prepare(db, "DELETE FROM sessions WHERE "
	                                    "expires_at < ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, (int64_t)time(NULL));
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return db_error(db, "sessions");
	stmt = db_prepare(db, "INSERT INTO sessions (token_hash, user_id, "
	                      "csrf, expires_at) VALUES (?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_blob(stmt, 1, job->hash, HASH_BYTES, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, job->user_id);
	sqlite3_bind_text(stmt, 3, job->csrf, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, job->expires);
	step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "new session");
}

int natrisk_store_session_new(natrisk_store *s, int64_t user_id,
                              int64_t lifetime_seconds,
                              char token[NATRISK_TOKEN_TEXT],
                              char csrf[NATRISK_TOKEN_TEXT])
{
	if (sodium_init() < 0)
		return error_set(NATRISK_ERROR, "libsodium cannot start");
	db_random_token(token);
	db_random_token(csrf);
	new_job job = { user_id, (int64_t)time(NULL) + lifetime_seconds,
		        { 0 }, csrf };
	db_token_hash(token, job.hash);
	return db_write(s, insert_session, &job);
}

typedef struct find_job {
	unsigned char hash[HASH_BYTES];
	natrisk_user *user;
	char *csrf;
} find_job;

/* Every request asks: a statement kept with the connection. */
static int find_session(sqlite3 *db, void *ctx)
{
	find_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare_kept(db,
		"SELECT u.id, u.name, u.role, u.clearance, u.disabled, s.csrf "
		"FROM sessions s JOIN users u ON u.id = s.user_id "
		"WHERE s.token_hash = ? AND s.expires_at >= ? AND u.disabled = 0");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_blob(stmt, 1, job->hash, HASH_BYTES, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, (int64_t)time(NULL));
	int rc = NATRISK_ENOTFOUND;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    (rc = db_read_user(stmt, job->user)) == 0)
		snprintf(job->csrf, NATRISK_TOKEN_TEXT, "%s",
		         (const char *)sqlite3_column_text(stmt, 5));
	sqlite3_reset(stmt);
	return rc != NATRISK_ENOTFOUND ? rc : error_set(rc, "no such session");
}

int natrisk_store_session_find(natrisk_store *s, const char *token,
                               natrisk_user *user,
                               char csrf[NATRISK_TOKEN_TEXT])
{
	find_job job = { { 0 }, user, csrf };
	memset(user, 0, sizeof *user);
	db_token_hash(token, job.hash);
	return db_read(s, find_session, &job);
}

static int delete_session(sqlite3 *db, void *ctx)
{
	sqlite3_stmt *stmt = db_prepare(db, "DELETE FROM sessions WHERE "
	                                    "token_hash = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_blob(stmt, 1, ctx, HASH_BYTES, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "end session");
}

int natrisk_store_session_delete(natrisk_store *s, const char *token)
{
	unsigned char hash[HASH_BYTES];
	db_token_hash(token, hash);
	return db_write(s, delete_session, hash);
}

int db_end_sessions(sqlite3 *db, int64_t user_id, const char *keep_token)
{
	unsigned char keep[HASH_BYTES] = { 0 };
	if (keep_token)
		db_token_hash(keep_token, keep);
	sqlite3_stmt *stmt = db_prepare(db, "DELETE FROM sessions WHERE "
	                                    "user_id = ? AND token_hash != ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, user_id);
	/* no token hashes to all zeros: without KEEP, every session goes */
	sqlite3_bind_blob(stmt, 2, keep, HASH_BYTES, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "end sessions");
}
