/*
 * id_index.c - see id_index.h.
 */
#include "id_index.h"

#include <stdlib.h>
#include <string.h>

typedef struct keyed {
	const char *id;
	size_t position;
} keyed;

static const char *id_at(const void *entries, size_t size, size_t i)
{
	return *(const char *const *)((const char *)entries + i * size);
}

static int by_id(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	return strcmp(a->id, b->id);
}

size_t *id_index_new(arena *a, const void *entries, size_t count,
                     size_t size)
{
	keyed *sorted = malloc((count ? count : 1) * sizeof *sorted);
	/* the arena's, so that it goes with its owner */
	size_t *index = sorted ? arena_array(a, count ? count : 1,
	                                     sizeof *index) : NULL;
	if (index) {
		for (size_t i = 0; i < count; i++)
			sorted[i] = (keyed){ id_at(entries, size, i), i };
		qsort(sorted, count, sizeof *sorted, by_id);
		for (size_t i = 0; i < count; i++)
			index[i] = sorted[i].position;
	}
	free(sorted);
	return index;
}

long id_index_find(const size_t *index, const void *entries, size_t count,
                   size_t size, const char *id)
{
	if (!index) {
		for (size_t i = 0; i < count; i++)
			if (strcmp(id_at(entries, size, i), id) == 0)
				return (long)i;
		return -1;
	}
	size_t low = 0, high = count;
	while (low < high) {
		size_t mid = low + (high - low) / 2;
		int order = strcmp(id_at(entries, size, index[mid]), id);
		if (order == 0)
			return (long)index[mid];
		if (order < 0)
			low = mid + 1;
		else
			high = mid;
	}
	return -1;
}
