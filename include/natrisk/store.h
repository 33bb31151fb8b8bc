/*
 * store.h - the collaborative store: users, sessions, editions (assessments)
 * with their scenarios, every analyst's scores with history, the chair's
 * consolidated scores, assignments, and the hash-chained audit log, in one
 * SQLite database (WAL, foreign keys, a transaction around every write,
 * versioned migrations run on open).
 *
 * Clearances: a scenario above a user's clearance does not exist for that
 * user. Every function that returns scenarios or their consequences takes
 * the clearance to filter by; authorization (who may do what) is the
 * server's single policy (src/server/authz.c), not the store's.
 *
 * Thread-safe: the store keeps a small pool of connections.
 *
 * Every function that can fail returns NATRISK_OK or a negative
 * natrisk_error (common.h) with the message in natrisk_error_last();
 * NATRISK_EIO stands for any failure of the database. Text handed over
 * through a char ** is malloc'd and the caller's to free(); users and
 * editions own their strings (natrisk_user_clear,
 * natrisk_edition_info_clear). ACTOR names who acts, for the audit log
 * ("cli" from the CLI). The store must outlive nothing it hands over:
 * what it gives is copied out of the database.
 */
#ifndef NATRISK_STORE_H
#define NATRISK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assessment.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_store natrisk_store;

typedef enum {
	NATRISK_ROLE_VIEWER = 0,
	NATRISK_ROLE_ANALYST = 1,
	NATRISK_ROLE_CHAIR = 2,
	NATRISK_ROLE_ADMIN = 3,
	/* A user of an organisation that owns measures and actions: reads
	 * published editions (as a viewer) and reports on its actions. */
	NATRISK_ROLE_OWNER = 4,
	/* A diplomatic post or institute that submits signals: reads
	 * published editions (as a viewer) and its own signals. */
	NATRISK_ROLE_REPORTER = 5,
} natrisk_role;

typedef enum {
	NATRISK_STATUS_DRAFT = 0,
	NATRISK_STATUS_SCORING = 1,
	NATRISK_STATUS_CONSOLIDATION = 2,
	NATRISK_STATUS_PUBLISHED = 3,
} natrisk_status;

/* The names of roles ("viewer", "analyst", "chair", "admin", "owner",
 * "reporter") and of
 * statuses ("draft", "scoring", "consolidation", "published"): static
 * strings. The parsers take those names (and "public", "restricted",
 * "confidential" for a classification) into *OUT and return 0, or -1
 * (NATRISK_ERROR) for any other TEXT, leaving *OUT alone. */
NATRISK_EXTERN
const char *natrisk_role_name(natrisk_role role);
NATRISK_EXTERN
int natrisk_role_parse(const char *text, natrisk_role *out);
NATRISK_EXTERN
int natrisk_classification_parse(const char *text, natrisk_classification *out);
NATRISK_EXTERN
const char *natrisk_status_name(natrisk_status status);
NATRISK_EXTERN
int natrisk_status_parse(const char *text, natrisk_status *out);

/*
 * A user as the store gives it: a value the caller holds, whose name it
 * owns (malloc'd by the store). natrisk_user_clear() frees the name; a
 * user zeroed, or left by a call that failed, holds nothing to free.
 */
typedef struct natrisk_user {
	int64_t id;
	char *name;
	natrisk_role role;
	natrisk_classification clearance;
	bool disabled;
} natrisk_user;

/* Frees what USER owns and zeroes it (USER itself is the caller's).
 * USER may be NULL. */
NATRISK_EXTERN
void natrisk_user_clear(natrisk_user *user);
/* Frees USERS (COUNT of them, as natrisk_store_user_list gives them)
 * with everything they own. USERS may be NULL. */
NATRISK_EXTERN
void natrisk_user_list_free(natrisk_user *users, size_t count);

/* How to open a store (natrisk_store_open_with). */
typedef struct natrisk_store_options {
	/* The audit key's file; NULL: PATH.audit-key. It is made on the
	 * first open of a store, 0600, and never replaced. */
	const char *audit_key;
	/* Reading only: no migrations, no key made, nothing written, not
	 * even SQLite's -shm when no -wal is there (a read-only copy). */
	bool read_only;
} natrisk_store_options;

/* Opens (creating if needed) and migrates the database at PATH, after
 * checking that it can be written (a regular file that this process may
 * write, in a directory where it may make files). The audit log's key
 * and anchor live beside it (PATH.audit-key, PATH.audit-anchor); a log
 * cut short, rewritten or whose key is missing is refused. OPTIONS may
 * be NULL (the defaults). Returns NATRISK_OK with *OUT a new store,
 * which the caller closes (and frees) with natrisk_store_close(); or
 * NATRISK_EIO (cannot be opened or written), NATRISK_EINVALID (a
 * schema newer than this natrisk, an audit log that does not hold) or
 * NATRISK_ENOMEM, with *OUT NULL. */
NATRISK_EXTERN
int natrisk_store_open(natrisk_store **out, const char *path);
NATRISK_EXTERN
int natrisk_store_open_with(natrisk_store **out, const char *path,
                            const natrisk_store_options *options);
/* Closes STORE's connections and frees it. NULL is allowed. */
NATRISK_EXTERN
void natrisk_store_close(natrisk_store *store);
/* Returns the schema version after migrations (a number, not an error
 * code). */
NATRISK_EXTERN
int natrisk_store_schema_version(natrisk_store *store);

/* Adds user NAME (1 to 64 of a-z, 0-9, '.', '_', '-') with ROLE,
 * CLEARANCE and PASSWORD (at least NATRISK_PASSWORD_MIN characters;
 * stored as an argon2id hash). Returns NATRISK_OK, NATRISK_EINVALID
 * (a bad name or password), NATRISK_ECONFLICT (the name is taken) or
 * NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_user_add(natrisk_store *s, const char *name,
                           natrisk_role role,
                           natrisk_classification clearance,
                           const char *password, const char *actor);
/* Disables or enables user NAME; disabling ends the user's sessions.
 * Setting what is already so changes nothing and returns NATRISK_OK; an
 * unknown name is NATRISK_ENOTFOUND. */
NATRISK_EXTERN
int natrisk_store_user_disable(natrisk_store *s, const char *name,
                               const char *actor);
NATRISK_EXTERN
int natrisk_store_user_enable(natrisk_store *s, const char *name,
                              const char *actor);
/* The shortest password accepted, everywhere (user add, passwd, API). */
#define NATRISK_PASSWORD_MIN 8
/* Sets NAME's password (the same rules as natrisk_store_user_add) and
 * ends every session of NAME but the one of KEEP_TOKEN (NULL: all).
 * Returns NATRISK_OK, NATRISK_EINVALID (too short), NATRISK_ENOTFOUND or
 * NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_user_password(natrisk_store *s, const char *name,
                                const char *password,
                                const char *keep_token, const char *actor);
/* All users, by name: NATRISK_OK with *USERS (*COUNT of them), which the
 * caller frees with natrisk_user_list_free(); or NATRISK_EIO or
 * NATRISK_ENOMEM with *USERS NULL and *COUNT 0. */
NATRISK_EXTERN
int natrisk_store_user_list(natrisk_store *s, natrisk_user **users,
                            size_t *count);
/* User NAME into *OUT: NATRISK_OK, and the caller frees its name with
 * natrisk_user_clear(); or NATRISK_ENOTFOUND, NATRISK_EIO or
 * NATRISK_ENOMEM with *OUT zeroed (nothing to free). */
NATRISK_EXTERN
int natrisk_store_user_get(natrisk_store *s, const char *name,
                           natrisk_user *out);
/* Checks NAME's PASSWORD: NATRISK_OK with the user in *OUT (free its
 * name with natrisk_user_clear()); NATRISK_EDENIED for an unknown name,
 * a wrong password or a disabled user alike (the caller cannot tell
 * which, nor from the time taken), with *OUT zeroed. */
NATRISK_EXTERN
int natrisk_store_login(natrisk_store *s, const char *name,
                        const char *password, natrisk_user *out);

/* Sessions: 256-bit random tokens; the database keeps only their
 * hashes. TOKEN and CSRF are base64url text of 43 characters. */
#define NATRISK_TOKEN_TEXT 44
/* A new session of USER_ID for LIFETIME_SECONDS: its token and its CSRF
 * token written into the caller's TOKEN and CSRF. Returns NATRISK_OK,
 * NATRISK_ERROR (libsodium cannot start) or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_session_new(natrisk_store *s, int64_t user_id,
                              int64_t lifetime_seconds,
                              char token[NATRISK_TOKEN_TEXT],
                              char csrf[NATRISK_TOKEN_TEXT]);
/* The session of TOKEN: NATRISK_OK with its user (not disabled) in
 * *USER, whose name the caller frees with natrisk_user_clear(), and its
 * CSRF token in CSRF; or NATRISK_ENOTFOUND when unknown or expired (or
 * NATRISK_EIO, NATRISK_ENOMEM), with *USER zeroed. */
NATRISK_EXTERN
int natrisk_store_session_find(natrisk_store *s, const char *token,
                               natrisk_user *user,
                               char csrf[NATRISK_TOKEN_TEXT]);
/* Ends the session of TOKEN (none is no error): NATRISK_OK or
 * NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_session_delete(natrisk_store *s, const char *token);

/* What a check of the audit log found. */
typedef struct natrisk_audit_report {
	int64_t entries;   /* entries checked */
	int64_t bad_id;    /* the first entry that does not fit, or 0 */
	int64_t anchored;  /* the entries the anchor counts; -1: no anchor */
	int64_t unsealed;  /* entries from before the log had a key */
} natrisk_audit_report;

/* The audit log: append-only, hash-chained and MAC-chained under the
 * key, its end held by the anchor. Checks every link, hash and MAC and
 * the anchor (which may lag the log, never lead it); returns 0, or
 * NATRISK_EINVALID with a message in natrisk_error_last() and the first
 * bad entry's id in bad_id. Works on a store opened read-only. */
NATRISK_EXTERN
int natrisk_store_audit_verify(natrisk_store *s, natrisk_audit_report *r);
/* A new anchor at the end of a log whose every link and MAC holds (a
 * lost anchor); the anchor's own checks are what it gives up. Returns
 * as natrisk_store_audit_verify, R filled the same way. */
NATRISK_EXTERN
int natrisk_store_audit_anchor(natrisk_store *s, natrisk_audit_report *r);

/* An online backup of the whole database to PATH (SQLite backup API),
 * with PATH.audit-anchor for the copy. The key is not copied: the copy
 * verifies with the store's key (natrisk_store_options.audit_key).
 * Returns NATRISK_OK or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_backup(natrisk_store *s, const char *path);

#ifdef __cplusplus
}
#endif
#endif
