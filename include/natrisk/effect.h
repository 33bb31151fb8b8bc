/*
 * effect.h - what a measure is expected to do to one score of one
 * scenario (method.md section 6): the score that scenario would have on
 * one criterion, or on its likelihood, with the measure in place.
 *
 * This is the meeting point of the plan (plan.h: a measure holds its
 * effects, loaded from the plan file's `effect`) and the residual risk
 * (residual.h: the assessment with a set of effects in place). Neither
 * allocates an effect on its own: a plan owns its measures' effects, and
 * the residual computation only reads them.
 */
#ifndef NATRISK_EFFECT_H
#define NATRISK_EFFECT_H

#include <stddef.h>

#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The criterion index of an effect on the likelihood. */
#define NATRISK_EFFECT_LIKELIHOOD (-1L)

typedef struct natrisk_effect {
	size_t scenario;     /* index into the assessment's scenarios */
	long criterion;      /* index into the method's criteria, or
	                        NATRISK_EFFECT_LIKELIHOOD */
	natrisk_score score; /* the score with the measure in place, in the
	                        assessment's own score forms and checks; its
	                        strings belong to whoever owns the effect */
} natrisk_effect;

#ifdef __cplusplus
}
#endif
#endif
