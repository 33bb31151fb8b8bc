/*
 * test_plan_import.c - status updates from a CSV action register
 * (plan_import.h) against plan texts worked out by hand: entries go after
 * the last line of a log (a comment and a multi-line entry in it kept),
 * an action without a log gets one, notes are quoted with escapes, two
 * rows of one action append in order, and bad rows are located errors
 * that leave no text.
 */
#include "unit_support.h"

#include <natrisk/plan_import.h>

static const char assessment[] =
	"natrisk: 1\ntitle: T\nmethod: nrb-2008\nscenarios:\n"
	"  - { id: s1, title: One, kind: hazard, likelihood: C,"
	" impact: { \"2.1\": C } }\n";

#define HEAD "natrisk: 1\nplan: P\nassessment: a.yaml\n" \
	"organisations: [{ id: o1, title: O1 }]\n" \
	"capabilities: [{ id: c1, title: C1, phase: response," \
	" scenarios: [s1] }]\n" \
	"measures:\n" \
	"  - id: m1\n    title: M1\n    capabilities: [c1]\n    owners: [o1]\n" \
	"    actions:\n"
#define ACTION_A "      - id: a\n        what: A\n        due: 2012\n" \
	"        log:\n" \
	"          - { date: 2012-06-05, status: planned }\n" \
	"          # a comment inside the log\n" \
	"          - date: 2012-11-30\n            status: on-track\n"
#define ACTION_B "      - id: b\n        what: B\n        due: 2013-Q1\n"
#define ACTION_F "      - { id: f, what: F, due: 2013-06 }\n"
#define TAIL "# advice follows\nadvice:\n" \
	"  - { id: ad, title: Ad, owners: [o1], measures: [m1]," \
	" decision: { status: adopted } }\n"

static const char plan[] = HEAD ACTION_A ACTION_B ACTION_F TAIL;

#define CSV_HEAD "advice,measure,action,what,owners,due,deadline,status," \
	"since,overdue,note\r\n"

/* Imports CSV into PLAN; returns the status, with *OUT the text. */
static int import(const char *csv, char **out, size_t *changed,
                  natrisk_diag *diag)
{
	size_t len = 0;
	unit_use_tree_methods();
	int rc = natrisk_plan_import_actions("p.yaml", plan, strlen(plan),
	                                     assessment, strlen(assessment),
	                                     "u.csv", csv, strlen(csv), out,
	                                     &len, changed, diag);
	if (rc == 0)
		assert_int_equal(len, strlen(*out));
	return rc;
}

static void test_appends(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	char *out = NULL;
	size_t changed;
	int rc = import(CSV_HEAD
	                "ad,m1,a,A,o1,2012,2012-12-31,done,2012-12-01,false,"
	                "\"Done, \"\"really\"\"\"\r\n"
	                "ad,m1,b,B,o1,2013-Q1,2013-03-31,on-track,2013-01-01,"
	                "false,\r\n"
	                "ad,m1,b,B,o1,2013-Q1,2013-03-31,late,2013-04-02,true,"
	                "a\\b\r\n"
	                /* unchanged: no entry, its since not even read */
	                "ad,m1,f,F,o1,2013-06,2013-06-30,planned,,false,\r\n",
	                &out, &changed, diag);
	if (rc != 0)
		unit_diag_dump(diag);
	assert_int_equal(rc, 0);
	assert_int_equal(changed, 3);
	assert_string_equal(out, HEAD
		"      - id: a\n        what: A\n        due: 2012\n"
		"        log:\n"
		"          - { date: 2012-06-05, status: planned }\n"
		"          # a comment inside the log\n"
		"          - date: 2012-11-30\n            status: on-track\n"
		"          - { date: 2012-12-01, status: done, note: "
		"\"Done, \\\"really\\\"\" }\n"
		ACTION_B
		"        log:\n"
		"          - { date: 2013-01-01, status: on-track }\n"
		"          - { date: 2013-04-02, status: late, note: "
		"\"a\\\\b\" }\n"
		ACTION_F TAIL);
	free(out);
	natrisk_diag_free(diag);
}

/* Whether DIAG holds an error at LINE:COLUMN of u.csv. */
static bool has_error(const natrisk_diag *diag, int line, int column)
{
	for (size_t i = 0; i < natrisk_diag_count(diag); i++) {
		const natrisk_diagnostic *d = natrisk_diag_get(diag, i);
		if (strcmp(d->file, "u.csv") == 0 && d->line == line &&
		    d->column == column)
			return true;
	}
	return false;
}

static void test_bad_rows(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	char *out = (char *)"untouched";
	size_t changed = 99;
	int rc = import("measure,action,status,since\n"
	                "m1,a,done,2012-12-01\n"  /* good, but others fail */
	                "m1,zz,done,2013-01-01\n" /* 3:4 unknown action */
	                "m9,a,done,2013-01-01\n"  /* 4:1 unknown measure */
	                "m1,b,finished,2013-01-01\n" /* 5:6 bad status */
	                "m1,a,late,2012-11-30\n"  /* 6:11 before 2012-12-01 */
	                "m1,b,done,\n"            /* 7:11 no date */
	                "m1,b,done,2013-02-29\n"  /* 8:11 no such day */
	                "m1,b\n",                 /* 9:1 too few fields */
	                &out, &changed, diag);
	assert_int_equal(rc, NATRISK_EINVALID);
	assert_null(out);
	assert_int_equal(changed, 0);
	assert_int_equal(natrisk_diag_error_count(diag), 7);
	assert_true(has_error(diag, 3, 4));
	assert_true(has_error(diag, 4, 1));
	assert_true(has_error(diag, 5, 6));
	assert_true(has_error(diag, 6, 11));
	assert_true(has_error(diag, 7, 11));
	assert_true(has_error(diag, 8, 11));
	assert_true(has_error(diag, 9, 1));
	natrisk_diag_free(diag);
}

static void test_flow_action(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	char *out = NULL;
	size_t changed;
	assert_int_equal(import("measure,action,status,since\n"
	                        "m1,f,done,2013-01-01\n", &out, &changed, diag),
	                 NATRISK_EINVALID);
	assert_null(out);
	/* at the action's '{' in the plan: line 23, column 9 */
	const natrisk_diagnostic *d = natrisk_diag_get(diag, 0);
	assert_string_equal(d->file, "p.yaml");
	assert_int_equal(d->line, 23);
	assert_int_equal(d->column, 9);
	natrisk_diag_free(diag);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_flow_action),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
