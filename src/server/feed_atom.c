/*
 * feed_atom.c - see feed_atom.h. libxml2's text writer does the XML (its
 * escaping, its encoding; io/xml_text.h); this file chooses what each
 * entry says.
 */
#include <string.h>

#include "../io/xml_text.h"
#include "feed_atom.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"

static const char *text_of(const json_t *item, const char *key)
{
	return json_string_value(json_object_get(item, key)) ?: "";
}

/* One reminder of organisation ORG: overdue or due soon (KIND). */
static int write_entry(xmlTextWriterPtr w, const char *org, const char *kind,
                       const json_t *item, const char *updated)
{
	char id[512], title[1024], summary[1024];
	long long edition = json_integer_value(json_object_get(item,
	                                                       "edition"));
	snprintf(id, sizeof id, "urn:natrisk:reminder:%s:%lld:%s:%s:%s", org,
	         edition, text_of(item, "measure"), text_of(item, "action"),
	         kind);
	snprintf(title, sizeof title, "%s: %s (%s, %s)", org,
	         text_of(item, "what"),
	         strcmp(kind, "overdue") == 0 ? "overdue since"
	                                      : "due by",
	         text_of(item, "deadline"));
	snprintf(summary, sizeof summary,
	         "Edition %lld (%s), advice %s, measure %s, action %s: %s; "
	         "due %s, deadline %s; status %s.",
	         edition, text_of(item, "edition_title"),
	         text_of(item, "advice"), text_of(item, "measure"),
	         text_of(item, "action"), text_of(item, "what"),
	         text_of(item, "due"), text_of(item, "deadline"),
	         text_of(item, "status"));
	int rc = xmlTextWriterStartElement(w, BAD_CAST "entry");
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "id", BAD_CAST id);
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST title);
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "updated",
	                                BAD_CAST updated);
	rc |= xmlTextWriterStartElement(w, BAD_CAST "category");
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "term", BAD_CAST kind);
	rc |= xmlTextWriterEndElement(w);
	rc |= xmlTextWriterStartElement(w, BAD_CAST "category");
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "term", BAD_CAST org);
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "scheme",
	                                  BAD_CAST "urn:natrisk:owner");
	rc |= xmlTextWriterEndElement(w);
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "summary",
	                                BAD_CAST summary);
	rc |= xmlTextWriterEndElement(w);
	return rc < 0 ? -1 : 0;
}

static int write_feed(xmlTextWriterPtr w, const json_t *reminders,
                      const char *user)
{
	char updated[32], id[160];
	snprintf(updated, sizeof updated, "%sT00:00:00Z",
	         text_of(reminders, "on"));
	snprintf(id, sizeof id, "urn:natrisk:reminders:%s", user);
	int rc = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	rc |= xmlTextWriterStartElementNS(w, NULL, BAD_CAST "feed",
	                                  BAD_CAST ATOM_NS);
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "id", BAD_CAST id);
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "title",
	                                BAD_CAST "natrisk: actions due and "
	                                         "overdue");
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "updated",
	                                BAD_CAST updated);
	rc |= xmlTextWriterStartElement(w, BAD_CAST "author");
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "name",
	                                BAD_CAST "natrisk");
	rc |= xmlTextWriterEndElement(w);
	const char *org;
	json_t *lists;
	json_object_foreach(json_object_get(reminders, "owners"), org, lists) {
		static const char *const kinds[] = { "overdue", "due" };
		for (int k = 0; rc >= 0 && k < 2; k++) {
			size_t i;
			json_t *item;
			json_array_foreach(json_object_get(lists, kinds[k]), i,
			                   item)
				rc |= write_entry(w, org, kinds[k], item,
				                  updated);
		}
	}
	rc |= xmlTextWriterEndElement(w);
	rc |= xmlTextWriterEndDocument(w);
	return rc < 0 ? -1 : 0;
}

typedef struct feed_job {
	const json_t *reminders;
	const char *user;
} feed_job;

static int write_job(xmlTextWriterPtr w, const void *ctx)
{
	const feed_job *job = ctx;
	return write_feed(w, job->reminders, job->user);
}

int feed_atom_write(const json_t *reminders, const char *user, char **out,
                    size_t *len)
{
	feed_job job = { reminders, user };
	return xml_text_write(write_job, &job, false, out, len);
}
