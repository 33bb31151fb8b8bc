/*
 * edition.h - editions in the store (store.h): an assessment imported into
 * the collaborative store, its status (draft, scoring, consolidation,
 * published; a published edition is immutable), its scenarios, the
 * analysts' scores with their history and the chair's consolidated scores.
 *
 * The edition's own scores are the consolidated ones: the export is the
 * assessment file of formats.md with those scores, limited to what a
 * clearance may see, and everything the server computes (results,
 * diagram, report) is computed by the engine from that export, so that it
 * is exactly what the CLI computes from the same file.
 */
#ifndef NATRISK_EDITION_H
#define NATRISK_EDITION_H

#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * An edition as the store gives it: a value the caller holds, whose
 * strings it owns (malloc'd by the store, whole whatever their length).
 * natrisk_edition_info_clear() frees them; an info zeroed, or left by a
 * call that failed, holds nothing to free.
 */
typedef struct natrisk_edition_info {
	int64_t id;
	char *title;
	char *edition;   /* "" when the assessment names none */
	char *method;    /* the method's id */
	natrisk_status status;
	int64_t version; /* grows with every change to the edition */
	/* the changes that touched something of each classification */
	int64_t changes[NATRISK_CONFIDENTIAL + 1];
	int64_t previous; /* the edition it follows, for the movements; 0 */
} natrisk_edition_info;

/* Frees what INFO owns and zeroes it (INFO itself is the caller's).
 * INFO may be NULL. */
NATRISK_EXTERN
void natrisk_edition_info_clear(natrisk_edition_info *info);
/* Frees LIST (COUNT editions, as natrisk_store_editions gives them) with
 * everything they own. LIST may be NULL. */
NATRISK_EXTERN
void natrisk_edition_list_free(natrisk_edition_info *list, size_t count);

/* The edition's version as a reader of CLEARANCE sees it: it grows with
 * every change that reader can see, and with no other. */
NATRISK_EXTERN
int64_t natrisk_edition_version_for(const natrisk_edition_info *info,
                                    natrisk_classification clearance);

/* Imports the loaded assessment A (its method by id: a bundled method or
 * one on the method path) as a new draft edition; its scores become the
 * consolidated scores. CHAIRS (CHAIR_COUNT names of enabled chairs; may
 * be none) become the edition's own chairs. A stays the caller's.
 * Returns NATRISK_OK with the new edition's id in *ID, NATRISK_EINVALID
 * (a method named by a path, a name that is not an enabled chair),
 * NATRISK_EIO or NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_store_import(natrisk_store *s, const natrisk_assessment *a,
                         const char *actor, const char *const *chairs,
                         size_t chair_count, int64_t *id);
/* All editions, newest first: NATRISK_OK with *LIST (*COUNT of them; NULL
 * when none), which the caller frees with natrisk_edition_list_free();
 * or NATRISK_EIO or NATRISK_ENOMEM with *LIST NULL and *COUNT 0. */
NATRISK_EXTERN
int natrisk_store_editions(natrisk_store *s, natrisk_edition_info **list,
                           size_t *count);
/* Edition ID into *OUT (overwritten, not freed first): NATRISK_OK, and
 * the caller frees what *OUT owns with natrisk_edition_info_clear();
 * or NATRISK_ENOTFOUND, NATRISK_EIO or NATRISK_ENOMEM with *OUT zeroed
 * (nothing to free). */
NATRISK_EXTERN
int natrisk_store_edition(natrisk_store *s, int64_t id,
                          natrisk_edition_info *out);
/*
 * The edition as an assessment file: the scenarios at or below CLEARANCE,
 * in their order, with the consolidated scores, between two banner
 * comments ("# CONFIDENTIAL - status: draft - 2026-12-05 - natrisk export
 * of edition 3": the highest classification it holds, the status, the
 * day, the edition). Export and import are exact inverses: importing an
 * export and exporting it again gives the same bytes but for the banner.
 * *SHOWN (when not NULL) is the number of scenarios written:
 * 0 makes a file that is not a valid assessment. Returns NATRISK_OK with
 * *YAML (*LEN bytes, NUL-terminated), which the caller frees with
 * free(); or NATRISK_ENOTFOUND, NATRISK_EIO or NATRISK_ENOMEM.
 */
NATRISK_EXTERN
int natrisk_store_export(natrisk_store *s, int64_t id,
                         natrisk_classification clearance, char **yaml,
                         size_t *len, size_t *shown);
/* Moves an edition to STATUS; a published edition moves no more.
 * Publishing freezes every scenario, so it takes someone cleared for
 * every one: NATRISK_EDENIED when a scenario is classified above
 * CLEARANCE (the actor's). Returns NATRISK_OK, that, NATRISK_EIMMUTABLE
 * (published already), NATRISK_ENOTFOUND or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_set_status(natrisk_store *s, int64_t id,
                             natrisk_status status, const char *actor,
                             natrisk_classification clearance);

/* An edition's own chairs: the chairs who manage it (its status, its
 * scenarios, their assignments and consolidated scores). An edition
 * without chairs is managed by admins alone. */
/* The chairs' names as a JSON array, by name: NATRISK_OK with *JSON,
 * which the caller frees with free(); or NATRISK_EIO or NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_store_chairs(natrisk_store *s, int64_t edition, char **json);
/* Whether NAME is one of them, in *IS_CHAIR: NATRISK_OK or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_is_chair(natrisk_store *s, int64_t edition,
                           const char *name, bool *is_chair);
/* Makes NAMES (COUNT enabled chairs) the edition's chairs; until it is
 * published (then NATRISK_EIMMUTABLE). Returns NATRISK_OK, or
 * NATRISK_EINVALID naming a user who is not an enabled chair. */
NATRISK_EXTERN
int natrisk_store_set_chairs(natrisk_store *s, int64_t edition,
                             const char *const *names, size_t count,
                             const char *actor);

/* Links edition ID to the edition it follows (PREVIOUS; 0 unlinks), so
 * that its diagram and report show the movements since; until ID is
 * published (then NATRISK_EIMMUTABLE). Returns NATRISK_OK,
 * NATRISK_ENOTFOUND for an unknown PREVIOUS, NATRISK_EINVALID for the
 * edition itself. */
NATRISK_EXTERN
int natrisk_store_set_previous(natrisk_store *s, int64_t id, int64_t previous,
                               const char *actor);

/* What authorization needs to know of a scenario: its classification,
 * and whether ANALYST (may be NULL) is assigned to it. Returns
 * NATRISK_OK, or NATRISK_ENOTFOUND when the edition or the scenario does
 * not exist. */
NATRISK_EXTERN
int natrisk_store_scenario_access(natrisk_store *s, int64_t edition,
                                  const char *scenario, const char *analyst,
                                  natrisk_classification *classification,
                                  bool *assigned);

#ifdef __cplusplus
}
#endif
#endif
