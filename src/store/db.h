/*
 * db.h - the SQLite side of the store, shared by its files: a pool of
 * connections (one per concurrent caller, made on demand), migrations,
 * transactions, and small helpers for statements. Every write runs inside
 * db_write(), which opens an IMMEDIATE transaction, runs the work and
 * commits, or rolls back on any error, so that a write is all or nothing
 * and is on disk (synchronous=FULL) before the caller answers anybody.
 */
#ifndef NATRISK_STORE_DB_H
#define NATRISK_STORE_DB_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>

#include <natrisk/store.h>

enum { DB_POOL = 16 };

struct natrisk_store {
	char *path;
	pthread_mutex_t lock;
	pthread_cond_t freed;
	sqlite3 *idle[DB_POOL];
	int idle_count, open_count;
	/* the writers' queue (db_write) */
	pthread_cond_t writer_done;
	unsigned long next_writer, writer_now;
	int version;
	/* nothing written, no migrations (natrisk_store_options) */
	bool read_only;
	/* the audit log's key and anchor, outside the database (audit.h) */
	char *key_path, *anchor_path;
	bool keyed;
	unsigned char audit_key[32];
};

/* A connection for the caller's exclusive use; give it back. NULL on
 * failure (the error is set). */
sqlite3 *db_take(natrisk_store *s);
void db_give(natrisk_store *s, sqlite3 *db);

/* Runs WORK(db, ctx) in an IMMEDIATE transaction: commit when it returns
 * 0, roll back otherwise, and return its code. */
int db_write(natrisk_store *s, int (*work)(sqlite3 *db, void *ctx),
             void *ctx);
/* Runs WORK(db, ctx) with a connection, in a read transaction so that it
 * sees one consistent state. */
int db_read(natrisk_store *s, int (*work)(sqlite3 *db, void *ctx),
            void *ctx);

/* Whether the store at PATH can be written: a regular file (or none yet)
 * that this process may write, in a directory where it may make files
 * (SQLite's -wal and -shm, the audit anchor). 0, or an error that names
 * the file and the reason. */
int db_check_writable(const char *path);
/* The directory of PATH ("." for a bare name), in OUT. */
void db_directory_of(const char *path, char *out, size_t size);

/* Prepares SQL; NULL after setting the error. */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql);
/* SQL prepared once per connection and kept with it, for the statements
 * of every request (the session's lookup): reset it after use, never
 * finalize it. NULL after setting the error. */
sqlite3_stmt *db_prepare_kept(sqlite3 *db, const char *sql);
/* An SQLite failure as a natrisk error code with a message. */
int db_error(sqlite3 *db, const char *what);
/* Executes a statement without results; 0 or an error code. */
int db_exec(sqlite3 *db, const char *sql);

/* Appends to the audit log in the caller's transaction: who, what, on
 * which object, and the value before and after (JSON text or NULL). */
int audit_append(sqlite3 *db, const char *actor, const char *action,
                 const char *object, const char *before, const char *after);

/* Reads SQL's rows (a query without parameters), in one read
 * transaction, into an array of items of SIZE bytes, READ filling each
 * (0, or a code after leaving the item with nothing to free): *ITEMS
 * (malloc'd; NULL with none) and *COUNT. On failure both are NULL and 0,
 * every item read so far given to CLEAR, and the code is returned. */
int db_list(natrisk_store *s, const char *sql, size_t size,
            int (*read)(sqlite3_stmt *stmt, void *item),
            void (*clear)(void *item), void **items, size_t *count);

/* Ends every session of USER_ID except KEEP_TOKEN's (NULL: all), in the
 * caller's transaction. */
int db_end_sessions(sqlite3 *db, int64_t user_id, const char *keep_token);

/* A user from the first columns of a row: id, name, role, clearance,
 * disabled. 0, or NATRISK_ENOMEM with *U zeroed. */
int db_read_user(sqlite3_stmt *stmt, natrisk_user *u);

/* A new random token (32 bytes as base64url) in OUT, and the BLAKE2b
 * hash of a token, which is all the database keeps of one (sessions,
 * feed tokens). */
enum { DB_TOKEN_HASH = 32 };
void db_random_token(char out[NATRISK_TOKEN_TEXT]);
void db_token_hash(const char *token, unsigned char out[DB_TOKEN_HASH]);

/* A copy of a text column, "" for NULL; NULL when out of memory (with
 * the message set). */
char *db_column_strdup(sqlite3_stmt *stmt, int column);

/* The current time as ISO 8601 UTC text ("2026-11-28T01:02:03Z"). */
void db_now(char out[21]);

#endif
