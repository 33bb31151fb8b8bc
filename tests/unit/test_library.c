/*
 * test_library.c - the library's own promises to a program that uses it:
 * its runtime version, one set of error codes with a meaning for each,
 * and strings in public structs that hold whatever they were given (an
 * edition's title, label and method), not a fixed-size prefix of it.
 */
#include "unit_support.h"
#include "store_support.h"

#include <natrisk.h>

static void test_version(void **state)
{
	(void)state;
	assert_string_equal(natrisk_version(), NATRISK_VERSION);
	unsigned major, minor, patch;
	char end;
	assert_int_equal(sscanf(natrisk_version(), "%u.%u.%u%c", &major,
	                        &minor, &patch, &end), 3);
}

/* The store's codes belong to the one enum, and every code has its own
 * meaning. */
static void test_error_codes(void **state)
{
	(void)state;
	static const natrisk_error codes[] = {
		NATRISK_OK, NATRISK_ERROR, NATRISK_EINVALID, NATRISK_ENOMEM,
		NATRISK_EIO, NATRISK_ENOTFOUND, NATRISK_EDENIED,
		NATRISK_ECONFLICT, NATRISK_EIMMUTABLE,
	};
	size_t n = sizeof codes / sizeof *codes;
	for (size_t i = 0; i < n; i++) {
		const char *text = natrisk_error_string(codes[i]);
		assert_string_not_equal(text, "unknown error");
		for (size_t j = 0; j < i; j++) {
			assert_int_not_equal(codes[i], codes[j]);
			assert_string_not_equal(text,
			                        natrisk_error_string(codes[j]));
		}
	}
	assert_string_equal(natrisk_error_string(-99), "unknown error");
	assert_string_equal(natrisk_error_string(NATRISK_ENOMEM),
	                    "out of memory");
}

/* COUNT copies of the UTF-8 character CH. */
static char *repeat(const char *ch, size_t count)
{
	size_t len = strlen(ch);
	char *out = malloc(len * count + 1);
	assert_non_null(out);
	for (size_t k = 0; k < count; k++)
		memcpy(out + k * len, ch, len);
	out[len * count] = '\0';
	return out;
}

typedef struct store_fixture {
	char path[64];
	natrisk_store *store;
	int64_t edition;
} store_fixture;

/* A store holding one edition whose title and label are TITLE and
 * LABEL. */
static void store_with(store_fixture *f, const char *title, const char *label)
{
	snprintf(f->path, sizeof f->path, "/tmp/natrisk-library-XXXXXX");
	int fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	assert_int_equal(natrisk_store_open(&f->store, f->path), 0);
	size_t size = strlen(title) + strlen(label) + 512;
	char *yaml = malloc(size);
	assert_non_null(yaml);
	snprintf(yaml, size,
	         "natrisk: 1\ntitle: \"%s\"\nedition: \"%s\"\n"
	         "method: nrb-2008\nscenarios:\n  - id: flood\n"
	         "    title: Flood\n    kind: hazard\n    likelihood: C\n"
	         "    impact: {2.1: D}\n", title, label);
	natrisk_assessment *a;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_assessment_load_buffer(&a, "long.yaml", yaml,
	                                        strlen(yaml), diag);
	if (rc != 0)
		unit_diag_dump(diag);
	assert_int_equal(rc, 0);
	natrisk_diag_free(diag);
	free(yaml);
	assert_string_equal(natrisk_assessment_title(a), title);
	assert_int_equal(natrisk_store_import(f->store, a, "test", NULL, 0,
	                                      &f->edition), 0);
	natrisk_assessment_free(a);
}

static void store_done(store_fixture *f)
{
	natrisk_store_close(f->store);
	static const char *const files[] = { "", "-wal", "-shm", ".audit-key",
		                             ".audit-anchor",
		                             ".audit-anchor.lock" };
	char side[96];
	for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
		snprintf(side, sizeof side, "%s%s", f->path, files[k]);
		unlink(side);
	}
}

/* The edition's title and label as the store gives them, one edition
 * and the list, equal to TITLE and LABEL. */
static void expect_edition(store_fixture *f, const char *title,
                           const char *label)
{
	natrisk_edition_info info;
	assert_int_equal(natrisk_store_edition(f->store, f->edition, &info), 0);
	assert_string_equal(info.title, title);
	assert_string_equal(info.edition, label);
	assert_string_equal(info.method, "nrb-2008");
	natrisk_edition_info_clear(&info);
	assert_null(info.title);
	natrisk_edition_info *list;
	size_t count;
	assert_int_equal(natrisk_store_editions(f->store, &list, &count), 0);
	assert_int_equal(count, 1);
	assert_string_equal(list[0].title, title);
	assert_string_equal(list[0].edition, label);
	natrisk_edition_list_free(list, count);
}

/* The longest title and label a file may hold (200 characters each), in
 * four-byte characters: 800 bytes each, whole after import. */
static void test_long_titles_survive_the_store(void **state)
{
	(void)state;
	char *title = repeat("\xF0\x9F\x8C\x8A", 200); /* U+1F30A, a wave */
	char *label = repeat("\xE2\x80\x94", 200);     /* U+2014, a dash */
	store_fixture f;
	store_with(&f, title, label);
	expect_edition(&f, title, label);
	store_done(&f);
	free(title);
	free(label);
}

/* A title of 1,000 characters in the database (an older natrisk, or a
 * later one with other limits) reads back whole. */
static void test_thousand_character_title(void **state)
{
	(void)state;
	store_fixture f;
	store_with(&f, "Short", "2026");
	char *title = repeat("t", 1000);
	char sql[1200];
	snprintf(sql, sizeof sql, "UPDATE assessments SET title = '%s'", title);
	assert_int_equal(raw_sql(f.path, sql), SQLITE_OK);
	expect_edition(&f, title, "2026");
	store_done(&f);
	free(title);
}

/* A user's name is the store's copy, cleared by natrisk_user_clear. */
static void test_user_name_owned(void **state)
{
	(void)state;
	store_fixture f;
	store_with(&f, "Users", "2026");
	char *name = repeat("n", 64); /* the longest name allowed */
	assert_int_equal(natrisk_store_user_add(f.store, name,
	                                        NATRISK_ROLE_ANALYST,
	                                        NATRISK_PUBLIC, "a-password-1",
	                                        "test"), 0);
	natrisk_user u;
	assert_int_equal(natrisk_store_user_get(f.store, name, &u), 0);
	assert_string_equal(u.name, name);
	natrisk_user_clear(&u);
	assert_null(u.name);
	assert_int_equal(natrisk_store_user_get(f.store, "nobody", &u),
	                 NATRISK_ENOTFOUND);
	assert_null(u.name); /* nothing to free after a failure */
	store_done(&f);
	free(name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_error_codes),
		cmocka_unit_test(test_long_titles_survive_the_store),
		cmocka_unit_test(test_thousand_character_title),
		cmocka_unit_test(test_user_name_owned),
	};
	unit_use_tree_methods();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
