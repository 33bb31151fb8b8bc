/*
 * test_capabilities.c - the figures of a capability analysis
 * (capabilities.h, method.md section 6) against values worked by hand:
 * medians over odd and even numbers of experts, gaps and redundancies,
 * the flag at a spread of two, the totals per phase and the gaps in the
 * safety chain; and the plan model they stand on (plan.h): deadlines of
 * due periods, effects held as natrisk_effect arrays.
 */
#include "unit_support.h"

#include <natrisk/capabilities.h>
#include <natrisk/plan.h>

static const char assessment[] =
	"natrisk: 1\ntitle: T\nmethod: nrb-2008\nscenarios:\n"
	"  - { id: s1, title: One, kind: hazard, likelihood: C,"
	" impact: { \"2.1\": C } }\n"
	"  - { id: s2, title: Two, kind: threat, likelihood: B,"
	" impact: { \"3.1\": D } }\n"
	"  - { id: s3, title: Three, kind: hazard, likelihood: A,"
	" impact: { \"5.1\": B } }\n";

#define HEAD "natrisk: 1\nplan: P\nassessment: a.yaml\n" \
	"organisations: [{ id: o1, title: O }]\n"

/* A capability of PHASE on SCENARIOS with the experts' LEVELS. */
#define CAP(id, phase, scenarios, levels)                                  \
	"  - { id: " id ", title: " id ", phase: " phase ", scenarios: "     \
	scenarios levels " }\n"
#define LV(analyst, current, target)                                      \
	"{ analyst: " #analyst ", current: " #current ", target: " #target " }"

static natrisk_plan *load_plan(const char *text)
{
	char dir[4096], path[4200];
	unit_use_tree_methods();
	unit_tmpdir(dir, sizeof dir);
	unit_write_file(dir, "a.yaml", assessment, path, sizeof path);
	unit_write_file(dir, "p.yaml", text, path, sizeof path);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_plan *p = NULL;
	int rc = natrisk_plan_load(&p, path, diag);
	if (rc != 0)
		unit_diag_dump(diag);
	assert_int_equal(rc, 0);
	natrisk_diag_free(diag);
	char file[4200];
	snprintf(file, sizeof file, "%s/a.yaml", dir);
	unlink(file);
	unlink(path);
	rmdir(dir);
	return p;
}

static void test_median(void **state)
{
	(void)state;
	double odd[] = { 3, 1, 2 };
	assert_exact(natrisk_median(odd, 3), 2);
	double even[] = { 4, 0, 3, 1 }; /* middle 1 and 3 */
	assert_exact(natrisk_median(even, 4), 2);
	double two[] = { 2, 1 };
	assert_exact(natrisk_median(two, 2), 1.5);
	double one[] = { 4 };
	assert_exact(natrisk_median(one, 1), 4);
	assert_exact(natrisk_median(NULL, 0), 0);
}

static const char levels_plan[] = HEAD "capabilities:\n"
	/* odd: current 1,2,3 -> 2; target 3,3,4 -> 3; spread 2: flagged */
	CAP("odd", "prevention", "[s1]",
	    ", levels: [" LV(a, 3, 4) ", " LV(b, 1, 3) ", " LV(c, 2, 3) "]")
	/* even: current 0,1,3,4 -> (1+3)/2 = 2; target 2,2,3,4 -> 2.5;
	 * gap 0.5; spread 4: flagged */
	CAP("even", "prevention", "[s2]",
	    ", levels: [" LV(a, 4, 4) ", " LV(b, 0, 2) ", " LV(c, 3, 3) ", "
	    LV(d, 1, 2) "]")
	/* redundancy: current 4,3 -> 3.5; target 2,3 -> 2.5; gap -1;
	 * spread 1: not flagged */
	CAP("spare", "response", "[s1]",
	    ", levels: [" LV(a, 4, 2) ", " LV(b, 3, 3) "]")
	/* no levels */
	CAP("none", "aftercare", "[s1]", "");

static void test_figures(void **state)
{
	(void)state;
	natrisk_plan *p = load_plan(levels_plan);
	natrisk_capabilities *c;
	assert_int_equal(natrisk_capabilities_new(&c, p), NATRISK_OK);
	const natrisk_capability_figures *f = natrisk_capabilities_figures(c, 0);
	assert_int_equal(f->experts, 3);
	assert_exact(f->current, 2);
	assert_exact(f->target, 3);
	assert_exact(f->gap, 1);
	assert_true(f->flagged);
	f = natrisk_capabilities_figures(c, 1);
	assert_int_equal(f->experts, 4);
	assert_exact(f->current, 2);
	assert_exact(f->target, 2.5);
	assert_exact(f->gap, 0.5);
	assert_true(f->flagged);
	f = natrisk_capabilities_figures(c, 2);
	assert_exact(f->current, 3.5);
	assert_exact(f->target, 2.5);
	assert_exact(f->gap, -1);
	assert_false(f->flagged);
	f = natrisk_capabilities_figures(c, 3);
	assert_int_equal(f->experts, 0);
	assert_false(f->has_levels);
	assert_false(f->flagged);
	/* prevention: 1 + 0.5; response: the redundancy adds nothing */
	const natrisk_phase_figures *ph =
		natrisk_capabilities_phase(c, NATRISK_PHASE_PREVENTION);
	assert_int_equal(ph->capabilities, 2);
	assert_exact(ph->gap, 1.5);
	ph = natrisk_capabilities_phase(c, NATRISK_PHASE_RESPONSE);
	assert_int_equal(ph->capabilities, 1);
	assert_exact(ph->gap, 0);
	ph = natrisk_capabilities_phase(c, NATRISK_PHASE_AFTERCARE);
	assert_int_equal(ph->capabilities, 1);
	assert_exact(ph->gap, 0);
	ph = natrisk_capabilities_phase(c, NATRISK_PHASE_PROACTION);
	assert_int_equal(ph->capabilities, 0);
	natrisk_capabilities_free(c);
	natrisk_plan_free(p);
}

static const char chain_plan[] = HEAD "capabilities:\n"
	/* s1 in all five phases; s2 in preparation only; s3 in none */
	CAP("p1", "pro-action", "[s1]", "")
	CAP("p2", "prevention", "[s1]", "")
	CAP("p3", "preparation", "[s1, s2]", "")
	CAP("p4", "response", "[s1]", "")
	CAP("p5", "aftercare", "[s1]", "");

static void test_chain_gaps(void **state)
{
	(void)state;
	natrisk_plan *p = load_plan(chain_plan);
	natrisk_capabilities *c;
	assert_int_equal(natrisk_capabilities_new(&c, p), NATRISK_OK);
	assert_int_equal(natrisk_capabilities_chain_gap_count(c), 2);
	const natrisk_chain_gap *g = natrisk_capabilities_chain_gap(c, 0);
	assert_int_equal(g->scenario, 0);
	assert_int_equal(g->missing_count, 0);
	g = natrisk_capabilities_chain_gap(c, 1);
	assert_int_equal(g->scenario, 1);
	assert_int_equal(g->missing_count, 4);
	assert_true(g->missing[NATRISK_PHASE_PROACTION]);
	assert_true(g->missing[NATRISK_PHASE_PREVENTION]);
	assert_false(g->missing[NATRISK_PHASE_PREPARATION]);
	assert_true(g->missing[NATRISK_PHASE_RESPONSE]);
	assert_true(g->missing[NATRISK_PHASE_AFTERCARE]);
	natrisk_capabilities_free(c);
	natrisk_plan_free(p);
}

static void expect_deadline(natrisk_due_precision precision, int year,
                            int part, int day, int y, int m, int d)
{
	natrisk_due due = { precision, year, part, day };
	natrisk_date out;
	assert_int_equal(natrisk_due_deadline(&due, &out), 0);
	assert_int_equal(out.year, y);
	assert_int_equal(out.month, m);
	assert_int_equal(out.day, d);
}

static void expect_no_deadline(natrisk_due_precision precision, int year,
                               int part, int day)
{
	natrisk_due due = { precision, year, part, day };
	natrisk_date out;
	assert_int_equal(natrisk_due_deadline(&due, &out), NATRISK_ERROR);
}

static void test_deadlines(void **state)
{
	(void)state;
	expect_deadline(NATRISK_DUE_YEAR, 2012, 0, 0, 2012, 12, 31);
	expect_deadline(NATRISK_DUE_HALF, 2012, 1, 0, 2012, 6, 30);
	expect_deadline(NATRISK_DUE_HALF, 2012, 2, 0, 2012, 12, 31);
	expect_deadline(NATRISK_DUE_QUARTER, 2013, 1, 0, 2013, 3, 31);
	expect_deadline(NATRISK_DUE_QUARTER, 2013, 3, 0, 2013, 9, 30);
	expect_deadline(NATRISK_DUE_MONTH, 2012, 2, 0, 2012, 2, 29);
	expect_deadline(NATRISK_DUE_MONTH, 2013, 2, 0, 2013, 2, 28);
	expect_deadline(NATRISK_DUE_MONTH, 2100, 2, 0, 2100, 2, 28);
	expect_deadline(NATRISK_DUE_MONTH, 2000, 2, 0, 2000, 2, 29);
	expect_deadline(NATRISK_DUE_MONTH, 2013, 4, 0, 2013, 4, 30);
	expect_deadline(NATRISK_DUE_DAY, 2013, 3, 15, 2013, 3, 15);
	expect_no_deadline(NATRISK_DUE_QUARTER, 2013, 5, 0);
	expect_no_deadline(NATRISK_DUE_HALF, 2013, 3, 0);
	expect_no_deadline(NATRISK_DUE_MONTH, 2013, 13, 0);
	expect_no_deadline(NATRISK_DUE_MONTH, 2013, 0, 0);
	expect_no_deadline(NATRISK_DUE_DAY, 2013, 2, 29);
	expect_no_deadline(NATRISK_DUE_DAY, 2013, 4, 31);
}

static const char effects_plan[] = HEAD
	"capabilities:\n" CAP("c1", "response", "[s1, s2]", "")
	"measures:\n"
	"  - id: m1\n    title: M\n    capabilities: [c1]\n    owners: [o1]\n"
	"    cost: { once: 2.5e6 }\n"
	"    effect:\n"
	"      s2: { likelihood: A }\n"
	"      s1:\n        impact: { \"2.1\": B, \"5.1\": { ev: A, ul: B } }\n"
	"    actions:\n"
	"      - id: x\n        what: X\n        due: 2013-Q1\n"
	"        log: [{ date: 2013-01-02, status: on-track },"
	" { date: 2013-01-02, status: done, note: N }]\n"
	"advice:\n"
	"  - { id: a1, title: A, owners: [o1], measures: [m1] }\n";

static void test_effects_and_actions(void **state)
{
	(void)state;
	natrisk_plan *p = load_plan(effects_plan);
	const natrisk_assessment *a = natrisk_plan_assessment(p);
	const natrisk_method *m = natrisk_assessment_method(a);
	assert_int_equal(natrisk_plan_measure_count(p), 1);
	const natrisk_measure *ms = natrisk_plan_measure(p, 0);
	assert_exact(ms->cost_once, 2.5e6);
	assert_exact(ms->cost_yearly, 0);
	assert_int_equal(natrisk_measure_effect_count(ms), 3);
	const natrisk_effect *e = natrisk_measure_effects(ms);
	assert_int_equal(e[0].scenario, 1);
	assert_int_equal(e[0].criterion, NATRISK_EFFECT_LIKELIHOOD);
	assert_int_equal(e[0].score.point[NATRISK_EV].cls, NATRISK_CLASS_A);
	assert_int_equal(e[1].scenario, 0);
	assert_int_equal(e[1].criterion,
	                 natrisk_method_find_criterion(m, "2.1", 3));
	assert_int_equal(e[1].score.point[NATRISK_EV].cls, 1);
	assert_int_equal(e[2].criterion,
	                 natrisk_method_find_criterion(m, "5.1", 3));
	assert_int_equal(e[2].score.point[NATRISK_LL].cls, 0);
	assert_int_equal(e[2].score.point[NATRISK_UL].cls, 1);
	assert_int_equal(ms->action_count, 1);
	assert_int_equal(ms->actions[0].due.precision, NATRISK_DUE_QUARTER);
	assert_int_equal(ms->actions[0].due.part, 1);
	assert_int_equal(ms->actions[0].log_count, 2);
	assert_int_equal(ms->actions[0].log[1].status, NATRISK_ACTION_DONE);
	assert_string_equal(ms->actions[0].log[1].note, "N");
	const natrisk_advice *adv = natrisk_plan_advice(p, 0);
	assert_int_equal(adv->decision, NATRISK_DECISION_PENDING);
	assert_false(adv->decision_dated);
	assert_int_equal(adv->measure_count, 1);
	assert_int_equal(natrisk_plan_find_measure(p, "m1"), 0);
	assert_int_equal(natrisk_plan_find_measure(p, "m2"), -1);
	natrisk_plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_chain_gaps),
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_effects_and_actions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
