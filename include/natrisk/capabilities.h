/*
 * capabilities.h - the figures of a plan's capability analysis (method.md
 * section 6): per capability the experts' agreed current and target level
 * (medians over the experts; for an even count the mean of the two middle
 * values), the gap (target - current; negative: a redundancy) and the
 * flag (the experts' current levels lie two or more apart); per phase of
 * the safety chain the number of capabilities and the sum of the positive
 * gaps; and the gaps in the chain itself: for each scenario that some
 * capability names, the phases in which none names it.
 *
 * What "natrisk capabilities" writes (capabilities_output.h), the report
 * and the server compute it here.
 */
#ifndef NATRISK_CAPABILITIES_H
#define NATRISK_CAPABILITIES_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct natrisk_capabilities natrisk_capabilities;

/* The figures of one capability. Without levels (EXPERTS 0) CURRENT,
 * TARGET and GAP mean nothing and HAS_LEVELS is false. */
typedef struct natrisk_capability_figures {
	size_t experts;
	bool has_levels;
	double current, target, gap;
	bool flagged;
	const size_t *measures; /* the measures that name the capability */
	size_t measure_count;
} natrisk_capability_figures;

/* One phase: its capabilities and the sum of their positive gaps. */
typedef struct natrisk_phase_figures {
	size_t capabilities;
	double gap;
} natrisk_phase_figures;

/* A scenario some capability names, and the phases none names it in. */
typedef struct natrisk_chain_gap {
	size_t scenario;                       /* index into the assessment */
	bool missing[NATRISK_PHASE_COUNT];     /* by natrisk_phase */
	size_t missing_count;
} natrisk_chain_gap;

/*
 * Computes the figures of plan P into *OUT, which borrows P: free it with
 * natrisk_capabilities_free() before P. Returns NATRISK_OK, or
 * NATRISK_ENOMEM with *OUT NULL.
 */
NATRISK_EXTERN
int natrisk_capabilities_new(natrisk_capabilities **out,
                             const natrisk_plan *p);

/* Frees C (NULL allowed). */
NATRISK_EXTERN
void natrisk_capabilities_free(natrisk_capabilities *c);

/* The plan C was computed from (borrowed; valid while it lives). */
NATRISK_EXTERN
const natrisk_plan *natrisk_capabilities_plan(const natrisk_capabilities *c);

/* The figures of the plan's capability I, owned by C and valid until
 * natrisk_capabilities_free(). */
NATRISK_EXTERN
const natrisk_capability_figures *
natrisk_capabilities_figures(const natrisk_capabilities *c, size_t i);

/* The figures of PHASE, owned by C and valid until
 * natrisk_capabilities_free(). */
NATRISK_EXTERN
const natrisk_phase_figures *
natrisk_capabilities_phase(const natrisk_capabilities *c, natrisk_phase phase);

/* The chain gaps, one per scenario that some capability names, in the
 * assessment's order of scenarios (entry I below the count); owned by C
 * and valid until natrisk_capabilities_free(). */
NATRISK_EXTERN
size_t natrisk_capabilities_chain_gap_count(const natrisk_capabilities *c);
NATRISK_EXTERN
const natrisk_chain_gap *
natrisk_capabilities_chain_gap(const natrisk_capabilities *c, size_t i);

/* The median of the N values at VALUES (the mean of the two middle ones
 * for an even N); VALUES is reordered. Returns 0 for N = 0. */
NATRISK_EXTERN
double natrisk_median(double *values, size_t n);

#ifdef __cplusplus
}
#endif
#endif
