/*
 * model.h - the full layout of the method and assessment handles, shared by
 * the layers inside the library (core, io, render). Users of the library
 * see only the opaque handles and accessors of include/natrisk/.
 */
#ifndef NATRISK_MODEL_H
#define NATRISK_MODEL_H

#include <natrisk/assessment.h>
#include <natrisk/method.h>
#include <natrisk/results.h>

#include "arena.h"

struct natrisk_method {
	arena arena; /* first: it owns the method (arena_owned_new) */
	const char *id;
	const char *origin;
	natrisk_text title;
	const char *description;
	const char **sources;
	size_t source_count;
	double horizon_years;

	double base;                 /* impact class base */
	double x_value;
	double high_offset;          /* classes a "+" sits up */
	const char *impact_source;
	natrisk_text impact_labels[NATRISK_CLASS_COUNT];

	double likelihood_factor;
	natrisk_text likelihood_labels[NATRISK_CLASS_COUNT];
	double hazard_thresholds[4]; /* lower limits of B..E */
	const char *hazard_source;
	natrisk_text threat_levels[NATRISK_CLASS_COUNT];
	const char *threat_source;

	natrisk_interest *interests;
	size_t interest_count;
	natrisk_criterion *criteria;
	size_t criterion_count;
	natrisk_profile *profiles;
	size_t profile_count;
	size_t default_profile;

	/* derived once after loading */
	double class_values[NATRISK_CLASS_COUNT];
	double high_values[NATRISK_CLASS_COUNT];
};

struct natrisk_assessment {
	arena arena; /* first: it owns the assessment */
	const char *path;
	int format;
	const char *title;
	const char *edition;
	const char *method_ref;
	natrisk_method *method;
	natrisk_theme *themes;
	size_t theme_count;
	natrisk_scenario *scenarios;
	size_t scenario_count;
};

/* Fills the derived fields of a freshly loaded method. */
void method_derive(natrisk_method *method);

/*
 * Place of V in a ladder of four ascending lower limits (B..E) on the
 * class-position scale: k + log(V / lower_k) / log(upper_k / lower_k),
 * where the bands below A and above E continue the neighbouring ratio.
 * Clamped to [0, 5).
 */
int ladder_class(const double thresholds[4], double v);
double ladder_position(const double thresholds[4], double v);

#endif
