/*
 * audit.c - the audit log: who changed what, when, with the value before
 * and after. Append-only (triggers refuse UPDATE and DELETE), hash-chained
 * and MAC-chained under a key kept outside the database (see audit.h):
 * each entry's hash is BLAKE2b-256 of the previous entry's hash and every
 * field of its own, each field length-prefixed so that no two different
 * entries serialise alike; its MAC is keyed BLAKE2b-256 of the previous
 * MAC and that hash. Whoever edits the file directly breaks the chain,
 * cannot forge the MACs without the key, and natrisk_store_audit_verify()
 * finds where.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../core/error.h"
#include "audit.h"
#include "db.h"

const char audit_genesis[AUDIT_TEXT] =
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

void audit_digest(const unsigned char *key, const char *const *fields,
                  size_t count, char out[AUDIT_TEXT])
{
	crypto_generichash_state h;
	unsigned char digest[AUDIT_MAC_BYTES];
	crypto_generichash_init(&h, key, key ? AUDIT_KEY_BYTES : 0,
	                        sizeof digest);
	for (size_t k = 0; k < count; k++)
		add_field(&h, fields[k]);
	crypto_generichash_final(&h, digest, sizeof digest);
	sodium_bin2hex(out, AUDIT_TEXT, digest, sizeof digest);
}

void audit_entry_mac(const unsigned char *key, const char *previous_mac,
                     const char *hash, char out[AUDIT_TEXT])
{
	const char *fields[] = { "natrisk audit entry", previous_mac, hash };
	audit_digest(key, fields, 3, out);
}

void audit_entry_hash(const char *previous, int64_t id,
                      const char *const fields[6], char out[AUDIT_TEXT])
{
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", (long long)id);
	const char *all[] = { previous, id_text, fields[0], fields[1],
		              fields[2], fields[3], fields[4], fields[5] };
	audit_digest(NULL, all, 8, out);
}

static void copy_text(char out[AUDIT_TEXT], const unsigned char *text)
{
	snprintf(out, AUDIT_TEXT, "%s", text ? (const char *)text : "");
}

int audit_last(sqlite3 *db, int64_t *id, char hash[AUDIT_TEXT],
               char mac[AUDIT_TEXT])
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id, hash, mac FROM audit "
	                                    "ORDER BY id DESC LIMIT 1");
	if (!stmt)
		return NATRISK_EIO;
	*id = 0;
	memcpy(hash, audit_genesis, AUDIT_TEXT);
	mac[0] = '\0';
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		copy_text(hash, sqlite3_column_text(stmt, 1));
		copy_text(mac, sqlite3_column_text(stmt, 2));
	}
	sqlite3_finalize(stmt);
	return 0;
}

int audit_has_macs(sqlite3 *db, bool *column, bool *any)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT count(*) FROM "
	                                    "pragma_table_info('audit') "
	                                    "WHERE name = 'mac'");
	if (!stmt)
		return NATRISK_EIO;
	*column = sqlite3_step(stmt) == SQLITE_ROW &&
	          sqlite3_column_int(stmt, 0) == 1;
	sqlite3_finalize(stmt);
	*any = false;
	if (!*column)
		return 0;
	stmt = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM audit WHERE mac "
	                      "IS NOT NULL)");
	if (!stmt)
		return NATRISK_EIO;
	*any = sqlite3_step(stmt) == SQLITE_ROW &&
	       sqlite3_column_int(stmt, 0) == 1;
	sqlite3_finalize(stmt);
	return 0;
}

/* The write of this thread, if one is under way (db_write). */
static _Thread_local audit_write *current;

void audit_write_begin(audit_write *w, natrisk_store *s)
{
	memset(w, 0, sizeof *w);
	w->store = s;
	w->outer = current;
	current = w;
}

void audit_write_end(audit_write *w, bool committed)
{
	current = w->outer;
	natrisk_store *s = w->store;
	/* The write is on disk: an anchor that fails to move only lags,
	 * which verify allows. Say so, since nothing else would. */
	if (committed && w->appended &&
	    audit_anchor_advance(s->anchor_path, s->audit_key, &w->tail) != 0)
		fprintf(stderr, "natrisk: %s\n", natrisk_error_last());
}

int audit_append(sqlite3 *db, const char *actor, const char *action,
                 const char *object, const char *before, const char *after)
{
	audit_write *w = current;
	if (!w || !w->store->keyed)
		return error_set(NATRISK_ERROR, "the audit log is written only "
		                 "in a store write, under the audit key");
	int64_t last;
	char previous[AUDIT_TEXT], previous_mac[AUDIT_TEXT];
	char hash[AUDIT_TEXT], mac[AUDIT_TEXT], at[21];
	int rc = audit_last(db, &last, previous, previous_mac);
	if (rc != 0)
		return rc;
	db_now(at);
	const char *fields[] = { at, actor, action, object, before, after };
	audit_entry_hash(previous, last + 1, fields, hash);
	audit_entry_mac(w->store->audit_key,
	                previous_mac[0] ? previous_mac : audit_genesis, hash,
	                mac);
	sqlite3_stmt *stmt = db_prepare(db,
		"INSERT INTO audit (id, at, actor, action, object, before, "
		"after, previous_hash, hash, mac) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!stmt)
		return NATRISK_EIO;
	sqlite3_bind_int64(stmt, 1, last + 1);
	for (int k = 0; k < 6; k++)
		sqlite3_bind_text(stmt, k + 2, fields[k], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 8, previous, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 9, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 10, mac, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : db_error(db, "audit");
	sqlite3_finalize(stmt);
	if (rc == 0) {
		w->appended = true;
		w->tail.entries = last + 1;
		memcpy(w->tail.head, mac, AUDIT_TEXT);
	}
	return rc;
}
