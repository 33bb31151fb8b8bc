/*
 * arena.h - a bump allocator that owns every string and array of a loaded
 * method or assessment, so that the whole model is freed at once and no
 * loader has to track ownership of its pieces.
 */
#ifndef NATRISK_ARENA_H
#define NATRISK_ARENA_H

#include <stdbool.h>
#include <stddef.h>

struct arena_block;

typedef struct arena {
	struct arena_block *head;
	/* An allocation failed: a loader that builds from many small pieces
	 * asks once, at the end, whether it ran out of memory on the way. */
	bool out_of_memory;
} arena;

void arena_init(arena *a);
void arena_release(arena *a);
/* Zeroed memory aligned for any type; NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);
void *arena_array(arena *a, size_t count, size_t size);
/* A NUL-terminated copy of LEN bytes. */
char *arena_strndup(arena *a, const char *text, size_t len);
char *arena_strdup(arena *a, const char *text);

/*
 * A zeroed object of SIZE bytes whose FIRST MEMBER is the arena that owns
 * it and everything allocated from that arena later: a loaded model that
 * is freed all at once with arena_owned_free(). NULL when out of memory.
 */
void *arena_owned_new(size_t size);
void arena_owned_free(void *owner);

#endif
