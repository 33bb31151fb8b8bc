/*
 * plan_model.h - the full layout of the plan handle (plan.h), shared by
 * the layers inside the library: the loader (src/io/plan_load*.c) fills
 * it, the capability figures (capabilities.c) and the writers read it.
 */
#ifndef NATRISK_PLAN_MODEL_H
#define NATRISK_PLAN_MODEL_H

#include <natrisk/plan.h>

#include "arena.h"

struct natrisk_plan {
	arena arena; /* first: it owns the plan (arena_owned_new) */
	const char *path;
	const char *title;
	const char *assessment_ref; /* as the file gives it */
	natrisk_assessment *assessment;
	natrisk_organisation *organisations;
	size_t organisation_count;
	natrisk_capability *capabilities;
	size_t capability_count;
	natrisk_measure *measures;
	size_t measure_count;
	/* positions sorted by id (id_index.h), made by the loader once the
	 * ids are read and unique; NULL before: then found linearly */
	size_t *capability_index, *measure_index;
	natrisk_advice *advice;
	size_t advice_count;
};

#endif
