/*
 * test_arena.c - the bump allocator of src/core/arena.h: alignment to 16,
 * zeroed memory, blocks larger than the default block,
 * overflow refusals and the string copies.
 */
#include "unit_support.h"

#include "core/arena.h"

static bool aligned16(const void *p)
{
	return ((uintptr_t)p % 16) == 0;
}

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

/* Every test works on an arena owned by the fixture, so that a failed
 * assertion (which leaves the test early) leaks nothing. */
static int setup(void **state)
{
	arena *a = malloc(sizeof *a);
	if (!a)
		return -1;
	arena_init(a);
	*state = a;
	return 0;
}

static int teardown(void **state)
{
	arena *a = *state;
	arena_release(a);
	free(a);
	return 0;
}

static void test_alignment(void **state)
{
	arena *a = *state;
	/* Odd sizes must not push the next allocation off a 16-byte
	 * boundary: 1, 3, 15, 17, 31, 33, 100 ... */
	static const size_t sizes[] = { 1, 3, 7, 8, 15, 16, 17, 31, 33, 100,
		                        255, 1000, 4097 };
	for (int round = 0; round < 20; round++)
		for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
			void *p = arena_alloc(a, sizes[i]);
			assert_non_null(p);
			if (!aligned16(p))
				print_error("allocation %d of %zu bytes at %p is "
				            "not 16-aligned\n", round,
				            sizes[i], p);
			assert_true(aligned16(p));
		}
	/* arena_array too, for types that need it. */
	long double *ld = arena_array(a, 3, sizeof *ld);
	assert_non_null(ld);
	assert_true(aligned16(ld));
	arena_release(a);
	assert_null(a->head);
}

static void test_alignment_large_and_empty(void **state)
{
	arena *a = *state;
	/* A block of its own (larger than any default block) and a
	 * zero-size request are aligned too, before and after a small
	 * allocation. */
	static const size_t sizes[] = { 100000, 0, 1, 0, 1u << 20, 24, 0 };
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		void *p = arena_alloc(a, sizes[i]);
		assert_non_null(p);
		if (!aligned16(p))
			print_error("allocation of %zu bytes at %p is not "
			            "16-aligned\n", sizes[i], p);
		assert_true(aligned16(p));
	}
}

static void test_zeroed(void **state)
{
	arena *a = *state;
	/* Dirty the heap first, so that a missing memset shows: malloc is
	 * likely to hand the same memory back. */
	for (int i = 0; i < 4; i++) {
		unsigned char *dirt = malloc(40000);
		assert_non_null(dirt);
		memset(dirt, 0xA5, 40000);
		free(dirt);
	}
	for (size_t n = 1; n < 3000; n += 97) {
		unsigned char *p = arena_alloc(a, n);
		assert_non_null(p);
		assert_true(all_zero(p, n));
		memset(p, 0xFF, n); /* the next allocation must not see this */
	}
	double *d = arena_array(a, 100, sizeof *d);
	assert_non_null(d);
	for (int i = 0; i < 100; i++)
		assert_exact(d[i], 0.0);
	arena_release(a);

	/* After a release the arena starts again, still zeroed. */
	arena_init(a);
	unsigned char *p = arena_alloc(a, 20000);
	assert_non_null(p);
	assert_true(all_zero(p, 20000));
}

static void test_allocations_do_not_overlap(void **state)
{
	arena *a = *state;
	enum { N = 2000, SIZE = 37 };
	/* 2000 x at least 37 bytes = 74000 or more: several blocks. */
	unsigned char *ptrs[N];
	for (int i = 0; i < N; i++) {
		ptrs[i] = arena_alloc(a, SIZE);
		assert_non_null(ptrs[i]);
		memset(ptrs[i], i & 0xFF, SIZE);
	}
	for (int i = 0; i < N; i++)
		for (int j = 0; j < SIZE; j++)
			assert_int_equal(ptrs[i][j], i & 0xFF);
}

static void test_large_blocks(void **state)
{
	arena *a = *state;
	unsigned char *small = arena_alloc(a, 10);
	assert_non_null(small);
	memcpy(small, "123456789", 10);
	/* Larger than any default block (16 or 32 KiB): a block of its own. */
	size_t big = 100000;
	unsigned char *p = arena_alloc(a, big);
	assert_non_null(p);
	assert_true(all_zero(p, big));
	memset(p, 0x5A, big); /* all of it is usable (ASan checks) */
	assert_int_equal(p[big - 1], 0x5A);
	/* 1 MiB, then small ones again. */
	unsigned char *huge = arena_alloc(a, 1u << 20);
	assert_non_null(huge);
	assert_true(all_zero(huge, 1u << 20));
	huge[(1u << 20) - 1] = 1;
	unsigned char *after = arena_alloc(a, 16);
	assert_non_null(after);
	assert_true(all_zero(after, 16));
	/* The earlier allocations are untouched. */
	assert_string_equal((char *)small, "123456789");
	assert_int_equal(p[0], 0x5A);
	assert_int_equal(p[big - 1], 0x5A);
}

static void test_zero_size_and_overflow(void **state)
{
	arena *a = *state;
	/* A zero-size request still gives distinct pointers (alignment:
	 * test_alignment_large_and_empty). */
	void *z1 = arena_alloc(a, 0);
	void *z2 = arena_alloc(a, 0);
	assert_non_null(z1);
	assert_non_null(z2);
	assert_ptr_not_equal(z1, z2);
	/* Requests that cannot be met are refused, not wrapped around. */
	assert_null(arena_alloc(a, SIZE_MAX));
	assert_null(arena_alloc(a, SIZE_MAX - 8));
	/* (SIZE_MAX / 2 + 1) * 2 overflows size_t. */
	assert_null(arena_array(a, SIZE_MAX / 2 + 1, 2));
	assert_null(arena_array(a, SIZE_MAX, SIZE_MAX));
	/* A zero count is fine. */
	assert_non_null(arena_array(a, 0, 8));
	/* The arena still works. */
	int *n = arena_array(a, 4, sizeof *n);
	assert_non_null(n);
	n[3] = 7;
	assert_int_equal(n[3], 7);
}

static void test_strndup(void **state)
{
	arena *a = *state;
	/* Exactly LEN bytes, then a NUL. */
	char *s = arena_strndup(a, "hello world", 5);
	assert_non_null(s);
	assert_string_equal(s, "hello");
	assert_int_equal(strlen(s), 5);
	/* The source need not be NUL-terminated. */
	const char bytes[4] = { 'a', 'b', 'c', 'd' };
	char *t = arena_strndup(a, bytes, 4);
	assert_string_equal(t, "abcd");
	/* Length 0 gives "". */
	char *e = arena_strndup(a, "xyz", 0);
	assert_non_null(e);
	assert_string_equal(e, "");
	/* Embedded bytes are copied as they are. */
	char *n = arena_strndup(a, "a\0b", 3);
	assert_int_equal(n[0], 'a');
	assert_int_equal(n[1], '\0');
	assert_int_equal(n[2], 'b');
	assert_int_equal(n[3], '\0');
	/* A copy, not the same memory. */
	char source[] = "mutable";
	char *c = arena_strdup(a, source);
	assert_ptr_not_equal(c, source);
	source[0] = 'M';
	assert_string_equal(c, "mutable");
	assert_null(arena_strdup(a, NULL));
	/* SIZE_MAX cannot have a NUL appended. */
	assert_null(arena_strndup(a, "x", SIZE_MAX));
	/* A long string across a block boundary. */
	char long_text[20001];
	for (int i = 0; i < 20000; i++)
		long_text[i] = (char)('a' + i % 26);
	long_text[20000] = '\0';
	char *l = arena_strdup(a, long_text);
	assert_non_null(l);
	assert_string_equal(l, long_text);
	/* The earlier copies are intact. */
	assert_string_equal(s, "hello");
	assert_string_equal(t, "abcd");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_alignment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alignment_large_and_empty,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_zeroed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_allocations_do_not_overlap,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zero_size_and_overflow,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_strndup, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
