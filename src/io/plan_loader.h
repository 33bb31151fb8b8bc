/*
 * plan_loader.h - shared state of the plan loader, split over
 * plan_load.c (the file, its assessment, organisations, capabilities,
 * advice), plan_measures.c (measures: references, cost, effects, the
 * requires cycle), plan_actions.c (actions: due periods and logs) and
 * plan_parts.c (what they share: references, texts, dates).
 */
#ifndef NATRISK_PLAN_LOADER_H
#define NATRISK_PLAN_LOADER_H

#include "../core/plan_model.h"
#include "assessment_loader.h"

typedef struct ploader {
	ydoc *doc;
	natrisk_plan *p;
	/* The assessment's score reader, on the plan's document: effects are
	 * scores in the assessment's forms, checked as the assessment's are.
	 * Their texts (a score's why) go to the assessment's arena, which
	 * the plan owns. */
	aloader scores;
	bool ok;
	/* The assessment's text when the caller gives it (a store's
	 * export), instead of the file the plan names; else NULL. */
	const char *assessment_text;
	size_t assessment_len;
	/* the assessment, loading beside the plan's parse */
	struct plan_prefetch *prefetch;
} ploader;

/* Finds the index of an id in one of the plan's lists (or the
 * assessment's scenarios), or -1. */
typedef long (*plan_find_fn)(const natrisk_plan *p, const char *id);

/* The list of ids at NODE resolved with FIND into *OUT (an arena array)
 * and *COUNT; every id that is malformed, unknown or repeated is
 * reported, naming it as WHAT ("scenario", "owner"). Returns false after
 * any error. */
bool plan_load_refs(ploader *l, const ynode *node, const char *what,
                    plan_find_fn find, const size_t **out, size_t *count);

/* The positions of COUNT entries of SIZE bytes at ENTRIES sorted by id
 * into *INDEX (id_index.h), once their ids are unique; out of memory
 * fails the load. */
void plan_index_ids(ploader *l, size_t **index, const void *entries,
                    size_t count, size_t size);

/* The scenario with id ID in the plan's assessment, or -1. */
long plan_find_scenario(const natrisk_plan *p, const char *id);

/* The text of NODE as text of KIND, kept in the plan (NULL for NULL). */
const char *plan_keep_text(ploader *l, const ynode *node, const char *what,
                           ytext_kind kind);

/* A zeroed arena array of COUNT + 1 elements of SIZE (never NULL unless
 * out of memory, which clears l->ok). */
void *plan_array(ploader *l, size_t count, size_t size);

/* The N characters at TEXT as a number when all are digits, else -1
 * (TEXT must hold N characters or a NUL before them). */
int plan_digits(const char *text, size_t n);

/* A date written YYYY-MM-DD (plain or quoted) that is a real date. */
bool plan_load_date(ploader *l, const ynode *node, const char *what,
                    natrisk_date *out);

void plan_load_measures(ploader *l, const ynode *node);
void plan_load_actions(ploader *l, const ynode *node, natrisk_measure *m);

#endif
