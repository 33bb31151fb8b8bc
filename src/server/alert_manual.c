/*
 * alert_manual.c - an operator's alert: POST /api/assessments/{id}/alerts
 * (an admin or one of the edition's chairs). The body gives the CAP
 * fields of one info (docs/server.md, "Alerts"); the message is made by
 * the same CAP writer as the monitor's, checked by the same validator
 * as `natrisk cap validate` (a message it refuses is 422 with its
 * errors), and stored with its outbox rows and an audit entry. An Alert
 * names scenarios of the edition, whose highest classification becomes
 * the alert's; an Update or Cancel follows the last message of the
 * chain it references, and keeps that chain's scenarios.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include <natrisk/alert_store.h>
#include <natrisk/cap.h>

#include "../core/messages.h"
#include "alerts.h"
#include "authz.h"
#include "handlers.h"

enum { MAX_TEXT = 5000, MAX_SCENARIOS = 64 };

typedef struct manual {
	const char *status, *msg_type;
	natrisk_alert_level level;
	natrisk_classification classification;
	char *scenarios;          /* JSON text, malloc'd */
	char identifier[96];
	char previous[128];       /* the referenced identifier, or "" */
	char references[512];
} manual;

/* -1 after a refusal (reply_error and reply_failure return 0, for
 * handlers that return at once). */
static int refused(int replied)
{
	(void)replied;
	return -1;
}

/* BODY's text KEY (optional when not REQUIRED) into *OUT. */
static int text_of(json_t *body, const char *key, bool required,
                   const char **out, reply *r)
{
	json_t *v = json_object_get(body, key);
	*out = json_string_value(v);
	if ((!v && !required) ||
	    (*out && **out && strlen(*out) <= MAX_TEXT))
		return 0;
	reply_error(r, 422, "%s must be a text of 1 to %d characters", key,
	            MAX_TEXT);
	return -1;
}

static int code_of(json_t *body, const char *key, natrisk_cap_field field,
                   const char *fallback, const char **out, reply *r)
{
	json_t *v = json_object_get(body, key);
	*out = v ? json_string_value(v) : fallback;
	if (*out && natrisk_cap_code_valid(field, *out))
		return 0;
	reply_error(r, 422, "%s must be one of: %s", key,
	            natrisk_cap_codes(field));
	return -1;
}

/* {"en": ..., "nl": ...} under KEY; REQUIRED: at least one of them. */
static int texts_of(json_t *body, const char *key, bool required,
                    natrisk_cap_text *out, reply *r)
{
	json_t *v = json_object_get(body, key);
	if (!v && !required)
		return 0;
	if (json_is_object(v) && text_of(v, "en", false, &out->en, r) == 0 &&
	    text_of(v, "nl", false, &out->nl, r) == 0 && (out->en || out->nl))
		return 0;
	if (r->status == 0)
		reply_error(r, 422, "%s must be {\"en\": text, \"nl\": text} "
		            "with at least one of the two", key);
	return -1;
}

static int area_of(json_t *body, natrisk_alert_level *level, reply *r)
{
	json_t *area = json_object_get(body, "area");
	if (!area)
		return 0;
	if (!json_is_object(area) ||
	    text_of(area, "desc", true, &level->area_desc, r) != 0 ||
	    text_of(area, "polygon", false, &level->polygon, r) != 0 ||
	    text_of(area, "circle", false, &level->circle, r) != 0) {
		if (r->status == 0)
			reply_error(r, 422, "area must be {\"desc\", "
			            "\"polygon\", \"circle\"}");
		return -1;
	}
	const char *problem = level->polygon
	        ? natrisk_cap_polygon_problem(level->polygon) : NULL;
	if (!problem && level->circle)
		problem = natrisk_cap_circle_problem(level->circle);
	if (!problem)
		return 0;
	reply_error(r, 422, "area: %s", msg_tr(problem));
	return -1;
}

/* The fields of the message's info. */
static int info_of(json_t *body, natrisk_alert_level *v, reply *r)
{
	if (text_of(body, "event", true, &v->event, r) ||
	    code_of(body, "category", NATRISK_CAP_CATEGORY, NULL, &v->category,
	            r) ||
	    code_of(body, "urgency", NATRISK_CAP_URGENCY, NULL, &v->urgency,
	            r) ||
	    code_of(body, "severity", NATRISK_CAP_SEVERITY, NULL, &v->severity,
	            r) ||
	    code_of(body, "certainty", NATRISK_CAP_CERTAINTY, NULL,
	            &v->certainty, r) ||
	    texts_of(body, "headline", true, &v->headline, r) ||
	    texts_of(body, "description", false, &v->description, r) ||
	    texts_of(body, "instruction", false, &v->instruction, r))
		return -1;
	return area_of(body, v, r);
}

/* An Alert's scenarios: each visible in the edition to the issuer (one
 * hidden is as unknown as one that does not exist). */
static int scenarios_of(request *q, json_t *body, manual *m, reply *r)
{
	json_t *list = json_object_get(body, "scenarios"), *v;
	size_t k;
	if (!json_is_array(list) || json_array_size(list) == 0 ||
	    json_array_size(list) > MAX_SCENARIOS) {
		reply_error(r, 422, "an Alert names its scenarios: \"scenarios\" "
		            "is a list of 1 to %d scenario ids", MAX_SCENARIOS);
		return -1;
	}
	m->classification = NATRISK_PUBLIC;
	json_array_foreach(list, k, v) {
		natrisk_classification c;
		bool assigned;
		const char *id = json_string_value(v);
		if (!id || natrisk_store_scenario_access(
			           q->srv->store, q->edition_id, id, "", &c,
			           &assigned) != 0 ||
		    !authz_may_see(q->user.clearance, c)) {
			reply_error(r, 422, "unknown scenario '%s'",
			            id ? id : "");
			return -1;
		}
		if (c > m->classification)
			m->classification = c;
	}
	m->scenarios = json_dumps(list, JSON_COMPACT);
	return m->scenarios ? 0 : reply_error(r, 500, "out of memory");
}

/* An Update's or Cancel's chain: its last message, which it follows. */
static int chain_of(request *q, json_t *body, manual *m, reply *r)
{
	json_t *ref = json_object_get(body, "references"), *last = NULL;
	if (!json_is_integer(ref) || json_integer_value(ref) < 1) {
		reply_error(r, 422, "an Update or Cancel names the alert it "
		            "follows: \"references\" is an alert's id");
		return -1;
	}
	int rc = natrisk_store_alert_chain_last(q->srv->store,
	                                        json_integer_value(ref),
	                                        q->edition_id,
	                                        q->user.clearance, &last);
	if (rc != 0)
		return rc == NATRISK_ENOTFOUND
		               ? refused(reply_error(r, 422, "no such alert"))
		               : refused(reply_failure(r, rc));
	const char *type = json_string_value(json_object_get(last,
	                                                     "msg_type"));
	if (type && strcmp(type, "Cancel") == 0) {
		json_decref(last);
		reply_error(r, 409, "the alert was cancelled: nothing follows a "
		            "Cancel");
		return -1;
	}
	char sent[32];
	snprintf(m->previous, sizeof m->previous, "%s", json_string_value(
		json_object_get(last, "identifier")));
	natrisk_time_format(json_integer_value(json_object_get(last, "sent")),
	                    sent, sizeof sent);
	snprintf(m->references, sizeof m->references, "%s,%s,%s",
	         json_string_value(json_object_get(last, "sender")),
	         m->previous, sent);
	m->classification = (natrisk_classification)json_integer_value(
		json_object_get(last, "classification"));
	m->scenarios = json_dumps(json_object_get(last, "scenarios"),
	                          JSON_COMPACT);
	json_decref(last);
	return m->scenarios ? 0 : refused(reply_error(r, 500, "out of memory"));
}

static int read_manual(request *q, json_t *body, manual *m, reply *r)
{
	json_t *type = json_object_get(body, "msg_type");
	m->msg_type = type ? json_string_value(type) : "Alert";
	if (!m->msg_type || (strcmp(m->msg_type, "Alert") != 0 &&
	                     strcmp(m->msg_type, "Update") != 0 &&
	                     strcmp(m->msg_type, "Cancel") != 0))
		return refused(reply_error(r, 422, "msg_type must be one of: "
		                           "Alert, Update, Cancel"));
	if (code_of(body, "status", NATRISK_CAP_STATUS, "Actual", &m->status,
	            r) || info_of(body, &m->level, r))
		return -1;
	bool alert = strcmp(m->msg_type, "Alert") == 0;
	if (alert && json_object_get(body, "references"))
		return refused(reply_error(r, 422, "an Alert starts a chain: "
		                           "it references nothing"));
	if (!alert && json_object_get(body, "scenarios"))
		return refused(reply_error(r, 422, "an Update or Cancel keeps "
		                           "the scenarios of its alert"));
	return alert ? scenarios_of(q, body, m, r)
	             : chain_of(q, body, m, r);
}

/* The message of M, made and validated; *XML is the caller's. */
static int write_manual(request *q, manual *m, int64_t now, char **xml,
                        reply *r)
{
	const char *sender = q->srv->alerts->sender;
	unsigned char random[6];
	char suffix[13];
	randombytes_buf(random, sizeof random);
	sodium_bin2hex(suffix, sizeof suffix, random, sizeof random);
	natrisk_cap_identifier(suffix, now, m->identifier,
	                       sizeof m->identifier);
	natrisk_cap_message msg = {
		.sender = sender, .identifier = m->identifier, .sent = now,
		.status = m->status, .msg_type = m->msg_type,
		.references = m->previous[0] ? m->references : NULL,
		.level = &m->level,
	};
	size_t len;
	if (natrisk_cap_write(&msg, xml, &len) != 0)
		return refused(reply_error(r, 500, "out of memory"));
	natrisk_diag *diag = natrisk_diag_new();
	int rc = diag ? natrisk_cap_validate("alert", *xml, len, diag)
	              : NATRISK_ENOMEM;
	if (rc != 0)
		reply_invalid(r, rc, diag);
	natrisk_diag_free(diag);
	return rc == 0 ? 0 : -1;
}

static int store_manual(request *q, manual *m, int64_t now, const char *xml,
                        reply *r)
{
	natrisk_alert_new a = {
		.identifier = m->identifier,
		.previous = m->previous[0] ? m->previous : NULL,
		.sender = q->srv->alerts->sender,
		.sent = now, .status = m->status, .msg_type = m->msg_type,
		.source = "manual", .edition = q->edition_id,
		.scenarios = m->scenarios,
		.classification = m->classification,
		.headline = m->level.headline.en ? m->level.headline.en
		                                 : m->level.headline.nl,
		.cap = xml,
	};
	int rc = natrisk_store_alerts_add(q->srv->store, &a, 1, NULL,
	                                  q->user.name);
	if (rc != 0)
		return reply_failure(r, rc);
	alerts_wake(q->srv);
	return reply_json(r, 201, json_pack(
		"{s:s, s:s, s:s, s:s, s:s}", "identifier", m->identifier,
		"status", m->status, "msg_type", m->msg_type, "classification",
		natrisk_classification_name(m->classification), "cap", xml));
}

int h_alert_issue(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	if (!body)
		return 0;
	manual m = { 0 };
	char *xml = NULL;
	int64_t now = (int64_t)alert_now();
	if (read_manual(q, body, &m, r) == 0 &&
	    write_manual(q, &m, now, &xml, r) == 0)
		store_manual(q, &m, now, xml, r);
	free(xml);
	free(m.scenarios);
	json_decref(body);
	return 0;
}
