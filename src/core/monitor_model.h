/*
 * monitor_model.h - the layout of the monitor handle (monitor.h), shared
 * inside the library: the loader (src/io/monitor_load*.c) fills it.
 */
#ifndef NATRISK_MONITOR_MODEL_H
#define NATRISK_MONITOR_MODEL_H

#include <natrisk/monitor.h>

#include "arena.h"

struct natrisk_monitor {
	arena arena; /* first: it owns the monitor (arena_owned_new) */
	const char *path;
	const char *title;
	const char *sender;
	natrisk_indicator *indicators;
	size_t indicator_count;
};

#endif
