/*
 * test_store_roles.c - the owner and reporter roles (schema version 7):
 * their names, and a store made before them, whose users keep their
 * names, roles, clearances and passwords through the migration that
 * makes the users table anew, while their open sessions end.
 */
#include "unit_support.h"
#include "store_support.h"

#include <natrisk/store.h>

typedef struct {
	char path[64];
} roles_state;

static int setup(void **state)
{
	roles_state *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/natrisk-roles-XXXXXX");
	int fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	roles_state *f = *state;
	static const char *const files[] = { "", "-wal", "-shm", ".audit-key",
		                             ".audit-anchor",
		                             ".audit-anchor.lock" };
	char side[96];
	for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
		snprintf(side, sizeof side, "%s%s", f->path, files[k]);
		unlink(side);
	}
	free(f);
	return 0;
}

static void test_role_names(void **state)
{
	(void)state;
	static const char *const names[] = { "viewer", "analyst", "chair",
		                             "admin",  "owner",   "reporter" };
	for (int k = 0; k < 6; k++) {
		natrisk_role role = NATRISK_ROLE_VIEWER;
		assert_int_equal(natrisk_role_parse(names[k], &role), 0);
		assert_int_equal((int)role, k);
		assert_string_equal(natrisk_role_name(role), names[k]);
	}
	assert_int_equal(NATRISK_ROLE_OWNER, 4);
	assert_int_equal(NATRISK_ROLE_REPORTER, 5);
	natrisk_role role = NATRISK_ROLE_CHAIR;
	assert_int_equal(natrisk_role_parse("operator", &role), -1);
	assert_int_equal(natrisk_role_parse("Owner", &role), -1);
	assert_int_equal(role, NATRISK_ROLE_CHAIR);
}

static void add_user(natrisk_store *s, const char *name, natrisk_role role,
                     natrisk_classification clearance)
{
	assert_int_equal(natrisk_store_user_add(s, name, role, clearance,
	                                        "a-long-password-1", "test"),
	                 0);
}

/* The users table as schema version 6 made it: four roles. */
static const char users_before_7[] =
	"CREATE TABLE users_6 ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL"
	"    CHECK (role IN ('admin', 'chair', 'analyst', 'viewer')),"
	"  clearance TEXT NOT NULL"
	"    CHECK (clearance IN ('public', 'restricted', 'confidential')),"
	"  password_hash TEXT NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  created_at TEXT NOT NULL);"
	"INSERT INTO users_6 SELECT * FROM users;"
	"DROP TABLE users;"
	"ALTER TABLE users_6 RENAME TO users;"
	"PRAGMA user_version = 6;";

static void test_migration_keeps_users(void **state)
{
	roles_state *f = *state;
	natrisk_store *s;
	assert_int_equal(natrisk_store_open(&s, f->path), 0);
	add_user(s, "ann", NATRISK_ROLE_ANALYST, NATRISK_RESTRICTED);
	add_user(s, "cas", NATRISK_ROLE_CHAIR, NATRISK_CONFIDENTIAL);
	assert_int_equal(natrisk_store_user_disable(s, "cas", "test"), 0);
	natrisk_user ann;
	assert_int_equal(natrisk_store_login(s, "ann", "a-long-password-1",
	                                     &ann),
	                 0);
	char token[NATRISK_TOKEN_TEXT], csrf[NATRISK_TOKEN_TEXT];
	assert_int_equal(natrisk_store_session_new(s, ann.id, 3600, token,
	                                           csrf),
	                 0);
	natrisk_user_clear(&ann);
	natrisk_store_close(s);

	/* back to version 6: an owner cannot exist there */
	assert_int_equal(raw_sql(f->path, users_before_7), SQLITE_OK);
	assert_int_not_equal(raw_sql(f->path,
	                             "INSERT INTO users (name, role, "
	                             "clearance, password_hash, created_at) "
	                             "VALUES ('x', 'owner', 'public', 'h', "
	                             "'now')"),
	                     SQLITE_OK);

	assert_int_equal(natrisk_store_open(&s, f->path), 0);
	assert_true(natrisk_store_schema_version(s) >= 7);
	natrisk_user user;
	assert_int_equal(natrisk_store_login(s, "ann", "a-long-password-1",
	                                     &user),
	                 0);
	assert_int_equal(user.role, NATRISK_ROLE_ANALYST);
	assert_int_equal(user.clearance, NATRISK_RESTRICTED);
	natrisk_user_clear(&user);
	/* still disabled */
	assert_int_equal(natrisk_store_login(s, "cas", "a-long-password-1",
	                                     &user),
	                 NATRISK_EDENIED);
	/* the session of before the upgrade is over */
	assert_int_equal(natrisk_store_session_find(s, token, &user, csrf),
	                 NATRISK_ENOTFOUND);
	add_user(s, "olga", NATRISK_ROLE_OWNER, NATRISK_PUBLIC);
	add_user(s, "rik", NATRISK_ROLE_REPORTER, NATRISK_RESTRICTED);
	assert_int_equal(natrisk_store_login(s, "olga", "a-long-password-1",
	                                     &user),
	                 0);
	assert_int_equal(user.role, NATRISK_ROLE_OWNER);
	natrisk_user_clear(&user);
	assert_int_equal(natrisk_store_login(s, "rik", "a-long-password-1",
	                                     &user),
	                 0);
	assert_int_equal(user.role, NATRISK_ROLE_REPORTER);
	assert_int_equal(user.clearance, NATRISK_RESTRICTED);
	natrisk_user_clear(&user);
	natrisk_store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_names),
		cmocka_unit_test_setup_teardown(test_migration_keeps_users,
		                                setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
