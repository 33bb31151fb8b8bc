/*
 * test_find_scenario.c - natrisk_assessment_find_scenario() on a loaded
 * assessment (its ids indexed in sorted order) and on a residual copy
 * (which shares the index): every id at its place in the file, whatever
 * the order of the file; ids that sort between, before and after them,
 * prefixes and extensions of them, none. And natrisk_effect_changes():
 * a better score changes, a worse or equal one does not, and an effect on
 * a criterion scored X never does.
 */
#include "unit_support.h"

#include <natrisk/effect.h>
#include <natrisk/residual.h>

/* Ids out of order, with prefixes of one another (b, b1, b10). */
static const char YAML[] =
	"natrisk: 1\n"
	"title: Find\n"
	"method: nrb-2008\n"
	"scenarios:\n"
	"  - { id: m, title: M, kind: hazard, likelihood: C, impact: { \"2.1\": D } }\n"
	"  - { id: b10, title: B10, kind: hazard, likelihood: A, impact: { \"2.1\": A } }\n"
	"  - { id: z, title: Z, kind: hazard, likelihood: B, impact: { \"2.1\": B } }\n"
	"  - { id: b, title: B, kind: hazard, likelihood: D, impact: { \"2.1\": C } }\n"
	"  - { id: a-1, title: A1, kind: hazard, likelihood: E, impact: { \"2.1\": E } }\n"
	"  - { id: b1, title: B1, kind: hazard, likelihood: C, impact: { \"2.1\": B } }\n";

static const char *const IDS[] = { "m", "b10", "z", "b", "a-1", "b1" };

static void expect_places(const natrisk_assessment *a)
{
	for (long i = 0; i < 6; i++)
		assert_int_equal(natrisk_assessment_find_scenario(a, IDS[i]), i);
	static const char *const absent[] = { "", "a", "a-", "a-10", "b0",
		                              "b100", "c", "m-", "y", "zz" };
	for (size_t k = 0; k < sizeof absent / sizeof *absent; k++)
		assert_int_equal(natrisk_assessment_find_scenario(a, absent[k]),
		                 -1);
}

static void test_find_in_loaded_and_residual(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL, *r = NULL;
	assert_int_equal(unit_load(&a, diag, "find.yaml", YAML), NATRISK_OK);
	expect_places(a);
	assert_int_equal(natrisk_residual_assessment_new(&r, a, NULL, 0),
	                 NATRISK_OK);
	expect_places(r);
	natrisk_assessment_free(r);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
}

/* Scenario m (index 0): 2.1 D; 1.1 not scored (X). */
static natrisk_effect effect_on(long criterion, int cls)
{
	natrisk_effect e = { .scenario = 0, .criterion = criterion };
	for (int p = 0; p < NATRISK_POINT_COUNT; p++) {
		e.score.point[p].cls = (signed char)cls;
		e.score.point[p].position = criterion < 0 ? cls + 0.5 : cls;
	}
	e.score.given = true;
	return e;
}

static void test_effect_changes(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	assert_int_equal(unit_load(&a, diag, "find.yaml", YAML), NATRISK_OK);
	/* nrb-2008's criteria: 1.1 is index 0, 2.1 index 2 */
	natrisk_effect better = effect_on(2, 1 /* B */);
	natrisk_effect same = effect_on(2, 3 /* D */);
	natrisk_effect worse = effect_on(2, NATRISK_CLASS_E);
	natrisk_effect on_x = effect_on(0, NATRISK_CLASS_A);
	natrisk_effect likelier = effect_on(NATRISK_EFFECT_LIKELIHOOD,
	                                    3 /* D */);
	natrisk_effect rarer = effect_on(NATRISK_EFFECT_LIKELIHOOD,
	                                 NATRISK_CLASS_A);
	assert_int_equal(natrisk_effect_changes(a, &better), 1);
	assert_int_equal(natrisk_effect_changes(a, &same), 0);
	assert_int_equal(natrisk_effect_changes(a, &worse), 0);
	assert_int_equal(natrisk_effect_changes(a, &on_x), 0);
	assert_int_equal(natrisk_effect_changes(a, &likelier), 0);
	assert_int_equal(natrisk_effect_changes(a, &rarer), 1);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_in_loaded_and_residual),
		cmocka_unit_test(test_effect_changes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
