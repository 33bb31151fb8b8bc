/*
 * users.c - users and their passwords (argon2id through libsodium's
 * crypto_pwhash_str), roles and clearances, and the names the store and
 * the API use for them.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "db.h"

static const char *const role_names[] = { "viewer", "analyst", "chair",
	                                  "admin",  "owner",   "reporter" };
#define ROLE_COUNT (int)(sizeof role_names / sizeof *role_names)
/* ids (the store, the API) that messages translate */
static const char *const status_names[] = { MSG("draft"), MSG("scoring"),
	                                    MSG("consolidation"),
	                                    MSG("published") };
static const char *const clearance_names[] = { "public", "restricted",
	                                       "confidential" };

static int parse_name(const char *text, const char *const *names, int count)
{
	for (int k = 0; text && k < count; k++)
		if (strcmp(text, names[k]) == 0)
			return k;
	return -1;
}

const char *natrisk_role_name(natrisk_role role)
{
	return role >= 0 && (int)role < ROLE_COUNT ? role_names[role]
	                                            : "viewer";
}

int natrisk_role_parse(const char *text, natrisk_role *out)
{
	int k = parse_name(text, role_names, ROLE_COUNT);
	if (k < 0)
		return -1;
	*out = (natrisk_role)k;
	return 0;
}

int natrisk_classification_parse(const char *text, natrisk_classification *out)
{
	int k = parse_name(text, clearance_names, 3);
	if (k < 0)
		return -1;
	*out = (natrisk_classification)k;
	return 0;
}

const char *natrisk_status_name(natrisk_status status)
{
	return status >= 0 && status <= NATRISK_STATUS_PUBLISHED
	               ? status_names[status]
	               : "draft";
}

int natrisk_status_parse(const char *text, natrisk_status *out)
{
	int k = parse_name(text, status_names, 4);
	if (k < 0)
		return -1;
	*out = (natrisk_status)k;
	return 0;
}

/* User names: 1 to 64 of a-z, 0-9, '.', '_' and '-'. */
static bool valid_name(const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || len > 64)
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

typedef struct add_job {
	const char *name, *actor, *hash;
	natrisk_role role;
	natrisk_classification clearance;
} add_job;

static int add_user(sqlite3 *db, void *ctx)
{
	add_job *job = ctx;
	char at[21];
	db_now(at);
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO users (name, role, clearance, password_hash, "
		"created_at) VALUES (?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, job->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, natrisk_role_name(job->role), -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, natrisk_classification_name(job->clearance),
	                  -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, job->hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, at, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step == SQLITE_CONSTRAINT)
		return error_set(NATRISK_ECONFLICT, "user '%s' exists already",
		                 job->name);
	if (step != SQLITE_DONE)
		return db_error(db, "add user");
	char after[256];
	snprintf(after, sizeof after, "{\"role\": \"%s\", \"clearance\": "
	         "\"%s\"}", natrisk_role_name(job->role),
	         natrisk_classification_name(job->clearance));
	char object[96];
	snprintf(object, sizeof object, "user:%s", job->name);
	return audit_append(db, job->actor, "user.add", object, NULL, after);
}

/* A password by the rules every way of setting one follows, hashed. */
static int hash_password(const char *password,
                         char hash[crypto_pwhash_STRBYTES])
{
	if (strlen(password) < NATRISK_PASSWORD_MIN)
		return error_set(NATRISK_EINVALID, "a password needs at least %d "
		                 "characters", NATRISK_PASSWORD_MIN);
	if (sodium_init() < 0 ||
	    crypto_pwhash_str(hash, password, strlen(password),
	                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return error_set(NATRISK_ENOMEM, "cannot hash the password");
	return 0;
}

int natrisk_store_user_add(natrisk_store *s, const char *name,
                           natrisk_role role,
                           natrisk_classification clearance,
                           const char *password, const char *actor)
{
	if (!valid_name(name))
		return error_set(NATRISK_EINVALID, "a user name is 1 to 64 of "
		                 "a-z, 0-9, '.', '_' and '-'");
	char hash[crypto_pwhash_STRBYTES];
	int rc = hash_password(password, hash);
	if (rc != 0)
		return rc;
	add_job job = { name, actor, hash, role, clearance };
	return db_write(s, add_user, &job);
}

typedef struct change_job {
	const char *name, *actor;
	bool disabled;            /* set_disabled */
	const char *hash;         /* set_password */
	const char *keep_token;
} change_job;

/* NAME's id and whether they are disabled; NATRISK_ENOTFOUND. */
static int user_state(sqlite3 *db, const char *name, int64_t *id,
                      bool *disabled)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id, disabled FROM users "
	                                    "WHERE name = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	int rc = NATRISK_ENOTFOUND;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		*disabled = sqlite3_column_int(stmt, 1) != 0;
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc == 0 ? 0 : error_set(rc, "no user '%s'", name);
}

/* Runs SQL with ?1 the user's id and ?2 TEXT; 0 or the error. */
static int update_user(sqlite3 *db, const char *sql, int64_t id,
                       const char *text)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, text, -1, SQLITE_STATIC);
	int step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return step == SQLITE_DONE ? 0 : db_error(db, "change user");
}

static int audit_user(sqlite3 *db, const change_job *job,
                      const char *action, const char *before,
                      const char *after)
{
	char object[96];
	snprintf(object, sizeof object, "user:%s", job->name);
	return audit_append(db, job->actor, action, object, before, after);
}

static int set_disabled(sqlite3 *db, void *ctx)
{
	change_job *job = ctx;
	int64_t id;
	bool disabled;
	int rc = user_state(db, job->name, &id, &disabled);
	if (rc != 0 || disabled == job->disabled)
		return rc; /* already so: nothing to change or record */
	rc = update_user(db, "UPDATE users SET disabled = ?2 WHERE id = ?1",
	                 id, job->disabled ? "1" : "0");
	/* a disabled user's sessions end now */
	if (rc == 0 && job->disabled)
		rc = db_end_sessions(db, id, NULL);
	static const char *const states[] = { "{\"disabled\": false}",
		                              "{\"disabled\": true}" };
	if (rc == 0)
		rc = audit_user(db, job, job->disabled ? "user.disable"
		                                       : "user.enable",
		                states[!job->disabled], states[job->disabled]);
	return rc;
}

int natrisk_store_user_disable(natrisk_store *s, const char *name,
                               const char *actor)
{
	change_job job = { .name = name, .actor = actor, .disabled = true };
	return db_write(s, set_disabled, &job);
}

int natrisk_store_user_enable(natrisk_store *s, const char *name,
                              const char *actor)
{
	change_job job = { .name = name, .actor = actor, .disabled = false };
	return db_write(s, set_disabled, &job);
}

static int set_password(sqlite3 *db, void *ctx)
{
	change_job *job = ctx;
	int64_t id;
	bool disabled;
	int rc = user_state(db, job->name, &id, &disabled);
	if (rc == 0)
		rc = update_user(db, "UPDATE users SET password_hash = ?2 "
		                     "WHERE id = ?1", id, job->hash);
	if (rc == 0)
		rc = db_end_sessions(db, id, job->keep_token);
	/* that it changed, never what to */
	if (rc == 0)
		rc = audit_user(db, job, "user.password", NULL,
		                "{\"password\": \"changed\"}");
	return rc;
}

int natrisk_store_user_password(natrisk_store *s, const char *name,
                                const char *password,
                                const char *keep_token, const char *actor)
{
	char hash[crypto_pwhash_STRBYTES];
	int rc = hash_password(password, hash);
	if (rc != 0)
		return rc;
	change_job job = { .name = name, .actor = actor, .hash = hash,
		           .keep_token = keep_token };
	return db_write(s, set_password, &job);
}

int db_read_user(sqlite3_stmt *stmt, natrisk_user *u)
{
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(stmt, 0);
	if (!(u->name = db_column_strdup(stmt, 1)))
		return NATRISK_ENOMEM;
	natrisk_role_parse((const char *)sqlite3_column_text(stmt, 2),
	                   &u->role);
	natrisk_classification_parse(
		(const char *)sqlite3_column_text(stmt, 3), &u->clearance);
	u->disabled = sqlite3_column_int(stmt, 4) != 0;
	return 0;
}

void natrisk_user_clear(natrisk_user *user)
{
	if (!user)
		return;
	free(user->name);
	memset(user, 0, sizeof *user);
}

void natrisk_user_list_free(natrisk_user *users, size_t count)
{
	for (size_t k = 0; users && k < count; k++)
		natrisk_user_clear(&users[k]);
	free(users);
}

static int read_user_item(sqlite3_stmt *stmt, void *item)
{
	return db_read_user(stmt, item);
}

static void clear_user_item(void *item) { natrisk_user_clear(item); }

int natrisk_store_user_list(natrisk_store *s, natrisk_user **users,
                            size_t *count)
{
	void *items;
	int rc = db_list(s, "SELECT id, name, role, clearance, disabled "
	                 "FROM users ORDER BY name", sizeof **users,
	                 read_user_item, clear_user_item, &items, count);
	*users = items;
	return rc;
}

typedef struct get_job {
	const char *name;
	natrisk_user *user;
	char hash[crypto_pwhash_STRBYTES];
} get_job;

static int get_user(sqlite3 *db, void *ctx)
{
	get_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT id, name, role, clearance, disabled, password_hash "
		"FROM users WHERE name = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_text(stmt, 1, job->name, -1, SQLITE_STATIC);
	int rc = NATRISK_ENOTFOUND;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    (rc = db_read_user(stmt, job->user)) == 0)
		snprintf(job->hash, sizeof job->hash, "%s",
		         (const char *)sqlite3_column_text(stmt, 5));
	sqlite3_finalize(stmt);
	return rc != NATRISK_ENOTFOUND ? rc
	                               : error_set(rc, "no user '%s'", job->name);
}

int natrisk_store_user_get(natrisk_store *s, const char *name,
                           natrisk_user *out)
{
	get_job job = { .name = name, .user = out };
	memset(out, 0, sizeof *out);
	return db_read(s, get_user, &job);
}

/* An argon2id hash to check against for unknown users, so that the time
 * taken does not tell whether a name exists: made once, of a password
 * nobody knows. */
static char decoy[crypto_pwhash_STRBYTES];
static pthread_once_t decoy_once = PTHREAD_ONCE_INIT;

static void make_decoy(void)
{
	char password[33];
	unsigned char bytes[16];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(password, sizeof password, bytes, sizeof bytes);
	if (crypto_pwhash_str(decoy, password, strlen(password),
	                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		decoy[0] = '\0';
}

int natrisk_store_login(natrisk_store *s, const char *name,
                        const char *password, natrisk_user *out)
{
	get_job job = { .name = name, .user = out };
	memset(out, 0, sizeof *out);
	if (sodium_init() < 0)
		return error_set(NATRISK_ERROR, "libsodium cannot start");
	pthread_once(&decoy_once, make_decoy);
	int rc = db_read(s, get_user, &job);
	const char *hash = rc == 0 ? job.hash : decoy;
	bool match = crypto_pwhash_str_verify(hash, password,
	                                      strlen(password)) == 0;
	bool refused = rc != 0 || !match || out->disabled;
	if (refused)
		natrisk_user_clear(out);
	if (rc == NATRISK_EIO || rc == NATRISK_ENOMEM)
		return rc;
	if (refused)
		return error_set(NATRISK_EDENIED, "wrong user name or password");
	return 0;
}
