/*
 * scoring.h - the work on an edition in the store (edition.h): scenarios
 * created and edited, the analysts assigned to each, every analyst's own
 * scores with their history, the chair's consolidated scores, and the
 * spread between analysts.
 *
 * What may change when follows the edition's status:
 *   - scenarios and assignments: until the edition is published;
 *   - an analyst's own scores: while it is in scoring;
 *   - consolidated scores: while it is in draft or consolidation.
 * Anything else is NATRISK_ECONFLICT (NATRISK_EIMMUTABLE once published).
 *
 * Scores and scenarios come in as the JSON text of the assessment file's
 * own forms (formats.md; JSON is YAML) and are checked by the same loader
 * as a file, against the edition's method and themes: what the store
 * accepts, the CLI accepts. Problems go to DIAG, with the line and column
 * within the given text, and the call returns NATRISK_EINVALID.
 *
 * Reads return JSON text in a char ** that the caller frees with free();
 * CLEARANCE filters what they show. Every write raises the edition's
 * version and is written to the audit log with the value before and
 * after. Every function returns NATRISK_OK or a negative natrisk_error
 * as store.h says; those each one adds are named with it.
 */
#ifndef NATRISK_SCORING_H
#define NATRISK_SCORING_H

#include "edition.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The criterion name that stands for a scenario's likelihood. */
#define NATRISK_LIKELIHOOD "likelihood"

/* Adds a scenario (one entry of the file's scenarios list, as JSON,
 * without its id) at the end of the edition; its scores become the
 * consolidated ones. The store makes the id: the title in [a-z0-9-] and
 * six random characters, never one a scenario of the edition holds, so
 * that no answer tells an id a hidden scenario holds from a free one. *ID
 * (when ID is not NULL) receives it: the caller frees it with free().
 * CLEARANCE is the actor's: a theme classified above it is no theme to
 * them. Returns NATRISK_OK, NATRISK_EINVALID (problems in DIAG),
 * NATRISK_ENOTFOUND (no such edition), NATRISK_EIMMUTABLE (published)
 * or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_scenario_add(natrisk_store *s, int64_t edition,
                               const char *json, size_t len,
                               const char *actor,
                               natrisk_classification clearance,
                               natrisk_diag *diag, char **id);
/* Changes the descriptive fields of a scenario: a JSON object with any of
 * title, theme, kind, description, classification, new and sources. Its
 * id and scores do not change this way. Returns as
 * natrisk_store_scenario_add, or NATRISK_ENOTFOUND for no such
 * scenario. */
NATRISK_EXTERN
int natrisk_store_scenario_edit(natrisk_store *s, int64_t edition,
                                const char *scenario, const char *json,
                                size_t len, const char *actor,
                                natrisk_classification clearance,
                                natrisk_diag *diag);

/* The scenarios at or below CLEARANCE, in order, as a JSON array of
 * {id, title, theme, kind, classification, new, assigned: [names]}:
 * NATRISK_OK with *JSON, which the caller frees with free(). */
NATRISK_EXTERN
int natrisk_store_scenarios(natrisk_store *s, int64_t edition,
                            natrisk_classification clearance, char **json);
/* The themes CLEARANCE may see, as a JSON array of {id, title}: those a
 * visible scenario uses, or none does. NATRISK_OK with *JSON, which the
 * caller frees with free(). */
NATRISK_EXTERN
int natrisk_store_themes(natrisk_store *s, int64_t edition,
                         natrisk_classification clearance, char **json);
/* One scenario as the file writes it (with its consolidated scores) plus
 * "assigned": a JSON object. No clearance check: the caller's. Returns
 * NATRISK_OK with *JSON, which the caller frees with free(), or
 * NATRISK_ENOTFOUND. */
NATRISK_EXTERN
int natrisk_store_scenario(natrisk_store *s, int64_t edition,
                           const char *scenario, char **json);

/* Replaces the analysts assigned to a scenario with ANALYSTS (COUNT
 * names). Each must be an enabled analyst whose clearance reaches the
 * scenario's classification: NATRISK_EINVALID otherwise. Returns
 * NATRISK_OK, that, NATRISK_ENOTFOUND or NATRISK_EIMMUTABLE. */
NATRISK_EXTERN
int natrisk_store_assign(natrisk_store *s, int64_t edition,
                         const char *scenario, const char *const *analysts,
                         size_t count, const char *actor);

/*
 * Scores CRITERION (a criterion id of the method, or NATRISK_LIKELIHOOD)
 * of a scenario: JSON is the score as the file writes it ("C", {"ll": ...,
 * "ev": ..., "ul": ..., "why": ...}, {"value": N}, {"probability": P}).
 * CONSOLIDATED: the chair's score, which the edition's results use, and
 * JSON may be "null" to drop an impact score (X); otherwise ACTOR's own.
 * Returns NATRISK_OK, NATRISK_EINVALID (problems in DIAG),
 * NATRISK_ENOTFOUND, NATRISK_ECONFLICT (not while the edition is in this
 * status) or NATRISK_EIMMUTABLE.
 */
NATRISK_EXTERN
int natrisk_store_score(natrisk_store *s, int64_t edition,
                        const char *scenario, const char *criterion,
                        bool consolidated, const char *json, size_t len,
                        const char *actor, natrisk_diag *diag);

/*
 * Scores several criteria of a scenario in one transaction, all or none:
 * JSON is an object {CRITERION: score, ...}, each score as
 * natrisk_store_score takes it, and each written and audited as that
 * function does. When any is bad nothing is written, and DIAG holds the
 * problems of every bad one, each naming its criterion as the
 * diagnostic's file (NATRISK_EINVALID). An empty object writes nothing.
 */
NATRISK_EXTERN
int natrisk_store_score_batch(natrisk_store *s, int64_t edition,
                              const char *scenario, bool consolidated,
                              const char *json, size_t len,
                              const char *actor, natrisk_diag *diag);

/*
 * Who has scored what, over the scenarios at or below CLEARANCE, for the
 * chair: {"criteria": [the method's criteria, "likelihood" first],
 * "scenarios": [{id, title, classification, assigned: [names],
 * analysts: {NAME: {assigned, scored, scores: {CRITERION: S}}},
 * consolidated: {CRITERION: S}}]}: every assigned analyst and every
 * analyst who scored, with the number of criteria they scored and their
 * current scores; S as the other reads give it ({ev, ll, ul[, why]}).
 * NATRISK_OK with *JSON, which the caller frees with free().
 */
NATRISK_EXTERN
int natrisk_store_scoring(natrisk_store *s, int64_t edition,
                          natrisk_classification clearance, char **json);

/* The analysts' scores of a scenario: {"analysts": {NAME: {CRITERION:
 * {"score": S, "at": T, "history": [{"score","at"}, older ...]}}}},
 * limited to ANALYST when not NULL. NATRISK_OK with *JSON, which the
 * caller frees with free(), or NATRISK_ENOTFOUND. */
NATRISK_EXTERN
int natrisk_store_scores(natrisk_store *s, int64_t edition,
                         const char *scenario, const char *analyst,
                         char **json);

/* Where analysts disagree, over the scenarios at or below CLEARANCE: a
 * JSON array of {scenario, criterion, analysts: {NAME: EV class}, low,
 * high, flagged}, one per scored criterion; flagged when the expected
 * values lie two classes or more apart (X counts as the class below A).
 * NATRISK_OK with *JSON, which the caller frees with free(). */
NATRISK_EXTERN
int natrisk_store_spread(natrisk_store *s, int64_t edition,
                         natrisk_classification clearance, char **json);

#ifdef __cplusplus
}
#endif
#endif
