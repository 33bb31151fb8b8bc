/*
 * audit_open.c - the audit key and anchor when a store opens: the key is
 * made on the first open (with an anchor at the empty log); a log written
 * before there were keys is checked and sealed under the key; and the
 * anchor is checked against the log, so that a log cut short or rewritten
 * is refused before anything is written after it (which would otherwise
 * move the anchor past the damage). Also the anchor of a backup.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/error.h"
#include "audit.h"
#include "db.h"

static int anchor_missing(const natrisk_store *s)
{
	return error_set(NATRISK_EINVALID, "the audit anchor %s is missing: "
	                 "entries removed from the end of the audit log could "
	                 "not be told; restore it from the backup (or, for a "
	                 "log known to be whole, make a new one with 'natrisk "
	                 "audit anchor')", s->anchor_path);
}

static int key_missing(const natrisk_store *s)
{
	return error_set(NATRISK_EINVALID, "the audit key %s is missing, and "
	                 "the audit log was written under it: restore it, or "
	                 "name where it is with --audit-key or "
	                 "NATRISK_AUDIT_KEY", s->key_path);
}

static int any_mac(sqlite3 *db, void *ctx)
{
	bool column;
	return audit_has_macs(db, &column, ctx);
}

/* Under the anchor's lock, so that two processes opening a new store do
 * not both make a key: the key read, or made with an anchor at the
 * empty log when neither a key nor anything written under one exists. */
static int key_and_anchor(natrisk_store *s)
{
	int rc = audit_key_read(s->key_path, s->audit_key);
	s->keyed = rc == 0;
	if (rc != 0 && rc != NATRISK_ENOTFOUND)
		return rc;
	audit_anchor anchor;
	if (s->keyed) {
		rc = audit_anchor_read(s->anchor_path, s->audit_key, &anchor);
		return rc == NATRISK_ENOTFOUND ? anchor_missing(s) : rc;
	}
	bool keyed_entries = false;
	struct stat st;
	if ((rc = db_read(s, any_mac, &keyed_entries)) != 0)
		return rc;
	if (keyed_entries || stat(s->anchor_path, &st) == 0)
		return key_missing(s);
	if ((rc = audit_key_create(s->key_path, s->audit_key)) != 0)
		return rc;
	s->keyed = true;
	anchor.entries = 0;
	memcpy(anchor.head, audit_genesis, AUDIT_TEXT);
	return audit_anchor_write(s->anchor_path, s->audit_key, &anchor);
}

/* Entries to seal: some, and none of them under a key yet. */
static int unsealed(sqlite3 *db, bool *out)
{
	int64_t last;
	char hash[AUDIT_TEXT], mac[AUDIT_TEXT];
	bool column, keyed;
	int rc = audit_has_macs(db, &column, &keyed);
	if (rc == 0)
		rc = audit_last(db, &last, hash, mac);
	*out = rc == 0 && last > 0 && !keyed;
	return rc;
}

static int needs_seal(sqlite3 *db, void *ctx)
{
	return unsealed(db, ctx);
}

/* The seal: an entry under the key whose hash covers the last unkeyed
 * entry's, and so, link by link, every entry before it. A log whose
 * unkeyed chain is broken is not sealed: that would vouch for it. */
static int seal(sqlite3 *db, void *ctx)
{
	bool open;
	int rc = unsealed(db, &open);
	if (rc != 0 || !open)
		return rc; /* another process sealed it first */
	natrisk_audit_report report = { 0 };
	char why[512];
	if ((rc = audit_walk(db, NULL, NULL, &report, NULL)) != 0) {
		snprintf(why, sizeof why, "%s", natrisk_error_last());
		return error_set(rc, "the audit log was changed before it was "
		                 "sealed under the audit key (%s); natrisk does "
		                 "not seal a broken log: see 'natrisk audit "
		                 "verify'", why);
	}
	char after[64];
	snprintf(after, sizeof after, "{\"entries\": %lld}",
	         (long long)report.entries);
	return audit_append(db, "natrisk", "audit.seal", "audit", NULL, after);
}

typedef struct fit_job {
	const natrisk_store *store;
	const audit_anchor *anchor;
} fit_job;

/* The anchor names an entry that exists and has the anchor's MAC. */
static int anchor_fits(sqlite3 *db, void *ctx)
{
	fit_job *job = ctx;
	int64_t last;
	char hash[AUDIT_TEXT], mac[AUDIT_TEXT];
	int rc = audit_last(db, &last, hash, mac);
	if (rc != 0 || job->anchor->entries == 0)
		return rc;
	if (last < job->anchor->entries)
		return error_set(NATRISK_EINVALID, "the audit log ends at entry "
		                 "%lld, but its anchor counts %lld entries: "
		                 "entries were removed from its end; see "
		                 "'natrisk audit verify'", (long long)last,
		                 (long long)job->anchor->entries);
	sqlite3_stmt *stmt = db_prepare(db, "SELECT mac FROM audit WHERE "
	                                    "id = ?");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, job->anchor->entries);
	const unsigned char *named = sqlite3_step(stmt) == SQLITE_ROW
	                                     ? sqlite3_column_text(stmt, 0)
	                                     : NULL;
	bool fits = named && strlen((const char *)named) == AUDIT_TEXT - 1 &&
	            sodium_memcmp(named, job->anchor->head,
	                          AUDIT_TEXT - 1) == 0;
	sqlite3_finalize(stmt);
	if (!fits)
		return error_set(NATRISK_EINVALID, "audit entry %lld is not the "
		                 "entry that the anchor %s names: the log was "
		                 "rewritten; see 'natrisk audit verify'",
		                 (long long)job->anchor->entries,
		                 job->store->anchor_path);
	return 0;
}

int audit_open(natrisk_store *s)
{
	if (sodium_init() < 0)
		return error_set(NATRISK_ERROR, "libsodium cannot start");
	if (s->read_only) {
		/* verify says what is missing; nothing is made here */
		int rc = audit_key_read(s->key_path, s->audit_key);
		s->keyed = rc == 0;
		return rc == NATRISK_ENOTFOUND ? 0 : rc;
	}
	int fd = audit_anchor_lock(s->anchor_path);
	if (fd < 0)
		return NATRISK_EIO;
	int rc = key_and_anchor(s);
	audit_anchor_unlock(fd);
	bool open = false;
	if (rc == 0)
		rc = db_read(s, needs_seal, &open);
	if (rc == 0 && open)
		rc = db_write(s, seal, NULL);
	/* read after the seal moved it, and before the log: see verify */
	audit_anchor anchor;
	if (rc == 0)
		rc = audit_anchor_read(s->anchor_path, s->audit_key, &anchor);
	fit_job job = { s, &anchor };
	if (rc == 0)
		rc = db_read(s, anchor_fits, &job);
	return rc;
}

int audit_backup_anchor(natrisk_store *s, sqlite3 *db,
                        const audit_anchor *live, const char *backup)
{
	natrisk_audit_report report = { 0 };
	audit_anchor tail;
	int rc = audit_walk(db, s->audit_key, live, &report, &tail);
	if (rc != 0) {
		char why[512];
		snprintf(why, sizeof why, "%s", natrisk_error_last());
		return error_set(rc, "the backup %s is written, but the audit "
		                 "log it holds does not verify (%s), so it has "
		                 "no anchor", backup, why);
	}
	char *path = malloc(strlen(backup) + sizeof ".audit-anchor");
	if (!path)
		return error_set(NATRISK_ENOMEM, "out of memory");
	sprintf(path, "%s.audit-anchor", backup);
	rc = audit_anchor_write(path, s->audit_key, &tail);
	free(path);
	return rc;
}
