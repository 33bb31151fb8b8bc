/*
 * test_alloc_fail.c - out of memory anywhere: every loader and engine
 * entry point is run with its Nth allocation failing, for N = 1, 2, 3 ...
 * until a run meets no failure. Each failing run must return
 * NATRISK_ENOMEM with a message (never success with a part missing, never
 * another code), and must not crash; under the sanitize build
 * LeakSanitizer checks that nothing it allocated before the failure is
 * lost.
 *
 * The failures are injected by the linker: this test is linked with
 * -Wl,--wrap for malloc, calloc, realloc, strdup and strndup (see the
 * Makefile), so that every such call in the library (which has no
 * central allocator) comes here first. Allocations inside the shared
 * libraries (libfyaml, jansson, cairo, libc's own) are not counted: the
 * linker cannot reach them.
 *
 * The residual assessment and handle (residual.h) are here too.
 *
 * Not yet here: the diagram scene and the report (src/render), whose
 * label placer, spreading of points and scene still carry on, or stop
 * without a message, when an allocation fails; and the JSON documents
 * built with jansson, whose allocations are jansson's own (they could be
 * routed here with json_set_alloc_funcs once every json_object_set_new
 * is checked).
 */
#include "unit_support.h"

#include <execinfo.h>
#include <stdatomic.h>

#include <natrisk/common.h>
#include <natrisk/diagram.h>
#include <natrisk/report.h>
#include <natrisk/membuf.h>
#include <natrisk/ordinal.h>
#include <natrisk/residual.h>
#include <natrisk/output.h>
#include <natrisk/smaa.h>
#include <natrisk/smaa_csv.h>
#include <natrisk/smaa_output.h>

/* ---- the allocator the linker puts in front of libc's ---- */

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

/* Allocation number FAIL_AT (counted from 1 since arming) fails; 0 fails
 * none. The SMAA engine allocates from its worker threads too. */
static atomic_long allocations;
static atomic_long fail_at;
static atomic_bool failed;

/* NATRISK_ALLOC_TRACE set in the environment: each problem prints the
 * stack of the allocation that failed (for addr2line -e THIS_TEST). */
static bool trace;
static void *frames[16];
static int frame_count;

static bool inject(void)
{
	long at = atomic_load(&fail_at);
	if (at == 0 || atomic_fetch_add(&allocations, 1) + 1 != at)
		return false;
	atomic_store(&failed, true);
	if (trace)
		frame_count = backtrace(frames, 16);
	return true;
}

void *__wrap_malloc(size_t size)
{
	return inject() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t count, size_t size)
{
	return inject() ? NULL : __real_calloc(count, size);
}

void *__wrap_realloc(void *p, size_t size)
{
	return inject() ? NULL : __real_realloc(p, size);
}

char *__wrap_strdup(const char *s)
{
	return inject() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return inject() ? NULL : __real_strndup(s, n);
}

static void arm(long n)
{
	atomic_store(&allocations, 0);
	atomic_store(&failed, false);
	atomic_store(&fail_at, n);
}

static void disarm(void) { atomic_store(&fail_at, 0); }

/* ---- running an operation to exhaustion ---- */

/* An operation does its whole job and frees what it made; it returns 0
 * or the library's error code, or SAME_RESULT: it met the failure, did
 * without that memory, and checked that its result is the one it gives
 * with all its memory. DIAG, for the loaders, is made before the
 * failures are armed (it is the caller's). */
typedef int (*operation)(natrisk_diag *diag);
enum { SAME_RESULT = 1 };

/* Problems found by exhaust() in the current test: all are printed
 * before the test fails. */
static int problems;

static void problem(const char *format, ...)
	__attribute__((format(printf, 1, 2)));

static void problem(const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	vfprintf(stderr, format, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (trace)
		backtrace_symbols_fd(frames, frame_count, 2);
	problems++;
}

/* Runs OP with allocation 1, 2, 3 ... failing until it runs through
 * without meeting the failure; each failing run must return
 * NATRISK_ENOMEM and leave a message. Returns the number of failing
 * runs. */
static long exhaust(const char *name, operation op)
{
	for (long n = 1;; n++) {
		natrisk_diag *diag = natrisk_diag_new();
		assert_non_null(diag);
		natrisk_error_clear();
		arm(n);
		int rc = op(diag);
		disarm();
		if (!atomic_load(&failed)) {
			if (rc != 0) {
				unit_diag_dump(diag);
				problem("%s: %d without a failure: %s", name,
				        rc, natrisk_error_last());
			}
			natrisk_diag_free(diag);
			return n - 1;
		}
		if (rc != SAME_RESULT && rc != NATRISK_ENOMEM)
			problem("%s: allocation %ld failed, but the result "
			        "was %d (%s), not NATRISK_ENOMEM", name, n, rc,
			        natrisk_error_last());
		else if (rc == NATRISK_ENOMEM && !natrisk_error_last()[0])
			problem("%s: allocation %ld failed without a message",
			        name, n);
		natrisk_diag_free(diag);
	}
}

/* PATH under the tree's root (unit_methods_dir() is ROOT/methods). */
static const char *tree_path(const char *path)
{
	static char full[8192];
	snprintf(full, sizeof full, "%s/../%s", unit_methods_dir(), path);
	return full;
}

/* The whole of PATH (under the tree's root) as a string; free it. */
static char *read_tree_file(const char *path, size_t *len)
{
	FILE *f = fopen(tree_path(path), "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long size = ftell(f);
	assert_true(size > 0);
	rewind(f);
	char *text = malloc((size_t)size + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
	text[size] = '\0';
	fclose(f);
	*len = (size_t)size;
	return text;
}

/* Output to memory through WRITE(ARG, stream): the writer's code, or
 * NATRISK_ENOMEM when the buffer itself could not grow (membuf_close
 * leaves the message). */
static int to_memory(int (*write)(const void *arg, FILE *out),
                     const void *arg)
{
	natrisk_membuf mb = { 0 };
	FILE *out = natrisk_membuf_open(&mb);
	if (!out)
		return NATRISK_ENOMEM;
	int rc = write(arg, out);
	/* a writer sees the buffer's failure as a stream error (EIO) */
	if (natrisk_membuf_close(&mb, out) != 0 && (rc == 0 || mb.failed))
		rc = NATRISK_ENOMEM;
	free(mb.data);
	return rc;
}

/* ---- the inputs, loaded once without failures ---- */

static const char *const ASSESSMENT = "examples/nrb-2011.yaml";
static const char *const METHOD = "methods/nrb-2008.yaml";
static const char *const SAMPLES = "fuzz/seeds/fuzz_smaa_csv/small";

static char *method_text, *samples_text;
static size_t method_len, samples_len;
static natrisk_assessment *assessment;
static natrisk_results *results;
static natrisk_smaa_samples_file *samples;

static int setup(void **state)
{
	trace = getenv("NATRISK_ALLOC_TRACE") != NULL;
	unit_use_tree_methods();
	method_text = read_tree_file(METHOD, &method_len);
	samples_text = read_tree_file(SAMPLES, &samples_len);
	natrisk_diag *diag = natrisk_diag_new();
	if (natrisk_assessment_load(&assessment, tree_path(ASSESSMENT),
	                            diag) != 0)
		unit_diag_dump(diag);
	natrisk_diag_free(diag);
	assert_non_null(assessment);
	assert_int_equal(natrisk_results_new(&results, assessment, 0), 0);
	return 0;
}

/* Each test starts counting its problems afresh and fails on any. */
static int start(void **state)
{
	problems = 0;
	return 0;
}

static int end(void **state)
{
	assert_int_equal(problems, 0);
	return 0;
}

static int teardown(void **state)
{
	natrisk_smaa_samples_free(samples);
	natrisk_results_free(results);
	natrisk_assessment_free(assessment);
	free(method_text);
	free(samples_text);
	return 0;
}

/* ---- the loaders ---- */

static int load_method(natrisk_diag *diag)
{
	natrisk_method *m = NULL;
	int rc = natrisk_method_load_buffer(&m, METHOD, method_text,
	                                    method_len, diag);
	natrisk_method_free(m);
	return rc;
}

/* From the file, the method found on the method path: the reading of
 * both files counts too. */
static int load_assessment(natrisk_diag *diag)
{
	natrisk_assessment *a = NULL;
	int rc = natrisk_assessment_load(&a, tree_path(ASSESSMENT), diag);
	natrisk_assessment_free(a);
	return rc;
}

/* The sample seed holds both CSV files, split at its 0xFF byte. */
static int load_samples_into(natrisk_smaa_samples_file **out,
                             natrisk_diag *diag)
{
	const char *w = memchr(samples_text, 0xFF, samples_len);
	assert_non_null(w);
	size_t m_len = (size_t)(w - samples_text);
	return natrisk_smaa_samples_load_buffers(out, "m.csv", samples_text,
	                                         m_len, "w.csv", w + 1,
	                                         samples_len - m_len - 1,
	                                         diag);
}

static int load_samples(natrisk_diag *diag)
{
	natrisk_smaa_samples_file *f = NULL;
	int rc = load_samples_into(&f, diag);
	natrisk_smaa_samples_free(f);
	return rc;
}

static void loaders(void **state)
{
	/* the YAML tree allocates in arena blocks and one stack of items,
	 * so a method file costs a handful of allocations */
	assert_true(exhaust("method", load_method) > 3);
	assert_true(exhaust("assessment", load_assessment) > 10);
	assert_true(exhaust("SMAA samples", load_samples) > 3);
}

/* ---- the engine and its writers ---- */

static int write_results(const void *arg, FILE *out)
{
	return natrisk_results_write(results, *(const natrisk_format *)arg,
	                             NATRISK_LANG_NL, out);
}

static int assess(natrisk_diag *diag)
{
	natrisk_results *r = NULL;
	int rc = natrisk_results_new(&r, assessment, 0);
	natrisk_results_free(r);
	return rc;
}

static int results_json(natrisk_diag *diag)
{
	char *json = natrisk_results_json(results);
	free(json);
	return json ? 0 : NATRISK_ENOMEM;
}

static int results_table(natrisk_diag *diag)
{
	natrisk_format f = NATRISK_FORMAT_TABLE;
	return to_memory(write_results, &f);
}

static int results_csv(natrisk_diag *diag)
{
	natrisk_format f = NATRISK_FORMAT_CSV;
	return to_memory(write_results, &f);
}

static int results_json_stream(natrisk_diag *diag)
{
	natrisk_format f = NATRISK_FORMAT_JSON;
	return to_memory(write_results, &f);
}

/* Two effects on the assessment: scenario 0's likelihood and scenario
 * 1's first criterion to a plain A (lower than any class but A). */
static natrisk_effect residual_effects[2];

static void make_residual_effects(void)
{
	natrisk_score a = { .given = true };
	for (int p = 0; p < NATRISK_POINT_COUNT; p++)
		a.point[p].cls = NATRISK_CLASS_A;
	residual_effects[0] = (natrisk_effect){ 0, NATRISK_EFFECT_LIKELIHOOD,
		                                a };
	residual_effects[1] = (natrisk_effect){ 1, 0, a };
}

static int residual_assessed(natrisk_diag *diag)
{
	natrisk_assessment *r = NULL;
	natrisk_results *res = NULL;
	int rc = natrisk_residual_assessment_new(&r, assessment,
	                                         residual_effects, 2);
	if (rc == 0)
		rc = natrisk_results_new(&res, r, 0);
	natrisk_results_free(res);
	natrisk_assessment_free(r);
	return rc;
}

static int residual_handle(natrisk_diag *diag)
{
	natrisk_residual *h = NULL;
	int rc = natrisk_residual_new(&h, assessment, 0);
	if (rc == 0)
		rc = natrisk_residual_apply(h, residual_effects, 2);
	natrisk_residual_free(h);
	return rc;
}

static void engine(void **state)
{
	assert_true(exhaust("results", assess) > 0);
	make_residual_effects();
	assert_true(exhaust("residual assessment", residual_assessed) > 0);
	assert_true(exhaust("residual handle", residual_handle) > 0);
	exhaust("results JSON", results_json);
	exhaust("results JSON stream", results_json_stream);
	exhaust("results table", results_table);
	exhaust("results CSV", results_csv);
}

static int write_smaa(const void *arg, FILE *out)
{
	const natrisk_smaa *s = *(natrisk_smaa *const *)arg;
	natrisk_smaa_write_options options = { .title = "t", .has_seed = true,
		                               .seed = 1 };
	int rc = natrisk_smaa_write(s, NATRISK_FORMAT_TABLE, &options, out);
	if (rc == 0)
		rc = natrisk_smaa_write(s, NATRISK_FORMAT_CSV, &options, out);
	if (rc == 0)
		rc = natrisk_smaa_write(s, NATRISK_FORMAT_JSON, &options, out);
	return rc;
}

/* Analysed, then written in every format. */
static int smaa_written(natrisk_smaa *s, int rc)
{
	if (rc == 0)
		rc = to_memory(write_smaa, &s);
	natrisk_smaa_free(s);
	return rc;
}

static int smaa_given(natrisk_diag *diag)
{
	natrisk_smaa *s = NULL;
	unsigned outputs = NATRISK_SMAA_CENTRAL | NATRISK_SMAA_CONFIDENCE |
	                   NATRISK_SMAA_PAIRWISE;
	return smaa_written(s, natrisk_smaa_given(
		&s, natrisk_smaa_samples_view(samples), outputs));
}

static int smaa_assessment(natrisk_diag *diag)
{
	natrisk_smaa_options options = { 0 };
	options.iterations = 200;
	options.seed = 7;
	options.threads = 2;
	options.outputs = ~0u;
	natrisk_smaa *s = NULL;
	int rc = natrisk_smaa_assessment(&s, assessment, &options);
	return smaa_written(s, rc);
}

static void smaa(void **state)
{
	natrisk_diag *diag = natrisk_diag_new();
	assert_int_equal(load_samples_into(&samples, diag), 0);
	natrisk_diag_free(diag);
	assert_true(exhaust("SMAA given", smaa_given) > 0);
	assert_true(exhaust("SMAA on the assessment", smaa_assessment) > 0);
}

/* Every rank and every tau of R, as text. */
static char *robustness_digest(const natrisk_robustness *r)
{
	size_t n = natrisk_assessment_scenario_count(assessment);
	size_t k = natrisk_robustness_count(r), size = (n + k) * k * 32 + 1;
	char *text = __real_malloc(size);
	assert_non_null(text);
	size_t used = 0;
	for (size_t a = 0; a < k; a++) {
		for (size_t i = 0; i < n; i++)
			used += (size_t)snprintf(text + used, size - used, "%d ",
			        natrisk_robustness_ranking(r, a)->ranks[i]);
		for (size_t b = 0; b < k; b++)
			used += (size_t)snprintf(text + used, size - used,
			        "%.17g ", natrisk_robustness_tau(r, a, b));
	}
	return text;
}

static char *robustness_reference;

/* A ranking may be found without its scratch memory (by counting):
 * success after a failed allocation is right only with the same ranks
 * and taus as without one. */
static int robustness(natrisk_diag *diag)
{
	natrisk_robustness *r = NULL;
	int rc = natrisk_robustness_new(&r, assessment);
	if (rc == 0 && atomic_load(&failed)) {
		char *digest = robustness_digest(r);
		rc = strcmp(digest, robustness_reference) == 0 ? SAME_RESULT
		                                                : NATRISK_ERROR;
		free(digest);
	}
	natrisk_robustness_free(r);
	return rc;
}

static void ordinal(void **state)
{
	natrisk_robustness *r = NULL;
	assert_int_equal(natrisk_robustness_new(&r, assessment), 0);
	robustness_reference = robustness_digest(r);
	natrisk_robustness_free(r);
	long failing = exhaust("robustness", robustness);
	free(robustness_reference);
	assert_true(failing > 0);
}

static int write_scene(const void *arg, FILE *out)
{
	return natrisk_scene_write_svg(arg, false, out);
}

static int diagram(natrisk_diag *diag)
{
	natrisk_diagram_options options = { .lang = NATRISK_LANG_EN,
		                            .previous = results };
	natrisk_scene *scene = NULL;
	int rc = natrisk_diagram_scene(&scene, results, &options);
	if (rc == 0)
		rc = natrisk_scene_set_id(scene, "alloc");
	if (rc == 0)
		rc = to_memory(write_scene, scene);
	natrisk_scene_free(scene);
	return rc;
}

static int write_report(const void *arg, FILE *out)
{
	natrisk_report_options options = { .lang = NATRISK_LANG_NL,
		                           .previous = results,
		                           .smaa_iterations = 100,
		                           .smaa_seed = 3,
		                           .date = "2026-01-01" };
	return natrisk_report_write(results, &options, out);
}

/* The report's bytes without failures; SOURCE_DATE_EPOCH aside, a report
 * depends on nothing else. */
static char *report_reference;

static char *report_bytes(int *rc)
{
	natrisk_membuf mb = { 0 };
	FILE *out = natrisk_membuf_open(&mb);
	assert_non_null(out);
	*rc = write_report(NULL, out);
	if (natrisk_membuf_close(&mb, out) != 0 && (*rc == 0 || mb.failed))
		*rc = NATRISK_ENOMEM;
	return mb.data;
}

/* The whole report: sections, the diagram, robustness with SMAA and its
 * chart, the comparison with a previous edition. A ranking may be found
 * without its scratch memory: success after a failure is right only
 * with the same bytes. */
static int report(natrisk_diag *diag)
{
	int rc;
	char *bytes = report_bytes(&rc);
	if (rc == 0 && atomic_load(&failed))
		rc = strcmp(bytes, report_reference) == 0 ? SAME_RESULT
		                                          : NATRISK_ERROR;
	free(bytes);
	return rc;
}

static void render(void **state)
{
	assert_true(exhaust("diagram", diagram) > 0);
	int rc;
	report_reference = report_bytes(&rc);
	assert_int_equal(rc, 0);
	long failing = exhaust("report", report);
	free(report_reference);
	assert_true(failing > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(loaders, start, end),
		cmocka_unit_test_setup_teardown(engine, start, end),
		cmocka_unit_test_setup_teardown(smaa, start, end),
		cmocka_unit_test_setup_teardown(ordinal, start, end),
		cmocka_unit_test_setup_teardown(render, start, end),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
