/*
 * test_accounts.c - a user's account in the store: a new password (the
 * same rules as a new user's; every session ends but the one kept), a
 * disabled user enabled again, and the audit log of it all, which never
 * holds a password or its hash.
 */
#include "unit_support.h"

#include <sqlite3.h>

#include <natrisk/store.h>

typedef struct fixture_state {
	char dir[64], path[96];
	natrisk_store *store;
} fixture_state;

static int setup(void **state)
{
	fixture_state *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/natrisk-accounts-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/store.db", f->dir);
	assert_int_equal(natrisk_store_open(&f->store, f->path), 0);
	assert_int_equal(natrisk_store_user_add(f->store, "ann",
	                                        NATRISK_ROLE_ANALYST,
	                                        NATRISK_PUBLIC, "first-password",
	                                        "admin"), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture_state *f = *state;
	natrisk_store_close(f->store);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static int64_t ann_id(fixture_state *f)
{
	natrisk_user u;
	assert_int_equal(natrisk_store_user_get(f->store, "ann", &u), 0);
	int64_t id = u.id;
	natrisk_user_clear(&u);
	return id;
}

static bool session_lives(fixture_state *f, const char *token)
{
	natrisk_user u;
	char csrf[NATRISK_TOKEN_TEXT];
	bool found = natrisk_store_session_find(f->store, token, &u, csrf) == 0;
	natrisk_user_clear(&u);
	return found;
}

static void test_new_password(void **state)
{
	fixture_state *f = *state;
	natrisk_user u;
	char kept[NATRISK_TOKEN_TEXT], other[NATRISK_TOKEN_TEXT];
	char csrf[NATRISK_TOKEN_TEXT];
	assert_int_equal(natrisk_store_session_new(f->store, ann_id(f), 3600,
	                                           kept, csrf), 0);
	assert_int_equal(natrisk_store_session_new(f->store, ann_id(f), 3600,
	                                           other, csrf), 0);
	assert_int_equal(natrisk_store_user_password(f->store, "ann",
	                                             "second-password", kept,
	                                             "ann"), 0);
	assert_int_equal(natrisk_store_login(f->store, "ann", "first-password",
	                                     &u), NATRISK_EDENIED);
	assert_int_equal(natrisk_store_login(f->store, "ann",
	                                     "second-password", &u), 0);
	natrisk_user_clear(&u);
	assert_true(session_lives(f, kept));
	assert_false(session_lives(f, other));
	/* set by someone else: every session ends */
	assert_int_equal(natrisk_store_user_password(f->store, "ann",
	                                             "third-password", NULL,
	                                             "admin"), 0);
	assert_false(session_lives(f, kept));
}

static void test_password_rules(void **state)
{
	fixture_state *f = *state;
	natrisk_user u;
	/* seven characters: one short of the minimum of user add */
	assert_int_equal(natrisk_store_user_password(f->store, "ann", "1234567",
	                                             NULL, "admin"),
	                 NATRISK_EINVALID);
	assert_non_null(strstr(natrisk_error_last(), "at least 8"));
	assert_int_equal(natrisk_store_user_add(f->store, "bob",
	                                        NATRISK_ROLE_VIEWER,
	                                        NATRISK_PUBLIC, "1234567", "a"),
	                 NATRISK_EINVALID);
	assert_int_equal(natrisk_store_login(f->store, "ann", "first-password",
	                                     &u), 0);
	natrisk_user_clear(&u);
	assert_int_equal(natrisk_store_user_password(f->store, "nobody",
	                                             "long-enough-1", NULL,
	                                             "admin"),
	                 NATRISK_ENOTFOUND);
}

static void test_enable_again(void **state)
{
	fixture_state *f = *state;
	natrisk_user u;
	char token[NATRISK_TOKEN_TEXT], csrf[NATRISK_TOKEN_TEXT];
	assert_int_equal(natrisk_store_session_new(f->store, ann_id(f), 3600,
	                                           token, csrf), 0);
	assert_int_equal(natrisk_store_user_disable(f->store, "ann", "admin"),
	                 0);
	assert_false(session_lives(f, token));
	assert_int_equal(natrisk_store_login(f->store, "ann", "first-password",
	                                     &u), NATRISK_EDENIED);
	/* again: already so, nothing changes */
	assert_int_equal(natrisk_store_user_disable(f->store, "ann", "admin"),
	                 0);
	assert_int_equal(natrisk_store_user_enable(f->store, "ann", "admin"), 0);
	assert_int_equal(natrisk_store_login(f->store, "ann", "first-password",
	                                     &u), 0);
	assert_false(u.disabled);
	natrisk_user_clear(&u);
	assert_int_equal(natrisk_store_user_enable(f->store, "nobody", "a"),
	                 NATRISK_ENOTFOUND);
}

/* The audit log: one entry per change, none for a change to the same
 * state, and never a password or a hash of one. */
static void test_audited(void **state)
{
	fixture_state *f = *state;
	assert_int_equal(natrisk_store_user_password(f->store, "ann",
	                                             "second-password", NULL,
	                                             "admin"), 0);
	assert_int_equal(natrisk_store_user_disable(f->store, "ann", "admin"),
	                 0);
	assert_int_equal(natrisk_store_user_disable(f->store, "ann", "admin"),
	                 0);
	assert_int_equal(natrisk_store_user_enable(f->store, "ann", "admin"), 0);
	sqlite3 *db;
	sqlite3_stmt *stmt;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(action || "
	                                        "' ' || actor || ' ' || object "
	                                        "|| ' ' || coalesce(before, '-') "
	                                        "|| ' ' || after, '|') FROM audit",
	                                    -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(stmt, 0),
	                    "user.add admin user:ann - {\"role\": \"analyst\", "
	                    "\"clearance\": \"public\"}|"
	                    "user.password admin user:ann - {\"password\": "
	                    "\"changed\"}|"
	                    "user.disable admin user:ann {\"disabled\": false} "
	                    "{\"disabled\": true}|"
	                    "user.enable admin user:ann {\"disabled\": true} "
	                    "{\"disabled\": false}");
	sqlite3_finalize(stmt);
	sqlite3_close(db);
}

#define ACCOUNT_TEST(name) \
	cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		ACCOUNT_TEST(test_new_password),
		ACCOUNT_TEST(test_password_rules),
		ACCOUNT_TEST(test_enable_again),
		ACCOUNT_TEST(test_audited),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
