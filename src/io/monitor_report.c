/*
 * monitor_report.c - what a run of the monitor wrote: the JSON summary
 * of docs/formats.md ("natrisk monitor --format json") or one line per
 * message.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <natrisk/monitor_run.h>

#include "../core/error.h"

/* TIME in ISO 8601 with the offset +00:00. */
static const char *iso_time(int64_t time, char *buf, size_t size)
{
	natrisk_time_format(time, buf, size);
	memcpy(buf + 19, "+00:00", 7);
	return buf;
}

/* A level's at: an integer when it is one (Kp 7), else a number. */
static json_t *level_json(double at)
{
	if (at == (double)(long long)at && at > -1e15 && at < 1e15)
		return json_integer((json_int_t)at);
	return json_real(at);
}

static json_t *record_json(const natrisk_alert_record *r)
{
	char time[32];
	return json_pack("{s:s, s:s, s:o, s:s, s:s, s:s}", "indicator",
	                 r->indicator, "time",
	                 iso_time(r->time, time, sizeof time), "level",
	                 r->level ? level_json(r->level->at) : json_null(),
	                 "msgType", r->msg_type, "identifier", r->identifier,
	                 "file", r->file);
}

static int write_json(const natrisk_monitor_report *report, FILE *out)
{
	json_t *list = json_array();
	for (size_t i = 0; list && i < report->count; i++)
		if (json_array_append_new(list,
		                          record_json(&report->records[i]))) {
			json_decref(list);
			list = NULL;
		}
	char *text = list ? json_dumps(list, JSON_INDENT(2) |
	                                             JSON_REAL_PRECISION(10))
	                  : NULL;
	json_decref(list);
	if (!text)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int ok = fprintf(out, "%s\n", text) >= 0;
	free(text);
	return ok ? NATRISK_OK : error_set(NATRISK_EIO, "cannot write");
}

int natrisk_monitor_report_write(const natrisk_monitor_report *report,
                                 natrisk_format format, FILE *out)
{
	if (format == NATRISK_FORMAT_JSON)
		return write_json(report, out);
	for (size_t i = 0; i < report->count; i++) {
		const natrisk_alert_record *r = &report->records[i];
		char time[32];
		if (fprintf(out, "%s  %-6s  %s  %s  %s\n", r->file, r->msg_type,
		            r->indicator, iso_time(r->time, time, sizeof time),
		            r->level ? r->level->event : "-") < 0)
			return error_set(NATRISK_EIO, "cannot write");
	}
	return NATRISK_OK;
}
