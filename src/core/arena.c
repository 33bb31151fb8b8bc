/*
 * arena.c - see arena.h. Blocks have one fixed size, small enough for
 * malloc to serve from (and return to) its heap: a loader that runs again
 * and again, as in the server, then reuses warm memory instead of paying
 * a page fault for every fresh page of a large mmap'ed block. A request
 * larger than a quarter block gets a block of its own.
 */
#include "arena.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK = 32768 - 64, ARENA_ALIGN = 16 };

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(arena *a)
{
	a->head = NULL;
	a->out_of_memory = false;
}

void arena_release(arena *a)
{
	struct arena_block *block = a->head;
	while (block) {
		struct arena_block *next = block->next;
		free(block);
		block = next;
	}
	a->head = NULL;
}

static struct arena_block *block_new(size_t size)
{
	if (size > SIZE_MAX - sizeof(struct arena_block))
		return NULL;
	struct arena_block *block = malloc(sizeof *block + size);
	if (block) {
		block->used = 0;
		block->size = size;
	}
	return block;
}

/* A large request: its own block, full from the start, linked behind the
 * current block so that small requests keep filling that one. */
static void *alloc_own_block(arena *a, size_t size)
{
	struct arena_block *block = block_new(size);
	if (!block)
		return NULL;
	block->used = size;
	if (a->head) {
		block->next = a->head->next;
		a->head->next = block;
	} else {
		block->next = NULL;
		a->head = block;
	}
	return block->data;
}

static void *arena_alloc_inner(arena *a, size_t size);

void *arena_alloc(arena *a, size_t size)
{
	void *p = arena_alloc_inner(a, size);
	if (!p)
		a->out_of_memory = true;
	return p;
}

static void *arena_alloc_inner(arena *a, size_t size)
{
	if (size > SIZE_MAX - ARENA_ALIGN)
		return NULL;
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (rounded == 0)
		rounded = ARENA_ALIGN;
	void *p;
	if (rounded > ARENA_BLOCK / 4) {
		p = alloc_own_block(a, rounded);
	} else {
		struct arena_block *block = a->head;
		if (!block || block->size - block->used < rounded) {
			block = block_new(ARENA_BLOCK - sizeof *block);
			if (!block)
				return NULL;
			block->next = a->head;
			a->head = block;
		}
		p = block->data + block->used;
		block->used += rounded;
	}
	if (p)
		memset(p, 0, size);
	return p;
}

void *arena_array(arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		a->out_of_memory = true;
		return NULL;
	}
	return arena_alloc(a, count * size);
}

char *arena_strndup(arena *a, const char *text, size_t len)
{
	if (len == SIZE_MAX) {
		a->out_of_memory = true;
		return NULL;
	}
	char *copy = arena_alloc(a, len + 1);
	if (copy) {
		memcpy(copy, text, len);
		copy[len] = '\0';
	}
	return copy;
}

char *arena_strdup(arena *a, const char *text)
{
	return text ? arena_strndup(a, text, strlen(text)) : NULL;
}

void *arena_owned_new(size_t size)
{
	arena storage;
	arena_init(&storage);
	arena *owner = arena_alloc(&storage, size < sizeof storage
	                                             ? sizeof storage
	                                             : size);
	if (!owner) {
		arena_release(&storage);
		return NULL;
	}
	*owner = storage;
	return owner;
}

void arena_owned_free(void *owner)
{
	if (!owner)
		return;
	/* Copy the arena out first: it lives in memory it is about to free. */
	arena storage = *(arena *)owner;
	arena_release(&storage);
}
