/*
 * test_signals.c - signals in the store (signals.h) without an edition:
 * the days a signal may be observed on (the calendar's, leap years
 * included, not after today), the bounds of its texts in characters, a
 * reporter who classifies above their clearance, who sees whose signals,
 * a triaged signal that cannot be edited, and the history that the
 * database itself keeps append-only.
 */
#include "unit_support.h"
#include "store_support.h"

#include <natrisk/signals.h>

typedef struct {
	char path[64];
	natrisk_store *store;
} signals_state;

static const natrisk_signal_reader reporter = { "rep", NATRISK_RESTRICTED,
	                                        true, true };
static const natrisk_signal_reader other = { "other", NATRISK_CONFIDENTIAL,
	                                     true, true };
static const natrisk_signal_reader analyst = { "ana", NATRISK_PUBLIC, false,
	                                       false };

static int setup(void **state)
{
	signals_state *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/natrisk-signals-XXXXXX");
	int fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	assert_int_equal(natrisk_store_open(&f->store, f->path), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	signals_state *f = *state;
	natrisk_store_close(f->store);
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

/* Submits a signal with these fields; the store's code, and its id in
 * KEY when given. */
static int submit(signals_state *f, const natrisk_signal_reader *who,
                  const char *observed, const char *text,
                  const char *classification, char *key)
{
	char body[32768];
	snprintf(body, sizeof body,
	         "{\"text\": \"%s\", \"source\": \"s\", \"observed\": \"%s\", "
	         "\"confidence\": \"low\", \"classification\": \"%s\"}",
	         text, observed, classification);
	char *json = NULL;
	int rc = natrisk_store_signal_submit(f->store, who, body, strlen(body),
	                                     &json);
	if (rc == 0 && key) {
		const char *at = strstr(json, "\"id\":\"");
		assert_non_null(at);
		snprintf(key, 32, "%.13s", at + 6);
	}
	free(json);
	return rc;
}

static void test_days(void **state)
{
	signals_state *f = *state;
	static const char *const good[] = { "2024-02-29", "2000-02-29",
		                            "1999-12-31", "2020-04-30" };
	static const char *const bad[] = { "2023-02-29", "1900-02-29",
		"2026-04-31", "2026-13-01", "2026-00-10", "2026-1-10",
		"2999-01-01", "1899-12-31", "2026-01-01T00", "20260101" };
	for (size_t k = 0; k < sizeof good / sizeof *good; k++)
		assert_int_equal(submit(f, &reporter, good[k], "t", "public",
		                        NULL),
		                 0);
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
		assert_int_equal(submit(f, &reporter, bad[k], "t", "public",
		                        NULL),
		                 NATRISK_EINVALID);
}

static void test_texts_and_classification(void **state)
{
	signals_state *f = *state;
	/* 10,000 characters of two bytes each fit; one more does not */
	char text[20010] = "";
	for (int k = 0; k < 10000; k++)
		strcat(text + 2 * k, "\xc3\xa9");
	assert_int_equal(submit(f, &reporter, "2020-01-01", text, "public",
	                        NULL),
	                 0);
	strcat(text, "x");
	assert_int_equal(submit(f, &reporter, "2020-01-01", text, "public",
	                        NULL),
	                 NATRISK_EINVALID);
	assert_int_equal(submit(f, &reporter, "2020-01-01", " \\t\\n ",
	                        "public", NULL),
	                 NATRISK_EINVALID);
	assert_int_equal(submit(f, &reporter, "2020-01-01", "t", "restricted",
	                        NULL),
	                 0);
	assert_int_equal(submit(f, &reporter, "2020-01-01", "t",
	                        "confidential", NULL),
	                 NATRISK_EINVALID);
	assert_string_equal(natrisk_error_last(),
	                    "you may not classify a signal above your own "
	                    "clearance (restricted)");
}

static void test_who_sees_what(void **state)
{
	signals_state *f = *state;
	char mine[32], theirs[32], raised[32];
	assert_int_equal(submit(f, &reporter, "2020-01-01", "mine", "public",
	                        mine),
	                 0);
	assert_int_equal(submit(f, &other, "2020-01-01", "theirs", "public",
	                        theirs),
	                 0);
	assert_int_equal(submit(f, &reporter, "2020-01-01", "raised",
	                        "restricted", raised),
	                 0);
	assert_int_equal(natrisk_store_signal(f->store, &reporter, mine, NULL),
	                 0);
	assert_int_equal(natrisk_store_signal(f->store, &reporter, theirs,
	                                      NULL),
	                 NATRISK_ENOTFOUND);
	assert_int_equal(natrisk_store_signal(f->store, &analyst, theirs, NULL),
	                 0);
	assert_int_equal(natrisk_store_signal(f->store, &analyst, raised, NULL),
	                 NATRISK_ENOTFOUND);
	char *list = NULL;
	assert_int_equal(natrisk_store_signals(f->store, &reporter, &list), 0);
	assert_non_null(strstr(list, mine));
	assert_non_null(strstr(list, raised));
	assert_null(strstr(list, theirs));
	free(list);
}

static void test_triage_freezes(void **state)
{
	signals_state *f = *state;
	char key[32];
	assert_int_equal(submit(f, &reporter, "2020-01-01", "first", "public",
	                        key),
	                 0);
	static const char edit[] = "{\"text\": \"second\", \"source\": \"s\", "
	                           "\"observed\": \"2020-01-02\", "
	                           "\"confidence\": \"high\"}";
	char *json = NULL;
	assert_int_equal(natrisk_store_signal_edit(f->store, &reporter, key,
	                                           edit, strlen(edit), &json),
	                 0);
	assert_non_null(strstr(json, "\"text\":\"second\""));
	free(json);
	static const char watch[] = "{\"decision\": \"watch\"}";
	assert_int_equal(natrisk_store_signal_triage(f->store, &analyst, key,
	                                             watch, strlen(watch),
	                                             &json),
	                 0);
	assert_non_null(strstr(json, "\"status\":\"watching\""));
	free(json);
	json = NULL;
	assert_int_equal(natrisk_store_signal_edit(f->store, &reporter, key,
	                                           edit, strlen(edit), &json),
	                 NATRISK_ECONFLICT);
	assert_null(json);
	assert_int_not_equal(raw_sql(f->path, "UPDATE signal_triage SET "
	                                      "decision = 'dismiss'"),
	                     SQLITE_OK);
	assert_int_not_equal(raw_sql(f->path, "DELETE FROM signal_triage"),
	                     SQLITE_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_texts_and_classification,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_who_sees_what, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_triage_freezes, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
