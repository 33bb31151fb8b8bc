/*
 * arena.c - see arena.h. Blocks grow geometrically; a request larger than
 * the default block gets a block of its own.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK = 16384, ARENA_ALIGN = 16 };

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(arena *a) { a->head = NULL; }

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

static struct arena_block *arena_grow(arena *a, size_t need)
{
	size_t size = ARENA_BLOCK;
	if (a->head && a->head->size < (SIZE_MAX / 4))
		size = a->head->size * 2 > size ? a->head->size * 2 : size;
	if (size < need)
		size = need;
	if (size > SIZE_MAX - sizeof(struct arena_block))
		return NULL;
	struct arena_block *block = malloc(sizeof *block + size);
	if (!block)
		return NULL;
	block->used = 0;
	block->size = size;
	block->next = a->head;
	a->head = block;
	return block;
}

void *arena_alloc(arena *a, size_t size)
{
	if (size > SIZE_MAX - ARENA_ALIGN)
		return NULL;
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (rounded == 0)
		rounded = ARENA_ALIGN;
	struct arena_block *block = a->head;
	if (!block || block->size - block->used < rounded)
		block = arena_grow(a, rounded);
	if (!block)
		return NULL;
	void *p = block->data + block->used;
	block->used += rounded;
	memset(p, 0, rounded);
	return p;
}

void *arena_array(arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	return arena_alloc(a, count * size);
}

char *arena_strndup(arena *a, const char *text, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
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
