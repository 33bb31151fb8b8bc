/*
 * register_store.h - progress on adopted measures in the store (method.md
 * section 6b, docs/server.md "The register"): the organisations an owner
 * belongs to, the append-only status log of a published edition's
 * actions, the register and the progress letter of an edition as a
 * reader may see it, the reminders of actions due and overdue, and each
 * user's token for the reminders' feed.
 *
 * The register is the engine's (progress.h) on the plan file the reader
 * would export, its actions' logs included: the server computes nothing
 * itself, and `natrisk progress` on that export gives the same register.
 * Need-to-know holds as for the plan: an action of a hidden measure does
 * not exist for the reader.
 */
#ifndef NATRISK_REGISTER_STORE_H
#define NATRISK_REGISTER_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"
#include "progress_letter.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most organisations a user belongs to. */
#define NATRISK_ORGANISATIONS_MAX 32

/* Makes NAMES (COUNT organisation ids, [a-z0-9-]+, at most 64
 * characters and NATRISK_ORGANISATIONS_MAX of them) the organisations
 * user NAME belongs to, audited as user.organisations. Returns
 * NATRISK_OK, NATRISK_EINVALID (a bad id), NATRISK_ENOTFOUND or
 * NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_user_set_organisations(natrisk_store *s, const char *name,
                                         const char *const *names,
                                         size_t count, const char *actor);
/* Whether NAMES (COUNT of them) may be a user's organisations, as
 * natrisk_store_user_set_organisations() checks them before it writes:
 * NATRISK_OK or NATRISK_EINVALID with the message. */
NATRISK_EXTERN
int natrisk_organisations_check(const char *const *names, size_t count);
/* The organisations of user USER_ID, sorted: *NAMES (a malloc'd array
 * of malloc'd strings; free with natrisk_organisations_free()) and
 * *COUNT. Returns NATRISK_OK or NATRISK_EIO/NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_store_user_organisations(natrisk_store *s, int64_t user_id,
                                     char ***names, size_t *count);
NATRISK_EXTERN
void natrisk_organisations_free(char **names, size_t count);

/* Whose an action is, for a reader: every owner of its measure and of
 * the adopted advice that names the measure. */
typedef struct natrisk_register_reader {
	natrisk_classification clearance;
	/* NULL: every action; else only the actions these organisations
	 * own (an owner's) */
	const char *const *organisations;
	size_t organisation_count;
} natrisk_register_reader;

/* Whether action ACTION of measure MEASURE exists for READER's
 * clearance (NATRISK_ENOTFOUND otherwise: a hidden measure's actions do
 * not exist), and whether one of READER's organisations owns it (*OWNS;
 * true when READER names none). Returns NATRISK_OK or an error code. */
NATRISK_EXTERN
int natrisk_store_action_access(natrisk_store *s, int64_t edition,
                                const char *measure, const char *action,
                                const natrisk_register_reader *reader,
                                bool *owns);

/* Appends a status to action ACTION of MEASURE in a published edition
 * (NATRISK_ECONFLICT otherwise): JSON {"status", "note"?, "date"?}, the
 * date defaulting to TODAY; a real date not after TODAY nor before the
 * action's last entry, a status of the file (NATRISK_EINVALID
 * otherwise). Nothing earlier changes; audited as plan.action.status.
 * Returns NATRISK_OK or an error code. */
NATRISK_EXTERN
int natrisk_store_action_status(natrisk_store *s, int64_t edition,
                                const char *measure, const char *action,
                                const char *json, size_t len,
                                const natrisk_date *today, const char *actor,
                                natrisk_classification clearance);
/* The action as JSON: {measure, action, what, due, log: [{date,
 * status, note, by, at}]}, the plan file's entries with by and at null.
 * Returns NATRISK_OK or an error code (free *JSON). */
NATRISK_EXTERN
int natrisk_store_action_log(natrisk_store *s, int64_t edition,
                             const char *measure, const char *action,
                             natrisk_classification clearance, char **json);

/* What of the register to give. */
typedef struct natrisk_register_query {
	natrisk_date on;
	const natrisk_date *since; /* NULL: no "changed" */
	const char *owner;         /* NULL, or the actions this one owns */
	const char *status;        /* NULL, a status, or "overdue" */
} natrisk_register_query;

/* The register of EDITION on Q->on, as `natrisk progress --format json`
 * writes it for the plan READER may see, keeping the actions READER's
 * organisations and Q's owner own and of Q's status; owners' counts only
 * for those organisations. An unknown status is NATRISK_EINVALID.
 * Returns NATRISK_OK or an error code (free *JSON). */
NATRISK_EXTERN
int natrisk_store_register(natrisk_store *s, int64_t edition,
                           const natrisk_register_reader *reader,
                           const natrisk_register_query *q, char **json);

/* The progress letter of EDITION on ON since SINCE (the plan CLEARANCE
 * sees, its assessment under the method's default weights as the risk
 * picture), in LANG and FORMAT: *OUT (malloc'd, *LEN bytes; the caller
 * frees it with free()). Returns NATRISK_OK or an error code. */
NATRISK_EXTERN
int natrisk_store_register_letter(natrisk_store *s, int64_t edition,
                                  natrisk_classification clearance,
                                  const natrisk_date *on,
                                  const natrisk_date *since,
                                  natrisk_lang lang,
                                  natrisk_letter_format format, char **out,
                                  size_t *len);

/* The reminders of EDITION on TODAY: per owner (of READER's
 * organisations, or all), the actions of adopted advice READER may see
 * that are overdue, and those not done nor dropped whose deadline falls
 * within DAYS days from TODAY: {"owners": {ORG: {"overdue": [...],
 * "due": [...]}}}, each action once per owner {advice, measure, action,
 * what, due, deadline, status, since}. Returns NATRISK_OK or an error
 * code (free *JSON). */
NATRISK_EXTERN
int natrisk_store_reminders(natrisk_store *s, int64_t edition,
                            const natrisk_register_reader *reader,
                            const natrisk_date *today, int days,
                            char **json);

/* A new feed token of USER_ID in TOKEN (base64url), replacing any
 * earlier one; audited as user.feed-token. Returns NATRISK_OK or an
 * error code. */
NATRISK_EXTERN
int natrisk_store_feed_token_new(natrisk_store *s, int64_t user_id,
                                 const char *actor,
                                 char token[NATRISK_TOKEN_TEXT]);
/* The enabled user whose feed token TOKEN is: NATRISK_OK with *USER
 * (free with natrisk_user_clear()), or NATRISK_ENOTFOUND. */
NATRISK_EXTERN
int natrisk_store_feed_token_find(natrisk_store *s, const char *token,
                                  natrisk_user *user);

#ifdef __cplusplus
}
#endif
#endif
