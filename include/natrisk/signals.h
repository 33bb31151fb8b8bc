/*
 * signals.h - horizon scanning in the store: signals that reporters
 * (diplomatic posts, institutes) submit, and the analysts' triage of
 * each (dismiss, watch, or propose a new or changed scenario for the
 * next edition), every decision a new row so that the history is kept.
 *
 * A signal is not part of an edition; it may name scenarios and themes
 * of one edition. Its classification is the highest of its own and of
 * everything it names (its scenarios, its themes, and the scenarios its
 * triage proposes to change), looked up when it is read: a signal above
 * a reader's clearance does not exist for that reader (docs/server.md,
 * "Signals").
 *
 * Bodies go in and signals come out as JSON text (malloc'd, the
 * caller's to free). Errors as store.h: NATRISK_EINVALID (a bad body,
 * with the message), NATRISK_ENOTFOUND (no such signal, or not for this
 * reader), NATRISK_ECONFLICT (a triaged signal edited, or a signal
 * made a scenario that proposes none), NATRISK_EIO. A proposal of a new
 * scenario becomes one in one action (natrisk_store_signal_adopt).
 */
#ifndef NATRISK_SIGNALS_H
#define NATRISK_SIGNALS_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Who reads or writes signals, as the server's policy decides it. */
typedef struct natrisk_signal_reader {
	const char *name;
	natrisk_classification clearance;
	/* a reporter: their own signals only, without the triage notes */
	bool own_only;
	/* names scenarios and themes of published editions only */
	bool published_only;
} natrisk_signal_reader;

/* The longest text of each field, in characters. */
enum {
	NATRISK_SIGNAL_TEXT_MAX = 10000,
	NATRISK_SIGNAL_SOURCE_MAX = 1000,
	NATRISK_SIGNAL_LINKS_MAX = 50,
	NATRISK_TRIAGE_NOTE_MAX = 5000,
	NATRISK_PROPOSAL_TITLE_MAX = 200,
	NATRISK_PROPOSAL_TEXT_MAX = 20000,
};

/* Submits the signal BODY (a JSON object: text, source, observed,
 * confidence, classification, edition, scenarios, themes) by WHO.
 * Returns NATRISK_OK with the new signal in *JSON, which the caller
 * frees with free(); or an error code with *JSON NULL. */
NATRISK_EXTERN
int natrisk_store_signal_submit(natrisk_store *s,
                                const natrisk_signal_reader *who,
                                const char *body, size_t len, char **json);
/* Replaces signal ID's fields with BODY (as for a submission): WHO's
 * own, not yet triaged (NATRISK_ECONFLICT after). Returns as
 * natrisk_store_signal_submit, *JSON the caller's to free(). */
NATRISK_EXTERN
int natrisk_store_signal_edit(natrisk_store *s,
                              const natrisk_signal_reader *who,
                              const char *id, const char *body, size_t len,
                              char **json);
/* Adds WHO's triage decision BODY ({decision, note, proposal}) to
 * signal ID's history. Returns NATRISK_OK with the signal in *JSON
 * (the caller frees it with free()), or an error code. */
NATRISK_EXTERN
int natrisk_store_signal_triage(natrisk_store *s,
                                const natrisk_signal_reader *who,
                                const char *id, const char *body,
                                size_t len, char **json);
/* The edition whose new scenario signal ID's newest decision proposes,
 * into *EDITION: NATRISK_OK; NATRISK_ENOTFOUND (not for WHO);
 * NATRISK_ECONFLICT when the newest decision proposes no new scenario
 * or the signal has become one already. The server asks it first, to
 * decide whether WHO chairs that edition. */
NATRISK_EXTERN
int natrisk_store_signal_proposal(natrisk_store *s,
                                  const natrisk_signal_reader *who,
                                  const char *id, int64_t *edition);
/* Makes signal ID's proposal a scenario of EDITION (as
 * natrisk_store_signal_proposal gave it; NATRISK_ECONFLICT if it has
 * changed since) in one transaction: BODY holds the scenario's fields
 * as natrisk_store_scenario_add takes them, the proposal's title and
 * description standing in for those it lacks; its classification is
 * the signal's level unless BODY gives one, and never below it
 * (NATRISK_EINVALID). The signal records the scenario it became
 * ("adopted"), and the act is audited (signal.adopt, with
 * scenario.add). Returns NATRISK_OK with the signal as WHO sees it in
 * *JSON (the caller frees it with free()); NATRISK_EINVALID with the
 * scenario's problems in DIAG; or as natrisk_store_scenario_add. */
NATRISK_EXTERN
int natrisk_store_signal_adopt(natrisk_store *s,
                               const natrisk_signal_reader *who,
                               const char *id, int64_t edition,
                               const char *body, size_t len,
                               natrisk_diag *diag, char **json);
/* Signal ID as WHO may see it (with its triage history unless
 * own_only): NATRISK_OK with it in *JSON, which the caller frees with
 * free(); or NATRISK_ENOTFOUND. JSON may be NULL: whether it is there. */
NATRISK_EXTERN
int natrisk_store_signal(natrisk_store *s, const natrisk_signal_reader *who,
                         const char *id, char **json);
/* Every signal WHO may see, newest first: NATRISK_OK with a JSON array
 * in *JSON (the caller frees it with free()), or an error code. */
NATRISK_EXTERN
int natrisk_store_signals(natrisk_store *s, const natrisk_signal_reader *who,
                          char **json);

#ifdef __cplusplus
}
#endif
#endif
