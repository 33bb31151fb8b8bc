/*
 * audit_verify.c - checking the audit log: every entry's id, hash and
 * link; its MAC under the key; and the log's end against the anchor,
 * which may lag behind the log (a crash between a write's commit and the
 * anchor's move) but never be ahead of it. Also "natrisk audit anchor":
 * a new anchor for a log whose every link and MAC holds.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/error.h"
#include "audit.h"
#include "db.h"

typedef struct walk {
	const unsigned char *key;
	const audit_anchor *anchor;
	natrisk_audit_report *report;
	audit_anchor *tail;
	int64_t expected_id;
	char previous[AUDIT_TEXT];     /* the hash the next entry follows */
	char previous_mac[AUDIT_TEXT]; /* "" when that entry has no MAC */
	bool keyed_seen;
} walk;

static const char *column(sqlite3_stmt *stmt, int k)
{
	return (const char *)sqlite3_column_text(stmt, k);
}

static bool same(const char *a, const char *b)
{
	return a && b && strlen(a) == AUDIT_TEXT - 1 &&
	       strlen(b) == AUDIT_TEXT - 1 &&
	       sodium_memcmp(a, b, AUDIT_TEXT - 1) == 0;
}

/* The entry's MAC: absent only in the unkeyed entries that came before
 * the log was sealed; otherwise the key's, and the anchor's when the
 * anchor names this entry. */
static int check_mac(walk *w, int64_t id, const char *hash, const char *mac)
{
	if (!mac) {
		if (w->keyed_seen)
			return error_set(NATRISK_EINVALID, "audit entry %lld has "
			                 "no MAC, though the entries before it "
			                 "have: natrisk did not write it",
			                 (long long)id);
		w->report->unsealed++;
	} else if (!w->key) {
		return error_set(NATRISK_EINVALID, "audit entry %lld has a MAC, "
		                 "and there is no audit key to check it",
		                 (long long)id);
	} else {
		char expected[AUDIT_TEXT];
		audit_entry_mac(w->key, w->previous_mac[0] ? w->previous_mac
		                                           : audit_genesis,
		                hash, expected);
		if (!same(mac, expected))
			return error_set(NATRISK_EINVALID, "audit entry %lld "
			                 "does not carry its MAC under the audit "
			                 "key: it was rewritten (or the key is "
			                 "wrong)", (long long)id);
		w->keyed_seen = true;
	}
	if (w->anchor && id == w->anchor->entries &&
	    !same(mac, w->anchor->head))
		return error_set(NATRISK_EINVALID, "audit entry %lld is not the "
		                 "entry that the anchor names: the log was "
		                 "rewritten from there on", (long long)id);
	return 0;
}

static int check_entry(walk *w, sqlite3_stmt *stmt)
{
	int64_t id = sqlite3_column_int64(stmt, 0);
	const char *previous = column(stmt, 7), *stored = column(stmt, 8);
	const char *mac = column(stmt, 9);
	const char *fields[6];
	for (int k = 0; k < 6; k++)
		fields[k] = column(stmt, k + 1);
	char hash[AUDIT_TEXT];
	audit_entry_hash(w->previous, id, fields, hash);
	if (id != w->expected_id)
		return error_set(NATRISK_EINVALID, "audit entry %lld is missing "
		                 "(found %lld)", (long long)w->expected_id,
		                 (long long)id);
	if (!previous || strcmp(previous, w->previous) != 0)
		return error_set(NATRISK_EINVALID, "audit entry %lld does not "
		                 "follow the one before", (long long)id);
	if (!stored || strcmp(stored, hash) != 0)
		return error_set(NATRISK_EINVALID, "audit entry %lld was changed "
		                 "after it was written", (long long)id);
	int rc = check_mac(w, id, hash, mac);
	if (rc != 0)
		return rc;
	memcpy(w->previous, hash, AUDIT_TEXT);
	snprintf(w->previous_mac, AUDIT_TEXT, "%s", mac ? mac : "");
	return 0;
}

static int check_end(walk *w)
{
	int64_t count = w->expected_id - 1;
	if (w->tail) {
		w->tail->entries = count;
		memcpy(w->tail->head, w->previous_mac[0] ? w->previous_mac
		                                         : audit_genesis,
		       AUDIT_TEXT);
	}
	if (!w->anchor)
		return 0;
	if (w->anchor->entries > count) {
		w->report->bad_id = count + 1;
		return error_set(NATRISK_EINVALID, "the audit log ends at entry "
		                 "%lld, but its anchor counts %lld entries: "
		                 "entries were removed from its end",
		                 (long long)count,
		                 (long long)w->anchor->entries);
	}
	if (w->anchor->entries == 0 && strcmp(w->anchor->head, audit_genesis))
		return error_set(NATRISK_EINVALID, "the audit anchor counts no "
		                 "entries but names one");
	return 0;
}

int audit_walk(sqlite3 *db, const unsigned char *key,
               const audit_anchor *anchor, natrisk_audit_report *report,
               audit_anchor *tail)
{
	bool has_column, any;
	int rc = audit_has_macs(db, &has_column, &any);
	if (rc != 0)
		return rc;
	sqlite3_stmt *stmt = db_prepare(db, has_column
		? "SELECT id, at, actor, action, object, before, after, "
		  "previous_hash, hash, mac FROM audit ORDER BY id"
		: "SELECT id, at, actor, action, object, before, after, "
		  "previous_hash, hash, NULL FROM audit ORDER BY id");
	if (!stmt)
		return NATRISK_EIO;
	walk w = { key, anchor, report, tail, 1, { 0 }, "", false };
	memcpy(w.previous, audit_genesis, AUDIT_TEXT);
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		rc = check_entry(&w, stmt);
		if (rc != 0)
			report->bad_id = sqlite3_column_int64(stmt, 0);
		else
			w.expected_id++;
	}
	sqlite3_finalize(stmt);
	report->entries = w.expected_id - 1;
	return rc != 0 ? rc : check_end(&w);
}

typedef struct verify_job {
	natrisk_store *store;
	const audit_anchor *anchor;
	natrisk_audit_report *report;
	audit_anchor *tail;
} verify_job;

static int verify_work(sqlite3 *db, void *ctx)
{
	verify_job *job = ctx;
	natrisk_store *s = job->store;
	return audit_walk(db, s->keyed ? s->audit_key : NULL, job->anchor,
	                  job->report, job->tail);
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The anchor to check the log against, read before the log: a writer
 * moves it only after its commit, so that the log then read is at
 * least as long. NULL for a log without a key. */
static int anchor_for_verify(natrisk_store *s, audit_anchor *out,
                             const audit_anchor **anchor)
{
	*anchor = NULL;
	if (!s->keyed)
		return exists(s->anchor_path)
		               ? error_set(NATRISK_EINVALID, "the audit key %s "
		                           "is missing: it is needed to check "
		                           "this log", s->key_path)
		               : 0;
	int rc = audit_anchor_read(s->anchor_path, s->audit_key, out);
	if (rc == NATRISK_ENOTFOUND)
		return error_set(NATRISK_EINVALID, "the audit anchor %s is "
		                 "missing: entries removed from the end of the "
		                 "log could not be told; restore it from the "
		                 "backup (or, for a log known to be whole, make "
		                 "a new one with 'natrisk audit anchor')",
		                 s->anchor_path);
	if (rc == 0)
		*anchor = out;
	return rc;
}

int natrisk_store_audit_verify(natrisk_store *s, natrisk_audit_report *r)
{
	memset(r, 0, sizeof *r);
	r->anchored = -1;
	audit_anchor stored;
	const audit_anchor *anchor;
	int rc = anchor_for_verify(s, &stored, &anchor);
	if (rc != 0)
		return rc;
	r->anchored = anchor ? anchor->entries : -1;
	verify_job job = { s, anchor, r, NULL };
	return db_read(s, verify_work, &job);
}

int natrisk_store_audit_anchor(natrisk_store *s, natrisk_audit_report *r)
{
	memset(r, 0, sizeof *r);
	if (!s->keyed)
		return error_set(NATRISK_EINVALID, "the audit key %s is missing",
		                 s->key_path);
	audit_anchor tail;
	verify_job job = { s, NULL, r, &tail };
	int rc = db_read(s, verify_work, &job);
	if (rc == 0 && r->entries > 0 && r->unsealed == r->entries)
		rc = error_set(NATRISK_EINVALID, "the audit log is not sealed "
		               "under the key yet: natrisk seals it when it next "
		               "opens the store for writing");
	int fd = rc == 0 ? audit_anchor_lock(s->anchor_path) : -1;
	if (rc == 0 && fd < 0)
		rc = NATRISK_EIO;
	if (rc == 0)
		rc = audit_anchor_write(s->anchor_path, s->audit_key, &tail);
	audit_anchor_unlock(fd);
	r->anchored = rc == 0 ? tail.entries : -1;
	return rc;
}
