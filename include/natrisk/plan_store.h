/*
 * plan_store.h - an edition's plan in the store (method.md section 6,
 * formats.md "Plan file"): its organisations, capabilities, measures and
 * advice, each kept in the file's own form; the experts assigned to a
 * capability; each expert's own levels and the chair's agreed levels,
 * every one a new row so that their history is kept.
 *
 * Every item is checked by the plan loader exactly as a plan file is,
 * inside the plan as its writer may see it; every write is one
 * transaction with its audit entries and a version bump.
 *
 * Need-to-know (docs/server.md): an item that touches a scenario above a
 * reader's clearance does not exist for that reader, in every answer.
 */
#ifndef NATRISK_PLAN_STORE_H
#define NATRISK_PLAN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "plan.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The lists of a plan, by their names in the file. */
typedef enum {
	NATRISK_PLAN_ORGANISATIONS = 0,
	NATRISK_PLAN_CAPABILITIES = 1,
	NATRISK_PLAN_MEASURES = 2,
	NATRISK_PLAN_ADVICE = 3,
} natrisk_plan_kind;

#define NATRISK_PLAN_KINDS 4

/* "organisations", "capabilities", "measures", "advice". */
NATRISK_EXTERN
const char *natrisk_plan_kind_name(natrisk_plan_kind kind);
/* 0 with *OUT, or -1 for another text. */
NATRISK_EXTERN
int natrisk_plan_kind_parse(const char *text, natrisk_plan_kind *out);

/* Who reads a plan: what they may see, and whose levels. */
typedef struct natrisk_plan_reader {
	natrisk_classification clearance;
	/* NULL: every expert's levels; else only this expert's */
	const char *levels_of;
} natrisk_plan_reader;

/* Replaces EDITION's plan with the plan file YAML (LEN bytes), checked
 * by the plan loader against the edition's scenarios (the file's
 * `assessment` is kept, not read). Its levels become the experts' own.
 * CLEARANCE must reach every scenario of the edition (NATRISK_EDENIED
 * otherwise): an import replaces what the importer could not see.
 * Returns NATRISK_OK or an error code.
 */
NATRISK_EXTERN
int natrisk_store_plan_import(natrisk_store *s, int64_t edition,
                              const char *yaml, size_t len,
                              const char *actor,
                              natrisk_classification clearance,
                              natrisk_diag *diag);
/* The plan file as READER may see it (*YAML malloc'd, *LEN bytes).
 * Returns NATRISK_OK or an error code (the caller frees what it hands
 * over with free()).
 */
NATRISK_EXTERN
int natrisk_store_plan_export(natrisk_store *s, int64_t edition,
                              const natrisk_plan_reader *reader, char **yaml,
                              size_t *len);
/* The plan as READER may see it, loaded (with the assessment as READER
 * may see it, which the plan owns) as the plan file and the edition's
 * export would load: *OUT, freed with natrisk_plan_free. Returns
 * NATRISK_OK or an error code (*OUT NULL). */
NATRISK_EXTERN
int natrisk_store_plan_load(natrisk_store *s, int64_t edition,
                            const natrisk_plan_reader *reader,
                            natrisk_plan **out);
/* The plan as JSON ({plan, assessment, organisations, capabilities,
 * measures, advice}, items in the file's form) as READER may see it.
 * Returns NATRISK_OK or an error code (the caller frees what it hands
 * over with free()).
 */
NATRISK_EXTERN
int natrisk_store_plan(natrisk_store *s, int64_t edition,
                       const natrisk_plan_reader *reader, char **json);
/* Item KEY of KIND as JSON (its capability with "experts" and, when the
 * chair agreed them, "agreed"); NATRISK_ENOTFOUND when it does not exist
 * or is hidden from READER.
 * Returns NATRISK_OK or an error code (the caller frees what it hands
 * over with free()).
 */
NATRISK_EXTERN
int natrisk_store_plan_item(natrisk_store *s, int64_t edition,
                            natrisk_plan_kind kind, const char *key,
                            const natrisk_plan_reader *reader, char **json);
/* Whether item KEY of KIND exists for a reader of CLEARANCE (else
 * NATRISK_ENOTFOUND), and whether ANALYST is one of its experts.
 * Returns NATRISK_OK or an error code.
 */
NATRISK_EXTERN
int natrisk_store_plan_access(natrisk_store *s, int64_t edition,
                              natrisk_plan_kind kind, const char *key,
                              const char *analyst,
                              natrisk_classification clearance,
                              bool *expert);
/* Adds (KEY NULL: the store makes the id, into *MADE, malloc'd) or
 * replaces item KEY of KIND with the JSON object at JSON (no "id"; a
 * capability without "levels"). A rejected item: NATRISK_EINVALID with
 * the loader's messages in DIAG, located within the body.
 * Returns NATRISK_OK or an error code (the caller frees what it hands
 * over with free()).
 */
NATRISK_EXTERN
int natrisk_store_plan_item_put(natrisk_store *s, int64_t edition,
                                natrisk_plan_kind kind, const char *key,
                                const char *json, size_t len,
                                const char *actor,
                                natrisk_classification clearance,
                                natrisk_diag *diag, char **made);
/* Deletes item KEY of KIND; what names it (a measure's capabilities,
 * requires, excludes; an advice's measures) no longer does.
 * An organisation that some item names as an owner: NATRISK_ECONFLICT.
 * Returns NATRISK_OK or an error code.
 */
NATRISK_EXTERN
int natrisk_store_plan_item_delete(natrisk_store *s, int64_t edition,
                                   natrisk_plan_kind kind, const char *key,
                                   const char *actor);
/* Makes NAMES (enabled analysts whose clearance reaches the capability)
 * the experts of capability KEY.
 * Returns NATRISK_OK or an error code.
 */
NATRISK_EXTERN
int natrisk_store_plan_experts(natrisk_store *s, int64_t edition,
                               const char *key, const char *const *names,
                               size_t count, const char *actor);
/* An expert's own levels of capability KEY (AGREED false; while the
 * edition is in scoring) or the chair's agreed ones (draft or
 * consolidation): {"current": 0..4, "target": 0..4, "why": ...}, checked
 * by the loader. A new row; the history stays.
 * Returns NATRISK_OK or an error code.
 */
NATRISK_EXTERN
int natrisk_store_plan_levels_put(natrisk_store *s, int64_t edition,
                                  const char *key, bool agreed,
                                  const char *json, size_t len,
                                  const char *actor,
                                  natrisk_classification clearance,
                                  natrisk_diag *diag);
/* The levels given for capability KEY, by expert, newest first with
 * their history ({"experts": {NAME: [{current, target, why, at}...]},
 * "agreed": [...]}); only ANALYST's when not NULL.
 * Returns NATRISK_OK or an error code (the caller frees what it hands
 * over with free()).
 */
NATRISK_EXTERN
int natrisk_store_plan_levels(natrisk_store *s, int64_t edition,
                              const char *key, const char *analyst,
                              char **json);
/* The cabinet's decision on advice KEY: {"status": ..., "date": ...}.
 * Returns NATRISK_OK or an error code.
 */
NATRISK_EXTERN
int natrisk_store_plan_decision(natrisk_store *s, int64_t edition,
                                const char *key, const char *json, size_t len,
                                const char *actor,
                                natrisk_classification clearance,
                                natrisk_diag *diag);
/* The capability figures of `natrisk capabilities --format json` of the
 * plan READER sees, each capability with the chair's "agreed" levels
 * (or null).
 * Returns NATRISK_OK or an error code (the caller frees what it hands
 * over with free()).
 */
NATRISK_EXTERN
int natrisk_store_plan_figures(natrisk_store *s, int64_t edition,
                               const natrisk_plan_reader *reader,
                               char **json);
/* The spread for the chair: per capability CLEARANCE may see, every
 * expert's current levels, the engine's median and flag, the assigned
 * experts who have given none, and the agreed levels.
 * Returns NATRISK_OK or an error code (the caller frees what it hands
 * over with free()).
 */
NATRISK_EXTERN
int natrisk_store_plan_spread(natrisk_store *s, int64_t edition,
                              natrisk_classification clearance, char **json);

#ifdef __cplusplus
}
#endif
#endif
