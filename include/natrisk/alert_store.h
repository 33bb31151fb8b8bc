/*
 * alert_store.h - alerts in the store (docs/server.md, "Alerts"): every
 * CAP 1.2 message the server's monitor made or an operator issued, kept
 * with its chain (an Alert and the Updates and Cancel that reference
 * it); the webhooks and their durable outbox; the monitor's progress per
 * indicator and each feed's last poll. A message, its outbox rows, the
 * monitor's progress and the audit entry are committed in one
 * transaction, so that a crash (kill -9) loses none and repeats none;
 * an outbox row is marked delivered only after the receiver's 2xx.
 */
#ifndef NATRISK_ALERT_STORE_H
#define NATRISK_ALERT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "assessment.h"
#include "monitor.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A message to store. */
typedef struct natrisk_alert_new {
	const char *identifier;
	const char *previous;   /* the identifier it references, or NULL */
	const char *sender;
	int64_t sent;
	const char *status;     /* Actual, Exercise, Test, ... */
	const char *msg_type;   /* Alert, Update, Cancel */
	const char *source;     /* "monitor" or "manual" */
	const char *indicator;  /* or NULL */
	int64_t edition;        /* the scenarios' edition, 0: none */
	const char *scenarios;  /* a JSON array of scenario ids */
	natrisk_classification classification;
	const char *headline;   /* en-US, or NULL */
	const char *cap;        /* the XML */
} natrisk_alert_new;

/* The monitor's progress of one indicator, stored with its messages. */
typedef struct natrisk_alert_progress {
	const char *indicator;
	natrisk_indicator_state state;
} natrisk_alert_progress;

/*
 * Stores the COUNT messages ALERTS by ACTOR in one transaction, each
 * with an outbox row for every webhook cleared for it and an audit entry
 * (alert.issue), and PROGRESS (or NULL) with them. A message whose
 * identifier is stored already is NATRISK_ECONFLICT; nothing is stored
 * then.
 */
NATRISK_EXTERN
int natrisk_store_alerts_add(natrisk_store *s, const natrisk_alert_new *alerts,
                             size_t count,
                             const natrisk_alert_progress *progress,
                             const char *actor);

/* The monitor's progress of INDICATOR into *OUT (the initial state when
 * none is stored). Returns NATRISK_OK, or NATRISK_EIO (then *OUT is
 * the initial state). */
NATRISK_EXTERN
int natrisk_store_alert_progress(natrisk_store *s, const char *indicator,
                                 natrisk_indicator_state *out);

/* Records the last poll of INDICATOR's feed: STATE "ok", "stale" or
 * "failed", with MESSAGE (or NULL). Returns NATRISK_OK or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_feed_polled(natrisk_store *s, const char *indicator,
                              natrisk_classification classification,
                              const char *state, const char *message);

/* The alerts CLEARANCE may see, as JSON {"alerts": [chain...], "feeds":
 * [...]}, each chain with its messages oldest first (docs/server.md).
 * Returns NATRISK_OK with *OUT the caller's (freed with json_decref()),
 * or NATRISK_EIO / NATRISK_ENOMEM with *OUT NULL. */
NATRISK_EXTERN
int natrisk_store_alerts_json(natrisk_store *s,
                              natrisk_classification clearance,
                              json_t **out);

/* The newest LIMIT messages CLEARANCE may see, newest first: an array of
 * {id, identifier, sent, status, msg_type, headline, cap}. Returns
 * NATRISK_OK with *OUT the caller's (freed with json_decref()), or
 * NATRISK_EIO / NATRISK_ENOMEM with *OUT NULL. */
NATRISK_EXTERN
int natrisk_store_alerts_recent(natrisk_store *s,
                                natrisk_classification clearance,
                                size_t limit, json_t **out);

/* The last message of the chain of the message ALERT_ID, if it belongs
 * to EDITION and CLEARANCE sees it: {identifier, sender, sent, msg_type,
 * scenarios, classification} into *OUT, the caller's (freed with
 * json_decref()), and NATRISK_OK; NATRISK_ENOTFOUND otherwise (or
 * NATRISK_EIO, NATRISK_ENOMEM), with *OUT NULL. */
NATRISK_EXTERN
int natrisk_store_alert_chain_last(natrisk_store *s, int64_t alert_id,
                                   int64_t edition,
                                   natrisk_classification clearance,
                                   json_t **out);

/* Registers a webhook (audited webhook.add): its secret, 32 random
 * bytes as 64 hexadecimal digits, into SECRET; its id into *ID.
 * Returns NATRISK_OK, or NATRISK_EIO / NATRISK_ERROR (no randomness). */
NATRISK_EXTERN
int natrisk_store_webhook_add(natrisk_store *s, const char *url,
                              natrisk_classification clearance,
                              const char *actor, char secret[65],
                              int64_t *id);
/* Removes webhook ID (audited webhook.remove, with its url and
 * clearance before): no message is queued for it any more, and its
 * deliveries still pending are given up ("failed", the error saying
 * why), *CANCELLED of them. Its row and its outbox stay as the record of
 * what was sent where. Returns NATRISK_OK, NATRISK_ENOTFOUND (no such
 * webhook, or removed already), or NATRISK_EIO / NATRISK_ENOMEM. */
NATRISK_EXTERN
int natrisk_store_webhook_remove(natrisk_store *s, int64_t id,
                                 const char *actor, int64_t *cancelled);
/* The webhooks not removed, without their secrets, with their outbox
 * counts: returns
 * NATRISK_OK with *OUT the caller's (freed with json_decref()), or
 * NATRISK_EIO / NATRISK_ENOMEM with *OUT NULL. */
NATRISK_EXTERN
int natrisk_store_webhooks_json(natrisk_store *s, json_t **out);

/* One delivery due. */
typedef struct natrisk_delivery {
	int64_t id;
	char *url;
	char *secret;
	char *key;       /* the idempotency key: the message's identifier */
	char *cap;
	int attempts;    /* made so far */
} natrisk_delivery;

/* At most LIMIT pending deliveries due at NOW (seconds, with fraction),
 * oldest first: returns NATRISK_OK with *OUT (COUNT of them) the
 * caller's, freed with natrisk_deliveries_free(); or NATRISK_EIO /
 * NATRISK_ENOMEM with *OUT NULL. */
NATRISK_EXTERN
int natrisk_store_deliveries_due(natrisk_store *s, double now, size_t limit,
                                 natrisk_delivery **out, size_t *count);
/* Frees LIST (COUNT deliveries) and what they own; NULL is allowed. */
NATRISK_EXTERN
void natrisk_deliveries_free(natrisk_delivery *list, size_t count);
/* The receiver answered 2xx: returns NATRISK_OK or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_delivery_done(natrisk_store *s, int64_t id);
/* The attempt failed with ERROR: tried again at NEXT, or given up.
 * Returns NATRISK_OK or NATRISK_EIO. */
NATRISK_EXTERN
int natrisk_store_delivery_failed(natrisk_store *s, int64_t id, double next,
                                  bool give_up, const char *error);

#ifdef __cplusplus
}
#endif
#endif
