/*
 * cap_rules_check.c - the rules of CAP 1.2 and method.md section 8 that
 * the schema cannot say, on a message the schema accepted: restriction
 * and addresses by scope, the references of an Update or Cancel, one
 * info per language, polygons and circles, and the cell-broadcast length
 * of each info.
 */
#include <string.h>

#include <natrisk/cap.h>
#include <natrisk/monitor.h>

#include "cap_check.h"

/* The first child element of NODE called NAME in the CAP namespace. */
static const xmlNode *child(const xmlNode *node, const char *name)
{
	for (const xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0 && c->ns &&
		    strcmp((const char *)c->ns->href, NATRISK_CAP_NAMESPACE) ==
		            0)
			return c;
	return NULL;
}

/* The text of element NODE (the first text child), or NULL. */
static const char *text_of(const xmlNode *node)
{
	for (const xmlNode *c = node ? node->children : NULL; c; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			return (const char *)c->content;
	return NULL;
}

static bool named(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

static void check_scope(cap_source *src, const xmlNode *alert)
{
	const xmlNode *scope = child(alert, "scope");
	const char *text = text_of(scope);
	const xmlNode *restriction = child(alert, "restriction");
	bool restricted = text && strcmp(text, "Restricted") == 0;
	if (restricted && !restriction)
		cap_report(src, scope, "a Restricted message needs a "
		           "restriction");
	if (!restricted && restriction)
		cap_report(src, restriction, "restriction is only for a "
		           "Restricted message");
	if (text && strcmp(text, "Private") == 0 && !child(alert, "addresses"))
		cap_report(src, scope, "a Private message needs addresses");
}

/* One "sender,identifier,sent" triplet of WORD (LEN bytes). */
static bool triplet_ok(const char *word, size_t len)
{
	char copy[512];
	if (len >= sizeof copy)
		return false;
	memcpy(copy, word, len);
	copy[len] = '\0';
	char *first = strchr(copy, ','), *second = first ? strchr(first + 1, ',')
	                                                 : NULL;
	if (!second || strchr(second + 1, ',') || first == copy ||
	    second == first + 1)
		return false;
	int64_t sent;
	const char *time = second + 1;
	/* a numeric offset: "Z" is not CAP's */
	return strlen(time) == 25 && time[19] != 'Z' &&
	       natrisk_time_parse(time, &sent) == 0;
}

static void check_references(cap_source *src, const xmlNode *alert)
{
	const xmlNode *type = child(alert, "msgType");
	const char *msg_type = text_of(type);
	const xmlNode *refs = child(alert, "references");
	bool needs = msg_type && (strcmp(msg_type, "Update") == 0 ||
	                          strcmp(msg_type, "Cancel") == 0);
	if (needs && !refs) {
		if (strcmp(msg_type, "Update") == 0)
			cap_report(src, type, "an Update names the message it "
			           "updates in references");
		else
			cap_report(src, type, "a Cancel names the message it "
			           "cancels in references");
		return;
	}
	const char *text = text_of(refs);
	if (!refs)
		return;
	size_t words = 0;
	for (const char *p = text ? text : ""; *p;) {
		size_t skip = strspn(p, " \t\r\n");
		p += skip;
		size_t n = strcspn(p, " \t\r\n");
		if (n == 0)
			break;
		words++;
		if (!triplet_ok(p, n)) {
			char word[81];
			snprintf(word, sizeof word, "%.*s", (int)n, p);
			cap_report(src, refs, "references are "
			           "sender,identifier,sent triplets separated "
			           "by spaces; '%s' is not", word);
			return;
		}
		p += n;
	}
	if (words == 0)
		cap_report(src, refs, "references are empty");
}

static void check_area(cap_source *src, const xmlNode *area)
{
	for (const xmlNode *c = area->children; c; c = c->next) {
		const char *text = text_of(c);
		const char *problem = NULL;
		if (named(c, "polygon"))
			problem = natrisk_cap_polygon_problem(text ? text : "");
		else if (named(c, "circle"))
			problem = natrisk_cap_circle_problem(text ? text : "");
		if (problem)
			cap_report(src, c, "%s", msg_tr(problem));
	}
}

static void check_length(cap_source *src, const xmlNode *info,
                         const char *language)
{
	natrisk_cb_alphabet alphabet;
	size_t n = natrisk_cb_length(text_of(child(info, "headline")),
	                             text_of(child(info, "description")),
	                             text_of(child(info, "instruction")),
	                             &alphabet);
	if (n <= natrisk_cb_max(alphabet))
		return;
	if (alphabet == NATRISK_CB_GSM7)
		cap_report(src, info, "the %s info is %zu characters in GSM "
		           "7-bit, more than cell broadcast carries (%d)",
		           language, n, NATRISK_CB_MAX_GSM7);
	else
		cap_report(src, info, "the %s info is %zu characters in UCS-2, "
		           "more than cell broadcast carries (%d)", language, n,
		           NATRISK_CB_MAX_UCS2);
}

static void check_infos(cap_source *src, const xmlNode *alert)
{
	const char *seen[64];
	size_t count = 0;
	for (const xmlNode *info = alert->children; info; info = info->next) {
		if (!named(info, "info"))
			continue;
		const char *language = text_of(child(info, "language"));
		language = language ? language : "en-US"; /* CAP's default */
		for (size_t i = 0; i < count; i++)
			if (strcmp(seen[i], language) == 0) {
				cap_report(src, info, "a second info in %s: one "
				           "info per language", language);
				break;
			}
		if (count < sizeof seen / sizeof *seen)
			seen[count++] = language;
		for (const xmlNode *c = info->children; c; c = c->next)
			if (named(c, "area"))
				check_area(src, c);
		check_length(src, info, language);
	}
}

void cap_check_rules(cap_source *src, const xmlNode *alert)
{
	check_scope(src, alert);
	check_references(src, alert);
	check_infos(src, alert);
}
