/*
 * api_scenarios.c - the work on an edition's scenarios: reading, adding
 * and editing them, assigning analysts, the analysts' own scores and the
 * chair's consolidated ones (one criterion, or a scenario's at once),
 * the spread between analysts and who has scored what. The store
 * checks every scenario and score with the assessment loader; a rejected
 * one comes back as 422 with the loader's messages.
 */
#include <stdlib.h>
#include <string.h>

#include <natrisk/scoring.h>

#include "handlers.h"

/* Replies with stored JSON text (taken), or the failure. */
static int reply_stored(reply *r, int rc, char *json)
{
	if (rc != 0)
		return reply_failure(r, rc);
	return reply_take(r, 200, "application/json", json, strlen(json));
}

int h_scenarios_list(request *q, reply *r)
{
	char *json;
	int rc = natrisk_store_scenarios(q->srv->store, q->edition_id,
	                                 q->user.clearance, &json);
	return reply_stored(r, rc, json);
}

int h_scenario_get(request *q, reply *r)
{
	char *json;
	int rc = natrisk_store_scenario(q->srv->store, q->edition_id,
	                                q->scenario, &json);
	return reply_stored(r, rc, json);
}

/* Checks that the body is JSON (400 otherwise) of the wanted shape. */
static bool body_is_json(request *q, reply *r, bool object)
{
	json_t *body = object ? request_json(q, r) : request_json_any(q, r);
	json_decref(body);
	return body != NULL;
}

/* The answer to a write: 422 with the diagnostics (each naming its
 * file under FILE_KEY, when given), or the scenario. */
static int after_write_named(request *q, reply *r, int rc,
                             natrisk_diag *diag, unsigned status,
                             const char *file_key)
{
	if (rc != 0)
		reply_invalid_named(r, rc, diag, file_key);
	natrisk_diag_free(diag);
	if (rc != 0)
		return 0;
	h_scenario_get(q, r);
	if (r->status == 200)
		r->status = status;
	return 0;
}

static int after_write(request *q, reply *r, int rc, natrisk_diag *diag,
                       unsigned status)
{
	return after_write_named(q, r, rc, diag, status, NULL);
}

int h_scenario_add(request *q, reply *r)
{
	if (!body_is_json(q, r, true))
		return 0;
	natrisk_diag *diag = natrisk_diag_new();
	char *id = NULL;
	int rc = natrisk_store_scenario_add(q->srv->store, q->edition_id,
	                                    q->body, q->body_len, q->user.name,
	                                    q->user.clearance, diag, &id);
	/* the scenario's id, made by the store, for the answer */
	snprintf(q->scenario, sizeof q->scenario, "%s", id ? id : "");
	free(id);
	return after_write(q, r, rc, diag, 201);
}

int h_scenario_edit(request *q, reply *r)
{
	if (!body_is_json(q, r, true))
		return 0;
	natrisk_diag *diag = natrisk_diag_new();
	int rc = natrisk_store_scenario_edit(q->srv->store, q->edition_id,
	                                     q->scenario, q->body, q->body_len,
	                                     q->user.name, q->user.clearance,
	                                     diag);
	return after_write(q, r, rc, diag, 200);
}

int h_scenario_assign(request *q, reply *r)
{
	json_t *body = request_json(q, r);
	size_t count;
	const char **names = body ? body_names(body, "analysts", 1000, &count)
	                          : NULL;
	if (body && !names)
		reply_error(r, 400, "expected {\"analysts\": [names]}");
	if (names) {
		int rc = natrisk_store_assign(q->srv->store, q->edition_id,
		                              q->scenario, names, count,
		                              q->user.name);
		if (rc != 0)
			reply_failure(r, rc);
		else
			h_scenario_get(q, r);
	}
	free(names);
	json_decref(body);
	return 0;
}

/* One score (of the path's criterion) or a batch of them ({CRITERION:
 * score, ...}, all written or none, its errors naming their criterion). */
static int put_score(request *q, reply *r, bool consolidated, bool batch)
{
	if (!body_is_json(q, r, batch))
		return 0;
	natrisk_diag *diag = natrisk_diag_new();
	natrisk_store *store = q->srv->store;
	int rc = batch ? natrisk_store_score_batch(store, q->edition_id,
	                                           q->scenario, consolidated,
	                                           q->body, q->body_len,
	                                           q->user.name, diag)
	               : natrisk_store_score(store, q->edition_id, q->scenario,
	                                     q->criterion, consolidated,
	                                     q->body, q->body_len,
	                                     q->user.name, diag);
	if (rc != 0 || consolidated)
		return after_write_named(q, r, rc, diag, 200,
		                         batch ? "criterion" : NULL);
	natrisk_diag_free(diag);
	return h_scores_get(q, r);
}

int h_score_put(request *q, reply *r)
{
	return put_score(q, r, false, false);
}

int h_consolidated_put(request *q, reply *r)
{
	return put_score(q, r, true, false);
}

int h_scores_put(request *q, reply *r)
{
	return put_score(q, r, false, true);
}

int h_consolidated_put_all(request *q, reply *r)
{
	return put_score(q, r, true, true);
}

int h_scoring(request *q, reply *r)
{
	char *json;
	int rc = natrisk_store_scoring(q->srv->store, q->edition_id,
	                               q->user.clearance, &json);
	return reply_stored(r, rc, json);
}

int h_scores_get(request *q, reply *r)
{
	bool own = q->user.role == NATRISK_ROLE_ANALYST;
	char *json;
	int rc = natrisk_store_scores(q->srv->store, q->edition_id, q->scenario,
	                              own ? q->user.name : NULL, &json);
	return reply_stored(r, rc, json);
}

int h_spread(request *q, reply *r)
{
	char *json;
	int rc = natrisk_store_spread(q->srv->store, q->edition_id,
	                              q->user.clearance, &json);
	return reply_stored(r, rc, json);
}
