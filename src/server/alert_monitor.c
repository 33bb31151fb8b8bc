/*
 * alert_monitor.c - one round of the server's monitor (alerts.h): each
 * indicator's feed is read (a file, or a URL polled with libcurl within
 * the feed timeout and FEED_MAX_BYTES), evaluated from the progress kept
 * in the store by the engine of `natrisk monitor`, and its level changes
 * become CAP messages made by the same function as the command's. The
 * messages, their outbox rows and the new progress are committed in one
 * transaction: a kill -9 before it repeats the round, after it repeats
 * nothing. A feed that cannot be read or parsed is recorded as failed
 * (stale when it stops updating) and the round goes on: nothing a feed
 * holds can stop the server.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/alert_store.h>
#include <natrisk/cap.h>
#include <natrisk/edition.h>
#include <natrisk/monitor_run.h>

#include "../core/error.h"
#include "../io/file.h"
#include "alerts.h"
#include "http_client.h"

/* Records the poll of IND in the store; MESSAGE (or NULL) says how it
 * went. It is stored, and so stays in English, as a feed's own words. */
static void record(alert_worker *w, const natrisk_indicator *ind,
                   natrisk_classification classification, const char *state,
                   const char *message)
{
	if (natrisk_store_feed_polled(w->store, ind->id, classification, state,
	                              message) != 0)
		fprintf(stderr, "natrisk serve: monitor: %s: %s\n", ind->id,
		        natrisk_error_last());
}

/* The highest classification of IND's scenarios in the monitor's
 * edition; a scenario the edition lacks counts as confidential, so that
 * a mistake hides an alert rather than shows it. */
static natrisk_classification classification_of(alert_worker *w,
                                                const natrisk_indicator *ind)
{
	natrisk_classification top = NATRISK_PUBLIC;
	for (size_t k = 0; k < ind->scenario_count; k++) {
		natrisk_classification c = NATRISK_CONFIDENTIAL;
		bool assigned;
		if (natrisk_store_scenario_access(w->store, w->edition,
		                                  ind->scenarios[k], "", &c,
		                                  &assigned) != 0)
			c = NATRISK_CONFIDENTIAL;
		if (c > top)
			top = c;
	}
	return top;
}

static int fetch(alert_worker *w, const natrisk_indicator *ind, char **data,
                 size_t *len, char why[HTTP_ERROR_SIZE])
{
	if (ind->feed_url)
		return http_get(ind->feed_url, w->feed_timeout, FEED_MAX_BYTES,
		                data, len, why);
	if (file_read(ind->feed_path, data, len) == 0)
		return 0;
	snprintf(why, HTTP_ERROR_SIZE, "%s", natrisk_error_last());
	return -1;
}

/* The scenarios of IND as JSON text (malloc'd), or NULL. */
static char *scenarios_text(const natrisk_indicator *ind)
{
	json_t *list = json_array();
	for (size_t k = 0; list && k < ind->scenario_count; k++)
		json_array_append_new(list, json_string(ind->scenarios[k]));
	char *text = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	return text;
}

typedef struct made {
	natrisk_alert_record rec;
	char previous[128];
	char *xml;
} made;

/* The messages of the COUNT CHANGES of IND, stored with ST. */
static int store_changes(alert_worker *w, const natrisk_indicator *ind,
                         natrisk_classification classification,
                         natrisk_indicator_state *st,
                         const natrisk_level_change *changes, size_t count)
{
	made *m = calloc(count + 1, sizeof *m);
	natrisk_alert_new *a = calloc(count + 1, sizeof *a);
	char *scenarios = scenarios_text(ind);
	int rc = m && a && scenarios ? 0 : error_set(NATRISK_ENOMEM,
	                                              "out of memory");
	for (size_t k = 0; rc == 0 && k < count; k++) {
		if (st->chain_open)
			natrisk_cap_identifier(ind->id, st->chain_sent,
			                       m[k].previous,
			                       sizeof m[k].previous);
		size_t len;
		rc = natrisk_monitor_message(w->monitor, ind, st, &changes[k],
		                             &m[k].rec, &m[k].xml, &len);
		const natrisk_alert_level *level =
			&ind->levels[changes[k].to < 0 ? changes[k].from
			                               : changes[k].to];
		a[k] = (natrisk_alert_new){
			.identifier = m[k].rec.identifier,
			.previous = m[k].previous[0] ? m[k].previous : NULL,
			.sender = w->sender, .sent = changes[k].time,
			.status = "Actual", .msg_type = m[k].rec.msg_type,
			.source = "monitor", .indicator = ind->id,
			.edition = w->edition, .scenarios = scenarios,
			.classification = classification,
			.headline = level->headline.en ? level->headline.en
			                               : level->headline.nl,
			.cap = m[k].xml,
		};
	}
	natrisk_alert_progress progress = { ind->id, *st };
	if (rc == 0)
		rc = natrisk_store_alerts_add(w->store, a, count, &progress,
		                              "monitor");
	for (size_t k = 0; m && k < count; k++)
		free(m[k].xml);
	free(m);
	free(a);
	free(scenarios);
	return rc;
}

/* Evaluates the COUNT observations OBS of IND from the stored progress
 * and stores what changed; then records the feed as ok or stale. */
static void evaluate(alert_worker *w, const natrisk_indicator *ind,
                     natrisk_classification classification,
                     natrisk_observation *obs, size_t count)
{
	natrisk_indicator_state st;
	natrisk_level_change *changes = malloc((count + 1) * sizeof *changes);
	int rc = changes ? natrisk_store_alert_progress(w->store, ind->id, &st)
	                 : error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == 0) {
		if (st.level >= (int)ind->level_count) /* the file lost levels */
			st.level = (int)ind->level_count - 1;
		size_t n = natrisk_indicator_evaluate(ind, obs, count, &st,
		                                      changes);
		rc = store_changes(w, ind, classification, &st, changes, n);
		if (rc == 0 && n > 0)
			alert_worker_wake(w);
	}
	free(changes);
	if (rc != 0) {
		record(w, ind, classification, "failed", natrisk_error_last());
		return;
	}
	char newest[32], message[96];
	if (!st.seen) {
		record(w, ind, classification, "stale", "no observation yet");
	} else if ((int64_t)alert_now() - st.last_time > ind->stale_seconds) {
		snprintf(message, sizeof message, "the newest observation is "
		         "of %s", natrisk_time_format(st.last_time, newest,
		                                      sizeof newest));
		record(w, ind, classification, "stale", message);
	} else {
		record(w, ind, classification, "ok", NULL);
	}
}

static void poll_indicator(alert_worker *w, const natrisk_indicator *ind)
{
	natrisk_classification classification = classification_of(w, ind);
	char *data, why[HTTP_ERROR_SIZE];
	size_t len;
	if (fetch(w, ind, &data, &len, why) != 0) {
		record(w, ind, classification, "failed", why);
		return;
	}
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_observation *obs = NULL;
	size_t count = 0;
	const char *name = ind->feed_url ? ind->feed_url : ind->feed_path;
	int rc = diag ? natrisk_feed_read(ind->format, name, data, len, &obs,
	                                  &count, diag)
	              : NATRISK_ENOMEM;
	free(data);
	const natrisk_diagnostic *first =
		diag && natrisk_diag_count(diag) ? natrisk_diag_get(diag, 0)
		                                 : NULL;
	char message[768];
	if (rc != 0 && first) {
		snprintf(message, sizeof message, "%d:%d: %s", first->line,
		         first->column, first->message);
		record(w, ind, classification, "failed", message);
	} else if (rc != 0) {
		record(w, ind, classification, "failed", "out of memory");
	} else {
		evaluate(w, ind, classification, obs, count);
	}
	natrisk_diag_free(diag);
	free(obs);
}

void alert_monitor_round(alert_worker *w)
{
	for (size_t i = 0; i < natrisk_monitor_indicator_count(w->monitor);
	     i++)
		poll_indicator(w, natrisk_monitor_indicator(w->monitor, i));
}
