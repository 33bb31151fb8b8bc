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
	double x_position;           /* X on the class-position scale (< 0) */
	double high_offset;          /* classes a "+" sits up */
	const char *impact_source;
	natrisk_text impact_labels[NATRISK_CLASS_COUNT];

	double likelihood_factor;
	double likelihood_plain;     /* a class k sits at k + this */
	double likelihood_high;      /* a "+" sits at k + this */
	const char *likelihood_source;
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
	double high_factor;          /* base^high_offset: a "+" is worth its
	                                class value times this */
};

struct natrisk_assessment {
	arena arena; /* first: it owns the assessment */
	const char *path;
	int format;
	const char *title;
	const char *edition;
	const char *method_ref;
	natrisk_method *method;
	bool method_borrowed;        /* a residual assessment's (residual.c):
	                                the method is the original's */
	natrisk_theme *themes;
	size_t theme_count;
	natrisk_scenario *scenarios;
	size_t scenario_count;
	/* the scenarios' indices in the order of their ids, for
	 * natrisk_assessment_find_scenario() (plans and their measures look
	 * up thousands); NULL: it searches them one by one */
	const size_t *by_id;
};

/* Sorts A's scenarios by id into A->by_id (in A's arena), once their ids
 * are unique. Returns false for want of memory (A->by_id left NULL): a
 * loader reports that as any other allocation that failed. */
bool assessment_index_ids(natrisk_assessment *a);

/* Fills the derived fields of a freshly loaded method. */
void method_derive(natrisk_method *method);

/*
 * Place of V in a ladder of four ascending lower limits (B..E) on the
 * class-position scale: k + log(V / lower_k) / log(upper_k / lower_k),
 * where the band below A continues the neighbouring ratio and so does the
 * band above E unless TOP closes it (TOP > 0: E is [lower_E, TOP], and V =
 * TOP sits at 5 exactly). The class is K, the fraction of the way through
 * its band *FRACTION, in [0, 1) but for V = TOP (1); below A's band it is 0.
 */
int ladder_class(const double thresholds[4], double v);
void ladder_place(const double thresholds[4], double top, double v, int *k,
                  double *fraction);
/* k + fraction, as a position below 5 (TOP 0: the band above E open). */
double ladder_position(const double thresholds[4], double v);
/* The place of a hazard's probability P on the likelihood axis: class K
 * (5 for P = 1, the top of E) and the FRACTION of the way through it. */
void probability_place(const natrisk_method *m, double p, int *k,
                       double *fraction);

#endif
