/*
 * api_alerts.c - the alerts a reader may see (GET /api/alerts, each
 * chain with its history, and the monitor's feeds), the Atom feed of
 * their CAP messages (GET /alerts.atom), and the webhooks (an admin's:
 * GET and POST /api/webhooks, DELETE /api/webhooks/{id}). A chain about
 * a scenario above the reader's clearance does not exist for them, in
 * either list.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>
#include <natrisk/alert_store.h>
#include <natrisk/register_store.h>

#include "alerts.h"
#include "handlers.h"

enum { ATOM_ENTRIES = 100, MAX_URL = 2000 };

int h_alerts_list(request *q, reply *r)
{
	json_t *out;
	int rc = natrisk_store_alerts_json(q->srv->store, q->user.clearance,
	                                   &out);
	return rc == 0 ? reply_json(r, 200, out) : reply_failure(r, rc);
}

/* RFC 3339 in UTC for Atom. */
static const char *atom_time(int64_t time, char *buf, size_t size)
{
	time_t t = (time_t)time;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* The CAP message without its XML declaration, to sit in a content. */
static const char *cap_element(const char *cap)
{
	const char *end = strncmp(cap, "<?xml", 5) == 0 ? strstr(cap, "?>")
	                                                : NULL;
	cap = end ? end + 2 : cap;
	while (*cap == '\n' || *cap == '\r' || *cap == ' ')
		cap++;
	return cap;
}

static int atom_entry(xmlTextWriterPtr w, json_t *m)
{
	const char *identifier = json_string_value(json_object_get(
		m, "identifier"));
	const char *headline = json_string_value(json_object_get(m,
	                                                         "headline"));
	int64_t sent = 0;
	natrisk_time_parse(json_string_value(json_object_get(m, "sent")),
	                   &sent);
	char when[32];
	int rc = xmlTextWriterStartElement(w, BAD_CAST "entry") < 0;
	rc |= xmlTextWriterWriteFormatElement(w, BAD_CAST "id",
	                                      "urn:natrisk:alert:%s",
	                                      identifier) < 0;
	rc |= xmlTextWriterWriteFormatElement(
		w, BAD_CAST "title", "%s (%s, %s)", headline ? headline : "",
		json_string_value(json_object_get(m, "msg_type")),
		json_string_value(json_object_get(m, "status"))) < 0;
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "updated",
	                                BAD_CAST atom_time(sent, when,
	                                                   sizeof when)) < 0;
	rc |= xmlTextWriterStartElement(w, BAD_CAST "content") < 0;
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "type",
	                                  BAD_CAST "application/cap+xml") < 0;
	rc |= xmlTextWriterWriteRaw(w, BAD_CAST cap_element(json_string_value(
		json_object_get(m, "cap")))) < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	return rc | (xmlTextWriterEndElement(w) < 0);
}

static int atom_feed(xmlTextWriterPtr w, json_t *messages, const char *sender)
{
	char when[32];
	json_t *newest = json_array_get(messages, 0);
	int64_t updated = 0;
	if (newest)
		natrisk_time_parse(json_string_value(json_object_get(newest,
		                                                     "sent")),
		                   &updated);
	int rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElementNS(w, NULL, BAD_CAST "feed",
	                                  BAD_CAST "http://www.w3.org/2005/Atom")
	      < 0;
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "id",
	                                BAD_CAST "urn:natrisk:alerts") < 0;
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "title",
	                                BAD_CAST "natrisk alerts") < 0;
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "updated",
	                                BAD_CAST atom_time(updated, when,
	                                                   sizeof when)) < 0;
	rc |= xmlTextWriterStartElement(w, BAD_CAST "author") < 0;
	rc |= xmlTextWriterWriteElement(w, BAD_CAST "name", BAD_CAST sender)
	      < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	size_t k;
	json_t *m;
	json_array_foreach(messages, k, m)
		rc |= atom_entry(w, m);
	rc |= xmlTextWriterEndElement(w) < 0;
	return rc | (xmlTextWriterEndDocument(w) < 0);
}

/* The clearance the feed is read at: with ?token= that of the token's
 * (enabled) user, whatever the session, and a token that is none is 401,
 * not the public feed, so that a reader sees at once that its link has
 * ended; else the session's (a browser), or public without one. -1 with
 * R answered. */
static int feed_clearance(request *q, reply *r,
                          natrisk_classification *clearance)
{
	const char *token = MHD_lookup_connection_value(
		q->connection, MHD_GET_ARGUMENT_KIND, "token");
	*clearance = q->signed_in ? q->user.clearance : NATRISK_PUBLIC;
	if (!token)
		return 0;
	natrisk_user user;
	if (natrisk_store_feed_token_find(q->srv->store, token, &user) != 0) {
		reply_error(r, 401, "no such feed token (POST "
		            "/api/users/me/feed-token gives a new one)");
		return -1;
	}
	*clearance = user.clearance;
	natrisk_user_clear(&user);
	return 0;
}

int h_alerts_atom(request *q, reply *r)
{
	natrisk_classification clearance;
	if (feed_clearance(q, r, &clearance) != 0)
		return 0;
	json_t *messages;
	int rc = natrisk_store_alerts_recent(q->srv->store, clearance,
	                                     ATOM_ENTRIES, &messages);
	if (rc != 0)
		return reply_failure(r, rc);
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	rc = w ? atom_feed(w, messages, q->srv->alerts->sender) : -1;
	if (w)
		xmlFreeTextWriter(w); /* flushes into BUF */
	json_decref(messages);
	if (rc == 0)
		reply_bytes(r, 200, "application/atom+xml; charset=utf-8",
		            (const char *)xmlBufferContent(buf),
		            (size_t)xmlBufferLength(buf));
	else
		reply_error(r, 500, "out of memory");
	if (buf)
		xmlBufferFree(buf);
	return 0;
}

int h_webhooks_list(request *q, reply *r)
{
	json_t *out;
	int rc = natrisk_store_webhooks_json(q->srv->store, &out);
	return rc == 0 ? reply_json(r, 200, out) : reply_failure(r, rc);
}

static bool url_ok(const char *url)
{
	return url && strlen(url) <= MAX_URL &&
	       (strncmp(url, "http://", 7) == 0 ||
	        strncmp(url, "https://", 8) == 0) &&
	       !strpbrk(url, " \t\r\n");
}

/* {"url", "clearance"} -> 201 with the secret, shown this once. */
int h_webhook_add(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	const char *url = json_string_value(json_object_get(body, "url"));
	json_t *level = json_object_get(body, "clearance");
	natrisk_classification clearance = NATRISK_PUBLIC;
	if (!url_ok(url))
		reply_error(r, 422, "url must be an http or https URL of at "
		            "most %d characters", MAX_URL);
	else if (level && (!json_is_string(level) ||
	                   natrisk_classification_parse(
	                           json_string_value(level), &clearance) != 0))
		reply_error(r, 422, "clearance must be public, restricted or "
		            "confidential");
	if (r->status) {
		json_decref(body);
		return 0;
	}
	char secret[65];
	int64_t id;
	int rc = natrisk_store_webhook_add(q->srv->store, url, clearance,
	                                   q->user.name, secret, &id);
	if (rc == 0)
		reply_json(r, 201, json_pack(
			"{s:I, s:s, s:s, s:s}", "id", (json_int_t)id, "url", url,
			"clearance", natrisk_classification_name(clearance),
			"secret", secret));
	else
		reply_failure(r, rc);
	json_decref(body);
	return 0;
}

/* DELETE /api/webhooks/{id}: 200 with how many pending deliveries were
 * given up; 404 for an id that is not a webhook's, or one removed. */
int h_webhook_remove(request *q, reply *r)
{
	char *end;
	errno = 0;
	long long id = strtoll(q->item, &end, 10);
	if (q->item[0] < '1' || q->item[0] > '9' || *end || errno)
		return reply_error(r, 404, "no webhook %s", q->item);
	int64_t cancelled;
	int rc = natrisk_store_webhook_remove(q->srv->store, id, q->user.name,
	                                      &cancelled);
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_json(r, 200, json_pack("{s:I, s:b, s:I}", "id",
	                                    (json_int_t)id, "removed", 1,
	                                    "cancelled",
	                                    (json_int_t)cancelled));
}
