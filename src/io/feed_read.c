/*
 * feed_read.c - the observations of a feed (docs/formats.md, "Feeds"):
 * the space-weather JSON arrays of method.md section 9 and a CSV time
 * series. jansson reads the JSON one record at a time, so that a record
 * that cannot be read is reported at its own line and column.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../core/error.h"
#include "../core/messages.h"
#include "feed_csv.h"
#include "feed_read.h"
#include "parser_messages.h"

void feed_locate(const char *buf, size_t offset, int *line, int *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < offset; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			(*column)++; /* one per character, not per byte */
		}
	}
}

void feed_error(feed_reader *r, size_t offset, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, msg_tr(fmt), ap);
	va_end(ap);
	int line, column;
	feed_locate(r->buf, offset, &line, &column);
	natrisk_diag_add(r->diag, NATRISK_SEVERITY_ERROR, r->name, line,
	                 column, "%s", message);
	r->failed = true;
}

bool feed_keep(feed_reader *r, int64_t time, double value)
{
	if (r->count == r->capacity) {
		size_t capacity = r->capacity ? 2 * r->capacity : 256;
		natrisk_observation *grown =
			realloc(r->obs, capacity * sizeof *grown);
		if (!grown) {
			r->out_of_memory = true;
			return false;
		}
		r->obs = grown;
		r->capacity = capacity;
	}
	r->obs[r->count++] = (natrisk_observation){ time, value };
	return true;
}

static size_t skip_space(const char *buf, size_t len, size_t at)
{
	while (at < len && strchr(" \t\r\n", buf[at]) && buf[at])
		at++;
	return at;
}

/* The number under KEY of RECORD: 1 a number, 0 absent or null, -1 not
 * a number. */
static int number_of(const json_t *record, const char *key, double *out)
{
	const json_t *v = json_object_get(record, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_number(v))
		return -1;
	*out = json_number_value(v);
	return 1;
}

/* The value of a K-index record: estimated_kp when present, else
 * kp_index. 1 found, 0 null, -1 after an error. */
static int kp_value(feed_reader *r, const json_t *record, size_t at,
                    size_t index, double *out)
{
	int got = number_of(record, "estimated_kp", out);
	if (got == 0)
		got = number_of(record, "kp_index", out);
	if (got < 0)
		feed_error(r, at, "record %zu: kp_index and estimated_kp must "
		           "be numbers", index);
	else if (got == 0 && !json_object_get(record, "kp_index"))
		feed_error(r, at, "record %zu has no kp_index", index);
	return got;
}

/* The flux of a GOES record of the ENERGY band; 0 for another band or a
 * null flux. */
static int flux_value(feed_reader *r, const json_t *record, size_t at,
                      size_t index, const char *energy, double *out)
{
	const char *band = json_string_value(json_object_get(record,
	                                                     "energy"));
	if (!band) {
		feed_error(r, at, "record %zu has no energy (text)", index);
		return -1;
	}
	if (strcmp(band, energy) != 0)
		return 0;
	int got = number_of(record, "flux", out);
	if (got < 0 || (got == 0 && !json_object_get(record, "flux"))) {
		feed_error(r, at, "record %zu: flux must be a number", index);
		return -1;
	}
	return got;
}

static void read_record(feed_reader *r, natrisk_feed_format format,
                        const json_t *record, size_t at, size_t index)
{
	if (!json_is_object(record)) {
		feed_error(r, at, "record %zu must be an object", index);
		return;
	}
	const char *tag = json_string_value(json_object_get(record,
	                                                    "time_tag"));
	int64_t time;
	if (!tag) {
		feed_error(r, at, "record %zu has no time_tag (text)", index);
		return;
	}
	if (natrisk_time_parse(tag, &time) != 0) {
		feed_error(r, at, "record %zu: time_tag '%s' is not an ISO "
		           "8601 time", index, tag);
		return;
	}
	double value = 0;
	int got = format == NATRISK_FEED_SWPC_KP
	                  ? kp_value(r, record, at, index, &value)
	                  : flux_value(r, record, at, index,
	                               format == NATRISK_FEED_SWPC_XRAY
	                                       ? "0.1-0.8nm" : ">=10 MeV",
	                               &value);
	if (got > 0)
		feed_keep(r, time, value);
}

static void read_json(feed_reader *r, natrisk_feed_format format)
{
	size_t at = skip_space(r->buf, r->len, 0);
	if (at >= r->len || r->buf[at] != '[') {
		feed_error(r, at, "a %s feed must be a JSON array of records",
		           natrisk_feed_format_name(format));
		return;
	}
	at = skip_space(r->buf, r->len, at + 1);
	for (size_t index = 1; at < r->len && r->buf[at] != ']'; index++) {
		json_error_t error;
		json_t *record = json_loadb(r->buf + at, r->len - at,
		                            JSON_DISABLE_EOF_CHECK |
		                                    JSON_DECODE_ANY, &error);
		if (!record) {
			char why[256];
			feed_error(r, at + (size_t)error.position,
			           "record %zu: %s", index,
			           json_problem(&error, why, sizeof why));
			return;
		}
		read_record(r, format, record, at, index);
		json_decref(record);
		if (r->failed || r->out_of_memory)
			return;
		at = skip_space(r->buf, r->len, at + (size_t)error.position);
		if (at < r->len && r->buf[at] == ',')
			at = skip_space(r->buf, r->len, at + 1);
		else if (at >= r->len || r->buf[at] != ']')
			break;
	}
	if (at >= r->len || r->buf[at] != ']')
		feed_error(r, at, "expected ',' or ']' after a record");
	else if (skip_space(r->buf, r->len, at + 1) < r->len)
		feed_error(r, skip_space(r->buf, r->len, at + 1),
		           "text after the end of the array");
}

int natrisk_feed_read(natrisk_feed_format format, const char *name,
                      const char *buf, size_t len,
                      natrisk_observation **out, size_t *count,
                      natrisk_diag *diag)
{
	*out = NULL;
	*count = 0;
	feed_reader r = { .name = name, .buf = buf, .len = len,
		          .diag = diag };
	if (format == NATRISK_FEED_CSV)
		feed_read_csv(&r);
	else
		read_json(&r, format);
	if (r.out_of_memory || r.failed) {
		free(r.obs);
		return r.failed ? error_set(NATRISK_EINVALID, "%s: invalid "
		                            "feed", name)
		                : error_set(NATRISK_ENOMEM, "out of memory");
	}
	*out = r.obs;
	*count = r.count;
	return NATRISK_OK;
}
