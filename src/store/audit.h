/*
 * audit.h - the inside of the audit log, shared by the store's files.
 *
 * Each entry has two links: its hash (BLAKE2b-256 of the previous entry's
 * hash and its own fields, unkeyed, as every release wrote it) and its MAC
 * (keyed BLAKE2b-256 of the previous entry's MAC and its own hash). The
 * key lives outside the database (DB.audit-key), so that whoever can
 * change the database, or holds a copy of it, cannot re-chain what they
 * changed. The anchor (DB.audit-anchor: the number of entries and the
 * last one's MAC, itself MAC'd) lives outside too, and every write moves
 * it forward, so that entries removed from the end are missed. The rules
 * and why are in docs/server.md ("Audit").
 */
#ifndef NATRISK_STORE_AUDIT_H
#define NATRISK_STORE_AUDIT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <natrisk/store.h>

enum { AUDIT_KEY_BYTES = 32, AUDIT_MAC_BYTES = 32,
       AUDIT_TEXT = 2 * AUDIT_MAC_BYTES + 1 };

/* The previous link of the first entry (and the head of an empty log). */
extern const char audit_genesis[AUDIT_TEXT];

/* The end of the log as the anchor records it. */
typedef struct audit_anchor {
	int64_t entries;
	char head[AUDIT_TEXT];   /* the MAC of entry ENTRIES, or the genesis */
} audit_anchor;

/* BLAKE2b-256 of FIELDS, each length-prefixed (NULL and "" differ), keyed
 * with KEY (AUDIT_KEY_BYTES) or unkeyed when KEY is NULL; as hex. */
void audit_digest(const unsigned char *key, const char *const *fields,
                  size_t count, char out[AUDIT_TEXT]);
/* An entry's MAC: of the previous entry's MAC (the genesis when it has
 * none) and of the entry's own hash. */
void audit_entry_mac(const unsigned char *key, const char *previous_mac,
                     const char *hash, char out[AUDIT_TEXT]);
/* An entry's hash: of the previous entry's hash, its id and FIELDS (at,
 * actor, action, object, before, after). */
void audit_entry_hash(const char *previous, int64_t id,
                      const char *const fields[6], char out[AUDIT_TEXT]);

/* The key file: 64 hexadecimal digits and a line break. NATRISK_ENOTFOUND
 * when there is none. Made 0600, never replaced. */
int audit_key_read(const char *path, unsigned char key[AUDIT_KEY_BYTES]);
int audit_key_create(const char *path, unsigned char key[AUDIT_KEY_BYTES]);

/* The anchor file. NATRISK_ENOTFOUND when there is none; NATRISK_EINVALID
 * when it is not an anchor or its MAC is not KEY's. */
int audit_anchor_read(const char *path, const unsigned char *key,
                      audit_anchor *out);
/* Writes A as PATH through a temporary file, fsync and rename. */
int audit_anchor_write(const char *path, const unsigned char *key,
                       const audit_anchor *a);

/* The lock that orders the writers of the anchor, of every process:
 * flock on PATH.lock. Returns the descriptor to give to
 * audit_anchor_unlock(), or -1 with the error set. */
int audit_anchor_lock(const char *path);
void audit_anchor_unlock(int fd);
/* Under the lock: moves the anchor to A when A is further on. An anchor
 * that is missing or not valid is left alone (and reported). */
int audit_anchor_advance(const char *path, const unsigned char *key,
                         const audit_anchor *a);

/*
 * A store write as the audit log sees it: db_write() begins one before
 * its transaction (audit_append() finds it through the thread, so that
 * the key never passes through SQL and the writers need not carry it)
 * and ends it after; a committed write that appended moves the anchor.
 */
typedef struct audit_write {
	natrisk_store *store;
	bool appended;
	audit_anchor tail;
	struct audit_write *outer;
} audit_write;

void audit_write_begin(audit_write *w, natrisk_store *s);
void audit_write_end(audit_write *w, bool committed);

/* The last entry: its id (0 for none), hash and MAC ("" when it has
 * none). */
int audit_last(sqlite3 *db, int64_t *id, char hash[AUDIT_TEXT],
               char mac[AUDIT_TEXT]);
/* Whether the audit table has the column of MACs, and any entry a MAC. */
int audit_has_macs(sqlite3 *db, bool *column, bool *any);

/*
 * Walks the log and checks every link: ids without gaps, hashes, and the
 * MACs under KEY (NULL: the unkeyed hashes only; an entry with a MAC is
 * then an error). ANCHOR, when given, must name an entry that exists and
 * has its MAC. REPORT gets the counts, and NATRISK_EINVALID names the
 * first entry that does not fit; TAIL (when given) the end of the log.
 */
int audit_walk(sqlite3 *db, const unsigned char *key,
               const audit_anchor *anchor, natrisk_audit_report *report,
               audit_anchor *tail);

/* At open: the key (made on first open) and the anchor, the log sealed
 * under the key when it was written without one, and the anchor checked
 * against the log. Read-only stores only read the key. */
int audit_open(natrisk_store *s);

/* For a backup made in DB's read transaction: its anchor at BACKUP's
 * name + ".audit-anchor", once the copied log verifies against LIVE (the
 * store's anchor, read before the transaction). */
int audit_backup_anchor(natrisk_store *s, sqlite3 *db,
                        const audit_anchor *live, const char *backup);

#endif
