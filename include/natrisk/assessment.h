/*
 * assessment.h - an assessment: one edition of a national or regional risk
 * assessment, its themes and its scored scenarios.
 *
 * Loaded from the YAML format of docs/formats.md by
 * natrisk_assessment_load(); the assessment owns its method.
 */
#ifndef NATRISK_ASSESSMENT_H
#define NATRISK_ASSESSMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "diag.h"
#include "method.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_assessment natrisk_assessment;

typedef enum { NATRISK_HAZARD = 0, NATRISK_THREAT = 1 } natrisk_kind;

typedef enum {
	NATRISK_PUBLIC = 0,
	NATRISK_RESTRICTED = 1,
	NATRISK_CONFIDENTIAL = 2,
} natrisk_classification;

/*
 * A theme groups scenarios. Its classification says who may see it at all
 * (its title may say what the scenarios under it are about): given in the
 * file, or else the lowest classification of the scenarios that use it,
 * public when none does. A scenario's theme is never classified above the
 * scenario. Its colour in the diagram is its own ("#rrggbb" from the
 * file, or else derived from its id), so that it is the same for every
 * reader and in every edition.
 */
typedef struct natrisk_theme {
	const char *id;
	const char *title;
	natrisk_classification classification;
	bool classification_given; /* in the file, not derived */
	const char *colour;         /* "#rrggbb" from the file, or NULL */
} natrisk_theme;

typedef struct natrisk_scenario {
	const char *id;
	const char *title;
	long theme;                 /* index into themes, or -1 */
	natrisk_kind kind;
	const char *description;    /* or NULL */
	natrisk_classification classification;
	bool is_new;
	const char **sources;
	size_t source_count;
	natrisk_score likelihood;
	natrisk_score *impact;      /* one per criterion of the method */
	int line, column;
} natrisk_scenario;

/*
 * Loads and validates an assessment file. Every problem found goes to DIAG
 * (errors and warnings); on any error the result is NATRISK_EINVALID and
 * *OUT is NULL. Bad bytes, bad UTF-8 and an empty file are errors too.
 */
int natrisk_assessment_load(natrisk_assessment **out, const char *path,
                            natrisk_diag *diag);
/* The same from memory; NAME names the input in diagnostics and is the
 * base for a relative method path (its directory). */
int natrisk_assessment_load_buffer(natrisk_assessment **out, const char *name,
                                   const char *buf, size_t len,
                                   natrisk_diag *diag);
/* How an assessment may be loaded. */
typedef struct natrisk_load_options {
	/* Refuse a method named by a path: a server must not read files
	 * that an uploaded assessment names. */
	bool method_ids_only;
} natrisk_load_options;

int natrisk_assessment_load_options(natrisk_assessment **out,
                                    const char *name, const char *buf,
                                    size_t len,
                                    const natrisk_load_options *options,
                                    natrisk_diag *diag);
void natrisk_assessment_free(natrisk_assessment *assessment);

const char *natrisk_assessment_title(const natrisk_assessment *a);
const char *natrisk_assessment_edition(const natrisk_assessment *a); /* or NULL */
const natrisk_method *natrisk_assessment_method(const natrisk_assessment *a);
/* The method as the file names it (an id or a path). */
const char *natrisk_assessment_method_ref(const natrisk_assessment *a);

size_t natrisk_assessment_theme_count(const natrisk_assessment *a);
const natrisk_theme *natrisk_assessment_theme(const natrisk_assessment *a,
                                              size_t i);
size_t natrisk_assessment_scenario_count(const natrisk_assessment *a);
const natrisk_scenario *natrisk_assessment_scenario(
	const natrisk_assessment *a, size_t i);
/* Index of a scenario by id, or -1. */
long natrisk_assessment_find_scenario(const natrisk_assessment *a,
                                      const char *id);

/* THEME's colour as 0xRRGGBB: its own from the file, or one of eight
 * colours (Okabe-Ito) chosen by a hash of its id, so that a theme has the
 * same colour whoever reads it and in every edition. */
uint32_t natrisk_theme_colour(const natrisk_theme *theme);

const char *natrisk_kind_name(natrisk_kind kind);
const char *natrisk_classification_name(natrisk_classification c);

#ifdef __cplusplus
}
#endif
#endif
