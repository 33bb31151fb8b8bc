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
 * Loads and validates the assessment file at PATH, and the method it
 * names (a bundled id, one on the method path, or a file relative to
 * PATH's directory). Every problem found goes to DIAG (errors and
 * warnings, with file, line and column); bad bytes, bad UTF-8 and an
 * empty file are errors too. DIAG must not be NULL.
 *
 * Returns NATRISK_OK with *OUT a new assessment, which owns its method
 * and everything the accessors below return: free it with
 * natrisk_assessment_free() after whatever borrows it (results,
 * robustness, scenes). Otherwise NATRISK_EINVALID (the problems, a
 * method that cannot be found included, are in DIAG), NATRISK_EIO (PATH
 * cannot be read: see natrisk_error_last) or NATRISK_ENOMEM, and *OUT
 * is NULL.
 */
NATRISK_EXTERN
int natrisk_assessment_load(natrisk_assessment **out, const char *path,
                            natrisk_diag *diag);
/*
 * The same from LEN bytes at BUF (copied: BUF may go once it returns).
 * NAME names the input in diagnostics and is the base for a relative
 * method path (its directory). Returns as natrisk_assessment_load; free
 * *OUT with natrisk_assessment_free().
 */
NATRISK_EXTERN
int natrisk_assessment_load_buffer(natrisk_assessment **out, const char *name,
                                   const char *buf, size_t len,
                                   natrisk_diag *diag);
/* How an assessment may be loaded. */
typedef struct natrisk_load_options {
	/* Refuse a method named by a path: a server must not read files
	 * that an uploaded assessment names. */
	bool method_ids_only;
} natrisk_load_options;

/*
 * natrisk_assessment_load_buffer with OPTIONS (NULL: the defaults, all
 * false). A method named by a path when OPTIONS->method_ids_only is an
 * error in DIAG (NATRISK_EINVALID). Returns as natrisk_assessment_load;
 * free *OUT with natrisk_assessment_free().
 */
NATRISK_EXTERN
int natrisk_assessment_load_options(natrisk_assessment **out,
                                    const char *name, const char *buf,
                                    size_t len,
                                    const natrisk_load_options *options,
                                    natrisk_diag *diag);
/* Frees ASSESSMENT with its method and everything its accessors gave
 * out. Results, robustness and scenes made from it must be freed first.
 * NULL is allowed. */
NATRISK_EXTERN
void natrisk_assessment_free(natrisk_assessment *assessment);

/*
 * Accessors. Every pointer they return is owned by A and stays valid
 * until natrisk_assessment_free(A); none may be freed by the caller.
 * An index I must be below the matching count.
 */
/* The title, never NULL. */
NATRISK_EXTERN
const char *natrisk_assessment_title(const natrisk_assessment *a);
/* The edition's label ("2012"), or NULL when the file has none. */
NATRISK_EXTERN
const char *natrisk_assessment_edition(const natrisk_assessment *a);
/* The path A was loaded from (for a buffer: the name given), owned by
 * A: valid while A lives. */
NATRISK_EXTERN
const char *natrisk_assessment_path(const natrisk_assessment *a);
/* The method A was scored with, owned by A (valid while A lives). */
NATRISK_EXTERN
const natrisk_method *natrisk_assessment_method(const natrisk_assessment *a);
/* The method as the file names it (an id or a path), owned by A. */
NATRISK_EXTERN
const char *natrisk_assessment_method_ref(const natrisk_assessment *a);

/* The number of themes, and theme I (0-based, file order), owned by A:
 * valid while A lives. */
NATRISK_EXTERN
size_t natrisk_assessment_theme_count(const natrisk_assessment *a);
NATRISK_EXTERN
const natrisk_theme *natrisk_assessment_theme(const natrisk_assessment *a,
                                              size_t i);
/* The number of scenarios, and scenario I (0-based, file order), owned
 * by A: valid while A lives. Its impact array has one score per
 * criterion of the method, in the method's order. */
NATRISK_EXTERN
size_t natrisk_assessment_scenario_count(const natrisk_assessment *a);
NATRISK_EXTERN
const natrisk_scenario *natrisk_assessment_scenario(
	const natrisk_assessment *a, size_t i);
/* The index of the scenario whose id is ID, or -1 when none is. */
NATRISK_EXTERN
long natrisk_assessment_find_scenario(const natrisk_assessment *a,
                                      const char *id);

/* THEME's colour as 0xRRGGBB: its own from the file, or one of eight
 * colours (Okabe-Ito) chosen by a hash of its id, so that a theme has the
 * same colour whoever reads it and in every edition. */
NATRISK_EXTERN
uint32_t natrisk_theme_colour(const natrisk_theme *theme);

/* The names of a kind ("hazard", "threat") and of a classification
 * ("public", "restricted", "confidential") as the file writes them:
 * static strings. */
NATRISK_EXTERN
const char *natrisk_kind_name(natrisk_kind kind);
NATRISK_EXTERN
const char *natrisk_classification_name(natrisk_classification c);

#ifdef __cplusplus
}
#endif
#endif
