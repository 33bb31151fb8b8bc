/*
 * id_index.h - finding an entry of a loaded array by its id, the first
 * member of every entry that has one (scenarios, capabilities, measures):
 * the entries' positions sorted by id, kept in the owner's arena, and a
 * binary search over them. A plan's references are resolved one by one
 * at load (a thousand capabilities and measures), where a linear search
 * cost check as much as parsing the plan's own references.
 */
#ifndef NATRISK_ID_INDEX_H
#define NATRISK_ID_INDEX_H

#include <stddef.h>

#include "arena.h"

/* The positions of the COUNT entries of SIZE bytes at ENTRIES, sorted by
 * id, in A's memory; NULL when out of memory. The ids must be unique
 * (a duplicate would be found at either place). */
size_t *id_index_new(arena *a, const void *entries, size_t count,
                     size_t size);

/* The position of the entry whose id is ID, or -1: a binary search over
 * INDEX, or a linear one where INDEX is NULL (not made yet). */
long id_index_find(const size_t *index, const void *entries, size_t count,
                   size_t size, const char *id);

#endif
