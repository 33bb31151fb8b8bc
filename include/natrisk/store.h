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

/* Additional error codes of the store (beside common.h's). */
enum {
	NATRISK_EDENIED = -10,   /* wrong password, disabled user */
	NATRISK_ECONFLICT = -11, /* exists already; edition not in that state */
	NATRISK_EIMMUTABLE = -12,/* the edition is published */
};

typedef enum {
	NATRISK_ROLE_VIEWER = 0,
	NATRISK_ROLE_ANALYST = 1,
	NATRISK_ROLE_CHAIR = 2,
	NATRISK_ROLE_ADMIN = 3,
} natrisk_role;

typedef enum {
	NATRISK_STATUS_DRAFT = 0,
	NATRISK_STATUS_SCORING = 1,
	NATRISK_STATUS_CONSOLIDATION = 2,
	NATRISK_STATUS_PUBLISHED = 3,
} natrisk_status;

const char *natrisk_role_name(natrisk_role role);
int natrisk_role_parse(const char *text, natrisk_role *out);
int natrisk_classification_parse(const char *text, natrisk_classification *out);
const char *natrisk_status_name(natrisk_status status);
int natrisk_status_parse(const char *text, natrisk_status *out);

typedef struct natrisk_user {
	int64_t id;
	char name[65];
	natrisk_role role;
	natrisk_classification clearance;
	bool disabled;
} natrisk_user;

/* Opens (creating if needed) and migrates the database at PATH. */
int natrisk_store_open(natrisk_store **out, const char *path);
void natrisk_store_close(natrisk_store *store);
/* The schema version after migrations. */
int natrisk_store_schema_version(natrisk_store *store);

/* Users. ACTOR names who acts, for the audit log ("cli" from the CLI). */
int natrisk_store_user_add(natrisk_store *s, const char *name,
                           natrisk_role role,
                           natrisk_classification clearance,
                           const char *password, const char *actor);
int natrisk_store_user_disable(natrisk_store *s, const char *name,
                               const char *actor);
/* All users, by name; free *USERS. */
int natrisk_store_user_list(natrisk_store *s, natrisk_user **users,
                            size_t *count);
int natrisk_store_user_get(natrisk_store *s, const char *name,
                           natrisk_user *out);
/* NATRISK_EDENIED for an unknown name, a wrong password or a disabled
 * user alike: the caller cannot tell which. */
int natrisk_store_login(natrisk_store *s, const char *name,
                        const char *password, natrisk_user *out);

/* Sessions: 256-bit random tokens; the database keeps only their
 * hashes. TOKEN and CSRF are base64url text of 43 characters. */
#define NATRISK_TOKEN_TEXT 44
int natrisk_store_session_new(natrisk_store *s, int64_t user_id,
                              int64_t lifetime_seconds,
                              char token[NATRISK_TOKEN_TEXT],
                              char csrf[NATRISK_TOKEN_TEXT]);
/* The session's user (not disabled) and its CSRF token, or
 * NATRISK_ENOTFOUND when unknown or expired. */
int natrisk_store_session_find(natrisk_store *s, const char *token,
                               natrisk_user *user,
                               char csrf[NATRISK_TOKEN_TEXT]);
int natrisk_store_session_delete(natrisk_store *s, const char *token);

/* The audit log: append-only and hash-chained. Checks every link and
 * hash; returns 0, or NATRISK_EINVALID with the first bad entry's id in
 * *BAD_ID and a message in natrisk_error_last(). */
int natrisk_store_audit_verify(natrisk_store *s, int64_t *checked,
                               int64_t *bad_id);

/* An online backup of the whole database to PATH (SQLite backup API). */
int natrisk_store_backup(natrisk_store *s, const char *path);

#ifdef __cplusplus
}
#endif
#endif
