/*
 * test_messages.c - messages in the thread's language (src/core/
 * messages.h): the catalogue's tables as the binary search needs them,
 * the look-up, error_set() and the loaders' diagnostics in Dutch (with
 * arguments a translation reorders), the parsers' texts, and two threads
 * in two languages at once. The Dutch expected here is written by hand.
 * (tests/cli/messages.sh checks the catalogue against the sources.)
 */
#include "unit_support.h"

#include <pthread.h>

#include <natrisk/common.h>

#include "core/error.h"
#include "core/messages.h"
#include "io/parser_messages.h"

static int english_after(void **state)
{
	natrisk_messages_set_lang(NATRISK_LANG_EN);
	return 0;
}

/* Each table strictly ascending by strcmp: bsearch finds every entry. */
static void tables_are_sorted(void **state)
{
	const message_table *tables[] = { &messages_nl_core, &messages_nl_io,
		                          &messages_nl_store,
		                          &messages_nl_server };
	size_t total = 0;
	for (size_t t = 0; t < 4; t++) {
		const message_table *table = tables[t];
		assert_true(table->count > 10);
		for (size_t k = 0; k < table->count; k++) {
			assert_true(table->pairs[k].nl[0] != '\0');
			if (k > 0)
				assert_true(strcmp(table->pairs[k - 1].en,
				                   table->pairs[k].en) < 0);
			/* found where it is, in Dutch only */
			assert_ptr_equal(msg_in(NATRISK_LANG_NL,
			                        table->pairs[k].en),
			                 table->pairs[k].nl);
			assert_ptr_equal(msg_in(NATRISK_LANG_EN,
			                        table->pairs[k].en),
			                 table->pairs[k].en);
		}
		total += table->count;
	}
	assert_true(total > 350);
}

static void lookup(void **state)
{
	assert_string_equal(msg_in(NATRISK_LANG_NL, "sign in first"),
	                    "meld u eerst aan");
	assert_string_equal(msg_in(NATRISK_LANG_NL, "confidential"),
	                    "staatsgeheim confidentieel");
	const char *unknown = "not in the catalogue";
	assert_ptr_equal(msg_in(NATRISK_LANG_NL, unknown), unknown);
	assert_null(msg_in(NATRISK_LANG_NL, NULL));
	/* the thread's language: English until set */
	assert_int_equal(natrisk_messages_lang(), NATRISK_LANG_EN);
	assert_string_equal(msg_tr("sign in first"), "sign in first");
	assert_int_equal(natrisk_messages_set_lang(NATRISK_LANG_NL),
	                 NATRISK_LANG_EN);
	assert_string_equal(msg_tr("sign in first"), "meld u eerst aan");
	assert_int_equal(natrisk_messages_set_lang(NATRISK_LANG_EN),
	                 NATRISK_LANG_NL);
	/* an unknown language is English */
	natrisk_messages_set_lang((natrisk_lang)7);
	assert_int_equal(natrisk_messages_lang(), NATRISK_LANG_EN);
}

static void error_set_translates(void **state)
{
	natrisk_messages_set_lang(NATRISK_LANG_NL);
	assert_int_equal(error_set(NATRISK_ENOTFOUND, "no edition %lld", 7LL),
	                 NATRISK_ENOTFOUND);
	assert_string_equal(natrisk_error_last(), "er is geen editie 7");
	/* the log's copy is English */
	assert_string_equal(error_last_english(), "no edition 7");
	/* a format without an entry stays English, arguments and all */
	error_set(NATRISK_ERROR, "no entry for %s", "this");
	assert_string_equal(natrisk_error_last(), "no entry for this");
	assert_string_equal(error_last_english(), "no entry for this");
	natrisk_messages_set_lang(NATRISK_LANG_EN);
	error_set(NATRISK_ENOTFOUND, "no edition %lld", 7LL);
	assert_string_equal(natrisk_error_last(), "no edition 7");
	assert_string_equal(error_last_english(), "no edition 7");
	natrisk_error_clear();
	assert_string_equal(error_last_english(), "");
}

/* The message of the loader's only error for TEXT in LANG. */
static void load_error(natrisk_lang lang, const char *text, char *out,
                       size_t size)
{
	natrisk_messages_set_lang(lang);
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_assessment *a = NULL;
	assert_int_equal(natrisk_assessment_load_buffer(&a, "in.yaml", text,
	                                                strlen(text), diag),
	                 NATRISK_EINVALID);
	assert_int_equal(natrisk_diag_error_count(diag), 1);
	snprintf(out, size, "%s", natrisk_diag_get(diag, 0)->message);
	natrisk_diag_free(diag);
	natrisk_messages_set_lang(NATRISK_LANG_EN);
}

static const char quantity_without_thresholds[] =
	"natrisk: 1\n"
	"title: T\n"
	"method: nrb-2008\n"
	"scenarios:\n"
	"  - id: s\n"
	"    title: S\n"
	"    kind: hazard\n"
	"    likelihood: C\n"
	"    impact:\n"
	"      \"5.1\": { value: 3 }\n";

/* yerror() and its parts in Dutch; the translation names the method
 * before the criterion (%2$s ... %1$s). */
static void diagnostics_translate(void **state)
{
	unit_use_tree_methods();
	char message[512];
	load_error(NATRISK_LANG_NL, quantity_without_thresholds, message,
	           sizeof message);
	assert_string_equal(message, "methode nrb-2008 kent geen "
	                    "klassengrenzen voor criterium 5.1; geef een "
	                    "klasse (A tot en met E) in plaats van een waarde");
	load_error(NATRISK_LANG_EN, quantity_without_thresholds, message,
	           sizeof message);
	assert_string_equal(message, "criterion 5.1 has no thresholds in "
	                    "method nrb-2008; give a class (A to E) instead "
	                    "of a value");
	/* a part chosen at run time ("a scenario") is translated too */
	const char *misspelt = "natrisk: 1\ntitle: T\nmethod: nrb-2008\n"
	                       "scenarios:\n  - id: s\n    title: S\n"
	                       "    kind: hazard\n    likelihood: C\n"
	                       "    impact: {}\n    descripton: x\n";
	load_error(NATRISK_LANG_NL, misspelt, message, sizeof message);
	assert_string_equal(message, "onbekende sleutel 'descripton' in een "
	                    "scenario; bedoelt u 'description'?");
	/* and so is the likelihood's name, and LL, EV and UL */
	const char *order = "natrisk: 1\ntitle: T\nmethod: nrb-2008\n"
	                    "scenarios:\n  - id: s\n    title: S\n"
	                    "    kind: hazard\n"
	                    "    likelihood: { ev: B, ll: C }\n"
	                    "    impact: {}\n";
	load_error(NATRISK_LANG_NL, order, message, sizeof message);
	assert_string_equal(message, "waarschijnlijkheid: OG (C) ligt boven "
	                    "VW (B); OG <= VW <= BG moet gelden");
}

/* jansson's and libfyaml's texts: the known ones translated, the rest
 * as the library wrote them; in English exactly the library's. */
static void parser_texts(void **state)
{
	json_error_t error;
	json_t *none = json_loads("{bad", 0, &error);
	assert_null(none);
	char out[JSON_ERROR_TEXT_LENGTH * 2];
	assert_string_equal(json_problem(&error, out, sizeof out), error.text);
	assert_string_equal(error.text, "string or '}' expected near 'bad'");
	natrisk_messages_set_lang(NATRISK_LANG_NL);
	assert_string_equal(json_problem(&error, out, sizeof out),
	                    "tekenreeks of '}' verwacht bij 'bad'");
	assert_null(json_loads("[1,", 0, &error));
	assert_string_equal(json_problem(&error, out, sizeof out),
	                    "']' verwacht aan het einde van de invoer");
	assert_null(json_loads("[\"a\tb\"]", 0, &error));
	assert_string_equal(json_problem(&error, out, sizeof out),
	                    "stuurteken 0x9 bij '\"a'");
	assert_string_equal(yaml_problem("did not find expected key"),
	                    "de verwachte sleutel ontbreekt");
	assert_string_equal(yaml_problem("some other complaint"),
	                    "some other complaint");
	assert_string_equal(yaml_problem(NULL), "syntaxfout");
	natrisk_messages_set_lang(NATRISK_LANG_EN);
	assert_string_equal(yaml_problem(NULL), "syntax error");
}

/* Threads in different languages at once: each formats in its own. */
static void *format_many(void *arg)
{
	natrisk_lang lang = *(const natrisk_lang *)arg;
	natrisk_messages_set_lang(lang);
	const char *want = lang == NATRISK_LANG_NL ? "er is geen editie 42"
	                                           : "no edition 42";
	long wrong = 0;
	for (int k = 0; k < 20000; k++) {
		error_set(NATRISK_ENOTFOUND, "no edition %lld", 42LL);
		if (strcmp(natrisk_error_last(), want) != 0)
			wrong++;
	}
	return (void *)wrong;
}

static void threads_keep_their_language(void **state)
{
	natrisk_lang langs[4] = { NATRISK_LANG_NL, NATRISK_LANG_EN,
		                  NATRISK_LANG_NL, NATRISK_LANG_EN };
	pthread_t threads[4];
	for (int k = 0; k < 4; k++)
		assert_int_equal(pthread_create(&threads[k], NULL, format_many,
		                                &langs[k]), 0);
	for (int k = 0; k < 4; k++) {
		void *wrong;
		assert_int_equal(pthread_join(threads[k], &wrong), 0);
		assert_int_equal((long)wrong, 0);
	}
	/* this thread was left alone */
	assert_int_equal(natrisk_messages_lang(), NATRISK_LANG_EN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(tables_are_sorted, english_after),
		cmocka_unit_test_teardown(lookup, english_after),
		cmocka_unit_test_teardown(error_set_translates, english_after),
		cmocka_unit_test_teardown(diagnostics_translate, english_after),
		cmocka_unit_test_teardown(parser_texts, english_after),
		cmocka_unit_test_teardown(threads_keep_their_language,
		                          english_after),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
