/*
 * test_progress.c - progress on adopted measures (progress.h, method.md
 * section 6b) against cases worked by hand: the status on a date from an
 * append-only log (entries of one date: the last wins; none: planned),
 * overdue exactly from the day after the deadline, deadlines at the
 * boundaries of halves, quarters and leap-year Februaries, the entries
 * between two dates, and the register's rows and counts per owner.
 */
#include "unit_support.h"

#include <natrisk/progress.h>

static natrisk_date D(int y, int m, int d)
{
	return (natrisk_date){ y, m, d };
}

/* Due 2013-Q1 (deadline 2013-03-31). */
static const natrisk_log_entry pilot_log[] = {
	{ { 2012, 6, 5 }, NATRISK_ACTION_PLANNED, NULL },
	{ { 2012, 9, 1 }, NATRISK_ACTION_ON_TRACK, NULL },
	{ { 2012, 9, 1 }, NATRISK_ACTION_LATE, "same day, later in the file" },
	{ { 2013, 4, 10 }, NATRISK_ACTION_DONE, NULL },
};
static const natrisk_action pilot = {
	"pilot", "Pilot", { NATRISK_DUE_QUARTER, 2013, 1, 0 }, pilot_log, 4
};

static void expect_state(const natrisk_action *a, natrisk_date on,
                         natrisk_action_status status, long entry,
                         bool overdue)
{
	natrisk_action_state s;
	assert_int_equal(natrisk_action_state_on(a, &on, &s), 0);
	assert_int_equal(s.status, status);
	if (entry < 0)
		assert_null(s.entry);
	else
		assert_ptr_equal(s.entry, &a->log[entry]);
	assert_int_equal(s.overdue, overdue);
}

static void test_status_on_date(void **state)
{
	(void)state;
	expect_state(&pilot, D(2012, 6, 4), NATRISK_ACTION_PLANNED, -1, false);
	expect_state(&pilot, D(2012, 6, 5), NATRISK_ACTION_PLANNED, 0, false);
	expect_state(&pilot, D(2012, 8, 31), NATRISK_ACTION_PLANNED, 0, false);
	expect_state(&pilot, D(2012, 9, 1), NATRISK_ACTION_LATE, 2, false);
	/* the deadline itself is not overdue; the day after is */
	expect_state(&pilot, D(2013, 3, 31), NATRISK_ACTION_LATE, 2, false);
	expect_state(&pilot, D(2013, 4, 1), NATRISK_ACTION_LATE, 2, true);
	expect_state(&pilot, D(2013, 4, 9), NATRISK_ACTION_LATE, 2, true);
	expect_state(&pilot, D(2013, 4, 10), NATRISK_ACTION_DONE, 3, false);
	expect_state(&pilot, D(2020, 1, 1), NATRISK_ACTION_DONE, 3, false);
}

static void test_dropped_and_no_log(void **state)
{
	(void)state;
	static const natrisk_log_entry dropped_log[] = {
		{ { 2012, 5, 1 }, NATRISK_ACTION_DROPPED, NULL },
	};
	natrisk_action dropped = { "x", "X", { NATRISK_DUE_YEAR, 2012, 0, 0 },
		                   dropped_log, 1 };
	expect_state(&dropped, D(2013, 1, 1), NATRISK_ACTION_DROPPED, 0, false);
	/* before its entry it was planned, and 2011 is before the deadline */
	expect_state(&dropped, D(2011, 12, 31), NATRISK_ACTION_PLANNED, -1,
	             false);
	/* 2012-H1 ends on 30 June */
	natrisk_action none = { "y", "Y", { NATRISK_DUE_HALF, 2012, 1, 0 },
		                NULL, 0 };
	expect_state(&none, D(2012, 6, 30), NATRISK_ACTION_PLANNED, -1, false);
	expect_state(&none, D(2012, 7, 1), NATRISK_ACTION_PLANNED, -1, true);
}

/* Whether an action due DUE with no log is overdue on the day before,
 * on and after LAST (which must be its deadline). */
static void expect_boundary(natrisk_due due, natrisk_date last,
                            natrisk_date after)
{
	natrisk_action a = { "a", "A", due, NULL, 0 };
	natrisk_action_state s;
	assert_int_equal(natrisk_action_state_on(&a, &last, &s), 0);
	assert_int_equal(s.deadline.year, last.year);
	assert_int_equal(s.deadline.month, last.month);
	assert_int_equal(s.deadline.day, last.day);
	assert_false(s.overdue);
	assert_int_equal(natrisk_action_state_on(&a, &after, &s), 0);
	assert_true(s.overdue);
}

static void test_boundaries(void **state)
{
	(void)state;
	expect_boundary((natrisk_due){ NATRISK_DUE_HALF, 2012, 1, 0 },
	                D(2012, 6, 30), D(2012, 7, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_HALF, 2012, 2, 0 },
	                D(2012, 12, 31), D(2013, 1, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_QUARTER, 2013, 1, 0 },
	                D(2013, 3, 31), D(2013, 4, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_QUARTER, 2013, 2, 0 },
	                D(2013, 6, 30), D(2013, 7, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_QUARTER, 2013, 4, 0 },
	                D(2013, 12, 31), D(2014, 1, 1));
	/* leap years: 2012 and 2000 have 29 February, 2013 and 2100 not */
	expect_boundary((natrisk_due){ NATRISK_DUE_MONTH, 2012, 2, 0 },
	                D(2012, 2, 29), D(2012, 3, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_MONTH, 2013, 2, 0 },
	                D(2013, 2, 28), D(2013, 3, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_MONTH, 2100, 2, 0 },
	                D(2100, 2, 28), D(2100, 3, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_MONTH, 2000, 2, 0 },
	                D(2000, 2, 29), D(2000, 3, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_DAY, 2012, 2, 29 },
	                D(2012, 2, 29), D(2012, 3, 1));
	expect_boundary((natrisk_due){ NATRISK_DUE_YEAR, 2013, 0, 0 },
	                D(2013, 12, 31), D(2014, 1, 1));
	natrisk_action bad = { "b", "B", { NATRISK_DUE_DAY, 2013, 2, 29 },
		               NULL, 0 };
	natrisk_action_state s;
	natrisk_date on = D(2013, 3, 1);
	assert_int_equal(natrisk_action_state_on(&bad, &on, &s),
	                 NATRISK_ERROR);
}

static void expect_changes(natrisk_date since, natrisk_date on, size_t first,
                           size_t count)
{
	size_t f, n;
	natrisk_action_changes(&pilot, &since, &on, &f, &n);
	assert_int_equal(n, count);
	if (count)
		assert_int_equal(f, first);
}

static void test_changes(void **state)
{
	(void)state;
	/* after SINCE, on or before ON */
	expect_changes(D(2012, 9, 1), D(2013, 4, 10), 3, 1);
	expect_changes(D(2012, 6, 4), D(2012, 9, 1), 0, 3);
	expect_changes(D(2012, 6, 5), D(2012, 9, 1), 1, 2);
	expect_changes(D(2012, 6, 5), D(2012, 8, 31), 0, 0);
	expect_changes(D(2013, 4, 10), D(2014, 1, 1), 0, 0);
}

static void test_dates(void **state)
{
	(void)state;
	natrisk_date d = D(1, 1, 1);
	assert_int_equal(natrisk_date_parse("2012-02-29", &d), 0);
	assert_int_equal(d.year, 2012);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
	assert_int_equal(natrisk_date_parse("2013-02-29", &d), NATRISK_ERROR);
	assert_int_equal(natrisk_date_parse("2012-2-29", &d), NATRISK_ERROR);
	assert_int_equal(natrisk_date_parse("2012-13-01", &d), NATRISK_ERROR);
	assert_int_equal(natrisk_date_parse("2012-01-01x", &d), NATRISK_ERROR);
	natrisk_date y = natrisk_date_add_years(D(2012, 2, 29), 1);
	assert_int_equal(y.month * 100 + y.day, 228);
	y = natrisk_date_add_years(D(2012, 2, 29), -4);
	assert_int_equal(y.year * 10000 + y.month * 100 + y.day, 20080229);
	y = natrisk_date_add_years(D(2013, 6, 1), -1);
	assert_int_equal(y.year * 10000 + y.month * 100 + y.day, 20120601);
	/* thirty days on, worked out by hand: a leap February, a plain one,
	 * the turn of the year, and none at all */
	y = natrisk_date_add_days(D(2012, 2, 15), 30);
	assert_int_equal(y.year * 10000 + y.month * 100 + y.day, 20120316);
	y = natrisk_date_add_days(D(2013, 2, 15), 30);
	assert_int_equal(y.year * 10000 + y.month * 100 + y.day, 20130317);
	y = natrisk_date_add_days(D(2013, 12, 10), 30);
	assert_int_equal(y.year * 10000 + y.month * 100 + y.day, 20140109);
	y = natrisk_date_add_days(D(2000, 2, 28), 1);
	assert_int_equal(y.year * 10000 + y.month * 100 + y.day, 20000229);
	y = natrisk_date_add_days(D(1900, 2, 28), 1);
	assert_int_equal(y.year * 10000 + y.month * 100 + y.day, 19000301);
	y = natrisk_date_add_days(D(2013, 6, 1), 0);
	assert_int_equal(y.year * 10000 + y.month * 100 + y.day, 20130601);
	char buf[16];
	natrisk_due due = { NATRISK_DUE_QUARTER, 2013, 1, 0 };
	assert_string_equal(natrisk_due_format(&due, buf), "2013-Q1");
	due = (natrisk_due){ NATRISK_DUE_HALF, 2012, 2, 0 };
	assert_string_equal(natrisk_due_format(&due, buf), "2012-H2");
	due = (natrisk_due){ NATRISK_DUE_MONTH, 2013, 6, 0 };
	assert_string_equal(natrisk_due_format(&due, buf), "2013-06");
	due = (natrisk_due){ NATRISK_DUE_DAY, 2013, 12, 31 };
	assert_string_equal(natrisk_due_format(&due, buf), "2013-12-31");
	due = (natrisk_due){ NATRISK_DUE_YEAR, 2012, 0, 0 };
	assert_string_equal(natrisk_due_format(&due, buf), "2012");
}

static const char assessment[] =
	"natrisk: 1\ntitle: T\nmethod: nrb-2008\nscenarios:\n"
	"  - { id: s1, title: One, kind: hazard, likelihood: C,"
	" impact: { \"2.1\": C } }\n";

/* m1 (o1, o2): a done, b open past its deadline; m2 (o2): c dropped;
 * m3 (o1) only in pending advice. */
static const char plan[] =
	"natrisk: 1\nplan: P\nassessment: a.yaml\n"
	"organisations: [{ id: o1, title: O1 }, { id: o2, title: O2 },"
	" { id: o3, title: O3 }]\n"
	"capabilities: [{ id: c1, title: C1, phase: response, scenarios: [s1] }]\n"
	"measures:\n"
	"  - id: m1\n    title: M1\n    capabilities: [c1]\n    owners: [o1, o2]\n    actions:\n"
	"      - { id: a, what: A, due: 2012, log: [{ date: 2012-11-30,"
	" status: done }] }\n"
	"      - { id: b, what: B, due: 2013-Q1 }\n"
	"  - id: m2\n    title: M2\n    capabilities: [c1]\n    owners: [o2]\n    actions:\n"
	"      - { id: c, what: C, due: 2013-06, log: [{ date: 2013-01-01,"
	" status: dropped }] }\n"
	"  - id: m3\n    title: M3\n    capabilities: [c1]\n    owners: [o1, o3]\n    actions:\n"
	"      - { id: d, what: D, due: 2012 }\n"
	"advice:\n"
	"  - { id: ad1, title: Ad1, owners: [o1], measures: [m1, m2],"
	" decision: { status: adopted } }\n"
	"  - { id: ad2, title: Ad2, owners: [o1], measures: [m3] }\n";

static natrisk_plan *load_plan(void)
{
	char dir[4096], path[4200], file[4200];
	unit_use_tree_methods();
	unit_tmpdir(dir, sizeof dir);
	unit_write_file(dir, "a.yaml", assessment, file, sizeof file);
	unit_write_file(dir, "p.yaml", plan, path, sizeof path);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_plan *p = NULL;
	int rc = natrisk_plan_load(&p, path, diag);
	if (rc != 0)
		unit_diag_dump(diag);
	assert_int_equal(rc, 0);
	natrisk_diag_free(diag);
	unlink(file);
	unlink(path);
	rmdir(dir);
	return p;
}

static void expect_owner(const natrisk_progress *pr, size_t i,
                         size_t organisation, size_t actions, size_t done,
                         size_t overdue)
{
	const natrisk_progress_owner *o = natrisk_progress_owner_at(pr, i);
	assert_int_equal(o->organisation, organisation);
	assert_int_equal(o->actions, actions);
	assert_int_equal(o->done, done);
	assert_int_equal(o->overdue, overdue);
}

static void test_register(void **state)
{
	(void)state;
	natrisk_plan *p = load_plan();
	natrisk_progress *pr;
	natrisk_date on = D(2013, 6, 1), since = D(2012, 12, 1);
	assert_int_equal(natrisk_progress_new(&pr, p, &on, &since), 0);
	assert_int_equal(natrisk_progress_row_count(pr), 3);
	const natrisk_progress_row *r = natrisk_progress_row_at(pr, 0);
	assert_int_equal(r->measure * 10 + r->action, 0);
	assert_int_equal(r->state.status, NATRISK_ACTION_DONE);
	assert_false(r->state.overdue);
	assert_int_equal(r->changed_count, 0); /* 30 Nov is before since */
	r = natrisk_progress_row_at(pr, 1);
	assert_int_equal(r->measure * 10 + r->action, 1);
	assert_int_equal(r->state.status, NATRISK_ACTION_PLANNED);
	assert_true(r->state.overdue);
	r = natrisk_progress_row_at(pr, 2);
	assert_int_equal(r->measure * 10 + r->action, 10);
	assert_int_equal(r->state.status, NATRISK_ACTION_DROPPED);
	assert_false(r->state.overdue);
	assert_int_equal(r->changed_count, 1);
	assert_int_equal(r->before, NATRISK_ACTION_PLANNED);
	/* o1: a, b; o2: a, b, c; o3 owns only m3, of pending advice */
	assert_int_equal(natrisk_progress_owner_count(pr), 2);
	expect_owner(pr, 0, 0, 2, 1, 1);
	expect_owner(pr, 1, 1, 3, 1, 1);
	natrisk_progress_free(pr);
	natrisk_progress *none = (natrisk_progress *)&none;
	assert_int_equal(natrisk_progress_new(&none, p, &since, &on),
	                 NATRISK_EINVALID);
	assert_null(none);
	natrisk_plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_on_date),
		cmocka_unit_test(test_dropped_and_no_log),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_register),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
