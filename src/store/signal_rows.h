/*
 * signal_rows.h - the inside of signals (signals.h), shared by the reads
 * (signals_read.c), the bodies' checks (signal_body.c) and the writes
 * (signals.c): a signal's level as SQL, its row found as a reader may
 * see it, its JSON, and the bodies as checked values.
 */
#ifndef NATRISK_STORE_SIGNAL_ROWS_H
#define NATRISK_STORE_SIGNAL_ROWS_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include <natrisk/signals.h>

/* A signal row as the writes need it. */
typedef struct signal_found {
	int64_t id;
	char status[16];   /* "new", "dismissed", "watching", "proposed" */
	natrisk_classification level; /* as the reader sees it */
} signal_found;

/* Signal KEY as WHO may see it: NATRISK_ENOTFOUND when it does not
 * exist, is above WHO's clearance or (own_only) is another's. */
int signal_find(sqlite3 *db, const natrisk_signal_reader *who,
                const char *key, signal_found *out);
/* Signal KEY as WHO sees it, as a JSON object; NATRISK_ENOTFOUND as
 * signal_find. */
int signal_read_json(sqlite3 *db, const natrisk_signal_reader *who,
                     const char *key, json_t **out);

/* A submitted or edited signal, checked: strings borrowed from the
 * body, scenarios as row ids. */
typedef struct signal_fields {
	const char *text, *source, *observed, *confidence;
	natrisk_classification classification;
	int64_t edition;          /* 0: none */
	int64_t scenarios[NATRISK_SIGNAL_LINKS_MAX];
	size_t scenario_count;
	const char *themes[NATRISK_SIGNAL_LINKS_MAX];
	size_t theme_count;
} signal_fields;

/* Checks BODY (a JSON object) as a signal WHO may write: 0 with OUT
 * filled, or NATRISK_EINVALID with the message. */
int signal_fields_check(sqlite3 *db, const natrisk_signal_reader *who,
                        json_t *body, signal_fields *out);

/* A triage decision, checked. */
typedef struct triage_fields {
	const char *decision, *note;
	natrisk_classification classification;
	const char *title, *description;   /* a proposal's, or NULL */
	int64_t edition, scenario;         /* a change's; 0: none */
} triage_fields;

/* Checks BODY as WHO's decision on a signal of EDITION (0: none). */
int triage_fields_check(sqlite3 *db, const natrisk_signal_reader *who,
                        json_t *body, int64_t edition, triage_fields *out);

#endif
