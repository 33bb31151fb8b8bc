/*
 * test_themes.c - a theme's classification and colour are its own
 * (assessment.h): a classification given in the file, or else the lowest
 * of the scenarios that use it (public when none does); a colour given in
 * the file, or else one derived from the theme's id, the same whatever
 * the other themes and the theme's place among them.
 */
#include "unit_support.h"

#include <natrisk/common.h>

#define HEAD "natrisk: 1\ntitle: Themes\nmethod: nrb-2008\n"

/* The scenario KEY with THEME at CLASSIFICATION, as file text. */
#define SCENARIO(key, theme, classification)                               \
	"  - id: " key "\n    title: " key "\n    theme: " theme "\n"        \
	"    kind: hazard\n    classification: " classification "\n"         \
	"    likelihood: C\n    impact: {\"2.1\": C}\n"

static natrisk_assessment *load_ok(const char *text, natrisk_diag *diag)
{
	natrisk_assessment *a = NULL;
	assert_int_equal(unit_load(&a, diag, "themes.yaml", text), 0);
	return a;
}

static const natrisk_theme *theme_named(const natrisk_assessment *a,
                                        const char *id)
{
	for (size_t k = 0; k < natrisk_assessment_theme_count(a); k++)
		if (strcmp(natrisk_assessment_theme(a, k)->id, id) == 0)
			return natrisk_assessment_theme(a, k);
	fail_msg("no theme %s", id);
	return NULL;
}

static void test_derived_classification(void **state)
{
	static const char text[] = HEAD
		"themes:\n"
		"  - {id: mixed, title: Mixed}\n"
		"  - {id: covert, title: Covert}\n"
		"  - {id: spare, title: Spare}\n"
		"scenarios:\n"
		SCENARIO("s1", "mixed", "confidential")
		SCENARIO("s2", "mixed", "restricted")
		SCENARIO("s3", "covert", "confidential");
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = load_ok(text, diag);
	/* the lowest of its scenarios: restricted over confidential */
	assert_int_equal(theme_named(a, "mixed")->classification,
	                 NATRISK_RESTRICTED);
	assert_int_equal(theme_named(a, "covert")->classification,
	                 NATRISK_CONFIDENTIAL);
	/* a theme nobody uses is public: it says nothing about anyone */
	assert_int_equal(theme_named(a, "spare")->classification,
	                 NATRISK_PUBLIC);
	assert_false(theme_named(a, "spare")->classification_given);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
}

static void test_given_classification(void **state)
{
	static const char text[] = HEAD
		"themes:\n"
		"  - {id: kept, title: Kept, classification: confidential}\n"
		"  - {id: open, title: Open, classification: public}\n"
		"scenarios:\n"
		SCENARIO("s1", "open", "confidential");
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = load_ok(text, diag);
	assert_int_equal(theme_named(a, "kept")->classification,
	                 NATRISK_CONFIDENTIAL);
	assert_true(theme_named(a, "kept")->classification_given);
	/* given public, used by a confidential scenario only: stays public */
	assert_int_equal(theme_named(a, "open")->classification,
	                 NATRISK_PUBLIC);
	natrisk_assessment_free(a);
	natrisk_diag_free(diag);
}

static void test_theme_above_scenario(void **state)
{
	static const char text[] = HEAD
		"themes:\n"                                       /* 4 */
		"  - {id: t, title: T, classification: restricted}\n"
		"scenarios:\n"                                    /* 6 */
		SCENARIO("s1", "t", "public");                   /* 7.. */
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	assert_int_equal(unit_load(&a, diag, "themes.yaml", text),
	                 NATRISK_EINVALID);
	assert_null(a);
	assert_has_diag(diag, NATRISK_SEVERITY_ERROR, 9, 12,
	                "theme 't' is restricted, above the scenario (public)");
	natrisk_diag_free(diag);
}

/* The derived colours were computed apart from natrisk (FNV-1a of the id
 * in Python, modulo the eight colours): water 0 (#0072b2), infra 5
 * (#56b4e9), a 4 (#e69f00). */
static void test_colour_from_id(void **state)
{
	static const char first[] = HEAD
		"themes:\n"
		"  - {id: water, title: W}\n"
		"  - {id: infra, title: I}\n"
		"scenarios:\n"
		SCENARIO("s1", "water", "public");
	static const char second[] = HEAD
		"themes:\n"
		"  - {id: a, title: A}\n"
		"  - {id: infra, title: I}\n"
		"  - {id: water, title: W}\n"
		"scenarios:\n"
		SCENARIO("s1", "infra", "public");
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = load_ok(first, diag);
	natrisk_assessment *b = load_ok(second, diag);
	assert_int_equal(natrisk_theme_colour(theme_named(a, "water")),
	                 0x0072B2);
	assert_int_equal(natrisk_theme_colour(theme_named(a, "infra")),
	                 0x56B4E9);
	assert_int_equal(natrisk_theme_colour(theme_named(b, "a")), 0xE69F00);
	/* another place in another list: the same colour */
	assert_int_equal(natrisk_theme_colour(theme_named(b, "water")),
	                 natrisk_theme_colour(theme_named(a, "water")));
	assert_int_equal(natrisk_theme_colour(theme_named(b, "infra")),
	                 natrisk_theme_colour(theme_named(a, "infra")));
	natrisk_assessment_free(a);
	natrisk_assessment_free(b);
	natrisk_diag_free(diag);
}

static void test_given_colour_and_clash(void **state)
{
	/* infra and heron hash to the same colour (5): a warning names both;
	 * a colour of its own settles it */
	static const char clash[] = HEAD
		"themes:\n"                                       /* 4 */
		"  - {id: infra, title: I}\n"                     /* 5 */
		"  - {id: heron, title: H}\n"                     /* 6 */
		"scenarios:\n"
		SCENARIO("s1", "infra", "public")
		SCENARIO("s2", "heron", "public");
	static const char settled[] = HEAD
		"themes:\n"
		"  - {id: infra, title: I}\n"
		"  - {id: heron, title: H, colour: \"#AA3377\"}\n"
		"scenarios:\n"
		SCENARIO("s1", "infra", "public")
		SCENARIO("s2", "heron", "public");
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = load_ok(clash, diag);
	assert_has_diag(diag, NATRISK_SEVERITY_WARNING, 6, 5,
	                "themes 'infra' and 'heron' have the same colour");
	natrisk_diag *quiet = natrisk_diag_new();
	natrisk_assessment *b = load_ok(settled, quiet);
	assert_int_equal(natrisk_diag_count(quiet), 0);
	assert_string_equal(theme_named(b, "heron")->colour, "#aa3377");
	assert_int_equal(natrisk_theme_colour(theme_named(b, "heron")),
	                 0xAA3377);
	natrisk_assessment_free(a);
	natrisk_assessment_free(b);
	natrisk_diag_free(diag);
	natrisk_diag_free(quiet);
}

int main(void)
{
	unit_use_tree_methods();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_derived_classification),
		cmocka_unit_test(test_given_classification),
		cmocka_unit_test(test_theme_above_scenario),
		cmocka_unit_test(test_colour_from_id),
		cmocka_unit_test(test_given_colour_and_clash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
