/*
 * monitor_run.c - one run of the monitor (monitor_run.h): every feed is
 * read before anything is written, so that a feed with a bad record
 * stops the run whole; then each indicator is evaluated from its state
 * and its level changes become CAP messages. A message's identifier and
 * content follow from the indicator and the observation alone, so that a
 * run repeated after a crash before the state was saved writes the same
 * files again, not new ones.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/cap.h>
#include <natrisk/monitor_run.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "file.h"

/* The observations of one indicator. */
typedef struct feed_data {
	natrisk_observation *obs;
	size_t count;
} feed_data;

void natrisk_monitor_report_free(natrisk_monitor_report *report)
{
	for (size_t i = 0; i < report->count; i++)
		free(report->records[i].file);
	free(report->records);
	memset(report, 0, sizeof *report);
}

static void warn_at(const natrisk_monitor *m, const natrisk_indicator *ind,
                    natrisk_diag *diag, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A warning at indicator IND in the monitor file. */
static void warn_at(const natrisk_monitor *m, const natrisk_indicator *ind,
                    natrisk_diag *diag, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, msg_tr(fmt), ap);
	va_end(ap);
	natrisk_diag_add(diag, NATRISK_SEVERITY_WARNING,
	                 natrisk_monitor_path(m), ind->line, ind->column, "%s",
	                 message);
}

/* Reads the feed of IND; NATRISK_EINVALID after a located error. */
static int read_feed(const natrisk_monitor *m, const natrisk_indicator *ind,
                     feed_data *out, natrisk_diag *diag)
{
	char *data;
	size_t len;
	int rc = file_read(ind->feed_path, &data, &len);
	if (rc == NATRISK_ENOMEM)
		return rc;
	if (rc != 0) {
		natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR,
		                 natrisk_monitor_path(m), ind->line, ind->column,
		                 "indicator '%s': %s", ind->id,
		                 natrisk_error_last());
		return NATRISK_EINVALID;
	}
	rc = natrisk_feed_read(ind->format, ind->feed_path, data, len,
	                       &out->obs, &out->count, diag);
	free(data);
	return rc;
}

static int read_feeds(const natrisk_monitor *m, feed_data *feeds,
                      natrisk_diag *diag)
{
	int status = NATRISK_OK;
	for (size_t i = 0; i < natrisk_monitor_indicator_count(m); i++) {
		const natrisk_indicator *ind = natrisk_monitor_indicator(m, i);
		if (!ind->feed_path) {
			warn_at(m, ind, diag, "indicator '%s': its feed %s is "
			        "polled by the server, not by natrisk monitor",
			        ind->id, ind->feed_url);
			continue;
		}
		int rc = read_feed(m, ind, &feeds[i], diag);
		if (rc == NATRISK_ENOMEM)
			return rc;
		if (rc != 0)
			status = NATRISK_EINVALID;
	}
	return status;
}

static void warn_stale(const natrisk_monitor *m, const natrisk_indicator *ind,
                       const natrisk_indicator_state *st, int64_t now,
                       natrisk_diag *diag)
{
	char newest[32];
	if (!st->seen) {
		warn_at(m, ind, diag, "indicator '%s': stale feed, no "
		        "observation yet", ind->id);
		return;
	}
	if (now - st->last_time <= ind->stale_seconds)
		return;
	natrisk_time_format(st->last_time, newest, sizeof newest);
	warn_at(m, ind, diag, "indicator '%s': stale feed, the newest "
	        "observation is of %s", ind->id, newest);
}

int natrisk_monitor_message(const natrisk_monitor *m,
                            const natrisk_indicator *ind,
                            natrisk_indicator_state *st,
                            const natrisk_level_change *c,
                            natrisk_alert_record *rec, char **xml,
                            size_t *len)
{
	const char *sender = natrisk_monitor_sender(m);
	char references[512] = "", prev_id[128], prev_sent[32];
	if (st->chain_open) {
		natrisk_cap_identifier(ind->id, st->chain_sent, prev_id,
		                       sizeof prev_id);
		snprintf(references, sizeof references, "%s,%s,%s", sender,
		         prev_id, natrisk_time_format(st->chain_sent, prev_sent,
		                                      sizeof prev_sent));
	}
	rec->indicator = ind->id;
	rec->time = c->time;
	rec->msg_type = c->to < 0 ? "Cancel" : st->chain_open ? "Update"
	                                                       : "Alert";
	rec->level = c->to < 0 ? NULL : &ind->levels[c->to];
	natrisk_cap_identifier(ind->id, c->time, rec->identifier,
	                       sizeof rec->identifier);
	natrisk_cap_message msg = {
		.sender = sender, .identifier = rec->identifier,
		.sent = c->time, .status = "Actual",
		.msg_type = rec->msg_type,
		.references = st->chain_open ? references : NULL,
		.indicator = ind,
		.level = &ind->levels[c->to < 0 ? c->from : c->to],
		.value = c->value,
	};
	if (natrisk_cap_write(&msg, xml, len) != 0)
		return error_set(NATRISK_ENOMEM, "out of memory");
	st->chain_open = c->to >= 0;
	st->chain_sent = c->time;
	return NATRISK_OK;
}

/* The message of change C of IND, with the state ST before it, written
 * to OUTDIR/IDENTIFIER.xml. */
static int write_message(const natrisk_monitor *m,
                         const natrisk_indicator *ind,
                         natrisk_indicator_state *st,
                         const natrisk_level_change *c, const char *outdir,
                         natrisk_alert_record *rec)
{
	char *xml;
	size_t len;
	int rc = natrisk_monitor_message(m, ind, st, c, rec, &xml, &len);
	if (rc != NATRISK_OK)
		return rc;
	size_t n = strlen(outdir) + strlen(rec->identifier) + 6;
	rec->file = malloc(n);
	if (!rec->file) {
		free(xml);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	snprintf(rec->file, n, "%s/%s.xml", outdir, rec->identifier);
	rc = file_write_atomic(rec->file, xml, len);
	free(xml);
	return rc;
}

static int evaluate(const natrisk_monitor *m, const natrisk_indicator *ind,
                    feed_data *feed, natrisk_indicator_state *st,
                    const char *outdir, natrisk_monitor_report *report)
{
	if (st->level >= (int)ind->level_count) /* the file lost levels */
		st->level = (int)ind->level_count - 1;
	natrisk_level_change *changes =
		malloc((feed->count ? feed->count : 1) * sizeof *changes);
	natrisk_alert_record *grown = NULL;
	size_t n = 0;
	if (changes) {
		n = natrisk_indicator_evaluate(ind, feed->obs, feed->count, st,
		                               changes);
		grown = realloc(report->records,
		                (report->count + n + 1) * sizeof *grown);
	}
	if (!grown) {
		free(changes);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	report->records = grown;
	int rc = NATRISK_OK;
	for (size_t i = 0; i < n && rc == NATRISK_OK; i++) {
		natrisk_alert_record *rec = &report->records[report->count++];
		memset(rec, 0, sizeof *rec);
		rc = write_message(m, ind, st, &changes[i], outdir, rec);
	}
	free(changes);
	return rc;
}

int natrisk_monitor_run(const natrisk_monitor *m, natrisk_monitor_state *s,
                        int64_t now, const char *outdir,
                        natrisk_monitor_report *report, natrisk_diag *diag)
{
	memset(report, 0, sizeof *report);
	size_t count = natrisk_monitor_indicator_count(m);
	feed_data *feeds = calloc(count + 1, sizeof *feeds);
	if (!feeds)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = read_feeds(m, feeds, diag);
	for (size_t i = 0; rc == NATRISK_OK && i < count; i++) {
		const natrisk_indicator *ind = natrisk_monitor_indicator(m, i);
		natrisk_indicator_state *st = natrisk_monitor_state_of(s,
		                                                       ind->id);
		if (!st)
			rc = error_set(NATRISK_ENOMEM, "out of memory");
		else if (ind->feed_path)
			rc = evaluate(m, ind, &feeds[i], st, outdir, report);
		if (rc == NATRISK_OK && st && ind->feed_path)
			warn_stale(m, ind, st, now, diag);
	}
	for (size_t i = 0; i < count; i++)
		free(feeds[i].obs);
	free(feeds);
	if (rc == NATRISK_EINVALID)
		return error_set(NATRISK_EINVALID, "%s: a feed cannot be read",
		                 natrisk_monitor_path(m));
	return rc;
}
