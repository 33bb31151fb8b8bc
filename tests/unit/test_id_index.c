/*
 * test_id_index.c - finding an entry by id (src/core/id_index.h): with
 * the sorted index and without it (linear), every entry of a shuffled
 * array is found at its own position, ids that are absent (before the
 * first, after the last, between two, a prefix of one) are -1, and an
 * empty array finds nothing. The positions are known by construction:
 * entry i carries id "e<k>" for a shuffled k and its own i.
 */
#include "unit_support.h"

#include "core/arena.h"
#include "core/id_index.h"

typedef struct entry {
	const char *id; /* first, as in scenarios, capabilities, measures */
	size_t self;
} entry;

enum { N = 1000 };

static void finds_every_entry(void **state)
{
	(void)state;
	static char ids[N][16];
	static entry entries[N];
	size_t order[N];
	for (size_t i = 0; i < N; i++)
		order[i] = i;
	unsigned long long rng = 12345;
	for (size_t i = N - 1; i > 0; i--) { /* Fisher-Yates */
		rng = rng * 6364136223846793005ull + 1442695040888963407ull;
		size_t j = (size_t)((rng >> 33) % (i + 1)), t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (size_t i = 0; i < N; i++) {
		snprintf(ids[i], sizeof ids[i], "e%zu", order[i] * 2);
		entries[i] = (entry){ ids[i], i };
	}
	arena a;
	arena_init(&a);
	size_t *index = id_index_new(&a, entries, N, sizeof *entries);
	assert_non_null(index);
	const size_t *both[] = { index, NULL };
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; i < N; i++)
			assert_int_equal(id_index_find(both[k], entries, N,
			                               sizeof *entries, ids[i]),
			                 (long)i);
		/* odd numbers are absent; so are "e" and ids past "e998" */
		static const char *const absent[] = { "a", "e", "e1", "e999",
			                              "e1997", "f", "" };
		for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
			assert_int_equal(id_index_find(both[k], entries, N,
			                               sizeof *entries, absent[i]),
			                 -1);
	}
	arena_release(&a);
}

static void empty_finds_nothing(void **state)
{
	(void)state;
	arena a;
	arena_init(&a);
	entry none[1] = { { "x", 0 } };
	size_t *index = id_index_new(&a, none, 0, sizeof *none);
	assert_non_null(index);
	assert_int_equal(id_index_find(index, none, 0, sizeof *none, "x"), -1);
	assert_int_equal(id_index_find(NULL, none, 0, sizeof *none, "x"), -1);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_every_entry),
		cmocka_unit_test(empty_finds_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
