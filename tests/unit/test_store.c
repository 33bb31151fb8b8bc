/*
 * test_store.c - the collaborative store: users and sessions, editions
 * imported and exported, the status rules of scoring, the history of
 * scores, assignments, the spread, clearances, and the audit log's hash
 * chain, checked also against direct tampering with the database file.
 */
#include "unit_support.h"
#include "store_support.h"

#include <jansson.h>
#include <sqlite3.h>

#include <natrisk/scoring.h>

/* Three scenarios, one of each classification, on nrb-2008. */
static const char fixture[] =
	"natrisk: 1\n"
	"title: Store test\n"
	"edition: '2026'\n"
	"method: nrb-2008\n"
	"themes:\n"
	"  - id: open\n"
	"    title: Open theme\n"
	"  - id: secret\n"
	"    title: Secret theme\n"
	"scenarios:\n"
	"  - id: flood\n"
	"    title: Flood\n"
	"    theme: open\n"
	"    kind: hazard\n"
	"    likelihood: C\n"
	"    impact: {2.1: D, 3.1: C}\n"
	"  - id: outage\n"
	"    title: Outage\n"
	"    theme: open\n"
	"    kind: hazard\n"
	"    classification: restricted\n"
	"    likelihood: B\n"
	"    impact: {5.1: C}\n"
	"  - id: espionage\n"
	"    title: Espionage by a named state\n"
	"    theme: secret\n"
	"    kind: threat\n"
	"    classification: confidential\n"
	"    likelihood: D\n"
	"    impact: {1.2: E}\n";

typedef struct fixture_state {
	char path[64];
	natrisk_store *store;
	int64_t edition;
} fixture_state;

static int setup(void **state)
{
	fixture_state *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/natrisk-store-XXXXXX");
	int fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	assert_int_equal(natrisk_store_open(&f->store, f->path), 0);
	natrisk_assessment *a;
	natrisk_diag *diag = natrisk_diag_new();
	assert_int_equal(natrisk_assessment_load_buffer(&a, "fixture.yaml",
	                                                fixture,
	                                                strlen(fixture), diag),
	                 0);
	natrisk_diag_free(diag);
	assert_int_equal(natrisk_store_import(f->store, a, "test", NULL, 0,
	                                      &f->edition),
	                 0);
	natrisk_assessment_free(a);
	assert_int_equal(natrisk_store_user_add(f->store, "ann",
	                                        NATRISK_ROLE_ANALYST,
	                                        NATRISK_PUBLIC, "secret-ann-1",
	                                        "test"), 0);
	assert_int_equal(natrisk_store_user_add(f->store, "bob",
	                                        NATRISK_ROLE_ANALYST,
	                                        NATRISK_CONFIDENTIAL,
	                                        "secret-bob-1", "test"), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture_state *f = *state;
	natrisk_store_close(f->store);
	char side[96];
	unlink(f->path);
	static const char *const files[] = { "-wal", "-shm", ".audit-key",
		                             ".audit-anchor",
		                             ".audit-anchor.lock" };
	for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
		snprintf(side, sizeof side, "%s%s", f->path, files[k]);
		unlink(side);
	}
	free(f);
	return 0;
}

/* Runs SQL on the store's file directly, as an intruder would. */
static int64_t version_of(const fixture_state *f)
{
	natrisk_edition_info info;
	assert_int_equal(natrisk_store_edition(f->store, f->edition, &info), 0);
	int64_t version = info.version;
	natrisk_edition_info_clear(&info);
	return version;
}

static int score(fixture_state *f, const char *scenario, const char *criterion,
                 bool consolidated, const char *json, const char *actor)
{
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_store_score(f->store, f->edition, scenario, criterion,
	                             consolidated, json, strlen(json), actor,
	                             diag);
	natrisk_diag_free(diag);
	return rc;
}

/* The number of migrations (migrations.c), counted by hand. */
#define SCHEMA_VERSION 11

static void test_schema_version(void **state)
{
	fixture_state *f = *state;
	assert_int_equal(natrisk_store_schema_version(f->store), SCHEMA_VERSION);
	natrisk_store *again;
	assert_int_equal(natrisk_store_open(&again, f->path), 0);
	assert_int_equal(natrisk_store_schema_version(again), SCHEMA_VERSION);
	natrisk_store_close(again);
	/* a store from a newer natrisk is refused, not damaged */
	assert_int_equal(raw_sql(f->path, "PRAGMA user_version = 99"), 0);
	assert_int_not_equal(natrisk_store_open(&again, f->path), 0);
	assert_int_equal(raw_sql(f->path, "PRAGMA user_version = 3"), 0);
}

static void test_users_and_login(void **state)
{
	fixture_state *f = *state;
	natrisk_user u;
	assert_int_equal(natrisk_store_login(f->store, "ann", "secret-ann-1",
	                                     &u), 0);
	assert_string_equal(u.name, "ann");
	assert_int_equal(u.role, NATRISK_ROLE_ANALYST);
	natrisk_user_clear(&u);
	assert_int_equal(natrisk_store_login(f->store, "ann", "wrong", &u),
	                 NATRISK_EDENIED);
	assert_int_equal(natrisk_store_login(f->store, "nobody", "x", &u),
	                 NATRISK_EDENIED);
	assert_int_equal(natrisk_store_user_add(f->store, "ann",
	                                        NATRISK_ROLE_VIEWER,
	                                        NATRISK_PUBLIC, "another-pw-1",
	                                        "test"), NATRISK_ECONFLICT);
	assert_int_equal(natrisk_store_user_disable(f->store, "ann", "test"), 0);
	assert_int_equal(natrisk_store_login(f->store, "ann", "secret-ann-1",
	                                     &u), NATRISK_EDENIED);
}

/* Only argon2id hashes are stored, never the password. */
static void test_password_storage(void **state)
{
	fixture_state *f = *state;
	sqlite3 *db;
	sqlite3_stmt *stmt;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT password_hash FROM "
	                                        "users WHERE name = 'bob'", -1,
	                                    &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	const char *hash = (const char *)sqlite3_column_text(stmt, 0);
	assert_true(strncmp(hash, "$argon2id$", 10) == 0);
	assert_null(strstr(hash, "secret-bob-1"));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
}

static void test_sessions(void **state)
{
	fixture_state *f = *state;
	natrisk_user u, found;
	char token[NATRISK_TOKEN_TEXT], csrf[NATRISK_TOKEN_TEXT];
	char csrf_found[NATRISK_TOKEN_TEXT];
	assert_int_equal(natrisk_store_user_get(f->store, "bob", &u), 0);
	assert_int_equal(natrisk_store_session_new(f->store, u.id, 3600, token,
	                                           csrf), 0);
	assert_int_equal(strlen(token), 43);
	assert_int_equal(natrisk_store_session_find(f->store, token, &found,
	                                            csrf_found), 0);
	assert_string_equal(found.name, "bob");
	assert_string_equal(csrf_found, csrf);
	natrisk_user_clear(&found);
	/* the token is not in the database file, only its hash */
	sqlite3 *db;
	sqlite3_stmt *stmt;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sessions "
	                                        "WHERE CAST(token_hash AS TEXT) "
	                                        "= ? OR csrf = ?", -1, &stmt,
	                                    NULL), SQLITE_OK);
	sqlite3_bind_text(stmt, 1, token, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, token, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(stmt, 0), 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	assert_int_equal(natrisk_store_session_delete(f->store, token), 0);
	assert_int_equal(natrisk_store_session_find(f->store, token, &found,
	                                            csrf_found),
	                 NATRISK_ENOTFOUND);
	/* an expired session is no session */
	assert_int_equal(natrisk_store_session_new(f->store, u.id, -1, token,
	                                           csrf), 0);
	assert_int_equal(natrisk_store_session_find(f->store, token, &found,
	                                            csrf_found),
	                 NATRISK_ENOTFOUND);
	assert_null(found.name); /* a failed call leaves nothing to free */
	natrisk_user_clear(&u);
}

static char *export_text(fixture_state *f, natrisk_classification c,
                         size_t *shown)
{
	char *yaml;
	size_t len;
	assert_int_equal(natrisk_store_export(f->store, f->edition, c, &yaml,
	                                      &len, shown), 0);
	assert_int_equal(strlen(yaml), len);
	return yaml;
}

static void test_export_by_clearance(void **state)
{
	fixture_state *f = *state;
	size_t shown;
	char *yaml = export_text(f, NATRISK_PUBLIC, &shown);
	assert_int_equal(shown, 1);
	assert_non_null(strstr(yaml, "\"flood\""));
	assert_null(strstr(yaml, "outage"));
	assert_null(strstr(yaml, "espionage"));
	/* the theme only the hidden scenario uses is hidden with it */
	assert_null(strstr(yaml, "Secret theme"));
	free(yaml);
	yaml = export_text(f, NATRISK_RESTRICTED, &shown);
	assert_int_equal(shown, 2);
	assert_null(strstr(yaml, "espionage"));
	free(yaml);
	yaml = export_text(f, NATRISK_CONFIDENTIAL, &shown);
	assert_int_equal(shown, 3);
	assert_non_null(strstr(yaml, "Secret theme"));
	free(yaml);
}

/* Export and import are inverses: the same bytes come back. */
static void test_round_trip(void **state)
{
	fixture_state *f = *state;
	size_t shown;
	char *first = export_text(f, NATRISK_CONFIDENTIAL, &shown);
	natrisk_assessment *a;
	natrisk_diag *diag = natrisk_diag_new();
	assert_int_equal(natrisk_assessment_load_buffer(&a, "export.yaml",
	                                                first, strlen(first),
	                                                diag), 0);
	natrisk_diag_free(diag);
	int64_t copy;
	assert_int_equal(natrisk_store_import(f->store, a, "test", NULL, 0,
	                                      &copy), 0);
	natrisk_assessment_free(a);
	assert_true(copy != f->edition);
	f->edition = copy;
	char *second = export_text(f, NATRISK_CONFIDENTIAL, &shown);
	/* the same bytes but for the banner, which names the edition */
	char banner[128];
	snprintf(banner, sizeof banner, "# CONFIDENTIAL - status: draft - "
	         "%.10s - natrisk export of edition %lld\n", first + 33,
	         (long long)copy);
	size_t body = strlen(first) - 2 * strlen(banner);
	assert_int_equal(strlen(second), strlen(first));
	assert_memory_equal(second, banner, strlen(banner));
	assert_memory_equal(second + strlen(banner), first + strlen(banner),
	                    body);
	assert_string_equal(second + strlen(banner) + body, banner);
	free(first);
	free(second);
}

static void test_status_rules(void **state)
{
	fixture_state *f = *state;
	const char *const ann[] = { "ann" };
	assert_int_equal(natrisk_store_assign(f->store, f->edition, "flood",
	                                      ann, 1, "chair"), 0);
	/* analysts score only while the edition is in scoring */
	assert_int_equal(score(f, "flood", "2.1", false, "\"C\"", "ann"),
	                 NATRISK_ECONFLICT);
	assert_int_equal(natrisk_store_set_status(f->store, f->edition,
	                                          NATRISK_STATUS_SCORING,
	                                          "chair", NATRISK_CONFIDENTIAL), 0);
	assert_int_equal(score(f, "flood", "2.1", false, "\"C\"", "ann"), 0);
	assert_int_equal(score(f, "flood", "2.1", true, "\"C\"", "chair"),
	                 NATRISK_ECONFLICT);
	assert_int_equal(natrisk_store_set_status(
		                 f->store, f->edition,
		                 NATRISK_STATUS_CONSOLIDATION, "chair", NATRISK_CONFIDENTIAL), 0);
	assert_int_equal(score(f, "flood", "2.1", false, "\"D\"", "ann"),
	                 NATRISK_ECONFLICT);
	assert_int_equal(score(f, "flood", "2.1", true, "\"C\"", "chair"), 0);
	/* publishing takes a clearance for every scenario (espionage is
	 * confidential) */
	assert_int_equal(natrisk_store_set_status(f->store, f->edition,
	                                          NATRISK_STATUS_PUBLISHED,
	                                          "chair", NATRISK_RESTRICTED),
	                 NATRISK_EDENIED);
	assert_int_equal(natrisk_store_set_status(f->store, f->edition,
	                                          NATRISK_STATUS_PUBLISHED,
	                                          "chair", NATRISK_CONFIDENTIAL),
	                 0);
	/* published: nothing changes any more */
	assert_int_equal(score(f, "flood", "2.1", true, "\"D\"", "chair"),
	                 NATRISK_EIMMUTABLE);
	assert_int_equal(natrisk_store_set_status(f->store, f->edition,
	                                          NATRISK_STATUS_DRAFT,
	                                          "chair", NATRISK_CONFIDENTIAL), NATRISK_EIMMUTABLE);
	assert_int_equal(natrisk_store_assign(f->store, f->edition, "flood",
	                                      NULL, 0, "chair"),
	                 NATRISK_EIMMUTABLE);
	natrisk_diag *diag = natrisk_diag_new();
	assert_int_equal(natrisk_store_scenario_edit(f->store, f->edition,
	                                             "flood",
	                                             "{\"title\": \"x\"}", 14,
	                                             "chair", NATRISK_CONFIDENTIAL, diag),
	                 NATRISK_EIMMUTABLE);
	natrisk_diag_free(diag);
}

/* The consolidated score is what the export, and so the engine, uses. */
static void test_consolidated_in_export(void **state)
{
	fixture_state *f = *state;
	size_t shown;
	assert_int_equal(score(f, "flood", "2.1", true,
	                       "{\"ll\": \"B\", \"ev\": \"C\", \"ul\": \"E\", "
	                       "\"why\": \"fewer dead\"}", "chair"), 0);
	assert_int_equal(score(f, "flood", "likelihood", true, "\"E\"",
	                       "chair"), 0);
	assert_int_equal(score(f, "flood", "3.1", true, "null", "chair"), 0);
	char *yaml = export_text(f, NATRISK_PUBLIC, &shown);
	natrisk_assessment *a;
	natrisk_diag *diag = natrisk_diag_new();
	assert_int_equal(natrisk_assessment_load_buffer(&a, "e.yaml", yaml,
	                                                strlen(yaml), diag), 0);
	natrisk_diag_free(diag);
	const natrisk_method *m = natrisk_assessment_method(a);
	const natrisk_scenario *s = natrisk_assessment_scenario(a, 0);
	long fatalities = natrisk_method_find_criterion(m, "2.1", 3);
	long costs = natrisk_method_find_criterion(m, "3.1", 3);
	assert_int_equal(s->impact[fatalities].point[NATRISK_LL].cls, 1);
	assert_int_equal(s->impact[fatalities].point[NATRISK_EV].cls, 2);
	assert_int_equal(s->impact[fatalities].point[NATRISK_UL].cls, 4);
	assert_string_equal(s->impact[fatalities].why, "fewer dead");
	assert_false(s->impact[costs].given); /* dropped: X */
	assert_int_equal(s->likelihood.point[NATRISK_EV].cls, 4);
	natrisk_assessment_free(a);
	free(yaml);
}

static void test_score_validation(void **state)
{
	fixture_state *f = *state;
	natrisk_diag *diag = natrisk_diag_new();
	const char *bad = "{\"ll\": \"D\", \"ev\": \"C\", \"ul\": \"D\"}";
	assert_int_equal(natrisk_store_score(f->store, f->edition, "flood",
	                                     "2.1", true, bad, strlen(bad),
	                                     "chair", diag), NATRISK_EINVALID);
	/* the message is about the score, on the body's own line */
	const natrisk_diagnostic *d =
		unit_diag_nth(diag, NATRISK_SEVERITY_ERROR, 0);
	assert_non_null(d);
	assert_int_equal(d->line, 1);
	assert_non_null(strstr(d->message, "LL"));
	natrisk_diag_free(diag);
	assert_int_equal(score(f, "flood", "9.9", true, "\"C\"", "chair"),
	                 NATRISK_ENOTFOUND);
	assert_int_equal(score(f, "nothing", "2.1", true, "\"C\"", "chair"),
	                 NATRISK_ENOTFOUND);
	assert_int_equal(score(f, "flood", "likelihood", true, "null",
	                       "chair"), NATRISK_EINVALID);
	assert_int_equal(score(f, "flood", "2.1", true, "\"F\"", "chair"),
	                 NATRISK_EINVALID);
	/* a quantity is turned into its class by the method's thresholds */
	assert_int_equal(score(f, "flood", "2.1", true, "{\"value\": 5000}",
	                       "chair"), 0);
}

static void test_history_and_spread(void **state)
{
	fixture_state *f = *state;
	const char *const both[] = { "ann", "bob" };
	assert_int_equal(natrisk_store_assign(f->store, f->edition, "flood",
	                                      both, 2, "chair"), 0);
	assert_int_equal(natrisk_store_set_status(f->store, f->edition,
	                                          NATRISK_STATUS_SCORING,
	                                          "chair", NATRISK_CONFIDENTIAL), 0);
	assert_int_equal(score(f, "flood", "2.1", false, "\"B\"", "ann"), 0);
	assert_int_equal(score(f, "flood", "2.1", false, "\"C\"", "ann"), 0);
	assert_int_equal(score(f, "flood", "2.1", false, "\"E\"", "bob"), 0);
	assert_int_equal(score(f, "flood", "5.1", false, "\"C\"", "ann"), 0);
	assert_int_equal(score(f, "flood", "5.1", false, "\"D\"", "bob"), 0);
	char *json;
	assert_int_equal(natrisk_store_scores(f->store, f->edition, "flood",
	                                      "ann", &json), 0);
	json_t *tree = json_loads(json, 0, NULL);
	free(json);
	json_t *mine = json_object_get(json_object_get(tree, "analysts"), "ann");
	assert_null(json_object_get(json_object_get(tree, "analysts"), "bob"));
	json_t *fatalities = json_object_get(mine, "2.1");
	assert_string_equal(json_string_value(json_object_get(
		json_object_get(fatalities, "score"), "ev")), "C");
	json_t *history = json_object_get(fatalities, "history");
	assert_int_equal(json_array_size(history), 1);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
		json_array_get(history, 0), "score"), "ev")), "B");
	json_decref(tree);

	/* C against E: two classes apart, flagged; C against D: not */
	assert_int_equal(natrisk_store_spread(f->store, f->edition,
	                                      NATRISK_PUBLIC, &json), 0);
	tree = json_loads(json, 0, NULL);
	free(json);
	assert_int_equal(json_array_size(tree), 2);
	json_t *first = json_array_get(tree, 0), *second = json_array_get(tree, 1);
	assert_string_equal(json_string_value(json_object_get(first,
	                                                      "criterion")),
	                    "2.1");
	assert_true(json_is_true(json_object_get(first, "flagged")));
	assert_string_equal(json_string_value(json_object_get(first, "low")),
	                    "C");
	assert_string_equal(json_string_value(json_object_get(first, "high")),
	                    "E");
	assert_true(json_is_false(json_object_get(second, "flagged")));
	json_decref(tree);
}

static void test_assignment_rules(void **state)
{
	fixture_state *f = *state;
	const char *const ann[] = { "ann" }, *const ghost[] = { "ghost" };
	/* ann (public) may not work on a confidential scenario */
	assert_int_equal(natrisk_store_assign(f->store, f->edition, "espionage",
	                                      ann, 1, "chair"),
	                 NATRISK_EINVALID);
	assert_int_equal(natrisk_store_assign(f->store, f->edition, "flood",
	                                      ghost, 1, "chair"),
	                 NATRISK_EINVALID);
	assert_int_equal(natrisk_store_assign(f->store, f->edition, "flood",
	                                      ann, 1, "chair"), 0);
	/* nor can the scenario be raised above her while she is on it */
	natrisk_diag *diag = natrisk_diag_new();
	const char *raise = "{\"classification\": \"confidential\"}";
	assert_int_equal(natrisk_store_scenario_edit(f->store, f->edition,
	                                             "flood", raise,
	                                             strlen(raise), "chair",
	                                             NATRISK_CONFIDENTIAL, diag), NATRISK_ECONFLICT);
	assert_int_equal(natrisk_store_assign(f->store, f->edition, "flood",
	                                      NULL, 0, "chair"), 0);
	assert_int_equal(natrisk_store_scenario_edit(f->store, f->edition,
	                                             "flood", raise,
	                                             strlen(raise), "chair",
	                                             NATRISK_CONFIDENTIAL, diag), 0);
	natrisk_diag_free(diag);
	size_t shown;
	free(export_text(f, NATRISK_PUBLIC, &shown));
	assert_int_equal(shown, 0);
}

static void test_scenario_add_and_edit(void **state)
{
	fixture_state *f = *state;
	natrisk_diag *diag = natrisk_diag_new();
	const char *add = "{\"title\": \"Heat wave!\", "
	                  "\"kind\": \"hazard\", \"likelihood\": \"D\", "
	                  "\"impact\": {\"2.2\": \"C\"}}";
	int64_t before = version_of(f);
	char *heat = NULL, *again = NULL;
	assert_int_equal(natrisk_store_scenario_add(f->store, f->edition, add,
	                                            strlen(add), "chair",
	                                            NATRISK_CONFIDENTIAL, diag,
	                                            &heat), 0);
	assert_true(version_of(f) > before);
	/* the id is the store's: the title as a stem and six characters */
	assert_int_equal(strlen(heat), strlen("heat-wave-") + 6);
	assert_memory_equal(heat, "heat-wave-", 10);
	assert_int_equal(strspn(heat + 10, "abcdefghijklmnopqrstuvwxyz"
	                                   "0123456789"), 6);
	/* the same body again: another scenario, with another id */
	assert_int_equal(natrisk_store_scenario_add(f->store, f->edition, add,
	                                            strlen(add), "chair",
	                                            NATRISK_CONFIDENTIAL, diag,
	                                            &again), 0);
	assert_string_not_equal(heat, again);
	free(again);
	/* a body that names an id is refused: ids are the store's */
	const char *named = "{\"id\": \"espionage\", \"title\": \"X\", "
	                    "\"kind\": \"hazard\", \"likelihood\": \"D\", "
	                    "\"impact\": {}}";
	natrisk_diag *refused = natrisk_diag_new();
	assert_int_equal(natrisk_store_scenario_add(f->store, f->edition, named,
	                                            strlen(named), "chair",
	                                            NATRISK_PUBLIC, refused,
	                                            NULL), NATRISK_EINVALID);
	assert_has_diag(refused, NATRISK_SEVERITY_ERROR, 1, 1,
	                "leave 'id' out");
	natrisk_diag_free(refused);
	/* a theme the edition does not have is an error on its line */
	const char *bad = "{\"title\": \"Cold\",\n"
	                  " \"theme\": \"nope\", \"kind\": \"hazard\",\n"
	                  " \"likelihood\": \"D\", \"impact\": {}}";
	assert_int_equal(natrisk_store_scenario_add(f->store, f->edition, bad,
	                                            strlen(bad), "chair",
	                                            NATRISK_CONFIDENTIAL, diag,
	                                            NULL), NATRISK_EINVALID);
	assert_has_diag(diag, NATRISK_SEVERITY_ERROR, 2, 11, "nope");
	/* on the first line, the columns are the client's, not shifted by
	 * the id the store put in */
	const char *first = "{\"title\": \"T\", \"kind\": \"volcano\", "
	                    "\"likelihood\": \"D\", \"impact\": {}}";
	natrisk_diag *placed = natrisk_diag_new();
	assert_int_equal(natrisk_store_scenario_add(f->store, f->edition, first,
	                                            strlen(first), "chair",
	                                            NATRISK_CONFIDENTIAL, placed,
	                                            NULL), NATRISK_EINVALID);
	assert_has_diag(placed, NATRISK_SEVERITY_ERROR, 1, 24, "kind must be");
	natrisk_diag_free(placed);
	const char *edit = "{\"title\": \"Heat wave, long\", \"new\": true}";
	assert_int_equal(natrisk_store_scenario_edit(f->store, f->edition,
	                                             heat, edit, strlen(edit),
	                                             "chair", NATRISK_CONFIDENTIAL, diag), 0);
	const char *id_edit = "{\"id\": \"other\"}";
	assert_int_equal(natrisk_store_scenario_edit(f->store, f->edition,
	                                             heat, id_edit,
	                                             strlen(id_edit), "chair",
	                                             NATRISK_CONFIDENTIAL, diag), NATRISK_EINVALID);
	natrisk_diag_free(diag);
	char *json;
	assert_int_equal(natrisk_store_scenario(f->store, f->edition, heat,
	                                        &json), 0);
	json_t *s = json_loads(json, 0, NULL);
	free(json);
	assert_string_equal(json_string_value(json_object_get(s, "title")),
	                    "Heat wave, long");
	assert_true(json_is_true(json_object_get(s, "new")));
	assert_string_equal(json_string_value(json_object_get(
		json_object_get(json_object_get(s, "impact"), "2.2"), "ev")),
	                    "C");
	json_decref(s);
	/* added last (the second heat wave after it), and listed for a
	 * public reader */
	assert_int_equal(natrisk_store_scenarios(f->store, f->edition,
	                                         NATRISK_PUBLIC, &json), 0);
	json_t *list = json_loads(json, 0, NULL);
	free(json);
	assert_int_equal(json_array_size(list), 3);
	assert_string_equal(json_string_value(json_object_get(
		json_array_get(list, 1), "id")), heat);
	json_decref(list);
	free(heat);
}

static void test_audit_chain(void **state)
{
	fixture_state *f = *state;
	natrisk_audit_report r;
	assert_int_equal(score(f, "flood", "2.1", true, "\"B\"", "chair"), 0);
	assert_int_equal(natrisk_store_audit_verify(f->store, &r), 0);
	/* import, two users, the score; all under the key, all anchored */
	assert_int_equal(r.entries, 4);
	assert_int_equal(r.anchored, 4);
	assert_int_equal(r.unsealed, 0);
	/* the database itself refuses to rewrite history */
	assert_int_not_equal(raw_sql(f->path, "UPDATE audit SET actor = 'x' "
	                                      "WHERE id = 2"), SQLITE_OK);
	assert_int_not_equal(raw_sql(f->path, "DELETE FROM audit WHERE id = 4"),
	                     SQLITE_OK);
	/* and who drops the trigger to do it breaks the chain */
	assert_int_equal(raw_sql(f->path,
	                         "DROP TRIGGER audit_no_update;"
	                         "UPDATE audit SET after = '\"A\"' WHERE id = 4"),
	                 SQLITE_OK);
	assert_int_equal(natrisk_store_audit_verify(f->store, &r),
	                 NATRISK_EINVALID);
	assert_int_equal(r.bad_id, 4);
}

static void test_backup(void **state)
{
	fixture_state *f = *state;
	char copy[96];
	snprintf(copy, sizeof copy, "%s.backup", f->path);
	assert_int_equal(natrisk_store_backup(f->store, copy), 0);
	/* the copy has its anchor, not the key: it opens with the store's */
	char key[128], anchor[128];
	snprintf(key, sizeof key, "%s.audit-key", f->path);
	snprintf(anchor, sizeof anchor, "%s.audit-anchor", copy);
	assert_int_equal(access(anchor, R_OK), 0);
	natrisk_store *restored;
	assert_int_not_equal(natrisk_store_open(&restored, copy), 0);
	natrisk_store_options with_key = { key, false };
	assert_int_equal(natrisk_store_open_with(&restored, copy, &with_key),
	                 0);
	natrisk_audit_report r;
	assert_int_equal(natrisk_store_audit_verify(restored, &r), 0);
	assert_int_equal(r.entries, 3);
	assert_int_equal(r.anchored, 3);
	size_t shown;
	char *original = export_text(f, NATRISK_CONFIDENTIAL, &shown), *yaml;
	size_t len;
	assert_int_equal(natrisk_store_export(restored, f->edition,
	                                      NATRISK_CONFIDENTIAL, &yaml, &len,
	                                      NULL), 0);
	assert_string_equal(original, yaml);
	free(original);
	free(yaml);
	natrisk_store_close(restored);
	unlink(copy);
	unlink(anchor);
	strcat(anchor, ".lock");
	unlink(anchor);
}

/* A reader's version moves with what the reader may see, and only so. */
static void test_version_by_clearance(void **state)
{
	fixture_state *f = *state;
	natrisk_edition_info before, after;
	assert_int_equal(natrisk_store_edition(f->store, f->edition, &before),
	                 0);
	assert_int_equal(score(f, "espionage", "1.2", true, "\"D\"", "chair"),
	                 0);
	assert_int_equal(natrisk_store_edition(f->store, f->edition, &after), 0);
	for (int c = NATRISK_PUBLIC; c <= NATRISK_RESTRICTED; c++)
		assert_int_equal(natrisk_edition_version_for(&after, c),
		                 natrisk_edition_version_for(&before, c));
	assert_int_equal(natrisk_edition_version_for(&after,
	                                             NATRISK_CONFIDENTIAL),
	                 natrisk_edition_version_for(&before,
	                                             NATRISK_CONFIDENTIAL) + 1);
	/* a change to a public scenario is seen by all */
	assert_int_equal(score(f, "flood", "2.1", true, "\"C\"", "chair"), 0);
	natrisk_edition_info_clear(&before);
	before = after;
	assert_int_equal(natrisk_store_edition(f->store, f->edition, &after), 0);
	for (int c = NATRISK_PUBLIC; c <= NATRISK_CONFIDENTIAL; c++)
		assert_int_equal(natrisk_edition_version_for(&after, c),
		                 natrisk_edition_version_for(&before, c) + 1);
	natrisk_edition_info_clear(&before);
	natrisk_edition_info_clear(&after);
}

/* To a chair below confidential, the theme only the confidential
 * scenario uses is no theme: the same answer as an unknown one. A
 * confidential chair may use it, for a confidential scenario only: a
 * public one would show its readers a theme they may not see. */
static void test_hidden_theme(void **state)
{
	fixture_state *f = *state;
	const char *public_add = "{\"title\": \"Leak\", "
	                         "\"theme\": \"secret\", \"kind\": "
	                         "\"threat\", \"likelihood\": \"B\", "
	                         "\"impact\": {}}";
	natrisk_diag *refused = natrisk_diag_new();
	assert_int_equal(natrisk_store_scenario_add(f->store, f->edition,
	                                            public_add,
	                                            strlen(public_add), "chair",
	                                            NATRISK_CONFIDENTIAL,
	                                            refused, NULL),
	                 NATRISK_EINVALID);
	assert_has_diag(refused, NATRISK_SEVERITY_ERROR, 1, 28,
	                "theme 'secret' is confidential, above the scenario "
	                "(public)");
	natrisk_diag_free(refused);
	const char *add = "{\"title\": \"Leak\", "
	                  "\"theme\": \"secret\", \"kind\": \"threat\", "
	                  "\"classification\": \"confidential\", "
	                  "\"likelihood\": \"B\", \"impact\": {}}";
	natrisk_diag *diag = natrisk_diag_new();
	assert_int_equal(natrisk_store_scenario_add(f->store, f->edition, add,
	                                            strlen(add), "chair",
	                                            NATRISK_PUBLIC, diag, NULL),
	                 NATRISK_EINVALID);
	assert_has_diag(diag, NATRISK_SEVERITY_ERROR, 1, 28,
	                "unknown theme 'secret'");
	assert_int_equal(natrisk_store_scenario_add(f->store, f->edition, add,
	                                            strlen(add), "chair",
	                                            NATRISK_CONFIDENTIAL, diag,
	                                            NULL),
	                 0);
	natrisk_diag_free(diag);
}

/* A store of schema 2 kept its themes without classifications; opened
 * by this natrisk, each theme takes the lowest classification of the
 * scenarios that use it (open: public, secret: confidential) and an unused
 * one is public. */
static void test_themes_migrated(void **state)
{
	fixture_state *f = *state;
	natrisk_store_close(f->store);
	f->store = NULL;
	assert_int_equal(raw_sql(f->path,
		"UPDATE assessments SET themes = '[{\"id\":\"open\",\"title\":"
		"\"Open theme\"},{\"id\":\"secret\",\"title\":\"Secret theme\"},"
		"{\"id\":\"spare\",\"title\":\"Spare\"}]';"
		"DROP TABLE edition_chairs;"
		"ALTER TABLE assessments DROP COLUMN previous_id;"
		"ALTER TABLE audit DROP COLUMN mac;"
		"DROP TABLE plan_levels; DROP TABLE plan_experts;"
		"DROP TABLE plan_items;"
		"DROP TABLE action_log; DROP TABLE user_organisations;"
		"DROP TABLE feed_tokens; DROP TABLE webhook_removals;"
		"DROP TABLE signal_adoptions;"
		"ALTER TABLE assessments DROP COLUMN plan;"
		"PRAGMA user_version = 2;"), SQLITE_OK);
	assert_int_equal(natrisk_store_open(&f->store, f->path), 0);
	char *json;
	assert_int_equal(natrisk_store_themes(f->store, f->edition,
	                                      NATRISK_CONFIDENTIAL, &json), 0);
	assert_string_equal(json,
		"[{\"id\":\"open\",\"title\":\"Open theme\","
		"\"classification\":\"public\"},{\"id\":\"secret\","
		"\"title\":\"Secret theme\",\"classification\":"
		"\"confidential\"},{\"id\":\"spare\",\"title\":\"Spare\","
		"\"classification\":\"public\"}]");
	free(json);
	assert_int_equal(natrisk_store_themes(f->store, f->edition,
	                                      NATRISK_RESTRICTED, &json), 0);
	assert_null(strstr(json, "secret"));
	assert_non_null(strstr(json, "spare"));
	free(json);
}

#define STORE_TEST(name) \
	cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		STORE_TEST(test_schema_version),
		STORE_TEST(test_users_and_login),
		STORE_TEST(test_password_storage),
		STORE_TEST(test_sessions),
		STORE_TEST(test_export_by_clearance),
		STORE_TEST(test_round_trip),
		STORE_TEST(test_status_rules),
		STORE_TEST(test_consolidated_in_export),
		STORE_TEST(test_score_validation),
		STORE_TEST(test_history_and_spread),
		STORE_TEST(test_assignment_rules),
		STORE_TEST(test_scenario_add_and_edit),
		STORE_TEST(test_audit_chain),
		STORE_TEST(test_backup),
		STORE_TEST(test_version_by_clearance),
		STORE_TEST(test_hidden_theme),
		STORE_TEST(test_themes_migrated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
