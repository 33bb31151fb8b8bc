/*
 * assessment_loader.h - shared state of the assessment loader, split over
 * assessment_load.c (the file, themes, scenarios) and score_load.c (one
 * score: classes, "+", quantities, probabilities, LL <= EV <= UL).
 */
#ifndef NATRISK_ASSESSMENT_LOADER_H
#define NATRISK_ASSESSMENT_LOADER_H

#include "../core/model.h"
#include "yschema.h"

typedef struct aloader {
	ydoc *doc;
	natrisk_assessment *a;
	const natrisk_method *m; /* NULL when the method failed to load */
	const natrisk_load_options *options;
	bool ok;
} aloader;

/* Reads the impact score of criterion C from NODE into OUT. */
void load_impact_score(aloader *l, const ynode *node, size_t c,
                       natrisk_score *out);
/* Reads a likelihood score; probabilities only for hazards. */
void load_likelihood_score(aloader *l, const ynode *node, natrisk_kind kind,
                           natrisk_score *out);
/* OUT: a score of X on every point (a criterion that was not listed). */
void score_not_applicable(const natrisk_method *m, natrisk_score *out);

#endif
