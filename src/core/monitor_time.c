/*
 * monitor_time.c - the date-times of feeds and CAP messages: ISO 8601
 * read into seconds since the epoch, and written back as CAP 1.2 wants
 * them (a numeric offset, "-00:00" for UTC).
 */
#include <stdio.h>
#include <string.h>

#include <natrisk/monitor.h>

/* Days from 1970-01-01 to Y-M-D (proleptic Gregorian); H. Hinnant's
 * days_from_civil. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* N digits at TEXT as a number, or -1. */
static int digits(const char *text, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		v = v * 10 + (text[i] - '0');
	}
	return v;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
		                    31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* The offset at TEXT ("", "Z", "+hh:mm", "-hh:mm") in seconds. */
static bool parse_offset(const char *text, int64_t *out)
{
	*out = 0;
	if (!*text || strcmp(text, "Z") == 0)
		return true;
	if ((text[0] != '+' && text[0] != '-') || strlen(text) != 6 ||
	    text[3] != ':')
		return false;
	int h = digits(text + 1, 2), m = digits(text + 4, 2);
	if (h < 0 || m < 0 || h > 23 || m > 59)
		return false;
	*out = (int64_t)(h * 3600 + m * 60) * (text[0] == '-' ? -1 : 1);
	return true;
}

int natrisk_time_parse(const char *text, int64_t *out)
{
	if (strlen(text) < 19 || text[4] != '-' || text[7] != '-' ||
	    (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
	    text[16] != ':')
		return NATRISK_EINVALID;
	int y = digits(text, 4), mo = digits(text + 5, 2);
	int d = digits(text + 8, 2), h = digits(text + 11, 2);
	int mi = digits(text + 14, 2), s = digits(text + 17, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || s < 0 || s > 59 || d > month_days(y, mo))
		return NATRISK_EINVALID;
	const char *rest = text + 19;
	if (*rest == '.') {
		rest++;
		if (*rest < '0' || *rest > '9')
			return NATRISK_EINVALID;
		while (*rest >= '0' && *rest <= '9')
			rest++;
	}
	int64_t offset;
	if (!parse_offset(rest, &offset))
		return NATRISK_EINVALID;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
	       offset;
	return NATRISK_OK;
}

char *natrisk_time_format(int64_t time, char *buf, size_t size)
{
	int64_t days = time / 86400, secs = time % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d-00:00", y, m, d,
	         (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	return buf;
}
