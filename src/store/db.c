/*
 * db.c - see db.h: the connection pool, the migrations and transactions.
 */
#include "db.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/error.h"
#include "audit.h"
#include "migrations.h"

int db_error(sqlite3 *db, const char *what)
{
	int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
	int rc = (code & 0xff) == SQLITE_CONSTRAINT ? NATRISK_ECONFLICT
	                                              : NATRISK_EIO;
	return error_set(rc, "%s: %s", what,
	                 db ? sqlite3_errmsg(db) : "no database");
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		db_error(db, "prepare");
		return NULL;
	}
	return stmt;
}

sqlite3_stmt *db_prepare_kept(sqlite3 *db, const char *sql)
{
	/* the connection's own list of statements is the cache: a pooled
	 * connection keeps the few statements of the hot paths */
	for (sqlite3_stmt *kept = sqlite3_next_stmt(db, NULL); kept;
	     kept = sqlite3_next_stmt(db, kept))
		if (!sqlite3_stmt_busy(kept) && sqlite3_sql(kept) &&
		    strcmp(sqlite3_sql(kept), sql) == 0) {
			sqlite3_reset(kept);
			sqlite3_clear_bindings(kept);
			return kept;
		}
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt,
	                       NULL) != SQLITE_OK) {
		db_error(db, "prepare");
		return NULL;
	}
	return stmt;
}

int db_exec(sqlite3 *db, const char *sql)
{
	char *message = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &message) == SQLITE_OK)
		return 0;
	int rc = error_set(NATRISK_EIO, "%s", message ? message : "sqlite");
	sqlite3_free(message);
	return rc;
}

void db_now(char out[21])
{
	time_t now = time(NULL);
	struct tm utc;
	gmtime_r(&now, &utc);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &utc);
}

/* SQLite counts its memory under one global mutex by default: with many
 * threads reading at once that mutex is the busiest lock of the server.
 * Nothing here reads those counts. (sqlite3_config fails harmlessly when
 * SQLite is already initialised, e.g. by a program that embeds us.) */
static void configure_sqlite(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/*
 * A read-only store (audit verify on a copy) is opened so that nothing is
 * written, not even SQLite's -shm: with no -wal beside it (a copy, or a
 * store no process has open) the file is all there is, and "immutable"
 * reads it without locks; with a -wal, SQLite reads that too, read-only.
 * The name is a URI then, its reserved characters escaped.
 */
static char *read_only_name(const char *path, int *flags)
{
	size_t len = strlen(path);
	char *name = malloc(3 * len + 32);
	if (!name)
		return NULL;
	char wal[4096];
	snprintf(wal, sizeof wal, "%s-wal", path);
	*flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
	if (access(wal, F_OK) == 0)
		return strcpy(name, path);
	*flags |= SQLITE_OPEN_URI;
	char *out = name + sprintf(name, "file:%s", path[0] == '/' ? "//" : "");
	for (const char *p = path; *p; p++)
		out += strchr("?#%", *p) ? sprintf(out, "%%%02X",
		                                   (unsigned char)*p)
		                         : sprintf(out, "%c", *p);
	strcpy(out, "?immutable=1");
	return name;
}

/* Each connection: foreign keys on, WAL, and durable commits. A busy
 * timeout lets writers queue behind each other instead of failing. */
static sqlite3 *connect(const natrisk_store *s)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;
	pthread_once(&configured, configure_sqlite);
	sqlite3 *db = NULL;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	            SQLITE_OPEN_NOMUTEX;
	char *name = s->read_only ? read_only_name(s->path, &flags)
	                          : strdup(s->path);
	if (!name) {
		error_set(NATRISK_ENOMEM, "out of memory");
		return NULL;
	}
	int rc = sqlite3_open_v2(name, &db, flags, NULL);
	free(name);
	if (rc != SQLITE_OK) {
		error_set(NATRISK_EIO, "%s: %s", s->path,
		          db ? sqlite3_errmsg(db) : "cannot open");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	if (!s->read_only &&
	    db_exec(db, "PRAGMA foreign_keys = ON; "
	                "PRAGMA journal_mode = WAL; "
	                "PRAGMA synchronous = FULL;") != 0) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

sqlite3 *db_take(natrisk_store *s)
{
	pthread_mutex_lock(&s->lock);
	while (s->idle_count == 0 && s->open_count >= DB_POOL)
		pthread_cond_wait(&s->freed, &s->lock);
	sqlite3 *db = NULL;
	if (s->idle_count > 0) {
		db = s->idle[--s->idle_count];
	} else {
		s->open_count++;
		pthread_mutex_unlock(&s->lock);
		db = connect(s);
		pthread_mutex_lock(&s->lock);
		if (!db)
			s->open_count--;
	}
	pthread_mutex_unlock(&s->lock);
	return db;
}

void db_give(natrisk_store *s, sqlite3 *db)
{
	if (!db)
		return;
	pthread_mutex_lock(&s->lock);
	s->idle[s->idle_count++] = db;
	pthread_cond_signal(&s->freed);
	pthread_mutex_unlock(&s->lock);
}

static int in_transaction(natrisk_store *s, const char *begin,
                          int (*work)(sqlite3 *db, void *ctx), void *ctx)
{
	sqlite3 *db = db_take(s);
	if (!db)
		return NATRISK_EIO;
	int rc = db_exec(db, begin);
	if (rc == 0) {
		rc = work(db, ctx);
		if (rc == 0)
			rc = db_exec(db, "COMMIT");
		/* sqlite3_exec() leaves the work's message (and its
		 * English, for the log) as it is */
		if (rc != 0)
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	db_give(s, db);
	return rc;
}

/*
 * SQLite lets one writer in at a time and makes the others poll, with
 * growing sleeps: under steady writes one writer can lose every race for
 * seconds. The writers of this process therefore queue in turn (a ticket
 * lock) before they ask SQLite; the busy timeout is left for writers in
 * other processes (the CLI).
 */
static void writers_enter(natrisk_store *s)
{
	pthread_mutex_lock(&s->lock);
	unsigned long ticket = s->next_writer++;
	while (s->writer_now != ticket)
		pthread_cond_wait(&s->writer_done, &s->lock);
	pthread_mutex_unlock(&s->lock);
}

static void writers_leave(natrisk_store *s)
{
	pthread_mutex_lock(&s->lock);
	s->writer_now++;
	pthread_cond_broadcast(&s->writer_done);
	pthread_mutex_unlock(&s->lock);
}

int db_write(natrisk_store *s, int (*work)(sqlite3 *db, void *ctx),
             void *ctx)
{
	if (s->read_only)
		return error_set(NATRISK_EIO, "the store %s is open read-only",
		                 s->path);
	writers_enter(s);
	audit_write audit;
	audit_write_begin(&audit, s);
	int rc = in_transaction(s, "BEGIN IMMEDIATE", work, ctx);
	audit_write_end(&audit, rc == 0);
	writers_leave(s);
	return rc;
}

int db_read(natrisk_store *s, int (*work)(sqlite3 *db, void *ctx),
            void *ctx)
{
	return in_transaction(s, "BEGIN", work, ctx);
}

typedef struct list_job {
	const char *sql;
	size_t size;
	int (*read)(sqlite3_stmt *stmt, void *item);
	void (*clear)(void *item);
	char *items;
	size_t count, capacity;
} list_job;

static int grow(list_job *job)
{
	size_t more = job->capacity ? job->capacity * 2 : 8;
	char *bigger = more < SIZE_MAX / job->size
	                       ? realloc(job->items, more * job->size)
	                       : NULL;
	if (!bigger)
		return error_set(NATRISK_ENOMEM, "out of memory");
	job->items = bigger;
	job->capacity = more;
	return 0;
}

static int list_work(sqlite3 *db, void *ctx)
{
	list_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db, job->sql);
	if (!stmt)
		return NATRISK_EIO;
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		if (job->count == job->capacity && (rc = grow(job)) != 0)
			break;
		rc = job->read(stmt, job->items + job->size * job->count);
		job->count += rc == 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

int db_list(natrisk_store *s, const char *sql, size_t size,
            int (*read)(sqlite3_stmt *stmt, void *item),
            void (*clear)(void *item), void **items, size_t *count)
{
	list_job job = { sql, size, read, clear, NULL, 0, 0 };
	int rc = db_read(s, list_work, &job);
	if (rc != 0) {
		for (size_t k = 0; k < job.count; k++)
			clear(job.items + size * k);
		free(job.items);
		job.items = NULL;
		job.count = 0;
	}
	*items = job.items;
	*count = job.count;
	return rc;
}

char *db_column_strdup(sqlite3_stmt *stmt, int column)
{
	const char *text = (const char *)sqlite3_column_text(stmt, column);
	char *copy = strdup(text ? text : "");
	if (!copy)
		error_set(NATRISK_ENOMEM, "out of memory");
	return copy;
}

static int migrate(sqlite3 *db, void *ctx)
{
	int *version = ctx;
	sqlite3_stmt *stmt = db_prepare(db, "PRAGMA user_version");
	if (!stmt)
		return NATRISK_EIO;
	int current = sqlite3_step(stmt) == SQLITE_ROW
	                      ? sqlite3_column_int(stmt, 0)
	                      : 0;
	sqlite3_finalize(stmt);
	for (int v = current; v < migration_count; v++) {
		int rc = db_exec(db, migrations[v]);
		if (rc != 0)
			return rc;
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d",
		         v + 1);
		if ((rc = db_exec(db, pragma)) != 0)
			return rc;
	}
	if (current > migration_count)
		return error_set(NATRISK_EINVALID, "the database has schema "
		                 "version %d; this natrisk knows up to %d",
		                 current, migration_count);
	*version = current > migration_count ? current : migration_count;
	return 0;
}

/* The schema version of a store opened read-only, not migrated. */
static int schema_version(sqlite3 *db, void *ctx)
{
	int *version = ctx;
	sqlite3_stmt *stmt = db_prepare(db, "PRAGMA user_version");
	if (!stmt)
		return NATRISK_EIO;
	int step = sqlite3_step(stmt);
	*version = step == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	if (step != SQLITE_ROW)
		return db_error(db, "schema version");
	if (*version > migration_count)
		return error_set(NATRISK_EINVALID, "the database has schema "
		                 "version %d; this natrisk knows up to %d",
		                 *version, migration_count);
	return 0;
}

/* PATH and SUFFIX, malloc'd. */
static char *beside(const char *path, const char *suffix)
{
	char *out = malloc(strlen(path) + strlen(suffix) + 1);
	if (out)
		strcat(strcpy(out, path), suffix);
	return out;
}

int natrisk_store_open(natrisk_store **out, const char *path)
{
	return natrisk_store_open_with(out, path, NULL);
}

int natrisk_store_open_with(natrisk_store **out, const char *path,
                            const natrisk_store_options *options)
{
	*out = NULL;
	natrisk_store_options none = { 0 };
	const natrisk_store_options *o = options ? options : &none;
	int rc = o->read_only ? 0 : db_check_writable(path);
	if (rc != 0)
		return rc;
	natrisk_store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path)) ||
	    !(s->key_path = o->audit_key ? strdup(o->audit_key)
	                                 : beside(path, ".audit-key")) ||
	    !(s->anchor_path = beside(path, ".audit-anchor"))) {
		if (s) {
			free(s->path);
			free(s->key_path);
		}
		free(s);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	s->read_only = o->read_only;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->freed, NULL);
	pthread_cond_init(&s->writer_done, NULL);
	rc = s->read_only ? db_read(s, schema_version, &s->version)
	                  : db_write(s, migrate, &s->version);
	if (rc == 0)
		rc = audit_open(s);
	if (rc != 0) {
		natrisk_store_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

void natrisk_store_close(natrisk_store *s)
{
	if (!s)
		return;
	for (int k = 0; k < s->idle_count; k++) {
		sqlite3_stmt *kept;
		while ((kept = sqlite3_next_stmt(s->idle[k], NULL)))
			sqlite3_finalize(kept);
		sqlite3_close(s->idle[k]);
	}
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->freed);
	pthread_cond_destroy(&s->writer_done);
	sodium_memzero(s->audit_key, sizeof s->audit_key);
	free(s->path);
	free(s->key_path);
	free(s->anchor_path);
	free(s);
}

int natrisk_store_schema_version(natrisk_store *s) { return s->version; }

typedef struct backup_job {
	natrisk_store *store;
	const char *path;
	const audit_anchor *live;
} backup_job;

static int backup_to(sqlite3 *db, void *ctx)
{
	backup_job *job = ctx;
	const char *path = job->path;
	sqlite3 *target = NULL;
	if (sqlite3_open(path, &target) != SQLITE_OK) {
		int rc = db_error(target, path);
		sqlite3_close(target);
		return rc;
	}
	sqlite3_backup *b = sqlite3_backup_init(target, "main", db, "main");
	int rc = 0;
	if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE)
		rc = db_error(target, "backup");
	sqlite3_backup_finish(b);
	sqlite3_close(target);
	/* the copy's anchor, from the same snapshot as the copy */
	return rc != 0 ? rc
	               : audit_backup_anchor(job->store, db, job->live, path);
}

int natrisk_store_backup(natrisk_store *s, const char *path)
{
	audit_anchor live;
	bool anchored = s->keyed && audit_anchor_read(s->anchor_path,
	                                              s->audit_key, &live) == 0;
	backup_job job = { s, path, anchored ? &live : NULL };
	return db_read(s, backup_to, &job);
}
