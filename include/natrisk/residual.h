/*
 * residual.h - residual risk (method.md section 6): an assessment with a
 * set of measures in place, and the risk value that adds across
 * scenarios.
 *
 * A set of measures reaches the engine as the concatenation of their
 * effects (effect.h). With the set in place, each score of a scenario is
 * the most favourable among its current score and the effects' scores on
 * it: the lowest EV as the engine values it (an impact grade by its
 * class value: the class, "+" above plain, a quantity by its class; a
 * likelihood by its place on the axis, a probability within its band);
 * on equal EV the lower UL, then the lower LL; on a full tie the score
 * that came first (the current one before any effect). Effects never add
 * up: two effects on one score give the better of the two. An effect on
 * a criterion the scenario scores X (EV) changes nothing.
 *
 * The risk value of a scenario is r = F^L * T, with L its likelihood
 * position (EV), T its impact total (EV) under the weight profile and F
 * the method's likelihood factor (10 in every bundled method, as
 * method.md has it): proportional to probability times impact. A
 * scenario without impact (T = 0) has r = 0.
 *
 * Two ways in. natrisk_residual_assessment_new() makes the residual
 * assessment itself, to assess (results.h), write and draw like any
 * other. A natrisk_residual handle answers "how much risk is left with
 * this set?" many times over: made once per assessment and profile, it
 * recomputes only the scenarios that a set's effects touch, which is
 * what a portfolio search needs.
 */
#ifndef NATRISK_RESIDUAL_H
#define NATRISK_RESIDUAL_H

#include <stdbool.h>
#include <stddef.h>

#include "assessment.h"
#include "effect.h"
#include "results.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The risk value r = F^L * T of scenario I of R (see above), and the
 * total risk: the sum of r over R's scenarios. I must be below
 * natrisk_results_count(R). Both return 0 for a scenario, or results,
 * without impact.
 */
NATRISK_EXTERN
double natrisk_results_risk_value(const natrisk_results *r, size_t i);
NATRISK_EXTERN
double natrisk_results_risk_total(const natrisk_results *r);

/*
 * The residual assessment: A with the COUNT EFFECTS in place (COUNT may
 * be 0: then a copy of A's scores). It has A's title, method, themes and
 * scenarios in A's order, each score chosen as this header says; assess
 * it with natrisk_results_new() (ranks recomputed on the residual
 * places).
 *
 * Returns NATRISK_OK with *OUT a new assessment that the caller frees
 * with natrisk_assessment_free(). It borrows A (its method and strings:
 * free *OUT, and whatever is made from it, before A) but copies the
 * effect scores it takes, so EFFECTS may go once it returns. Returns
 * NATRISK_EINVALID when an effect names no scenario or criterion of A,
 * or holds a class that is none (a likelihood cannot be X), or
 * NATRISK_ENOMEM; *OUT is then NULL.
 */
NATRISK_EXTERN
int natrisk_residual_assessment_new(natrisk_assessment **out,
                                    const natrisk_assessment *a,
                                    const natrisk_effect *effects,
                                    size_t count);

/*
 * Whether effect E, alone in place, would change the score of A it is
 * on: whether it is more favourable than the current score, as this
 * header chooses (an effect on a criterion the scenario scores X never
 * is). E must name a scenario and criterion of A. Returns 1 or 0.
 */
NATRISK_EXTERN
int natrisk_effect_changes(const natrisk_assessment *a,
                           const natrisk_effect *e);

/*
 * The scores of scenario I (below A's scenario count) with the COUNT
 * EFFECTS in place, chosen as this header says (effects on other
 * scenarios are skipped): CHOSEN[0] the likelihood, CHOSEN[1 + c]
 * criterion c, each pointing to A's own score or to the score inside
 * one of EFFECTS, which tells which one won (nothing to free: the
 * pointers borrow A and EFFECTS). CHOSEN has room for the method's
 * criterion count + 1. Returns NATRISK_OK, or NATRISK_EINVALID as
 * natrisk_residual_assessment_new() does.
 */
NATRISK_EXTERN
int natrisk_residual_choose(const natrisk_assessment *a,
                            const natrisk_effect *effects, size_t count,
                            size_t i, const natrisk_score **chosen);

/* The residual risk of one assessment under one profile, set after set. */
typedef struct natrisk_residual natrisk_residual;

/*
 * Prepares the residual risk of A under weight profile PROFILE (an index
 * of A's method): the risk value of every scenario with no measure in
 * place. Until the first natrisk_residual_apply() the set is empty.
 * Returns NATRISK_OK with *OUT a new handle that the caller frees with
 * natrisk_residual_free() before A, which it borrows; or
 * NATRISK_ENOTFOUND (no such profile) or NATRISK_ENOMEM, with *OUT NULL.
 */
NATRISK_EXTERN
int natrisk_residual_new(natrisk_residual **out, const natrisk_assessment *a,
                         size_t profile);
/* Frees RESIDUAL (not its assessment). NULL is allowed. */
NATRISK_EXTERN
void natrisk_residual_free(natrisk_residual *residual);

/*
 * Puts the COUNT EFFECTS in place instead of the previous set: only the
 * scenarios that this set or the previous one touch are recomputed.
 * EFFECTS are read during the call only. Returns NATRISK_OK, or
 * NATRISK_EINVALID as natrisk_residual_assessment_new() does, and then
 * the set is empty.
 */
NATRISK_EXTERN
int natrisk_residual_apply(natrisk_residual *residual,
                           const natrisk_effect *effects, size_t count);

/*
 * The total risk (the sum of r over the scenarios, in their order) with
 * no measure in place, and with the set last applied in place; the risk
 * reduction of the set is the first minus the second. Each is the same
 * number whatever sets were applied before, and the same as
 * natrisk_results_risk_total() of the results of the residual
 * assessment under the same profile.
 */
NATRISK_EXTERN
double natrisk_residual_total_before(const natrisk_residual *residual);
NATRISK_EXTERN
double natrisk_residual_total_after(const natrisk_residual *residual);

/*
 * Scenario I (below the assessment's scenario count) with the set last
 * applied in place: its risk value r, and whether any of its scores
 * changed (a score may change and leave r alone: a lower UL).
 */
NATRISK_EXTERN
double natrisk_residual_risk_value(const natrisk_residual *residual, size_t i);
NATRISK_EXTERN
bool natrisk_residual_changed(const natrisk_residual *residual, size_t i);

#ifdef __cplusplus
}
#endif
#endif
