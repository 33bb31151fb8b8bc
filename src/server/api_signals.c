/*
 * api_signals.c - horizon scanning: reporters submit signals and edit
 * them until they are triaged; analysts, chairs and admins read the
 * signals within their clearance and triage them; a chair of the
 * edition a proposal names makes it a scenario in one action. Who may
 * reach which signal is decided in authz.c; the store checks every body
 * and keeps to the need-to-know rule in every answer (signals.h).
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/signals.h>

#include "authz.h"
#include "handlers.h"

static int reply_signal(reply *r, int rc, char *json, unsigned status)
{
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_take(r, status, "application/json", json, strlen(json));
}

/* Whether the body is a JSON object (400 otherwise). */
static bool body_is_object(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	json_decref(body);
	return body != NULL;
}

int h_signals_list(request *q, reply *r)
{
	natrisk_signal_reader who;
	char *json = NULL;
	authz_signal_reader(q, &who);
	int rc = natrisk_store_signals(q->srv->store, &who, &json);
	return reply_signal(r, rc, json, 200);
}

int h_signal_submit(request *q, reply *r)
{
	natrisk_signal_reader who;
	char *json = NULL;
	if (!body_is_object(q, r))
		return 0;
	authz_signal_reader(q, &who);
	int rc = natrisk_store_signal_submit(q->srv->store, &who, q->body,
	                                     q->body_len, &json);
	return reply_signal(r, rc, json, 201);
}

int h_signal_get(request *q, reply *r)
{
	natrisk_signal_reader who;
	char *json = NULL;
	authz_signal_reader(q, &who);
	int rc = natrisk_store_signal(q->srv->store, &who, q->signal, &json);
	return reply_signal(r, rc, json, 200);
}

/* A store call that changes signal ID with a JSON BODY (an edit or a
 * triage decision) and answers the signal as WHO sees it. */
typedef int signal_change(natrisk_store *s, const natrisk_signal_reader *who,
                          const char *id, const char *body, size_t len,
                          char **json);

static int change_signal(request *q, reply *r, signal_change *change,
                         int status)
{
	natrisk_signal_reader who;
	char *json = NULL;
	if (!body_is_object(q, r))
		return 0;
	authz_signal_reader(q, &who);
	int rc = change(q->srv->store, &who, q->signal, q->body, q->body_len,
	                &json);
	return reply_signal(r, rc, json, status);
}

int h_signal_edit(request *q, reply *r)
{
	return change_signal(q, r, natrisk_store_signal_edit, 200);
}

int h_signal_triage(request *q, reply *r)
{
	return change_signal(q, r, natrisk_store_signal_triage, 201);
}

/* POST /api/signals/{signal}/adopt: the proposal of a new scenario
 * becomes one. The edition comes from the proposal, so whether the user
 * chairs it is asked once the signal is known to be one they may see
 * (404 otherwise) and to propose a new scenario (409 otherwise). */
int h_signal_adopt(request *q, reply *r)
{
	natrisk_signal_reader who;
	if (!body_is_object(q, r))
		return 0;
	authz_signal_reader(q, &who);
	int64_t edition;
	int rc = natrisk_store_signal_proposal(q->srv->store, &who, q->signal,
	                                       &edition);
	if (rc != 0)
		return reply_failure(r, rc);
	q->edition_id = edition;
	if (authz_check(q, ACCESS_MANAGE_EDITION, r) != 0)
		return 0;
	natrisk_diag *diag = natrisk_diag_new();
	char *json = NULL;
	rc = diag ? natrisk_store_signal_adopt(q->srv->store, &who, q->signal,
	                                       edition, q->body, q->body_len,
	                                       diag, &json)
	          : NATRISK_ENOMEM;
	if (rc != 0)
		reply_invalid(r, rc, diag);
	natrisk_diag_free(diag);
	return rc == 0 ? reply_signal(r, 0, json, 201) : 0;
}
