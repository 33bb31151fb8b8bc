/*
 * language.c - see language.h. Accept-Language is read as RFC 9110 says:
 * comma-separated ranges ("nl", "nl-BE", "*"), each with an optional
 * weight ";q=0.8" (1 when absent, 0 meaning "not this one"). Only two
 * languages are on offer, so the choice is between the weights of nl and
 * en; a range that names neither counts only as "*", which stands for
 * every language the header does not name.
 */
#include "language.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* The weight of one language in the header, and where it first appears. */
typedef struct offer {
	const char *tag;
	int weight;   /* q in thousandths; -1 while not named */
	int position;
} offer;

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A qvalue, "0", "0.5", "1.000", in thousandths; 1000 when unreadable, as
 * a range without a weight. */
static int read_weight(const char *p, const char *end)
{
	if (p >= end || (*p != '0' && *p != '1'))
		return 1000;
	int weight = (*p++ - '0') * 1000;
	if (p < end && *p == '.')
		for (int scale = 100, k = 0; k < 3 && ++p < end &&
		                             *p >= '0' && *p <= '9';
		     k++, scale /= 10)
			weight += (*p - '0') * scale;
	return weight > 1000 ? 1000 : weight;
}

/* The weight given by the parameters of one range (START to END). */
static int range_weight(const char *params, const char *end)
{
	const char *p = params;
	while (p < end) {
		p = skip_space(p + 1); /* past ';' */
		if (end - p > 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=')
			return read_weight(p + 2, end);
		while (p < end && *p != ';')
			p++;
	}
	return 1000;
}

/* Whether the range (LEN bytes) is TAG or TAG-something. */
static bool range_names(const char *range, size_t len, const char *tag)
{
	size_t n = strlen(tag);
	return len >= n && strncasecmp(range, tag, n) == 0 &&
	       (len == n || range[n] == '-');
}

static void weigh(offer *o, int weight, int position)
{
	if (weight <= o->weight)
		return;
	if (o->weight < 0)
		o->position = position;
	o->weight = weight;
}

/* Dutch when the Accept-Language value HEADER (NULL: none) prefers nl to
 * en: a higher q, or the same q with nl named first. */
static natrisk_lang accept_language(const char *header)
{
	offer nl = { "nl", -1, 0 }, en = { "en", -1, 0 }, any = { "*", -1, 0 };
	const char *p = header ? header : "";
	for (int position = 0; *p; position++) {
		const char *end = p + strcspn(p, ",");
		const char *range = skip_space(p);
		size_t len = strcspn(range, ";, \t");
		if (range + len > end)
			len = (size_t)(end - range);
		int weight = range_weight(range + len + strcspn(range + len,
		                                                 ";,"), end);
		if (range_names(range, len, nl.tag))
			weigh(&nl, weight, position);
		else if (range_names(range, len, en.tag))
			weigh(&en, weight, position);
		else if (len == 1 && range[0] == '*')
			weigh(&any, weight, position);
		p = *end ? end + 1 : end;
	}
	if (nl.weight < 0)
		nl.weight = any.weight, nl.position = any.position;
	if (en.weight < 0)
		en.weight = any.weight, en.position = any.position;
	bool dutch = nl.weight > 0 &&
	             (nl.weight > en.weight ||
	              (nl.weight == en.weight && nl.position < en.position));
	return dutch ? NATRISK_LANG_NL : NATRISK_LANG_EN;
}

natrisk_lang request_language(struct MHD_Connection *connection)
{
	const char *lang = MHD_lookup_connection_value(
		connection, MHD_GET_ARGUMENT_KIND, "lang");
	if (lang)
		return strcmp(lang, "nl") == 0 ? NATRISK_LANG_NL
		                               : NATRISK_LANG_EN;
	return accept_language(MHD_lookup_connection_value(
		connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE));
}
