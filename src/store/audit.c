/*
 * audit.c - the audit log: who changed what, when, with the value before
 * and after. Append-only (triggers refuse UPDATE and DELETE) and
 * hash-chained: each entry's hash is BLAKE2b-256 of the previous entry's
 * hash and every field of its own, each field length-prefixed so that no
 * two different entries serialise alike. Whoever edits the file directly
 * breaks the chain, and natrisk_store_audit_verify() finds where.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../core/error.h"
#include "db.h"

enum { HASH_BYTES = 32, HASH_TEXT = 2 * HASH_BYTES + 1 };

static const char genesis[HASH_TEXT] =
	"0000000000000000000000000000000000000000000000000000000000000000";

static void add_field(crypto_generichash_state *h, const char *text)
{
	/* NULL and "" differ: a marker byte, then the length, then bytes */
	unsigned char marker = text ? 1 : 0;
	uint64_t len = text ? strlen(text) : 0;
	unsigned char len_bytes[8];
	for (int k = 0; k < 8; k++)
		len_bytes[k] = (unsigned char)(len >> (8 * k));
	crypto_generichash_update(h, &marker, 1);
	crypto_generichash_update(h, len_bytes, sizeof len_bytes);
	if (len)
		crypto_generichash_update(h, (const unsigned char *)text, len);
}

static void entry_hash(const char *previous, int64_t id, const char *at,
                       const char *actor, const char *action,
                       const char *object, const char *before,
                       const char *after, char out[HASH_TEXT])
{
	crypto_generichash_state h;
	unsigned char digest[HASH_BYTES];
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", (long long)id);
	crypto_generichash_init(&h, NULL, 0, sizeof digest);
	const char *fields[] = { previous, id_text, at, actor, action,
		                 object, before, after };
	for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
		add_field(&h, fields[k]);
	crypto_generichash_final(&h, digest, sizeof digest);
	sodium_bin2hex(out, HASH_TEXT, digest, sizeof digest);
}

/* The last entry's id and hash, or 0 and the genesis hash. */
static int last_entry(sqlite3 *db, int64_t *id, char hash[HASH_TEXT])
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id, hash FROM audit "
	                                    "ORDER BY id DESC LIMIT 1");
	if (!stmt)
		return NATRISK_EIO;
	*id = 0;
	memcpy(hash, genesis, HASH_TEXT);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		const unsigned char *text = sqlite3_column_text(stmt, 1);
		snprintf(hash, HASH_TEXT, "%s", text ? (const char *)text : "");
	}
	sqlite3_finalize(stmt);
	return 0;
}

int audit_append(sqlite3 *db, const char *actor, const char *action,
                 const char *object, const char *before, const char *after)
{
	int64_t last;
	char previous[HASH_TEXT], hash[HASH_TEXT], at[21];
	int rc = last_entry(db, &last, previous);
	if (rc != 0)
		return rc;
	db_now(at);
	entry_hash(previous, last + 1, at, actor, action, object, before,
	           after, hash);
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO audit (id, at, actor, action, object, before, "
		"after, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, last + 1);
	sqlite3_bind_text(stmt, 2, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 5, object, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, before, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 7, after, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 8, previous, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 9, hash, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : db_error(db, "audit");
	sqlite3_finalize(stmt);
	return rc;
}

typedef struct verify_job {
	int64_t checked, bad_id;
} verify_job;

static const char *column(sqlite3_stmt *stmt, int k)
{
	return (const char *)sqlite3_column_text(stmt, k);
}

static int verify(sqlite3 *db, void *ctx)
{
	verify_job *job = ctx;
	sqlite3_stmt *stmt = db_prepare(db,
		"SELECT id, at, actor, action, object, before, after, "
		"previous_hash, hash FROM audit ORDER BY id");
	if (!stmt)
		return NATRISK_EIO;
	char expected_previous[HASH_TEXT], hash[HASH_TEXT];
	memcpy(expected_previous, genesis, HASH_TEXT);
	int64_t expected_id = 1;
	int rc = 0;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		const char *previous = column(stmt, 7), *stored = column(stmt, 8);
		entry_hash(expected_previous, id, column(stmt, 1),
		           column(stmt, 2), column(stmt, 3), column(stmt, 4),
		           column(stmt, 5), column(stmt, 6), hash);
		if (id != expected_id)
			rc = error_set(NATRISK_EINVALID, "audit entry %lld is "
			               "missing (found %lld)",
			               (long long)expected_id, (long long)id);
		else if (!previous || strcmp(previous, expected_previous) != 0)
			rc = error_set(NATRISK_EINVALID, "audit entry %lld does "
			               "not follow the one before", (long long)id);
		else if (!stored || strcmp(stored, hash) != 0)
			rc = error_set(NATRISK_EINVALID, "audit entry %lld was "
			               "changed after it was written",
			               (long long)id);
		if (rc != 0) {
			job->bad_id = id;
			break;
		}
		memcpy(expected_previous, hash, HASH_TEXT);
		expected_id++;
		job->checked++;
	}
	sqlite3_finalize(stmt);
	return rc;
}

int natrisk_store_audit_verify(natrisk_store *s, int64_t *checked,
                               int64_t *bad_id)
{
	verify_job job = { 0, 0 };
	int rc = db_read(s, verify, &job);
	*checked = job.checked;
	*bad_id = job.bad_id;
	return rc;
}
