/*
 * cap_rules.c - the codes of CAP 1.2 and the rules of method.md section
 * 8 that both the monitor file's loader and the validator of messages
 * check: areas, identifiers and the cell-broadcast length of an info.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/cap.h>

#include "messages.h"

static const char *const codes[NATRISK_CAP_FIELD_COUNT][13] = {
	{ "Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health",
	  "Env", "Transport", "Infra", "CBRNE", "Other", NULL },
	{ "Immediate", "Expected", "Future", "Past", "Unknown", NULL },
	{ "Extreme", "Severe", "Moderate", "Minor", "Unknown", NULL },
	{ "Observed", "Likely", "Possible", "Unlikely", "Unknown", NULL },
	{ "Actual", "Exercise", "System", "Test", "Draft", NULL },
	{ "Alert", "Update", "Cancel", "Ack", "Error", NULL },
	{ "Public", "Restricted", "Private", NULL },
};

static const char *const code_lists[NATRISK_CAP_FIELD_COUNT] = {
	"Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, "
	"Infra, CBRNE, Other",
	"Immediate, Expected, Future, Past, Unknown",
	"Extreme, Severe, Moderate, Minor, Unknown",
	"Observed, Likely, Possible, Unlikely, Unknown",
	"Actual, Exercise, System, Test, Draft",
	"Alert, Update, Cancel, Ack, Error",
	"Public, Restricted, Private",
};

bool natrisk_cap_code_valid(natrisk_cap_field field, const char *text)
{
	if ((unsigned)field >= NATRISK_CAP_FIELD_COUNT || !text)
		return false;
	for (const char *const *c = codes[field]; *c; c++)
		if (strcmp(*c, text) == 0)
			return true;
	return false;
}

const char *natrisk_cap_codes(natrisk_cap_field field)
{
	return (unsigned)field < NATRISK_CAP_FIELD_COUNT ? code_lists[field]
	                                                 : "";
}

bool natrisk_cap_id_valid(const char *text)
{
	return text && *text && !strpbrk(text, " \t\r\n,<&");
}

/* A "lat,lon" pair at *P, then spaces; false when malformed. */
static bool read_point(const char **p, double *lat, double *lon)
{
	char *end;
	*lat = strtod(*p, &end);
	if (end == *p || *end != ',')
		return false;
	const char *q = end + 1;
	*lon = strtod(q, &end);
	if (end == q || (*end && *end != ' '))
		return false;
	while (*end == ' ')
		end++;
	*p = end;
	return isfinite(*lat) && isfinite(*lon);
}

static bool on_earth(double lat, double lon)
{
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

const char *natrisk_cap_polygon_problem(const char *text)
{
	const char *p = text;
	while (*p == ' ')
		p++;
	double lat0 = 0, lon0 = 0, lat = 0, lon = 0;
	size_t n = 0;
	while (*p) {
		if (!read_point(&p, &lat, &lon))
			return MSG("a polygon is \"lat,lon\" pairs separated "
			           "by spaces");
		if (!on_earth(lat, lon))
			return MSG("a latitude must lie in -90..90 and a "
			           "longitude in -180..180");
		if (n++ == 0) {
			lat0 = lat;
			lon0 = lon;
		}
	}
	if (n < 4)
		return MSG("a polygon needs at least four pairs");
	if (lat != lat0 || lon != lon0)
		return MSG("a polygon's first pair must equal its last");
	return NULL;
}

const char *natrisk_cap_circle_problem(const char *text)
{
	const char *p = text;
	double lat, lon;
	char *end;
	if (!read_point(&p, &lat, &lon) || p == text)
		return MSG("a circle is \"lat,lon radius\" (radius in km)");
	double radius = strtod(p, &end);
	if (end == p || *end || !isfinite(radius) || radius < 0 ||
	    p[-1] != ' ')
		return MSG("a circle is \"lat,lon radius\" (radius in km)");
	if (!on_earth(lat, lon))
		return MSG("a latitude must lie in -90..90 and a longitude in "
		           "-180..180");
	return NULL;
}

/* The next code point of the UTF-8 at *P (a bad byte reads as itself). */
static unsigned next_code_point(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c = s[0];
	int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	int i = 1;
	if (more)
		c &= 0x3F >> more;
	for (; i <= more && (s[i] & 0xC0) == 0x80; i++)
		c = (c << 6) | (s[i] & 0x3F);
	*p = s + i;
	return c;
}

/* Septets of C in the GSM 7-bit alphabet: 1, 2 (the extension table),
 * or 0 when it has none. */
static int gsm7_septets(unsigned c)
{
	static const unsigned basic[] = {
		0xA3, 0xA5, 0xE8, 0xE9, 0xF9, 0xEC, 0xF2, 0xC7, 0xD8, 0xF8,
		0xC5, 0xE5, 0x394, 0x3A6, 0x393, 0x39B, 0x3A9, 0x3A0, 0x3A8,
		0x3A3, 0x398, 0x39E, 0xC6, 0xE6, 0xDF, 0xC9, 0xA4, 0xA1, 0xC4,
		0xD6, 0xD1, 0xDC, 0xA7, 0xBF, 0xE4, 0xF6, 0xF1, 0xFC, 0xE0,
	};
	if (c == '\n' || c == '\r')
		return 1;
	if (c == '\f' || c == 0x20AC || (c < 0x80 && strchr("^{}\\[~]|", (int)c)))
		return c ? 2 : 0;
	if (c >= 0x20 && c < 0x7F)
		return c == '`' ? 0 : 1;
	for (size_t i = 0; i < sizeof basic / sizeof *basic; i++)
		if (basic[i] == c)
			return 1;
	return 0;
}

/* Adds TEXT's length in both alphabets; false once a character is not
 * in the GSM alphabet. */
static bool add_length(const char *text, size_t *septets, size_t *units)
{
	bool gsm = true;
	const unsigned char *p = (const unsigned char *)text;
	while (*p) {
		unsigned c = next_code_point(&p);
		int s = gsm7_septets(c);
		gsm = gsm && s > 0;
		*septets += (size_t)s;
		*units += c > 0xFFFF ? 2 : 1;
	}
	return gsm;
}

size_t natrisk_cb_length(const char *headline, const char *description,
                         const char *instruction,
                         natrisk_cb_alphabet *alphabet)
{
	const char *parts[] = { headline, description, instruction };
	size_t septets = 0, units = 0, present = 0;
	bool gsm = true;
	for (size_t i = 0; i < 3; i++) {
		if (!parts[i])
			continue;
		/* the line feed between parts */
		septets += present > 0;
		units += present++ > 0;
		gsm = add_length(parts[i], &septets, &units) && gsm;
	}
	*alphabet = gsm ? NATRISK_CB_GSM7 : NATRISK_CB_UCS2;
	return gsm ? septets : units;
}

size_t natrisk_cb_max(natrisk_cb_alphabet alphabet)
{
	return alphabet == NATRISK_CB_GSM7 ? NATRISK_CB_MAX_GSM7
	                                   : NATRISK_CB_MAX_UCS2;
}
