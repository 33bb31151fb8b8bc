/*
 * monitor_loader.h - shared state of the monitor file's loader, split
 * over monitor_load.c (the file, its assessment, indicators and feeds)
 * and monitor_levels.c (the alert levels with their CAP fields).
 */
#ifndef NATRISK_MONITOR_LOADER_H
#define NATRISK_MONITOR_LOADER_H

#include <natrisk/assessment.h>

#include "../core/monitor_model.h"
#include "yschema.h"

typedef struct mloader {
	ydoc *doc;
	natrisk_monitor *m;
	natrisk_assessment *assessment; /* or NULL */
	bool ok;
} mloader;

/* A zeroed arena array of COUNT + 1 elements of SIZE; NULL (and l->ok
 * cleared) when out of memory. */
void *monitor_array(mloader *l, size_t count, size_t size);

/* The text of NODE as text of KIND, kept in the monitor (NULL for a
 * NULL node or after an error, which clears l->ok). */
const char *monitor_keep_text(mloader *l, const ynode *node,
                              const char *what, ytext_kind kind);

/* The levels of indicator IND at NODE: a list ascending by at. */
void monitor_load_levels(mloader *l, const ynode *node,
                         natrisk_indicator *ind);

#endif
