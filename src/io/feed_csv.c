/*
 * feed_csv.c - a CSV time series (docs/formats.md, "Feeds"): a header
 * "time,value", then one row per observation, the time in ISO 8601 and
 * the value a decimal number with a point. Blank lines are skipped;
 * a row that cannot be read is an error at its field.
 */
#include <stdlib.h>
#include <string.h>

#include "feed_csv.h"

/* Whether TEXT (N bytes) is a decimal number with a point: -?D+(.D+)?
 * with an optional exponent. */
static bool is_decimal(const char *text, size_t n)
{
	if (n == 0)
		return false;
	size_t i = text[0] == '-' || text[0] == '+';
	size_t start = i;
	while (i < n && text[i] >= '0' && text[i] <= '9')
		i++;
	if (i == start)
		return false;
	if (i < n && text[i] == '.') {
		size_t frac = ++i;
		while (i < n && text[i] >= '0' && text[i] <= '9')
			i++;
		if (i == frac)
			return false;
	}
	if (i < n && (text[i] == 'e' || text[i] == 'E')) {
		i++;
		i += i < n && (text[i] == '-' || text[i] == '+');
		size_t exp = i;
		while (i < n && text[i] >= '0' && text[i] <= '9')
			i++;
		if (i == exp)
			return false;
	}
	return i == n;
}

/* One row [AT, END) (without its line end). */
static void read_row(feed_reader *r, size_t at, size_t end, size_t row)
{
	const char *line = r->buf + at;
	const char *comma = memchr(line, ',', end - at);
	if (!comma) {
		feed_error(r, at, "row %zu: expected time,value", row);
		return;
	}
	size_t time_len = (size_t)(comma - line);
	size_t value_at = at + time_len + 1;
	if (memchr(comma + 1, ',', end - value_at)) {
		feed_error(r, value_at, "row %zu: expected time,value", row);
		return;
	}
	char time_text[64], value_text[64];
	int64_t time;
	snprintf(time_text, sizeof time_text, "%.*s", (int)time_len, line);
	if (time_len >= sizeof time_text ||
	    natrisk_time_parse(time_text, &time) != 0) {
		feed_error(r, at, "row %zu: '%s' is not an ISO 8601 time", row,
		           time_text);
		return;
	}
	size_t value_len = end - value_at;
	snprintf(value_text, sizeof value_text, "%.*s", (int)value_len,
	         r->buf + value_at);
	if (value_len >= sizeof value_text ||
	    !is_decimal(r->buf + value_at, value_len)) {
		feed_error(r, value_at, "row %zu: '%s' is not a decimal number",
		           row, value_text);
		return;
	}
	feed_keep(r, time, strtod(value_text, NULL));
}

/* The end of the line at AT, before its "\r\n" or "\n". */
static size_t line_end(const feed_reader *r, size_t at, size_t *next)
{
	const char *nl = memchr(r->buf + at, '\n', r->len - at);
	size_t end = nl ? (size_t)(nl - r->buf) : r->len;
	*next = nl ? end + 1 : r->len;
	if (end > at && r->buf[end - 1] == '\r')
		end--;
	return end;
}

void feed_read_csv(feed_reader *r)
{
	size_t next;
	size_t at = r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0;
	at *= 3;
	size_t end = line_end(r, at, &next);
	if (end - at != 10 || memcmp(r->buf + at, "time,value", 10) != 0) {
		feed_error(r, at, "a csv feed starts with the header "
		           "time,value");
		return;
	}
	for (size_t row = 1; next < r->len && !r->failed &&
	     !r->out_of_memory; row++) {
		at = next;
		end = line_end(r, at, &next);
		if (end == at) {
			row--;
			continue;
		}
		if (memchr(r->buf + at, '\0', end - at)) {
			feed_error(r, at, "row %zu holds a NUL byte", row);
			return;
		}
		read_row(r, at, end, row);
	}
}
