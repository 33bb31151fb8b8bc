/*
 * method.h - a risk assessment method: vital interests, criteria, classes,
 * thresholds, likelihood scales and weight profiles.
 *
 * A method is data (a YAML file, see docs/method-format.md); this header
 * gives read access to a loaded method. The plain structs below are
 * read-only views owned by the method.
 */
#ifndef NATRISK_METHOD_H
#define NATRISK_METHOD_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_method natrisk_method;

typedef struct natrisk_interest {
	const char *id;
	natrisk_text name;
} natrisk_interest;

typedef struct natrisk_criterion {
	const char *id;
	size_t interest;        /* index into the method's interests */
	natrisk_text name;
	natrisk_text unit;      /* quantitative criteria only */
	bool quantitative;      /* has thresholds */
	double thresholds[4];   /* lower limits of B, C, D, E */
	const char *source;     /* note on the thresholds */
	natrisk_text levels[NATRISK_CLASS_COUNT]; /* class descriptions */
	const char *levels_source;
} natrisk_criterion;

typedef struct natrisk_profile {
	const char *id;
	natrisk_text title;
	const char *description;
	const char *source;
	double *raw;            /* relative weights as written, per criterion */
	double raw_sum;
	double *weights;        /* normalised: sum 1 */
} natrisk_profile;

/*
 * Loads a method. REF is a method id (a file ID.yaml on the method path,
 * NATRISK_METHOD_PATH, or else bundled) or a path; relative paths are
 * taken from BASE_DIR (NULL: the working directory). Problems in the
 * method file go to DIAG. Returns NATRISK_OK with *OUT a new method,
 * which the caller frees with natrisk_method_free() (a method loaded
 * with an assessment belongs to the assessment instead); or
 * NATRISK_ENOTFOUND, NATRISK_EIO, NATRISK_EINVALID or NATRISK_ENOMEM,
 * with *OUT NULL.
 */
NATRISK_EXTERN
int natrisk_method_load(natrisk_method **out, const char *ref,
                        const char *base_dir, natrisk_diag *diag);
/*
 * The text of the method file REF resolves to (see natrisk_method_load),
 * and where it came from: a path or "(bundled)/ID.yaml". Returns
 * NATRISK_OK with *DATA (*LEN bytes, NUL-terminated) and *ORIGIN, both
 * the caller's to free(); or NATRISK_ENOTFOUND, NATRISK_EIO or
 * NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_method_read_source(const char *ref, const char *base_dir,
                               char **data, size_t *len, char **origin);
/* Whether a method reference names a file (contains '/', or ends in
 * .yaml or .yml) rather than a method id. */
NATRISK_EXTERN
bool natrisk_method_ref_is_path(const char *ref);

/* Parses a method file of LEN bytes at BUF (copied); NAME is used in
 * diagnostics. Returns NATRISK_OK with *OUT, which the caller frees with
 * natrisk_method_free(); or NATRISK_EINVALID (problems in DIAG) or
 * NATRISK_ENOMEM, with *OUT NULL. */
NATRISK_EXTERN
int natrisk_method_load_buffer(natrisk_method **out, const char *name,
                               const char *buf, size_t len,
                               natrisk_diag *diag);
/* Frees METHOD and everything its accessors gave out. NULL is allowed.
 * Never for the method of an assessment: the assessment frees it. */
NATRISK_EXTERN
void natrisk_method_free(natrisk_method *method);

/* The method as a JSON document (criteria with their class
 * descriptions, units and thresholds; likelihood scales; weight
 * profiles), or NULL when out of memory. Free it. */
NATRISK_EXTERN
char *natrisk_method_json(const natrisk_method *method);

/* The ids of the methods bundled with natrisk, NULL-terminated: a static
 * array, valid for the life of the program. */
NATRISK_EXTERN
const char *const *natrisk_method_bundled_ids(void);

/*
 * Accessors. Every pointer they return is owned by METHOD and stays
 * valid while it lives; none may be freed by the caller. An index I must
 * be below the matching count.
 */
/* The method's id and title (owned by METHOD). */
NATRISK_EXTERN
const char *natrisk_method_id(const natrisk_method *method);
NATRISK_EXTERN
const natrisk_text *natrisk_method_title(const natrisk_method *method);
/* Where it was loaded from: a path, or "(bundled)/ID.yaml". */
NATRISK_EXTERN
const char *natrisk_method_origin(const natrisk_method *method);

/* The vital interests and the criteria, in the method's order; each
 * criterion names its interest by index. Owned by METHOD: valid while it
 * lives. */
NATRISK_EXTERN
size_t natrisk_method_interest_count(const natrisk_method *method);
NATRISK_EXTERN
const natrisk_interest *natrisk_method_interest(const natrisk_method *method,
                                                size_t i);
NATRISK_EXTERN
size_t natrisk_method_criterion_count(const natrisk_method *method);
NATRISK_EXTERN
const natrisk_criterion *natrisk_method_criterion(const natrisk_method *method,
                                                  size_t i);
/* The index of the criterion whose id is the LEN bytes at ID, or -1. */
NATRISK_EXTERN
long natrisk_method_find_criterion(const natrisk_method *method,
                                   const char *id, size_t len);

/* The weight profiles, and the index of the default one (the file's
 * "default"). Owned by METHOD: valid while it lives. */
NATRISK_EXTERN
size_t natrisk_method_profile_count(const natrisk_method *method);
NATRISK_EXTERN
const natrisk_profile *natrisk_method_profile(const natrisk_method *method,
                                              size_t i);
NATRISK_EXTERN
size_t natrisk_method_default_profile(const natrisk_method *method);
/* Index of a weight profile by id, or -1. */
NATRISK_EXTERN
long natrisk_method_find_profile(const natrisk_method *method, const char *id);
/* The profile ID names (NULL: the method's default) into *INDEX:
 * NATRISK_OK, or NATRISK_ENOTFOUND with a last-error message that names
 * the profiles the method has, for the user to choose from. */
NATRISK_EXTERN
int natrisk_method_choose_profile(const natrisk_method *method,
                                  const char *id, size_t *index);

/* The labels of impact and likelihood class CLS (A..E): owned by METHOD,
 * valid while it lives. Outside A..E the impact label is a static "not
 * applicable" and the likelihood label NULL. */
NATRISK_EXTERN
const natrisk_text *natrisk_method_impact_label(const natrisk_method *method,
                                                int cls);
NATRISK_EXTERN
const natrisk_text *natrisk_method_likelihood_label(
	const natrisk_method *method, int cls);

/* The class base (3): each class is worth BASE times the one below.
 * METHOD is borrowed. */
NATRISK_EXTERN
double natrisk_method_base(const natrisk_method *method);
/* The factor between the probabilities of two neighbouring likelihood
 * classes (10 in nrb-2008), as the method file states it. METHOD is
 * borrowed; returns the factor. */
NATRISK_EXTERN
double natrisk_method_likelihood_factor(const natrisk_method *method);
/* The years a hazard's probability is stated for (likelihood: "within
 * N years"), as the method file states it. METHOD is borrowed; returns
 * the number of years. */
NATRISK_EXTERN
double natrisk_method_horizon_years(const natrisk_method *method);
/* The value of class CLS (A..E; HIGH: with "+"), or the value of X for
 * any CLS outside A..E. METHOD is borrowed. */
NATRISK_EXTERN
double natrisk_method_class_value(const natrisk_method *method, int cls,
                                  bool high);

/*
 * The class of a quantity on a quantitative criterion (A..E), and the
 * quantity's place on the class-position scale: k + the log fraction of
 * the way through class k's band, in [k, k+1). The place is for display:
 * a quantity scores its class everywhere (method.md section 3).
 * CRITERION must be quantitative; the class returned is 0..4, never an
 * error code.
 */
NATRISK_EXTERN
int natrisk_method_quantity_class(const natrisk_method *method,
                                  size_t criterion, double quantity);
NATRISK_EXTERN
double natrisk_method_quantity_position(const natrisk_method *method,
                                        size_t criterion, double quantity);
/* The same for a hazard's probability within the horizon (likelihood),
 * on the horizontal axis of the diagram: E's band is [lower_E, 1], so a
 * probability of 1 sits at 5, the top of E (formats.md). The class
 * returned is 0..4, never an error code. */
NATRISK_EXTERN
int natrisk_method_probability_class(const natrisk_method *method,
                                     double probability);
NATRISK_EXTERN
double natrisk_method_probability_position(const natrisk_method *method,
                                           double probability);

#ifdef __cplusplus
}
#endif
#endif
