/*
 * test_audit.c - the audit log against someone who can write the
 * database file: entries cut from the end, an entry rewritten and the
 * chain recomputed (unkeyed, or under a wrong key), the anchor removed or
 * replaced, a wrong key; the anchor lagging after a crash; a log from
 * before there were keys sealed on its first open; and verify on a store
 * opened read-only, which writes nothing.
 *
 * The chain is recomputed here from the format docs/server.md gives
 * (BLAKE2b-256 over length-prefixed fields), not with the store's code.
 */
#include "unit_support.h"
#include "store_support.h"

#include <dirent.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <natrisk/store.h>

typedef struct fixture_state {
	char dir[64], path[96], key[128], anchor[128];
	natrisk_store *store;
} fixture_state;

/* Disables ann when enabled and the other way round, TIMES times: an
 * audit entry each. */
static void toggle(natrisk_store *s, int times)
{
	for (int k = 0; k < times; k++) {
		natrisk_user u;
		assert_int_equal(natrisk_store_user_get(s, "ann", &u), 0);
		bool disabled = u.disabled;
		natrisk_user_clear(&u);
		assert_int_equal(disabled
		                         ? natrisk_store_user_enable(s, "ann", "t")
		                         : natrisk_store_user_disable(s, "ann", "t"),
		                 0);
	}
}

/* A store in a directory of its own with six entries: the user's, and
 * five changes of their state. */
static int setup(void **state)
{
	fixture_state *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/natrisk-audit-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/store.db", f->dir);
	snprintf(f->key, sizeof f->key, "%s.audit-key", f->path);
	snprintf(f->anchor, sizeof f->anchor, "%s.audit-anchor", f->path);
	assert_int_equal(natrisk_store_open(&f->store, f->path), 0);
	assert_int_equal(natrisk_store_user_add(f->store, "ann",
	                                        NATRISK_ROLE_VIEWER,
	                                        NATRISK_PUBLIC, "secret-ann-1",
	                                        "t"), 0);
	toggle(f->store, 5);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture_state *f = *state;
	natrisk_store_close(f->store);
	DIR *d = opendir(f->dir);
	struct dirent *e;
	char path[512];
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.') {
			snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(f->dir);
	free(f);
	return 0;
}

static int verify(fixture_state *f, natrisk_audit_report *r)
{
	return natrisk_store_audit_verify(f->store, r);
}

/* The error of the last call holds TEXT. */
static void assert_error_has(const char *text)
{
	if (!strstr(natrisk_error_last(), text))
		fail_msg("error '%s' lacks '%s'", natrisk_error_last(), text);
}

static void digest(const unsigned char *key, const char *const *fields,
                   int count, char out[65])
{
	crypto_generichash_state h;
	unsigned char bin[32];
	crypto_generichash_init(&h, key, key ? 32 : 0, 32);
	for (int k = 0; k < count; k++) {
		const char *t = fields[k];
		unsigned char marker = t != NULL, len[8];
		uint64_t n = t ? strlen(t) : 0;
		for (int b = 0; b < 8; b++)
			len[b] = (unsigned char)(n >> (8 * b));
		crypto_generichash_update(&h, &marker, 1);
		crypto_generichash_update(&h, len, 8);
		crypto_generichash_update(&h, (const unsigned char *)(t ? t : ""),
		                          n);
	}
	crypto_generichash_final(&h, bin, 32);
	sodium_bin2hex(out, 65, bin, 32);
}

/*
 * What an intruder does: sets entry 2's actor to "mallory", drops the
 * triggers, and recomputes every hash (and, with KEY, every MAC; NULL
 * leaves the MACs as they were) from the genesis on.
 */
static void rewrite_and_rechain(const char *path, const unsigned char *key)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER audit_no_update;"
	                                  "UPDATE audit SET actor = 'mallory' "
	                                  "WHERE id = 2", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_stmt *rows, *put;
	sqlite3_prepare_v2(db, "SELECT id, at, actor, action, object, before, "
	                       "after FROM audit ORDER BY id", -1, &rows, NULL);
	sqlite3_prepare_v2(db, "UPDATE audit SET previous_hash = ?, hash = ?, "
	                       "mac = coalesce(?, mac) WHERE id = ?", -1, &put,
	                   NULL);
	char previous[65], mac[65], hash[65], id[24];
	memset(previous, '0', 64);
	previous[64] = '\0';
	memcpy(mac, previous, 65);
	while (sqlite3_step(rows) == SQLITE_ROW) {
		snprintf(id, sizeof id, "%lld", sqlite3_column_int64(rows, 0));
		const char *fields[8] = { previous, id };
		for (int k = 1; k <= 6; k++)
			fields[k + 1] = (const char *)sqlite3_column_text(rows, k);
		digest(NULL, fields, 8, hash);
		const char *link[] = { "natrisk audit entry", mac, hash };
		if (key)
			digest(key, link, 3, mac);
		sqlite3_bind_text(put, 1, previous, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(put, 2, hash, -1, SQLITE_TRANSIENT);
		if (key)
			sqlite3_bind_text(put, 3, mac, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(put, 3);
		sqlite3_bind_int64(put, 4, sqlite3_column_int64(rows, 0));
		assert_int_equal(sqlite3_step(put), SQLITE_DONE);
		sqlite3_reset(put);
		memcpy(previous, hash, 65);
	}
	sqlite3_finalize(rows);
	sqlite3_finalize(put);
	sqlite3_close(db);
}

static void test_intact(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 6);
	assert_int_equal(r.anchored, 6);
	assert_int_equal(r.bad_id, 0);
	/* the key is the owner's alone */
	struct stat st;
	assert_int_equal(stat(f->key, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
}

/* Who drops the triggers and deletes the newest entries. */
static void test_truncation(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	assert_int_equal(raw_sql(f->path, "DROP TRIGGER audit_no_delete;"
	                                  "DELETE FROM audit WHERE id > 4"),
	                 SQLITE_OK);
	assert_int_equal(verify(f, &r), NATRISK_EINVALID);
	assert_error_has("ends at entry 4, but its anchor counts 6");
	assert_int_equal(r.bad_id, 5);
	/* and nothing is written after it, which would hide it */
	natrisk_store *again;
	assert_int_not_equal(natrisk_store_open(&again, f->path), 0);
	assert_error_has("entries were removed");
}

static void test_rechained_unkeyed(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	rewrite_and_rechain(f->path, NULL);
	assert_int_equal(verify(f, &r), NATRISK_EINVALID);
	assert_int_equal(r.bad_id, 2);
	assert_error_has("does not carry its MAC");
}

static void test_rechained_wrong_key(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	unsigned char other[32];
	randombytes_buf(other, sizeof other);
	rewrite_and_rechain(f->path, other);
	assert_int_equal(verify(f, &r), NATRISK_EINVALID);
	/* every MAC was made anew under the other key, the first one too */
	assert_int_equal(r.bad_id, 1);
	assert_error_has("does not carry its MAC");
}

/* Rechained with the right key, the format is as documented: the check
 * above failed for the key, not for a difference of format. */
static void test_format_is_documented(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	char hex[80];
	unsigned char key[32];
	FILE *in = fopen(f->key, "r");
	assert_non_null(fgets(hex, sizeof hex, in));
	fclose(in);
	assert_int_equal(sodium_hex2bin(key, 32, hex, 64, NULL, NULL, NULL), 0);
	rewrite_and_rechain(f->path, key);
	/* every link holds; only the anchor knows the end was rewritten */
	assert_int_equal(verify(f, &r), NATRISK_EINVALID);
	assert_int_equal(r.bad_id, 6);
	assert_error_has("not the entry that the anchor names");
}

static void test_anchor_removed_or_replaced(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	char saved[128];
	snprintf(saved, sizeof saved, "%s/saved-anchor", f->dir);
	assert_int_equal(rename(f->anchor, saved), 0);
	assert_int_equal(verify(f, &r), NATRISK_EINVALID);
	assert_error_has("anchor");
	assert_error_has("is missing");
	natrisk_store *again;
	assert_int_not_equal(natrisk_store_open(&again, f->path), 0);
	assert_error_has("is missing");
	/* another store's anchor does not pass for this one's */
	char other[128];
	snprintf(other, sizeof other, "%s/other.db", f->dir);
	assert_int_equal(natrisk_store_open(&again, other), 0);
	natrisk_store_close(again);
	snprintf(other, sizeof other, "%s/other.db.audit-anchor", f->dir);
	assert_int_equal(rename(other, f->anchor), 0);
	assert_int_equal(verify(f, &r), NATRISK_EINVALID);
	assert_error_has("does not fit the audit key");
	/* an anchor made anew for a whole log */
	unlink(f->anchor);
	assert_int_equal(natrisk_store_audit_anchor(f->store, &r), 0);
	assert_int_equal(r.anchored, 6);
	assert_int_equal(verify(f, &r), 0);
}

static void test_wrong_key(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	char wrong[128];
	snprintf(wrong, sizeof wrong, "%s/wrong-key", f->dir);
	FILE *out = fopen(wrong, "w");
	fprintf(out, "%064d\n", 7);
	fclose(out);
	natrisk_store_options ro = { wrong, true };
	natrisk_store *s;
	assert_int_equal(natrisk_store_open_with(&s, f->path, &ro), 0);
	assert_int_equal(natrisk_store_audit_verify(s, &r), NATRISK_EINVALID);
	assert_error_has("does not fit the audit key");
	natrisk_store_close(s);
	/* and no writer starts under it */
	natrisk_store_options rw = { wrong, false };
	assert_int_not_equal(natrisk_store_open_with(&s, f->path, &rw), 0);
	/* nor without the key at all */
	unlink(f->key);
	natrisk_store_options none = { NULL, true };
	assert_int_equal(natrisk_store_open_with(&s, f->path, &none), 0);
	assert_int_equal(natrisk_store_audit_verify(s, &r), NATRISK_EINVALID);
	assert_error_has("audit key");
	natrisk_store_close(s);
	assert_int_not_equal(natrisk_store_open(&s, f->path), 0);
	assert_error_has("audit key");
}

static char *slurp(const char *path)
{
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	char *text = calloc(1, 4096);
	assert_true(fread(text, 1, 4095, in) > 0);
	fclose(in);
	return text;
}

static void spill(const char *path, const char *text)
{
	FILE *out = fopen(path, "wb");
	fputs(text, out);
	fclose(out);
}

/* A crash between a write's commit and the anchor's move leaves the
 * anchor behind the log: allowed, and the next write moves it on. */
static void test_lagging_anchor(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	char *old = slurp(f->anchor);
	toggle(f->store, 2);
	spill(f->anchor, old);
	free(old);
	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 8);
	assert_int_equal(r.anchored, 6);
	/* cut below the anchor: caught */
	assert_int_equal(raw_sql(f->path, "DROP TRIGGER audit_no_delete;"
	                                  "DELETE FROM audit WHERE id > 5"),
	                 SQLITE_OK);
	assert_int_equal(verify(f, &r), NATRISK_EINVALID);
	assert_int_equal(r.bad_id, 6);
}

static void test_anchor_moves_forward_only(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	natrisk_store *other;
	assert_int_equal(natrisk_store_open(&other, f->path), 0);
	toggle(other, 1);    /* entry 7, by another writer */
	toggle(f->store, 1); /* entry 8, by this one */
	natrisk_store_close(other);
	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 8);
	assert_int_equal(r.anchored, 8);
}

/* A store written before the keys: the migration adds the MACs' column,
 * and the first open checks the unkeyed chain and seals it. */
static void make_legacy(fixture_state *f)
{
	natrisk_store_close(f->store);
	f->store = NULL;
	assert_int_equal(raw_sql(f->path, "ALTER TABLE audit DROP COLUMN mac;"
	                                  "DROP TABLE plan_levels;"
	                                  "DROP TABLE plan_experts;"
	                                  "DROP TABLE plan_items;"
	                                  "DROP TABLE action_log;"
	                                  "DROP TABLE user_organisations;"
	                                  "DROP TABLE feed_tokens;"
	                                  "DROP TABLE webhook_removals;"
	                                  "DROP TABLE signal_adoptions;"
	                                  "ALTER TABLE assessments DROP "
	                                  "COLUMN plan;"
	                                  "PRAGMA user_version = 4"),
	                 SQLITE_OK);
	unlink(f->key);
	unlink(f->anchor);
}

static void test_legacy_sealed(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	make_legacy(f);
	/* verify on the old store, read-only: intact, without a key */
	natrisk_store_options ro = { NULL, true };
	assert_int_equal(natrisk_store_open_with(&f->store, f->path, &ro), 0);
	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 6);
	assert_int_equal(r.unsealed, 6);
	assert_int_equal(r.anchored, -1);
	assert_int_equal(access(f->key, F_OK), -1);
	natrisk_store_close(f->store);
	assert_int_equal(natrisk_store_open(&f->store, f->path), 0);
	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 7);
	assert_int_equal(r.unsealed, 6);
	assert_int_equal(r.anchored, 7);
	/* sealed: rewriting an old entry is now caught */
	rewrite_and_rechain(f->path, NULL);
	assert_int_equal(verify(f, &r), NATRISK_EINVALID);
	assert_int_equal(r.bad_id, 7);
}

static void test_legacy_broken_not_sealed(void **state)
{
	fixture_state *f = *state;
	make_legacy(f);
	assert_int_equal(raw_sql(f->path, "DROP TRIGGER audit_no_update;"
	                                  "UPDATE audit SET actor = 'x' "
	                                  "WHERE id = 3"), SQLITE_OK);
	assert_int_not_equal(natrisk_store_open(&f->store, f->path), 0);
	assert_error_has("does not seal a broken log");
}

static int count_files(const char *dir)
{
	int n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* A copy without its -wal and -shm, opened read-only: verified, and not
 * one file made beside it. */
static void test_read_only_copy(void **state)
{
	fixture_state *f = *state;
	natrisk_store_close(f->store); /* checkpoints: no -wal left */
	f->store = NULL;
	int before = count_files(f->dir);
	natrisk_store_options ro = { NULL, true };
	assert_int_equal(natrisk_store_open_with(&f->store, f->path, &ro), 0);
	natrisk_audit_report r;
	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 6);
	assert_int_equal(natrisk_store_user_disable(f->store, "ann", "t"),
	                 NATRISK_EIO);
	natrisk_store_close(f->store);
	f->store = NULL;
	assert_int_equal(count_files(f->dir), before);
}

#define AUDIT_TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		AUDIT_TEST(test_intact),
		AUDIT_TEST(test_truncation),
		AUDIT_TEST(test_rechained_unkeyed),
		AUDIT_TEST(test_rechained_wrong_key),
		AUDIT_TEST(test_format_is_documented),
		AUDIT_TEST(test_anchor_removed_or_replaced),
		AUDIT_TEST(test_wrong_key),
		AUDIT_TEST(test_lagging_anchor),
		AUDIT_TEST(test_anchor_moves_forward_only),
		AUDIT_TEST(test_legacy_sealed),
		AUDIT_TEST(test_legacy_broken_not_sealed),
		AUDIT_TEST(test_read_only_copy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
