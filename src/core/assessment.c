/*
 * assessment.c - read access to a loaded assessment. The loader lives in
 * src/io/assessment_load.c.
 */
#include <stdlib.h>
#include <string.h>

#include "id_index.h"
#include "messages.h"
#include "model.h"

void natrisk_assessment_free(natrisk_assessment *a)
{
	if (!a)
		return;
	if (!a->method_borrowed)
		natrisk_method_free(a->method);
	arena_owned_free(a);
}

const char *natrisk_assessment_title(const natrisk_assessment *a)
{
	return a->title;
}

const char *natrisk_assessment_edition(const natrisk_assessment *a)
{
	return a->edition;
}

const char *natrisk_assessment_path(const natrisk_assessment *a)
{
	return a->path;
}

const natrisk_method *natrisk_assessment_method(const natrisk_assessment *a)
{
	return a->method;
}

const char *natrisk_assessment_method_ref(const natrisk_assessment *a)
{
	return a->method_ref;
}

size_t natrisk_assessment_theme_count(const natrisk_assessment *a)
{
	return a->theme_count;
}

const natrisk_theme *natrisk_assessment_theme(const natrisk_assessment *a,
                                              size_t i)
{
	return i < a->theme_count ? &a->themes[i] : NULL;
}

size_t natrisk_assessment_scenario_count(const natrisk_assessment *a)
{
	return a->scenario_count;
}

const natrisk_scenario *natrisk_assessment_scenario(
	const natrisk_assessment *a, size_t i)
{
	return i < a->scenario_count ? &a->scenarios[i] : NULL;
}

bool assessment_index_ids(natrisk_assessment *a)
{
	a->by_id = id_index_new(&a->arena, a->scenarios, a->scenario_count,
	                        sizeof *a->scenarios);
	return a->by_id != NULL;
}

long natrisk_assessment_find_scenario(const natrisk_assessment *a,
                                      const char *id)
{
	return id_index_find(a->by_id, a->scenarios, a->scenario_count,
	                     sizeof *a->scenarios, id);
}

uint32_t natrisk_theme_colour(const natrisk_theme *theme)
{
	/* Okabe-Ito: distinguishable with the common colour-vision
	 * deficiencies, and dark enough on the diagram's pale background. */
	static const uint32_t palette[] = { 0x0072B2, 0xD55E00, 0x009E73,
		                            0xCC79A7, 0xE69F00, 0x56B4E9,
		                            0x8C564B, 0x000000 };
	if (theme->colour && strlen(theme->colour) == 7)
		return (uint32_t)strtoul(theme->colour + 1, NULL, 16);
	uint32_t hash = 2166136261u; /* FNV-1a */
	for (const char *p = theme->id; *p; p++)
		hash = (hash ^ (unsigned char)*p) * 16777619u;
	return palette[hash % (sizeof palette / sizeof *palette)];
}

const char *natrisk_kind_name(natrisk_kind kind)
{
	return kind == NATRISK_THREAT ? "threat" : "hazard";
}

/* The names are ids (files, the API); messages translate them. */
const char *natrisk_classification_name(natrisk_classification c)
{
	switch (c) {
	case NATRISK_RESTRICTED: return MSG("restricted");
	case NATRISK_CONFIDENTIAL: return MSG("confidential");
	default: return MSG("public");
	}
}
