/*
 * test_method.c - the method loader and the method's conversions
 * (method.h): the three bundled methods, weight profiles, class values,
 * quantity and probability classes (method.md section 3), and the located
 * errors for malformed method files (docs/method-format.md).
 */
#include "unit_support.h"

#include <natrisk/common.h>

#define SQRT2 1.4142135623730951 /* sqrt(2) to 17 digits */
#define SQRT3 1.7320508075688772 /* sqrt(3) to 17 digits */

static int setup_paths(void **state)
{
	(void)state;
	unit_use_tree_methods();
	return 0;
}

static natrisk_method *load_bundled(const char *id)
{
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_method *m = NULL;
	int rc = natrisk_method_load(&m, id, NULL, diag);
	if (rc != 0) {
		print_error("%s: %s\n", id, natrisk_error_last());
		unit_diag_dump(diag);
	}
	assert_int_equal(rc, 0);
	assert_non_null(m);
	assert_int_equal(natrisk_diag_count(diag), 0);
	natrisk_diag_free(diag);
	return m;
}

static void check_ids(const natrisk_method *m, const char *const *ids,
                      size_t n)
{
	assert_int_equal(natrisk_method_criterion_count(m), n);
	for (size_t i = 0; i < n; i++) {
		const natrisk_criterion *c = natrisk_method_criterion(m, i);
		assert_string_equal(c->id, ids[i]);
		/* A criterion "k.j" belongs to interest "k". */
		const natrisk_interest *in =
			natrisk_method_interest(m, c->interest);
		assert_non_null(in);
		assert_int_equal(strlen(in->id), 1);
		assert_int_equal(in->id[0], ids[i][0]);
		assert_int_equal(natrisk_method_find_criterion(m, ids[i],
		                                               strlen(ids[i])),
		                 (long)i);
	}
	assert_null(natrisk_method_criterion(m, n));
	assert_int_equal(natrisk_method_find_criterion(m, "9.9", 3), -1);
	/* The length counts: "2.1x" with length 3 is "2.1". */
	assert_true(natrisk_method_find_criterion(m, "2.1x", 3) >= 0);
	assert_int_equal(natrisk_method_find_criterion(m, "2.1x", 4), -1);
}

/* Every profile's normalised weights sum to 1 and keep the ratios of the
 * raw weights; the default is "equal", whose weights are all 1/n. */
static void check_profiles(const natrisk_method *m, size_t expect_count)
{
	size_t n = natrisk_method_criterion_count(m);
	assert_int_equal(natrisk_method_profile_count(m), expect_count);
	for (size_t p = 0; p < natrisk_method_profile_count(m); p++) {
		const natrisk_profile *profile = natrisk_method_profile(m, p);
		double sum = 0, raw = 0;
		for (size_t c = 0; c < n; c++) {
			assert_true(profile->weights[c] >= 0);
			sum += profile->weights[c];
			raw += profile->raw[c];
			assert_near(profile->weights[c] * profile->raw_sum,
			            profile->raw[c], 1e-12);
		}
		assert_near(sum, 1.0, 1e-12);
		assert_near(raw, profile->raw_sum, 1e-12);
		assert_int_equal(natrisk_method_find_profile(m, profile->id),
		                 (long)p);
	}
	size_t d = natrisk_method_default_profile(m);
	const natrisk_profile *equal = natrisk_method_profile(m, d);
	assert_string_equal(equal->id, "equal");
	for (size_t c = 0; c < n; c++)
		assert_near(equal->weights[c], 1.0 / (double)n, 1e-15);
	assert_int_equal(natrisk_method_find_profile(m, "no-such"), -1);
	assert_null(natrisk_method_profile(m, expect_count));
}

static void test_nrb_2008(void **state)
{
	(void)state;
	natrisk_method *m = load_bundled("nrb-2008");
	assert_string_equal(natrisk_method_id(m), "nrb-2008");
	/* method.md section 2: 5 interests, 10 criteria. */
	assert_int_equal(natrisk_method_interest_count(m), 5);
	static const char *const ids[] = { "1.1", "1.2", "2.1", "2.2", "2.3",
		                           "3.1", "4.1", "5.1", "5.2", "5.3" };
	check_ids(m, ids, 10);
	/* equal, physical, economic, social-political, territorial,
	 * ecological (methods/README.md). */
	check_profiles(m, 6);
	/* Every criterion 1/10. */
	const natrisk_profile *equal =
		natrisk_method_profile(m, natrisk_method_default_profile(m));
	assert_near(equal->weights[0], 0.1, 1e-17);
	natrisk_method_free(m);
}

static void test_gra_2019(void **state)
{
	(void)state;
	natrisk_method *m = load_bundled("gra-2019");
	assert_string_equal(natrisk_method_id(m), "gra-2019");
	/* 2008 plus 1.3, 3.2 and interest 6 with 6.1-6.4: 6 and 16. */
	assert_int_equal(natrisk_method_interest_count(m), 6);
	static const char *const ids[] = { "1.1", "1.2", "1.3", "2.1", "2.2",
		                           "2.3", "3.1", "3.2", "4.1", "5.1",
		                           "5.2", "5.3", "6.1", "6.2", "6.3",
		                           "6.4" };
	check_ids(m, ids, 16);
	check_profiles(m, 7); /* plus international-order */
	natrisk_method_free(m);
}

static void test_rbra_2022(void **state)
{
	(void)state;
	natrisk_method *m = load_bundled("rbra-2022");
	assert_string_equal(natrisk_method_id(m), "rbra-2022");
	/* 2019 plus 1.4 and 6.5: 6 and 18. */
	assert_int_equal(natrisk_method_interest_count(m), 6);
	static const char *const ids[] = { "1.1", "1.2", "1.3", "1.4", "2.1",
		                           "2.2", "2.3", "3.1", "3.2", "4.1",
		                           "5.1", "5.2", "5.3", "6.1", "6.2",
		                           "6.3", "6.4", "6.5" };
	check_ids(m, ids, 18);
	check_profiles(m, 7);
	const natrisk_profile *equal =
		natrisk_method_profile(m, natrisk_method_default_profile(m));
	assert_near(equal->weights[17], 1.0 / 18.0, 1e-17);
	natrisk_method_free(m);
}

static void test_bundled_ids_all_load(void **state)
{
	(void)state;
	const char *const *ids = natrisk_method_bundled_ids();
	size_t n = 0;
	for (; ids[n]; n++) {
		natrisk_method *m = load_bundled(ids[n]);
		assert_string_equal(natrisk_method_id(m), ids[n]);
		/* Found in $NATRISK_METHOD_PATH, this tree's methods/. */
		char tail[64];
		snprintf(tail, sizeof tail, "/%s.yaml", ids[n]);
		const char *origin = natrisk_method_origin(m);
		assert_true(strlen(origin) > strlen(tail));
		assert_string_equal(origin + strlen(origin) - strlen(tail),
		                    tail);
		natrisk_method_free(m);
	}
	assert_int_equal(n, 3);
}

static void test_embedded_copy(void **state)
{
	(void)state;
	/* With nothing on the search path, the copy embedded in the library
	 * (or an installed one) is used, with the same content. */
	setenv("NATRISK_METHOD_PATH", "/nonexistent-natrisk-dir", 1);
	natrisk_method *m = load_bundled("rbra-2022");
	const char *origin = natrisk_method_origin(m);
	assert_true(strcmp(origin, "(bundled)/rbra-2022.yaml") == 0 ||
	            strstr(origin, "/methods/rbra-2022.yaml") != NULL);
	assert_int_equal(natrisk_method_criterion_count(m), 18);
	natrisk_method_free(m);
	unit_use_tree_methods();
}

static void test_physical_profile(void **state)
{
	(void)state;
	natrisk_method *m = load_bundled("nrb-2008");
	long p = natrisk_method_find_profile(m, "physical");
	assert_true(p >= 0);
	const natrisk_profile *profile = natrisk_method_profile(m, (size_t)p);
	/* 3 on 2.1, 2.2, 2.3 and 1 on seven others: 9 + 7 = 16;
	 * 2.1 weighs 3/16 = 0.1875, 1.1 weighs 1/16 = 0.0625, and
	 * interest 2 carries 9/16. */
	assert_exact(profile->raw_sum, 16.0);
	long c21 = natrisk_method_find_criterion(m, "2.1", 3);
	long c11 = natrisk_method_find_criterion(m, "1.1", 3);
	assert_exact(profile->raw[c21], 3.0);
	assert_exact(profile->weights[c21], 0.1875);
	assert_exact(profile->weights[c11], 0.0625);
	double interest2 = 0;
	for (size_t c = 0; c < natrisk_method_criterion_count(m); c++)
		if (natrisk_method_criterion(m, c)->interest == 1)
			interest2 += profile->weights[c];
	assert_exact(interest2, 0.5625); /* 9/16 */
	natrisk_method_free(m);
}

static void test_class_values(void **state)
{
	(void)state;
	natrisk_method *m = load_bundled("nrb-2008");
	/* method.md section 4: X 0, A 1, B 3, C 9, D 27, E 81. */
	assert_exact(natrisk_method_base(m), 3.0);
	assert_exact(natrisk_method_class_value(m, NATRISK_CLASS_X, false), 0);
	assert_exact(natrisk_method_class_value(m, 0, false), 1.0);
	assert_exact(natrisk_method_class_value(m, 1, false), 3.0);
	assert_exact(natrisk_method_class_value(m, 2, false), 9.0);
	assert_exact(natrisk_method_class_value(m, 3, false), 27.0);
	assert_exact(natrisk_method_class_value(m, 4, false), 81.0);
	/* "+": half a class up, times sqrt(3): C+ = 15.588457268119894. */
	assert_near(natrisk_method_class_value(m, 2, true), 9 * SQRT3, 1e-14);
	assert_near(natrisk_method_class_value(m, 0, true), SQRT3, 1e-15);
	/* Out of range reads as X. */
	assert_exact(natrisk_method_class_value(m, 5, false), 0.0);
	/* Labels. */
	assert_string_equal(natrisk_method_impact_label(m, 2)->en, "serious");
	assert_string_equal(natrisk_method_impact_label(m, 4)->nl,
	                    "catastrofaal");
	assert_string_equal(natrisk_method_likelihood_label(m, 0)->en,
	                    "highly unlikely");
	assert_null(natrisk_method_likelihood_label(m, 5));
	natrisk_method_free(m);
}

static void test_quantity_classes(void **state)
{
	(void)state;
	natrisk_method *m = load_bundled("nrb-2008");
	size_t costs = (size_t)natrisk_method_find_criterion(m, "3.1", 3);
	size_t deaths = (size_t)natrisk_method_find_criterion(m, "2.1", 3);
	assert_true(natrisk_method_criterion(m, costs)->quantitative);
	assert_false(natrisk_method_criterion(
		m, (size_t)natrisk_method_find_criterion(m, "5.3", 3))
		->quantitative);
	/* Calibration points of method.md section 3: 13 bn euros score D;
	 * 5 bn scores D (a lower limit belongs to its class); 4.99 bn C. */
	assert_int_equal(natrisk_method_quantity_class(m, costs, 13e9), 3);
	assert_int_equal(natrisk_method_quantity_class(m, costs, 5e9), 3);
	assert_int_equal(natrisk_method_quantity_class(m, costs, 4.99e9), 2);
	assert_int_equal(natrisk_method_quantity_class(m, costs, 49e6), 0);
	assert_int_equal(natrisk_method_quantity_class(m, costs, 50e6), 1);
	assert_int_equal(natrisk_method_quantity_class(m, costs, 5e10), 4);
	/* "Several hundred" fatalities score C: 300, and 100 and 999. */
	assert_int_equal(natrisk_method_quantity_class(m, deaths, 300), 2);
	assert_int_equal(natrisk_method_quantity_class(m, deaths, 100), 2);
	assert_int_equal(natrisk_method_quantity_class(m, deaths, 999), 2);
	assert_int_equal(natrisk_method_quantity_class(m, deaths, 9), 0);
	assert_int_equal(natrisk_method_quantity_class(m, deaths, 10000), 4);
	/* Positions: 13e9 -> 3 + log10(2.6) = 3.414973347970818;
	 * 300 -> 2 + log10 3 = 2.4771212547196626; 5e9 -> exactly 3. */
	assert_near(natrisk_method_quantity_position(m, costs, 13e9),
	            3.414973347970818, 1e-14);
	assert_near(natrisk_method_quantity_position(m, deaths, 300),
	            2.4771212547196626, 1e-14);
	assert_exact(natrisk_method_quantity_position(m, costs, 5e9), 3.0);
	/* Hazard likelihood: 0.03 in C [0.5 %, 5 %); 0.5 is E; 0.0004 A. */
	assert_int_equal(natrisk_method_probability_class(m, 0.03), 2);
	assert_int_equal(natrisk_method_probability_class(m, 0.5), 4);
	assert_int_equal(natrisk_method_probability_class(m, 0.0004), 0);
	assert_near(natrisk_method_probability_position(m, 0.03),
	            2.778151250383644, 1e-14); /* 2 + log10 6 */
	natrisk_method_free(m);
}

static void test_not_found(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_method *m = (natrisk_method *)(void *)diag; /* reset? */
	assert_int_equal(natrisk_method_load(&m, "nrb-1999", NULL, diag),
	                 NATRISK_ENOTFOUND);
	assert_null(m);
	assert_non_null(strstr(natrisk_error_last(), "nrb-1999"));
	/* Not an id (capitals, '_') and not a path. */
	assert_int_equal(natrisk_method_load(&m, "Bad_Id", NULL, diag),
	                 NATRISK_ENOTFOUND);
	/* A path that does not exist: an I/O error. */
	assert_int_equal(natrisk_method_load(&m, "/nonexistent-natrisk/x.yaml",
	                                     NULL, diag),
	                 NATRISK_EIO);
	assert_null(m);
	assert_int_equal(natrisk_diag_count(diag), 0);
	natrisk_diag_free(diag);
}

/* ---- a small method file, and broken variants of it ------------------- */

static const char *const MINI[] = {
	"natrisk-method: 1",                              /* 1 */
	"id: mini",                                       /* 2 */
	"title: {en: Mini, nl: Mini}",                    /* 3 */
	"horizon_years: 5",                               /* 4 */
	"impact_classes:",                                /* 5 */
	"  base: 3",                                      /* 6 */
	"  x_value: 0",                                   /* 7 */
	"  x_position: -1",                               /* 8 */
	"  high_offset: 0.5",                             /* 9 */
	"  source: unit test",                            /* 10 */
	"  labels:",                                      /* 11 */
	"    A: {en: a, nl: a}",                          /* 12 */
	"    B: {en: b, nl: b}",                          /* 13 */
	"    C: {en: c, nl: c}",                          /* 14 */
	"    D: {en: d, nl: d}",                          /* 15 */
	"    E: {en: e, nl: e}",                          /* 16 */
	"likelihood_classes:",                            /* 17 */
	"  factor: 10",                                   /* 18 */
	"  class_position: 0.5",                          /* 19 */
	"  high_position: 0.75",                          /* 20 */
	"  source: unit test",                            /* 21 */
	"  labels:",                                      /* 22 */
	"    A: {en: a, nl: a}",                          /* 23 */
	"    B: {en: b, nl: b}",                          /* 24 */
	"    C: {en: c, nl: c}",                          /* 25 */
	"    D: {en: d, nl: d}",                          /* 26 */
	"    E: {en: e, nl: e}",                          /* 27 */
	"  hazard:",                                      /* 28 */
	"    thresholds: [0.0005, 0.005, 0.05, 0.5]",     /* 29 */
	"    source: unit test",                          /* 30 */
	"  threat:",                                      /* 31 */
	"    levels:",                                    /* 32 */
	"      A: {en: a, nl: a}",                        /* 33 */
	"      B: {en: b, nl: b}",                        /* 34 */
	"      C: {en: c, nl: c}",                        /* 35 */
	"      D: {en: d, nl: d}",                        /* 36 */
	"      E: {en: e, nl: e}",                        /* 37 */
	"    source: unit test",                          /* 38 */
	"interests:",                                     /* 39 */
	"  - id: \"1\"",                                  /* 40 */
	"    name: {en: One, nl: Een}",                   /* 41 */
	"  - id: \"2\"",                                  /* 42 */
	"    name: {en: Two, nl: Twee}",                  /* 43 */
	"criteria:",                                      /* 44 */
	"  - id: \"1.1\"",                                /* 45 */
	"    interest: \"1\"",                            /* 46 */
	"    name: {en: c11, nl: c11}",                   /* 47 */
	"  - id: \"2.1\"",                                /* 48 */
	"    interest: \"2\"",                            /* 49 */
	"    name: {en: Fatalities, nl: Doden}",          /* 50 */
	"    unit: {en: people, nl: personen}",           /* 51 */
	"    thresholds: [10, 100, 1000, 10000]",         /* 52 */
	"    source: unit test",                          /* 53 */
	"  - id: \"2.2\"",                                /* 54 */
	"    interest: \"2\"",                            /* 55 */
	"    name: {en: c22, nl: c22}",                   /* 56 */
	"weights:",                                       /* 57 */
	"  default: equal",                               /* 58 */
	"  profiles:",                                    /* 59 */
	"    - id: equal",                                /* 60 */
	"      title: {en: Equal, nl: Gelijk}",           /* 61 */
	"      description: equal",                       /* 62 */
	"      source: unit test",                        /* 63 */
	"      others: 1",                                /* 64 */
	"      weights: {}",                              /* 65 */
	"    - id: lives",                                /* 66 */
	"      title: {en: Lives, nl: Levens}",           /* 67 */
	"      description: lives",                       /* 68 */
	"      source: unit test",                        /* 69 */
	"      others: 1",                                /* 70 */
	"      weights: {\"2.1\": 3}",                    /* 71 */
};
enum { MINI_LINES = sizeof MINI / sizeof *MINI };

/* Replace line LINE (1-based) with TEXT; NULL deletes it. */
typedef struct edit {
	int line;
	const char *text;
} edit;

/* MINI with the edits applied, as one malloc'd string. */
static char *mini_with(const edit *edits, size_t n)
{
	size_t size = 1;
	for (int i = 0; i < MINI_LINES; i++)
		size += strlen(MINI[i]) + 1;
	for (size_t e = 0; e < n; e++)
		size += edits[e].text ? strlen(edits[e].text) + 1 : 0;
	char *text = malloc(size);
	assert_non_null(text);
	text[0] = '\0';
	for (int i = 0; i < MINI_LINES; i++) {
		const char *line = MINI[i];
		for (size_t e = 0; e < n; e++)
			if (edits[e].line == i + 1)
				line = edits[e].text;
		if (!line)
			continue;
		strcat(text, line);
		strcat(text, "\n");
	}
	return text;
}

/* Loads MINI with EDITS; returns the code, the method in *OUT. */
static int load_mini(const edit *edits, size_t n, natrisk_diag *diag,
                     natrisk_method **out)
{
	char *text = mini_with(edits, n);
	int rc = natrisk_method_load_buffer(out, "mini.yaml", text,
	                                    strlen(text), diag);
	free(text);
	return rc;
}

/* The diagnostics of the last rejected(), owned here and freed by the
 * next call or by the teardown, so that a failed assertion leaks nothing. */
static natrisk_diag *last_diag;

static int free_last_diag(void **state)
{
	(void)state;
	natrisk_diag_free(last_diag);
	last_diag = NULL;
	return 0;
}

/* Expects MINI with EDITS to be rejected; returns the diagnostics. */
static natrisk_diag *rejected(const edit *edits, size_t n)
{
	free_last_diag(NULL);
	natrisk_diag *diag = last_diag = natrisk_diag_new();
	natrisk_method *m = (natrisk_method *)(void *)diag; /* reset? */
	int rc = load_mini(edits, n, diag, &m);
	if (rc != NATRISK_EINVALID)
		unit_diag_dump(diag);
	assert_int_equal(rc, NATRISK_EINVALID);
	assert_null(m);
	for (size_t i = 0; i < natrisk_diag_count(diag); i++)
		assert_string_equal(natrisk_diag_get(diag, i)->file,
		                    "mini.yaml");
	return diag;
}

#define EDITS(...) (const edit[]){ __VA_ARGS__ },                          \
	sizeof((const edit[]){ __VA_ARGS__ }) / sizeof(edit)

static void test_mini_valid(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_method *m = NULL;
	assert_int_equal(load_mini(NULL, 0, diag, &m), 0);
	assert_int_equal(natrisk_diag_count(diag), 0);
	assert_string_equal(natrisk_method_id(m), "mini");
	assert_string_equal(natrisk_method_origin(m), "mini.yaml");
	assert_int_equal(natrisk_method_interest_count(m), 2);
	assert_int_equal(natrisk_method_criterion_count(m), 3);
	const natrisk_criterion *c = natrisk_method_criterion(m, 1);
	assert_true(c->quantitative);
	assert_exact(c->thresholds[0], 10);
	assert_exact(c->thresholds[3], 10000);
	assert_string_equal(c->unit.nl, "personen");
	assert_int_equal(c->interest, 1);
	assert_false(natrisk_method_criterion(m, 0)->quantitative);
	check_profiles(m, 2);
	/* lives: raw 1, 3, 1 -> sum 5 -> 0.2, 0.6, 0.2. */
	const natrisk_profile *lives = natrisk_method_profile(m, 1);
	assert_exact(lives->raw_sum, 5.0);
	assert_near(lives->weights[0], 0.2, 1e-16);
	assert_near(lives->weights[1], 0.6, 1e-16);
	assert_near(lives->weights[2], 0.2, 1e-16);
	natrisk_method_free(m);
	natrisk_diag_free(diag);
}

static void test_mini_base_2(void **state)
{
	(void)state;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_method *m = NULL;
	/* Base 2, X worth 0.5: classes 1, 2, 4, 8, 16; "+" = times sqrt 2. */
	assert_int_equal(load_mini(EDITS({ 6, "  base: 2" },
	                                 { 7, "  x_value: 0.5" }),
	                           diag, &m),
	                 0);
	assert_exact(natrisk_method_base(m), 2.0);
	assert_exact(natrisk_method_class_value(m, NATRISK_CLASS_X, false),
	             0.5);
	assert_exact(natrisk_method_class_value(m, 3, false), 8.0);
	assert_exact(natrisk_method_class_value(m, 4, false), 16.0);
	/* D+ = 8 sqrt 2 = 11.313708498984761 */
	assert_near(natrisk_method_class_value(m, 3, true), 8 * SQRT2, 1e-14);
	natrisk_method_free(m);
	m = NULL;
	/* the greatest base allowed: E = 1000^4 */
	assert_int_equal(load_mini(EDITS({ 6, "  base: 1000" }), diag, &m), 0);
	assert_exact(natrisk_method_class_value(m, 4, false), 1e12);
	natrisk_method_free(m);
	natrisk_diag_free(diag);
}

static void test_thresholds_not_ascending(void **state)
{
	(void)state;
	/* [10, 100, 100, 10000]: the third limit does not exceed the
	 * second. "    thresholds: [10, 100, " is 26 characters: 52:27. */
	natrisk_diag *diag = rejected(EDITS({ 52,
		"    thresholds: [10, 100, 100, 10000]" }));
	assert_error_at(diag, 0, 52, 27, "thresholds must ascend strictly");
	assert_error_count(diag, 1);
}

static void test_thresholds_count(void **state)
{
	(void)state;
	/* Three limits instead of four, at the list's '[' (52:17). */
	natrisk_diag *diag = rejected(EDITS({ 52,
		"    thresholds: [10, 100, 1000]" }));
	assert_error_at(diag, 0, 52, 17, "must list 4 lower limits");
	assert_error_at(diag, 0, 52, 17, "not 3");
	assert_error_count(diag, 1);
}

static void test_thresholds_need_source(void **state)
{
	(void)state;
	/* Line 53 (the source) removed: reported at the thresholds, 52:17. */
	natrisk_diag *diag = rejected(EDITS({ 53, NULL }));
	assert_error_at(diag, 0, 52, 17, "thresholds need a 'source'");
	assert_error_count(diag, 1);
}

static void test_hazard_thresholds_probabilities(void **state)
{
	(void)state;
	/* A probability above 1: at the list, 29:17. */
	natrisk_diag *diag = rejected(EDITS({ 29,
		"    thresholds: [0.05, 0.5, 5, 50]" }));
	assert_error_at(diag, 0, 29, 17, "probabilities below 1");
	assert_error_count(diag, 1);
}

static void test_unknown_interest(void **state)
{
	(void)state;
	/* "    interest: " is 14 characters: the quoted "9" at 49:15. */
	natrisk_diag *diag = rejected(EDITS({ 49, "    interest: \"9\"" }));
	assert_error_at(diag, 0, 49, 15, "unknown interest '9'");
	assert_error_count(diag, 1);
}

static void test_zero_weights(void **state)
{
	(void)state;
	/* Profile "lives" with others 0 and 2.1 at 0: reported at the
	 * profile (its first key, "    - id: lives" -> 66:7). */
	natrisk_diag *diag = rejected(EDITS({ 70, "      others: 0" },
	                                    { 71, "      weights: {\"2.1\": 0}" }));
	assert_error_at(diag, 0, 66, 7, "profile 'lives' gives every "
	                "criterion weight 0");
	assert_error_count(diag, 1);
}

static void test_bad_weights(void **state)
{
	(void)state;
	/* "      weights: {\"2.1\": " is 23 characters: the value at 71:24,
	 * the key's quote at 71:17. */
	natrisk_diag *diag = rejected(EDITS({ 71,
		"      weights: {\"2.1\": -3}" }));
	assert_error_at(diag, 0, 71, 24, "a weight may not be negative");
	assert_error_count(diag, 1);

	diag = rejected(EDITS({ 71, "      weights: {\"9.9\": 3}" }));
	assert_error_at(diag, 0, 71, 17, "unknown criterion '9.9'");
	assert_error_count(diag, 1);

	/* Not a number: exactly one error, at the value. */
	diag = rejected(EDITS({ 71, "      weights: {\"2.1\": heavy}" }));
	assert_error_at(diag, 0, 71, 24, "a weight must be a finite number");
	assert_error_count(diag, 1);
}

static void test_unknown_key_suggestion(void **state)
{
	(void)state;
	natrisk_diag *diag = rejected(EDITS({ 4, "horizon_year: 5" }));
	assert_error_at(diag, 0, 4, 1, "unknown key 'horizon_year' in the "
	                "method; did you mean 'horizon_years'?");
	assert_error_count(diag, 1);
}

static void test_default_names_no_profile(void **state)
{
	(void)state;
	/* "  default: " is 11 characters: 58:12. */
	natrisk_diag *diag = rejected(EDITS({ 58, "  default: equals" }));
	assert_error_at(diag, 0, 58, 12, "default names no profile: 'equals'");
	assert_error_count(diag, 1);
}

static void test_duplicate_criterion(void **state)
{
	(void)state;
	/* The third criterion repeats "2.1": at its id, 54:9. */
	natrisk_diag *diag = rejected(EDITS({ 54, "  - id: \"2.1\"" }));
	assert_error_at(diag, 0, 54, 9, "duplicate criterion id '2.1'");
	assert_error_count(diag, 1);
}

static void test_bad_scales(void **state)
{
	(void)state;
	/* base 1: 6:9. */
	natrisk_diag *diag = rejected(EDITS({ 6, "  base: 1" }));
	assert_error_at(diag, 0, 6, 9, "base must exceed 1");
	assert_error_count(diag, 1);
	/* base 1000 is the greatest allowed; 1000.5 is refused at 6:9 */
	diag = rejected(EDITS({ 6, "  base: 1000.5" }));
	assert_error_at(diag, 0, 6, 9, "base must be at most 1000");
	assert_error_count(diag, 1);
	/* high_offset 1 is a whole class: 9:16. */
	diag = rejected(EDITS({ 9, "  high_offset: 1" }));
	assert_error_at(diag, 0, 9, 16, "high_offset must lie in [0, 1)");
	assert_error_count(diag, 1);
}

static void test_unit_without_thresholds(void **state)
{
	(void)state;
	/* A unit added to 2.2 (a new line 57): "    unit: " is 10, 57:11. */
	natrisk_diag *diag = rejected(EDITS({ 56,
		"    name: {en: c22, nl: c22}\n"
		"    unit: {en: people, nl: personen}" }));
	assert_error_at(diag, 0, 57, 11, "a unit belongs to a criterion with "
	                "thresholds");
	assert_error_count(diag, 1);
}

static void test_format_version(void **state)
{
	(void)state;
	/* "natrisk-method: " is 16 characters: the version at 1:17. */
	natrisk_diag *diag = rejected(EDITS({ 1, "natrisk-method: 2" }));
	assert_error_at(diag, 0, 1, 17, "unsupported method format 2");
	assert_error_count(diag, 1);
	/* Version 0 is just as unsupported, and must be said so: a file
	 * is never rejected without a located error. */
	diag = rejected(EDITS({ 1, "natrisk-method: 0" }));
	assert_error_at(diag, 0, 1, 17, "unsupported method format 0");
	assert_error_count(diag, 1);
}

static void test_all_errors_reported(void **state)
{
	(void)state;
	/* Two independent errors: an unknown interest (49:15) and a profile
	 * whose weights are all 0 (66:7). Both are reported. */
	natrisk_diag *diag = rejected(EDITS({ 49, "    interest: \"9\"" },
	                                    { 70, "      others: 0" },
	                                    { 71, "      weights: {\"2.1\": 0}" }));
	assert_error_count(diag, 2);
	assert_has_diag(diag, NATRISK_SEVERITY_ERROR, 49, 15,
	                "unknown interest '9'");
	assert_has_diag(diag, NATRISK_SEVERITY_ERROR, 66, 7,
	                "gives every criterion weight 0");
}

static void test_three_errors_reported(void **state)
{
	(void)state;
	/* Three: thresholds out of order (52:27), unknown interest on 2.2
	 * (55:15), default naming no profile (58:12). */
	natrisk_diag *diag = rejected(EDITS(
		{ 52, "    thresholds: [10, 100, 100, 10000]" },
		{ 55, "    interest: \"7\"" },
		{ 58, "  default: none" }));
	assert_error_count(diag, 3);
	assert_error_at(diag, 0, 52, 27, "ascend strictly");
	assert_error_at(diag, 1, 55, 15, "unknown interest '7'");
	assert_error_at(diag, 2, 58, 12, "default names no profile");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nrb_2008),
		cmocka_unit_test(test_gra_2019),
		cmocka_unit_test(test_rbra_2022),
		cmocka_unit_test(test_bundled_ids_all_load),
		cmocka_unit_test(test_embedded_copy),
		cmocka_unit_test(test_physical_profile),
		cmocka_unit_test(test_class_values),
		cmocka_unit_test(test_quantity_classes),
		cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_mini_valid),
		cmocka_unit_test(test_mini_base_2),
		cmocka_unit_test_teardown(test_thresholds_not_ascending,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_thresholds_count,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_thresholds_need_source,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_hazard_thresholds_probabilities,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_unknown_interest,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_zero_weights,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_bad_weights,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_unknown_key_suggestion,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_default_names_no_profile,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_duplicate_criterion,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_bad_scales,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_unit_without_thresholds,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_format_version,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_all_errors_reported,
		                          free_last_diag),
		cmocka_unit_test_teardown(test_three_errors_reported,
		                          free_last_diag),
	};
	return cmocka_run_group_tests(tests, setup_paths, NULL);
}
