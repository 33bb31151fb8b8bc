/*
 * test_method_scale.c - the provisional numbers of the scales live in the
 * method file and nowhere else (issue 9, point 4): X's value and place,
 * the likelihood positions of a class and of a "+", with located errors
 * for each; and what follows from them: the "impact is nil" warning only
 * for a total of 0 (point 5), E's band ending at certainty (point 3), and
 * the names of the bundled methods (point 6).
 *
 * SCALE is a method of two interests and three criteria: q (a quantity,
 * thresholds 10/100/1000/10000), r and s, with a default profile "main"
 * that weighs s 0, and an "equal" one. Its numbers differ from the
 * bundled methods' (x_value 0.5, X at -3, a class at k + 0.4, a "+" at
 * k + 0.9), so that a number taken from anywhere else shows.
 */
#include "smaa_support.h"

static const char SCALE[] =
	"natrisk-method: 1\n"                                  /* 1 */
	"id: scale\n"                                          /* 2 */
	"title: {en: Scale, nl: Schaal}\n"                     /* 3 */
	"horizon_years: 5\n"                                   /* 4 */
	"impact_classes:\n"                                    /* 5 */
	"  base: 3\n"                                          /* 6 */
	"  x_value: 0.5\n"                                     /* 7 */
	"  x_position: -3\n"                                   /* 8 */
	"  high_offset: 0.5\n"                                 /* 9 */
	"  source: unit test\n"                                /* 10 */
	"  labels: {A: {en: a, nl: a}, B: {en: b, nl: b}, C: {en: c, nl: c},"
	" D: {en: d, nl: d}, E: {en: e, nl: e}}\n"             /* 11 */
	"likelihood_classes:\n"                                /* 12 */
	"  factor: 10\n"                                       /* 13 */
	"  class_position: 0.4\n"                              /* 14 */
	"  high_position: 0.9\n"                               /* 15 */
	"  source: unit test\n"                                /* 16 */
	"  labels: {A: {en: a, nl: a}, B: {en: b, nl: b}, C: {en: c, nl: c},"
	" D: {en: d, nl: d}, E: {en: e, nl: e}}\n"             /* 17 */
	"  hazard:\n"                                          /* 18 */
	"    thresholds: [0.0005, 0.005, 0.05, 0.5]\n"         /* 19 */
	"    source: unit test\n"                              /* 20 */
	"  threat:\n"                                          /* 21 */
	"    levels: {A: {en: a, nl: a}, B: {en: b, nl: b}, C: {en: c, nl: c},"
	" D: {en: d, nl: d}, E: {en: e, nl: e}}\n"             /* 22 */
	"    source: unit test\n"                              /* 23 */
	"interests:\n"                                         /* 24 */
	"  - {id: \"1\", name: {en: One, nl: Een}}\n"          /* 25 */
	"criteria:\n"                                          /* 26 */
	"  - {id: q, interest: \"1\", name: {en: Q, nl: Q},"
	" unit: {en: people, nl: mensen},"
	" thresholds: [10, 100, 1000, 10000], source: unit test}\n" /* 27 */
	"  - {id: r, interest: \"1\", name: {en: R, nl: R}}\n" /* 28 */
	"  - {id: s, interest: \"1\", name: {en: S, nl: S}}\n" /* 29 */
	"weights:\n"                                           /* 30 */
	"  default: main\n"                                    /* 31 */
	"  profiles:\n"                                        /* 32 */
	"    - {id: main, title: {en: Main, nl: Hoofd}, description: main,"
	" source: unit test, weights: {s: 0}}\n"               /* 33 */
	"    - {id: equal, title: {en: Equal, nl: Gelijk}, description: eq,"
	" source: unit test}\n";                               /* 34 */

/* SCALE with line LINE (1-based) replaced by TEXT, or removed (NULL). */
static char *scale_with(int line, const char *text)
{
	char *out = calloc(1, sizeof SCALE + (text ? strlen(text) : 0) + 2);
	assert_non_null(out);
	const char *p = SCALE;
	for (int n = 1; *p; n++) {
		const char *end = strchr(p, '\n');
		size_t len = (size_t)(end - p) + 1;
		if (n != line)
			strncat(out, p, len);
		else if (text)
			strcat(strcat(out, text), "\n");
		p = end + 1;
	}
	return out;
}

/* The diagnostics of the last rejected(), freed by the next call or the
 * teardown, so that a failed assertion leaks nothing. */
static natrisk_diag *last_diag;

static int free_last_diag(void **state)
{
	(void)state;
	natrisk_diag_free(last_diag);
	last_diag = NULL;
	return 0;
}

/* SCALE with one line changed must be rejected; its diagnostics. */
static natrisk_diag *rejected(int line, const char *text)
{
	free_last_diag(NULL);
	last_diag = natrisk_diag_new();
	char *method = scale_with(line, text);
	natrisk_method *m = NULL;
	int rc = natrisk_method_load_buffer(&m, "scale.yaml", method,
	                                    strlen(method), last_diag);
	free(method);
	if (rc != NATRISK_EINVALID)
		unit_diag_dump(last_diag);
	assert_int_equal(rc, NATRISK_EINVALID);
	assert_null(m);
	return last_diag;
}

/* Each new number is required: a method without it names the key, at the
 * mapping that lacks it. */
static void test_keys_required(void **state)
{
	(void)state;
	natrisk_diag *diag = rejected(8, NULL); /* x_position */
	assert_error_at(diag, 0, 6, 3, "impact_classes lacks the required "
	                "key 'x_position'");
	assert_error_count(diag, 1);
	diag = rejected(14, NULL); /* class_position */
	assert_error_at(diag, 0, 13, 3, "likelihood_classes lacks the "
	                "required key 'class_position'");
	diag = rejected(15, NULL); /* high_position */
	assert_error_at(diag, 0, 13, 3, "lacks the required key "
	                "'high_position'");
	diag = rejected(16, NULL); /* the source note of the two */
	assert_error_at(diag, 0, 13, 3, "lacks the required key 'source'");
}

/* Out of range: at the number, saying the range. */
static void test_ranges(void **state)
{
	(void)state;
	/* "  x_position: " is 14 characters: the number at 8:15 */
	natrisk_diag *diag = rejected(8, "  x_position: 0");
	assert_error_at(diag, 0, 8, 15, "x_position must lie in (-inf, 0)");
	assert_error_count(diag, 1);
	/* X counts below A: x_value 1 is refused at 7:12 */
	diag = rejected(7, "  x_value: 1");
	assert_error_at(diag, 0, 7, 12, "x_value must lie in [0, 1)");
	assert_error_count(diag, 1);
	/* "  class_position: " is 18: 14:19 */
	diag = rejected(14, "  class_position: 1");
	assert_error_at(diag, 0, 14, 19, "class_position must lie in [0, 1)");
	/* a "+" below a plain class: "  high_position: " is 17, 15:18 */
	diag = rejected(15, "  high_position: 0.3");
	assert_error_at(diag, 0, 15, 18, "high_position must lie in "
	                "[class_position, 1)");
	assert_error_count(diag, 1);
	diag = rejected(15, "  high_position: one");
	assert_error_at(diag, 0, 15, 18, "high_position must be a finite "
	                "number");
	assert_error_count(diag, 1);
}

/* E's band ends at certainty: a lower limit of E at 1 leaves it no room
 * (8 + 9 = "    thresholds: " is 16, the list at 19:17). */
static void test_hazard_e_below_certainty(void **state)
{
	(void)state;
	natrisk_diag *diag = rejected(19, "    thresholds: [0.001, 0.01, 0.1, 1]");
	assert_error_at(diag, 0, 19, 17, "hazard thresholds are probabilities "
	                "below 1");
	assert_error_count(diag, 1);
}

/* ---- the numbers at work ---------------------------------------------- */

typedef struct scale_fixture {
	char dir[4096];
	char method[4200];
	natrisk_diag *diag;
} scale_fixture;

static int scale_setup(void **state)
{
	scale_fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	unit_tmpdir(f->dir, sizeof f->dir);
	unit_write_file(f->dir, "scale.yaml", SCALE, f->method,
	                sizeof f->method);
	f->diag = natrisk_diag_new();
	*state = f;
	return 0;
}

static int scale_teardown(void **state)
{
	scale_fixture *f = *state;
	unlink(f->method);
	rmdir(f->dir);
	natrisk_diag_free(f->diag);
	free(f);
	return 0;
}

/* The assessment with SCENARIOS on the method SCALE; NULL on errors. */
static natrisk_assessment *load_on_scale(scale_fixture *f,
                                         const char *scenarios)
{
	static const char head[] = "natrisk: 1\ntitle: On scale\n"
	                           "method: ./scale.yaml\nscenarios:\n";
	char name[4300], *text = malloc(sizeof head + strlen(scenarios));
	assert_non_null(text);
	strcat(strcpy(text, head), scenarios);
	snprintf(name, sizeof name, "%s/on-scale.yaml", f->dir);
	natrisk_assessment *a = NULL;
	natrisk_assessment_load_buffer(&a, name, text, strlen(text), f->diag);
	free(text);
	return a;
}

/* The likelihood positions come from the method: C at 2.4, C+ at 2.9;
 * and X's place on the impact scale is its x_position. */
static void test_positions_from_file(void **state)
{
	scale_fixture *f = *state;
	natrisk_assessment *a = load_on_scale(f,
		"  - {id: one, title: One, kind: threat,"
		" likelihood: {ev: C, ll: C, ul: C+}, impact: {r: B}}\n");
	assert_non_null(a);
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, a, 0), 0);
	const natrisk_scenario_result *res = natrisk_results_get(r, 0);
	assert_exact(res->likelihood_position[NATRISK_EV], 2.4);
	assert_exact(res->likelihood_position[NATRISK_UL], 2.9);
	const natrisk_scenario *s = natrisk_assessment_scenario(a, 0);
	assert_exact(s->impact[2].point[NATRISK_EV].position, -3); /* s: X */
	/* X is worth x_value: main weighs q 1, r 1, s 0: (0.5 + 3) / 2 */
	assert_exact(res->impact[NATRISK_EV].total, 1.75);
	natrisk_results_free(r);
	natrisk_assessment_free(a);
}

/*
 * SMAA draws a score from X to B between X's place and B's: {ll: X, ev:
 * A, ul: B} on r is the triangle (-3, 0, 1), whose draws lie above A's
 * place 0 with probability 1 - F(0) = 1 - 3 / (3 + 1) = 1/4 (with X at -1
 * it would be 1/2). Against A given exactly on r, with X worth 0 (q and s
 * add nothing), its total w_r v beats w_r * 1 exactly when the draw lies
 * above 0, whatever the weights: the pairwise index is 1/4.
 */
static void test_x_position_in_smaa(void **state)
{
	scale_fixture *f = *state;
	char *method = scale_with(7, "  x_value: 0");
	char path[4200];
	unit_write_file(f->dir, "scale.yaml", method, path, sizeof path);
	free(method);
	natrisk_assessment *a = load_on_scale(f,
		"  - {id: spread, title: Spread, kind: threat, likelihood: C,"
		" impact: {r: {ll: X, ev: A, ul: B}}}\n"
		"  - {id: a, title: A, kind: threat, likelihood: C,"
		" impact: {r: A}}\n");
	assert_non_null(a);
	natrisk_smaa_options o = st_options(20000, st_seed(911), 2,
	                                    NATRISK_SMAA_PAIRWISE);
	natrisk_smaa *s = st_run(a, &o);
	assert_share(natrisk_smaa_pairwise(s, 0, 1), 0.25, 20000);
	natrisk_smaa_free(s);
	natrisk_assessment_free(a);
}

/* ---- "impact is nil" only at a total of 0 ----------------------------- */

/* X is worth 0.5 here: a scenario that scores X everywhere has a total
 * of 0.5, not nil, and loads without the warning. */
static void test_all_x_not_nil(void **state)
{
	scale_fixture *f = *state;
	natrisk_assessment *a = load_on_scale(f,
		"  - {id: all-x, title: All X, kind: threat, likelihood: C,"
		" impact: {}}\n");
	assert_non_null(a);
	assert_int_equal(natrisk_diag_count(f->diag), 0);
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, a, 0), 0);
	assert_exact(natrisk_results_get(r, 0)->impact[NATRISK_UL].total, 0.5);
	natrisk_results_free(r);
	natrisk_assessment_free(a);
}

/* Scoring only s, which the default profile weighs 0, with X worth 0 (a
 * method line changed): the total is 0, and the warning says why. */
static void test_zero_weight_is_nil(void **state)
{
	scale_fixture *f = *state;
	char *method = scale_with(7, "  x_value: 0");
	char path[4200];
	unit_write_file(f->dir, "scale.yaml", method, path, sizeof path);
	free(method);
	natrisk_assessment *a = load_on_scale(f,
		"  - {id: only-s, title: Only S, kind: threat, likelihood: C,"
		" impact: {s: E}}\n");
	assert_non_null(a);
	/* at the scenario: "  - {" puts it at 5:5 */
	assert_warning_at(f->diag, 0, 5, 5, "scenario 'only-s' scores only "
	                  "criteria that weigh 0 in weight profile 'main': its "
	                  "impact is nil");
	natrisk_results *r = NULL;
	assert_int_equal(natrisk_results_new(&r, a, 0), 0);
	assert_exact(natrisk_results_get(r, 0)->impact[NATRISK_UL].total, 0);
	natrisk_results_free(r);
	natrisk_assessment_free(a);
}

/* ---- names after the reference texts (method.md section 2) ------------ */

static natrisk_method *bundled(const char *id)
{
	unit_use_tree_methods();
	natrisk_method *m = NULL;
	natrisk_diag *diag = natrisk_diag_new();
	assert_int_equal(natrisk_method_load(&m, id, NULL, diag), 0);
	natrisk_diag_free(diag);
	return m;
}

static const natrisk_text *criterion_name(const natrisk_method *m,
                                          const char *id)
{
	long c = natrisk_method_find_criterion(m, id, strlen(id));
	assert_true(c >= 0);
	return &natrisk_method_criterion(m, (size_t)c)->name;
}

static void assert_ends_with(const char *text, const char *tail)
{
	size_t n = strlen(text), k = strlen(tail);
	if (n < k || strcmp(text + n - k, tail) != 0)
		fail_msg("\"%s\" does not end in \"%s\"", text, tail);
}

/* rbra-2022 in the English of the Security Strategy 2023 appendix. */
static void test_rbra_2022_names(void **state)
{
	(void)state;
	natrisk_method *m = bundled("rbra-2022");
	assert_string_equal(criterion_name(m, "1.1")->en,
	                    "Violation of the integrity of the territory of "
	                    "the Kingdom");
	assert_string_equal(criterion_name(m, "1.1")->nl,
	                    "Aantasting van de integriteit van het grondgebied "
	                    "van het Koninkrijk");
	assert_ends_with(criterion_name(m, "1.2")->en,
	                 "the international position of the Kingdom");
	assert_ends_with(criterion_name(m, "3.2")->en, "the economy of the "
	                 "Kingdom");
	assert_ends_with(criterion_name(m, "5.2")->en, "democratic "
	                 "constitutional system");
	assert_ends_with(criterion_name(m, "6.1")->en,
	                 "and peaceful conflict resolution (as codified in the "
	                 "UN charter)");
	assert_ends_with(criterion_name(m, "6.4")->en,
	                 "multilateral institutions and international regimes");
	assert_string_equal(criterion_name(m, "6.5")->en,
	                    "Instability of states bordering the Kingdom and in "
	                    "the direct vicinity of the EU");
	for (size_t c = 0; c < natrisk_method_criterion_count(m); c++) {
		const natrisk_text *name = &natrisk_method_criterion(m, c)->name;
		assert_null(strstr(name->en, "Netherlands"));
		assert_null(strstr(name->en, "Dutch"));
	}
	natrisk_method_free(m);
}

/* gra-2019: interest 6 is the international legal order, "rule of law"
 * being a mistranslation of rechtsorde. */
static void test_gra_2019_interest_6(void **state)
{
	(void)state;
	natrisk_method *m = bundled("gra-2019");
	const natrisk_interest *six = natrisk_method_interest(m, 5);
	assert_string_equal(six->id, "6");
	assert_string_equal(six->name.en, "International legal order");
	assert_string_equal(six->name.nl, "Internationale rechtsorde");
	natrisk_method_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_keys_required, free_last_diag),
		cmocka_unit_test_teardown(test_ranges, free_last_diag),
		cmocka_unit_test_teardown(test_hazard_e_below_certainty,
		                          free_last_diag),
		cmocka_unit_test_setup_teardown(test_positions_from_file,
		                                scale_setup, scale_teardown),
		cmocka_unit_test_setup_teardown(test_x_position_in_smaa,
		                                scale_setup, scale_teardown),
		cmocka_unit_test_setup_teardown(test_all_x_not_nil, scale_setup,
		                                scale_teardown),
		cmocka_unit_test_setup_teardown(test_zero_weight_is_nil,
		                                scale_setup, scale_teardown),
		cmocka_unit_test(test_rbra_2022_names),
		cmocka_unit_test(test_gra_2019_interest_6),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
