/*
 * test_score_order.c - LL <= EV <= UL is checked on what the engine
 * compares (issue 9, points 2 and 3): an impact quantity by the class it
 * scores (method.md section 3), a likelihood by its position on the axis,
 * where a probability of 1 is the top of E (formats.md). Located errors at
 * the limit out of order.
 *
 * Method nrb-2008: 2.1 fatalities, thresholds 10 / 100 / 1000 / 10000, so
 * 900 deaths are C (9), below C+ (9 sqrt 3); hazard thresholds 0.0005 /
 * 0.005 / 0.05 / 0.5: p = 0.006 sits at 2 + log10(0.006 / 0.005) =
 * 2.0791812460476247, below C (2.5); E's band is [0.5, 1], so p = 1 sits
 * at 5 and p = 0.9 at 4 + log2(1.8) = 4.84799690655495.
 */
#include "unit_support.h"

#define HEAD                                                                 \
	"natrisk: 1\n"                /* 1 */                                \
	"title: Order\n"              /* 2 */                                \
	"method: nrb-2008\n"          /* 3 */                                \
	"scenarios:\n"                /* 4 */                                \
	"  - id: s\n"                 /* 5 */                                \
	"    title: S\n"              /* 6 */                                \
	"    kind: hazard\n"          /* 7 */

typedef struct fixture {
	natrisk_diag *diag;
	natrisk_assessment *a;
} fixture;

static int setup(void **state)
{
	unit_use_tree_methods();
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->diag = natrisk_diag_new();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	natrisk_assessment_free(f->a);
	natrisk_diag_free(f->diag);
	free(f);
	return 0;
}

static void expect_rejected(fixture *f, const char *text)
{
	int rc = unit_load(&f->a, f->diag, "order.yaml", text);
	if (rc != NATRISK_EINVALID)
		unit_diag_dump(f->diag);
	assert_int_equal(rc, NATRISK_EINVALID);
	assert_null(f->a);
}

static void expect_loaded(fixture *f, const char *text)
{
	int rc = unit_load(&f->a, f->diag, "order.yaml", text);
	if (rc != 0)
		unit_diag_dump(f->diag);
	assert_int_equal(rc, 0);
	assert_int_equal(natrisk_diag_error_count(f->diag), 0);
}

/* 900 deaths score C: a lower limit below an expected C+, and the engine
 * counts it as 9, below EV's 9 sqrt 3, as SMAA draws it from C's place. */
static void test_quantity_below_plus(void **state)
{
	fixture *f = *state;
	expect_loaded(f, HEAD
		"    likelihood: C\n"
		"    impact: {\"2.1\": {ll: {value: 900}, ev: C+, ul: D}}\n");
	const natrisk_grade *g = natrisk_assessment_scenario(f->a, 0)->impact[2].point;
	assert_exact(g[NATRISK_LL].position, 2.0);
	assert_exact(g[NATRISK_EV].position, 2.5);
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, f->a, 0), 0);
	assert_exact(natrisk_results_get(r, 0)->impact[NATRISK_LL].total, 0.9);
	natrisk_results_free(r);
}

/* The other way round it is out of order: C+ above 900 = C. "    impact:
 * {\"2.1\": {ll: " is 25 characters, the LL at 9:26; the UL of the next
 * test at 9:34. */
static void test_plus_above_quantity(void **state)
{
	fixture *f = *state;
	expect_rejected(f, HEAD
		"    likelihood: C\n"
		"    impact: {\"2.1\": {ll: C+, ev: {value: 900}}}\n");
	assert_error_at(f->diag, 0, 9, 26, "2.1: LL (C+) is above EV (900 = "
	                "C); LL <= EV <= UL must hold");
	assert_error_count(f->diag, 1);
}

static void test_quantity_below_plus_as_ul(void **state)
{
	fixture *f = *state;
	expect_rejected(f, HEAD
		"    likelihood: C\n"
		"    impact: {\"2.1\": {ev: C+, ul: {value: 900}}}\n");
	assert_error_at(f->diag, 0, 9, 34, "2.1: EV (C+) is above UL (900 = "
	                "C)");
	assert_error_count(f->diag, 1);
}

/* A likelihood compares on its position: LL C (2.5) above EV p = 0.006
 * (2.08). "    likelihood: {ll: " is 21 characters: the LL at 8:22. */
static void test_likelihood_on_positions(void **state)
{
	fixture *f = *state;
	expect_rejected(f, HEAD
		"    likelihood: {ll: C, ev: {probability: 0.006}}\n"
		"    impact: {\"2.1\": C}\n");
	assert_error_at(f->diag, 0, 8, 22, "likelihood: LL (C at 2.50) is "
	                "above EV (0.006 at 2.08); LL <= EV <= UL must hold");
	assert_error_count(f->diag, 1);
}

/* UL below EV on positions: EV C (2.5), UL p = 0.006; the UL mapping at
 * 8:29 ("    likelihood: {ev: C, ul: " is 28). */
static void test_likelihood_ul_on_positions(void **state)
{
	fixture *f = *state;
	expect_rejected(f, HEAD
		"    likelihood: {ev: C, ul: {probability: 0.006}}\n"
		"    impact: {\"2.1\": C}\n");
	assert_error_at(f->diag, 0, 8, 29, "likelihood: EV (C at 2.50) is "
	                "above UL (0.006 at 2.08)");
	assert_error_count(f->diag, 1);
}

/* In order on positions: LL p = 0.006 (2.08) <= EV C (2.5) <= UL p = 1
 * (5.0, the top of E). */
static void test_likelihood_in_order(void **state)
{
	fixture *f = *state;
	expect_loaded(f, HEAD
		"    likelihood: {ll: {probability: 0.006}, ev: C,"
		" ul: {probability: 1}}\n"
		"    impact: {\"2.1\": C}\n");
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, f->a, 0), 0);
	const natrisk_scenario_result *res = natrisk_results_get(r, 0);
	assert_near(res->likelihood_position[NATRISK_LL], 2.0791812460476247,
	            1e-15);
	assert_exact(res->likelihood_position[NATRISK_EV], 2.5);
	assert_exact(res->likelihood_position[NATRISK_UL], 5.0);
	natrisk_results_free(r);
}

/* p = 1 is the top of E: above a plain E (4.5), so with the same impact
 * the certain scenario carries the higher risk; p = 0.9 sits at 4.848. */
static void test_certainty_tops_e(void **state)
{
	fixture *f = *state;
	expect_loaded(f, HEAD
		"    likelihood: {probability: 1}\n"
		"    impact: {\"2.1\": C}\n"
		"  - {id: plain-e, title: E, kind: hazard, likelihood: E,"
		" impact: {\"2.1\": C}}\n"
		"  - {id: nine, title: Nine, kind: hazard,"
		" likelihood: {probability: 0.9}, impact: {\"2.1\": C}}\n");
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, f->a, 0), 0);
	assert_exact(natrisk_results_get(r, 0)->likelihood_position[NATRISK_EV],
	             5.0);
	assert_near(natrisk_results_get(r, 2)->likelihood_position[NATRISK_EV],
	            4.84799690655495, 1e-14);
	assert_int_equal(natrisk_results_get(r, 0)->rank, 1);
	assert_int_equal(natrisk_results_get(r, 2)->rank, 2);
	assert_int_equal(natrisk_results_get(r, 1)->rank, 3);
	natrisk_results_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_quantity_below_plus, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_plus_above_quantity, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_quantity_below_plus_as_ul,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_likelihood_on_positions,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_likelihood_ul_on_positions,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_likelihood_in_order, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_certainty_tops_e, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
