/*
 * api_register.c - progress on adopted measures (docs/server.md, "The
 * register"): an edition's register with the chair's filters, the
 * progress letter, an action's log and its owners' status updates, and
 * the reminders of actions due and overdue, as JSON and as an Atom feed
 * that a mail system polls with a token of the user's own. The store
 * and the engine compute; this file reads the request and answers.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <natrisk/progress.h>

#include "authz.h"
#include "feed_atom.h"
#include "handlers.h"
#include "language.h"

/* Days ahead that count as due soon. */
enum { REMINDER_DAYS = 30 };

static const char *arg(request *q, const char *name)
{
	return MHD_lookup_connection_value(q->connection, MHD_GET_ARGUMENT_KIND,
	                                   name);
}

/* Today (UTC); NATRISK_TODAY=YYYY-MM-DD stands in for it, so that the
 * tests can fix the day the server lives on. */
static natrisk_date today(void)
{
	natrisk_date d;
	const char *fixed = getenv("NATRISK_TODAY");
	if (fixed && natrisk_date_parse(fixed, &d) == 0)
		return d;
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return (natrisk_date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}

/* The date of argument NAME into *OUT, left alone when there is none:
 * true, or false after a 400. */
static bool date_arg(request *q, reply *r, const char *name,
                     natrisk_date *out, bool *given)
{
	const char *text = arg(q, name);
	if (given)
		*given = text != NULL;
	if (!text || natrisk_date_parse(text, out) == 0)
		return true;
	reply_error(r, 400, "%s '%s' is not a real date YYYY-MM-DD", name,
	            text);
	return false;
}

static int reply_text(reply *r, int rc, char *json, unsigned status)
{
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_take(r, status, "application/json", json, strlen(json));
}

int h_register(request *q, reply *r)
{
	natrisk_register_reader reader;
	natrisk_date since;
	bool has_since = false;
	natrisk_register_query query = { .on = today(),
		                         .owner = arg(q, "owner"),
		                         .status = arg(q, "status") };
	if (!date_arg(q, r, "on", &query.on, NULL) ||
	    !date_arg(q, r, "since", &since, &has_since))
		return 0;
	query.since = has_since ? &since : NULL;
	int rc = request_register_reader(q, &reader);
	char *json = NULL;
	if (rc == 0)
		rc = natrisk_store_register(q->srv->store, q->edition_id, &reader,
		                            &query, &json);
	return reply_text(r, rc, json, 200);
}

int h_register_letter(request *q, reply *r)
{
	natrisk_date on = today(), since;
	bool has_since = false;
	if (!date_arg(q, r, "on", &on, NULL) ||
	    !date_arg(q, r, "since", &since, &has_since))
		return 0;
	if (!has_since)
		since = natrisk_date_add_years(on, -1);
	size_t n = strcspn(q->url, "?");
	bool odt = n > 4 && strncmp(q->url + n - 4, ".odt", 4) == 0;
	char *bytes = NULL;
	size_t len = 0;
	int rc = natrisk_store_register_letter(
		q->srv->store, q->edition_id, q->user.clearance, &on, &since,
		request_language(q->connection),
		odt ? NATRISK_LETTER_ODT : NATRISK_LETTER_HTML, &bytes, &len);
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_take(r, 200,
	                  odt ? "application/vnd.oasis.opendocument.text"
	                      : "text/html; charset=utf-8",
	                  bytes, len);
}

int h_action_log(request *q, reply *r)
{
	char *json = NULL;
	int rc = natrisk_store_action_log(q->srv->store, q->edition_id,
	                                  q->item, q->action, q->user.clearance,
	                                  &json);
	return reply_text(r, rc, json, 200);
}

int h_action_status(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	json_decref(body);
	natrisk_date day = today();
	int rc = natrisk_store_action_status(q->srv->store, q->edition_id,
	                                     q->item, q->action, q->body,
	                                     q->body_len, &day, q->user.name,
	                                     q->user.clearance);
	if (rc != 0)
		return reply_failure(r, rc);
	h_action_log(q, r);
	if (r->status == 200)
		r->status = 201;
	return 0;
}

/* Whether the reminders of Q's user follow EDITION: a published one,
 * and for a chair one they chair. */
static bool follows(request *q, const natrisk_edition_info *edition)
{
	bool chairs = q->user.role != NATRISK_ROLE_CHAIR;
	if (edition->status != NATRISK_STATUS_PUBLISHED)
		return false;
	if (!chairs && natrisk_store_is_chair(q->srv->store, edition->id,
	                                      q->user.name, &chairs) != 0)
		return false;
	return chairs;
}

/* Adds EDITION's reminders (the store's JSON text) to OWNERS, each
 * with the edition it belongs to. */
static void gather(json_t *owners, const natrisk_edition_info *edition,
                   const char *text)
{
	json_t *doc = json_loads(text, 0, NULL);
	const char *org;
	json_t *lists;
	json_object_foreach(json_object_get(doc, "owners"), org, lists) {
		json_t *into = json_object_get(owners, org);
		if (!into)
			json_object_set_new(owners, org, into = json_pack(
				"{s:[],s:[]}", "overdue", "due"));
		const char *name;
		json_t *list;
		json_object_foreach(lists, name, list) {
			size_t k;
			json_t *item;
			json_array_foreach(list, k, item) {
				json_object_set_new(item, "edition",
				                    json_integer(edition->id));
				json_object_set_new(item, "edition_title",
				                    json_string(edition->title));
				json_array_append(json_object_get(into, name),
				                  item);
			}
		}
	}
	json_decref(doc);
}

/* The reminders of Q's user on ON: {on, until, days, owners}. */
static int reminders_of(request *q, const natrisk_date *on, json_t **out)
{
	natrisk_register_reader reader;
	natrisk_edition_info *list = NULL;
	size_t count = 0;
	int rc = request_register_reader(q, &reader);
	if (rc == 0)
		rc = natrisk_store_editions(q->srv->store, &list, &count);
	json_t *owners = json_object();
	for (size_t k = 0; rc == 0 && k < count; k++) {
		char *text = NULL;
		if (!follows(q, &list[k]))
			continue;
		rc = natrisk_store_reminders(q->srv->store, list[k].id, &reader,
		                             on, REMINDER_DAYS, &text);
		if (rc == 0)
			gather(owners, &list[k], text);
		free(text);
	}
	natrisk_edition_list_free(list, count);
	char day[11], until[11];
	natrisk_date last = natrisk_date_add_days(*on, REMINDER_DAYS);
	*out = json_pack("{s:s,s:s,s:i,s:o}", "on",
	                 natrisk_date_format(on, day), "until",
	                 natrisk_date_format(&last, until), "days",
	                 REMINDER_DAYS, "owners", owners);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int h_reminders(request *q, reply *r)
{
	natrisk_date on = today();
	bool chosen = false;
	if (!date_arg(q, r, "on", &on, &chosen))
		return 0;
	if (chosen && q->user.role == NATRISK_ROLE_OWNER)
		return reply_error(r, 403, "only a chair or an admin chooses the "
		                   "day of the reminders");
	json_t *out;
	int rc = reminders_of(q, &on, &out);
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_json(r, 200, out);
}

int h_reminders_feed(request *q, reply *r)
{
	const char *token = arg(q, "token");
	natrisk_user user;
	if (!token ||
	    natrisk_store_feed_token_find(q->srv->store, token, &user) != 0)
		return reply_error(r, 401, "the feed needs its token: "
		                   "/api/reminders.atom?token=... (POST "
		                   "/api/users/me/feed-token)");
	natrisk_user_clear(&q->user);
	q->user = user;
	if (!authz_has_reminders(user.role))
		return reply_error(r, 403, "your role does not allow this");
	natrisk_date on = today();
	json_t *reminders;
	int rc = reminders_of(q, &on, &reminders);
	if (rc != 0)
		return reply_failure(r, rc);
	char *xml = NULL;
	size_t len = 0;
	rc = feed_atom_write(reminders, user.name, &xml, &len);
	json_decref(reminders);
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_take(r, 200, "application/atom+xml; charset=utf-8", xml,
	                  len);
}

int h_feed_token(request *q, reply *r)
{
	if (q->body_len > 0) {
		json_t *body = request_json(q, r);
		size_t size = json_object_size(body);
		json_decref(body);
		if (!body)
			return 0;
		if (size > 0)
			return reply_error(r, 400, "expected {} or no body");
	}
	char token[NATRISK_TOKEN_TEXT];
	int rc = natrisk_store_feed_token_new(q->srv->store, q->user.id,
	                                      q->user.name, token);
	if (rc != 0)
		return reply_failure(r, rc);
	/* one token, both feeds: the reminders' for the roles that have
	 * reminders, the alerts' (of the user's clearance) for everyone */
	char url[128], alerts_url[128];
	snprintf(url, sizeof url, "/api/reminders.atom?token=%s", token);
	snprintf(alerts_url, sizeof alerts_url, "/alerts.atom?token=%s", token);
	json_t *out = json_pack("{s:s}", "token", token);
	if (out && authz_has_reminders(q->user.role))
		json_object_set_new(out, "url", json_string(url));
	if (out)
		json_object_set_new(out, "alerts_url", json_string(alerts_url));
	return reply_json(r, 201, out);
}
